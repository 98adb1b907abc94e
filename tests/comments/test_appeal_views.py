"""Appealing a moderator's decision from the site: the author sees their rejected or removed
comment and appeals once, in time; every refusal is a clear message with its status code."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from tribune.comments import services, text
from tribune.comments.models import Appeal, Comment, Decision, Status
from tribune.newsroom.models import ArticlePage

from .conftest import make_reader

pytestmark = pytest.mark.django_db

WORDS = "The mayor is a clown and his team are clowns too."
WENT = {
    "en": "Your appeal went to the editors; their answer is final.",
    "ru": "Ваша апелляция передана редакции; её решение окончательное.",
    "hy": "Ձեր վիճարկումը փոխանցվել է խմբագրությանը․ նրա պատասխանը վերջնական է։",
}
HEADING = {
    "en": "Appeal a moderator's decision",
    "ru": "Обжаловать решение модератора",
    "hy": "Վիճարկել մոդերատորի որոշումը",
}
SEND = {"en": "Send my appeal", "ru": "Отправить апелляцию", "hy": "Ուղարկել վիճարկումը"}


def article_in(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


@pytest.fixture
def moderator(db):
    user = make_reader("mod_appeals")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def signed_in(reader):
    client = Client()
    client.force_login(reader)
    return client


def published(author, article, words=WORDS):
    return Comment.objects.create(
        article=article,
        author=author,
        status=Status.PUBLISHED,
        text=words,
        html=text.render(words),
        language=article.locale.language_code,
    )


def decided(author, moderator, article=None, action="reject", reason="abusive", note=""):
    comment = published(author, article or article_in("en"))
    services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action=action, reason=reason, note=note
    )
    comment.refresh_from_db()
    return comment


def appeal_url(comment, language="en"):
    return f"/{language}/comment/{comment.pk}/appeal/"


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_the_author_sees_the_comment_the_decision_and_the_form(signed_in, reader, moderator, language):
    comment = decided(reader, moderator, article_in(language), note="Name-calling")
    response = signed_in.get(appeal_url(comment, language))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert HEADING[language] in html and SEND[language] in html
    assert "The mayor is a clown" in html and "Name-calling" in html
    rule = {"en": "“Be polite”", "ru": "«Будьте вежливы»", "hy": "«Եղեք քաղաքավարի»"}
    assert rule[language] in html
    assert f'action="/{language}/comment/{comment.pk}/appeal/"' in html
    assert 'data-max-length="2000"' in html


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_an_appeal_goes_to_the_editors_and_the_author_is_told_their_answer_is_final(
    signed_in, reader, moderator, language
):
    comment = decided(reader, moderator, article_in(language), action="delete", reason="off_topic")
    response = signed_in.post(appeal_url(comment, language), {"text": "It was about the mayor's budget."})
    assert response.status_code == 302
    assert response["Location"] == appeal_url(comment, language)
    appeal = Appeal.objects.get(comment=comment)
    assert (appeal.author, appeal.text, appeal.outcome) == (
        reader,
        "It was about the mayor's budget.",
        "open",
    )
    assert comment.decisions.filter(action=Decision.Action.APPEAL, actor=reader).exists()
    html = signed_in.get(response["Location"]).content.decode()
    assert html.count(WENT[language]) == 2  # the message after posting, and the appeal's state
    assert SEND[language] not in html


def test_a_second_appeal_is_refused(signed_in, reader, moderator):
    comment = decided(reader, moderator)
    signed_in.post(appeal_url(comment), {"text": "Please look again."})
    response = signed_in.post(appeal_url(comment), {"text": "Please, once more."})
    assert response.status_code == 409
    html = response.content.decode()
    assert "You have already appealed this decision; a comment can be appealed once." in html
    assert "Please look again." in html and "Send my appeal" not in html
    assert Appeal.objects.filter(comment=comment).count() == 1


def test_an_answered_appeal_shows_its_outcome(signed_in, reader, moderator):
    comment = decided(reader, moderator)
    appeal = services.comment_appeal(comment=comment, author=reader, text_raw="Please look again.")
    services.appeal_decide(appeal_id=appeal.pk, moderator=moderator, restore=False, note="Still an insult")
    html = signed_in.get(appeal_url(comment, "ru")).content.decode()
    assert "Редакция оставила решение в силе. Её ответ окончательный." in html
    assert "Still an insult" in html


def test_someone_elses_comment_cannot_be_appealed_and_is_not_shown(signed_in, second_reader, moderator):
    comment = decided(second_reader, moderator)
    for response in (
        signed_in.get(appeal_url(comment)),
        signed_in.post(appeal_url(comment), {"text": "mine?"}),
    ):
        html = response.content.decode()
        assert response.status_code == 403
        assert "Only a comment a moderator rejected or removed can be appealed, by its author." in html
        assert "The mayor is a clown" not in html
    assert not Appeal.objects.filter(comment=comment).exists()


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_after_the_deadline_the_appeal_is_refused(signed_in, reader, moderator, language):
    """The period is said with the plural its number needs ("14 дней", not "14 дн.")."""
    comment = decided(reader, moderator)
    Decision.objects.filter(comment=comment, action=Decision.Action.REJECT).update(
        created_at=comment.reviewed_at - datetime.timedelta(days=15)
    )
    closed = {
        "en": "Appeals are possible for 14 days after the decision; this time has passed.",
        "ru": "Решение можно обжаловать в течение 14 дней после его принятия; этот срок истёк.",
        "hy": "Որոշումը կարելի է վիճարկել դրա կայացումից հետո 14 օրվա ընթացքում․ այդ ժամկետն անցել է։",
    }
    get = signed_in.get(appeal_url(comment, language))
    assert get.status_code == 403
    assert closed[language] in get.content.decode()
    assert SEND[language] not in get.content.decode()
    post = signed_in.post(appeal_url(comment, language), {"text": "Late, sorry."})
    assert post.status_code == 403
    assert closed[language] in post.content.decode()
    assert not Appeal.objects.filter(comment=comment).exists()


@pytest.mark.parametrize("status", [Status.REJECTED, Status.PUBLISHED, Status.HELD])
def test_only_a_moderators_decision_can_be_appealed(signed_in, reader, status):
    comment = published(reader, article_in("en"))
    Comment.objects.filter(pk=comment.pk).update(status=status)  # e.g. rejected by the house rules
    for response in (
        signed_in.get(appeal_url(comment)),
        signed_in.post(appeal_url(comment), {"text": "Why?"}),
    ):
        assert response.status_code == 403
        assert "Only a comment a moderator rejected or removed can be appealed" in response.content.decode()
    assert not Appeal.objects.filter(comment=comment).exists()


def test_a_comment_the_house_rules_rejected_cannot_be_appealed(signed_in, reader):
    article = article_in("en")
    cache.clear()
    signed_in.post(
        f"/en/comments/{article.pk}/write/",
        {
            "text": "Call +374 91 123 456 now, 50% discount on apricots, t.me/cheap_apricots",
            "acknowledge_rules": "1",
        },
    )
    comment = Comment.objects.get(author=reader)
    assert comment.status == Status.REJECTED
    assert signed_in.get(appeal_url(comment)).status_code == 403


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("   ", "Say why you think the decision was wrong."),
        ("x" * 2001, "An appeal may have at most 2000 characters; this one has 2001"),
    ],
)
def test_an_empty_or_long_appeal_comes_back_with_the_reason_and_the_text(
    signed_in, reader, moderator, words, message
):
    comment = decided(reader, moderator)
    response = signed_in.post(appeal_url(comment), {"text": words})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Send my appeal" in html and words.strip()[:100] in html
    assert not Appeal.objects.filter(comment=comment).exists()


def test_the_appeal_page_needs_the_author_signed_in_and_the_csrf_token(reader, moderator):
    comment = decided(reader, moderator)
    anonymous = Client().get(appeal_url(comment))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/en/accounts/login/")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)
    assert strict.post(appeal_url(comment), {"text": "Please."}).status_code == 403
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', strict.get(appeal_url(comment)).content.decode()
    )
    response = strict.post(appeal_url(comment), {"text": "Please.", "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assert Appeal.objects.filter(comment=comment).exists()


def test_a_missing_comment_is_a_404(signed_in):
    assert signed_in.get("/en/comment/999999999/appeal/").status_code == 404


def test_the_rejected_comment_stays_out_of_the_thread_and_the_notices_lead_to_the_appeal(
    signed_in, reader, moderator
):
    article = article_in("en")
    comment = decided(reader, moderator, article)
    assert "The mayor is a clown" not in signed_in.get(article.url).content.decode()
    notices_page = signed_in.get("/en/accounts/notices/").content.decode()
    assert f'<a class="button" href="/en/comment/{comment.pk}/appeal/">Appeal</a>' in notices_page
    signed_in.post(appeal_url(comment), {"text": "Please look again."})
    notices_page = signed_in.get("/en/accounts/notices/").content.decode()
    assert "You appealed: the editors have not answered yet." in notices_page
    assert 'class="button"' not in notices_page
