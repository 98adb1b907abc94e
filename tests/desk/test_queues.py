"""The desk's queues: what each holds and in which order, the filters, the counts in the admin menu,
bulk decisions, and a fixed number of queries whatever the number of comments."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tribune.comments import queues, services
from tribune.comments.models import Appeal, Comment, Decision, Report, Status

from .conftest import fill_queue, make_comment, make_user, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_cache")]


def ids(queue, user, **filters):
    return list(queues.queue_queryset(queue, user, queues.Filters(**filters)).values_list("pk", flat=True))


def mine(queue, user, comments, **filters):
    """The queue's comments among `comments`, in the queue's order (the demo has comments too)."""
    wanted = {c.pk for c in comments}
    return [pk for pk in ids(queue, user, **filters) if pk in wanted]


def queue_html(client, queue, query=""):
    response = client.get(f"/admin/desk/queue/{queue}/{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def states(article, reader, moderator):
    """One comment in each state the queues sort."""
    now = timezone.now()
    return {
        "held": make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=30),
        "reported": make_comment(article, reader, open_reports=2, minutes_ago=29),
        "off_topic": make_comment(article, reader, flags=["advertising", "off_topic"], minutes_ago=28),
        "unmoderated": make_comment(article, reader, minutes_ago=27),
        "approved": make_comment(article, reader, reviewed_at=now, reviewed_by=moderator, minutes_ago=26),
        "rejected": make_comment(
            article, reader, status=Status.REJECTED, held_for="advertising", minutes_ago=25
        ),
        "deleted": make_comment(article, reader, status=Status.DELETED, minutes_ago=24),
    }


def test_each_queue_holds_the_comments_of_its_state(states, moderator, reader):
    everything = list(states.values())
    assert mine("held", moderator, everything) == [states["held"].pk]
    assert mine("reported", moderator, everything) == [states["reported"].pk]
    assert mine("off_topic", moderator, everything) == [states["off_topic"].pk]
    # Unmoderated: every published comment no moderator has seen, reported or flagged included.
    assert mine("unmoderated", moderator, everything) == [
        states["reported"].pk,
        states["off_topic"].pk,
        states["unmoderated"].pk,
    ]
    assert mine("approved", moderator, everything) == [states["approved"].pk]
    assert mine("rejected", moderator, everything) == [states["rejected"].pk]
    appeal = Appeal.objects.create(comment=states["rejected"], author=reader, text="Please reconsider.")
    assert mine("appeals", moderator, everything) == [states["rejected"].pk]
    appeal.outcome = Appeal.Outcome.UPHELD
    appeal.save()
    assert mine("appeals", moderator, everything) == []


def test_the_off_topic_flag_is_found_wherever_it_sits_in_the_list(article, reader, moderator):
    first = make_comment(article, reader, flags=["off_topic"])
    last = make_comment(article, reader, flags=["abusive", "filthy", "advertising", "off_topic"])
    other = make_comment(article, reader, flags=["advertising"])
    lookalike = make_comment(article, reader, flags=["off_topic_extra"])
    assert mine("off_topic", moderator, [first, last, other, lookalike]) == [first.pk, last.pk]


def test_a_reviewed_off_topic_comment_leaves_the_queue(article, reader, moderator):
    flagged = make_comment(article, reader, flags=["off_topic"])
    services.comment_moderate(comment_id=flagged.pk, moderator=moderator, action="approve")
    assert mine("off_topic", moderator, [flagged]) == []
    assert mine("approved", moderator, [flagged]) == [flagged.pk]


def test_waiting_queues_show_the_oldest_first(article, reader, moderator):
    newer = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=5)
    older = make_comment(article, reader, status=Status.HELD, held_for="filthy", minutes_ago=50)
    assert mine("held", moderator, [newer, older]) == [older.pk, newer.pk]


def test_decided_queues_show_the_newest_decision_first(article, reader, moderator):
    first = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=5)
    second = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=50)
    services.comment_moderate(comment_id=first.pk, moderator=moderator, action="reject", reason="abusive")
    services.comment_moderate(comment_id=second.pk, moderator=moderator, action="reject", reason="abusive")
    assert mine("rejected", moderator, [first, second]) == [second.pk, first.pk]


def test_reported_comments_stay_visible_while_they_wait(article, reader, second_reader, moderator):
    comment = make_comment(article, reader)
    services.comment_report(comment=comment, reporter=second_reader, reason="abusive", note="rude")
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert mine("reported", moderator, [comment]) == [comment.pk]


def test_the_appeals_queue_lists_appeals_in_the_order_they_came(article, reader, moderator):
    later = make_comment(article, reader, status=Status.REJECTED, minutes_ago=60)
    earlier = make_comment(article, reader, status=Status.REJECTED, minutes_ago=10)
    Appeal.objects.create(comment=earlier, author=reader, text="First appeal.")
    Appeal.objects.create(comment=later, author=reader, text="Second appeal.")
    assert mine("appeals", moderator, [later, earlier]) == [earlier.pk, later.pk]


# Filters.


def test_filter_by_language(article, ru_article, reader, moderator):
    english = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    russian = make_comment(ru_article, reader, status=Status.HELD, held_for="abusive")
    assert mine("held", moderator, [english, russian], language="ru") == [russian.pk]


def test_filter_held_comments_by_the_rule_that_held_them(article, reader, moderator):
    abusive = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    links = make_comment(article, reader, status=Status.HELD, held_for="links")
    assert mine("held", moderator, [abusive, links], rule="abusive") == [abusive.pk]
    assert mine("held", moderator, [abusive, links], rule="links") == [links.pk]


def test_filter_reported_comments_by_the_reason_readers_gave(article, reader, second_reader, moderator):
    spam = make_comment(article, reader)
    rude = make_comment(article, reader)
    services.comment_report(comment=spam, reporter=second_reader, reason="advertising")
    services.comment_report(comment=rude, reporter=second_reader, reason="abusive")
    assert mine("reported", moderator, [spam, rude], rule="advertising") == [spam.pk]


def test_filter_rejected_comments_by_the_moderators_reason(article, reader, moderator):
    comment = make_comment(article, reader, status=Status.HELD, held_for="links")
    services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action="reject", reason="advertising"
    )
    assert mine("rejected", moderator, [comment], rule="advertising") == [comment.pk]
    assert mine("rejected", moderator, [comment], rule="abusive") == []


def test_filter_by_article_and_by_section(article, other_article, hy_article, reader, moderator):
    here = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    there = make_comment(other_article, reader, status=Status.HELD, held_for="abusive")
    armenian = make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")
    everything = [here, there, armenian]
    assert mine("held", moderator, everything, article=article.pk) == [here.pk]
    section = article.get_parent()
    in_section = {c.pk for c in everything if c.article.get_parent().pk == section.pk}
    assert set(mine("held", moderator, everything, section=section.pk)) == in_section
    assert here.pk in in_section and armenian.pk not in in_section


def test_filter_by_author_by_id_or_name(article, reader, second_reader, moderator):
    first = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    second = make_comment(article, second_reader, status=Status.HELD, held_for="abusive")
    assert mine("held", moderator, [first, second], author=str(second_reader.pk)) == [second.pk]
    assert mine("held", moderator, [first, second], author="reader_one") == [first.pk]
    assert mine("held", moderator, [first, second], author="Reader Two") == [second.pk]


def test_filter_by_date_range(article, reader, moderator):
    old = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=60 * 24 * 10)
    recent = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    today = timezone.localdate()
    ten_days_ago = timezone.localtime(old.created_at).date()
    assert mine("held", moderator, [old, recent], since=today) == [recent.pk]
    assert mine("held", moderator, [old, recent], until=ten_days_ago) == [old.pk]
    assert mine("held", moderator, [old, recent], since=ten_days_ago, until=today) == [old.pk, recent.pk]


def test_the_queue_page_applies_the_filters_from_the_query_string(article, ru_article, reader, moderator):
    english = make_comment(
        article, reader, "English words held here.", status=Status.HELD, held_for="abusive"
    )
    russian = make_comment(ru_article, reader, "Русские слова здесь.", status=Status.HELD, held_for="abusive")
    html = queue_html(signed_in(moderator), "held", "?language=ru")
    assert f'id="row-{russian.pk}"' in html
    assert f'id="row-{english.pk}"' not in html
    assert f"/admin/desk/comment/{russian.pk}/?queue=held&amp;language=ru" in html


def test_an_invalid_filter_is_ignored_not_an_error(moderator):
    html = queue_html(signed_in(moderator), "held", "?since=yesterday&article=x")
    assert "Nothing waits here." in html or "desk-queue" in html


def test_an_unknown_queue_is_not_found(moderator):
    assert signed_in(moderator).get("/admin/desk/queue/everything/").status_code == 404


# What a row shows.


def test_a_row_shows_the_findings_marked_the_scores_the_author_and_the_article(article, reader, moderator):
    comment = make_comment(
        article,
        reader,
        "What an idiot <b>wrote</b> this.",
        status=Status.HELD,
        held_for="abusive",
        scores={"abusive": 0.87, "filthy": 0.01},
        findings=[{"rule": "abusive", "start": 8, "end": 13, "evidence": "idiot", "key": "insult"}],
    )
    html = queue_html(signed_in(moderator), "held", f"?article={article.pk}")
    row = html[html.index(f'id="row-{comment.pk}"') :]
    row = row[: row.index("</tr>")]
    assert re.search(r'<mark class="desk-finding desk-finding--abusive"[^>]*>idiot</mark>', row)
    assert "&lt;b&gt;wrote&lt;/b&gt;" in row  # the reader's text is escaped
    assert "desk-score desk-score--high" in row and "0.87" in row
    assert "Reader One" in row and f"/admin/desk/reader/{reader.pk}/" in row
    assert article.title in row
    assert 'name="comments"' in row  # the checkbox for bulk decisions


def test_a_row_says_who_is_looking_at_the_comment(article, reader, moderator, second_moderator):
    comment = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    services.comment_claim(comment_id=comment.pk, moderator=second_moderator)
    html = queue_html(signed_in(moderator), "held", f"?article={article.pk}")
    assert "Boris is looking at this" in html
    own = queue_html(signed_in(second_moderator), "held", f"?article={article.pk}")
    assert "is looking at this" not in own


def test_a_long_comment_is_cut_around_its_first_finding(article, reader, moderator):
    words = "Fine words. " * 60 + "You idiot." + " More fine words." * 30
    start = words.index("idiot")
    comment = make_comment(
        article,
        reader,
        words,
        status=Status.HELD,
        held_for="abusive",
        findings=[{"rule": "abusive", "start": start, "end": start + 5, "evidence": "idiot", "key": "x"}],
    )
    html = queue_html(signed_in(moderator), "held", f"?article={article.pk}")
    row = html[html.index(f'id="row-{comment.pk}"') :]
    assert re.search(r"<mark[^>]*>idiot</mark>", row[: row.index("</tr>")])


def test_a_queue_shows_fifty_comments_a_page(article, reader, moderator):
    fill_queue("held", article, reader, 51)
    client = signed_in(moderator)
    first = queue_html(client, "held", f"?article={article.pk}")
    assert first.count('name="comments"') == 50
    assert "Page 1 of 2" in first
    second = queue_html(client, "held", f"?article={article.pk}&p=2")
    assert second.count('name="comments"') == 1


# Languages.


def test_a_moderator_limited_to_armenian_sees_only_armenian_comments(
    article, hy_article, reader, hy_moderator
):
    english = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    armenian = make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")
    assert mine("held", hy_moderator, [english, armenian]) == [armenian.pk]
    html = queue_html(signed_in(hy_moderator), "held")
    assert f'id="row-{armenian.pk}"' in html and f'id="row-{english.pk}"' not in html
    # Their language filter offers their languages only.
    assert '<option value="hy"' in html and '<option value="en"' not in html


# Counts.


def test_counts_cover_the_menus_queues_in_two_queries(article, reader, moderator, django_assert_num_queries):
    before = queues.queue_counts(moderator)
    queues.queue_counts_forget()
    make_comment(article, reader, status=Status.HELD, held_for="abusive")
    make_comment(article, reader, open_reports=1)
    make_comment(article, reader, flags=["off_topic"])
    rejected = make_comment(article, reader, status=Status.REJECTED)
    Appeal.objects.create(comment=rejected, author=reader, text="Again, please.")
    with django_assert_num_queries(2):
        after = queues.queue_counts(moderator)
    assert after == {
        "held": before["held"] + 1,
        "reported": before["reported"] + 1,
        "off_topic": before["off_topic"] + 1,
        "unmoderated": before["unmoderated"] + 2,
        "appeals": before["appeals"] + 1,
    }


def test_counts_are_kept_briefly_and_forgotten_after_a_decision(
    article, reader, moderator, django_assert_num_queries
):
    comment = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    held = queues.queue_counts(moderator)["held"]
    with django_assert_num_queries(0):
        queues.queue_counts(moderator)
    signed_in(moderator).post(f"/admin/desk/comment/{comment.pk}/decide/", {"action": "approve"})
    assert queues.queue_counts(moderator)["held"] == held - 1


def test_counts_are_limited_to_the_moderators_languages(article, hy_article, reader, moderator, hy_moderator):
    all_before, hy_before = queues.queue_counts(moderator)["held"], queues.queue_counts(hy_moderator)["held"]
    queues.queue_counts_forget()
    make_comment(article, reader, status=Status.HELD, held_for="abusive")
    make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")
    assert queues.queue_counts(moderator)["held"] == all_before + 2
    assert queues.queue_counts(hy_moderator)["held"] == hy_before + 1


# Bulk decisions.


def test_bulk_approve_reports_decided_and_skipped_with_the_reasons(
    article, hy_article, reader, moderator, hy_moderator
):
    armenian = [make_comment(hy_article, reader, status=Status.HELD, held_for="abusive") for _i in range(2)]
    english = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    response = signed_in(hy_moderator).post(
        "/admin/desk/bulk/?queue=held",
        {"action": "approve", "comments": [c.pk for c in [*armenian, english]]},
        follow=True,
    )
    html = response.content.decode()
    assert "2 decided, 1 skipped." in html
    assert "You moderate comments in other languages; this one is in en." in html
    assert f"#{english.pk}" in html
    assert response.redirect_chain[-1][0] == "/admin/desk/queue/held/"
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in armenian])} == {Status.PUBLISHED}
    assert Comment.objects.get(pk=english.pk).status == Status.HELD


def test_bulk_reject_needs_a_reason(article, reader, moderator):
    comments = [make_comment(article, reader, status=Status.HELD, held_for="abusive") for _i in range(2)]
    response = signed_in(moderator).post(
        "/admin/desk/bulk/?queue=held",
        {"action": "reject", "comments": [c.pk for c in comments]},
        follow=True,
    )
    html = response.content.decode()
    assert "Choose the rule the comment breaks." in html
    assert "decided," not in html
    assert set(Comment.objects.filter(pk__in=[c.pk for c in comments]).values_list("status", flat=True)) == {
        Status.HELD
    }


def test_bulk_reject_with_a_reason_writes_a_decision_for_each(article, reader, moderator):
    comments = [make_comment(article, reader, status=Status.HELD, held_for="abusive") for _i in range(3)]
    response = signed_in(moderator).post(
        "/admin/desk/bulk/?queue=held&language=en",
        {"action": "reject", "reason": "abusive", "note": "Insults.", "comments": [c.pk for c in comments]},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/desk/queue/held/?language=en"
    decisions = Decision.objects.filter(comment__in=comments, action=Decision.Action.REJECT)
    assert decisions.count() == 3
    assert {(d.actor_id, d.reason, d.note) for d in decisions} == {(moderator.pk, "abusive", "Insults.")}


def test_bulk_skips_a_comment_decided_meanwhile(article, reader, moderator, second_moderator):
    first, second = (make_comment(article, reader, status=Status.HELD, held_for="abusive") for _i in range(2))
    services.comment_moderate(
        comment_id=first.pk, moderator=second_moderator, action="reject", reason="abusive"
    )
    html = (
        signed_in(moderator)
        .post(
            "/admin/desk/bulk/?queue=held",
            {"action": "approve", "comments": [first.pk, second.pk]},
            follow=True,
        )
        .content.decode()
    )
    assert "1 decided, 1 skipped." in html
    assert "Boris has already decided this comment" in html
    assert Comment.objects.get(pk=first.pk).status == Status.REJECTED


def test_bulk_without_a_selection_says_so(moderator):
    html = signed_in(moderator).post("/admin/desk/bulk/?queue=held", {"action": "approve"}, follow=True)
    assert "Tick the comments to decide first." in html.content.decode()


def test_the_appeals_queue_decides_appeals_in_place(article, reader, moderator):
    comment = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="reject", reason="abusive")
    appeal = services.comment_appeal(comment=comment, author=reader, text_raw="It was a joke.")
    client = signed_in(moderator)
    html = queue_html(client, "appeals", f"?article={article.pk}")
    assert "It was a joke." in html
    assert f"/admin/desk/appeal/{appeal.pk}/decide/" in html
    assert 'name="comments"' not in html  # appeals are decided one by one
    client.post(
        f"/admin/desk/appeal/{appeal.pk}/decide/?queue=appeals", {"outcome": "restore", "note": "Fair."}
    )
    appeal.refresh_from_db()
    assert appeal.outcome == Appeal.Outcome.RESTORED
    assert Comment.objects.get(pk=comment.pk).status == Status.PUBLISHED


# Query counts: the same number of queries for a queue of ten comments and of a thousand. Of them,
# the desk's own: the sections (filter), the count, the page, the newest Decision (bulk "seen"), and
# the open reports in the reported queue; the rest are the session, the user, permissions, Wagtail's
# profile and locales.
QUERIES = {
    "held": 13,
    "reported": 14,
    "off_topic": 13,
    "unmoderated": 13,
    "appeals": 12,  # decided one by one: no bulk form
    "approved": 13,
    "rejected": 13,
}


@pytest.mark.parametrize("queue", list(queues.QUEUES))
def test_a_queue_page_takes_the_same_queries_at_a_thousand_comments(
    queue, article, moderator, second_moderator, django_assert_num_queries
):
    author = make_user("prolific", display_name="Prolific")
    client = signed_in(moderator)
    url = f"/admin/desk/queue/{queue}/"
    fill_queue(queue, article, author, 10, claimed_by=second_moderator, moderator=moderator)
    client.get(url)  # the menu's counts are cached from here on
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    fill_queue(queue, article, author, 1000, claimed_by=second_moderator, moderator=moderator)
    client.get(url)  # the counts again, in case filling took longer than they are kept
    with django_assert_num_queries(QUERIES[queue]):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("desk-queue__open") == queues.PAGE_SIZE
    assert len(few) == QUERIES[queue]


def test_reports_on_a_page_come_in_one_query(article, reader, moderator):
    comments = fill_queue("reported", article, reader, 20)
    Report.objects.filter(comment__in=comments).update(note="Rude words")
    page = queues.queue_page("reported", moderator, queues.Filters(article=article.pk))
    with CaptureQueriesContext(connection) as queries:
        notes = [r.note for c in page for r in c.open_report_rows]
    assert notes.count("Rude words") == 20
    assert len(queries) == 2  # the page's comments, then their open reports


def test_neighbours_follow_the_queue_order(article, reader, moderator):
    comments = [
        make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=m)
        for m in (30, 20, 10)
    ]
    filters = queues.Filters(article=article.pk)
    first, middle, last = (c.pk for c in comments)
    assert queues.queue_neighbours("held", moderator, filters, middle) == (first, last)
    assert queues.queue_neighbours("held", moderator, filters, first) == (None, middle)
    # A comment decided meanwhile keeps its place: the next is still the one after it.
    services.comment_moderate(comment_id=middle, moderator=moderator, action="approve")
    assert queues.queue_neighbours("held", moderator, filters, middle) == (first, last)


def test_neighbours_of_a_decided_queue_go_from_newest_to_oldest(article, reader, moderator):
    now = timezone.now()
    comments = [
        make_comment(
            article,
            reader,
            status=Status.REJECTED,
            reviewed_at=now - datetime.timedelta(hours=h),
            reviewed_by=moderator,
        )
        for h in (3, 2, 1)
    ]
    oldest, middle, newest = (c.pk for c in comments)
    filters = queues.Filters(article=article.pk)
    assert queues.queue_neighbours("rejected", moderator, filters, middle) == (newest, oldest)
