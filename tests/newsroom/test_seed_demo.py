"""The demo newsroom is complete enough to judge the site, and seeding twice changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from tribune.newsroom.models import ArticlePage, CreditedImage, HomePage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_each_language_has_twelve_articles_in_four_sections(language):
    articles = ArticlePage.objects.live().filter(locale__language_code=language)
    assert articles.count() >= 12
    sections_used = {article.get_parent().pk for article in articles}
    assert len(sections_used) >= 4
    assert SectionPage.objects.live().filter(locale__language_code=language).count() >= 4


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_at_least_half_of_each_languages_articles_are_linked_translations(language):
    articles = list(ArticlePage.objects.live().filter(locale__language_code=language))
    linked = [a for a in articles if a.get_translations().live().exists()]
    assert len(linked) * 2 >= len(articles)


def test_every_demo_article_has_a_credited_lead_image():
    for article in ArticlePage.objects.live().select_related("lead_image"):
        assert article.lead_image is not None
        assert article.lead_image.credit
        assert article.lead_image_alt


def test_every_language_has_an_editors_choice():
    for home in HomePage.objects.live():
        assert home.editors_choice_items.count() >= 3


def test_the_demo_editor_can_sign_in_to_the_admin(client):
    assert client.login(username="editor", password="tribune-editor")
    assert client.get("/admin/").status_code == 200


def test_seeding_again_changes_nothing():
    counts = (Page.objects.count(), CreditedImage.objects.count(), get_user_model().objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), CreditedImage.objects.count(), get_user_model().objects.count()) == counts
