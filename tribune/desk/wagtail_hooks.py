"""The desk in Wagtail's admin: its pages, its menu with the queues' counts, the webhooks, and the
Moderators' view of the admin (the desk and nothing else)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from tribune.comments import queues
from tribune.comments.services import is_moderator

from . import urls

# What a member of the Moderators group may do; someone with nothing more only sees the desk.
DESK_PERMISSIONS = {"wagtailadmin.access_admin", "comments.moderate_comment"}
DESK_MENU = "comments"


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("desk/", include((urls.urlpatterns, "desk"), namespace="desk"))]


@hooks.register("register_admin_viewset")
def register_webhook_viewset():
    try:
        from .webhook_admin import webhook_viewset
    except ImportError:  # the webhooks' admin is not there yet
        return []
    return webhook_viewset


def desk_only(user):
    """A moderator with no other right in the admin (the Moderators group)."""
    if not is_moderator(user) or user.is_superuser:
        return False
    return user.get_all_permissions() <= DESK_PERMISSIONS


def counts_for(request):
    """The queues' counts, once per request (and cached briefly across requests)."""
    if not hasattr(request, "_desk_counts"):
        request._desk_counts = queues.queue_counts(request.user)
    return request._desk_counts


class DeskMenuItem(MenuItem):
    """A desk page in the Comments menu, shown to moderators only; a queue's label has its count."""

    def __init__(self, label, url_name, *, queue=None, **kwargs):
        self.url_name, self.queue = url_name, queue
        super().__init__(label, "", name=f"desk-{queue or url_name.split(':')[-1]}", **kwargs)

    def is_shown(self, request):
        return is_moderator(request.user)

    def render_component(self, request):
        label, url = self.label, reverse(self.url_name, args=[self.queue] if self.queue else [])
        count = counts_for(request).get(self.queue) if self.queue else None
        if count is not None:
            label = f"{label} ({count})"
        return LinkMenuItemComponent(
            self.name, label, url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_desk_menu():
    items = [
        DeskMenuItem(queue.label, "desk:queue", queue=name, icon_name=icon, order=order)
        for order, (name, queue, icon) in enumerate(
            [
                ("held", queues.QUEUES["held"], "lock"),
                ("reported", queues.QUEUES["reported"], "warning"),
                ("off_topic", queues.QUEUES["off_topic"], "redirect"),
                ("unmoderated", queues.QUEUES["unmoderated"], "view"),
                ("appeals", queues.QUEUES["appeals"], "resubmit"),
                ("approved", queues.QUEUES["approved"], "tick"),
                ("rejected", queues.QUEUES["rejected"], "cross"),
            ],
            start=1,
        )
    ]
    items += [
        DeskMenuItem(_("Log"), "desk:log", icon_name="history", order=20),
        DeskMenuItem(pgettext_lazy("desk", "Dashboard"), "desk:dashboard", icon_name="table", order=21),
        DeskMenuItem(_("Policy"), "desk:policy", icon_name="sliders", order=22),
        DeskMenuItem(_("Export"), "desk:export", icon_name="download", order=23),
    ]
    return SubmenuMenuItem(_("Comments"), Menu(items=items), name=DESK_MENU, icon_name="comment", order=150)


@hooks.register("construct_main_menu")
def desk_only_menu(request, menu_items):
    """The Moderators group sees the desk (and Help): nothing else of the admin is theirs."""
    if desk_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name in (DESK_MENU, "help")]


@hooks.register("construct_help_menu")
def desk_only_help(request, menu_items):
    """Wagtail's editor guide and news are about pages; the Moderators keep the list of keys."""
    if desk_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "keyboard-shortcuts-trigger"]


class DeskPanel(Component):
    """The queues and their counts on the admin's dashboard."""

    name = "desk"
    order = 10
    template_name = "desk/home_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        counts = counts_for(self.request)
        return {
            "rows": [
                (name, queues.QUEUES[name], counts.get(name), reverse("desk:queue", args=[name]))
                for name in queues.MENU_QUEUES
            ],
            "request": self.request,
        }


@hooks.register("construct_homepage_panels")
def desk_on_dashboard(request, panels):
    """Moderators find the queues on the dashboard; the Moderators group finds only them."""
    if not is_moderator(request.user):
        return
    if desk_only(request.user):
        panels[:] = []
    panels.insert(0, DeskPanel(request))
