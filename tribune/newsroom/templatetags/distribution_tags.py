"""What a page tells search engines and social networks: JSON-LD, Open Graph and Twitter cards."""

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext

from tribune.newsroom import structured_data
from tribune.newsroom.models import ArticlePage, HomePage, SectionPage
from tribune.newsroom.templatetags.newsroom_tags import language_links

register = template.Library()

OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "hy": "hy_AM"}
# Facebook's and LinkedIn's preferred 1.91:1.
SOCIAL_IMAGE = "fill-1200x630"


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    return structured_data.json_ld_script(structured_data.article_json_ld(page, context["request"]))


@register.simple_tag(takes_context=True)
def social_meta(context, page):
    """Open Graph and Twitter card <meta> tags of an article, a section or a home page."""
    request = context["request"]
    is_article = isinstance(page, ArticlePage)
    title = page.seo_title or page.title
    description = _description(page)
    image = structured_data.rendition_info(request, page.lead_image, SOCIAL_IMAGE) if is_article else None
    image_alt = image and (page.lead_image_alt or page.lead_image.title)
    translations = [
        link["code"] for link in language_links(context) if link["is_translation"] and not link["current"]
    ]

    properties = [
        ("og:type", "article" if is_article else "website"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", page.get_full_url(request)),
        ("og:site_name", structured_data.agency_name(request)),
        ("og:locale", OG_LOCALES[page.locale.language_code]),
        *(("og:locale:alternate", OG_LOCALES[code]) for code in translations if code in OG_LOCALES),
    ]
    if image:
        properties += [
            ("og:image", image["url"]),
            ("og:image:type", image["type"]),
            ("og:image:width", image["width"]),
            ("og:image:height", image["height"]),
            ("og:image:alt", image_alt),
        ]
    if is_article:
        properties += [
            ("article:published_time", structured_data.isoformat(page.published_at)),
            ("article:modified_time", structured_data.isoformat(structured_data.modified_at(page))),
            ("article:section", structured_data.section_of(page).title),
            *(("article:tag", name) for name in structured_data.tag_names(request, page)),
        ]
    names = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image:
        names += [("twitter:image", image["url"]), ("twitter:image:alt", image_alt)]

    return format_html_join(
        "\n  ",
        '<meta {}="{}" content="{}">',
        [
            *(("property", key, value) for key, value in properties if value not in (None, "")),
            *(("name", key, value) for key, value in names if value not in (None, "")),
        ],
    )


def _description(page):
    if isinstance(page, ArticlePage):
        return page.standfirst or page.search_description
    if isinstance(page, SectionPage):
        return page.search_description or page.introduction
    if isinstance(page, HomePage):
        return page.search_description or gettext("News from Armenia and the world")
    return page.search_description
