"""Every read of the newsroom's pages that a template shows: live pages only, in one language,
with their lead images and renditions fetched in the same few queries whatever the number of items."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.cache import cache
from django.db.models import Case, Count, F, Q, Sum, When, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

from tribune.core.request_cache import request_cached

from . import search_index
from .search_text import normalise

MOST_READ_CACHE_SECONDS = 300
MOST_READ_DAYS = 2
SEARCH_MAX_WORDS = 32


def _model(name):
    return apps.get_model("newsroom", name)


def live_articles(locale_id):
    """Live articles of one language, newest first, with their lead images and renditions."""
    return (
        _model("ArticlePage")
        .objects.live()
        .filter(locale_id=locale_id)
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-published_at", "-pk")
    )


def sections(locale_id):
    return list(_model("SectionPage").objects.live().filter(locale_id=locale_id).order_by("path"))


def footer_pages(request, locale_id):
    """The language's plain pages that editors put in menus (About, House rules), once per request."""
    return request_cached(
        request,
        f"footer-pages:{locale_id}",
        lambda: list(
            _model("StandardPage")
            .objects.live()
            .filter(locale_id=locale_id, show_in_menus=True)
            .order_by("path")
        ),
    )


def sections_for_request(request, locale_id):
    return request_cached(request, f"sections:{locale_id}", lambda: sections(locale_id))


def section_of(article, known_sections):
    """The section among `known_sections` that holds `article` (None if none of them does)."""
    parent_path = article.path[: len(article.path) - Page.steplen]
    return next((section for section in known_sections if section.path == parent_path), None)


def attach_sections(articles, locale_id, known_sections=None):
    """Give each article its section (`article.section_page`) from one query, not one per article."""
    articles = list(articles)
    if not articles:
        return articles
    by_path = {s.path: s for s in (known_sections if known_sections is not None else sections(locale_id))}
    steplen = Page.steplen
    for article in articles:
        article.section_page = by_path.get(article.path[: len(article.path) - steplen])
    return articles


def front_page_stories(home, section_list, latest_count=12):
    """The lead story (chosen by the editor, else the latest article) and the latest news after it."""
    latest = list(live_articles(home.locale_id)[: latest_count + 1])
    lead = None
    if home.lead_article_id:
        lead = next((a for a in latest if a.pk == home.lead_article_id), None)
        if lead is None:
            lead = live_articles(home.locale_id).filter(pk=home.lead_article_id).first()
    if lead is None and latest:
        lead = latest[0]
    rest = [a for a in latest if lead is None or a.pk != lead.pk][:latest_count]
    attach_sections([lead, *rest] if lead else rest, home.locale_id, section_list)
    return lead, rest


def sections_with_articles(locale_id, section_list, per_section=4):
    """Each of the language's live sections with its `per_section` latest articles, in one query."""
    if not section_list:
        return []
    section_path_length = len(section_list[0].path)
    ranked = (
        live_articles(locale_id)
        .annotate(
            section_path=Substr("path", 1, section_path_length),
            rank=Window(
                RowNumber(),
                partition_by=[F("section_path")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
    )
    grouped = {}
    for article in ranked:
        grouped.setdefault(article.section_path, []).append(article)
    return [(section, grouped[section.path]) for section in section_list if section.path in grouped]


def editors_choice(locale_id, now=None):
    """The language's Editor's choice, in the editor's order, without expired or unpublished items."""
    now = now or timezone.now()
    items = (
        _model("EditorsChoiceItem")
        .objects.filter(home__locale_id=locale_id, home__live=True, article__live=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .select_related("article", "article__lead_image")
        .prefetch_related("article__lead_image__renditions")
        .order_by("home_id", "sort_order")
    )
    return [item.article for item in items]


def related_articles(article, tags, limit=4):
    """Articles of the same language sharing the most of `tags` with this one, newest first among
    equals; filled up with the latest of its section."""
    tag_ids = [tag.pk for tag in tags]
    base = live_articles(article.locale_id).exclude(pk=article.pk)
    found = []
    if tag_ids:
        found = list(
            base.filter(tagged_items__tag_id__in=tag_ids)
            .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
            .order_by("-shared", "-published_at")[:limit]
        )
    if len(found) < limit:
        section_path = article.path[: len(article.path) - Page.steplen]
        found += list(
            base.filter(path__startswith=section_path).exclude(pk__in=[a.pk for a in found])[
                : limit - len(found)
            ]
        )
    return found


def most_read(locale_id, days=MOST_READ_DAYS, limit=5):
    """The language's most read articles of the last `days` days, from the reads beacon; cached."""
    key = f"newsroom:most-read:{locale_id}:{days}:{limit}"
    ids = cache.get(key)
    if ids is None:
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        ids = list(
            _model("ArticleReadTally")
            .objects.filter(day__gte=since, article__locale_id=locale_id, article__live=True)
            .values("article_id")
            .annotate(total=Sum("reads"))
            .order_by("-total", "article_id")
            .values_list("article_id", flat=True)[:limit]
        )
        cache.set(key, ids, MOST_READ_CACHE_SECONDS)
    if not ids:
        return []
    articles = {a.pk: a for a in live_articles(locale_id).filter(pk__in=ids)}
    return [articles[pk] for pk in ids if pk in articles]


def record_read(article_id, today=None):
    """Count one read of a live article. Returns False for anything that is not one."""
    ArticlePage = _model("ArticlePage")
    if not ArticlePage.objects.live().filter(pk=article_id).exists():
        return False
    tally_model = _model("ArticleReadTally")
    day = today or timezone.localdate()
    updated = tally_model.objects.filter(article_id=article_id, day=day).update(reads=F("reads") + 1)
    if not updated:
        tally, created = tally_model.objects.get_or_create(
            article_id=article_id, day=day, defaults={"reads": 1}
        )
        if not created:
            tally_model.objects.filter(pk=tally.pk).update(reads=F("reads") + 1)
    return True


def section_articles(section):
    return live_articles(section.locale_id).child_of(section)


def tag_by_slug(slug):
    return Tag.objects.filter(slug=slug).first()


def articles_with_tag(locale_id, tag):
    return live_articles(locale_id).filter(tagged_items__tag=tag)


def articles_between(locale_id, start, end):
    return live_articles(locale_id).filter(published_at__gte=start, published_at__lt=end)


def archive_months(locale_id):
    """The months that have articles in this language, newest first."""
    return list(
        _model("ArticlePage")
        .objects.live()
        .filter(locale_id=locale_id)
        .dates("published_at", "month", order="DESC")
    )


def search_articles(locale_id, query):
    """Live articles of one language matching every word of `query` ("quoted words" as a phrase),
    best first: a match in the headline above one in the body. On PostgreSQL words are matched by
    their stems in the language's own text search configuration (`search_index`); on SQLite through
    Wagtail's database backend. On both the query is normalised as the indexed text was
    (`search_text.normalise`). A colon means nothing special to readers, so it never becomes a
    search filter. Words past the first SEARCH_MAX_WORDS are left out."""
    words = normalise(query).replace(":", " ").split()[:SEARCH_MAX_WORDS]
    _filters, parsed = parse_query_string(" ".join(words), operator="and")
    articles = _model("ArticlePage").objects.live().filter(locale_id=locale_id).select_related("lead_image")
    if search_index.uses_postgres_search():
        language_code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).get()
        return search_index.search_live_articles(articles, language_code, parsed)
    # Wagtail's SQLite ranking weighs a row as a whole: headline matches are put first here, then
    # the newest.
    matching = articles.search(parsed, order_by_relevance=False).get_queryset()
    in_headline = articles.search(parsed, fields=["title"], order_by_relevance=False).get_queryset()
    return matching.annotate(
        headline_match=Case(When(pk__in=in_headline.values("pk"), then=1), default=0)
    ).order_by("-headline_match", "-published_at", "-pk")
