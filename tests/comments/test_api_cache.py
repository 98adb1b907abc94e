"""The API's cached thread listings: a hit costs no query, every committed change to the thread shows
at once, an article taken down is not listed, readers' own comments never reach anyone else, and an
ETag sent back is answered 304 while nothing changed."""

import pytest
from django.core.cache import cache

from tribune.comments import services
from tribune.comments.models import Comment, CommentSettings

from .test_api import bearer, comment_url, patch, post, reader, thread_url
from .test_moderation_services import ARMENIAN_INSULT, moderator  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

# A cached listing, signed in with a token: whether the reader has comments in the thread (the token
# with its user comes from the cache of tokens, accounts.tokens.user_for). Anonymous: nothing at all.
CACHED_QUERIES_WITH_TOKEN = 1


@pytest.fixture
def mark(db):
    return reader("mark")  # the author of the demo article's top-level comment


@pytest.fixture
def as_mark(mark):
    return bearer(mark)


@pytest.fixture
def as_sergei(db):
    return bearer(reader("sergei"))  # no comment under the demo article


@pytest.fixture(autouse=True)
def unhurried(db):
    """No pause between two comments: these tests post several in a row without emptying the
    cache (which would hide a stale listing)."""
    CommentSettings.objects.update(min_seconds_between_comments=0)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what follows a commit (the thread's version moves on there), as a real request would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def ids(body):
    """Every comment id in a listing, at any depth."""
    found = []

    def walk(comments):
        for comment in comments:
            found.append(comment["id"])
            walk(comment["replies"])

    walk(body["comments"])
    return found


def by_id(body, comment_id):
    def walk(comments):
        for comment in comments:
            if comment["id"] == comment_id:
                return comment
            if (found := walk(comment["replies"])) is not None:
                return found
        return None

    return walk(body["comments"])


def listed(client, article, **extra):
    response = client.get(thread_url(article.pk, order="oldest"), **extra)
    assert response.status_code == 200, response.content
    return response.json()


def post_comment(client, article, auth, words, committed, **body):
    with committed():
        response = post(client, thread_url(article.pk), {"text": words, **body}, **auth)
    assert response.status_code == 201, response.content
    return response.json()


# Hits -------------------------------------------------------------------------------------------


def test_an_anonymous_listing_is_served_from_the_cache_without_a_query(
    client, article, django_assert_num_queries
):
    url = thread_url(article.pk, limit=100)
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == "application/json; charset=utf-8"


def test_a_signed_in_listing_from_the_cache_costs_one_small_query(
    client, article, as_mark, django_assert_num_queries
):
    url = thread_url(article.pk)
    first = client.get(url, **as_mark)
    with django_assert_num_queries(CACHED_QUERIES_WITH_TOKEN):
        second = client.get(url, **as_mark)
    assert second.content == first.content


def test_each_order_and_page_is_its_own_entry(client, article, as_mark, committed):
    earlier = post_comment(client, article, as_mark, "A top-level comment, written first.", committed)
    later = post_comment(client, article, as_mark, "Another top-level comment, written later.", committed)
    oldest = client.get(thread_url(article.pk, order="oldest")).json()
    newest = client.get(thread_url(article.pk, order="newest")).json()
    assert (oldest["order"], newest["order"]) == ("oldest", "newest")
    assert [i for i in ids(oldest) if i in (earlier["id"], later["id"])] == [earlier["id"], later["id"]]
    assert [i for i in ids(newest) if i in (earlier["id"], later["id"])] == [later["id"], earlier["id"]]
    first = client.get(thread_url(article.pk, order="oldest", limit=1)).json()
    second = client.get(thread_url(article.pk, order="oldest", limit=1, offset=1)).json()
    assert [c["id"] for c in first["comments"] + second["comments"]] == [
        c["id"] for c in oldest["comments"][:2]
    ]


def test_limits_above_the_cap_share_the_capped_entry(client, article):
    assert (
        client.get(thread_url(article.pk, limit=100))["ETag"]
        == client.get(thread_url(article.pk, limit=5000))["ETag"]
    )


# Every committed change shows at once -------------------------------------------------------------


def test_a_new_comment_is_listed_at_once(client, article, as_mark, committed):
    before = listed(client, article)
    created = post_comment(client, article, as_mark, "Posted after the listing was cached.", committed)
    after = listed(client, article)
    assert created["id"] not in ids(before) and created["id"] in ids(after)
    assert after["total"] == before["total"] + 1


def test_a_reply_is_listed_at_once(client, article, as_mark, committed):
    top = listed(client, article)["comments"][0]
    created = post_comment(
        client, article, as_mark, "A reply to the first comment.", committed, parent=top["id"]
    )
    assert created["id"] in [reply["id"] for reply in listed(client, article)["comments"][0]["replies"]]


def test_an_edit_is_listed_at_once(client, article, as_mark, committed):
    created = post_comment(client, article, as_mark, "Written in haste.", committed)
    assert by_id(listed(client, article), created["id"])["html"] == "<p>Written in haste.</p>"
    with committed():
        response = patch(client, comment_url(created["id"]), {"text": "Written with care."}, **as_mark)
    assert response.status_code == 200, response.content
    assert by_id(listed(client, article), created["id"])["html"] == "<p>Written with care.</p>"


def test_a_deletion_is_listed_at_once(client, article, as_mark, committed):
    created = post_comment(client, article, as_mark, "Soon to be deleted.", committed)
    assert created["id"] in ids(listed(client, article))
    with committed():
        assert client.delete(comment_url(created["id"]), **as_mark).status_code == 204
    assert created["id"] not in ids(listed(client, article))


def test_a_moderators_decisions_are_listed_at_once(client, article, as_mark, moderator, committed):  # noqa: F811
    created = post_comment(client, article, as_mark, "A point a moderator will weigh.", committed)
    assert created["id"] in ids(listed(client, article))
    with committed():
        services.comment_moderate(
            comment_id=created["id"], moderator=moderator, action=services.REJECT, reason="off_topic"
        )
    assert created["id"] not in ids(listed(client, article))
    with committed():
        services.comment_moderate(comment_id=created["id"], moderator=moderator, action=services.RESTORE)
    assert created["id"] in ids(listed(client, article))


def test_a_held_comment_approved_by_a_moderator_is_listed_at_once(
    client,
    article,
    as_mark,
    moderator,  # noqa: F811
    committed,
):
    held = post_comment(client, article, as_mark, ARMENIAN_INSULT, committed, acknowledge_rules=True)
    assert held["status"] == "held"
    assert held["id"] not in ids(listed(client, article))
    with committed():
        services.comment_moderate(comment_id=held["id"], moderator=moderator, action=services.APPROVE)
    assert held["id"] in ids(listed(client, article))


def test_a_change_rolled_back_leaves_the_listing_as_it_was(
    client, article, mark, django_capture_on_commit_callbacks
):
    before = client.get(thread_url(article.pk))
    with django_capture_on_commit_callbacks(execute=False):
        services.comment_submit(author=mark, article=article, text_raw="Never committed.")
    Comment.objects.filter(article=article, text="Never committed.").delete()  # as a rollback would
    assert client.get(thread_url(article.pk)).content == before.content


# An article taken down --------------------------------------------------------------------------


def test_an_unpublished_article_is_not_listed_from_the_cache(client, article):
    assert client.get(thread_url(article.pk)).status_code == 200
    article.unpublish()
    response = client.get(thread_url(article.pk))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_article_is_not_cached_as_empty(client, article):
    assert client.get(thread_url(999_999)).status_code == 404
    assert client.get(thread_url(999_999)).status_code == 404


# Whose listing ----------------------------------------------------------------------------------


def test_the_shared_listing_never_carries_a_readers_text_or_held_comments(
    client, article, mark, as_mark, committed
):
    held = post_comment(client, article, as_mark, ARMENIAN_INSULT, committed, acknowledge_rules=True)
    own = listed(client, article, **as_mark)  # the reader's own listing is cached first
    assert held["id"] in ids(own)
    assert by_id(own, held["id"])["text"] == ARMENIAN_INSULT
    top = Comment.objects.exclude(pk=held["id"]).get(article=article, depth=0, author=mark)
    assert by_id(own, top.pk)["text"] is not None
    anonymous = listed(client, article)
    assert held["id"] not in ids(anonymous)
    assert by_id(anonymous, top.pk)["text"] is None
    assert ARMENIAN_INSULT not in client.get(thread_url(article.pk, order="oldest")).content.decode()


def test_a_reader_never_gets_the_shared_listing_without_their_own_comments(
    client, article, as_mark, committed
):
    held = post_comment(client, article, as_mark, ARMENIAN_INSULT, committed, acknowledge_rules=True)
    anonymous = listed(client, article)  # the shared listing is cached first
    assert held["id"] not in ids(anonymous)
    own = listed(client, article, **as_mark)
    assert held["id"] in ids(own)
    assert all(
        comment["text"] is not None for comment in own["comments"] if comment["author"]["name"] == "Mark T."
    )


def test_another_reader_never_gets_someone_elses_listing(client, article, as_mark, as_sergei, committed):
    held = post_comment(client, article, as_mark, ARMENIAN_INSULT, committed, acknowledge_rules=True)
    listed(client, article, **as_mark)
    others = listed(client, article, **as_sergei)
    assert held["id"] not in ids(others)
    assert all(comment["text"] is None for comment in others["comments"])
    # Sergei has no comment here: he is given the listing everyone gets, ETag included.
    anonymous = client.get(thread_url(article.pk, order="oldest"))
    assert client.get(thread_url(article.pk, order="oldest"), **as_sergei)["ETag"] == anonymous["ETag"]


def test_a_readers_first_comment_gives_them_a_listing_of_their_own(client, article, as_sergei, committed):
    shared = client.get(thread_url(article.pk), **as_sergei)
    created = post_comment(client, article, as_sergei, "My first words under this story.", committed)
    own = client.get(thread_url(article.pk), **as_sergei)
    assert own["ETag"] != shared["ETag"]
    assert by_id(own.json(), created["id"])["text"] == "My first words under this story."
    assert by_id(listed(client, article), created["id"])["text"] is None


def test_a_reader_with_comments_only_elsewhere_shares_the_listing(
    client, article, other_article, as_sergei, committed
):
    post_comment(client, other_article, as_sergei, "Only under another story.", committed)
    assert (
        client.get(thread_url(article.pk), **as_sergei)["ETag"] == client.get(thread_url(article.pk))["ETag"]
    )


# Headers and revalidation -------------------------------------------------------------------------


def test_listings_carry_an_etag_and_are_revalidated_not_stored_on_the_way(client, article, as_mark):
    anonymous = client.get(thread_url(article.pk))
    assert anonymous["ETag"].startswith('W/"')
    assert anonymous["Cache-Control"] == "no-cache"
    assert {"Authorization", "Cookie"} <= {v.strip() for v in anonymous["Vary"].split(",")}
    own = client.get(thread_url(article.pk), **as_mark)
    assert own["Cache-Control"] == "private, no-cache"
    assert own["ETag"] != anonymous["ETag"]


def test_only_an_anonymous_listing_may_be_shared_by_the_front_proxy_for_a_second(
    client, article, as_mark, as_sergei
):
    # nginx reads X-Accel-Expires (and never passes it on): one second of sharing, anonymous only.
    anonymous = client.get(thread_url(article.pk))
    assert anonymous["X-Accel-Expires"] == "1"
    # nginx before 1.23 takes the headers in order: a no-cache read first would forbid the copy.
    names = [name.lower() for name in anonymous.headers]
    assert names.index("x-accel-expires") < names.index("cache-control")
    # Sergei has no comment here and is given the shared listing, but his request is his own.
    assert "X-Accel-Expires" not in client.get(thread_url(article.pk), **as_sergei)
    assert "X-Accel-Expires" not in client.get(thread_url(article.pk), **as_mark)


def test_an_etag_sent_back_is_answered_304_without_a_query(client, article, django_assert_num_queries):
    url = thread_url(article.pk)
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag and response["Cache-Control"] == "no-cache"
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", {etag}').status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=etag.removeprefix("W/")).status_code == 304  # weak comparison


def test_an_etag_is_answered_with_the_new_listing_after_a_change(client, article, as_mark, committed):
    url = thread_url(article.pk, order="oldest")
    etag = client.get(url)["ETag"]
    created = post_comment(client, article, as_mark, "News since the reader last looked.", committed)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert created["id"] in ids(response.json())
    assert response["ETag"] != etag


def test_an_etag_is_only_good_in_its_own_scope(client, article, as_mark):
    url = thread_url(article.pk)
    own = client.get(url, **as_mark)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=own).status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=own, **as_mark).status_code == 304
    shared = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=shared, **as_mark).status_code == 200


def test_an_etag_of_an_article_taken_down_is_not_answered_304(client, article):
    url = thread_url(article.pk)
    etag = client.get(url)["ETag"]
    article.unpublish()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_a_listing_survives_losing_its_versions(client, article, as_mark, committed):
    listed(client, article)
    cache.clear()  # Redis restarted, or the entries were evicted
    created = post_comment(client, article, as_mark, "Written while the cache was cold.", committed)
    assert created["id"] in ids(listed(client, article))
