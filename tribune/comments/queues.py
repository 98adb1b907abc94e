"""The desk's reads: what waits in each queue, filtered and in order; the queues' counts for the admin
menu; the thread around a comment; what the desk knows about an author. Selectors only: nothing here
changes a comment (that is `services.py`).

Every queue is limited to the languages the moderator may decide (`User.moderation_languages`)."""

from __future__ import annotations

import datetime
import functools
import itertools
import operator
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ENGINE_RULES, Appeal, Comment, Decision, Report, Rule, Status

PAGE_SIZE = 50
COUNTS_SECONDS = 15
LANGUAGES = ("en", "ru", "hy")
# `Comment.flags` lists the rules the engine flagged, each at most once: a rule is flagged when it
# sits at one of the first len(Rule) positions. Comparing positions is exact and portable (SQLite's
# JSON1 has no "array contains"; PostgreSQL's jsonb `@>` is not available there).
FLAG_SLOTS = len(Rule.values)

# Why a comment was held when no house rule held it: the site's settings or the engine's state.
HOLD_REASONS = {
    "premoderation": _("Pre-moderation"),
    "premoderated_reader": _("Pre-moderated reader"),
    "new_commenter": _("New commenter"),
    "links": _("Links"),
    "engine_off": _("Engine switched off"),
    "engine_unavailable": _("Engine unavailable"),
}


@dataclass(frozen=True)
class Queue:
    name: str
    label: str
    description: str
    condition: Q
    key: object  # the expression the queue is ordered by (then by id)
    newest_first: bool = False
    in_menu: bool = True


def flagged(rule) -> Q:
    """Comments whose engine flags include `rule`, on SQLite and PostgreSQL alike."""
    return functools.reduce(operator.or_, (Q(**{f"flags__{slot}": rule}) for slot in range(FLAG_SLOTS)))


QUEUES = {
    queue.name: queue
    for queue in (
        Queue(
            "held",
            _("Held"),
            _("Comments held for a moderator by the house rules or the site's settings."),
            Q(status=Status.HELD),
            F("created_at"),
        ),
        Queue(
            "reported",
            _("Reported"),
            _("Published comments readers reported; they stay visible until decided."),
            Q(status=Status.PUBLISHED, open_reports__gt=0),
            F("created_at"),
        ),
        Queue(
            "off_topic",
            _("Off-topic"),
            _("Published comments the engine flagged as off-topic, not yet reviewed."),
            Q(status=Status.PUBLISHED, reviewed_at__isnull=True) & flagged("off_topic"),
            F("created_at"),
        ),
        Queue(
            "unmoderated",
            _("Unmoderated"),
            _("Published comments no moderator has seen yet."),
            Q(status=Status.PUBLISHED, reviewed_at__isnull=True),
            F("created_at"),
        ),
        Queue(
            "appeals",
            _("Appeals"),
            _("Authors asking to reconsider a rejection or a removal. The outcome is final."),
            Q(appeal__outcome=Appeal.Outcome.OPEN),
            F("appeal__created_at"),
        ),
        Queue(
            "approved",
            _("Approved"),
            _("Published comments a moderator has reviewed, newest decision first."),
            Q(status=Status.PUBLISHED, reviewed_at__isnull=False),
            F("reviewed_at"),
            newest_first=True,
            in_menu=False,
        ),
        Queue(
            "rejected",
            _("Rejected"),
            _("Comments rejected by a moderator or by the house rules, newest decision first."),
            Q(status=Status.REJECTED),
            Coalesce("reviewed_at", "created_at"),
            newest_first=True,
            in_menu=False,
        ),
    )
}
MENU_QUEUES = tuple(name for name, queue in QUEUES.items() if queue.in_menu)


def rule_choices():
    """The reasons a comment can be filtered by: the house rules, then the site's holds."""
    return [*Rule.choices, *HOLD_REASONS.items()]


def languages_of(user):
    """The languages `user` decides, or None for all of them."""
    if user.is_superuser or not (user.moderation_languages or "").strip():
        return None
    chosen = set(user.moderation_languages.replace(",", " ").split())
    return [code for code in LANGUAGES if code in chosen]


def for_moderator(queryset, user):
    languages = languages_of(user)
    return queryset if languages is None else queryset.filter(language__in=languages)


@dataclass(frozen=True)
class Filters:
    """A queue's filters; empty values do not filter."""

    language: str = ""
    rule: str = ""
    article: int | None = None
    section: int | None = None
    author: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    @classmethod
    def from_data(cls, data):
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in (data or {}).items() if k in names and v not in (None, "")})


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _decided_for(rule):
    return Exists(
        Decision.objects.filter(
            comment=OuterRef("pk"),
            action__in=(Decision.Action.REJECT, Decision.Action.REMOVE),
            reason=rule,
        )
    )


def _rule_condition(queue, rule):
    if queue.name == "reported":
        return Exists(Report.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True, reason=rule))
    condition = Q(held_for=rule)
    if rule in ENGINE_RULES:
        condition |= flagged(rule)
    if queue.name in ("rejected", "appeals", "approved") and rule in Rule.values:
        condition |= _decided_for(rule)
    return condition


def _author_condition(author):
    author = author.strip()
    if author.isdigit():
        return Q(author_id=int(author))
    return (
        Q(author__username__iexact=author)
        | Q(author__email__iexact=author)
        | Q(author__display_name__iexact=author)
    )


def _section_condition(section_id):
    from wagtail.models import Page

    section = Page.objects.filter(pk=section_id).values("path", "depth").first()
    if section is None:
        return Q(pk__in=[])
    articles = Page.objects.filter(path__startswith=section["path"], depth=section["depth"] + 1)
    return Q(article_id__in=articles.values("pk"))


def queue_queryset(queue_name, user, filters=None):
    """The comments of a queue that `user` may decide, filtered, in the queue's order, each with
    `queue_key` (what the queue is ordered by)."""
    queue = QUEUES[queue_name]
    filters = filters or Filters()
    comments = for_moderator(Comment.objects.filter(queue.condition), user)
    if filters.language:
        comments = comments.filter(language=filters.language)
    if filters.rule:
        comments = comments.filter(_rule_condition(queue, filters.rule))
    if filters.article:
        comments = comments.filter(article_id=filters.article)
    if filters.section:
        comments = comments.filter(_section_condition(filters.section))
    if filters.author:
        comments = comments.filter(_author_condition(filters.author))
    if filters.since:
        comments = comments.filter(created_at__gte=_start_of(filters.since))
    if filters.until:
        comments = comments.filter(created_at__lt=_start_of(filters.until + datetime.timedelta(days=1)))
    comments = comments.annotate(queue_key=queue.key)
    if queue.newest_first:
        return comments.order_by(F("queue_key").desc(nulls_last=True), "-pk")
    return comments.order_by(F("queue_key").asc(nulls_last=True), "pk")


def queue_page(queue_name, user, filters=None, page_number=1):
    """One page of a queue, with what each row shows: author, article, who claimed it, the open
    reports (reported queue) and the appeal (appeals queue). Three queries whatever the page size."""
    comments = queue_queryset(queue_name, user, filters).select_related("author", "article", "claimed_by")
    if queue_name == "appeals":
        comments = comments.select_related("appeal")
    if queue_name == "reported":
        comments = comments.prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(resolved_at__isnull=True).order_by("created_at", "pk"),
                to_attr="open_report_rows",
            )
        )
    return Paginator(comments, PAGE_SIZE).get_page(page_number)


def queue_neighbours(queue_name, user, filters, comment_id):
    """The ids of the comments before and after `comment_id` in the queue (None at either end).
    A comment that has just left the queue (decided) keeps its place: its neighbours are the
    comments around where it was."""
    queue = QUEUES[queue_name]
    comments = queue_queryset(queue_name, user, filters)
    key = Comment.objects.filter(pk=comment_id).annotate(k=queue.key).values_list("k", flat=True).first()
    if key is None:
        return None, comments.exclude(pk=comment_id).values_list("pk", flat=True).first()
    later = Q(queue_key__gt=key) | Q(queue_key=key, pk__gt=comment_id)
    earlier = Q(queue_key__lt=key) | Q(queue_key=key, pk__lt=comment_id)
    after, before = (earlier, later) if queue.newest_first else (later, earlier)
    following = comments.filter(after).values_list("pk", flat=True).first()
    previous = comments.filter(before).reverse().values_list("pk", flat=True).first()
    return previous, following


def _counts_key(languages):
    return "desk:counts:" + ("all" if languages is None else "-".join(languages) or "none")


def queue_counts(user):
    """{queue: comments waiting} for the menu's queues, in the languages `user` decides. Two queries,
    kept for a few seconds per set of languages."""
    languages = languages_of(user)
    key = _counts_key(languages)
    counts = cache.get(key)
    if counts is None:
        comments = Comment.objects.filter(status__in=(Status.HELD, Status.PUBLISHED))
        appeals = Appeal.objects.filter(outcome=Appeal.Outcome.OPEN)
        if languages is not None:
            comments = comments.filter(language__in=languages)
            appeals = appeals.filter(comment__language__in=languages)
        counts = comments.aggregate(
            **{name: Count("pk", filter=QUEUES[name].condition) for name in MENU_QUEUES if name != "appeals"}
        )
        counts["appeals"] = appeals.count()
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


def queue_counts_forget():
    """Drop the cached counts (after a decision), for every set of languages."""
    subsets = itertools.chain.from_iterable(
        itertools.combinations(LANGUAGES, size) for size in range(len(LANGUAGES) + 1)
    )
    cache.delete_many([_counts_key(None)] + [_counts_key(list(subset)) for subset in subsets])


# One comment in the desk.


def comment_for_desk(comment_id):
    """A comment, whatever its state, with its article, author and claim; None if it is gone."""
    return (
        Comment.objects.select_related("article", "author", "claimed_by", "parent__author", "in_reply_to")
        .filter(pk=comment_id)
        .first()
    )


@dataclass
class Surroundings:
    parent: Comment | None
    before: list = field(default_factory=list)  # earlier comments at the same place, oldest first
    after: list = field(default_factory=list)  # later comments at the same place
    replies: list = field(default_factory=list)


def thread_around(comment, siblings=3, replies=10):
    """The comment's place in its thread: its parent, a few comments beside it, its first replies.
    Every state is shown (the desk sees everything)."""
    beside = Comment.objects.filter(article_id=comment.article_id, parent_id=comment.parent_id).exclude(
        pk=comment.pk
    )
    beside = beside.select_related("author")
    before = list(
        beside.filter(
            Q(created_at__lt=comment.created_at) | Q(created_at=comment.created_at, pk__lt=comment.pk)
        ).order_by("-created_at", "-pk")[:siblings]
    )
    after = list(
        beside.filter(
            Q(created_at__gt=comment.created_at) | Q(created_at=comment.created_at, pk__gt=comment.pk)
        ).order_by("created_at", "pk")[:siblings]
    )
    children = list(
        Comment.objects.filter(parent_id=comment.pk)
        .select_related("author")
        .order_by("created_at", "pk")[:replies]
    )
    return Surroundings(parent=comment.parent, before=before[::-1], after=after, replies=children)


def decisions_of(comment):
    return list(comment.decisions.select_related("actor").order_by("created_at", "pk"))


def last_decision_id(decisions):
    return decisions[-1].pk if decisions else None


def newest_decision_id():
    """The newest Decision of all: what a moderator "saw" when a list was drawn (for bulk decisions)."""
    return Decision.objects.order_by("-pk").values_list("pk", flat=True).first()


def reports_of(comment):
    return list(comment.reports.select_related("reporter").order_by("created_at", "pk"))


def appeal_of(comment):
    return Appeal.objects.select_related("decided_by", "author").filter(comment=comment).first()


# What the desk knows about an author.

REJECTED_BY_MODERATION = Q(status=Status.REJECTED) | Q(status=Status.DELETED, reviewed_at__isnull=False)


@dataclass
class History:
    author: object
    comments: int
    published: int
    rejected: int
    written_7: int
    rejected_7: int
    written_30: int
    rejected_30: int
    reports: int
    open_reports: int
    sanctions: list
    in_force: set
    notes: list

    @staticmethod
    def _rate(rejected, written):
        return round(100 * rejected / written) if written else None

    @property
    def rate_7(self):
        """The share (%) of their comments of the last 7 days that were rejected or removed."""
        return self._rate(self.rejected_7, self.written_7)

    @property
    def rate_30(self):
        return self._rate(self.rejected_30, self.written_30)


def author_history(author, now=None):
    """The author's record: how many comments, how many rejected (all time, last 7 and 30 days),
    reports against them, sanctions (in force or not) and the moderators' notes. Four queries."""
    from tribune.accounts.models import ModeratorNote, Sanction

    now = now or timezone.now()
    week, month = now - datetime.timedelta(days=7), now - datetime.timedelta(days=30)
    figures = Comment.objects.filter(author=author).aggregate(
        comments=Count("pk"),
        published=Count("pk", filter=Q(status=Status.PUBLISHED)),
        rejected=Count("pk", filter=REJECTED_BY_MODERATION),
        written_7=Count("pk", filter=Q(created_at__gte=week)),
        rejected_7=Count("pk", filter=REJECTED_BY_MODERATION & Q(created_at__gte=week)),
        written_30=Count("pk", filter=Q(created_at__gte=month)),
        rejected_30=Count("pk", filter=REJECTED_BY_MODERATION & Q(created_at__gte=month)),
    )
    reports = Report.objects.filter(comment__author=author).aggregate(
        reports=Count("pk"), open_reports=Count("pk", filter=Q(resolved_at__isnull=True))
    )
    sanctions = list(
        Sanction.objects.filter(user=author)
        .select_related("created_by", "lifted_by")
        .order_by("-starts_at", "-pk")
    )
    in_force = {
        s.pk
        for s in sanctions
        if s.lifted_at is None and s.starts_at <= now and (s.ends_at is None or s.ends_at > now)
    }
    notes = list(ModeratorNote.objects.filter(user=author).select_related("author"))
    return History(author=author, sanctions=sanctions, in_force=in_force, notes=notes, **figures, **reports)


def comments_of(author, limit=50):
    """The author's latest comments in every state, newest first."""
    return list(
        Comment.objects.filter(author=author).select_related("article").order_by("-created_at", "-pk")[:limit]
    )
