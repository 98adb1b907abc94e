"""Rate limits kept in the cache (Redis in production), so every web process shares them."""

import time

from django.core.cache import cache


def cooldown_remaining(key, seconds, now=None):
    """Seconds still to wait before the next event under `key` (0: go ahead)."""
    now = time.time() if now is None else now
    started = cache.get(f"cooldown:{key}")
    if started is None:
        return 0
    return max(0, int(started + seconds - now + 0.999))


def start_cooldown(key, seconds, now=None):
    cache.set(f"cooldown:{key}", time.time() if now is None else now, timeout=seconds)


def claim_cooldown(key, seconds, now=None):
    """Start the cooldown under `key` unless one is running, in one step (two requests at once
    cannot both claim it). Returns 0 when claimed, else the seconds still to wait."""
    now = time.time() if now is None else now
    if cache.add(f"cooldown:{key}", now, timeout=seconds):
        return 0
    return max(1, cooldown_remaining(key, seconds, now))


def release_cooldown(key):
    cache.delete(f"cooldown:{key}")


def hit(key, limit, window_seconds, now=None):
    """Count one event under `key` in a fixed window; returns 0 while within `limit`, else the
    seconds until the window ends. Events over the limit are counted too: hammering never helps."""
    now = time.time() if now is None else now
    window = int(now // window_seconds)
    bucket = f"ratelimit:{key}:{window_seconds}:{window}"
    cache.add(bucket, 0, timeout=window_seconds + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # the bucket expired between add and incr
        cache.set(bucket, 1, timeout=window_seconds + 1)
        count = 1
    if count > limit:
        return max(1, int((window + 1) * window_seconds - now + 0.999))
    return 0
