"""A reader's standing on the comment form: a warning to acknowledge before commenting again, a
suspension (why, and until when, in the reader's language) and a ban (why)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime

from tribune.accounts.models import Sanction
from tribune.comments.models import Comment, Status
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

REASON = "Insults towards other readers under the article on the budget"
FORM = 'name="text"'
WARNED = {
    "en": "The editors have warned you.",
    "ru": "Редакция вынесла вам предупреждение.",
    "hy": "Խմբագրությունը ձեզ նախազգուշացում է տվել։",
}
ACKNOWLEDGE = {
    "en": "I have read the house rules",
    "ru": "Я прочитал(а) правила",
    "hy": "Ես կարդացել եմ կանոնները",
}
REASON_LABEL = {"en": "Reason:", "ru": "Причина:", "hy": "Պատճառը՝"}
BANNED = {
    "en": "You may no longer comment.",
    "ru": "Вы больше не можете комментировать.",
    "hy": "Դուք այլևս չեք կարող մեկնաբանել։",
}


def article_in(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user(
        username="warned_reader", email="warned@readers.example", password="pw", display_name="Warned"
    )


@pytest.fixture
def signed_in(reader):
    client = Client()
    client.force_login(reader)
    return client


def sanction(reader, kind, **fields):
    return Sanction.objects.create(user=reader, kind=kind, reason=REASON, **fields)


def write(client, article, words, language="en"):
    cache.clear()
    return client.post(f"/{language}/comments/{article.pk}/write/", {"text": words})


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_a_warned_reader_sees_the_warning_and_the_button_instead_of_the_form(signed_in, reader, language):
    sanction(reader, Sanction.Kind.WARN)
    article = article_in(language)
    html = signed_in.get(article.url).content.decode()
    assert WARNED[language] in html
    assert f"{REASON_LABEL[language]} {REASON}" in html
    assert ACKNOWLEDGE[language] in html
    assert f'action="/{language}/accounts/warning/acknowledge/"' in html
    assert f'name="next" value="{article.url}#comments"' in html
    assert FORM not in html


def test_a_warned_readers_post_is_refused_with_the_warning(signed_in, reader):
    sanction(reader, Sanction.Kind.WARN)
    article = article_in("en")
    response = write(signed_in, article, "A fair comment on the budget.")
    html = response.content.decode()
    assert response.status_code == 403
    assert WARNED["en"] in html and REASON in html and ACKNOWLEDGE["en"] in html
    assert not Comment.objects.filter(author=reader).exists()


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_after_acknowledging_the_reader_comments_again(signed_in, reader, language):
    warning = sanction(reader, Sanction.Kind.WARN)
    article = article_in(language)
    response = signed_in.post(
        f"/{language}/accounts/warning/acknowledge/", {"next": f"{article.url}#comments"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comments"
    warning.refresh_from_db()
    assert warning.acknowledged_at is not None
    html = signed_in.get(article.url).content.decode()
    thanks = {"en": "Thank you. You can comment again.", "ru": "Спасибо. Вы снова можете комментировать.",
              "hy": "Շնորհակալություն։ Դուք կրկին կարող եք մեկնաբանել։"}  # fmt: skip
    assert thanks[language] in html
    assert FORM in html and WARNED[language] not in html
    assert write(signed_in, article, "A fair comment on the budget.", language).status_code == 302
    assert Comment.objects.get(author=reader).status == Status.PUBLISHED


def test_acknowledging_is_a_post_with_the_csrf_token_by_a_signed_in_reader(reader):
    warning = sanction(reader, Sanction.Kind.WARN)
    url = "/en/accounts/warning/acknowledge/"
    assert Client().post(url)["Location"].startswith("/en/accounts/login/")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)
    assert strict.get(url).status_code == 405
    assert strict.post(url).status_code == 403
    warning.refresh_from_db()
    assert warning.acknowledged_at is None


def test_acknowledging_never_sends_the_reader_to_another_site(signed_in, reader):
    sanction(reader, Sanction.Kind.WARN)
    response = signed_in.post("/en/accounts/warning/acknowledge/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/accounts/notices/"


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_a_suspended_reader_sees_why_and_until_when_in_their_language(signed_in, reader, language):
    ends_at = timezone.now() + datetime.timedelta(hours=24)
    sanction(reader, Sanction.Kind.SUSPEND, ends_at=ends_at)
    sanction(reader, Sanction.Kind.WARN)  # a suspension outranks a warning
    article = article_in(language)
    with translation.override(language):
        until = date_format(localtime(ends_at), "DATETIME_FORMAT")
    assert language == "en" or not until.isascii()  # the month's name in the reader's language
    headline = {
        "en": f"You may not comment until {until}.",
        "ru": f"Вы не можете комментировать до {until}.",
        "hy": f"Դուք չեք կարող մեկնաբանել մինչև {until}։",
    }
    html = signed_in.get(article.url).content.decode()
    assert headline[language] in html
    assert f"{REASON_LABEL[language]} {REASON}" in html
    assert FORM not in html and ACKNOWLEDGE[language] not in html
    response = write(signed_in, article, "Still here.", language)
    assert response.status_code == 403
    assert headline[language] in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_a_banned_reader_sees_why(signed_in, reader, language):
    sanction(reader, Sanction.Kind.BAN)
    article = article_in(language)
    html = signed_in.get(article.url).content.decode()
    assert BANNED[language] in html and REASON in html
    assert FORM not in html
    assert (
        signed_in.get(f"/{language}/comments/{article.pk}/write/").content.decode().count(BANNED[language])
        == 1
    )


def test_a_premoderated_reader_is_told_their_comments_are_checked_first(signed_in, reader):
    sanction(reader, Sanction.Kind.PREMODERATE)
    html = signed_in.get(article_in("en").url).content.decode()
    assert FORM in html
    assert "A moderator checks each of your comments before it appears." in html


def test_an_ended_or_lifted_measure_shows_nothing(signed_in, reader):
    now = timezone.now()
    sanction(reader, Sanction.Kind.SUSPEND, starts_at=now - datetime.timedelta(days=2), ends_at=now)
    sanction(reader, Sanction.Kind.BAN, lifted_at=now)
    sanction(reader, Sanction.Kind.WARN, acknowledged_at=now)
    html = signed_in.get(article_in("en").url).content.decode()
    assert FORM in html and REASON not in html
