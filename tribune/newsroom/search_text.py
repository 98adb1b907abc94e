"""The one normalisation of searched text, applied alike to what is indexed and to what readers type,
and the text search configuration of each language.

Armenian has no stemmer in PostgreSQL, and one word has several spellings: the ligature "և" (one
letter in the reformed spelling), "եւ" (the classical spelling) and "եվ" (at a boundary inside a
word, and how many type it) all read "ev", so "Երևան", "Երեւան" and "Երեվան" are one city. The marks
of emphasis, exclamation and question are written on a vowel inside the word ("ինչո՞ւ") and would
split it in two. Both sides of a search go through `normalise`, so they meet whatever the spelling.
"""

from __future__ import annotations

import unicodedata

from wagtail.search.query import And, Boost, Not, Or, Phrase, PlainText

# PostgreSQL's text search configuration for each language; Armenian is only split into words.
SEARCH_CONFIGS = {"en": "english", "ru": "russian", "hy": "simple"}
DEFAULT_SEARCH_CONFIG = "simple"

# Written inside words, read as nothing: Armenian apostrophe, emphasis, exclamation, question and
# abbreviation marks; soft hyphen, zero-width spaces and joiners, word joiner, byte-order mark.
_DROPPED = dict.fromkeys(map(ord, "\u055a\u055b\u055c\u055e\u055f\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Quotation marks of Russian, Armenian and English typography open and close phrases like '"'.
_QUOTES = dict.fromkeys(map(ord, "«»„“”‟"), '"')
_TRANSLATION = {**_DROPPED, **_QUOTES, ord("ё"): "е"}


def _is_mark(char):
    return unicodedata.category(char)[0] in "PSZC"


def normalise(text: str) -> str:
    """Text as the search index stores it and as a query is matched against it: compatibility forms
    unfolded (NFKC, which also turns "և" into "եւ"), lower case, "եվ" read as "եւ", "ё" as "е", the
    marks written inside words dropped, any other punctuation or symbol outside ASCII a space.
    Applying it twice changes nothing."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_TRANSLATION)
    text = text.replace("եվ", "եւ")
    if not text.isascii():
        text = "".join(" " if not char.isascii() and _is_mark(char) else char for char in text)
    return text


def search_config(language_code: str) -> str:
    """The text search configuration for a language code ("ru", "hy", "en-gb")."""
    return SEARCH_CONFIGS.get(language_code.split("-")[0].lower(), DEFAULT_SEARCH_CONFIG)


def normalise_query(query):
    """A parsed search query (or a plain string) with every text in it normalised; query classes
    that carry no text are returned as they are."""
    if isinstance(query, str):
        return normalise(query)
    if isinstance(query, PlainText):
        return PlainText(normalise(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(normalise(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([normalise_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(normalise_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(normalise_query(query.subquery), query.boost)
    return query
