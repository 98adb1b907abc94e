"""'Most read' counts one beacon per read of a live article and shows each language its own."""

import pytest
from django.utils import timezone

from tribune.newsroom import selectors
from tribune.newsroom.models import ArticlePage, ArticleReadTally

from .conftest import article_in

pytestmark = pytest.mark.django_db


def test_a_read_is_counted_once_per_beacon(client):
    article = article_in("en")
    today = timezone.localdate()
    before = (
        ArticleReadTally.objects.filter(article=article, day=today).values_list("reads", flat=True).first()
        or 0
    )
    assert client.post(f"/reads/{article.pk}/").status_code == 204
    assert client.post(f"/reads/{article.pk}/").status_code == 204
    assert ArticleReadTally.objects.get(article=article, day=today).reads == before + 2


def test_the_beacon_only_accepts_post(client):
    article = article_in("en")
    assert client.get(f"/reads/{article.pk}/").status_code == 405


def test_reads_of_missing_or_unpublished_pages_are_refused(client):
    article = article_in("ru")
    article.unpublish()
    assert client.post(f"/reads/{article.pk}/").status_code == 404
    assert client.post("/reads/999999999/").status_code == 404
    home_id = article.get_parent().get_parent().pk
    assert client.post(f"/reads/{home_id}/").status_code == 404


def test_most_read_ranks_by_reads_within_the_language():
    hy = list(ArticlePage.objects.live().filter(locale__language_code="hy")[:2])
    today = timezone.localdate()
    ArticleReadTally.objects.filter(article__in=hy).delete()
    ArticleReadTally.objects.create(article=hy[0], day=today, reads=100_000)
    ArticleReadTally.objects.create(article=hy[1], day=today, reads=90_000)
    ranked = selectors.most_read(hy[0].locale_id)
    assert [a.pk for a in ranked[:2]] == [hy[0].pk, hy[1].pk]
    assert all(a.locale_id == hy[0].locale_id for a in ranked)
    english = selectors.most_read(article_in("en").locale_id)
    assert hy[0].pk not in [a.pk for a in english]


def test_reads_older_than_two_days_do_not_count():
    article = article_in("en")
    ArticleReadTally.objects.create(
        article=article, day=timezone.localdate() - timezone.timedelta(days=5), reads=10**8
    )
    assert article.pk not in [a.pk for a in selectors.most_read(article.locale_id)[:1]]
