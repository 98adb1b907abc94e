"""Rate limits kept in the cache (Redis in production), so every web process shares them."""

import time

from django.core.cache import cache

from tribune.core.cache import count_in_window


def cooldown_remaining(key, seconds, now=None):
    """Seconds still to wait before the next event under `key` (0: go ahead)."""
    return cooldowns_remaining([key], seconds, now)


def cooldowns_remaining(keys, seconds, now=None):
    """The longest wait of the cooldowns under `keys` (0: go ahead), read in one round trip."""
    now = time.time() if now is None else now
    started = cache.get_many([f"cooldown:{key}" for key in keys]).values()
    return max((max(0, int(s + seconds - now + 0.999)) for s in started), default=0)


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
    return hit_all([key], limit, window_seconds, now)


def hit_all(keys, limit, window_seconds, now=None):
    """`hit` for each of `keys` (a reader and their address), counted together in one round trip
    to Redis: 0 while every one is within `limit`, else the longest wait."""
    now = time.time() if now is None else now
    window = int(now // window_seconds)
    buckets = [f"ratelimit:{key}:{window_seconds}:{window}" for key in keys]
    if hasattr(cache, "counts_in_window"):  # Redis (tribune/core/cache.py)
        counts = cache.counts_in_window(buckets, window_seconds + 1)
    else:
        counts = [count_in_window(cache, bucket, window_seconds + 1) for bucket in buckets]
    if max(counts) > limit:
        return max(1, int((window + 1) * window_seconds - now + 0.999))
    return 0
