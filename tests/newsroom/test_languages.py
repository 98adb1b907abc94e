"""Three languages: `hy` everywhere, `/am/` redirected, the switcher never lands in the wrong language."""

import datetime
import re

import pytest
from django.utils import formats, translation

from tribune.newsroom.models import HomePage

from .conftest import article_in, translated_article, untranslated_article

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = html.split('class="languages"', 1)[1].split("</nav>", 1)[0]
    return {
        code: (href, "data-fallback" in attrs)
        for href, code, attrs in re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"([^>]*)>', nav)
    }


def test_every_language_has_its_home_page_and_they_are_linked_translations():
    homes = {home.locale.language_code: home for home in HomePage.objects.live()}
    assert set(homes) == {"en", "ru", "hy"}
    assert homes["hy"].url == "/hy/"
    assert {h.translation_key for h in homes.values()} == {homes["en"].translation_key}


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/am/", "/hy/"),
        ("/am", "/hy/"),
        ("/am/archive/2026/", "/hy/archive/2026/"),
        ("/am/search/?q=%D5%A5%D6%80%D6%87%D5%A1%D5%B6", "/hy/search/?q=%D5%A5%D6%80%D6%87%D5%A1%D5%B6"),
    ],
)
def test_am_is_redirected_to_hy_keeping_path_and_query(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


def test_the_root_sends_readers_to_the_language_they_ask_for(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="hy,en;q=0.5")["Location"] == "/hy/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")["Location"] == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/en/"


@pytest.mark.parametrize("path", ["/de/", "/fr/politics/", "/xx/anything/", "/pt-br/"])
def test_an_unknown_language_prefix_is_a_404_not_a_redirect(client, path):
    assert client.get(path).status_code == 404


def test_switcher_goes_to_the_translation_of_the_same_article(client):
    article, russian = translated_article("en", into="ru")
    links = switcher_links(client.get(article.url).content.decode())
    assert links["ru"] == (russian.url, False)
    assert links["en"][0] == article.url


def test_switcher_falls_back_to_the_home_page_of_a_language_without_translation(client):
    article = untranslated_article("ru", missing="hy")
    html = client.get(article.url).content.decode()
    links = switcher_links(html)
    assert links["hy"] == ("/hy/", True)
    assert 'hreflang="hy" href="' not in html.split("</head>", 1)[0]


def test_head_lists_hreflang_alternates_of_every_translation(client):
    article, armenian = translated_article("ru", into="hy")
    head = client.get(article.url).content.decode().split("</head>", 1)[0]
    assert f'<link rel="alternate" hreflang="hy" href="http://testserver{armenian.url}">' in head
    assert f'<link rel="alternate" hreflang="ru" href="http://testserver{article.url}">' in head


def test_switcher_keeps_the_archive_and_search_in_the_other_language(client):
    links = switcher_links(client.get("/en/search/", {"q": "Yerevan"}).content.decode())
    assert links["hy"] == ("/hy/search/?q=Yerevan", False)


def test_armenian_dates_use_genitive_months_and_armenian_formats():
    moment = datetime.datetime(2026, 11, 30, 14, 5, tzinfo=datetime.UTC)
    with translation.override("hy"):
        assert formats.date_format(moment, "DATE_FORMAT") == "30 նոյեմբերի 2026"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "30 նոյեմբերի 2026, 14:05"
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "30.11.2026"
        assert formats.number_format(1234567.5, decimal_pos=1, force_grouping=True) == "1\xa0234\xa0567,5"
    with translation.override("ru"):
        assert formats.date_format(moment, "DATE_FORMAT") == "30 ноября 2026 г."


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Page not found"), ("ru", "Страница не найдена"), ("hy", "Էջը չի գտնվել")],
)
def test_unknown_pages_answer_404_in_the_readers_language(client, language, text):
    response = client.get(f"/{language}/no-such-page-at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Editor's choice"), ("ru", "Выбор редакции"), ("hy", "Խմբագրի ընտրությունը")],
)
def test_interface_strings_are_translated(client, language, text):
    html = client.get(article_in(language).url).content.decode().replace("&#x27;", "'")
    assert text in html
