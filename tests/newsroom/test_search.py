"""Search finds articles of the reader's language only, and no query can break it."""

import pytest

from tribune.newsroom.models import ArticlePage

from .conftest import article_in

pytestmark = pytest.mark.django_db


def longest_word(title):
    return max(title.replace("«", " ").replace("»", " ").split(), key=len).strip(".,:;!?\"'")


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_search_finds_an_article_by_a_word_of_its_title_in_its_language(client, language):
    article = article_in(language)
    word = longest_word(article.title)
    response = client.get(f"/{language}/search/", {"q": word})
    assert response.status_code == 200
    results = list(response.context["results"].paginator.object_list)
    assert article.pk in [result.pk for result in results]
    assert all(result.locale_id == article.locale_id for result in results)
    assert f'<html lang="{language}">' in response.content.decode()


def test_search_in_another_language_does_not_return_this_languages_articles(client):
    article = article_in("hy")
    word = longest_word(article.title)
    results = client.get("/en/search/", {"q": word}).context["results"].paginator.object_list
    assert article.pk not in [result.pk for result in results]


def test_quoted_words_are_searched_as_a_phrase(client):
    article = article_in("en")
    words = article.title.split()[:2]
    phrase = client.get("/en/search/", {"q": f'"{words[0]} {words[1]}"'}).context["results"]
    assert article.pk in [result.pk for result in phrase.paginator.object_list]
    backwards = client.get("/en/search/", {"q": f'"{words[1]} {words[0]}"'}).context["results"]
    assert article.pk not in [result.pk for result in backwards.paginator.object_list]


def test_an_empty_search_shows_the_form_and_no_results(client):
    response = client.get("/en/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "(",
        ")",
        "*",
        "AND OR NOT",
        "%",
        "_",
        "\\",
        "'; DROP TABLE x; --",
        "a" * 5000,
        "ք" * 300,
        "-",
        "&|!",
        "NEAR(",
        '"unbalanced',
    ],
)
def test_a_malformed_search_term_is_answered_not_crashed(client, query):
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


def test_control_characters_in_the_query_are_dropped_not_searched(client):
    response = client.get("/en/search/?q=abc%00def%07")
    assert response.status_code == 200
    assert response.context["query"] == "abc def"


def test_unpublished_articles_are_not_found(client):
    article = article_in("en")
    word = longest_word(article.title)
    article.unpublish()
    results = client.get("/en/search/", {"q": word}).context["results"].paginator.object_list
    assert article.pk not in [result.pk for result in results]
    assert not ArticlePage.objects.live().filter(pk=article.pk).exists()
