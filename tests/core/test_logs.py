"""Every log line of a request carries its id, and the reader's response returns it."""

import json
import logging

import pytest

from tribune.core.logs import JsonFormatter, RequestIdFilter


@pytest.mark.django_db
def test_each_response_carries_a_fresh_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


@pytest.mark.django_db
def test_a_front_proxys_request_id_is_kept_and_a_malformed_one_replaced(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="edge-7f3a9c21")["X-Request-ID"] == "edge-7f3a9c21"
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\nwith newline")["X-Request-ID"]
    assert forged != "bad id\nwith newline" and len(forged) == 32


@pytest.mark.django_db
def test_the_access_line_has_the_request_id_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="tribune.request")
    response = client.get("/healthz", HTTP_X_REQUEST_ID="trace-000000001")
    [record] = [r for r in caplog.records if r.name == "tribune.request"]
    assert RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert response.status_code == 200
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert line["ms"] >= 0 and line["user"] is None
    assert line["logger"] == "tribune.request"
    assert line["request_id"] == "trace-000000001"


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", (), None)
    RequestIdFilter().filter(record)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"
