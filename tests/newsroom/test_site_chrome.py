"""The masthead and the footer come from the cache (`site_chrome`, the newsroom settings): what they
show follows every publication and every change of the settings, and nothing in them belongs to
the reader who happened to fill the cache."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site

from tribune.newsroom.models import HomePage, NewsroomSettings, SectionPage, StandardPage

from .conftest import article_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request is rendered, so that only the fragment caches are at work."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("AnonymousPageCacheMiddleware")]


def masthead_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode().split('<header class="masthead">', 1)[1].split("</header>", 1)[0]


def footer_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode().split('<footer class="site-footer">', 1)[1]


def test_a_new_section_is_in_the_masthead_of_a_page_viewed_before(client):
    article = article_in("en")
    assert "Science desk" not in masthead_of(client.get(article.url))
    home = HomePage.objects.get(locale__language_code="en")
    section = home.add_child(instance=SectionPage(title="Science desk", slug="science-desk"))
    section.save_revision().publish()
    masthead = masthead_of(client.get(article.url))
    assert f'<a href="{section.url}">Science desk</a>' in masthead


def test_an_unpublished_section_leaves_the_masthead(client):
    article = article_in("en")
    section = article.get_parent().specific
    assert f'href="{section.url}"' in masthead_of(client.get(article.url))
    other = SectionPage.objects.live().filter(locale__language_code="en").exclude(pk=section.pk).first()
    html = masthead_of(client.get(article.url))
    assert f'<a href="{other.url}">{other.title}</a>' in html
    other.unpublish()
    assert f'href="{other.url}"' not in masthead_of(client.get(article.url))


def test_a_new_plain_page_in_menus_is_in_the_footer(client):
    article = article_in("ru")
    assert "Вакансии" not in footer_of(client.get(article.url))
    home = HomePage.objects.get(locale__language_code="ru")
    plain = home.add_child(
        instance=StandardPage(title="Вакансии", slug="jobs", body="<p>…</p>", show_in_menus=True)
    )
    plain.save_revision().publish()
    assert f'<a href="{plain.url}">Вакансии</a>' in footer_of(client.get(article.url))


def test_the_current_section_is_marked_in_the_masthead(client):
    article = article_in("hy")
    section = article.get_parent().specific
    masthead = masthead_of(client.get(article.url))
    assert f'<a href="{section.url}" aria-current="page">' in masthead
    assert masthead.count('aria-current="page"') == 1


def test_a_changed_agency_name_is_shown_at_once(client):
    article = article_in("en")
    assert 'rel="home">Mediamax</a>' not in masthead_of(client.get(article.url))
    setting = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    setting.agency_name = "Mediamax"
    setting.save()
    response = client.get(article.url)
    assert 'rel="home">Mediamax</a>' in masthead_of(response)
    assert "© " in footer_of(response) and "Mediamax." in footer_of(response)


@pytest.fixture
def reader(db):
    user = get_user_model().objects.create_user(username="chrome_reader", email="r@c.example", password="pw")
    assert user.public_name
    return user


def test_a_signed_in_readers_name_never_reaches_an_anonymous_reader(reader):
    article = article_in("en")
    signed_in = Client()
    signed_in.force_login(reader)
    mine = signed_in.get(article.url).content.decode()
    assert reader.public_name in mine
    assert "Sign out" in mine
    anonymous = Client().get(article.url).content.decode()
    assert reader.public_name not in anonymous
    assert "Sign out" not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous
    assert f'href="/en/accounts/login/?next={article.url}"' in anonymous.replace("%2F", "/")


def test_a_signed_in_reader_sees_their_own_links_after_an_anonymous_reader(reader):
    article = article_in("en")
    assert "Sign out" not in Client().get(article.url).content.decode()
    signed_in = Client()
    signed_in.force_login(reader)
    mine = signed_in.get(article.url).content.decode()
    assert f'<span class="account-name">{reader.public_name}</span>' in mine
    assert "Sign out" in mine
    assert ">Sign in<" not in mine
