import pytest
from django.contrib.auth import get_user_model

from tribune.houserules import abusive
from tribune.newsroom.models import ArticlePage


@pytest.fixture
def article(db):
    """A live English article whose comments are open."""
    return ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()


@pytest.fixture
def other_article(db, article):
    return (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(pk=article.pk)
        .order_by("-published_at")
        .first()
    )


def make_reader(name, **fields):
    user = get_user_model().objects.create_user(
        username=name,
        email=f"{name}@readers.example",
        password="pw",
        display_name=fields.pop("display_name", name),
    )
    return user


@pytest.fixture
def reader(db):
    return make_reader("reader_one")


@pytest.fixture
def second_reader(db):
    return make_reader("reader_two")


@pytest.fixture
def without_slow_checks(monkeypatch):
    """The quick judgement only, as where the optional encoder is not installed: nothing judges the
    stored comment again after the commit (events.slow_checks). For tests of what follows a
    submission that are not about the slow checks, which would otherwise change the stored comment
    behind them where the encoder is installed."""
    monkeypatch.setattr(abusive, "encoder_would_read", lambda normalized, lang: False)
