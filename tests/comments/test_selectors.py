"""Visibility: what each reader sees of a thread, and what it costs."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.comments import selectors, text
from tribune.comments.models import Comment, Status

from .conftest import make_reader

pytestmark = pytest.mark.django_db


def add(article, author, words, status=Status.PUBLISHED, parent=None):
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        status=status,
        text=words,
        html=text.render(words),
        language="en",
    )
    if parent and status == Status.PUBLISHED:
        Comment.objects.filter(pk=comment.root_id).update(
            reply_count=Comment.objects.get(pk=comment.root_id).reply_count + 1
        )
    return comment


def texts(page):
    found = []

    def walk(nodes):
        for node in nodes:
            found.append(node.text if node.status != Status.DELETED else "[deleted]")
            walk(node.thread_children)

    walk(page.roots)
    return found


@pytest.fixture
def fresh_article(article):
    Comment.objects.filter(article=article).delete()
    return article


@pytest.mark.parametrize("status", [Status.HELD, Status.REJECTED, Status.PENDING, Status.DELETED])
def test_unpublished_comments_never_reach_other_readers_or_counts(
    fresh_article, reader, second_reader, status
):
    add(fresh_article, reader, "visible")
    add(fresh_article, reader, "hidden", status=status)
    for viewer in (AnonymousUser(), second_reader):
        page = selectors.thread(fresh_article.pk, viewer)
        assert texts(page) == ["visible"]
        assert page.total == 1
    assert selectors.published_counts([fresh_article.pk]) == {fresh_article.pk: 1}


def test_a_readers_own_comments_waiting_for_review_are_shown_to_them_only(
    fresh_article, reader, second_reader
):
    add(fresh_article, reader, "waiting", status=Status.HELD)
    assert texts(selectors.thread(fresh_article.pk, reader)) == ["waiting"]
    assert texts(selectors.thread(fresh_article.pk, second_reader)) == []
    assert selectors.thread(fresh_article.pk, reader).total == 0


def test_a_rejected_comment_is_not_shown_even_to_its_author(fresh_article, reader):
    add(fresh_article, reader, "rejected", status=Status.REJECTED)
    assert texts(selectors.thread(fresh_article.pk, reader)) == []


def test_a_deleted_comment_with_replies_leaves_a_tombstone(fresh_article, reader, second_reader):
    root = add(fresh_article, reader, "root")
    add(fresh_article, second_reader, "reply", parent=root)
    lonely = add(fresh_article, reader, "lonely")
    Comment.objects.filter(pk__in=[root.pk, lonely.pk]).update(status=Status.DELETED)
    assert texts(selectors.thread(fresh_article.pk, AnonymousUser(), order="oldest")) == [
        "[deleted]",
        "reply",
    ]


def test_orders(fresh_article, reader, second_reader):
    first = add(fresh_article, reader, "first")
    busy = add(fresh_article, reader, "busy")
    add(fresh_article, reader, "last")
    add(fresh_article, second_reader, "r1", parent=busy)
    add(fresh_article, second_reader, "r2", parent=busy)
    add(fresh_article, second_reader, "r3", parent=first)
    roots = lambda order: [c.text for c in selectors.thread(fresh_article.pk, None, order).roots]  # noqa: E731
    assert roots("oldest") == ["first", "busy", "last"]
    assert roots("newest") == ["last", "busy", "first"]
    assert roots("replies") == ["busy", "first", "last"]
    assert roots("nonsense") == roots("newest")


def test_pages_of_top_level_comments(fresh_article, reader):
    for number in range(25):
        add(fresh_article, reader, f"c{number:02}")
    first = selectors.thread(fresh_article.pk, None, "oldest", offset=0, limit=20)
    second = selectors.thread(fresh_article.pk, None, "oldest", offset=first.next_offset, limit=20)
    assert first.has_more and not second.has_more
    assert [c.text for c in first.roots + second.roots] == [f"c{n:02}" for n in range(25)]


def test_a_thread_of_two_hundred_comments_costs_three_queries_and_one_more_when_signed_in(fresh_article):
    authors = [make_reader(f"voice{n}") for n in range(5)]
    roots = [add(fresh_article, authors[n % 5], f"top {n}") for n in range(50)]
    for n in range(150):
        add(fresh_article, authors[n % 5], f"reply {n}", parent=roots[n % 50])
    # top-level comments with authors, their replies with authors, the published count
    with CaptureQueriesContext(connection) as queries:
        assert len(texts(selectors.thread(fresh_article.pk, AnonymousUser(), limit=50))) == 200
    assert len(queries) == 3
    # and the comments on the page that the reader has reported
    with CaptureQueriesContext(connection) as queries:
        assert len(texts(selectors.thread(fresh_article.pk, authors[0], limit=50))) == 200
    assert len(queries) == 4


def test_the_thread_knows_what_the_viewer_reported(fresh_article, reader, second_reader):
    from tribune.comments.models import Report

    theirs = add(fresh_article, second_reader, "theirs")
    Report.objects.create(comment=theirs, reporter=reader, reason="other")
    assert selectors.thread(fresh_article.pk, reader).reported == {theirs.pk}
    assert selectors.thread(fresh_article.pk, second_reader).reported == set()


@pytest.mark.parametrize(
    ("order", "picked", "expected"),
    [
        ("newest", "first", ["first", "last", "busy"]),  # else: last, busy, first
        ("oldest", "last", ["last", "first", "busy"]),  # else: first, busy, last
        ("replies", "first", ["first", "busy", "last"]),  # else: busy, last, first
    ],
)
def test_editors_picks_lead_the_top_level_comments_in_every_order(
    fresh_article, reader, second_reader, order, picked, expected
):
    comments = {words: add(fresh_article, reader, words) for words in ("first", "busy", "last")}
    add(fresh_article, second_reader, "r1", parent=comments["busy"])
    picked_reply = add(fresh_article, second_reader, "r2", parent=comments["busy"])
    Comment.objects.filter(pk__in=[comments[picked].pk, picked_reply.pk]).update(featured=True)
    page = selectors.thread(fresh_article.pk, AnonymousUser(), order)
    assert [c.text for c in page.roots] == expected
    # A picked reply stays in its place in the conversation.
    busy = next(c for c in page.roots if c.text == "busy")
    assert [c.text for c in busy.thread_children] == ["r1", "r2"]


def test_an_editors_pick_leads_only_the_first_page(fresh_article, reader):
    comments = [add(fresh_article, reader, f"c{number:02}") for number in range(5)]
    Comment.objects.filter(pk=comments[3].pk).update(featured=True)
    first = selectors.thread(fresh_article.pk, None, "oldest", offset=0, limit=2)
    second = selectors.thread(fresh_article.pk, None, "oldest", offset=2, limit=2)
    third = selectors.thread(fresh_article.pk, None, "oldest", offset=4, limit=2)
    assert [c.text for c in first.roots + second.roots + third.roots] == ["c03", "c00", "c01", "c02", "c04"]


def test_a_picked_comment_its_author_deleted_does_not_lead(fresh_article, reader, second_reader):
    picked = add(fresh_article, reader, "picked")
    add(fresh_article, second_reader, "reply", parent=picked)
    add(fresh_article, reader, "later")
    Comment.objects.filter(pk=picked.pk).update(featured=True, status=Status.DELETED)
    assert texts(selectors.thread(fresh_article.pk, None, "newest")) == ["later", "[deleted]", "reply"]


def test_editors_picks_cost_no_query_more(fresh_article):
    authors = [make_reader(f"pick{n}") for n in range(3)]
    roots = [add(fresh_article, authors[n % 3], f"top {n}") for n in range(30)]
    for n in range(60):
        add(fresh_article, authors[n % 3], f"reply {n}", parent=roots[n % 30])
    Comment.objects.filter(pk__in=[roots[5].pk, roots[17].pk]).update(featured=True)
    with CaptureQueriesContext(connection) as queries:
        page = selectors.thread(fresh_article.pk, AnonymousUser(), limit=50)
    assert len(queries) == 3
    assert {page.roots[0].pk, page.roots[1].pk} == {roots[5].pk, roots[17].pk}
    with CaptureQueriesContext(connection) as queries:
        selectors.thread(fresh_article.pk, authors[0], limit=50)
    assert len(queries) == 4
