"""The article page keeps one rendering of each thread for all anonymous readers (keyed on the
thread's version, the language and the order): nothing personal gets into it, and every change that
readers should see makes a new one."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from tribune.accounts.services import profile_update
from tribune.comments import services, thread_cache
from tribune.comments.models import Comment, Report, Status
from tribune.core import page_cache

from .test_moderation_services import FAIR, make_moderator, place

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return make_moderator("mod_fragments")


@pytest.fixture
def thread(article):
    """The article with a fresh thread (the demo's comments removed)."""
    Comment.objects.filter(article=article).delete()
    return article


def page_for(article, client=None):
    """The article page as rendered by Django, not from the anonymous page cache."""
    page_cache.purge_paths([article.url])
    response = (client or Client()).get(article.url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"
    return response.content.decode()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def comment_queries(queries):
    return [q["sql"] for q in queries.captured_queries if '"comments_comment"' in q["sql"]]


def test_anonymous_readers_share_one_rendering_of_the_thread(thread, reader):
    place(reader, thread, words="Shared by every anonymous reader.")
    first = page_for(thread)
    with CaptureQueriesContext(connection) as queries:
        second = page_for(thread)
    assert "Shared by every anonymous reader." in second
    assert comment_queries(queries) == []
    assert second == first


@pytest.mark.parametrize("anonymous_first", [True, False], ids=["anonymous-first", "signed-in-first"])
def test_the_shared_rendering_holds_nothing_personal(thread, reader, second_reader, anonymous_first):
    place(reader, thread, words="My published comment.")
    place(reader, thread, status=Status.HELD, words="My comment waiting for the desk.")
    theirs = place(second_reader, thread, words="Their published comment.")
    Report.objects.create(comment=theirs, reporter=reader, reason="off_topic")
    if anonymous_first:
        anonymous = page_for(thread)
        personal = page_for(thread, signed_in(reader))
    else:
        personal = page_for(thread, signed_in(reader))
        anonymous = page_for(thread)
    for words in ("My published comment.", "Their published comment."):
        assert words in anonymous and words in personal
    # The reader's own: the waiting comment, Edit and Delete; others': Reply, their own report.
    personal_only = [
        "My comment waiting for the desk.",
        "Waiting for review: only you can see it.",
        "/edit/",
        "/delete/",
        "You reported this comment",
        "?parent=",
    ]
    for text in personal_only:
        assert text in personal
        assert text not in anonymous


def test_the_edit_link_goes_when_the_edit_window_closes(thread, reader):
    """Signed-in readers' pages are rendered for them each time: what depends on the clock is right."""
    mine = place(reader, thread, words="Written a moment ago.")
    client = signed_in(reader)
    assert f"/comments/c/{mine.pk}/edit/" in page_for(thread, client)
    Comment.objects.filter(pk=mine.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    assert f"/comments/c/{mine.pk}/edit/" not in page_for(thread, client)


def test_a_new_comment_shows(thread, reader, django_capture_on_commit_callbacks):
    page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_submit(author=reader, article=thread, text_raw=FAIR)
    assert comment.status == Status.PUBLISHED
    assert FAIR in page_for(thread)


def test_a_moderators_rejection_removes_the_comment(
    thread, reader, moderator, django_capture_on_commit_callbacks
):
    comment = place(reader, thread, words="Soon rejected by the desk.")
    assert "Soon rejected by the desk." in page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(
            comment_id=comment.pk, moderator=moderator, action=services.REJECT, reason="off_topic"
        )
    assert "Soon rejected by the desk." not in page_for(thread)


def test_an_authors_edit_shows_with_its_label(thread, reader, django_capture_on_commit_callbacks):
    comment = place(reader, thread, words="Before the edit.")
    assert 'class="comment__edited"' not in page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_edit(comment=comment, editor=reader, text_raw="After the edit, with a fix.")
    html = page_for(thread)
    assert "After the edit, with a fix." in html
    assert "Before the edit." not in html
    assert 'class="comment__edited"' in html


def test_an_authors_delete_removes_the_comment(thread, reader, django_capture_on_commit_callbacks):
    comment = place(reader, thread, words="Soon deleted by its author.")
    assert "Soon deleted by its author." in page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_delete(comment=comment, actor=reader)
    assert "Soon deleted by its author." not in page_for(thread)


def test_a_new_display_name_shows_on_the_comments_and_replies_to_them(
    thread, reader, second_reader, django_capture_on_commit_callbacks
):
    mine = place(reader, thread, words="Mine.")
    reply = place(second_reader, thread, words="An answer.", parent=mine)
    place(second_reader, thread, words="An answer to the answer.", parent=reply)
    deeper = place(second_reader, thread, words="Deeper.", parent=reply, in_reply_to=reply)
    assert deeper.in_reply_to_id
    assert "Old Name" not in page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        profile_update(user=second_reader, display_name="Old Name", language="en")
    assert page_for(thread).count("Old Name") == 4  # the author of 3 comments, and "in reply to"
    with django_capture_on_commit_callbacks(execute=True):
        profile_update(user=second_reader, display_name="New Name", language="en")
    html = page_for(thread)
    assert "Old Name" not in html
    assert "New Name" in html


def test_the_same_display_name_moves_no_thread_on(thread, reader, django_capture_on_commit_callbacks):
    place(reader, thread, words="Mine.")
    before = thread_cache.version(thread.pk)
    with django_capture_on_commit_callbacks(execute=True):
        profile_update(user=reader, display_name=reader.display_name, language="ru")
    assert thread_cache.version(thread.pk) == before
    reader.refresh_from_db()
    assert reader.language == "ru"


def test_an_editors_pick_is_marked(thread, reader, moderator, django_capture_on_commit_callbacks):
    comment = place(reader, thread, words="Worth picking.")
    assert 'class="comment__pick"' not in page_for(thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(comment_id=comment.pk, moderator=moderator, action=services.FEATURE)
    assert 'class="comment__pick"' in page_for(thread)


def test_each_language_has_its_own_rendering(thread, reader):
    place(reader, thread, words="Labels follow the language.")
    section = Template("{% load comments_tags %}{% comments_section article %}")
    request = RequestFactory().get(thread.url)
    request.user = AnonymousUser()
    labels = {}
    rendered = {}
    for language in ("en", "ru", "hy", "en"):
        with translation.override(language):
            labels[language] = gettext("newest first")
            rendered[language] = section.render(Context({"request": request, "article": thread}))
    assert len(set(labels.values())) == 3  # translated, so each rendering can be told apart
    for language, html in rendered.items():
        assert "Labels follow the language." in html
        assert labels[language] in html
        assert all(label not in html for code, label in labels.items() if code != language)


def test_each_order_has_its_own_rendering(thread, reader):
    older = place(reader, thread, words="The older one.")
    place(reader, thread, words="The newer one.")
    Comment.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    page_cache.purge_all()
    client = Client()
    newest = client.get(thread.url).content.decode()
    oldest = client.get(thread.url, {"order": "oldest"}).content.decode()
    assert newest.index("The newer one.") < newest.index("The older one.")
    assert oldest.index("The older one.") < oldest.index("The newer one.")


def test_a_name_changed_on_the_profile_page_shows_on_the_cached_thread(
    thread, reader, django_capture_on_commit_callbacks
):
    place(reader, thread, words="Signed with my name.")
    assert "Renamed Reader" not in page_for(thread)
    client = signed_in(reader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/profile/", {"display_name": "Renamed Reader", "language": "en"})
    assert response.status_code == 302
    assert "Renamed Reader" in page_for(thread)
