"""The site's JSON API, version 1 (mounted at /api/v1/; its OpenAPI document is /api/v1/openapi.json).

Every error is `{"code": "...", "message": "..."}`: the code is stable, for programs; the message is
for people, in the language of the request (LocaleMiddleware reads Accept-Language on these
unprefixed URLs)."""

import logging
from functools import wraps

from django.core import signals
from django.http import Http404, HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from tribune.accounts.tokens import TokenError
from tribune.comments.api import CsrfFailed, InvalidToken, fallback, nudge_body
from tribune.comments.api import router as comments_router
from tribune.comments.errors import CommentError, Nudge, RateLimited
from tribune.core.errors import RETRY_AFTER_SECONDS, database_unavailable
from tribune.desk.api import router as moderation_router

logger = logging.getLogger(__name__)


class TribuneAPI(NinjaAPI):
    """django-ninja's API, except that the two answers it gives outside any operation are JSON
    errors too: a method an endpoint does not have (405, with Allow) and the bare /api/v1/ (404)."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = _json_errors(pattern.callback)
        return patterns, app_name, namespace


def _json_errors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as missing:
            return not_found(request, missing)
        if isinstance(response, HttpResponseNotAllowed):
            code, message = HTTP_ERRORS[405]
            return error_response(request, 405, code, message, headers={"Allow": response["Allow"]})
        return response

    return wrapper


api = TribuneAPI(
    title="Tribune API",
    version="1",
    description=(
        "Readers' comments. Reading needs no credentials; writing needs a signed-in session (with "
        "the CSRF token in `X-CSRFToken`) or a personal access token in `Authorization: Bearer …`. "
        "Every error is `{code, message}`: `code` is stable, `message` is in the language asked for "
        "with Accept-Language (en, ru, hy). A comment the house rules would not publish is answered "
        "with a nudge (409, code `nudge`) until it is sent with `acknowledge_rules: true`.\n\n"
        "The moderation desk's queues and decisions are under `/api/v1/moderation/`, for staff "
        "with the permission to moderate comments, with the same credentials."
    ),
    urls_namespace="api-v1",
)
api.add_router("", comments_router)
api.add_router("/moderation", moderation_router)
api.add_router("", fallback)  # last: whatever else is asked under /api/v1/ is a JSON 404

# Codes of the errors that django-ninja raises itself, by HTTP status.
HTTP_ERRORS = {
    400: ("invalid_request", _("The request body is not valid JSON.")),
    401: ("not_authenticated", _("Sign in, or send a personal access token as `Authorization: Bearer …`.")),
    403: ("forbidden", _("You may not do this.")),
    404: ("not_found", _("There is nothing here.")),
    405: ("method_not_allowed", _("This method is not allowed here.")),
    429: ("rate_limited", _("Too many requests. Please wait and try again.")),
}


def error_response(request, status, code, message, *, fields=None, headers=None, body=None):
    body = {**(body or {}), "code": code, "message": str(message)}
    if fields:
        body["fields"] = fields
    response = api.create_response(request, body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(CommentError)
def comment_refused(request, error):
    if isinstance(error, Nudge):
        body = nudge_body(error)
        return error_response(request, error.status, body["code"], body["message"], body=body)
    headers = {}
    if isinstance(error, RateLimited) and error.params.get("seconds"):
        headers["Retry-After"] = str(error.params["seconds"])
    return error_response(request, error.status, error.code, str(error), headers=headers)


@api.exception_handler(TokenError)
def token_refused(request, error):
    return error_response(request, error.status, error.code, str(error))


@api.exception_handler(ValidationError)
def invalid_request(request, error):
    fields = []
    for detail in error.errors:
        location = [str(part) for part in detail.get("loc", ())]
        # ("body", "payload", "text") → "text"; ("query", "limit") → "limit"
        name = ".".join(location[2:] if location[:1] == ["body"] and len(location) > 2 else location[1:])
        if name and name not in fields:
            fields.append(name)
    if fields:
        message = _("The request is not valid; check: %(fields)s.") % {"fields": ", ".join(fields)}
    else:
        message = _("The request is not valid.")
    return error_response(request, 422, "invalid_request", message, fields=fields or None)


@api.exception_handler(CsrfFailed)
def csrf_failed(request, error):
    return error_response(
        request,
        403,
        "csrf_failed",
        _(
            "The CSRF check failed: with a session, send the csrftoken cookie's value in the "
            "X-CSRFToken header, or use a personal access token instead."
        ),
    )


@api.exception_handler(InvalidToken)
def invalid_token(request, error):
    message = _("This access token is not valid, or it has been revoked.")
    return error_response(
        request,
        401,
        "not_authenticated",
        message,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


@api.exception_handler(AuthenticationError)
def not_authenticated(request, error):
    code, message = HTTP_ERRORS[401]
    return error_response(request, 401, code, message, headers={"WWW-Authenticate": "Bearer"})


@api.exception_handler(Throttled)
def throttled(request, error):
    code, message = HTTP_ERRORS[429]
    headers = {"Retry-After": str(int(error.wait))} if error.wait else {}
    return error_response(request, 429, code, message, headers=headers)


@api.exception_handler(HttpError)
def http_error(request, error):
    code, message = HTTP_ERRORS.get(error.status_code, ("error", _("This request cannot be served.")))
    return error_response(request, error.status_code, code, message)


@api.exception_handler(Http404)
def not_found(request, error):
    message = _("Not found: no such article or comment, or it is not public.")
    return error_response(request, 404, "not_found", message)


@api.exception_handler(Exception)
def server_error(request, error):
    """A bug: logged with its traceback, reported like any Django error, answered in JSON. The
    database away (restarting, failing over) is not a bug: 503 with Retry-After, as for pages."""
    if database_unavailable(error):
        logger.warning("API: database unavailable on %s %s: %s", request.method, request.path, error)
        return error_response(
            request,
            503,
            "unavailable",
            _("The service is briefly unavailable. Please try again in a few seconds."),
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    logger.error("API error on %s %s", request.method, request.path, exc_info=error)
    signals.got_request_exception.send(sender=None, request=request)
    return error_response(
        request, 500, "server_error", _("Something went wrong on our side. Please try again later.")
    )
