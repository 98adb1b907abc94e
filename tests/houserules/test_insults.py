"""Insults aimed at someone, found by word lists and sentence shapes (`insults.py`, part of `abusive`)."""

import pytest

from tribune.houserules import abusive, insults
from tribune.houserules.normalize import normalize


def shape(text, lang):
    """The insult module alone, on the words the abusive rule reads."""
    normalized = normalize(text)
    tokens = abusive.judged_tokens(normalized)
    model = abusive.load_model(abusive.model_language(normalized, lang))
    words = abusive.features.model_words(
        abusive.Normalized(original=text, text="", tokens=tokens, scripts=normalized.scripts),
        model.lang,
        model.settings,
    )
    return insults.score(words, tokens, text, model.lang)


AIMED = [
    ("en", "You are clearly an idiot who never read the law.", "idiot"),
    ("en", "You people are parasites.", "parasites"),
    ("en", "Nobody listens to a loser like you.", "loser"),
    ("en", "Shut up, moron.", "moron"),
    ("en", "The mayor is a greedy pig.", "pig"),
    ("en", "Are you really that stupid?", "stupid"),
    ("en", "I hope your shop burns down.", "hope your shop burns"),
    ("en", "People like you should be deported.", "People like you should be deported"),
    ("ru", "Ты дебил, читать умеешь?", "дебил"),
    ("ru", "Дебил ты конченый.", "Дебил"),
    ("ru", "Тупица, научись считать.", "Тупица"),
    ("ru", "Министр — вор и лжец.", "вор"),
    ("ru", "Судья — продажная тварь.", "тварь"),
    ("ru", "ty debil?", "debil"),
    ("ru", "Надеюсь, ты сдохнешь в пробке.", "сдохнешь"),
    ("hy", "Դու ապուշ ես։", "ապուշ"),
    ("hy", "Բթամիտ, նախ կարդա։", "Բթամիտ"),
    ("hy", "Դատավորը գող է ու ստախոս։", "գող"),
    ("hy", "Ինչ ողորմելի մարդ ես։", "ողորմելի"),
    ("hy", "du lriv tkhmar es", "tkhmar"),
    ("hy", "btamit, nax kardaa", "btamit"),
    ("hy", "Կսպանեմ քեզ։", "Կսպանեմ"),
]


@pytest.mark.parametrize(("lang", "text", "evidence"), AIMED)
def test_insults_aimed_at_someone_are_found(lang, text, evidence):
    value, findings = shape(text, lang)
    assert value >= 0.8
    assert any(evidence in f.evidence or f.evidence in evidence for f in findings)
    for finding in findings:
        assert finding.key == "abusive.insult"
        assert text[finding.start : finding.end] == finding.evidence


NOT_AIMED = [
    ("en", "You are not an idiot, you were misled."),
    ("en", "The pig farms near the river pollute the water."),
    ("en", "Sheep farmers need water too."),
    ("en", "You should read the stupid report first."),
    ("en", "What a stupid decision by the council."),
    ("en", "Calling everyone an idiot is not an argument."),
    ("en", "Police say the thief was caught within an hour."),
    ("ru", "Ты не дурак, просто тебя обманули."),
    ("ru", "Свиноферма у реки загрязняет воду."),
    ("ru", "Вора поймали через час."),
    ("ru", "Глупое решение, по-моему."),
    ("hy", "Ապուշ չես, ուղղակի չես կարդացել։"),
    ("hy", "Գյուղում ոչխարներ են պահում։"),
    ("hy", "Գողին բռնել են։"),
    ("hy", "Մեր ապագան կախված է կրթությունից։"),
    ("hy", "Դու իրավացի ես։"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_AIMED)
def test_insult_words_not_aimed_at_anyone_are_not_found(lang, text):
    value, findings = shape(text, lang)
    assert value == 0.0
    assert findings == ()


def test_the_rule_takes_the_larger_of_model_and_shape():
    text = "You are clearly an idiot who never read the law."
    result = abusive.score(normalize(text), lang="en")
    assert result.score >= insults.STRENGTH["addressed"]
    assert any(f.key == "abusive.insult" and f.evidence == "idiot" for f in result.findings)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("idiots", "noun"),
        ("дебилами", "noun"),
        ("ապուշներ", "noun"),
        ("բտամիտ", "noun"),  # Latin "btamit" read with տ for թ
        ("ты", "you"),
        ("ես", "copula_you"),
        ("ворота", ""),
        ("свинина", ""),
    ],
)
def test_word_classes(word, kind):
    assert insults.classify(word)[1] == kind
