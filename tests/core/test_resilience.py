"""When Redis or PostgreSQL goes away: pages still render, comments are still accepted and screened,
and a request that needs the missing database gets a clear, temporary 503."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache, caches
from django.db import OperationalError
from django.test import Client, RequestFactory, override_settings

from tribune.comments import ratelimit, services
from tribune.comments.models import Comment, Status
from tribune.core import errors
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

RECOVERIES = []
REDIS_SERVER = shutil.which("redis-server")


def record_recovery():
    RECOVERIES.append(time.monotonic())


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(port, **options):
    return {
        "default": {
            "BACKEND": "tribune.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_SECONDS": options.pop("retry", 5),
                "FALLBACK_MAX_SECONDS": 30,
                "ON_RECOVER": "tests.core.test_resilience.record_recovery",
                **options,
            },
        }
    }


def start_redis(port, directory):
    """A real redis-server of the test's own, answering on `port`."""
    process = subprocess.Popen(  # noqa: S603 - our own arguments
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise AssertionError("redis-server did not start")


@pytest.fixture
def live_redis(tmp_path):
    port = free_port()
    server = start_redis(port, tmp_path)
    try:
        with override_settings(CACHES=redis_cache(port)):
            yield caches["default"]
            caches["default"].close()
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def dead_redis():
    """The cache points at a port where nothing listens (Redis stopped)."""
    with override_settings(CACHES=redis_cache(free_port())):
        yield
    caches["default"].close()


@pytest.fixture
def article(db):
    return ArticlePage.objects.live().filter(locale__language_code="hy").order_by("-published_at").first()


@pytest.fixture
def reader(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        username="no_redis", email="nr@readers.example", password="pw"
    )


def test_without_redis_the_cache_answers_from_the_process_memory(dead_redis):
    assert cache.get("missing", "default") == "default"
    cache.set("headline", "kept", 60)
    assert cache.get("headline") == "kept"
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 2
    cache.delete("headline")
    assert cache.get("headline") is None
    assert caches["default"].redis_down


def test_without_redis_the_rate_limits_still_hold_in_each_process(dead_redis):
    assert [ratelimit.hit("flood:127.0.0.1", 3, 3600) for _ in range(3)] == [0, 0, 0]
    assert ratelimit.hit("flood:127.0.0.1", 3, 3600) > 0


def test_without_redis_pages_render(dead_redis, article):
    for url in ("/hy/", article.url):
        response = Client().get(url)
        assert response.status_code == 200, url


def test_without_redis_a_comment_is_accepted_and_screened(dead_redis, article, reader):
    with pytest.raises(services.errors.Nudge):
        services.comment_submit(author=reader, article=article, text_raw="Դու ապուշ ես, լռիր")
    comment = services.comment_submit(
        author=reader, article=article, text_raw="Շնորհակալություն հոդվածի համար, շատ հետաքրքիր էր։"
    )
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.status == Status.PUBLISHED
    assert comment.model_version and comment.scores


def test_without_redis_the_cooldown_between_two_comments_still_holds(dead_redis, article, reader):
    services.comment_submit(author=reader, article=article, text_raw="Առաջին մեկնաբանությունս այստեղ։")
    with pytest.raises(services.errors.RateLimited):
        services.comment_submit(author=reader, article=article, text_raw="Երկրորդը՝ անմիջապես հետո։")


@pytest.mark.skipif(not REDIS_SERVER, reason="needs redis-server (Debian: redis-server)")
def test_a_redis_that_stops_and_comes_back(tmp_path):
    """A real Redis of the test's own: stopped, the cache answers from memory and forgets within the
    fallback's lifetime; back, the cache uses it again and runs the recovery hook once (the page
    cache's purge in production), for the deletions Redis missed. One redis.Redis object serves
    every command (Django's client would build one per command), before the stop and after it."""
    port = free_port()

    def start():
        return start_redis(port, tmp_path)

    server = start()
    RECOVERIES.clear()
    try:
        with override_settings(CACHES=redis_cache(port, retry=0)):
            cache.set("page", "from redis", 60)
            assert cache.get("page") == "from redis"
            client = caches["default"]._cache.get_client()
            assert caches["default"]._cache.get_client(write=True) is client
            server.terminate()
            server.wait(10)
            assert cache.get("page") is None  # gone with Redis, and no error
            cache.delete("page")  # a purge Redis did not hear of
            cache.set("while-down", "memory", 60)
            assert cache.get("while-down") == "memory"
            assert RECOVERIES == []
            server = start()
            cache.set("page", "fresh", 60)
            assert cache.get("page") == "fresh"
            assert len(RECOVERIES) == 1
            assert cache.get("while-down") is None  # Redis answers again, not the memory
            assert caches["default"]._cache.get_client() is client
            caches["default"].close()
    finally:
        server.terminate()
        server.wait(10)


def test_a_request_that_finds_no_database_gets_a_temporary_503():
    request = RequestFactory().get("/en/")
    try:
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Back in a moment" in html and "Сайт вернётся" in html and "Կայքը շուտով" in html


def test_any_other_failure_is_a_500():
    request = RequestFactory().get("/en/")
    try:
        raise KeyError("a bug")
    except KeyError:
        response = errors.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@override_settings(DEBUG=False)
def test_the_site_answers_503_when_the_database_fails_in_a_view(monkeypatch):
    from wagtail.models import Site

    def no_database(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(Site, "find_for_request", staticmethod(no_database))
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_the_api_answers_503_in_json_when_the_database_fails(monkeypatch, article):
    from tribune.comments import api as comments_api

    def no_database(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(comments_api, "_live_article", no_database)
    response = Client().get(f"/api/v1/articles/{article.pk}/comments")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert response.json()["code"] == "unavailable"


def test_a_window_counter_counts_and_always_expires(live_redis):
    assert [live_redis.count_in_window("window", 30) for _ in range(3)] == [1, 2, 3]
    client = live_redis._cache.get_client()
    ttl = client.ttl(live_redis.make_and_validate_key("window"))
    assert 0 < ttl <= 30
    live_redis.count_in_window("window", 30)
    assert client.ttl(live_redis.make_and_validate_key("window")) <= ttl  # the first count set it


def test_several_window_counters_count_together_and_each_expires(live_redis):
    live_redis.count_in_window("reader", 30)
    assert live_redis.counts_in_window(["reader", "address"], 30) == [2, 1]
    client = live_redis._cache.get_client()
    for key in ("reader", "address"):
        assert 0 < client.ttl(live_redis.make_and_validate_key(key)) <= 30


def test_without_redis_several_window_counters_count_in_the_process_memory(dead_redis):
    assert cache.counts_in_window(["reader", "address"], 30) == [1, 1]
    assert cache.counts_in_window(["reader", "address"], 30) == [2, 2]


def test_incr_adds_to_a_counter_and_refuses_a_missing_one(live_redis):
    live_redis.set("counter", 5)
    assert live_redis.incr("counter") == 6
    assert live_redis.incr("counter", 10) == 16
    assert live_redis.get("counter") == 16
    with pytest.raises(ValueError):
        live_redis.incr("never-set")
    assert live_redis.get("never-set") is None  # and did not create it


def test_without_redis_a_window_counter_counts_in_the_process_memory(dead_redis):
    assert [cache.count_in_window("window", 30) for _ in range(3)] == [1, 2, 3]


def test_rate_limits_on_redis_refuse_past_the_limit(live_redis):
    waits = [ratelimit.hit("reader:7", 3, 3600) for _ in range(5)]
    assert waits[:3] == [0, 0, 0]
    assert all(wait > 0 for wait in waits[3:])


def test_a_reader_and_their_address_are_limited_together(live_redis):
    # Another reader has used up most of the address's hour: the address's count refuses first.
    ratelimit.hit("ip:192.0.2.9", 3, 3600)
    ratelimit.hit("ip:192.0.2.9", 3, 3600)
    keys = ["user:8", "ip:192.0.2.9"]
    assert ratelimit.hit_all(keys, 3, 3600) == 0
    assert 0 < ratelimit.hit_all(keys, 3, 3600) <= 3600
    assert ratelimit.hit("user:8", 3, 3600) == 0  # the reader's own count is still within it
