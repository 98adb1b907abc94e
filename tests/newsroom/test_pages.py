"""What a reader sees on the home, section, article, tag, archive and plain pages."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Page

from tribune.newsroom.models import ArticlePage, EditorsChoiceItem, HomePage, SectionPage, StandardPage

from .conftest import article_in, create_draft_article

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "hy")
AGENCY = {"en": "Tribune", "ru": "Трибуна", "hy": "Տրիբունա"}  # as the demo names it in Settings → Newsroom
PHOTO = {"en": "Photo: ", "ru": "Фото: ", "hy": "Լուսանկարը՝ "}  # "Photo: …" in each language


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_leads_with_latest_article_and_lists_only_its_language(client, language):
    html = html_of(client.get(f"/{language}/"))
    assert f'<html lang="{language}">' in html
    articles = ArticlePage.objects.live().filter(locale__language_code=language)
    latest = articles.order_by("-published_at").first()
    assert 'class="lead-story"' in html
    lead_block = html.split('class="lead-story"', 1)[1].split("</section>", 1)[0]
    assert latest.title in lead_block
    others = ArticlePage.objects.live().exclude(locale__language_code=language)
    assert not [a.url for a in others if f'href="{a.url}"' in html]


def test_home_page_leads_with_the_editors_lead_story_when_one_is_set(client):
    home = HomePage.objects.get(locale__language_code="ru")
    oldest = ArticlePage.objects.live().filter(locale=home.locale).order_by("published_at").first()
    home.lead_article = oldest
    home.save_revision().publish()
    html = html_of(client.get("/ru/"))
    lead_block = html.split('class="lead-story"', 1)[1].split("</section>", 1)[0]
    assert oldest.title in lead_block


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_shows_headline_credit_dateline_and_tags(client, language):
    article = article_in(language)
    html = html_of(client.get(article.url))
    assert f"<h1>{article.title}</h1>" in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert f'<span class="credit">{PHOTO[language]}{article.lead_image.credit}</span>' in html
    body = html.split('class="article__body prose">', 1)[1]
    opening = re.match(r"\s*<p[^>]*>\s*<span class=\"dateline\">([^<]*)</span>", body)
    assert opening, body[:200]
    assert opening.group(1) == f"{article.dateline_place} /{AGENCY[language]}/."
    for tag in article.tags.all():
        assert f'href="/{language}/tags/{tag.slug}/"' in html


def test_dateline_and_masthead_use_the_agency_name_set_for_each_language(client):
    from wagtail.models import Site

    from tribune.newsroom.models import NewsroomSettings

    setting = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    setting.agency_name, setting.agency_name_ru, setting.agency_name_hy = "Mediamax", "Медиамакс", ""
    setting.save()
    for language, name in (("en", "Mediamax"), ("ru", "Медиамакс"), ("hy", "Mediamax")):
        article = article_in(language)
        html = html_of(client.get(article.url))
        assert f'<span class="dateline">{article.dateline_place} /{name}/.</span>' in html
        assert f'rel="home">{name}</a>' in html


def test_body_images_keep_their_own_credits(client):
    """Several agencies in one article: each picture keeps the credit of its own image."""
    for article in ArticlePage.objects.live().filter(locale__language_code="en"):
        body_images = [block.value["image"] for block in article.body if block.block_type == "image"]
        if body_images and body_images[0].credit != article.lead_image.credit:
            break
    else:
        pytest.fail("the demo has no article with a body image credited to another agency")
    html = html_of(client.get(article.url))
    credits = re.findall(r'<span class="credit">Photo: ([^<]+)</span>', html)
    assert credits[0] == article.lead_image.credit
    assert body_images[0].credit in credits[1:]


@pytest.mark.parametrize("language", LANGUAGES)
def test_editors_choice_is_beside_every_article_in_the_editors_order(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    chosen = [item.article for item in home.editors_choice_items.order_by("sort_order")]
    assert chosen, "the demo has an Editor's choice in every language"
    html = html_of(client.get(article_in(language).url))
    box = html.split('class="editors-choice"', 1)[1].split("</section>", 1)[0]
    positions = [box.index(f'href="{article.url}"') for article in chosen]
    assert positions == sorted(positions)


def test_editors_choice_drops_expired_and_unpublished_items(client):
    home = HomePage.objects.get(locale__language_code="en")
    items = list(home.editors_choice_items.order_by("sort_order"))
    expired, unpublished, kept = items[0], items[1], items[2]
    EditorsChoiceItem.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    unpublished.article.unpublish()
    html = html_of(client.get("/en/"))
    box = html.split('class="editors-choice"', 1)[1].split("</section>", 1)[0]
    assert f'href="{kept.article.url}"' in box
    assert expired.article.title not in box
    assert unpublished.article.title not in box


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_page_lists_only_its_own_articles(client, language):
    section = SectionPage.objects.live().filter(locale__language_code=language).first()
    html = html_of(client.get(section.url))
    for article in ArticlePage.objects.live().filter(locale__language_code=language):
        linked = f'href="{article.url}"' in html.split("<main", 1)[1].split("</main>", 1)[0]
        assert linked == article.url.startswith(section.url), article.url


@pytest.mark.parametrize("page_param", ["abc", "0", "-1", "99999", "1%00", "1e3"])
def test_a_malformed_or_out_of_range_page_number_gives_a_page_not_an_error(client, page_param):
    section = SectionPage.objects.live().filter(locale__language_code="en").first()
    assert client.get(section.url, {"page": page_param}).status_code == 200


def test_tag_page_lists_the_articles_of_that_language_with_the_tag(client):
    article = article_in("hy")
    tag = article.tags.first()
    html = html_of(client.get(f"/hy/tags/{tag.slug}/"))
    tagged = ArticlePage.objects.live().filter(locale__language_code="hy", tags=tag)
    assert tagged.count() >= 1
    for other in tagged:
        assert f'href="{other.url}"' in html


def test_an_unknown_tag_is_a_404(client):
    assert client.get("/en/tags/no-such-tag-anywhere/").status_code == 404


def test_archive_of_a_day_lists_what_was_published_that_day(client):
    article = article_in("en")
    day = timezone.localtime(article.published_at).date()
    html = html_of(client.get(f"/en/archive/{day.year}/{day.month}/{day.day}/"))
    assert f'href="{article.url}"' in html
    month_html = html_of(client.get(f"/en/archive/{day.year}/{day.month}/"))
    assert f'href="{article.url}"' in month_html


def test_archive_without_a_year_goes_to_this_year(client):
    response = client.get("/en/archive/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/archive/{timezone.localdate().year}/"


@pytest.mark.parametrize("path", ["2026/13/", "2026/2/30/", "2026/0/", "0001/", "2026/abc/"])
def test_an_impossible_archive_date_is_a_404(client, path):
    assert client.get(f"/en/archive/{path}").status_code == 404


def test_related_articles_share_tags_and_language(client):
    article = article_in("ru")
    response = client.get(article.url)
    related = response.context["related"]
    assert related
    assert all(other.locale_id == article.locale_id and other.pk != article.pk for other in related)
    tag_ids = set(article.tags.values_list("pk", flat=True))
    first = related[0]
    assert (
        tag_ids & set(first.tags.values_list("pk", flat=True))
        or first.get_parent().pk == article.get_parent().pk
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_house_rules_and_about_are_in_every_languages_footer(client, language):
    plain_pages = StandardPage.objects.live().filter(locale__language_code=language)
    assert plain_pages.count() >= 2
    footer = html_of(client.get(f"/{language}/")).split('class="site-footer"', 1)[1]
    for page in plain_pages:
        assert client.get(page.url).status_code == 200
        assert f'<a href="{page.url}">{page.title}</a>' in footer


def test_a_draft_is_never_shown_to_anonymous_readers(client):
    section = SectionPage.objects.live().filter(locale__language_code="en").first()
    draft = create_draft_article(section, title="Secret draft about tomorrow", slug="secret-draft")
    assert not draft.live
    assert client.get(f"{section.url}secret-draft/").status_code == 404
    for url in ("/en/", section.url, "/en/search/?q=Secret+draft"):
        assert "Secret draft about tomorrow" not in client.get(url).content.decode()


def test_an_unpublished_article_disappears_from_lists_and_its_address(client):
    article = article_in("hy")
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 404
    assert f'href="{url}"' not in client.get("/hy/").content.decode()
    assert not Page.objects.live().filter(pk=article.pk).exists()
