"""Language detection: script first, then English vs Russian or Armenian typed in Latin letters.
None of these sentences is among the samples the model is built from."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.houserules import language
from tribune.houserules.language import LanguageGuess, detect
from tribune.houserules.normalize import normalize

ENGLISH = [
    "The bus fares went up again and nobody warned us.",
    "Could the editors fix the date in the second paragraph?",
    "I was there, and the crowd was much smaller than reported.",
    "Lovely story about the old baker, it made my day.",
    "Shame on the officials who ignored the warnings.",
    "I am from Gyumri and I approve this message.",
    "Pashinyan must go",
    "Do you really believe these statistics?",
    "wow, finally",
    "The new airport terminal looks impressive but who paid for it?",
    "They closed the only pharmacy in our district.",
]

RUSSIAN = [
    "Опять подняли цены на проезд, а нас никто не предупредил.",
    "Я там был, людей было гораздо меньше.",
    "Какая трогательная история про пекаря!",
    "Позор чиновникам, которые всё проигнорировали.",
    "Вы правда верите этой статистике?",
    "Наконец-то, ура",
    "Закрыли единственную аптеку в нашем районе.",
    "Кто за это заплатил, интересно?",
]

ARMENIAN = [
    "Նորից տոմսերի գները բարձրացրել են, ոչ ոք մեզ չի զգուշացրել։",
    "Ես այնտեղ էի, մարդիկ շատ քիչ էին։",
    "Ինչ հետաքրքիր պատմություն հացթուխի մասին։",
    "Ամոթ այն պաշտոնյաներին, որոնք անտեսել են։",
    "Դուք իրականում հավատո՞ւմ եք այս թվերին։",
    "Վերջապես, ուրախ եմ",
    "Մեր թաղամասի միակ դեղատունը փակեցին։",
    "Ո՞վ է վճարել սրա համար, հետաքրքիր է։",
]

RUSSIAN_LATIN = [
    "Opyat podnyali ceny na proezd, a nas nikto ne preduprezhdal.",
    "Ya tam byl, lyudey bylo gorazdo menshe.",
    "Kakaya trogatelnaya istoriya pro pekarya.",
    "Pozor chinovnikam, kotorye vse proignorirovali.",
    "Vy pravda verite etoy statistike?",
    "Nakonec-to, ura",
    "Soglasen s predydushchim kommentariem polnostyu.",
    "Zakryli edinstvennuyu apteku v nashem rayone.",
    "Kto za eto zaplatil, interesno?",
    "ne smeshi",
    "zhdem otveta ot ministerstva",
    "ya by na ih meste uvolilsya",
]

ARMENIAN_LATIN = [
    "Noric tomsi gnery bardzracrel en, voch voq mez chi zgushacrel.",
    "Es ayntegh ei, mardik shat qich ein.",
    "Inch hetaqrqir patmutyun hacsatuxi masin.",
    "Duq irakanum havatum eq ays tvyalnerin?",
    "Verjapes, urax em",
    "Lriv hamadzayn em naxord meknabanutyan het.",
    "Mer taracqi miak degatuny pakecin.",
    "Ov e vcharel sra hamar, hetaqrqir e.",
    "mi cicaxi",
    "ays tari toms shat tank en",
    "spasum enq naxararutyan patasxanin",
    "es lineyi nranc tegh, kheranayi",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english(text):
    guess = detect(text)
    assert (guess.lang, guess.script, guess.translit) == ("en", "latin", False)
    assert guess.confidence > 0.5


@pytest.mark.parametrize("text", RUSSIAN)
def test_russian(text):
    assert detect(text) == LanguageGuess("ru", "cyrillic", False, 1.0)


@pytest.mark.parametrize("text", ARMENIAN)
def test_armenian(text):
    assert detect(text) == LanguageGuess("hy", "armenian", False, 1.0)


@pytest.mark.parametrize("text", RUSSIAN_LATIN)
def test_russian_in_latin_letters(text):
    guess = detect(text)
    assert (guess.lang, guess.script, guess.translit) == ("ru", "latin", True)
    assert guess.confidence > 0.5


@pytest.mark.parametrize("text", ARMENIAN_LATIN)
def test_armenian_in_latin_letters(text):
    guess = detect(text)
    assert (guess.lang, guess.script, guess.translit) == ("hy", "latin", True)
    assert guess.confidence > 0.5


def test_the_transliteration_words_of_the_brief():
    # "chem" alone is both Russian ("than") and Armenian ("I don't"): it needs a neighbour
    for text in ("privet", "spasibo", "eto ochen horosho", "nu kak", "chto"):
        assert detect(text).lang == "ru", text
    for text in (
        "barev",
        "shnorhakalutyun",
        "inch ches",
        "lav",
        "ayo",
        "voch",
        "hayastan",
        "chem karox",
        "es du",
    ):
        assert detect(text).lang == "hy", text


@pytest.mark.parametrize(
    ("text", "lang", "script"),
    [
        ("Купил новый iPhone в Ереване, доволен", "ru", "cyrillic"),  # a brand inside Russian
        ("Google-ը նորից փոխել է քարտեզը", "hy", "armenian"),  # a brand inside Armenian
        ("The word «мир» means peace and world", "en", "latin"),  # a Russian word quoted in English
        ("Great article, спасибо большое", "ru", "cyrillic"),  # native letters a third or more
        ("Барев дзез, Հայաստանում ամեն ինչ լավ է", "hy", "armenian"),  # both: the majority
        ("Հայաստանում всё хорошо и всегда было хорошо", "ru", "cyrillic"),
        ("пpивeт, кaк дeлa", "ru", "cyrillic"),  # Latin look-alikes count for the word's script
    ],
)
def test_mixed_texts(text, lang, script):
    guess = detect(text)
    assert (guess.lang, guess.script) == (lang, script)
    assert 0 < guess.confidence < 1 or script != "latin"


@pytest.mark.parametrize("text", ["", "   ", "123 456", "!!! ???", "😀🎉👍", "\ud800", "+374 10 123456"])
def test_nothing_to_judge(text):
    assert detect(text) == LanguageGuess(None, None, False, 0.0)


def test_accepts_a_normalized_comment():
    text = "Spasibo avtoru, ochen poleznaya statya."
    assert detect(normalize(text)) == detect(text)


def test_short_texts_are_not_certain():
    assert detect("ok").confidence < 0.8
    assert detect("bravo").confidence < 0.8


def test_latin_scores_prefer_the_right_model():
    scores = language.latin_scores(["shnorhakalutyun", "barev"])
    assert max(scores, key=scores.get) == "hy"


@given(st.text(st.characters(exclude_categories=()), max_size=200))
@settings(max_examples=300)
def test_never_raises(text):
    guess = detect(text)
    assert guess.lang in (None, "en", "ru", "hy")
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.translit == (guess.script == "latin" and guess.lang in ("ru", "hy"))
    if guess.lang is None:
        assert guess == language.NOTHING


def test_long_comments_are_cheap_and_judged():
    text = "Spasibo avtoru, ochen poleznaya statya. " * 3000
    assert detect(text).lang == "ru"
    assert detect(123) == language.NOTHING  # not text at all
