from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tribune.core"
    label = "core"
    verbose_name = "Tribune"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import metrics  # noqa: F401 - connects the failed-task counter in every process
        from .page_cache import purge_on_page_change
        from .page_routes import RememberedRouteMixin, forget_all

        # Signals keep the page cache in step with Wagtail's own actions; no business logic here.
        page_published.connect(purge_on_page_change, dispatch_uid="tribune-page-cache-published")
        page_unpublished.connect(purge_on_page_change, dispatch_uid="tribune-page-cache-unpublished")
        post_delete.connect(purge_on_page_change, sender=Page, dispatch_uid="tribune-page-cache-deleted")
        # A move changes addresses and links; a site or a privacy change changes who sees which page
        # at which address (the remembered routes of tribune/core/page_routes.py are keyed on it too).
        post_page_move.connect(purge_on_page_change, dispatch_uid="tribune-page-cache-moved")
        # A remembered page is the row as it was: any save of such a row (a draft, a setting) forgets it.
        for model in get_page_models():
            if issubclass(model, RememberedRouteMixin):
                uid = f"tribune-page-routes-{model._meta.label_lower}"
                post_save.connect(forget_all, sender=model, dispatch_uid=f"{uid}-saved")
                post_delete.connect(forget_all, sender=model, dispatch_uid=f"{uid}-deleted")
        for sender in (Site, PageViewRestriction):
            name = sender._meta.model_name
            post_save.connect(
                purge_on_page_change, sender=sender, dispatch_uid=f"tribune-page-cache-{name}-saved"
            )
            post_delete.connect(
                purge_on_page_change, sender=sender, dispatch_uid=f"tribune-page-cache-{name}-deleted"
            )
