"""The version of an article's thread moves on when the thread changes, and only then; the change
also has the front proxy refresh the article, at the address the site has now."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tribune.comments import events, services, thread_cache
from tribune.settings.base import task_backends

from ..core.test_front_cache import proxy  # noqa: F401 - a fixture
from .test_moderation_services import place

pytestmark = pytest.mark.django_db


def test_a_version_is_stable_until_the_thread_changes(article, reader, django_capture_on_commit_callbacks):
    first = thread_cache.version(article.pk)
    assert thread_cache.version(article.pk) == first
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_submit(author=reader, article=article, text_raw="A fair point about the budget.")
    assert thread_cache.version(article.pk) != first


def test_a_change_rolled_back_leaves_the_version(article, reader, django_capture_on_commit_callbacks):
    first = thread_cache.version(article.pk)
    with django_capture_on_commit_callbacks(execute=False):
        place(reader, article)
        services.comment_submit(author=reader, article=article, text_raw="Never committed.")
    assert thread_cache.version(article.pk) == first


def test_other_threads_keep_their_version(article, other_article, reader, django_capture_on_commit_callbacks):
    other = thread_cache.version(other_article.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_submit(author=reader, article=article, text_raw="Only this thread changes.")
    assert thread_cache.version(other_article.pk) == other


def test_a_version_lost_from_the_cache_never_comes_back_to_an_old_number(article):
    seen = {thread_cache.version(article.pk)}
    for _ in range(3):
        thread_cache.bump(article.pk)
        seen.add(thread_cache.version(article.pk))
    cache.delete(thread_cache.KEY.format(article.pk))
    assert thread_cache.version(article.pk) not in seen
    cache.delete(thread_cache.KEY.format(article.pk))
    thread_cache.bump(article.pk)  # bumping a missing version starts from the clock too
    assert thread_cache.version(article.pk) not in seen


def test_versions_of_several_threads_at_once(article, other_article):
    both = thread_cache.versions_of([article.pk, other_article.pk])
    assert both == {
        article.pk: thread_cache.version(article.pk),
        other_article.pk: thread_cache.version(other_article.pk),
    }


def test_a_thread_change_refreshes_the_article_at_the_sites_current_address(
    article,
    settings,
    proxy,  # noqa: F811 - the fixture
    django_capture_on_commit_callbacks,
):
    settings.TASKS = task_backends("immediate")  # the refresh runs at once, not a second later
    with django_capture_on_commit_callbacks(execute=True):
        events.thread_changed(article.pk, article=article)
    assert proxy == [article.full_url]
    # The address is kept from comment to comment, until a page or the site changes.
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "news.example.org", 443
    site.save()
    proxy.clear()
    article = type(article).objects.get(pk=article.pk)  # as the API's copy is made again after the change
    with django_capture_on_commit_callbacks(execute=True):
        events.thread_changed(article.pk, article=article)
    assert proxy == [f"https://news.example.org{article.url}"]
