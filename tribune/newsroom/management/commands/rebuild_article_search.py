"""Rebuild readers' search index of articles on PostgreSQL: `python manage.py rebuild_article_search`.
Publishing keeps it up to date; run this once after the table is created on a site with articles, and
whenever the way articles are indexed changes. On SQLite Wagtail's `update_index` does that work."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tribune.newsroom.search_index import search_entries_rebuild, uses_postgres_search


class Command(BaseCommand):
    help = "Index every live article for readers' search in its language (PostgreSQL; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=200, help="articles read at a time (default 200)"
        )

    def handle(self, *args, batch_size, **options):
        if not uses_postgres_search():
            self.stdout.write(
                "Not on PostgreSQL: readers' search uses Wagtail's index (manage.py update_index)."
            )
            return
        with transaction.atomic():
            count = search_entries_rebuild(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"{count} articles indexed for search."))
