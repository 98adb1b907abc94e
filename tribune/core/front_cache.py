"""The front proxy's cache (nginx in deploy/, or a CDN), purged through Wagtail's frontend cache
backends when settings.WAGTAILFRONTENDCACHE names one. Wagtail purges a page when it is published;
Tribune purges an article when its visible thread changes, with Wagtail's own task, after the commit
and off the reader's request.

A breaking story's thread changes several times a second, and each purge sends every reader of the
story back to the site until one of them has had the page made again. So the purges of one page are
gathered: the first change queues a purge to run COALESCE_SECONDS later, and the changes committed
meanwhile are covered by it."""

import datetime
import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tribune.core.tasks import enqueue_safely

logger = logging.getLogger(__name__)

COALESCE_SECONDS = 1
REFRESH_TIMEOUT = 30


class RefreshBackend(BaseBackend):
    """Wagtail's frontend cache backend for deploy/nginx: rather than removing the proxy's copy of a
    page (after which every reader of a breaking story waits on the one request that makes it
    again), it asks the proxy's refresh listener (LOCATION) for the page. That listener always goes
    to the site and stores what it gets, so readers keep the old copy until the new one is in."""

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params.pop("LOCATION"))
        self.scheme, self.netloc = location.scheme, location.netloc

    def purge(self, url):
        parts = urlsplit(url)
        request = urllib.request.Request(  # noqa: S310 - the operator's own listener
            urlunsplit((self.scheme, self.netloc, parts.path or "/", parts.query, "")),
            headers={"Host": parts.netloc, "User-Agent": "Tribune-refresh"},
        )
        try:
            with urllib.request.urlopen(request, timeout=REFRESH_TIMEOUT) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            # A page that is gone answers 404, and the proxy keeps that answer: done as well.
            level = logging.INFO if error.code == 404 else logging.WARNING
            logger.log(level, "front cache: refreshing %s answered %s", url, error.code)
        except (urllib.error.URLError, OSError) as error:
            logger.warning("front cache: could not refresh %s (%s)", url, error)


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
