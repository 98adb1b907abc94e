"""What the rest of the site asks about a reader."""

from dataclasses import dataclass

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


def standing_of(user, now=None):
    """A ban outranks a suspension; of several suspensions the one that ends last counts; an
    unacknowledged warning comes after both."""
    in_force = list(Sanction.objects.in_force(now).filter(user=user).order_by("created_at", "pk"))
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
