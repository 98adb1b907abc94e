"""When the task queue (Redis) cannot be reached, a comment is still accepted and screened, and the
work that would have been queued is done in the process instead; the periodic jobs; the settings.

No Redis is needed: the queue is pointed at a loopback port where nothing listens."""

import datetime
import io
import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import django_rq
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from tribune.accounts import notices, tokens
from tribune.accounts.models import Notice
from tribune.accounts.tasks import email_notice
from tribune.comments import services
from tribune.comments.models import Comment, CommentSettings, Status, Webhook
from tribune.core import tasks
from tribune.newsroom.models import ArticlePage
from tribune.settings.base import task_backends

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def queue_down(settings, monkeypatch):
    """Tasks go to RQ, on a Redis that does not answer; every process starts believing it is up."""
    settings.TASKS = task_backends("rq")
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{closed_port()}/0"}}
    monkeypatch.setattr(tasks, "_queue_down_until", {})
    tries = []
    get_queue = django_rq.get_queue

    def counted(*args, **kwargs):
        tries.append(args)
        return get_queue(*args, **kwargs)

    monkeypatch.setattr(django_rq, "get_queue", counted)
    return tries


class Receiver:
    """An HTTP server on loopback that notes the event of every POST."""

    def __init__(self):
        self.events = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.events.append(json.loads(body)["event"])
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def receiver():
    running = Receiver()
    running.thread.start()
    yield running
    running.server.shutdown()
    running.server.server_close()


def person(name, **fields):
    return get_user_model().objects.create_user(
        username=name, email=f"{name}@readers.example", password="pw", display_name=name, **fields
    )


@pytest.fixture
def article():
    return ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()


def test_a_comment_is_accepted_screened_and_its_work_done_while_redis_is_down(
    client, article, queue_down, receiver, caplog, django_capture_on_commit_callbacks
):
    CommentSettings.objects.update(min_seconds_between_comments=0)
    Webhook.objects.create(name="desk tool", url=receiver.url, secret="a-long-shared-secret-for-tests-0123")
    reader = person("queue_down_reader")
    _token, clear = tokens.issue(user=reader, name="test")
    moderator = person("queue_down_moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))

    with caplog.at_level(logging.WARNING, logger="tribune.core.tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/api/v1/articles/{article.pk}/comments",
                {"text": "A fair point, well made, about the budget."},
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {clear}",
            )
        assert response.status_code == 201, response.content
        comment = Comment.objects.get(pk=response.json()["id"])
        assert comment.status == Status.PUBLISHED and comment.model_version  # accepted and screened
        assert receiver.events == ["comment.created"]  # the webhook went out from this process
        assert "task queue 'default' unavailable (ConnectionError" in caplog.text

        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_moderate(
                comment_id=comment.pk, moderator=moderator, action="reject", reason="other", note="Spam."
            )
    [message] = mail.outbox  # the author's notice was mailed here, once
    assert message.to == [reader.email]
    assert Notice.objects.get(user=reader, kind="rejected").emailed_at is not None
    assert len(queue_down) == 1  # one try of the queue; then it is left alone for a while


def test_a_process_tries_the_queue_again_after_a_while(queue_down, settings):
    reader = person("queue_again_reader")
    first, second = (Notice.objects.create(user=reader, kind="approved", params={}) for _ in range(2))

    assert tasks.enqueue_safely(email_notice, first.pk).return_value is True
    assert tasks.enqueue_safely(email_notice, first.pk).return_value is False  # run here, not sent twice
    assert len(queue_down) == 1
    settings.TASK_QUEUE_DOWN_SECONDS = 0
    tasks._queue_down_until.clear()
    assert tasks.enqueue_safely(email_notice, second.pk).return_value is True
    assert len(queue_down) == 2
    assert len(mail.outbox) == 2


def test_a_task_that_fails_in_the_process_is_logged_not_raised(queue_down, monkeypatch, caplog):
    def broken(notice_id):
        raise RuntimeError("the mail server is away too")

    monkeypatch.setattr(notices, "deliver_email", broken)
    with caplog.at_level(logging.ERROR, logger="django_tasks"):
        result = tasks.enqueue_safely(email_notice, 1)
    assert result.status.name == "FAILED"
    assert result.errors[0].exception_class_path == "builtins.RuntimeError"


def test_every_job_is_created_with_its_retries(settings):
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{closed_port()}/0"}}
    queue = django_rq.get_queue("default")
    assert isinstance(queue, tasks.RetryingQueue)
    job = queue.create_job("tribune.accounts.tasks.email_notice", args=[1])
    assert job.retries_left == settings.TASK_RETRIES
    assert job.retry_intervals == settings.TASK_RETRY_INTERVALS


def test_the_task_backends_of_the_settings():
    assert task_backends("immediate")["default"]["BACKEND"].endswith("ImmediateBackend")
    assert task_backends("rq")["default"] == {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    with pytest.raises(ValueError, match="TASKS_BACKEND"):
        task_backends("celery")


# Periodic jobs -----------------------------------------------------------------------------------


def scheduled_revision(article, title):
    """A new revision of `article` that an editor scheduled, now due."""
    article.title = title
    revision = article.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return revision


def test_scheduled_publishing_runs_as_a_task(article):
    revision = scheduled_revision(article, "Budget passes on second reading")
    out = io.StringIO()
    call_command("enqueue_periodic", "publish_scheduled", stdout=out)
    assert "publish_scheduled ran in this process" in out.getvalue()
    article.refresh_from_db()
    assert article.title == "Budget passes on second reading" and article.live_revision_id == revision.pk
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_scheduled_publishing_runs_once_at_a_time(article):
    scheduled_revision(article, "Not yet")
    cache.add(tasks.PUBLISH_LOCK, "1", timeout=60)  # another worker is publishing
    assert tasks.publish_scheduled.call() is False
    article.refresh_from_db()
    assert article.title != "Not yet"
    cache.delete(tasks.PUBLISH_LOCK)
    assert tasks.publish_scheduled.call() is True
    article.refresh_from_db()
    assert article.title == "Not yet"


def test_the_sweep_runs_as_a_periodic_job():
    out = io.StringIO()
    call_command("enqueue_periodic", "sweep_comments", stdout=out)
    assert "sweep_comments ran in this process" in out.getvalue()
