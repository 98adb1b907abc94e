"""Property-based check of the API against its own OpenAPI document: for every operation, schemathesis
generates valid and invalid requests and checks that no answer is a server error, that every status
is documented and that every body matches the documented schema.

The application is called in process through WSGI (schemathesis' `from_wsgi`), inside the test's
transaction (`db`), so the seeded demo is there and is left as it was: `live_server` would need
`transactional_db`, whose flush would wipe the demo for the tests that follow. As Django's own test
client does, the handler's `close_old_connections` is disconnected meanwhile, or the end of the
first request would close the connection that holds the transaction.

The operations are driven with `APIOperation.as_strategy` and Hypothesis' `@given` rather than
`schemathesis.pytest.from_fixture(...).parametrize()`: that integration fails under pytest 9.2
(`'Function' object has no attribute '_nodeid'`)."""

import re
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from tribune.accounts import tokens
from tribune.comments.models import Appeal, Comment, CommentSettings, Status
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

CHECKS = [checks.not_a_server_error, checks.response_schema_conformance, checks.status_code_conformance]
EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    database=None,  # nothing written to .hypothesis/
    derandomize=True,  # the same requests on every run
    suppress_health_check=list(HealthCheck),
)
PATH_PARAMETER = re.compile(r"{(\w+)}")


@pytest.fixture
def wsgi_app(db):
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def credentials(db):
    """Mark, a demo reader: a bearer token for the comment operations, a session (cookie and CSRF
    token) for the token operations, which refuse tokens."""
    mark = get_user_model().objects.get(username="mark")
    token, clear = tokens.issue(user=mark, name="schemathesis")
    session = Client()
    session.force_login(mark)
    csrf = get_random_string(32)
    moderator = get_user_model().objects.get(username="moderator")
    _, moderator_clear = tokens.issue(user=moderator, name="schemathesis")
    return {
        "token": token,
        "bearer": {"headers": {"Authorization": f"Bearer {clear}"}},
        "moderator": {"headers": {"Authorization": f"Bearer {moderator_clear}"}},
        "session": {
            "headers": {"X-CSRFToken": csrf},
            "cookies": {"sessionid": session.cookies["sessionid"].value, "csrftoken": csrf},
        },
    }


@pytest.fixture
def existing_ids(db, credentials):
    """Ids that exist: random ones would almost never find anything to edit, delete or report."""
    article = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()
    comments = Comment.objects.filter(article=article, status=Status.PUBLISHED)
    return {
        "article_id": [article.pk],
        "comment_id": list(comments.values_list("pk", flat=True)),  # Mark's own, and Anahit's reply
        "token_id": [credentials["token"].pk],
        "queue": ["held", "reported", "off_topic", "unmoderated", "appeals"],
        "appeal_id": list(Appeal.objects.values_list("pk", flat=True)) or [1],
    }


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)


def with_existing_ids(operation, mode, existing_ids):
    strategies = [operation.as_strategy(generation_mode=mode)]
    names = PATH_PARAMETER.findall(operation.path)
    if names and mode == GenerationMode.POSITIVE:
        for n in range(max(len(existing_ids[name]) for name in names)):
            fixed = {name: existing_ids[name][n % len(existing_ids[name])] for name in names}
            strategies.append(operation.as_strategy(generation_mode=mode, path_parameters=fixed))
    return st.one_of(strategies)


def exercise(operation, strategy, auth, statuses):
    """Hypothesis drives one operation: raises on the first (shrunk) failure."""

    @EXAMPLES
    @given(case=strategy)
    def run(case):
        response = case.call(headers=auth["headers"], cookies=auth.get("cookies"))
        statuses[operation.method.upper(), operation.path, response.status_code] += 1
        case.validate_response(response, checks=CHECKS, headers=auth["headers"])

    run()


def test_api_conforms_to_its_schema(api_schema, credentials, existing_ids):
    # Enough room for the write operations to succeed now and then rather than hit the limits.
    CommentSettings.objects.update(
        min_seconds_between_comments=0, comments_per_hour=10_000, reports_per_hour=10_000
    )
    failures, statuses = [], Counter()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 11
    for operation in operations:
        auth = credentials["session"] if operation.path.startswith("/api/v1/me/") else credentials["bearer"]
        if operation.path.startswith("/api/v1/moderation/"):
            auth = credentials["moderator"]
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                exercise(operation, with_existing_ids(operation, mode, existing_ids), auth, statuses)
            except (Exception, BaseExceptionGroup) as failure:  # try every operation, show every failure
                failures.append(f"{operation.label} ({mode.value}):\n{failure}")
    assert not failures, "\n\n".join(failures)
    # The writes were exercised, not only refused.
    for method, path, status in [
        ("GET", "/api/v1/articles/{article_id}/comments", 200),
        ("POST", "/api/v1/articles/{article_id}/comments", 201),
        ("PATCH", "/api/v1/comments/{comment_id}", 200),
        ("DELETE", "/api/v1/comments/{comment_id}", 204),
        ("POST", "/api/v1/comments/{comment_id}/reports", 201),
        ("GET", "/api/v1/me/tokens", 200),
        ("POST", "/api/v1/me/tokens", 201),
        ("GET", "/api/v1/moderation/queues/{queue}", 200),
        ("POST", "/api/v1/moderation/comments/{comment_id}/decision", 200),
    ]:
        assert statuses[method, path, status], (method, path, status, sorted(statuses.items()))
