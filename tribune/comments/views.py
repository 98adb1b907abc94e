"""Readers' comment pages and forms. Each view parses, authorizes, calls a service, responds; on a
refusal the reader gets the form back with their text and the reason, in their language."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tribune.accounts.selectors import standing_of
from tribune.core.client import client_ip
from tribune.newsroom.models import ArticlePage

from . import errors, selectors, services, text
from .forms import APPEAL_MAX_LENGTH, AppealForm, CommentForm, EditForm, ReportForm
from .models import Decision, Status
from .templatetags.house_rules import RULE_NAMES as HOUSE_RULES
from .templatetags.house_rules import explain


def _article(article_id):
    article = (
        ArticlePage.objects.live().defer_streamfields().filter(pk=article_id).select_related("locale").first()
    )
    if article is None:
        raise Http404
    return article


def _anchor(article, comment=None):
    return article.url + (f"#comment-{comment.pk}" if comment else "#comments")


def _refused(request, template, context, error):
    context = {**context, "error": error}
    return TemplateResponse(request, template, context, status=error.status)


@require_GET
def thread_page(request, article_id):
    """The conversation on a page of its own: "load more" without JavaScript."""
    article = _article(article_id)
    page = selectors.thread(
        article.pk,
        request.user,
        request.GET.get("order", ""),
        _offset(request.GET.get("offset")),
        edit_window=services.edit_window(),
    )
    context = {"article": article, "thread": page, "open": services.thread_is_open(article)}
    return TemplateResponse(request, "comments/thread_page.html", context)


@require_GET
def thread_fragment(request, article_id):
    """The next top-level comments as HTML, for the "load more" button's script."""
    article = _article(article_id)
    page = selectors.thread(
        article.pk,
        request.user,
        request.GET.get("order", ""),
        _offset(request.GET.get("offset")),
        edit_window=services.edit_window(),
    )
    context = {"article": article, "thread": page, "open": services.thread_is_open(article)}
    return TemplateResponse(request, "comments/thread_fragment.html", context)


def _offset(value):
    try:
        return max(0, min(int(value or 0), 1_000_000))
    except ValueError:
        return 0


@login_required
@require_http_methods(["GET", "POST"])
def write(request, article_id):
    """Post a comment or a reply (`parent`); GET shows the form on its own page. A text the house
    rules would not publish comes back with the rules it may break and the words marked (the
    nudge): the reader edits it, or sends it anyway."""
    article = _article(article_id)
    form = CommentForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if parent_id and str(parent_id).isdigit():
        parent = selectors.comment_for_reader(int(parent_id), request.user)
    context = {
        "article": article,
        "form": form,
        "parent": parent,
        "max_length": services.comment_settings().max_length,
    }
    if request.method == "GET":
        standing = standing_of(request.user)
        context["standing"] = None if standing.may_comment else standing
        context["premoderated"] = standing.premoderated
        context["rules_page"] = _rules_page(context["standing"])
        return TemplateResponse(request, "comments/write_page.html", context)
    if not form.is_valid():
        if "text" in form.errors:
            limit = services.comment_settings().max_length
            error = errors.CommentTooLong(limit=limit, length=len(request.POST.get("text", "")))
        else:
            error = errors.InvalidParent()
        return _refused(request, "comments/write_page.html", context, error)
    try:
        comment = services.comment_submit(
            author=request.user,
            article=article,
            text_raw=form.cleaned_data["text"],
            parent_id=form.cleaned_data["parent"],
            ip_address=client_ip(request),
            acknowledge_rules=form.cleaned_data["acknowledge_rules"],
        )
    except errors.Nudge as nudge:
        return _nudged(request, context, nudge, form.cleaned_data["text"])
    except (errors.WarningUnacknowledged, errors.AccountRestricted) as error:
        context["standing"] = error.standing
        context["rules_page"] = _rules_page(error.standing)
        return TemplateResponse(request, "comments/write_page.html", context, status=error.status)
    except errors.CommentError as error:
        return _refused(request, "comments/write_page.html", context, error)
    _tell_outcome(request, comment)
    if comment.status == Status.REJECTED:  # not in the thread, even for its author
        return redirect(_anchor(article))
    return redirect(_anchor(article, comment))


def _rules_page(standing):
    """The house rules page in the reader's language, for a reader asked to read it again."""
    if standing is None or standing.warning is None:
        return None
    config = services.comment_settings()
    return config.rules_page.localized if config.rules_page_id else None


def _nudged(request, context, nudge, text_raw):
    """The form again, with the reader's text, the rules it may break and why, the words that
    matched marked, and the choice: edit it, or send it anyway."""
    screened = text.normalize(text_raw)  # the engine's character offsets are into this text
    context["nudge"] = {
        "rules": explain(nudge.rules, nudge.findings),
        "text": screened,
        "findings": nudge.findings,
        "would_be": nudge.would_be,
        "raw": text_raw,
    }
    return TemplateResponse(request, "comments/write_page.html", context, status=nudge.status)


# The rule in the middle of a sentence ("the house rules do not allow advertising").
RULE_NAMES = {
    "abusive": _("abusive language"),
    "filthy": _("filthy language"),
    "advertising": _("advertising"),
    "off_topic": _("off-topic"),
}


def _tell_outcome(request, comment):
    """A comment the house rules did not let through: the reader learns it at once, and why."""
    if comment.status == Status.PUBLISHED:
        return
    decision = comment.decisions.order_by("-pk").first()
    rule = RULE_NAMES.get(decision.reason if decision else "", "")
    if comment.status == Status.REJECTED:
        messages.error(
            request,
            _("Your comment was not published: the house rules do not allow %(rule)s.") % {"rule": rule}
            if rule
            else _("Your comment was not published."),
        )
    elif rule:
        messages.info(
            request,
            _(
                "Your comment waits for an editor: it may break the house rules (%(rule)s). Only you can see it until then."
            )
            % {"rule": rule},
        )
    else:
        messages.info(request, _("Your comment waits for an editor. Only you can see it until then."))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, comment_id):
    comment = selectors.own_comment(comment_id, request.user)
    if comment is None:
        raise Http404
    form = EditForm(request.POST or None, initial={"text": comment.text})
    context = {"article": comment.article, "comment": comment, "form": form}
    if request.method == "GET" or not form.is_valid():
        return TemplateResponse(request, "comments/edit_page.html", context)
    try:
        comment = services.comment_edit(
            comment=comment, editor=request.user, text_raw=form.cleaned_data["text"]
        )
    except errors.CommentError as error:
        return _refused(request, "comments/edit_page.html", context, error)
    return redirect(_anchor(comment.article, comment))


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, comment_id):
    comment = selectors.own_comment(comment_id, request.user)
    if comment is None:
        raise Http404
    context = {"article": comment.article, "comment": comment}
    if request.method == "GET":
        return TemplateResponse(request, "comments/delete_page.html", context)
    try:
        services.comment_delete(comment=comment, actor=request.user)
    except errors.CommentError as error:
        return _refused(request, "comments/delete_page.html", context, error)
    return redirect(_anchor(comment.article))


@login_required
@require_http_methods(["GET", "POST"])
def report(request, comment_id):
    comment = selectors.comment_for_reader(comment_id, request.user)
    if comment is None:
        raise Http404
    form = ReportForm(request.POST or None)
    context = {"article": comment.article, "comment": comment, "form": form}
    if request.method == "GET" or not form.is_valid():
        return TemplateResponse(request, "comments/report_page.html", context)
    try:
        services.comment_report(
            comment=comment,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except errors.CommentError as error:
        return _refused(request, "comments/report_page.html", context, error)
    return render(request, "comments/report_done.html", context)


APPEALABLE_DECISIONS = (Decision.Action.REJECT, Decision.Action.REMOVE)


def _appeal_refusal(comment, decision, config):
    """Why the author may not appeal now, as the service would say it, or None."""
    if (
        comment.status not in (Status.REJECTED, Status.DELETED)
        or decision is None
        or decision.action not in APPEALABLE_DECISIONS
    ):
        return errors.AppealNotAllowed()
    if timezone.now() > _appeal_deadline(decision, config):
        return errors.AppealClosed(days=config.appeal_days)
    return None


def _appeal_deadline(decision, config):
    return decision.created_at + datetime.timedelta(days=config.appeal_days)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def appeal(request, comment_id):
    """The author of a comment a moderator rejected or removed asks once to reconsider; the
    editors' answer is final. Only the author sees the comment here."""
    comment = selectors.comment_for_appeal(comment_id)
    if comment is None:
        raise Http404
    template = "comments/appeal_page.html"
    if comment.author_id is None or comment.author_id != request.user.pk:
        error = errors.AppealNotAllowed()
        return TemplateResponse(request, template, {"error": error}, status=error.status)
    config = services.comment_settings()
    decision = selectors.last_moderation(comment)
    form = AppealForm(request.POST or None)
    context = {
        "article": comment.article,
        "comment": comment,
        "appeal": selectors.appeal_of(comment),
        "decision": decision if decision and decision.action in APPEALABLE_DECISIONS else None,
        "form": form,
        "max_length": APPEAL_MAX_LENGTH,
    }
    if context["decision"] is not None:
        context["rule"] = HOUSE_RULES.get(decision.reason, "")
        context["deadline"] = _appeal_deadline(decision, config)
    if request.method == "GET":
        error = None if context["appeal"] else _appeal_refusal(comment, decision, config)
        context["can_appeal"] = context["appeal"] is None and error is None
        if error is not None:
            return _refused(request, template, context, error)
        return TemplateResponse(request, template, context)
    # The text the reader can fix comes back in the form; any other refusal ends the matter.
    context["can_appeal"] = True
    if not form.is_valid():
        error = errors.CommentTooLong(limit=APPEAL_MAX_LENGTH, length=len(request.POST.get("text", "")))
        return _refused(request, template, context, error)
    try:
        services.comment_appeal(comment=comment, author=request.user, text_raw=form.cleaned_data["text"])
    except (errors.EmptyComment, errors.CommentTooLong) as error:
        return _refused(request, template, context, error)
    except errors.CommentError as error:
        context["can_appeal"] = False
        return _refused(request, template, context, error)
    messages.success(request, _("Your appeal went to the editors; their answer is final."))
    return redirect("comments:appeal", comment_id=comment.pk)
