from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """The fields allauth's sign-up form lacks: the name shown with a reader's comments."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown with your comments. Any script: Armenian, Cyrillic, Latin."),
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name or not any(ch.isalnum() for ch in name):
            raise forms.ValidationError(_("Write a name with at least one letter or digit."))
        return name

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.language = translation.get_language() or "en"
        user.save(update_fields=["display_name", "language"])
