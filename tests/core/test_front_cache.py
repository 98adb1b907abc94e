"""The front proxy's copies of a busy article: every change to its thread is followed by a purge that
runs after it, and the changes of one second share one purge; with no queue to wait in, each change
purges at once."""

import datetime

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


def test_nothing_is_purged_without_a_front_proxy(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    front_cache.purge_soon("article:7", ["http://example.org/en/story/"])
    assert PURGED == []
