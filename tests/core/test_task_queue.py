"""Background work on the real queue: tasks enqueued on RQ in the real Redis and run by real
`manage.py rqworker` processes; a task whose row is gone; a mail task run twice or retried; a worker
killed in the middle of a task. (A Redis that cannot be reached: test_task_queue_fallback.py.)

The worker processes must see the rows the test writes, so these tests write them on a connection of
their own (the alias `task_worker`), committed, outside the test's transaction: on PostgreSQL to the
test database itself (and they delete them afterwards); on SQLite, whose test database lives in this
process's memory, to a file copy of it that the workers open. Each test has an RQ queue of its own,
removed afterwards, so parallel runs do not meet, in Redis at TASKS_REDIS_URL, else in the database
after REDIS_URL's (the tests empty the cache's). Without Redis these tests are skipped, or fail when
TRIBUNE_REQUIRE_REDIS=1 (as CI should set). The workers' mail is written as files
(tests/core/test_task_queue_worker.py) and counted here."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import django_rq
import pytest
import redis
from django.contrib.auth import get_user_model
from django.db import connections
from django_tasks import TaskResultStatus
from django_tasks_rq import Job as TaskJob
from rq.job import JobStatus
from rq.registry import FailedJobRegistry, StartedJobRegistry

from tribune.accounts.models import Notice
from tribune.accounts.tasks import email_notice
from tribune.comments.tasks import deliver_webhooks
from tribune.core.tasks import enqueue_safely

REPO_DIR = Path(__file__).resolve().parents[2]


def _tasks_redis_url():
    """TASKS_REDIS_URL, else the Redis database after REDIS_URL's (which every test empties as the
    cache), else 127.0.0.1:6379/1."""
    if os.environ.get("TASKS_REDIS_URL"):
        return os.environ["TASKS_REDIS_URL"]
    cache_url = urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    database = (int(cache_url.path.strip("/") or 0) + 1) % 16
    return urlunsplit(cache_url._replace(path=f"/{database}"))


TASKS_REDIS_URL = _tasks_redis_url()
ALIAS = "task_worker"
WORKER_SECONDS = 120  # a burst worker that has not finished by then has hung
MID_TASK_SECONDS = 60  # how long a worker may take to start and reach the middle of its task
pytestmark = pytest.mark.django_db  # the test database, set up and seeded; its rows are read elsewhere

# Past a dead worker's last heartbeat: RQ gives each running job `job_monitoring_interval + 60` s.
AFTER_HEARTBEATS_LAPSE = 600


def redis_unreachable_reason():
    try:
        redis.Redis.from_url(TASKS_REDIS_URL, socket_connect_timeout=1, socket_timeout=2).ping()
    except redis.RedisError as error:
        return f"these tests need Redis at {TASKS_REDIS_URL} ({type(error).__name__}: {error})"
    return None


@pytest.fixture(scope="module")
def redis_connection():
    reason = redis_unreachable_reason()
    if reason:
        if os.environ.get("TRIBUNE_REQUIRE_REDIS") == "1":
            pytest.fail(f"TRIBUNE_REQUIRE_REDIS=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return redis.Redis.from_url(TASKS_REDIS_URL)


@pytest.fixture
def queue_name(redis_connection, settings):
    """A queue of this test's own, on which the site's tasks go to RQ (retries without waiting)."""
    name = f"tribune-test-{uuid.uuid4().hex[:12]}"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", name]}}
    settings.RQ_QUEUES = {queue: {"URL": TASKS_REDIS_URL} for queue in ("default", name)}
    settings.TASK_RETRY_INTERVALS = [0]
    yield name
    queue = django_rq.get_queue(name)
    job_ids = set(queue.get_job_ids())
    for registry in (
        queue.started_job_registry,
        queue.finished_job_registry,
        queue.failed_job_registry,
        queue.scheduled_job_registry,
        queue.deferred_job_registry,
    ):
        job_ids.update(registry.get_job_ids(cleanup=False))
    for job_id in job_ids:
        redis_connection.delete(f"rq:job:{job_id}", f"rq:results:{job_id}", f"rq:executions:{job_id}")
    for key in redis_connection.scan_iter(match=f"rq:*{name}*"):
        redis_connection.delete(key)
    redis_connection.srem("rq:queues", f"rq:queue:{name}")


@dataclass
class WorkerDatabase:
    """The database the worker processes use, and a connection to it outside the test's transaction."""

    url: str
    users: list

    def reader(self):
        tag = uuid.uuid4().hex[:8]
        user = (
            get_user_model()
            .objects.db_manager(ALIAS)
            .create_user(username=f"queue_{tag}", email=f"queue_{tag}@readers.example", password=None)
        )
        self.users.append(user)
        return user

    def notice(self, user):
        return Notice.objects.using(ALIAS).create(
            user=user, kind="approved", url="/en/news/a-story/", params={"article": "A story", "comment": 7}
        )

    def fresh(self, notice):
        return Notice.objects.using(ALIAS).get(pk=notice.pk)


def _database_url(settings_dict, vendor):
    if vendor == "postgresql":
        credentials = quote(settings_dict["USER"] or "", safe="")
        if settings_dict["PASSWORD"]:
            credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
        host = settings_dict["HOST"] or "127.0.0.1"
        port = settings_dict["PORT"] or 5432
        return f"postgres://{credentials}@{host}:{port}/{quote(settings_dict['NAME'], safe='')}"
    return f"sqlite:///{settings_dict['NAME']}"


@pytest.fixture
def worker_db(django_db_blocker, tmp_path):
    with django_db_blocker.unblock():
        default = connections["default"]
        settings_dict = dict(default.settings_dict)
        if default.vendor == "sqlite" and default.is_in_memory_db():
            default.ensure_connection()
            copy = tmp_path / "worker.sqlite3"
            with sqlite3.connect(copy) as target:
                default.connection.backup(target)
            target.close()
            settings_dict["NAME"] = str(copy)
        elif default.vendor not in ("sqlite", "postgresql"):
            pytest.skip(f"no worker database for {default.vendor}")
        connections.settings[ALIAS] = settings_dict
        database = WorkerDatabase(url=_database_url(settings_dict, default.vendor), users=[])
        try:
            yield database
        finally:
            for user in database.users:
                get_user_model().objects.using(ALIAS).filter(pk=user.pk).delete()
            connections[ALIAS].close()
            del connections[ALIAS]
            del connections.settings[ALIAS]


@pytest.fixture
def outbox(tmp_path):
    path = tmp_path / "outbox"
    path.mkdir()
    return path


def sent(outbox):
    return [message_from_bytes(path.read_bytes()) for path in sorted(outbox.iterdir())]


def worker_env(worker_db, queue_name, outbox, **extra):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.core.test_task_queue_worker",
        DATABASE_URL=worker_db.url,
        TASKS_BACKEND="rq",
        TASKS_REDIS_URL=TASKS_REDIS_URL,
        TASK_QUEUES=queue_name,
        TRIBUNE_TEST_OUTBOX=str(outbox),
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def worker_command(queue_name, *options):
    return [sys.executable, "manage.py", "rqworker", queue_name, *options]


def run_burst_worker(env, queue_name):
    """One `manage.py rqworker --burst`: works the queue until it is empty, then exits."""
    done = subprocess.run(  # noqa: S603 - our own manage.py with the running interpreter
        worker_command(queue_name, "--burst"),
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=WORKER_SECONDS,
        check=False,
    )
    assert done.returncode == 0, f"rqworker exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def on_queue(task, queue_name):
    return task.using(queue_name=queue_name)


# A worker process runs what the site enqueues ----------------------------------------------------


def test_a_worker_process_runs_a_task_queued_in_redis(queue_name, worker_db, outbox):
    notice = worker_db.notice(worker_db.reader())
    task = on_queue(email_notice, queue_name)
    result = enqueue_safely(task, notice.pk)

    assert result.status == TaskResultStatus.READY  # queued, not run here
    assert django_rq.get_queue(queue_name).get_job_ids() == [result.id]
    assert worker_db.fresh(notice).emailed_at is None

    run_burst_worker(worker_env(worker_db, queue_name, outbox), queue_name)

    assert worker_db.fresh(notice).emailed_at is not None
    [message] = sent(outbox)
    assert message["To"] == notice.user.email
    assert message["Subject"] == "Your comment is published"
    done = task.get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL and done.return_value is True
    assert django_rq.get_queue(queue_name).get_job_ids() == []


def test_a_task_whose_row_is_gone_returns_quietly(queue_name, worker_db, outbox):
    notice = worker_db.notice(worker_db.reader())
    Notice.objects.using(ALIAS).filter(pk=notice.pk).delete()
    mail_task, hook_task = on_queue(email_notice, queue_name), on_queue(deliver_webhooks, queue_name)
    mail = enqueue_safely(mail_task, notice.pk)
    hook = enqueue_safely(hook_task, "comment.created", 2_000_000_000, {})

    run_burst_worker(worker_env(worker_db, queue_name, outbox), queue_name)

    assert sent(outbox) == []
    mail, hook = mail_task.get_result(mail.id), hook_task.get_result(hook.id)
    assert (mail.status, mail.return_value, mail.errors) == (TaskResultStatus.SUCCESSFUL, False, [])
    assert (hook.status, hook.return_value, hook.errors) == (TaskResultStatus.SUCCESSFUL, 0, [])
    assert FailedJobRegistry(queue=django_rq.get_queue(queue_name)).get_job_ids() == []


def test_a_mail_task_run_again_sends_one_mail(queue_name, worker_db, outbox):
    notice = worker_db.notice(worker_db.reader())
    task = on_queue(email_notice, queue_name)
    first, again = enqueue_safely(task, notice.pk), enqueue_safely(task, notice.pk)

    run_burst_worker(worker_env(worker_db, queue_name, outbox), queue_name)

    assert len(sent(outbox)) == 1
    assert [task.get_result(first.id).return_value, task.get_result(again.id).return_value] == [True, False]


def test_a_mail_task_that_failed_is_retried_and_sends_one_mail(queue_name, worker_db, outbox, tmp_path):
    notice = worker_db.notice(worker_db.reader())
    task = on_queue(email_notice, queue_name)
    fail_once = tmp_path / "smtp-away"
    fail_once.touch()
    result = enqueue_safely(task, notice.pk)

    env = worker_env(worker_db, queue_name, outbox, TRIBUNE_TEST_MAIL_FAIL_ONCE=str(fail_once))
    output = run_burst_worker(env, queue_name)

    assert not fail_once.exists()  # the first attempt met the failure
    assert len(sent(outbox)) == 1 and worker_db.fresh(notice).emailed_at is not None
    done = task.get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL and done.return_value is True
    assert "SMTPServerDisconnected" in output  # the worker's log of the failed attempt
    assert TaskJob.fetch(result.id, connection=django_rq.get_connection()).retries_left == 4


# A worker killed in the middle of a task ---------------------------------------------------------


def test_an_idle_worker_wakes_for_its_maintenance(queue_name, settings):
    # The maintenance starts the scheduler of delayed jobs when the last one died with Redis; an
    # idle worker must not sleep on the queue past it.
    from tribune.core.tasks import Worker

    worker = Worker([django_rq.get_queue(queue_name)], connection=django_rq.get_connection(queue_name))
    assert worker.maintenance_interval == settings.TASK_MAINTENANCE_SECONDS
    assert 1 <= worker.dequeue_timeout <= settings.TASK_MAINTENANCE_SECONDS


def start_worker(env, queue_name, log):
    with log.open("wb") as output:
        return subprocess.Popen(  # noqa: S603 - our own manage.py with the running interpreter
            worker_command(queue_name),
            cwd=REPO_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_mid_task(gate, worker, log, *, not_in=()):
    """The id of the work horse once it is in the middle of sending (waiting at the gate)."""
    waiting = Path(f"{gate}.waiting")
    deadline = time.monotonic() + MID_TASK_SECONDS
    while True:
        assert worker.poll() is None, f"the worker exited early:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"no task in the middle:\n{log.read_text()}"
        if waiting.exists() and waiting.read_text() and int(waiting.read_text()) not in not_in:
            return int(waiting.read_text())
        time.sleep(0.05)


def stop(worker):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def test_a_task_whose_worker_is_killed_runs_again_and_sends_one_mail(queue_name, worker_db, outbox, tmp_path):
    notice = worker_db.notice(worker_db.reader())
    task = on_queue(email_notice, queue_name)
    result = enqueue_safely(task, notice.pk)
    gate, log = tmp_path / "mail-gate", tmp_path / "worker.log"
    env = worker_env(worker_db, queue_name, outbox, TRIBUNE_TEST_MAIL_GATE=str(gate))

    worker = start_worker(env, queue_name, log)
    try:
        horse = wait_mid_task(gate, worker, log)
    finally:
        # The worker, then the process running the task (a group of its own): as a lost machine.
        stop(worker)
    os.kill(horse, signal.SIGKILL)

    # Killed in the middle: nothing sent, nothing stamped, and the job still "started" by nobody.
    assert sent(outbox) == [] and worker_db.fresh(notice).emailed_at is None
    queue = django_rq.get_queue(queue_name)
    assert TaskJob.fetch(result.id, connection=queue.connection).get_status() == JobStatus.STARTED

    # Later a worker's maintenance, once the dead worker's heartbeat has lapsed, finds the job
    # abandoned and, as it has retries left, puts it back on the queue.
    started = StartedJobRegistry(queue=queue, job_class=TaskJob)
    started.cleanup(timestamp=time.time() + AFTER_HEARTBEATS_LAPSE)
    job = TaskJob.fetch(result.id, connection=queue.connection)
    assert job.get_status() == JobStatus.QUEUED and queue.get_job_ids() == [result.id]
    assert job.retries_left == 4

    gate.touch()
    run_burst_worker(env, queue_name)

    assert len(sent(outbox)) == 1 and worker_db.fresh(notice).emailed_at is not None
    assert task.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    run_burst_worker(env, queue_name)  # nothing left to run, nothing sent again
    assert len(sent(outbox)) == 1


def test_a_task_whose_process_is_killed_is_retried_by_its_worker_and_sends_one_mail(
    queue_name, worker_db, outbox, tmp_path
):
    notice = worker_db.notice(worker_db.reader())
    task = on_queue(email_notice, queue_name)
    result = enqueue_safely(task, notice.pk)
    gate, log = tmp_path / "mail-gate", tmp_path / "worker.log"
    env = worker_env(worker_db, queue_name, outbox, TRIBUNE_TEST_MAIL_GATE=str(gate))

    worker = start_worker(env, queue_name, log)
    try:
        first = wait_mid_task(gate, worker, log)
        os.kill(first, signal.SIGKILL)  # as the OOM killer would: the worker lives on
        wait_mid_task(gate, worker, log, not_in={first})  # the worker runs it again at once
        assert sent(outbox) == [] and worker_db.fresh(notice).emailed_at is None
        gate.touch()
        deadline = time.monotonic() + MID_TASK_SECONDS
        while task.get_result(result.id).status != TaskResultStatus.SUCCESSFUL:
            assert time.monotonic() < deadline, f"the retry did not finish:\n{log.read_text()}"
            time.sleep(0.1)
    finally:
        stop(worker)

    assert len(sent(outbox)) == 1 and worker_db.fresh(notice).emailed_at is not None
    assert "Work-horse terminated unexpectedly" in log.read_text()
