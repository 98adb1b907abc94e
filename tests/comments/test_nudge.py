"""The nudge in the comment form: a text the house rules would not publish comes back, with the
rules it may break and why, in the reader's language, the matched words marked, and the choice to
edit it or to send it anyway (then it is held, or rejected if it is advertising)."""

import html as html_lib
import re

import pytest
from django.core.cache import cache
from django.test import Client

from tribune.comments.models import Comment, Decision, Status
from tribune.comments.templatetags.house_rules import explain, marked
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

ABUSIVE = {
    "en": "You are a stupid idiot and a liar, shut up",
    "ru": "Ты тупой идиот и лжец, заткнись",
    "hy": "Դու ապուշ ես ու ստախոս, լռիր",
}
ADVERT = "Call +374 91 123 456 now, 50% discount on apricots, t.me/cheap_apricots"
# What the nudge says in each language: its heading, and the name of the rule from the rules page.
NUDGE_HEADING = {
    "en": "Your comment may break the house rules",
    "ru": "Ваш комментарий может нарушать правила",
    "hy": "Ձեր մեկնաբանությունը կարող է խախտել կանոնները",
}
BE_POLITE = {"en": "Be polite", "ru": "Будьте вежливы", "hy": "Եղեք քաղաքավարի"}
NO_ADVERTS = {"en": "No advertisements", "ru": "Не размещайте рекламу", "hy": "Մի՛ տեղադրեք գովազդ"}
SEND_ANYWAY = {"en": "Send it anyway", "ru": "Всё равно отправить", "hy": "Ուղարկել այնուամենայնիվ"}
EDIT_MINE = {"en": "Edit my comment", "ru": "Исправить комментарий", "hy": "Խմբագրել մեկնաբանությունը"}


def article_in(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


@pytest.fixture
def signed_in(reader):
    client = Client()
    client.force_login(reader)
    return client


def write(client, article, words=None, language="en", **extra):
    data = {"text": words, **extra} if words is not None else extra
    return client.post(f"/{language}/comments/{article.pk}/write/", data)


def send_anyway_fields(page):
    """The fields of the "Send it anyway" form, as a browser would post them."""
    form = re.search(
        r'<form method="post" action="[^"]+">(.*?)</form>', page.split('class="nudge__choices"')[1], re.S
    )
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(1)))
    return {name: html_lib.unescape(value) for name, value in fields.items() if name != "csrfmiddlewaretoken"}


def test_a_comment_the_rules_would_hold_comes_back_with_the_rule_and_the_words_marked(
    signed_in, reader, article
):
    response = write(signed_in, article, ABUSIVE["en"])
    page = response.content.decode()
    assert response.status_code == 409
    assert not Comment.objects.filter(author=reader).exists()
    assert NUDGE_HEADING["en"] in page
    assert "Be polite.</strong>" in page
    assert "<mark>stupid</mark> <mark>idiot</mark>" in page  # in the list of why
    assert "You are a <mark>stupid</mark> <mark>idiot</mark> and a liar" in page  # in the text
    # The reader's text is back in the form, described by the message, and the message is an alert.
    assert f">{ABUSIVE['en']}</textarea>" in page
    assert 'aria-describedby="comment-form-counter nudge-message"' in page
    assert 'id="nudge-message" role="alert" tabindex="-1" data-focus-on-load' in page
    assert 'href="#comment-form-text" data-edit-comment>Edit my comment</a>' in page
    assert send_anyway_fields(page) == {"text": ABUSIVE["en"], "acknowledge_rules": "1"}
    assert "then a moderator decides whether it appears" in page


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_the_nudge_speaks_the_readers_language(signed_in, language):
    article = article_in(language)
    response = write(signed_in, article, ABUSIVE[language], language=language)
    page = response.content.decode()
    assert response.status_code == 409
    assert f'<html lang="{language}">' in page
    assert NUDGE_HEADING[language] in page
    assert f"{BE_POLITE[language]}.</strong>" in page
    assert SEND_ANYWAY[language] in page and EDIT_MINE[language] in page
    assert "<mark>" in page


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_advertising_is_named_and_the_reader_is_told_it_would_not_be_published(signed_in, language):
    article = article_in(language)
    page = write(signed_in, article, ADVERT, language=language).content.decode()
    assert f"{NO_ADVERTS[language]}.</strong>" in page
    assert "<mark>+374 91 123 456</mark>" in page and "<mark>t.me/cheap_apricots</mark>" in page
    would_not = {
        "en": "Sent as it is, it will not be published.",
        "ru": "Если отправить его как есть, он не будет опубликован.",
        "hy": "Եթե ուղարկեք այնպես, ինչպես կա, այն չի հրապարակվի։",
    }
    assert would_not[language] in page


def test_the_readers_text_is_escaped_around_the_marks(signed_in, reader, article):
    words = '<script>alert("x")</script> You are a stupid idiot & a liar, shut up'
    page = write(signed_in, article, words).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; You are a <mark>stupid</mark>" in page
    assert "<mark>idiot</mark> &amp; a liar" in page


def test_sending_it_anyway_holds_the_comment_and_tells_the_reader(signed_in, reader, article):
    words = "You are a stupid idiot and a liar.\n\nShut up, all of you"
    page = write(signed_in, article, words).content.decode()
    # Straight away, as a reader would: the nudge counted for no rate limit.
    response = write(signed_in, article, **send_anyway_fields(page))
    comment = Comment.objects.get(author=reader)
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    assert (comment.status, comment.held_for, comment.text) == (Status.HELD, "abusive", words)
    decision = comment.decisions.get()
    assert decision.action == Decision.Action.SUBMIT and decision.details["acknowledged_rules"] is True
    thread = signed_in.get(response["Location"]).content.decode()
    assert "it may break the house rules (abusive language). Only you can see it until then." in thread
    assert "Waiting for review: only you can see it." in thread


def test_sending_advertising_anyway_rejects_it_and_tells_the_reader(signed_in, reader, article):
    page = write(signed_in, article, ADVERT).content.decode()
    response = write(signed_in, article, **send_anyway_fields(page))
    comment = Comment.objects.get(author=reader)
    assert comment.status == Status.REJECTED
    assert response["Location"] == f"{article.url}#comments"  # it is not in the thread
    thread = signed_in.get(response["Location"]).content.decode()
    assert "Your comment was not published: the house rules do not allow advertising." in thread
    assert "cheap_apricots" not in thread


@pytest.mark.parametrize("language", ["ru", "hy"])
def test_what_happened_after_sending_anyway_is_said_in_the_readers_language(signed_in, language):
    article = article_in(language)
    page = write(signed_in, article, ABUSIVE[language], language=language).content.decode()
    response = write(signed_in, article, language=language, **send_anyway_fields(page))
    thread = signed_in.get(response["Location"]).content.decode()
    waits = {
        "ru": "Ваш комментарий ждёт проверки редактора",
        "hy": "Ձեր մեկնաբանությունը սպասում է խմբագրի ստուգմանը",
    }
    assert waits[language] in thread


def test_an_edited_comment_posted_again_is_screened_again_and_published(signed_in, reader, article):
    assert write(signed_in, article, ABUSIVE["en"]).status_code == 409
    cache.clear()
    response = write(signed_in, article, "I disagree with the minister and I think he is wrong.")
    assert response.status_code == 302
    assert Comment.objects.get(author=reader).status == Status.PUBLISHED


def test_a_nudged_reply_stays_a_reply_when_sent_anyway(signed_in, reader, second_reader, article):
    parent = Comment.objects.create(
        article=article,
        author=second_reader,
        status=Status.PUBLISHED,
        text="A fair point",
        html="<p>A fair point</p>",
        language="en",
    )
    page = write(signed_in, article, ABUSIVE["en"], parent=parent.pk).content.decode()
    fields = send_anyway_fields(page)
    assert fields["parent"] == str(parent.pk)
    write(signed_in, article, **fields)
    assert Comment.objects.get(author=reader).parent == parent


def test_sending_it_anyway_still_needs_the_csrf_token(reader, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = write(client, article, ABUSIVE["en"], acknowledge_rules="1")
    assert response.status_code == 403
    assert not Comment.objects.filter(author=reader).exists()


def test_marks_follow_the_findings_spans_and_nothing_else():
    text = "a <b> stupid, stupid idiot"
    findings = [
        {"rule": "abusive", "start": 6, "end": 12, "evidence": "stupid", "key": "abusive.classifier"},
        {"rule": "abusive", "start": 8, "end": 20, "evidence": "upid, stupid", "key": "abusive.classifier"},
        {"rule": "abusive", "start": 21, "end": 26, "evidence": "idiot", "key": "abusive.classifier"},
        {"rule": "abusive", "start": 0, "end": 3, "evidence": "xyz", "key": "abusive.classifier"},  # stale
        {"rule": "off_topic", "start": 0, "end": 26, "evidence": "", "key": "off_topic.unrelated"},
        {"rule": "abusive", "start": 40, "end": 45, "evidence": "ghost", "key": "abusive.classifier"},
    ]
    assert marked(text, findings) == "a &lt;b&gt; <mark>stupid, stupid</mark> <mark>idiot</mark>"
    assert marked("<i>", []) == "&lt;i&gt;"


def test_each_rule_is_explained_with_its_words_once():
    findings = [
        {"rule": "advertising", "start": 0, "end": 4, "evidence": "Call", "key": "advertising.promo"},
        {"rule": "advertising", "start": 5, "end": 9, "evidence": "Call", "key": "advertising.promo"},
        {"rule": "advertising", "start": 10, "end": 14, "evidence": "+374", "key": "advertising.phone"},
        {"rule": "off_topic", "start": 0, "end": 14, "evidence": "", "key": "off_topic.unrelated"},
    ]
    explained = explain(["advertising", "off_topic"], findings)
    assert [(rule["rule"], str(rule["name"])) for rule in explained] == [
        ("advertising", "No advertisements"),
        ("off_topic", "No off-topic comments"),
    ]
    assert [(str(r["explanation"]), r["words"]) for r in explained[0]["reasons"]] == [
        ("Words that sell or promote something.", ["Call"]),
        ("A telephone number.", ["+374"]),
    ]
    assert [r["words"] for r in explained[1]["reasons"]] == [[]]
