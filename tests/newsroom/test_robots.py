"""robots.txt: what crawlers may read, and where the sitemaps are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_robots_txt_lists_both_sitemaps_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()

    assert "Disallow: /admin/" in lines
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    assert sitemaps == ["http://testserver/sitemap.xml", "http://testserver/news-sitemap.xml"]
    assert reverse("sitemap_index") == "/sitemap.xml"
    assert reverse("news_sitemap") == "/news-sitemap.xml"
    for url in sitemaps:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
