"""Prometheus metrics: requests and their latency per route, the comments submitted and what became of
them (per rule and language), the moderators' decisions, reports, the house-rules engine's latency,
the desk's queues, the task queues and failed tasks. Served at /metrics (see `metrics_views`).

Labels are bounded: a route's name (never its path), a status code, a method from a fixed list, a
language among en, ru, hy and "other", a rule or hold reason from the fixed sets.

Several gunicorn workers aggregate through files: set PROMETHEUS_MULTIPROC_DIR in the environment of
the whole service (an empty directory, before anything imports this module), and in gunicorn's
configuration `from tribune.core.metrics import child_exit, on_starting`. Without it (`make run`,
tests) the metrics live in the process's own registry.

This module imports nothing from the comments app at import time, so gunicorn's configuration can
import it before Django is set up."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import pathlib
import time

from django.db import transaction
from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, multiprocess
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "ru", "hy")
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
# Why a comment was not published at once: the house rules, then the site's holds.
REASONS = (
    "abusive",
    "filthy",
    "advertising",
    "off_topic",
    "other",
    "premoderation",
    "premoderated_reader",
    "new_commenter",
    "links",
    "engine_off",
    "engine_unavailable",
)
SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
ENGINE_SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)

HTTP_REQUESTS = Counter(
    "tribune_http_requests",
    "HTTP requests answered, by route name, method and status code.",
    ["view", "method", "status"],
)
HTTP_LATENCY = Histogram(
    "tribune_http_request_duration_seconds",
    "Time from the request reaching Django to the response leaving it, by route, method and status class.",
    ["view", "method", "status"],
    buckets=SECONDS,
)
HTTP_EXCEPTIONS = Counter(
    "tribune_http_exceptions",
    "Exceptions raised by views, by route name and exception class.",
    ["view", "exception"],
)
COMMENTS_SUBMITTED = Counter(
    "tribune_comments_submitted",
    "Comments stored at submit, by the article's language, outcome (published, held, rejected) and the "
    'rule or hold reason ("none" when published).',
    ["language", "outcome", "rule"],
)
COMMENTS_NUDGED = Counter(
    "tribune_comments_nudged",
    "Comments sent back to their author to reconsider (nothing stored), by language and first rule.",
    ["language", "rule"],
)
DECISIONS = Counter(
    "tribune_moderation_decisions",
    "Moderators' decisions, by action and the comment's language.",
    ["action", "language"],
)
REPORTS = Counter(
    "tribune_comment_reports",
    "Readers' reports, by reason and the comment's language.",
    ["reason", "language"],
)
ENGINE_LATENCY = Histogram(
    "tribune_houserules_assess_seconds",
    "Time the house-rules engine takes to assess one comment, by the article's language.",
    ["language"],
    buckets=ENGINE_SECONDS,
)
ENGINE_FAILURES = Counter(
    "tribune_houserules_failures",
    "Assessments that raised (the comment was held for a person), by the article's language.",
    ["language"],
)
TASKS_FAILED = Counter(
    "tribune_tasks_failed",
    "Runs of background tasks that raised (each attempt), by task, counted in the process that ran it.",
    ["task"],
)


def language_label(code):
    return code if code in LANGUAGES else "other"


def reason_label(reason):
    return reason if reason in REASONS else ("none" if not reason else "other")


# HTTP.


def route_name(request, response=None):
    """A request's route: the resolved URL's name (namespace:name), "wagtail_page" for any page,
    "page_cache" for a page served from the anonymous page cache, "static" for static files,
    "unmatched" when nothing resolved."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        name = match.view_name
        return "wagtail_page" if name == "wagtail_serve" else name
    if response is not None and response.get("X-Page-Cache") == "hit":
        return "page_cache"
    from django.conf import settings

    if settings.STATIC_URL and request.path.startswith(settings.STATIC_URL):
        return "static"
    return "unmatched"


class MetricsMiddleware:
    """Counts and times every response. Sits just inside RequestIdMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        view = route_name(request, response)
        method = request.method if request.method in METHODS else "other"
        status = response.status_code
        HTTP_REQUESTS.labels(view, method, str(status)).inc()
        HTTP_LATENCY.labels(view, method, f"{status // 100}xx").observe(elapsed)
        return response

    def process_exception(self, request, exception):
        HTTP_EXCEPTIONS.labels(route_name(request), type(exception).__name__).inc()


# Comments. Each is counted when its transaction commits: work rolled back is not counted.


def _after_commit(child):
    transaction.on_commit(child.inc)


def comment_submitted(comment):
    outcome = {"published": "published", "held": "held", "rejected": "rejected"}.get(comment.status, "other")
    rule = "none" if outcome == "published" else reason_label(comment.held_for)
    _after_commit(COMMENTS_SUBMITTED.labels(language_label(comment.language), outcome, rule))


def comment_nudged(*, language, rule):
    COMMENTS_NUDGED.labels(language_label(language), reason_label(rule)).inc()


def comment_decided(decision, comment):
    _after_commit(DECISIONS.labels(str(decision.action), language_label(comment.language)))


def comment_reported(report, comment):
    _after_commit(REPORTS.labels(str(report.reason), language_label(comment.language)))


@contextlib.contextmanager
def engine_timer(language):
    """Times one assessment; one that raises is counted as a failure (and the error goes on)."""
    language = language_label(language)
    started = time.perf_counter()
    try:
        yield
    except Exception:
        ENGINE_FAILURES.labels(language).inc()
        raise
    ENGINE_LATENCY.labels(language).observe(time.perf_counter() - started)


@receiver(task_finished, dispatch_uid="tribune-metrics-task-finished")
def count_failed_task(sender, task_result, **kwargs):
    if task_result.status == TaskResultStatus.FAILED:
        TASKS_FAILED.labels(task_result.task.module_path).inc()


# Read at scrape time.

QUEUE_SECONDS = 15


def desk_queue_depths():
    """{(queue, language): comments waiting} for the desk's menu queues. Two grouped queries, kept
    for a few seconds in the shared cache (several scrapers, several processes)."""
    from django.core.cache import cache
    from django.db.models import Count

    from tribune.comments.models import Appeal, Comment, Status
    from tribune.comments.queues import MENU_QUEUES, QUEUES

    found = cache.get("metrics:desk-queues")
    if found is not None:
        return {tuple(key.split(":")): n for key, n in found.items()}
    names = [name for name in MENU_QUEUES if name != "appeals"]
    depths = {(name, language): 0 for name in MENU_QUEUES for language in (*LANGUAGES, "other")}
    rows = (
        Comment.objects.filter(status__in=(Status.HELD, Status.PUBLISHED))
        .order_by()
        .values("language")
        .annotate(**{name: Count("pk", filter=QUEUES[name].condition) for name in names})
    )
    for row in rows:
        for name in names:
            depths[(name, language_label(row["language"]))] += row[name]
    appeals = (
        Appeal.objects.filter(outcome=Appeal.Outcome.OPEN)
        .order_by()
        .values("comment__language")
        .annotate(n=Count("pk"))
    )
    for row in appeals:
        depths[("appeals", language_label(row["comment__language"]))] += row["n"]
    cache.set("metrics:desk-queues", {":".join(key): n for key, n in depths.items()}, QUEUE_SECONDS)
    return depths


class DeskQueueCollector:
    def describe(self):
        return []

    def collect(self):
        family = GaugeMetricFamily(
            "tribune_desk_queue_depth",
            "Comments waiting in each of the desk's queues, by the comment's language.",
            labels=["queue", "language"],
        )
        for (queue, language), count in sorted(desk_queue_depths().items()):
            family.add_metric([queue, language], count)
        yield family


def rq_queue_names():
    """The queues of the task backends that run on RQ; none when RQ is not installed or not used."""
    try:
        import django_rq  # noqa: F401
        from django_tasks import task_backends
    except ImportError:
        return []
    names = set()
    for alias in task_backends.settings:
        backend = task_backends[alias]
        if type(backend).__module__.startswith("django_tasks_rq"):
            names.update(backend.queues)
    return sorted(names)


class TaskQueueCollector:
    def describe(self):
        return []

    def collect(self):
        names = rq_queue_names()
        if not names:
            return
        import django_rq

        length = GaugeMetricFamily(
            "tribune_task_queue_length", "Tasks waiting in each RQ queue.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "tribune_task_queue_failed_jobs", "Jobs in each RQ queue's failed-job registry.", labels=["queue"]
        )
        up = GaugeMetricFamily("tribune_task_queue_up", "1 when the task queues' Redis answered this scrape.")
        try:
            for name in names:
                queue = django_rq.get_queue(name)
                length.add_metric([name], queue.count)
                failed.add_metric([name], queue.failed_job_registry.count)
        except Exception as error:  # a scrape reports; it does not fail because Redis is away
            logger.warning("task queue metrics unavailable: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield from (length, failed, up)


# The scrape.


def multiprocess_dir():
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class _Scrape:
    """The process's metrics (or every process's, read from the shared directory) and the collectors
    that read the database and the task queues."""

    def __init__(self, *sources):
        self.sources = sources

    def collect(self):
        for source in self.sources:
            yield from source.collect()


def scrape_registry():
    path = multiprocess_dir()
    if path is None:
        return _Scrape(REGISTRY, DeskQueueCollector(), TaskQueueCollector())
    _warn_if_not_multiprocess()
    registry = CollectorRegistry(auto_describe=False)
    multiprocess.MultiProcessCollector(registry, path=path)
    return _Scrape(registry, DeskQueueCollector(), TaskQueueCollector())


@functools.cache
def _warn_if_not_multiprocess():
    from prometheus_client import values

    if values.ValueClass is values.MutexValue:
        logger.error(
            "PROMETHEUS_MULTIPROC_DIR was set after prometheus_client was imported: this process's "
            "metrics are not shared. Set it in the service's environment."
        )


# Gunicorn's hooks (deploy/gunicorn.conf.py imports them).


def on_starting(server):
    """Empty the shared directory before the first worker starts: files of a previous run would
    be added to this one's."""
    path = multiprocess_dir()
    if path:
        for stale in pathlib.Path(path).glob("*.db"):
            stale.unlink()


def child_exit(server, worker):
    """A worker is gone: its live gauges go with it (its counters stay, as Prometheus expects)."""
    if multiprocess_dir():
        multiprocess.mark_process_dead(worker.pid)
