"""The desk's people and comments: a moderator of each kind, readers, and comments in each state.

Comments are stored as the services would have left them (with their submission Decision), so the
queues can be filled quickly; every decision a test makes goes through the services or the views."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from tribune.comments import text
from tribune.comments.models import Comment, Decision, Status
from tribune.newsroom.models import ArticlePage

_numbers = itertools.count(1)


def make_user(username, *, groups=(), **fields):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@desk.example",
        password="pw",
        display_name=fields.pop("display_name", username.replace("_", " ").title()),
        **fields,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_comment(article, author, words=None, *, status=Status.PUBLISHED, minutes_ago=None, **fields):
    """A comment as `comment_submit` would have stored it, with its submission Decision."""
    words = words or f"A comment about the article, number {next(_numbers)}."
    comment = Comment.objects.create(
        article=article,
        author=author,
        status=status,
        text=words,
        html=text.render(words),
        language=article.locale.language_code,
        **fields,
    )
    if minutes_ago is not None:
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
        )
        comment.refresh_from_db()
    Decision.objects.create(
        comment=comment,
        action=Decision.Action.SUBMIT,
        to_status=status,
        reason=fields.get("held_for", ""),
        details={"author": author.pk if author else None, "scores": fields.get("scores", {})},
    )
    return comment


@pytest.fixture
def private_cache(settings):
    """A cache of this test process alone: the queues' counts are cached, and a cache shared with
    other test processes (Redis) would mix their counts with ours."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "desk-tests"}
    }
    cache.clear()
    yield
    cache.clear()


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def _article(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


@pytest.fixture
def article(db):
    return _article("en")


@pytest.fixture
def other_article(db, article):
    return (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(pk=article.pk)
        .order_by("-published_at")
        .first()
    )


@pytest.fixture
def ru_article(db):
    return _article("ru")


@pytest.fixture
def hy_article(db):
    return _article("hy")


@pytest.fixture
def reader(db):
    return make_user("reader_one", display_name="Reader One")


@pytest.fixture
def second_reader(db):
    return make_user("reader_two", display_name="Reader Two")


@pytest.fixture
def moderator(db):
    return make_user("anna", groups=["Moderators"], display_name="Anna")


@pytest.fixture
def second_moderator(db):
    return make_user("boris", groups=["Moderators"], display_name="Boris")


@pytest.fixture
def hy_moderator(db):
    """A moderator who decides Armenian comments only."""
    return make_user("gohar", groups=["Moderators"], display_name="Gohar", moderation_languages="hy")


@pytest.fixture
def editor(db):
    return make_user("edith", groups=["Editors"], display_name="Edith", is_staff=True)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="root_admin", email="root@desk.example", password="pw"
    )


def fill_queue(queue, article, author, count, *, claimed_by=None, moderator=None):
    """`count` comments waiting in `queue` (stored in bulk: the queues' query counts are measured at
    a thousand rows), with findings, scores and, for some, a claim by `claimed_by`."""
    from tribune.comments.models import Appeal, Report

    now = timezone.now()
    base = {
        "article": article,
        "author": author,
        "language": article.locale.language_code,
        "scores": {"abusive": 0.91, "filthy": 0.02, "advertising": 0.1, "off_topic": 0.3},
        "findings": [{"rule": "abusive", "start": 0, "end": 5, "evidence": "Idiot", "key": "insult"}],
        "claimed_by": claimed_by,
        "claimed_until": now + datetime.timedelta(minutes=5) if claimed_by else None,
    }
    state = {
        "held": {"status": Status.HELD, "held_for": "abusive"},
        "reported": {"status": Status.PUBLISHED, "open_reports": 1},
        "off_topic": {"status": Status.PUBLISHED, "flags": ["off_topic"]},
        "unmoderated": {"status": Status.PUBLISHED},
        "appeals": {"status": Status.REJECTED, "reviewed_at": now, "reviewed_by": moderator},
        "approved": {"status": Status.PUBLISHED, "reviewed_at": now, "reviewed_by": moderator},
        "rejected": {"status": Status.REJECTED, "reviewed_at": now, "reviewed_by": moderator},
    }[queue]
    rows = [
        Comment(text=f"Idiot, number {next(_numbers)}.", html="<p>Idiot.</p>", **base, **state)
        for _i in range(count)
    ]
    comments = Comment.objects.bulk_create(rows)
    if queue == "reported":
        Report.objects.bulk_create(
            Report(comment=c, reporter=None, reason="abusive", note="rude") for c in comments
        )
    if queue == "appeals":
        Appeal.objects.bulk_create(
            Appeal(comment=c, author=author, text="Please look again.") for c in comments
        )
    return comments
