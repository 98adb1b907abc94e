"""The moderation services: screening at submission (the nudge, the automatic decision, the site's
holds), the desk's decisions with their checks and audit rows, bulk decisions, claims, appeals and
screening again after a model change."""

import datetime
import socket

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone, translation

from tribune.accounts import notices
from tribune.accounts.models import Notice, Sanction
from tribune.accounts.services import sanction_impose, warning_acknowledge
from tribune.comments import errors, services
from tribune.comments.models import (
    Appeal,
    Comment,
    CommentSettings,
    Decision,
    Report,
    Status,
    Webhook,
)
from tribune.houserules import engine
from tribune.newsroom.models import ArticlePage

from .conftest import make_reader

pytestmark = pytest.mark.django_db

FAIR = "A fair point about the budget."
ARMENIAN_INSULT = "Հեղինակը ապուշ է, ոչինչ չի հասկանում։"
RUSSIAN_MASKED_MAT = "Автор, ты м*дак, иди на х*й"
ENGLISH_ADVERT = "Best prices on loans, visit cheaploans.biz now!"
CERTAIN_ADVERT = "Call +374 91 123 456, write to t.me/bestdeal, price 5000 AMD"
OFFICIAL_LINK = "The full text of the law is on https://www.mfa.am/en/ and on gov.am."

HELD_BY_THE_ENGINE = [
    pytest.param(ARMENIAN_INSULT, {"abusive"}, id="armenian-insult"),
    pytest.param(RUSSIAN_MASKED_MAT, {"abusive", "filthy"}, id="russian-masked-mat"),
    pytest.param(ENGLISH_ADVERT, {"advertising"}, id="english-advert"),
]


def quick_version(words):
    """The models' version of the quick judgement that answers a reader: the full judgement's where
    the optional encoder would not read these words (tests/comments/test_slow_checks.py)."""
    return engine.assess(words, encoder=False).model_version


def submit(author, article, words=FAIR, **kwargs):
    cache.clear()  # the cooldown between two comments is not what these tests are about
    return services.comment_submit(author=author, article=article, text_raw=words, **kwargs)


def site_settings(article, **fields):
    config, _ = CommentSettings.objects.update_or_create(site_id=article.get_site().pk, defaults=fields)
    return config


def make_moderator(name, languages="", display_name=None):
    user = make_reader(name, display_name=display_name or name)
    user.moderation_languages = languages
    user.save(update_fields=["moderation_languages"])
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator(db):
    return make_moderator("mod_ani", display_name="Ani M.")


@pytest.fixture
def other_moderator(db):
    return make_moderator("mod_davit", display_name="Davit K.")


def place(author, article, status=Status.PUBLISHED, words=FAIR, parent=None, **fields):
    """A comment put straight into a state, with the automatic Decision a submission writes."""
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        status=status,
        text=words,
        html=f"<p>{words}</p>",
        language=fields.pop("language", article.locale.language_code),
        **fields,
    )
    Decision.objects.create(comment=comment, action=Decision.Action.SUBMIT, to_status=status)
    if parent is not None and status == Status.PUBLISHED:
        Comment.objects.filter(pk=comment.root_id).update(reply_count=F("reply_count") + 1)
    return comment


def decide(moderator, comment, action, **kwargs):
    if action == services.REJECT:
        kwargs.setdefault("reason", "abusive")
    return services.comment_moderate(comment_id=comment.pk, moderator=moderator, action=action, **kwargs)


def human_decisions(comment):
    return Decision.objects.filter(comment=comment, actor__isnull=False).exclude(
        action__in=[Decision.Action.SUBMIT, Decision.Action.REPORT, Decision.Action.APPEAL]
    )


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Screening at submission ---------------------------------------------------------------------


@pytest.mark.parametrize(("words", "rules"), HELD_BY_THE_ENGINE)
def test_a_comment_the_rules_would_hold_nudges_the_reader_and_nothing_is_stored(
    reader, article, words, rules
):
    with pytest.raises(errors.Nudge) as nudged:
        submit(reader, article, words)
    nudge = nudged.value
    assert (nudge.code, nudge.status, nudge.would_be) == ("nudge", 409, Status.HELD)
    assert "send it anyway for a moderator to decide" in str(nudge)
    assert set(nudge.rules) == rules
    assert nudge.findings
    for finding in nudge.findings:
        assert finding["rule"] in rules
        assert words[finding["start"] : finding["end"]] == finding["evidence"]
    assert not Comment.objects.filter(author=reader).exists()
    assert not Decision.objects.filter(details__author=reader.pk).exists()


def test_a_nudge_does_not_count_against_the_cooldown(reader, article):
    cache.clear()
    with pytest.raises(errors.Nudge):
        services.comment_submit(author=reader, article=article, text_raw=ARMENIAN_INSULT)
    sent = services.comment_submit(
        author=reader, article=article, text_raw=ARMENIAN_INSULT, acknowledge_rules=True
    )
    assert sent.status == Status.HELD


@pytest.mark.parametrize(("words", "rules"), HELD_BY_THE_ENGINE)
def test_sent_anyway_the_comment_is_held_with_the_automatic_decision(reader, article, words, rules):
    comment = submit(reader, article, words, acknowledge_rules=True)
    comment.refresh_from_db()
    assert comment.status == Status.HELD
    assert comment.held_for in rules
    assert set(comment.scores) == {"abusive", "filthy", "advertising", "off_topic"}
    assert all(comment.scores[rule] >= 0.5 for rule in rules)
    assert {f["rule"] for f in comment.findings} >= rules
    assert comment.model_version == quick_version(words)  # the judgement that answered the reader
    decision = Decision.objects.get(comment=comment)
    assert (decision.action, decision.actor, decision.to_status, decision.reason) == (
        Decision.Action.SUBMIT,
        None,
        Status.HELD,
        comment.held_for,
    )
    assert decision.details["scores"] == comment.scores
    assert decision.details["model_version"] == comment.model_version
    assert decision.details["acknowledged_rules"] is True


def test_near_certain_advertising_is_nudged_as_rejected_and_stored_rejected(reader, article):
    with pytest.raises(errors.Nudge) as nudged:
        submit(reader, article, CERTAIN_ADVERT)
    assert nudged.value.would_be == Status.REJECTED
    assert nudged.value.rules == ["advertising"]
    # The reader is not promised a moderator who would never publish it.
    assert "it will not be published" in str(nudged.value)
    assert "moderator" not in str(nudged.value)
    keys = {f["key"] for f in nudged.value.findings}
    assert {"advertising.phone", "advertising.messenger", "advertising.price"} <= keys

    comment = submit(reader, article, CERTAIN_ADVERT, acknowledge_rules=True)
    comment.refresh_from_db()
    assert (comment.status, comment.held_for) == (Status.REJECTED, "advertising")
    assert comment.scores["advertising"] >= 0.98
    decision = Decision.objects.get(comment=comment)
    assert (decision.actor, decision.to_status, decision.reason) == (None, Status.REJECTED, "advertising")
    assert decision.details["model_version"] == comment.model_version


def test_a_clean_comment_is_published_without_a_nudge(reader, article):
    comment = submit(reader, article)
    assert (comment.status, comment.held_for) == (Status.PUBLISHED, "")
    # The reader is answered on the quick judgement (the slow checks, if any, come after the commit).
    assert comment.model_version == quick_version(FAIR)


def site_hold_of(comment):
    comment.refresh_from_db()
    decision = Decision.objects.get(comment=comment)
    assert (decision.actor, decision.to_status, decision.reason) == (None, comment.status, comment.held_for)
    return comment.status, comment.held_for


def test_site_wide_premoderation_holds_every_comment(reader, article):
    site_settings(article, premoderation="all")
    assert site_hold_of(submit(reader, article)) == (Status.HELD, "premoderation")


def test_a_premoderated_article_holds_its_comments_and_only_its(reader, article, other_article):
    ArticlePage.objects.filter(pk=article.pk).update(comments_premoderated=True)
    article.refresh_from_db()
    assert site_hold_of(submit(reader, article)) == (Status.HELD, "premoderation")
    assert site_hold_of(submit(reader, other_article, "Another point.")) == (Status.PUBLISHED, "")


def test_a_premoderated_reader_is_held(reader, second_reader, article):
    Sanction.objects.create(user=reader, kind=Sanction.Kind.PREMODERATE, reason="Trolling")
    assert site_hold_of(submit(reader, article)) == (Status.HELD, "premoderated_reader")
    assert site_hold_of(submit(second_reader, article)) == (Status.PUBLISHED, "")


def test_a_new_commenter_first_two_comments_are_held_and_the_third_published(reader, article):
    site_settings(article, new_commenter_holds=2)
    first = submit(reader, article, "First thoughts.")
    second = submit(reader, article, "Second thoughts.")
    third = submit(reader, article, "Third thoughts.")
    assert [site_hold_of(c) for c in (first, second, third)] == [
        (Status.HELD, "new_commenter"),
        (Status.HELD, "new_commenter"),
        (Status.PUBLISHED, ""),
    ]


def test_a_link_from_a_reader_without_a_published_comment_is_held(reader, article):
    site_settings(article, hold_links=True)
    assert site_hold_of(submit(reader, article, OFFICIAL_LINK)) == (Status.HELD, "links")


def test_the_same_link_from_a_reader_with_a_published_comment_is_published(reader, article):
    site_settings(article, hold_links=True)
    assert submit(reader, article).status == Status.PUBLISHED
    assert site_hold_of(submit(reader, article, OFFICIAL_LINK)) == (Status.PUBLISHED, "")


def test_with_the_engine_switched_off_every_comment_is_held_unscreened(reader, article):
    site_settings(article, engine_enabled=False)
    comment = submit(reader, article, ARMENIAN_INSULT)  # no nudge: nothing judged it
    assert site_hold_of(comment) == (Status.HELD, "engine_off")
    assert comment.scores == {} and comment.model_version == ""


def test_when_the_engine_fails_the_comment_is_held_not_published(reader, article, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr("tribune.houserules.assess", broken)
    assert site_hold_of(submit(reader, article)) == (Status.HELD, "engine_unavailable")


def test_when_one_rule_fails_the_comment_is_held_saying_the_engine_was_unavailable(
    reader, article, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr(engine.abusive, "score", broken)
    comment = submit(reader, article)
    assert site_hold_of(comment) == (Status.HELD, "engine_unavailable")
    assert Decision.objects.get(comment=comment).details["errors"] == ["abusive"]


def test_a_warned_reader_is_refused_until_they_acknowledge_the_warning(reader, article, moderator):
    sanction_impose(user=reader, kind="warn", moderator=moderator, reason="Mind your language.")
    with pytest.raises(errors.WarningUnacknowledged) as refused:
        submit(reader, article)
    assert "Mind your language." in str(refused.value)
    assert not Comment.objects.filter(author=reader).exists()
    assert warning_acknowledge(user=reader) == 1
    assert submit(reader, article).status == Status.PUBLISHED


def test_a_suspended_reader_is_refused_with_the_reason_and_until_when(reader, article, moderator):
    sanction = sanction_impose(
        user=reader, kind="suspend", moderator=moderator, reason="Insults", duration="24h"
    )
    with pytest.raises(errors.AccountRestricted) as refused:
        submit(reader, article)
    assert "Insults" in str(refused.value)
    assert refused.value.standing.until == sanction.ends_at
    assert not Comment.objects.filter(author=reader).exists()


def test_a_banned_reader_is_refused_with_the_reason_for_good(reader, article, moderator):
    sanction_impose(user=reader, kind="ban", moderator=moderator, reason="Spam accounts")
    with pytest.raises(errors.AccountRestricted) as refused:
        submit(reader, article)
    assert "Spam accounts" in str(refused.value)
    assert refused.value.standing.until is None


# Decisions: each action from each status ----------------------------------------------------


def in_state(state, author, article, by):
    """A comment of `author` in one of the desk's states; earlier decisions are `by`'s."""
    if state in ("held", "pending"):
        return place(author, article, status=state, held_for="abusive" if state == "held" else "")
    comment = place(author, article, status=Status.HELD, held_for="abusive")
    if state == "published":  # never looked at: the Unmoderated queue
        Comment.objects.filter(pk=comment.pk).update(status=Status.PUBLISHED, held_for="")
    elif state == "approved":
        decide(by, comment, services.APPROVE)
    elif state == "featured":
        decide(by, comment, services.APPROVE)
        decide(by, comment, services.FEATURE)
    elif state == "rejected":
        decide(by, comment, services.REJECT)
    elif state == "removed":
        decide(by, comment, services.DELETE)
    elif state == "author_deleted":
        Comment.objects.filter(pk=comment.pk).update(status=Status.PUBLISHED)
        comment.refresh_from_db()
        services.comment_delete(comment=comment, actor=author)
    comment.refresh_from_db()
    return comment


AFTER = {
    "approve": (Status.PUBLISHED, Decision.Action.APPROVE),
    "reject": (Status.REJECTED, Decision.Action.REJECT),
    "delete": (Status.DELETED, Decision.Action.REMOVE),
    "restore": (Status.PUBLISHED, Decision.Action.RESTORE),
    "feature": (Status.PUBLISHED, Decision.Action.FEATURE),
    "unfeature": (Status.PUBLISHED, Decision.Action.UNFEATURE),
}
ALLOWED = [
    ("approve", "held"),
    ("approve", "pending"),
    ("approve", "published"),
    ("reject", "held"),
    ("reject", "pending"),
    ("reject", "published"),
    ("reject", "approved"),
    ("delete", "held"),
    ("delete", "published"),
    ("delete", "approved"),
    ("delete", "rejected"),
    ("restore", "rejected"),
    ("restore", "removed"),
    ("feature", "published"),
    ("feature", "approved"),
    ("unfeature", "featured"),
]
REFUSED = [
    ("approve", "approved", errors.AlreadyDecided),
    ("approve", "featured", errors.AlreadyDecided),
    ("approve", "rejected", errors.AlreadyDecided),
    ("approve", "removed", errors.AlreadyDecided),
    ("approve", "author_deleted", errors.NotAllowedNow),
    ("reject", "rejected", errors.AlreadyDecided),
    ("reject", "removed", errors.AlreadyDecided),
    ("reject", "author_deleted", errors.NotAllowedNow),
    ("delete", "removed", errors.AlreadyDecided),
    ("delete", "author_deleted", errors.NotAllowedNow),
    ("restore", "held", errors.NotAllowedNow),
    ("restore", "published", errors.NotAllowedNow),
    ("restore", "approved", errors.NotAllowedNow),
    ("restore", "author_deleted", errors.NotAllowedNow),
    ("feature", "held", errors.NotAllowedNow),
    ("feature", "rejected", errors.NotAllowedNow),
    ("feature", "featured", errors.NotAllowedNow),
    ("unfeature", "published", errors.NotAllowedNow),
    ("unfeature", "held", errors.NotAllowedNow),
]


@pytest.mark.parametrize(("action", "state"), ALLOWED)
def test_each_allowed_decision_changes_the_status_and_writes_its_decision(
    reader, article, moderator, other_moderator, action, state
):
    comment = in_state(state, reader, article, by=other_moderator)
    from_status = comment.status
    decided = decide(moderator, comment, action)
    decided.refresh_from_db()
    to_status, decision_action = AFTER[action]
    assert decided.status == to_status
    assert decided.featured is (action == "feature")
    assert (decided.reviewed_by, decided.claimed_by) == (moderator, None)
    decision = human_decisions(comment).filter(actor=moderator).get()
    assert (decision.action, decision.from_status, decision.to_status) == (
        decision_action,
        from_status,
        to_status,
    )
    assert decision.details["model_version"] == comment.model_version


@pytest.mark.parametrize(("action", "state", "refusal"), REFUSED)
def test_each_decision_a_status_does_not_allow_is_refused_and_changes_nothing(
    reader, article, moderator, other_moderator, action, state, refusal
):
    comment = in_state(state, reader, article, by=other_moderator)
    before = Comment.objects.filter(pk=comment.pk).values().get()
    with pytest.raises(refusal) as refused:
        decide(moderator, comment, action)
    if refusal is errors.AlreadyDecided:
        assert "Davit K." in str(refused.value)
    assert Comment.objects.filter(pk=comment.pk).values().get() == before
    assert not human_decisions(comment).filter(actor=moderator).exists()


def test_the_reply_count_follows_a_reply_in_and_out_of_view(reader, second_reader, article, moderator):
    root = place(reader, article)
    reply = place(second_reader, article, status=Status.HELD, parent=root)

    def count():
        root.refresh_from_db()
        return root.reply_count

    assert count() == 0
    decide(moderator, reply, services.APPROVE)
    assert count() == 1
    decide(moderator, reply, services.FEATURE)
    assert count() == 1
    decide(moderator, reply, services.REJECT)
    assert count() == 0
    decide(moderator, reply, services.RESTORE)
    assert count() == 1
    decide(moderator, reply, services.DELETE)
    assert count() == 0
    decide(moderator, reply, services.RESTORE)
    assert count() == 1


@pytest.mark.parametrize("action", [services.APPROVE, services.REJECT, services.DELETE])
def test_a_decision_resolves_the_reports_of_the_comment(reader, second_reader, article, moderator, action):
    comment = place(reader, article)
    other = place(reader, article, words="Another comment.")
    third_reader = make_reader("reader_three")
    for reporter in (second_reader, third_reader):
        services.comment_report(comment=comment, reporter=reporter, reason="off_topic")
    services.comment_report(comment=other, reporter=second_reader, reason="off_topic")
    decide(moderator, comment, action)
    comment.refresh_from_db()
    assert comment.open_reports == 0
    assert not Report.objects.filter(comment=comment, resolved_at__isnull=True).exists()
    assert Decision.objects.get(comment=comment, actor=moderator).details["open_reports"] == 2
    assert Report.objects.get(comment=other).resolved_at is None


def test_featuring_a_reported_comment_leaves_its_reports_open(reader, second_reader, article, moderator):
    comment = place(reader, article)
    services.comment_report(comment=comment, reporter=second_reader, reason="off_topic")
    decide(moderator, comment, services.FEATURE)
    comment.refresh_from_db()
    assert comment.open_reports == 1
    assert Report.objects.get(comment=comment).resolved_at is None


def test_an_approved_comment_reported_again_can_be_approved_again(
    reader, second_reader, article, moderator, other_moderator
):
    comment = in_state("approved", reader, article, by=other_moderator)
    services.comment_report(comment=comment, reporter=second_reader, reason="abusive")
    decide(moderator, comment, services.APPROVE)
    comment.refresh_from_db()
    assert (comment.status, comment.open_reports, comment.reviewed_by) == (
        Status.PUBLISHED,
        0,
        moderator,
    )


def test_a_rejection_without_a_reason_is_refused(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    for reason in ("", "boring"):
        with pytest.raises(errors.ReasonRequired):
            decide(moderator, comment, services.REJECT, reason=reason)
    comment.refresh_from_db()
    assert comment.status == Status.HELD
    assert not human_decisions(comment).exists()


def test_the_reason_other_needs_a_note_for_the_author(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    with pytest.raises(errors.NoteRequired):
        decide(moderator, comment, services.REJECT, reason="other", note="   ")
    with pytest.raises(errors.NoteRequired):
        decide(moderator, comment, services.DELETE, reason="other")
    decide(moderator, comment, services.REJECT, reason="other", note="A personal address.")
    decision = human_decisions(comment).get()
    assert (decision.reason, decision.note) == ("other", "A personal address.")


def test_an_unknown_action_is_refused(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    with pytest.raises(errors.InvalidAction):
        decide(moderator, comment, "hide")


def test_a_decision_on_a_stale_view_is_refused_naming_the_moderator_who_decided(
    reader, article, moderator, other_moderator
):
    comment = place(reader, article, status=Status.HELD)
    seen = Decision.objects.filter(comment=comment).latest("pk").pk
    decide(other_moderator, comment, services.APPROVE, seen=seen)
    with pytest.raises(errors.AlreadyDecided) as refused:
        decide(moderator, comment, services.REJECT, seen=seen)
    assert "Davit K." in str(refused.value)
    assert refused.value.status == 409
    comment.refresh_from_db()
    assert (comment.status, comment.reviewed_by) == (Status.PUBLISHED, other_moderator)
    assert human_decisions(comment).count() == 1


def test_a_moderators_own_earlier_decision_does_not_make_their_view_stale(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    seen = Decision.objects.filter(comment=comment).latest("pk").pk
    decide(moderator, comment, services.APPROVE, seen=seen)
    decide(moderator, comment, services.FEATURE, seen=seen)
    comment.refresh_from_db()
    assert comment.featured


def test_a_moderator_limited_to_other_languages_is_refused(reader, article):
    limited = make_moderator("mod_hy_ru", languages="hy ru")
    comment = place(reader, article, status=Status.HELD)  # an English thread
    with pytest.raises(errors.LanguageNotAllowed):
        decide(limited, comment, services.APPROVE)
    armenian = place(reader, article, status=Status.HELD, language="hy")
    decide(limited, armenian, services.APPROVE)
    comment.refresh_from_db()
    armenian.refresh_from_db()
    assert (comment.status, armenian.status) == (Status.HELD, Status.PUBLISHED)


def test_a_reader_may_not_decide_even_with_a_wrong_request(reader, second_reader, article):
    comment = place(reader, article, status=Status.HELD)
    with pytest.raises(errors.NotModerator):
        decide(second_reader, comment, services.APPROVE)
    with pytest.raises(errors.NotModerator):
        decide(second_reader, comment, services.REJECT, reason="")
    comment.refresh_from_db()
    assert comment.status == Status.HELD


def test_a_decision_on_a_comment_that_is_gone_is_refused(reader, article, moderator):
    with pytest.raises(errors.CommentGone):
        services.comment_moderate(comment_id=999_999_999, moderator=moderator, action=services.APPROVE)
    comment = place(reader, article, status=Status.HELD)
    comment_id = comment.pk
    comment.delete()
    with pytest.raises(errors.CommentGone):
        services.comment_moderate(comment_id=comment_id, moderator=moderator, action=services.APPROVE)


def test_the_status_change_is_undone_when_its_decision_cannot_be_written(
    reader, second_reader, article, moderator, monkeypatch
):
    root = place(second_reader, article)
    comment = place(reader, article, parent=root)
    services.comment_report(comment=comment, reporter=second_reader, reason="abusive")
    before = Comment.objects.filter(pk=comment.pk).values().get()

    def broken(**kwargs):
        raise RuntimeError("the audit table is full")

    monkeypatch.setattr(Decision.objects, "create", broken)
    with pytest.raises(RuntimeError):
        decide(moderator, comment, services.REJECT)
    monkeypatch.undo()
    assert Comment.objects.filter(pk=comment.pk).values().get() == before
    assert Comment.objects.get(pk=root.pk).reply_count == 1
    assert Report.objects.get(comment=comment).resolved_at is None
    assert not Notice.objects.filter(user=reader).exists()


NOTICES = [
    ("held", services.APPROVE, "approved"),
    ("held", services.REJECT, "rejected"),
    ("published", services.DELETE, "removed"),
    ("rejected", services.RESTORE, "restored"),
    ("published", services.FEATURE, "featured"),
    ("published", services.APPROVE, None),  # already visible: nothing to tell
    ("featured", services.UNFEATURE, None),
]


@pytest.mark.parametrize(("state", "action", "kind"), NOTICES)
def test_the_author_is_told_of_a_decision_that_changes_their_comment(
    reader, article, moderator, other_moderator, state, action, kind
):
    comment = in_state(state, reader, article, by=other_moderator)
    Notice.objects.filter(user=reader).delete()
    decide(moderator, comment, action, note="See rule 3." if action == services.REJECT else "")
    found = list(Notice.objects.filter(user=reader))
    assert [n.kind for n in found] == ([kind] if kind else [])
    if kind:
        assert found[0].params["comment"] == comment.pk
        assert found[0].params["article"] == article.title
    if kind == "rejected":
        assert found[0].params["rule"] == "abusive"
        assert found[0].params["note"] == "See rule 3."
        assert found[0].params["days"] == services.comment_settings().appeal_days


def test_the_author_gets_one_email_after_commit_in_their_language(
    reader, article, moderator, django_capture_on_commit_callbacks
):
    reader.language = "ru"
    reader.save(update_fields=["language"])
    comment = place(reader, article, status=Status.HELD)
    mail.outbox.clear()
    with translation.override("hy"), django_capture_on_commit_callbacks(execute=True):
        decide(moderator, comment, services.REJECT, note="Переход на личности.")
        assert mail.outbox == []  # nothing leaves before the decision is committed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.subject == "Ваш комментарий не опубликован"
    notice = Notice.objects.get(user=reader)
    with translation.override("ru"):
        assert message.subject == notices.subject(notice)
        assert notices.body(notice) in message.body
    assert notice.emailed_at is not None
    assert notices.deliver_email(notice.pk) is False  # a task run twice sends no second mail
    assert len(mail.outbox) == 1


def test_a_webhook_that_cannot_be_reached_does_not_stop_the_decision(
    reader, article, moderator, django_capture_on_commit_callbacks
):
    hook = Webhook.objects.create(
        name="Newsroom tools", url=f"http://127.0.0.1:{closed_port()}/hook", secret="s3cret"
    )
    comment = place(reader, article, status=Status.HELD)
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator, comment, services.APPROVE)
    hook.refresh_from_db()
    assert hook.last_status.startswith("error")
    assert hook.last_delivery_at is not None
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert human_decisions(comment).count() == 1


# Bulk decisions ------------------------------------------------------------------------------


def test_a_bulk_decision_decides_what_it_may_and_says_why_it_skipped_the_rest(
    reader, second_reader, article, other_article, moderator, other_moderator
):
    held = [place(reader, article, status=Status.HELD, words=f"held {n}") for n in range(2)]
    rejected = in_state("rejected", second_reader, article, by=other_moderator)
    elsewhere = place(reader, other_article, status=Status.HELD)
    untouched = place(second_reader, article, status=Status.HELD)
    ids = [c.pk for c in held] + [rejected.pk, 999_999_999, held[0].pk]
    decided, refused = services.comments_moderate_bulk(
        comment_ids=[str(i) for i in ids], moderator=moderator, action=services.APPROVE
    )
    assert decided == [c.pk for c in held]
    assert set(refused) == {rejected.pk, 999_999_999}
    assert "Davit K." in refused[rejected.pk]
    assert refused[999_999_999] == str(errors.CommentGone())
    for comment in (rejected, elsewhere, untouched):
        before = comment.status
        comment.refresh_from_db()
        assert comment.status == before
    assert not human_decisions(elsewhere).exists() and not human_decisions(untouched).exists()
    for comment in held:
        assert human_decisions(comment).get().actor == moderator


def test_a_bulk_decision_skips_comments_decided_by_someone_else_since_the_list_was_drawn(
    reader, article, moderator, other_moderator
):
    first, second = (place(reader, article, status=Status.HELD, words=f"held {n}") for n in range(2))
    seen = Decision.objects.latest("pk").pk
    decide(other_moderator, second, services.REJECT)
    decided, refused = services.comments_moderate_bulk(
        comment_ids=[first.pk, second.pk], moderator=moderator, action=services.APPROVE, seen=seen
    )
    assert decided == [first.pk]
    assert "Davit K." in refused[second.pk]
    second.refresh_from_db()
    assert second.status == Status.REJECTED


def test_a_bulk_rejection_without_a_reason_is_refused_whole(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    with pytest.raises(errors.ReasonRequired):
        services.comments_moderate_bulk(comment_ids=[comment.pk], moderator=moderator, action="reject")
    comment.refresh_from_db()
    assert comment.status == Status.HELD


def test_a_bulk_decision_skips_the_languages_the_moderator_does_not_moderate(reader, article):
    limited = make_moderator("mod_ru", languages="ru")
    english = place(reader, article, status=Status.HELD)
    russian = place(reader, article, status=Status.HELD, words="Русский", language="ru")
    decided, refused = services.comments_moderate_bulk(
        comment_ids=[english.pk, russian.pk], moderator=limited, action=services.APPROVE
    )
    assert decided == [russian.pk]
    assert list(refused) == [english.pk]


def test_rejecting_all_of_an_authors_comments_on_an_article_leaves_the_rest_alone(
    reader, second_reader, article, other_article, moderator, other_moderator
):
    held = place(reader, article, status=Status.HELD, words="one")
    published = place(reader, article, words="two")
    approved = in_state("approved", reader, article, by=other_moderator)
    already = in_state("rejected", reader, article, by=other_moderator)
    gone = in_state("author_deleted", reader, article, by=other_moderator)
    elsewhere = place(reader, other_article, words="three")
    someone_else = place(second_reader, article, words="four")
    decided, refused = services.comments_reject_author_on_article(
        author_id=reader.pk, article_id=article.pk, moderator=moderator, reason="abusive", note="Trolling."
    )
    assert sorted(decided) == sorted([held.pk, published.pk, approved.pk])
    assert refused == {}
    for comment in (held, published, approved):
        comment.refresh_from_db()
        assert comment.status == Status.REJECTED
        decision = human_decisions(comment).filter(actor=moderator).get()
        assert (decision.reason, decision.note) == ("abusive", "Trolling.")
    for comment, status in (
        (already, Status.REJECTED),
        (gone, Status.DELETED),
        (elsewhere, Status.PUBLISHED),
        (someone_else, Status.PUBLISHED),
    ):
        comment.refresh_from_db()
        assert comment.status == status
        assert not human_decisions(comment).filter(actor=moderator).exists()


# Claims --------------------------------------------------------------------------------------


def test_the_first_moderator_claims_and_the_second_sees_who_has_it(
    reader, article, moderator, other_moderator
):
    comment = place(reader, article, status=Status.HELD)
    assert services.comment_claim(comment_id=comment.pk, moderator=moderator) == moderator
    assert services.comment_claim(comment_id=comment.pk, moderator=other_moderator) == moderator
    assert services.comment_claim(comment_id=comment.pk, moderator=moderator) == moderator
    comment.refresh_from_db()
    assert comment.claimed_by == moderator


def test_a_claim_lapses_after_five_minutes(reader, article, moderator, other_moderator, monkeypatch):
    comment = place(reader, article, status=Status.HELD)
    start = timezone.now()
    services.comment_claim(comment_id=comment.pk, moderator=moderator)
    monkeypatch.setattr(services.timezone, "now", lambda: start + datetime.timedelta(minutes=4, seconds=50))
    assert services.comment_claim(comment_id=comment.pk, moderator=other_moderator) == moderator
    monkeypatch.setattr(services.timezone, "now", lambda: start + datetime.timedelta(minutes=5, seconds=1))
    assert services.comment_claim(comment_id=comment.pk, moderator=other_moderator) == other_moderator


def test_a_decision_releases_the_claim(reader, article, moderator, other_moderator):
    comment = place(reader, article, status=Status.HELD)
    services.comment_claim(comment_id=comment.pk, moderator=moderator)
    decide(moderator, comment, services.APPROVE)
    comment.refresh_from_db()
    assert (comment.claimed_by, comment.claimed_until) == (None, None)


def test_a_claim_needs_a_moderator_and_a_comment(reader, second_reader, article, moderator):
    comment = place(reader, article, status=Status.HELD)
    with pytest.raises(errors.NotModerator):
        services.comment_claim(comment_id=comment.pk, moderator=second_reader)
    with pytest.raises(errors.CommentGone):
        services.comment_claim(comment_id=999_999_999, moderator=moderator)


# Appeals -------------------------------------------------------------------------------------


def appeal(comment, author, words="Please look again: I criticised the work, not the person."):
    comment.refresh_from_db()
    return services.comment_appeal(comment=comment, author=author, text_raw=words)


def test_the_author_appeals_a_moderators_rejection_once(reader, article, other_moderator):
    comment = in_state("rejected", reader, article, by=other_moderator)
    made = appeal(comment, reader)
    assert (made.author, made.outcome) == (reader, Appeal.Outcome.OPEN)
    logged = Decision.objects.get(comment=comment, action=Decision.Action.APPEAL)
    assert (logged.actor, logged.to_status) == (reader, Status.REJECTED)
    with pytest.raises(errors.AlreadyAppealed):
        appeal(comment, reader, "Once more.")
    assert Appeal.objects.filter(comment=comment).count() == 1


def test_a_moderators_removal_can_be_appealed(reader, article, other_moderator):
    comment = in_state("removed", reader, article, by=other_moderator)
    assert appeal(comment, reader).outcome == Appeal.Outcome.OPEN


def test_only_the_author_appeals(reader, second_reader, article, other_moderator):
    comment = in_state("rejected", reader, article, by=other_moderator)
    with pytest.raises(errors.AppealNotAllowed):
        appeal(comment, second_reader)


@pytest.mark.parametrize("state", ["held", "published", "approved", "author_deleted"])
def test_only_a_moderators_rejection_or_removal_can_be_appealed(reader, article, other_moderator, state):
    comment = in_state(state, reader, article, by=other_moderator)
    with pytest.raises(errors.AppealNotAllowed):
        appeal(comment, reader)


def test_a_rejection_by_the_house_rules_alone_cannot_be_appealed(reader, article):
    comment = submit(reader, article, CERTAIN_ADVERT, acknowledge_rules=True)
    assert comment.status == Status.REJECTED
    with pytest.raises(errors.AppealNotAllowed):
        appeal(comment, reader)


def test_a_rejected_comment_its_author_then_deleted_cannot_be_appealed(reader, article, other_moderator):
    comment = in_state("rejected", reader, article, by=other_moderator)
    services.comment_delete(comment=comment, actor=reader)
    with pytest.raises(errors.AppealNotAllowed):
        appeal(comment, reader)


def test_an_appeal_after_the_appeal_period_is_refused(reader, article, other_moderator):
    comment = in_state("rejected", reader, article, by=other_moderator)
    days = services.comment_settings().appeal_days
    Decision.objects.filter(comment=comment, action=Decision.Action.REJECT).update(
        created_at=timezone.now() - datetime.timedelta(days=days, minutes=1)
    )
    with pytest.raises(errors.AppealClosed) as refused:
        appeal(comment, reader)
    assert str(days) in str(refused.value)
    assert not Appeal.objects.filter(comment=comment).exists()


def test_an_appeal_that_is_empty_is_refused(reader, article, other_moderator):
    comment = in_state("rejected", reader, article, by=other_moderator)
    with pytest.raises(errors.EmptyComment):
        appeal(comment, reader, "   ")


@pytest.fixture
def appealed_reply(reader, second_reader, article, other_moderator):
    """A reply rejected by Davit and appealed by its author."""
    root = place(second_reader, article)
    reply = place(reader, article, status=Status.HELD, parent=root)
    decide(other_moderator, reply, services.REJECT)
    return appeal(reply, reader)


def test_restoring_on_appeal_publishes_the_comment_again_and_tells_the_author(
    reader, moderator, appealed_reply
):
    decided = services.appeal_decide(
        appeal_id=appealed_reply.pk, moderator=moderator, restore=True, note="Fair criticism."
    )
    assert (decided.outcome, decided.decided_by, decided.note) == (
        Appeal.Outcome.RESTORED,
        moderator,
        "Fair criticism.",
    )
    comment = Comment.objects.get(pk=appealed_reply.comment_id)
    assert comment.status == Status.PUBLISHED
    assert comment.root.reply_count == 1
    decision = human_decisions(comment).filter(actor=moderator).get()
    assert (decision.action, decision.reason, decision.details["appeal"]) == (
        Decision.Action.RESTORE,
        "appeal",
        appealed_reply.pk,
    )
    notice = Notice.objects.filter(user=reader).first()
    assert (notice.kind, notice.params["comment"]) == ("appeal_restored", comment.pk)


def test_upholding_an_appeal_keeps_the_decision_and_tells_the_author(reader, moderator, appealed_reply):
    services.appeal_decide(appeal_id=appealed_reply.pk, moderator=moderator, restore=False, note="No.")
    appealed_reply.refresh_from_db()
    assert appealed_reply.outcome == Appeal.Outcome.UPHELD
    comment = Comment.objects.get(pk=appealed_reply.comment_id)
    assert comment.status == Status.REJECTED
    assert comment.root.reply_count == 0
    decision = human_decisions(comment).filter(actor=moderator).get()
    assert (decision.action, decision.from_status, decision.to_status) == (
        Decision.Action.UPHOLD,
        Status.REJECTED,
        Status.REJECTED,
    )
    notice = Notice.objects.filter(user=reader).first()
    assert (notice.kind, notice.params["note"]) == ("appeal_upheld", "No.")
    with pytest.raises(errors.AlreadyAppealed):
        appeal(comment, reader, "And again.")


def test_an_appeal_is_decided_once_and_the_second_moderator_is_told_by_whom(
    moderator, other_moderator, appealed_reply
):
    services.appeal_decide(appeal_id=appealed_reply.pk, moderator=other_moderator, restore=False)
    with pytest.raises(errors.AppealAlreadyDecided) as refused:
        services.appeal_decide(appeal_id=appealed_reply.pk, moderator=moderator, restore=True)
    assert "Davit K." in str(refused.value)
    comment = Comment.objects.get(pk=appealed_reply.comment_id)
    assert comment.status == Status.REJECTED
    assert not human_decisions(comment).filter(actor=moderator).exists()


def test_an_appeal_is_decided_by_a_moderator_of_its_language(second_reader, appealed_reply):
    with pytest.raises(errors.NotModerator):
        services.appeal_decide(appeal_id=appealed_reply.pk, moderator=second_reader, restore=True)
    with pytest.raises(errors.LanguageNotAllowed):
        services.appeal_decide(
            appeal_id=appealed_reply.pk, moderator=make_moderator("mod_hy", languages="hy"), restore=True
        )
    appealed_reply.refresh_from_db()
    assert appealed_reply.outcome == Appeal.Outcome.OPEN


def test_restoring_an_appealed_comment_from_the_desk_answers_the_appeal(moderator, appealed_reply):
    comment = appealed_reply.comment
    decide(moderator, comment, services.RESTORE)
    appealed_reply.refresh_from_db()
    assert (appealed_reply.outcome, appealed_reply.decided_by) == (Appeal.Outcome.RESTORED, moderator)


# Screening again after a model change --------------------------------------------------------


def test_a_published_comment_nobody_reviewed_is_held_if_the_current_model_would_hold_it(
    reader, second_reader, article
):
    root = place(second_reader, article)
    reply = place(reader, article, words=ARMENIAN_INSULT, parent=root, model_version="houserules-old")
    assert Comment.objects.get(pk=root.pk).reply_count == 1
    services.comment_rescreen(comment_id=reply.pk)
    reply.refresh_from_db()
    assert (reply.status, reply.held_for) == (Status.HELD, "abusive")
    assert reply.model_version == engine.model_version()
    assert reply.scores["abusive"] >= 0.5
    assert Comment.objects.get(pk=root.pk).reply_count == 0
    decision = Decision.objects.get(comment=reply, action=Decision.Action.RESCREEN)
    assert (decision.actor, decision.from_status, decision.to_status, decision.reason) == (
        None,
        Status.PUBLISHED,
        Status.HELD,
        "abusive",
    )
    assert decision.details["model_version"] == engine.model_version()


def test_a_clean_comment_screened_again_stays_published_with_new_scores(reader, article):
    comment = place(reader, article, model_version="houserules-old")
    services.comment_rescreen(comment_id=comment.pk)
    comment.refresh_from_db()
    assert (comment.status, comment.model_version) == (Status.PUBLISHED, engine.model_version())
    assert Decision.objects.get(comment=comment, action=Decision.Action.RESCREEN).reason == ""


def test_a_comment_a_moderator_reviewed_is_not_screened_again(reader, article, moderator):
    comment = place(reader, article, status=Status.HELD, words=ARMENIAN_INSULT, model_version="old")
    decide(moderator, comment, services.APPROVE)
    services.comment_rescreen(comment_id=comment.pk)
    comment.refresh_from_db()
    assert (comment.status, comment.model_version) == (Status.PUBLISHED, "old")
    assert not Decision.objects.filter(comment=comment, action=Decision.Action.RESCREEN).exists()


def test_screening_again_a_deleted_or_missing_comment_returns_quietly(reader, article):
    deleted = place(reader, article, status=Status.DELETED, words=ARMENIAN_INSULT)
    assert services.comment_rescreen(comment_id=deleted.pk).status == Status.DELETED
    assert services.comment_rescreen(comment_id=999_999_999) is None
    assert not Decision.objects.filter(comment=deleted, action=Decision.Action.RESCREEN).exists()


def test_screening_again_while_the_engine_fails_changes_nothing(reader, article, monkeypatch):
    comment = place(reader, article, words=ARMENIAN_INSULT, model_version="old")

    def broken(*args, **kwargs):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr("tribune.houserules.assess", broken)
    services.comment_rescreen(comment_id=comment.pk)
    comment.refresh_from_db()
    assert (comment.status, comment.model_version) == (Status.PUBLISHED, "old")
    assert not Decision.objects.filter(comment=comment, action=Decision.Action.RESCREEN).exists()
