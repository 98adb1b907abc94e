"""Sitemaps at the site root, outside the language prefixes (feeds are routes of the pages)."""

from django.urls import path

from . import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-<str:language>.xml", sitemaps.language_sitemap, name="sitemap_language"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
]
