import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from tribune.accounts import services as account_services
from tribune.accounts.models import Sanction
from tribune.accounts.services import AccountDeletionRefused, account_delete
from tribune.comments import events
from tribune.comments.models import Comment, Decision, Report, Status
from tribune.comments.selectors import thread
from tribune.comments.services import comment_report

pytestmark = pytest.mark.django_db
PASSWORD = "tribune-reader"


def reader(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def anahit():
    return reader("anahit@tribune.example")


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(getattr(node, "thread_children", []))


def shown(article_id):
    """Every comment a visitor sees in the thread of `article_id`, by pk."""
    return {c.pk: c for c in walk(thread(article_id, viewer=None, limit=100).roots)}


def anahits_comments(user):
    """Her comments in the demo: top-level ones answered by Sergei (hy) and replies to Mark (en)."""
    own = list(Comment.objects.filter(author=user).order_by("pk"))
    answered = [c for c in own if c.depth == 0 and c.reply_count > 0]
    replies = [c for c in own if c.depth > 0]
    assert answered and replies, "the demo gives Anahit top-level comments with replies and replies"
    return own, answered, replies


def test_keeping_comments_shows_them_as_a_deleted_account(client, anahit):
    own, _answered, _replies = anahits_comments(anahit)
    sergei = reader("sergei@tribune.example")
    reported = Comment.objects.filter(author=sergei, status=Status.PUBLISHED).first()
    report = comment_report(comment=reported, reporter=anahit, reason="abusive")
    client.force_login(anahit)

    response = client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert not get_user_model().objects.filter(pk=anahit.pk).exists()
    assert not EmailAddress.objects.filter(email="anahit@tribune.example").exists()
    for comment in own:
        comment.refresh_from_db()
        assert comment.status == Status.PUBLISHED
        assert comment.author_id is None
        visible = shown(comment.article_id)
        assert comment.pk in visible and visible[comment.pk].author is None
    assert not Decision.objects.filter(comment__in=own, action=Decision.Action.DELETE).exists()
    report.refresh_from_db()  # her report stays for the desk, without her
    assert report.reporter_id is None and report.reason == "abusive"
    # The thread page says so.
    article = own[0].article
    html = client.get(f"/en/comments/{article.pk}/").content.decode()
    assert "Deleted account" in html


def test_removing_comments_deletes_each_through_the_comment_service(client, anahit):
    own, answered, replies = anahits_comments(anahit)
    client.force_login(anahit)

    response = client.post("/hy/accounts/delete/", {"comments": "remove", "confirmation": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/hy/"
    assert not get_user_model().objects.filter(pk=anahit.pk).exists()
    for comment in own:
        comment.refresh_from_db()
        assert comment.status == Status.DELETED
        assert comment.author_id is None
        decision = Decision.objects.get(comment=comment, action=Decision.Action.DELETE)
        assert (decision.from_status, decision.to_status, decision.reason) == (
            "published",
            "deleted",
            "author",
        )
    # Where Sergei answered her, a tombstone keeps his reply in place...
    for comment in answered:
        visible = shown(comment.article_id)
        assert visible[comment.pk].status == Status.DELETED
        answers = [c for c in visible[comment.pk].thread_children if c.status == Status.PUBLISHED]
        assert answers and all(c.author is not None for c in answers)
    # ...and her replies, which nobody answered, are gone from their threads.
    for comment in replies:
        visible = shown(comment.article_id)
        assert comment.pk not in visible
        parent = Comment.objects.get(pk=comment.parent_id)
        assert parent.reply_count == 0
    html = client.get(f"/hy/comments/{answered[0].article_id}/").content.decode()
    assert "comment__tombstone" in html


def test_the_session_is_signed_out(client, anahit):
    client.force_login(anahit)
    client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/en/accounts/profile/").status_code == 302
    home = client.get("/en/")
    assert "Your account was deleted" in home.content.decode()


def test_a_wrong_password_deletes_nothing(client, anahit):
    own, _, _ = anahits_comments(anahit)
    client.force_login(anahit)
    response = client.post("/en/accounts/delete/", {"comments": "remove", "confirmation": "guess"})
    assert response.status_code == 400
    assert response.context["form"].errors["confirmation"]
    assert get_user_model().objects.filter(pk=anahit.pk).exists()
    assert Comment.objects.filter(pk__in=[c.pk for c in own], status=Status.PUBLISHED).count() == len(own)
    assert client.session["_auth_user_id"] == str(anahit.pk)


def test_the_choice_about_comments_must_be_made(client, anahit):
    client.force_login(anahit)
    response = client.post("/en/accounts/delete/", {"confirmation": PASSWORD})
    assert response.status_code == 400
    assert response.context["form"].errors["comments"]
    assert get_user_model().objects.filter(pk=anahit.pk).exists()


def test_password_guessing_is_stopped(client, anahit):
    client.force_login(anahit)
    for _ in range(5):
        assert (
            client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": "x"}).status_code == 400
        )
    stopped = client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": PASSWORD})
    assert stopped.status_code == 429
    assert get_user_model().objects.filter(pk=anahit.pk).exists()


@pytest.fixture
def social_only():
    user = get_user_model().objects.create_user(username="aram", email="aram@example.am")
    user.set_unusable_password()
    user.display_name = "Արամ"
    user.save()
    EmailAddress.objects.create(user=user, email="aram@example.am", verified=True, primary=True)
    return user


def test_a_reader_without_a_password_confirms_with_their_email(client, social_only):
    client.force_login(social_only)
    page = client.get("/en/accounts/delete/").content.decode()
    assert 'type="email"' in page and 'type="password"' not in page
    wrong = client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": "other@example.am"})
    assert wrong.status_code == 400
    assert get_user_model().objects.filter(pk=social_only.pk).exists()
    done = client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": " ARAM@example.am "})
    assert done.status_code == 302
    assert not get_user_model().objects.filter(pk=social_only.pk).exists()


def test_staff_accounts_are_not_closed_from_the_readers_page(client, anahit):
    anahit.is_staff = True
    anahit.save(update_fields=["is_staff"])
    client.force_login(anahit)
    response = client.post("/en/accounts/delete/", {"comments": "keep", "confirmation": PASSWORD})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=anahit.pk).exists()
    with pytest.raises(AccountDeletionRefused):
        account_delete(user=anahit, remove_comments=False)


def test_the_deletion_is_one_transaction(anahit, monkeypatch):
    own, _, _ = anahits_comments(anahit)
    real_delete = account_services.comment_delete
    calls = []

    def failing_on_the_second(*, comment, actor):
        calls.append(comment.pk)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_delete(comment=comment, actor=actor)

    monkeypatch.setattr(account_services, "comment_delete", failing_on_the_second)
    with pytest.raises(RuntimeError), transaction.atomic():
        account_delete(user=anahit, remove_comments=True)
    assert get_user_model().objects.filter(pk=anahit.pk).exists()
    assert Comment.objects.filter(pk__in=[c.pk for c in own], status=Status.PUBLISHED).count() == len(own)
    assert not Decision.objects.filter(comment__in=own, action=Decision.Action.DELETE).exists()


def test_sanctions_and_already_deleted_comments(anahit):
    own, _, replies = anahits_comments(anahit)
    Sanction.objects.create(user=anahit, kind=Sanction.Kind.WARN, reason="Off-topic")
    from tribune.comments.services import comment_delete

    comment_delete(comment=replies[0], actor=anahit)  # deleted before; not deleted twice
    account_delete(user=anahit, remove_comments=True)
    assert Decision.objects.filter(comment=replies[0], action=Decision.Action.DELETE).count() == 1
    assert Decision.objects.filter(comment__in=own, action=Decision.Action.DELETE).count() == len(own)
    assert not Sanction.objects.filter(user_id=anahit.pk).exists()


@pytest.mark.parametrize("remove", [False, True])
def test_every_thread_she_wrote_in_is_marked_changed(anahit, remove, monkeypatch):
    """Cached pages must not keep showing her name (or her removed comments)."""
    own, _, _ = anahits_comments(anahit)
    changed = []
    monkeypatch.setattr(events, "thread_changed", lambda article_id, **_: changed.append(article_id))
    account_delete(user=anahit, remove_comments=remove)
    assert set(changed) == {c.article_id for c in own}


def test_reports_survive_when_the_reporter_leaves(anahit):
    target = Comment.objects.filter(author__email="mark@tribune.example", status=Status.PUBLISHED).first()
    comment_report(comment=target, reporter=anahit, reason="advertising", note="spam link")
    account_delete(user=anahit, remove_comments=True)
    report = Report.objects.get(comment=target, reason="advertising")
    assert report.reporter_id is None and report.note == "spam link"
