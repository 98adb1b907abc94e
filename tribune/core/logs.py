"""Structured logs: every line written while a request is served carries that request's id, which
the response also returns (X-Request-ID), so an operator can find the lines of one reader's failed
request. With LOG_FORMAT=json each line is one JSON object, for a log collector."""

from __future__ import annotations

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

request_id = contextvars.ContextVar("request_id", default="-")
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_log = logging.getLogger("tribune.request")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    FIELDS = ("method", "path", "status", "ms", "user")

    def format(self, record):
        data = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        data.update({name: getattr(record, name) for name in self.FIELDS if hasattr(record, name)})
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


class RequestIdMiddleware:
    """Outermost: takes the front proxy's X-Request-ID when it looks like one, or makes one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        rid = incoming if ACCEPTED_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        request.id = rid
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            user = getattr(request, "user", None)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": rid,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "user": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            request_id.reset(token)
