"""What the rest of the site asks about a reader."""

from dataclasses import dataclass

from .models import Sanction


@dataclass(frozen=True)
class Standing:
    """Whether a reader may comment now, and if not, why and until when (None: for good)."""

    may_comment: bool
    sanction: Sanction | None = None

    @property
    def reason(self):
        return self.sanction.reason if self.sanction else ""

    @property
    def until(self):
        return self.sanction.ends_at if self.sanction else None


def standing_of(user, now=None):
    """A ban outranks a suspension; of several suspensions the one that ends last counts."""
    blocking = list(
        Sanction.objects.in_force(now).filter(user=user, kind__in=[Sanction.Kind.BAN, Sanction.Kind.SUSPEND])
    )
    if not blocking:
        return Standing(may_comment=True)
    bans = [s for s in blocking if s.kind == Sanction.Kind.BAN]
    if bans:
        return Standing(may_comment=False, sanction=bans[0])
    return Standing(may_comment=False, sanction=max(blocking, key=lambda s: s.ends_at or s.starts_at))
