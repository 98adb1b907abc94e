"""Two people doing the same thing at the same moment, each on their own database connection: one
wins, the other is told, and nothing is decided, reported or appealed twice.

These tests need rows that other connections can see, so everything they write is written from
threads of its own, committed, and deleted at the end; the test's own connection only reads. (A test
marked `transaction=True` would instead empty every table afterwards, the seeded demo that the other
tests read included.) Each service call is slowed down while it holds its transaction, so that the
second caller surely arrives while the first is inside."""

import functools
import threading
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, connections

from tribune.comments import errors, services
from tribune.comments.models import Appeal, Comment, Decision, Report, Status
from tribune.newsroom.models import ArticlePage

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises writers; the row lock is checked on PostgreSQL",
    ),
    pytest.mark.django_db,
]

HUMAN = [
    Decision.Action.APPROVE,
    Decision.Action.REJECT,
    Decision.Action.REMOVE,
    Decision.Action.RESTORE,
    Decision.Action.UPHOLD,
]
PAUSE = 0.3  # seconds a caller keeps its transaction open


def elsewhere(call):
    """Run `call` in a thread on a connection of its own, outside the test's transaction, so that
    what it writes is committed; returns its result or raises its error."""
    box = {}

    def run():
        try:
            box["result"] = call()
        except Exception as error:
            box["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in box:
        raise box["error"]
    return box.get("result")


class Committed:
    """Makes users and comments in committed transactions, and deletes them at the end."""

    def __init__(self):
        self.users = []
        self.tag = uuid.uuid4().hex[:8]
        self.article = (
            ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()
        )

    def user(self, name, group=None, display_name=None):
        return elsewhere(lambda: self._user(name, group, display_name))

    def _user(self, name, group, display_name):
        user = get_user_model().objects.create_user(
            username=f"{name}_{self.tag}",
            email=f"{name}_{self.tag}@race.example",
            password="pw",
            display_name=display_name or name,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        self.users.append(user)
        return user

    def comment(self, author, status=Status.HELD, words="A comment to decide."):
        return elsewhere(lambda: self._comment(author, status, words))

    def _comment(self, author, status, words):
        comment = Comment.objects.create(
            article=self.article,
            author=author,
            status=status,
            text=words,
            html=f"<p>{words}</p>",
            language="en",
            held_for="abusive" if status == Status.HELD else "",
        )
        Decision.objects.create(comment=comment, action=Decision.Action.SUBMIT, to_status=status)
        return comment

    def clean(self):
        def delete():
            Comment.objects.filter(author__in=self.users).delete()
            get_user_model().objects.filter(pk__in=[u.pk for u in self.users]).delete()

        elsewhere(delete)


@pytest.fixture
def committed():
    made = Committed()
    try:
        yield made
    finally:
        made.clean()
        cache.clear()


def slowed(monkeypatch, owner, name):
    """`owner.name` made to wait a moment before it does its work."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def slow(*args, **kwargs):
        time.sleep(PAUSE)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, slow)


def at_once(*calls):
    """Run each call in its own thread, each with its own connection, all starting together.
    Returns, per call, ("ok", result) or ("refused", error)."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = ("ok", call())
        except Exception as error:  # the refusal is the outcome under test
            outcomes[index] = ("refused", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def one_wins(outcomes, refusals=(errors.AlreadyDecided, errors.NotAllowedNow)):
    won = [result for kind, result in outcomes if kind == "ok"]
    lost = [error for kind, error in outcomes if kind == "refused"]
    assert len(won) == 1, outcomes
    assert len(lost) == len(outcomes) - 1
    assert all(isinstance(error, refusals) for error in lost), lost
    return won[0], lost


def test_two_moderators_deciding_one_held_comment_at_once_decide_it_once(committed, monkeypatch):
    author = committed.user("author")
    ani = committed.user("ani", "Moderators", "Ani M.")
    davit = committed.user("davit", "Moderators", "Davit K.")
    comment = committed.comment(author)
    seen = Decision.objects.filter(comment=comment).latest("pk").pk
    slowed(monkeypatch, services, "_tell_author")

    outcomes = at_once(
        lambda: services.comment_moderate(comment_id=comment.pk, moderator=ani, action="approve", seen=seen),
        lambda: services.comment_moderate(
            comment_id=comment.pk, moderator=davit, action="reject", reason="abusive", seen=seen
        ),
    )
    _, lost = one_wins(outcomes)
    decisions = list(Decision.objects.filter(comment=comment, action__in=HUMAN))
    assert len(decisions) == 1
    winner = decisions[0]
    comment.refresh_from_db()
    assert comment.status == winner.to_status
    assert comment.reviewed_by_id == winner.actor_id
    assert winner.actor.public_name in str(lost[0])


def test_two_moderators_approving_one_held_comment_at_once_approve_it_once(committed, monkeypatch):
    author = committed.user("author")
    ani = committed.user("ani", "Moderators", "Ani M.")
    davit = committed.user("davit", "Moderators", "Davit K.")
    comment = committed.comment(author)
    slowed(monkeypatch, services, "_tell_author")

    outcomes = at_once(
        *(
            functools.partial(
                services.comment_moderate, comment_id=comment.pk, moderator=who, action="approve"
            )
            for who in (ani, davit)
        )
    )
    one_wins(outcomes)
    assert Decision.objects.filter(comment=comment, action__in=HUMAN).count() == 1
    assert Comment.objects.get(pk=comment.pk).status == Status.PUBLISHED


def test_two_reports_by_one_reader_at_once_make_one_report(committed, monkeypatch):
    author = committed.user("author")
    reporter = committed.user("reporter")
    comment = committed.comment(author, status=Status.PUBLISHED)
    slowed(monkeypatch, services.ratelimit, "hit")  # between the check and the insert

    outcomes = at_once(
        *(
            functools.partial(services.comment_report, comment=comment, reporter=reporter, reason=reason)
            for reason in ("abusive", "off_topic")
        )
    )
    one_wins(outcomes, refusals=(errors.AlreadyReported,))
    assert Report.objects.filter(comment=comment).count() == 1
    assert Comment.objects.get(pk=comment.pk).open_reports == 1
    assert Decision.objects.filter(comment=comment, action=Decision.Action.REPORT).count() == 1


def test_two_appeals_at_once_make_one_appeal(committed, monkeypatch):
    author = committed.user("author")
    ani = committed.user("ani", "Moderators", "Ani M.")
    comment = committed.comment(author)
    elsewhere(
        lambda: services.comment_moderate(
            comment_id=comment.pk, moderator=ani, action="reject", reason="abusive"
        )
    )
    comment.refresh_from_db()
    slowed(monkeypatch, services, "comment_settings")  # between the check and the insert

    outcomes = at_once(
        *(
            functools.partial(services.comment_appeal, comment=comment, author=author, text_raw=words)
            for words in ("Please look again.", "I meant no insult.")
        )
    )
    one_wins(outcomes, refusals=(errors.AlreadyAppealed,))
    assert Appeal.objects.filter(comment=comment).count() == 1
    assert Decision.objects.filter(comment=comment, action=Decision.Action.APPEAL).count() == 1


def test_a_bulk_rejection_racing_an_approval_leaves_one_decision_on_each_comment(committed, monkeypatch):
    author = committed.user("author")
    ani = committed.user("ani", "Moderators", "Ani M.")
    davit = committed.user("davit", "Moderators", "Davit K.")
    comments = [committed.comment(author, words=f"Comment {n}.") for n in range(3)]
    contested = comments[1]
    seen = Decision.objects.latest("pk").pk
    slowed(monkeypatch, services, "_tell_author")

    outcomes = at_once(
        lambda: services.comments_moderate_bulk(
            comment_ids=[contested.pk] + [c.pk for c in comments if c != contested],
            moderator=ani,
            action="reject",
            reason="abusive",
            seen=seen,
        ),
        lambda: services.comment_moderate(
            comment_id=contested.pk, moderator=davit, action="approve", seen=seen
        ),
    )
    (bulk_kind, (decided, refused)), (single_kind, single) = outcomes
    assert bulk_kind == "ok"
    assert set(decided) | set(refused) == {c.pk for c in comments}
    assert set(refused) <= {contested.pk}
    approved = single_kind == "ok"
    assert approved == (contested.pk in refused)
    if not approved:
        assert isinstance(single, (errors.AlreadyDecided, errors.NotAllowedNow))
    for comment in comments:
        decisions = list(Decision.objects.filter(comment=comment, action__in=HUMAN))
        assert len(decisions) == 1
        comment.refresh_from_db()
        assert comment.status == decisions[0].to_status
    assert Comment.objects.get(pk=contested.pk).status == (Status.PUBLISHED if approved else Status.REJECTED)
