"""python -m tribune.houserules train | evaluate FILE.jsonl [--json] [--baselines] | bench"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from .engine import DEFAULT_POLICY, assess, model_version
from .types import LANGUAGES, RULES, Article

JUDGED = (*RULES, "toxic")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tribune.houserules")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="rebuild the shipped models from the labelled data")
    train.add_argument("--data", type=Path, required=True, help="the folder with en/, ru/, spam/")
    train.add_argument("--out", type=Path, default=Path(__file__).parent / "models")
    evaluate = commands.add_parser("evaluate", help="quality per rule and language on a JSONL file")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--baselines", action="store_true")
    commands.add_parser("bench", help="comments per second and latency on one core")
    args = parser.parse_args(argv)
    if args.command == "train":
        return _train(args.data, args.out)
    if args.command == "evaluate":
        return _evaluate(args.file, as_json=args.json, baselines=args.baselines)
    return _bench()


# Training -----------------------------------------------------------------------------------------


def _train(data, out):
    from .training import train_all  # imports scikit-learn: only here

    figures = train_all(data, out)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


# Evaluation ---------------------------------------------------------------------------------------


def roc_auc(labels, scores):
    """Probability that a random positive scores above a random negative (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2
        rank_sum += average_rank * sum(label for _score, label in pairs[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def average_precision(labels, scores):
    positives = sum(labels)
    if not positives:
        return None
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total = 0, 0.0
    for rank, (_score, label) in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / positives


def precision_recall_f1(labels, predicted):
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return precision, recall, f1


def _hold_threshold(rule, lang):
    if rule == "toxic":
        return min(DEFAULT_POLICY._threshold(DEFAULT_POLICY.hold, r, lang) for r in ("abusive", "filthy"))
    table = DEFAULT_POLICY.flag if rule == "off_topic" else DEFAULT_POLICY.hold
    return DEFAULT_POLICY._threshold(table, rule, lang)


def _metrics(pairs, threshold):
    """n, positives, ROC-AUC, AP and precision, recall, F1 at `threshold` of (label, score) pairs."""
    labels = [y for y, _ in pairs]
    scores = [s for _, s in pairs]
    precision, recall, f1 = precision_recall_f1(labels, [s >= threshold for s in scores])
    return {
        "n": len(pairs),
        "positives": sum(labels),
        "roc_auc": roc_auc(labels, scores),
        "average_precision": average_precision(labels, scores),
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _judged_pairs(rows, langs, scores_of, rules):
    """{rule: {lang: [(label, score)]}} over the rows that carry a 0/1 label for the rule; each row
    counts in its language and in "all"."""
    observed = {rule: {} for rule in rules}
    for row, lang, scores in zip(rows, langs, scores_of, strict=True):
        for rule, label in (row.get("labels") or {}).items():
            if rule in observed and label in (0, 1):
                for key in (lang, "all"):
                    observed[rule].setdefault(key, []).append((int(label), scores[rule]))
    return observed


def _evaluate(path, *, as_json, baselines):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(**row["article"]) for row in rows if isinstance(row.get("article"), dict)]
    unique_articles = list({(a.title, a.body): a for a in articles}.values())
    langs, scores_of = [], []
    started = time.perf_counter()
    for row in rows:
        article = Article(**row["article"]) if isinstance(row.get("article"), dict) else None
        background = [a for a in unique_articles if a != article]
        result = assess(
            row.get("text", ""),
            article=article,
            thread=row.get("thread", ()),
            lang=row.get("lang"),
            background=background,
        )
        langs.append(result.lang)
        scores_of.append(dict(result.scores, toxic=max(result.scores["abusive"], result.scores["filthy"])))
    elapsed = time.perf_counter() - started
    report = {
        "model_version": model_version(),
        "rules": {},
        "comments_per_second": len(rows) / elapsed if elapsed else None,
    }
    for rule, by_lang in _judged_pairs(rows, langs, scores_of, JUDGED).items():
        for lang, pairs in by_lang.items():
            threshold = _hold_threshold(rule, None if lang == "all" else lang)
            report["rules"].setdefault(rule, {})[lang] = _metrics(pairs, threshold)
    if baselines:
        report["baselines"] = _baselines(rows, langs)
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_report(report)
    return 0


# Off-the-shelf profanity checkers (the `dev` extra). Both are English-centric: they are scored on every
# line, in every language, to show what a site gets from them on Russian and Armenian comments.
BASELINE_RULES = ("abusive", "filthy", "toxic")
BASELINE_THRESHOLD = 0.5


def _baseline_scorers():
    scorers = {}
    try:
        from profanity_check import predict_prob
    except ImportError:
        scorers["alt-profanity-check"] = None
    else:
        scorers["alt-profanity-check"] = lambda texts: [float(p) for p in predict_prob(texts)]
    try:
        from better_profanity import profanity
    except ImportError:
        scorers["better-profanity"] = None
    else:
        scorers["better-profanity"] = lambda texts: [
            1.0 if profanity.contains_profanity(t) else 0.0 for t in texts
        ]
    return scorers


def _baselines(rows, langs):
    """The same lines scored by each baseline, per rule and language, at probability 0.5 (their
    own cut-off; better-profanity answers only yes or no, so its ROC-AUC is that of one threshold)."""
    report = {}
    for name, scorer in _baseline_scorers().items():
        if scorer is None:
            report[name] = "not installed (pip install the dev extra)"
            continue
        probabilities = scorer([str(row.get("text", "")) for row in rows])
        scores_of = [dict.fromkeys(BASELINE_RULES, p) for p in probabilities]
        report[name] = {
            rule: {lang: _metrics(pairs, BASELINE_THRESHOLD) for lang, pairs in by_lang.items()}
            for rule, by_lang in _judged_pairs(rows, langs, scores_of, BASELINE_RULES).items()
        }
    return report


def _fmt(value):
    return "—" if value is None else f"{value:.3f}"


_HEADER = (
    f"{'rule':<12}{'lang':<6}{'n':>7}{'pos':>7}{'ROC-AUC':>9}{'AP':>8}{'P@hold':>8}{'R@hold':>8}{'F1':>7}"
)


def _print_table(rules):
    for rule, by_lang in rules.items():
        for lang in sorted(by_lang, key=lambda code: (code == "all", code or "")):
            row = by_lang[lang]
            print(
                f"{rule:<12}{lang or '?':<6}{row['n']:>7}{row['positives']:>7}{_fmt(row['roc_auc']):>9}"
                f"{_fmt(row['average_precision']):>8}{_fmt(row['precision']):>8}{_fmt(row['recall']):>8}{_fmt(row['f1']):>7}"
            )


def _print_report(report):
    print(f"model {report['model_version']}   {report['comments_per_second']:.0f} comments/s")
    print(_HEADER)
    _print_table(report["rules"])
    for name, value in (report.get("baselines") or {}).items():
        if isinstance(value, str):
            print(f"\nbaseline {name}: {value}")
            continue
        print(f"\nbaseline {name} (the same lines; P, R and F1 at {BASELINE_THRESHOLD})")
        print(_HEADER)
        _print_table(value)


# Benchmark ----------------------------------------------------------------------------------------

BENCH_COMMENTS = {
    "en": [
        "I disagree with the minister: the new fares will hit students hardest, and nobody asked them.",
        "Great reporting. Will the metro extension reach the northern districts before 2030, as promised?",
        "Call +374 91 123 456 for cheap apricots, 30% discount today only! t.me/best_apricots",
    ],
    "ru": [
        "Спасибо за материал. Интересно, как изменятся цены на проезд после принятия закона?",
        "Автор, вы хоть раз ездили в этой маршрутке? Всё не так радужно, как написано.",
        "Заработок без вложений! Пишите в вайбер +7 900 123-45-67, подробности в личку.",
    ],
    "hy": [
        "Շնորհակալություն հոդվածի համար։ Հետաքրքիր է՝ երբ կավարտվեն մետրոյի աշխատանքները։",
        "Համաձայն չեմ հեղինակի հետ, բայց թեման կարևոր է, պետք է ավելի շատ քննարկել։",
        "Barev, shat lav hodvac e, bayc inch kpoxvi gyughakan hamaynqnerum?",
    ],
}
BENCH_ARTICLE = Article(
    title="Metro extension works begin in Yerevan",
    body="Works on the extension of the Yerevan metro began today. The new line will connect the northern "
    "districts with the centre; the transport department expects the first station to open in 2029. " * 5,
)


def _bench_round(comments, rounds):
    for text in comments:  # warm up: models (and the encoder) load once
        assess(text, article=BENCH_ARTICLE, background=(BENCH_ARTICLE,))
    latencies = []
    started = time.perf_counter()
    for _ in range(rounds):
        for text in comments:
            t0 = time.perf_counter()
            assess(text, article=BENCH_ARTICLE, background=(BENCH_ARTICLE,))
            latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000
    return len(latencies), len(latencies) / elapsed, p50, p99


def _bench():
    from . import embedder

    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
        pinned = "1 core (pinned)"
    except (AttributeError, OSError):
        pinned = "unpinned"
    comments = [text for texts in BENCH_COMMENTS.values() for text in texts]
    encoder = embedder.get()
    status = embedder.status()
    print(
        f"house-rules engine, {pinned}, comments in {', '.join(LANGUAGES)} ({len(comments)} texts, repeated)"
    )
    print(f"{'configuration':<34}{'comments':>9}{'comments/s':>12}{'p50 ms':>9}{'p99 ms':>9}")
    embedder.set_embedder(None, reason="off for this run")
    try:
        n, rate, p50, p99 = _bench_round(comments, 200)
        print(f"{'all four rules, no encoder':<34}{n:>9}{rate:>12.0f}{p50:>9.2f}{p99:>9.2f}")
        version = model_version()
    finally:
        embedder.reset()
    if encoder is None:
        print(f"{'all four rules, with encoder':<34}  not run: multilingual encoder {status}")
    else:
        embedder.set_embedder(encoder)
        n, rate, p50, p99 = _bench_round(comments, 20)
        print(f"{'all four rules, with encoder':<34}{n:>9}{rate:>12.0f}{p50:>9.2f}{p99:>9.2f}")
        version = model_version()
        print(f"encoder: {status} (used by the abusive models with an embedding head: Armenian)")
    print(f"models: {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
