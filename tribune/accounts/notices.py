"""Messages to a reader about their comments and their account: stored as a Notice (kind and
parameters), shown on the site and sent by email, each rendered in the reader's language when it is
read, so a reader who changes language reads old notices in the new one."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import Notice

logger = logging.getLogger(__name__)

RULES = {
    "off_topic": _("no off-topic comments"),
    "advertising": _("no advertisements"),
    "abusive": _("be polite: no abusive language"),
    "filthy": _("no filthy language"),
    "other": _("the house rules"),
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

BODIES = {
    "rejected": _(
        "A moderator did not publish your comment on “%(article)s”: it breaks the rule “%(rule)s”. %(note)s"
        "You may appeal once within %(days)s days."
    ),
    "removed": _(
        "A moderator removed your comment on “%(article)s”: it breaks the rule “%(rule)s”. %(note)s"
        "You may appeal once within %(days)s days."
    ),
    "approved": _("A moderator published your comment on “%(article)s”."),
    "restored": _("A moderator published your comment on “%(article)s” again."),
    "featured": _("The editors chose your comment on “%(article)s” as an editor's pick."),
    "appeal_upheld": _(
        "A moderator read your appeal about your comment on “%(article)s” and kept the decision. %(note)s"
    ),
    "appeal_restored": _(
        "A moderator accepted your appeal: your comment on “%(article)s” is published again."
    ),
    "warned": _(
        "The editors warn you: %(reason)s Please read the house rules; you can comment again once you have acknowledged this warning."
    ),
    "suspended": _("You may not comment until %(until)s. Reason: %(reason)s"),
    "banned": _("You may no longer comment. Reason: %(reason)s"),
    "premoderated": _(
        "From now on a moderator checks each of your comments before it appears. Reason: %(reason)s"
    ),
    "lifted": _("The editors lifted a measure on your account (%(kind)s). %(reason)s"),
}


def _params(notice):
    params = {"article": "", "rule": "", "note": "", "days": "", "reason": "", "until": "", "kind": ""}
    params.update(notice.params)
    if notice.params.get("rule"):
        params["rule"] = str(RULES.get(notice.params["rule"], RULES["other"]))
    if notice.params.get("note"):
        params["note"] = f"{notice.params['note'].strip().rstrip('.')}. "
    if notice.params.get("until"):
        params["until"] = date_format(
            localtime(timezone.datetime.fromisoformat(notice.params["until"])), "DATETIME_FORMAT"
        )
    if notice.params.get("kind"):
        from .models import Sanction

        params["kind"] = str(Sanction.Kind(notice.params["kind"]).label)
    return params


def subject(notice):
    return str(SUBJECTS.get(notice.kind, _("A message from the editors")))


def body(notice):
    template = BODIES.get(notice.kind)
    return str(template) % _params(notice) if template else ""


def notify(user, kind, *, url="", **params) -> Notice | None:
    """Store a notice for `user` (in the caller's transaction) and email it after commit."""
    if user is None or kind not in SUBJECTS:
        return None
    notice = Notice.objects.create(user=user, kind=kind, url=url, params=params)
    notice_id = notice.pk

    def send():
        from .tasks import email_notice

        email_notice.enqueue(notice_id)

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
