"""A shared cache of whole pages for anonymous readers: the home, section and article pages of a
breaking story are built once and served to everyone who has no session.

Only plain GETs of language-prefixed pages without a query string, by readers without a session
cookie, are cached, and only 200 responses that set no cookie: so no reader's own comments, no CSRF
token and no message can ever enter it. Publishing or unpublishing any page empties it (lists change
everywhere); a change to an article's visible thread purges that article's page."""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers

from tribune.core import versions
from tribune.core.request_cache import request_cached

VERSION_KEY = "pagecache:version"
LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
PREFIX = re.compile(rf"^/(?:{LANGUAGE_CODES})/")
NEVER = ("/accounts/", "/comments/", "/search/")
TIMEOUT = getattr(settings, "TRIBUNE_PAGE_CACHE_SECONDS", 300)


def version():
    """The version every cached page's key carries; purge_all moves it on (tribune/core/versions.py)."""
    return versions.current(VERSION_KEY)


def version_for(request):
    """The version, read once per request: every part of a page is keyed on the same one, read
    before anything it keys is (so an entry never holds something older than its version)."""
    if request is None:
        return version()
    return request_cached(request, "published-version", version)


def _key(path):
    return f"pagecache:v{version()}:{path}"


def purge_all():
    """Every cached page goes (a page was published or unpublished)."""
    versions.bump(VERSION_KEY)


def purge_on_page_change(**kwargs):
    purge_all()


def purge_paths(paths):
    cache.delete_many([_key(path) for path in paths])


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES  # a message waiting to be shown (e.g. "signed out")
        and PREFIX.match(request.path)
        and not any(part in request.path for part in NEVER)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request.path)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        user = getattr(request, "user", None)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (user is not None and user.is_authenticated)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            if callable(getattr(response, "render", None)):
                response.render()
            cache.set(key, response, TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response
