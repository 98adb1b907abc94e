"""The site's policy: the engine's default thresholds, overridden by the editors' rows in the comment
settings for every language or for the language of one thread."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from tribune.comments import errors, screening, services
from tribune.comments.models import Comment, CommentSettings, PolicyThreshold, Status
from tribune.houserules.engine import DEFAULT_POLICY
from tribune.newsroom.models import ArticlePage

from .test_moderation_services import place

pytestmark = pytest.mark.django_db

FAIR = "A fair point about the budget."  # advertising about 0.07, abusive under 0.01
# Scores a certain 1.0 on the abusive rule, and nothing on the others.
ARMENIAN_INSULT = "Դու ապուշ ես, ամոթ քեզ, անասուն"


@pytest.fixture
def config(article):
    """The site's settings, with comments open on every demo article whatever its age."""
    config, _ = CommentSettings.objects.update_or_create(
        site_id=article.get_site().pk, defaults={"close_after_days": 0}
    )
    return config


@pytest.fixture
def armenian_article(db):
    return ArticlePage.objects.live().filter(locale__language_code="hy").order_by("-published_at").first()


def threshold(config, rule, action, value, language=""):
    return PolicyThreshold.objects.create(
        settings=config, rule=rule, action=action, language=language, threshold=Decimal(value)
    )


def submit(author, article, words, **kwargs):
    cache.clear()
    return services.comment_submit(author=author, article=article, text_raw=words, **kwargs)


def test_without_rows_the_site_policy_is_the_engines_default(config):
    policy = screening.site_policy(config)
    assert (policy.hold, policy.reject, policy.flag) == (
        DEFAULT_POLICY.hold,
        DEFAULT_POLICY.reject,
        DEFAULT_POLICY.flag,
    )


def test_a_row_for_all_languages_replaces_the_default_in_every_language(config):
    threshold(config, "abusive", "hold", "0.8")
    policy = screening.site_policy(config)
    for language in ("en", "ru", "hy"):
        assert screening.policy_for_language(policy, language).hold["abusive"] == 0.8
    assert policy.hold["filthy"] == DEFAULT_POLICY.hold["filthy"]


def test_a_row_for_one_language_overrides_only_that_language(config):
    threshold(config, "abusive", "hold", "0.7")
    threshold(config, "abusive", "hold", "0.3", language="hy")
    threshold(config, "advertising", "reject", "0.9", language="ru")
    policy = screening.site_policy(config)
    by_language = {lang: screening.policy_for_language(policy, lang) for lang in ("en", "ru", "hy")}
    assert [by_language[lang].hold["abusive"] for lang in ("en", "ru", "hy")] == [0.7, 0.7, 0.3]
    assert [by_language[lang].reject["advertising"] for lang in ("en", "ru", "hy")] == [
        DEFAULT_POLICY.reject["advertising"],
        0.9,
        DEFAULT_POLICY.reject["advertising"],
    ]


def test_a_threshold_of_one_switches_the_hold_off(reader, article, config):
    with pytest.raises(errors.Nudge):
        submit(reader, article, ARMENIAN_INSULT)
    threshold(config, "abusive", "hold", "1")
    comment = submit(reader, article, ARMENIAN_INSULT)
    assert comment.scores["abusive"] == 1.0  # even a certain score no longer holds
    assert (comment.status, comment.held_for) == (Status.PUBLISHED, "")
    assert "abusive" not in screening.policy_for_language(screening.site_policy(config), "en").hold


def test_a_threshold_of_one_for_one_language_switches_the_hold_off_only_in_its_threads(
    reader, second_reader, article, armenian_article, config
):
    threshold(config, "abusive", "hold", "1", language="hy")
    published = submit(reader, armenian_article, ARMENIAN_INSULT)
    assert (published.language, published.status) == ("hy", Status.PUBLISHED)
    with pytest.raises(errors.Nudge) as nudged:
        submit(second_reader, article, ARMENIAN_INSULT)  # the same words in an English thread
    assert nudged.value.rules == ["abusive"]


def test_a_lower_threshold_holds_more(reader, second_reader, article, config):
    assert submit(reader, article, FAIR).status == Status.PUBLISHED
    threshold(config, "advertising", "hold", "0.05")
    with pytest.raises(errors.Nudge) as nudged:
        submit(second_reader, article, FAIR)
    assert (nudged.value.rules, nudged.value.would_be) == (["advertising"], Status.HELD)
    held = submit(second_reader, article, FAIR, acknowledge_rules=True)
    assert (held.status, held.held_for) == (Status.HELD, "advertising")


def test_a_lower_reject_threshold_rejects_what_was_only_held(reader, article, config):
    advert = "Best prices on loans, visit cheaploans.biz now!"  # advertising 0.9: held by default
    with pytest.raises(errors.Nudge) as nudged:
        submit(reader, article, advert)
    assert nudged.value.would_be == Status.HELD
    threshold(config, "advertising", "reject", "0.85")
    with pytest.raises(errors.Nudge) as nudged:
        submit(reader, article, advert)
    assert nudged.value.would_be == Status.REJECTED


def test_a_flag_threshold_flags_without_holding(reader, article, config):
    threshold(config, "advertising", "flag", "0.05")
    comment = submit(reader, article, FAIR)
    assert comment.status == Status.PUBLISHED
    assert comment.flags == ["advertising"]


def test_the_thread_the_off_topic_rule_reads_is_the_latest_published_comments_newest_first(
    article, other_article, reader
):
    Comment.objects.filter(article=article).delete()
    start = timezone.now() - datetime.timedelta(hours=1)

    def written(minutes, *args, **kwargs):  # created_at is set on insert: moved afterwards
        comment = place(reader, *args, **kwargs)
        Comment.objects.filter(pk=comment.pk).update(created_at=start + datetime.timedelta(minutes=minutes))

    # Stored newest first, so that only the time, not the order of the rows, gives the order.
    for n in reversed(range(screening.THREAD_CONTEXT + 5)):
        written(n, article, words=f"Published {n}.")
    written(50, article, Status.HELD, words="Held, never shown.")
    written(50, article, Status.REJECTED, words="Rejected.")
    written(50, other_article, words="Another thread.")
    newest = screening.THREAD_CONTEXT + 4
    expected = [f"Published {n}." for n in range(newest, newest - screening.THREAD_CONTEXT, -1)]
    assert screening._thread(article) == expected
