"""The comments API against its own OpenAPI document on a live server: the demo site served by
`runserver` over real HTTP on loopback, with a demo reader's bearer token. Schemathesis generates
valid and invalid requests for every operation a token may call; no answer may be a server error,
have an undocumented status or break its documented schema. (The same check runs in process, with
the token operations as well, in tests/comments/test_api_schema.py.)

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
ISSUE_TOKEN = """
from django.contrib.auth import get_user_model
from tribune.accounts import tokens
from tribune.comments.models import CommentSettings
CommentSettings.objects.update(min_seconds_between_comments=0, comments_per_hour=10000, reports_per_hour=10000)
_row, clear = tokens.issue(user=get_user_model().objects.get(username="mark"), name="live schema check")
print(clear)
"""


def test_the_live_api_answers_as_its_openapi_document_says(demo_site):
    token = demo_site.manage("shell", "-c", ISSUE_TOKEN).strip().splitlines()[-1]
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_url(f"{demo_site.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    checked = [operation for operation in operations if not operation.path.startswith("/api/v1/me/")]
    assert len(checked) >= 5
    failures = []
    for operation in checked:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @EXAMPLES
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                response = case.call(base_url=demo_site.url, headers=headers)
                case.validate_response(response, checks=CHECKS, headers=headers)

            try:
                run()
            except (Exception, BaseExceptionGroup) as failure:  # report every operation's failure
                failures.append(f"{operation.label} ({mode.value}):\n{failure}")
    assert not failures, "\n\n".join(failures)
