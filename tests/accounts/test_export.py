import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tribune.accounts.models import Sanction
from tribune.accounts.services import account_export
from tribune.comments.models import Comment, CommentRevision, Status
from tribune.comments.services import comment_report

pytestmark = pytest.mark.django_db


def reader(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def anahit():
    return reader("anahit@tribune.example")


@pytest.fixture
def history(anahit):
    """A revision of one of Anahit's comments, a report she made and two sanctions on her."""
    comment = Comment.objects.filter(author=anahit).order_by("pk").first()
    first_written = comment.created_at
    CommentRevision.objects.create(comment=comment, text="Առաջին տարբերակը", created_at=first_written)
    Comment.objects.filter(pk=comment.pk).update(edited_at=timezone.now())
    sergeis = Comment.objects.filter(author__email="sergei@tribune.example", status=Status.PUBLISHED).first()
    report = comment_report(comment=sergeis, reporter=anahit, reason="off_topic", note="Не по теме")
    now = timezone.now()
    warning = Sanction.objects.create(
        user=anahit,
        kind=Sanction.Kind.WARN,
        reason="Off-topic links",
        starts_at=now - datetime.timedelta(days=9),
    )
    suspension = Sanction.objects.create(
        user=anahit,
        kind=Sanction.Kind.SUSPEND,
        reason="Repeated insults",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=2),
    )
    return {"comment": comment, "report": report, "sergeis": sergeis, "sanctions": [warning, suspension]}


def test_the_export_holds_the_profile(anahit):
    data = account_export(anahit)
    profile = data["profile"]
    assert profile["username"] == anahit.username
    assert profile["email"] == "anahit@tribune.example"
    assert profile["email_addresses"] == [
        {"email": "anahit@tribune.example", "primary": True, "verified": True}
    ]
    assert profile["display_name"] == "Անահիտ Մ."
    assert profile["language"] == "hy"
    assert profile["date_joined"] == anahit.date_joined.isoformat()
    assert data["format"] == "tribune-account-export"
    json.dumps(data)  # plain JSON all through


def test_the_export_holds_every_comment_with_its_article_and_revisions(anahit, history):
    data = account_export(anahit)
    own = Comment.objects.filter(author=anahit).select_related("article")
    assert sorted(c["id"] for c in data["comments"]) == sorted(c.pk for c in own)
    by_id = {c["id"]: c for c in data["comments"]}
    for comment in own:
        exported = by_id[comment.pk]
        assert exported["text"] == comment.text
        assert exported["status"] == comment.status
        assert exported["created_at"] == comment.created_at.isoformat()
        assert exported["article"]["title"] == comment.article.title
        assert exported["article"]["url"].startswith("http")
        assert exported["article"]["url"].endswith(f"{comment.article.url}#comment-{comment.pk}")
    edited = by_id[history["comment"].pk]
    assert edited["edited_at"] is not None
    assert [r["text"] for r in edited["revisions"]] == ["Առաջին տարբերակը"]
    assert edited["revisions"][0]["written_at"] == history["comment"].created_at.isoformat()


def test_the_export_holds_reports_and_sanctions_with_reasons(anahit, history):
    data = account_export(anahit)
    # The demo has her report a comment for the desk too; this test's report is the one on Sergei's.
    reports = [r for r in data["reports"] if r["comment"] == history["sergeis"].pk]
    assert reports == [
        {
            "comment": history["sergeis"].pk,
            "article": {
                "id": history["sergeis"].article_id,
                "title": history["sergeis"].article.title,
                "url": history["sergeis"].article.full_url + f"#comment-{history['sergeis'].pk}",
            },
            "reason": "off_topic",
            "note": "Не по теме",
            "created_at": history["report"].created_at.isoformat(),
        }
    ]
    sanctions = {s["kind"]: s for s in data["sanctions"]}
    assert sanctions["warn"]["reason"] == "Off-topic links"
    assert sanctions["suspend"]["reason"] == "Repeated insults"
    assert sanctions["suspend"]["in_force"] is True
    assert sanctions["suspend"]["ends_at"] == history["sanctions"][1].ends_at.isoformat()


def test_the_export_holds_nothing_of_other_readers(anahit, history):
    body = json.dumps(account_export(anahit), ensure_ascii=False)
    assert history["sergeis"].text not in body  # the comment she reported is not hers
    assert "sergei@tribune.example" not in body
    assert "Сергей" not in body


def test_get_asks_to_confirm_and_post_downloads_a_json_attachment(client, anahit, history):
    client.force_login(anahit)
    confirm = client.get("/hy/accounts/export/")
    assert confirm.status_code == 200
    assert "Content-Disposition" not in confirm
    assert 'method="post" action="/hy/accounts/export/"' in confirm.content.decode()

    response = client.post("/hy/accounts/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tribune-account-')
    assert response["Content-Disposition"].endswith('.json"')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content.decode("utf-8"))
    assert data["profile"]["display_name"] == "Անահիտ Մ."
    assert "Անահիտ Մ." in response.content.decode("utf-8")  # readable, not \u-escaped
    assert len(data["comments"]) == Comment.objects.filter(author=anahit).count()
    assert len(data["sanctions"]) == 2


def test_the_export_needs_a_signed_in_reader(client):
    response = client.post("/en/accounts/export/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
