import re

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Site

from tribune.core import page_cache
from tribune.core.request_cache import request_cached
from tribune.newsroom import selectors, structured_data
from tribune.newsroom.models import HomePage

register = template.Library()

# Language links, the masthead's and footer's pages are kept this long at most (a publication changes
# their keys at once).
LANGUAGE_LINKS_SECONDS = 300
CHROME_SECONDS = 300
# Sub-routes of a home page that mean the same thing in every language.
PORTABLE_ROUTES = ("archive/", "search/")
OPENING_PARAGRAPH = re.compile(r"^\s*<p(?:\s[^>]*)?>")


def homes_by_language(request):
    def compute():
        homes = HomePage.objects.live().select_related("locale")
        return {home.locale.language_code: home for home in homes}

    return request_cached(request, "homes", compute)


def current_locale_id(context):
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    request = context["request"]
    return request_cached(request, "locale_id", lambda: Locale.get_active().pk)


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context["request"]
    return homes_by_language(request).get(translation.get_language())


@register.simple_tag(takes_context=True)
def published_version(context):
    """A number that moves on whenever a page is published, unpublished, moved or deleted (the
    anonymous page cache's version), read once per request: part of the key of each cached fragment
    that shows other pages."""
    return page_cache.version_for(context.get("request"))


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """What the masthead and the footer show of the site's pages, the same for every reader of a
    language: the home page's address, the sections and the plain pages in menus, as addresses and
    titles. Read from the database once per publication (the key holds the published version) and
    kept in the cache; nothing in it depends on the reader."""
    request = context["request"]
    page = context.get("page")
    language = translation.get_language() or ""

    def compute():
        locale_id = current_locale_id(context)
        home = homes_by_language(request).get(language)
        return {
            "home_url": home.get_url(request) if home else None,
            "sections": [
                {"url": section.get_url(request), "title": section.title, "path": section.path}
                for section in selectors.sections_for_request(request, locale_id)
            ],
            "footer": [
                {"url": plain.get_url(request), "title": plain.title}
                for plain in selectors.footer_pages(request, locale_id)
            ],
        }

    def shared():
        site = Site.find_for_request(request)
        if getattr(request, "is_preview", False) or site is None:
            return compute()
        key = ":".join(
            (
                "site-chrome",
                str(page_cache.version_for(request)),
                str(site.pk),
                language,
                str(getattr(page, "locale_id", "") or ""),
            )
        )
        return cache.get_or_set(key, compute, CHROME_SECONDS)

    return request_cached(request, "site-chrome", shared)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page where one is live, else the home page of
    that language (marked as such), never a page in another language."""
    request = context["request"]

    def compute():
        page = context.get("page")
        current = translation.get_language()
        homes = homes_by_language(request)
        translations, suffix = {}, None
        sub_route = isinstance(page, HomePage) and request.path != page.get_url(request)
        if sub_route:
            rest = request.path[len(page.get_url(request)) :]
            if rest.startswith(PORTABLE_ROUTES):
                query = request.META.get("QUERY_STRING")
                suffix = rest + ("?" + query if query else "")
        elif page is not None and getattr(page, "translation_key", None):
            for other in page.get_translations(inclusive=False).live().select_related("locale"):
                translations[other.locale.language_code] = other
        links = []
        for code, name in settings.LANGUAGES:
            if code == current:
                url, is_translation = request.get_full_path(), True
            elif code in translations:
                url, is_translation = translations[code].get_url(request), True
            elif code in homes:
                url = homes[code].get_url(request) + (suffix or "")
                is_translation = suffix is not None
            else:
                continue
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "current": code == current,
                    "is_translation": is_translation,
                }
            )
        return links

    def shared():
        # The same for every request of this path, language and host until a page is published.
        page = context.get("page")
        key = ":".join(
            (
                "language-links",
                str(page_cache.version_for(request)),
                translation.get_language() or "",
                str(getattr(page, "pk", "")),
                request.get_host(),
                request.get_full_path(),
            )
        )
        if getattr(request, "is_preview", False) or request.META.get("QUERY_STRING"):
            return compute()  # previews, and searches: one entry per query is not worth keeping
        return cache.get_or_set(key, compute, LANGUAGE_LINKS_SECONDS)

    return request_cached(request, "language_links", shared)


@register.simple_tag(takes_context=True)
def agency(context):
    """The agency's name in the reader's language."""
    return structured_data.agency_name(context["request"])


@register.simple_tag(takes_context=True)
def dateline(context, page):
    agency = structured_data.agency_name(context["request"], page.locale.language_code)
    place = page.dateline_place
    if not place:
        return format_html('<span class="dateline">/{}/.</span>', agency)
    return format_html('<span class="dateline">{} /{}/.</span>', place, agency)


@register.simple_tag(takes_context=True)
def article_body(context, page):
    """The body, with the dateline opening its first paragraph as on an agency's wire copy."""
    blocks = list(page.body)
    rendered = [block.render(context=context.flatten()) for block in blocks]
    line = dateline(context, page)
    if blocks and blocks[0].block_type == "paragraph" and OPENING_PARAGRAPH.match(rendered[0]):
        match = OPENING_PARAGRAPH.match(rendered[0])
        rendered[0] = rendered[0][: match.end()] + line + " " + rendered[0][match.end() :]
    else:
        rendered.insert(0, format_html('<p class="dateline-alone">{}</p>', line))
    return mark_safe("".join(str(part) for part in rendered))  # noqa: S308 - rendered by our own blocks


@register.filter
def is_within(page, section):
    """True when `page` is `section` (a page, or its path) or one of its descendants."""
    section_path = section if isinstance(section, str) else section.path
    return bool(page) and hasattr(page, "path") and page.path.startswith(section_path)
