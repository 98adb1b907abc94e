"""Queue one of the site's periodic jobs; meant for systemd timers or cron, on one machine:

    python manage.py enqueue_periodic publish_scheduled   # every minute
    python manage.py enqueue_periodic sweep_comments      # every hour

A worker runs the job. With the immediate backend (no queue configured), or when Redis cannot be
reached, it runs in this process instead, so scheduled publishing goes on while Redis is down. The
command fails (exit status 1) only when the job ran here and failed."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus

from tribune.core.tasks import enqueue_safely

JOBS = {
    "publish_scheduled": "tribune.core.tasks.publish_scheduled",
    "sweep_comments": "tribune.comments.tasks.sweep",
}


class Command(BaseCommand):
    help = "Queue a periodic job: Wagtail's scheduled publishing, or the comments' sweep."

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(JOBS), help="the job to queue")

    def handle(self, *args, job, **options):
        result = enqueue_safely(import_string(JOBS[job]))
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(f"{job} failed: {result.errors[-1].exception_class_path}")
        if result.is_finished:
            self.stdout.write(f"{job} ran in this process ({result.id}).")
        else:
            self.stdout.write(f"{job} queued ({result.id}).")
