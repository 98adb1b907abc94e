import re

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import Resolver404, resolve

from tribune.core import page_routes

LANGUAGE_PREFIX_SHAPE = re.compile(r"^/[a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?(?:/|$)")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 is left alone (not redirected to `/en/…`) when the path already
    starts with something shaped like a language code the site does not publish in (`/de/…`), or
    when it belongs to a view outside the language prefixes (`/reads/…`, `/sitemap-xx.xml`) that
    said 404 itself.

    It also hands each request for a page the route remembered for its address
    (tribune/core/page_routes.py) before Wagtail would walk the page tree for it, and remembers the
    route Wagtail found. Only once the view is known: a page served from the anonymous page cache,
    or any other view, costs nothing more."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        page_routes.recall(request, view_func)

    def process_response(self, request, response):
        page_routes.remember(request, response)
        if response.status_code == 404 and (
            LANGUAGE_PREFIX_SHAPE.match(request.path_info) or _resolves(request.path_info)
        ):
            return response
        return super().process_response(request, response)


def _resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
