"""Probes for the load balancer and the process supervisor.

`/healthz` says the process answers (no database, no cache: a liveness probe must not fail because
PostgreSQL is restarting). `/readyz` says whether this process can serve readers now: the database
answers and, where the site uses Redis, Redis answers. Neither is cached or language-prefixed."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .errors import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_redis():
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    finally:
        client.close()


def _probe(check):
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # the probe reports any failure; it never raises
        logger.warning("readiness check %s failed: %s", check.__name__, error)
        return {"status": "unavailable", "error": type(error).__name__}
    return {"status": "ok", "ms": round((time.perf_counter() - started) * 1000, 1)}


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    checks = {"database": _probe(_check_database)}
    checks["redis"] = _probe(_check_redis) if settings.REDIS_URL else {"status": "not configured"}
    ready = all(c["status"] in ("ok", "not configured") for c in checks.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
    if not ready:  # like every temporary 503 of the site (tribune/core/errors.py)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
