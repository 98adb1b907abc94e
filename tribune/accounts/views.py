"""A signed-in reader's own account: their name and language, a copy of their data, and leaving;
the editors' notices to them, and the warning they acknowledge before commenting again."""

import datetime
import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tribune.comments import ratelimit
from tribune.comments import selectors as comment_selectors
from tribune.comments.models import Status
from tribune.comments.services import comment_settings

from . import notices, selectors, services
from .models import User

# Wrong passwords (or addresses) typed on the deletion form, per reader, before a pause.
DELETE_ATTEMPTS = 5
DELETE_ATTEMPTS_WINDOW = 15 * 60


def _clean_name(value):
    name = " ".join(value.split())
    if not name or not any(ch.isalnum() for ch in name):
        raise forms.ValidationError(_("Write a name with at least one letter or digit."))
    return name


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "language"]
        labels = {"display_name": _("Display name"), "language": _("Language of our messages")}
        help_texts = {"language": _("The language of the emails we send you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True

    def clean_display_name(self):
        return _clean_name(self.cleaned_data["display_name"])


class DeleteAccountForm(forms.Form):
    KEEP, REMOVE = "keep", "remove"

    comments = forms.ChoiceField(
        label=_("Your comments"),
        choices=[
            (KEEP, _("Keep my comments, shown as “Deleted account”")),
            (REMOVE, _("Remove my comments")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to your comments.")},
    )
    confirmation = forms.CharField(strip=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["confirmation"]
        if user.has_usable_password():
            field.label = _("Your password")
            field.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
            field.error_messages["required"] = _("Type your password to confirm.")
        else:
            field.label = _("Your email address")
            field.help_text = _("You sign in with another service, so confirm by typing your email address.")
            field.widget = forms.EmailInput(attrs={"autocomplete": "email"})
            field.error_messages["required"] = _("Type your email address to confirm.")

    @property
    def by_password(self):
        return self.user.has_usable_password()

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"]
        if self.by_password:
            if not self.user.check_password(value):
                raise forms.ValidationError(_("This is not your password."))
            return value
        from allauth.account.models import EmailAddress

        addresses = {self.user.email.casefold()} | {
            e.casefold() for e in EmailAddress.objects.filter(user=self.user).values_list("email", flat=True)
        }
        addresses.discard("")
        if value.strip().casefold() not in addresses:
            raise forms.ValidationError(_("This is not the email address of your account."))
        return value

    @property
    def remove_comments(self):
        return self.cleaned_data["comments"] == self.REMOVE


def _social_enabled():
    return bool(getattr(settings, "SOCIALACCOUNT_PROVIDERS", None))


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=user,
            display_name=form.cleaned_data["display_name"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your account was updated."))
        return redirect("accounts:profile")
    context = {
        "form": form,
        "has_password": user.has_usable_password(),
        "social_enabled": _social_enabled() or user.socialaccount_set.exists(),
    }
    return TemplateResponse(request, "accounts/profile.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def export(request):
    """GET asks to confirm; POST sends the reader's data as a JSON file."""
    if request.method == "GET":
        return TemplateResponse(request, "accounts/export.html", {})
    data = services.account_export(request.user)
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"tribune-account-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request):
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    context = {"form": form, "staff": user.is_staff or user.is_superuser}
    if request.method == "GET":
        return TemplateResponse(request, "accounts/delete.html", context)
    if context["staff"]:
        return TemplateResponse(request, "accounts/delete.html", context, status=403)
    wait = ratelimit.hit(f"account-delete:user:{user.pk}", DELETE_ATTEMPTS, DELETE_ATTEMPTS_WINDOW)
    if wait:
        minutes = max(1, (wait + 59) // 60)
        context["error"] = ngettext(
            "Too many attempts. Try again in %(minutes)s minute.",
            "Too many attempts. Try again in %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}
        return TemplateResponse(request, "accounts/delete.html", context, status=429)
    if not form.is_valid():
        return TemplateResponse(request, "accounts/delete.html", context, status=400)
    try:
        services.account_delete(user=user, remove_comments=form.remove_comments)
    except services.AccountDeletionRefused:
        return TemplateResponse(request, "accounts/delete.html", context, status=403)
    logout(request)
    messages.success(request, _("Your account was deleted. Thank you for reading us."))
    return redirect(f"/{translation.get_language() or settings.LANGUAGE_CODE}/")


@login_required
@never_cache
@require_GET
def notice_list(request):
    """The reader's notices, newest first, in the language of the page. Viewing the page marks its
    notices read; those that were unread until now are marked "New" on this view."""
    user = request.user
    items = _notice_items(user, selectors.notices_of(user))
    unread = [item["notice"].pk for item in items if item["new"]]
    if unread:
        notices.mark_read(user, unread)
    standing = selectors.standing_of(user)
    context = {
        "items": items,
        # What stops the reader commenting, with the button to acknowledge a warning.
        "standing": None if standing.may_comment else standing,
        "rules_page": _rules_page() if standing.warning else None,
    }
    return TemplateResponse(request, "accounts/notices.html", context)


def _notice_items(user, found):
    """Each notice rendered, with where it leads and, for a decision on a comment, whether the
    reader may still appeal it (one query for the comments and their appeals)."""
    comments = comment_selectors.own_comments(
        user, [n.params.get("comment") for n in found if n.kind in notices.APPEALABLE]
    )
    appeal_days = comment_settings().appeal_days
    now, offered, items = timezone.now(), set(), []
    for notice in found:
        link = notices.link(notice)
        item = {
            "notice": notice,
            "subject": notices.subject(notice),
            "body": notices.body(notice),
            "link": link,
            "new": notice.read_at is None,
            "on_comment": notice.kind in notices.ON_COMMENT and "#comment-" in link,
        }
        comment = comments.get(notice.params.get("comment")) if notice.kind in notices.APPEALABLE else None
        if comment is not None and comment.pk not in offered:
            # Only the latest decision on a comment can be appealed: the newest notice about it.
            offered.add(comment.pk)
            item["appeal"] = _appeal_state(comment, notice, appeal_days, now)
        items.append(item)
    return items


def _rules_page():
    config = comment_settings()
    return config.rules_page.localized if config.rules_page_id else None


def _appeal_state(comment, notice, appeal_days, now):
    appeal = comment_selectors.appeal_of(comment)
    if appeal is not None:
        return {"state": appeal.outcome, "since": appeal.created_at}
    if comment.status not in (Status.REJECTED, Status.DELETED):
        return None
    until = notice.created_at + datetime.timedelta(days=appeal_days)
    return {"state": "possible" if now <= until else "closed", "until": until}


def _safe_next(request, fallback):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def acknowledge_warning(request):
    """The reader says "I have read the house rules": their warnings are acknowledged, and they
    may comment again."""
    if services.warning_acknowledge(user=request.user):
        messages.success(request, _("Thank you. You can comment again."))
    return redirect(_safe_next(request, reverse("accounts:notices")))
