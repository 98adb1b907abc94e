"""Every read of comments that readers see. Visibility lives here: a held, rejected or deleted
comment never reaches a page, a count or the API, except a reader's own comments waiting for review
(shown to that reader only, marked as such) and tombstones of deleted comments that have replies."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from .models import Appeal, Comment, Decision, Report, Status

ORDERS = {
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "replies": ("-reply_count", "-created_at", "-pk"),
}
DEFAULT_ORDER = "newest"
PAGE_SIZE = 20
OWN_WAITING = (Status.PENDING, Status.HELD)


def visible_to(viewer):
    """The comments `viewer` may see in full: published ones, and their own waiting for review."""
    condition = Q(status=Status.PUBLISHED)
    if viewer is not None and viewer.is_authenticated:
        condition |= Q(author_id=viewer.pk, status__in=OWN_WAITING)
    return condition


PICKS_ON_HOME = 3


def editors_picks(locale_id, limit=PICKS_ON_HOME):
    """The comments the editors picked most recently under live articles in one language, for the
    home page: published ones only, with their article and author, in one query."""
    return list(
        Comment.objects.filter(
            status=Status.PUBLISHED, featured=True, article__live=True, article__locale_id=locale_id
        )
        .select_related("article", "author")
        .order_by("-reviewed_at", "-pk")[:limit]
    )


def published_count(article_id):
    return Comment.objects.filter(article_id=article_id, status=Status.PUBLISHED).count()


def published_counts(article_ids):
    """{article id: published comments} for a list of articles, in one query."""
    rows = (
        Comment.objects.filter(article_id__in=list(article_ids), status=Status.PUBLISHED)
        .values("article_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["article_id"]: row["n"] for row in rows}


@dataclass
class ThreadPage:
    roots: list
    order: str
    offset: int
    has_more: bool
    total: int
    reported: set = field(default_factory=set)  # ids of comments on the page the viewer has reported
    edit_cutoff: datetime.datetime | None = None  # comments written after it may still be edited

    @property
    def next_offset(self):
        return self.offset + len(self.roots)


# An editor's pick leads the thread whatever the order; only while it is published (an author may
# delete a picked comment: its tombstone takes its place in the order like any other).
EDITORS_PICK = Case(
    When(Q(featured=True, status=Status.PUBLISHED), then=Value(1)),
    default=Value(0),
    output_field=IntegerField(),
)


def thread(article_id, viewer=None, order=DEFAULT_ORDER, offset=0, limit=PAGE_SIZE, edit_window=None):
    """One page of the conversation: `limit` top-level comments from `offset` in `order`, editor's
    picks first, each with all its replies as a tree (`comment.thread_children`). Three queries
    whatever the size, and one more for a signed-in viewer (the comments they reported)."""
    order = order if order in ORDERS else DEFAULT_ORDER
    offset = max(0, int(offset))
    visible = visible_to(viewer)
    # A deleted top-level comment stays as a tombstone while it has published replies.
    tombstone = Q(status=Status.DELETED, reply_count__gt=0)
    roots = list(
        Comment.objects.filter(article_id=article_id, depth=0)
        .filter(visible | tombstone)
        .select_related("author")
        .alias(pick=EDITORS_PICK)
        .order_by("-pick", *ORDERS[order])[offset : offset + limit + 1]
    )
    has_more = len(roots) > limit
    roots = roots[:limit]
    by_root = {}
    if roots:
        replies = (
            Comment.objects.filter(root_id__in=[r.pk for r in roots])
            .filter(visible | Q(status=Status.DELETED))
            .select_related("author", "in_reply_to__author")
            .order_by("created_at", "pk")
        )
        for reply in replies:
            by_root.setdefault(reply.root_id, []).append(reply)
    for root in roots:
        root.thread_children = _tree(root, by_root.get(root.pk, []))
    reported = set()
    if roots and viewer is not None and viewer.is_authenticated:
        on_page = [r.pk for r in roots] + [c.pk for replies in by_root.values() for c in replies]
        reported = set(
            Report.objects.filter(reporter_id=viewer.pk, comment_id__in=on_page).values_list(
                "comment_id", flat=True
            )
        )
    return ThreadPage(
        roots=roots,
        order=order,
        offset=offset,
        has_more=has_more,
        total=published_count(article_id),
        reported=reported,
        edit_cutoff=timezone.now() - (edit_window or datetime.timedelta(minutes=5)),
    )


def _tree(root, replies):
    """Nest `replies` under their parents, dropping deleted comments that have nothing visible below."""
    children = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)

    def build(node):
        kept = []
        for child in children.get(node.pk, []):
            child.thread_children = build(child)
            if child.status != Status.DELETED or child.thread_children:
                kept.append(child)
        return kept

    return build(root)


def comment_for_reader(comment_id, viewer=None):
    """A single comment the reader may see in full, or None."""
    return Comment.objects.filter(visible_to(viewer), pk=comment_id).select_related("article").first()


def own_comment(comment_id, author):
    """A comment of `author`, whatever its state, or None."""
    if author is None or not author.is_authenticated:
        return None
    return Comment.objects.filter(pk=comment_id, author_id=author.pk).select_related("article").first()


# Moderators' decisions on a comment, as its author sees them (appeals).
MODERATOR_ACTIONS = (
    Decision.Action.APPROVE,
    Decision.Action.REJECT,
    Decision.Action.REMOVE,
    Decision.Action.RESTORE,
    Decision.Action.UPHOLD,
)


def comment_for_appeal(comment_id):
    """A comment, whatever its state, with its article and its appeal (`appeal_of`), or None. The
    caller shows it to its author only."""
    return Comment.objects.filter(pk=comment_id).select_related("article", "appeal").first()


def appeal_of(comment):
    """The comment's appeal, or None (the comment came from `comment_for_appeal` or
    `own_comments`, so this costs no query)."""
    try:
        return comment.appeal
    except Appeal.DoesNotExist:
        return None


def last_moderation(comment):
    """The last decision a moderator took on the comment, or None."""
    return Decision.objects.filter(comment=comment, action__in=MODERATOR_ACTIONS).order_by("-pk").first()


def own_comments(author, comment_ids):
    """{id: comment} of `author`'s comments among `comment_ids`, whatever their state, with their
    appeals: one query."""
    ids = [int(i) for i in comment_ids if str(i).isdigit()]
    if not ids or author is None or not author.is_authenticated:
        return {}
    found = Comment.objects.filter(author_id=author.pk, pk__in=ids).select_related("appeal")
    return {comment.pk: comment for comment in found}
