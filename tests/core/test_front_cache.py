"""The front proxy's copies of a busy article: every change to its thread is followed by a purge that
runs after it, and the changes of one second share one purge; with no queue to wait in, each change
purges at once. The purge of deploy/nginx is a refresh: the page is asked of the proxy's refresh
listener, which stores the new copy over the old."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from tribune.core import front_cache, tasks
from tribune.settings.base import task_backends

from .test_task_queue_fallback import closed_port

PURGED = []


class RecordingBackend(BaseBackend):
    """The proxy, at the edge: notes every address it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def proxy(settings):
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": "tests.core.test_front_cache.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    PURGED.clear()
    return PURGED


@pytest.fixture
def waiting_queue(settings, proxy):
    """A backend that keeps what is enqueued, and can hold it until later (as RQ's scheduler does)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = purge_urls_from_cache_task.get_backend()
    backend.clear()
    return backend


def test_the_changes_of_one_second_share_one_purge_that_runs_after_them(waiting_queue):
    before = timezone.now()
    for _ in range(3):
        front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    front_cache.purge_soon("article:8", ["http://example.org/en/other/"])
    queued = waiting_queue.results
    assert [r.args for r in queued] == [
        [["http://example.org/en/story/"]],
        [["http://example.org/en/other/"]],
    ]
    wait = queued[0].task.run_after - before
    assert datetime.timedelta(seconds=front_cache.COALESCE_SECONDS) <= wait < datetime.timedelta(seconds=3)


def test_a_change_after_the_mark_lapsed_queues_another_purge(waiting_queue):
    front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    cache.delete("frontcache:pending:article:7")  # lapsed: COALESCE_SECONDS passed
    front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    assert len(waiting_queue.results) == 2


def test_without_a_queue_that_can_wait_each_change_purges_at_once(settings, proxy):
    settings.TASKS = task_backends("immediate")
    for _ in range(2):
        front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    assert proxy == ["http://example.org/en/story/"] * 2


def test_when_the_queue_is_down_the_purge_runs_at_once_and_the_next_change_purges_again(
    settings, proxy, monkeypatch
):
    settings.TASKS = task_backends("rq")
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{closed_port()}/0"}}
    monkeypatch.setattr(tasks, "_queue_down_until", {})
    for _ in range(2):
        front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    assert proxy == ["http://example.org/en/story/"] * 2


def test_nothing_is_queued_without_a_front_proxy(waiting_queue, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    front_cache.purge(["http://example.org/en/story/"])
    assert waiting_queue.results == []


class Listener:
    """The proxy's refresh listener, on loopback: notes each request's method, path and Host."""

    def __init__(self, status=200):
        seen = self.seen = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append((self.command, self.path, self.headers["Host"]))
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"page")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_a_refresh_asks_the_proxy_for_the_page_with_its_host():
    listener = Listener()
    try:
        front_cache.RefreshBackend({"LOCATION": listener.url}).purge("https://news.example.org/hy/story/?p=2")
    finally:
        listener.close()
    assert listener.seen == [("GET", "/hy/story/?p=2", "news.example.org")]


def test_a_page_that_is_gone_is_refreshed_too_and_nothing_fails(caplog):
    listener = Listener(status=404)
    try:
        with caplog.at_level("INFO", logger="tribune.core.front_cache"):
            front_cache.RefreshBackend({"LOCATION": listener.url}).purge("http://news.example.org/en/gone/")
    finally:
        listener.close()
    assert listener.seen == [("GET", "/en/gone/", "news.example.org")]
    assert [r.levelname for r in caplog.records] == ["INFO"]


def test_a_proxy_that_does_not_answer_is_a_warning_not_an_error(caplog):
    backend = front_cache.RefreshBackend({"LOCATION": f"http://127.0.0.1:{closed_port()}"})
    with caplog.at_level("INFO", logger="tribune.core.front_cache"):
        backend.purge("http://news.example.org/en/story/")
    assert [r.levelname for r in caplog.records] == ["WARNING"]
