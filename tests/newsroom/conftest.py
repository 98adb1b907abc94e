import pytest
from wagtail.models import Page

from tribune.newsroom.models import ArticlePage, HomePage


def article_in(language, **filters):
    return (
        ArticlePage.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("-published_at")
        .first()
    )


def translated_article(language, into):
    """A live article in `language` that has a live translation into `into`."""
    for article in ArticlePage.objects.live().filter(locale__language_code=language):
        other = article.get_translations().live().filter(locale__language_code=into).first()
        if other is not None:
            return article, other
    raise AssertionError(f"the demo has no {language} article translated into {into}")


def untranslated_article(language, missing):
    """A live article in `language` with no translation into `missing`."""
    for article in ArticlePage.objects.live().filter(locale__language_code=language):
        if not article.get_translations().filter(locale__language_code=missing).exists():
            return article
    raise AssertionError(f"the demo has no {language} article missing a {missing} translation")


@pytest.fixture
def home_en(db):
    return HomePage.objects.get(locale__language_code="en")


def create_draft_article(section, **fields):
    """A new article saved as a draft only (never published)."""
    draft = ArticlePage(
        title=fields.pop("title", "Draft that nobody may see"),
        slug=fields.pop("slug", "draft-nobody-may-see"),
        live=False,
        locale_id=section.locale_id,
        **fields,
    )
    section.add_child(instance=draft)
    draft.save_revision()
    return Page.objects.get(pk=draft.pk).specific
