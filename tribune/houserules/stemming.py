"""Light stemming for topic matching in English, Russian and Armenian.

Not linguistically exact: the aim is that the inflected forms of a word a comment and an article
share land on the same key, cheaply. The stemmer is chosen by the word's script, not by the
comment's language, so a Russian word inside an Armenian comment is still stemmed as Russian.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["stem", "stem_en", "stem_hy", "stem_ru"]


# --- English: one pass of ordered suffix stripping, then a tidy-up (Porter-like, much smaller) ---

_EN_SUFFIXES = (
    ("izations", "ize"),
    ("ization", "ize"),
    ("ational", "ate"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ousness", "ous"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("nesses", ""),
    ("ments", ""),
    ("ement", ""),
    ("ment", ""),
    ("ness", ""),
    ("ities", ""),
    ("ity", ""),
    ("ings", ""),
    ("ing", ""),
    ("ions", ""),
    ("ion", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("edly", ""),
    ("ers", ""),
    ("est", ""),
    ("ed", ""),
    ("er", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
_EN_KEEP_S = ("ss", "us", "is")
_EN_VOWELS = frozenset("aeiouy")


def stem_en(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, repl in _EN_SUFFIXES:
        if not word.endswith(suffix):
            continue
        if suffix == "s" and word.endswith(_EN_KEEP_S):
            break
        if suffix == "es" and not word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
            continue  # "prices" → "price" (via "s"), "taxes" → "tax"
        base = word[: len(word) - len(suffix)] + repl
        if len(base) >= 3 and any(ch in _EN_VOWELS for ch in base):
            word = base
        break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "runn" → "run"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "price"/"priced" → "pric"
    if len(word) >= 6 and word.endswith("at"):
        word = word[:-2]  # "improvisation" → "improvisat" → "improvis", as "improvise"
    return word


# --- Russian: a cut-down Snowball (steps 1, 2 and 4; no derivational step) ---

_RU_VOWELS = frozenset("аеиоуыэюя")
_RU_PERFECTIVE_1 = ("вшись", "вши", "в")  # after а/я
_RU_PERFECTIVE_2 = ("ывшись", "ившись", "ывши", "ивши", "ыв", "ив")
_RU_REFLEXIVE = ("ся", "сь")
_RU_ADJECTIVE = (
    "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой",
    "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
)  # fmt: skip
_RU_PARTICIPLE_1 = ("ем", "нн", "вш", "ющ", "щ")  # after а/я
_RU_PARTICIPLE_2 = ("ивш", "ывш", "ующ")
_RU_VERB_1 = (
    "ла",
    "на",
    "ете",
    "йте",
    "ли",
    "й",
    "л",
    "ем",
    "н",
    "ло",
    "но",
    "ет",
    "ют",
    "ны",
    "ть",
    "ешь",
    "нно",
)
_RU_VERB_2 = (
    "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым",
    "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
)  # fmt: skip
_RU_NOUN = (
    "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей",
    "ой", "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й",
    "о", "у", "ы", "ь", "ю", "я",
)  # fmt: skip


def _by_length(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


_RU_PERFECTIVE_1 = _by_length(_RU_PERFECTIVE_1)
_RU_PERFECTIVE_2 = _by_length(_RU_PERFECTIVE_2)
_RU_ADJECTIVE = _by_length(_RU_ADJECTIVE)
_RU_PARTICIPLE_1 = _by_length(_RU_PARTICIPLE_1)
_RU_PARTICIPLE_2 = _by_length(_RU_PARTICIPLE_2)
_RU_VERB_1 = _by_length(_RU_VERB_1)
_RU_VERB_2 = _by_length(_RU_VERB_2)
_RU_NOUN = _by_length(_RU_NOUN)


def _ru_strip(rv: str, plain: tuple[str, ...], after_a: tuple[str, ...] = ()) -> str | None:
    """`rv` without the longest matching ending, or None. `after_a` endings need а/я before them."""
    best: tuple[int, str] | None = None
    for ending in after_a:
        if rv.endswith(ending) and len(rv) > len(ending) and rv[-len(ending) - 1] in "ая":
            best = (len(ending), rv[: -len(ending)])
            break
    for ending in plain:
        if rv.endswith(ending):
            if best is None or len(ending) > best[0]:
                best = (len(ending), rv[: -len(ending)])
            break
    return None if best is None else best[1]


def stem_ru(word: str) -> str:
    word = word.replace("ё", "е")
    start = next((i + 1 for i, ch in enumerate(word) if ch in _RU_VOWELS), len(word))
    head, rv = word[:start], word[start:]
    if not rv:
        return word
    cut = _ru_strip(rv, _RU_PERFECTIVE_2, _RU_PERFECTIVE_1)
    if cut is not None:
        rv = cut
    else:
        cut = _ru_strip(rv, _RU_REFLEXIVE)
        if cut is not None:
            rv = cut
        cut = _ru_strip(rv, _RU_ADJECTIVE)
        if cut is not None:
            rv = cut
            cut = _ru_strip(rv, _RU_PARTICIPLE_2, _RU_PARTICIPLE_1)
            if cut is not None:
                rv = cut
        else:
            cut = _ru_strip(rv, _RU_VERB_2, _RU_VERB_1)
            if cut is None:
                cut = _ru_strip(rv, _RU_NOUN)
            if cut is not None:
                rv = cut
    if rv.endswith("и"):
        rv = rv[:-1]
    for ending in ("ейше", "ейш"):
        if rv.endswith(ending):
            rv = rv[: -len(ending)]
            break
    if rv.endswith(("нн", "ь")):
        rv = rv[:-1]
    return head + rv


# --- Armenian: article, then case, then plural, then -ություն, then a few verb/participle endings ---

_HY_CASE = _by_length(
    ("ներից", "ներով", "ներին", "ներում", "ների", "երից", "երով", "երին", "երում", "երի",
     "ում", "ից", "ուց", "ով", "ամբ", "ին", "իի", "ու", "ի")
)  # fmt: skip
_HY_PLURAL = ("ներ", "եր")
_HY_VOWELS = frozenset("աեէըիոօ")
_HY_ABSTRACT = ("ություն", "ության", "ությամբ", "ությանը")
_HY_PERSONAL = _by_length(
    ("ենք", "անք", "ինք", "եք", "աք", "եմ", "ամ", "ես", "աս", "են", "ան", "ին", "եր", "ի", "ա")
)
_HY_VERB = _by_length(
    ("ացրել", "եցրել", "ացնել", "եցնել", "վելու", "վում", "վել", "ելու", "ալու", "ացել", "եցին", "ացին",
     "ել", "ալ", "ած", "ող", "եց", "աց")
)  # fmt: skip


def _hy_cut(word: str, endings: tuple[str, ...], keep: int) -> tuple[str, bool]:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            return word[: -len(ending)], True
    return word, False


def stem_hy(word: str) -> str:
    word = word.replace("և", "եւ")
    if len(word) <= 2:
        return word
    if word.startswith("ամենա") and len(word) >= 8:
        word = word[5:]  # the superlative: ամենախոշոր → խոշոր
    # the article: always ը; ն only after a consonant (վիճակն, որոշումն, մառանն), since a final ն
    # after a vowel belongs to many stems (Սևան, պետական, կայան)
    article_n = (
        word.endswith("ն") and len(word) >= 4 and word[-2] not in _HY_VOWELS and not word.endswith("ուն")
    )
    if word.endswith("ը") or article_n:
        word = word[:-1]
    word, cased = _hy_cut(word, _HY_CASE, 3 if word.endswith("ու") else 2)
    if cased and len(word) > 3 and word.endswith("յ"):
        word = word[:-1]  # the glide before a case ending: մետրոյի → մետրո
    word, plural = _hy_cut(word, _HY_PLURAL, 2)
    word, abstract = _hy_cut(word, _HY_ABSTRACT, 2)
    if cased or plural or abstract:
        return word
    if word[0] in "կչ" and len(word) >= 5:
        # future կ- and negative չ- verb forms: կամրացնեն, չխնայեն → ամրացն, խնայ (as ամրացնում → ամրացն)
        bare, personal = _hy_cut(word, _HY_PERSONAL, 2)
        if personal and len(bare) - 1 >= 3:
            return bare[1:]
    word, _ = _hy_cut(word, _HY_VERB, 3)
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lower-cased word, by its script (Latin → English, Cyrillic → Russian,
    Armenian → Armenian); anything else is returned as is."""
    if not word:
        return word
    ch = word[0]
    code = ord(ch)
    if 0x0530 <= code <= 0x058F:
        return stem_hy(word)
    if 0x0400 <= code <= 0x04FF:
        return stem_ru(word)
    if ch.isascii() and ch.isalpha():
        return stem_en(word)
    return word
