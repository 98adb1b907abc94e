"""Background work on comments. Tasks take ids, fetch the rows again, and return quietly if they
are gone."""

from django_tasks import task

from . import webhooks


@task()
def deliver_webhooks(event, comment_id, extra=None):
    return webhooks.deliver(event, comment_id, extra or {})
