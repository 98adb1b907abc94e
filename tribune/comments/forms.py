from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report

# The form accepts more than the site's limit so that the service, which knows the setting, says
# how long the text is; the hard cap only stops absurd bodies.
HARD_CAP = 100_000


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=HARD_CAP,
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    # "Send it anyway" after the nudge: the reader has read which house rules the text may break.
    acknowledge_rules = forms.BooleanField(required=False, widget=forms.HiddenInput)


class EditForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=HARD_CAP,
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything the editors should know (optional)"), max_length=500, required=False
    )


APPEAL_MAX_LENGTH = 2000


class AppealForm(forms.Form):
    # As for comments, the service measures the text and says how long it is.
    text = forms.CharField(
        label=_("Why should the decision change?"),
        max_length=HARD_CAP,
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
