"""End-to-end check of a running production stack (deploy/local-stack smoke runs it): pages through
nginx and its cache, the probes, a comment posted through the API and screened, nginx's copy of the
article purged at once, a task run by the real worker, and the metrics.

    python deploy/smoke.py http://127.0.0.1:PORT STACK_DIR

Runs with the stack's environment (DATABASE_URL, REDIS_URL…) for its `manage.py shell` steps.
Prints one line per check; exits 1 at the first failure."""

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = sys.argv[1].rstrip("/")
STACK_DIR = Path(sys.argv[2])
FROM_CACHE = {"HIT", "UPDATING", "STALE"}  # nginx's $upstream_cache_status for a copy it served


def fail(message):
    print(f"FAIL {message}", flush=True)
    sys.exit(1)


def ok(message):
    print(f"ok   {message}", flush=True)


def fetch(path, *, base=BASE, method="GET", body=None, headers=None):
    request = urllib.request.Request(base + path, method=method, data=body, headers=headers or {})  # noqa: S310 - http on loopback
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - http on loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def shell(code):
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        fail(f"manage.py shell: {done.stderr.strip()[-800:]}")
    return done.stdout.strip()


def state(name):
    for line in (STACK_DIR / "stack.env").read_text().splitlines():
        key, _, value = line.partition("=")
        if key == name:
            return value
    fail(f"{name} missing from stack.env")


# Probes, through nginx ---------------------------------------------------------------------------
for probe in ("/healthz", "/readyz"):
    status, _, _ = fetch(probe)
    if status != 200:
        fail(f"{probe} answered {status}")
ok("/healthz and /readyz answer 200 through nginx")

status, _, _ = fetch("/metrics")
if status != 404:
    fail(f"/metrics through nginx answered {status}, not 404")
ok("/metrics is not served through the front door")

# Anonymous pages from nginx's cache ----------------------------------------------------------------
for language in ("en", "ru", "hy"):
    first = fetch(f"/{language}/")
    second = fetch(f"/{language}/")
    if first[0] != 200 or second[0] != 200:
        fail(f"/{language}/ answered {first[0]}, {second[0]}")
    if second[1].get("X-Cache") not in FROM_CACHE:
        fail(f"/{language}/ twice: the second was not a cache hit ({second[1].get('X-Cache')})")
    if f'<html lang="{language}"' not in second[2]:
        fail(f"/{language}/ is not in its language")
ok("home pages in en, ru, hy: 200, the second request a cache hit")

home = fetch("/en/")[2]
css = re.search(r'href="(/static/tribune/site\.[0-9a-f]+\.css)"', home)
if not css:
    fail("no hashed stylesheet linked from the home page")
status, headers, _ = fetch(css.group(1))
if status != 200 or "immutable" not in headers.get("Cache-Control", ""):
    fail(f"{css.group(1)}: {status}, Cache-Control {headers.get('Cache-Control')}")
ok("static files: hashed names, served by nginx as immutable")

# The real worker runs a task ----------------------------------------------------------------------
result_id = shell("from tribune.comments.tasks import sweep\nprint(sweep.enqueue().id)").splitlines()[-1]
for _ in range(150):
    status = shell(
        f"from tribune.comments.tasks import sweep\nprint(sweep.get_result({result_id!r}).status)"
    ).splitlines()[-1]
    if status == "SUCCESSFUL" or status.endswith(".SUCCESSFUL"):
        break
    if "FAILED" in status:
        fail("the sweep failed on the worker (see logs/worker.log)")
    time.sleep(0.2)
else:
    fail(f"the worker did not run the sweep in 30 s (status {status})")
ok("the worker ran a queued task (the comments' sweep), after the demo's backlog")

# A comment through the API, screened, and the cached article purged --------------------------------
article = json.loads(
    shell(
        "import json\n"
        "from tribune.newsroom.models import ArticlePage\n"
        "a = ArticlePage.objects.live().filter(locale__language_code='hy', comments_open=True)"
        ".order_by('-published_at').first()\n"
        "print(json.dumps({'id': a.pk, 'url': a.url}))"
    ).splitlines()[-1]
)
token = shell(
    "from django.contrib.auth import get_user_model\n"
    "from tribune.accounts import tokens\n"
    "from tribune.comments.models import CommentSettings\n"
    "config = CommentSettings.objects.get()\n"
    "config.min_seconds_between_comments = 0\n"
    "config.save()  # as the settings form does: every web process takes it up within a second\n"
    "user = get_user_model().objects.get(email='anahit@tribune.example')\n"
    "print(tokens.issue(user=user, name='smoke test')[1])"
).splitlines()[-1]
fetch(article["url"])
cached = fetch(article["url"])
if cached[1].get("X-Cache") not in FROM_CACHE:
    fail(f"the article was not cached by nginx ({cached[1].get('X-Cache')})")
listing_url = f"/api/v1/articles/{article['id']}/comments"
fetch(listing_url)
listing = fetch(listing_url)
if listing[0] != 200 or listing[1].get("X-Cache") not in FROM_CACHE:
    fail(f"an anonymous thread listing was not shared by nginx ({listing[0]}, {listing[1].get('X-Cache')})")
if "X-Accel-Expires" in listing[1]:
    fail("nginx passed the application's X-Accel-Expires on to the reader")
words = f"Շնորհակալություն հոդվածի համար, սպասում ենք շարունակությանը։ {int(time.time())}"
status, _, body = fetch(
    f"/api/v1/articles/{article['id']}/comments",
    method="POST",
    body=json.dumps({"text": words}).encode(),
    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
)
if status != 201:
    fail(f"posting a comment answered {status}: {body[:300]}")
posted = json.loads(body)
if posted.get("status") != "published":
    fail(f"a polite Armenian comment was not published: {posted}")
ok(f"a polite Armenian comment posted through the API was screened and published ({posted['id']})")
for _ in range(60):  # the worker sends the purge a second after the commit (nginx keeps a page 10 s)
    page = fetch(article["url"])
    if words in page[2]:
        break
    time.sleep(0.1)
else:
    fail(f"the cached article still lacks the new comment ({page[1].get('X-Cache')}): not refreshed")
ok("nginx's cached copy of the article was refreshed: the new comment shows within seconds")
for _ in range(50):  # nginx shares an anonymous listing for a second
    listing = fetch(listing_url)
    if listing[0] == 200 and posted["id"] in [c["id"] for c in json.loads(listing[2])["comments"]]:
        break
    time.sleep(0.1)
else:
    fail(f"the anonymous thread listing still lacks the new comment after 5 s ({listing[1].get('X-Cache')})")
ok("an anonymous thread listing is shared by nginx for a second, then shows the new comment")

nudged = fetch(
    f"/api/v1/articles/{article['id']}/comments",
    method="POST",
    body=json.dumps({"text": "Դու ապուշ ես, լռիր"}).encode(),
    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
)
if nudged[0] != 409 or json.loads(nudged[2]).get("code") != "nudge":
    fail(f"an Armenian insult was not nudged: {nudged[0]} {nudged[2][:300]}")
ok("an Armenian insult is nudged (409) with the rule")

# Metrics, straight from one web process ------------------------------------------------------------
status, _, metrics = fetch("/metrics", base=f"http://127.0.0.1:{state('WEB1_PORT')}")
if status != 200:
    fail(f"/metrics from loopback answered {status}")
for name in ("tribune_http_requests_total", "tribune_comments_submitted_total"):
    if name not in metrics:
        fail(f"{name} missing from /metrics")
ok("/metrics from loopback: requests and comments counted across both web processes")
print("smoke test passed", flush=True)
