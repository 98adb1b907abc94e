"""The one place where a new or edited comment is judged before it is stored: the house-rules
engine checks it against every rule, and the site's policy turns the scores into a status. If the
engine cannot run, the comment is held for a person: never published unscreened."""

from __future__ import annotations

import functools
import logging
import re
import time
from dataclasses import dataclass, field
from html import unescape

from django.db import connection

from tribune.core import metrics, snapshots

from .models import Comment, Status

logger = logging.getLogger(__name__)

STATUS_FOR_DECISION = {"publish": Status.PUBLISHED, "hold": Status.HELD, "reject": Status.REJECTED}
TAGS = re.compile(r"<[^>]+>")
THREAD_CONTEXT = 20  # earlier comments the off-topic rule compares with
BACKGROUND_ARTICLES = 12  # other recent articles of the language, the off-topic rule's yardstick
CONTEXT_SECONDS = 300
SETTINGS_SNAPSHOT = "comment-settings"  # the comment settings and the policy made of them
ARTICLE_SNAPSHOT = "comment-articles"  # a live article as the comment API looks it up
WEBHOOKS_SNAPSHOT = "comment-webhooks"  # whether any webhook is active


@dataclass(frozen=True)
class Screening:
    status: str
    reason: str = ""
    details: dict = field(default_factory=dict)
    # A quick screening left out the engine's slow checks that would read this text (the encoder):
    # the stored comment is to be judged again with them (events.slow_checks).
    slow_checks: bool = False


def article_text(article):
    """Title, standfirst and the words of the body, without markup; kept per publication."""
    published = article.last_published_at and article.last_published_at.timestamp()
    return snapshots.get(ARTICLE_SNAPSHOT, f"text:{article.pk}:{published}", lambda: _article_text(article))


def _article_text(article):
    parts = [article.standfirst]
    for block in article.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(unescape(TAGS.sub(" ", str(value.source if hasattr(value, "source") else value))))
        elif block.block_type == "quote":
            parts.append(value.get("text", ""))
    return {"title": article.title, "body": " ".join(p for p in parts if p)}


def _background(article):
    """Other recent articles of the language: kept until any page changes, and CONTEXT_SECONDS at
    most, for they age as new ones are published."""
    found = snapshots.get(
        ARTICLE_SNAPSHOT,
        f"background:{article.locale_id}:{int(time.time() // CONTEXT_SECONDS)}",
        lambda: _recent_articles(article.locale_id),
    )
    return [text for pk, text in found if pk != article.pk][:BACKGROUND_ARTICLES]


def _recent_articles(locale_id):
    from tribune.newsroom.models import ArticlePage

    recent = (
        ArticlePage.objects.live()
        .filter(locale_id=locale_id)
        .order_by("-published_at")
        .only("pk", "title", "standfirst")[: BACKGROUND_ARTICLES + 1]
    )
    return [(a.pk, {"title": a.title, "body": a.standfirst}) for a in recent]


def _thread(article):
    """The texts of the thread's latest THREAD_CONTEXT published comments, newest first. Every post
    to a busy thread asks for them, and building this query with the ORM took several times as long
    as running it: so it is written out once (the index comment_recent_idx serves it)."""
    with connection.cursor() as cursor:
        cursor.execute(_thread_sql(), [article.pk, Status.PUBLISHED, THREAD_CONTEXT])
        return [text for (text,) in cursor.fetchall()]


@functools.cache
def _thread_sql():
    quote, meta = connection.ops.quote_name, Comment._meta
    column = {
        name: quote(meta.get_field(name).column) for name in ("text", "article", "status", "created_at")
    }
    # Names from the model, values as parameters.
    return (
        f"SELECT {column['text']} FROM {quote(meta.db_table)}"  # noqa: S608
        f" WHERE {column['article']} = %s AND {column['status']} = %s"
        f" ORDER BY {column['created_at']} DESC LIMIT %s"
    )


def site_policy(config):
    """The engine's default policy with the editors' overrides from the comment settings: rows for
    all languages first, then those for one language. A threshold of 1 switches the action off for
    its rule (and language): no score reaches past it, not even a certain 1.0."""
    from tribune.houserules.engine import DEFAULT_POLICY, Policy

    tables = {
        "hold": dict(DEFAULT_POLICY.hold),
        "reject": dict(DEFAULT_POLICY.reject),
        "flag": dict(DEFAULT_POLICY.flag),
    }
    rows = sorted(config.thresholds.all(), key=lambda row: (bool(row.language), row.pk or 0))
    for row in rows:
        table = tables[row.action]
        threshold = None if row.threshold >= 1 else float(row.threshold)
        if not row.language:  # replaces the engine's default for every language
            table[row.rule] = {"default": threshold}
            continue
        current = table.get(row.rule)
        current = dict(current) if isinstance(current, dict) else {"default": current}
        current[row.language] = threshold
        table[row.rule] = current
    return Policy(**tables)


def policy_for_language(policy, language):
    """`policy` with each threshold resolved for one language: the site's thresholds per language
    apply to the language of the comment's thread (the article's), the language the desk counts
    and limits moderators by, whatever language the engine detects in the words."""
    from tribune.houserules.engine import Policy

    def resolve(table):
        resolved = {}
        for rule, value in table.items():
            if isinstance(value, dict):
                value = value.get(language, value.get("default"))
            if value is not None:
                resolved[rule] = value
        return resolved

    return Policy(hold=resolve(policy.hold), reject=resolve(policy.reject), flag=resolve(policy.flag))


def _default_policy():
    from tribune.houserules.engine import DEFAULT_POLICY

    return DEFAULT_POLICY


def _policy(config, language):
    """The policy for a thread in `language`: the site's (kept per process until the settings
    change, like the settings themselves), or the engine's default without saved settings."""
    if config is None or not config.pk:
        return policy_for_language(_default_policy(), language)
    return snapshots.get(
        SETTINGS_SNAPSHOT,
        f"policy:{config.pk}:{language}",
        lambda: policy_for_language(site_policy(config), language),
    )


def screen(*, text, article, parent=None, author=None, config=None, quick=False) -> Screening:
    """The house rules' verdict on `text` under `article`, with the site's policy. `quick` leaves out
    the engine's slow checks (the multilingual encoder): the reader is answered at once, and where
    those checks would read the text (`slow_checks`), `events.slow_checks` judges the stored comment
    again, fully, after the commit."""
    if config is not None and not config.engine_enabled:
        return Screening(status=Status.HELD, reason="engine_off", details={"screened_by": "nobody"})
    language = article.locale.language_code
    try:
        from tribune.houserules import assess

        context = {
            "article": article_text(article),
            "thread": _thread(article),
            "parent": parent.text if parent is not None else None,
            "background": _background(article),
            "policy": _policy(config, language),
        }
        with metrics.engine_timer(language):
            result = assess(text, encoder=not quick, **context)
    except Exception:  # the engine is down: a person decides
        logger.exception("house-rules engine failed; holding the comment")
        return Screening(status=Status.HELD, reason="engine_unavailable", details={"screened_by": "fallback"})
    status = STATUS_FOR_DECISION[result.decision]
    reason = result.reasons[0] if result.reasons else ""
    if result.errors and not reason:  # a rule could not run: held for a person, and saying why
        reason = "engine_unavailable"
    details = {
        "model_version": result.model_version,
        "lang": result.lang,
        "scores": result.scores,
        "flags": list(result.flags),
        "reasons": list(result.reasons),
        "findings": [
            {"rule": f.rule, "start": f.start, "end": f.end, "evidence": f.evidence, "key": f.key}
            for f in result.findings
        ],
    }
    if result.errors:
        details["errors"] = list(result.errors)
    return Screening(status=status, reason=reason, details=details, slow_checks=result.slow_checks)
