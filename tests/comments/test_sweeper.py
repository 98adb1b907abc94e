"""The periodic sweep: undecided comments scored by an older model are screened again, decided ones
are left alone, stale unmoderated comments are counted, and running it twice changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tribune.comments import tasks, text
from tribune.comments.models import Comment, CommentSettings, Decision, Status
from tribune.houserules import model_version
from tribune.newsroom.models import ArticlePage

from .conftest import make_reader

pytestmark = pytest.mark.django_db

OLD = "houserules-2020.01.01"
INSULT_HY = "Հեղինակը ապուշ է, ոչինչ չի հասկանում այս թեմայից։"


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    user = make_reader("sweep_moderator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def hy_article(db):
    return ArticlePage.objects.live().filter(locale__language_code="hy").order_by("-published_at").first()


@pytest.fixture(autouse=True)
def no_other_comments(db):
    """Only the comments a test makes: the demo's are removed (the test's transaction restores them)."""
    Comment.objects.all().delete()


def stored(article, author, words="A fair point about the budget.", *, status=Status.PUBLISHED, **fields):
    """A comment as screened by the model `OLD` (or as `fields` say)."""
    fields.setdefault("model_version", OLD)
    comment = Comment.objects.create(
        article=article,
        author=author,
        status=status,
        text=words,
        html=text.render(words),
        language=article.locale.language_code,
        **fields,
    )
    Decision.objects.create(comment=comment, action=Decision.Action.SUBMIT, to_status=status)
    return comment


def rescreens(comment):
    return Decision.objects.filter(comment=comment, action=Decision.Action.RESCREEN).count()


def test_the_current_model_version_is_the_engines():
    assert tasks.current_model_version() == model_version()
    assert model_version()


def test_comments_scored_by_an_older_model_are_screened_again(reader, article):
    published = stored(article, reader)
    held = stored(article, reader, "Waiting for a look.", status=Status.HELD, held_for="engine_unavailable")
    counts = tasks.sweep.call()
    assert counts["rescreened"] == 2
    for comment in (published, held):
        comment.refresh_from_db()
        assert comment.model_version == model_version()
        assert set(comment.scores) == {"abusive", "filthy", "advertising", "off_topic"}
        assert rescreens(comment) == 1
    assert published.status == Status.PUBLISHED
    assert held.status == Status.HELD  # screening again never publishes a held comment


def test_a_published_comment_the_new_model_holds_goes_to_the_held_queue(reader, hy_article):
    insult = stored(hy_article, reader, INSULT_HY)
    counts = tasks.sweep.call()
    insult.refresh_from_db()
    assert (insult.status, insult.held_for) == (Status.HELD, "abusive")
    assert counts["newly_held"] == 1


def test_decided_comments_are_left_as_the_moderator_left_them(reader, moderator, article):
    reviewed = stored(article, reader, reviewed_at=timezone.now(), reviewed_by=moderator)
    rejected = stored(article, reader, "Gone.", status=Status.REJECTED)
    current = stored(article, reader, "Already current.", model_version=model_version())
    counts = tasks.sweep.call()
    assert counts["rescreened"] == 0
    for comment in (reviewed, rejected, current):
        before = comment.model_version
        comment.refresh_from_db()
        assert comment.model_version == before
        assert rescreens(comment) == 0


def test_running_the_sweep_twice_is_harmless(reader, article):
    stored(article, reader)
    stored(article, reader, "Another one.")
    first = tasks.sweep.call()
    decisions = Decision.objects.count()
    second = tasks.sweep.call()
    assert (first["rescreened"], second["rescreened"]) == (2, 0)
    assert Decision.objects.count() == decisions


def test_a_comment_deleted_meanwhile_is_skipped_quietly(reader, article, monkeypatch):
    kept = stored(article, reader)
    doomed = stored(article, reader, "Soon gone.")
    rescreen = tasks.services.comment_rescreen

    def delete_then_rescreen(*, comment_id):
        Comment.objects.filter(pk=doomed.pk).delete()  # the row vanishes between batch and rescreen
        return rescreen(comment_id=comment_id)

    monkeypatch.setattr(tasks.services, "comment_rescreen", delete_then_rescreen)
    counts = tasks.sweep.call()
    assert (counts["rescreened"], counts["skipped"]) == (1, 1)
    kept.refresh_from_db()
    assert kept.model_version == model_version()
    assert not Comment.objects.filter(pk=doomed.pk).exists()


def test_the_sweep_goes_through_every_batch(reader, article):
    comments = [stored(article, reader, f"Point number {n}.") for n in range(5)]
    counts = tasks.sweep.call(batch_size=2)
    assert counts["rescreened"] == 5
    assert all(rescreens(comment) == 1 for comment in comments)


def test_with_the_engine_switched_off_nothing_is_screened(reader, article):
    CommentSettings.objects.update_or_create(
        site_id=article.get_site().pk, defaults={"engine_enabled": False}
    )
    comment = stored(article, reader)
    assert tasks.sweep.call()["rescreened"] == 0
    assert rescreens(comment) == 0


def test_published_comments_nobody_reviewed_for_a_day_are_counted(reader, moderator, article):
    def aged(hours, **fields):
        comment = stored(
            article, reader, f"Written {hours} hours ago.", model_version=model_version(), **fields
        )
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - datetime.timedelta(hours=hours)
        )
        return comment

    aged(30)
    aged(2)
    aged(40, reviewed_at=timezone.now(), reviewed_by=moderator)
    aged(50, status=Status.HELD)
    assert tasks.sweep.call()["stale"] == 1
    assert tasks.sweep.call(stale_after_hours=1)["stale"] == 2
    assert tasks.stale_unmoderated().count() == 1


def test_the_task_runs_through_the_task_backend(reader, article):
    stored(article, reader)
    result = tasks.sweep.enqueue()
    assert result.is_finished
    assert result.return_value["rescreened"] == 1


@pytest.mark.parametrize("arguments", [[], ["--now"]])
def test_the_command_sweeps_and_says_what_it_did(reader, article, arguments):
    comment = stored(article, reader)
    out = io.StringIO()
    call_command("sweep_comments", "--hours", "12", *arguments, stdout=out)
    assert "1 comments screened again (0 now held)" in out.getvalue()
    assert rescreens(comment) == 1
