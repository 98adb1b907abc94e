"""The front proxy's cache (nginx in deploy/, or a CDN), purged through Wagtail's frontend cache
backends when settings.WAGTAILFRONTENDCACHE names one. Wagtail purges a page when it is published;
Tribune purges an article when its visible thread changes, with Wagtail's own task, after the commit
and off the reader's request.

A breaking story's thread changes several times a second, and each purge sends every reader of the
story back to the site until one of them has had the page made again. So the purges of one page are
gathered: the first change queues a purge to run COALESCE_SECONDS later, and the changes committed
meanwhile are covered by it."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from tribune.core.tasks import enqueue_safely

COALESCE_SECONDS = 1


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    """Queue the purge of these full URLs (run here if the queue is down)."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    urls = [url for url in urls if url]
    if enabled() and urls:
        enqueue_safely(purge_urls_from_cache_task, urls)


def purge_soon(key, urls):
    """Purge these full URLs (the pages of `key`, e.g. an article) COALESCE_SECONDS from now, and let
    that one purge cover every later call for `key` until it runs. Where the task backend cannot
    wait (no queue: tasks run in the web process), purge now."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    urls = [url for url in urls if url]
    if not (enabled() and urls):
        return
    if not purge_urls_from_cache_task.get_backend().supports_defer:
        enqueue_safely(purge_urls_from_cache_task, urls)
        return
    pending = f"frontcache:pending:{key}"
    # The mark lapses before the purge runs: a change that finds it is committed before the purge.
    if not cache.add(pending, True, timeout=COALESCE_SECONDS):
        return
    later = timezone.now() + datetime.timedelta(seconds=COALESCE_SECONDS)
    result = enqueue_safely(purge_urls_from_cache_task.using(run_after=later), urls)
    if result.is_finished:  # the queue was down and it ran here, now: the next change purges again
        cache.delete(pending)
