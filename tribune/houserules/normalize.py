"""Text normalisation shared by every rule.

`normalize(text)` cuts a comment into words and gives each a normalised form (`Token.norm`) and its
span in the ORIGINAL text:

- Unicode NFKC (fullwidth, circled, mathematical letters, ligatures; "և" becomes "եւ"), lower case,
  Latin diacritics dropped ("fück" -> "fuck"; Cyrillic "й" and "ё" kept), small capitals read;
- invisible characters removed (zero-width, bidi controls, soft hyphen, variation selectors, tags,
  and the Armenian emphasis, exclamation and question marks written inside words: "ինչո՞ւ");
- homoglyphs folded to the word's dominant script, decided by its letters that have no look-alike:
  Latin, Cyrillic, Armenian (and Greek) ("пpивeт" -> "привет", "fuсk" with a Cyrillic "с" ->
  "fuck", "hոգի" -> "հոգի"); a word made only of look-alikes takes the script most words of the
  text are in ("ты cyka" -> "сука", and "OK" in a Russian comment -> "ок");
- leetspeak undone within words ("bl@t" -> "blat", "$uka" -> "suka", "sh1t", "sh!t" -> "shit",
  "5ука" -> "сука"); digits only in a word of at least three letters that does not look like a
  number with a suffix or a name with a number ("5ти", "10th", "covid19", "mp3", "4to" stay), or
  when the reading is a word people disguise ("4ss");
- masks ("*", "#"; dots, "?", "-" only when the result is known) filled from a small built-in list of
  the words people mask ("х*й" -> "хуй", "х**ня" -> "хуйня", "f**k" -> "fuck", "х..й" -> "хуй"); an
  internal mask that fills nothing stays "*" in the norm ("п*роль"), masks at the edges of a word
  that fill nothing are dropped, span included ("*важно*" -> "важно");
- separators inside words joined: three or more single letters separated alike by dots, dashes,
  underscores or asterisks ("f.u.c.k", "х-у-й", "f*u*c*k") are ONE token spanning the whole run;
  with spaces ("п и з д а", "f. u. c. k") four letters, or three of which one is not a one-letter
  word ("х у й" but not "и я с");
- repeated letters squeezed to at most two ("fuuuuck" -> "fuuck"); `variants()` adds the form
  squeezed to one ("fuck"), "ё" read as "е", and for Latin words of a Russian or Armenian comment
  their transliteration.

Apostrophes stay inside Latin words ("don't", "blyad'": the soft sign of transliteration) and go
elsewhere. Links and e-mail addresses are cut into plain words (lower case and squeezing only).
`Normalized.scripts` counts letters per script of the words as folded (a Russian word typed with
Latin look-alikes counts as Cyrillic). `fold(entry)` puts a lexicon entry in token form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from . import translit as _translit_module
from .translit import lookalike_reading, transliterate, transliteration_candidates
from .types import Normalized, Token

__all__ = [
    "WORD",
    "fold",
    "lookalike_reading",
    "normalize",
    "script_of",
    "squeeze",
    "transliterate",
    "transliteration_candidates",
    "variants",
]

WORD = re.compile(r"\w+", re.UNICODE)

LATIN, CYRILLIC, ARMENIAN, DIGIT, OTHER = "latin", "cyrillic", "armenian", "digit", "other"
_LETTER_SCRIPTS = (CYRILLIC, ARMENIAN, LATIN)  # tie-break order


def script_of(ch: str) -> str:
    code = ord(ch)
    if ch.isdigit():
        return "digit"
    if 0x0530 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17:
        return "armenian"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if (ch.isascii() and ch.isalpha()) or 0x00C0 <= code <= 0x024F:
        return "latin"
    return "other"


# ---------------------------------------------------------------------------------------------
# Characters: NFKC, invisibles, diacritics, small capitals


_DROP = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
    "\u055a\u055b\u055c\u055e\u055f"  # Armenian apostrophe, emphasis, exclamation, question, abbreviation marks
)
_APOSTROPHES = {"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u02b9": "'", "\u2032": "'", "`": "'"}
_SMALL_CAPS = str.maketrans(
    {
        "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
        "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s",
        "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ı": "i", "ɑ": "a", "ɡ": "g",
    }
)  # fmt: skip
_KEEP_MARKS = {("и", "\u0306"), ("И", "\u0306"), ("е", "\u0308"), ("Е", "\u0308")}  # й, ё
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CLUSTER = re.compile(
    "(?s).[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*"
)
_CACHE_LIMIT = 20000
_LONGEST_WORD = 64  # longer "words" are junk: lower case and squeezing only


def _norm_piece(piece: str) -> str:
    """NFKC of one character (with its combining marks), without invisibles or Latin diacritics."""
    if len(piece) == 1:
        if piece in _DROP or piece in _APOSTROPHES:
            return _APOSTROPHES.get(piece, "")
        category = unicodedata.category(piece)
        if category == "Cf" or category == "Mn" or category == "Me":
            return ""
    n = unicodedata.normalize("NFKC", piece).translate(_SMALL_CAPS)
    if n.isascii():
        return n
    decomposed = unicodedata.normalize("NFD", n)
    if not any(unicodedata.combining(c) for c in decomposed):
        return n
    out: list[str] = []
    for c in decomposed:
        if unicodedata.combining(c):
            if out and (out[-1], c) in _KEEP_MARKS:
                out[-1] = unicodedata.normalize("NFC", out[-1] + c)
            continue
        out.append(c)
    return "".join(c for c in out if c not in _DROP)


class _PieceCache(dict):
    def __missing__(self, piece: str) -> str:
        value = _norm_piece(piece)
        if len(self) < _CACHE_LIMIT:
            self[piece] = value
        return value


_PIECES = _PieceCache()


def _prepare(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The text as NFKC (case kept), and for each of its characters the span of the original
    characters it came from (None when they are the same)."""
    if text.isascii():
        return text.replace("`", "'"), None, None
    if _COMBINING.search(text) is None:
        pieces = list(map(_PIECES.__getitem__, text))
        s = "".join(pieces)
        if len(s) == len(text) and "" not in pieces:  # no piece empty, so each one character
            return s, None, None
        odd = [i for i, p in enumerate(pieces) if len(p) != 1]
        if len(odd) <= 64:
            starts = list(range(len(text)))
            ends = list(range(1, len(text) + 1))
            for i in reversed(odd):
                k = len(pieces[i])
                starts[i : i + 1] = [i] * k
                ends[i : i + 1] = [i + 1] * k
            return s, starts, ends
        starts, ends = [], []
        for i, p in enumerate(pieces):
            k = len(p)
            if k == 1:
                starts.append(i)
                ends.append(i + 1)
            elif k:
                starts.extend([i] * k)
                ends.extend([i + 1] * k)
        return s, starts, ends
    parts: list[str] = []
    starts, ends = [], []
    for m in _CLUSTER.finditer(text):
        p = _PIECES[m.group()]
        if p:
            parts.append(p)
            starts.extend([m.start()] * len(p))
            ends.extend([m.end()] * len(p))
    return "".join(parts), starts, ends


# ---------------------------------------------------------------------------------------------
# Homoglyphs


def _split(words: str) -> list[str]:
    return words.split()


def _pairs(spec: str) -> dict[str, str]:
    a, b = spec.split("|")
    return dict(zip(a, b, strict=True))


# Look-alikes, by the case they are written in (the case is read before lowering).
_VISUAL: dict[str, dict[str, str]] = {}


def _add_visual(script: str, pairs: dict[str, str]) -> None:
    for src, dst in pairs.items():
        _VISUAL.setdefault(src, {})[script] = dst


_LAT_TO_CYR = _pairs("aceopxykABCEHKMOPTXY|асеорхукАВСЕНКМОРТХУ")
_CYR_TO_LAT = _pairs("асеорхукіјѕһԁԛԝӏАВСЕНКМОРТХУІЈЅ|aceopxykijshdqwlabcehkmoptxyijs")
_LAT_TO_ARM = _pairs("ouhngqOUSL|օսհոցզՕՍՏԼ")
_ARM_TO_LAT = {v: k for k, v in _LAT_TO_ARM.items()}
_ARM_TO_CYR = _pairs("օՕ|оО")
_CYR_TO_ARM = _pairs("оО|օՕ")
_GREEK_TO_LAT = _pairs("αβεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ|abeiknoptuxABEHIKMNOPTYXZ")
_GREEK_TO_CYR = _pairs("αεκορτχΑΒΕΗΚΜΟΡΤΥΧ|аекортхАВЕНКМОРТУХ")
_add_visual(CYRILLIC, _LAT_TO_CYR)
_add_visual(LATIN, _CYR_TO_LAT)
_add_visual(ARMENIAN, _LAT_TO_ARM)
_add_visual(LATIN, _ARM_TO_LAT)
_add_visual(CYRILLIC, _ARM_TO_CYR)
_add_visual(ARMENIAN, _CYR_TO_ARM)
_add_visual(LATIN, _GREEK_TO_LAT)
_add_visual(CYRILLIC, _GREEK_TO_CYR)
_add_visual(ARMENIAN, {g: _LAT_TO_ARM[latin] for g, latin in _GREEK_TO_LAT.items() if latin in _LAT_TO_ARM})
# Cyrillic letters that resemble Latin ones only in some fonts: used to fold a word already known to
# be Latin ("fиck"), never to decide a word's script (a Russian "мир" must not become "mup").
_WEAK_CYR_TO_LAT = _pairs("пигьтмнв|nurbtmhb")

# By sound, for letters of a word's minority script that look like nothing in the majority one.
_PHONETIC: dict[str, dict[str, str]] = {}
for _src, _dst in _pairs("abvgdezijklmnoprstufhcwxyq|абвгдезийклмнопрстуфхцвхык").items():
    _PHONETIC.setdefault(_src, {})[CYRILLIC] = _dst
for _src, _dst in _pairs("abgdezijklmnoprstvfcxwyq|աբգդեզիջկլմնոպրստվֆցխվյք").items():
    _PHONETIC.setdefault(_src, {})[ARMENIAN] = _dst
for _src, _dst in _pairs("бвгдежзийклмнопрстуфхцчшщъыьэюяё|bvgdejziyklmnoprstufxcchhhyyeuae").items():
    _PHONETIC.setdefault(_src, {})[LATIN] = _dst
for _src, _dst in _pairs(
    "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ|abgdezeytjilxckhdxcmynsocpjrsvtrcvpqof"
).items():
    _PHONETIC.setdefault(_src, {})[LATIN] = _dst
for _src, _dst in {**_pairs("абвгдезийклмнопрстфхцыэ|աբվգդեզիյկլմնոպրստֆխցըե"), "у": "ու"}.items():
    _PHONETIC.setdefault(_src, {})[ARMENIAN] = _dst
for _src, _dst in _pairs(
    "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ|абгдезэытжилхцкхзгчмйншочпжрсвтрцвпкоф"
).items():
    _PHONETIC.setdefault(_src, {})[CYRILLIC] = _dst

_SCRIPT_CACHE: dict[str, str] = {}
# A word in one script with an unambiguous letter -> (norm, script): most words of most comments.
_PLAIN_WORDS: dict[str, tuple[str, str]] = {}


def _letter_script(ch: str) -> str:
    s = _SCRIPT_CACHE.get(ch)
    if s is None:
        s = script_of(ch) if ch.isalpha() else (DIGIT if ch.isdigit() else "")
        if s == DIGIT and not ch.isalpha():
            s = DIGIT
        if len(_SCRIPT_CACHE) < _CACHE_LIMIT:
            _SCRIPT_CACHE[ch] = s
    return s


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _script_chars(script: str) -> set[str]:
    ranges = {
        LATIN: [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250)],
        CYRILLIC: range(0x400, 0x500),
        ARMENIAN: [*range(0x531, 0x590), *range(0xFB13, 0xFB18)],
    }[script]
    return {chr(c) for c in ranges if chr(c).isalpha()}


_PURE: dict[str, re.Pattern[str]] = {}
_SURE: dict[str, re.Pattern[str]] = {}
_ONLY_LOOKALIKES: dict[tuple[str, str], re.Pattern[str]] = {}
for _script in _LETTER_SCRIPTS:
    _chars = _script_chars(_script)
    _PURE[_script] = re.compile(_char_class(_chars) + "+")
    _SURE[_script] = re.compile(_char_class(c for c in _chars if c not in _VISUAL))
for _script in _LETTER_SCRIPTS:
    for _target in _LETTER_SCRIPTS:
        if _script != _target:
            _looks = [c for c in _script_chars(_script) if _target in _VISUAL.get(c, ())]
            _ONLY_LOOKALIKES[_script, _target] = re.compile(_char_class(_looks) + "+")


def _scripts_of_word(word: str) -> tuple[dict[str, int], dict[str, int]]:
    """Letters per script, and unambiguous letters (those with no look-alike) per script."""
    every: dict[str, int] = {}
    sure: dict[str, int] = {}
    for ch in word:
        s = _letter_script(ch)
        if not s or s == DIGIT:
            continue
        every[s] = every.get(s, 0) + 1
        if ch not in _VISUAL:
            sure[s] = sure.get(s, 0) + 1
    return every, sure


def _majority(counts: dict[str, int], context: str) -> str:
    best = max(counts.values())
    tied = [s for s in counts if counts[s] == best]
    if len(tied) == 1:
        return tied[0]
    if context in tied:
        return context
    for s in (*_LETTER_SCRIPTS, OTHER):
        if s in tied:
            return s
    return tied[0]


def _analyse(word: str) -> tuple[str, str, bool]:
    """(script of a word written in one script only or "", the script its unambiguous letters vote
    for or "", whether every letter is a look-alike). Fast for the usual one-script word."""
    for script in _LETTER_SCRIPTS:
        if _PURE[script].fullmatch(word):
            if _SURE[script].search(word):
                return script, script, False
            return script, "", True
    every, sure = _scripts_of_word(word)
    if not every:
        return "", "", False
    if sure:
        return "", _majority(sure, ""), False
    return "", "", True


def _dominant(word: str, analysis: tuple[str, str, bool], context: str) -> str:
    """The script a word is written in, looking through homoglyphs."""
    pure, _, lookalikes = analysis
    if pure and not lookalikes:
        return pure
    if pure:
        looks = _ONLY_LOOKALIKES.get((pure, context))
        if looks is not None and looks.fullmatch(word):
            return context
        return pure
    every, sure = _scripts_of_word(word)
    if not every:
        return ""
    if sure:
        return _majority(sure, context)
    if context in _LETTER_SCRIPTS and all(
        _letter_script(ch) in ("", DIGIT, context) or context in _VISUAL.get(ch, ()) for ch in word
    ):
        return context
    return _majority(every, context)


def _fold_to(word: str, target: str) -> str:
    out = []
    for ch in word:
        s = _letter_script(ch)
        if not s or s in (target, DIGIT):
            out.append(ch)
            continue
        mapped = _VISUAL.get(ch, {}).get(target)
        if mapped is None and target == LATIN:
            mapped = _WEAK_CYR_TO_LAT.get(ch)
        if mapped is None:
            mapped = _PHONETIC.get(ch.lower(), {}).get(target, ch)
        out.append(mapped)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Leetspeak and masks

_LEET = {
    LATIN: {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "2": "z",
        "6": "g",
    },
    CYRILLIC: {"0": "о", "3": "з", "4": "ч", "6": "б", "9": "я", "8": "в", "5": "с"},
    ARMENIAN: {"0": "օ"},
}
_SYMBOLS = {
    LATIN: {"@": "a", "$": "s", "€": "e", "£": "l", "¢": "c", "!": "i"},
    CYRILLIC: {"@": "а", "$": "с", "€": "е", "¢": "с", "!": "и"},
    ARMENIAN: {"$": "ս", "!": "ի"},
}
# Characters with two common readings, tried against the mask vocabulary.
_AMBIGUOUS = {LATIN: {"1": "il", "!": "il", "6": "gb"}, CYRILLIC: {"!": "иі"}, ARMENIAN: {}}

_NUMBER_SUFFIXES = frozenset(
    _split(
        """st nd rd th s k g d x m h km kg px gb mb tb fa am pm cm mm ml hz ghz mph min ish
    й я е х м ю ми ти го му ой ый ий ая ое ые ых ым ом ей ух ка ку ке ки ую ая
    ого ому ими ыми ный ной ная тью ром кой ках ами ями
    ին րդ ից ում ը ն"""
    )
)

# Words people mask, in their normalised form: the list a mask is filled from.
# Full forms are tried first, then roots a masked word may begin with.
_MASK_FORMS = {
    CYRILLIC: _split("""хуй хуя хую хуе хуи хуйня хуйню хуйни хуево хуёво хуевый хуёвый пизда пизды пизде пизду
        пиздец пиздеж пиздёж пиздить пидор пидорас пидар блядь блять бля бляди блядина сука суки суку сучка
        ебать ебал ебала ебаный ёбаный ебанат ебанутый заебал заебали уебок уёбок ебу мудак мудаки мудила
        гандон гондон говно говна дерьмо жопа жопу жопы залупа шлюха шлюхи долбоеб долбоёб долбаеб нахуй
        нахер похуй похер охуеть охуел охуенно херня хер мразь урод дебил сволочь тварь падла чмо срать
        насрать засранец сучара"""),
    LATIN: _split("""fuck fucking fucker fuckers fucked fucks shit shitty shits bitch bitches bitchy cunt cunts dick
        dicks dickhead cock cocks ass asses asshole assholes bastard bastards damn crap piss pissed whore
        whores slut sluts fag faggot nigger niggers nigga motherfucker motherfucking bullshit wanker twat
        prick pussy douche douchebag retard retarded idiot moron bollocks arse arsehole
        hui huy xuy pizda pizdec blyad blyat blya suka suki mudak gandon govno zhopa jopa pidor pidoras
        ebat nahui nahuy pohui pohuy dolboeb
        qunem kunem qunac qunes boz bozi qaq gyot gyada apush anasun"""),
    ARMENIAN: _split("""քունեմ քունած քունես քունի քունել քաք քաքոտ բոզ բոզի բոզեր պոռնիկ սիկտիր գյոթ գյադա ապուշ
        անասուն դեբիլ հիմար"""),
}
_MASK_ROOTS = {
    CYRILLIC: _split("""хуй хуе хуё хуя хую хуи хуйн пизд пизж ебат ебан ёбан ебал ебу еба ёба уеб уёб заеб заёб
        выеб наеб наёб доеб бляд блят бля сук сучк мудак мудил гандон гондон говн дерьм жоп залуп шлюх
        пидор пидар пидр долбоеб долбоёб дроч нахуй похуй охуе охуи хер херн мраз сволоч"""),
    LATIN: _split("""fuck shit bitch cunt dick cock asshole bastard whore slut fag nigg motherfuck bullshit wank
        pizd blyad blyat xuy huy ebat eban qun"""),
    ARMENIAN: _split("քուն քաք բոզ պոռնիկ"),
}

_MASK_VOCABULARY = frozenset(w for forms in _MASK_FORMS.values() for w in forms)
_WEAK_LEET = "!|"
_WEAK_MASKS = ".?%…-"
_WEAK = frozenset(_WEAK_MASKS + _WEAK_LEET)


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for w in words:
        index.setdefault(w[0], []).append(w)
    return index


_FORMS_BY_FIRST = {script: _by_first_letter(forms) for script, forms in _MASK_FORMS.items()}
_ROOTS_BY_FIRST = {script: _by_first_letter(roots) for script, roots in _MASK_ROOTS.items()}
_FILLED: dict[tuple[str, str], str | None] = {}


def _fill_masks(word: str, script: str) -> str | None:
    """The vocabulary word a masked or ambiguous word stands for, or None."""
    key = (word, script)
    if key in _FILLED:
        return _FILLED[key]
    found = _search_masks(word, script)
    if len(_FILLED) < _CACHE_LIMIT:
        _FILLED[key] = found
    return found


def _search_masks(word: str, script: str) -> str | None:
    """Full forms first (masks standing for as many letters as they have, then for a few more if
    the mask is inside the word), then roots the word begins with, its letters after the last
    mask kept as written ("х*ёвый" -> "хуёвый")."""
    exact, loose = [], []
    tail_start = head_pieces = 0  # where the letters after the last mask begin
    ambiguous = _AMBIGUOUS.get(script, {})
    for m in re.finditer(r"\*+|.", word, re.S):
        run = m.group()
        options = ambiguous.get(run)
        if run[0] == "*":
            exact.append(f".{{{len(run)}}}")
            loose.append(f".{{1,{len(run) + 2}}}")
        else:
            piece = f"[{options}]" if options else re.escape(run)
            exact.append(piece)
            loose.append(piece)
        if run[0] == "*" or options:
            tail_start, head_pieces = m.end(), len(exact)
    first = word[0]
    if first == "*" or first in ambiguous:
        forms = _MASK_FORMS.get(script, ())
        roots = _MASK_ROOTS.get(script, ())
    else:
        forms = _FORMS_BY_FIRST.get(script, {}).get(first, ())
        roots = _ROOTS_BY_FIRST.get(script, {}).get(first, ())
    internal = first != "*" and word[-1] != "*"
    for pattern in (exact, loose) if internal else (exact,):
        rx = re.compile("".join(pattern))
        for form in forms:
            if rx.fullmatch(form):
                return form
    if not roots:
        return None
    head = re.compile("".join(exact[:head_pieces]) + "(.*)")
    tail = word[tail_start:]
    for root in roots:
        m = head.fullmatch(root)
        if m and tail.startswith(m.group(1)) and (tail or not m.group(1)):
            return root[: m.start(1)] + tail
    return None


def _is_number_with_suffix(word: str) -> bool:
    m = re.fullmatch(r"(\d+)(\D*)", word)
    return bool(m) and (len(m.group(2)) <= 2 or m.group(2) in _NUMBER_SUFFIXES)


def _unleet(word: str, script: str) -> str:
    """Symbols and digits read as letters. Digits only inside a word that is otherwise letters (at
    least three, and not a number with a suffix or a name ending in a number), or when the reading
    is a word people disguise ("4ss")."""
    symbols = _SYMBOLS.get(script, {})
    if any(c in symbols for c in word):
        word = "".join(symbols.get(c, c) for c in word)
    if not any(c.isdigit() for c in word):
        return word
    letters = sum(c.isalpha() for c in word)
    if letters < 2:
        return word
    leet = _LEET.get(script, {})
    read = "".join(leet.get(c, c) for c in word)
    if read in _MASK_VOCABULARY:
        return read
    if letters < 3 or _is_number_with_suffix(word):
        return word
    trailing = re.search(r"\d+$", word)
    if trailing and (len(trailing.group()) > 1 or trailing.group() not in "03"):
        return word
    return read


_SQUEEZE2 = re.compile(r"([^\W\d_])\1{2,}")
_SQUEEZE1 = re.compile(r"([^\W\d_])\1+")


def squeeze(word: str, keep: int = 2) -> str:
    """Runs of the same letter cut to `keep` (1 or 2) letters. Idempotent."""
    if keep == 1:
        return _SQUEEZE1.sub(r"\1", word)
    return _SQUEEZE2.sub(r"\1\1", word)


# ---------------------------------------------------------------------------------------------
# Tokens

_TLDS = (
    "com|net|org|ru|am|info|io|biz|su|ua|by|kz|ge|me|co|uk|de|fr|eu|gov|edu|tv|online|site|shop|store"
    "|xyz|top|club|pro|app|dev|рф|հայ"
)
# Bounded repetitions keep these linear on long runs of dots and letters.
_URLISH = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}"
    rf"|\b[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,6}}\.(?:{_TLDS})\b(?:/\S*)?",
    re.IGNORECASE,
)
_PLAIN = re.compile(r"[^\W_]+")
_STRONG = r"(?:[^\W_]|[@$*#€£¢])"
_RAW = re.compile(rf"{_STRONG}+(?:'{_STRONG}+)*")
_ALNUM = re.compile(r"[^\W_]")
_DIGITS = re.compile(r"\d+")
_SEPARATORS = frozenset(" .-_*·•|/+~=\u2013\u2014…\u00a0")
_STANDALONE = frozenset(_split("а в и к о с у я ж б э a i u r o է"))
_SPACES = re.compile(r"[ \u00a0]+")
_STAR_SEPARATED = re.compile(r"(?:[^*]\*+){2,}[^*]")


def _runs(s: str, raws: list[tuple[int, int]]):
    """Yield (start, end, word, kind, parts) in s: single letters separated alike joined into one
    word ("run"), two words around a weak mask ("х..й", "sh!t") to be joined if the vocabulary knows
    the result ("weak"; `parts` are the words otherwise), or a word as it is ("word")."""
    i, n, size = 0, len(raws), len(s)
    while i < n:
        a, b = raws[i]
        if b - a == 1 and i + 2 < n and s[a].isalpha():
            j, signature = i, None
            while j + 1 < n:
                na, nb = raws[j + 1]
                gap = s[raws[j][1] : na]
                if nb - na != 1 or not (s[na].isalpha() or s[na] in "@$0") or len(gap) > 3:
                    break
                if not all(c in _SEPARATORS for c in gap):
                    break
                sig = _SPACES.sub(" ", gap)
                if signature is None:
                    signature = sig
                elif sig != signature:
                    break
                j += 1
            count = j - i + 1
            if count >= 3:
                letters = [s[raws[k][0]] for k in range(i, j + 1)]
                # Spaces alone, or dots with spaces ("т. д. и"), separate ordinary short words too.
                spaced = " " in signature
                if sum(c.isalpha() for c in letters) >= 2 and (
                    count >= 4
                    or (not spaced)
                    or (signature == " " and any(c.lower() not in _STANDALONE for c in letters))
                ):
                    yield a, raws[j][1], "".join(letters), "run", ()
                    i = j + 1
                    continue
        if b < size and s[b] in _WEAK and i + 1 < n:
            na, nb = raws[i + 1]
            gap = s[b:na]
            if len(gap) <= 4 and all(c in _WEAK for c in gap):
                left, right = s[a:b], s[na:nb]
                if len(left) + len(right) <= 16 and any(c.isalpha() for c in left + right):
                    merged = left + ("!" if gap in _WEAK_LEET else "*" * len(gap)) + right
                    yield a, nb, merged, "weak", ((a, b), (na, nb))
                    i += 2
                    continue
        yield a, b, s[a:b], "word", ()
        i += 1


def _prepare_word(word: str) -> tuple[str, int]:
    """A raw word without hashtag marks and star separators, and how many characters went at its start."""
    lead = len(word) - len(word.lstrip("#"))
    word = word.lstrip("#")
    if "#" in word:
        word = word.replace("#", "*")
    if "*" in word and _STAR_SEPARATED.fullmatch(word):
        units = word.replace("*", "")
        if sum(c.isalpha() for c in units) >= 3:
            word = units
    return word, lead


def _finish(
    word: str, lead: int, analysis: tuple[str, str, bool], kind: str, context: str
) -> tuple[str, str, int, int] | None:
    """(norm, script, chars dropped at the start, chars dropped at the end) of a raw word."""
    if not word:
        return None
    pure = analysis[0]
    if len(word) > _LONGEST_WORD:
        if not any(c.isalpha() for c in word):
            return None
        return squeeze(word.lower()), pure or _dominant(word, analysis, context) or OTHER, lead, 0
    script = _dominant(word, analysis, context)
    if not script:
        digits = "".join(c for c in word if c.isdigit())
        if not digits:
            return None
        return digits, DIGIT, lead, 0
    if script in _LETTER_SCRIPTS and script != pure:
        word = _fold_to(word, script)
    word = word.lower()
    if script != LATIN and "'" in word:
        word = word.replace("'", "")
    special = "*" in word or any(c in _AMBIGUOUS.get(script, ()) for c in word)
    filled = _fill_masks(word, script) if special else None
    if filled is None and kind == "weak":
        return None
    trail = 0
    if filled is not None:
        word = filled
    else:
        stripped = word.lstrip("*")
        lead += len(word) - len(stripped)
        word = stripped.rstrip("*")
        trail = len(stripped) - len(word)
        word = _unleet(word, script)
    if not word:
        return None
    return squeeze(word), script, lead, trail


def normalize(text: str) -> Normalized:
    """The comment's words, normalised, each with its span in `text`. Never raises."""
    if not isinstance(text, str):
        text = text.decode("utf-8", "replace") if isinstance(text, bytes | bytearray) else str(text)
    s, starts, ends = _prepare(text)
    tokens: list[Token] = []
    scripts: dict[str, int] = {}

    def emit(a: int, b: int, norm: str, script: str, letters: int = -1) -> None:
        start = a if starts is None else starts[a]
        end = b if ends is None else ends[b - 1]
        tokens.append(Token(norm, start, end, script))
        if script in _LETTER_SCRIPTS:
            if letters < 0:
                letters = sum(c.isalpha() for c in norm)
            scripts[script] = scripts.get(script, 0) + letters

    # First every word's script as written, so that a word made only of look-alikes can take
    # the script most words of the text vote for.
    items: list[tuple] = []
    votes: dict[str, int] = {}
    plain = _PLAIN_WORDS

    def collect(lo: int, hi: int) -> None:
        raws = []
        for m in _RAW.finditer(s, lo, hi):
            w = m.group()
            if w.isalnum() or _ALNUM.search(w) or w in ("@", "$"):
                raws.append(m.span())
        for a, b, word, kind, parts in _runs(s, raws):
            known = plain.get(word) if kind == "word" else None
            if known is not None:
                votes[known[1]] = votes.get(known[1], 0) + 1
                items.append((a, b, word, 0, known, "plain", ()))
                continue
            if kind == "word" and not word.isalpha() and not any(c.isalpha() for c in word):
                for d in _DIGITS.finditer(word):  # "5*3=15": numbers, not one masked word
                    items.append((a + d.start(), a + d.end(), None, 0, (d.group(), DIGIT), "plain", ()))
                continue
            word, lead = _prepare_word(word)
            analysis = _analyse(word)
            if analysis[1]:
                votes[analysis[1]] = votes.get(analysis[1], 0) + 1
            if kind == "word" and analysis[0] and not analysis[2] and word.isalpha() and not lead:
                known = (squeeze(word.lower()), analysis[0])
                if len(plain) < _CACHE_LIMIT:
                    plain[word] = known
                items.append((a, b, word, 0, known, "plain", ()))
                continue
            items.append((a, b, word, lead, analysis, kind, parts))

    pos = 0
    if "." in s or "@" in s or "/" in s:
        for m in _URLISH.finditer(s):
            collect(pos, m.start())
            items.append((m.start(), m.end(), None, 0, None, "link", ()))
            pos = m.end()
    collect(pos, len(s))
    votes = {script: n for script, n in votes.items() if script in _LETTER_SCRIPTS}
    context = _majority(votes, "") if votes else ""

    for a, b, word, lead, analysis, kind, parts in items:
        if kind == "plain":  # emit(), inline: most words of most comments come this way
            norm, script = analysis
            tokens.append(
                Token(norm, a if starts is None else starts[a], b if ends is None else ends[b - 1], script)
            )
            if script in _LETTER_SCRIPTS:
                scripts[script] = scripts.get(script, 0) + len(norm)
            continue
        if kind == "link":
            for w in _PLAIN.finditer(s, a, b):
                every, _ = _scripts_of_word(w.group())
                script = max(every, key=every.get) if every else DIGIT
                emit(w.start(), w.end(), squeeze(w.group().lower()), script)
            continue
        done = _finish(word, lead, analysis, kind, context)
        if done is not None:
            norm, script, lead, trail = done
            emit(a + lead, b - trail, norm, script)
            continue
        for pa, pb in parts:  # not a masked word after all: the words as they are
            word, lead = _prepare_word(s[pa:pb])
            done = _finish(word, lead, _analyse(word), "word", context)
            if done is not None:
                norm, script, lead, trail = done
                emit(pa + lead, pb - trail, norm, script)
    return Normalized(original=text, text=" ".join(t.norm for t in tokens), tokens=tokens, scripts=scripts)


def _clear_caches() -> None:
    """Forget memoised words (tests use it to check that results never depend on the caches)."""
    for cache in (_PIECES, _SCRIPT_CACHE, _PLAIN_WORDS, _FILLED):
        cache.clear()
    _remembered_variants.cache_clear()
    _translit_module._transliterate.cache_clear()
    _translit_module._candidates.cache_clear()


def fold(word: str) -> str:
    """A lexicon entry in the form token norms take (NFKC, lower case, squeezed to two), so a rule's
    word list and the comment meet halfway. Several words give their norms joined by spaces."""
    return normalize(word).text


def variants(token: Token, lang: str | None = None, original: str | None = None) -> tuple[str, ...]:
    """Forms of a token to look up, the norm first: squeezed to one letter, "ё" read as "е",
    without apostrophes, and for a Latin word in a Russian or Armenian text (`lang`) its
    transliteration (for Russian also its letter-by-letter look-alike reading, "cyka" -> "сука"). Given the comment (`original`), also the transliteration of the word as typed,
    so chat digits read as letters of the language ("4to" -> "что", "@nker" -> "ընկեր")."""
    norm, script = token.norm, token.script
    if script != LATIN or lang not in ("ru", "hy"):
        lang = None  # only a Latin word of a Russian or Armenian text has more forms
    typed = None
    if lang is not None and original is not None and 0 <= token.start < token.end <= len(original):
        typed = original[token.start : token.end]
    if len(norm) > _LONGEST_WORD or (typed is not None and len(typed) > 4 * _LONGEST_WORD):
        return _variants(norm, script, lang, typed)  # junk: not remembered
    return _remembered_variants(norm, script, lang, typed)


def _variants(norm: str, script: str, lang: str | None, typed: str | None) -> tuple[str, ...]:
    """`variants` of a word from its norm, script and the letters as typed (None: not looked at)."""
    out: dict[str, None] = {norm: None}
    one = squeeze(norm, 1)
    out[one] = None
    for form in (norm, one):
        if "ё" in form:
            out[form.replace("ё", "е")] = None
        if "'" in form:
            out[form.replace("'", "")] = None
            out[form.split("'", 1)[0]] = None
    if script == LATIN and lang in ("ru", "hy"):
        for form in (norm, one):
            out[transliterate(form.replace("'", "") if lang == "hy" else form, lang)] = None
        if lang == "ru":
            out[lookalike_reading(norm)] = None
        if typed is not None:
            typed = unicodedata.normalize("NFKC", typed).lower()
            typed = "".join(c for c in typed if c.isalnum() or c in "@'")
            if typed and typed != norm:
                out[transliterate(typed, lang)] = None
    out.pop("", None)
    return tuple(out)


_remembered_variants = lru_cache(maxsize=8192)(_variants)  # about 2 MB when full
