"""What happens after a change to a thread is committed."""

from django.db import transaction
from wagtail.models import Page

from tribune.core import front_cache, page_cache, snapshots
from tribune.core.tasks import enqueue_safely

from . import thread_cache
from .screening import ARTICLE_SNAPSHOT


def thread_changed(article_id, *, pick=False, article=None):
    """After commit, the thread's version moves on (comments.thread_cache) and the article's page
    leaves the anonymous page cache; when an editor's pick
    changed (picked, unpicked, edited or gone), every page does, for the home pages show picks.
    The front proxy's copies of the article (and of the home pages) are purged by a task, a second
    later for a comment (front_cache.purge_soon gathers a busy thread's purges). The caller
    may pass the `article` it has in hand, which spares looking it up again."""

    def purge():
        thread_cache.bump(article_id)
        page = article if article is not None else Page.objects.filter(pk=article_id).first()
        path, full_url = _urls(page) if page is not None else (None, None)
        if pick:
            page_cache.purge_all()
        elif path:
            page_cache.purge_paths([path])
        if front_cache.enabled():
            if pick:  # the home page of each language too, at once: picks change seldom
                homes = Page.objects.live().filter(depth=2)
                front_cache.purge([full_url, *(home.full_url for home in homes)])
            elif full_url:  # a busy thread: its purges are gathered, one a second at most
                front_cache.purge_soon(f"article:{article_id}", [full_url])

    transaction.on_commit(purge)


def _urls(page):
    """The page's path and full URL, kept until any page or site changes: working them out asks
    for the site's root paths, which a busy thread would do on every comment."""
    return snapshots.get(ARTICLE_SNAPSHOT, f"urls:{page.pk}", lambda: (page.url, page.full_url))


def slow_checks(comment_id):
    """After commit, a task judges the stored comment again with the engine's slow checks (the
    multilingual encoder), which its quick screening left out although they would read it
    (screening.Screening.slow_checks): a published comment they would hold is held."""

    def enqueue():
        from .tasks import rescreen

        enqueue_safely(rescreen, comment_id)

    transaction.on_commit(enqueue)


def comment_event(event, comment_id, **extra):
    """After commit, the newsroom's webhooks that want `event` are told (by a task, with ids)."""

    def enqueue():
        from .models import Webhook
        from .screening import WEBHOOKS_SNAPSHOT

        active = snapshots.get(
            WEBHOOKS_SNAPSHOT, "any-active", lambda: Webhook.objects.filter(active=True).exists()
        )
        if not active:
            return
        from .tasks import deliver_webhooks

        enqueue_safely(deliver_webhooks, event, comment_id, extra)

    transaction.on_commit(enqueue)
