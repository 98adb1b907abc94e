"""The one write path: each change of a comment's state, its checks, and its Decision row."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tribune.accounts.models import Sanction
from tribune.comments import errors, services
from tribune.comments.models import Comment, CommentRevision, CommentSettings, Decision, Report, Status

from .conftest import make_reader

pytestmark = pytest.mark.django_db


def submit(author, article, words="A fair point about the budget.", **kwargs):
    cache.clear()  # the per-reader cooldown is tested on its own below
    return services.comment_submit(author=author, article=article, text_raw=words, **kwargs)


def test_a_comment_is_published_with_its_decision(reader, article):
    comment = submit(reader, article, "  A fair point.\n\n\nSecond paragraph.  ")
    assert comment.status == Status.PUBLISHED
    assert comment.text == "A fair point.\n\nSecond paragraph."
    assert comment.html == "<p>A fair point.</p><p>Second paragraph.</p>"
    assert comment.language == "en"
    decision = Decision.objects.get(comment=comment)
    assert (decision.action, decision.actor, decision.to_status) == ("submit", None, "published")
    assert decision.details["author"] == reader.pk


@pytest.mark.parametrize("words", ["", "   ", "\n\n\t", "\u200b\u200b"])
def test_an_empty_comment_is_refused_and_nothing_is_stored(reader, article, words):
    with pytest.raises(errors.EmptyComment):
        submit(reader, article, words)
    assert not Comment.objects.filter(author=reader).exists()


def test_an_oversized_comment_is_refused_with_both_lengths(reader, article):
    with pytest.raises(errors.CommentTooLong) as refused:
        submit(reader, article, "я" * 3001)
    assert refused.value.params == {"limit": 3000, "length": 3001}
    assert not Comment.objects.filter(author=reader).exists()


def test_ten_thousand_emoji_are_too_long(reader, article):
    with pytest.raises(errors.CommentTooLong):
        submit(reader, article, "😀" * 10_000)


def test_the_length_limit_is_a_site_setting(reader, article):
    CommentSettings.objects.update_or_create(site_id=article.get_site().pk, defaults={"max_length": 10})
    with pytest.raises(errors.CommentTooLong):
        submit(reader, article, "eleven char")


def test_a_reply_nests_under_its_parent_and_counts_on_the_root(reader, second_reader, article):
    root = submit(reader, article)
    reply = submit(second_reader, article, "I disagree.", parent_id=root.pk)
    assert (reply.parent, reply.root, reply.depth) == (root, root, 1)
    root.refresh_from_db()
    assert root.reply_count == 1


def test_replies_deeper_than_the_last_level_attach_beside_it(reader, second_reader, article):
    level0 = submit(reader, article, "The committee should publish the full draft.")
    level1 = submit(second_reader, article, "It did, on the parliament's site.", parent_id=level0.pk)
    level2 = submit(reader, article, "Thank you, I had missed it.", parent_id=level1.pk)
    deeper = submit(second_reader, article, "You're welcome, it is easy to miss.", parent_id=level2.pk)
    assert deeper.depth == 2
    assert deeper.parent == level1
    assert deeper.in_reply_to == level2
    assert deeper.root == level0


def test_a_reply_to_a_comment_of_another_article_is_refused(reader, article, other_article):
    elsewhere = submit(reader, other_article)
    with pytest.raises(errors.InvalidParent):
        submit(reader, article, "reply", parent_id=elsewhere.pk)


def test_a_reply_to_a_deleted_or_missing_comment_is_refused(reader, article):
    gone = submit(reader, article)
    services.comment_delete(comment=gone, actor=reader)
    with pytest.raises(errors.InvalidParent):
        submit(reader, article, "reply", parent_id=gone.pk)
    with pytest.raises(errors.InvalidParent):
        submit(reader, article, "reply", parent_id=999_999_999)


def test_a_closed_thread_refuses_comments(reader, article):
    article.comments_open = False
    article.save_revision().publish()
    with pytest.raises(errors.ThreadClosed):
        submit(reader, article)


def test_comments_close_by_themselves_after_the_set_number_of_days(reader, article):
    type(article).objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=15)
    )
    article.refresh_from_db()
    with pytest.raises(errors.ThreadClosed):
        submit(reader, article)
    CommentSettings.objects.update_or_create(site_id=article.get_site().pk, defaults={"close_after_days": 0})
    assert submit(reader, article).status == Status.PUBLISHED


def test_a_draft_article_takes_no_comments(reader, article):
    article.unpublish()
    article.refresh_from_db()
    with pytest.raises(errors.ArticleUnavailable):
        submit(reader, article)


def test_a_suspended_reader_is_told_why_and_until_when(reader, article):
    until = timezone.now() + datetime.timedelta(hours=24)
    Sanction.objects.create(
        user=reader, kind=Sanction.Kind.SUSPEND, reason="Insults in three threads", ends_at=until
    )
    with pytest.raises(errors.AccountRestricted) as refused:
        submit(reader, article)
    assert "Insults in three threads" in str(refused.value)
    assert refused.value.standing.until == until
    assert not Comment.objects.filter(author=reader).exists()


def test_a_banned_reader_is_refused_for_good(reader, article):
    Sanction.objects.create(user=reader, kind=Sanction.Kind.BAN, reason="Spam")
    with pytest.raises(errors.AccountRestricted) as refused:
        submit(reader, article)
    assert refused.value.standing.until is None


def test_an_ended_or_lifted_suspension_no_longer_counts(reader, article):
    past = timezone.now() - datetime.timedelta(hours=1)
    Sanction.objects.create(user=reader, kind=Sanction.Kind.SUSPEND, reason="x", ends_at=past)
    Sanction.objects.create(user=reader, kind=Sanction.Kind.BAN, reason="y", lifted_at=past)
    assert submit(reader, article).status == Status.PUBLISHED


def test_one_comment_per_fifteen_seconds_per_reader(reader, article):
    cache.clear()
    services.comment_submit(author=reader, article=article, text_raw="first")
    with pytest.raises(errors.RateLimited) as refused:
        services.comment_submit(author=reader, article=article, text_raw="second")
    assert 1 <= refused.value.params["seconds"] <= 15
    assert Comment.objects.filter(author=reader).count() == 1


def test_one_address_is_limited_across_accounts(reader, second_reader, article):
    cache.clear()
    services.comment_submit(author=reader, article=article, text_raw="first", ip_address="203.0.113.9")
    with pytest.raises(errors.RateLimited):
        services.comment_submit(
            author=second_reader, article=article, text_raw="other", ip_address="203.0.113.9"
        )
    services.comment_submit(
        author=second_reader, article=article, text_raw="other", ip_address="203.0.113.10"
    )


def test_twenty_comments_an_hour_at_most(reader, article):
    cache.clear()
    CommentSettings.objects.update_or_create(
        site_id=article.get_site().pk, defaults={"min_seconds_between_comments": 0}
    )
    for number in range(20):
        services.comment_submit(author=reader, article=article, text_raw=f"comment {number}")
    with pytest.raises(errors.RateLimited):
        services.comment_submit(author=reader, article=article, text_raw="one too many")


def test_the_same_text_twice_within_ten_minutes_is_refused(reader, article):
    submit(reader, article, "Same words")
    with pytest.raises(errors.DuplicateComment):
        submit(reader, article, "  Same words ")
    Comment.objects.filter(author=reader).update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    submit(reader, article, "Same words")


def test_editing_keeps_the_old_text_and_marks_the_comment(reader, article):
    comment = submit(reader, article, "First version")
    edited = services.comment_edit(comment=comment, editor=reader, text_raw="Second version")
    assert edited.text == "Second version" and edited.edited_at is not None
    assert list(CommentRevision.objects.filter(comment=comment).values_list("text", flat=True)) == [
        "First version"
    ]
    decision = Decision.objects.filter(comment=comment, action="edit").get()
    assert decision.actor == reader
    assert decision.details["revision"] == CommentRevision.objects.get(comment=comment).pk


def test_only_the_author_edits_and_only_within_the_window(reader, second_reader, article):
    comment = submit(reader, article)
    with pytest.raises(errors.NotAuthor):
        services.comment_edit(comment=comment, editor=second_reader, text_raw="mine now")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=6))
    comment.refresh_from_db()
    with pytest.raises(errors.EditWindowClosed):
        services.comment_edit(comment=comment, editor=reader, text_raw="too late")
    comment.refresh_from_db()
    assert comment.text == "A fair point about the budget."
    assert not CommentRevision.objects.filter(comment=comment).exists()


def test_deleting_leaves_a_decision_and_uncounts_a_reply(reader, second_reader, article):
    root = submit(reader, article)
    reply = submit(second_reader, article, "reply", parent_id=root.pk)
    services.comment_delete(comment=reply, actor=second_reader)
    reply.refresh_from_db()
    root.refresh_from_db()
    assert reply.status == Status.DELETED
    assert root.reply_count == 0
    assert Decision.objects.filter(comment=reply, action="delete", actor=second_reader).exists()


def test_only_the_author_deletes(reader, second_reader, article):
    comment = submit(reader, article)
    with pytest.raises(errors.NotAuthor):
        services.comment_delete(comment=comment, actor=second_reader)
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED


def test_a_report_keeps_the_comment_visible_and_is_logged(reader, second_reader, article):
    comment = submit(reader, article)
    report = services.comment_report(
        comment=comment, reporter=second_reader, reason="advertising", note="links to a shop"
    )
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert (report.reason, report.note) == ("advertising", "links to a shop")
    decision = Decision.objects.get(comment=comment, action="report")
    assert (decision.actor, decision.reason, decision.details["report"]) == (
        second_reader,
        "advertising",
        report.pk,
    )


def test_one_report_per_reader_per_comment(reader, second_reader, article):
    comment = submit(reader, article)
    services.comment_report(comment=comment, reporter=second_reader, reason="abusive")
    with pytest.raises(errors.AlreadyReported):
        services.comment_report(comment=comment, reporter=second_reader, reason="other")
    assert Report.objects.filter(comment=comment).count() == 1


def test_an_unknown_report_reason_is_refused(reader, second_reader, article):
    comment = submit(reader, article)
    with pytest.raises(errors.InvalidReason):
        services.comment_report(comment=comment, reporter=second_reader, reason="boring")


def test_reports_are_limited_to_ten_an_hour(reader, article):
    cache.clear()
    reporter = make_reader("busy_reporter")
    CommentSettings.objects.update_or_create(
        site_id=article.get_site().pk, defaults={"min_seconds_between_comments": 0}
    )
    comments = [services.comment_submit(author=reader, article=article, text_raw=f"c{n}") for n in range(11)]
    for comment in comments[:10]:
        services.comment_report(comment=comment, reporter=reporter, reason="other")
    with pytest.raises(errors.RateLimited):
        services.comment_report(comment=comments[10], reporter=reporter, reason="other")
