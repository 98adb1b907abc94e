"""Latin transliteration of Russian and Armenian, read back into the native script.

People type Russian and Armenian in Latin letters in many ways; these tables follow the readings
common in comments and chats rather than any standard. `transliterate` gives the most common
reading; `transliteration_candidates` a few plausible ones for lexicon lookups.

The Armenian output is in NFKC form, as token norms are: "և" is written "եւ".
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, product

MAX_CANDIDATES = 16
MAX_WORD = 64  # longer "words" are not lexicon entries; keeps the candidate search small
# Readings of words seen lately (words repeat from comment to comment): about 4 MB when full.
_CACHE_SIZE = 16_384

_VOWELS = frozenset("aeiouy")
_LATIN_VOWELS_NO_Y = frozenset("aeiou")

# unit -> readings, the most common first. Longest units win.
_RU_UNITS: dict[str, tuple[str, ...]] = {
    "shch": ("щ", "шч"),
    "tsya": ("тся", "ться"),
    "sch": ("щ", "сч"),
    "sh": ("ш", "сх"),
    "ch": ("ч",),
    "zh": ("ж",),
    "kh": ("х", "кх"),
    "ts": ("ц", "тс"),
    "ya": ("я",),
    "yu": ("ю",),
    "yo": ("ё", "йо"),
    "ye": ("е",),
    "ja": ("я", "жа"),
    "ju": ("ю", "жу"),
    "jo": ("ё", "жо", "йо"),
    "je": ("е", "же"),
    "ck": ("к", "цк"),
    "a": ("а",),
    "b": ("б",),
    "v": ("в",),
    "w": ("в", "ш"),
    "g": ("г",),
    "d": ("д",),
    "z": ("з",),
    "i": ("и", "й", "ы"),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "f": ("ф",),
    "h": ("х",),
    "c": ("ц", "с", "к"),
    "x": ("х", "кс"),
    "j": ("й", "ж", "дж"),
    "q": ("к",),
    "'": ("ь", "ъ"),
    "4": ("ч",),
    "6": ("б", "ш"),
    "3": ("з",),
    "0": ("о",),
    "9": ("я",),
    "@": ("а",),
}

# Russian typed with Latin letters that look like the Cyrillic ones ("volapuk": cyka, nu3da, xyu),
# read letter by letter.
_RU_VISUAL = str.maketrans(
    {
        "a": "а", "b": "в", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "д", "h": "н", "i": "и",
        "j": "й", "k": "к", "l": "л", "m": "м", "n": "п", "o": "о", "p": "р", "r": "г", "s": "с",
        "t": "т", "u": "и", "v": "в", "w": "ш", "x": "х", "y": "у", "z": "з", "0": "о", "3": "з",
        "4": "ч", "6": "б", "9": "я", "@": "а", "'": "ь",
    }
)  # fmt: skip

_HY_UNITS: dict[str, tuple[str, ...]] = {
    "tyun": ("թյուն", "տյուն"),
    "ch'": ("չ",),
    "ts'": ("ց",),
    "tch": ("ճ",),
    "sh": ("շ",),
    "ch": ("չ", "ճ"),
    "zh": ("ժ",),
    "kh": ("խ",),
    "gh": ("ղ",),
    "dz": ("ձ",),
    "ts": ("ց", "ծ"),
    "dj": ("ջ",),
    "ou": ("ու",),
    "yu": ("յու",),
    "ev": ("եւ", "եվ"),
    "rr": ("ռ", "րր"),
    "t'": ("թ",),
    "p'": ("փ",),
    "k'": ("ք",),
    "c'": ("ց",),
    "a": ("ա",),
    "b": ("բ",),
    "g": ("գ",),
    "d": ("դ",),
    "z": ("զ",),
    "t": ("տ", "թ"),
    "i": ("ի",),
    "l": ("լ",),
    "x": ("խ", "ղ"),
    "c": ("ց", "ծ"),
    "k": ("կ", "ք"),
    "h": ("հ",),
    "m": ("մ",),
    "n": ("ն",),
    "p": ("պ", "փ"),
    "j": ("ջ", "ժ"),
    "r": ("ր", "ռ"),
    "s": ("ս",),
    "v": ("վ",),
    "u": ("ու",),
    "q": ("ք",),
    "f": ("ֆ",),
    "w": ("վ", "ու"),
    "@": ("ը",),
    "'": ("",),
}

_UNITS = {"ru": _RU_UNITS, "hy": _HY_UNITS}
_CONTEXTUAL = {"ru": frozenset("ey"), "hy": frozenset("eoy")}
_MAXLEN = {to: max(map(len, units)) for to, units in _UNITS.items()}


def _ru_context(word: str, i: int, unit: str) -> tuple[str, ...] | None:
    """Readings of Russian units that depend on their neighbours; None when the table decides."""
    if unit == "e":
        if i == 0 and word[1:2] == "t":  # eto, etot, eti: the word-initial "э" of the commonest words
            return ("э", "е")
        return ("е", "э", "ё")
    if unit == "y":
        prev = word[i - 1] if i else ""
        if prev in _VOWELS:
            return ("й", "ы", "у")
        return ("ы", "й", "у")
    return None


def _hy_context(word: str, i: int, unit: str) -> tuple[str, ...] | None:
    start = i == 0 or not word[i - 1].isalpha()
    if start:
        if unit == "vo":
            return ("ո", "վո")
        if unit == "ye":
            return ("ե", "յե")
    if unit == "e":
        if start and not word[i + 1 : i + 2].isalpha():
            return ("է", "ե")
        return ("ե", "է")
    if unit == "o":
        return ("օ", "ո") if start else ("ո", "օ")
    if unit == "y":
        prev = word[i - 1] if i else ""
        nxt = word[i + 1 : i + 2]
        if prev in _LATIN_VOWELS_NO_Y or nxt in _LATIN_VOWELS_NO_Y:
            return ("յ", "ը")
        return ("ը", "յ")
    return None


def _segments(word: str, to: str) -> list[tuple[str, ...]]:
    """The word cut into units (longest match first), each with its readings."""
    units = _UNITS[to]
    context = _ru_context if to == "ru" else _hy_context
    maxlen = _MAXLEN[to]
    out: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        if to == "hy" and (i == 0 or not word[i - 1].isalpha()):
            if word.startswith("yev", i):
                out.append(("եւ",))
                i += 3
                continue
            if word.startswith(("vo", "ye"), i):
                out.append(context(word, i, word[i : i + 2]))
                i += 2
                continue
        for size in range(min(maxlen, n - i), 0, -1):
            unit = word[i : i + size]
            readings = context(word, i, unit) if size == 1 and unit in _CONTEXTUAL[to] else None
            if readings is None:
                readings = units.get(unit)
            if readings is not None:
                out.append(readings)
                i += size
                break
        else:
            out.append((word[i],))
            i += 1
    return out


def _check(to: str) -> None:
    if to not in _UNITS:
        raise ValueError(f"transliteration target must be 'ru' or 'hy', not {to!r}")


def transliterate(word: str, to: str) -> str:
    """The most common native reading of a Latin-typed Russian ("ru") or Armenian ("hy") word.
    Characters it has no reading for pass through unchanged."""
    _check(to)
    word = word.lower()
    if len(word) > MAX_WORD:  # not remembered: the cache holds words, not pages
        return _reading(word, to)
    return _transliterate(word, to)


def _reading(word: str, to: str) -> str:
    return "".join(readings[0] for readings in _segments(word, to))


_transliterate = lru_cache(maxsize=_CACHE_SIZE)(_reading)


def lookalike_reading(word: str) -> str:
    """Russian typed with the Latin letters that look like Cyrillic ones, read letter by letter
    ("cyka" -> "сука", "nu3da" -> "пизда")."""
    return word.lower().translate(_RU_VISUAL)


def transliteration_candidates(word: str, to: str, limit: int = MAX_CANDIDATES) -> list[str]:
    """Up to `limit` readings: the most common one first, for Russian then the letter-by-letter
    look-alike reading, then readings that differ from the first in one ambiguous unit, then in
    two, and so on (the more common alternatives first)."""
    _check(to)
    return list(_candidates(word.lower()[:MAX_WORD], to, limit))


@lru_cache(maxsize=2048)  # up to 16 readings each: about 2 MB when full
def _candidates(word: str, to: str, limit: int) -> tuple[str, ...]:
    segments = _segments(word, to)
    primary = [readings[0] for readings in segments]
    seen: dict[str, None] = {"".join(primary): None}
    if to == "ru":
        seen.setdefault(lookalike_reading(word), None)
    ambiguous = [i for i, readings in enumerate(segments) if len(readings) > 1]
    for k in range(1, len(ambiguous) + 1):
        if len(seen) >= limit:
            break
        level = []
        for positions in combinations(ambiguous, k):
            ranges = [range(1, len(segments[i])) for i in positions]
            for ranks in product(*ranges):
                level.append((sum(ranks), positions, ranks))
        level.sort()
        for _, positions, ranks in level:
            reading = primary[:]
            for i, rank in zip(positions, ranks, strict=True):
                reading[i] = segments[i][rank]
            seen.setdefault("".join(reading), None)
            if len(seen) >= limit:
                break
    return tuple(seen)[:limit]
