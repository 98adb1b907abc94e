"""Who reaches the desk: every desk URL for each kind of user; the Moderators group sees the desk
and nothing else of the admin; forged posts are refused; administrators set a moderator's languages."""

import json
import re

import pytest
from django.apps import apps
from django.test import Client
from wagtail.users.models import UserProfile

from tribune.accounts.models import Sanction
from tribune.comments import services
from tribune.comments.models import Appeal, Comment, Decision, Status
from tribune.desk import forms as desk_forms
from tribune.desk import views as desk_views

from .conftest import make_comment, make_user, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_cache")]

ROLES = ["anonymous", "reader", "page_moderator", "moderator", "hy_moderator", "editor", "superuser"]
DESK_ROLES = {"moderator", "hy_moderator", "editor", "superuser"}


@pytest.fixture
def people(reader, moderator, hy_moderator, editor, superuser):
    return {
        "anonymous": None,
        "reader": reader,
        # Wagtail's page-workflow group: the admin, but not the desk.
        "page_moderator": make_user("pia", groups=["Page moderators"], display_name="Pia"),
        "moderator": moderator,
        "hy_moderator": hy_moderator,
        "editor": editor,
        "superuser": superuser,
    }


def client_for(user, **kwargs):
    return signed_in(user, **kwargs) if user is not None else Client(**kwargs)


@pytest.fixture
def material(article, reader, second_reader, second_moderator):
    """A held comment, a rejected and appealed one, and a sanction: something behind every URL."""
    held = make_comment(article, second_reader, status=Status.HELD, held_for="abusive")
    appealed = make_comment(article, second_reader, status=Status.HELD, held_for="abusive")
    services.comment_moderate(
        comment_id=appealed.pk, moderator=second_moderator, action="reject", reason="abusive"
    )
    appeal = services.comment_appeal(comment=appealed, author=second_reader, text_raw="Please.")
    measure = Sanction.objects.create(
        user=second_reader, kind="warn", reason="Tone.", created_by=second_moderator
    )
    return {"held": held, "appeal": appeal, "sanction": measure, "author": second_reader}


def page_urls(material):
    return [
        "/admin/desk/",
        *[
            f"/admin/desk/queue/{name}/"
            for name in ("held", "reported", "off_topic", "unmoderated", "appeals", "approved", "rejected")
        ],
        f"/admin/desk/comment/{material['held'].pk}/",
        f"/admin/desk/reader/{material['author'].pk}/",
        "/admin/desk/log/",
        "/admin/desk/dashboard/",
        "/admin/desk/policy/",
        "/admin/desk/export/",
    ]


def post_urls(material):
    held, author = material["held"], material["author"]
    return {
        f"/admin/desk/comment/{held.pk}/decide/": {"action": "approve"},
        f"/admin/desk/comment/{held.pk}/reject-author/": {"reason": "abusive"},
        "/admin/desk/bulk/": {"action": "approve", "comments": [held.pk]},
        f"/admin/desk/appeal/{material['appeal'].pk}/decide/": {"outcome": "restore"},
        f"/admin/desk/reader/{author.pk}/sanction/": {"kind": "ban", "reason": "Spam."},
        f"/admin/desk/reader/{author.pk}/note/": {"text": "A note."},
        f"/admin/desk/sanction/{material['sanction'].pk}/lift/": {"reason": "Enough."},
    }


def nothing_changed(material):
    held = Comment.objects.get(pk=material["held"].pk)
    return (
        held.status == Status.HELD
        and Appeal.objects.get(pk=material["appeal"].pk).outcome == Appeal.Outcome.OPEN
        and Sanction.objects.filter(user=material["author"]).count() == 1
        and Sanction.objects.get(pk=material["sanction"].pk).lifted_at is None
        and not material["author"].moderator_notes.exists()
        and not Decision.objects.filter(comment=held, action="approve").exists()
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_desk_page_for_each_kind_of_user(role, people, material):
    client = client_for(people[role])
    for url in page_urls(material):
        response = client.get(url)
        if role in DESK_ROLES:
            assert response.status_code == 200, url
        elif role == "page_moderator":
            # In the admin, but not a moderator: Wagtail's "no permission", back to the dashboard.
            assert (response.status_code, response["Location"]) == (302, "/admin/"), url
        else:
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/?next="), url


@pytest.mark.parametrize("role", ["anonymous", "reader", "page_moderator"])
def test_no_desk_action_is_open_to_those_outside_the_desk(role, people, material):
    client = client_for(people[role])
    for url, data in post_urls(material).items():
        response = client.post(url, data)
        assert response.status_code == 302, url
        expected = "/admin/" if role == "page_moderator" else "/admin/login/"
        assert response["Location"].split("?")[0] == expected, url
    assert nothing_changed(material)


@pytest.mark.parametrize("role", sorted(DESK_ROLES))
def test_a_forged_post_without_the_csrf_token_is_refused(role, people, material):
    client = client_for(people[role], enforce_csrf_checks=True)
    for url, data in post_urls(material).items():
        assert client.post(url, data).status_code == 403, url
    assert nothing_changed(material)


def test_the_desks_actions_answer_only_posts(moderator, material):
    client = signed_in(moderator)
    for url in post_urls(material):
        assert client.get(url).status_code == 405, url


def test_a_moderator_limited_to_armenian_is_refused_an_english_decision(hy_moderator, material):
    response = signed_in(hy_moderator).post(
        f"/admin/desk/comment/{material['held'].pk}/decide/", {"action": "approve"}, follow=True
    )
    assert "You moderate comments in other languages; this one is in en." in response.content.decode()
    assert nothing_changed(material)


def test_an_editor_decides_in_every_language(editor, hy_article, reader):
    armenian = make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")
    signed_in(editor).post(f"/admin/desk/comment/{armenian.pk}/decide/", {"action": "approve"})
    assert Comment.objects.get(pk=armenian.pk).status == Status.PUBLISHED


# What each sees of the admin.


def sidebar(client):
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    labels = [json.loads(f'"{label}"') for label in re.findall(r'"label": "((?:[^"\\]|\\.)*)"', props)]
    return set(re.findall(r'"name": "([^"]+)"', props)), labels, html


def test_the_moderators_group_sees_the_desk_and_nothing_else(moderator, article, reader):
    make_comment(article, reader, status=Status.HELD, held_for="abusive")
    names, labels, html = sidebar(signed_in(moderator))
    assert {"comments", "desk-held", "desk-reported", "desk-appeals", "desk-log", "desk-export"} <= names
    for other in ("explorer", "images", "documents", "snippets", "reports", "settings", "editor-guide"):
        assert other not in names
    assert any(re.fullmatch(r"Held \(\d+\)", label) for label in labels)
    # The dashboard shows the queues, and only them.
    assert 'id="desk-queues-section"' in html
    assert "Recent edits" not in html and "Your pages in a workflow" not in html


def test_the_moderators_group_is_refused_the_rest_of_the_admin(moderator):
    client = signed_in(moderator)
    for url in (
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/settings/comments/commentsettings/",
        "/admin/sites/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/", url


def test_editors_see_the_desk_beside_the_rest(editor):
    names, _labels, html = sidebar(signed_in(editor))
    assert {"comments", "desk-held", "explorer"} <= names
    assert 'id="desk-queues-section"' in html


def test_administrators_page_moderators_and_readers(superuser, people):
    names, _labels, _html = sidebar(signed_in(superuser))
    assert {"comments", "explorer", "settings"} <= names
    names, _labels, html = sidebar(signed_in(people["page_moderator"]))
    assert "comments" not in names and 'id="desk-queues-section"' not in html
    assert signed_in(people["reader"]).get("/admin/").status_code == 302


def test_menu_counts_follow_the_moderators_languages(article, hy_article, reader, moderator, hy_moderator):
    for _i in range(3):
        make_comment(article, reader, status=Status.HELD, held_for="abusive")
    make_comment(hy_article, reader, status=Status.HELD, held_for="abusive")
    everything = int(re.search(r"Held \((\d+)\)", " ".join(sidebar(signed_in(moderator))[1])).group(1))
    armenian = int(re.search(r"Held \((\d+)\)", " ".join(sidebar(signed_in(hy_moderator))[1])).group(1))
    held = Comment.objects.filter(status=Status.HELD)
    assert everything == held.count()
    assert armenian == held.filter(language="hy").count()


def test_the_menu_speaks_the_moderators_language(moderator):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "ru"
    profile.save()
    labels = sidebar(signed_in(moderator))[1]
    assert "Комментарии" in labels
    assert any(label.startswith("Задержаны (") for label in labels)


# A moderator's languages, set by an administrator on Wagtail's user form.


def test_the_user_forms_carry_the_moderators_languages(moderator):
    viewset = desk_views.UserViewSet("wagtailusers_users", url_prefix="users")
    assert viewset.get_form_class(for_update=True) is desk_forms.UserEditForm
    assert viewset.get_form_class(for_update=False) is desk_forms.UserCreationForm
    form = desk_forms.UserEditForm(
        instance=moderator,
        data={
            "username": moderator.username,
            "email": moderator.email,
            "first_name": "Anna",
            "last_name": "Petrosyan",
            "is_active": "on",
            "groups": [g.pk for g in moderator.groups.all()],
            "moderation_languages": ["ru", "hy"],
        },
    )
    assert form.is_valid(), form.errors
    form.save()
    moderator.refresh_from_db()
    assert moderator.moderation_languages == "ru hy"
    assert not moderator.may_moderate_language("en")
    shown = desk_forms.UserEditForm(instance=moderator)
    assert 'value="hy" id="id_moderation_languages_2" checked' in str(shown["moderation_languages"])


def test_no_language_ticked_means_every_language(moderator):
    moderator.moderation_languages = "hy"
    moderator.save()
    field = desk_forms.ModerationLanguagesField()
    assert field.clean([]) == ""
    assert field.clean(["hy", "en"]) == "en hy"


@pytest.mark.skipif(
    apps.get_app_config("wagtailusers").user_viewset != "tribune.desk.views.UserViewSet",
    reason="the desk's user viewset is not installed in INSTALLED_APPS yet",
)
def test_an_administrator_sets_a_moderators_languages_in_the_admin(superuser, moderator):
    client = signed_in(superuser)
    url = f"/admin/users/edit/{moderator.pk}/"
    assert 'name="moderation_languages"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "username": moderator.username,
            "email": moderator.email,
            "first_name": "Anna",
            "last_name": "Petrosyan",
            "is_active": "on",
            "groups": [g.pk for g in moderator.groups.all()],
            "moderation_languages": ["hy"],
        },
    )
    assert response.status_code == 302
    moderator.refresh_from_db()
    assert moderator.moderation_languages == "hy"
