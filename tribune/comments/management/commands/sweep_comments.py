"""Run the comments' sweep: screen again what an older model scored, count what waits too long.
Meant for cron or a systemd timer, e.g. hourly: `python manage.py sweep_comments`."""

from django.core.management.base import BaseCommand

from tribune.comments.tasks import STALE_AFTER_HOURS, SWEEP_BATCH, sweep
from tribune.core.tasks import enqueue_safely


class Command(BaseCommand):
    help = (
        "Queue the comments' sweep (or run it here with --now): re-screen undecided comments scored "
        "by another model version, and count published comments unreviewed for too long."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=STALE_AFTER_HOURS,
            help=f"published comments unreviewed for this many hours count as stale (default {STALE_AFTER_HOURS})",
        )
        parser.add_argument(
            "--batch-size", type=int, default=SWEEP_BATCH, help=f"comments per batch (default {SWEEP_BATCH})"
        )
        parser.add_argument(
            "--now", action="store_true", help="run the sweep in this process instead of queueing it"
        )

    def handle(self, *args, hours, batch_size, now, **options):
        if now:
            self._report(sweep.call(stale_after_hours=hours, batch_size=batch_size))
            return
        result = enqueue_safely(sweep, stale_after_hours=hours, batch_size=batch_size)
        if result.is_finished:  # the immediate backend runs it at once
            self._report(result.return_value)
        else:
            self.stdout.write(f"Sweep queued ({result.id}).")

    def _report(self, counts):
        self.stdout.write(
            "Model {model_version}: {rescreened} comments screened again ({newly_held} now held), "
            "{skipped} skipped; {stale} published comments unreviewed for too long.".format(**counts)
        )
