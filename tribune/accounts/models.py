"""Readers and staff share one user model; a reader's standing is the sanctions in force on them."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown with your comments. Any script: Armenian, Cyrillic, Latin."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the messages we send you."),
    )
    moderation_languages = models.CharField(
        _("moderates in"),
        max_length=32,
        blank=True,
        help_text=_('Languages whose comments this moderator may decide, e.g. "hy ru". Empty: all.'),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def public_name(self):
        return self.display_name or self.first_name or self.username

    def may_moderate_language(self, language):
        """Administrators and unrestricted moderators decide in every language."""
        if self.is_superuser or not self.moderation_languages.strip():
            return True
        return language in self.moderation_languages.replace(",", " ").split()


class SanctionQuerySet(models.QuerySet):
    def in_force(self, now=None):
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )


class Sanction(models.Model):
    """A measure taken against a reader: the row stays after it ends or is lifted (the audit)."""

    class Kind(models.TextChoices):
        WARN = "warn", _("warning")
        SUSPEND = "suspend", _("suspension")
        BAN = "ban", _("ban")
        PREMODERATE = "premoderate", _("always pre-moderate")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    starts_at = models.DateTimeField(_("starts at"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.TextField(_("why it was lifted"), blank=True)
    acknowledged_at = models.DateTimeField(
        _("acknowledged at"), null=True, blank=True, help_text=_("When the reader read the warning.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["user", "kind"], name="sanction_user_kind_idx")]
        verbose_name = _("sanction")

    def __str__(self):
        return f"{self.get_kind_display()} of {self.user_id}"

    def in_force_at(self, now):
        """As SanctionQuerySet.in_force, for one row in hand."""
        return (
            self.lifted_at is None and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)
        )


class ModeratorNote(models.Model):
    """What moderators want each other to know about a reader; readers never see it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Note on {self.user_id}"


class Notice(models.Model):
    """A message to a reader about their comments or account, shown on the site and sent by email
    in the reader's language. `kind` and `params` are rendered when shown (see notices.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=32)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notice_unread_idx")]

    def __str__(self):
        return f"{self.kind} for {self.user_id}"


from .tokens import AccessToken  # noqa: E402,F401
