"""`assess`: one comment against every house rule, and the decision the site's policy draws.

Pure Python (numpy at most): the engine runs the same in a web process, a worker, a benchmark or the
evaluation command, with no database."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field

from . import abusive, advertising, filthy, insults, language, off_topic
from .normalize import normalize
from .types import LANGUAGES, RULES, Article, Finding, RuleResult

logger = logging.getLogger(__name__)

ENGINE_VERSION = "houserules-2026.11.30"
MAX_CHARS = 20_000  # longer texts are judged on their first 20,000 characters (the site allows 3,000)

PUBLISH, HOLD, REJECT = "publish", "hold", "reject"


@dataclass(frozen=True)
class Policy:
    """Score thresholds per rule (and optionally per language) mapping scores to a decision.

    `reject` and `hold` thresholds apply to the rules named in them; `flag` marks a comment for a
    moderator's look without holding it (off-topic is only ever flagged)."""

    hold: dict = field(default_factory=dict)  # {rule: threshold or {lang: threshold}}
    reject: dict = field(default_factory=dict)
    flag: dict = field(default_factory=dict)

    @staticmethod
    def _threshold(table, rule, lang):
        value = table.get(rule)
        if isinstance(value, dict):
            return value.get(lang, value.get("default"))
        return value

    def decide(self, scores, lang):
        reject = [
            r for r in RULES if (t := self._threshold(self.reject, r, lang)) is not None and scores[r] >= t
        ]
        hold = [r for r in RULES if (t := self._threshold(self.hold, r, lang)) is not None and scores[r] >= t]
        flags = [
            r for r in RULES if (t := self._threshold(self.flag, r, lang)) is not None and scores[r] >= t
        ]
        if reject:
            return REJECT, tuple(reject), tuple(flags)
        if hold:
            return HOLD, tuple(hold), tuple(flags)
        return PUBLISH, (), tuple(flags)


# Defaults: reject only near-certain advertising; hold abusive and filthy language for a moderator;
# flag off-topic for review. Thresholds as chosen on held-out data (see docs/houserules.md).
DEFAULT_POLICY = Policy(
    reject={"advertising": 0.98},
    # Quoted swearing scores at most 0.7 and stays published; a word of one's own scores 0.9.
    hold={"abusive": 0.5, "filthy": 0.75, "advertising": 0.5},
    flag={"off_topic": 0.5},
)


@dataclass(frozen=True)
class Assessment:
    lang: str | None
    script: str | None
    translit: bool
    scores: dict
    judged: dict
    findings: tuple
    decision: str
    reasons: tuple  # the rules behind a hold or reject
    flags: tuple  # rules flagged for review without holding
    model_version: str
    errors: tuple = ()  # rules that failed and were not judged (the site then holds for a person)
    # The quick judgement (encoder=False) left out an encoder that would read this comment: the site
    # judges it again, fully, after answering the reader.
    slow_checks: bool = False

    def to_dict(self):
        data = asdict(self)
        data["findings"] = [asdict(f) for f in self.findings]
        return data


def _as_article(article):
    if article is None or isinstance(article, Article):
        return article
    if isinstance(article, dict):
        return Article(title=str(article.get("title") or ""), body=str(article.get("body") or ""))
    return Article(
        title=str(getattr(article, "title", "") or ""), body=str(getattr(article, "body", "") or "")
    )


def _safe_text(text):
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = str(text)[:MAX_CHARS]
    # Lone surrogates cannot be encoded and would break every later step.
    return text.encode("utf-8", errors="replace").decode("utf-8")


def assess(
    text,
    *,
    article=None,
    thread=(),
    parent=None,
    lang=None,
    policy=None,
    background=(),
    recent_texts=(),
    encoder=True,
) -> Assessment:
    """Check `text` against every house rule. Never raises: a rule that fails is reported in
    `errors`, scored 0 and not judged, and the decision becomes at least "hold".

    `encoder=False` is the quick judgement: no multilingual encoder even where one is installed; where
    the encoder would read this comment, the assessment's `slow_checks` says so, and the site judges
    the comment again with it after answering the reader."""
    policy = policy or DEFAULT_POLICY
    text = _safe_text(text)
    errors = []
    try:
        normalized = normalize(text)
    except Exception:  # judged on the raw words rather than not at all
        logger.exception("normalising a comment failed")
        normalized = normalize(_letters_only(text))
        errors.append("normalize")
    try:
        guess = language.detect(normalized)
        detected_lang, script, translit = guess.lang, guess.script, guess.translit
    except Exception:
        logger.exception("language detection failed")
        detected_lang, script, translit = None, None, False
        errors.append("language")
    lang = lang if lang in LANGUAGES else (detected_lang or "en")
    context = {
        "article": _as_article(article),
        "thread": tuple(_safe_text(t) for t in thread or ()),
        "parent": _safe_text(parent) if parent else None,
        "background": tuple(_as_article(a) for a in background or ()),
        "recent_texts": tuple(_safe_text(t) for t in recent_texts or ()),
        "encoder": bool(encoder),
    }
    results = {}
    for name, module in (
        ("abusive", abusive),
        ("filthy", filthy),
        ("advertising", advertising),
        ("off_topic", off_topic),
    ):
        try:
            results[name] = module.score(normalized, lang=lang, **context)
        except Exception:  # a broken rule must not silently publish: reported, and the site holds
            logger.exception("house rule %s failed", name)
            results[name] = RuleResult(score=0.0, judged=False)
            errors.append(name)
    if "abusive" not in errors and "filthy" not in errors:
        try:
            results["abusive"] = _discount_quoted_swearing(
                text, lang, context, results["abusive"], results["filthy"]
            )
            results["abusive"] = _discount_exclamations(
                text, lang, context, results["abusive"], results["filthy"]
            )
        except Exception:
            logger.exception("judging a quotation or an exclamation failed")
    scores = {name: round(float(min(1.0, max(0.0, r.score))), 4) for name, r in results.items()}
    decision, reasons, flags = policy.decide(scores, lang)
    slow_checks = not encoder and _encoder_would_read(normalized, lang)
    if errors and decision == PUBLISH:
        decision = HOLD
    findings = tuple(sorted((f for r in results.values() for f in r.findings), key=_finding_order))
    return Assessment(
        lang=lang,
        script=script,
        translit=translit,
        scores=scores,
        judged={name: r.judged for name, r in results.items()},
        findings=findings,
        decision=decision,
        reasons=reasons,
        flags=flags,
        # A quick judgement that the encoder would not have changed is the full one.
        model_version=model_version(encoder=encoder or not slow_checks),
        errors=tuple(errors),
        slow_checks=slow_checks,
    )


def _encoder_would_read(normalized, lang):
    try:
        return abusive.encoder_would_read(normalized, lang)
    except Exception:  # unsure: the comment is judged again rather than left to the quick judgement
        logger.exception("could not tell whether the encoder reads a comment")
        return True


def _discount_quoted_swearing(text, lang, context, abusive_result, filthy_result):
    """A reader quoting someone's swearing or insult ("The deputy called them «idiots»") is not
    insulting anyone: the abusive rule judges the comment again without what stands in quotation
    marks, and the lower verdict stands. Insults of the reader's own, beside the quotation, still
    count; a quotation in a sentence that addresses someone ("you «genius»") is not discounted, nor is a
    comment that is nothing but a quotation."""
    if abusive_result.score == 0:
        return abusive_result
    spans = filthy.quoted_spans(text)
    if not spans:
        return abusive_result
    chars = list(text)
    for start, end in spans:
        chars[start : end + 1] = " " * (end + 1 - start)
    rest = "".join(chars)
    if not any(ch.isalpha() for ch in rest):
        return abusive_result
    unquoted = normalize(rest)
    for start, end in spans:
        sentence = _sentence_around(rest, start, end)
        if any(
            insults.classify(t.norm)[1] == "you"
            for t in unquoted.tokens
            if sentence[0] <= t.start < sentence[1]
        ):
            return abusive_result
    again = abusive.score(unquoted, lang=lang, **context)
    return again if again.score < abusive_result.score else abusive_result


# Obscene exclamations and intensifiers aimed at nobody ("Бля, опять пробка", "fucking brilliant news",
# "Քաք որոշում է"). Words that are insults or orders when said to someone («нахуй», «сука», "fuck off",
# «քունեմ») are not here.
_EXCLAMATIONS = re.compile(
    r"^(?:fuck|fucking|fuckin|effing|shit|shitty|bullshit|holyshit|goddamn|damn|"
    r"бля|блять|блядь|пиздец|пиздато|пиздос|хуйня|хуйню|хуйней|хуево|хуёво|хуевый|хуёвый|охуеть|охуенно|"
    r"охуенный|ахуеть|ебать|ёпт|епт|ебаный|ёбаный|pizdec|blyat|blya|bla|хрень|"
    r"քաք|քաքոտ|qaq|kaq)$"
)


def _exclamation(evidence):
    letters = "".join(ch for ch in evidence.lower() if ch.isalpha() or ch in "*@")
    word = normalize(evidence).tokens
    forms = {letters} | {t.norm for t in word} | {"".join(t.norm for t in word)}
    return any(_EXCLAMATIONS.match(form.replace("ё", "е")) for form in forms) or any(
        "*" in form and re.fullmatch(_masked_pattern(form), candidate)
        for form in forms
        for candidate in ("хуйня", "хуйню", "пиздец", "блять", "блядь", "fucking", "shit", "bullshit")
    )


def _masked_pattern(form):
    return "".join("." if ch in "*@" else re.escape(ch) for ch in form)


def _discount_exclamations(text, lang, context, abusive_result, filthy_result):
    """Swearing at nobody is the filthy rule's business, which holds the comment anyway; the public
    training sets call every crude post toxic, so the abusive models flag it too. When every obscene word
    of the comment (outside quotations) is an exclamation or an intensifier and no one is addressed
    ("you", «ты», «դու»), the abusive rule judges the comment again without them, and the lower verdict
    stands: an insult beside the swearing still counts."""
    own = [f for f in filthy_result.findings if f.key == "filthy.lexicon"]
    if not own or abusive_result.score == 0:
        return abusive_result
    if not all(_exclamation(text[f.start : f.end]) for f in own):
        return abusive_result
    if any(insults.classify(t.norm)[1] == "you" for t in normalize(text).tokens):
        return abusive_result
    chars = list(text)
    for f in own:
        chars[f.start : f.end] = " " * (f.end - f.start)
    again = abusive.score(normalize("".join(chars)), lang=lang, **context)
    return again if again.score < abusive_result.score else abusive_result


_SENTENCE_END = re.compile(r"[.!?…։;\n]")


def _sentence_around(text, start, end):
    """(from, to) of the sentence holding text[start:end]."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0, after.start() if after else len(text))


def _letters_only(text):
    return "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text)


def _finding_order(finding: Finding):
    return (finding.start, finding.end, finding.rule)


def model_version(encoder=True):
    parts = [ENGINE_VERSION, abusive.model_version(encoder=encoder)]
    version = getattr(advertising, "model_version", None)
    if callable(version):
        parts.append(version())
    return "+".join(parts)


def slow_checks_available():
    """Whether the full judgement (with the encoder) can differ from the quick one in this process:
    an encoder is installed and a model has a head for it."""
    return model_version(encoder=True) != model_version(encoder=False)


# One short comment under one short article per language, for warm_up.
_WARM_UP = {
    "en": (
        "The council met to discuss the new bridge.",
        "A sensible plan for the bridge, I hope it opens soon.",
    ),
    "ru": ("Совет обсудил строительство нового моста.", "Разумный план, надеюсь, мост откроют скоро."),
    "hy": ("Խորհուրդը քննարկեց նոր կամրջի կառուցումը։", "Կամրջի կառուցումը կարևոր է մեր թաղամասի համար։"),
}


def warm_up(encoder=False):
    """Load what every rule loads on first use (lexicons, models, caches) by judging one comment in
    each language: a web process calls this before its first request, so that no reader's comment
    waits for it. Returns the languages judged."""
    judged = []
    for lang, (title, comment) in _WARM_UP.items():
        assess(comment, article={"title": title, "body": title}, thread=[comment], lang=lang, encoder=encoder)
        judged.append(lang)
    return judged
