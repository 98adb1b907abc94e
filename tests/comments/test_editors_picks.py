"""Editors' picks from the comments on the home page of their language: shown while published,
gone from the shared page cache as soon as a pick changes."""

import pytest
from django.test import Client

from tribune.comments import services
from tribune.comments.models import Comment, Status
from tribune.newsroom.models import ArticlePage, HomePage

from .test_moderation_services import make_moderator, place

pytestmark = pytest.mark.django_db

HEADING = {
    "en": "Editor's picks from the comments",
    "ru": "Выбор редакции из комментариев",
    "hy": "Խմբագրության ընտրությունը մեկնաբանություններից",
}


@pytest.fixture
def moderator(db):
    return make_moderator("mod_picks", display_name="Mariam P.")


def newest_article(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


def home_url(language):
    return HomePage.objects.get(locale__language_code=language).url


def pick(moderator, comment, action=services.FEATURE):
    return services.comment_moderate(comment_id=comment.pk, moderator=moderator, action=action)


@pytest.fixture(autouse=True)
def _no_demo_picks(db):
    Comment.objects.filter(featured=True).update(featured=False)


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_a_pick_is_quoted_on_the_home_page_of_its_language_only(reader, moderator, language):
    article = newest_article(language)
    comment = place(reader, article, words="A careful reading of the budget figures, thank you.")
    pick(moderator, comment)
    html = Client().get(home_url(language)).content.decode()
    assert HEADING[language] in html
    assert "A careful reading of the budget figures, thank you." in html
    assert f"{article.url}#comment-{comment.pk}" in html
    for other in {"en", "ru", "hy"} - {language}:
        other_html = Client().get(home_url(other)).content.decode()
        assert "A careful reading of the budget figures" not in other_html
        assert HEADING[other] not in other_html  # no picks in that language: no empty section


def test_without_picks_the_home_page_has_no_picks_section(client):
    assert HEADING["en"] not in client.get(home_url("en")).content.decode()


def test_a_picks_markup_is_shown_as_text(reader, moderator):
    comment = place(reader, newest_article("en"), words='<script>alert("x")</script> fair point')
    pick(moderator, comment)
    html = Client().get(home_url("en")).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; fair point" in html


def test_a_long_pick_is_shortened_on_the_home_page(reader, moderator):
    words = "Budget " * 100
    pick(moderator, place(reader, newest_article("en"), words=words))
    html = Client().get(home_url("en")).content.decode()
    assert words.strip() not in html
    assert ("Budget " * 39).strip() in html and "…" in html


def test_only_the_three_latest_picks_are_shown(reader, moderator):
    article = newest_article("en")
    for number in range(1, 5):
        pick(moderator, place(reader, article, words=f"Picked comment number {number}."))
    html = Client().get(home_url("en")).content.decode()
    assert "Picked comment number 1." not in html
    assert all(f"Picked comment number {n}." in html for n in (2, 3, 4))


@pytest.mark.parametrize(
    "undo",
    [
        pytest.param(lambda moderator, comment: pick(moderator, comment, services.UNFEATURE), id="unpicked"),
        pytest.param(
            lambda moderator, comment: services.comment_moderate(
                comment_id=comment.pk, moderator=moderator, action=services.REJECT, reason="off_topic"
            ),
            id="rejected",
        ),
        pytest.param(
            lambda moderator, comment: services.comment_delete(comment=comment, actor=comment.author),
            id="deleted-by-its-author",
        ),
    ],
)
def test_a_pick_that_changes_leaves_the_cached_home_page_at_once(
    reader, moderator, undo, django_capture_on_commit_callbacks
):
    comment = place(reader, newest_article("en"), words="Worth reading twice.")
    with django_capture_on_commit_callbacks(execute=True):
        pick(moderator, comment)
    assert "Worth reading twice." in Client().get(home_url("en")).content.decode()
    assert Client().get(home_url("en"))["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        undo(moderator, Comment.objects.get(pk=comment.pk))
    after = Client().get(home_url("en"))
    assert after["X-Page-Cache"] == "miss"
    assert "Worth reading twice." not in after.content.decode()


def test_a_held_pick_is_not_shown(reader, moderator):
    comment = place(reader, newest_article("en"), words="Held after all.")
    pick(moderator, comment)
    Comment.objects.filter(pk=comment.pk).update(status=Status.HELD)
    assert "Held after all." not in Client().get(home_url("en")).content.decode()
