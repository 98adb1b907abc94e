"""What machines read about an article: schema.org `NewsArticle` for search engines, and the helpers
that feeds and social tags share (the agency's name, absolute picture URLs, dates)."""

import json
import mimetypes

from django.apps import apps
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from tribune.core import page_cache, versions
from tribune.core.request_cache import request_cached

# The article page's own lead picture, so usually rendered already; a 16:9 picture as Google asks.
ARTICLE_IMAGE = "fill-1200x675"
# The newsroom settings as last read, kept until they are saved again (this bounds what a change
# made without saving them, such as a restored database, could leave).
SETTINGS_VERSION_KEY = "newsroom-settings:version"
SETTINGS_SECONDS = 3600

# What could close the <script> element or open a comment or entity in it; as \u escapes in JSON
# strings they mean the same.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def newsroom_settings(request):
    """The site's newsroom settings, once per request; read from the database once per version of
    them, which saving them moves on (settings_saved), and kept in the cache."""
    # Not imported at the top: models.py imports feeds.py, which imports this module.
    settings_model = apps.get_model("newsroom", "NewsroomSettings")

    def shared():
        site = Site.find_for_request(request)
        if site is None or getattr(request, "is_preview", False):
            return settings_model.for_request(request)
        key = f"newsroom-settings:{versions.current(SETTINGS_VERSION_KEY)}:{site.pk}"
        return cache.get_or_set(key, lambda: settings_model.for_site(site), SETTINGS_SECONDS)

    return request_cached(request, "newsroom-settings", shared)


def settings_saved(**kwargs):
    """New newsroom settings: read them again, and let no cached page show the old agency name."""
    versions.bump(SETTINGS_VERSION_KEY)
    page_cache.purge_all()


def agency_name(request, language_code=None):
    """The agency's name in `language_code` (by default the active language) from the site's
    settings."""
    return newsroom_settings(request).agency_name_in(language_code or translation.get_language())


def rendition_info(request, image, spec):
    """URL (absolute), size and type of a rendition of `image`, or None when there is no picture
    or its file is missing."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
    }


def modified_at(article):
    """When the article last changed: its last publication, but never before its publication date."""
    return max(moment for moment in (article.published_at, article.last_published_at) if moment)


def isoformat(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def tag_names(request, page):
    return [tag.name for tag in page.tag_list]


def section_of(article):
    """The article's section: the one its page view attached already, else its parent."""
    return getattr(article, "section_page", None) or article.get_parent()


def article_json_ld(page, request):
    """schema.org `NewsArticle` of an article page, as Google News reads it."""
    agency = agency_name(request)
    site_url = request.build_absolute_uri("/")
    image = rendition_info(request, page.lead_image, ARTICLE_IMAGE)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.standfirst,
        "dateline": page.dateline_place,
        "datePublished": isoformat(page.published_at),
        "dateModified": isoformat(modified_at(page)),
        "author": (
            {"@type": "Person", "name": page.author}
            if page.author
            else {"@type": "Organization", "name": agency, "url": site_url}
        ),
        "publisher": {"@type": "NewsMediaOrganization", "name": agency, "url": site_url},
        "inLanguage": page.locale.language_code,
        "isAccessibleForFree": True,
        "mainEntityOfPage": page.get_full_url(request),
        "articleSection": section_of(page).title,
        "keywords": tag_names(request, page),
    }
    if image:
        data["image"] = _without_empty_values(
            {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
                "caption": page.lead_image_caption,
                "creditText": page.lead_image.credit,
            }
        )
    return _without_empty_values(data)


def _without_empty_values(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def json_ld_script(data):
    """`data` as a JSON-LD <script> that no string inside it can close or break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe: JSON whose every <, > and & is escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
