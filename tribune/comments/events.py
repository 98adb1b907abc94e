"""What happens after a change to a thread is committed."""

from django.core.cache import cache
from django.db import transaction


def thread_version_key(article_id):
    return f"comments:thread-version:{article_id}"


def thread_version(article_id):
    """A number that changes whenever the visible thread of the article may have changed; cached
    pages and fragments of the thread carry it in their keys."""
    return cache.get_or_set(thread_version_key(article_id), 1, timeout=None)


def thread_changed(article_id):
    def bump():
        key = thread_version_key(article_id)
        if cache.add(key, 2, timeout=None):
            return
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, timeout=None)

    transaction.on_commit(bump)
