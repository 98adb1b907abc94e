from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "tribune.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import search_index  # noqa: F401 - the search table's model and its signal handlers
        from .models import NewsroomSettings
        from .structured_data import settings_saved

        # The settings are cached, and the agency's name they hold is on every page.
        post_save.connect(
            settings_saved, sender=NewsroomSettings, dispatch_uid="tribune-newsroom-settings-saved"
        )
        post_delete.connect(
            settings_saved, sender=NewsroomSettings, dispatch_uid="tribune-newsroom-settings-deleted"
        )
