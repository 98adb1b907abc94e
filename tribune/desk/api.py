"""The desk's queues and decisions as JSON, for a newsroom's own tools: mounted at /api/v1/moderation/
by `tribune.api`, in the same OpenAPI document as the readers' API, with the same credentials (a
signed-in session with the CSRF token on writes, or a personal access token) and the same errors.

Only staff with the permission to moderate comments get past the door: anonymous callers are asked
to authenticate (401), readers are refused (403). A moderator limited to some languages sees and
decides the comments of those languages only. Every decision goes through `comments.services`,
exactly as in the desk's pages."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from django.db.models import OuterRef, Subquery
from ninja import Field, Path, Query, Router, Schema
from pydantic import AfterValidator, StrictBool

from tribune.comments import errors, queues, services
from tribune.comments.api import (
    MAX_ID,
    MAX_OFFSET,
    SIGNED_IN,
    CommentStatusValue,
    Finding,
    _encodable,
)
from tribune.comments.api import errors as error_responses
from tribune.comments.models import ENGINE_RULES, Comment, Decision, Rule
from tribune.comments.templatetags.house_rules import EXPLANATIONS

MAX_LIMIT = 100
DEFAULT_LIMIT = 50
LANGUAGES = ("en", "ru", "hy")
# Why a comment was held when no house rule held it (`Comment.held_for`): the site's settings.
SITE_HOLDS = (
    "premoderation",
    "premoderated_reader",
    "new_commenter",
    "links",
    "engine_off",
    "engine_unavailable",
)


# The queues -------------------------------------------------------------------------------------
# The same queues as the desk's pages, read through `tribune.comments.queues`.


def queue_comments(queue, user, *, language="", rule="", article=None):
    """The comments waiting in `queue` that `user` may decide, filtered, oldest first."""
    return queues.queue_queryset(queue, user, queues.Filters(language=language, rule=rule, article=article))


def queue_rows(comments, queue):
    """What each row shows, fetched in one query: the author, the article, the last decision (the
    `seen` of a decision) and, in the appeals queue, the appeal."""
    last_decision = Decision.objects.filter(comment=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    related = ["author", "article", "appeal"] if queue == "appeals" else ["author", "article"]
    return (
        comments.select_related(*related)
        .defer("article__body")
        .annotate(last_decision=Subquery(last_decision))
    )


# Schemas ----------------------------------------------------------------------------------------

QueueName = Literal[queues.MENU_QUEUES]
LanguageCode = Literal[LANGUAGES]
RuleFilter = Literal[(*Rule.values, *SITE_HOLDS)]
ActionValue = Literal[services.ACTIONS]  # approve, reject, delete, restore, feature, unfeature
ReasonValue = Literal[tuple(Rule.values)]
Note = Annotated[str, Field(max_length=2000), AfterValidator(_encodable)]
CommentId = Annotated[int, Path(ge=1, le=MAX_ID)]
AppealId = Annotated[int, Path(ge=1, le=MAX_ID)]


class Person(Schema):
    id: int
    name: str


class ArticleRef(Schema):
    id: int
    title: str
    url: str | None = Field(description="The article's address on the site; empty if it has none.")


class AppealRef(Schema):
    id: int
    text: str = Field(description="Why the author asks to change the decision.")
    created_at: datetime.datetime


class QueueItem(Schema):
    id: int
    text: str = Field(description="The comment's text as the author wrote it (after cleaning).")
    language: str = Field(description="The language of the article, and so of the thread: en, ru or hy.")
    status: CommentStatusValue
    held_for: str = Field(
        description=(
            "The rule or the site's setting that held or rejected the comment when it was posted "
            "(`abusive`, `premoderation`, `new_commenter`…); empty if it was published."
        )
    )
    scores: dict[str, float] = Field(description="The house-rules engine's score per rule, from 0 to 1.")
    findings: list[Finding] = Field(description="The words that made a rule fire.")
    flags: list[str] = Field(description="Rules flagged for a look without holding (e.g. `off_topic`).")
    open_reports: int = Field(description="Readers' reports not yet resolved by a decision.")
    featured: bool = Field(description="An editor's pick.")
    author: Person | None = Field(description="Empty when the author's account is deleted.")
    article: ArticleRef
    created_at: datetime.datetime
    last_decision: int | None = Field(
        description=(
            "The id of the latest entry of the comment's log. Send it as `seen` with a decision: if "
            "another moderator decides the comment meanwhile, yours is refused (409) instead of "
            "overriding theirs."
        )
    )
    appeal: AppealRef | None = Field(description="In the appeals queue: the author's appeal.")


class QueuePage(Schema):
    queue: QueueName
    total: int = Field(description="Comments waiting in the queue with these filters.")
    offset: int
    limit: int
    has_more: bool
    next_offset: int | None
    items: list[QueueItem]


class DecisionIn(Schema):
    action: ActionValue
    reason: ReasonValue | None = Field(
        None, description="The rule the comment breaks: required to reject, optional to delete."
    )
    note: Note = Field("", description="For the author and the log; required with the reason `other`.")
    seen: Annotated[int, Field(ge=1, le=MAX_ID)] | None = Field(
        None, description="The `last_decision` the moderator saw (see the queue); none: no check."
    )


class DecisionOut(Schema):
    comment: int
    status: CommentStatusValue
    featured: bool
    decision: int = Field(description="The id of the decision in the comment's log.")


class AppealDecisionIn(Schema):
    restore: StrictBool = Field(description="True: publish the comment again; false: keep the decision.")
    note: Note = Field("", description="For the author, who is told the outcome.")


class AppealDecisionOut(Schema):
    appeal: int
    outcome: Literal["restored", "upheld"]
    comment: int
    status: CommentStatusValue
    decision: int = Field(description="The id of the decision in the comment's log.")


# Presentation -----------------------------------------------------------------------------------


def _findings(findings):
    return [
        {
            "rule": finding["rule"],
            "start": finding.get("start", 0),
            "end": finding.get("end", 0),
            "evidence": finding.get("evidence", ""),
            "key": finding.get("key", ""),
            "explanation": str(EXPLANATIONS.get(finding.get("key", ""), "")),
        }
        for finding in findings or []
        if isinstance(finding, dict) and finding.get("rule") in ENGINE_RULES
    ]


def _item(comment, request, queue):
    author, article = comment.author, comment.article
    appeal = comment.appeal if queue == "appeals" else None
    return {
        "id": comment.pk,
        "text": comment.text,
        "language": comment.language,
        "status": comment.status,
        "held_for": comment.held_for,
        "scores": comment.scores or {},
        "findings": _findings(comment.findings),
        "flags": list(comment.flags or []),
        "open_reports": comment.open_reports,
        "featured": comment.featured,
        "author": {"id": author.pk, "name": author.public_name} if author is not None else None,
        "article": {"id": article.pk, "title": article.title, "url": article.get_full_url(request)},
        "created_at": comment.created_at,
        "last_decision": comment.last_decision,
        "appeal": (
            {"id": appeal.pk, "text": appeal.text, "created_at": appeal.created_at}
            if appeal is not None
            else None
        ),
    }


def _moderator(request):
    """The signed-in user, who must moderate comments."""
    if not services.is_moderator(request.auth):
        raise errors.NotModerator()
    return request.auth


def _last_decision_by(comment_id, moderator):
    return (
        Decision.objects.filter(comment_id=comment_id, actor=moderator)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )


# Operations -------------------------------------------------------------------------------------

router = Router(tags=["moderation"])
DECISION_ERRORS = error_responses(400, 401, 403, 404, 409, 422)


@router.get(
    "/queues/{queue}",
    response={200: QueuePage, **error_responses(401, 403, 422)},
    auth=SIGNED_IN,
    operation_id="moderation_queue",
)
def queue(
    request,
    queue: Annotated[QueueName, Path(description="Which queue.")],
    language: Annotated[LanguageCode | None, Query(description="Comments in one language only.")] = None,
    rule: Annotated[RuleFilter | None, Query(description="Held, flagged or reported for this rule.")] = None,
    article: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Under one article (its page id).")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
):
    """The comments waiting in a queue, oldest first, in the languages the moderator decides.

    `held`: held by the house rules or the site's settings; `reported`: published comments readers
    reported; `off_topic`: published comments flagged off-topic that no moderator has seen;
    `unmoderated`: published comments no moderator has seen; `appeals`: authors' open appeals,
    oldest appeal first."""
    moderator = _moderator(request)
    comments = queue_comments(queue, moderator, language=language or "", rule=rule or "", article=article)
    total = comments.count()
    rows = list(queue_rows(comments, queue)[offset : offset + limit]) if offset < total else []
    has_more = offset + len(rows) < total
    return {
        "queue": queue,
        "total": total,
        "offset": offset,
        "limit": limit,
        "has_more": has_more,
        "next_offset": offset + len(rows) if has_more else None,
        "items": [_item(comment, request, queue) for comment in rows],
    }


@router.post(
    "/comments/{comment_id}/decision",
    response={200: DecisionOut, **DECISION_ERRORS},
    auth=SIGNED_IN,
    operation_id="moderation_decide",
)
def decide(request, comment_id: CommentId, payload: DecisionIn):
    """Approve, reject (with the rule broken), delete, restore, feature or unfeature a comment.

    Refusals: 400 `reason_required` or `note_required`; 403 `language_not_allowed`; 404
    `comment_gone`; 409 `already_decided` (another moderator decided it after `seen`; the message
    says who) or `not_allowed_now` (the action does not apply to the comment's state)."""
    moderator = _moderator(request)
    comment = services.comment_moderate(
        comment_id=comment_id,
        moderator=moderator,
        action=payload.action,
        reason=payload.reason or "",
        note=payload.note,
        seen=payload.seen,
    )
    return {
        "comment": comment.pk,
        "status": comment.status,
        "featured": comment.featured,
        "decision": _last_decision_by(comment.pk, moderator),
    }


@router.post(
    "/appeals/{appeal_id}/decision",
    response={200: AppealDecisionOut, **DECISION_ERRORS},
    auth=SIGNED_IN,
    operation_id="moderation_appeal_decide",
)
def appeal_decide(request, appeal_id: AppealId, payload: AppealDecisionIn):
    """Decide an author's appeal: restore the comment, or keep the decision. The outcome is final:
    a second decision is refused (409 `appeal_already_decided`)."""
    moderator = _moderator(request)
    appeal = services.appeal_decide(
        appeal_id=appeal_id, moderator=moderator, restore=payload.restore, note=payload.note
    )
    comment = Comment.objects.only("pk", "status").get(pk=appeal.comment_id)
    return {
        "appeal": appeal.pk,
        "outcome": appeal.outcome,
        "comment": comment.pk,
        "status": comment.status,
        "decision": _last_decision_by(comment.pk, moderator),
    }
