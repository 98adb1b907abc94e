"""The home and article pages cost a fixed number of queries, whatever the number of articles,
Editor's choice items, tags or translations."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.core import page_cache
from tribune.newsroom.models import ArticlePage, HomePage

from .conftest import article_in

pytestmark = pytest.mark.django_db

# Pinned: a change here is a change in the cost of every page view; explain it in the commit.
# Russian and Armenian cost one query more than English: Wagtail looks up the translation of the
# site's root page (the English home page) for them; on articles one more again for the translation
# of the house rules page linked above the comments. Comment counts on the cards cost one query; the
# comments themselves cost a fixed number
# (see tests/comments/test_selectors.py). The editors' picks from the comments on the home page cost
# one query, with their articles and authors, however many there are. The newsroom settings come from
# the cache (read again only when they are saved).
HOME_PAGE_QUERIES = {"en": 20, "ru": 21, "hy": 21}
# The article page renders the parts that are the same for every reader once and keeps them (Wagtail
# fragment caches keyed on the page's state, the language and the site's publications; the anonymous
# comments section keyed on the thread's version). The route to the page (with the page's row), the
# masthead's and footer's pages and the newsroom settings are kept in the cache too
# (tribune/core/page_routes.py, `site_chrome`), so with them warm the page costs no query at all, in
# any language: none for routing, the view restrictions, the menus, the body, the related articles,
# the sidebar, the comments (count, threads, their authors) or the house-rules link. With the cache
# emptied (a restart of Redis, a new machine) every part is read and rendered again: the 31/33/33 the
# page cost before it had fragments, plus what Wagtail keeps in the same cache and reads again (the
# image renditions, the sites' root paths).
ARTICLE_PAGE_QUERIES = {"en": 0, "ru": 0, "hy": 0}
ARTICLE_PAGE_QUERIES_COLD = {"en": 36, "ru": 38, "hy": 38}


def warm(client, url):
    """The first view creates image renditions; the pinned count is that of every later view that
    is not served from the anonymous page cache (emptied here, as a publication would)."""
    assert client.get(url).status_code == 200
    page_cache.purge_all()


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_home_page_query_count(client, django_assert_num_queries, language):
    warm(client, f"/{language}/")
    with django_assert_num_queries(HOME_PAGE_QUERIES[language]):
        client.get(f"/{language}/")


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_article_page_query_count(client, django_assert_num_queries, language):
    """Not from the anonymous page cache (this page alone leaves it), with its fragments warm."""
    url = article_in(language).url
    assert client.get(url).status_code == 200
    page_cache.purge_paths([url])
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES[language]):
        response = client.get(url)
    assert response.get("X-Page-Cache") == "miss"


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_article_page_query_count_with_an_empty_cache(client, django_assert_num_queries, language):
    url = article_in(language).url
    assert client.get(url).status_code == 200  # renditions made
    cache.clear()
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES_COLD[language]):
        client.get(url)


def test_more_editors_choice_items_cost_no_more_queries(client):
    home = HomePage.objects.get(locale__language_code="en")
    url = article_in("en").url
    warm(client, url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    articles = ArticlePage.objects.live().filter(locale=home.locale)
    chosen = set(home.editors_choice_items.values_list("article_id", flat=True))
    for article in articles.exclude(pk__in=chosen)[:3]:
        home.editors_choice_items.create(article=article, sort_order=100 + article.pk)
    warm(client, url)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
