"""The groups the desk's migration leaves: Moderators see the desk and nothing else of the admin,
Editors moderate too, and Wagtail's own page-workflow group is now "Page moderators"."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from tribune.comments.services import is_moderator

pytestmark = pytest.mark.django_db

DESK = {("wagtailadmin", "access_admin"), ("comments", "moderate_comment")}


def permissions_of(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def member_of(name, group):
    user = get_user_model().objects.create_user(username=name, email=f"{name}@staff.example", password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_moderators_have_exactly_the_admin_and_the_moderation_permission():
    moderators = Group.objects.get(name="Moderators")
    assert permissions_of(moderators) == DESK
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()


def test_editors_also_moderate_and_keep_their_own_permissions():
    editors = Group.objects.get(name="Editors")
    assert permissions_of(editors) >= DESK
    assert GroupPagePermission.objects.filter(group=editors).exists()


def test_editors_manage_webhooks_and_moderators_do_not():
    webhooks = {("comments", f"{action}_webhook") for action in ("add", "change", "delete", "view")}
    assert permissions_of(Group.objects.get(name="Editors")) >= webhooks
    assert not permissions_of(Group.objects.get(name="Moderators")) & webhooks


def test_wagtails_page_workflow_group_is_renamed_page_moderators():
    page_moderators = Group.objects.get(name="Page moderators")
    assert ("comments", "moderate_comment") not in permissions_of(page_moderators)
    assert GroupPagePermission.objects.filter(
        group=page_moderators, permission__codename="publish_page"
    ).exists()
    assert Group.objects.filter(name="Moderators").count() == 1


def test_a_member_of_moderators_reaches_the_desk_and_nothing_else():
    user = member_of("desk_only", "Moderators")
    assert is_moderator(user)
    assert user.has_perm("wagtailadmin.access_admin")
    for other in (
        "wagtailcore.add_page",
        "wagtailimages.add_image",
        "auth.change_user",
        "wagtailcore.publish_page",
    ):
        assert not user.has_perm(other)


def test_an_editor_is_a_moderator_and_a_reader_is_not():
    assert is_moderator(member_of("page_editor", "Editors"))
    reader = get_user_model().objects.create_user(
        username="plain", email="plain@readers.example", password="pw"
    )
    assert not is_moderator(reader)
    assert not reader.has_perm("wagtailadmin.access_admin")
