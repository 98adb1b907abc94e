"""The copies of hot rows that the comment path keeps in the cache (tribune/core/snapshots.py): each
is read from the cache while its rows stay the same, and a change to them is seen by the very next
comment, in every process."""

import datetime
import json

import pytest
from django.utils import timezone

from tribune.accounts import tokens
from tribune.accounts.models import Sanction
from tribune.accounts.selectors import standing_of
from tribune.comments import services
from tribune.comments.models import Comment, CommentSettings, PolicyThreshold
from tribune.core import snapshots, versions
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_copy_is_built_once_and_read_until_its_kind_is_invalidated():
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    assert snapshots.get("test-kind", "k", build) == {"n": 1}
    assert snapshots.get("test-kind", "k", build) == {"n": 1}
    snapshots.invalidate("test-kind")
    assert snapshots.get("test-kind", "k", build) == {"n": 2}
    assert len(built) == 2


def test_none_is_a_copy_too():
    built = []
    for _ in range(3):
        assert snapshots.get("test-none", "k", lambda: built.append(1)) is None
    assert built == [1]


def test_a_copy_made_from_the_old_row_during_the_change_is_not_read_after_the_commit(
    django_capture_on_commit_callbacks,
):
    # Another process reads the committed (old) row while the change is not yet committed, and
    # keeps its copy under the version the change moved to; the commit moves it on again.
    with django_capture_on_commit_callbacks(execute=True):
        snapshots.invalidate("test-race")
        assert snapshots.get("test-race", "k", lambda: "old") == "old"
    assert snapshots.get("test-race", "k", lambda: "new") == "new"


def test_another_process_s_change_is_seen_within_a_second(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(snapshots.time, "monotonic", lambda: clock[0])
    assert snapshots.get("test-other", "k", lambda: "first") == "first"
    versions.bump("snapshot:test-other")  # as another process's invalidate() does, in the shared cache
    clock[0] += snapshots.VERSION_SECONDS / 2
    assert snapshots.get("test-other", "k", lambda: "second") == "first"
    clock[0] += snapshots.VERSION_SECONDS
    assert snapshots.get("test-other", "k", lambda: "second") == "second"


def test_a_change_behind_the_models_back_shows_when_the_copies_expire(monkeypatch):
    from django.core.cache import cache

    clock = [1000.0]
    monkeypatch.setattr(snapshots.time, "monotonic", lambda: clock[0])
    assert snapshots.get("test-expiry", "k", lambda: "old") == "old"
    clock[0] += snapshots.TIMEOUT - 1
    assert snapshots.get("test-expiry", "k", lambda: "new") == "old"
    clock[0] += 2
    cache.delete(f"snapshot:test-expiry:v{snapshots._version('test-expiry')}:k")  # expired there too
    assert snapshots.get("test-expiry", "k", lambda: "new") == "new"


def test_the_shared_cache_answers_a_process_without_its_own_copy():
    assert snapshots.get("test-shared", "k", lambda: "made once") == "made once"
    snapshots._local.clear()  # another process: same shared cache, nothing of its own
    assert snapshots.get("test-shared", "k", lambda: pytest.fail("made again")) == "made once"


def test_saved_comment_settings_apply_to_the_next_comment():
    assert services.comment_settings().max_length == 3000
    config = CommentSettings.objects.get()
    config.max_length = 40
    config.save()
    assert services.comment_settings().max_length == 40


def test_a_new_threshold_applies_to_the_next_comment():
    from tribune.comments import screening

    config = services.comment_settings()
    before = screening._policy(config, "en")
    PolicyThreshold.objects.create(
        settings=config, rule="abusive", action="hold", language="en", threshold=0.3
    )
    after = screening._policy(services.comment_settings(), "en")
    assert before.hold["abusive"] != 0.3
    assert after.hold["abusive"] == 0.3


def test_a_ban_stops_the_very_next_comment(django_user_model):
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "x")
    assert standing_of(reader).may_comment
    Sanction.objects.create(user=reader, kind=Sanction.Kind.BAN, reason="spam")
    assert not standing_of(reader).may_comment


def test_a_sanction_that_ends_stops_counting_without_any_change(django_user_model):
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "x")
    now = timezone.now()
    Sanction.objects.create(
        user=reader,
        kind=Sanction.Kind.SUSPEND,
        reason="heat",
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=1),
    )
    assert not standing_of(reader, now=now).may_comment
    assert standing_of(reader, now=now + datetime.timedelta(hours=2)).may_comment


def test_a_revoked_token_is_refused_at_once(django_user_model):
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "x")
    token, clear = tokens.issue(user=reader, name="script")
    assert tokens.user_for(clear) == reader
    tokens.revoke(user=reader, token_id=token.pk)
    assert tokens.user_for(clear) is None


def test_a_deactivated_reader_s_token_is_refused_at_once(django_user_model):
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "x")
    _token, clear = tokens.issue(user=reader, name="script")
    assert tokens.user_for(clear) == reader
    reader.is_active = False
    reader.save()
    assert tokens.user_for(clear) is None


def test_the_token_copy_carries_no_password_hash(django_user_model):
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "a-password")
    _token, clear = tokens.issue(user=reader, name="script")
    tokens.user_for(clear)
    copy = snapshots.get(tokens.TOKENS_SNAPSHOT, tokens.digest_of(clear), lambda: pytest.fail("not kept"))
    assert copy.user == reader
    assert "password" in copy.user.get_deferred_fields()


def test_comments_closed_by_an_editor_are_closed_for_the_next_post(client, django_user_model):
    article = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()
    reader = django_user_model.objects.create_user("snap-reader", "snap@example.com", "x")
    _token, clear = tokens.issue(user=reader, name="script")
    config = CommentSettings.objects.get()
    config.min_seconds_between_comments = 0
    config.save()

    def post(text):
        return client.post(
            f"/api/v1/articles/{article.pk}/comments",
            json.dumps({"text": text}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {clear}",
        )

    assert post("Thank you for the clear report.").status_code == 201
    article.comments_open = False
    article.save_revision().publish()
    answer = post("Thank you again for the report.")
    assert answer.status_code == 403, answer.content
    assert Comment.objects.filter(article=article, author=reader).count() == 1
