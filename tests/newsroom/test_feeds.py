"""The RSS and Atom feeds, read as an aggregator reads them: item by item, live articles only."""

import datetime
import html
from urllib.parse import urlsplit

import feedparser
import pytest
from django.utils import timezone, translation
from lxml import etree

from tribune.newsroom import feeds
from tribune.newsroom.models import ArticlePage, HomePage, NewsroomSettings, SectionPage

pytestmark = pytest.mark.django_db

KINDS = ("rss", "atom")
MEDIA = "{http://search.yahoo.com/mrss/}"


def home(language):
    return HomePage.objects.get(locale__language_code=language)


def live_articles(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at", "-pk")


def agency(language="en"):
    return NewsroomSettings.objects.get().agency_name_in(language)


def fetch(client, url, headers=None):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response


def read_feed(client, url, headers=None):
    parsed = feedparser.parse(fetch(client, url, headers).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def section_with_articles(language):
    for section in SectionPage.objects.live().filter(locale__language_code=language):
        if live_articles(language).child_of(section).exists():
            return section
    pytest.fail(f"the demo has no section with articles in {language}")


def publish_another_article(like):
    """One more live article in the same section as `like`, with the same (already rendered) picture."""
    article = ArticlePage(
        title="One more story",
        slug="one-more-story",
        locale_id=like.locale_id,
        standfirst="Another standfirst.",
        lead_image=like.lead_image,
        lead_image_caption="Another caption",
        published_at=timezone.now(),
        body=[],
    )
    like.get_parent().add_child(instance=article)
    article.tags.set(["another"])
    article.save_revision().publish()
    return article


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [("rss", "application/rss+xml; charset=utf-8"), ("atom", "application/atom+xml; charset=utf-8")],
)
def test_content_type(client, kind, content_type):
    response = fetch(client, f"{home('en').url}feeds/{kind}/")
    assert response["Content-Type"] == content_type
    assert b'xmlns:media="http://search.yahoo.com/mrss/"' in response.content


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_home_feed_channel(client, kind, language):
    parsed = read_feed(client, f"{home(language).url}feeds/{kind}/")
    with translation.override(language):
        assert parsed.feed.title == f"{agency(language)} — {translation.gettext('Latest news')}"
    assert parsed.feed.language == language
    assert parsed.feed.link == home(language).get_full_url()


@pytest.mark.parametrize("kind", KINDS)
def test_home_feed_items_field_by_field(client, kind):
    parsed = read_feed(client, f"{home('hy').url}feeds/{kind}/")
    articles = list(live_articles("hy")[: feeds.FEED_LENGTH])
    assert articles, "the demo has Armenian articles"
    assert len(parsed.entries) == len(articles)

    for entry, article in zip(parsed.entries, articles, strict=True):
        assert entry.title == article.title
        assert entry.link == article.get_full_url()
        hostname = urlsplit(entry.link).hostname
        assert entry.id == f"tag:{hostname},{article.first_published_at:%Y-%m-%d}:article/{article.pk}"
        assert html.unescape(entry.summary) == article.standfirst
        assert entry.published_parsed == article.published_at.utctimetuple()
        assert sorted(tag.term for tag in entry.tags) == sorted(tag.name for tag in article.tags.all())
        if article.author:
            assert entry.author == article.author

        image = article.lead_image
        rendition = image.get_rendition("fill-1200x675")
        [media] = entry.media_content
        assert media["url"] == f"http://testserver{rendition.url}"
        assert media["medium"] == "image"
        assert media["type"] == "image/jpeg"
        assert (media["width"], media["height"]) == (str(rendition.width), str(rendition.height))
        assert entry.media_credit == [{"content": image.credit}]


@pytest.mark.parametrize("kind", KINDS)
def test_media_description_is_the_caption(client, kind):
    tree = etree.fromstring(fetch(client, f"{home('ru').url}feeds/{kind}/").content)
    items = tree.findall(".//item") or tree.findall(".//{http://www.w3.org/2005/Atom}entry")
    articles = list(live_articles("ru")[: feeds.FEED_LENGTH])
    for item, article in zip(items, articles, strict=True):
        content = item.find(f"{MEDIA}content")
        assert content.findtext(f"{MEDIA}credit") == article.lead_image.credit
        assert content.findtext(f"{MEDIA}description") == article.lead_image_caption


def test_rss_guid_is_not_a_permalink(client):
    parsed = read_feed(client, f"{home('en').url}feeds/rss/")
    assert parsed.entries
    assert all(entry.guidislink is False for entry in parsed.entries)


@pytest.mark.parametrize("kind", KINDS)
def test_feed_holds_the_latest_thirty_at_most(client, monkeypatch, kind):
    monkeypatch.setattr(feeds, "FEED_LENGTH", 3)
    parsed = read_feed(client, f"{home('en').url}feeds/{kind}/")
    assert [entry.link for entry in parsed.entries] == [a.get_full_url() for a in live_articles("en")[:3]]
    assert live_articles("en").count() > 3


@pytest.mark.parametrize("kind", KINDS)
def test_unpublished_and_draft_articles_never_appear(client, kind):
    url = f"{home('en').url}feeds/{kind}/"
    gone = live_articles("en").first()
    link = gone.get_full_url()
    assert link in [entry.link for entry in read_feed(client, url).entries]

    gone.unpublish()
    draft = ArticlePage(title="Not yet", slug="not-yet", locale_id=gone.locale_id, body=[], live=False)
    gone.get_parent().add_child(instance=draft)
    draft.save_revision()

    links = [entry.link for entry in read_feed(client, url).entries]
    assert link not in links
    assert all("not-yet" not in link for link in links)
    assert len(links) == live_articles("en")[: feeds.FEED_LENGTH].count()


@pytest.mark.parametrize("kind", KINDS)
def test_section_feed_holds_only_that_sections_articles(client, kind):
    section = section_with_articles("en")
    parsed = read_feed(client, f"{section.url}feeds/{kind}/")

    assert parsed.feed.title == f"{agency()} — {section.title}"
    assert parsed.feed.link == section.get_full_url()
    expected = [a.get_full_url() for a in live_articles("en").child_of(section)[: feeds.FEED_LENGTH]]
    assert [entry.link for entry in parsed.entries] == expected
    elsewhere = live_articles("en").not_child_of(section)
    assert elsewhere.exists()
    assert not {a.get_full_url() for a in elsewhere} & set(expected)


def test_feed_is_rendered_in_the_pages_language(client):
    parsed = read_feed(client, f"{home('ru').url}feeds/rss/", headers={"accept-language": "en"})
    with translation.override("ru"):
        assert parsed.feed.title.endswith(translation.gettext("Latest news"))
        assert parsed.feed.description == translation.gettext("News from Armenia and the world")


def test_atom_entries_say_when_they_were_updated(client):
    article = live_articles("en").first()
    article.save_revision().publish()  # a correction: last published now, published_at unchanged
    article.refresh_from_db()
    parsed = read_feed(client, f"{home('en').url}feeds/atom/")
    entry = next(e for e in parsed.entries if e.link == article.get_full_url())
    assert entry.updated_parsed == article.last_published_at.utctimetuple()
    assert entry.published_parsed == article.published_at.utctimetuple()
    assert article.last_published_at - article.published_at > datetime.timedelta(seconds=1)


# Query counts, measured once the pictures' renditions exist (the first request makes them).
# They do not grow with the number of articles: images and renditions are prefetched with the
# articles, tags in one more query; publishing one more article must leave the count unchanged.
# The newsroom settings (the agency's name) come from the cache, read once per publication.
HOME_FEED_QUERIES = 10
SECTION_FEED_QUERIES = 13


@pytest.mark.parametrize("kind", KINDS)
def test_home_feed_query_count(client, django_assert_num_queries, kind):
    url = f"{home('en').url}feeds/{kind}/"
    fetch(client, url)
    with django_assert_num_queries(HOME_FEED_QUERIES):
        before = len(read_feed(client, url).entries)

    publish_another_article(like=live_articles("en").first())
    with django_assert_num_queries(HOME_FEED_QUERIES):
        assert len(read_feed(client, url).entries) == before + 1


@pytest.mark.parametrize("kind", KINDS)
def test_section_feed_query_count(client, django_assert_num_queries, kind):
    section = section_with_articles("hy")
    url = f"{section.url}feeds/{kind}/"
    fetch(client, url)
    with django_assert_num_queries(SECTION_FEED_QUERIES):
        before = len(read_feed(client, url).entries)

    publish_another_article(like=live_articles("hy").child_of(section).first())
    with django_assert_num_queries(SECTION_FEED_QUERIES):
        assert len(read_feed(client, url).entries) == before + 1
