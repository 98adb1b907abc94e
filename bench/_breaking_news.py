"""The breaking-news load on a running production stack (run by bench/breaking_news.sh): writes wrk's
plan, warms the pages, runs wrk with bench/_breaking_news.lua while reading the stack's CPU time,
checks the stored comments and prints the table.

    python bench/_breaking_news.py --site URL --work DIR --duration 60 --connections 200 \
        --articles articles.json --tokens tokens.txt --limits "…" --out result.txt \
        --pids nginx=1 gunicorn=2,3 worker=4 postgres=5 redis=6

Exits 1 when a check of the issue fails: a 5xx, a p99 of 500 ms or more, a comment answered 201
that is not stored exactly once.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _stack_load import PARTS, Client, cpu_seconds, load_average, ms, parse_pids, table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
P99_LIMIT = 0.5  # seconds
KINDS = ("page", "thread", "post")
KIND_NAMES = {"page": "page read (anonymous)", "thread": "thread read (API)", "post": "comment post (API)"}
LOG_STEP = 1.01

# Comments a reader might write under a breaking story, one set per language. "{tag}" becomes a tag
# that no other request shares (the site refuses a reader's duplicate and we check every one).
TEXTS = {
    "en": [
        "Thank you for the quick update, {tag} I hope you keep following this story closely.",
        "Good to see the facts laid out so clearly, {tag} waiting for the next report.",
        "This matters for our district too, {tag} please tell us what the council decides.",
    ],
    "ru": [
        "Спасибо за оперативную новость, {tag} будем ждать подробностей.",
        "Хорошо, что вы так быстро об этом написали, {tag} следим за развитием событий.",
        "Это важно и для нашего района, {tag} расскажите, что решат дальше.",
    ],
    "hy": [
        "Շնորհակալություն արագ լուրի համար, {tag} սպասում ենք մանրամասների։",
        "Լավ է, որ այսքան արագ գրեցիք այս մասին, {tag} հետևում ենք զարգացումներին։",
        "Սա կարևոր է նաև մեր թաղամասի համար, {tag} պատմեք, թե ինչ կորոշեն։",
    ],
}


def write_plan(path, articles, tokens, weights, mark, breaking_per_language):
    open_articles = [a for a in articles if a["open"]]
    breaking = []
    for language in ("en", "ru", "hy"):
        breaking += [a for a in open_articles if a["language"] == language][:breaking_per_language]
    if not breaking:
        raise SystemExit("no article open for comments in the demo")
    lines = [f"weights {' '.join(str(w) for w in weights)}", f"mark {mark}"]
    # Page reads: the three home pages and the breaking stories often, every other article once.
    for language in ("en", "ru", "hy"):
        lines += [f"page /{language}/"] * 8
    breaking_ids = {a["id"] for a in breaking}
    for article in breaking:
        lines += [f"page {article['path']}"] * 4
    lines += [f"page {a['path']}" for a in articles if a["id"] not in breaking_ids]
    lines += [f"thread {a['id']}" for a in breaking]
    lines += [f"post {a['id']} {a['language']}" for a in breaking]
    for language, texts in TEXTS.items():
        lines += [f"text {language} {text}" for text in texts]
    lines += [f"token {token}" for token in tokens]
    Path(path).write_text("\n".join(lines) + "\n")
    pages = sorted({line.split()[1] for line in lines if line.startswith("page ")})
    # The thread listings too: nginx shares an anonymous listing for a second, and its first copy
    # is one that readers wait for.
    return breaking, pages, [f"/api/v1/articles/{a['id']}/comments" for a in breaking]


def warm(site, paths):
    client = Client(site)
    for path in paths:
        status, _headers, _body, _seconds = client.request("GET", path)
        if status != 200:
            raise SystemExit(f"warming up: {path} answered {status}")
    client.close()


def read_output(path):
    counts, hist, lost = Counter(), defaultdict(Counter), Counter()
    accepted, inflight = [], []
    for line in Path(path).read_text().split("\n"):
        words = line.split()
        if not words:
            continue
        if words[0] == "count":
            counts[(words[1], int(words[2]))] += int(words[3])
        elif words[0] == "hist":
            hist[words[1]][int(words[2])] += int(words[3])
        elif words[0] == "lost":
            lost[words[1]] += int(words[2])
        elif words[0] == "accepted":
            accepted.append(f"{words[1]} {words[2]}")
        elif words[0] == "inflight":
            inflight.append(words[1])
    return counts, hist, lost, accepted, inflight


def quantile(histogram: Counter, fraction: float) -> float:
    """Seconds at this fraction of the requests, from the log buckets (about 1% resolution)."""
    total = sum(histogram.values())
    if not total:
        return float("nan")
    wanted = max(1, math.ceil(fraction * total))
    seen = 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= wanted:
            return LOG_STEP ** (bucket + 0.5) / 1e6
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--weights", default="95,4,1")
    parser.add_argument("--articles", required=True, type=Path)
    parser.add_argument("--tokens", required=True, type=Path)
    parser.add_argument("--breaking", type=int, default=2, help="breaking stories per language")
    parser.add_argument("--limits", default="")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--pids", nargs="+", required=True)
    parser.add_argument(
        "--think-ms", type=int, default=0, help="each connection's mean pause between requests (0: none)"
    )
    args = parser.parse_args()

    weights = [int(w) for w in args.weights.split(",")]
    tokens = [t for t in args.tokens.read_text().split() if t]
    mark = "bn" + time.strftime("%H%M%S")
    plan = args.work / "plan.txt"
    breaking, pages, listings = write_plan(
        plan, json.loads(args.articles.read_text()), tokens, weights, mark, args.breaking
    )
    print(f"==> warming up {len(pages)} pages and thread listings", file=sys.stderr, flush=True)
    warm(args.site, pages + listings)

    parts = parse_pids(args.pids)
    output = args.work / "wrk-out.txt"
    command = [
        "wrk", f"-t{args.connections}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
        "-s", str(BENCH / "_breaking_news.lua"), args.site,
    ]  # fmt: skip
    environment = {
        **os.environ,
        "BN_PLAN": str(plan),
        "BN_OUT": str(output),
        "BN_THINK_MS": str(args.think_ms),
    }
    load_before = load_average()
    print(
        f"==> {args.duration} s at {args.connections} connections, mix {args.weights} (load average {load_before})",
        file=sys.stderr,
        flush=True,
    )
    cpu_before, rusage_before = cpu_seconds(parts), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    cpu_after, rusage_after = cpu_seconds(parts), resource.getrusage(resource.RUSAGE_CHILDREN)
    (args.work / "wrk.txt").write_text(done.stdout + done.stderr)
    if done.returncode != 0 or not output.exists():
        print(done.stdout + done.stderr, file=sys.stderr)
        raise SystemExit("wrk failed")
    wrk_cpu = (rusage_after.ru_utime - rusage_before.ru_utime) + (
        rusage_after.ru_stime - rusage_before.ru_stime
    )
    socket_errors = re.search(r"Socket errors: (.*)", done.stdout)
    # wrk writes the time with a unit of its choosing: "1.00m", "10.02s".
    value, unit = re.search(r"requests in ([\d.]+)(us|ms|s|m|h)\b", done.stdout).groups()
    wrk_seconds = float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}[unit]

    counts, hist, lost, accepted, inflight = read_output(output)
    (args.work / "accepted.txt").write_text("\n".join(accepted) + "\n")
    (args.work / "inflight.txt").write_text("\n".join(inflight) + "\n")

    # The table ----------------------------------------------------------------------------------
    rows, failures, statuses = [], [], []
    all_hist, total_requests = Counter(), sum(counts.values())
    totals = Counter()
    for kind in (*KINDS, "all"):
        if kind == "all":
            histogram = all_hist
            mine = {status: n for (_k, status), n in counts.items()}
            mine = Counter()
            for (_k, status), n in counts.items():
                mine[status] += n
            lost_here = sum(lost.values())
        else:
            histogram = hist[kind]
            all_hist.update(histogram)
            mine = Counter({status: n for (k, status), n in counts.items() if k == kind})
            lost_here = lost[kind]
            statuses.append(
                f"  {KIND_NAMES[kind]}: " + ", ".join(f"{s} ×{n:,}" for s, n in sorted(mine.items()))
            )
        requests = sum(mine.values())
        server_errors = sum(n for status, n in mine.items() if status >= 500)
        other = sum(n for status, n in mine.items() if status < 200 or 400 <= status < 500) + lost_here
        p50, p99 = quantile(histogram, 0.50), quantile(histogram, 0.99)
        rows.append([
            KIND_NAMES.get(kind, "all"), f"{requests:,}",
            f"{100 * requests / total_requests:.1f}%" if total_requests else "-",
            f"{requests / wrk_seconds:,.1f}", ms(p50), ms(p99), ms(quantile(histogram, 1.0)),
            f"{server_errors:,}", f"{other:,}",
        ])  # fmt: skip
        if server_errors:
            failures.append(f"{kind}: {server_errors} answers 5xx")
        if p99 == p99 and p99 >= P99_LIMIT:
            failures.append(f"{kind}: p99 {ms(p99)} ms, not under {ms(P99_LIMIT)} ms")
        totals[kind] = requests

    cpu = {part: cpu_after.get(part, 0) - cpu_before.get(part, 0) for part in PARTS}
    cpu_rows = [
        [part, f"{seconds:.1f}", f"{100 * seconds / elapsed:.0f}%",
         f"{1000 * seconds / total_requests:.2f}" if total_requests else "-"]
        for part, seconds in cpu.items()
    ]  # fmt: skip
    server_cpu = sum(cpu.values())
    cpu_rows.append([
        "server, all", f"{server_cpu:.1f}", f"{100 * server_cpu / elapsed:.0f}%",
        f"{1000 * server_cpu / total_requests:.2f}" if total_requests else "-",
    ])  # fmt: skip
    cpu_rows.append([
        "wrk (the load)", f"{wrk_cpu:.1f}", f"{100 * wrk_cpu / elapsed:.0f}%",
        f"{1000 * wrk_cpu / total_requests:.2f}" if total_requests else "-",
    ])  # fmt: skip

    # Stored comments ----------------------------------------------------------------------------
    check = subprocess.run(
        [str(ROOT / "deploy" / "local-stack"), "run", sys.executable, str(BENCH / "_stack_setup.py"),
         "check", mark, str(args.work / "accepted.txt"), str(args.work / "inflight.txt")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        report = json.loads(check.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        print(check.stdout + check.stderr, file=sys.stderr)
        raise SystemExit("the check of the stored comments failed to run") from None
    if not report["ok"]:
        failures.append("stored comments do not match the 201 answers")

    lines = [
        f"Breaking news on the production stack: {args.duration} s at {args.connections} connections "
        f"(wrk -t{args.connections} -c{args.connections}, one connection per wrk thread), through nginx",
        f"each connection pauses between requests: {args.think_ms} ms on average (exponential), like a "
        "reader; the load is what the readers send, not all the stack can take"
        if args.think_ms
        else "a closed loop: each connection sends its next request as soon as it has its answer",
        *args.note,
        f"mix by request: {weights[0]}% anonymous page reads ({len(pages)} pages: the 3 home pages, "
        f"every article; the home pages and {len(breaking)} breaking stories most), {weights[1]}% thread "
        f"reads (API, the {len(breaking)} breaking stories), {weights[2]}% comment posts (API, bearer "
        f"tokens of {len(tokens)} readers, to the breaking stories, unique texts, house rules on)",
        f"comment limits for this run: {args.limits} (relaxed in this throwaway stack: 200 readers all "
        "reach the application from nginx's address)"
        if args.limits
        else "",
        f"load average before: {load_before}; after: {load_average()}; wrk ran {wrk_seconds:.1f} s",
        "",
        *table(
            ["kind", "requests", "share", "req/s", "p50 ms", "p99 ms", "max ms", "5xx", "other errors"], rows
        ),
        "",
        "answers by status:",
        *statuses,
        f"wrk: {socket_errors.group(1) if socket_errors else 'no socket errors'}",
        "",
        *table(["CPU over the run", "CPU s", "of one core", "CPU ms/request"], cpu_rows),
        "",
        f"stored comments: {report['accepted']:,} answered 201, {report['stored']:,} stored with this "
        f"run's mark; {report['stored_in_flight']} more stored from posts still in flight when wrk "
        f"stopped; missing {report['missing_count']}, stored with another text {len(report['wrong_text'])}, "
        f"texts stored twice {report['duplicated_texts']}, ids answered twice {len(report['answered_twice'])}, "
        f"stored without a 201 nor in flight {report['stored_unexplained_count']}",
        "",
        f"{'PASS' if not any(f.endswith('5xx') for f in failures) else 'FAIL'} zero 5xx",
        f"{'PASS' if not any('p99' in f for f in failures) else 'FAIL'} p99 under {ms(P99_LIMIT)} ms for "
        "every kind and overall",
        f"{'PASS' if report['ok'] else 'FAIL'} every comment answered 201 is stored, exactly once",
        *(f"  - {failure}" for failure in failures),
    ]
    text = "\n".join(line for line in lines if line is not None) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
