"""Signed webhooks: a newsroom's own tools hear of comments created, held and decided.

Each delivery is a JSON POST with two headers: `X-Tribune-Timestamp` (Unix seconds) and
`X-Tribune-Signature: sha256=<hex>`, the HMAC-SHA256 of "<timestamp>.<body>" under the webhook's
secret. A receiver recomputes it, compares in constant time and refuses old timestamps."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request

from django.utils import timezone

from .models import Comment, Decision, Webhook

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, *, max_age=300, now=None) -> bool:
    """What a receiver does; used by the tests and offered to integrators as the reference."""
    try:
        age = (now or time.time()) - int(timestamp)
    except ValueError:
        return False
    return abs(age) <= max_age and hmac.compare_digest(sign(secret, timestamp, body), signature)


def payload(event, comment, decision=None) -> dict:
    data = {
        "event": event,
        "comment": {
            "id": comment.pk,
            "article": {
                "id": comment.article_id,
                "title": comment.article.title,
                "url": comment.article.full_url,
            },
            "author": comment.author_id,
            "status": comment.status,
            "language": comment.language,
            "text": comment.text,
            "held_for": comment.held_for,
            "scores": comment.scores,
            "flags": comment.flags,
            "model_version": comment.model_version,
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
            "moderator": decision.actor_id,
            "at": decision.created_at.isoformat(),
        }
    return data


def _post(hook, body: bytes):
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 - the address is set by the site's administrators
        hook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Tribune-Webhook/1",
            "X-Tribune-Timestamp": timestamp,
            "X-Tribune-Signature": sign(hook.secret, timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return f"{response.status}"
    except urllib.error.HTTPError as error:
        return f"{error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"error: {error}"[:200]


def deliver(event, comment_id, extra) -> int:
    """POST the event to every active webhook that wants it. Returns how many answered 2xx."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None:
        return 0
    decision = None
    if extra.get("decision"):
        decision = Decision.objects.filter(pk=extra["decision"]).first()
    body = json.dumps(payload(event, comment, decision), ensure_ascii=False, sort_keys=True).encode()
    ok = 0
    for hook in Webhook.objects.filter(active=True).order_by("pk"):
        if not hook.wants(event):
            continue
        status = _post(hook, body)
        Webhook.objects.filter(pk=hook.pk).update(last_status=status, last_delivery_at=timezone.now())
        if status.startswith("2"):
            ok += 1
        else:
            logger.warning("webhook %s (%s) answered %s for %s", hook.pk, hook.url, status, event)
    return ok
