"""Wagtail's database search backend, with the newsroom's normalisation of text on SQLite.

On SQLite, Wagtail's index (SQLite FTS5) serves every search, the readers' included, so what it
stores and what it is asked go through `search_text.normalise`: an Armenian word is found whatever
its spelling. On PostgreSQL this is Wagtail's backend as it comes and serves the admin; readers'
search there reads the newsroom's own index, one text search configuration per language
(`search_index`).

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "tribune.newsroom.search_backend"}}`; after
switching an existing SQLite site to it, `manage.py update_index` normalises what is already indexed.
"""

from __future__ import annotations

import functools

from django.db import connection
from django.utils.encoding import force_str
from wagtail.search.backends.database import SearchBackend as database_backend

from .search_text import normalise, normalise_query


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        # Wagtail's SQLite module can only be imported where SQLite is the database.
        from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # not the fallback of a SQLite without FTS5
            return _normalising_sqlite_backend()(params)
    return backend


@functools.cache
def _normalising_sqlite_backend():
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend
    from wagtail.search.utils import get_content_type_pk

    class NormalisingSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            objs = list(objs)
            super().add_items(model, objs)
            if not objs:
                return
            entries = self.entries.filter(
                content_type_id=get_content_type_pk(model), object_id__in=[force_str(obj.pk) for obj in objs]
            ).only("title", "autocomplete", "body")
            changed = []
            for entry in entries:
                texts = (entry.title, entry.autocomplete, entry.body)
                entry.title, entry.autocomplete, entry.body = (normalise(text) for text in texts)
                if (entry.title, entry.autocomplete, entry.body) != texts:
                    changed.append(entry)
            # The index's triggers carry the change into its full-text table.
            self.entries.model.objects.bulk_update(changed, ["title", "autocomplete", "body"])

    class NormalisingSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = NormalisingSQLiteIndex

        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            return super()._search(query_compiler_class, normalise_query(query), model_or_queryset, **kwargs)

    return NormalisingSQLiteSearchBackend
