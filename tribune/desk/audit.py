"""The desk's audit side: the log of every decision (and its CSV), the dashboard, the policy's
figures and the labelled export. Each page parses its filters, asks `reports` and renders; each
shows only the languages the moderator works in."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_required

from tribune.comments import screening, services
from tribune.comments.models import Decision

from . import reports

moderator_required = permission_required("comments.moderate_comment")

PAGE_SIZE = 50


def _language_choices(languages, empty):
    return [("", empty)] + [(code, reports.LANGUAGE_NAMES[code]) for code in languages]


class DateInput(forms.DateInput):
    input_type = "date"


class LogFilter(forms.Form):
    comment = forms.IntegerField(label=_("Comment number"), required=False, min_value=1)
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.ChoiceField(label=_("Decided by"), required=False)
    reason = forms.ChoiceField(label=_("Reason"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    article = forms.CharField(
        label=_("Article"), required=False, max_length=200, help_text=_("Its number or words of its title.")
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Any action")), *Decision.Action.choices]
        self.fields["actor"].choices = [
            ("", _("Anyone")),
            (reports.SYSTEM, _("The system (house rules)")),
            *[(str(user.pk), user.public_name) for user in reports.deciders()],
        ]
        self.fields["reason"].choices = [("", _("Any reason")), *reports.REASON_NAMES.items()]
        self.fields["language"].choices = _language_choices(languages, _("Any language"))

    def filters(self):
        """The valid filters as `reports.decision_log` takes them; an invalid one is ignored."""
        self.is_valid()
        data = {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
        if "comment" in data:
            data["comment_id"] = data.pop("comment")
        return data


def _filename(stem, extension):
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def _download(lines, content_type, filename):
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@moderator_required
def log(request):
    """Every decision on a comment, newest first, filtered; `?format=csv` downloads the rows."""
    languages = reports.languages_of(request.user)
    form = LogFilter(request.GET or None, languages=languages)
    filters = form.filters() if form.is_bound else {}
    decisions = reports.decision_log(languages=languages, **filters)
    if request.GET.get("format") == "csv":
        return _download(
            reports.csv_lines(decisions), "text/csv; charset=utf-8", _filename("tribune-decisions", "csv")
        )
    paginator = Paginator(decisions, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("p"))
    for decision in page.object_list:
        decision.reason_label = reports.REASON_NAMES.get(decision.reason, decision.reason)
    return TemplateResponse(
        request,
        "desk/audit/log.html",
        {
            "form": form,
            "page": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "comment_id": filters.get("comment_id"),
            "filtered": bool(filters),
        },
    )


def duration(seconds):
    """A wait as a person reads it: "45 min", "3 h 20 min", "2 d 5 h"."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if minutes < 1:
        return gettext("under a minute")
    if minutes < 60:
        return gettext("%(minutes)d min") % {"minutes": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    days, hours = divmod(hours, 24)
    return gettext("%(days)d d %(hours)d h") % {"days": days, "hours": hours}


@moderator_required
def dashboard(request):
    """Held, overturned, rejected and reported comments per rule and language over 7, 30 or 90 days,
    and the median wait for a moderator's verdict."""
    try:
        days = int(request.GET.get("days", reports.PERIODS[0]))
    except ValueError:
        days = reports.PERIODS[0]
    if days not in reports.PERIODS:
        days = reports.PERIODS[0]
    figures = reports.dashboard(languages=reports.languages_of(request.user), days=days)
    tables = [
        {
            "language": language,
            "name": reports.LANGUAGE_NAMES[language],
            "rows": [
                {
                    "key": key,
                    "label": label,
                    "figures": cell,
                    "wait": duration(cell.median_wait),
                    "log_reason": key if key in reports.REASON_NAMES else "",
                }
                for key, label, cell in figures.table(language)
            ],
        }
        for language in figures.languages
    ]
    return TemplateResponse(
        request,
        "desk/audit/dashboard.html",
        {"dashboard": figures, "tables": tables, "periods": reports.PERIODS, "days": days},
    )


@moderator_required
def policy(request):
    """The thresholds in force per rule and language, with the precision and recall each, and a few
    others, would have given on the comments moderators decided."""
    config = services.comment_settings()
    if config.pk:
        in_force = screening.site_policy(config)
    else:
        from tribune.houserules import DEFAULT_POLICY as in_force
    columns, cells = reports.policy_figures(policy=in_force, languages=reports.languages_of(request.user))
    for cell in cells.values():
        for setting in cell.current:
            setting.shown = "" if setting.threshold is None else number_format(setting.threshold)
    rules = [
        {
            "rule": rule,
            "name": reports.RULE_NAMES[rule],
            "cells": [
                {"cell": cells[(rule, language)], "name": reports.LANGUAGE_NAMES[language]}
                for language in columns
            ],
        }
        for rule in reports.ENGINE_RULES
    ]
    settings_url = None
    if request.user.has_perm("comments.change_commentsettings"):
        settings_url = reverse("wagtailsettings:edit", args=["comments", "commentsettings"])
    return TemplateResponse(
        request,
        "desk/audit/policy.html",
        {
            "rules": rules,
            "alternatives": reports.ALTERNATIVES,
            "min_examples": reports.MIN_EXAMPLES,
            "settings_url": settings_url,
        },
    )


class ExportFilter(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    since = forms.DateField(label=_("Written from"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Written until"), required=False, widget=DateInput)

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _language_choices(languages, _("Every language"))


@moderator_required
def export(request):
    """The comments moderators decided, as labelled JSON Lines for `python -m tribune.houserules
    evaluate` and for retraining; `?format=jsonl` downloads them."""
    languages = reports.languages_of(request.user)
    form = ExportFilter(request.GET or None, languages=languages)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {name: value for name, value in form.cleaned_data.items() if value}
    comments = reports.labelled_comments(languages=languages, **filters)
    if request.GET.get("format") == "jsonl" and (not form.is_bound or form.is_valid()):
        return _download(
            reports.export_lines(comments),
            "application/x-ndjson; charset=utf-8",
            _filename("tribune-decided-comments", "jsonl"),
        )
    return TemplateResponse(request, "desk/audit/export.html", {"form": form, "count": comments.count()})
