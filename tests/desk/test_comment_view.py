"""A comment in the desk: what the page shows, the decisions it posts (and their refusals), the keys,
the appeals, and the reader's page with its measures and notes."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from tribune.accounts.models import ModeratorNote, Sanction
from tribune.comments import queues, services
from tribune.comments.models import Appeal, Comment, CommentRevision, Decision, Status

from .conftest import make_comment, make_user, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_cache")]


@pytest.fixture
def held(article, reader):
    return make_comment(
        article,
        reader,
        "You are an idiot, and the article is fine.",
        status=Status.HELD,
        held_for="abusive",
        scores={"abusive": 0.93, "filthy": 0.04, "advertising": 0.01, "off_topic": 0.2},
        findings=[{"rule": "abusive", "start": 11, "end": 16, "evidence": "idiot", "key": "insult"}],
        model_version="houserules-test-1",
    )


def page(client, comment, query=""):
    response = client.get(f"/admin/desk/comment/{comment.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def seen_in(html):
    return re.search(r'name="seen" value="(\d*)"', html).group(1)


def decide(client, comment, query="", **data):
    return client.post(f"/admin/desk/comment/{comment.pk}/decide/{query}", data)


def messages_of(response):
    """The texts of the Wagtail messages a response left (rendered, so unescaped here)."""
    queued = response.wsgi_request._messages._queued_messages
    return [unescape(re.sub(r"\s+", " ", str(m))).strip() for m in queued]


# What the page shows.


def test_the_page_shows_the_article_with_its_lead_and_link(held, article, moderator):
    html = page(signed_in(moderator), held)
    assert article.title in html
    assert article.standfirst.replace("'", "&#x27;")[:60] in html
    assert f'href="{article.url}"' in html


def test_the_page_marks_the_words_the_engine_found_and_gives_each_score(held, moderator):
    html = page(signed_in(moderator), held)
    assert re.search(r'<blockquote class="desk-text"[^>]*>You are an <mark[^>]*>idiot</mark>, and', html)
    assert "0.930" in html and "desk-score--high" in html
    assert "Abusive language" in html and "Filthy language" in html
    assert "houserules-test-1" in html
    assert "insult" in html


def test_the_page_shows_the_thread_around_the_comment(article, reader, second_reader, moderator):
    parent = make_comment(article, second_reader, "The parent comment of this thread.")
    comment = make_comment(
        article, reader, "The comment in the middle.", parent=parent, root=parent, depth=1, status=Status.HELD
    )
    sibling = make_comment(
        article, second_reader, "A sibling written after.", parent=parent, root=parent, depth=1
    )
    reply = make_comment(
        article, second_reader, "A reply to the middle one.", parent=comment, root=parent, depth=2
    )
    html = page(signed_in(moderator), comment)
    thread = html[html.index('id="desk-thread"') :]
    for words in ("The parent comment", "A sibling written after.", "A reply to the middle one."):
        assert words in thread
    assert f"/admin/desk/comment/{sibling.pk}/" in thread and f"/admin/desk/comment/{reply.pk}/" in thread


def test_the_page_shows_the_authors_history(article, reader, moderator, second_moderator):
    for _i in range(3):
        make_comment(article, reader)
    rejected = make_comment(article, reader, status=Status.HELD, held_for="abusive")
    services.comment_moderate(
        comment_id=rejected.pk, moderator=second_moderator, action="reject", reason="abusive"
    )
    old = make_comment(article, reader, status=Status.REJECTED, minutes_ago=60 * 24 * 20)
    Sanction.objects.create(
        user=reader, kind="warn", reason="Mind your language.", created_by=second_moderator
    )
    ModeratorNote.objects.create(user=reader, author=second_moderator, text="Often rude about ministers.")
    html = page(signed_in(moderator), old)
    aside = html[html.index('id="desk-author"') :]
    assert "3 published, 2 rejected or removed" in aside
    assert "25% <span" in aside  # last 7 days: 1 of 4
    assert "40% <span" in aside  # last 30 days: 2 of 5
    assert "Mind your language." in aside and "in force" in aside
    assert "Often rude about ministers." in aside
    assert f"/admin/desk/reader/{reader.pk}/" in aside


def test_the_page_shows_every_revision_and_report(held, reader, second_reader, moderator):
    CommentRevision.objects.create(comment=held, text="The first version of it.", created_at=timezone.now())
    Comment.objects.filter(pk=held.pk).update(status=Status.PUBLISHED)
    held.refresh_from_db()
    services.comment_report(comment=held, reporter=second_reader, reason="abusive", note="Name-calling.")
    html = page(signed_in(moderator), held)
    assert "The first version of it." in html
    assert "Name-calling." in html and "Reader Two" in html


def test_the_page_lists_the_full_decision_history(held, moderator, second_moderator):
    services.comment_moderate(comment_id=held.pk, moderator=second_moderator, action="approve")
    services.comment_moderate(comment_id=held.pk, moderator=second_moderator, action="feature")
    html = page(signed_in(moderator), held)
    history = html[html.index('id="desk-decisions"') :]
    assert "the system" in history
    assert history.count("Boris") == 2
    assert "approved" in history and "made an editor&#x27;s pick" in history


def test_opening_a_comment_claims_it_and_a_second_moderator_sees_who(held, moderator, second_moderator):
    page(signed_in(moderator), held)
    held.refresh_from_db()
    assert held.claimed_by == moderator
    html = page(signed_in(second_moderator), held)
    assert "Anna is looking at this comment." in html
    held.refresh_from_db()
    assert held.claimed_by == moderator  # the claim stays with the first


def test_a_missing_comment_is_not_found(moderator):
    assert signed_in(moderator).get("/admin/desk/comment/999999999/").status_code == 404


# Decisions.


def test_approving_goes_to_the_next_comment_of_the_queue(article, reader, moderator):
    first = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=20)
    second = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=10)
    client = signed_in(moderator)
    query = f"?queue=held&article={article.pk}"
    html = page(client, first, query)
    response = decide(client, first, query, action="approve", seen=seen_in(html))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/desk/comment/{second.pk}/?queue=held&article={article.pk}"
    assert messages_of(response) == ["Comment approved."]
    first.refresh_from_db()
    assert (first.status, first.reviewed_by) == (Status.PUBLISHED, moderator)


def test_after_the_last_comment_the_desk_goes_back_to_the_queue(held, article, moderator):
    client = signed_in(moderator)
    query = f"?queue=held&article={article.pk}"
    response = decide(
        client, held, query, action="reject", reason="abusive", seen=seen_in(page(client, held, query))
    )
    assert response["Location"] == f"/admin/desk/queue/held/?article={article.pk}"
    assert Comment.objects.get(pk=held.pk).status == Status.REJECTED


def test_without_a_queue_the_desk_stays_on_the_comment(held, moderator):
    response = decide(signed_in(moderator), held, action="approve")
    assert response["Location"] == f"/admin/desk/comment/{held.pk}/"


def test_reject_without_a_reason_is_refused_with_a_message(held, moderator):
    client = signed_in(moderator)
    response = decide(client, held, "?queue=held", action="reject", seen=seen_in(page(client, held)))
    assert response["Location"] == f"/admin/desk/comment/{held.pk}/?queue=held"
    assert messages_of(response) == ["Choose the rule the comment breaks."]
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


def test_reject_for_another_reason_needs_a_note(held, moderator):
    client = signed_in(moderator)
    response = decide(client, held, action="reject", reason="other")
    assert messages_of(response) == ["Say in a note what is wrong: the author will read it."]
    assert Comment.objects.get(pk=held.pk).status == Status.HELD
    decide(client, held, action="reject", reason="other", note="Personal data of a neighbour.")
    assert Decision.objects.filter(
        comment=held, action="reject", note="Personal data of a neighbour."
    ).exists()


def test_a_stale_decision_is_refused_with_the_first_moderators_name(held, moderator, second_moderator):
    first, second = signed_in(moderator), signed_in(second_moderator)
    seen_by_second = seen_in(page(second, held))
    decide(first, held, action="approve", seen=seen_in(page(first, held)))
    response = decide(second, held, "?queue=held", action="reject", reason="abusive", seen=seen_by_second)
    assert messages_of(response) == ["Anna has already decided this comment (approved). Nothing was changed."]
    response = second.get(response["Location"])
    assert "Anna has already decided this comment" in response.content.decode()
    held.refresh_from_db()
    assert (held.status, held.reviewed_by) == (Status.PUBLISHED, moderator)
    assert not Decision.objects.filter(comment=held, actor=second_moderator).exists()


def test_a_decision_on_a_comment_deleted_meanwhile_says_so(held, moderator):
    Comment.objects.filter(pk=held.pk).delete()
    response = decide(signed_in(moderator), held, "?queue=held", action="approve")
    assert messages_of(response) == ["This comment no longer exists."]
    assert response["Location"] == "/admin/desk/queue/held/"


def test_a_moderator_of_other_languages_may_read_but_not_decide(held, hy_moderator):
    client = signed_in(hy_moderator)
    html = page(client, held)
    assert "You moderate comments in other languages; this one is in en." in html
    assert f'action="/admin/desk/comment/{held.pk}/decide/' not in html
    response = decide(client, held, action="approve")
    assert messages_of(response) == ["You moderate comments in other languages; this one is in en."]
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


def test_delete_restore_and_editors_pick(held, moderator):
    client = signed_in(moderator)
    decide(client, held, action="approve")
    assert 'value="feature" class="button button-secondary" data-desk-key="f"' in page(client, held)
    decide(client, held, action="feature")
    assert Comment.objects.get(pk=held.pk).featured
    html = page(client, held)
    assert 'value="unfeature"' in html
    decide(client, held, action="unfeature")
    assert not Comment.objects.get(pk=held.pk).featured
    decide(client, held, action="delete")
    assert Comment.objects.get(pk=held.pk).status == Status.DELETED
    assert 'value="restore"' in page(client, held)
    response = decide(client, held, action="restore")
    assert messages_of(response) == ["Comment restored."]
    assert Comment.objects.get(pk=held.pk).status == Status.PUBLISHED


def test_an_unknown_action_is_refused(held, moderator):
    response = decide(signed_in(moderator), held, action="promote")
    assert messages_of(response) == ["Choose approve, reject, delete, restore or feature."]


def test_reject_all_of_an_authors_comments_on_the_article(article, other_article, reader, moderator):
    here = [make_comment(article, reader, status=Status.HELD, held_for="abusive") for _i in range(2)]
    published_here = make_comment(article, reader)
    elsewhere = make_comment(other_article, reader)
    response = signed_in(moderator).post(
        f"/admin/desk/comment/{here[0].pk}/reject-author/?queue=held",
        {"reason": "abusive", "note": "Trolling."},
    )
    assert "3 decided, 0 skipped." in messages_of(response)
    rejected = Comment.objects.filter(status=Status.REJECTED, author=reader)
    assert set(rejected.values_list("pk", flat=True)) == {here[0].pk, here[1].pk, published_here.pk}
    assert Comment.objects.get(pk=elsewhere.pk).status == Status.PUBLISHED


def test_reject_all_without_a_reason_decides_nothing(held, moderator):
    response = signed_in(moderator).post(f"/admin/desk/comment/{held.pk}/reject-author/", {"reason": ""})
    assert messages_of(response) == ["Choose the rule the comment breaks."]
    assert Comment.objects.get(pk=held.pk).status == Status.HELD


# Appeals.


@pytest.fixture
def appealed(held, reader, second_moderator):
    services.comment_moderate(
        comment_id=held.pk, moderator=second_moderator, action="reject", reason="abusive"
    )
    return services.comment_appeal(comment=held, author=reader, text_raw="I only criticised the text.")


def test_the_page_shows_the_appeal_and_restores_the_comment(appealed, held, moderator):
    client = signed_in(moderator)
    html = page(client, held, "?queue=appeals")
    assert "I only criticised the text." in html
    response = client.post(
        f"/admin/desk/appeal/{appealed.pk}/decide/?queue=appeals",
        {"outcome": "restore", "note": "Fair point."},
    )
    assert messages_of(response) == ["Appeal accepted: the comment is published again."]
    appealed.refresh_from_db()
    assert (appealed.outcome, appealed.decided_by, appealed.note) == ("restored", moderator, "Fair point.")
    assert Comment.objects.get(pk=held.pk).status == Status.PUBLISHED


def test_keeping_the_decision_refuses_the_appeal_for_good(appealed, held, moderator, second_moderator):
    response = signed_in(moderator).post(f"/admin/desk/appeal/{appealed.pk}/decide/", {"outcome": "keep"})
    assert messages_of(response) == ["Appeal refused: the decision stands."]
    assert Appeal.objects.get(pk=appealed.pk).outcome == Appeal.Outcome.UPHELD
    again = signed_in(second_moderator).post(
        f"/admin/desk/appeal/{appealed.pk}/decide/", {"outcome": "restore"}
    )
    assert messages_of(again) == ["Anna has already decided this appeal. Its outcome is final."]
    assert Comment.objects.get(pk=held.pk).status == Status.REJECTED


def test_an_appeal_decision_needs_an_outcome(appealed, moderator):
    response = signed_in(moderator).post(f"/admin/desk/appeal/{appealed.pk}/decide/", {"outcome": "maybe"})
    assert messages_of(response) == ["Choose to restore the comment or to keep the decision."]
    assert Appeal.objects.get(pk=appealed.pk).outcome == Appeal.Outcome.OPEN


# The keys, and the page without them.


def test_the_keys_are_listed_on_screen_and_bound_to_the_actions(held, article, reader, moderator):
    before = make_comment(article, reader, status=Status.HELD, held_for="abusive", minutes_ago=60)
    html = page(signed_in(moderator), held, f"?queue=held&article={article.pk}")
    keys = html[html.index('id="desk-keys"') :]
    for key, meaning in (("j", "Next comment"), ("k", "Previous comment"), ("a", "Approve"), ("r", "Reject")):
        assert f"<kbd>{key}</kbd></dt><dd>{meaning}" in keys
    assert "<kbd>?</kbd>" in keys
    assert (
        f'href="/admin/desk/comment/{before.pk}/?queue=held&amp;article={article.pk}" rel="prev" data-desk-key="k p"'
        in html
    )
    assert 'data-desk-key="a"' in html and 'data-desk-key="d"' in html
    assert '<details class="desk-reject" id="desk-reject" data-desk-key="r">' in html
    for number in range(1, 6):
        assert f'data-desk-reason="{number}"' in html
    assert "desk/desk.js" in html


def test_every_action_is_a_plain_form_that_works_without_javascript(held, moderator):
    html = page(signed_in(moderator), held)
    forms = re.findall(
        r'<form method="post" action="([^"]+)"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken"', html
    )
    assert f"/admin/desk/comment/{held.pk}/decide/" in forms
    assert f"/admin/desk/comment/{held.pk}/reject-author/" in forms
    assert 'type="radio" name="reason" value="abusive"' in html


def test_a_moderator_who_switched_keys_off_gets_no_key_bindings(held, moderator):
    UserProfile.objects.update_or_create(user=moderator, defaults={"keyboard_shortcuts": False})
    html = page(signed_in(moderator), held)
    assert "data-desk-keys" not in html
    assert "<kbd>a</kbd>" in html  # still listed


def test_the_desk_speaks_the_moderators_admin_language(held, moderator):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "hy"
    profile.save()
    html = page(signed_in(moderator), held)
    assert "Հաստատել" in html
    profile.preferred_language = "ru"
    profile.save()
    html = page(signed_in(moderator), held)
    assert "Одобрить" in html


# The reader's page.


def reader_page(client, person):
    response = client.get(f"/admin/desk/reader/{person.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_reader_page_lists_their_comments_with_statuses(article, reader, moderator):
    make_comment(article, reader, "A rejected one.", status=Status.REJECTED)
    make_comment(article, reader, "A published one.")
    html = reader_page(signed_in(moderator), reader)
    assert "A rejected one." in html and "A published one." in html
    assert "rejected</span>" in html and "published</span>" in html


@pytest.mark.parametrize(
    ("kind", "duration", "until"),
    [("warn", "", None), ("suspend", "24h", 24), ("ban", "", None), ("premoderate", "", None)],
)
def test_a_moderator_takes_a_measure_with_a_reason(reader, moderator, kind, duration, until):
    client = signed_in(moderator)
    response = client.post(
        f"/admin/desk/reader/{reader.pk}/sanction/",
        {"kind": kind, "duration": duration, "reason": "Insults."},
    )
    assert response["Location"] == f"/admin/desk/reader/{reader.pk}/"
    measure = Sanction.objects.get(user=reader)
    assert (measure.kind, measure.reason, measure.created_by) == (kind, "Insults.", moderator)
    if until:
        assert abs(measure.ends_at - timezone.now() - datetime.timedelta(hours=until)) < datetime.timedelta(
            minutes=1
        )
    html = reader_page(client, reader)
    assert "Insults." in html and "in force" in html and "Anna" in html


def test_a_measure_needs_a_reason(reader, moderator):
    response = signed_in(moderator).post(
        f"/admin/desk/reader/{reader.pk}/sanction/", {"kind": "ban", "reason": " "}
    )
    assert messages_of(response) == ["Choose the measure and give the reason: the reader will read it."]
    assert not Sanction.objects.filter(user=reader).exists()


def test_a_suspension_needs_its_length(reader, moderator):
    response = signed_in(moderator).post(
        f"/admin/desk/reader/{reader.pk}/sanction/", {"kind": "suspend", "reason": "Spam."}
    )
    assert messages_of(response) == ["Choose how long the suspension lasts: 1 hour, 24 hours or 7 days."]
    assert not Sanction.objects.filter(user=reader).exists()


def test_staff_accounts_cannot_be_sanctioned_from_the_desk(editor, moderator):
    client = signed_in(moderator)
    assert "This is a staff account" in reader_page(client, editor)
    response = client.post(f"/admin/desk/reader/{editor.pk}/sanction/", {"kind": "ban", "reason": "No."})
    assert messages_of(response) == ["Staff accounts are managed by an administrator, not by the desk."]
    assert not Sanction.objects.filter(user=editor).exists()


def test_a_measure_is_lifted_with_who_and_why(reader, moderator, second_moderator):
    measure = Sanction.objects.create(user=reader, kind="ban", reason="Spam.", created_by=second_moderator)
    client = signed_in(moderator)
    assert f"/admin/desk/sanction/{measure.pk}/lift/" in reader_page(client, reader)
    response = client.post(f"/admin/desk/sanction/{measure.pk}/lift/", {"reason": "Apologised."})
    assert messages_of(response) == ["The measure was lifted."]
    measure.refresh_from_db()
    assert (measure.lifted_by, measure.lift_reason) == (moderator, "Apologised.")
    again = client.post(f"/admin/desk/sanction/{measure.pk}/lift/", {"reason": "Twice."})
    assert messages_of(again) == ["This measure was already lifted."]


def test_a_note_is_added_for_other_moderators(reader, moderator, second_moderator):
    response = signed_in(moderator).post(f"/admin/desk/reader/{reader.pk}/note/", {"text": "Posts at night."})
    assert messages_of(response) == ["Note added."]
    assert "Posts at night." in reader_page(signed_in(second_moderator), reader)
    empty = signed_in(moderator).post(f"/admin/desk/reader/{reader.pk}/note/", {"text": ""})
    assert messages_of(empty) == ["Write the note first."]


def test_the_rejection_rates_count_the_last_days_only(article, moderator):
    author = make_user("rates")
    make_comment(article, author, status=Status.REJECTED, minutes_ago=60 * 24 * 40)
    make_comment(article, author, minutes_ago=60)
    history = queues.author_history(author)
    assert (history.rate_7, history.rate_30, history.comments, history.rejected) == (0, 0, 2, 1)
