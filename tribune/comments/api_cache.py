"""The API's cache of thread listings: the JSON of one page of a thread, built once and served as it
is until the thread or the site's pages change.

An entry's key names everything the bytes depend on: the article, the site's publish version (moved
on by `core.page_cache` whenever any page is published, unpublished or deleted, so an article taken
down is not listed from the cache again), the thread's version (moved on after every committed change
to the thread, `comments.thread_cache`), the order and the paging. Nothing in a listing is
translated, so the language of the request is not part of it. The versions are read before the
database is, so an entry is never older than the versions it is filed under.

What a signed-in reader sees differs from what everyone sees only where the thread holds comments of
their own (their raw `text`, and those waiting for a moderator): a reader with no comment in the
thread gets the shared entry; one with comments gets an entry of their own, filed under their id.
No entry is ever shared between two scopes.

The ETag is a digest of the key, so a reader who sends it back (If-None-Match) while nothing has
changed gets a 304. Browsers and caches on the way store no listing (`no-cache`, and `private` for
a signed-in reader): they revalidate instead, which costs a cache read here. The deploy's own front
proxy is the one exception: an anonymous listing tells it (`X-Accel-Expires`, which nginx reads and
never passes on) that it may serve that listing to every anonymous reader for PROXY_SECONDS, so a
breaking story's thread is read from the application about once a second, however many read it.
A request with credentials is never answered from there (deploy/nginx)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from tribune.core import page_cache

from . import thread_cache
from .models import Comment

KEY = "api:thread:{article}:p{publish}:t{thread}:{scope}:{order}:{offset}:{limit}"
SHARED = "all"
# Names and accounts can change without the thread's version moving on: entries do not outlive this.
TIMEOUT = getattr(settings, "TRIBUNE_PAGE_CACHE_SECONDS", 300)
CONTENT_TYPE = "application/json; charset=utf-8"
# How long the front proxy may serve an anonymous listing to everyone: a new comment shows to
# anonymous readers at most this late (and at once to its author, whose requests bypass the proxy).
PROXY_SECONDS = 1


def _versions(article_id):
    """(publish version, thread version), in one round trip to the cache when both are there."""
    thread_key = thread_cache.KEY.format(article_id)
    found = cache.get_many([page_cache.VERSION_KEY, thread_key])
    publish = found.get(page_cache.VERSION_KEY)
    if publish is None:
        publish = page_cache.version()
    thread = found.get(thread_key)
    if thread is None:
        thread = thread_cache.version(article_id)
    return publish, thread


def _scope(article_id, viewer):
    """Whose listing this is: everyone's, unless the viewer has comments of their own in the thread
    (in any state: the listing shows them their text and what waits for a moderator)."""
    if viewer is None or not viewer.is_authenticated:
        return SHARED
    if Comment.objects.filter(article_id=article_id, author_id=viewer.pk).exists():
        return f"u{viewer.pk}"
    return SHARED


@dataclass(frozen=True)
class Listing:
    key: str
    signed_in: bool

    @property
    def etag(self):
        digest = hashlib.blake2b(self.key.encode(), digest_size=12).hexdigest()
        return f'W/"{digest}"'

    def cached(self):
        """The JSON of the page, or None."""
        return cache.get(self.key)

    def store(self, content):
        cache.set(self.key, content, TIMEOUT)

    def respond(self, request, content):
        """200 with `content`, or 304 when the reader already holds this version."""
        if self._already_held(request):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(content, content_type=CONTENT_TYPE)
        if not self.signed_in and response.status_code == 200:
            # Before Cache-Control: nginx before 1.23 reads the headers in order, and a no-cache
            # read first would forbid the copy.
            response["X-Accel-Expires"] = str(PROXY_SECONDS)
        response["ETag"] = self.etag
        response["Cache-Control"] = "private, no-cache" if self.signed_in else "no-cache"
        patch_vary_headers(response, ["Authorization", "Cookie"])
        return response

    def _already_held(self, request):
        sent = request.headers.get("If-None-Match")
        if not sent:
            return False
        etags = parse_etags(sent)
        # Weak comparison (RFC 9110 §13.1.2): the opaque part decides.
        ours = self.etag.removeprefix("W/")
        return "*" in etags or any(etag.removeprefix("W/") == ours for etag in etags)


def listing(*, article_id, viewer, order, offset, limit) -> Listing:
    """The cache entry and ETag of one page of a thread as `viewer` sees it. Reads the versions (one
    cache round trip) and, for a signed-in viewer, asks whether they have comments in the thread
    (one query): this must come before the thread itself is read from the database."""
    publish, thread = _versions(article_id)
    key = KEY.format(
        article=article_id,
        publish=publish,
        thread=thread,
        scope=_scope(article_id, viewer),
        order=order,
        offset=offset,
        limit=limit,
    )
    return Listing(key=key, signed_in=bool(viewer is not None and viewer.is_authenticated))
