"""Anonymous readers share cached pages; nothing personal ever enters them, and a reader who signs
in can comment from the same article (no frozen CSRF token)."""

import re

import pytest
from django.test import Client

from tribune.comments import services
from tribune.comments.models import Comment, Status
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()


@pytest.fixture
def reader(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="cached_reader", email="c@r.example", password="pw")


def test_anonymous_article_pages_are_served_from_the_cache(client, article):
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    second = Client().get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert "Cookie" in second["Vary"]


def test_signed_in_readers_never_get_or_fill_the_shared_cache(client, article, reader):
    Client().get(article.url)
    signed_in = Client()
    signed_in.force_login(reader)
    response = signed_in.get(article.url)
    assert "X-Page-Cache" not in response
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_second_reader_can_post_from_a_cached_page(article, reader):
    first = Client()
    assert first.get(article.url)["X-Page-Cache"] == "miss"
    second = Client(enforce_csrf_checks=True)
    assert second.get(article.url)["X-Page-Cache"] == "hit"
    second.force_login(reader)
    html = second.get(article.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = second.post(
        f"/en/comments/{article.pk}/write/",
        {"text": "Posted after a cached view", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert Comment.objects.filter(author=reader, status=Status.PUBLISHED).exists()


def test_a_change_to_the_thread_purges_the_article_page(
    client, article, reader, django_capture_on_commit_callbacks
):
    Client().get(article.url)
    assert Client().get(article.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_submit(author=reader, article=article, text_raw="Fresh news comment")
    fresh = Client().get(article.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Fresh news comment" in fresh.content.decode()


def test_a_readers_own_waiting_comment_never_enters_the_shared_cache(article, reader):
    Comment.objects.create(
        article=article,
        author=reader,
        status=Status.HELD,
        text="only mine",
        html="<p>only mine</p>",
        language="en",
    )
    signed_in = Client()
    signed_in.force_login(reader)
    assert "only mine" in signed_in.get(article.url).content.decode()
    assert "only mine" not in Client().get(article.url).content.decode()
    assert "only mine" not in Client().get(article.url).content.decode()


def test_publishing_empties_the_cache(article):
    Client().get("/en/")
    assert Client().get("/en/")["X-Page-Cache"] == "hit"
    article.title = "A corrected headline"
    article.save_revision().publish()
    response = Client().get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A corrected headline" in response.content.decode()


@pytest.mark.parametrize("path", ["/en/search/?q=metro", "/en/?utm=x", "/en/accounts/login/"])
def test_queries_searches_and_account_pages_are_not_cached(path):
    Client().get(path)
    assert "X-Page-Cache" not in Client().get(path)


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(article):
    Client().get(article.url)
    reader = Client()
    reader.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in reader.get(article.url)


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_an_anonymous_article_page_sets_no_cookie(language):
    """A cookie on the first answer would keep it out of nginx's cache (and tell nothing: an
    anonymous reader has no form to protect)."""
    article = ArticlePage.objects.live().filter(locale__language_code=language, comments_open=True).first()
    response = Client().get(article.url)
    assert response.status_code == 200
    assert not response.cookies, dict(response.cookies)
