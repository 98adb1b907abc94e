"""The desk's figures computed over the database, without a request: the log and its CSV, the
dashboard, the policy's precision and recall, and the labelled export."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from tribune.comments import services
from tribune.comments.models import Comment, CommentSettings, Decision, PolicyThreshold, Status
from tribune.desk import reports
from tribune.houserules import DEFAULT_POLICY
from tribune.houserules.__main__ import main as houserules_main

from .conftest import make_comment, make_user

pytestmark = pytest.mark.django_db

INSULT_HY = "Հեղինակը ապուշ է, ոչինչ չի հասկանում այս թեմայից։"
MAT_RU = "Опять эти депутаты, бл*дь, ничего не меняется."
ADVERT_EN = "For anyone affected: our firm fixes roofs quickly, phone +374 91 555 123."


def advert(number):
    """Another advert the rules hold (not reject): a different phone number."""
    return f"For anyone affected: our firm fixes roofs quickly, phone +374 91 555 1{number:02d}."


@pytest.fixture(autouse=True)
def no_other_comments(db):
    """Only the comments a test makes: the demo's are removed (the test's transaction restores them).
    Rate limits, kept in a cache that parallel test processes may share, are not tested here."""
    Comment.objects.all().delete()
    CommentSettings.objects.update(
        min_seconds_between_comments=0, comments_per_hour=32767, reports_per_hour=32767
    )


def submit(author, article, words, **kwargs):
    return services.comment_submit(
        author=author, article=article, text_raw=words, acknowledge_rules=True, **kwargs
    )


def decide(comment, moderator, action, reason="", note=""):
    return services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action=action, reason=reason, note=note
    )


def backdate(comment, *, submitted_minutes_ago, decided_minutes_ago=None):
    """Move a comment's submission (and its decisions after submission) into the past."""
    now = timezone.now()
    Comment.objects.filter(pk=comment.pk).update(
        created_at=now - datetime.timedelta(minutes=submitted_minutes_ago)
    )
    Decision.objects.filter(comment=comment, action=Decision.Action.SUBMIT).update(
        created_at=now - datetime.timedelta(minutes=submitted_minutes_ago)
    )
    if decided_minutes_ago is not None:
        Decision.objects.filter(comment=comment).exclude(action=Decision.Action.SUBMIT).update(
            created_at=now - datetime.timedelta(minutes=decided_minutes_ago)
        )


# The log ---------------------------------------------------------------------------------------


def test_the_log_lists_every_decision_newest_first(reader, moderator, article):
    comment = submit(reader, article, "A fair point about the budget.")
    decide(comment, moderator, "reject", "off_topic")
    rows = list(reports.decision_log())
    assert [(d.action, d.actor) for d in rows] == [("reject", moderator), ("submit", None)]
    assert rows[0].article_title == article.title
    assert rows[0].language == "en"


def test_the_log_filters_by_action_actor_reason_language_article_dates_and_comment(
    reader, second_reader, moderator, article, hy_article
):
    en = submit(reader, article, "A fair point about the budget.")
    hy = submit(second_reader, hy_article, INSULT_HY)
    decide(en, moderator, "reject", "off_topic")
    decide(hy, moderator, "approve")
    log = reports.decision_log

    assert {d.action for d in log(action="approve")} == {"approve"}
    assert {d.actor_id for d in log(actor=str(moderator.pk))} == {moderator.pk}
    assert {(d.action, d.actor_id) for d in log(actor="system")} == {("submit", None)}
    assert [d.comment_id for d in log(reason="off_topic")] == [en.pk]
    assert [(d.comment_id, d.action) for d in log(reason="abusive")] == [(hy.pk, "submit")]
    assert {d.comment_id for d in log(language="hy")} == {hy.pk}
    assert {d.comment_id for d in log(article=str(hy_article.pk))} == {hy.pk}
    assert {d.comment_id for d in log(article=hy_article.title[3:15])} == {hy.pk}
    assert {d.comment_id for d in log(article=article.title[:12].upper())} == {en.pk}
    assert {d.comment_id for d in log(comment_id=en.pk)} == {en.pk}
    today = timezone.localdate()
    assert log(since=today, until=today).count() == 4
    assert log(until=today - datetime.timedelta(days=1)).count() == 0
    assert log(since=today + datetime.timedelta(days=1)).count() == 0


def test_a_moderator_of_one_language_sees_only_its_decisions(reader, moderator, article, hy_article):
    submit(reader, article, "A fair point about the budget.")
    armenian = submit(reader, hy_article, "Շնորհակալություն, շատ հետաքրքիր նյութ է։")
    hy_only = make_user("hy_only", groups=["Moderators"], moderation_languages="hy")
    assert reports.languages_of(hy_only) == ("hy",)
    assert reports.languages_of(moderator) == ("en", "ru", "hy")
    rows = list(reports.decision_log(languages=reports.languages_of(hy_only)))
    assert [d.comment_id for d in rows] == [armenian.pk]


def test_a_cell_that_a_spreadsheet_would_run_is_quoted():
    assert reports.safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    for start in "=+-@":
        assert reports.safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert reports.safe_cell("\tcmd") == "'\tcmd"
    assert reports.safe_cell("plain words") == "plain words"
    assert reports.safe_cell(12) == "12"
    assert reports.safe_cell(None) == ""


def test_the_csv_starts_with_a_byte_order_mark_and_carries_each_decision(reader, moderator, article):
    comment = submit(reader, article, "A fair point about the budget.")
    decide(comment, moderator, "reject", "other", note="=cmd|' /C calc'!A0")
    text = "".join(reports.csv_lines(reports.decision_log()))
    assert text.startswith("\ufeffdecision,time,comment,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row["action"] for row in rows] == ["reject", "submit"]
    assert rows[0]["actor"] == moderator.username
    assert rows[0]["note"] == "'=cmd|' /C calc'!A0"
    assert rows[1]["actor"] == "system"
    assert rows[1]["model_version"] == comment.model_version
    assert json.loads(rows[1]["scores"]) == comment.scores


# The dashboard ---------------------------------------------------------------------------------


def test_the_dashboard_counts_per_rule_and_language(reader, second_reader, moderator, article, ru_article):
    advert = submit(reader, article, ADVERT_EN)  # held for advertising
    mat = submit(second_reader, ru_article, MAT_RU)  # held for filthy language
    fine = submit(reader, article, "The second paragraph answers my question, thank you.")
    services.comment_report(comment=fine, reporter=second_reader, reason="off_topic")
    decide(advert, moderator, "approve")
    decide(mat, moderator, "reject", "filthy")

    figures = reports.dashboard(days=7)
    assert figures.languages == ("en", "ru", "hy", "all")
    advertising_en = figures.cells[("advertising", "en")]
    assert (advertising_en.held, advertising_en.overturned, advertising_en.rejected) == (1, 1, 0)
    assert figures.cells[("filthy", "ru")].held == 1
    assert figures.cells[("filthy", "ru")].rejected == 1
    assert figures.cells[("advertising", "ru")].rejected == 0
    assert figures.cells[("off_topic", "en")].reported == 1
    total = figures.cells[("total", "all")]
    assert (total.held, total.overturned, total.rejected, total.reported) == (2, 1, 1, 1)
    assert figures.cells[("total", "hy")].held == 0
    assert figures.cells[("advertising", "all")].held == 1


def test_the_median_wait_runs_from_submission_to_the_first_verdict(reader, moderator, article):
    for number, minutes in enumerate((10, 30, 120)):
        comment = submit(reader, article, advert(number))
        decide(comment, moderator, "reject", "advertising")
        backdate(comment, submitted_minutes_ago=minutes + 5, decided_minutes_ago=5)
    first = Comment.objects.order_by("pk").first()
    decide(first, moderator, "delete")  # a second verdict does not change the wait
    figures = reports.dashboard(days=7)
    cell = figures.cells[("advertising", "en")]
    assert cell.decided == 3
    assert cell.median_wait == pytest.approx(30 * 60, abs=5)
    assert figures.cells[("total", "all")].median_wait == pytest.approx(30 * 60, abs=5)


def test_decisions_before_the_period_are_left_out(reader, moderator, article):
    old = submit(reader, article, ADVERT_EN)
    decide(old, moderator, "reject", "advertising")
    backdate(old, submitted_minutes_ago=10 * 24 * 60, decided_minutes_ago=9 * 24 * 60)
    assert reports.dashboard(days=7).cells[("advertising", "en")].held == 0
    month = reports.dashboard(days=30).cells[("advertising", "en")]
    assert (month.held, month.rejected, month.decided) == (1, 1, 1)


def test_site_holds_get_a_row_of_their_own(reader, moderator, article):
    CommentSettings.objects.update_or_create(site_id=article.get_site().pk, defaults={"premoderation": "all"})
    comment = submit(reader, article, "The second paragraph answers my question, thank you.")
    assert comment.held_for == "premoderation"
    decide(comment, moderator, "approve")
    figures = reports.dashboard(days=7)
    assert "premoderation" in dict(figures.rows)
    assert "links" not in dict(figures.rows)
    row = figures.cells[("premoderation", "en")]
    assert (row.held, row.overturned) == (1, 1)


def test_unreviewed_published_comments_older_than_a_day_are_counted(reader, article):
    for hours in (30, 2):
        make_comment(article, reader, minutes_ago=hours * 60)
    make_comment(article, reader, status=Status.HELD, minutes_ago=30 * 60)
    assert reports.dashboard(days=7).stale == 1
    assert reports.stale_count(hours=1) == 2
    assert reports.stale_count(languages=("hy",), hours=1) == 0


def test_the_dashboard_takes_two_queries_whatever_the_traffic(
    reader, moderator, article, django_assert_num_queries
):
    for number in range(6):
        comment = submit(reader, article, advert(number))
        decide(comment, moderator, "approve" if number % 2 else "reject", "advertising")
    with django_assert_num_queries(2):
        reports.dashboard(days=30)


def test_a_moderator_of_one_language_gets_only_its_figures(reader, moderator, article, hy_article):
    submit(reader, article, ADVERT_EN)
    figures = reports.dashboard(languages=("hy",), days=7)
    assert figures.languages == ("hy",)
    assert all(lang == "hy" for _key, lang in figures.cells)
    assert figures.cells[("total", "hy")].held == 0


# Ground truth ----------------------------------------------------------------------------------


def test_what_a_decision_says_about_each_rule():
    assert reports.truth("approve", "", "abusive") == 0
    assert reports.truth("restore", "appeal", "filthy") == 0
    assert reports.truth("reject", "abusive", "abusive") == 1
    assert reports.truth("reject", "abusive", "filthy") == 0
    assert reports.truth("reject", "other", "filthy") == 0
    assert reports.truth("remove", "", "filthy") is None
    # The export claims less: a rejection for one rule says nothing sure about another.
    assert reports.export_label("reject", "abusive", "abusive") == 1
    assert reports.export_label("reject", "abusive", "filthy") is None
    assert reports.export_label("approve", "", "filthy") == 0


def _decided(article, author, moderator, *, score, rejected, rule="abusive", reason=None):
    """A held comment with a stored score for `rule`, then a moderator's verdict on it."""
    comment = make_comment(
        article, author, status=Status.HELD, held_for=rule, scores={rule: score}, model_version="m1"
    )
    Comment.objects.filter(pk=comment.pk).update(
        status=Status.REJECTED if rejected else Status.PUBLISHED,
        reviewed_at=timezone.now(),
        reviewed_by=moderator,
    )
    Decision.objects.create(
        comment=comment,
        actor=moderator,
        action=Decision.Action.REJECT if rejected else Decision.Action.APPROVE,
        from_status=Status.HELD,
        to_status=Status.REJECTED if rejected else Status.PUBLISHED,
        reason=(reason or rule) if rejected else "",
    )
    return comment


def _sample(article, author, moderator):
    """20 decided comments: 10 rejected as abusive scoring 0.95 (x6) and 0.4 (x4), 10 approved
    scoring 0.6 (x2) and 0.1 (x8)."""
    for score, rejected, times in ((0.95, True, 6), (0.4, True, 4), (0.6, False, 2), (0.1, False, 8)):
        for _ in range(times):
            _decided(article, author, moderator, score=score, rejected=rejected)


def test_precision_and_recall_of_each_threshold_on_decided_comments(reader, moderator, article):
    _sample(article, reader, moderator)
    columns, cells = reports.policy_figures(policy=DEFAULT_POLICY)
    assert columns == ("en", "ru", "hy", "all")
    cell = cells[("abusive", "en")]
    assert (cell.examples, cell.positives, cell.enough) == (20, 10, True)
    (hold,) = cell.current  # the engine holds abusive comments from 0.5
    assert (hold.action, hold.threshold) == ("hold", 0.5)
    assert hold.precision == pytest.approx(6 / 8)
    assert hold.recall == pytest.approx(6 / 10)
    alternatives = {t: (p, r) for t, p, r in cell.alternatives}
    assert alternatives[0.3] == (pytest.approx(10 / 12), pytest.approx(1.0))
    assert alternatives[0.7] == (pytest.approx(1.0), pytest.approx(0.6))
    assert cells[("abusive", "all")].examples == 20
    assert not cells[("abusive", "hy")].enough


def test_fewer_than_twenty_decided_comments_are_not_enough(reader, moderator, article):
    for _ in range(19):
        _decided(article, reader, moderator, score=0.9, rejected=True)
    _columns, cells = reports.policy_figures(policy=DEFAULT_POLICY)
    assert cells[("abusive", "en")].examples == 19
    assert not cells[("abusive", "en")].enough


def test_the_editors_thresholds_replace_the_engines(reader, moderator, article):
    _sample(article, reader, moderator)
    config, _ = CommentSettings.objects.get_or_create(site_id=article.get_site().pk)
    PolicyThreshold.objects.create(
        settings=config, rule="abusive", action="hold", language="en", threshold=0.9
    )
    from tribune.comments.screening import site_policy

    _columns, cells = reports.policy_figures(policy=site_policy(CommentSettings.objects.get(pk=config.pk)))
    (hold,) = cells[("abusive", "en")].current
    assert hold.threshold == 0.9
    assert (hold.precision, hold.recall) == (pytest.approx(1.0), pytest.approx(0.6))
    (hold_all,) = cells[("abusive", "all")].current
    assert hold_all.threshold is None  # 0.9 in English, 0.5 elsewhere


def test_a_rejection_for_another_rule_counts_against_this_one(reader, moderator, article):
    _decided(article, reader, moderator, score=0.9, rejected=True, rule="abusive", reason="advertising")
    _columns, cells = reports.policy_figures(policy=DEFAULT_POLICY)
    assert (cells[("abusive", "en")].examples, cells[("abusive", "en")].positives) == (1, 0)


# The labelled export ---------------------------------------------------------------------------


def test_the_export_writes_one_labelled_comment_a_line(reader, second_reader, moderator, article):
    earlier = [submit(reader, article, f"Point number {n} about the budget, well argued.") for n in range(22)]
    held = submit(second_reader, article, ADVERT_EN)
    decide(held, moderator, "reject", "advertising")
    approved = submit(second_reader, article, "I would add the figures from last year for comparison.")
    decide(approved, moderator, "feature")
    other = submit(reader, article, "Something else entirely, a matter for the editors.")
    decide(other, moderator, "reject", "other", note="Personal data.")
    submit(reader, article, "Written after the others, so never in their threads.")

    lines = list(reports.export_lines(reports.labelled_comments()))
    rows = [json.loads(line) for line in lines]
    assert [row["text"] for row in rows] == [held.text, approved.text]  # "other" tells nothing
    advert, fine = rows
    assert advert["labels"] == {"advertising": 1}
    assert fine["labels"] == {"abusive": 0, "filthy": 0, "advertising": 0, "off_topic": 0}
    assert advert["lang"] == "en"
    assert advert["article"]["title"] == article.title
    assert article.standfirst[:40] in advert["article"]["body"]
    assert advert["thread"] == [c.text for c in earlier[-20:]]
    assert fine["thread"][-1] == earlier[-1].text  # the rejected advert is not in the thread
    assert all(line.endswith("\n") and "\n" not in line[:-1] for line in lines)


def test_the_export_filters_by_language_and_date(reader, moderator, article, hy_article):
    en = submit(reader, article, ADVERT_EN)
    hy = submit(reader, hy_article, INSULT_HY)
    decide(en, moderator, "reject", "advertising")
    decide(hy, moderator, "reject", "abusive")
    assert [row.pk for row in reports.labelled_comments(language="hy")] == [hy.pk]
    assert [row.pk for row in reports.labelled_comments(languages=("hy",))] == [hy.pk]
    today = timezone.localdate()
    assert reports.labelled_comments(since=today, until=today).count() == 2
    assert reports.labelled_comments(since=today + datetime.timedelta(days=1)).count() == 0


def test_the_house_rules_engine_evaluates_the_exported_file(
    reader, second_reader, moderator, article, ru_article, hy_article, tmp_path, capsys
):
    for author, page, words, action, reason in (
        (reader, article, ADVERT_EN, "reject", "advertising"),
        (second_reader, ru_article, MAT_RU, "reject", "filthy"),
        (reader, hy_article, INSULT_HY, "reject", "abusive"),
        (second_reader, article, "Thank you, the second paragraph answers my question.", "approve", ""),
    ):
        decide(submit(author, page, words), moderator, action, reason)
    path = tmp_path / "decided.jsonl"
    path.write_text("".join(reports.export_lines(reports.labelled_comments())), encoding="utf-8")

    assert houserules_main(["evaluate", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rules"]["advertising"]["all"]["n"] == 2
    assert report["rules"]["advertising"]["all"]["positives"] == 1
    assert report["rules"]["filthy"]["ru"]["positives"] == 1
    assert report["rules"]["abusive"]["hy"]["positives"] == 1
