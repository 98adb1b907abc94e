"""The engine's vocabulary. Pure Python: nothing here (or anywhere in `houserules`) imports Django."""

from __future__ import annotations

from dataclasses import dataclass, field

RULES = ("abusive", "filthy", "advertising", "off_topic")
LANGUAGES = ("en", "ru", "hy")


@dataclass(frozen=True)
class Token:
    """A word of the comment: its normalised form and where it stands in the original text."""

    norm: str  # normalised: lower case, homoglyphs folded, unmasked, in the native script
    start: int  # character offsets into the ORIGINAL text, end exclusive
    end: int
    script: str  # "latin", "cyrillic", "armenian", "digit", "other"


@dataclass(frozen=True)
class Finding:
    """Why a rule fired: the words or signal, where they are, and a key the site explains in the
    reader's language (e.g. "filthy.lexicon", "advertising.phone")."""

    rule: str
    start: int
    end: int
    evidence: str
    key: str
    weight: float = 1.0


@dataclass(frozen=True)
class RuleResult:
    score: float  # in [0, 1]
    findings: tuple[Finding, ...] = ()
    judged: bool = True  # False when the rule had nothing to judge (e.g. a two-word comment for off_topic)


@dataclass(frozen=True)
class Article:
    title: str = ""
    body: str = ""


@dataclass
class Normalized:
    """A comment as every rule sees it."""

    original: str
    text: str  # the whole normalised text (tokens joined by single spaces)
    tokens: list[Token] = field(default_factory=list)
    scripts: dict[str, int] = field(default_factory=dict)  # letters per script in the original
