"""Signed webhooks: a newsroom's own tools hear of comments created, held and decided.

Each delivery is a JSON POST with these headers: `X-Tribune-Event` (the event), `X-Tribune-Delivery`
(an id, the same for no two deliveries), `X-Tribune-Timestamp` (Unix seconds) and
`X-Tribune-Signature: sha256=<hex>`, the HMAC-SHA256 of "<timestamp>.<body>" under the webhook's
secret. A receiver recomputes it, compares in constant time and refuses old timestamps (`verify`).
docs/webhooks.md describes the scheme and the payloads for integrators.

Delivery never fails the change that caused it: whatever the receiver does (an error status, no
answer, a redirect, garbage), the outcome is noted on the webhook (`last_status`) and logged."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

from django.utils import timezone

from .models import Comment, Decision, Webhook

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5
MAX_AGE_SECONDS = 300
SIGNATURE_PREFIX = "sha256="


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return SIGNATURE_PREFIX + mac.hexdigest()


def verify(secret, timestamp, body, signature, *, max_age=MAX_AGE_SECONDS, now=None) -> bool:
    """What a receiver does: True if `signature` is the one `secret` gives `timestamp` and `body`
    and the timestamp is at most `max_age` seconds away from now. Anything malformed is False."""
    if not isinstance(body, bytes | bytearray) or not isinstance(signature, str) or not secret:
        return False
    try:
        sent_at = int(str(timestamp).strip())
    except (TypeError, ValueError):
        return False
    if abs((time.time() if now is None else now) - sent_at) > max_age:
        return False
    expected = sign(secret, str(sent_at), bytes(body))
    # as bytes: hmac.compare_digest refuses str with non-ASCII characters
    return hmac.compare_digest(expected.encode(), signature.strip().encode("utf-8", "replace"))


def _person(user):
    return {"id": user.pk, "name": user.public_name} if user is not None else None


def payload(event, comment, decision=None) -> dict:
    """The body of a delivery: the event, the comment as it is now and, for `comment.decided`, the
    decision."""
    data = {
        "event": event,
        "comment": {
            "id": comment.pk,
            "article": {
                "id": comment.article_id,
                "title": comment.article.title,
                "url": comment.article.full_url,
            },
            "author": _person(comment.author),
            "parent": comment.parent_id,
            "status": comment.status,
            "language": comment.language,
            "text": comment.text,
            "held_for": comment.held_for,
            "scores": comment.scores,
            "findings": comment.findings,
            "flags": comment.flags,
            "model_version": comment.model_version,
            "open_reports": comment.open_reports,
            "featured": comment.featured,
            "created_at": comment.created_at.isoformat(),
        },
    }
    if decision is not None:
        data["decision"] = {
            "id": decision.pk,
            "action": decision.action,
            "from_status": decision.from_status,
            "to_status": decision.to_status,
            "reason": decision.reason,
            "note": decision.note,
            "moderator": _person(decision.actor),
            "at": decision.created_at.isoformat(),
        }
    return data


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A receiver that redirects gets its redirect noted, not followed: urllib would resend the
    signed event elsewhere, or as a GET without its body."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _post(hook, event, body: bytes) -> str:
    """POST one delivery; what came of it, as noted on the webhook: the HTTP status ("200", "500")
    or "error: <why>"."""
    if urlsplit(hook.url).scheme not in ("http", "https"):
        return "error: only http and https addresses are called"
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        hook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Tribune-Webhook/1",
            "X-Tribune-Event": event,
            "X-Tribune-Delivery": uuid.uuid4().hex,
            "X-Tribune-Timestamp": timestamp,
            "X-Tribune-Signature": sign(hook.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return f"{response.status}"
    except urllib.error.HTTPError as error:  # 4xx, 5xx, and the redirects not followed
        error.close()
        return f"{error.code}"
    except Exception as error:  # refused, timed out, not HTTP at all…: noted, never raised
        reason = getattr(error, "reason", None) or error
        return f"error: {type(error).__name__}: {reason}"[:200]


def deliver(event, comment_id, extra) -> int:
    """POST the event to every active webhook that wants it. Returns how many answered 2xx."""
    comment = Comment.objects.select_related("article", "author").filter(pk=comment_id).first()
    if comment is None:
        return 0
    decision = None
    if extra.get("decision"):
        decision = Decision.objects.select_related("actor").filter(pk=extra["decision"]).first()
    body = json.dumps(payload(event, comment, decision), ensure_ascii=False, sort_keys=True).encode()
    ok = 0
    for hook in Webhook.objects.filter(active=True).order_by("pk"):
        if not hook.wants(event):
            continue
        status = _post(hook, event, body)
        Webhook.objects.filter(pk=hook.pk).update(last_status=status, last_delivery_at=timezone.now())
        if status.startswith("2"):
            ok += 1
        else:
            logger.warning("webhook %s (%s) answered %s for %s", hook.pk, hook.url, status, event)
    return ok
