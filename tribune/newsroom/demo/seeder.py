"""The demo newsroom: three languages, sections, articles with credited images, linked translations,
Editor's choice, house rules and demo accounts (run by the `seed_demo` command)."""

from __future__ import annotations

import colorsys
import datetime
import hashlib
import io
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from tribune.newsroom import demo as content
from tribune.newsroom.models import (
    ArticlePage,
    ArticleReadTally,
    CreditedImage,
    EditorsChoiceItem,
    HomePage,
    NewsroomSettings,
    SectionPage,
    StandardPage,
)

LANGUAGES = ("en", "ru", "hy")
HOME_TITLES = {"en": "Tribune", "ru": "Трибуна", "hy": "Տրիբունա"}
DEMO_ACCOUNTS = (
    # username, password, superuser, group
    ("admin", "tribune-admin", True, None),
    ("editor", "tribune-editor", False, "Editors"),
)


class DemoSeeder:
    def __init__(self, now):
        self.now = now
        self.locales = {}
        self.homes = {}
        self.sections = {}  # (key, lang) -> SectionPage
        self.articles = {}  # (key, lang) -> ArticlePage

    def run(self):
        self.create_locales()
        self.create_homes()
        self.create_sections()
        for story in content.ARTICLES:
            self.create_story(story)
        self.house_rules = self.create_standard_pages(content.HOUSE_RULES)
        self.create_standard_pages(content.ABOUT)
        self.create_editors_choice()
        self.create_read_tallies()
        self.create_accounts()
        # Renaming the copies of translated pages left automatic redirects from slugs nobody used.
        Redirect.objects.all().delete()

    def summary(self):
        counts = {lang: sum(1 for (_, code) in self.articles if code == lang) for lang in LANGUAGES}
        described = ", ".join(f"{lang}: {n}" for lang, n in counts.items())
        return f"Demo newsroom created: {described} articles in {len(content.SECTIONS)} sections."

    # Structure ------------------------------------------------------------------------------

    def create_locales(self):
        for lang in LANGUAGES:
            self.locales[lang], _ = Locale.objects.get_or_create(language_code=lang)

    def create_homes(self):
        root = Page.get_first_root_node()
        # Wagtail's own placeholder ("Welcome to your new Wagtail site!") makes way for the newsroom.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        home = HomePage(title=HOME_TITLES["en"], slug="home", locale=self.locales["en"])
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, "Tribune"
        site.save()
        NewsroomSettings.objects.update_or_create(
            site=site,
            defaults={
                "agency_name": HOME_TITLES["en"],
                "agency_name_ru": HOME_TITLES["ru"],
                "agency_name_hy": HOME_TITLES["hy"],
                "default_dateline_place": "Yerevan",
            },
        )
        self.homes["en"] = home
        for lang in ("ru", "hy"):
            translated = home.copy_for_translation(self.locales[lang])
            translated.title = HOME_TITLES[lang]
            translated.save_revision().publish()
            self.homes[lang] = HomePage.objects.get(pk=translated.pk)

    def create_sections(self):
        for section in content.SECTIONS:
            first = None
            for lang in LANGUAGES:
                fields = {
                    "title": section["title"][lang],
                    "slug": section["slug"][lang],
                    "introduction": section["introduction"][lang],
                }
                page = self._create_or_translate(SectionPage, self.homes[lang], first, lang, fields)
                first = first or page
                self.sections[(section["key"], lang)] = page

    def create_standard_pages(self, pages):
        """The language versions of one plain page, linked as translations; returns the English one."""
        first = None
        for lang in LANGUAGES:
            data = pages[lang]
            body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in data["body_paragraphs"])
            fields = {"title": data["title"], "slug": data["slug"], "body": body, "show_in_menus": True}
            page = self._create_or_translate(StandardPage, self.homes[lang], first, lang, fields)
            first = first or page
        return first

    # Articles -------------------------------------------------------------------------------

    def create_story(self, story):
        published_at = self.now - datetime.timedelta(hours=story["hours_ago"])
        lead_image = self.make_image(
            story["image"]["hue"],
            story["image"]["credit"],
            title=next(iter(story["image"]["alt"].values())),
            seed=story["key"],
        )
        first = None
        for lang in LANGUAGES:
            text = story.get(lang)
            if text is None:
                continue
            fields = {
                "title": text["title"],
                "slug": text["slug"],
                "standfirst": text["standfirst"],
                "dateline_place": text["dateline"],
                "author": text.get("author", ""),
                "published_at": published_at,
                "lead_image": lead_image,
                "lead_image_caption": story["image"]["caption"][lang],
                "lead_image_alt": story["image"]["alt"][lang],
                "body": self.body_blocks(text["body"], story["key"]),
            }
            parent = self.sections[(story["section"], lang)]
            page = self._create_or_translate(
                ArticlePage, parent, first, lang, fields, tags=story["tags"][lang]
            )
            # Demo stories look as if published at their time, not at the moment of seeding.
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            first = first or page
            self.articles[(story["key"], lang)] = page

    def body_blocks(self, body, key):
        blocks = []
        for index, item in enumerate(body):
            kind = item[0]
            if kind == "p":
                blocks.append(("paragraph", f"<p>{escape(item[1])}</p>"))
            elif kind == "quote":
                blocks.append(("quote", {"text": item[1], "attribution": item[2]}))
            elif kind == "image":
                spec = item[1]
                image = self.make_image(spec["hue"], spec["credit"], spec["alt"], seed=f"{key}-{index}")
                blocks.append(("image", {"image": image, "caption": spec["caption"], "alt": spec["alt"]}))
        return blocks

    def _create_or_translate(self, model, parent, source, lang, fields, tags=()):
        """Create the page in `lang` under `parent`, as a linked translation of `source` if given."""
        if source is None:
            page = model(locale=self.locales[lang], **fields)
            parent.add_child(instance=page)
        else:
            page = source.copy_for_translation(self.locales[lang])
            for name, value in fields.items():
                setattr(page, name, value)
        if tags:
            page.tags.set(tags)
        page.save_revision().publish()
        return model.objects.get(pk=page.pk)

    # Pictures -------------------------------------------------------------------------------

    def make_image(self, hue, credit, title, seed):
        """A generated landscape in the story's colour: sky, sun and hills; deterministic per seed."""
        rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
        width, height = 1600, 900
        picture = PILImage.new("RGB", (width, height))
        draw = ImageDraw.Draw(picture)

        def colour(lightness, saturation=0.55, shift=0.0):
            r, g, b = colorsys.hls_to_rgb(((hue / 360) + shift) % 1, lightness, saturation)
            return int(r * 255), int(g * 255), int(b * 255)

        for y in range(height):
            draw.line([(0, y), (width, y)], fill=colour(0.78 - 0.3 * y / height, 0.5))
        sun_x, sun_y, radius = rng.randint(200, 1400), rng.randint(120, 360), rng.randint(60, 120)
        draw.ellipse(
            [sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=colour(0.9, 0.8, 0.12)
        )
        for layer in range(4):
            base = 480 + layer * 110
            points = [(0, height)]
            for x in range(0, width + 100, 100):
                points.append((x, base + rng.randint(-90, 60)))
            points.append((width, height))
            draw.polygon(points, fill=colour(0.45 - layer * 0.09, 0.45, 0.02 * layer))
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=82)
        digest = hashlib.sha1(seed.encode(), usedforsecurity=False).hexdigest()[:10]
        image = CreditedImage(title=title[:255], credit=credit)
        image.file = ImageFile(buffer, name=f"demo-{digest}.jpg")
        image.save()
        return image

    # Lists and accounts ---------------------------------------------------------------------

    def create_editors_choice(self):
        for lang in LANGUAGES:
            # Fresh from the database: publishing a stale copy would write back its old tree fields.
            home = HomePage.objects.get(pk=self.homes[lang].pk)
            in_language = [page for (key, code), page in self.articles.items() if code == lang]
            # The editor's picks: a handful of stories that are not simply the newest.
            picks = sorted(in_language, key=lambda page: page.published_at)[2:7]
            home.editors_choice_items = [
                EditorsChoiceItem(article=article, sort_order=order) for order, article in enumerate(picks)
            ]
            home.save_revision().publish()

    def create_read_tallies(self):
        today = timezone.localdate()
        for (key, _lang), article in self.articles.items():
            rng = random.Random(key)  # noqa: S311 - demo figures
            for days_back in (0, 1):
                ArticleReadTally.objects.create(
                    article=article,
                    day=today - datetime.timedelta(days=days_back),
                    reads=rng.randint(5, 400),
                )

    def create_accounts(self):
        user_model = get_user_model()
        for username, password, superuser, group in DEMO_ACCOUNTS:
            if user_model.objects.filter(username=username).exists():
                continue
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@tribune.example",
                password=password,
                is_staff=True,
                is_superuser=superuser,
            )
            if group:
                user.groups.add(Group.objects.get(name=group))
