"""Training of the `abusive` classifiers: one logistic regression per language over hashed character
n-grams (`houserules.features`, the same featuriser the run time uses).

    from tribune.houserules.training.abusive import train
    figures = train(Path("../shared/data"), Path("tribune/houserules/models"))

Data (see ../shared/data/SOURCES.md; nothing of it is shipped):
- ru: ru/2ch_pikabu_labeled.csv (toxic 1/0) + ru/russe_detox_train.tsv (toxic comment positive, each of
  its neutral rewrites negative) + the hand-written seed (training/abusive_seed.py).
  Validated on ru/russe_detox_dev.tsv; also 2ch/pikabu alone -> RUSSE dev, the cross-site figure.
- en: en/davidson_labeled_data.csv (hate 0 and offensive 1 positive, neither 2 negative; offensive
  tweets weigh half, since they are mostly casual profanity, not attacks) + the seed. Validated on a
  stratified random 20% of the tweets (seed 0) and on the hand-written probe sentences.
- hy: the hand-written Armenian seed only (Armenian script and Latin chat spelling), plus a small,
  down-weighted sample of the Russian and English rows so Russian and English insults inside Armenian
  comments are still seen. Validated by 5-fold cross-validation over seed sentences (a sentence and its
  romanisations stay in one fold) and on the probe sentences.

Every training set also gets stitched comments (`mixtures`: polite comments with or without one rude
one among them), so that politeness around an insult does not cancel it.

C is chosen on a validation part of the training data only; the test figures come from a model that
never saw the test rows, scored exactly as the rule scores (`abusive.log_odds`: the whole comment and
each of its sentences). The shipped model is then refitted on everything (test rows included) with the
chosen C, and its weights pruned to the largest |w|.
"""

from __future__ import annotations

import csv
import datetime
import html
import json
import re
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, StratifiedShuffleSplit

from .. import features
from ..normalize import normalize
from . import abusive_seed as seed
from . import abusive_seed_more as more

VERSION = "abusive-" + datetime.date.today().strftime("%Y.%m.%d")  # noqa: DTZ011 - a calendar date
C_GRID = (1.0, 3.0, 10.0, 30.0)
KEEP_WEIGHTS = 60_000  # largest |w| kept per language; pruning below this costs < 0.001 ROC-AUC (ru, en)
# One hand-written comment counts as this many rows of the public sets: more for English, whose public set
# (tweets, mostly casual profanity) is further from news comments than the Russian sets are.
SEED_WEIGHT = {"en": 10.0, "ru": 5.0}
# Shorter n-grams scaled down (regularised harder): on Russian data this cut false alarms on ordinary
# words holding a rude root ("колебания", "употреблять") with no loss of ROC-AUC.
ORDER_WEIGHTS = (0.25, 0.5, 0.75, 1.0)
OFFENSIVE_WEIGHT = 0.5
MIXTURES = 3000  # stitched longer comments added to the training rows (see `mixtures`)
MIXTURES_HY = 1000
SHARED_FOR_HY = 3000  # rows of each of ru and en mixed into the Armenian model
SHARED_WEIGHT = 0.2
FIGURES_BEGIN = "<!-- abusive-figures:begin -->"
FIGURES_END = "<!-- abusive-figures:end -->"


class Rows:
    """Texts with labels, sample weights and groups (rows of one group never straddle a split)."""

    def __init__(self):
        self.texts: list[str] = []
        self.labels: list[int] = []
        self.weights: list[float] = []
        self.groups: list[str] = []

    def add(self, text: str, label: int, weight: float = 1.0, group: str | None = None) -> None:
        if text and text.strip():
            self.texts.append(text)
            self.labels.append(int(label))
            self.weights.append(float(weight))
            self.groups.append(group if group is not None else f"row{len(self.texts)}")

    def extend(self, other: Rows) -> Rows:
        self.texts += other.texts
        self.labels += other.labels
        self.weights += other.weights
        self.groups += other.groups
        return self

    def __len__(self) -> int:
        return len(self.texts)


# --- Loading ------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def load_2ch_pikabu(path: Path) -> Rows:
    rows = Rows()
    with path.open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            rows.add(record["comment"], int(float(record["toxic"])))
    return rows


def load_russe(path: Path, prefix: str) -> Rows:
    """Toxic comments positive, their neutral rewrites negative; a pair shares a group."""
    rows = Rows()
    with path.open(encoding="utf-8", newline="") as f:
        for i, record in enumerate(csv.DictReader(f, delimiter="\t")):
            group = f"{prefix}{i}"
            rows.add(record.get("toxic_comment") or "", 1, group=group)
            for column in ("neutral_comment1", "neutral_comment2", "neutral_comment3"):
                rows.add(record.get(column) or "", 0, group=group)
    return rows


_MENTION = re.compile(r"@\w+:?")
_URL = re.compile(r"https?://\S+")
_RT = re.compile(r"\bRT\b")


def _clean_tweet(text: str) -> str:
    return _RT.sub(" ", _URL.sub(" ", _MENTION.sub(" ", html.unescape(text))))


def load_davidson(path: Path) -> tuple[Rows, list[int]]:
    rows, classes = Rows(), []
    with path.open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            cls = int(record["class"])
            text = _clean_tweet(record["tweet"])
            if not text.strip():
                continue
            rows.add(text, int(cls != 2), OFFENSIVE_WEIGHT if cls == 1 else 1.0)
            classes.append(cls)
    return rows, classes


def seed_rows(lang: str) -> Rows:
    rows = Rows()
    if lang == "hy":
        abusive, neutral = seed.hy_examples()
        for text, label, group in abusive + neutral:
            rows.add(text, label, 1.0, f"hy{group}")
        for text, label, group in more_hy_examples():
            rows.add(text, label, 1.0, f"hy2-{group}")
        return rows
    positive, negative = {
        "en": (seed.EN_ABUSIVE + more.EN_ABUSIVE, seed.EN_NEUTRAL + more.EN_NEUTRAL),
        "ru": (seed.RU_ABUSIVE + more.RU_ABUSIVE, seed.RU_NEUTRAL + more.RU_NEUTRAL),
    }[lang]
    for label, texts in ((1, positive), (0, negative)):
        for i, text in enumerate(texts):
            rows.add(text, label, SEED_WEIGHT[lang], f"seed-{lang}-{label}-{i}")
    return rows


def more_hy_examples() -> list[tuple[str, int, int]]:
    """The second Armenian batch: each sentence in Armenian script and in both chat spellings (one
    group), then the sentences written in Latin letters."""
    rows, group = [], 0
    for label, sentences in ((1, more.HY_ABUSIVE), (0, more.HY_NEUTRAL)):
        for sentence in sentences:
            group += 1
            for text in dict.fromkeys(
                (sentence, seed.romanize_hy(sentence, 0), seed.romanize_hy(sentence, 1))
            ):
                rows.append((text, label, group))
    for label, sentences in ((1, more.HY_ABUSIVE_LATIN), (0, more.HY_NEUTRAL_LATIN)):
        for sentence in sentences:
            group += 1
            rows.append((sentence, label, group))
    return rows


def probe_rows(lang: str) -> Rows:
    rows = Rows()
    positive, negative = seed.PROBE[lang]
    for label, texts in ((1, positive), (0, negative)):
        for text in texts:
            rows.add(text, label)
    return rows


# --- Features and fitting -----------------------------------------------------------------------------


def matrix(texts: list[str], lang: str, settings: features.Settings) -> sp.csr_matrix:
    """The run-time featuriser applied to each text, stacked into a sparse matrix."""
    indices, values, indptr = [], [], [0]
    for text in texts:
        vector = features.vectorize(features.model_words(normalize(text), lang, settings), settings)
        indices.append(vector.indices)
        values.append(vector.values)
        indptr.append(indptr[-1] + len(vector.indices))
    data = np.concatenate(values) if values else np.zeros(0)
    cols = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
    return sp.csr_matrix((data, cols, np.array(indptr)), shape=(len(texts), settings.n_features))


class Linear:
    """A fitted logistic model over the full hashed space (what is saved and what the run time reads)."""

    def __init__(self, coef: np.ndarray, intercept: float):
        self.coef = coef
        self.intercept = intercept

    def decision_function(self, x) -> np.ndarray:
        return np.asarray(x @ self.coef).ravel() + self.intercept


def fit(x, y, w, c: float) -> Linear:
    """Logistic regression (liblinear, balanced classes) on the columns in use only: liblinear's cost
    grows with the width of the matrix, and 2**20 hashed columns are mostly empty."""
    x = sp.csr_matrix(x)
    used = np.unique(x.indices)
    compact = sp.csr_matrix(
        (x.data, np.searchsorted(used, x.indices), x.indptr), shape=(x.shape[0], len(used))
    )
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=2000)
    model.fit(compact, y, sample_weight=w)
    coef = np.zeros(x.shape[1])
    coef[used] = model.coef_.ravel()
    return Linear(coef, float(model.intercept_[0]))


def shipped_scores(model: Linear, texts: list[str], lang: str, settings: features.Settings) -> np.ndarray:
    """Log-odds exactly as the rule computes them (whole comment and its sentences, the better of the
    two); a text with nothing to judge gets a very low score, as the rule gives it 0."""
    from .. import abusive as rule

    out = np.empty(len(texts))
    for i, text in enumerate(texts):
        logit = rule.log_odds(normalize(text), lang, model.coef, model.intercept, settings)[0]
        out[i] = logit if np.isfinite(logit) else -50.0
    return out


def _auc_ap(y, scores) -> dict:
    """ROC-AUC and average precision of log-odds `scores`; precision and recall at probability 0.5
    (log-odds 0), the engine's default hold threshold."""
    y, scores = np.asarray(y), np.asarray(scores)
    if not len(y) or y.min() == y.max():
        return {"n": len(y), "positives": int(y.sum())}
    flagged = scores >= 0
    hits = int((flagged & (y == 1)).sum())
    return {
        "n": len(y),
        "positives": int(y.sum()),
        "roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "average_precision": round(float(average_precision_score(y, scores)), 4),
        "precision_at_0.5": round(hits / int(flagged.sum()), 4) if flagged.any() else None,
        "recall_at_0.5": round(hits / int(y.sum()), 4),
    }


def _pair_accuracy(rows: Rows, scores) -> float | None:
    """Share of (toxic, its own neutral rewrite) pairs in which the toxic one scores higher."""
    toxic: dict[str, float] = {}
    for group, label, score in zip(rows.groups, rows.labels, scores, strict=True):
        if label:
            toxic[group] = score
    wins = total = 0
    for group, label, score in zip(rows.groups, rows.labels, scores, strict=True):
        if not label and group in toxic:
            total += 1
            wins += toxic[group] > score
    return round(wins / total, 4) if total else None


def choose_c(x, y, w, groups, grid=C_GRID, seed_value: int = 0) -> tuple[float, dict]:
    """C with the best ROC-AUC on a held-out 15% of the training groups."""
    y, w = np.asarray(y), np.asarray(w)
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed_value)
    fit_idx, val_idx = next(splitter.split(x, y, groups))
    if y[val_idx].min() == y[val_idx].max():
        return grid[len(grid) // 2], {}
    scores = {}
    for c in grid:
        model = fit(x[fit_idx], y[fit_idx], w[fit_idx], c)
        scores[c] = round(float(roc_auc_score(y[val_idx], model.decision_function(x[val_idx]))), 4)
    return max(scores, key=lambda c: (scores[c], -c)), scores


def pruned(model: Linear, keep: int = KEEP_WEIGHTS) -> tuple[np.ndarray, np.ndarray]:
    weights = model.coef
    nonzero = np.flatnonzero(weights)
    if len(nonzero) > keep:
        order = np.argsort(-np.abs(weights[nonzero]), kind="stable")[:keep]
        nonzero = np.sort(nonzero[order])
    return nonzero.astype(np.uint32), weights[nonzero].astype(np.float32)


def save(
    path: Path, lang: str, model: Linear, settings: features.Settings, meta: dict, head: dict | None = None
) -> dict:
    indices, values = pruned(model)
    meta = {
        "model": "abusive",
        "version": VERSION,
        "lang": lang,
        "features": settings.to_dict(),
        **meta,
        "weights_kept": len(indices),
    }
    arrays = {}
    if head is not None:
        meta["embedder"] = head["embedder"]
        arrays = {k: v for k, v in head.items() if k != "embedder"}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        indices=indices,
        values=values,
        intercept=np.array([model.intercept], dtype=np.float32),
        meta=np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True)),
        **arrays,
    )
    return {"file": path.name, "bytes": path.stat().st_size, "weights_kept": len(indices)}


def _settings() -> features.Settings:
    return features.Settings(order_weights=ORDER_WEIGHTS, translit=features.transliteration_available())


# --- Per language -------------------------------------------------------------------------------------


def _mostly_latin_text(text: str) -> bool:
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    return latin * 2 > sum(1 for ch in text if ch.isalpha())


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…։" else text + "."


def mixtures(pool: Rows, n: int, rng: np.random.Generator, prefix: str) -> Rows:
    """Longer comments stitched from training comments of one script: one to three polite ones, half of
    the time with one rude one put in among them (then abusive). A linear model over a whole comment
    lets polite company wash an insult out; these teach it not to."""
    groups: dict[tuple[bool, int], list[str]] = {}
    for text, label in zip(pool.texts, pool.labels, strict=True):
        groups.setdefault((_mostly_latin_text(text), label), []).append(text)
    scripts = [s for s in (False, True) if groups.get((s, 0)) and groups.get((s, 1))]
    out = Rows()
    if not scripts:
        return out
    sizes = np.array([len(groups[(s, 0)]) + len(groups[(s, 1)]) for s in scripts], dtype=float)
    for i in range(n):
        script = scripts[rng.choice(len(scripts), p=sizes / sizes.sum())]
        polite, rude = groups[(script, 0)], groups[(script, 1)]
        parts = [polite[rng.integers(len(polite))] for _ in range(rng.integers(1, 4))]
        label = int(rng.random() < 0.5)
        if label:
            parts.insert(int(rng.integers(len(parts) + 1)), rude[rng.integers(len(rude))])
        out.add(" ".join(_as_sentence(p) for p in parts), label, 1.0, f"{prefix}{i}")
    return out


def subset(rows: Rows, indices) -> Rows:
    out = Rows()
    for i in indices:
        out.add(rows.texts[i], rows.labels[i], rows.weights[i], rows.groups[i])
    return out


def probe_figures(model: Linear, lang: str, settings: features.Settings) -> dict:
    """The hand-written probe as written, and stitched into longer comments (mixtures of the probe only)."""
    probe = probe_rows(lang)
    mixed = mixtures(probe, 200, np.random.default_rng(1), "probe")
    return {
        "probe": _auc_ap(probe.labels, shipped_scores(model, probe.texts, lang, settings)),
        "probe_mixed": _auc_ap(mixed.labels, shipped_scores(model, mixed.texts, lang, settings)),
    }


def _stack(*parts):
    return sp.vstack(parts).tocsr()


def train_ru(data_dir: Path, out_dir: Path, settings: features.Settings) -> dict:
    rng = np.random.default_rng(0)
    ru = data_dir / "ru"
    dev = load_russe(ru / "russe_detox_dev.tsv", "dev")
    dev_keys = {_key(t) for t in dev.texts}
    everything = load_2ch_pikabu(ru / "2ch_pikabu_labeled.csv")
    board = Rows()
    for text, label in zip(everything.texts, everything.labels, strict=True):
        if _key(text) not in dev_keys:  # a few pikabu comments are in both sets
            board.add(text, label)
    russe = load_russe(ru / "russe_detox_train.tsv", "train")
    seeds = seed_rows("ru")
    train_rows = Rows().extend(board).extend(russe).extend(seeds)
    train_rows.extend(mixtures(train_rows, MIXTURES, rng, "mix"))

    x = matrix(train_rows.texts, "ru", settings)
    y, w = np.array(train_rows.labels), np.array(train_rows.weights)
    x_dev = matrix(dev.texts, "ru", settings)
    c, c_scores = choose_c(x, y, w, train_rows.groups)
    model = fit(x, y, w, c)
    dev_scores = shipped_scores(model, dev.texts, "ru", settings)
    n_board = len(board)
    cross_site = shipped_scores(fit(x[:n_board], y[:n_board], w[:n_board], c), dev.texts, "ru", settings)
    dev_mixed = mixtures(dev, 1000, np.random.default_rng(1), "devmix")
    figures = {
        "C": c,
        "C_validation_roc_auc": c_scores,
        "train_rows": {
            "2ch_pikabu": n_board,
            "russe_train": len(russe),
            "seed": len(seeds),
            "mixtures": MIXTURES,
        },
        "test_russe_dev": {
            **_auc_ap(dev.labels, dev_scores),
            "pair_accuracy": _pair_accuracy(dev, dev_scores),
            "roc_auc_whole_text_only": round(
                float(roc_auc_score(dev.labels, model.decision_function(x_dev))), 4
            ),
        },
        "test_russe_dev_stitched": _auc_ap(
            dev_mixed.labels, shipped_scores(model, dev_mixed.texts, "ru", settings)
        ),
        "cross_site_2ch_pikabu_only_to_russe_dev": {
            **_auc_ap(dev.labels, cross_site),
            "pair_accuracy": _pair_accuracy(dev, cross_site),
        },
        **probe_figures(model, "ru", settings),
    }
    final_rows = Rows().extend(train_rows).extend(dev)
    final = fit(_stack(x, x_dev), np.array(final_rows.labels), np.array(final_rows.weights), c)
    figures["saved"] = save(
        out_dir / "abusive-ru.npz",
        "ru",
        final,
        settings,
        {"C": c, "data": ["2ch_pikabu_labeled.csv", "russe_detox_train.tsv", "russe_detox_dev.tsv", "seed"]},
    )
    return figures


def train_en(data_dir: Path, out_dir: Path, settings: features.Settings) -> dict:
    rng = np.random.default_rng(0)
    tweets, classes = load_davidson(data_dir / "en" / "davidson_labeled_data.csv")
    classes = np.array(classes)
    split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
    train_idx, test_idx = next(split.split(np.zeros(len(classes)), classes))
    seeds = seed_rows("en")

    def training_rows(indices) -> Rows:
        rows = subset(tweets, indices).extend(seeds)
        # Mixtures from hate, neither and the seed: offensive tweets are mostly casual profanity.
        pool = subset(tweets, [i for i in indices if classes[i] != 1]).extend(seeds)
        return rows.extend(mixtures(pool, MIXTURES, rng, "mix"))

    train_rows = training_rows(train_idx)
    x = matrix(train_rows.texts, "en", settings)
    y, w = np.array(train_rows.labels), np.array(train_rows.weights)
    c, c_scores = choose_c(x, y, w, train_rows.groups)
    model = fit(x, y, w, c)
    test_texts = [tweets.texts[i] for i in test_idx]
    y_test = np.array([tweets.labels[i] for i in test_idx])
    test_scores = shipped_scores(model, test_texts, "en", settings)
    whole = model.decision_function(matrix(test_texts, "en", settings))
    hate_neither = subset(tweets, [i for i in test_idx if classes[i] != 1])
    stitched = mixtures(hate_neither, 1000, np.random.default_rng(1), "testmix")
    test_classes = classes[test_idx]
    hate_or_neither = np.isin(test_classes, (0, 2))
    figures = {
        "C": c,
        "C_validation_roc_auc": c_scores,
        "train_rows": {"davidson": len(train_idx), "seed": len(seeds), "mixtures": MIXTURES},
        "test_davidson_random_20pct": {
            **_auc_ap(y_test, test_scores),
            "roc_auc_whole_text_only": round(float(roc_auc_score(y_test, whole)), 4),
        },
        "test_davidson_hate_vs_neither": _auc_ap(
            (test_classes[hate_or_neither] == 0).astype(int), test_scores[hate_or_neither]
        ),
        "test_davidson_hate_neither_stitched": _auc_ap(
            stitched.labels, shipped_scores(model, stitched.texts, "en", settings)
        ),
        **probe_figures(model, "en", settings),
    }
    final_rows = training_rows(np.arange(len(tweets)))
    final = fit(
        matrix(final_rows.texts, "en", settings), np.array(final_rows.labels), np.array(final_rows.weights), c
    )
    figures["saved"] = save(
        out_dir / "abusive-en.npz",
        "en",
        final,
        settings,
        {"C": c, "data": ["davidson_labeled_data.csv", "seed"], "offensive_weight": OFFENSIVE_WEIGHT},
    )
    return figures


def _shared_sample(data_dir: Path, rng: np.random.Generator) -> Rows:
    """A down-weighted sample of Russian and English rows for the Armenian model (code-switching)."""
    shared = Rows()
    pools = []
    ru = data_dir / "ru"
    if (ru / "2ch_pikabu_labeled.csv").exists():
        pools.append(load_2ch_pikabu(ru / "2ch_pikabu_labeled.csv"))
    if (data_dir / "en" / "davidson_labeled_data.csv").exists():
        pools.append(load_davidson(data_dir / "en" / "davidson_labeled_data.csv")[0])
    for pool in pools:
        chosen = rng.permutation(len(pool))[:SHARED_FOR_HY]
        for i in sorted(chosen):
            shared.add(pool.texts[i], pool.labels[i], SHARED_WEIGHT * pool.weights[i], f"shared{len(shared)}")
    for lang in ("ru", "en"):
        shared.extend(seed_rows(lang))
    return shared


def train_hy(data_dir: Path, out_dir: Path, settings: features.Settings) -> dict:
    rng = np.random.default_rng(0)
    seeds = seed_rows("hy")
    shared = _shared_sample(data_dir, rng)
    x_seed = matrix(seeds.texts, "hy", settings)
    x_shared = matrix(shared.texts, "hy", settings)
    y_seed, w_seed = np.array(seeds.labels), np.array(seeds.weights)
    y_shared, w_shared = np.array(shared.labels), np.array(shared.weights)

    folds = []  # mixtures are stitched from each fold's own training sentences
    for fit_idx, test_idx in GroupKFold(n_splits=5).split(x_seed, y_seed, seeds.groups):
        mixed = mixtures(subset(seeds, fit_idx), MIXTURES_HY, rng, "mix")
        x_fold = _stack(x_seed[fit_idx], x_shared, matrix(mixed.texts, "hy", settings))
        y_fold = np.concatenate([y_seed[fit_idx], y_shared, mixed.labels])
        w_fold = np.concatenate([w_seed[fit_idx], w_shared, mixed.weights])
        folds.append((x_fold, y_fold, w_fold, test_idx))

    def cross_validated(c: float) -> np.ndarray:
        scores = np.zeros(len(seeds))
        for x_fold, y_fold, w_fold, test_idx in folds:
            scores[test_idx] = fit(x_fold, y_fold, w_fold, c).decision_function(x_seed[test_idx])
        return scores

    cv = {c: cross_validated(c) for c in C_GRID}
    cv_auc = {c: round(float(roc_auc_score(y_seed, s)), 4) for c, s in cv.items()}
    c = max(cv_auc, key=lambda k: (cv_auc[k], -k))
    mixed = mixtures(seeds, MIXTURES_HY, rng, "mix")
    x = _stack(x_seed, x_shared, matrix(mixed.texts, "hy", settings))
    y = np.concatenate([y_seed, y_shared, mixed.labels])
    w = np.concatenate([w_seed, w_shared, mixed.weights])
    final = fit(x, y, w, c)
    latin = np.array([_mostly_latin_text(t) for t in seeds.texts])
    figures = {
        "C": c,
        "C_cv_roc_auc": cv_auc,
        "train_rows": {"seed": len(seeds), "shared_ru_en": len(shared), "mixtures": MIXTURES_HY},
        "cv5_seed_grouped": _auc_ap(y_seed, cv[c]),
        "cv5_seed_armenian_script": _auc_ap(y_seed[~latin], cv[c][~latin]),
        "cv5_seed_latin": _auc_ap(y_seed[latin], cv[c][latin]),
        **probe_figures(final, "hy", settings),
        "probe_note": "probe scored by the final model (the probe sentences were never trained on)",
    }
    head, head_figures = embedding_head(seeds, shared, cv[c], latin, rng)
    figures["encoder"] = head_figures
    figures["saved"] = save(
        out_dir / "abusive-hy.npz",
        "hy",
        final,
        settings,
        {
            "C": c,
            "data": ["seed (hand-written)", "sample of 2ch_pikabu_labeled.csv and davidson_labeled_data.csv"],
        },
        head=head,
    )
    return figures


# --- The encoder head (Armenian) ------------------------------------------------------------------------

HEAD_SHARED = 1500  # en and ru rows (of the shared sample) the head learns from beside the Armenian seed
HEAD_SHARED_WEIGHT = 0.5
HEAD_C = 1.0
PROBE_HEAD_NOTE = "probe: final char model blended with the final head (probe sentences never trained on)"


def _embed_all(encoder, texts: list[str], batch: int = 64) -> np.ndarray:
    out = [encoder.embed(texts[i : i + batch]) for i in range(0, len(texts), batch)]
    return np.vstack(out) if out else np.zeros((0, encoder.dim), dtype=np.float32)


def _fit_head(e, y, w) -> LogisticRegression:
    model = LogisticRegression(C=HEAD_C, class_weight="balanced", max_iter=5000)
    return model.fit(e, y, sample_weight=w)


def embedding_head(seeds: Rows, shared: Rows, char_cv: np.ndarray, latin: np.ndarray, rng) -> tuple:
    """A logistic head over the encoder's sentence vectors (Armenian seed + a sample of the English and
    Russian rows, so that what the public data teach transfers to Armenian), and the blend of its
    log-odds with the character model's, fitted on out-of-fold scores of the seed. Returns the arrays
    to save (None without an encoder) and the figures: the seed's cross-validated ROC-AUC with and
    without the encoder, by script."""
    from .. import embedder

    encoder = embedder.get()
    if encoder is None:
        return None, {"status": embedder.status()}
    y_seed = np.array(seeds.labels)
    pick = np.sort(rng.permutation(len(shared))[:HEAD_SHARED])
    e_seed = _embed_all(encoder, seeds.texts)
    e_shared = _embed_all(encoder, [shared.texts[i] for i in pick])
    y_shared = np.array([shared.labels[i] for i in pick])
    w_shared = np.full(len(pick), HEAD_SHARED_WEIGHT)

    head_cv = np.zeros(len(seeds))
    folds = list(GroupKFold(n_splits=5).split(e_seed, y_seed, seeds.groups))
    for fit_idx, test_idx in folds:
        model = _fit_head(
            np.vstack([e_seed[fit_idx], e_shared]),
            np.concatenate([y_seed[fit_idx], y_shared]),
            np.concatenate([np.ones(len(fit_idx)), w_shared]),
        )
        head_cv[test_idx] = model.decision_function(e_seed[test_idx])
    pair = np.column_stack([char_cv, head_cv])
    blended_cv = np.zeros(len(seeds))
    for fit_idx, test_idx in folds:  # the blend's own figures: fitted without the rows it scores
        blend = LogisticRegression(C=100.0, class_weight="balanced").fit(pair[fit_idx], y_seed[fit_idx])
        blended_cv[test_idx] = blend.decision_function(pair[test_idx])
    blend = LogisticRegression(C=100.0, class_weight="balanced").fit(pair, y_seed)
    final_head = _fit_head(
        np.vstack([e_seed, e_shared]),
        np.concatenate([y_seed, y_shared]),
        np.concatenate([np.ones(len(seeds)), w_shared]),
    )
    arrays = {
        "embedding_coef": final_head.coef_.ravel().astype(np.float32),
        "embedding_intercept": np.array([final_head.intercept_[0]], dtype=np.float32),
        "embedding_blend": np.array(
            [blend.coef_[0][0], blend.coef_[0][1], blend.intercept_[0]], dtype=np.float32
        ),
        "embedder": encoder.name,
    }
    figures = {
        "status": encoder.name,
        "head_rows": {"seed": len(seeds), "shared_ru_en": len(pick)},
        "blend": [round(float(v), 4) for v in arrays["embedding_blend"]],
        "cv5_seed_head_only": _auc_ap(y_seed, head_cv),
        "cv5_seed_with_encoder": _auc_ap(y_seed, blended_cv),
        "cv5_seed_with_encoder_armenian_script": _auc_ap(y_seed[~latin], blended_cv[~latin]),
        "cv5_seed_with_encoder_latin": _auc_ap(y_seed[latin], blended_cv[latin]),
    }
    return arrays, figures


# --- Entry point --------------------------------------------------------------------------------------


def train(data_dir: Path, out_dir: Path, languages=("ru", "en", "hy")) -> dict:
    """Train, validate and save the per-language models; return the figures (also written next to the
    models as abusive-figures.json and into MODEL_CARD.md between the abusive figure markers)."""
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    settings = _settings()
    trainers = {"ru": train_ru, "en": train_en, "hy": train_hy}
    figures = {"version": VERSION, "features": settings.to_dict(), "languages": {}}
    for lang in languages:
        figures["languages"][lang] = trainers[lang](data_dir, out_dir, settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "abusive-figures.json").write_text(
        json.dumps(figures, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    _update_card(out_dir / "MODEL_CARD.md", figures)
    return figures


def _fmt(block: dict | None, key: str) -> str:
    value = (block or {}).get(key)
    return "—" if value is None else f"{value:.3f}"


def render_figures(figures: dict) -> str:
    rows = {
        "ru": [
            ("test_russe_dev", "RUSSE dev, VK/OK/pikabu (train: 2ch/pikabu + RUSSE train + seed)"),
            ("cross_site_2ch_pikabu_only_to_russe_dev", "RUSSE dev, cross-site (train: 2ch/pikabu only)"),
            ("test_russe_dev_stitched", "RUSSE dev stitched into 1-4 sentence comments"),
            ("probe", "hand-written probe"),
            ("probe_mixed", "hand-written probe, stitched"),
        ],
        "en": [
            ("test_davidson_random_20pct", "Davidson, stratified random 20% (hate+offensive vs neither)"),
            ("test_davidson_hate_vs_neither", "same 20%, hate vs neither only"),
            ("test_davidson_hate_neither_stitched", "same 20% (hate, neither) stitched into longer comments"),
            ("probe", "hand-written probe"),
            ("probe_mixed", "hand-written probe, stitched"),
        ],
        "hy": [
            ("cv5_seed_grouped", "seed, 5-fold CV grouped by sentence"),
            ("cv5_seed_armenian_script", "seed CV, Armenian script"),
            ("cv5_seed_latin", "seed CV, Latin spelling"),
            ("encoder.cv5_seed_head_only", "seed CV, encoder head alone"),
            ("encoder.cv5_seed_with_encoder", "seed CV, character model + encoder head"),
            ("encoder.cv5_seed_with_encoder_armenian_script", "same, Armenian script"),
            ("encoder.cv5_seed_with_encoder_latin", "same, Latin spelling"),
            ("probe", "hand-written probe"),
            ("probe_mixed", "hand-written probe, stitched"),
        ],
    }
    lines = [
        f"Figures of `{figures['version']}` (written by `train`; test rows never trained on):",
        "",
        "| lang | test set | n | ROC-AUC | AP | P@0.5 | R@0.5 |",
        "|---|---|---|---|---|---|---|",
    ]
    langs = figures["languages"]
    for lang in ("ru", "en", "hy"):
        for key, label in rows[lang] if lang in langs else ():
            block = langs[lang]
            for part in key.split("."):
                block = (block or {}).get(part)
            block = block or {}
            extra = (
                f" (toxic above its own rewrite: {block['pair_accuracy']})"
                if block.get("pair_accuracy")
                else ""
            )
            lines.append(
                f"| {lang} | {label}{extra} | {block.get('n', '—')} | {_fmt(block, 'roc_auc')} | "
                f"{_fmt(block, 'average_precision')} | {_fmt(block, 'precision_at_0.5')} | {_fmt(block, 'recall_at_0.5')} |"
            )
    lines.append("")
    lines.append(
        "Model files: "
        + ", ".join(
            f"{block['saved']['file']} {block['saved']['bytes'] / 1e6:.2f} MB (C={block['C']}, {block['saved']['weights_kept']} weights)"
            for block in langs.values()
        )
    )
    return "\n".join(lines)


def _update_card(path: Path, figures: dict) -> None:
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    start, end = text.find(FIGURES_BEGIN), text.find(FIGURES_END)
    if start < 0 or end < start:
        return
    text = text[: start + len(FIGURES_BEGIN)] + "\n" + render_figures(figures) + "\n" + text[end:]
    path.write_text(text, encoding="utf-8")
