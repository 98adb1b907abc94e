from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class DeskConfig(AppConfig):
    name = "tribune.desk"
    label = "desk"
    verbose_name = _("Moderation desk")


class DeskUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users, with the languages a moderator decides on the user forms."""

    default = False
    user_viewset = "tribune.desk.views.UserViewSet"
