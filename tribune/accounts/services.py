"""What a reader may do with their own account as a whole: take a copy of everything the site keeps
about them (`account_export`) and leave (`account_delete`)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tribune.comments import events
from tribune.comments.models import Comment, Report, Status
from tribune.comments.services import comment_delete

from .models import Sanction

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
