"""The one place where a new comment is judged before it is stored. Until the house-rules engine is
plugged in here, everything is published."""

from dataclasses import dataclass, field

from .models import Status


@dataclass(frozen=True)
class Screening:
    status: str
    reason: str = ""
    details: dict = field(default_factory=dict)


def screen(*, text, article, parent=None, author=None):
    return Screening(status=Status.PUBLISHED, reason="", details={"screened_by": "publish-all"})
