"""JSON-LD, Open Graph and Twitter cards, read back with extruct and lxml as crawlers read them."""

import datetime

import extruct
import lxml.html
import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from tribune.core import page_cache
from tribune.newsroom.models import ArticlePage, HomePage, NewsroomSettings, SectionPage

pytestmark = pytest.mark.django_db

OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "hy": "hy_AM"}


def article_in(language, translated=None):
    for article in ArticlePage.objects.live().filter(locale__language_code=language).order_by("path"):
        if translated is None or article.get_translations().live().exists() == translated:
            return article
    pytest.fail(f"the demo has no such article in {language}")


def extract(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = extruct.extract(html, syntaxes=["json-ld", "opengraph"], base_url=page.get_full_url())
    news_articles = [item for item in data["json-ld"] if item.get("@type") == "NewsArticle"]
    properties = [prop for item in data["opengraph"] for prop in item["properties"]]
    return html, news_articles, properties


def og(properties, key):
    return [value for name, value in properties if name == key]


def twitter(html):
    tree = lxml.html.fromstring(html)
    return {
        meta.get("name"): meta.get("content")
        for meta in tree.xpath("//head/meta[starts-with(@name, 'twitter:')]")
    }


def agency(language="en"):
    return NewsroomSettings.objects.get().agency_name_in(language)


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_article_json_ld_field_by_field(client, language):
    article = article_in(language)
    _html, found, _og = extract(client, article)
    assert len(found) == 1
    data = found[0]
    image = article.lead_image
    rendition = image.get_rendition("fill-1200x675")
    section = article.get_parent()

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title
    assert data.get("description", "") == article.standfirst
    assert data.get("dateline", "") == article.dateline_place
    published = parse_datetime(data["datePublished"])
    assert published.utcoffset() is not None
    assert published == article.published_at.replace(microsecond=0)
    modified = max(article.published_at, article.last_published_at)
    assert parse_datetime(data["dateModified"]) == modified.replace(microsecond=0)
    assert data["image"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{rendition.url}",
        "width": rendition.width,
        "height": rendition.height,
        "caption": article.lead_image_caption,
        "creditText": image.credit,
    }
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": agency(language),
        "url": "http://testserver/",
    }
    assert data["inLanguage"] == language
    assert data["isAccessibleForFree"] is True
    assert data["mainEntityOfPage"] == article.get_full_url()
    assert data["articleSection"] == section.title
    assert data.get("keywords", []) == [tag.name for tag in article.tags.all()]


def test_armenian_article_is_in_armenian(client):
    _html, [data], properties = extract(client, article_in("hy"))
    assert data["inLanguage"] == "hy"
    assert og(properties, "og:locale") == ["hy_AM"]


def test_credit_is_the_images_own(client):
    article = article_in("ru")
    image = article.lead_image
    image.credit = "Photo: Photolure / Hayk Baghdasaryan"
    image.save()
    _html, [data], _og = extract(client, article)
    assert data["image"]["creditText"] == "Photo: Photolure / Hayk Baghdasaryan"


def test_author_is_a_person_when_named_else_the_agency(client):
    article = article_in("en")
    article.author = ""
    article.save_revision().publish()
    _html, [data], _og = extract(client, article)
    assert data["author"] == {"@type": "Organization", "name": agency(), "url": "http://testserver/"}

    article.author = "Anahit Sargsyan"
    article.save_revision().publish()
    _html, [data], _og = extract(client, article)
    assert data["author"] == {"@type": "Person", "name": "Anahit Sargsyan"}


def test_date_modified_is_the_last_publication_but_never_before_publication(client):
    article = article_in("en")
    article.save_revision().publish()  # a correction, published now
    article.refresh_from_db()
    _html, [data], properties = extract(client, article)
    assert parse_datetime(data["dateModified"]) == article.last_published_at.replace(microsecond=0)
    assert parse_datetime(data["dateModified"]) > parse_datetime(data["datePublished"])
    assert og(properties, "article:modified_time") == [data["dateModified"]]

    later = timezone.now() + datetime.timedelta(hours=2)
    ArticlePage.objects.filter(pk=article.pk).update(published_at=later)
    page_cache.purge_all()  # the update bypasses publication, which would empty the page cache
    _html, [data], _og = extract(client, article)
    assert parse_datetime(data["dateModified"]) == later.replace(microsecond=0)


def test_headline_cannot_break_out_of_the_script(client):
    article = article_in("hy")
    headline = 'Breaking </script><script>alert(1)</script> & "quotes" <!-- end'
    article.title = headline
    article.save_revision().publish()

    html, [data], properties = extract(client, article)
    assert data["headline"] == headline
    assert "<script>alert(1)</script>" not in html
    tree = lxml.html.fromstring(html)
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    assert "\\u003C/script\\u003E" in scripts[0].text
    assert og(properties, "og:title") == [headline]


def test_article_open_graph(client):
    article = article_in("hy", translated=True)
    translations = article.get_translations().live()
    html, _data, properties = extract(client, article)
    social = article.lead_image.get_rendition("fill-1200x630")

    assert og(properties, "og:type") == ["article"]
    assert og(properties, "og:title") == [article.title]
    assert og(properties, "og:description") == [article.standfirst]
    assert og(properties, "og:url") == [article.get_full_url()]
    assert og(properties, "og:image") == [f"http://testserver{social.url}"]
    assert og(properties, "og:image:alt") == [article.lead_image_alt or article.lead_image.title]
    assert og(properties, "og:site_name") == [agency("hy")]
    assert og(properties, "og:locale") == ["hy_AM"]
    assert sorted(og(properties, "og:locale:alternate")) == sorted(
        OG_LOCALES[t.locale.language_code] for t in translations
    )
    assert og(properties, "article:published_time") == [
        timezone.localtime(article.published_at).isoformat(timespec="seconds")
    ]
    assert og(properties, "article:section") == [article.get_parent().title]
    assert og(properties, "article:tag") == [tag.name for tag in article.tags.all()]

    assert twitter(html) == {
        "twitter:card": "summary_large_image",
        "twitter:title": article.title,
        "twitter:description": article.standfirst,
        "twitter:image": f"http://testserver{social.url}",
        "twitter:image:alt": article.lead_image_alt or article.lead_image.title,
    }


def test_article_without_translations_has_no_alternate_locales(client):
    article = article_in("en", translated=True)
    for translation in article.get_translations():
        translation.unpublish()
    _html, _data, properties = extract(client, article)
    assert og(properties, "og:locale") == ["en_GB"]
    assert og(properties, "og:locale:alternate") == []


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_home_page_open_graph(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    html, found, properties = extract(client, home)
    assert found == []
    assert og(properties, "og:type") == ["website"]
    assert og(properties, "og:title") == [home.title]
    assert og(properties, "og:url") == [home.get_full_url()]
    assert og(properties, "og:locale") == [OG_LOCALES[language]]
    assert sorted(og(properties, "og:locale:alternate")) == sorted(
        OG_LOCALES[code] for code in ("en", "ru", "hy") if code != language
    )
    assert og(properties, "og:site_name") == [agency(language)]
    assert og(properties, "og:description")
    assert og(properties, "article:published_time") == []
    assert twitter(html)["twitter:card"] == "summary"


def test_section_page_open_graph(client):
    section = SectionPage.objects.live().filter(locale__language_code="ru").first()
    html, found, properties = extract(client, section)
    assert found == []
    assert og(properties, "og:type") == ["website"]
    assert og(properties, "og:title") == [section.title]
    assert og(properties, "og:description") == [section.search_description or section.introduction]
    assert og(properties, "og:url") == [section.get_full_url()]
    assert og(properties, "og:locale") == ["ru_RU"]
    assert twitter(html)["twitter:title"] == section.title
