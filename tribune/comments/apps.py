from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "tribune.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from tribune.core.snapshots import invalidator

        from .models import CommentSettings, PolicyThreshold, Webhook
        from .screening import ARTICLE_SNAPSHOT, SETTINGS_SNAPSHOT, WEBHOOKS_SNAPSHOT

        # The copies the comment path keeps (tribune/core/snapshots.py) go stale with their rows.
        for kind, senders in (
            (SETTINGS_SNAPSHOT, (CommentSettings, PolicyThreshold, Site)),
            (WEBHOOKS_SNAPSHOT, (Webhook,)),
        ):
            receiver = invalidator(kind)
            for sender in senders:
                post_save.connect(receiver, sender=sender, weak=False)
                post_delete.connect(receiver, sender=sender, weak=False)
        articles = invalidator(ARTICLE_SNAPSHOT)
        # Any page: an article is saved as its specific class or as a plain Page.
        post_save.connect(_if_page(articles, Page), weak=False, dispatch_uid="comments-article-saved")
        post_delete.connect(_if_page(articles, Page), weak=False, dispatch_uid="comments-article-deleted")
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(articles, weak=False)
        # A site's host name or port is in its articles' full URLs (events.thread_changed).
        post_save.connect(articles, sender=Site, weak=False, dispatch_uid="comments-site-saved")
        post_delete.connect(articles, sender=Site, weak=False, dispatch_uid="comments-site-deleted")


def _if_page(receiver, page_class):
    def on_model_change(sender, instance=None, **kwargs):
        if isinstance(instance, page_class):
            receiver(sender=sender, instance=instance, **kwargs)

    return on_model_change
