"""The newsroom's pages: one tree per language (home → section → article), credited images,
the Editor's choice and the tally behind "Most read"."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from tribune.core.page_routes import RememberedRouteMixin

from . import feeds, selectors
from .blocks import ArticleBodyBlock

ARTICLES_PER_PAGE = 12


class CreditedImage(AbstractImage):
    """An image that carries its own credit, so that several agencies in one article each keep theirs."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            'Who took or supplied the picture, e.g. "Photolure" or "Tribune/Lilit Hakobyan"; '
            'pages print it as "Photo: Photolure" in the reader\'s language.'
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
    agency_name = models.CharField(
        _("agency name"),
        max_length=100,
        default=settings.TRIBUNE_DEFAULT_AGENCY,
        help_text=_(
            'As readers of English see it in the masthead and in every dateline: "Yerevan /Tribune/."'
        ),
    )
    agency_name_ru = models.CharField(
        _("agency name in Russian"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to use the English name."),
    )
    agency_name_hy = models.CharField(
        _("agency name in Armenian"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to use the English name."),
    )
    default_dateline_place = models.CharField(
        _("default dateline place"), max_length=100, blank=True, default="Yerevan"
    )

    panels = [
        FieldPanel("agency_name"),
        FieldPanel("agency_name_ru"),
        FieldPanel("agency_name_hy"),
        FieldPanel("default_dateline_place"),
    ]

    class Meta:
        verbose_name = _("newsroom")

    def agency_name_in(self, language_code):
        return getattr(self, f"agency_name_{language_code}", "") or self.agency_name


def paginate(request, articles, locale_id, per_page=ARTICLES_PER_PAGE, known_sections=None):
    """A page of `articles` from ?page=, each with its section; a malformed or out-of-range number
    gives the nearest page rather than an error."""
    paginator = Paginator(articles, per_page)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    if known_sections is None:
        known_sections = selectors.sections_for_request(request, locale_id)
    page.object_list = selectors.attach_sections(page.object_list, locale_id, known_sections)
    return page


class HomePage(RoutablePageMixin, Page):
    """The front page of one language; also answers its tag pages, date archive and search."""

    lead_article = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the latest article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead_article"),
        InlinePanel(
            "editors_choice_items",
            label=_("Editor's choice"),
            heading=_("Editor's choice"),
            help_text=_("In the order readers see them. An item disappears after its expiry."),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage", "newsroom.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index_route(self, request):
        section_list = selectors.sections_for_request(request, self.locale_id)
        lead, latest = selectors.front_page_stories(self, section_list)
        return self.render(
            request,
            context_overrides={
                "lead": lead,
                "latest": latest,
                "sections_with_articles": selectors.sections_with_articles(self.locale_id, section_list),
                "editors_choice": selectors.editors_choice(self.locale_id),
                "most_read": selectors.most_read(self.locale_id),
            },
        )

    @path("tags/<str:tag>/")
    def tag(self, request, tag):
        tag_obj = selectors.tag_by_slug(tag)
        if tag_obj is None:
            raise Http404
        articles = selectors.articles_with_tag(self.locale_id, tag_obj)
        return self.render(
            request,
            template="newsroom/tag_page.html",
            context_overrides={
                "tag": tag_obj,
                "articles": paginate(request, articles, self.locale_id),
                "editors_choice": selectors.editors_choice(self.locale_id),
            },
        )

    @re_path(r"^archive/(?:(?P<year>\d{4})/(?:(?P<month>\d{1,2})/(?:(?P<day>\d{1,2})/)?)?)?$")
    def archive(self, request, year=None, month=None, day=None):
        if year is None:
            return redirect(f"{self.url}archive/{timezone.localdate().year}/")
        try:
            start, end, precision = _archive_span(
                int(year), None if month is None else int(month), None if day is None else int(day)
            )
        except ValueError as exc:
            raise Http404 from exc
        articles = selectors.articles_between(self.locale_id, start, end)
        return self.render(
            request,
            template="newsroom/archive_page.html",
            context_overrides={
                "period_start": start.date(),
                "precision": precision,
                "articles": paginate(request, articles, self.locale_id),
                "archive_months": selectors.archive_months(self.locale_id),
                "editors_choice": selectors.editors_choice(self.locale_id),
            },
        )

    @path("feeds/rss/")
    def rss_feed(self, request):
        return feeds.feed_response(request, self, "rss")

    @path("feeds/atom/")
    def atom_feed(self, request):
        return feeds.feed_response(request, self, "atom")

    @path("search/")
    def search(self, request):
        query = request.GET.get("q", "")
        # Control characters (a NUL byte, which PostgreSQL refuses) are dropped, not searched for.
        query = " ".join("".join(ch if ch.isprintable() else " " for ch in query).split())[:200]
        results = selectors.search_articles(self.locale_id, query) if query else []
        return self.render(
            request,
            template="newsroom/search_page.html",
            context_overrides={
                "query": query,
                "results": paginate(request, results, self.locale_id) if query else None,
            },
        )


def _archive_span(year, month=None, day=None):
    """The aware [start, end) of a year, month or day in the site's time zone."""
    if not 1900 <= year <= 9998:
        raise ValueError("year out of range")
    tz = timezone.get_current_timezone()
    if day is not None:
        start = datetime.datetime(year, month, day, tzinfo=tz)
        return start, start + datetime.timedelta(days=1), "day"
    if month is not None:
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
        return start, end, "month"
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz), "year"


class EditorsChoiceItem(Orderable):
    """One article in a language's Editor's choice, in the order the editor set, until it expires."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="editors_choice_items")
    article = models.ForeignKey(
        "newsroom.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("article"), FieldPanel("expires_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Editor's choice item")


class SectionPage(RoutablePageMixin, Page):
    """A section of the paper (Politics, Economy …) holding its articles."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]

    class Meta:
        verbose_name = _("section")

    @path("feeds/rss/")
    def rss_feed(self, request):
        return feeds.feed_response(request, self, "rss")

    @path("feeds/atom/")
    def atom_feed(self, request):
        return feeds.feed_response(request, self, "atom")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(
            request, selectors.section_articles(self), self.locale_id, known_sections=[self]
        )
        context["editors_choice"] = selectors.editors_choice(self.locale_id)
        return context


class StandardPage(RememberedRouteMixin, Page):
    """A plain page: the house rules, about us, contacts."""

    body = RichTextField(_("body"), features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(RememberedRouteMixin, Page):
    standfirst = models.TextField(_("standfirst"), max_length=600, blank=True)
    lead_image = models.ForeignKey(
        CreditedImage,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=300, blank=True)
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, in this article's language, for readers who cannot see it."),
    )
    dateline_place = models.CharField(
        _("dateline place"), max_length=100, blank=True, help_text=_('"Yerevan" in "Yerevan /Agency/."')
    )
    published_at = models.DateTimeField(_("publication date and time"), default=timezone.now, db_index=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    comments_open = models.BooleanField(
        _("readers may comment"),
        default=True,
        help_text=_(
            "Untick to close the comments. They also close by themselves some days after publication."
        ),
    )
    comments_premoderated = models.BooleanField(
        _("hold every comment for a moderator"),
        default=False,
        help_text=_("For a sensitive story: nothing appears under it until a moderator approves it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_alt")],
            heading=_("Lead image"),
        ),
        FieldRowPanel([FieldPanel("dateline_place"), FieldPanel("published_at"), FieldPanel("author")]),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("comments_open"),
        FieldPanel("comments_premoderated"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]
    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")

    @cached_property
    def tag_list(self):
        """The article's tags, read once however many parts of the page show them."""
        return list(self.tags.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template renders them: its fragment caches usually hold what they show.
        self.section_page = SimpleLazyObject(
            lambda: selectors.section_of(self, selectors.sections_for_request(request, self.locale_id))
        )
        context["editors_choice"] = SimpleLazyObject(lambda: selectors.editors_choice(self.locale_id))
        context["related"] = SimpleLazyObject(lambda: selectors.related_articles(self, self.tag_list))
        context["most_read"] = SimpleLazyObject(lambda: selectors.most_read(self.locale_id))
        return context


class ArticleReadTally(models.Model):
    """Reads of an article on one day, counted by a beacon that the page's script sends once per
    browser per article; crawlers that run no script are not counted."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="one_tally_per_article_day")]
        indexes = [models.Index(fields=["day", "article"], name="tally_day_idx")]

    def __str__(self):
        return f"{self.article_id} on {self.day}: {self.reads}"
