"""`assess`: every rule in every language, the policy's decision, and no exception ever escaping."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.houserules import DEFAULT_POLICY, HOLD, PUBLISH, REJECT, Policy, assess, warm_up
from tribune.houserules import engine as engine_module
from tribune.houserules.__main__ import average_precision, main, roc_auc

METRO = {
    "title": "Metro extension works begin in Yerevan",
    "body": "Works on the extension of the Yerevan metro began today. The new line will connect the northern "
    "districts with the centre, and the first station should open in 2029.",
}


@pytest.mark.parametrize(
    ("text", "lang", "decision", "reasons"),
    [
        ("I disagree with the minister: the metro should reach the north first.", "en", PUBLISH, ()),
        ("You are a stupid idiot and a liar, shut up", "en", HOLD, ("abusive",)),
        ("Ты дебил, иди нахуй", "ru", HOLD, ("abusive", "filthy")),
        ("Спасибо за материал, интересно, когда откроют первую станцию метро.", "ru", PUBLISH, ()),
        ("Զանգահարեք +374 91 123 456, զեղչ 50%", "hy", REJECT, ("advertising",)),
        ("Համաձայն չեմ հեղինակի հետ, մետրոն պետք է նախ հյուսիս հասնի։", "hy", PUBLISH, ()),
        # swearing at nobody: held as filthy; the abusive rule judges it without the exclamation
        ("pizdec kakoy", "ru", HOLD, ("filthy",)),
        ("ty debil, pizdec", "ru", HOLD, ("abusive", "filthy")),
    ],
)
def test_decisions_in_each_language(text, lang, decision, reasons):
    result = assess(text, article=METRO)
    assert result.lang == lang
    assert result.decision == decision
    assert result.reasons == reasons
    assert set(result.scores) == {"abusive", "filthy", "advertising", "off_topic"}
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())


def test_findings_point_at_the_words_in_the_original_text():
    text = "Хорошая статья, но автор — мудак."
    result = assess(text, article=METRO)
    filthy = [f for f in result.findings if f.rule == "filthy"]
    assert filthy and text[filthy[0].start : filthy[0].end] == filthy[0].evidence
    assert filthy[0].key == "filthy.lexicon"


def test_off_topic_is_flagged_never_held():
    result = assess(
        "The football match yesterday was amazing, our team won three goals to nil in the final minutes",
        article=METRO,
        background=[
            {"title": "Apricot exports reach a record", "body": "Farmers sold more apricots abroad."}
        ],
    )
    assert result.flags == ("off_topic",)
    assert result.decision == PUBLISH


QUOTED = [
    pytest.param("Депутат сказал с трибуны: «это просто пиздец», и никто его не остановил.", id="ru"),
    pytest.param(
        'The deputy said in parliament: "this is fucking outrageous", and nobody stopped him.', id="en"
    ),
]


@pytest.mark.parametrize("text", QUOTED)
def test_swearing_in_a_quotation_is_not_held(text):
    result = assess(text, article=METRO)
    assert result.scores["abusive"] < DEFAULT_POLICY.hold["abusive"]
    assert result.scores["filthy"] < DEFAULT_POLICY.hold["filthy"]
    assert result.decision == PUBLISH


def test_a_legitimate_link_to_a_ministry_is_published():
    result = assess("The full text of the law is on https://www.mfa.am/en/ and on gov.am.", article=METRO)
    assert result.decision == PUBLISH


def test_policy_thresholds_per_language():
    strict_armenian = Policy(hold={"abusive": {"hy": 0.01, "default": 0.99}})
    text = "Համաձայն չեմ հեղինակի հետ"
    assert assess(text, policy=strict_armenian).decision == HOLD
    assert assess("I disagree with the author", policy=strict_armenian).decision == PUBLISH


def test_a_failing_rule_holds_the_comment_and_says_so(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("model file missing")

    monkeypatch.setattr(engine_module.abusive, "score", broken)
    result = assess("A perfectly polite comment about the metro.", article=METRO)
    assert result.errors == ("abusive",)
    assert result.judged["abusive"] is False
    assert result.decision == HOLD


def test_deterministic():
    text = "Ты дебил, иди нахуй, звони +7 900 123-45-67"
    assert assess(text, article=METRO).to_dict() == assess(text, article=METRO).to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "a" * 100_000,
        "\x00\x01\xff",
        "\ud800\udfff broken surrogates",
        "😀" * 500,
        "https://example.com",
        b"\xff\xfe bytes",
    ],
)
def test_bad_input_has_a_defined_result(text):
    result = assess(text, article={"title": "No body", "body": ""})
    assert result.decision in (PUBLISH, HOLD, REJECT)
    json.dumps(result.to_dict())


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400), lang=st.sampled_from([None, "en", "ru", "hy", "am", "xx"]))
def test_assess_never_raises(text, lang):
    result = assess(text, lang=lang, article=METRO, thread=[text[:50]], parent=text[:20] or None)
    assert result.lang in ("en", "ru", "hy")


def test_metrics_of_the_evaluation_command():
    assert roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    assert roc_auc([1, 1], [0.2, 0.3]) is None
    assert average_precision([1, 0, 1], [0.9, 0.8, 0.7]) == pytest.approx((1 + 2 / 3) / 2)


def test_the_evaluation_command_reads_jsonl_and_prints_json(tmp_path, capsys):
    lines = [
        {"text": "You are a stupid idiot", "labels": {"abusive": 1, "toxic": 1}},
        {"text": "I respectfully disagree with the author", "labels": {"abusive": 0, "toxic": 0}},
        {
            "text": "Call +374 91 123 456 for a 50% discount, t.me/shop",
            "lang": "en",
            "labels": {"advertising": 1},
        },
        {"text": "Where can I read the law? The ministry site is down.", "labels": {"advertising": 0}},
        {
            "text": "The metro line to the north is long overdue, glad works began.",
            "article": METRO,
            "labels": {"off_topic": 0},
        },
    ]
    data = tmp_path / "eval.jsonl"
    data.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    assert main(["evaluate", str(data), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model_version"].startswith("houserules-")
    assert report["rules"]["abusive"]["all"]["roc_auc"] == 1.0
    assert report["rules"]["advertising"]["en"]["positives"] == 1
    assert report["comments_per_second"] > 0


def test_the_evaluation_command_scores_the_baselines_on_the_same_lines(tmp_path, capsys):
    lines = [
        {"text": "You are a fucking idiot", "lang": "en", "labels": {"abusive": 1, "filthy": 1, "toxic": 1}},
        {"text": "Thank you for the clear report", "lang": "en", "labels": {"abusive": 0, "toxic": 0}},
        {"text": "Ты дебил, иди нахуй", "lang": "ru", "labels": {"toxic": 1}},
        {"text": "Спасибо за статью, очень полезно", "lang": "ru", "labels": {"toxic": 0}},
        {"text": "Դու ապուշ ես", "lang": "hy", "labels": {"toxic": 1}},
        {"text": "Շնորհակալություն հոդվածի համար", "lang": "hy", "labels": {"toxic": 0}},
    ]
    data = tmp_path / "eval.jsonl"
    data.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    assert main(["evaluate", str(data), "--json", "--baselines"]) == 0
    report = json.loads(capsys.readouterr().out)
    for name in ("alt-profanity-check", "better-profanity"):
        toxic = report["baselines"][name]["toxic"]
        assert set(toxic) == {"en", "ru", "hy", "all"}
        assert toxic["all"]["n"] == 6 and toxic["all"]["positives"] == 3
        for lang in ("en", "ru", "hy", "all"):
            assert isinstance(toxic[lang]["roc_auc"], float)
            assert 0.0 <= toxic[lang]["roc_auc"] <= 1.0
        assert report["baselines"][name]["abusive"]["en"]["n"] == 2
    assert main(["evaluate", str(data), "--baselines"]) == 0
    printed = capsys.readouterr().out
    assert "baseline alt-profanity-check" in printed and "baseline better-profanity" in printed


def test_swearing_at_someone_next_to_a_quotation_is_still_held():
    result = assess(
        'He said "this is fucking outrageous" and you are a stupid idiot for agreeing', article=METRO
    )
    assert result.decision == HOLD


@pytest.mark.parametrize(
    "text",
    [
        "Nice to see exports growing, but the farmers still get paid late.",
        "Звоните в мэрию, они обязаны ответить на такие жалобы.",
        "The ministry says anyone who wants details should contact us through the official site.",
    ],
)
def test_everyday_words_of_a_news_discussion_are_not_advertising(text):
    result = assess(text, article=METRO)
    assert result.scores["advertising"] < DEFAULT_POLICY.hold["advertising"]


@pytest.mark.parametrize(
    "text",
    [
        "Депутат назвал оппонентов «идиотами» прямо в парламенте, так говорить нельзя.",
        'The deputy called his opponents "idiots" in parliament, which is not how a lawmaker speaks.',
        "Պատգամավորը ընդդիմախոսներին «ապուշներ» անվանեց, այդպես չի կարելի։",
    ],
)
def test_an_insult_reported_in_quotation_marks_is_not_held(text):
    assert assess(text, article=METRO).scores["abusive"] < DEFAULT_POLICY.hold["abusive"]


def test_a_quotation_aimed_at_the_reader_still_counts():
    assert assess("Ты у нас «гений», да? Ты тупой идиот.", article=METRO).decision == HOLD


def test_warming_up_judges_a_polite_comment_in_each_language_through_every_rule():
    assert warm_up() == ["en", "ru", "hy"]
    for lang, (title, comment) in engine_module._WARM_UP.items():
        result = assess(comment, article={"title": title, "body": title}, thread=[comment], lang=lang)
        assert (result.decision, result.errors, result.lang) == (PUBLISH, (), lang)
        assert set(result.scores) == {"abusive", "filthy", "advertising", "off_topic"}


def test_a_gunicorn_worker_warms_the_engine_up_before_its_first_request(monkeypatch):
    """deploy/gunicorn.conf.py's post_worker_init hook: the first comment a worker screens after a
    start or a restart does not wait for the engine to load."""
    import logging
    import runpy
    from pathlib import Path
    from types import SimpleNamespace

    import tribune.houserules

    calls = []
    monkeypatch.setattr(tribune.houserules, "warm_up", lambda: calls.append("warm") or ["en", "ru", "hy"])
    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"))
    config["post_worker_init"](SimpleNamespace(log=logging.getLogger("gunicorn.error")))
    assert calls == ["warm"]
