"""The API against its own OpenAPI document on a live server: the demo site served by `runserver`
over real HTTP on loopback, with a demo reader's bearer token for the readers' operations and a
moderator's for the moderation desk's (/api/v1/moderation/). Schemathesis generates valid and
invalid requests for every operation a token may call; no answer may be a server error, have an
undocumented status or break its documented schema. (The same check runs in process, with the token
operations as well, in tests/comments/test_api_schema.py.)

Named to run after the other browser tests: its writes land on the shared demo site."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, checks

pytestmark = pytest.mark.browser

CHECKS = [checks.not_a_server_error, checks.response_schema_conformance, checks.status_code_conformance]
EXAMPLES = settings(
    max_examples=25, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
ISSUE_TOKENS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from tribune.accounts import tokens
from tribune.comments.models import CommentSettings
CommentSettings.objects.update(min_seconds_between_comments=0, comments_per_hour=10000, reports_per_hour=10000)
users = get_user_model().objects
moderator, _created = users.get_or_create(username="live_api_moderator", defaults={"email": "live-api@desk.example"})
moderator.groups.add(Group.objects.get(name="Moderators"))
for user in (users.get(username="mark"), moderator):
    _row, clear = tokens.issue(user=user, name="live schema check")
    print(clear)
"""
MODERATION = "/api/v1/moderation/"


def exercise(base_url, operation, mode, headers):
    """Hypothesis drives one operation: raises on the first (shrunk) failure."""

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(base_url=base_url, headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    run()


def test_the_live_api_answers_as_its_openapi_document_says(demo_site):
    reader_token, moderator_token = demo_site.manage("shell", "-c", ISSUE_TOKENS).strip().splitlines()[-2:]
    schema = schemathesis.openapi.from_url(f"{demo_site.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    checked = [operation for operation in operations if not operation.path.startswith("/api/v1/me/")]
    assert {(op.method.upper(), op.path) for op in checked if op.path.startswith(MODERATION)} == {
        ("GET", "/api/v1/moderation/queues/{queue}"),
        ("POST", "/api/v1/moderation/comments/{comment_id}/decision"),
        ("POST", "/api/v1/moderation/appeals/{appeal_id}/decision"),
    }
    assert len(checked) >= 8
    failures = []
    for operation in checked:
        token = moderator_token if operation.path.startswith(MODERATION) else reader_token
        headers = {"Authorization": f"Bearer {token}"}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                exercise(demo_site.url, operation, mode, headers)
            except (Exception, BaseExceptionGroup) as failure:  # report every operation's failure
                failures.append(f"{operation.label} ({mode.value}):\n{failure}")
    assert not failures, "\n\n".join(failures)
