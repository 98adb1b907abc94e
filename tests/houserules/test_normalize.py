"""The normaliser: NFKC, invisibles, homoglyphs, leetspeak, masks, separators, squeezing,
transliteration -- and that every token points at the words as written."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.houserules import normalize as normalize_module
from tribune.houserules.normalize import (
    fold,
    lookalike_reading,
    normalize,
    script_of,
    squeeze,
    transliterate,
    transliteration_candidates,
    variants,
)
from tribune.houserules.types import Normalized, Token

# Any code point, lone surrogates included, plus the characters the normaliser cares about.
ANY_CHAR = st.characters(exclude_categories=()) | st.sampled_from(
    list("aoceрхуйё*@$.!|-_ '0134 \u200b\u00ad\u202e\u0306\ud800\udfffօսհոցզև՞ⓕ𝐟ﬁ½")
)
ANY_TEXT = st.text(ANY_CHAR, max_size=80)


def norms(text: str) -> list[str]:
    return [t.norm for t in normalize(text).tokens]


def written(text: str) -> list[str]:
    return [text[t.start : t.end] for t in normalize(text).tokens]


def only(text: str) -> Token:
    tokens = normalize(text).tokens
    assert len(tokens) == 1, tokens
    return tokens[0]


# --- properties -------------------------------------------------------------------------------


@given(ANY_TEXT)
@settings(max_examples=400)
def test_never_raises_and_spans_point_into_the_text(text):
    result = normalize(text)
    assert result.original == text
    assert result.text == " ".join(t.norm for t in result.tokens)
    previous = 0
    for token in result.tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.start >= previous
        previous = token.start
        assert token.norm
        assert token.script in ("latin", "cyrillic", "armenian", "digit", "other")


@given(ANY_TEXT)
def test_norms_are_lower_case_and_squeezed(text):
    for token in normalize(text).tokens:
        assert token.norm == token.norm.lower()
        assert squeeze(token.norm) == token.norm


@given(st.text(ANY_CHAR, max_size=40))
def test_squeezing_is_idempotent(text):
    for keep in (1, 2):
        once = squeeze(text, keep)
        assert squeeze(once, keep) == once
    assert squeeze(squeeze(text), 1) == squeeze(text, 1)


@given(ANY_TEXT)
@settings(max_examples=200)
def test_deterministic_whatever_the_caches_hold(text):
    warm = normalize(text)
    assert normalize(text) == warm
    normalize_module._clear_caches()
    assert normalize(text) == warm


@given(ANY_TEXT)
@settings(max_examples=200)
def test_variants_and_transliteration_never_raise(text):
    for token in normalize(text).tokens:
        for lang in (None, "en", "ru", "hy"):
            forms = variants(token, lang, text)
            assert forms[0] == token.norm
            assert all(forms)
    for to in ("ru", "hy"):
        transliterate(text, to)
        candidates = transliteration_candidates(text, to)
        assert 1 <= len(candidates) <= 16
        assert candidates[0] == transliterate(text[:64], to)


PATHOLOGICAL = {
    "dotted letters": "a." * 50_000,
    "spaced letters": "х " * 50_000,
    "masks": "х*" * 50_000,
    "stars": "*" * 100_000,
    "one long word": "f" * 100_000,
    "zero-width": "a\u200b" * 50_000,
    "combining marks": "a\u0301\u0302" * 33_000,
    "weak masks": "ab.cd-" * 16_000,
    "links": "http://x.com/ " * 7_000,
    "addresses": "a@b.c" * 20_000,
    "surrogates": "\ud800" * 100_000,
    "emoji": "😀" * 100_000,
    "leet": "h3ll0 w0rld sh1t " * 6_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_100_kb_of_anything_gives_tokens_inside_the_text(text):
    result = normalize(text)
    assert all(0 <= t.start < t.end <= len(text) for t in result.tokens)


def test_empty_and_non_text():
    assert normalize("") == Normalized(original="", text="", tokens=[], scripts={})
    assert normalize("  ...  ,,, !!! ").tokens == []
    assert normalize("😀🎉").tokens == []
    assert norms(b"hello") == ["hello"]


def test_script_of_is_kept():
    assert [script_of(c) for c in "aя՛ա5!"] == ["latin", "cyrillic", "armenian", "armenian", "digit", "other"]


# --- Unicode: NFKC, diacritics, invisibles ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("ｆｕｃｋ", "fuck"),  # fullwidth
        ("ⓕⓤⓒⓚ", "fuck"),  # circled
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("ꜰᴜᴄᴋ", "fuck"),  # small capitals
        ("ﬁne", "fine"),  # ligature
        ("fück", "fuck"),  # Latin diacritics go
        ("Müller", "muller"),
        ("ЁЖИК", "ёжик"),  # Cyrillic ё and й stay
        ("йод", "йод"),
        ("Երևան", "երեւան"),  # NFKC spells the Armenian ligature out
        ("ԵՐԵՎԱՆ", "երեվան"),
    ],
)
def test_unicode_forms(text, norm):
    assert norms(text) == [norm]


def test_decomposed_letters_compose_and_span_both_characters():
    text = "и\u0306од е\u0308ж"
    assert norms(text) == ["йод", "ёж"]
    assert written(text) == ["и\u0306од", "е\u0308ж"]


@pytest.mark.parametrize(
    "text",
    [
        "f\u200bu\u200cc\u200dk",  # zero-width space, non-joiner, joiner
        "fu\u00adck",  # soft hyphen
        "\u202efuck\u202c",  # bidi override
        "f\u2060u\ufeffck",  # word joiner, BOM
        "fu\ufe0fck",  # variation selector
    ],
)
def test_invisible_characters_are_removed(text):
    token = only(text)
    assert token.norm == "fuck"
    assert text[token.start : token.end].replace("\u202c", "").replace("\u202e", "") == text.strip(
        "\u202e\u202c"
    )


def test_armenian_marks_inside_words_are_removed():
    assert norms("Ինչո՞ւ ես ուշացել։ Բարե՛ւ, ա՜յ քեզ բան") == [
        "ինչու",
        "ես",
        "ուշացել",
        "բարեւ",
        "այ",
        "քեզ",
        "բան",
    ]
    assert written("բո՛զ") == ["բո՛զ"]


# --- homoglyphs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm", "script"),
    [
        ("пpивeт", "привет", "cyrillic"),  # Latin p and e in a Russian word
        ("xyй", "хуй", "cyrillic"),  # Latin x and y
        ("HOBOCTИ", "новости", "cyrillic"),  # Latin capitals, one Cyrillic letter
        ("пиzдец", "пиздец", "cyrillic"),  # a Latin letter with no look-alike is read by sound
        ("fuсk", "fuck", "latin"),  # Cyrillic с in an English word
        ("ѕhіt", "shit", "latin"),  # Cyrillic ѕ and і
        ("bіtсh", "bitch", "latin"),
        ("hայաստան", "հայաստան", "armenian"),  # Latin h for Armenian հ
        ("oր", "օր", "armenian"),  # Latin o for օ
        ("nչ", "ոչ", "armenian"),  # Latin n for ո
        ("uիրտ", "սիրտ", "armenian"),  # Latin u for ս
        ("gավ", "ցավ", "armenian"),  # Latin g for ց
        ("hոգի", "հոգի", "armenian"),
        ("բaրեւ", "բարեւ", "armenian"),  # a Latin letter with no look-alike, read by sound
        ("Hayastan", "hayastan", "latin"),  # Latin translit stays Latin
    ],
)
def test_homoglyphs_fold_to_the_word_script(text, norm, script):
    token = only(text)
    assert (token.norm, token.script) == (norm, script)
    assert (token.start, token.end) == (0, len(text))


def test_a_word_of_look_alikes_takes_the_script_of_the_text():
    assert norms("ты cyka") == ["ты", "сука"]
    assert norms("иди ты, COCA") == ["иди", "ты", "соса"]
    # ...but an English text keeps its English words, and a Russian word its letters
    assert norms("The word мир means peace") == ["the", "word", "мир", "means", "peace"]
    assert norms("hello мир") == ["hello", "мир"]
    assert norms("Thanks, cool") == ["thanks", "cool"]


def test_scripts_count_letters_of_folded_words():
    result = normalize("пpивeт, hello")
    assert result.scripts == {"cyrillic": 6, "latin": 5}


# --- masks and leetspeak ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("х*й", "хуй"),
        ("х**ня", "хуйня"),
        ("х*ня", "хуйня"),
        ("бл*ть", "блять"),
        ("б***ь", "блядь"),
        ("пи**ц", "пиздец"),
        ("п*зд*ц", "пиздец"),
        ("с*ка", "сука"),
        ("х#й", "хуй"),
        ("х..й", "хуй"),  # dots as a mask, only because the result is a known word
        ("f*ck", "fuck"),
        ("f**k", "fuck"),
        ("f***", "fuck"),
        ("*uck", "fuck"),
        ("f***ing", "fucking"),
        ("sh*t", "shit"),
        ("b***h", "bitch"),
        ("qu*em", "qunem"),
        ("ք*ք", "քաք"),
    ],
)
def test_masks_are_filled(text, norm):
    token = only(text)
    assert token.norm == norm
    assert (token.start, token.end) == (0, len(text))


def test_masks_that_fill_nothing():
    assert norms("п*роль") == ["п*роль"]  # stays masked: a rule may still match it as a pattern
    text = "это *важно* и word*"
    assert norms(text) == ["это", "важно", "и", "word"]
    assert written(text) == ["это", "важно", "и", "word"]  # spans leave the stars out
    assert norms("5*3=15, т.е. ok") == ["5", "3", "15", "т", "е", "ок"]  # look-alikes in a Russian text
    assert norms("что-то где-то") == ["что", "то", "где", "то"]


@pytest.mark.parametrize(
    ("text", "norm", "script"),
    [
        ("bl@t", "blat", "latin"),
        ("$uka", "suka", "latin"),
        ("sh1t", "shit", "latin"),
        ("sh!t", "shit", "latin"),
        ("b!tch", "bitch", "latin"),
        ("b00bs", "boobs", "latin"),
        ("4ss", "ass", "latin"),
        ("hell0", "hello", "latin"),
        ("5ука", "сука", "cyrillic"),
        ("4ерт", "черт", "cyrillic"),
        ("бл9ть", "блять", "cyrillic"),
        ("$ука", "сука", "cyrillic"),
        ("п@дла", "падла", "cyrillic"),
    ],
)
def test_leetspeak_is_undone(text, norm, script):
    assert (only(text).norm, only(text).script) == (norm, script)


@pytest.mark.parametrize(
    "text",
    ["covid19", "10th", "2nd", "5ти", "10ку", "mp3", "h2o", "4to", "2024", "iphone15", "b2b", "5g"],
)
def test_digits_stay_in_numbers_and_names(text):
    assert norms(text) == [text]


def test_digit_runs_are_tokens():
    assert [(t.norm, t.script) for t in normalize("+374 10 123456").tokens] == [
        ("374", "digit"),
        ("10", "digit"),
        ("123456", "digit"),
    ]


# --- separators inside words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("f.u.c.k", "fuck"),
        ("f. u. c. k", "fuck"),
        ("f_u_c_k", "fuck"),
        ("f-u-c-k", "fuck"),
        ("f*u*c*k", "fuck"),
        ("f * u * c * k", "fuck"),
        ("f u c k", "fuck"),
        ("х-у-й", "хуй"),
        ("х у й", "хуй"),
        ("п и з д а", "пизда"),
        ("п  и з д а", "пизда"),
        ("п.и.з.д.е.ц", "пиздец"),
        ("ք ա ք", "քաք"),
        ("b.l.@.t", "blat"),
    ],
)
def test_spelled_out_words_are_one_token_over_the_whole_run(text, norm):
    token = only(text)
    assert token.norm == norm
    assert (token.start, token.end) == (0, len(text))


def test_spelled_out_word_inside_a_sentence():
    text = "what the f.u.c.k, man"
    assert norms(text) == ["what", "the", "fuck", "man"]
    assert written(text)[2] == "f.u.c.k"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("и я с тобой", ["и", "я", "с", "тобой"]),  # three one-letter Russian words
        ("а я в шоке", ["а", "я", "в", "шоке"]),
        ("т.е. так", ["т", "е", "так"]),  # two letters are an abbreviation
        ("А. С. Пушкин", ["а", "с", "пушкин"]),
        ("и т. д. и т. п.", ["и", "т", "д", "и", "т", "п"]),  # different separators
        ("J. R. R. Tolkien", ["j", "r", "r", "tolkien"]),
    ],
)
def test_ordinary_single_letters_are_not_joined(text, expected):
    assert norms(text) == expected


# --- repeated letters -------------------------------------------------------------------------


def test_repeated_letters_squeeze_to_two_and_variants_to_one():
    token = only("fuuuuuck")
    assert token.norm == "fuuck"
    assert variants(token)[:2] == ("fuuck", "fuck")
    assert only("сууууука").norm == "суука"
    assert "сука" in variants(only("сууууука"))
    assert only("cool").norm == "cool"
    assert squeeze("aaabbbccc", 1) == "abc"
    assert squeeze("1000000") == "1000000"  # digits are not letters


# --- links ------------------------------------------------------------------------------------


def test_links_are_plain_words():
    text = "пишите на sh1t@mail.ru или www.f-u-c-k.com, а ещё https://gov.am/ru"
    assert norms(text) == [
        "пишите",
        "на",
        "sh1t",
        "mail",
        "ru",
        "или",
        "ww",  # squeezed like every token
        "f",
        "u",
        "c",
        "k",
        "com",
        "а",
        "ещё",
        "https",
        "gov",
        "am",
        "ru",
    ]


# --- spans ------------------------------------------------------------------------------------


def test_spans_point_at_the_words_as_written():
    text = "Ты — х*й! А он: пpивeт, f.u.c.k, ⓕⓤⓒⓚ и ինչո՞ւ…"
    assert written(text) == ["Ты", "х*й", "А", "он", "пpивeт", "f.u.c.k", "ⓕⓤⓒⓚ", "и", "ինչո՞ւ"]
    assert norms(text) == ["ты", "хуй", "а", "он", "привет", "fuck", "fuck", "и", "ինչու"]


def test_spans_survive_characters_that_nfkc_expands():
    text = "ﬁne և ﬂag"
    assert norms(text) == ["fine", "եւ", "flag"]
    assert written(text) == ["ﬁne", "և", "ﬂag"]


# --- transliteration --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("pizdec", "пиздец"),
        ("privet", "привет"),
        ("spasibo", "спасибо"),
        ("eto", "это"),
        ("chto", "что"),
        ("4to", "что"),
        ("shchi", "щи"),
        ("zhopa", "жопа"),
        ("blyad'", "блядь"),
        ("nahuy", "нахуй"),
        ("xuy", "хуй"),
        ("pervyy", "первый"),
        ("yolka", "ёлка"),
        ("wodka", "водка"),
        ("6lyad", "бляд"),
    ],
)
def test_transliterate_russian(latin, native):
    assert transliterate(latin, "ru") == native


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("qaq", "քաք"),
        ("barev", "բարեւ"),
        ("shnorhakalutyun", "շնորհակալություն"),
        ("inch", "ինչ"),
        ("ches", "չես"),
        ("lav", "լավ"),
        ("ayo", "այո"),
        ("voch", "ոչ"),
        ("hayastan", "հայաստան"),
        ("chem", "չեմ"),
        ("es", "ես"),
        ("du", "դու"),
        ("yerevan", "երեւան"),
        ("hayeren", "հայերեն"),
        ("ov", "օվ"),
        ("ynker", "ընկեր"),
        ("@nker", "ընկեր"),
        ("dzez", "ձեզ"),
        ("ghazar", "ղազար"),
        ("e", "է"),
        ("Barev", "բարեւ"),
    ],
)
def test_transliterate_armenian(latin, native):
    assert transliterate(latin, "hy") == native


def test_transliteration_candidates():
    assert transliteration_candidates("pizdec", "ru")[0] == "пиздец"
    assert "жопа" in transliteration_candidates("jopa", "ru")
    assert "сука" in transliteration_candidates("cyka", "ru")  # letters read as look-alikes
    assert "пизда" in transliteration_candidates("nu3da", "ru")
    assert "քաղաք" in transliteration_candidates("qaxaq", "hy")
    assert "քունած" in transliteration_candidates("qunac", "hy")
    assert "կառավարությունը" in transliteration_candidates("karavarutyuny", "hy")
    long_word = "chchchchchchcccccccxxxxxxyyyyyy"
    assert len(transliteration_candidates(long_word, "ru")) == 16
    assert len(transliteration_candidates(long_word, "hy", limit=5)) == 5
    assert len(set(transliteration_candidates(long_word, "hy"))) == 16
    assert lookalike_reading("cyka") == "сука"


def test_transliterate_rejects_other_targets():
    with pytest.raises(ValueError, match="ru"):
        transliterate("privet", "en")


# --- variants and fold ------------------------------------------------------------------------


def test_variants_transliterate_latin_words_of_russian_and_armenian_comments():
    token = only("pizdec")
    assert variants(token) == ("pizdec",)
    assert "пиздец" in variants(token, "ru")
    assert "պիզդեց" in variants(token, "hy")
    assert "сука" in variants(only("cyka"), "ru")
    assert variants(only("boz"), "hy")[:2] == ("boz", "բոզ")


def test_variants_read_chat_digits_from_the_original():
    text = "4to za @nker"
    first, _, third = normalize(text).tokens
    assert "что" in variants(first, "ru", text)
    assert "ընկեր" in variants(third, "hy", text)
    assert "ընկեր" not in variants(third, "hy")  # without the comment only the norm "anker" is known


def test_variants_of_native_words():
    assert variants(only("Ёбаный")) == ("ёбаный", "ебаный")
    assert variants(only("Don't")) == ("don't", "dont", "don")
    assert variants(only("հոդված"), "hy") == ("հոդված",)


def test_fold_puts_lexicon_entries_in_token_form():
    assert fold("Ёбаный") == "ёбаный"
    assert fold("ﬁne") == "fine"
    assert fold("Երևան") == "երեւան"
    assert fold("fuuuck") == "fuuck"
