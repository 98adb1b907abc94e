"""Readers' comment pages and forms. Each view parses, authorizes, calls a service, responds; on a
refusal the reader gets the form back with their text and the reason, in their language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from tribune.newsroom.models import ArticlePage

from . import errors, selectors, services
from .forms import CommentForm, EditForm, ReportForm
from .models import Status


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


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
    """Post a comment or a reply (`parent`); GET shows the form on its own page."""
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
        )
    except errors.CommentError as error:
        return _refused(request, "comments/write_page.html", context, error)
    _tell_outcome(request, comment)
    return redirect(_anchor(article, comment))


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
