"""Feeds and sitemaps that are not under a language prefix (filled in by the distribution work)."""

urlpatterns = []
