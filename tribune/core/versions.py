"""Version numbers kept in the cache, for caches keyed on them: a change moves the number on, and
entries under the old one are never read again and simply expire. A number that has left the cache
(evicted, Redis restarted) starts again from the clock, never from one whose entries might still be
cached."""

import time

from django.core.cache import cache


def _fresh():
    return time.time_ns() // 1000


def current(key):
    value = cache.get(key)
    if value is None:
        cache.add(key, _fresh(), timeout=None)
        value = cache.get(key, _fresh())
    return value


def bump(key):
    try:
        cache.incr(key)
    except ValueError:  # not in the cache: any new number from the clock will do
        cache.set(key, _fresh(), timeout=None)
