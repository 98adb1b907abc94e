"""Readers' comments, their revisions, the reports against them and every decision taken on them.

A comment's status changes only in `services.py`; every read that readers can see goes through
`selectors.py`, which knows what is visible to whom."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

MAX_DEPTH = 3  # levels shown: a top-level comment is at depth 0
LAST_LEVEL = MAX_DEPTH - 1  # replies to a comment at this depth attach beside it


class Status(models.TextChoices):
    PENDING = "pending", _("pending")
    PUBLISHED = "published", _("published")
    HELD = "held", _("held for review")
    REJECTED = "rejected", _("rejected")
    DELETED = "deleted", _("deleted")


class Rule(models.TextChoices):
    """The house rules, and the reasons a moderator gives for a rejection."""

    OFF_TOPIC = "off_topic", _("Off-topic")
    ADVERTISING = "advertising", _("Advertising")
    ABUSIVE = "abusive", _("Abusive language")
    FILTHY = "filthy", _("Filthy language")
    OTHER = "other", _("Other")


ENGINE_RULES = ("abusive", "filthy", "advertising", "off_topic")


class Comment(models.Model):
    # Columns that lead one of the indexes in Meta have no index of their own: one index fewer to
    # write with every comment.
    article = models.ForeignKey(
        "newsroom.ArticlePage",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("article"),
        db_index=False,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Empty when the author deleted their account and chose to keep their comments."),
        db_index=False,
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
        db_index=False,
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
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
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

    # What the house-rules engine found, kept on the comment for the desk's queues and filters.
    scores = models.JSONField(default=dict, blank=True, editable=False)
    findings = models.JSONField(default=list, blank=True, editable=False)
    flags = models.JSONField(
        default=list, blank=True, editable=False, help_text=_("Rules flagged for a look without holding.")
    )
    held_for = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text=_("The rule or setting that held or rejected the comment at submission."),
    )
    model_version = models.CharField(max_length=200, blank=True, editable=False)
    # The desk's state of the comment.
    open_reports = models.PositiveIntegerField(default=0, editable=False)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    featured = models.BooleanField(
        _("editor's pick"), default=False, help_text=_("Shown first in its thread.")
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comment", "Can moderate comments in the desk")]
        indexes = [
            models.Index(fields=["article", "status", "depth", "created_at"], name="comment_thread_idx"),
            # The latest published comments of a thread, which the off-topic rule compares a new one with.
            models.Index(fields=["article", "status", "-created_at"], name="comment_recent_idx"),
            models.Index(fields=["root", "created_at"], name="comment_root_idx"),
            models.Index(fields=["author", "created_at"], name="comment_author_idx"),
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
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
    Reason = Rule

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When a moderator decided the reported comment.")
    )

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
        REMOVE = "remove", _("deleted by a moderator")
        RESTORE = "restore", _("restored")
        FEATURE = "feature", _("made an editor's pick")
        UNFEATURE = "unfeature", _("no longer an editor's pick")
        APPEAL = "appeal", _("appealed")
        UPHOLD = "uphold", _("appeal refused")
        RESCREEN = "rescreen", _("screened again")

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


class Appeal(models.Model):
    """An author's one request to reconsider a moderator's rejection or deletion; its outcome is final."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("waiting")
        RESTORED = "restored", _("restored")
        UPHELD = "upheld", _("decision upheld")

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="appeal")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="appeals"
    )
    text = models.TextField(_("why the decision should change"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.OPEN, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    def __str__(self):
        return f"Appeal of {self.comment_id} ({self.outcome})"


class Premoderation(models.TextChoices):
    OFF = "off", _("Off: the house-rules engine decides")
    ALL = "all", _("Hold every comment for a moderator")


@register_setting(icon="comment")
class CommentSettings(ClusterableModel, BaseSiteSetting):
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

    engine_enabled = models.BooleanField(
        _("screen comments with the house-rules engine"),
        default=True,
        help_text=_("Switched off, every comment is held for a moderator."),
    )
    premoderation = models.CharField(
        _("pre-moderation"), max_length=8, choices=Premoderation.choices, default=Premoderation.OFF
    )
    new_commenter_holds = models.PositiveSmallIntegerField(
        _("hold the first comments of a new reader"),
        default=0,
        help_text=_("A reader's first so many comments wait for a moderator. 0: none."),
    )
    hold_links = models.BooleanField(
        _("hold comments with links"),
        default=False,
        help_text=_("Links from readers with no approved comment yet wait for a moderator."),
    )
    appeal_days = models.PositiveSmallIntegerField(
        _("authors may appeal for (days)"), default=14, validators=[MinValueValidator(1)]
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("engine_enabled"),
                FieldPanel("premoderation"),
                FieldPanel("new_commenter_holds"),
                FieldPanel("hold_links"),
                FieldPanel("appeal_days"),
            ],
            heading=_("Moderation"),
        ),
        InlinePanel(
            "thresholds",
            heading=_("House-rules thresholds"),
            help_text=_(
                "Override the engine's default thresholds for a rule, in one language or all. "
                "The desk's Policy page shows the precision and recall each would have given."
            ),
        ),
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


class PolicyThreshold(Orderable):
    """An editor's override of one of the engine's thresholds."""

    class Action(models.TextChoices):
        HOLD = "hold", _("hold for a moderator")
        REJECT = "reject", _("reject")
        FLAG = "flag", _("flag for a look")

    class Language(models.TextChoices):
        ALL = "", _("all languages")
        EN = "en", "English"
        RU = "ru", "Русский"
        HY = "hy", "Հայերեն"

    settings = ParentalKey(CommentSettings, on_delete=models.CASCADE, related_name="thresholds")
    rule = models.CharField(
        _("rule"), max_length=16, choices=[c for c in Rule.choices if c[0] in ENGINE_RULES]
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, blank=True)
    threshold = models.DecimalField(
        _("threshold"),
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("From 0 to 1: a score at or above it triggers the action. 1 switches it off."),
    )

    panels = [FieldPanel("rule"), FieldPanel("action"), FieldPanel("language"), FieldPanel("threshold")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "rule", "action", "language"],
                name="one_threshold_per_rule_action_language",
            )
        ]

    def __str__(self):
        return f"{self.action} {self.rule} {self.language or 'all'} ≥ {self.threshold}"


class Webhook(models.Model):
    """A newsroom tool told of comments created, held and decided: a signed JSON POST per event."""

    class Event(models.TextChoices):
        CREATED = "comment.created", _("comment created")
        HELD = "comment.held", _("comment held")
        DECIDED = "comment.decided", _("comment decided")

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("address"), max_length=500)
    secret = models.CharField(
        _("secret"),
        max_length=128,
        help_text=_("Shared with the receiver, which checks the X-Tribune-Signature header (HMAC-SHA256)."),
    )
    events = models.JSONField(_("events"), default=list, help_text=_("Empty: every event."))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_status = models.CharField(max_length=200, blank=True, editable=False)
    last_delivery_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def wants(self, event):
        return not self.events or event in self.events
