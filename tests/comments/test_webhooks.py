"""Signed webhooks, received by a real HTTP server on loopback: what is sent for each event, how a
receiver checks the signature, what happens when a receiver fails, and the webhooks' admin pages.

Deliveries run after commit; each test runs in a transaction that is rolled back, so the commit
callbacks are run by `django_capture_on_commit_callbacks(execute=True)` around what commits. A
delivery that raised would fail the test there."""

import hashlib
import hmac
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tribune.accounts import tokens
from tribune.comments import services, webhooks
from tribune.comments.models import Comment, CommentSettings, Status, Webhook

from .conftest import make_reader

pytestmark = pytest.mark.django_db

SECRET = "a-long-shared-secret-for-tests-0123456789"
INSULT = "You are a complete idiot and a moron."
CREATED, HELD, DECIDED = "comment.created", "comment.held", "comment.decided"


class Receiver:
    """An HTTP server on 127.0.0.1 that notes every POST and answers with `status`."""

    def __init__(self, status=200, headers=None):
        self.status, self.headers = status, headers or {}
        self.received = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver._lock:
                    receiver.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(receiver.status)
                for name, value in receiver.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def events(self):
        return [r["headers"]["X-Tribune-Event"] for r in self.received]

    def payloads(self):
        return [json.loads(r["body"]) for r in self.received]


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


def closed_port_url():
    """An address on loopback where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


def hook(url, **fields):
    return Webhook.objects.create(name=fields.pop("name", "desk tool"), url=url, secret=SECRET, **fields)


@pytest.fixture
def unhurried(db):
    CommentSettings.objects.update(min_seconds_between_comments=0)


@pytest.fixture
def as_reader(db, unhurried):
    reader = make_reader("webhook_reader", display_name="Hook Reader")
    _token, clear = tokens.issue(user=reader, name="test")
    return reader, {"HTTP_AUTHORIZATION": f"Bearer {clear}"}


def post_comment(client, article, auth, text, **body):
    return client.post(
        f"/api/v1/articles/{article.pk}/comments",
        {"text": text, **body},
        content_type="application/json",
        **auth,
    )


@pytest.fixture
def moderator(db):
    user = make_reader("webhook_moderator", display_name="Desk Anna")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


# What is sent -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("without_slow_checks")  # the payload is compared with the comment as stored
def test_a_new_comment_is_posted_signed_to_the_receiver(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    reader, auth = as_reader
    webhook = hook(receiver.url + "/tribune")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, auth, "A fair point, well made.")
    assert response.status_code == 201, response.content
    [delivery] = receiver.received
    headers, body = delivery["headers"], delivery["body"]
    assert delivery["path"] == "/tribune"
    assert headers["Content-Type"].startswith("application/json")
    assert headers["X-Tribune-Event"] == CREATED and len(headers["X-Tribune-Delivery"]) == 32
    assert headers["X-Tribune-Signature"].startswith("sha256=")
    assert webhooks.verify(SECRET, headers["X-Tribune-Timestamp"], body, headers["X-Tribune-Signature"])

    sent = json.loads(body)
    assert sent["event"] == CREATED and "decision" not in sent
    comment = sent["comment"]
    stored = Comment.objects.get(pk=response.json()["id"])
    assert comment["id"] == stored.pk and comment["text"] == "A fair point, well made."
    assert (comment["status"], comment["language"], comment["held_for"]) == ("published", "en", "")
    assert comment["author"] == {"id": reader.pk, "name": "Hook Reader"}
    assert comment["article"]["id"] == article.pk and comment["article"]["title"] == article.title
    assert comment["article"]["url"].startswith("http") and comment["article"]["url"].endswith(article.url)
    assert set(comment["scores"]) >= {"abusive", "filthy", "advertising", "off_topic"}
    assert comment["model_version"] == stored.model_version and comment["parent"] is None
    assert comment["created_at"] == stored.created_at.isoformat()

    webhook.refresh_from_db()
    assert webhook.last_status == "200" and webhook.last_delivery_at is not None


def test_a_held_comment_is_told_as_created_then_held(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, article, auth, INSULT).json()["code"] == "nudge"
    assert receiver.received == []  # a nudged comment is not stored: nothing to tell
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, auth, INSULT, acknowledge_rules=True)
    assert response.status_code == 201
    assert receiver.events() == [CREATED, HELD]
    for sent in receiver.payloads():
        assert sent["comment"]["status"] == "held" and sent["comment"]["held_for"] == "abusive"
        assert "idiot" in [f["evidence"] for f in sent["comment"]["findings"]]
    for delivery in receiver.received:
        headers = delivery["headers"]
        assert webhooks.verify(
            SECRET, headers["X-Tribune-Timestamp"], delivery["body"], headers["X-Tribune-Signature"]
        )


def test_a_decision_is_told_with_the_decision(
    article, moderator, receiver, django_capture_on_commit_callbacks
):
    comment = Comment.objects.filter(article=article, status=Status.PUBLISHED).first()
    hook(receiver.url, events=[DECIDED])
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(
            comment_id=comment.pk, moderator=moderator, action="reject", reason="other", note="Spam links."
        )
    [sent] = receiver.payloads()
    assert sent["event"] == DECIDED and receiver.events() == [DECIDED]
    assert sent["comment"]["id"] == comment.pk and sent["comment"]["status"] == "rejected"
    decision = sent["decision"]
    assert decision["id"] == comment.decisions.order_by("-pk").first().pk
    assert (decision["action"], decision["from_status"], decision["to_status"]) == (
        "reject",
        "published",
        "rejected",
    )
    assert (decision["reason"], decision["note"]) == ("other", "Spam links.")
    assert decision["moderator"] == {"id": moderator.pk, "name": "Desk Anna"} and decision["at"]


def test_an_inactive_hook_or_one_not_subscribed_receives_nothing(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    asleep = hook(receiver.url + "/asleep", active=False)
    decisions_only = hook(receiver.url + "/decisions", events=[DECIDED])
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, article, auth, "A fair point, well made.").status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, article, auth, INSULT, acknowledge_rules=True).status_code == 201
    assert receiver.received == []
    for webhook in (asleep, decisions_only):
        webhook.refresh_from_db()
        assert webhook.last_status == "" and webhook.last_delivery_at is None


def test_each_hook_gets_the_events_it_asked_for(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    hook(receiver.url + "/held", events=[HELD])
    hook(receiver.url + "/all")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, auth, INSULT, acknowledge_rules=True)
    paths = [(r["path"], r["headers"]["X-Tribune-Event"]) for r in receiver.received]
    assert sorted(paths) == [("/all", CREATED), ("/all", HELD), ("/held", HELD)]


# When the receiver fails ------------------------------------------------------------------------


def test_a_receiver_answering_500_is_noted_and_the_comment_is_posted(
    client, article, as_reader, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    with Receiver(status=500) as failing:
        webhook = hook(failing.url)
        with django_capture_on_commit_callbacks(execute=True):
            response = post_comment(client, article, auth, "A fair point, well made.")
    assert response.status_code == 201, response.content
    assert Comment.objects.filter(pk=response.json()["id"], status=Status.PUBLISHED).exists()
    assert len(failing.received) == 1
    webhook.refresh_from_db()
    assert webhook.last_status == "500" and webhook.last_delivery_at is not None


def test_a_receiver_not_listening_is_noted_and_the_comment_is_posted(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    gone = hook(closed_port_url(), name="gone")
    working = hook(receiver.url, name="working")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, auth, "A fair point, well made.")
    assert response.status_code == 201, response.content
    gone.refresh_from_db()
    working.refresh_from_db()
    assert gone.last_status.startswith("error:") and "Connection" in gone.last_status
    assert gone.last_delivery_at is not None
    assert working.last_status == "200" and len(receiver.received) == 1  # the others are still told


def test_a_redirect_is_noted_not_followed(article, moderator, django_capture_on_commit_callbacks):
    comment = Comment.objects.filter(
        article=article, status=Status.PUBLISHED, reviewed_at__isnull=True
    ).first()
    with Receiver(status=302, headers={"Location": "http://127.0.0.1:9/elsewhere"}) as moving:
        webhook = hook(moving.url)
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")
    assert len(moving.received) == 1
    webhook.refresh_from_db()
    assert webhook.last_status == "302"


def test_an_address_that_is_not_http_is_not_called(article):
    comment = Comment.objects.filter(article=article).first()
    webhook = hook("ftp://127.0.0.1/hook")
    assert webhooks.deliver(CREATED, comment.pk, {}) == 0
    webhook.refresh_from_db()
    assert webhook.last_status.startswith("error:")


def test_a_comment_gone_before_delivery_is_not_told(receiver):
    hook(receiver.url)
    assert webhooks.deliver(CREATED, 987_654_321, {}) == 0
    assert receiver.received == []


# Verifying a signature --------------------------------------------------------------------------


def test_a_tampered_body_fails_verification(
    client, article, as_reader, receiver, django_capture_on_commit_callbacks
):
    _reader, auth = as_reader
    hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, auth, "A fair point, well made.")
    [delivery] = receiver.received
    body, headers = delivery["body"], delivery["headers"]
    timestamp, signature = headers["X-Tribune-Timestamp"], headers["X-Tribune-Signature"]
    assert webhooks.verify(SECRET, timestamp, body, signature)

    tampered = body.replace(b'"published"', b'"rejected"')
    assert tampered != body
    assert not webhooks.verify(SECRET, timestamp, tampered, signature)
    assert not webhooks.verify(SECRET, timestamp, body + b" ", signature)
    assert not webhooks.verify("another secret", timestamp, body, signature)
    assert not webhooks.verify(SECRET, str(int(timestamp) + 1), body, signature)
    # an old delivery replayed later is refused, however well signed
    assert not webhooks.verify(SECRET, timestamp, body, signature, now=int(timestamp) + 301)
    assert webhooks.verify(SECRET, timestamp, body, signature, now=int(timestamp) + 299)


@pytest.mark.parametrize(
    ("timestamp", "signature"),
    [
        (None, "sha256=00"),
        ("soon", "sha256=00"),
        ("1700000000", None),
        ("1700000000", "sha256=ѕ00"),
        ("", ""),
    ],
)
def test_verify_refuses_malformed_headers(timestamp, signature):
    assert webhooks.verify(SECRET, timestamp, b"{}", signature, now=1_700_000_000) is False


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body():
    body = b'{"event": "comment.created"}'
    expected = hmac.new(SECRET.encode(), b"1700000000." + body, hashlib.sha256).hexdigest()
    assert webhooks.sign(SECRET, "1700000000", body) == f"sha256={expected}"
    assert webhooks.verify(SECRET, "1700000000", body, f"sha256={expected}", now=1_700_000_000)


# The webhooks in the admin ----------------------------------------------------------------------

ADMIN = "/admin/webhooks/"


def admin_user(username, *, superuser=False, permissions=(), groups=()):
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(
            username=username, email=f"{username}@desk.example", password="pw"
        )
    user = model.objects.create_user(username=username, email=f"{username}@desk.example", password="pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["comments", "wagtailadmin"], codename__in=permissions
        )
    )
    return user


WEBHOOK_PERMISSIONS = ("access_admin", "add_webhook", "change_webhook", "delete_webhook")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_administrators_list_webhooks_with_their_last_answer(receiver):
    webhook = hook(receiver.url, name="Newsroom dashboard")
    Webhook.objects.filter(pk=webhook.pk).update(last_status="500")
    response = signed_in(admin_user("root_admin", superuser=True)).get(ADMIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Newsroom dashboard" in html and receiver.url in html and "500" in html
    assert SECRET not in html  # the list never shows a secret


def test_a_new_webhook_gets_a_generated_secret():
    client = signed_in(admin_user("root_admin", superuser=True))
    first = client.get(ADMIN + "new/").context["form"]["secret"].value()
    second = client.get(ADMIN + "new/").context["form"]["secret"].value()
    assert len(first) >= 32 and first != second


def test_editors_create_edit_and_delete_webhooks():
    editor = admin_user("webhook_editor", permissions=WEBHOOK_PERMISSIONS, groups=["Editors"])
    client = signed_in(editor)
    assert client.get(ADMIN).status_code == 200
    response = client.post(
        ADMIN + "new/",
        {
            "name": "Alerts",
            "url": "https://tools.example/hook",
            "secret": SECRET,
            "events": [HELD, DECIDED],
            "active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    webhook = Webhook.objects.get(name="Alerts")
    assert (webhook.url, webhook.secret, webhook.events, webhook.active) == (
        "https://tools.example/hook",
        SECRET,
        [HELD, DECIDED],
        True,
    )
    response = client.post(
        ADMIN + f"edit/{webhook.pk}/",
        {"name": "Alerts", "url": "https://tools.example/hook", "secret": SECRET},
    )
    assert response.status_code == 302
    webhook.refresh_from_db()
    assert webhook.events == [] and webhook.active is False  # no event ticked: every event
    assert client.post(ADMIN + f"delete/{webhook.pk}/").status_code == 302
    assert not Webhook.objects.filter(pk=webhook.pk).exists()


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("ftp://tools.example/hook", SECRET),
        ("file:///etc/passwd", SECRET),
        ("https://tools.example/hook", "short"),
    ],
)
def test_a_webhook_needs_a_web_address_and_a_long_secret(url, secret):
    client = signed_in(admin_user("root_admin", superuser=True))
    response = client.post(ADMIN + "new/", {"name": "Bad", "url": url, "secret": secret})
    assert response.status_code == 200 and response.context["form"].errors
    assert not Webhook.objects.filter(name="Bad").exists()


def test_moderators_do_not_see_webhooks(moderator, receiver):
    hook(receiver.url, name="Newsroom dashboard")
    client = signed_in(moderator)
    response = client.get(ADMIN)
    assert response.status_code in (302, 403)
    assert client.post(
        ADMIN + "new/", {"name": "Mine", "url": receiver.url, "secret": SECRET}
    ).status_code in (
        302,
        403,
    )
    assert not Webhook.objects.filter(name="Mine").exists()
    home = client.get("/admin/", follow=True).content.decode()
    assert ADMIN not in home and "Newsroom dashboard" not in home


def test_readers_never_reach_webhooks():
    reader = make_reader("plain_reader")
    response = signed_in(reader).get(ADMIN)
    assert response.status_code == 302 and "/login/" in response["Location"]
