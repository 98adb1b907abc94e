"""A signed-in reader's own account: their name and language, a copy of their data, and leaving."""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tribune.comments import ratelimit

from . import services
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
        form.save()
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
