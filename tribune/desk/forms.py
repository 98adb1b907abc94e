"""The desk's forms: they parse what a moderator sends; the services decide whether it may be done."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.users import forms as wagtail_user_forms

from tribune.accounts.models import Sanction
from tribune.comments.queues import Filters, rule_choices

ACTIONS = [
    ("approve", _("Approve")),
    ("reject", _("Reject")),
    ("delete", _("Delete")),
    ("restore", _("Restore")),
    ("feature", _("Editor's pick")),
    ("unfeature", _("No longer an editor's pick")),
]
BULK_ACTIONS = ACTIONS[:2]
DURATIONS = [("1h", _("1 hour")), ("24h", _("24 hours")), ("7d", _("7 days"))]
BLANK = [("", "—")]


class QueueFilterForm(forms.Form):
    """The filters above a queue, read from the query string."""

    language = forms.ChoiceField(label=_("Language"), required=False)
    rule = forms.ChoiceField(label=_("Rule"), required=False)
    article = forms.IntegerField(label=_("Article (id)"), required=False, min_value=1)
    section = forms.IntegerField(
        label=pgettext_lazy("desk", "Section"), required=False, min_value=1, widget=forms.Select
    )
    author = forms.CharField(label=_("Author"), required=False, max_length=150)
    since = forms.DateField(
        label=pgettext_lazy("desk", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=pgettext_lazy("desk", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, languages=None, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.TRIBUNE_LANGUAGE_NAMES)
        codes = languages if languages is not None else [code for code, _name in settings.LANGUAGES]
        self.fields["language"].choices = BLANK + [(code, names.get(code, code)) for code in codes]
        self.fields["rule"].choices = BLANK + rule_choices()
        self.fields["section"].widget.choices = BLANK + [(pk, label) for pk, label in sections]

    def filters(self):
        """The valid filters; an invalid one is ignored (and shown with its error)."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        return Filters.from_data(self.cleaned_data)


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=ACTIONS)
    # The reason and the note are checked by the service, which says what is missing.
    reason = forms.CharField(required=False, max_length=32)
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    seen = forms.IntegerField(required=False, min_value=0)


class RejectAuthorForm(forms.Form):
    reason = forms.CharField(required=False, max_length=32)
    note = forms.CharField(required=False, max_length=2000)
    seen = forms.IntegerField(required=False, min_value=0)


class BulkForm(forms.Form):
    """The same decision on the ticked comments of a queue (`comments`: their ids)."""

    action = forms.ChoiceField(choices=BULK_ACTIONS)
    reason = forms.CharField(required=False, max_length=32)
    note = forms.CharField(required=False, max_length=2000)
    # The newest Decision when the queue was shown: a comment decided by someone else since is skipped.
    seen = forms.IntegerField(required=False, min_value=0)

    def comment_ids(self):
        return [int(i) for i in self.data.getlist("comments") if str(i).isdigit()]


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[("restore", _("Restore the comment")), ("keep", _("Keep the decision"))]
    )
    note = forms.CharField(required=False, max_length=2000)


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Measure"), choices=Sanction.Kind.choices)
    duration = forms.ChoiceField(label=_("For"), choices=BLANK + DURATIONS, required=False)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The reader reads it."),
    )


class LiftForm(forms.Form):
    reason = forms.CharField(label=_("Why"), required=False, max_length=2000)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


# The moderator's languages on Wagtail's user forms (Settings → Users).


class ModerationLanguagesField(forms.MultipleChoiceField):
    """The languages a moderator decides, stored as "hy ru"; none ticked: every language."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            choices=settings.LANGUAGES,
            required=False,
            label=_("Moderates comments in"),
            help_text=_("Tick the languages whose comments this moderator may decide; none: all of them."),
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, str):
            return value.replace(",", " ").split()
        return value

    def clean(self, value):
        chosen = set(super().clean(value))
        return " ".join(code for code, _name in settings.LANGUAGES if code in chosen)

    def has_changed(self, initial, data):
        return self.prepare_value(initial or "") != self.prepare_value(data or [])


class UserEditForm(wagtail_user_forms.UserEditForm):
    moderation_languages = ModerationLanguagesField()

    class Meta(wagtail_user_forms.UserEditForm.Meta):
        fields = wagtail_user_forms.UserEditForm.Meta.fields | {"moderation_languages"}


class UserCreationForm(wagtail_user_forms.UserCreationForm):
    moderation_languages = ModerationLanguagesField()

    class Meta(wagtail_user_forms.UserCreationForm.Meta):
        fields = wagtail_user_forms.UserCreationForm.Meta.fields | {"moderation_languages"}
