from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tribune.core"
    label = "core"
    verbose_name = "Tribune"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from . import metrics  # noqa: F401 - connects the failed-task counter in every process
        from .page_cache import purge_on_page_change

        # Signals keep the page cache in step with Wagtail's own actions; no business logic here.
        page_published.connect(purge_on_page_change, dispatch_uid="tribune-page-cache-published")
        page_unpublished.connect(purge_on_page_change, dispatch_uid="tribune-page-cache-unpublished")
        post_delete.connect(purge_on_page_change, sender=Page, dispatch_uid="tribune-page-cache-deleted")
