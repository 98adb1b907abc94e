"""/metrics: requests per route, the comments' outcomes per rule and language, decisions, reports, the
engine's latency, the desk's queues, failed tasks; who may read it; several processes summed.

Counters live as long as the test process, so each test reads them before and after and compares."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import path
from django_tasks import task
from prometheus_client.parser import text_string_to_metric_families

import tribune.houserules as houserules
from tests.comments.conftest import make_reader
from tribune.comments import services
from tribune.comments.models import Comment, Status
from tribune.core import metrics, metrics_views
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

ADVERT = "Call +374 91 123 456 now, 50% discount on apricots, t.me/cheap_apricots"


def scrape(client=None, **extra):
    response = (client or Client()).get("/metrics", **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return parse(response.content.decode())


def parse(text):
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0)


def article_in(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("-published_at").first()


def write(client, article, words, **extra):
    language = article.locale.language_code
    return client.post(f"/{language}/comments/{article.pk}/write/", {"text": words, **extra})


@pytest.fixture
def reader(db):
    return make_reader("metrics_reader")


@pytest.fixture
def signed_in(reader):
    client = Client()
    client.force_login(reader)
    return client


@pytest.fixture
def moderator(db):
    user = make_reader("metrics_moderator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_requests_are_counted_and_timed_by_route_method_and_status(client):
    before = scrape()
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert client.get("/no-such-thing/at/all").status_code == 302  # to /en/…, before any route
    assert client.get("/en/no-such-thing/at/all/").status_code == 404  # Wagtail's: no such page
    after = scrape()

    def moved(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("tribune_http_requests_total", view="healthz", method="GET", status="200") == 2
    assert moved("tribune_http_requests_total", view="healthz", method="POST", status="405") == 1
    assert moved("tribune_http_requests_total", view="unmatched", method="GET", status="302") == 1
    assert moved("tribune_http_requests_total", view="wagtail_page", method="GET", status="404") == 1
    assert (
        moved("tribune_http_request_duration_seconds_count", view="healthz", method="GET", status="2xx") == 2
    )
    assert (
        moved("tribune_http_request_duration_seconds_count", view="unmatched", method="GET", status="3xx")
        == 1
    )
    # The first scrape itself was counted by the time of the second.
    assert moved("tribune_http_requests_total", view="metrics", method="GET", status="200") == 1
    # No raw path ever becomes a label.
    assert not any("no-such-thing" in str(labels) for _name, labels in after)


def test_pages_are_one_route_whatever_their_path_and_cache_hits_are_told_apart():
    article = article_in("en")
    before = scrape()
    reader = Client()
    assert reader.get(article.url).status_code == 200
    assert reader.get(article.url)["X-Page-Cache"] == "hit"
    assert reader.get(article_in("hy").url).status_code == 200
    after = scrape()
    page = {"method": "GET", "status": "200"}
    assert (
        value(after, "tribune_http_requests_total", view="wagtail_page", **page)
        - value(before, "tribune_http_requests_total", view="wagtail_page", **page)
        == 2
    )
    assert (
        value(after, "tribune_http_requests_total", view="page_cache", **page)
        - value(before, "tribune_http_requests_total", view="page_cache", **page)
        == 1
    )


def broken_view(request):
    raise ZeroDivisionError("a bug")


urlpatterns = [path("broken/", broken_view, name="broken"), path("metrics", metrics_views.metrics_view)]


@pytest.mark.urls(__name__)
def test_a_view_that_raises_is_counted_as_an_exception_and_a_500():
    before = scrape()
    response = Client(raise_request_exception=False).get("/broken/")
    after = scrape()
    assert response.status_code == 500
    exceptions = ("tribune_http_exceptions_total", {"view": "broken", "exception": "ZeroDivisionError"})
    assert value(after, exceptions[0], **exceptions[1]) - value(before, exceptions[0], **exceptions[1]) == 1
    errors = {"view": "broken", "method": "GET", "status": "500"}
    assert (
        value(after, "tribune_http_requests_total", **errors)
        - value(before, "tribune_http_requests_total", **errors)
        == 1
    )


def test_a_published_comment_is_counted_with_its_language_and_the_engine_timed(
    signed_in, reader, django_capture_on_commit_callbacks
):
    article = article_in("en")
    words = "A careful, well sourced report. Thank you."
    before = scrape()
    with django_capture_on_commit_callbacks(execute=True):
        assert write(signed_in, article, words).status_code == 302
    after = scrape()
    assert Comment.objects.get(author=reader).status == Status.PUBLISHED
    published = {"language": "en", "outcome": "published", "rule": "none"}
    assert (
        value(after, "tribune_comments_submitted_total", **published)
        - value(before, "tribune_comments_submitted_total", **published)
        == 1
    )
    # Timed once for the quick judgement that answered the reader, and once more where the slow checks
    # (the optional encoder) would read the comment and judge it again after the commit.
    runs = 2 if houserules.assess(words, encoder=False).slow_checks else 1
    timed = ("tribune_houserules_assess_seconds_count", {"language": "en"})
    assert value(after, timed[0], **timed[1]) - value(before, timed[0], **timed[1]) == runs


def test_an_advert_sent_anyway_is_counted_as_rejected_under_its_rule_and_language(
    signed_in, reader, django_capture_on_commit_callbacks
):
    article = article_in("ru")
    before = scrape()
    with django_capture_on_commit_callbacks(execute=True):
        assert write(signed_in, article, ADVERT).status_code == 409  # the nudge: nothing stored
        assert write(signed_in, article, ADVERT, acknowledge_rules="1").status_code == 302
    after = scrape()
    comment = Comment.objects.get(author=reader)
    assert (comment.status, comment.held_for, comment.language) == (Status.REJECTED, "advertising", "ru")

    def moved(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert (
        moved("tribune_comments_submitted_total", language="ru", outcome="rejected", rule="advertising") == 1
    )
    assert moved("tribune_comments_nudged_total", language="ru", rule="advertising") == 1
    assert (
        moved("tribune_comments_submitted_total", language="en", outcome="rejected", rule="advertising") == 0
    )
    assert moved("tribune_houserules_assess_seconds_count", language="ru") == 2


def test_a_comment_rolled_back_with_its_transaction_is_not_counted(
    reader, django_capture_on_commit_callbacks
):
    article = article_in("hy")
    labels = ("tribune_comments_submitted_total", {"language": "hy", "outcome": "published", "rule": "none"})
    before = scrape()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.comment_submit(author=reader, article=article, text_raw="Շնորհակալություն հոդվածի համար։")
        raise RuntimeError("the caller's transaction fails after the comment")
    assert not Comment.objects.filter(author=reader).exists()
    assert value(scrape(), labels[0], **labels[1]) == value(before, labels[0], **labels[1])


def test_held_comments_fill_the_desk_queue_then_a_decision_and_a_report_are_counted(
    reader, moderator, django_capture_on_commit_callbacks
):
    article = article_in("en")
    second = make_reader("metrics_second_reader")
    before = scrape()
    with django_capture_on_commit_callbacks(execute=True):
        held = services.comment_submit(
            author=reader,
            article=article,
            text_raw="You are a stupid idiot and a liar, shut up",
            acknowledge_rules=True,
        )
        shown = services.comment_submit(author=second, article=article, text_raw="Good reporting, as always.")
    assert (held.status, held.held_for, shown.status) == (Status.HELD, "abusive", Status.PUBLISHED)
    cache.clear()  # the queues' depths are kept for a few seconds
    waiting = scrape()

    def moved(samples, earlier, name, **labels):
        return value(samples, name, **labels) - value(earlier, name, **labels)

    assert (
        moved(
            waiting, before, "tribune_comments_submitted_total", language="en", outcome="held", rule="abusive"
        )
        == 1
    )
    assert moved(waiting, before, "tribune_desk_queue_depth", queue="held", language="en") == 1
    assert moved(waiting, before, "tribune_desk_queue_depth", queue="unmoderated", language="en") == 1
    assert moved(waiting, before, "tribune_desk_queue_depth", queue="held", language="ru") == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(comment_id=held.pk, moderator=moderator, action="reject", reason="abusive")
        services.comment_report(comment=shown, reporter=reader, reason="off_topic")
    cache.clear()
    decided = scrape()
    assert moved(decided, waiting, "tribune_moderation_decisions_total", action="reject", language="en") == 1
    assert moved(decided, waiting, "tribune_comment_reports_total", reason="off_topic", language="en") == 1
    assert moved(decided, waiting, "tribune_desk_queue_depth", queue="held", language="en") == -1
    assert moved(decided, waiting, "tribune_desk_queue_depth", queue="reported", language="en") == 1


@task()
def failing_task():
    raise ValueError("the mail server said no")


def test_a_task_that_raises_is_counted_under_its_name(django_capture_on_commit_callbacks):
    name = f"{__name__}.failing_task"
    before = scrape()
    with django_capture_on_commit_callbacks(execute=True):
        result = failing_task.enqueue()
    assert str(result.status) == "FAILED"
    assert (
        value(scrape(), "tribune_tasks_failed_total", task=name)
        - value(before, "tribune_tasks_failed_total", task=name)
        == 1
    )


@pytest.mark.skipif(not settings.REDIS_URL, reason="the RQ queues need Redis (REDIS_URL)")
def test_rq_queues_report_their_length_and_failed_jobs():
    pytest.importorskip("django_rq", reason="RQ is optional: without django-rq nothing is reported")
    import django_rq
    from rq.job import Job

    name = f"metrics-test-{uuid.uuid4().hex[:8]}"
    rq_settings = {
        "RQ_QUEUES": {name: {"URL": settings.REDIS_URL}},
        "RQ": {},
        "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}},
    }
    with override_settings(**rq_settings):
        queue = django_rq.get_queue(name, commit_mode="auto")  # now, not after the test's transaction
        try:
            queue.enqueue("os.getcwd")
            queue.enqueue("os.getcwd")
            failed = Job.create("os.getcwd", connection=queue.connection, origin=name)
            failed.save()
            queue.failed_job_registry.add(failed, ttl=60)
            samples = scrape()
        finally:
            queue.empty()
            queue.failed_job_registry.remove(failed, delete_job=True)
    assert value(samples, "tribune_task_queue_length", queue=name) == 2
    assert value(samples, "tribune_task_queue_failed_jobs", queue=name) == 1
    assert value(samples, "tribune_task_queue_up") == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}})
def test_tasks_run_in_process_have_no_queue_to_report():
    assert metrics.rq_queue_names() == []
    assert not any(name.startswith("tribune_task_queue") for name, _labels in scrape())


# Who may read it.


@pytest.mark.parametrize(
    ("address", "headers", "status"),
    [
        ("127.0.0.1", {}, 200),
        ("::1", {}, 200),
        ("::ffff:127.0.0.1", {}, 200),
        ("203.0.113.9", {}, 404),
        ("10.1.2.3", {}, 404),
        # Through the proxy on the same machine a reader's request comes from loopback too.
        ("127.0.0.1", {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}, 404),
        ("127.0.0.1", {"HTTP_X_REAL_IP": "203.0.113.9"}, 404),
    ],
)
def test_only_direct_connections_from_allowed_addresses_are_answered(address, headers, status):
    response = Client().get("/metrics", REMOTE_ADDR=address, **headers)
    assert response.status_code == status
    assert (b"tribune_http_requests_total" in response.content) == (status == 200)


def test_the_allowed_addresses_may_be_networks(settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    assert Client().get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


def test_a_bearer_token_lets_a_scraper_in_from_anywhere(settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    outside = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert (
        Client().get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token", **outside).status_code
        == 200
    )
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer guessed", **outside).status_code == 403
    assert Client().get("/metrics", **outside).status_code == 404


def test_a_bearer_token_means_nothing_when_none_is_set():
    outside = {"REMOTE_ADDR": "203.0.113.9", "HTTP_AUTHORIZATION": "Bearer "}
    assert Client().get("/metrics", **outside).status_code == 404


def test_the_metrics_are_never_cached_nor_language_prefixed(client):
    response = client.get("/metrics")
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert client.get("/en/metrics", follow=True).status_code == 404


# Several processes.

WRITER = """
import sys
from tribune.core import metrics
for _ in range(int(sys.argv[1])):
    metrics.HTTP_REQUESTS.labels("healthz", "GET", "200").inc()
metrics.ENGINE_LATENCY.labels("hy").observe(0.02)
"""


def test_processes_sharing_a_directory_are_summed_in_one_scrape(tmp_path, monkeypatch):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as in gunicorn's master: the module needs no settings
    for count in (3, 4):
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", WRITER, str(count)],
            env=env,
            cwd=settings.BASE_DIR,
            check=True,
            timeout=120,
        )
    assert len(list(tmp_path.glob("counter_*.db"))) == 2

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    samples = scrape()
    assert value(samples, "tribune_http_requests_total", view="healthz", method="GET", status="200") == 7
    assert value(samples, "tribune_houserules_assess_seconds_count", language="hy") == 2
    assert value(samples, "tribune_houserules_assess_seconds_bucket", language="hy", le="0.025") == 2
    # What the database says is read at scrape time, in multiprocess mode too.
    assert ("tribune_desk_queue_depth", frozenset({"queue": "held", "language": "en"}.items())) in samples


def test_gunicorns_hooks_clear_the_directory_and_forget_a_dead_workers_live_gauges(tmp_path, monkeypatch):
    class Worker:
        pid = 4242

    for name in ("counter_4242.db", "gauge_livesum_4242.db", "gauge_livesum_77.db"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    metrics.child_exit(None, Worker())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counter_4242.db", "gauge_livesum_77.db"]
    metrics.on_starting(None)
    assert list(tmp_path.iterdir()) == []


def test_gunicorns_hooks_do_nothing_without_a_directory(tmp_path, monkeypatch):
    class Worker:
        pid = 4242

    (tmp_path / "gauge_livesum_4242.db").write_bytes(b"")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    metrics.child_exit(None, Worker())
    metrics.on_starting(None)
    assert [p.name for p in tmp_path.iterdir()] == ["gauge_livesum_4242.db"]
