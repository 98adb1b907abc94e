"""A page's route is remembered between requests (tribune/core/page_routes.py), and forgotten as soon
as anything that could change where an address leads, or who may see the page, changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tribune.core import page_cache
from tribune.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request reaches the page, so that only the remembered route is at work."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("AnonymousPageCacheMiddleware")]


@pytest.fixture
def article(db):
    return ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()


def routing_queries(client, url):
    """The queries of one request that walk the page tree or look up the site."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    walked = [q["sql"] for q in queries if "wagtailcore_site" in q["sql"] or '"depth"' in q["sql"]]
    return response, walked


def test_the_second_view_of_an_article_does_not_walk_the_tree(client, article):
    first, walked = routing_queries(client, article.url)
    assert first.status_code == 200 and walked
    second, walked = routing_queries(client, article.url)
    assert second.status_code == 200
    assert f"<h1>{article.title}</h1>" in second.content.decode()
    assert walked == []


def test_a_saved_article_is_read_again(client, article):
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200
    row = ArticlePage.objects.get(pk=article.pk)
    row.seo_title = "A title for search engines"
    row.save()  # not a publication: the page cache's version stays
    assert "<title>A title for search engines — " in client.get(article.url).content.decode()


def test_an_unpublished_article_is_gone_from_its_remembered_address(client, article):
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_moved_article_leaves_its_old_address(client, article):
    old_url = article.url
    assert client.get(old_url).status_code == 200
    other = (
        SectionPage.objects.live().filter(locale=article.locale).exclude(pk=article.get_parent().pk).first()
    )
    article.move(other, pos="last-child")
    moved = ArticlePage.objects.get(pk=article.pk)
    assert moved.url != old_url
    left = client.get(old_url)  # Wagtail's redirect from where it was, not the remembered route
    assert left.status_code == 301 and left["Location"] == moved.url
    response = client.get(moved.url)
    assert response.status_code == 200
    assert f"<h1>{article.title}</h1>" in response.content.decode()


def test_a_section_made_private_closes_its_remembered_articles(client, article):
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302
    assert article.title not in response.content.decode()


def test_the_route_of_a_private_article_is_never_remembered(client, article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(article.url).status_code == 302
    response, walked = routing_queries(client, article.url)
    assert response.status_code == 302
    assert [sql for sql in walked if "wagtailcore_site" in sql]


def test_a_changed_site_moves_the_version_on(article):
    before = page_cache.version()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()
    assert page_cache.version() != before
