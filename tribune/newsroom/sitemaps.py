"""Sitemaps, at the site root: an index of one sitemap per language, each page in it with its
translations as hreflang alternates, and a Google News sitemap of the last two days."""

import datetime
import math
from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps.views import x_robots_tag
from django.db.models import Count, Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .models import ArticlePage
from .structured_data import agency_name

# URLs per sitemap file: the protocol's limit. Past it a language's sitemap goes on at ?p=2.
SITEMAP_LIMIT = 50_000
NEWS_WINDOW = datetime.timedelta(hours=48)
# Google News reads no more than this many URLs from one news sitemap.
NEWS_LIMIT = 1_000
MAX_AGE = 300
CONTENT_TYPE = "application/xml; charset=utf-8"


def sitemap_view(view):
    return require_safe(cache_control(max_age=MAX_AGE, public=True)(x_robots_tag(view)))


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


def _public_pages():
    """Live pages outside any private section, without the tree's root (which has no URL)."""
    return Page.objects.live().public().filter(depth__gt=1)


@sitemap_view
def index(request):
    """Every language's sitemap (and its further parts, if it is that long), with its last change."""
    stats = {
        row["locale__language_code"]: row
        for row in _public_pages()
        .order_by()
        .values("locale__language_code")
        .annotate(count=Count("pk"), lastmod=Max("last_published_at"))
    }
    sitemaps = []
    for code in _language_codes():
        location = request.build_absolute_uri(reverse("sitemap_language", kwargs={"language": code}))
        row = stats.get(code, {"count": 0, "lastmod": None})
        sitemaps.append({"location": location, "lastmod": row["lastmod"]})
        for number in range(2, math.ceil(row["count"] / SITEMAP_LIMIT) + 1):
            sitemaps.append({"location": f"{location}?p={number}", "lastmod": row["lastmod"]})
    return TemplateResponse(
        request,
        "newsroom/distribution/sitemap_index.xml",
        {"sitemaps": sitemaps},
        content_type=CONTENT_TYPE,
    )


@sitemap_view
def language_sitemap(request, language):
    """The live pages of one language; each page that has live translations lists all of them,
    itself included, as hreflang alternates. The same few queries however many pages: the pages,
    then all their translations at once."""
    if language not in _language_codes():
        raise Http404
    try:
        number = int(request.GET.get("p", 1))
    except ValueError as exc:
        raise Http404 from exc
    if number < 1:
        raise Http404
    public = _public_pages()
    start = (number - 1) * SITEMAP_LIMIT
    pages_in_part = public.filter(locale__language_code=language).order_by("path")[
        start : start + SITEMAP_LIMIT
    ]
    pages = list(pages_in_part)
    if not pages and number > 1:
        raise Http404

    versions = defaultdict(list)
    translations = public.filter(translation_key__in=pages_in_part.values("translation_key")).select_related(
        "locale"
    )
    for page in translations.order_by("locale__language_code"):
        versions[page.translation_key].append(page)

    urls = []
    for page in pages:
        location = page.get_full_url(request)
        if location is None:  # not under any site
            continue
        alternates = [
            {"language": version.locale.language_code, "location": version_location}
            for version in versions[page.translation_key]
            if (version_location := version.get_full_url(request))
        ]
        if len(alternates) < 2:  # only itself: no translation to point to
            alternates = []
        urls.append({"location": location, "lastmod": page.last_published_at, "alternates": alternates})
    return TemplateResponse(
        request, "newsroom/distribution/sitemap.xml", {"urls": urls}, content_type=CONTENT_TYPE
    )


@sitemap_view
def news_sitemap(request):
    """Articles of every language published in the last 48 hours, newest first, for Google News."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(published_at__gte=since)
        .select_related("locale")
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
    return TemplateResponse(
        request,
        "newsroom/distribution/news_sitemap.xml",
        {
            "articles": [
                {
                    "publication_name": agency_name(request, article.locale.language_code),
                    "location": article.get_full_url(request),
                    "language": article.locale.language_code,
                    "title": article.title,
                    "published_at": article.published_at,
                }
                for article in articles
            ],
        },
        content_type=CONTENT_TYPE,
    )
