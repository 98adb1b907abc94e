"""The desk's pages in Wagtail's admin. Each view parses, checks that the user moderates, calls
`comments.services` (or `accounts.services`) to change anything, and answers with a Wagtail message.

Wagtail wraps every desk URL in its admin-access check: anonymous visitors and readers are sent to
the admin's sign-in page; admin users without `comments.moderate_comment` get its "no permission"."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from tribune.accounts import services as account_services
from tribune.accounts.models import Sanction
from tribune.comments import errors, queues, services
from tribune.comments.models import ENGINE_RULES, Appeal, Rule, Status

from .forms import (
    AppealDecisionForm,
    BulkForm,
    DecisionForm,
    LiftForm,
    NoteForm,
    QueueFilterForm,
    RejectAuthorForm,
    SanctionForm,
    UserCreationForm,
    UserEditForm,
)

NAV_KEYS = ("queue", "language", "rule", "article", "section", "author", "since", "until")
EXCERPT = 280
RULE_LABELS = {**dict(Rule.choices), **queues.HOLD_REASONS}
DONE = {
    services.APPROVE: _("Comment approved."),
    services.REJECT: _("Comment rejected."),
    services.DELETE: _("Comment deleted."),
    services.RESTORE: _("Comment restored."),
    services.FEATURE: _("Comment made an editor's pick."),
    services.UNFEATURE: _("Comment is no longer an editor's pick."),
}
# The keys of the comment page; the same list is shown on screen and in the help dialog.
KEYS = [
    ("j", _("Next comment in the queue")),
    ("k", _("Previous comment in the queue")),
    ("a", _("Approve")),
    ("r", _("Reject, then 1–5 to choose the reason and Enter to confirm")),
    ("d", _("Delete")),
    ("f", _("Make an editor's pick, or undo it")),
    ("?", _("Show or hide these keys")),
]


def moderator_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not services.is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# Where the moderator came from: a queue and its filters, carried along as a query string.


class Navigation:
    def __init__(self, data, user):
        self.user = user
        self.queue = data.get("queue") if data.get("queue") in queues.QUEUES else ""
        self.filter_pairs = [(key, data[key]) for key in NAV_KEYS[1:] if self.queue and data.get(key)]
        self.filters = QueueFilterForm(data).filters() if self.queue else queues.Filters()
        self.query = urlencode([("queue", self.queue), *self.filter_pairs]) if self.queue else ""

    def comment_url(self, comment_id):
        url = reverse("desk:comment", args=[comment_id])
        return f"{url}?{self.query}" if self.query else url

    def queue_url(self):
        if not self.queue:
            return reverse("desk:home")
        url = reverse("desk:queue", args=[self.queue])
        return f"{url}?{urlencode(self.filter_pairs)}" if self.filter_pairs else url

    def neighbours(self, comment_id):
        if not self.queue:
            return None, None
        return queues.queue_neighbours(self.queue, self.user, self.filters, comment_id)

    def after_decision(self, comment_id):
        """The next comment of the queue, or the queue when it is done; the comment itself when the
        moderator did not come from a queue."""
        if not self.queue:
            return redirect(self.comment_url(comment_id))
        following = self.neighbours(comment_id)[1]
        return redirect(self.comment_url(following) if following else self.queue_url())


# What the rows and the comment page show.


def _finding_spans(text, findings):
    """(start, end, rule) of each finding that points into `text`, in order, without overlaps."""
    spans = []
    for finding in findings or []:
        start, end = finding.get("start"), finding.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            # Offsets from an older text (edited since): find the words again, if they are still there.
            evidence = finding.get("evidence") or ""
            start = text.find(evidence) if evidence else -1
            if start < 0 and evidence and len(text.lower()) == len(text):
                start = text.lower().find(evidence.lower())
            if start < 0:
                continue
            end = start + len(evidence)
        spans.append((start, end, finding.get("rule", "")))
    kept, reached = [], 0
    for start, end, rule in sorted(spans):
        if start >= reached:
            kept.append((start, end, rule))
            reached = end
    return kept


def highlight(text, findings, limit=None):
    """The text, escaped, with the words the engine found marked (<mark>), line breaks kept.
    With `limit`, an excerpt of about that length, starting near the first finding."""
    spans = _finding_spans(text, findings)
    begin, end = 0, len(text)
    if limit and len(text) > limit:
        if spans and spans[0][1] > limit:
            begin = max(0, spans[0][0] - limit // 4)
        end = min(len(text), begin + limit)
    pieces, position = ["…" if begin else ""], begin
    for start, stop, rule in spans:
        if stop <= begin:
            continue
        if start >= end:
            break
        start, stop = max(start, position), min(stop, end)
        pieces.append(escape(text[position:start]))
        pieces.append(
            format_html(
                '<mark class="desk-finding desk-finding--{}" title="{}">{}</mark>',
                rule,
                RULE_LABELS.get(rule, rule),
                text[start:stop],
            )
        )
        position = stop
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(str(p) for p in pieces).replace("\n", "<br>"))  # noqa: S308 - escaped above


def score_badges(scores):
    """(label, score, high) per engine rule scored, in the rules' order."""
    return [
        (RULE_LABELS.get(rule, rule), scores[rule], scores[rule] >= 0.5)
        for rule in ENGINE_RULES
        if isinstance(scores.get(rule), int | float)
    ]


def _claimer(comment, user, now):
    if (
        comment.claimed_by_id
        and comment.claimed_by_id != user.pk
        and comment.claimed_until
        and comment.claimed_until > now
    ):
        return comment.claimed_by
    return None


def _row(comment, user, now):
    comment.excerpt = highlight(comment.text, comment.findings, limit=EXCERPT)
    comment.badges = score_badges(comment.scores or {})
    comment.claimer = _claimer(comment, user, now)
    comment.rule_label = RULE_LABELS.get(comment.held_for, comment.held_for)
    return comment


def _sections():
    from tribune.newsroom.models import SectionPage

    rows = SectionPage.objects.order_by("locale__language_code", "title").values_list(
        "pk", "title", "locale__language_code"
    )
    return [(pk, f"{title} ({language})") for pk, title, language in rows]


def _page(request, template, context):
    return TemplateResponse(request, template, context)


# The pages.


@moderator_required
def home(request):
    counts = queues.queue_counts(request.user)
    rows = [
        (name, queue, counts.get(name), reverse("desk:queue", args=[name]))
        for name, queue in queues.QUEUES.items()
    ]
    return _page(
        request,
        "desk/home.html",
        {"rows": rows, "title": _("Comments"), "subtitle": _("The moderation desk")},
    )


@moderator_required
def queue(request, queue):
    if queue not in queues.QUEUES:
        raise Http404
    user = request.user
    form = QueueFilterForm(request.GET or None, languages=queues.languages_of(user), sections=_sections())
    filters = form.filters()
    page = queues.queue_page(queue, user, filters, request.GET.get("p") or 1)
    now = timezone.now()
    rows = [_row(comment, user, now) for comment in page]
    nav = Navigation({**request.GET.dict(), "queue": queue}, user)
    counts = queues.queue_counts(user)
    return _page(
        request,
        "desk/queue.html",
        {
            "title": queues.QUEUES[queue].label,
            "subtitle": ngettext("%(count)s comment", "%(count)s comments", page.paginator.count)
            % {"count": page.paginator.count},
            "queue": queues.QUEUES[queue],
            "queue_name": queue,
            "tabs": [(name, item.label, counts.get(name)) for name, item in queues.QUEUES.items()],
            "form": form,
            "filtered": bool(nav.filter_pairs),
            "page": page,
            "rows": rows,
            "nav_query": nav.query,
            "filter_query": urlencode(nav.filter_pairs),
            "reasons": Rule.choices,
            "bulk": queue != "appeals",
            "seen": queues.newest_decision_id() if rows and queue != "appeals" else None,
            "keys_enabled": _keyboard_enabled(user),
        },
    )


def _actions_for(comment):
    """The decisions that fit the comment's state (the service has the last word)."""
    actions = [
        action
        for action, (allowed, _after, _logged) in services.TRANSITIONS.items()
        if comment.status in allowed
    ]
    if comment.featured:
        actions = [a for a in actions if a != services.FEATURE]
    else:
        actions = [a for a in actions if a != services.UNFEATURE]
    return actions


@moderator_required
def comment(request, comment_id):
    user = request.user
    found = queues.comment_for_desk(comment_id)
    if found is None:
        raise Http404
    may_decide = user.may_moderate_language(found.language)
    now = timezone.now()
    if may_decide:
        try:
            holder = services.comment_claim(comment_id=found.pk, moderator=user)
        except errors.CommentGone as gone:
            raise Http404 from gone
        claimer = holder if holder is not None and holder.pk != user.pk else None
    else:
        claimer = _claimer(found, user, now)
    nav = Navigation(request.GET, user)
    previous, following = nav.neighbours(found.pk)
    decisions = queues.decisions_of(found)
    for decision in decisions:
        decision.reason_label = RULE_LABELS.get(decision.reason, decision.reason)
    article = found.article
    context = {
        "title": _("Comment #%(number)s") % {"number": found.pk},
        "subtitle": found.get_status_display(),
        "flag_labels": [RULE_LABELS.get(flag, flag) for flag in found.flags or []],
        "comment": found,
        "article": article,
        "article_url": article.get_url(request),
        "text": highlight(found.text, found.findings),
        "findings": [
            {**f, "label": RULE_LABELS.get(f.get("rule"), f.get("rule"))} for f in found.findings or []
        ],
        "badges": score_badges(found.scores or {}),
        "rule_label": RULE_LABELS.get(found.held_for, found.held_for),
        "around": queues.thread_around(found),
        "history": queues.author_history(found.author, now) if found.author_id else None,
        "revisions": list(found.revisions.all()),
        "reports": queues.reports_of(found),
        "decisions": decisions,
        "seen": queues.last_decision_id(decisions),
        "seen_all": queues.newest_decision_id(),
        "appeal": queues.appeal_of(found),
        "claimer": claimer,
        "may_decide": may_decide,
        "actions": _actions_for(found),
        "reasons": Rule.choices,
        "nav": nav,
        "nav_query": nav.query,
        "queue": queues.QUEUES.get(nav.queue),
        "queue_url": nav.queue_url() if nav.queue else "",
        "previous_url": nav.comment_url(previous) if previous else "",
        "next_url": nav.comment_url(following) if following else "",
        "keys": KEYS,
        "keys_enabled": _keyboard_enabled(user),
    }
    return _page(request, "desk/comment.html", context)


def _keyboard_enabled(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return bool(getattr(profile, "keyboard_shortcuts", True)) if profile is not None else True


def _refused(request, error):
    messages.error(request, str(error))


@require_POST
@moderator_required
def decide(request, comment_id):
    nav = Navigation(request.GET, request.user)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        _refused(request, errors.InvalidAction())
        return redirect(nav.comment_url(comment_id))
    data = form.cleaned_data
    try:
        services.comment_moderate(
            comment_id=comment_id,
            moderator=request.user,
            action=data["action"],
            reason=data["reason"],
            note=data["note"],
            seen=data["seen"],
        )
    except errors.CommentGone as error:
        _refused(request, error)
        return redirect(nav.queue_url())
    except errors.CommentError as error:
        _refused(request, error)
        return redirect(nav.comment_url(comment_id))
    queues.queue_counts_forget()
    messages.success(request, DONE[data["action"]])
    return nav.after_decision(comment_id)


def _report_bulk(request, decided, refused):
    """ "3 decided, 2 skipped", then each reason for skipping with the comments it concerns."""
    messages.success(
        request,
        ngettext("%(decided)d decided", "%(decided)d decided", len(decided)) % {"decided": len(decided)}
        + ", "
        + ngettext("%(skipped)d skipped.", "%(skipped)d skipped.", len(refused)) % {"skipped": len(refused)},
    )
    by_reason = {}
    for comment_id, reason in refused.items():
        by_reason.setdefault(reason, []).append(comment_id)
    for reason, ids in by_reason.items():
        messages.warning(
            request,
            _("%(reason)s Comments: %(ids)s") % {"reason": reason, "ids": ", ".join(f"#{i}" for i in ids)},
        )


@require_POST
@moderator_required
def reject_author(request, comment_id):
    nav = Navigation(request.GET, request.user)
    found = queues.comment_for_desk(comment_id)
    if found is None:
        _refused(request, errors.CommentGone())
        return redirect(nav.queue_url())
    form = RejectAuthorForm(request.POST)
    form.is_valid()
    if found.author_id is None:
        messages.error(request, _("This comment's author deleted their account."))
        return redirect(nav.comment_url(comment_id))
    try:
        decided, refused = services.comments_reject_author_on_article(
            author_id=found.author_id,
            article_id=found.article_id,
            moderator=request.user,
            reason=form.cleaned_data.get("reason", ""),
            note=form.cleaned_data.get("note", ""),
            seen=form.cleaned_data.get("seen"),
        )
    except errors.CommentError as error:
        _refused(request, error)
        return redirect(nav.comment_url(comment_id))
    queues.queue_counts_forget()
    _report_bulk(request, decided, refused)
    if not decided:
        return redirect(nav.comment_url(comment_id))
    return nav.after_decision(comment_id)


@require_POST
@moderator_required
def bulk(request):
    nav = Navigation(request.GET, request.user)
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect(nav.queue_url())
    ids = form.comment_ids()
    if not ids:
        messages.warning(request, _("Tick the comments to decide first."))
        return redirect(nav.queue_url())
    try:
        decided, refused = services.comments_moderate_bulk(
            comment_ids=ids,
            moderator=request.user,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            seen=form.cleaned_data["seen"],
        )
    except errors.CommentError as error:
        _refused(request, error)
        return redirect(nav.queue_url())
    queues.queue_counts_forget()
    _report_bulk(request, decided, refused)
    return redirect(nav.queue_url())


@require_POST
@moderator_required
def appeal_decide(request, appeal_id):
    nav = Navigation(request.GET, request.user)
    comment_id = Appeal.objects.filter(pk=appeal_id).values_list("comment_id", flat=True).first()
    form = AppealDecisionForm(request.POST)
    if comment_id is None:
        _refused(request, errors.CommentGone())
        return redirect(nav.queue_url())
    if not form.is_valid():
        messages.error(request, _("Choose to restore the comment or to keep the decision."))
        return redirect(nav.comment_url(comment_id))
    restore = form.cleaned_data["outcome"] == "restore"
    try:
        services.appeal_decide(
            appeal_id=appeal_id, moderator=request.user, restore=restore, note=form.cleaned_data["note"]
        )
    except errors.CommentError as error:
        _refused(request, error)
        return redirect(nav.comment_url(comment_id))
    queues.queue_counts_forget()
    messages.success(
        request,
        _("Appeal accepted: the comment is published again.")
        if restore
        else _("Appeal refused: the decision stands."),
    )
    return nav.after_decision(comment_id)


# Readers.


@moderator_required
def reader(request, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    now = timezone.now()
    history = queues.author_history(person, now)
    recent = queues.comments_of(person)
    for item in recent:
        item.excerpt = highlight(item.text, item.findings, limit=EXCERPT)
    return _page(
        request,
        "desk/reader.html",
        {
            "title": person.public_name,
            "subtitle": _("Reader"),
            "person": person,
            "history": history,
            "recent": recent,
            "sanction_form": SanctionForm(),
            "note_form": NoteForm(),
            "lift_form": LiftForm(),
            "staff": person.is_staff or person.is_superuser,
            "kinds": Sanction.Kind,
            "status": Status,
        },
    )


@require_POST
@moderator_required
def sanction(request, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    form = SanctionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the measure and give the reason: the reader will read it."))
        return redirect("desk:reader", person.pk)
    data = form.cleaned_data
    try:
        measure = account_services.sanction_impose(
            user=person,
            kind=data["kind"],
            moderator=request.user,
            reason=data["reason"],
            duration=data["duration"] or None,
        )
    except account_services.SanctionRefused as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(
            request,
            _("%(measure)s recorded for %(reader)s.")
            % {"measure": measure.get_kind_display().capitalize(), "reader": person.public_name},
        )
    return redirect("desk:reader", person.pk)


@require_POST
@moderator_required
def sanction_lift(request, sanction_id):
    measure = get_object_or_404(Sanction.objects.select_related("user"), pk=sanction_id)
    form = LiftForm(request.POST)
    form.is_valid()
    try:
        account_services.sanction_lift(
            sanction=measure, moderator=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except account_services.SanctionRefused as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("The measure was lifted."))
    return redirect("desk:reader", measure.user_id)


@require_POST
@moderator_required
def note_add(request, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    form = NoteForm(request.POST)
    form.is_valid()
    try:
        account_services.moderator_note_add(
            user=person, moderator=request.user, text=form.cleaned_data.get("text", "")
        )
    except account_services.SanctionRefused as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("Note added."))
    return redirect("desk:reader", person.pk)


# Wagtail's users, with the languages a moderator decides (Settings → Users).


class UserViewSet(WagtailUserViewSet):
    create_template_name = "desk/users/create.html"
    edit_template_name = "desk/users/edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
