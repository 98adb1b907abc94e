from django import template
from django.urls import reverse

from tribune.accounts.selectors import standing_of
from tribune.comments import selectors, services
from tribune.comments.models import CommentSettings, Status

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, article):
    """The conversation under an article: the rules, the form and the first page of the thread."""
    request = context["request"]
    config = CommentSettings.for_request(request)
    thread = selectors.thread(
        article.pk, request.user, request.GET.get("order", ""), edit_window=services.edit_window(config)
    )
    is_open = services.thread_is_open(article, config)
    standing = None
    if is_open and request.user.is_authenticated:  # anonymous pages cost no query for it
        standing = standing_of(request.user)
    return {
        "request": request,
        "user": request.user,
        "article": article,
        "thread": thread,
        "open": is_open,
        "max_length": config.max_length,
        "rules_page": config.rules_page.localized if config.rules_page_id else None,
        "write_url": reverse("comments:write", args=[article.pk]),
        # What stops a signed-in reader commenting (shown instead of the form), if anything.
        "standing": standing if standing is not None and not standing.may_comment else None,
        "premoderated": bool(standing and standing.premoderated),
    }


@register.inclusion_tag("comments/editors_picks.html", takes_context=True)
def editors_picks(context, page):
    """The editors' latest picks from the comments in the page's language (the home page)."""
    return {"request": context["request"], "picks": selectors.editors_picks(page.locale_id)}


@register.filter
def waiting(comment):
    """A reader's own comment that the desk has not published yet."""
    return comment.status in (Status.PENDING, Status.HELD)


@register.filter
def editors_pick(comment):
    """A comment the editors picked, while it is published."""
    return comment.featured and comment.status == Status.PUBLISHED


@register.simple_tag
def comment_counts(articles, *more):
    """{article id: published comments} for lists of articles (and single ones), in one query."""
    pages = [*articles, *more]
    return selectors.published_counts(page.pk for page in pages if page is not None)


@register.filter
def count_for(counts, article):
    return counts.get(article.pk, 0) if article is not None else 0
