"""Every change of a comment's state. Each function checks what it must, then writes the change and
its Decision row in one transaction; what follows the change (cache purge, notifications) runs after
commit. Views and the API call these and nothing else to change a comment."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Site

from tribune.accounts.selectors import standing_of

from . import errors, events, ratelimit, screening, text
from .models import LAST_LEVEL, Comment, CommentRevision, CommentSettings, Decision, Report, Status

VISIBLE_TO_REPLY = (Status.PUBLISHED,)
EDITABLE = (Status.PUBLISHED, Status.PENDING, Status.HELD)


def comment_settings():
    """The site's comment settings (one site serves every language)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CommentSettings()
    return CommentSettings.for_site(site)


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


def _check_rate(author, ip_address, config):
    """One comment per cooldown and so many an hour, per reader and per address. A refusal on one
    key does not start the cooldown of the others."""
    keys = [f"user:{author.pk}"] + ([f"ip:{ip_address}"] if ip_address else [])
    seconds = config.min_seconds_between_comments
    wait = max(ratelimit.cooldown_remaining(f"comment:{key}", seconds) for key in keys) if seconds else 0
    if wait:
        raise errors.RateLimited(seconds=wait)
    for key in keys:
        wait = ratelimit.hit(f"comment-hour:{key}", config.comments_per_hour, 3600)
        if wait:
            raise errors.RateLimited(seconds=wait)
    if seconds:
        for key in keys:
            ratelimit.start_cooldown(f"comment:{key}", seconds)


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


def comment_submit(*, author, article, text_raw, parent_id=None, ip_address=None) -> Comment:
    """A reader's new comment or reply: checked, screened, stored with its Decision."""
    standing = standing_of(author)
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
    _check_rate(author, ip_address, config)

    parent, in_reply_to = target, None
    if target is not None and target.depth >= LAST_LEVEL:
        # Deeper replies attach to the last level shown, remembering whom they answer.
        parent, in_reply_to = target.parent, target
    verdict = screening.screen(text=cleaned, article=article, parent=target, author=author)

    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            author=author,
            parent=parent,
            root=(parent.root or parent) if parent else None,
            in_reply_to=in_reply_to,
            depth=parent.depth + 1 if parent else 0,
            status=verdict.status,
            text=cleaned,
            html=text.render(cleaned),
            language=article.locale.language_code,
            ip_address=ip_address,
        )
        Decision.objects.create(
            comment=comment,
            actor=None,
            action=Decision.Action.SUBMIT,
            to_status=verdict.status,
            reason=verdict.reason,
            details={"author": author.pk, **verdict.details},
        )
        if comment.root_id and verdict.status == Status.PUBLISHED:
            Comment.objects.filter(pk=comment.root_id).update(reply_count=F("reply_count") + 1)
        events.thread_changed(article.pk)
    return comment


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
    verdict = screening.screen(text=cleaned, article=comment.article, parent=comment.parent, author=editor)
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
        locked.save(update_fields=["text", "html", "edited_at", "status"])
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
        events.thread_changed(locked.article_id)
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
        events.thread_changed(locked.article_id)
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
    except IntegrityError as exc:  # a second report racing the first
        raise errors.AlreadyReported() from exc
    return report
