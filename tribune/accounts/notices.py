"""Messages to a reader about their comments and their account: stored as a Notice (kind and
parameters), shown on the site and sent by email, each rendered in the reader's language when it is
read, so a reader who changes language reads old notices in the new one."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tribune.core.tasks import enqueue_safely

from .models import Notice

logger = logging.getLogger(__name__)

# The house rules by the names readers know from the rules page (the comment form says the same).
RULES = {
    "abusive": _("Be polite"),
    "off_topic": _("No off-topic comments"),
    "advertising": _("No advertisements"),
    "filthy": _("No abusive or filthy language"),
}

SUBJECTS = {
    "rejected": _("Your comment was not published"),
    "removed": _("Your comment was removed"),
    "approved": _("Your comment is published"),
    "restored": _("Your comment is published again"),
    "featured": _("Your comment is an editor's pick"),
    "appeal_upheld": _("Your appeal was refused"),
    "appeal_restored": _("Your appeal was accepted"),
    "warned": _("A warning from the editors"),
    "suspended": _("You may not comment for a while"),
    "banned": _("You may no longer comment"),
    "premoderated": _("Your comments will be checked before they appear"),
    "lifted": _("A measure on your account was lifted"),
}

# The first paragraph of each notice; the moderator's note, the reason and what the reader can do
# follow as paragraphs of their own (see `body`).
BODIES = {
    "rejected": _(
        "A moderator did not publish your comment on “%(article)s”: it breaks the rule “%(rule)s”."
    ),
    "removed": _("A moderator removed your comment on “%(article)s”: it breaks the rule “%(rule)s”."),
    "approved": _("A moderator published your comment on “%(article)s”."),
    "restored": _("A moderator published your comment on “%(article)s” again."),
    "featured": _("The editors chose your comment on “%(article)s” as an editor's pick."),
    "appeal_upheld": _(
        "A moderator read your appeal about your comment on “%(article)s” and kept the decision."
    ),
    "appeal_restored": _(
        "A moderator accepted your appeal: your comment on “%(article)s” is published again."
    ),
    "warned": _("The editors have warned you."),
    "suspended": _("You may not comment until %(until)s."),
    "banned": _("You may no longer comment."),
    "premoderated": _("From now on a moderator checks each of your comments before it appears."),
    "lifted": _("The editors lifted a measure on your account: %(kind)s."),
}
# A rejection or removal for a reason that is none of the rules: the moderator's note says why.
BODIES_OTHER = {
    "rejected": _("A moderator did not publish your comment on “%(article)s”."),
    "removed": _("A moderator removed your comment on “%(article)s”."),
}
NOTE = _("The moderator's note: %(note)s")
REASON = _("Reason: %(reason)s")
WARNING_NEXT = _(
    "Please read the house rules: you can comment again once you have acknowledged this warning."
)


def _params(notice):
    params = {"article": "", "rule": "", "note": "", "days": "", "reason": "", "until": "", "kind": ""}
    params.update(notice.params)
    if notice.params.get("rule"):
        params["rule"] = str(RULES.get(notice.params["rule"], ""))
    if notice.params.get("until"):
        until = datetime.datetime.fromisoformat(notice.params["until"])
        params["until"] = date_format(localtime(until), "DATETIME_FORMAT")
    if notice.params.get("kind"):
        from .models import Sanction

        params["kind"] = str(Sanction.Kind(notice.params["kind"]).label)
    return params


# Notices about one comment: where the reader goes from them.
ON_COMMENT = ("approved", "restored", "featured", "appeal_restored")
APPEALABLE = ("rejected", "removed")


def link(notice):
    """The address a notice leads to, from the site's root: the comment in its thread, the page to
    appeal a decision, or the article; "" for notices about the account."""
    comment_id = notice.params.get("comment")
    if notice.kind in APPEALABLE and comment_id:
        return reverse("comments:appeal", args=[comment_id])
    if notice.kind in ON_COMMENT and comment_id and notice.url:
        return f"{notice.url}#comment-{comment_id}"
    return notice.url


def subject(notice):
    return str(SUBJECTS.get(notice.kind, _("A message from the editors")))


def body(notice):
    """The notice in the active language: paragraphs separated by a blank line."""
    template = BODIES.get(notice.kind)
    if template is None:
        return ""
    params = _params(notice)
    if notice.kind in BODIES_OTHER and notice.params.get("rule") not in RULES:
        template = BODIES_OTHER[notice.kind]
    paragraphs = [str(template) % params]
    note = (notice.params.get("note") or "").strip()
    if note:
        paragraphs.append(str(NOTE) % {"note": note})
    reason = (notice.params.get("reason") or "").strip()
    if reason:
        paragraphs.append(str(REASON) % {"reason": reason})
    if notice.kind in ("rejected", "removed") and str(notice.params.get("days", "")).isdigit():
        days = int(notice.params["days"])
        paragraphs.append(
            ngettext(
                "You may appeal once within %(days)s day.", "You may appeal once within %(days)s days.", days
            )
            % {"days": days}
        )
    if notice.kind == "warned":
        paragraphs.append(str(WARNING_NEXT))
    return "\n\n".join(paragraphs)


def notify(user, kind, *, url="", **params) -> Notice | None:
    """Store a notice for `user` (in the caller's transaction) and email it after commit."""
    if user is None or kind not in SUBJECTS:
        return None
    notice = Notice.objects.create(user=user, kind=kind, url=url, params=params)
    notice_id = notice.pk

    def send():
        from .tasks import email_notice

        enqueue_safely(email_notice, notice_id)

    transaction.on_commit(send)
    return notice


def deliver_email(notice_id) -> bool:
    """Send a notice by email once: the row is marked in the same transaction that claims it, so a
    task run twice sends no second mail. Returns whether a mail went out."""
    with transaction.atomic():
        notice = Notice.objects.select_for_update().select_related("user").filter(pk=notice_id).first()
        if notice is None or notice.emailed_at is not None or not notice.user.email:
            return False
        with translation.override(notice.user.language or settings.LANGUAGE_CODE):
            context = {
                "notice": notice,
                "user": notice.user,
                "body": body(notice),
                "link": link(notice),
                "site_url": settings.WAGTAILADMIN_BASE_URL,
            }
            message = render_to_string("accounts/email/notice.txt", context)
            title = subject(notice)
        send_mail(title, message, None, [notice.user.email])
        notice.emailed_at = timezone.now()
        notice.save(update_fields=["emailed_at"])
    return True


def mark_read(user, notice_ids=None):
    unread = Notice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        unread = unread.filter(pk__in=list(notice_ids))
    return unread.update(read_at=timezone.now())
