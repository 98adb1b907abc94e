"""The desk's measures against a reader: warn, suspend, ban, always pre-moderate and lift; who may
take them, what each stores, what the reader is told, and the standing that results."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone, translation

from tribune.accounts import notices
from tribune.accounts.models import Notice, Sanction
from tribune.accounts.selectors import standing_of
from tribune.accounts.services import SanctionRefused, sanction_impose, sanction_lift, warning_acknowledge

pytestmark = pytest.mark.django_db


def make_user(name, *, groups=(), language="en", **fields):
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@readers.example", password="pw", language=language, **fields
    )
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reader(db):
    return make_user("sanctioned_reader", language="ru")


@pytest.fixture
def moderator(db):
    return make_user("desk_moderator", groups=["Moderators"], display_name="Lilit A.")


def impose(user, kind, moderator, reason="Insults in three threads.", **kwargs):
    return sanction_impose(user=user, kind=kind, moderator=moderator, reason=reason, **kwargs)


@pytest.mark.parametrize(
    ("kind", "notice"),
    [("warn", "warned"), ("ban", "banned"), ("premoderate", "premoderated")],
)
def test_a_measure_without_an_end_is_stored_and_the_reader_told(reader, moderator, kind, notice):
    sanction = impose(reader, kind, moderator)
    assert (sanction.kind, sanction.reason, sanction.created_by, sanction.ends_at) == (
        kind,
        "Insults in three threads.",
        moderator,
        None,
    )
    assert sanction.lifted_at is None
    told = Notice.objects.get(user=reader)
    assert (told.kind, told.params["reason"]) == (notice, "Insults in three threads.")


@pytest.mark.parametrize(
    ("duration", "length"),
    [
        ("1h", datetime.timedelta(hours=1)),
        ("24h", datetime.timedelta(hours=24)),
        ("7d", datetime.timedelta(days=7)),
    ],
)
def test_a_suspension_ends_after_the_chosen_time_and_the_reader_is_told_until_when(
    reader, moderator, duration, length
):
    before = timezone.now()
    sanction = impose(reader, "suspend", moderator, duration=duration)
    after = timezone.now()
    assert before + length <= sanction.ends_at <= after + length
    told = Notice.objects.get(user=reader)
    assert told.kind == "suspended"
    assert datetime.datetime.fromisoformat(told.params["until"]) == sanction.ends_at
    standing = standing_of(reader)
    assert (standing.may_comment, standing.until) == (False, sanction.ends_at)
    assert standing_of(reader, now=sanction.ends_at + datetime.timedelta(seconds=1)).may_comment


@pytest.mark.parametrize("duration", [None, "", "3d", "forever"])
def test_a_suspension_needs_one_of_the_three_durations(reader, moderator, duration):
    with pytest.raises(SanctionRefused):
        impose(reader, "suspend", moderator, duration=duration)
    assert not Sanction.objects.filter(user=reader).exists()
    assert not Notice.objects.filter(user=reader).exists()


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_measure_needs_a_reason(reader, moderator, reason):
    with pytest.raises(SanctionRefused) as refused:
        impose(reader, "warn", moderator, reason=reason)
    assert "reason" in str(refused.value)
    assert not Sanction.objects.filter(user=reader).exists()


def test_an_unknown_kind_of_measure_is_refused(reader, moderator):
    with pytest.raises(SanctionRefused):
        impose(reader, "exile", moderator)
    assert not Sanction.objects.filter(user=reader).exists()


@pytest.mark.parametrize(
    "target",
    [
        pytest.param({"is_staff": True}, id="staff"),
        pytest.param({"is_superuser": True}, id="administrator"),
        pytest.param({"groups": ["Moderators"]}, id="moderator"),
        pytest.param({"groups": ["Editors"]}, id="editor"),
    ],
)
def test_the_desk_takes_no_measure_against_staff(moderator, target):
    colleague = make_user("colleague", **target)
    with pytest.raises(SanctionRefused) as refused:
        impose(colleague, "ban", moderator)
    assert "administrator" in str(refused.value)
    assert not Sanction.objects.filter(user=colleague).exists()


def test_a_moderator_takes_no_measure_against_themselves(moderator):
    with pytest.raises(SanctionRefused) as refused:
        impose(moderator, "warn", moderator)
    assert "yourself" in str(refused.value)


def test_a_reader_takes_no_measure_against_another(reader):
    other = make_user("other_reader")
    with pytest.raises(SanctionRefused) as refused:
        impose(other, "ban", reader)
    assert "Only moderators" in str(refused.value)
    assert not Sanction.objects.filter(user=other).exists()


def test_lifting_a_measure_keeps_its_row_with_who_and_why_and_tells_the_reader(reader, moderator):
    ban = impose(reader, "ban", moderator)
    Notice.objects.filter(user=reader).delete()
    lifted = sanction_lift(sanction=ban, moderator=moderator, reason="  Apologised.  ")
    assert (lifted.lifted_by, lifted.lift_reason) == (moderator, "Apologised.")
    assert lifted.lifted_at is not None
    assert Sanction.objects.filter(pk=ban.pk).exists()
    assert standing_of(reader).may_comment
    told = Notice.objects.get(user=reader)
    assert (told.kind, told.params) == ("lifted", {"kind": "ban", "reason": "Apologised."})


def test_a_measure_is_lifted_once(reader, moderator):
    ban = impose(reader, "ban", moderator)
    sanction_lift(sanction=ban, moderator=moderator)
    first = Sanction.objects.get(pk=ban.pk).lifted_at
    with pytest.raises(SanctionRefused) as refused:
        sanction_lift(sanction=ban, moderator=moderator, reason="again")
    assert "already lifted" in str(refused.value)
    assert Sanction.objects.get(pk=ban.pk).lifted_at == first
    assert Notice.objects.filter(user=reader, kind="lifted").count() == 1


def test_a_measure_that_has_ended_is_not_lifted(reader, moderator):
    suspension = impose(reader, "suspend", moderator, duration="1h")
    Sanction.objects.filter(pk=suspension.pk).update(ends_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(SanctionRefused):
        sanction_lift(sanction=suspension, moderator=moderator)
    assert Sanction.objects.get(pk=suspension.pk).lifted_at is None


def test_only_a_moderator_lifts_a_measure(reader, moderator):
    ban = impose(reader, "ban", moderator)
    with pytest.raises(SanctionRefused):
        sanction_lift(sanction=ban, moderator=make_user("another_reader"))
    assert Sanction.objects.get(pk=ban.pk).lifted_at is None


def test_a_ban_outranks_a_suspension_which_outranks_a_warning(reader, moderator):
    warning = impose(reader, "warn", moderator, reason="Be polite.")
    standing = standing_of(reader)
    assert (standing.may_comment, standing.sanction, standing.warning) == (False, None, warning)
    suspension = impose(reader, "suspend", moderator, reason="Insults.", duration="24h")
    standing = standing_of(reader)
    assert (standing.may_comment, standing.sanction, standing.reason) == (False, suspension, "Insults.")
    ban = impose(reader, "ban", moderator, reason="Spam.")
    standing = standing_of(reader)
    assert (standing.sanction, standing.reason, standing.until) == (ban, "Spam.", None)
    sanction_lift(sanction=ban, moderator=moderator)
    assert standing_of(reader).sanction == suspension
    sanction_lift(sanction=suspension, moderator=moderator)
    assert standing_of(reader).warning == warning


def test_of_two_suspensions_the_one_that_ends_last_counts(reader, moderator):
    long = impose(reader, "suspend", moderator, duration="7d")
    impose(reader, "suspend", moderator, duration="1h")
    assert standing_of(reader).until == long.ends_at


def test_an_acknowledged_warning_no_longer_stops_the_reader(reader, moderator):
    impose(reader, "warn", moderator)
    impose(reader, "warn", moderator, reason="And again.")
    assert not standing_of(reader).may_comment
    assert warning_acknowledge(user=reader) == 2
    assert standing_of(reader).may_comment
    assert warning_acknowledge(user=reader) == 0


def test_a_premoderated_reader_may_comment_but_is_marked_premoderated(reader, moderator):
    impose(reader, "premoderate", moderator)
    standing = standing_of(reader)
    assert (standing.may_comment, standing.premoderated) == (True, True)
    impose(reader, "ban", moderator)
    standing = standing_of(reader)
    assert (standing.may_comment, standing.premoderated) == (False, True)


def test_a_reader_whose_measures_are_over_or_not_yet_begun_may_comment(reader, moderator):
    impose(reader, "ban", moderator)
    earlier = standing_of(reader, now=timezone.now() - datetime.timedelta(hours=1))
    assert (earlier.may_comment, earlier.sanction, earlier.warning, earlier.premoderated) == (
        True,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("kind", "duration", "notice", "subject"),
    [
        ("warn", None, "warned", "Предупреждение от редакции"),
        ("suspend", "24h", "suspended", "Вы временно не можете комментировать"),
        ("ban", None, "banned", "Вы больше не можете комментировать"),
    ],
)
def test_the_reader_is_emailed_once_in_their_language(
    reader, moderator, django_capture_on_commit_callbacks, kind, duration, notice, subject
):
    mail.outbox.clear()
    with translation.override("hy"), django_capture_on_commit_callbacks(execute=True):
        impose(reader, kind, moderator, duration=duration)
    assert len(mail.outbox) == 1
    told = Notice.objects.get(user=reader)
    assert (told.kind, told.emailed_at is not None) == (notice, True)
    assert mail.outbox[0].subject == subject  # the reader reads Russian; the moderator, Armenian
    with translation.override(reader.language):
        assert mail.outbox[0].subject == notices.subject(told)
        assert notices.body(told) in mail.outbox[0].body
    assert "Insults in three threads." in mail.outbox[0].body
    assert notices.deliver_email(told.pk) is False
    assert len(mail.outbox) == 1
