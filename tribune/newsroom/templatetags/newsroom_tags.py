import re

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from tribune.core import page_cache
from tribune.core.request_cache import request_cached
from tribune.newsroom import selectors, structured_data
from tribune.newsroom.models import HomePage

register = template.Library()

# Language links are kept this long at most (a publication changes the key at once).
LANGUAGE_LINKS_SECONDS = 300
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


@register.simple_tag
def published_version():
    """A number that moves on whenever a page is published, unpublished or deleted (the anonymous page
    cache's version): part of the key of each cached fragment that shows other pages."""
    return page_cache.version()


@register.simple_tag(takes_context=True)
def section_nav(context):
    request = context["request"]
    locale_id = current_locale_id(context)
    return selectors.sections_for_request(request, locale_id)


@register.simple_tag(takes_context=True)
def footer_pages(context):
    return selectors.footer_pages(context["request"], current_locale_id(context))


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
                str(published_version()),
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
    """True when `page` is `section` or one of its descendants."""
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)
