"""Readers' comments, their revisions, the reports against them and every decision taken on them.

A comment's status changes only in `services.py`; every read that readers can see goes through
`selectors.py`, which knows what is visible to whom."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

MAX_DEPTH = 3  # levels shown: a top-level comment is at depth 0
LAST_LEVEL = MAX_DEPTH - 1  # replies to a comment at this depth attach beside it


class Status(models.TextChoices):
    PENDING = "pending", _("pending")
    PUBLISHED = "published", _("published")
    HELD = "held", _("held for review")
    REJECTED = "rejected", _("rejected")
    DELETED = "deleted", _("deleted")


class Comment(models.Model):
    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Empty when the author deleted their account and chose to keep their comments."),
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="descendants",
        help_text=_("The top-level comment of the conversation; empty for a top-level comment."),
    )
    in_reply_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The comment answered, when it is deeper than the thread shows."),
    )
    depth = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, db_index=True)
    text = models.TextField(_("text"))
    html = models.TextField(editable=False)
    language = models.CharField(max_length=8, editable=False)
    reply_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_("Published replies in the whole conversation (top level only)."),
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "depth", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["root", "created_at"], name="comment_root_idx"),
            models.Index(fields=["author", "created_at"], name="comment_author_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(depth=0, parent__isnull=True, root__isnull=True)
                | models.Q(depth__gt=0, parent__isnull=False, root__isnull=False),
                name="comment_depth_matches_parent",
            ),
        ]

    def __str__(self):
        return f"Comment {self.pk} on {self.article_id} ({self.status})"


class CommentRevision(models.Model):
    """The text a comment had before an edit: the desk sees every version."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField()
    created_at = models.DateTimeField(help_text=_("When this text was written."))
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["replaced_at"]

    def __str__(self):
        return f"Revision of {self.comment_id} at {self.replaced_at}"


class Report(models.Model):
    class Reason(models.TextChoices):
        OFF_TOPIC = "off_topic", _("Off-topic")
        ADVERTISING = "advertising", _("Advertising")
        ABUSIVE = "abusive", _("Abusive")
        FILTHY = "filthy", _("Filthy language")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader"),
        ]

    def __str__(self):
        return f"Report of {self.comment_id}: {self.reason}"


class Decision(models.Model):
    """The audit log: every change of a comment's state, by a person or by the system (actor empty),
    written in the same transaction as the change itself."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("submitted")
        EDIT = "edit", _("edited")
        DELETE = "delete", _("deleted")
        REPORT = "report", _("reported")
        APPROVE = "approve", _("approved")
        REJECT = "reject", _("rejected")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    reason = models.CharField(max_length=32, blank=True)
    note = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.comment_id}: {self.from_status or '-'} → {self.to_status}"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    close_after_days = models.PositiveSmallIntegerField(
        _("close comments after (days)"),
        default=14,
        help_text=_("Comments on an article close this many days after its publication. 0: never."),
    )
    max_length = models.PositiveIntegerField(_("longest comment (characters)"), default=3000)
    edit_window_minutes = models.PositiveSmallIntegerField(_("authors may edit for (minutes)"), default=5)
    min_seconds_between_comments = models.PositiveSmallIntegerField(
        _("seconds between two comments of one reader or address"), default=15
    )
    comments_per_hour = models.PositiveSmallIntegerField(
        _("comments per hour per reader or address"), default=20
    )
    reports_per_hour = models.PositiveSmallIntegerField(_("reports per hour per reader"), default=10)
    duplicate_window_minutes = models.PositiveSmallIntegerField(
        _("refuse the same text again within (minutes)"), default=10
    )
    rules_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("house rules page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked above every comment form; readers get its translation in their language."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("rules_page"),
                FieldPanel("close_after_days"),
                FieldPanel("max_length"),
                FieldPanel("edit_window_minutes"),
            ],
            heading=_("Threads"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_seconds_between_comments"),
                FieldPanel("comments_per_hour"),
                FieldPanel("reports_per_hour"),
                FieldPanel("duplicate_window_minutes"),
            ],
            heading=_("Protection"),
        ),
    ]

    class Meta:
        verbose_name = _("comments")
