"""The probes: liveness without touching the database, readiness that checks what the site uses."""

import pytest
from django.db import connection
from django.test import override_settings


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ok_when_the_database_answers(client, settings):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200
    assert body["checks"]["database"]["status"] == "ok"
    if settings.REDIS_URL:
        assert body["checks"]["redis"]["status"] == "ok"
    else:
        assert body["checks"]["redis"] == {"status": "not configured"}


@pytest.mark.django_db
def test_readyz_is_503_when_redis_does_not_answer(client):
    # A port nobody listens on: the probe gives up after its one-second timeout.
    with override_settings(REDIS_URL="redis://127.0.0.1:9/0"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == {"status": "unavailable", "error": "ConnectionError"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["status"] == "unavailable"
    assert response["Retry-After"] == "5"  # a load balancer or a monitor knows to ask again soon


def test_probes_refuse_other_methods(client):
    assert client.post("/healthz").status_code == 405
