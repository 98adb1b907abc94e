"""The house-rules engine: every comment checked against each rule (abusive, filthy, advertising,
off_topic) in English, Russian and Armenian, offline. Pure Python; imports nothing from Django."""

from .engine import (
    DEFAULT_POLICY,
    HOLD,
    PUBLISH,
    REJECT,
    Assessment,
    Policy,
    assess,
    model_version,
    slow_checks_available,
    warm_up,
)
from .types import LANGUAGES, RULES, Article, Finding

__all__ = [
    "DEFAULT_POLICY",
    "HOLD",
    "LANGUAGES",
    "PUBLISH",
    "REJECT",
    "RULES",
    "Article",
    "Assessment",
    "Finding",
    "Policy",
    "assess",
    "model_version",
    "slow_checks_available",
    "warm_up",
]
