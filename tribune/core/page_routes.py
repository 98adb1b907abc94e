"""Where an address leads, remembered between requests. Wagtail finds the page of an address by
walking the tree on every request: the site, the root's translation, then two queries for each
step of the path, and two more for the view restrictions. For a plain page (not a sub-route of a
routable page) without view restrictions, the answer (the site and the page as its row holds it) is
kept in the cache, so later requests read no table at all.

Its key holds the site's publication version (tribune/core/page_cache.py), which moves on when any
page is published, unpublished, moved or deleted, and when a site or a page's privacy changes
(tribune/core/apps.py), and a version of its own that moves on whenever such a page's row is saved
(a draft, a setting): so the remembered page is the one the database holds, as the anonymous page
cache's copy of it is."""

from django.apps import apps
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.url_routing import RouteResult

from tribune.core import page_cache, versions

ROUTE_SECONDS = page_cache.TIMEOUT
VERSION_KEY = "pageroutes:version"


class RememberedRouteMixin:
    """For page models whose route may be remembered: a page reached that way had no view
    restrictions when it was remembered, and any change to them moved the version on."""

    def get_view_restrictions(self):
        if getattr(self, "_route_remembered", False):
            return apps.get_model("wagtailcore", "PageViewRestriction").objects.none()
        # Kept so that remember() can see what Wagtail's check found when it served the page.
        self._view_restrictions = super().get_view_restrictions()
        return self._view_restrictions


def forget_all(**kwargs):
    """A remembered page's row changed: every remembered route goes."""
    versions.bump(VERSION_KEY)


def _key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return ":".join(
        (
            "route",
            str(page_cache.version_for(request)),
            str(versions.current(VERSION_KEY)),
            hostname,
            str(request.get_port()),
            request.path,
        )
    )


def recall(request, view_func):
    """Give a request for Wagtail's pages the route remembered for its address, if there is one."""
    from wagtail.views import serve  # not at the top: models.py imports this module

    if view_func is not serve or request.method not in ("GET", "HEAD"):
        return
    request._route_key = _key(request)
    entry = cache.get(request._route_key)
    if entry is None:
        return
    site, page = entry
    page._route_remembered = True
    request._wagtail_site = site
    request._wagtail_route_for_request = RouteResult(page)


def _row_copy(page):
    """The page with its row's values only, without what serving it attached to it (its parent,
    its section, cached tags or restrictions), to be kept."""
    names = [field.attname for field in page._meta.concrete_fields]
    return type(page).from_db(page._state.db, names, [getattr(page, name) for name in names])


def remember(request, response):
    """Keep the route Wagtail found for a page served with 200, when it is worth keeping."""
    key = getattr(request, "_route_key", None)
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if key is None or route is None or site is None or response.status_code != 200:
        return
    page = route.page
    # The restrictions Wagtail checked before serving the page (read then, so no query here).
    restrictions = getattr(page, "_view_restrictions", None)
    if (
        getattr(page, "_route_remembered", False)
        or route.args
        or route.kwargs
        or not isinstance(page, RememberedRouteMixin)
        or not page.live
        or restrictions is None
        or restrictions._result_cache is None
        or restrictions._result_cache
    ):
        return
    cache.set(key, (site, _row_copy(page)), ROUTE_SECONDS)
