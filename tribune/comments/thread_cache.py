"""A version number for each article's thread, kept in the cache. Anything built from what readers
see of a thread (the rendered comments of the article page, the API's anonymous listing) keys its
cache entry on it; a change to the thread (events.thread_changed, after the commit) moves it on, so
a stale copy is never read again and simply expires.

A version that has left the cache (evicted, Redis restarted) starts again from the clock, never from
a number whose entries might still be cached."""

import time

from django.core.cache import cache

KEY = "thread:version:{}"


def _fresh():
    return time.time_ns() // 1000


def version(article_id):
    key = KEY.format(article_id)
    current = cache.get(key)
    if current is None:
        cache.add(key, _fresh(), timeout=None)
        current = cache.get(key, _fresh())
    return current


def versions(article_ids):
    """{article id: version} for several threads (lists of articles), in one cache round trip."""
    keys = {KEY.format(pk): pk for pk in article_ids}
    found = cache.get_many(list(keys))
    result = {keys[key]: value for key, value in found.items()}
    for pk in set(keys.values()) - set(result):
        result[pk] = version(pk)
    return result


def bump(article_id):
    key = KEY.format(article_id)
    try:
        cache.incr(key)
    except ValueError:  # not in the cache: any new number from the clock will do
        cache.set(key, _fresh(), timeout=None)
