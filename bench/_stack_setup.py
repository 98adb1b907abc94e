"""Django-side steps of the scripts that run against the production stack: readers and tokens, the
comment settings, the articles, and afterwards the check of the stored comments. Run with the
stack's environment (bench/_stack.sh's stack_setup does it):

    python bench/_stack_setup.py limits relaxed|default     # prints the limits now in force
    python bench/_stack_setup.py readers N PREFIX           # N readers with tokens: one token a line
    python bench/_stack_setup.py articles                   # live articles: id, language, path (JSON)
    python bench/_stack_setup.py stored MARK                # comments whose text holds MARK (JSON)
    python bench/_stack_setup.py enqueue_sweep SECONDS      # the comments' sweep, run after a delay
    python bench/_stack_setup.py task_status RESULT_ID      # e.g. TaskResultStatus.SUCCESSFUL
    python bench/_stack_setup.py check MARK ACCEPTED [INFLIGHT]
        ACCEPTED: lines "<comment id> <tag>" for every 201 answer; INFLIGHT: tags sent without an
        answer when the load stopped. Prints a JSON report; exits 1 if a check fails.
"""

import datetime
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings.production")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from tribune.accounts import tokens  # noqa: E402
from tribune.comments import services  # noqa: E402
from tribune.comments.models import Comment  # noqa: E402
from tribune.newsroom.models import ArticlePage  # noqa: E402

UNLIMITED = 32767  # the largest value a rate-limit setting holds
DEFAULTS = {"min_seconds_between_comments": 15, "comments_per_hour": 20}


def limits(mode):
    config = services.comment_settings()
    if not config.pk:
        raise SystemExit("no default site: cannot store the comment settings")
    if mode == "relaxed":
        config.min_seconds_between_comments, config.comments_per_hour = 0, UNLIMITED
    elif mode == "default":
        for name, value in DEFAULTS.items():
            setattr(config, name, value)
    else:
        raise SystemExit(f"limits: relaxed or default, not {mode!r}")
    config.save()
    print(
        f"{config.min_seconds_between_comments} s between comments, "
        f"{config.comments_per_hour} comments an hour, per reader and per address"
    )


def readers(count, prefix):
    users = get_user_model()
    with transaction.atomic():
        for n in range(1, int(count) + 1):
            username = f"{prefix}-{n}"
            reader = users.objects.create_user(
                username=username,
                email=f"{username}@bench.example",
                password=None,
                display_name=f"Reader {prefix} {n}",
            )
            EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
            print(tokens.issue(user=reader, name="bench")[1])


def articles():
    config = services.comment_settings()
    rows = [
        {
            "id": page.pk,
            "language": page.locale.language_code,
            "path": urlsplit(page.get_url()).path,
            "open": services.thread_is_open(page, config),
        }
        for page in ArticlePage.objects.live().select_related("locale").order_by("-published_at", "pk")
    ]
    print(json.dumps(rows))


def stored(mark):
    rows = Comment.objects.filter(text__contains=mark).values_list("pk", "text", "status")
    print(json.dumps([{"id": pk, "text": text, "status": status} for pk, text, status in rows]))


def enqueue_sweep(seconds):
    from django.utils import timezone

    from tribune.comments.tasks import sweep

    delay = datetime.timedelta(seconds=int(seconds))
    task = sweep.using(run_after=timezone.now() + delay) if delay else sweep
    print(task.enqueue().id)


def drain(seconds):
    """Wait until the task queue is empty and no job runs (the demo's seeding leaves a backlog of
    index updates that would otherwise compete with a measurement); print how long it took."""
    import django_rq
    from rq.registry import StartedJobRegistry

    queue = django_rq.get_queue("default")
    started = StartedJobRegistry(queue=queue)
    began = time.monotonic()
    while queue.count or started.count:
        if time.monotonic() - began > float(seconds):
            raise SystemExit(f"the queue still holds {queue.count} jobs after {seconds} s")
        time.sleep(0.5)
    print(f"{time.monotonic() - began:.1f}")


def task_status(result_id):
    from tribune.comments.tasks import sweep

    print(sweep.get_result(result_id).status)


def tag_of(text, mark):
    """The tag in a text the load wrote: from MARK to the next space."""
    start = text.index(mark)
    end = text.find(" ", start)
    return text[start : end if end >= 0 else len(text)]


def check(mark, accepted_file, inflight_file=None):
    accepted = {}  # comment id -> tag, from the 201 answers
    answered_twice = []
    for line in Path(accepted_file).read_text().split("\n"):
        if not line.strip():
            continue
        pk, tag = line.split()
        if int(pk) in accepted:
            answered_twice.append(int(pk))
        accepted[int(pk)] = tag
    inflight = set()
    if inflight_file and Path(inflight_file).exists():
        inflight = {line.strip() for line in Path(inflight_file).read_text().split("\n") if line.strip()}

    rows = list(Comment.objects.filter(text__contains=mark).values_list("pk", "text"))
    stored_tags = {pk: tag_of(text, mark) for pk, text in rows}
    texts = Counter(text for _pk, text in rows)
    tags = Counter(stored_tags.values())
    accepted_tags = set(accepted.values())

    missing = sorted(pk for pk in accepted if pk not in stored_tags)
    wrong_text = sorted(pk for pk, tag in accepted.items() if pk in stored_tags and stored_tags[pk] != tag)
    duplicated_texts = sum(1 for n in texts.values() if n > 1)
    duplicated_tags = sum(1 for n in tags.values() if n > 1)
    unanswered = [pk for pk, tag in stored_tags.items() if pk not in accepted]
    unexplained = sorted(pk for pk in unanswered if stored_tags[pk] not in inflight)
    report = {
        "accepted": len(accepted),
        "stored": len(rows),
        "missing": missing[:20],
        "missing_count": len(missing),
        "wrong_text": wrong_text[:20],
        "duplicated_texts": duplicated_texts,
        "duplicated_tags": duplicated_tags,
        "answered_twice": answered_twice[:20],
        "stored_in_flight": len(unanswered) - len(unexplained),
        "stored_unexplained": unexplained[:20],
        "stored_unexplained_count": len(unexplained),
        "accepted_tags_unique": len(accepted_tags) == len(accepted),
    }
    report["ok"] = (
        not (missing or wrong_text or duplicated_texts or duplicated_tags or answered_twice or unexplained)
        and report["accepted_tags_unique"]
    )
    print(json.dumps(report))
    return 0 if report["ok"] else 1


def main(argv):
    command, args = argv[1], argv[2:]
    handlers = {
        "limits": limits,
        "readers": readers,
        "articles": articles,
        "stored": stored,
        "check": check,
        "enqueue_sweep": enqueue_sweep,
        "task_status": task_status,
        "drain": drain,
    }
    if command not in handlers:
        raise SystemExit(__doc__)
    return handlers[command](*args) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
