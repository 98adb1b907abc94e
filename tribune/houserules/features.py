"""Hashed character n-grams: the one featuriser used both to train the classifiers and to score comments.

Each token's normalised form is padded with a space on either side and cut into character n-grams
(like scikit-learn's ``analyzer="char_wb"``): n-grams never cross a word boundary, so every feature
occurrence belongs to exactly one token and a score can be split exactly into per-token contributions.
N-grams are hashed with CRC-32 over UTF-8 (stable across processes and machines, unlike ``hash()``),
term frequencies are sublinear (1 + ln tf) and the vector is L2-normalised. Pure Python + numpy.
"""

from __future__ import annotations

import contextlib
import functools
import math
import zlib
from dataclasses import asdict, dataclass

import numpy as np

from .types import Normalized

FEATURES_VERSION = "char_wb-crc32-1"


@dataclass(frozen=True)
class Settings:
    """How a model's features were made; saved with every model so a model is read as it was trained."""

    ngram_min: int = 2
    ngram_max: int = 5
    n_features: int = 2**20
    # Scale of each n-gram order, shortest first (None: all 1). Scaling an order down regularises it more
    # strongly: short n-grams ("ху", "бля") are shared by insults and ordinary words alike.
    order_weights: tuple[float, ...] | None = None
    translit: bool = False  # Latin words of a mostly-Latin ru/hy comment transliterated to the native script
    version: str = FEATURES_VERSION

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if known.get("order_weights") is not None:
            known["order_weights"] = tuple(float(v) for v in known["order_weights"])
        return cls(**known)


DEFAULT = Settings()

_EMPTY = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)
_WORD_CACHE: dict[tuple, np.ndarray] = {}
_WORD_CACHE_MAX = 50_000  # about 20 MB at most; a day of comments uses far fewer distinct words
MAX_WORD = 64  # longer "words" (hashes, base64 junk) are cut: they carry no meaning and cost time


def word_ngrams(word: str, ngram_min: int = 2, ngram_max: int = 5) -> list[str]:
    """The char_wb n-grams of one word, in scikit-learn's order."""
    padded = f" {word} "
    size = len(padded)
    grams = []
    for n in range(ngram_min, ngram_max + 1):
        if size <= n:
            grams.append(padded)  # a short word counts once, whole
            break
        grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


@functools.lru_cache(maxsize=512)
def _scales(length: int, ngram_min: int, ngram_max: int, order_weights: tuple[float, ...]) -> np.ndarray:
    """Order weight of each n-gram of a word of `length` letters (the layout depends on length only)."""
    last = len(order_weights) - 1
    grams = word_ngrams("x" * length, ngram_min, ngram_max)
    scales = np.array([order_weights[min(len(g) - ngram_min, last)] for g in grams], dtype=np.float64)
    scales.flags.writeable = False
    return scales


def word_features(word: str, settings: Settings = DEFAULT) -> tuple[np.ndarray, np.ndarray | None]:
    """Hashed feature indices (with repeats) of one word and, with order weights, the scale of each.
    Indices are cached, since words repeat across comments."""
    word = word[:MAX_WORD]
    if not word:
        return _EMPTY, None if settings.order_weights is None else _EMPTY_F
    scales = None
    if settings.order_weights is not None:
        scales = _scales(len(word), settings.ngram_min, settings.ngram_max, settings.order_weights)
    key = (word, settings.ngram_min, settings.ngram_max, settings.n_features)
    indices = _WORD_CACHE.get(key)
    if indices is None:
        mask = settings.n_features - 1
        crc32 = zlib.crc32
        grams = word_ngrams(word, settings.ngram_min, settings.ngram_max)
        indices = np.fromiter(
            (crc32(g.encode("utf-8", "surrogatepass")) & mask for g in grams),
            dtype=np.int64,
            count=len(grams),
        )
        indices.flags.writeable = False
        if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
            _WORD_CACHE.clear()
            _PARTS.clear()  # which holds the same arrays
        _WORD_CACHE[key] = indices
    return indices, scales


def word_indices(word: str, settings: Settings = DEFAULT) -> np.ndarray:
    return word_features(word, settings)[0]


def script_counts(normalized: Normalized) -> dict[str, int]:
    """Letters per script: from the normaliser when it counted them, else from the tokens."""
    if normalized.scripts:
        return normalized.scripts
    counts: dict[str, int] = {}
    for token in normalized.tokens:
        counts[token.script] = counts.get(token.script, 0) + len(token.norm)
    return counts


def _mostly_latin(normalized: Normalized) -> bool:
    scripts = script_counts(normalized)
    latin = scripts.get("latin", 0)
    return latin > 0 and latin >= 2 * (scripts.get("cyrillic", 0) + scripts.get("armenian", 0))


def _transliterator():
    try:
        from .normalize import transliterate
    except ImportError:
        try:
            from .translit import transliterate
        except ImportError:
            return None
    return transliterate


def transliteration_available() -> bool:
    return _transliterator() is not None


def model_words(normalized: Normalized, lang: str, settings: Settings = DEFAULT) -> list[str]:
    """The words a model sees, one per token (same length and order as ``normalized.tokens``).

    With ``settings.translit``, a Russian or Armenian comment written mostly in Latin letters is mapped to
    the native script word by word (the models learnt native-script n-grams), when the normaliser offers
    ``transliterate``.
    """
    words = [t.norm for t in normalized.tokens]
    if settings.translit and lang in ("ru", "hy") and _mostly_latin(normalized):
        transliterate = _transliterator()
        if transliterate is not None:
            out = []
            for token, word in zip(normalized.tokens, words, strict=True):
                if token.script == "latin":
                    with contextlib.suppress(Exception):  # a normaliser bug must not cost the verdict
                        word = transliterate(word, lang) or word
                out.append(word)
            words = out
    return words


@dataclass
class Vector:
    """A sparse, L2-normalised feature vector, remembering which token each occurrence came from."""

    indices: np.ndarray  # unique feature indices, sorted
    values: np.ndarray  # float64, L2-normalised sublinear tf
    occ_indices: np.ndarray  # per occurrence: feature index
    occ_tokens: np.ndarray  # per occurrence: position of its word in the list given to `vectorize`
    occ_share: np.ndarray  # per occurrence: its share of its feature's value (value / count)


def vectorize(words: list[str], settings: Settings = DEFAULT) -> Vector:
    return Occurrences(words, settings).vector(0, len(words))


# word -> word_features(word), per kind of settings: what `Occurrences` reads, without building a key
# per word (the arrays are those of _WORD_CACHE, shared)
_PARTS: dict[tuple, dict[str, tuple[np.ndarray, np.ndarray | None]]] = {}


class Occurrences:
    """The feature occurrences of a list of words, gathered once; the vector of any run of the words
    is then read from them (what `vectorize(words[start:end])` gives, array for array)."""

    __slots__ = ("_tokens", "occ", "offsets", "scales")

    def __init__(self, words: list[str], settings: Settings = DEFAULT) -> None:
        key = (settings.ngram_min, settings.ngram_max, settings.n_features, settings.order_weights)
        known = _PARTS.get(key)
        if known is None or len(known) >= _WORD_CACHE_MAX:
            known = _PARTS[key] = {}
        parts = []
        for w in words:
            part = known.get(w)
            if part is None:
                part = word_features(w, settings)
                if len(w) <= MAX_WORD:
                    known[w] = part
            parts.append(part)
        lengths = [len(p[0]) for p in parts]
        offsets = [0]
        for length in lengths:
            offsets.append(offsets[-1] + length)
        self.offsets = offsets
        self._tokens = None
        if offsets[-1]:
            self.occ = np.concatenate([p[0] for p in parts])
            self.scales = None if settings.order_weights is None else np.concatenate([p[1] for p in parts])
        else:
            self.occ, self.scales = _EMPTY, None

    @property
    def tokens(self) -> np.ndarray:
        """Per occurrence: the position of its word."""
        if self._tokens is None:
            lengths = np.diff(np.asarray(self.offsets, dtype=np.int64))
            self._tokens = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        return self._tokens

    def span(self, start: int, end: int) -> Span | None:
        """The vector of words[start:end] without its per-occurrence parts; None when it is empty."""
        lo, hi = self.offsets[start], self.offsets[end]
        if lo == hi:
            return None
        runs = _Runs(self.occ[lo:hi])
        values = 1.0 + np.log(runs.counts)
        if self.scales is not None:
            values *= self.scales[lo:hi][runs.first]
        values /= math.sqrt(float(values @ values))
        return Span(self, start, end, runs.keys, values, runs.counts, runs)

    def spans(self, bounds) -> list[Span]:
        """The vectors of several runs (start, end) of the words, the empty ones left out."""
        return [span for a, b in bounds if (span := self.span(a, b)) is not None]

    def vector(self, start: int, end: int) -> Vector:
        span = self.span(start, end)
        if span is None:
            return Vector(_EMPTY, _EMPTY_F, _EMPTY, _EMPTY, _EMPTY_F)
        return Vector(span.indices, span.values, span.occ_indices(), span.occ_tokens(), span.occ_share())


class _Runs:
    """The pieces of np.unique(keys, return_index=True, return_inverse=True, return_counts=True), step
    by step: the same stable sort, so the same arrays, without its overhead on a few hundred numbers."""

    __slots__ = ("_inverse", "counts", "first", "keys", "mask", "perm")

    def __init__(self, keys: np.ndarray) -> None:
        perm = keys.argsort(kind="mergesort")
        ordered = keys[perm]
        mask = np.empty(ordered.shape, dtype=np.bool_)
        mask[:1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=mask[1:])
        starts = mask.nonzero()[0]
        bounds = np.empty(len(starts) + 1, dtype=np.intp)
        bounds[:-1] = starts
        bounds[-1] = mask.size
        self.keys = ordered[starts]  # the distinct keys, sorted
        self.first = perm[starts]  # where each first occurs
        self.counts = bounds[1:] - bounds[:-1]
        self.perm, self.mask, self._inverse = perm, mask, None

    def inverse(self) -> np.ndarray:
        """For each key, the place of its value among the distinct ones."""
        if self._inverse is None:
            self._inverse = np.empty(self.mask.shape, dtype=np.intp)
            self._inverse[self.perm] = np.cumsum(self.mask) - 1
        return self._inverse


class Span:
    """A run of words of an `Occurrences`: its vector, and on demand its per-occurrence parts."""

    __slots__ = ("counts", "end", "indices", "owner", "runs", "start", "values")

    def __init__(self, owner, start, end, indices, values, counts, runs) -> None:
        self.owner, self.start, self.end = owner, start, end
        self.indices, self.values, self.counts, self.runs = indices, values, counts, runs

    def occ_indices(self) -> np.ndarray:
        return self.owner.occ[self.owner.offsets[self.start] : self.owner.offsets[self.end]]

    def occ_tokens(self) -> np.ndarray:
        return self.owner.tokens[self.owner.offsets[self.start] : self.owner.offsets[self.end]] - self.start

    def occ_share(self) -> np.ndarray:
        return (self.values / self.counts)[self.runs.inverse()]


def vectorize_text(text: str, settings: Settings = DEFAULT) -> tuple[np.ndarray, np.ndarray]:
    """Indices and values for an already-normalised text (words separated by spaces)."""
    vector = vectorize(text.split(), settings)
    return vector.indices, vector.values


def checksum(indices: np.ndarray, values: np.ndarray) -> str:
    """A short, stable fingerprint of a vector (for tests of hash stability across processes)."""
    payload = np.asarray(indices, dtype="<i8").tobytes() + np.round(np.asarray(values, "<f8"), 9).tobytes()
    return f"{zlib.crc32(payload):08x}"
