"""Background work on a queue that may be down, with workers that may die.

- `enqueue_safely(task, ...)` enqueues; when the queue (Redis) cannot be reached it logs the fact and
  runs the task in this process instead, so a stopped Redis never loses work nor fails a request.
- `RetryingQueue` gives every RQ job its retries (settings.TASK_RETRIES): a job that raised, or whose
  worker died in the middle of it, runs again. Tasks are therefore written to be idempotent.
- `Worker` is RQ's worker, looking for the jobs of dead workers every minute instead of every ten.
- `publish_scheduled` is Wagtail's scheduled publishing as a task, for `manage.py enqueue_periodic`.

See docs/tasks.md for how the workers are run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django_rq.queues import DjangoRQ
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from redis.exceptions import RedisError
from rq.job import Retry
from rq.worker import Worker as RQWorker

logger = logging.getLogger(__name__)

PUBLISH_LOCK_SECONDS = 600

# (backend alias, queue name) -> time.monotonic() until which this process does not try the queue.
_queue_down_until: dict[tuple[str, str], float] = {}


def enqueue_safely(task, *args, **kwargs):
    """Enqueue `task` with these arguments and return its TaskResult. If the queue cannot be reached,
    log a warning and run the task here and now (as the immediate backend would), then keep running
    this process's tasks here for settings.TASK_QUEUE_DOWN_SECONDS before trying the queue again. A
    task that fails here is logged, never raised: the caller's work is already committed."""
    key = (task.backend, task.queue_name)
    if time.monotonic() >= _queue_down_until.get(key, 0.0):
        try:
            return task.enqueue(*args, **kwargs)
        except (RedisError, OSError) as error:
            _queue_down_until[key] = time.monotonic() + settings.TASK_QUEUE_DOWN_SECONDS
            logger.warning(
                "task queue %r unavailable (%s: %s): running %s in this process",
                task.queue_name,
                type(error).__name__,
                error,
                task.module_path,
            )
    else:
        logger.info(
            "task queue %r marked down: running %s in this process", task.queue_name, task.module_path
        )
    if task.run_after is not None:  # a task meant for later runs now: this process cannot wait
        task = dataclasses.replace(task, run_after=None)
    return ImmediateBackend("in-process", {"QUEUES": [task.queue_name]}).enqueue(task, args, kwargs)


class RetryingQueue(DjangoRQ):
    """django-rq's queue whose jobs are retried settings.TASK_RETRIES times, after the waits of
    settings.TASK_RETRY_INTERVALS (seconds; the last one repeats). RQ retries a job that raised, and
    one that its worker abandoned (found in the started-jobs registry after the worker stopped
    beating); waits need a worker started `--with-scheduler`."""

    def create_job(self, *args, **kwargs):
        if kwargs.get("retry") is None and settings.TASK_RETRIES > 0:
            kwargs["retry"] = Retry(max=settings.TASK_RETRIES, interval=list(settings.TASK_RETRY_INTERVALS))
        return super().create_job(*args, **kwargs)


class Worker(RQWorker):
    """RQ's worker, doing its maintenance every `settings.TASK_MAINTENANCE_SECONDS` instead of every
    ten minutes: cleaning its queues' registries (where the jobs of dead workers are found and
    retried), and starting the scheduler of delayed jobs if no live worker runs one (after Redis or a
    worker restarted, the dead scheduler's lock lapses and another worker must take over)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("maintenance_interval", settings.TASK_MAINTENANCE_SECONDS)
        super().__init__(*args, **kwargs)

    @property
    def dequeue_timeout(self):
        # An idle worker waits on the queue this long at most, then looks at its maintenance: RQ's
        # own wait (about seven minutes) would put it off that long.
        return max(1, min(super().dequeue_timeout, self.maintenance_interval))


PUBLISH_LOCK = "tribune:publish-scheduled"


@task()
def publish_scheduled():
    """Wagtail's scheduled publishing and unpublishing (its `publish_scheduled` command), one run at a
    time: when workers come back to a backlog of these, the others find the lock and return. Returns
    whether it ran. Running it again publishes nothing twice: a published revision is no longer due."""
    try:
        if not cache.add(PUBLISH_LOCK, "1", timeout=PUBLISH_LOCK_SECONDS):
            return False
    except Exception as error:  # a cache that is down lets it run: no lock is better than no publishing
        logger.warning("publish_scheduled runs without its lock (%s: %s)", type(error).__name__, error)
    try:
        call_command("publish_scheduled", stdout=io.StringIO())
    finally:
        with contextlib.suppress(Exception):  # the lock expires by itself
            cache.delete(PUBLISH_LOCK)
    return True
