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


def _evaluate(path, *, as_json, baselines):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(**row["article"]) for row in rows if isinstance(row.get("article"), dict)]
    unique_articles = list({(a.title, a.body): a for a in articles}.values())
    observed = {rule: {} for rule in JUDGED}
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
        scores = dict(result.scores, toxic=max(result.scores["abusive"], result.scores["filthy"]))
        for rule, label in (row.get("labels") or {}).items():
            if rule in observed and label in (0, 1):
                for lang in (result.lang, "all"):
                    observed[rule].setdefault(lang, []).append((int(label), scores[rule]))
    elapsed = time.perf_counter() - started
    report = {
        "model_version": model_version(),
        "rules": {},
        "comments_per_second": len(rows) / elapsed if elapsed else None,
    }
    for rule, by_lang in observed.items():
        for lang, pairs in by_lang.items():
            labels = [y for y, _ in pairs]
            scores = [s for _, s in pairs]
            threshold = _hold_threshold(rule, None if lang == "all" else lang)
            precision, recall, f1 = precision_recall_f1(labels, [s >= threshold for s in scores])
            report["rules"].setdefault(rule, {})[lang] = {
                "n": len(pairs),
                "positives": sum(labels),
                "roc_auc": roc_auc(labels, scores),
                "average_precision": average_precision(labels, scores),
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
    if baselines:
        report["baselines"] = _baselines(rows)
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_report(report)
    return 0


def _baselines(rows):
    """The same lines scored by two off-the-shelf profanity checkers, where they are installed."""
    found = {}
    try:
        from profanity_check import predict_prob

        found["alt-profanity-check"] = lambda texts: [float(p) for p in predict_prob(texts)]
    except ImportError:
        found["alt-profanity-check"] = None
    try:
        from better_profanity import profanity

        found["better-profanity"] = lambda texts: [
            1.0 if profanity.contains_profanity(t) else 0.0 for t in texts
        ]
    except ImportError:
        found["better-profanity"] = None
    report = {}
    for name, scorer in found.items():
        if scorer is None:
            report[name] = "not installed (pip install the dev extra)"
            continue
        judged = [row for row in rows if (row.get("labels") or {}).get("toxic") in (0, 1)]
        scores = scorer([row.get("text", "") for row in judged])
        labels = [int(row["labels"]["toxic"]) for row in judged]
        report[name] = {
            "toxic": {
                "n": len(labels),
                "roc_auc": roc_auc(labels, scores),
                "average_precision": average_precision(labels, scores),
            }
        }
    return report


def _fmt(value):
    return "—" if value is None else f"{value:.3f}"


def _print_report(report):
    print(f"model {report['model_version']}   {report['comments_per_second']:.0f} comments/s")
    print(
        f"{'rule':<12}{'lang':<6}{'n':>7}{'pos':>7}{'ROC-AUC':>9}{'AP':>8}{'P@hold':>8}{'R@hold':>8}{'F1':>7}"
    )
    for rule, by_lang in report["rules"].items():
        for lang in sorted(by_lang, key=lambda code: (code == "all", code or "")):
            row = by_lang[lang]
            print(
                f"{rule:<12}{lang or '?':<6}{row['n']:>7}{row['positives']:>7}{_fmt(row['roc_auc']):>9}"
                f"{_fmt(row['average_precision']):>8}{_fmt(row['precision']):>8}{_fmt(row['recall']):>8}{_fmt(row['f1']):>7}"
            )
    for name, value in (report.get("baselines") or {}).items():
        print(f"baseline {name}: {value}")


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


def _bench():
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
        pinned = "1 core (pinned)"
    except (AttributeError, OSError):
        pinned = "unpinned"
    comments = [text for texts in BENCH_COMMENTS.values() for text in texts]
    for text in comments:  # warm up: models load once
        assess(text, article=BENCH_ARTICLE)
    latencies = []
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        for text in comments:
            t0 = time.perf_counter()
            assess(text, article=BENCH_ARTICLE, background=(BENCH_ARTICLE,))
            latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(
        f"house-rules engine {model_version()}, {pinned}, {len(latencies)} comments in {', '.join(LANGUAGES)}"
    )
    print(f"{'configuration':<24}{'comments/s':>12}{'p50 ms':>9}{'p99 ms':>9}")
    print(f"{'all four rules':<24}{len(latencies) / elapsed:>12.0f}{p50:>9.2f}{p99:>9.2f}")
    print("multilingual encoder: not installed (the engine runs without it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
