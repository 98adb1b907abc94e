"""The `abusive` rule: the shipped per-language classifiers, their featuriser and their training."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tribune.houserules import abusive, features
from tribune.houserules.engine import DEFAULT_POLICY, HOLD, PUBLISH, assess
from tribune.houserules.normalize import normalize
from tribune.houserules.types import RuleResult

MODELS = Path(abusive.__file__).resolve().parent / "models"


def judge(text: str, lang: str) -> RuleResult:
    return abusive.score(normalize(text), lang=lang)


def evidence(result: RuleResult) -> list[str]:
    return [f.evidence.lower() for f in result.findings]


# --- Shipped models -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru", "hy"])
def test_model_file_loads_without_pickle(lang):
    path = MODELS / f"abusive-{lang}.npz"
    with np.load(path, allow_pickle=False) as data:
        assert set(data.files) >= {"indices", "values", "intercept", "meta"}
        indices, values = data["indices"], data["values"]
        meta = json.loads(str(data["meta"]))
    assert values.dtype == np.float32
    assert indices.dtype == np.uint32
    assert len(indices) == len(values) > 1000
    assert meta["lang"] == lang
    assert meta["version"].startswith("abusive-")
    assert meta["features"]["version"] == features.FEATURES_VERSION
    assert int(indices.max()) < meta["features"]["n_features"]


def test_models_are_small():
    assert sum(p.stat().st_size for p in MODELS.glob("abusive-*.npz")) < 5_000_000


def test_model_version():
    assert abusive.model_version().startswith("abusive-20")


# --- Insults high, disagreement low, findings on the insulting words ----------------------------------

INSULTS = [
    ("en", "You are a pathetic moron.", "moron"),
    ("en", "What a brainless clown this reporter is.", "clown"),
    ("en", "You are a m0r0n", "m0r0n"),  # leetspeak, undone by the normaliser
    ("ru", "Автор тупой идиот.", "идиот"),
    ("ru", "Ты жалкий дебил.", "дебил"),
    ("ru", "Ну ты и урод, автор", "урод"),
    ("ru", "Ты д.е.б.и.л", "д.е.б.и.л"),  # one token spanning the separated letters
    ("ru", "avtor debil", "debil"),  # Russian in Latin letters
    ("hy", "Հեղինակը լրիվ ապուշ է։", "ապուշ"),
    ("hy", "Լռիր, անասուն։", "անասուն"),
    ("hy", "du lriv apush es", "apush"),  # Armenian in Latin letters
    ("hy", "Դու дебил ես", "дебил"),  # a Russian insult inside an Armenian sentence
]


@pytest.mark.parametrize(("lang", "text", "word"), INSULTS)
def test_clear_insults_score_high_and_findings_name_the_insult(lang, text, word):
    result = judge(text, lang)
    assert result.judged
    assert result.score > 0.5
    assert word in evidence(result)
    for finding in result.findings:
        assert finding.rule == "abusive"
        assert finding.key in ("abusive.classifier", "abusive.insult")
        assert text[finding.start : finding.end] == finding.evidence
        assert 0 < finding.weight <= 1


POLITE = [
    ("en", "I completely disagree with the minister"),
    ("en", "With respect, the author is wrong about the budget figures."),
    ("en", "Thank you for the article, very informative."),
    ("ru", "Я категорически не согласен с автором"),
    ("ru", "Министр ошибается, цифры в докладе неверны."),
    ("ru", "Ереван - красивый город, спасибо за статью"),
    ("hy", "Համաձայն չեմ հեղինակի հետ"),
    ("hy", "Ես չեմ կիսում հեղինակի կարծիքը։"),
    ("hy", "Կառավարության այս որոշումը սխալ է, բայց հասկանում եմ պատճառները։"),
    ("hy", "hamadzayn chem heghinaki het"),
]


@pytest.mark.parametrize(("lang", "text"), POLITE)
def test_polite_disagreement_scores_low(lang, text):
    """Well below the hold threshold (0.5) and naming no word, with or without the optional
    encoder: without it, the character model alone gives Armenian disagreement up to about 0.27."""
    result = judge(text, lang)
    assert result.judged
    assert result.score < 0.6 * DEFAULT_POLICY.hold["abusive"]
    assert result.findings == ()


TRICKY = [
    ("en", "Scunthorpe council will assess the cocktail bar"),
    ("en", "The word idiot should never be used in parliament, said the speaker."),
    ("ru", "Хулиганов оштрафовали."),
    ("ru", "Мандарины и командировки"),
    ("ru", "Нельзя оскорблять людей в комментариях."),
    ("hy", "Շնորհակալություն, խորը շունչ քաշեցի։"),  # շունչ (breath) begins like շուն (dog)
    ("hy", "Իմ շունը հիվանդ է"),
]


@pytest.mark.parametrize(("lang", "text"), TRICKY)
def test_ordinary_words_with_a_rude_look_stay_below_the_hold_threshold(lang, text):
    assert judge(text, lang).score < 0.5


# Everyday hopeful and polite Armenian comments. «հուսով» (hope), «շուտ» (soon), «բոլորս» (all of us)
# were once seen almost only near insults, and comments like these were held. None of them is in the
# training seed (which holds other sentences with these words); the comments beside them in the second
# list use the same words and must still be held.
HY_EVERYDAY = [
    "Խելամիտ ծրագիր է, հուսով եմ՝ կամուրջը շուտ կբացվի։",
    "Հուսով եմ՝ ճանապարհը մինչև ձմեռ կավարտեն։",
    "Երանի շուտով մեր թաղամասում էլ նման այգի լինի։",
    "Հաջողություն մեր հավաքականին, բոլորս ձեզ հետ ենք։",
    "Բոլորս միասին պետք է մաքուր պահենք մեր քաղաքը։",
    "Հուսով եմ՝ բոլորը ողջ ու առողջ կվերադառնան տուն։",
    "husov em kamurj@ shut kbacvi",
    "shnorhakalutyun bolorin, shat urax enq",
    "Հույս ունեմ, որ շուտով կավարտեն շինարարությունը։",
    "Հուսով եմ՝ շենքը չի քանդվի։",
]
HY_STILL_HELD = [
    "Դու իսկական ապուշ ես։",  # from the seed's PROBE, which is never trained on
    "Կամուրջ կառուցողները գողեր են ու սրիկաներ։",
    "Հաջողություն, ապուշ։",
    "Հուսով եմ՝ շուտ կսատկես։",
    "husov em shut ksatkes",
    "Բոլորդ ծախված տականքներ եք։",
    # Wishes of harm, held by the threat patterns of insults.py whatever the model makes of «հուսով».
    "Հուսով եմ՝ կմեռնես։",
    "Հուսով եմ՝ տունդ կայրվի։",
    "Հույս ունեմ, որ շուտով կսատկեք բոլորդ։",
    "husov em kmernes",
]
BRIDGE = {"title": "Կամուրջ", "body": "Քաղաքապետարանը նոր կամուրջ է կառուցում"}


@pytest.mark.parametrize("encoder", [False, True], ids=["quick", "encoder-if-installed"])
@pytest.mark.parametrize("text", HY_EVERYDAY)
def test_everyday_polite_armenian_comments_are_published(text, encoder):
    result = assess(text, article=BRIDGE, encoder=encoder)
    assert result.lang == "hy"
    assert result.scores["abusive"] < DEFAULT_POLICY.hold["abusive"]
    assert result.decision == PUBLISH


@pytest.mark.parametrize("encoder", [False, True], ids=["quick", "encoder-if-installed"])
@pytest.mark.parametrize("text", HY_STILL_HELD)
def test_armenian_insults_with_the_same_words_are_still_held(text, encoder):
    result = assess(text, article=BRIDGE, encoder=encoder)
    assert result.lang == "hy"
    assert result.scores["abusive"] >= DEFAULT_POLICY.hold["abusive"]
    assert result.decision == HOLD
    assert "abusive" in result.reasons


def test_function_words_are_never_named():
    for lang, text, _ in INSULTS:
        for found in evidence(judge(text, lang)):
            assert found not in abusive.FUNCTION_WORDS


@pytest.mark.parametrize(
    ("lang", "polite", "insult", "word"),
    [
        (
            "en",
            "The council published its report on the new bus lanes and the figures look fine. ",
            "The author is a brainless moron.",
            "moron",
        ),
        (
            "ru",
            "Мэрия опубликовала отчёт о новых автобусных полосах, цифры выглядят разумно. ",
            "Автор тупой идиот.",
            "идиот",
        ),
        (
            "hy",
            "Քաղաքապետարանը հրապարակել է զեկույցը, և թվերը խելամիտ են թվում։ ",
            "Հեղինակը ապուշ է։",
            "ապուշ",
        ),
    ],
)
def test_an_insult_among_polite_sentences_is_not_washed_out(lang, polite, insult, word):
    for repeats in (1, 5, 60):
        result = judge(polite * repeats + insult + " " + polite, lang)
        assert result.score > 0.5, repeats
        assert word in evidence(result)
        assert judge(polite * repeats, lang).score < 0.5


# --- Which model reads the comment -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "model"),
    [
        ("Спасибо за статью", "hy", "ru"),  # the script decides first
        ("Շնորհակալություն հոդվածի համար", "ru", "hy"),
        ("Thank you for the article", "ru", "en"),
        ("shnorhakalutyun hodvaci hamar, shat lav e", "hy", "hy"),
        ("I agree with the author", "en", "en"),
        ("Спасибо", "xx", "ru"),
    ],
)
def test_model_language(text, lang, model):
    assert abusive.model_language(normalize(text), lang) == model


def test_unknown_language_falls_back():
    result = judge("Ты жалкий дебил.", "de")
    assert result.judged and result.score > 0.5


# --- Never raises, defined results -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀😀😀 🙏", "1234 5678", "!!!???", "\x00\x01\x02"],
)
def test_nothing_to_judge(text):
    assert judge(text, "en") == RuleResult(score=0.0, findings=(), judged=False)


def test_binary_junk_is_not_judged():
    junk = bytes(range(256)).decode("latin-1") * 20
    result = judge(junk, "ru")
    assert result.judged is False
    assert result.score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "https://www.gov.am/en/news/item/2026/11/30/",
        "a" * 100_000,
        "Дебил " * 20_000,
        "\ud800 lone surrogate \udfff",
        "x" * 5000 + " you idiot",
    ],
)
def test_odd_inputs_give_a_defined_result(text):
    result = judge(text, "ru")
    assert 0.0 <= result.score <= 1.0
    assert len(result.findings) <= abusive.MAX_FINDINGS


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["en", "ru", "hy", "xx", ""]))
def test_any_text_gives_a_score_in_range(text, lang):
    result = abusive.score(normalize(text), lang=lang)
    assert isinstance(result, RuleResult)
    assert 0.0 <= result.score <= 1.0
    for finding in result.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.evidence
    assert abusive.score(normalize(text), lang=lang) == result  # deterministic


def test_a_broken_input_does_not_raise():
    assert abusive.score(None, lang="en") == RuleResult(score=0.0, judged=False)  # type: ignore[arg-type]


# --- Embedding hook ----------------------------------------------------------------------------------


def test_embedding_is_used_only_by_a_model_that_has_a_head(monkeypatch):
    normalized = normalize("I completely disagree with the minister")
    plain = abusive.score(normalized, lang="en")
    assert abusive.score(normalized, lang="en", embedding=[1.0, 2.0]) == plain
    model = abusive.load_model("en")
    with_head = dataclasses.replace(model, embedding_coef=np.array([4.0, 2.0], dtype=np.float32))
    monkeypatch.setitem(abusive._MODELS, "en", with_head)
    assert abusive.score(normalized, lang="en", embedding=[1.0, 2.0]).score > 0.9
    assert abusive.score(normalized, lang="en", embedding=[1.0]).score == plain.score  # wrong size: ignored


# --- Featuriser --------------------------------------------------------------------------------------

CHECKSUM_TEXT = ["ты", "дебил", "you", "idiot", "դու", "ապուշ", "ես"]


def test_featuriser_is_stable_across_processes():
    """CRC-32, not hash(): the same vector under any PYTHONHASHSEED, on any machine."""
    code = (
        "from tribune.houserules import features as F;"
        f"v = F.vectorize({CHECKSUM_TEXT!r}, F.Settings(order_weights=(0.25, 0.5, 0.75, 1.0)));"
        "w = F.vectorize(" + repr(CHECKSUM_TEXT) + ");"
        "print(F.checksum(v.indices, v.values), F.checksum(w.indices, w.values))"
    )
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60
        )
        assert out.stdout.split() == ["19f3343e", "75035db1"]


def test_ngrams_match_scikit_learn_char_wb():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    analyzer = text.CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False).build_analyzer()
    for sample in ["a", "ab", "abc", "hello world", "я тебя ненавижу х", "դու ապուշ ես"]:
        assert [g for w in sample.split() for g in features.word_ngrams(w)] == analyzer(sample)


def test_vector_is_l2_normalised_with_sublinear_tf():
    vector = features.vectorize(["idiot", "idiot", "moron"])
    assert np.isclose(float(vector.values @ vector.values), 1.0)
    once = features.vectorize(["idiot"])
    twice = features.vectorize(["idiot", "idiot"])
    assert np.allclose(once.values, twice.values)  # every n-gram doubled: same direction
    assert np.isclose(vector.occ_share.sum(), vector.values.sum())  # occurrences share each value


def test_contributions_add_up_to_the_score():
    model = abusive.load_model("ru")
    words = ["ты", "жалкий", "дебил"]
    logit, contributions, _ = abusive.judge_words(model.weights, model.intercept, model.settings, words)
    assert np.isclose(model.intercept + contributions.sum(), logit, atol=1e-4)


# --- Training end to end (small) ---------------------------------------------------------------------


def _write_small_data(root: Path) -> None:
    rude = ["тупой идиот", "жалкий дебил", "мерзкая тварь", "конченый урод", "безмозглый баран"]
    calm = [
        "интересная статья",
        "не согласен с выводом",
        "цифры неверны",
        "спасибо автору",
        "жду продолжения",
    ]
    who = ["Автор", "Министр", "Редактор", "Сосед", "Депутат", "Мэр"]
    (root / "ru").mkdir(parents=True)
    with (root / "ru" / "2ch_pikabu_labeled.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["comment", "toxic"])
        for i, person in enumerate(who):
            for j, (bad, good) in enumerate(zip(rude, calm, strict=True)):
                out.writerow([f"{person} {bad}\nправда ({i}{j})", "1.0"])
                out.writerow([f"{person}: {good}\n({i}{j})", "0.0"])
    header = ["toxic_comment", "neutral_comment1", "neutral_comment2", "neutral_comment3"]
    for name, people in (("russe_detox_train.tsv", who[:4]), ("russe_detox_dev.tsv", who[4:])):
        with (root / "ru" / name).open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, delimiter="\t")
            out.writerow((["index"] if "train" in name else []) + header)
            for i, person in enumerate(people):
                for bad, good in zip(rude, calm, strict=True):
                    row = [f"{person} {bad}", f"{person} {good}", f"{person}, {good}", ""]
                    out.writerow(([str(i)] if "train" in name else []) + row)
    (root / "en").mkdir()
    en_rude = ["you stupid idiot", "what a pathetic moron", "shut up clown", "brainless loser", "ugly liar"]
    en_calm = ["nice article", "I disagree politely", "the data is wrong", "thanks for this", "good point"]
    with (root / "en" / "davidson_labeled_data.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"])
        n = 0
        for i in range(8):
            for bad, good in zip(en_rude, en_calm, strict=True):
                out.writerow([n, 3, 0, 3, 0, 1 if i % 2 else 0, f"RT @user{i}: {bad} &amp; more {i}"])
                out.writerow([n + 1, 3, 0, 0, 3, 2, f"@user{i} {good} {i}"])
                n += 2


def test_train_end_to_end_on_a_small_set(tmp_path, monkeypatch):
    from tribune.houserules import embedder
    from tribune.houserules.training.abusive import train

    monkeypatch.setenv(embedder.ENV, "off")  # the encoder head has its own test (test_embedder.py)
    embedder.reset()
    monkeypatch.setattr(embedder, "_current", None)
    data, out = tmp_path / "data", tmp_path / "models"
    _write_small_data(data)
    figures = train(data, out)
    assert set(figures["languages"]) == {"ru", "en", "hy"}
    assert 0.5 <= figures["languages"]["ru"]["test_russe_dev"]["roc_auc"] <= 1.0
    assert (
        json.loads((out / "abusive-figures.json").read_text(encoding="utf-8"))["version"]
        == figures["version"]
    )
    for lang in ("ru", "en", "hy"):
        model = abusive._read(out / f"abusive-{lang}.npz")
        assert model.lang == lang
        words = ["тупой", "идиот", "stupid", "idiot", "ապուշ"]
        logit, contributions, _ = abusive.judge_words(model.weights, model.intercept, model.settings, words)
        assert np.isfinite(logit) and len(contributions) == 5
