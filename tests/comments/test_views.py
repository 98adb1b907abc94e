"""The comment forms and pages: each refusal gives the reader the reason and their text back."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tribune.comments.models import Comment, Report, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    return client


def csrf_from(client, url):
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post_comment(client, article, words, **extra):
    cache.clear()
    token = csrf_from(client, article.url)
    return client.post(
        f"/en/comments/{article.pk}/write/", {"text": words, "csrfmiddlewaretoken": token, **extra}
    )


def test_a_reader_posts_and_lands_on_their_comment(signed_in, reader, article):
    response = post_comment(signed_in, article, "Well reported.")
    comment = Comment.objects.get(author=reader)
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    assert "Well reported." in signed_in.get(article.url).content.decode()


def test_a_post_without_the_csrf_token_is_refused(signed_in, reader, article):
    response = signed_in.post(f"/en/comments/{article.pk}/write/", {"text": "no token"})
    assert response.status_code == 403
    assert not Comment.objects.filter(author=reader).exists()


def test_anonymous_readers_are_sent_to_sign_in(client, article):
    response = client.post(f"/en/comments/{article.pk}/write/", {"text": "hello"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "Sign in to comment" in client.get(article.url).content.decode()


def test_an_oversized_comment_comes_back_with_the_reason_and_the_text(signed_in, reader, article):
    words = "word " * 700
    response = post_comment(signed_in, article, words)
    html = response.content.decode()
    assert response.status_code == 400
    assert "at most 3000 characters; this one has 3499" in html
    assert words.strip()[:200] in html
    assert not Comment.objects.filter(author=reader).exists()


def test_an_empty_comment_is_refused_with_a_message(signed_in, article):
    response = post_comment(signed_in, article, "   ")
    assert response.status_code == 400
    assert "Write something before you post." in response.content.decode()


def test_the_error_is_in_the_readers_language(reader, article):
    client = Client()
    client.force_login(reader)
    russian = article.get_translations().filter(locale__language_code="ru").first() or article
    response = client.post(f"/ru/comments/{russian.pk}/write/", {"text": ""})
    assert response.status_code == 400
    assert '<html lang="ru">' in response.content.decode()
    assert "Напишите что-нибудь" in response.content.decode()


def test_posting_to_a_closed_thread_is_refused(signed_in, article):
    article.comments_open = False
    article.save_revision().publish()
    assert "Comments on this article are closed." in signed_in.get(article.url).content.decode()
    token = csrf_from(signed_in, f"/en/comments/{article.pk}/write/")  # the page has no form now
    response = signed_in.post(
        f"/en/comments/{article.pk}/write/", {"text": "late", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 403


def test_posting_to_a_draft_page_is_a_404(signed_in, article):
    token = csrf_from(signed_in, article.url)
    article.unpublish()
    response = signed_in.post(
        f"/en/comments/{article.pk}/write/", {"text": "hello", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 404


def test_reply_edit_delete_and_report_pages(signed_in, reader, second_reader, article):
    other = Client()
    other.force_login(second_reader)
    cache.clear()
    other.post(f"/en/comments/{article.pk}/write/", {"text": "Theirs"})
    theirs = Comment.objects.get(author=second_reader)

    assert post_comment(signed_in, article, "Mine, replying", parent=theirs.pk).status_code == 302
    mine = Comment.objects.get(author=reader)
    assert mine.parent == theirs

    token = csrf_from(signed_in, f"/en/comments/c/{mine.pk}/edit/")
    response = signed_in.post(
        f"/en/comments/c/{mine.pk}/edit/", {"text": "Mine, edited", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    html = signed_in.get(article.url).content.decode()
    assert "Mine, edited" in html and "edited</span>" in html

    assert signed_in.get(f"/en/comments/c/{theirs.pk}/edit/").status_code == 404  # not theirs to edit

    token = csrf_from(signed_in, f"/en/comments/c/{theirs.pk}/report/")
    response = signed_in.post(
        f"/en/comments/c/{theirs.pk}/report/",
        {"reason": "off_topic", "note": "", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert Report.objects.filter(comment=theirs, reporter=reader, reason="off_topic").exists()
    second = signed_in.post(
        f"/en/comments/c/{theirs.pk}/report/", {"reason": "other", "csrfmiddlewaretoken": token}
    )
    assert second.status_code == 409
    assert "already reported" in second.content.decode()

    token = csrf_from(signed_in, f"/en/comments/c/{mine.pk}/delete/")
    assert (
        signed_in.post(f"/en/comments/c/{mine.pk}/delete/", {"csrfmiddlewaretoken": token}).status_code == 302
    )
    mine.refresh_from_db()
    assert mine.status == Status.DELETED
    assert "Mine, edited" not in signed_in.get(article.url).content.decode()


def test_more_comments_work_without_javascript(client, reader, article):
    from tribune.comments import text

    for number in range(25):
        Comment.objects.create(
            article=article,
            author=reader,
            status=Status.PUBLISHED,
            text=f"note {number}",
            html=text.render(f"note {number}"),
            language="en",
        )
    first = client.get(article.url).content.decode()
    more = (
        re.search(r'href="(/en/comments/\d+/\?order=newest&amp;offset=20)"', first)
        .group(1)
        .replace("&amp;", "&")
    )
    second = client.get(more).content.decode()
    assert "note 0" in second and "note 4" in second and "note 24" not in second


def test_the_more_fragment_for_the_script(client, reader, article):
    response = client.get(f"/en/comments/{article.pk}/more/", {"offset": "x", "order": "nonsense"})
    assert response.status_code == 200


def test_the_article_page_costs_the_same_queries_with_two_hundred_comments(reader, second_reader, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tribune.comments import text
    from tribune.core import page_cache

    def count_queries(client):
        page_cache.purge_all()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    viewer = Client()
    viewer.force_login(reader)
    viewer.get(article.url)  # renditions made
    before = count_queries(viewer)
    roots = [
        Comment.objects.create(
            article=article,
            author=second_reader,
            status=Status.PUBLISHED,
            text=f"t{n}",
            html=text.render(f"t{n}"),
            language="en",
        )
        for n in range(50)
    ]
    for n in range(150):
        root = roots[n % 50]
        Comment.objects.create(
            article=article,
            author=reader,
            parent=root,
            root=root,
            depth=1,
            status=Status.PUBLISHED,
            text=f"r{n}",
            html=text.render(f"r{n}"),
            language="en",
        )
    assert count_queries(viewer) == before


@pytest.mark.parametrize(
    ("words", "status", "rule", "message"),
    [
        (
            "Call +374 91 123 456 now, 50% discount on apricots, t.me/cheap_apricots",
            Status.REJECTED,
            "advertising",
            "the house rules do not allow advertising",
        ),
        ("You are a stupid idiot and a liar, shut up", Status.HELD, "abusive", "(abusive language)"),
    ],
)
def test_the_house_rules_hold_or_reject_and_the_reader_is_told_why(
    signed_in, reader, article, words, status, rule, message
):
    # First the nudge: nothing is stored until the reader chooses to send it anyway.
    nudged = post_comment(signed_in, article, words)
    assert nudged.status_code == 409
    assert not Comment.objects.filter(author=reader).exists()
    response = post_comment(signed_in, article, words, acknowledge_rules="1")
    assert response.status_code == 302
    comment = Comment.objects.get(author=reader)
    assert comment.status == status
    decision = comment.decisions.get()
    assert (decision.actor, decision.reason) == (None, rule)
    assert decision.details["acknowledged_rules"] is True
    assert decision.details["model_version"].startswith("houserules-")
    assert decision.details["scores"][rule] >= 0.5
    assert any(finding["rule"] == rule for finding in decision.details["findings"])
    page = signed_in.get(response["Location"]).content.decode()
    assert message in page
    assert (words[:20] in page) == (status == Status.HELD)  # a held comment is shown to its author only
    assert words[:20] not in Client().get(article.url).content.decode()


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Editor's pick"), ("ru", "Выбор редакции"), ("hy", "Խմբագրի ընտրություն")]
)
def test_an_editors_pick_leads_the_thread_and_is_marked(client, reader, second_reader, language, label):
    from tribune.comments import text
    from tribune.newsroom.models import ArticlePage

    article = (
        ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()
    )
    Comment.objects.filter(article=article).delete()
    picked = Comment.objects.create(
        article=article, author=reader, status=Status.PUBLISHED, text="picked words",
        html=text.render("picked words"), language=language, featured=True,
    )  # fmt: skip
    Comment.objects.create(
        article=article, author=second_reader, status=Status.PUBLISHED, text="newer words",
        html=text.render("newer words"), language=language,
    )  # fmt: skip
    html = client.get(article.url).content.decode()
    assert html.index("picked words") < html.index("newer words")  # newest first, but picked leads
    assert f'class="comment comment--pick" id="comment-{picked.pk}"' in html
    assert f'<span class="comment__pick">{label}</span>' in html.replace("&#x27;", "'")
    assert html.count('class="comment__pick"') == 1
