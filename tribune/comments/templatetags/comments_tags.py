import time

from django import template
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from tribune.accounts.selectors import standing_of
from tribune.comments import selectors, services, thread_cache
from tribune.comments.models import CommentSettings, Status
from tribune.core import page_cache

register = template.Library()

# The anonymous rendering of a thread's first page is the same for every reader without an account
# (no reply links, no own waiting comments, no "Edit", no "Report"), so it is rendered once per
# version of the thread, language and order, and kept this long. Nothing in it depends on the clock:
# edit windows and reply links are only shown to signed-in readers, who never get the shared copy;
# "edited" and "Editor's pick" change with the thread, which moves its version on. The timeout
# only bounds how long a change that bypasses `events.thread_changed` could stay visible.
THREAD_HTML_SECONDS = 600
SECTION_HTML_SECONDS = 60
THREAD_BLOCK = "comments/_thread_block.html"


def thread_html_key(article_id, version, language, order, offset=0):
    return f"thread-html:{article_id}:{version}:{language}:{order}:{offset}"


def _anonymous_thread(article, order):
    """(published comments, HTML of the thread's first page) as an anonymous reader sees them, from
    the cache when this version of the thread was rendered before. The version is read before the
    comments, so an entry never holds a thread older than its version."""
    version = thread_cache.version(article.pk)
    key = thread_html_key(article.pk, version, translation.get_language() or "", order)
    found = cache.get(key)
    if found is None:
        thread = selectors.thread(article.pk, None, order)
        user = AnonymousUser()
        html = get_template(THREAD_BLOCK).render({"article": article, "thread": thread, "user": user})
        found = (thread.total, html)
        cache.set(key, found, THREAD_HTML_SECONDS)
    total, html = found
    return total, mark_safe(html)  # noqa: S308 - our own template's output


@register.simple_tag(takes_context=True)
def comments_section(context, article):
    """The conversation under an article: the rules, the form and the first page of the thread.

    For anonymous readers the whole section comes from the cache while the thread's version, the
    language, the order, the site's publications and the minute are the same: whether the thread is
    open (a setting, the article's age) and the link to the house rules (a setting) are at most a
    minute old, as they would be in the anonymous page cache."""
    request = context["request"]
    if request.user.is_authenticated or getattr(request, "is_preview", False):
        return _render_section(context, _section_values(request, article))
    order = request.GET.get("order", "")
    order = order if order in selectors.ORDERS else selectors.DEFAULT_ORDER
    published = page_cache.version_for(request)  # read once per request, as every fragment of the page
    version, minute = thread_cache.version(article.pk), int(time.time() // 60)
    key = f"comments-section:{article.pk}:{version}:{translation.get_language()}:{order}:{published}:{minute}"
    html = cache.get(key)
    if html is None:
        html = _render_section(context, _section_values(request, article, order))
        cache.set(key, str(html), SECTION_HTML_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def _render_section(context, values):
    new_context = context.new(values)
    csrf_token = context.get("csrf_token")
    if csrf_token is not None:  # as an inclusion tag passes it on, unevaluated: no cookie for readers
        new_context["csrf_token"] = csrf_token
    return context.template.engine.get_template("comments/section.html").render(new_context)


def _section_values(request, article, order=None):
    config = CommentSettings.for_request(request)
    if request.user.is_authenticated:  # their own comments and actions: rendered for them alone
        thread = selectors.thread(
            article.pk, request.user, request.GET.get("order", ""), edit_window=services.edit_window(config)
        )
        total, thread_html = thread.total, None
    else:
        thread = None
        total, thread_html = _anonymous_thread(article, order or selectors.DEFAULT_ORDER)
    is_open = services.thread_is_open(article, config)
    standing = None
    if is_open and request.user.is_authenticated:  # anonymous pages cost no query for it
        standing = standing_of(request.user)
    return {
        "request": request,
        "user": request.user,
        "article": article,
        "thread": thread,
        "total": total,
        "thread_html": thread_html,
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
