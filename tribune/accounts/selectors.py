"""What the rest of the site asks about a reader."""

from dataclasses import dataclass

from django.utils import timezone

from tribune.core import snapshots

from .models import Notice, Sanction

BLOCKING = (Sanction.Kind.BAN, Sanction.Kind.SUSPEND)


@dataclass(frozen=True)
class Standing:
    """Whether a reader may comment now, and if not, why and until when (None: for good).

    A warning in force that the reader has not acknowledged stops them until they read it; a
    pre-moderation sanction lets them comment, but every comment waits for a moderator."""

    may_comment: bool
    sanction: Sanction | None = None
    warning: Sanction | None = None
    premoderated: bool = False

    @property
    def reason(self):
        return self.sanction.reason if self.sanction else ""

    @property
    def until(self):
        return self.sanction.ends_at if self.sanction else None


SANCTIONS_SNAPSHOT = "sanctions"


def _unlifted_sanctions(user):
    """The reader's sanctions that no one lifted, oldest first: every comment asks, so they are
    kept in the cache until any sanction changes (tribune/core/snapshots.py)."""
    return snapshots.get(
        SANCTIONS_SNAPSHOT,
        user.pk,
        lambda: list(Sanction.objects.filter(user=user, lifted_at__isnull=True).order_by("created_at", "pk")),
    )


def standing_of(user, now=None):
    """A ban outranks a suspension; of several suspensions the one that ends last counts; an
    unacknowledged warning comes after both."""
    now = now or timezone.now()
    in_force = [s for s in _unlifted_sanctions(user) if s.in_force_at(now)]
    premoderated = any(s.kind == Sanction.Kind.PREMODERATE for s in in_force)
    bans = [s for s in in_force if s.kind == Sanction.Kind.BAN]
    if bans:
        return Standing(may_comment=False, sanction=bans[0], premoderated=premoderated)
    suspensions = [s for s in in_force if s.kind == Sanction.Kind.SUSPEND]
    if suspensions:
        latest = max(suspensions, key=lambda s: s.ends_at or s.starts_at)
        return Standing(may_comment=False, sanction=latest, premoderated=premoderated)
    warnings = [s for s in in_force if s.kind == Sanction.Kind.WARN and s.acknowledged_at is None]
    if warnings:
        return Standing(may_comment=False, warning=warnings[0], premoderated=premoderated)
    return Standing(may_comment=True, premoderated=premoderated)


def unread_notices(user):
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def notices_of(user, limit=50):
    return list(Notice.objects.filter(user=user)[:limit])
