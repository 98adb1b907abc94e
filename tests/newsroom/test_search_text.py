"""The one normalisation of searched text: Armenian spellings meet, marks inside words vanish."""

import pytest
from wagtail.search.query import And, Not, Phrase, PlainText
from wagtail.search.utils import parse_query_string

from tribune.newsroom.search_text import normalise, normalise_query, search_config


@pytest.mark.parametrize("spelling", ["Երևան", "Երեւան", "Երեվան", "ԵՐԵՎԱՆ", "երեւան"])
def test_every_spelling_of_ev_becomes_one(spelling):
    assert normalise(spelling) == "երեւան"


def test_the_armenian_marks_written_inside_a_word_are_dropped_not_split():
    assert normalise("Ինչո՞ւ") == "ինչու"
    assert normalise("Բարե՛ւ") == "բարեւ"
    assert normalise("Վա՜յ") == "վայ"
    assert normalise("պ՟ն") == "պն"


def test_other_punctuation_outside_ascii_separates_words():
    assert normalise("Երևանում։ Գյումրիում՝") == "երեւանում  գյումրիում "
    assert normalise("мир—труд·май").split() == ["мир", "труд", "май"]


def test_typographic_quotation_marks_become_ascii_quotes_so_they_open_a_phrase():
    assert normalise("«Итоги выборов»") == '"итоги выборов"'
    assert normalise("“Election day”") == '"election day"'
    _filters, parsed = parse_query_string(normalise("«Итоги выборов»"), operator="and")
    assert isinstance(parsed, Phrase)


def test_russian_yo_is_read_as_ye_and_case_is_folded():
    assert normalise("Ёлка ЁЖ") == "елка еж"


@pytest.mark.parametrize(
    "text",
    [
        "Երևանում։ «Եվրոպա» ինչո՞ւ",
        "Выборы «Ёлка» — итоги",
        "It’s “quoted”",
        "ﬁne ＡＢＣ",
        "İstanbul",
        "a\u00adb\u200bc",
    ],
)
def test_normalising_twice_changes_nothing(text):
    once = normalise(text)
    assert normalise(once) == once


def test_ascii_is_only_lowered():
    text = "<script>alert('x')</script> & | ! :* -- %_"
    assert normalise(text) == text.lower()


def test_a_parsed_query_is_normalised_throughout():
    query = And([PlainText("Երևան"), Not(Phrase("ԵՎՐՈՊԱ"))])
    normalised = normalise_query(query)
    assert normalised.subqueries[0].query_string == "երեւան"
    assert normalised.subqueries[1].subquery.query_string == "եւրոպա"
    assert normalise_query("Ёж") == "еж"


@pytest.mark.parametrize(
    ("language", "config"), [("en", "english"), ("ru", "russian"), ("hy", "simple"), ("en-gb", "english")]
)
def test_each_language_has_its_text_search_configuration(language, config):
    assert search_config(language) == config


def test_an_unknown_language_is_only_split_into_words():
    assert search_config("fr") == "simple"
