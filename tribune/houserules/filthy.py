"""The `filthy` rule: obscene and vulgar words, looked up in curated word lists (lexicons/*.txt).

Built for precision: a clean comment flagged as filthy insults its reader. The lists hold exact word
forms (full paradigms, not roots), so "оскорблять", "корабля", "хулиган", "Scunthorpe" or "cocktail"
cannot match; words with an ordinary meaning ("cock", "dick", «շուն» (dog), «քուն» (sleep)) are left
out. Readers mix languages, so every comment is checked against all three lists.

Keys (the site explains them in the reader's language):
    filthy.lexicon  an obscene or vulgar word.
    filthy.quoted   an obscene word inside quotation marks: the reader quotes someone, weighted lower.

Score: 0 with no hit; 0.9 for one word, 0.95 for two, up to 0.99 for several. When every hit stands
inside quotation marks (and the comment has words of its own outside them) the score is 0.6, 0.65,
at most 0.7: quoting what a politician said is reporting, not swearing at anyone, but a moderator
should still see it. A comment that is nothing but a quotation is judged as unquoted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from . import normalize as _normalize_module
from .types import LANGUAGES, Finding, Normalized, RuleResult

RULE = "filthy"
KEY_LEXICON = "filthy.lexicon"
KEY_QUOTED = "filthy.quoted"
QUOTED_WEIGHT = 0.6
MAX_FINDINGS = 100  # enough to highlight; the score stops growing long before

_LEXICON_DIR = Path(__file__).with_name("lexicons")


def _load(name: str) -> frozenset[str]:
    words = set()
    for line in (_LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        word = unicodedata.normalize("NFKC", line.split("#", 1)[0].strip()).lower()
        if word:
            words.add(word)
            words.add(word.replace("ё", "е"))
    return frozenset(words)


def _squeeze(word: str, limit: int) -> str:
    """Runs of one letter cut to `limit` letters ("fuuuck" -> "fuck" with 1)."""
    out: list[str] = []
    run = 0
    for ch in word:
        run = run + 1 if out and out[-1] == ch else 1
        if run <= limit:
            out.append(ch)
    return "".join(out)


LEXICONS: dict[str, frozenset[str]] = {lang: _load(f"{lang}.txt") for lang in LANGUAGES}
# Latin words that transliterate onto an entry but are ordinary words or names (her -> хер).
LATIN_ALLOW: frozenset[str] = _load("latin_allow.txt")
ALL_WORDS: frozenset[str] = frozenset().union(*LEXICONS.values())
_SQUEEZED = {lang: frozenset(_squeeze(w, 1) for w in words) for lang, words in LEXICONS.items()}
_ALL_SQUEEZED = frozenset().union(*_SQUEEZED.values())

# For masked words ("х*й", "f**k"): entries by (length, first letter) and (length, last letter).
_BY_FIRST: dict[tuple[int, str], list[str]] = {}
_BY_LAST: dict[tuple[int, str], list[str]] = {}
for _w in sorted(ALL_WORDS):
    _BY_FIRST.setdefault((len(_w), _w[0]), []).append(_w)
    _BY_LAST.setdefault((len(_w), _w[-1]), []).append(_w)
del _w

MASKS = frozenset("*#")
# Characters readers put inside a word to hide it from filters; also Armenian marks that sit
# inside words (՛ emphasis, ՜ exclamation, ՞ question) and invisible characters.
SEPARATORS = frozenset(".-_·•'’`\u055b\u055c\u055e\u00ad\u200b\u200c\u200d\u2060")
_HIDING_CHARS = "[" + "".join(re.escape(ch) for ch in sorted(SEPARATORS | MASKS | {"@"})) + "]"
_HIDING = re.compile(_HIDING_CHARS)
_HIDING_CHUNK = re.compile(rf"(?<!\S)\S*{_HIDING_CHARS}\S*")
_EDGE = "\"'«»„“”‚‘’()[]{}<>,;:!?.…*_~`¡¿-–—/\\|"

_QUOTE_MARK = re.compile('[«»„“”"‹›]')
_QUOTE_CLOSERS = {"«": "»", "„": "“”", "“": "”", '"': '"', "‹": "›"}


_TRIPLE = re.compile(r"([^\W\d_])\1\1")


def _elongated(typed: str, norm: str) -> bool:
    """May repeated letters be squeezed to one? For Cyrillic words, yes ("бляя"): no Russian word
    form squeezes onto an entry (checked against a full Russian morphological dictionary). For
    Latin and Armenian words only with three or more of one letter in a row ("fuuuck"): plain
    doubles are ordinary spelling ("Shiite" is not "shite", "Boozer" is not "bozer")."""
    if any("а" <= ch <= "я" or ch == "ё" for ch in norm):
        return True
    return bool(_TRIPLE.search(typed) or _TRIPLE.search(norm))


def _matches(word: str, lang: str | None = None, elongated: bool = False) -> bool:
    """Is `word` an entry of `lang`'s list (of any list without `lang`)? With `elongated`, also
    `word` with repeated letters squeezed to one."""
    lexicon = LEXICONS[lang] if lang else ALL_WORDS
    word = word.replace("ё", "е")
    if word in lexicon:
        return True
    if not elongated:
        return False
    squeezed = _squeeze(word, 1)
    if _squeeze(word, 2) in lexicon or squeezed in lexicon:
        return True
    return squeezed in (_SQUEEZED[lang] if lang else _ALL_SQUEEZED)


def _is_latin(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _transliterations(word: str, to: str) -> list[str]:
    """What the normaliser offers for a Latin word in the script of `to`; nothing with the simple
    normaliser, which has no transliteration yet."""
    out: list[str] = []
    for name in ("transliteration_candidates", "transliterate"):
        func = getattr(_normalize_module, name, None)
        if func is None:
            continue
        try:
            got = func(word, to)
        except Exception:  # noqa: S112 -- the rule never fails because a helper did
            continue
        if isinstance(got, str):
            out.append(got)
        elif got is not None:
            try:
                out.extend(str(g) for g in got)
            except TypeError:
                continue
    return [w.lower() for w in out if w and w.lower() != word]


def _token_hit(norm: str, lang: str, typed: str = "") -> bool:
    """`norm` as a word of any list. In a Russian or Armenian comment a Latin word is also read as
    transliteration into that language (from its norm and from the letters as typed, where chat
    digits stand for letters: "3aebal"); in an English comment only the Latin lines of the lists
    count, since English words read as transliteration collide ("crack" -> "срак")."""
    if not norm:
        return False
    if len(norm) > _LONGEST_WORD or len(typed or "") > 4 * _LONGEST_WORD:
        return _lookup(norm, lang, typed)  # junk: not remembered
    return _remembered_lookup(norm, lang, typed)


_LONGEST_WORD = 64  # longer "words" are junk: their verdicts are not remembered


def _lookup(norm: str, lang: str, typed: str) -> bool:
    typed = unicodedata.normalize("NFKC", typed or norm).lower()
    elongated = _elongated(typed, norm)
    if _matches(norm, elongated=elongated):
        return True
    if lang in ("ru", "hy") and _is_latin(norm) and norm not in LATIN_ALLOW:
        forms = [norm]
        raw = "".join(ch for ch in typed if ch.isalnum() or ch in "@'")
        if raw and raw != norm and raw.isascii():
            forms.append(raw)
        return any(_matches(w, lang, elongated) for form in forms for w in _transliterations(form, lang))
    return False


_remembered_lookup = lru_cache(maxsize=16_384)(_lookup)  # about 4 MB when full


def _masked_hit(core: str, lang: str) -> bool:
    """A word with hiding characters: separators dropped ("п.и.з.д.е.ц"), masks as one unknown
    letter each ("х*й", "f**k"), checked against the lexicon entries of that shape only."""
    joined = "".join(ch for ch in core if ch not in SEPARATORS)
    if not joined or not all(ch.isalpha() or ch in MASKS or ch == "@" for ch in joined):
        return False
    joined = unicodedata.normalize("NFKC", joined).lower().replace("ё", "е")
    if "@" in joined:  # inside a word (handles and e-mails never get here) "@" hides any letter: "бл@ть"
        return any(_masked_hit(joined.replace("@", letter), lang) for letter in ("*", "a", "а"))
    if not any(ch in MASKS for ch in joined):
        return _token_hit(joined, lang, core)
    visible = sum(1 for ch in joined if ch not in MASKS)
    if visible < 2:
        return False
    if joined[0] in MASKS and joined[-1] in MASKS:
        return False
    if _shape_hit(joined, len(joined)):
        return True
    # People type a run of masks for one letter as often as one mask per letter: "о**уели".
    runs = [len(run) for run in _MASK_RUN.findall(joined)]
    if max(runs) < 2:
        return False
    pattern = re.compile(
        "".join(
            f"[^\\W\\d_]{{1,{len(part)}}}" if part[0] in MASKS else re.escape(part)
            for part in _MASK_SPLIT.findall(joined)
        )
    )
    shortest = len(joined) - sum(run - 1 for run in runs)
    return any(
        pattern.fullmatch(entry)
        for length in range(shortest, len(joined))
        for entry in _shape_candidates(joined, length)
    )


_MASK_RUN = re.compile(r"[*#]+")
_MASK_SPLIT = re.compile(r"[*#]+|[^*#]+")


def _shape_candidates(joined: str, length: int):
    if joined[0] not in MASKS:
        return _BY_FIRST.get((length, joined[0]), ())
    return _BY_LAST.get((length, joined[-1]), ())


def _shape_hit(joined: str, length: int) -> bool:
    return any(
        all(p in MASKS or p == c for p, c in zip(joined, entry, strict=True))
        for entry in _shape_candidates(joined, length)
    )


def _masked_at(core: str) -> bool:
    """May an "@" in this word be a hidden letter? Not in a handle ("@shop") or an e-mail address
    ("shop@mail.am"): only between letters of one word."""
    if "@" not in core:
        return True
    return core.count("@") <= 2 and not core.startswith("@") and not core.endswith("@") and "." not in core


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans (open, close) of text in quotation marks: «…», „…“, “…”, "…", ‹…›; unclosed quotes
    count as nothing. Nested quotes fold into the outermost span."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        closed = False
        for depth in range(len(stack) - 1, -1, -1):
            opener, start = stack[depth]
            if ch in _QUOTE_CLOSERS[opener]:
                del stack[depth:]
                spans.append((start, i))
                closed = True
                break
        if not closed and ch in _QUOTE_CLOSERS:
            stack.append((ch, i))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and spans[i][0] < start and end <= spans[i][1]


def _single_letter_runs(tokens, text: str):
    """Spaced-out letters ("х у й", "f u c k"): (start, end, word) for each stretch of at least
    three one-letter tokens that spells a lexicon word."""
    run: list = []

    def flush():
        out = []
        if len(run) >= 3:
            letters = run[:40]
            for i in range(len(letters)):
                for j in range(i + 3, len(letters) + 1):
                    out.append((letters[i].start, letters[j - 1].end, "".join(t.norm for t in letters[i:j])))
        return out

    found = []
    for tok in tokens:
        single = len(tok.norm) == 1 and tok.norm.isalpha()
        if single and run and (tok.start - run[-1].end > 3 or text[run[-1].end : tok.start].strip(" .-_*·")):
            found += flush()
            run = []
        if single:
            run.append(tok)
        else:
            found += flush()
            run = []
    found += flush()
    return found


def score(normalized: Normalized, *, lang: str, **context) -> RuleResult:
    """Obscene words in the comment, wherever they are and whichever list they are in."""
    text = normalized.original if isinstance(normalized.original, str) else ""
    tokens = [t for t in (normalized.tokens or []) if isinstance(t.norm, str)]
    if not any(any(ch.isalpha() for ch in t.norm) for t in tokens):
        return RuleResult(score=0.0, judged=False)

    hits: list[tuple[int, int]] = []
    for tok in tokens:
        norm, typed = tok.norm, text[tok.start : tok.end]
        if len(norm) <= _LONGEST_WORD and len(typed) <= 4 * _LONGEST_WORD:
            hit = bool(norm) and _remembered_lookup(norm, lang, typed)  # _token_hit, without a call
        else:
            hit = _token_hit(norm, lang, typed)
        if hit:
            hits.append((tok.start, tok.end))
    for chunk in _HIDING_CHUNK.finditer(text):  # the chunks (\S+) with a hiding character
        word = chunk.group()
        core = word.strip(_EDGE)
        if not _HIDING.search(core) or "://" in word or not _masked_at(core):
            continue
        offset = chunk.start() + word.index(core) if core else chunk.start()
        if core and len(core) <= 60 and _masked_hit(core, lang):
            hits.append((offset, offset + len(core)))
    for start, end, word in _single_letter_runs(tokens, text):
        if _matches(word):
            hits.append((start, end))

    # Keep the longest of overlapping hits, in text order.
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(hits), key=lambda h: (h[0], -(h[1] - h[0]))):
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:
                kept[-1] = (kept[-1][0], end)
            continue
        kept.append((start, end))
    if not kept:
        return RuleResult(score=0.0)

    spans = quoted_spans(text)
    starts = [s for s, _ in spans]
    own_words = any(not _inside(spans, starts, t.start, t.end) for t in tokens)
    findings, unquoted, quoted = [], 0, 0
    for start, end in kept:
        is_quoted = own_words and _inside(spans, starts, start, end)
        quoted += is_quoted
        unquoted += not is_quoted
        if len(findings) < MAX_FINDINGS:
            findings.append(
                Finding(
                    rule=RULE,
                    start=start,
                    end=end,
                    evidence=text[start:end],
                    key=KEY_QUOTED if is_quoted else KEY_LEXICON,
                    weight=QUOTED_WEIGHT if is_quoted else 1.0,
                )
            )
    if unquoted:
        value = min(0.99, 1.0 - 0.1 * 0.5 ** (unquoted - 1 + 0.5 * quoted))
    else:
        value = min(0.7, 0.6 + 0.05 * (quoted - 1))
    return RuleResult(score=round(value, 4), findings=tuple(findings))
