"""A version number for each article's thread, kept in the cache. Anything built from what readers
see of a thread (the rendered comments of the article page, the API's anonymous listing) keys its
cache entry on it; a change to the thread (events.thread_changed, after the commit) moves it on, so
a stale copy is never read again and simply expires.

A version that has left the cache (evicted, Redis restarted) starts again from the clock, never from
a number whose entries might still be cached."""

from django.core.cache import cache

from tribune.core import versions

KEY = "thread:version:{}"


def version(article_id):
    return versions.current(KEY.format(article_id))


def versions_of(article_ids):
    """{article id: version} for several threads (lists of articles), in one cache round trip."""
    keys = {KEY.format(pk): pk for pk in article_ids}
    found = cache.get_many(list(keys))
    result = {keys[key]: value for key, value in found.items()}
    for pk in set(keys.values()) - set(result):
        result[pk] = version(pk)
    return result


def bump(article_id):
    versions.bump(KEY.format(article_id))
