"""Background work of the accounts app. Tasks take ids and return quietly if the row is gone."""

from django_tasks import task

from . import notices


@task()
def email_notice(notice_id):
    return notices.deliver_email(notice_id)
