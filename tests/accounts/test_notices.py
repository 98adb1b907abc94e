"""The editors' notices to a reader: on the notices page in the language of the page, counted in
the masthead while unread, and sent once by email in the reader's own language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tribune.accounts import notices
from tribune.accounts.models import Notice, Sanction
from tribune.accounts.services import sanction_impose
from tribune.comments import services, text
from tribune.comments.models import Comment, Status
from tribune.core import page_cache
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

SUBJECT_REJECTED = {
    "en": "Your comment was not published",
    "ru": "Ваш комментарий не опубликован",
    "hy": "Ձեր մեկնաբանությունը չի հրապարակվել",
}
BE_POLITE = {"en": "Be polite", "ru": "Будьте вежливы", "hy": "Եղեք քաղաքավարի"}
NOTICES = {"en": "Notices", "ru": "Уведомления", "hy": "Ծանուցումներ"}


def article_in(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


def make_user(name, language="en", groups=()):
    user = get_user_model().objects.create_user(
        username=name,
        email=f"{name}@readers.example",
        password="pw",
        display_name=name.title(),
        language=language,
    )
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reader(db):
    return make_user("lilit", language="hy")


@pytest.fixture
def moderator(db):
    return make_user("narek", groups=["Moderators"])


@pytest.fixture
def signed_in(reader):
    client = Client()
    client.force_login(reader)
    return client


def comment_of(author, article, words="The minister said nothing new."):
    return Comment.objects.create(
        article=article,
        author=author,
        status=Status.PUBLISHED,
        text=words,
        html=text.render(words),
        language=article.locale.language_code,
    )


def reject(comment, moderator, reason="abusive", note=""):
    services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action="reject", reason=reason, note=note
    )
    return Notice.objects.filter(user=comment.author).latest("pk")


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_the_notices_page_shows_each_notice_in_the_language_of_the_page(
    signed_in, reader, moderator, language
):
    article = article_in("en")
    comment = comment_of(reader, article)
    reject(comment, moderator, note="Name-calling")
    response = signed_in.get(f"/{language}/accounts/notices/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert f"<h1>{NOTICES[language]}</h1>" in html
    assert SUBJECT_REJECTED[language] in html
    assert BE_POLITE[language] in html and "Name-calling" in html
    assert f'href="/{language}/comment/{comment.pk}/appeal/"' in html


def test_a_notice_is_read_in_the_language_the_reader_now_uses(signed_in, reader, moderator):
    notice = reject(comment_of(reader, article_in("en")), moderator)
    pages = {lang: signed_in.get(f"/{lang}/accounts/notices/").content.decode() for lang in ("ru", "hy")}
    assert "Модератор не опубликовал ваш комментарий" in pages["ru"]
    assert "Մոդերատորը չի հրապարակել ձեր մեկնաբանությունը" in pages["hy"]
    with translation.override("en"):
        assert notices.subject(notice) == "Your comment was not published"


def test_viewing_the_notices_marks_them_read_and_the_masthead_counts_the_unread(signed_in, reader, moderator):
    article = article_in("en")
    reject(comment_of(reader, article, "one"), moderator)
    reject(comment_of(reader, article, "two"), moderator)
    before = signed_in.get("/en/accounts/profile/").content.decode()
    assert re.search(r'<a href="/en/accounts/notices/"[^>]*>Notices \(2\)</a>', before)
    page = signed_in.get("/en/accounts/notices/").content.decode()
    assert page.count('class="notice__new"') == 2  # new on this view
    assert not Notice.objects.filter(user=reader, read_at__isnull=True).exists()
    after = signed_in.get("/en/accounts/profile/").content.decode()
    assert re.search(r'<a href="/en/accounts/notices/"[^>]*>Notices</a>', after)
    assert 'class="notice__new"' not in signed_in.get("/en/accounts/notices/").content.decode()


@pytest.mark.parametrize("language", ["ru", "hy"])
def test_the_unread_count_in_the_masthead_is_translated(signed_in, reader, moderator, language):
    reject(comment_of(reader, article_in("en")), moderator)
    html = signed_in.get(f"/{language}/accounts/profile/").content.decode()
    assert f"{NOTICES[language]} (1)</a>" in html


def test_a_reader_sees_only_their_own_notices(signed_in, reader, moderator):
    other = make_user("someone_else")
    reject(comment_of(other, article_in("en"), "not yours"), moderator, reason="other", note="Private reason")
    html = signed_in.get("/en/accounts/notices/").content.decode()
    assert "Private reason" not in html
    assert "The editors have not written to you yet." in html
    assert Notice.objects.get(user=other).read_at is None


def test_the_notices_page_needs_a_signed_in_reader(client):
    response = client.get("/en/accounts/notices/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_anonymous_pages_ask_nothing_about_notices(client, reader, moderator):
    reject(comment_of(reader, article_in("en")), moderator)
    url = article_in("en").url
    client.get(url)
    page_cache.purge_all()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "accounts/notices" not in html
    assert not any("accounts_notice" in query["sql"] for query in queries.captured_queries)


def test_a_signed_in_masthead_costs_one_query_for_the_count(signed_in, reader):
    url = "/en/accounts/profile/"
    signed_in.get(url)
    with CaptureQueriesContext(connection) as queries:
        signed_in.get(url)
    assert sum("accounts_notice" in query["sql"] for query in queries.captured_queries) == 1


def test_other_notices_link_to_the_comment_or_say_what_happened(signed_in, reader, moderator):
    article = article_in("en")
    comment = comment_of(reader, article)
    services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="feature")
    sanction_impose(user=reader, kind=Sanction.Kind.PREMODERATE, moderator=moderator, reason="Too many links")
    html = signed_in.get("/en/accounts/notices/").content.decode()
    assert "Your comment is an editor&#x27;s pick" in html
    assert f'<a href="{article.url}#comment-{comment.pk}">See your comment</a>' in html
    assert "From now on a moderator checks each of your comments before it appears." in html
    assert "Reason: Too many links" in html


def test_a_rejection_for_another_reason_gives_the_moderators_note(reader, moderator):
    notice = reject(
        comment_of(reader, article_in("en")), moderator, reason="other", note="Personal data of a neighbour"
    )
    assert notices.body(notice) == (
        f"A moderator did not publish your comment on “{article_in('en').title}”.\n\n"
        "The moderator's note: Personal data of a neighbour\n\n"
        "You may appeal once within 14 days."
    )


# Email


@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [
        (
            "ru",
            "Ваш комментарий не опубликован",
            ["Здравствуйте, Lilit!", "«Будьте вежливы»", "/ru/accounts/notices/"],
        ),
        (
            "hy",
            "Ձեր մեկնաբանությունը չի հրապարակվել",
            ["Հարգելի Lilit,", "«Եղեք քաղաքավարի»", "/hy/accounts/notices/"],
        ),
        ("en", "Your comment was not published", ["Hello Lilit,", "“Be polite”", "/en/accounts/notices/"]),
    ],
)
def test_the_email_is_in_the_readers_language(
    reader, moderator, language, subject, words, django_capture_on_commit_callbacks
):
    reader.language = language
    reader.save(update_fields=["language"])
    comment = comment_of(reader, article_in("en"))
    with django_capture_on_commit_callbacks(execute=True):
        reject(comment, moderator)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.subject == subject
    for word in words:
        assert word in message.body
    assert f"http://testserver/{language}/comment/{comment.pk}/appeal/" in message.body


def test_an_email_goes_out_once_even_if_its_delivery_is_retried(
    reader, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = reject(comment_of(reader, article_in("en")), moderator)
    assert len(mail.outbox) == 1
    assert notices.deliver_email(notice.pk) is False
    assert len(mail.outbox) == 1
    notice.refresh_from_db()
    assert notice.emailed_at is not None


def test_the_email_is_plain_text_with_nothing_escaped(reader, moderator, django_capture_on_commit_callbacks):
    comment = comment_of(reader, article_in("en"))
    with django_capture_on_commit_callbacks(execute=True):
        reject(comment, moderator, reason="other", note='Quotes "like this" & <tags>')
    assert 'Quotes "like this" & <tags>' in mail.outbox[0].body


def test_a_suspension_email_says_until_when_in_the_readers_language(
    reader, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sanction_impose(
            user=reader, kind=Sanction.Kind.SUSPEND, moderator=moderator, reason="Spam", duration="7d"
        )
    message = mail.outbox[0]
    assert message.subject == "Որոշ ժամանակ չեք կարող մեկնաբանել"
    assert "Դուք չեք կարող մեկնաբանել մինչև" in message.body and "Պատճառը՝ Spam" in message.body
