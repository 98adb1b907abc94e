"""The sitemap index, the per-language sitemaps with their hreflang alternates, and the Google News
sitemap, parsed as XML the way a crawler reads them."""

import datetime
import math

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from lxml import etree
from wagtail.models import Page

from tribune.newsroom import sitemaps
from tribune.newsroom.models import ArticlePage, HomePage, NewsroomSettings, SectionPage, StandardPage

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def fetch_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def entries(client, url):
    """{location: {"lastmod": …, "alternates": {hreflang: href}}} of a language's sitemap."""
    tree = fetch_xml(client, url)
    found = {}
    for url_element in tree.findall("sm:url", NS):
        location = url_element.findtext("sm:loc", namespaces=NS)
        assert location not in found, "each page once"
        found[location] = {
            "lastmod": url_element.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url_element.findall("xhtml:link", NS)
                if link.get("rel") == "alternate"
            },
        }
    return found


def translated_article(language):
    for article in ArticlePage.objects.live().filter(locale__language_code=language):
        if article.get_translations().live().exists():
            return article
    pytest.fail(f"the demo has no translated article in {language}")


def news_entries(client):
    tree = fetch_xml(client, "/news-sitemap.xml")
    return {
        url.findtext("sm:loc", namespaces=NS): {
            "name": url.findtext("news:news/news:publication/news:name", namespaces=NS),
            "language": url.findtext("news:news/news:publication/news:language", namespaces=NS),
            "date": url.findtext("news:news/news:publication_date", namespaces=NS),
            "title": url.findtext("news:news/news:title", namespaces=NS),
        }
        for url in tree.findall("sm:url", NS)
    }


def publish_another_article(language):
    like = ArticlePage.objects.live().filter(locale__language_code=language).first()
    article = ArticlePage(title="One more story", slug="one-more-story", locale_id=like.locale_id, body=[])
    like.get_parent().add_child(instance=article)
    article.save_revision().publish()
    return article


def test_index_lists_one_sitemap_per_language(client):
    tree = fetch_xml(client, "/sitemap.xml")
    assert tree.tag == f"{{{NS['sm']}}}sitemapindex"
    locations = [element.text for element in tree.findall("sm:sitemap/sm:loc", NS)]
    assert locations == [f"http://testserver/sitemap-{code}.xml" for code in ("en", "ru", "hy")]
    for lastmod in tree.findall("sm:sitemap/sm:lastmod", NS):
        assert parse_datetime(lastmod.text).tzinfo is not None


def test_index_points_at_further_parts_of_a_long_sitemap(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "SITEMAP_LIMIT", 5)
    tree = fetch_xml(client, "/sitemap.xml")
    locations = [element.text for element in tree.findall("sm:sitemap/sm:loc", NS)]
    pages = Page.objects.live().filter(locale__language_code="en", depth__gt=1).count()
    parts = math.ceil(pages / 5)
    assert parts > 1
    en_parts = [location for location in locations if "sitemap-en.xml" in location]
    assert en_parts == ["http://testserver/sitemap-en.xml"] + [
        f"http://testserver/sitemap-en.xml?p={number}" for number in range(2, parts + 1)
    ]

    seen = {}
    for location in en_parts:
        seen |= entries(client, location.removeprefix("http://testserver"))
    assert len(seen) == pages
    assert client.get(f"/sitemap-en.xml?p={parts + 1}").status_code == 404


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_language_sitemap_lists_every_live_page_of_that_language(client, language):
    found = entries(client, f"/sitemap-{language}.xml")
    for model in (HomePage, SectionPage, ArticlePage, StandardPage):
        pages = model.objects.live().filter(locale__language_code=language)
        assert pages.exists(), f"the demo has {model.__name__} in {language}"
        for page in pages:
            assert page.get_full_url() in found
            assert parse_datetime(found[page.get_full_url()]["lastmod"]) == page.last_published_at
    others = Page.objects.live().exclude(locale__language_code=language).filter(depth__gt=1)
    assert not {page.get_full_url() for page in others} & set(found)


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_translated_article_lists_its_translations_and_itself(client, language):
    article = translated_article(language)
    found = entries(client, f"/sitemap-{language}.xml")
    versions = [article, *article.get_translations().live()]
    assert found[article.get_full_url()]["alternates"] == {
        version.locale.language_code: version.get_full_url() for version in versions
    }
    # and each translation, in its own language's sitemap, points back
    for version in versions[1:]:
        code = version.locale.language_code
        assert entries(client, f"/sitemap-{code}.xml")[version.get_full_url()]["alternates"][language] == (
            article.get_full_url()
        )


def test_page_without_translations_has_no_alternates(client):
    article = translated_article("en")
    for translation in article.get_translations():
        translation.unpublish()
    found = entries(client, "/sitemap-en.xml")
    assert found[article.get_full_url()]["alternates"] == {}


def test_unpublished_and_draft_pages_are_absent(client):
    article = translated_article("hy")
    location = article.get_full_url()
    translations = list(article.get_translations().live())
    assert location in entries(client, "/sitemap-hy.xml")

    article.unpublish()
    draft = ArticlePage(title="Draft", slug="draft-story", locale_id=article.locale_id, body=[], live=False)
    article.get_parent().add_child(instance=draft)
    draft.save_revision()

    found = entries(client, "/sitemap-hy.xml")
    assert location not in found
    assert draft.get_full_url() not in found
    for translation in translations:
        code = translation.locale.language_code
        alternates = entries(client, f"/sitemap-{code}.xml")[translation.get_full_url()]["alternates"]
        assert "hy" not in alternates


@pytest.mark.parametrize(
    "url", ["/sitemap-de.xml", "/sitemap-am.xml", "/sitemap-en.xml?p=0", "/sitemap-en.xml?p=x"]
)
def test_unknown_sitemaps_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_news_sitemap_holds_the_last_48_hours_in_every_language(client):
    now = timezone.now()
    recent = {}
    for code in ("en", "ru", "hy"):
        article = ArticlePage.objects.live().filter(locale__language_code=code).first()
        ArticlePage.objects.filter(pk=article.pk).update(published_at=now - datetime.timedelta(hours=47))
        recent[code] = ArticlePage.objects.get(pk=article.pk)
    old = ArticlePage.objects.live().exclude(pk__in=[a.pk for a in recent.values()]).first()
    ArticlePage.objects.filter(pk=old.pk).update(published_at=now - datetime.timedelta(hours=49))

    found = news_entries(client)

    newsroom = NewsroomSettings.objects.get()
    for code, article in recent.items():
        entry = found[article.get_full_url()]
        assert entry["name"] == newsroom.agency_name_in(code)
        assert entry["language"] == code
        assert entry["title"] == article.title
        assert parse_datetime(entry["date"]) == article.published_at
    assert old.get_full_url() not in found

    live = {
        article.get_full_url(): article for article in ArticlePage.objects.live().select_related("locale")
    }
    for location, entry in found.items():
        assert live[location].published_at >= now - datetime.timedelta(hours=48, minutes=1)
        assert entry["language"] == live[location].locale.language_code
    within = [a for a in live.values() if a.published_at > now - datetime.timedelta(hours=47, minutes=59)]
    assert {a.get_full_url() for a in within} <= set(found)


def test_news_sitemap_leaves_out_unpublished_articles(client):
    article = ArticlePage.objects.live().first()
    ArticlePage.objects.filter(pk=article.pk).update(published_at=timezone.now())
    assert article.get_full_url() in news_entries(client)
    article.unpublish()
    assert article.get_full_url() not in news_entries(client)


def test_sitemaps_are_not_indexed_themselves(client):
    for url in ("/sitemap.xml", "/sitemap-ru.xml", "/news-sitemap.xml"):
        assert client.get(url)["X-Robots-Tag"] == "noindex, noodp, noarchive"


# Query counts, pinned exactly. None grows with the number of pages: a language's sitemap reads
# its pages and all their translations in one query each (plus Wagtail's view-restriction check),
# and publishing one more article must leave every count unchanged.
INDEX_QUERIES = 2
LANGUAGE_SITEMAP_QUERIES = 3
NEWS_SITEMAP_QUERIES = 3


def test_index_query_count(client, django_assert_num_queries):
    client.get("/sitemap.xml")  # Wagtail caches the sites' root paths on first use
    with django_assert_num_queries(INDEX_QUERIES):
        fetch_xml(client, "/sitemap.xml")
    publish_another_article("en")
    with django_assert_num_queries(INDEX_QUERIES):
        fetch_xml(client, "/sitemap.xml")


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_language_sitemap_query_count(client, django_assert_num_queries, language):
    client.get(f"/sitemap-{language}.xml")
    with django_assert_num_queries(LANGUAGE_SITEMAP_QUERIES):
        before = len(entries(client, f"/sitemap-{language}.xml"))
    publish_another_article(language)
    with django_assert_num_queries(LANGUAGE_SITEMAP_QUERIES):
        assert len(entries(client, f"/sitemap-{language}.xml")) == before + 1


def test_news_sitemap_query_count(client, django_assert_num_queries):
    client.get("/news-sitemap.xml")
    with django_assert_num_queries(NEWS_SITEMAP_QUERIES):
        before = len(news_entries(client))
    publish_another_article("hy")
    with django_assert_num_queries(NEWS_SITEMAP_QUERIES):
        assert len(news_entries(client)) == before + 1
