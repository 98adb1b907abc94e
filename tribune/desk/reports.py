"""The desk's figures: the audit log, the dashboard, the policy's precision and recall, and the labelled
export. Plain functions over querysets, each in a fixed number of queries, so that the pages in
`audit.py` only parse, call and render, and the figures can be tested without a request."""

from __future__ import annotations

import bisect
import csv
import datetime
import json
import statistics
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tribune.comments import queues
from tribune.comments.models import ENGINE_RULES, Comment, Decision, Rule, Status
from tribune.comments.tasks import stale_unmoderated

LANGUAGES = ("en", "ru", "hy")
ALL = "all"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "hy": "Հայերեն", ALL: _("All languages")}

# What holds a comment besides the engine's rules: the site's settings, and the engine's absence.
SITE_HOLDS = {
    "premoderation": _("Pre-moderation"),
    "premoderated_reader": _("Reader always pre-moderated"),
    "new_commenter": _("New commenter"),
    "links": _("Links"),
    "engine_off": _("Engine switched off"),
    "engine_unavailable": _("Engine unavailable"),
}
RULE_NAMES = dict(Rule.choices)
REASON_NAMES = {**RULE_NAMES, **SITE_HOLDS}

SCREENING = (Decision.Action.SUBMIT, Decision.Action.EDIT, Decision.Action.RESCREEN)
# A moderator's verdict on a comment (the first one ends its wait in a queue).
VERDICTS = (Decision.Action.APPROVE, Decision.Action.REJECT, Decision.Action.REMOVE)
MODERATOR_ACTIONS = (
    *VERDICTS,
    Decision.Action.RESTORE,
    Decision.Action.FEATURE,
    Decision.Action.UNFEATURE,
    Decision.Action.UPHOLD,
)
# The last of these on a comment says what a person thought of it.
LABELLING = (
    Decision.Action.APPROVE,
    Decision.Action.RESTORE,
    Decision.Action.FEATURE,
    Decision.Action.UNFEATURE,
    Decision.Action.REJECT,
    Decision.Action.REMOVE,
)
NEGATIVE = (
    Decision.Action.APPROVE,
    Decision.Action.RESTORE,
    Decision.Action.FEATURE,
    Decision.Action.UNFEATURE,
)
POSITIVE = (Decision.Action.REJECT, Decision.Action.REMOVE)

SYSTEM = "system"


# Who sees what ---------------------------------------------------------------------------------


def languages_of(user):
    """The languages whose comments `user` may see in the desk's figures: all three for
    administrators and unrestricted moderators."""
    chosen = queues.languages_of(user)
    return LANGUAGES if chosen is None else tuple(chosen)


def _in_languages(queryset, languages, field_name):
    if set(languages) >= set(LANGUAGES):
        return queryset
    return queryset.filter(**{f"{field_name}__in": list(languages)})


def day_start(day):
    """The first moment of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# The audit log ---------------------------------------------------------------------------------


def decision_log(
    *,
    languages=LANGUAGES,
    action="",
    actor="",
    reason="",
    language="",
    article="",
    since=None,
    until=None,
    comment_id=None,
):
    """Decision rows, newest first, with what a list of them shows. `actor` is a user's id or
    "system" (the automatic decisions); `article` an article's id or words of its title; `since` and
    `until` are dates, both included."""
    decisions = _in_languages(Decision.objects.all(), languages, "comment__language")
    if action:
        decisions = decisions.filter(action=action)
    if actor == SYSTEM:
        decisions = decisions.filter(actor__isnull=True)
    elif actor:
        decisions = decisions.filter(actor_id=actor)
    if reason:
        decisions = decisions.filter(reason=reason)
    if language:
        decisions = decisions.filter(comment__language=language)
    article = str(article or "").strip()
    if article.isdigit():
        decisions = decisions.filter(comment__article_id=int(article))
    elif article:
        decisions = decisions.filter(comment__article__title__icontains=article)
    if since:
        decisions = decisions.filter(created_at__gte=day_start(since))
    if until:
        decisions = decisions.filter(created_at__lt=day_start(until + datetime.timedelta(days=1)))
    if comment_id:
        decisions = decisions.filter(comment_id=comment_id)
    return (
        decisions.select_related("actor", "comment")
        .annotate(
            article_id=F("comment__article_id"),
            article_title=F("comment__article__title"),
            language=F("comment__language"),
        )
        .defer("comment__html", "comment__findings", "comment__scores")
        .order_by("-created_at", "-pk")
    )


def deciders():
    """Everyone who took a moderator's decision, for the log's filter."""
    from django.contrib.auth import get_user_model

    moderators = Decision.objects.filter(action__in=MODERATOR_ACTIONS, actor__isnull=False)
    return (
        get_user_model()
        .objects.filter(pk__in=moderators.values("actor_id"))
        .order_by("username")
        .only("pk", "username", "display_name", "first_name")
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


CSV_HEADER = (
    "decision",
    "time",
    "comment",
    "article",
    "article_title",
    "language",
    "action",
    "from_status",
    "to_status",
    "reason",
    "actor",
    "actor_name",
    "note",
    "model_version",
    "scores",
)


def csv_lines(decisions, chunk_size=2000):
    """The log as CSV text, a line at a time: a byte-order mark first so that Excel reads UTF-8, and
    every cell safe from formula injection."""

    class Line:
        def write(self, value):
            return value

    writer = csv.writer(Line())
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    for decision in decisions.iterator(chunk_size=chunk_size):
        details = decision.details or {}
        cells = (
            decision.pk,
            timezone.localtime(decision.created_at).isoformat(timespec="seconds"),
            decision.comment_id,
            decision.article_id,
            decision.article_title,
            decision.language,
            decision.action,
            decision.from_status,
            decision.to_status,
            decision.reason,
            decision.actor.username if decision.actor else SYSTEM,
            decision.actor.public_name if decision.actor else "",
            decision.note,
            details.get("model_version", ""),
            json.dumps(details["scores"], sort_keys=True) if details.get("scores") else "",
        )
        yield writer.writerow([safe_cell(cell) for cell in cells])


# The dashboard ---------------------------------------------------------------------------------

PERIODS = (7, 30, 90)
TOTAL = "total"


@dataclass
class Figures:
    held: int = 0
    overturned: int = 0
    rejected: int = 0
    auto_rejected: int = 0
    reported: int = 0
    waits: list = field(default_factory=list)  # seconds from submission to the first verdict

    @property
    def median_wait(self):
        return statistics.median(self.waits) if self.waits else None

    @property
    def decided(self):
        return len(self.waits)

    @property
    def empty(self):
        return not (self.held or self.overturned or self.rejected or self.auto_rejected or self.reported)


@dataclass
class Dashboard:
    days: int
    since: datetime.datetime
    languages: tuple  # the columns: each language the viewer may see, then ALL if more than one
    rows: list  # (key, label): the rules, the site holds seen in the period, then the total
    cells: dict  # {(row key, language): Figures}
    stale: int  # published comments nobody reviewed, older than `stale_hours`
    stale_hours: int

    def table(self, language):
        return [(key, label, self.cells[(key, language)]) for key, label in self.rows]


def _hold_rules(row):
    reasons = row["reasons"] if isinstance(row["reasons"], list) else []
    return [r for r in reasons if isinstance(r, str)] or ([row["reason"]] if row["reason"] else [])


def dashboard(*, languages=LANGUAGES, days=7, now=None, stale_hours=24):
    """Per rule and language over the last `days`: comments held, approved after a hold (the rule
    overturned), rejected by a moderator, rejected by the rules, reported, and the median time from
    submission to a moderator's first verdict. Two queries: the period's decisions, and the count
    of stale unmoderated comments."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    earlier_verdict = Decision.objects.filter(
        comment_id=OuterRef("comment_id"), action__in=VERDICTS, pk__lt=OuterRef("pk")
    )
    rows = (
        _in_languages(Decision.objects.filter(created_at__gte=since), languages, "comment__language")
        .filter(action__in=(*SCREENING, Decision.Action.REPORT, *VERDICTS))
        .annotate(
            earlier_verdict=Exists(earlier_verdict),
            language=F("comment__language"),
            submitted_at=F("comment__created_at"),
            held_for=F("comment__held_for"),
            reasons=KeyTransform("reasons", "details"),
        )
        .values(
            "comment_id",
            "action",
            "from_status",
            "to_status",
            "reason",
            "created_at",
            "earlier_verdict",
            "language",
            "submitted_at",
            "held_for",
            "reasons",
        )
        .order_by("created_at", "pk")
    )
    columns = tuple(languages) + ((ALL,) if len(languages) > 1 else ())
    cells = defaultdict(Figures)
    held_rules = {}  # comment id -> the rules or settings that held it in the period
    reported_rules = defaultdict(set)
    for row in rows:
        comment_id, action = row["comment_id"], row["action"]
        keys = [key for key in (row["language"], ALL) if key in columns]

        def count(rules, attribute, keys=keys):
            for rule in (*dict.fromkeys(r for r in rules if r), TOTAL):
                for key in keys:
                    figures = cells[(rule, key)]
                    setattr(figures, attribute, getattr(figures, attribute) + 1)

        if action in SCREENING:
            if row["to_status"] == row["from_status"]:
                continue
            if row["to_status"] == Status.HELD:
                held_rules[comment_id] = _hold_rules(row)
                count(held_rules[comment_id], "held")
            elif row["to_status"] == Status.REJECTED:
                count(_hold_rules(row), "auto_rejected")
        elif action == Decision.Action.REPORT:
            reported_rules[comment_id].add(row["reason"])
            count([row["reason"]], "reported")
        else:
            if action == Decision.Action.APPROVE and row["from_status"] == Status.HELD:
                count(held_rules.get(comment_id) or [row["held_for"]], "overturned")
            elif action in POSITIVE and row["from_status"] != Status.REJECTED:
                count([row["reason"]], "rejected")
            if row["earlier_verdict"]:
                continue
            wait = max(0.0, (row["created_at"] - row["submitted_at"]).total_seconds())
            about = set(held_rules.get(comment_id) or ([row["held_for"]] if row["held_for"] else []))
            about |= reported_rules.get(comment_id, set())
            for rule in (*(r for r in about if r), TOTAL):
                for key in keys:
                    cells[(rule, key)].waits.append(wait)
    table_rows = [(rule, RULE_NAMES[rule]) for rule in (*ENGINE_RULES, Rule.OTHER)]
    table_rows += [
        (hold, label)
        for hold, label in SITE_HOLDS.items()
        if any(not cells[(hold, key)].empty for key in columns)
    ]
    table_rows.append((TOTAL, _("All reasons")))
    stale = stale_count(languages=languages, hours=stale_hours, now=now)
    return Dashboard(
        days=days,
        since=since,
        languages=columns,
        rows=table_rows,
        cells={(key, lang): cells[(key, lang)] for key, _label in table_rows for lang in columns},
        stale=stale,
        stale_hours=stale_hours,
    )


# Labelled comments: the site's own decisions as ground truth -------------------------------------


def labelled_comments(*, languages=LANGUAGES, language="", since=None, until=None):
    """Comments a moderator decided, each with the action and the reason of the last decision that
    says what they thought of it (`verdict`, `verdict_reason`). `since` and `until` are the dates the
    comments were written, both included."""
    last = Decision.objects.filter(comment_id=OuterRef("pk"), action__in=LABELLING).order_by("-pk")
    comments = _in_languages(Comment.objects.filter(reviewed_at__isnull=False), languages, "language")
    if language:
        comments = comments.filter(language=language)
    if since:
        comments = comments.filter(created_at__gte=day_start(since))
    if until:
        comments = comments.filter(created_at__lt=day_start(until + datetime.timedelta(days=1)))
    return comments.annotate(
        verdict=Subquery(last.values("action")[:1]),
        verdict_reason=Subquery(last.values("reason")[:1]),
    ).filter(verdict__isnull=False)


def truth(verdict, reason, rule):
    """Whether a person judged that `rule` applies (1), does not (0), or we cannot tell (None), for
    scoring a threshold: approved or restored is clean of every rule, rejected for one rule is
    clean of the others."""
    if verdict in NEGATIVE:
        return 0
    if verdict in POSITIVE and reason in Rule.values:
        return 1 if reason == rule else 0
    return None


def export_label(verdict, reason, rule):
    """The label a retraining file may carry: 1 for the rule a comment was rejected for, 0 for every
    rule when it was approved; a rejection for one rule says nothing sure about the others."""
    if verdict in NEGATIVE:
        return 0
    if verdict in POSITIVE and reason == rule:
        return 1
    return None


# The policy ------------------------------------------------------------------------------------

ALTERNATIVES = (0.3, 0.5, 0.7, 0.9)
MIN_EXAMPLES = 20
POLICY_ACTIONS = ("reject", "hold", "flag")
ACTION_NAMES = {"reject": _("reject"), "hold": _("hold for a moderator"), "flag": _("flag for a look")}


def threshold_of(table, rule, language):
    """The threshold of `rule` in a policy table, for one language or (None) the default."""
    value = table.get(rule)
    if isinstance(value, dict):
        return value.get(language, value.get("default")) if language else value.get("default")
    return value


def precision_recall(pairs, threshold):
    """(precision, recall) of "score ≥ threshold" over (label, score, threshold or None) triples;
    a pair's own threshold, when it has one, replaces `threshold`. None where undefined."""
    tp = fp = fn = 0
    for label, score, own in pairs:
        cut = threshold if own is None else own
        predicted = cut is not None and score >= cut
        if predicted and label:
            tp += 1
        elif predicted:
            fp += 1
        elif label:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


@dataclass
class Setting:
    action: str
    label: str
    threshold: float | None  # None in the all-languages column when languages differ
    precision: float | None
    recall: float | None


@dataclass
class PolicyCell:
    rule: str
    language: str
    examples: int
    positives: int
    current: list  # [Setting] for each action the policy sets for the rule
    alternatives: list  # [(threshold, precision, recall)]

    @property
    def enough(self):
        return self.examples >= MIN_EXAMPLES


def policy_figures(*, policy, languages=LANGUAGES, alternatives=ALTERNATIVES):
    """For each rule and language: the thresholds `policy` (a houserules Policy) sets, and the precision
    and recall each, and each of `alternatives`, would have given on the comments moderators decided.
    One query."""
    pairs = defaultdict(list)  # (rule, language) -> [(label, score, language)]
    rows = labelled_comments(languages=languages).values("language", "scores", "verdict", "verdict_reason")
    columns = tuple(languages) + ((ALL,) if len(languages) > 1 else ())
    for row in rows.iterator(chunk_size=2000):
        scores = row["scores"] or {}
        for rule in ENGINE_RULES:
            label = truth(row["verdict"], row["verdict_reason"], rule)
            score = scores.get(rule)
            if label is None or not isinstance(score, (int, float)):
                continue
            for key in (row["language"], ALL):
                if key in columns:
                    pairs[(rule, key)].append((label, float(score), row["language"]))
    figures = {}
    for rule in ENGINE_RULES:
        for key in columns:
            examples = pairs[(rule, key)]
            current = []
            for action in POLICY_ACTIONS:
                table = getattr(policy, action)
                if rule not in table:
                    continue
                own = [(y, s, threshold_of(table, rule, lang)) for y, s, lang in examples]
                if key == ALL:
                    shown = {threshold_of(table, rule, lang) for lang in languages}
                    threshold = shown.pop() if len(shown) == 1 else None
                else:
                    threshold = threshold_of(table, rule, key)
                if threshold is None and key != ALL:
                    continue
                precision, recall = precision_recall(own, None)
                current.append(Setting(action, ACTION_NAMES[action], threshold, precision, recall))
            plain = [(y, s, None) for y, s, _lang in examples]
            figures[(rule, key)] = PolicyCell(
                rule=rule,
                language=key,
                examples=len(examples),
                positives=sum(y for y, _s, _lang in examples),
                current=current,
                alternatives=[(t, *precision_recall(plain, t)) for t in alternatives],
            )
    return columns, figures


# The labelled export ---------------------------------------------------------------------------

THREAD_CONTEXT = 20
EXPORT_CHUNK = 500
ARTICLES_KEPT = 1000  # at least EXPORT_CHUNK: a chunk's articles are never evicted


def _article_texts(article_ids):
    from tribune.comments.screening import article_text
    from tribune.newsroom.models import ArticlePage

    return {page.pk: article_text(page) for page in ArticlePage.objects.filter(pk__in=article_ids)}


def _threads(article_ids):
    """{article id: ([(created_at, pk)], [text])} of the published comments, oldest first."""
    threads = {pk: ([], []) for pk in article_ids}
    rows = (
        Comment.objects.filter(article_id__in=article_ids, status=Status.PUBLISHED)
        .order_by("created_at", "pk")
        .values_list("article_id", "created_at", "pk", "text")
    )
    for article_id, created_at, pk, text in rows.iterator(chunk_size=2000):
        keys, texts = threads[article_id]
        keys.append((created_at, pk))
        texts.append(text)
    return threads


def export_lines(comments):
    """Labelled comments (from `labelled_comments`) as JSON Lines in the house-rules engine's
    evaluation format, one comment a line: its text and language, its article, the published
    comments before it under that article (up to 20, oldest first), and the labels a moderator's
    decision gives. Comments whose decision tells nothing about any rule are left out. Three queries
    for every 500 comments."""
    articles, threads = OrderedDict(), OrderedDict()
    last = 0
    fields = ("pk", "article_id", "language", "text", "created_at", "verdict", "verdict_reason")
    while True:
        chunk = list(comments.filter(pk__gt=last).order_by("pk").values(*fields)[:EXPORT_CHUNK])
        if not chunk:
            return
        last = chunk[-1]["pk"]
        used = {row["article_id"] for row in chunk}
        needed = used - set(articles)
        if needed:
            articles.update(_article_texts(needed))
            threads.update(_threads(needed))
        for article_id in used & set(articles):  # kept longest: used last
            articles.move_to_end(article_id)
        while len(articles) > ARTICLES_KEPT:
            oldest, _text = articles.popitem(last=False)
            threads.pop(oldest, None)
        for row in chunk:
            labels = {}
            for rule in ENGINE_RULES:
                label = export_label(row["verdict"], row["verdict_reason"], rule)
                if label is not None:
                    labels[rule] = label
            article = articles.get(row["article_id"])
            if not labels or article is None:
                continue
            keys, texts = threads.get(row["article_id"], ([], []))
            before = bisect.bisect_left(keys, (row["created_at"], row["pk"]))
            line = {
                "text": row["text"],
                "lang": row["language"],
                "article": {"title": article["title"], "body": article["body"]},
                "thread": texts[max(0, before - THREAD_CONTEXT) : before],
                "labels": labels,
            }
            yield json.dumps(line, ensure_ascii=False) + "\n"


def stale_count(*, languages=LANGUAGES, hours=24, now=None):
    """Published comments no moderator has looked at, older than `hours`, in `languages`."""
    return _in_languages(stale_unmoderated(hours=hours, now=now), languages, "language").count()
