"""The desk's API under /api/v1/moderation/: who may use it, what each queue holds and shows, the
decisions and each way they are refused, and what a queue costs in queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.crypto import get_random_string

from tribune.accounts import tokens
from tribune.comments import services
from tribune.comments.models import Appeal, Comment, Decision, Report, Status

from .conftest import make_comment, make_user

pytestmark = pytest.mark.django_db

API = "/api/v1/moderation"
ITEM_KEYS = {
    "id", "text", "language", "status", "held_for", "scores", "findings", "flags", "open_reports",
    "featured", "author", "article", "created_at", "last_decision", "appeal",
}  # fmt: skip
PAGE_KEYS = {"queue", "total", "offset", "limit", "has_more", "next_offset", "items"}
INSULT = "You are an idiot and a fool."
INSULT_FINDINGS = [
    {"rule": "abusive", "start": 11, "end": 16, "evidence": "idiot", "key": "abusive.insult"},
    {"rule": "abusive", "start": 23, "end": 27, "evidence": "fool", "key": "abusive.insult"},
]


def queue_url(queue, **query):
    url = f"{API}/queues/{queue}"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def decision_url(comment_id):
    return f"{API}/comments/{comment_id}/decision"


def appeal_url(appeal_id):
    return f"{API}/appeals/{appeal_id}/decision"


def bearer(user):
    _token, clear = tokens.issue(user=user, name="newsroom tool")
    return {"HTTP_AUTHORIZATION": f"Bearer {clear}"}


def post(client, url, body, **extra):
    return client.post(url, body, content_type="application/json", **extra)


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"code", "message"} and body["code"] == code, body
    assert body["message"]
    return body


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.fixture(autouse=True)
def empty_desk(db):
    """The demo leaves work in the queues (held, reported, appealed comments): these tests start
    from an empty desk, their own comments only. (Rolled back after each test.)"""
    Appeal.objects.all().delete()
    Report.objects.all().delete()
    Comment.objects.exclude(status=Status.PUBLISHED).delete()
    Comment.objects.update(open_reports=0, flags=[])


@pytest.fixture
def as_moderator(moderator):
    return bearer(moderator)


@pytest.fixture
def held(article, reader):
    return make_comment(
        article,
        reader,
        INSULT,
        status=Status.HELD,
        held_for="abusive",
        minutes_ago=30,
        scores={"abusive": 0.93, "filthy": 0.0, "advertising": 0.02, "off_topic": 0.1},
        findings=INSULT_FINDINGS,
        model_version="test-1",
    )


@pytest.fixture
def appealed(article, reader, moderator):
    """A comment a moderator rejected and its author appealed."""
    comment = make_comment(article, reader, "The minister is a liar.", status=Status.HELD, held_for="abusive")
    services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="reject", reason="abusive")
    services.comment_appeal(comment=comment, author=reader, text_raw="I can prove what I said.")
    return comment


# Who may use it ---------------------------------------------------------------------------------


def test_anonymous_callers_are_asked_to_authenticate(client, held):
    assert_error(client.get(queue_url("held")), 401, "not_authenticated")
    assert_error(post(client, decision_url(held.pk), {"action": "approve"}), 401, "not_authenticated")
    assert_error(post(client, appeal_url(1), {"restore": True}), 401, "not_authenticated")
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


def test_readers_are_refused_with_a_token_or_a_session(client, reader, held):
    as_reader = bearer(reader)
    assert_error(client.get(queue_url("held"), **as_reader), 403, "not_moderator")
    assert_error(
        post(client, decision_url(held.pk), {"action": "approve"}, **as_reader), 403, "not_moderator"
    )
    assert_error(post(client, appeal_url(1), {"restore": True}, **as_reader), 403, "not_moderator")
    session = Client()
    session.force_login(reader)
    assert_error(session.get(queue_url("held")), 403, "not_moderator")
    assert Comment.objects.get(pk=held.pk).status == Status.HELD
    assert not Decision.objects.filter(comment=held).exclude(action=Decision.Action.SUBMIT).exists()


def test_staff_without_the_moderation_permission_are_refused(client, held):
    staff = make_user("page_editor", is_staff=True)
    assert_error(client.get(queue_url("held"), **bearer(staff)), 403, "not_moderator")


@pytest.mark.parametrize("who", ["moderator", "editor", "superuser"])
def test_moderators_editors_and_administrators_may(client, held, who, request):
    user = request.getfixturevalue(who)
    assert ids(client.get(queue_url("held"), **bearer(user))) == [held.pk]


def test_a_session_needs_the_csrf_token_to_decide(moderator, held):
    session = Client(enforce_csrf_checks=True)
    session.force_login(moderator)
    assert ids(session.get(queue_url("held"))) == [held.pk]  # reading needs none
    assert_error(post(session, decision_url(held.pk), {"action": "approve"}), 403, "csrf_failed")
    assert Comment.objects.get(pk=held.pk).status == Status.HELD
    secret = get_random_string(32)
    session.cookies["csrftoken"] = secret
    response = post(session, decision_url(held.pk), {"action": "approve"}, HTTP_X_CSRFTOKEN=secret)
    assert response.status_code == 200, response.content
    assert Comment.objects.get(pk=held.pk).status == Status.PUBLISHED


def test_a_token_needs_no_csrf_token(moderator, held):
    client = Client(enforce_csrf_checks=True)
    response = post(client, decision_url(held.pk), {"action": "approve"}, **bearer(moderator))
    assert response.status_code == 200, response.content


# The queues -------------------------------------------------------------------------------------


def test_a_held_comment_as_the_queue_shows_it(client, held, reader, article, as_moderator):
    response = client.get(queue_url("held"), **as_moderator)
    assert response.status_code == 200
    page = response.json()
    assert set(page) == PAGE_KEYS and page["queue"] == "held"
    assert (page["total"], page["offset"], page["has_more"], page["next_offset"]) == (1, 0, False, None)
    [item] = page["items"]
    assert set(item) == ITEM_KEYS
    assert item["id"] == held.pk and item["text"] == INSULT
    assert (item["language"], item["status"], item["held_for"]) == ("en", "held", "abusive")
    assert item["scores"]["abusive"] == 0.93
    assert [(f["evidence"], f["key"]) for f in item["findings"]] == [
        ("idiot", "abusive.insult"),
        ("fool", "abusive.insult"),
    ]
    assert all(f["explanation"] for f in item["findings"])
    assert item["author"] == {"id": reader.pk, "name": "Reader One"}
    assert item["article"]["id"] == article.pk and item["article"]["title"] == article.title
    assert item["article"]["url"].startswith("http") and item["article"]["url"].endswith(article.url)
    assert item["last_decision"] == Decision.objects.get(comment=held).pk
    assert item["appeal"] is None and item["open_reports"] == 0 and item["featured"] is False


def test_every_queue_holds_what_its_name_says(
    client, article, reader, second_reader, appealed, held, as_moderator
):
    reported = make_comment(article, reader, "Reported by a reader.")
    services.comment_report(comment=reported, reporter=second_reader, reason="advertising")
    off_topic = make_comment(article, reader, "Who won the match last night?", flags=["off_topic"])
    seen = make_comment(article, reader, "Seen and approved.")
    services.comment_moderate(
        comment_id=seen.pk, moderator=make_user("mod_x", groups=["Moderators"]), action="approve"
    )

    def queue(name):
        return set(ids(client.get(queue_url(name), **as_moderator)))

    assert queue("held") == {held.pk}
    assert queue("reported") == {reported.pk}
    assert queue("off_topic") == {off_topic.pk}
    unmoderated = queue("unmoderated")
    assert {reported.pk, off_topic.pk} <= unmoderated and seen.pk not in unmoderated
    assert held.pk not in unmoderated and appealed.pk not in unmoderated
    assert queue("appeals") == {appealed.pk}


def test_the_appeals_queue_shows_the_appeal(client, appealed, as_moderator):
    [item] = client.get(queue_url("appeals"), **as_moderator).json()["items"]
    appeal = Appeal.objects.get(comment=appealed)
    assert item["appeal"]["id"] == appeal.pk and item["appeal"]["text"] == "I can prove what I said."
    assert item["status"] == "rejected"


def test_oldest_first_and_paged(client, article, reader, as_moderator):
    made = [
        make_comment(
            article, reader, f"Held number {n}.", status=Status.HELD, held_for="premoderation", minutes_ago=m
        )
        for n, m in enumerate([5, 50, 20, 35])
    ]
    oldest_first = [made[1].pk, made[3].pk, made[2].pk, made[0].pk]
    assert ids(client.get(queue_url("held"), **as_moderator)) == oldest_first
    first = client.get(queue_url("held", limit=3), **as_moderator).json()
    assert [i["id"] for i in first["items"]] == oldest_first[:3]
    assert (first["total"], first["has_more"], first["next_offset"], first["limit"]) == (4, True, 3, 3)
    rest = client.get(queue_url("held", limit=3, offset=3), **as_moderator).json()
    assert [i["id"] for i in rest["items"]] == oldest_first[3:] and rest["has_more"] is False
    beyond = client.get(queue_url("held", offset=10), **as_moderator).json()
    assert beyond["items"] == [] and beyond["total"] == 4 and beyond["next_offset"] is None


@pytest.mark.parametrize(
    "query",
    [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"language": "am"}, {"rule": "rude"}, {"article": 0}],
)
def test_bad_paging_and_filters_are_invalid_requests(client, as_moderator, query):
    body = assert_error(client.get(queue_url("held", **query), **as_moderator), 422, "invalid_request")
    assert body["fields"] == list(query)


def test_an_unknown_queue_is_an_invalid_request(client, as_moderator):
    assert_error(client.get(queue_url("approved"), **as_moderator), 422, "invalid_request")
    assert_error(client.get(queue_url("everything"), **as_moderator), 422, "invalid_request")


def test_filters_by_language_rule_and_article(
    client, article, other_article, ru_article, hy_article, reader, as_moderator
):
    abusive = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    linked = make_comment(article, reader, status=Status.HELD, held_for="links")
    elsewhere = make_comment(other_article, reader, status=Status.HELD, held_for="abusive")
    russian = make_comment(ru_article, reader, status=Status.HELD, held_for="filthy")
    armenian = make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")

    def held(**query):
        return set(ids(client.get(queue_url("held", **query), **as_moderator)))

    assert held() == {abusive.pk, linked.pk, elsewhere.pk, russian.pk, armenian.pk}
    assert held(language="ru") == {russian.pk}
    assert held(language="hy") == {armenian.pk}
    assert held(rule="abusive") == {abusive.pk, elsewhere.pk, armenian.pk}
    assert held(rule="links") == {linked.pk}
    assert held(article=article.pk) == {abusive.pk, linked.pk}
    assert held(article=article.pk, rule="abusive", language="en") == {abusive.pk}
    assert held(language="en", article=hy_article.pk) == set()


def test_the_reported_queue_filters_by_what_readers_reported(
    client, article, reader, second_reader, as_moderator
):
    advert = make_comment(article, reader, "Cheap flights.")
    rude = make_comment(article, reader, "Rude words.")
    services.comment_report(comment=advert, reporter=second_reader, reason="advertising")
    services.comment_report(comment=rude, reporter=second_reader, reason="abusive")
    assert ids(client.get(queue_url("reported", rule="advertising"), **as_moderator)) == [advert.pk]
    [item] = client.get(queue_url("reported", rule="abusive"), **as_moderator).json()["items"]
    assert item["id"] == rude.pk and item["open_reports"] == 1


def test_a_moderator_of_some_languages_sees_only_those(client, article, hy_article, reader, hy_moderator):
    english = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    armenian = make_comment(hy_article, reader, "Դու ապուշ ես։", status=Status.HELD, held_for="abusive")
    as_gohar = bearer(hy_moderator)
    assert ids(client.get(queue_url("held"), **as_gohar)) == [armenian.pk]
    assert ids(client.get(queue_url("held", language="en"), **as_gohar)) == []
    body = assert_error(
        post(client, decision_url(english.pk), {"action": "approve"}, **as_gohar), 403, "language_not_allowed"
    )
    assert "en" in body["message"]
    assert Comment.objects.get(pk=english.pk).status == Status.HELD
    response = post(client, decision_url(armenian.pk), {"action": "approve"}, **as_gohar)
    assert response.status_code == 200, response.content


# Decisions --------------------------------------------------------------------------------------


def test_approve_with_what_the_moderator_saw(client, held, moderator, as_moderator):
    [item] = client.get(queue_url("held"), **as_moderator).json()["items"]
    response = post(
        client, decision_url(held.pk), {"action": "approve", "seen": item["last_decision"]}, **as_moderator
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"comment", "status", "featured", "decision"}
    assert (body["comment"], body["status"], body["featured"]) == (held.pk, "published", False)
    decision = Decision.objects.get(pk=body["decision"])
    assert (decision.comment_id, decision.actor, decision.action) == (held.pk, moderator, "approve")
    assert (decision.from_status, decision.to_status) == ("held", "published")
    assert ids(client.get(queue_url("held"), **as_moderator)) == []


def test_reject_with_a_reason_and_a_note(client, held, moderator, as_moderator):
    response = post(
        client,
        decision_url(held.pk),
        {"action": "reject", "reason": "abusive", "note": "Insults."},
        **as_moderator,
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "rejected"
    decision = Decision.objects.get(pk=response.json()["decision"])
    assert (decision.action, decision.reason, decision.note) == ("reject", "abusive", "Insults.")


def test_reject_without_a_reason_is_refused(client, held, as_moderator):
    assert_error(
        post(client, decision_url(held.pk), {"action": "reject"}, **as_moderator), 400, "reason_required"
    )
    body = {"action": "reject", "reason": "other"}
    assert_error(post(client, decision_url(held.pk), body, **as_moderator), 400, "note_required")
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


@pytest.mark.parametrize(
    "body",
    [
        {"action": "ban"},
        {"action": "reject", "reason": "rude"},
        {},
        {"action": "approve", "note": 5},
        {"action": "approve", "seen": 0},
    ],
)
def test_a_malformed_decision_is_an_invalid_request(client, held, as_moderator, body):
    assert_error(post(client, decision_url(held.pk), body, **as_moderator), 422, "invalid_request")
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


def test_a_decision_someone_else_took_meanwhile_is_refused_and_says_who(
    client, held, second_moderator, as_moderator
):
    [item] = client.get(queue_url("held"), **as_moderator).json()["items"]
    boris = post(
        client,
        decision_url(held.pk),
        {"action": "approve", "seen": item["last_decision"]},
        **bearer(second_moderator),
    )
    assert boris.status_code == 200
    body = {"action": "reject", "reason": "abusive", "seen": item["last_decision"]}
    refused = assert_error(post(client, decision_url(held.pk), body, **as_moderator), 409, "already_decided")
    assert "Boris" in refused["message"]
    assert Comment.objects.get(pk=held.pk).status == Status.PUBLISHED


def test_the_refusal_speaks_the_moderators_language(client, held, second_moderator, as_moderator):
    [item] = client.get(queue_url("held"), **as_moderator).json()["items"]
    post(client, decision_url(held.pk), {"action": "approve"}, **bearer(second_moderator))
    body = {"action": "approve", "seen": item["last_decision"]}
    english = post(client, decision_url(held.pk), body, **as_moderator).json()["message"]
    response = post(client, decision_url(held.pk), body, **as_moderator, HTTP_ACCEPT_LANGUAGE="ru")
    refused = assert_error(response, 409, "already_decided")
    assert response["Content-Language"] == "ru"
    assert refused["message"] != english and "Boris" in refused["message"]


def test_a_comment_that_is_gone(client, held, as_moderator):
    assert_error(
        post(client, decision_url(987_654_321), {"action": "approve"}, **as_moderator), 404, "comment_gone"
    )
    Comment.objects.filter(pk=held.pk).delete()
    assert_error(
        post(client, decision_url(held.pk), {"action": "approve"}, **as_moderator), 404, "comment_gone"
    )


def test_an_action_that_does_not_fit_the_state(client, held, as_moderator):
    body = assert_error(
        post(client, decision_url(held.pk), {"action": "restore"}, **as_moderator), 409, "not_allowed_now"
    )
    assert body["message"]
    assert_error(
        post(client, decision_url(held.pk), {"action": "feature"}, **as_moderator), 409, "not_allowed_now"
    )


def test_feature_and_unfeature(client, article, reader, as_moderator):
    comment = make_comment(article, reader, "A thoughtful comment.")
    featured = post(client, decision_url(comment.pk), {"action": "feature"}, **as_moderator).json()
    assert (featured["status"], featured["featured"]) == ("published", True)
    assert Comment.objects.get(pk=comment.pk).featured is True
    plain = post(client, decision_url(comment.pk), {"action": "unfeature"}, **as_moderator).json()
    assert plain["featured"] is False and plain["decision"] > featured["decision"]


def test_delete_then_restore(client, held, as_moderator):
    deleted = post(client, decision_url(held.pk), {"action": "delete", "reason": "abusive"}, **as_moderator)
    assert deleted.json()["status"] == "deleted"
    restored = post(client, decision_url(held.pk), {"action": "restore"}, **as_moderator)
    assert restored.status_code == 200 and restored.json()["status"] == "published"
    assert Decision.objects.get(pk=restored.json()["decision"]).action == "restore"


# Appeals ----------------------------------------------------------------------------------------


def test_restore_on_appeal_is_final(client, appealed, second_moderator):
    appeal = Appeal.objects.get(comment=appealed)
    as_boris = bearer(second_moderator)
    response = post(client, appeal_url(appeal.pk), {"restore": True, "note": "Fair criticism."}, **as_boris)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"appeal", "outcome", "comment", "status", "decision"}
    assert (body["appeal"], body["outcome"], body["comment"], body["status"]) == (
        appeal.pk,
        "restored",
        appealed.pk,
        "published",
    )
    assert Decision.objects.get(pk=body["decision"]).action == "restore"
    again = post(client, appeal_url(appeal.pk), {"restore": False}, **as_boris)
    assert "Boris" in assert_error(again, 409, "appeal_already_decided")["message"]
    assert Comment.objects.get(pk=appealed.pk).status == Status.PUBLISHED
    assert ids(client.get(queue_url("appeals"), **as_boris)) == []


def test_an_appeal_refused(client, appealed, as_moderator):
    appeal = Appeal.objects.get(comment=appealed)
    body = post(
        client, appeal_url(appeal.pk), {"restore": False, "note": "An insult."}, **as_moderator
    ).json()
    assert (body["outcome"], body["status"]) == ("upheld", "rejected")
    assert Decision.objects.get(pk=body["decision"]).action == "uphold"
    assert Appeal.objects.get(pk=appeal.pk).outcome == Appeal.Outcome.UPHELD


def test_appeal_decisions_refused(client, appealed, hy_moderator, as_moderator):
    appeal = Appeal.objects.get(comment=appealed)
    assert_error(
        post(client, appeal_url(appeal.pk), {"restore": True}, **bearer(hy_moderator)),
        403,
        "language_not_allowed",
    )
    assert_error(post(client, appeal_url(987_654), {"restore": True}, **as_moderator), 404, "comment_gone")
    assert_error(
        post(client, appeal_url(appeal.pk), {"restore": "yes"}, **as_moderator), 422, "invalid_request"
    )
    assert_error(post(client, appeal_url(appeal.pk), {}, **as_moderator), 422, "invalid_request")
    assert Appeal.objects.get(pk=appeal.pk).outcome == Appeal.Outcome.OPEN


# The document and the cost ----------------------------------------------------------------------


def test_the_moderation_api_is_in_the_same_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert {"/api/v1/articles/{article_id}/comments", "/api/v1/me/tokens"} <= set(paths)
    queue = paths["/api/v1/moderation/queues/{queue}"]["get"]
    decide = paths["/api/v1/moderation/comments/{comment_id}/decision"]["post"]
    appeal = paths["/api/v1/moderation/appeals/{appeal_id}/decision"]["post"]
    for operation in (queue, decide, appeal):
        assert operation["tags"] == ["moderation"]
        assert {"401", "403"} <= set(operation["responses"])
        assert operation["security"] == [{"BearerToken": []}, {"SessionCookie": []}]
    assert {"404", "409", "400"} <= set(decide["responses"]) and {"404", "409"} <= set(appeal["responses"])
    queue_parameters = {p["name"]: p for p in queue["parameters"]}
    assert set(queue_parameters) == {"queue", "language", "rule", "article", "limit", "offset"}
    assert queue_parameters["queue"]["schema"]["enum"] == [
        "held",
        "reported",
        "off_topic",
        "unmoderated",
        "appeals",
    ]
    components = schema["components"]["schemas"]
    assert set(components["QueueItem"]["properties"]) == ITEM_KEYS
    assert components["DecisionIn"]["properties"]["action"]["enum"] == [
        "approve", "reject", "delete", "restore", "feature", "unfeature",
    ]  # fmt: skip


# Pinned: the moderator's permissions (their own and their groups'), the count, and the page of rows
# with their authors, articles, last decisions and appeals, whatever the number of rows. The token
# with its user comes from the cache of tokens (accounts.tokens.user_for).
QUEUE_QUERIES = 4


def queries_for(client, url, auth):
    client.get(url, **auth)  # warm: a token's first use notes when it was used; the site's roots
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **auth)
    assert response.status_code == 200, response.content
    return response.json(), len(captured)


@pytest.mark.parametrize("queue", ["held", "reported", "off_topic", "unmoderated", "appeals"])
def test_a_queue_costs_the_same_queries_whatever_its_length(
    client, article, other_article, moderator, queue, as_moderator, settings
):
    # A cache of the test's own: with a shared Redis, another process clearing it (as every test
    # does) would add the site's root paths to the count.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": queue}
    }
    authors = [make_user(f"author_{n}") for n in range(3)]
    reporter = make_user("reporter")  # one report per comment

    def fill(count):
        for n in range(count):
            author, where = authors[n % 3], (article, other_article)[n % 2]
            if queue == "held":
                make_comment(where, author, status=Status.HELD, held_for="abusive", findings=INSULT_FINDINGS)
            elif queue == "reported":
                comment = make_comment(where, author, open_reports=1)
                Report.objects.create(comment=comment, reporter=reporter, reason="other")
            elif queue in ("off_topic", "unmoderated"):
                make_comment(where, author, flags=["off_topic"])
            else:
                comment = make_comment(where, author, status=Status.REJECTED, reviewed_at=timezone.now())
                Decision.objects.create(
                    comment=comment,
                    actor=moderator,
                    action="reject",
                    from_status="held",
                    to_status="rejected",
                    reason="abusive",
                )
                Appeal.objects.create(comment=comment, author=author, text=f"Appeal {n}.")

    url = queue_url(queue, limit=100)
    fill(3)
    few, few_queries = queries_for(client, url, as_moderator)
    fill(40)
    many, many_queries = queries_for(client, url, as_moderator)
    assert few["total"] >= 3 and many["total"] >= few["total"] + 40 and len(many["items"]) == many["total"]
    assert few_queries == many_queries == QUEUE_QUERIES
