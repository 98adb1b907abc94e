"""What happens after a change to a thread is committed."""

from django.db import transaction
from wagtail.models import Page

from tribune.core import page_cache


def thread_changed(article_id, *, pick=False):
    """After commit, the article's page leaves the anonymous page cache; when an editor's pick
    changed (picked, unpicked, edited or gone), every page does, for the home pages show picks."""

    def purge():
        if pick:
            page_cache.purge_all()
            return
        page = Page.objects.filter(pk=article_id).first()
        if page is not None and page.url:
            page_cache.purge_paths([page.url])

    transaction.on_commit(purge)


def comment_event(event, comment_id, **extra):
    """After commit, the newsroom's webhooks that want `event` are told (by a task, with ids)."""

    def enqueue():
        from .models import Webhook

        if not Webhook.objects.filter(active=True).exists():
            return
        from .tasks import deliver_webhooks

        deliver_webhooks.enqueue(event, comment_id, extra)

    transaction.on_commit(enqueue)
