"""The desk's audit pages in Wagtail's admin: who reaches them, what each shows and downloads, in
which languages, and in how many queries."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from tribune.comments import services
from tribune.comments.models import Comment, CommentSettings, Status
from tribune.houserules import DEFAULT_POLICY

from .conftest import make_comment, make_user, signed_in

pytestmark = pytest.mark.django_db

PAGES = ["desk:log", "desk:dashboard", "desk:policy", "desk:export"]
ADVERT = "For anyone affected: our firm fixes roofs quickly, phone +374 91 555 1{:02d}."
INSULT_HY = "Հեղինակը ապուշ է, ոչինչ չի հասկանում այս թեմայից։"


@pytest.fixture(autouse=True)
def no_other_comments(db):
    """Only the comments a test makes: the demo's are removed (the test's transaction restores them).
    Rate limits, kept in a cache that parallel test processes may share, are not tested here."""
    Comment.objects.all().delete()
    CommentSettings.objects.update(
        min_seconds_between_comments=0, comments_per_hour=32767, reports_per_hour=32767
    )


def submit(author, article, words):
    return services.comment_submit(author=author, article=article, text_raw=words, acknowledge_rules=True)


def content(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


# Who reaches the pages -------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_a_reader_never_reaches_the_audit_pages(reader, name):
    response = signed_in(reader).get(reverse(name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_staff_without_the_moderation_permission_are_turned_away(name):
    from django.contrib.auth.models import Permission

    clerk = make_user("clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = signed_in(clerk).get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("who", ["moderator", "editor", "superuser"])
def test_moderators_editors_and_administrators_open_each_page(request, who, name):
    response = signed_in(request.getfixturevalue(who)).get(reverse(name))
    assert response.status_code == 200
    assert 'id="wagtail-sidebar"' in response.content.decode()  # inside Wagtail's admin


# The log ---------------------------------------------------------------------------------------


def test_the_log_shows_decisions_with_their_reason_and_decider(reader, moderator, article):
    comment = submit(reader, article, ADVERT.format(1))
    services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action="reject", reason="advertising", note="Spam."
    )
    page = content(signed_in(moderator).get(reverse("desk:log")))
    assert "Decision log" in page
    assert f"№ {comment.pk}" in page
    assert "Advertising" in page
    assert "Spam." in page
    assert moderator.public_name in page
    assert article.title in page


def test_a_comments_history_is_the_log_filtered_by_that_comment(reader, moderator, article):
    first = submit(reader, article, ADVERT.format(1))
    other = submit(reader, article, ADVERT.format(2))
    services.comment_moderate(comment_id=first.pk, moderator=moderator, action="approve")
    page = content(signed_in(moderator).get(reverse("desk:log"), {"comment": first.pk}))
    assert f"History of comment {first.pk}" in page
    assert f"№ {first.pk}" in page
    assert f"№ {other.pk}" not in page


def test_an_invalid_filter_is_ignored_and_said(moderator):
    response = signed_in(moderator).get(reverse("desk:log"), {"since": "yesterday", "comment": "x"})
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()


def test_the_log_takes_the_same_queries_for_few_decisions_or_many(reader, moderator, article):
    client = signed_in(moderator)
    client.get(reverse("desk:log"))  # warm the per-process caches (sidebar, site)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("desk:log")).status_code == 200
        return len(queries)

    for number in range(3):
        comment = make_comment(article, reader, ADVERT.format(number), status=Status.HELD)
        services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")
    few = count()
    for number in range(3, 30):
        comment = make_comment(article, reader, ADVERT.format(number), status=Status.HELD)
        services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")
    assert count() == few


def test_the_log_downloads_as_csv_with_a_bom_and_formula_safe_cells(reader, moderator, article):
    comment = submit(reader, article, ADVERT.format(1))
    services.comment_moderate(
        comment_id=comment.pk, moderator=moderator, action="reject", reason="other", note="=1+2"
    )
    response = signed_in(moderator).get(reverse("desk:log"), {"format": "csv", "action": "reject"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tribune-decisions-')
    text = content(response)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(row["comment"], row["action"], row["note"]) for row in rows] == [
        (str(comment.pk), "reject", "'=1+2")
    ]


def test_a_moderator_of_armenian_sees_and_downloads_armenian_rows_only(
    reader, hy_moderator, article, hy_article
):
    english = submit(reader, article, ADVERT.format(1))
    armenian = submit(reader, hy_article, INSULT_HY)
    client = signed_in(hy_moderator)
    page = content(client.get(reverse("desk:log")))
    assert f"№ {armenian.pk}" in page
    assert f"№ {english.pk}" not in page
    rows = list(
        csv.DictReader(
            io.StringIO(content(client.get(reverse("desk:log"), {"format": "csv"})).lstrip("\ufeff"))
        )
    )
    assert {row["comment"] for row in rows} == {str(armenian.pk)}
    # Asking for English gets nothing, not an error.
    assert f"№ {english.pk}" not in content(client.get(reverse("desk:log"), {"language": "en"}))


# The dashboard ---------------------------------------------------------------------------------


def test_the_dashboard_shows_each_rule_per_language(reader, moderator, article):
    comment = submit(reader, article, ADVERT.format(1))
    services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")
    response = signed_in(moderator).get(reverse("desk:dashboard"), {"days": "30"})
    page = response.content.decode()
    assert response.context["days"] == 30
    for heading in ("English", "Русский", "Հայերեն", "All languages", "Advertising", "Abusive language"):
        assert heading in page
    english = response.context["tables"][0]
    advertising = next(row for row in english["rows"] if row["key"] == "advertising")
    assert (advertising["figures"].held, advertising["figures"].overturned) == (1, 1)


def test_an_unknown_period_falls_back_to_a_week(moderator):
    for days in ("1000", "week"):
        assert signed_in(moderator).get(reverse("desk:dashboard"), {"days": days}).context["days"] == 7


def test_the_dashboard_says_how_many_comments_wait_too_long(reader, moderator, article):
    make_comment(article, reader, minutes_ago=25 * 60)
    page = content(signed_in(moderator).get(reverse("desk:dashboard")))
    assert "1 published comment has waited more than 24 h for a moderator." in page


def test_an_armenian_moderator_gets_the_armenian_table_only(reader, hy_moderator, article):
    make_comment(article, reader, minutes_ago=25 * 60)  # English: not theirs
    response = signed_in(hy_moderator).get(reverse("desk:dashboard"))
    assert [table["language"] for table in response.context["tables"]] == ["hy"]
    assert response.context["dashboard"].stale == 0


def test_the_dashboard_queries_do_not_grow_with_the_traffic(reader, moderator, article):
    client = signed_in(moderator)
    client.get(reverse("desk:dashboard"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("desk:dashboard"))
        return len(queries)

    def approve(numbers):
        for number in numbers:
            comment = submit(reader, article, ADVERT.format(number))
            services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")

    approve(range(2))
    few = count()
    approve(range(2, 10))
    assert count() == few


# The policy ------------------------------------------------------------------------------------


def test_the_policy_page_shows_the_thresholds_and_asks_for_more_decisions(moderator):
    response = signed_in(moderator).get(reverse("desk:policy"))
    page = response.content.decode()
    assert f"≥ {DEFAULT_POLICY.hold['abusive']}" in page  # abusive comments are held from there
    assert f"≥ {DEFAULT_POLICY.reject['advertising']}" in page  # near-certain advertising is rejected
    assert "Not enough decided comments" in page
    assert response.context["settings_url"] is None  # moderators do not change the settings


def test_an_administrator_gets_a_link_to_the_comment_settings(superuser):
    response = signed_in(superuser).get(reverse("desk:policy"))
    url = reverse("wagtailsettings:edit", args=["comments", "commentsettings"])
    assert response.context["settings_url"] == url
    assert f'href="{url}"' in response.content.decode()


def test_the_policy_page_shows_precision_and_recall_from_twenty_decisions(reader, moderator, article):
    for number in range(20):
        comment = make_comment(
            article, reader, ADVERT.format(number), status=Status.HELD, scores={"advertising": 0.9}
        )
        action, reason = ("reject", "advertising") if number < 15 else ("approve", "")
        services.comment_moderate(comment_id=comment.pk, moderator=moderator, action=action, reason=reason)
    response = signed_in(moderator).get(reverse("desk:policy"))
    advertising = next(rule for rule in response.context["rules"] if rule["rule"] == "advertising")
    english = advertising["cells"][0]["cell"]
    assert (english.examples, english.positives, english.enough) == (20, 15, True)
    page = response.content.decode()
    assert "precision 75%" in page
    assert "recall 100%" in page


def test_an_armenian_moderator_sees_armenian_policy_figures_only(hy_moderator):
    response = signed_in(hy_moderator).get(reverse("desk:policy"))
    assert {item["cell"].language for rule in response.context["rules"] for item in rule["cells"]} == {"hy"}


# The export ------------------------------------------------------------------------------------


def test_the_export_page_counts_and_downloads_labelled_json_lines(reader, moderator, article, hy_article):
    en = submit(reader, article, ADVERT.format(1))
    hy = submit(reader, hy_article, INSULT_HY)
    services.comment_moderate(comment_id=en.pk, moderator=moderator, action="reject", reason="advertising")
    services.comment_moderate(comment_id=hy.pk, moderator=moderator, action="approve")
    client = signed_in(moderator)
    assert client.get(reverse("desk:export")).context["count"] == 2
    assert client.get(reverse("desk:export"), {"language": "hy"}).context["count"] == 1
    response = client.get(reverse("desk:export"), {"format": "jsonl", "language": "en"})
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tribune-decided-comments-')
    (line,) = [json.loads(line) for line in content(response).splitlines()]
    assert line["text"] == en.text
    assert line["labels"] == {"advertising": 1}
    assert set(line) == {"text", "lang", "article", "thread", "labels"}


def test_an_armenian_moderator_exports_armenian_comments_only(
    reader, moderator, hy_moderator, article, hy_article
):
    for page, words in ((article, ADVERT.format(1)), (hy_article, INSULT_HY)):
        comment = submit(reader, page, words)
        services.comment_moderate(comment_id=comment.pk, moderator=moderator, action="approve")
    response = signed_in(hy_moderator).get(reverse("desk:export"), {"format": "jsonl"})
    assert [json.loads(line)["lang"] for line in content(response).splitlines()] == ["hy"]


# Languages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ru", ["Журнал решений", "Панель модерации", "Пороги правил", "Выгрузка решённых комментариев"]),
        (
            "hy",
            [
                "Որոշումների մատյան",
                "Մոդերացիայի վահանակ",
                "Կանոնների շեմերը",
                "Որոշված մեկնաբանությունների արտահանում",
            ],
        ),
    ],
)
def test_the_pages_speak_the_moderators_language(moderator, language, titles):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    client = signed_in(moderator)
    for name, title in zip(PAGES, titles, strict=True):
        assert title in client.get(reverse(name)).content.decode()
