"""Readers' search on PostgreSQL: each live article's words in a tsvector made with its own
language's text search configuration (English and Russian stemmed, Armenian normalised), under a
GIN index.

Wagtail's index keeps one entry per page made with one configuration for all languages, and every
backend configured writes that same entry, so it cannot stem each language with its own rules:
this table can. The headline weighs most (A), then the standfirst (B), the body (C) and the tags
(D). An entry is written when its article is published and removed when it is unpublished (Wagtail's
signals, the only upkeep here) or deleted (cascade); `manage.py rebuild_article_search` rebuilds the
table. On SQLite the table stays empty: Wagtail's database backend answers there (`search_backend`).
"""

from __future__ import annotations

from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import F, Value
from django.dispatch import receiver
from wagtail.search.query import And, Or, Phrase, PlainText
from wagtail.signals import page_published, page_unpublished

from .search_text import normalise, normalise_query, search_config

WEIGHTS = ("A", "B", "C", "D")  # headline, standfirst, body, tags


class ArticleSearchEntry(models.Model):
    """One live article's words as PostgreSQL's full-text search reads them (never shown to anyone)."""

    article = models.OneToOneField(
        "newsroom.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    config = models.CharField(max_length=63)  # the text search configuration the words were read with
    vector = SearchVectorField()

    def __str__(self):
        return f"{self.article_id} ({self.config})"


def uses_postgres_search():
    return connection.vendor == "postgresql"


def article_texts(article):
    """The texts of an article that search reads, in the order of WEIGHTS, normalised."""
    body = article._meta.get_field("body").get_searchable_content(article.body)
    return [
        normalise(text)
        for text in (
            article.title,
            article.standfirst,
            " ".join(body),
            " ".join(tag.name for tag in article.tags.all()),
        )
    ]


def article_vector(texts, config):
    vectors = [
        SearchVector(Value(text, output_field=models.TextField()), config=config, weight=weight)
        for text, weight in zip(texts, WEIGHTS, strict=True)
    ]
    return reduce(lambda left, right: left + right, vectors)


def search_entry_update(article):
    """Write the search entry of a live article (PostgreSQL only; nothing to do on SQLite)."""
    if not uses_postgres_search():
        return
    if not article.live:
        search_entry_delete(article.pk)
        return
    config = search_config(article.locale.language_code)
    ArticleSearchEntry.objects.update_or_create(
        article_id=article.pk,
        defaults={"config": config, "vector": article_vector(article_texts(article), config)},
    )


def search_entry_delete(article_id):
    if uses_postgres_search():
        ArticleSearchEntry.objects.filter(article_id=article_id).delete()


def search_entries_rebuild(batch_size=200):
    """Index every live article afresh and forget the rest. Returns the number of entries."""
    if not uses_postgres_search():
        return 0
    ArticlePage = ArticleSearchEntry._meta.get_field("article").related_model
    ArticleSearchEntry.objects.exclude(article__live=True).delete()
    articles = ArticlePage.objects.live().select_related("locale").prefetch_related("tags").order_by("pk")
    count = 0
    for article in articles.iterator(chunk_size=batch_size):
        search_entry_update(article)
        count += 1
    return count


def _is_article(instance):
    return isinstance(instance, ArticleSearchEntry._meta.get_field("article").related_model)


@receiver(page_published, dispatch_uid="newsroom-search-entry-published")
def _on_page_published(sender, instance, **kwargs):
    if _is_article(instance):
        search_entry_update(instance)


@receiver(page_unpublished, dispatch_uid="newsroom-search-entry-unpublished")
def _on_page_unpublished(sender, instance, **kwargs):
    if _is_article(instance):
        search_entry_delete(instance.pk)


def tsquery(query, config):
    """A parsed query (`parse_query_string`) as a PostgreSQL tsquery in `config`, or None when it
    asks for nothing. Words go through plainto_tsquery and phrases through phraseto_tsquery, which
    read any text as words: no input is a syntax error."""
    if isinstance(query, PlainText):
        if query.operator == "or":
            return _combine([SearchQuery(word, config=config) for word in query.query_string.split()], "|")
        return SearchQuery(query.query_string, config=config, search_type="plain")
    if isinstance(query, Phrase):
        return SearchQuery(query.query_string, config=config, search_type="phrase")
    if isinstance(query, (And, Or)):
        parts = [tsquery(subquery, config) for subquery in query.subqueries]
        if any(part is None for part in parts) and isinstance(query, And):
            return None
        return _combine([part for part in parts if part is not None], "&" if isinstance(query, And) else "|")
    return None  # match-none and anything else no reader can type


def _combine(parts, operator):
    if not parts:
        return None
    return reduce(lambda left, right: (left & right) if operator == "&" else (left | right), parts)


def search_live_articles(articles, language_code, query):
    """`articles` (a queryset of ArticlePage) that match a parsed `query`, best first: the rank weighs
    a match in the headline above one in the standfirst, above one in the body; newest first among
    equals. Each result carries its `search_rank`."""
    config = search_config(language_code)
    wanted = tsquery(normalise_query(query), config)
    if wanted is None:
        return articles.none()
    return (
        articles.filter(search_entry__vector=wanted)
        .annotate(search_rank=SearchRank(F("search_entry__vector"), wanted))
        .order_by("-search_rank", "-published_at", "-pk")
    )
