"""RSS 2.0 and Atom feeds of a language's home page or of one section, with each article's lead
picture, its credit and caption in Media RSS."""

from urllib.parse import urlsplit

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import feedgenerator, translation
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import gettext

from . import selectors
from .structured_data import ARTICLE_IMAGE, agency_name, modified_at, rendition_info

FEED_LENGTH = 30
FEED_MAX_AGE = 300
MEDIA_RSS = "http://search.yahoo.com/mrss/"


class MediaRSSMixin:
    """Writes an item's `media` (see ArticleFeed.item_extra_kwargs) as `<media:content>`."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item.get("media")
        if not media:
            return
        handler.startElement(
            "media:content",
            {
                "url": media["url"],
                "medium": "image",
                "type": media["type"],
                "width": str(media["width"]),
                "height": str(media["height"]),
            },
        )
        if media["credit"]:
            handler.addQuickElement("media:credit", media["credit"])
        if media["caption"]:
            handler.addQuickElement("media:description", media["caption"], {"type": "plain"})
        handler.endElement("media:content")


class MediaRssFeed(MediaRSSMixin, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}


class MediaAtomFeed(MediaRSSMixin, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}


FEED_TYPES = {"rss": MediaRssFeed, "atom": MediaAtomFeed}


class ArticleFeed(Feed):
    """The latest live articles under `page`: a language's home page or one of its sections."""

    def __init__(self, page, feed_type):
        self.page = page
        self.feed_type = feed_type
        self.language = page.locale.language_code

    def get_object(self, request):
        self.request = request
        return self.page

    def is_home(self, page):
        return isinstance(page, apps.get_model("newsroom", "HomePage"))

    def title(self, page):
        subject = gettext("Latest news") if self.is_home(page) else page.title
        return f"{agency_name(self.request)} — {subject}"

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        if self.is_home(page):
            return gettext("News from Armenia and the world")
        return page.introduction or page.title

    def author_name(self, page):
        return agency_name(self.request)

    def items(self, page):
        if self.is_home(page):
            articles = selectors.live_articles(page.locale_id)
        else:
            articles = selectors.section_articles(page)
        return articles.public().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        # Not the link: that changes with the slug, and readers would show a corrected story twice.
        hostname = urlsplit(article.get_full_url(self.request)).hostname
        first_published = article.first_published_at or article.published_at
        return f"tag:{hostname},{first_published:%Y-%m-%d}:article/{article.pk}"

    item_guid_is_permalink = False

    def item_description(self, article):
        # RSS descriptions and Atom summaries (type="html") are HTML; the standfirst is plain text.
        return escape(article.standfirst)

    def item_author_name(self, article):
        return article.author or None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return modified_at(article)

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def item_extra_kwargs(self, article):
        media = rendition_info(self.request, article.lead_image, ARTICLE_IMAGE)
        if media:
            media["credit"] = article.lead_image.credit
            media["caption"] = article.lead_image_caption
        return {"media": media}


def feed_response(request, page, kind):
    """The feed of `page` (a HomePage: the whole language; a SectionPage: that section)."""
    if kind not in FEED_TYPES:
        raise Http404
    with translation.override(page.locale.language_code):
        response = ArticleFeed(page, FEED_TYPES[kind])(request)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response
