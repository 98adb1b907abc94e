"""The comments JSON API (mounted under /api/v1/ by `tribune.api`). Each operation parses, authorizes,
calls a selector or a service, and responds; refusals are the services' `CommentError`s, which
`tribune.api` turns into `{"code", "message"}` responses in the reader's language.

Readers authenticate with their session (cookie, CSRF token required for writes) or with a personal
access token (`Authorization: Bearer trb_…`, no CSRF: a script holds no cookie to be abused).

A comment the house rules would not publish is not stored at first: the answer is a nudge (409,
`code` "nudge") that says which rules and which words, so that the reader may edit it; sent again
with `acknowledge_rules`, it is stored held for a moderator (or rejected) and the answer says so."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth
from ninja.utils import check_csrf
from pydantic import AfterValidator, StrictBool

from tribune.accounts import tokens
from tribune.core import snapshots
from tribune.core.client import client_ip
from tribune.newsroom.models import ArticlePage

from . import api_cache, screening, selectors, services
from . import errors as comment_errors
from .forms import HARD_CAP
from .models import ENGINE_RULES, Report
from .models import Status as CommentStatus
from .templatetags.house_rules import EXPLANATIONS, rule_name

MAX_ID = 2**63 - 1  # the largest id the database holds; a larger one is a bad request, not a crash
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
JSON = JSONRenderer()


# Authentication ---------------------------------------------------------------------------------


class CsrfFailed(HttpError):
    def __init__(self):
        super().__init__(403, "CSRF check failed")


class InvalidToken(AuthenticationError):
    def __init__(self):
        super().__init__(401, "invalid token")


class BearerToken(HttpBearer):
    """A personal access token. A token that is sent but unknown is refused outright (401) rather
    than treated as no token, so that a script with a revoked token learns it at once."""

    def authenticate(self, request, token):
        user = tokens.user_for(token.strip())
        if user is None:
            raise InvalidToken()
        return user


class SessionCookie(NinjaSessionAuth):
    """django-ninja's `django_auth`, except that a request without a signed-in session is simply not
    authenticated (401) instead of failing the CSRF check: only a cookie-authenticated request can be
    forged, and that one must carry the CSRF token on unsafe methods."""

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfFailed()
        return request.COOKIES.get(self.param_name)


def anonymous(request):
    """The last resort of operations open to everyone: the reader is nobody in particular."""
    return AnonymousUser()


bearer_token = BearerToken()
session_cookie = SessionCookie()
SIGNED_IN = [bearer_token, session_cookie]
ANYONE = [bearer_token, session_cookie, anonymous]
SESSION_ONLY = [session_cookie]
ANYONE_SECURITY = {"security": [{}]}  # added to the schemes above: no credentials at all is fine too


# Schemas ----------------------------------------------------------------------------------------


def _encodable(value: str) -> str:
    """JSON can carry lone surrogates (`"\\ud800"`), which no database stores: refuse them here."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("not valid Unicode text") from None
    return value


Text = Annotated[str, Field(max_length=HARD_CAP), AfterValidator(_encodable)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="The article's page id.")]
CommentId = Annotated[int, Path(ge=1, le=MAX_ID)]
TokenId = Annotated[int, Path(ge=1, le=MAX_ID)]
Order = Literal[tuple(selectors.ORDERS)]  # newest, oldest, replies
CommentStatusValue = Literal[tuple(CommentStatus.values)]  # published, pending, held, rejected, deleted
ReasonValue = Literal[tuple(Report.Reason.values)]  # off_topic, advertising, abusive, filthy, other
EngineRule = Literal[ENGINE_RULES]  # the rules the house-rules engine checks


class Error(Schema):
    code: str = Field(description="Stable, for programs: `empty`, `too_long`, `not_authenticated`…")
    message: str = Field(description="For people, in the language of the request (Accept-Language).")
    fields: list[str] | None = Field(None, description="With `invalid_request`: the fields at fault.")


class Author(Schema):
    name: str


class Comment(Schema):
    id: int
    parent: int | None = Field(description="The comment this one is shown under.")
    in_reply_to: int | None = Field(description="The comment answered, when deeper than the thread shows.")
    depth: int
    author: Author | None = Field(description="Empty for a deleted comment or a deleted account.")
    html: str | None = Field(description="Safe HTML of the text; empty for a deleted comment.")
    text: str | None = Field(None, description="The raw text: only on the reader's own comments.")
    status: CommentStatusValue
    created_at: datetime.datetime
    edited: bool


class ThreadComment(Comment):
    replies: list[ThreadComment]


class Thread(Schema):
    total: int = Field(description="Published comments in the whole thread.")
    order: Order
    offset: int
    has_more: bool
    next_offset: int | None
    comments: list[ThreadComment]


class CommentIn(Schema):
    text: Text
    parent: Id | None = Field(None, description="The comment replied to.")
    acknowledge_rules: StrictBool = Field(
        False,
        description=(
            "Send the comment even though the house rules would not publish it, after a `nudge` "
            "answer (409). It is then stored held for a moderator, or rejected when it is "
            "near-certain advertising: the answer's `status` says which."
        ),
    )


class Finding(Schema):
    rule: EngineRule
    start: int = Field(
        description=(
            "Where the words begin: an offset in Unicode code points (not UTF-16 units) into the "
            "text as it is stored, after invisible and direction-changing characters are removed."
        )
    )
    end: int = Field(description="Where the words end (exclusive), as `start`.")
    evidence: str = Field(description="The words that matched; empty when the whole text did.")
    key: str = Field(description="Why they matched, for programs: `filthy.lexicon`, `advertising.phone`…")
    explanation: str = Field(description="Why they matched, for people, in the language of the request.")


class Nudge(Schema):
    code: Literal["nudge"]
    message: str = Field(description="For people, in the language of the request: the rules and what to do.")
    rules: list[EngineRule] = Field(description="The house rules the comment may break.")
    findings: list[Finding] = Field(description="The words that made the rules fire, where there are any.")
    would_be: Literal["held", "rejected"] = Field(
        description="What happens if it is sent again with `acknowledge_rules`: held for a moderator, or rejected."
    )


class EditIn(Schema):
    text: Text


class ReportIn(Schema):
    reason: ReasonValue
    note: Annotated[str, Field(max_length=500), AfterValidator(_encodable)] = ""


class ReportOut(Schema):
    id: int
    comment: int
    reason: ReasonValue
    created_at: datetime.datetime


def _token_name(value: str) -> str:
    value = _encodable(value).strip()
    if not value or not value.isprintable():
        raise ValueError("a name of printable characters is required")
    return value


class TokenIn(Schema):
    name: Annotated[str, Field(max_length=100), AfterValidator(_token_name)]


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters of the token, to tell tokens apart.")
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None


class NewToken(TokenOut):
    token: str = Field(description="The token itself. It is shown this once and never again.")


def errors(*statuses):
    return dict.fromkeys(statuses, Error)


# Every refusal a service may make (CommentError statuses), plus authentication and validation.
WRITE_ERRORS = errors(400, 401, 403, 404, 409, 422, 429)
# Posting a comment may also be answered with a nudge, which is an Error with more to say.
SUBMIT_ERRORS = {**WRITE_ERRORS, 409: Nudge | Error}


# Presentation -----------------------------------------------------------------------------------


def _comment(comment, viewer_id):
    gone = comment.status == CommentStatus.DELETED
    author = None if gone else comment.author
    return {
        "id": comment.pk,
        "parent": comment.parent_id,
        "in_reply_to": comment.in_reply_to_id,
        "depth": comment.depth,
        "author": {"name": author.public_name} if author is not None else None,
        "html": None if gone else comment.html,
        "text": comment.text if not gone and viewer_id and comment.author_id == viewer_id else None,
        "status": comment.status,
        "created_at": comment.created_at,
        "edited": comment.edited_at is not None,
    }


def _tree(comment, viewer_id):
    return {
        **_comment(comment, viewer_id),
        "replies": [_tree(child, viewer_id) for child in comment.thread_children],
    }


def _live_article(article_id):
    """The live article, from the copy kept until any page changes (tribune/core/snapshots.py)."""
    article = snapshots.get(
        screening.ARTICLE_SNAPSHOT,
        article_id,
        lambda: (
            ArticlePage.objects.live()
            .defer_streamfields()
            .filter(pk=article_id)
            .select_related("locale")
            .first()
        ),
    )
    if article is None:
        raise Http404
    return article


def _comment_to_change(comment_id, user):
    """The reader's own comment in any state, else one they may see (the service says they may not
    change it); nothing else exists for them."""
    comment = selectors.own_comment(comment_id, user) or selectors.comment_for_reader(comment_id, user)
    if comment is None:
        raise Http404
    return comment


NUDGE_MESSAGES = {
    "held": _(
        "Your comment may break the house rules (%(rules)s). Edit it, or send it anyway and a "
        "moderator will decide whether to publish it."
    ),
    "rejected": _(
        "Your comment breaks the house rules (%(rules)s). Sent anyway, it will not be published: "
        "please edit it."
    ),
}


def nudge_body(nudge: comment_errors.Nudge) -> dict:
    """The answer to a comment the house rules would not publish, in the language of the request."""
    would_be = "rejected" if nudge.would_be == CommentStatus.REJECTED else "held"
    rules = [rule for rule in dict.fromkeys(nudge.rules) if rule in ENGINE_RULES]
    names = ", ".join(str(rule_name(rule)) for rule in rules)
    return {
        "code": nudge.code,
        "message": str(NUDGE_MESSAGES[would_be] % {"rules": names}),
        "rules": rules,
        "findings": [
            {
                "rule": finding["rule"],
                "start": finding["start"],
                "end": finding["end"],
                "evidence": finding.get("evidence", ""),
                "key": finding.get("key", ""),
                "explanation": str(EXPLANATIONS.get(finding.get("key", ""), "")),
            }
            for finding in nudge.findings
            if finding.get("rule") in rules
        ],
        "would_be": would_be,
    }


# Operations -------------------------------------------------------------------------------------

router = Router(tags=["comments"])


@router.get(
    "/articles/{article_id}/comments",
    response={200: Thread, **errors(401, 404, 422)},
    auth=ANYONE,
    openapi_extra=ANYONE_SECURITY,
    operation_id="thread",
)
def thread(
    request,
    article_id: ArticleId,
    order: Order = selectors.DEFAULT_ORDER,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_ID, description=f"At most {MAX_LIMIT} are returned.")] = (
        selectors.PAGE_SIZE
    ),
):
    """One page of an article's conversation: top-level comments with all their replies.

    The answer carries an `ETag`; sent back in `If-None-Match`, it is answered 304 while the thread
    has not changed."""
    viewer = request.auth
    limit = min(limit, MAX_LIMIT)
    listing = api_cache.listing(article_id=article_id, viewer=viewer, order=order, offset=offset, limit=limit)
    content = listing.cached()
    if content is None:
        content = _thread_json(request, _live_article(article_id), viewer, order, offset, limit)
        listing.store(content)
    return listing.respond(request, content)


def _thread_json(request, article, viewer, order, offset, limit):
    """The page as the operation's schema answers it, rendered to JSON once for the cache."""
    page = selectors.thread(article.pk, viewer, order, offset, limit)
    viewer_id = viewer.pk if viewer.is_authenticated else None
    data = {
        "total": page.total,
        "order": page.order,
        "offset": page.offset,
        "has_more": page.has_more,
        "next_offset": page.next_offset if page.has_more else None,
        "comments": [_tree(root, viewer_id) for root in page.roots],
    }
    # As django-ninja would answer it: the schema's dump through its JSON renderer (the API's own).
    return JSON.render(request, Thread.model_validate(data).model_dump(), response_status=200)


@router.post(
    "/articles/{article_id}/comments",
    response={201: Comment, **SUBMIT_ERRORS},
    auth=SIGNED_IN,
    operation_id="comment_submit",
)
def submit(request, article_id: ArticleId, payload: CommentIn):
    """Post a comment, or a reply to the comment `parent`.

    If the house rules would not publish it, nothing is stored and the answer is a nudge (409, code
    `nudge`): the rules, the words that made them fire, and what would become of the comment. The
    reader may edit it, or send it again with `acknowledge_rules: true`: then it is stored, held for
    a moderator (or rejected), and the answer's `status` says which. The other 409 is `duplicate`."""
    article = _live_article(article_id)
    comment = services.comment_submit(
        author=request.auth,
        article=article,
        text_raw=payload.text,
        parent_id=payload.parent,
        ip_address=client_ip(request),
        acknowledge_rules=payload.acknowledge_rules,
    )
    return Status(201, _comment(comment, request.auth.pk))


@router.patch(
    "/comments/{comment_id}",
    response={200: Comment, **WRITE_ERRORS},
    auth=SIGNED_IN,
    operation_id="comment_edit",
)
def edit(request, comment_id: CommentId, payload: EditIn):
    """Rewrite one's own comment, within the edit window."""
    comment = _comment_to_change(comment_id, request.auth)
    comment = services.comment_edit(comment=comment, editor=request.auth, text_raw=payload.text)
    return _comment(comment, request.auth.pk)


@router.delete(
    "/comments/{comment_id}",
    response={204: None, **WRITE_ERRORS},
    auth=SIGNED_IN,
    operation_id="comment_delete",
)
def delete(request, comment_id: CommentId):
    """Delete one's own comment; it stays as a tombstone while it has replies."""
    comment = _comment_to_change(comment_id, request.auth)
    services.comment_delete(comment=comment, actor=request.auth)
    return Status(204, None)


@router.post(
    "/comments/{comment_id}/reports",
    response={201: ReportOut, **WRITE_ERRORS},
    auth=SIGNED_IN,
    operation_id="comment_report",
)
def report(request, comment_id: CommentId, payload: ReportIn):
    """Flag a comment for the editors."""
    comment = selectors.comment_for_reader(comment_id, request.auth)
    if comment is None:
        raise Http404
    created = services.comment_report(
        comment=comment, reporter=request.auth, reason=payload.reason, note=payload.note
    )
    return Status(
        201,
        {"id": created.pk, "comment": comment.pk, "reason": created.reason, "created_at": created.created_at},
    )


# Personal access tokens: managed from a signed-in session only, so that a leaked token can neither
# mint new tokens nor hide itself.


def _token(token):
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
    }


@router.get(
    "/me/tokens",
    response={200: list[TokenOut], **errors(401)},
    auth=SESSION_ONLY,
    tags=["tokens"],
    operation_id="tokens_list",
)
def tokens_list(request):
    """The reader's personal access tokens (never the tokens themselves). Signed-in session only."""
    return [_token(token) for token in tokens.tokens_of(request.auth)]


@router.post(
    "/me/tokens",
    response={201: NewToken, **errors(400, 401, 403, 409, 422)},
    auth=SESSION_ONLY,
    tags=["tokens"],
    operation_id="tokens_issue",
)
def tokens_issue(request, payload: TokenIn):
    """A new personal access token, returned in clear this once. Signed-in session only."""
    token, clear = tokens.issue(user=request.auth, name=payload.name)
    return Status(201, {**_token(token), "token": clear})


@router.delete(
    "/me/tokens/{token_id}",
    response={204: None, **errors(401, 403, 404, 422)},
    auth=SESSION_ONLY,
    tags=["tokens"],
    operation_id="tokens_revoke",
)
def tokens_revoke(request, token_id: TokenId):
    """Revoke one of the reader's tokens: scripts using it are refused from now on. Signed-in session
    only."""
    if not tokens.revoke(user=request.auth, token_id=token_id):
        raise Http404
    return Status(204, None)


# Anything else under /api/v1/ is a JSON 404, not the site's HTML page (nor a redirect to /en/…).
fallback = Router()


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
    "/{path:rest}",
    include_in_schema=False,
    auth=None,
)
def not_found(request, rest: str):
    raise Http404
