"""Fill an empty site with the demo: the newsroom in three languages, then readers and their comments.
Running it again leaves an existing site as it is."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from tribune.comments.demo import seed_comments
from tribune.newsroom.demo.seeder import DemoSeeder
from tribune.newsroom.models import HomePage


class Command(BaseCommand):
    help = "Create the demo newsroom and its readers' comments if the site has none yet (idempotent)."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("The site already has a home page: demo content left as it is.")
            return
        with transaction.atomic():
            seeder = DemoSeeder(now=timezone.now())
            seeder.run()
            comments = seed_comments(house_rules=seeder.house_rules, articles=seeder.articles)
        self.stdout.write(self.style.SUCCESS(f"{seeder.summary()} {comments} comments from demo readers."))
