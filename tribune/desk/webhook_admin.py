"""The newsroom's webhooks in Wagtail's admin (Settings → Webhooks): list, add, edit and delete the
addresses that are told of comments created, held and decided, with the last answer each gave.

Only administrators and those given the webhook permissions (`comments.add_webhook`,
`change_webhook`, `delete_webhook`; the Editors group) see them: a webhook's secret signs what the
site says about readers, so moderators who are nothing else do not. `wagtail_hooks.py` registers
`webhook_viewset`."""

from __future__ import annotations

import secrets

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from tribune.comments.models import Webhook

SECRET_BYTES = 32  # 43 characters of URL-safe base64
MIN_SECRET_LENGTH = 24


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


class WebhookForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("address"),
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Where the site POSTs each event, as JSON: an http:// or https:// address."),
    )
    secret = forms.CharField(
        label=_("secret"),
        max_length=128,
        min_length=MIN_SECRET_LENGTH,
        initial=new_secret,  # a new one for each new webhook
        strip=True,
        help_text=_(
            "Shared with the receiver, which checks the X-Tribune-Signature header (HMAC-SHA256). "
            "A random one is filled in; copy it to the receiver."
        ),
    )
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=Webhook.Event.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every event."),
    )

    class Meta:
        model = Webhook
        fields = ["name", "url", "secret", "events", "active"]


def events_label(webhook) -> str:
    if not webhook.events:
        return str(_("every event"))
    labels = dict(Webhook.Event.choices)
    return ", ".join(str(labels.get(event, event)) for event in webhook.events)


def last_answer(webhook) -> str:
    return webhook.last_status or "—"


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link"
    menu_label = _("Webhooks")
    menu_name = "webhooks"
    add_to_settings_menu = True
    copy_view_enabled = False  # a copy would share the original's secret
    search_fields = ["name", "url"]
    search_backend_name = None  # the database's own search: webhooks are not in the search index
    list_display = [
        "name",
        Column("url", label=_("address")),
        Column("events", label=_("events"), accessor=events_label),
        BooleanColumn("active", label=_("active")),
        Column("last_status", label=_("last answer"), accessor=last_answer),
        DateColumn("last_delivery_at", label=_("last delivery")),
    ]
    ordering = ["name", "pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("active"),
        ],
        base_form_class=WebhookForm,
    )


webhook_viewset = WebhookViewSet("webhooks")
