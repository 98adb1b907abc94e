"""What a reader may do with their own account as a whole: take a copy of everything the site keeps
about them (`account_export`) and leave (`account_delete`); and the measures the desk takes on a
reader (`sanction_impose`, `sanction_lift`), which the reader acknowledges (`warning_acknowledge`).
Every measure is a Sanction row that stays after it ends: who, why, when, and who lifted it."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tribune.comments import events
from tribune.comments.models import Comment, Report, Status
from tribune.comments.services import comment_delete
from tribune.core import snapshots

from . import notices
from .models import ModeratorNote, Sanction, User
from .selectors import SANCTIONS_SNAPSHOT

EXPORT_FORMAT = "tribune-account-export"
EXPORT_VERSION = 1


class AccountDeletionRefused(Exception):
    """Staff accounts are closed by an administrator, not from the readers' account page."""


def _when(value):
    return value.isoformat() if value else None


def _article(article, anchor=""):
    """An article's title and address, or None if the article is gone."""
    if article is None:
        return None
    url = article.full_url
    return {"id": article.pk, "title": article.title, "url": f"{url}{anchor}" if url else None}


def account_export(user) -> dict:
    """Everything the site keeps about `user`, as plain JSON-ready data (GDPR art. 15 and 20)."""
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    socials = SocialAccount.objects.filter(user=user).order_by("provider", "pk")
    comments = (
        Comment.objects.filter(author=user)
        .select_related("article")
        .prefetch_related("revisions")
        .order_by("created_at", "pk")
    )
    reports = Report.objects.filter(reporter=user).select_related("comment__article").order_by("created_at")
    sanctions = Sanction.objects.filter(user=user).order_by("starts_at", "pk")
    now = timezone.now()
    in_force = set(Sanction.objects.filter(user=user).in_force(now).values_list("pk", flat=True))
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _when(now),
        "profile": {
            "username": user.get_username(),
            "email": user.email,
            "email_addresses": [
                {"email": e.email, "primary": e.primary, "verified": e.verified} for e in emails
            ],
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "has_password": user.has_usable_password(),
        },
        "social_accounts": [
            {
                "provider": s.provider,
                "uid": s.uid,
                "date_joined": _when(s.date_joined),
                "last_login": _when(s.last_login),
                "data_received": s.extra_data,
            }
            for s in socials
        ],
        "comments": [
            {
                "id": c.pk,
                "article": _article(c.article, f"#comment-{c.pk}"),
                "status": c.status,
                "text": c.text,
                "in_reply_to": c.in_reply_to_id or c.parent_id,
                "created_at": _when(c.created_at),
                "edited_at": _when(c.edited_at),
                "ip_address": c.ip_address,
                "revisions": [
                    {"text": r.text, "written_at": _when(r.created_at), "replaced_at": _when(r.replaced_at)}
                    for r in c.revisions.all()
                ],
            }
            for c in comments
        ],
        "reports": [
            {
                "comment": r.comment_id,
                "article": _article(r.comment.article, f"#comment-{r.comment_id}"),
                "reason": r.reason,
                "note": r.note,
                "created_at": _when(r.created_at),
            }
            for r in reports
        ],
        "sanctions": [
            {
                "kind": s.kind,
                "reason": s.reason,
                "starts_at": _when(s.starts_at),
                "ends_at": _when(s.ends_at),
                "lifted_at": _when(s.lifted_at),
                "in_force": s.pk in in_force,
            }
            for s in sanctions
        ],
    }


def profile_update(*, user, display_name: str, language: str) -> None:
    """Save the reader's display name and the language of the messages sent to them. When the name
    shown with their comments changes, every thread they wrote in changes with it: its version moves
    on after the commit (cached renderings of threads show names)."""
    with transaction.atomic():
        stored = User.objects.select_for_update().get(pk=user.pk)
        renamed = stored.public_name != _public_name(stored, display_name)
        user.display_name, user.language = display_name, language
        user.save(update_fields=["display_name", "language"])
        if renamed:
            public_name_changed(user=user)


def _public_name(user, display_name):
    return display_name or user.first_name or user.username


def public_name_changed(*, user) -> None:
    """After the commit, the threads with a comment of `user` (in any state: their own waiting
    comments show the name to them) move on to a new version, as do their pages in the caches."""
    for article_id in (
        Comment.objects.filter(author=user).values_list("article_id", flat=True).distinct().order_by()
    ):
        events.thread_changed(article_id)


def account_delete(*, user, remove_comments: bool) -> None:
    """Close the reader's account in one transaction.

    With `remove_comments`, each of their comments not yet deleted goes through `comment_delete`
    (the one write path: it writes the Decision row, and a tombstone stays where there are replies).
    Otherwise the comments stay, shown as "Deleted account" (Comment.author is SET_NULL). Their
    reports keep their rows (Report.reporter is SET_NULL). The caller logs the session out."""
    if user.is_staff or user.is_superuser:
        raise AccountDeletionRefused()
    with transaction.atomic():
        own = Comment.objects.filter(author=user)
        if remove_comments:
            for comment in own.exclude(status=Status.DELETED).order_by("pk"):
                comment_delete(comment=comment, actor=user)
        else:
            # The author's name disappears from every thread they wrote in: cached pages must go.
            for article_id in own.values_list("article_id", flat=True).distinct().order_by():
                events.thread_changed(article_id)
        user.delete()


SUSPENSIONS = {
    "1h": datetime.timedelta(hours=1),
    "24h": datetime.timedelta(hours=24),
    "7d": datetime.timedelta(days=7),
}
NOTICE_FOR = {
    Sanction.Kind.WARN: "warned",
    Sanction.Kind.SUSPEND: "suspended",
    Sanction.Kind.BAN: "banned",
    Sanction.Kind.PREMODERATE: "premoderated",
}


class SanctionRefused(Exception):
    """A measure that cannot be taken, with a message for the moderator."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def _may_sanction(moderator, user):
    if not moderator.has_perm("comments.moderate_comment"):
        raise SanctionRefused(_("Only moderators may take measures against readers."))
    if user.pk == moderator.pk:
        raise SanctionRefused(_("You cannot take a measure against yourself."))
    if user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        # Editors and moderators too: the desk does not turn on its own staff.
        raise SanctionRefused(_("Staff accounts are managed by an administrator, not by the desk."))


def sanction_impose(*, user, kind, moderator, reason, duration=None) -> Sanction:
    """Warn, suspend (for `duration`: "1h", "24h" or "7d"), ban or always pre-moderate a reader.
    The reader is told why, in their language; a suspended reader also until when."""
    _may_sanction(moderator, user)
    if kind not in Sanction.Kind.values:
        raise SanctionRefused(_("Choose a warning, a suspension, a ban or pre-moderation."))
    reason = (reason or "").strip()
    if not reason:
        raise SanctionRefused(_("Give the reason: the reader will read it."))
    ends_at = None
    now = timezone.now()
    if kind == Sanction.Kind.SUSPEND:
        if duration not in SUSPENSIONS:
            raise SanctionRefused(_("Choose how long the suspension lasts: 1 hour, 24 hours or 7 days."))
        ends_at = now + SUSPENSIONS[duration]
    with transaction.atomic():
        sanction = Sanction.objects.create(
            user=user, kind=kind, reason=reason, starts_at=now, ends_at=ends_at, created_by=moderator
        )
        params = {"reason": reason}
        if ends_at:
            params["until"] = ends_at.isoformat()
        notices.notify(user, NOTICE_FOR[kind], **params)
    return sanction


def sanction_lift(*, sanction, moderator, reason="") -> Sanction:
    """End a measure before its time; the row stays, with who lifted it and why."""
    _may_sanction(moderator, sanction.user)
    with transaction.atomic():
        locked = Sanction.objects.select_for_update().get(pk=sanction.pk)
        if locked.lifted_at is not None:
            raise SanctionRefused(_("This measure was already lifted."))
        if locked.ends_at is not None and locked.ends_at <= timezone.now():
            raise SanctionRefused(_("This measure has already ended."))
        locked.lifted_at, locked.lifted_by, locked.lift_reason = (
            timezone.now(),
            moderator,
            (reason or "").strip(),
        )
        locked.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        notice = notices.notify(locked.user, "lifted", reason=locked.lift_reason)
        if notice is not None:
            # Which measure: a parameter `notify` cannot take by name, its own first one being `kind`.
            notice.params["kind"] = locked.kind
            notice.save(update_fields=["params"])
    return locked


def warning_acknowledge(*, user) -> int:
    """The reader has read their warnings: they may comment again. Returns how many were read."""
    read = (
        Sanction.objects.in_force()
        .filter(user=user, kind=Sanction.Kind.WARN, acknowledged_at__isnull=True)
        .update(acknowledged_at=timezone.now())
    )
    snapshots.invalidate(SANCTIONS_SNAPSHOT)
    return read


def moderator_note_add(*, user, moderator, text) -> ModeratorNote:
    if not moderator.has_perm("comments.moderate_comment"):
        raise SanctionRefused(_("Only moderators may write notes on readers."))
    text = (text or "").strip()
    if not text:
        raise SanctionRefused(_("Write the note first."))
    return ModeratorNote.objects.create(user=user, author=moderator, text=text[:5000])
