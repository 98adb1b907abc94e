"""The desk's demo content: a moderator who can sign in, and real work waiting in the desk, made
through the services so that every Decision is real (the suite's database is seeded by seed_demo)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tribune.comments import demo
from tribune.comments.models import Appeal, Comment, Decision, Report, Status
from tribune.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_the_demo_moderator_signs_in_and_reaches_the_desk(client):
    moderator = get_user_model().objects.get(username="moderator")
    assert moderator.email == "moderator@tribune.example"
    assert moderator.is_staff and not moderator.is_superuser
    assert [group.name for group in moderator.groups.all()] == ["Moderators"]
    assert client.login(username="moderator", password="tribune-moderator")
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("desk:log")).status_code == 200


@pytest.mark.parametrize(
    ("language", "email", "rules"),
    [
        ("hy", "gevorg@tribune.example", {"abusive"}),
        ("ru", "oleg@tribune.example", {"filthy", "abusive"}),
        ("en", "roofs@tribune.example", {"advertising"}),
    ],
)
def test_the_house_rules_held_a_comment_in_each_language(language, email, rules):
    comment = Comment.objects.get(author__email=email)
    assert (comment.language, comment.status) == (language, Status.HELD)
    assert comment.held_for in rules
    assert comment.model_version
    submitted = Decision.objects.get(comment=comment, action=Decision.Action.SUBMIT)
    assert (submitted.action, submitted.actor, submitted.reason) == ("submit", None, comment.held_for)
    assert submitted.details["acknowledged_rules"] is True
    assert comment.findings  # the desk highlights the words


def test_the_russian_comment_is_held_for_masked_swearing_too():
    comment = Comment.objects.get(author__email="oleg@tribune.example")
    submitted = Decision.objects.get(comment=comment, action=Decision.Action.SUBMIT)
    assert "filthy" in submitted.details["reasons"]
    assert any("*" in finding["evidence"] for finding in comment.findings)


def test_a_published_comment_waits_in_the_reported_queue():
    report = Report.objects.select_related("comment", "reporter").get(comment__text=demo.REPORTED[2])
    assert report.comment.status == Status.PUBLISHED
    assert report.comment.open_reports == 1
    assert (report.reporter.email, report.reason, report.resolved_at) == (
        "anahit@tribune.example",
        "off_topic",
        None,
    )
    assert Decision.objects.filter(comment=report.comment, action="report").exists()


def test_a_rejected_comment_waits_with_its_authors_appeal():
    appeal = Appeal.objects.select_related("comment", "author").get(comment__text=demo.APPEALED[2])
    assert appeal.outcome == Appeal.Outcome.OPEN
    assert appeal.author.email == "sergei@tribune.example"
    assert appeal.comment.status == Status.REJECTED
    actions = list(
        Decision.objects.filter(comment=appeal.comment).values_list("action", "actor__username", "reason")
    )
    assert actions[0][:2] == ("submit", None)
    assert actions[1:] == [("reject", "moderator", "abusive"), ("appeal", "sergei", "")]


def test_the_readers_conversations_are_still_there():
    demo_readers = [email for email, _name, _language in demo.READERS]
    assert (
        Comment.objects.filter(author__email__in=demo_readers, status=Status.PUBLISHED, depth=1).count() >= 9
    )


def test_seeding_the_desk_again_changes_nothing():
    articles = {
        (page.slug, page.locale.language_code): page
        for page in ArticlePage.objects.live().select_related("locale")
    }
    counts = (Comment.objects.count(), Decision.objects.count(), get_user_model().objects.count())
    assert demo.seed_desk(articles=articles) == 0
    assert (Comment.objects.count(), Decision.objects.count(), get_user_model().objects.count()) == counts


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_the_moderator_picked_a_comment_of_the_demo_conversation_in_each_language(client, language):
    picked = Comment.objects.get(featured=True, language=language)
    assert (picked.status, picked.depth, picked.reviewed_by.username) == (Status.PUBLISHED, 0, "moderator")
    assert picked.reply_count > 0
    assert Decision.objects.filter(comment=picked, action=Decision.Action.FEATURE).count() == 1
    home = client.get(f"/{language}/").content.decode()
    assert f"#comment-{picked.pk}" in home
