"""The front proxy's cache (nginx in deploy/, or a CDN), purged through Wagtail's frontend cache
backends when settings.WAGTAILFRONTENDCACHE names one. Wagtail purges a page when it is published;
Tribune purges an article when its visible thread changes, with Wagtail's own task, after the commit
and off the reader's request."""

from django.conf import settings

from tribune.core.tasks import enqueue_safely


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    """Queue the purge of these full URLs (run here if the queue is down)."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    urls = [url for url in urls if url]
    if enabled() and urls:
        enqueue_safely(purge_urls_from_cache_task, urls)
