"""Background work on comments. Tasks take ids, fetch the rows again, and return quietly if they
are gone."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from . import services, webhooks
from .models import Comment, Status

logger = logging.getLogger(__name__)

STALE_AFTER_HOURS = 24
SWEEP_BATCH = 200


@task()
def deliver_webhooks(event, comment_id, extra=None):
    return webhooks.deliver(event, comment_id, extra or {})


@task()
def rescreen(comment_id):
    """The house rules' slow checks on a stored comment (events.slow_checks). Returns its status, or
    None if it is gone."""
    comment = services.comment_rescreen(comment_id=comment_id)
    return comment.status if comment is not None else None


def stale_unmoderated(*, hours=STALE_AFTER_HOURS, now=None):
    """Published comments that no moderator has looked at, written more than `hours` ago."""
    before = (now or timezone.now()) - datetime.timedelta(hours=hours)
    return Comment.objects.filter(status=Status.PUBLISHED, reviewed_at__isnull=True, created_at__lt=before)


def outdated_screenings(version):
    """Comments waiting or published without a moderator's decision whose scores come from another
    version of the house-rules engine than `version` (or from no engine at all)."""
    return Comment.objects.filter(
        status__in=(Status.PUBLISHED, Status.HELD), reviewed_at__isnull=True
    ).exclude(model_version=version)


def current_model_version():
    from tribune.houserules import model_version

    return model_version()


@task()
def sweep(stale_after_hours=STALE_AFTER_HOURS, batch_size=SWEEP_BATCH):
    """The periodic sweep (`manage.py sweep_comments`): screens again, in batches, every undecided
    comment that an older model scored, and counts the published comments nobody has reviewed for
    `stale_after_hours`. Running it again does nothing new. Returns the counts."""
    version = current_model_version()
    counts = {"model_version": version, "rescreened": 0, "newly_held": 0, "skipped": 0, "stale": 0}
    if services.comment_settings().engine_enabled:
        last = 0
        while True:
            batch = list(
                outdated_screenings(version)
                .filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", "status")[:batch_size]
            )
            if not batch:
                break
            last = batch[-1][0]
            for comment_id, status in batch:
                comment = services.comment_rescreen(comment_id=comment_id)
                if comment is None or comment.model_version != version:
                    counts["skipped"] += 1  # gone, decided meanwhile, or the engine did not run
                    continue
                counts["rescreened"] += 1
                if status == Status.PUBLISHED and comment.status == Status.HELD:
                    counts["newly_held"] += 1
    counts["stale"] = stale_unmoderated(hours=stale_after_hours).count()
    if counts["stale"]:
        logger.warning(
            "%s published comments have waited more than %s hours for a moderator",
            counts["stale"],
            stale_after_hours,
        )
    logger.info("comment sweep: %s", counts)
    return counts
