"""Every change of a comment's state. Each function checks what it must, then writes the change and
its Decision row in one transaction; what follows the change (cache purge, notifications) runs after
commit. Views and the API call these and nothing else to change a comment."""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from tribune.accounts import notices
from tribune.accounts.selectors import standing_of
from tribune.core import metrics, snapshots

from . import errors, events, ratelimit, screening, text
from .models import (
    LAST_LEVEL,
    Appeal,
    Comment,
    CommentRevision,
    CommentSettings,
    Decision,
    Premoderation,
    Report,
    Rule,
    Status,
)
from .screening import SETTINGS_SNAPSHOT

VISIBLE_TO_REPLY = (Status.PUBLISHED,)
EDITABLE = (Status.PUBLISHED, Status.PENDING, Status.HELD)


def _load_comment_settings():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CommentSettings()
    return CommentSettings.for_site(site)


def comment_settings():
    """The site's comment settings (one site serves every language). Every comment reads them, so
    each process keeps a copy until they change (tribune/core/snapshots.py); treat it as read-only."""
    return snapshots.get(SETTINGS_SNAPSHOT, "config", _load_comment_settings)


def edit_window(config=None):
    return datetime.timedelta(minutes=(config or comment_settings()).edit_window_minutes)


def thread_is_open(article, config=None, now=None):
    config = config or comment_settings()
    if not article.live or not article.comments_open:
        return False
    if config.close_after_days:
        closes_at = article.published_at + datetime.timedelta(days=config.close_after_days)
        return (now or timezone.now()) < closes_at
    return True


def _clean_text(raw, config):
    cleaned = text.normalize(raw)
    if not cleaned:
        raise errors.EmptyComment()
    if text.length(cleaned) > config.max_length:
        raise errors.CommentTooLong(limit=config.max_length, length=text.length(cleaned))
    return cleaned


def _rate_keys(author, ip_address):
    return [f"user:{author.pk}"] + ([f"ip:{ip_address}"] if ip_address else [])


def _check_cooldown(author, ip_address, config):
    """Refuse a comment within the cooldown of the last one, without counting this attempt."""
    seconds = config.min_seconds_between_comments
    keys = _rate_keys(author, ip_address)
    wait = ratelimit.cooldowns_remaining([f"comment:{key}" for key in keys], seconds) if seconds else 0
    if wait:
        raise errors.RateLimited(seconds=wait)


def _check_rate(author, ip_address, config):
    """One comment per cooldown and so many an hour, per reader and per address. A refusal on one
    key does not start the cooldown of the others."""
    keys = _rate_keys(author, ip_address)
    seconds = config.min_seconds_between_comments
    _check_cooldown(author, ip_address, config)
    wait = ratelimit.hit_all([f"comment-hour:{key}" for key in keys], config.comments_per_hour, 3600)
    if wait:
        raise errors.RateLimited(seconds=wait)
    claimed = []
    for key in keys if seconds else ():
        wait = ratelimit.claim_cooldown(f"comment:{key}", seconds)
        if wait:  # another comment got in first, just now
            for other in claimed:
                ratelimit.release_cooldown(other)
            raise errors.RateLimited(seconds=wait)
        claimed.append(f"comment:{key}")


def _reply_target(article, parent_id):
    """The comment replied to, which must be published in the same thread."""
    if parent_id is None:
        return None
    target = (
        Comment.objects.select_related("parent")
        .filter(pk=parent_id, article_id=article.pk, status__in=VISIBLE_TO_REPLY)
        .first()
    )
    if target is None:
        raise errors.InvalidParent()
    return target


LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ru|am|info|biz|me|io)\b")


def _site_hold(*, author, article, cleaned, config, standing):
    """Why the site's settings hold a comment the engine would publish, or "" if they do not."""
    if standing.premoderated:
        return "premoderated_reader"
    if config.premoderation == Premoderation.ALL or article.comments_premoderated:
        return "premoderation"

    # The author's earlier comments are looked up only where a setting asks for them: building the
    # query costs about as much as running it.
    def earlier():
        return Comment.objects.filter(author=author).exclude(status=Status.DELETED)

    if config.new_commenter_holds and earlier().count() < config.new_commenter_holds:
        return "new_commenter"
    if config.hold_links and LINK.search(cleaned) and not earlier().filter(status=Status.PUBLISHED).exists():
        return "links"
    return ""


def comment_submit(
    *, author, article, text_raw, parent_id=None, ip_address=None, acknowledge_rules=False
) -> Comment:
    """A reader's new comment or reply: checked, screened, stored with its Decision.

    If the house rules would not publish it, the reader is nudged (errors.Nudge) unless they
    `acknowledge_rules`: then it is stored held, or rejected if it is near-certain advertising."""
    standing = standing_of(author)
    if standing.warning is not None and standing.sanction is None:
        raise errors.WarningUnacknowledged(standing)
    if not standing.may_comment:
        raise errors.AccountRestricted(standing)
    if not article.live:
        raise errors.ArticleUnavailable()
    config = comment_settings()
    if not thread_is_open(article, config):
        raise errors.ThreadClosed()
    cleaned = _clean_text(text_raw, config)
    target = _reply_target(article, parent_id)
    since = timezone.now() - datetime.timedelta(minutes=config.duplicate_window_minutes)
    if Comment.objects.filter(author=author, text=cleaned, created_at__gte=since).exists():
        raise errors.DuplicateComment()
    _check_cooldown(author, ip_address, config)

    parent, in_reply_to = target, None
    if target is not None and target.depth >= LAST_LEVEL:
        # Deeper replies attach to the last level shown, remembering whom they answer.
        parent, in_reply_to = target.parent, target
    verdict = screening.screen(
        text=cleaned, article=article, parent=target, author=author, config=config, quick=True
    )
    engine_rules = verdict.details.get("reasons", [])
    if verdict.status != Status.PUBLISHED and engine_rules and not acknowledge_rules:
        metrics.comment_nudged(language=article.locale.language_code, rule=engine_rules[0])
        # Nothing is stored and nothing counted: the reader may send it again at once, edited or not.
        raise errors.Nudge(verdict)
    _check_rate(author, ip_address, config)
    status, held_for = verdict.status, verdict.reason
    if status == Status.PUBLISHED:
        held_for = _site_hold(
            author=author, article=article, cleaned=cleaned, config=config, standing=standing
        )
        status = Status.HELD if held_for else Status.PUBLISHED

    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            author=author,
            parent=parent,
            root=(parent.root or parent) if parent else None,
            in_reply_to=in_reply_to,
            depth=parent.depth + 1 if parent else 0,
            status=status,
            text=cleaned,
            html=text.render(cleaned),
            language=article.locale.language_code,
            ip_address=ip_address,
            held_for=held_for if status != Status.PUBLISHED else "",
            **_screening_fields(verdict),
        )
        details = {"author": author.pk, **verdict.details}
        if acknowledge_rules and engine_rules:
            details["acknowledged_rules"] = True
        Decision.objects.create(
            comment=comment,
            actor=None,
            action=Decision.Action.SUBMIT,
            to_status=status,
            reason=held_for if status != Status.PUBLISHED else "",
            details=details,
        )
        if comment.root_id and status == Status.PUBLISHED:
            Comment.objects.filter(pk=comment.root_id).update(reply_count=F("reply_count") + 1)
        metrics.comment_submitted(comment)
        events.thread_changed(article.pk, article=article)
        events.comment_event("comment.created", comment.pk)
        if status == Status.HELD:
            events.comment_event("comment.held", comment.pk)
        if verdict.slow_checks:
            events.slow_checks(comment.pk)
    return comment


def _screening_fields(verdict):
    return {
        "scores": verdict.details.get("scores", {}),
        "findings": verdict.details.get("findings", []),
        "flags": verdict.details.get("flags", []),
        "model_version": verdict.details.get("model_version", ""),
    }


def comment_edit(*, comment, editor, text_raw) -> Comment:
    """The author rewrites their comment within the edit window; the old text is kept."""
    if comment.author_id is None or comment.author_id != editor.pk:
        raise errors.NotAuthor()
    if comment.status not in EDITABLE:
        raise errors.CommentGone()
    config = comment_settings()
    if timezone.now() > comment.created_at + edit_window(config):
        raise errors.EditWindowClosed(minutes=config.edit_window_minutes)
    cleaned = _clean_text(text_raw, config)
    if cleaned == comment.text:
        return comment
    verdict = screening.screen(
        text=cleaned, article=comment.article, parent=comment.parent, author=editor, config=config, quick=True
    )
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.status not in EDITABLE:
            raise errors.CommentGone()
        revision = CommentRevision.objects.create(
            comment=locked, text=locked.text, created_at=locked.edited_at or locked.created_at
        )
        from_status = locked.status
        # The screening may hold an edited comment; it never publishes one a moderator held.
        new_status = verdict.status if from_status == Status.PUBLISHED else from_status
        locked.text, locked.html = cleaned, text.render(cleaned)
        locked.edited_at, locked.status = timezone.now(), new_status
        for name, value in _screening_fields(verdict).items():
            setattr(locked, name, value)
        if new_status != from_status:
            locked.held_for = verdict.reason
        locked.save(
            update_fields=[
                "text",
                "html",
                "edited_at",
                "status",
                "held_for",
                "scores",
                "findings",
                "flags",
                "model_version",
            ]
        )
        if locked.root_id and from_status == Status.PUBLISHED and new_status != Status.PUBLISHED:
            Comment.objects.filter(pk=locked.root_id).update(reply_count=F("reply_count") - 1)
        Decision.objects.create(
            comment=locked,
            actor=editor,
            action=Decision.Action.EDIT,
            from_status=from_status,
            to_status=new_status,
            reason=verdict.reason,
            details={"revision": revision.pk, **verdict.details},
        )
        events.thread_changed(locked.article_id, pick=locked.featured)
        if verdict.slow_checks:
            events.slow_checks(locked.pk)
    return locked


def comment_delete(*, comment, actor) -> Comment:
    """The author deletes their comment; a tombstone stays in the thread while it has replies."""
    if comment.author_id is None or comment.author_id != actor.pk:
        raise errors.NotAuthor()
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.status == Status.DELETED:
            return locked
        from_status = locked.status
        locked.status = Status.DELETED
        locked.save(update_fields=["status"])
        if locked.root_id and from_status == Status.PUBLISHED:
            Comment.objects.filter(pk=locked.root_id).update(reply_count=F("reply_count") - 1)
        Decision.objects.create(
            comment=locked,
            actor=actor,
            action=Decision.Action.DELETE,
            from_status=from_status,
            to_status=Status.DELETED,
            reason="author",
        )
        events.thread_changed(locked.article_id, pick=locked.featured)
    return locked


def comment_report(*, comment, reporter, reason, note="") -> Report:
    """A reader flags a comment for the desk. The comment stays as it is."""
    if reason not in Report.Reason.values:
        raise errors.InvalidReason()
    if comment.status != Status.PUBLISHED:
        raise errors.CommentGone()
    if Report.objects.filter(comment=comment, reporter=reporter).exists():
        raise errors.AlreadyReported()
    config = comment_settings()
    wait = ratelimit.hit(f"report-hour:user:{reporter.pk}", config.reports_per_hour, 3600)
    if wait:
        raise errors.RateLimited(seconds=wait)
    note = text.normalize(note)[: Report._meta.get_field("note").max_length]
    try:
        with transaction.atomic():
            report = Report.objects.create(comment=comment, reporter=reporter, reason=reason, note=note)
            Comment.objects.filter(pk=comment.pk).update(open_reports=F("open_reports") + 1)
            Decision.objects.create(
                comment=comment,
                actor=reporter,
                action=Decision.Action.REPORT,
                from_status=comment.status,
                to_status=comment.status,
                reason=reason,
                note=note,
                details={"report": report.pk},
            )
            metrics.comment_reported(report, comment)
    except IntegrityError as exc:  # a second report racing the first
        raise errors.AlreadyReported() from exc
    return report


# The desk. A moderator's decision locks the comment's row, checks that nobody decided it since the
# moderator looked (`seen`: the id of the last Decision they saw), writes the new state and its
# Decision in one transaction, and tells the author after commit, in the author's language.

APPROVE, REJECT, DELETE, RESTORE, FEATURE, UNFEATURE = (
    "approve",
    "reject",
    "delete",
    "restore",
    "feature",
    "unfeature",
)
ACTIONS = (APPROVE, REJECT, DELETE, RESTORE, FEATURE, UNFEATURE)
DECIDABLE = (Status.HELD, Status.PENDING, Status.PUBLISHED)
TRANSITIONS = {
    # action: (statuses it applies to, status after, Decision action)
    APPROVE: (DECIDABLE, Status.PUBLISHED, Decision.Action.APPROVE),
    REJECT: (DECIDABLE, Status.REJECTED, Decision.Action.REJECT),
    DELETE: ((*DECIDABLE, Status.REJECTED), Status.DELETED, Decision.Action.REMOVE),
    RESTORE: ((Status.REJECTED, Status.DELETED), Status.PUBLISHED, Decision.Action.RESTORE),
    FEATURE: ((Status.PUBLISHED,), Status.PUBLISHED, Decision.Action.FEATURE),
    UNFEATURE: ((Status.PUBLISHED,), Status.PUBLISHED, Decision.Action.UNFEATURE),
}
HUMAN_DECISIONS = (
    Decision.Action.APPROVE,
    Decision.Action.REJECT,
    Decision.Action.REMOVE,
    Decision.Action.RESTORE,
    Decision.Action.FEATURE,
    Decision.Action.UNFEATURE,
    Decision.Action.UPHOLD,
)
CLAIM = datetime.timedelta(minutes=5)


def is_moderator(user):
    return bool(user and user.is_authenticated and user.has_perm("comments.moderate_comment"))


def _authorize(moderator, comment):
    if not is_moderator(moderator):
        raise errors.NotModerator()
    if not moderator.may_moderate_language(comment.language):
        raise errors.LanguageNotAllowed(language=comment.language)


def _check_not_decided_since(comment, moderator, seen):
    """Another moderator's decision after the last one `moderator` saw (`seen`): theirs stands."""
    if seen is None:
        return
    found = (
        Decision.objects.filter(comment=comment, action__in=HUMAN_DECISIONS, pk__gt=seen)
        .exclude(actor=moderator)
        .select_related("actor")
        .order_by("-pk")
        .first()
    )
    if found is not None:
        who = found.actor.public_name if found.actor else "—"
        raise errors.AlreadyDecided(who=who, action=found.get_action_display())


def _last_human(comment):
    return (
        Decision.objects.filter(comment=comment, action__in=HUMAN_DECISIONS)
        .select_related("actor")
        .order_by("-pk")
        .first()
    )


def _deleted_by_author(comment):
    """Whether the comment's author deleted it (a moderator neither restores nor decides it then)."""
    if comment.status != Status.DELETED:
        return False
    last_delete = comment.decisions.filter(to_status=Status.DELETED).order_by("-pk").first()
    return last_delete is not None and last_delete.action == Decision.Action.DELETE


def _refuse_transition(comment, action):
    last = _last_human(comment)
    if last is not None and action in (APPROVE, REJECT, DELETE):
        who = last.actor.public_name if last.actor else "—"
        raise errors.AlreadyDecided(who=who, action=last.get_action_display())
    raise errors.NotAllowedNow(status=comment.get_status_display())


NOTICE_FOR = {
    Decision.Action.REJECT: "rejected",
    Decision.Action.REMOVE: "removed",
    Decision.Action.RESTORE: "restored",
    Decision.Action.FEATURE: "featured",
}


def _tell_author(comment, decision, config):
    kind = NOTICE_FOR.get(decision.action)
    if decision.action == Decision.Action.APPROVE and decision.from_status in (Status.HELD, Status.PENDING):
        kind = "approved"
    if kind is None or comment.author is None:
        return
    params = {"article": comment.article.title, "comment": comment.pk}
    if kind in ("rejected", "removed"):
        params.update(rule=decision.reason or "other", note=decision.note, days=config.appeal_days)
    notices.notify(comment.author, kind, url=comment.article.url or "", **params)


def _check_decision(moderator, action, reason, note):
    """What a decision needs before any comment is looked at; returns the note, trimmed."""
    if not is_moderator(moderator):
        raise errors.NotModerator()
    if action not in ACTIONS:
        raise errors.InvalidAction()
    note = (note or "").strip()[:2000]
    if action == REJECT or (action == DELETE and reason):
        if reason not in Rule.values:
            raise errors.ReasonRequired()
        if reason == Rule.OTHER and not note:
            raise errors.NoteRequired()
    return note


def comment_moderate(*, comment_id, moderator, action, reason="", note="", seen=None) -> Comment:
    """A moderator approves, rejects (with the rule broken), deletes, restores, features or
    unfeatures a comment. Refused, with the reason, if someone decided it since `seen`."""
    note = _check_decision(moderator, action, reason, note)
    config = comment_settings()
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("author", "article")
            .filter(pk=comment_id)
            .first()
        )
        if comment is None:
            raise errors.CommentGone()
        _authorize(moderator, comment)
        if _deleted_by_author(comment):
            raise errors.NotAllowedNow(status=_("deleted by its author"))
        _check_not_decided_since(comment, moderator, seen)
        allowed, to_status, decision_action = TRANSITIONS[action]
        from_status = comment.status
        if from_status not in allowed:
            _refuse_transition(comment, action)
        if (
            action == APPROVE
            and from_status == Status.PUBLISHED
            and comment.reviewed_at is not None
            and not comment.open_reports
        ):
            # Approved, restored or picked already, and nobody reported it since: nothing to decide.
            _refuse_transition(comment, action)
        if action in (FEATURE, UNFEATURE) and comment.featured == (action == FEATURE):
            raise errors.NotAllowedNow(status=comment.get_status_display())
        now = timezone.now()
        pick_changed = action in (FEATURE, UNFEATURE) or (comment.featured and to_status != Status.PUBLISHED)
        comment.status = to_status
        comment.reviewed_at, comment.reviewed_by = now, moderator
        comment.claimed_by, comment.claimed_until = None, None
        if action in (FEATURE, UNFEATURE):
            comment.featured = action == FEATURE
        elif to_status != Status.PUBLISHED:
            comment.featured = False
        open_reports = comment.open_reports
        if action in (APPROVE, REJECT, DELETE):
            Report.objects.filter(comment=comment, resolved_at__isnull=True).update(resolved_at=now)
            comment.open_reports = 0
        comment.save(
            update_fields=[
                "status",
                "reviewed_at",
                "reviewed_by",
                "claimed_by",
                "claimed_until",
                "featured",
                "open_reports",
            ]
        )
        if comment.root_id and (from_status == Status.PUBLISHED) != (to_status == Status.PUBLISHED):
            step = 1 if to_status == Status.PUBLISHED else -1
            Comment.objects.filter(pk=comment.root_id).update(reply_count=F("reply_count") + step)
        decision = Decision.objects.create(
            comment=comment,
            actor=moderator,
            action=decision_action,
            from_status=from_status,
            to_status=to_status,
            reason=reason if action in (REJECT, DELETE) else "",
            note=note,
            details={
                "scores": comment.scores,
                "model_version": comment.model_version,
                "held_for": comment.held_for,
                "open_reports": open_reports,
            },
        )
        if to_status == Status.PUBLISHED and from_status in (Status.REJECTED, Status.DELETED):
            # Restored by a decision of its own: an appeal waiting on it has its answer.
            Appeal.objects.filter(comment=comment, outcome=Appeal.Outcome.OPEN).update(
                outcome=Appeal.Outcome.RESTORED, decided_by=moderator, decided_at=now, note=note
            )
        _tell_author(comment, decision, config)
        metrics.comment_decided(decision, comment)
        events.thread_changed(comment.article_id, pick=pick_changed)
        events.comment_event("comment.decided", comment.pk, decision=decision.pk)
    return comment


def comments_moderate_bulk(*, comment_ids, moderator, action, reason="", note="", seen=None):
    """The same decision on a selection, one comment at a time: a comment someone else decided
    meanwhile, or one this moderator may not decide, is skipped with its reason. `seen`, when
    given, is the id of the newest Decision when the moderator's list was drawn: a comment another
    moderator decided after it is skipped. Returns (decided ids, {id: refusal message}).
    A decision that is wrong for every comment (no reason, no rights) is refused whole."""
    _check_decision(moderator, action, reason, note)
    decided, refused = [], {}
    for comment_id in dict.fromkeys(int(i) for i in comment_ids):
        try:
            comment_moderate(
                comment_id=comment_id,
                moderator=moderator,
                action=action,
                reason=reason,
                note=note,
                seen=seen,
            )
        except errors.CommentError as error:
            refused[comment_id] = str(error)
        else:
            decided.append(comment_id)
    return decided, refused


def comments_reject_author_on_article(*, author_id, article_id, moderator, reason, note="", seen=None):
    """Reject every comment of one author under one article that is not already rejected or gone."""
    ids = (
        Comment.objects.filter(author_id=author_id, article_id=article_id, status__in=DECIDABLE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return comments_moderate_bulk(
        comment_ids=list(ids), moderator=moderator, action=REJECT, reason=reason, note=note, seen=seen
    )


def comment_claim(*, comment_id, moderator):
    """Mark a comment as being looked at by `moderator` for a few minutes, unless someone else has it.
    Returns the moderator who holds the claim (`moderator` or the other one)."""
    if not is_moderator(moderator):
        raise errors.NotModerator()
    now = timezone.now()
    taken = (
        Comment.objects.filter(pk=comment_id)
        .exclude(claimed_until__gt=now, claimed_by__isnull=False)
        .update(claimed_by=moderator, claimed_until=now + CLAIM)
    )
    if taken:
        return moderator
    comment = Comment.objects.select_related("claimed_by").filter(pk=comment_id).first()
    if comment is None:
        raise errors.CommentGone()
    if comment.claimed_by_id == moderator.pk:
        Comment.objects.filter(pk=comment_id).update(claimed_until=now + CLAIM)
    return comment.claimed_by


def comment_appeal(*, comment, author, text_raw) -> Appeal:
    """The author asks once, within the site's appeal period, to reconsider a moderator's decision."""
    if comment.author_id is None or comment.author_id != author.pk:
        raise errors.AppealNotAllowed()
    if Appeal.objects.filter(comment_id=comment.pk).exists():
        raise errors.AlreadyAppealed()
    comment = Comment.objects.filter(pk=comment.pk).first()  # as it is now, not as it was shown
    if comment is None:
        raise errors.CommentGone()
    last = _last_human(comment)
    if (
        last is None
        or last.action not in (Decision.Action.REJECT, Decision.Action.REMOVE)
        or comment.status != last.to_status  # restored, or deleted by the author since
    ):
        raise errors.AppealNotAllowed()
    config = comment_settings()
    if timezone.now() > last.created_at + datetime.timedelta(days=config.appeal_days):
        raise errors.AppealClosed(days=config.appeal_days)
    cleaned = text.normalize(text_raw)
    if not cleaned:
        raise errors.EmptyAppeal()
    if text.length(cleaned) > 2000:
        raise errors.AppealTooLong(limit=2000, length=text.length(cleaned))
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(comment=comment, author=author, text=cleaned)
            Decision.objects.create(
                comment=comment,
                actor=author,
                action=Decision.Action.APPEAL,
                from_status=comment.status,
                to_status=comment.status,
                note=cleaned,
                details={"appeal": appeal.pk, "decision": last.pk},
            )
    except IntegrityError as exc:
        raise errors.AlreadyAppealed() from exc
    return appeal


def appeal_decide(*, appeal_id, moderator, restore, note="") -> Appeal:
    """Restore the comment or keep the decision; the outcome is final and the author is told."""
    if not is_moderator(moderator):
        raise errors.NotModerator()
    note = (note or "").strip()[:2000]
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("comment__article", "comment__author", "decided_by")
            .filter(pk=appeal_id)
            .first()
        )
        if appeal is None:
            raise errors.CommentGone()
        if appeal.outcome != Appeal.Outcome.OPEN:
            who = appeal.decided_by.public_name if appeal.decided_by else "—"
            raise errors.AppealAlreadyDecided(who=who)
        comment = Comment.objects.select_for_update().get(pk=appeal.comment_id)
        _authorize(moderator, comment)
        if _deleted_by_author(comment):
            raise errors.NotAllowedNow(status=_("deleted by its author"))
        if comment.status not in (Status.REJECTED, Status.DELETED):
            raise errors.NotAllowedNow(status=comment.get_status_display())
        now = timezone.now()
        if restore:
            from_status = comment.status
            comment.status, comment.reviewed_at, comment.reviewed_by = Status.PUBLISHED, now, moderator
            comment.save(update_fields=["status", "reviewed_at", "reviewed_by"])
            if comment.root_id:
                Comment.objects.filter(pk=comment.root_id).update(reply_count=F("reply_count") + 1)
            action, to_status = Decision.Action.RESTORE, Status.PUBLISHED
        else:
            from_status = to_status = comment.status
            action = Decision.Action.UPHOLD
        appeal.outcome = Appeal.Outcome.RESTORED if restore else Appeal.Outcome.UPHELD
        appeal.decided_by, appeal.decided_at, appeal.note = moderator, now, note
        appeal.save(update_fields=["outcome", "decided_by", "decided_at", "note"])
        decision = Decision.objects.create(
            comment=comment,
            actor=moderator,
            action=action,
            from_status=from_status,
            to_status=to_status,
            reason="appeal",
            note=note,
            details={"appeal": appeal.pk},
        )
        if comment.author_id:
            notices.notify(
                appeal.comment.author,
                "appeal_restored" if restore else "appeal_upheld",
                url=appeal.comment.article.url or "",
                article=appeal.comment.article.title,
                note=note,
                comment=comment.pk,
            )
        metrics.comment_decided(decision, comment)
        events.thread_changed(comment.article_id)
        events.comment_event("comment.decided", comment.pk, decision=decision.pk)
    return appeal


def comment_rescreen(*, comment_id):
    """Screen a comment again with the current model (the sweeper, after a model change).
    A published comment nobody reviewed that the rules now hold goes to the Held queue; nothing a
    moderator decided changes. Returns the comment, or None if it is gone."""
    comment = Comment.objects.select_related("article", "parent", "in_reply_to").filter(pk=comment_id).first()
    if comment is None or comment.status not in (Status.PUBLISHED, Status.HELD):
        return comment
    config = comment_settings()
    verdict = screening.screen(
        text=comment.text,
        article=comment.article,
        parent=comment.in_reply_to or comment.parent,  # what the author answered, as at submission
        config=config,
    )
    if verdict.details.get("screened_by") or verdict.details.get("errors"):
        return comment  # the engine did not run, or not whole: try again later
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.reviewed_at is not None or locked.status not in (Status.PUBLISHED, Status.HELD):
            return locked
        from_status = locked.status
        for name, value in _screening_fields(verdict).items():
            setattr(locked, name, value)
        fields = ["scores", "findings", "flags", "model_version"]
        if from_status == Status.PUBLISHED and verdict.status != Status.PUBLISHED:
            locked.status, locked.held_for = Status.HELD, verdict.reason
            fields += ["status", "held_for"]
            if locked.root_id:
                Comment.objects.filter(pk=locked.root_id).update(reply_count=F("reply_count") - 1)
            events.thread_changed(locked.article_id)
            events.comment_event("comment.held", locked.pk)
        locked.save(update_fields=fields)
        Decision.objects.create(
            comment=locked,
            actor=None,
            action=Decision.Action.RESCREEN,
            from_status=from_status,
            to_status=locked.status,
            reason=verdict.reason if locked.status != from_status else "",
            details=verdict.details,
        )
    return locked
