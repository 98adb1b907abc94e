"""Interleaved wrk rounds of comment operations (read a thread, post a comment) on two or more
comment servers, with the CPU time each server's processes spent per request; prints the table with
the ratio of the first server to each other one, and writes it to a file.

Run by bench/comments.sh, which starts the servers; usable on its own:

    python bench/_comments_rounds.py --rounds 5 --duration 5 --out table.txt \
        --read Tribune 1234 'http://127.0.0.1:8080/api/v1/articles/7/comments?limit=100' \
        --read Isso 5678 'http://127.0.0.1:8081/?uri=/read' \
        --post Tribune 1234 http://127.0.0.1:8080/api/v1/articles/8/comments '{"text": "Hi {n}"}' \
        --post Isso 5678 'http://127.0.0.1:8081/new?uri=/post' '{"text": "Hi {n}", "author": "B"}' \
        --post-tokens Tribune tokens.txt   # or: --post-header Tribune 'Authorization: Bearer …'

PID is the server's master process: its own CPU, its reaped children's and its live children's
are counted. Reads are anonymous. Posts go through wrk with bench/_unique_post.lua, which replaces
every "{n}" in the body with a tag that no other request of the run shares (servers refuse duplicate
comments).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import string
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Shared with bench/pages.sh: CPU accounting from /proc, number formats, the load average.
from _wrk_rounds import DASH, _load_average, _ms, _rate, _times, server_cpu_seconds

BENCH_DIR = Path(__file__).resolve().parent
POST_SCRIPT = BENCH_DIR / "_unique_post.lua"
OPERATIONS = {"read": "read thread", "post": "post comment"}


@dataclass
class Run:
    operation: str  # a key of OPERATIONS
    server: str
    pid: int
    url: str
    body: str | None = None
    headers: list[str] = field(default_factory=list)
    tokens: str | None = None  # a file of bearer tokens the posts are signed with in turn
    rps: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    errors: int = 0
    ok_responses: int = 0  # all runs, warm-up included: what the server must have stored, at least
    wrk_runs: int = 0  # each may leave up to `connections` requests sent but not counted

    def wrk_command(self, duration: int, connections: int, threads: int, tag: str) -> list[str]:
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
        for header in self.headers:
            command += ["-H", header]
        if self.body is None:
            return [*command, self.url]
        return [
            *command,
            "-H",
            "Content-Type: application/json",
            "-s",
            str(POST_SCRIPT),
            self.url,
            "--",
            tag,
            self.body,
            *([self.tokens] if self.tokens else []),
        ]


def parse_wrk(out: str) -> dict[str, int | float]:
    """The numbers of wrk's summary, as bench/_wrk_rounds.py reads them."""
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        non_2xx = int(match.group(1))
    socket_errors = 0
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        socket_errors = sum(int(n) for n in match.groups())
    return {"requests": requests, "rps": rps, "non_2xx": non_2xx, "errors": non_2xx + socket_errors}


def run_wrk(run: Run, duration: int, connections: int, threads: int, tag: str) -> dict[str, int | float]:
    command = run.wrk_command(duration, connections, threads, tag)
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    out = result.stdout
    if result.returncode != 0 or "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed on {run.url}:\n{out}{result.stderr}")
    numbers = parse_wrk(out)
    run.ok_responses += numbers["requests"] - numbers["non_2xx"]
    run.wrk_runs += 1
    return numbers


def measure(runs: list[Run], args: argparse.Namespace) -> None:
    # Every wrk run gets its own tag, so that no two posted texts are ever the same.
    # Letters only: eight digits in a row would read as a telephone number to the advertising rule.
    session = "".join(random.choices(string.ascii_lowercase, k=8))
    if args.warmup:
        for run in runs:
            run_wrk(run, args.warmup, args.connections, args.threads, f"{session}-warmup-{run.server}")
    for round_number in range(1, args.rounds + 1):
        for run in runs:
            tag = f"{session}-r{round_number}-{run.server}"
            before = server_cpu_seconds(run.pid)
            result = run_wrk(run, args.duration, args.connections, args.threads, tag)
            used = server_cpu_seconds(run.pid) - before
            run.rps.append(result["rps"])
            run.errors += result["errors"]
            per_request = 1000 * used / result["requests"] if result["requests"] else float("nan")
            run.cpu_ms.append(per_request)
            print(
                f"  round {round_number}/{args.rounds}  {OPERATIONS[run.operation]:<13} {run.server:<8}"
                f" {result['rps']:>9.1f} req/s  {per_request:8.2f} ms CPU/req"
                + (f"  {result['errors']} errors" if result["errors"] else ""),
                file=sys.stderr,
                flush=True,
            )


def _aligned(rows: list[tuple[str, ...]], left: int = 2) -> list[str]:
    """Columns padded to width: the first `left` to the left, the others to the right; a rule under
    the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _ratio(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def _which(ratio: float, first: str, other: str) -> str:
    """A ratio first ÷ other as words: which one leads, and by how much."""
    if ratio != ratio or ratio <= 0:  # NaN: no CPU time measured
        return "n/a"
    return f"{first} {_times(ratio)}" if ratio >= 1 else f"{other} {_times(1 / ratio)}"


def tables(runs: list[Run], labels: dict[str, str]) -> list[str]:
    servers = list(dict.fromkeys(run.server for run in runs))
    rows = [("operation", "server", "req/s median", f"min{DASH}max", "CPU ms/req", "errors")]
    for run in runs:
        rows.append(
            (
                labels[run.operation],
                run.server,
                _rate(statistics.median(run.rps)),
                f"{_rate(min(run.rps))}{DASH}{_rate(max(run.rps))}",
                _ms(statistics.median(run.cpu_ms)),
                str(run.errors),
            )
        )
    lines = _aligned(rows)
    first = servers[0]
    by_key = {(run.operation, run.server): run for run in runs}
    for other in servers[1:]:
        rows = [(f"{first} ÷ {other}", "req/s", "more req/s", "CPU ms/req", "less CPU/req")]
        for operation in dict.fromkeys(run.operation for run in runs):
            mine, theirs = by_key.get((operation, first)), by_key.get((operation, other))
            if mine is None or theirs is None:
                continue
            rps = statistics.median(mine.rps) / statistics.median(theirs.rps)
            their_cpu = statistics.median(theirs.cpu_ms)
            cpu = statistics.median(mine.cpu_ms) / their_cpu if their_cpu > 0 else float("nan")
            rows.append(
                (
                    labels[operation],
                    _ratio(rps),
                    _which(rps, first, other),
                    _ratio(cpu),
                    _which(1 / cpu if cpu == cpu and cpu > 0 else float("nan"), first, other),
                )
            )
        lines += ["", *_aligned(rows, left=1)]
    return lines


def target_lines(runs: list[Run], labels: dict[str, str], targets: list[tuple[str, float]]) -> list[str]:
    """Whether the first server reaches `ratio` × the second one's req/s, for each (operation, ratio);
    the same ratio of CPU per request is shown beside it, for a busy machine moves req/s most."""
    servers = list(dict.fromkeys(run.server for run in runs))
    if len(servers) < 2 or not targets:
        return []
    first, other = servers[0], servers[1]
    by_key = {(run.operation, run.server): run for run in runs}
    rows = [("target", "wanted", "req/s ratio", "CPU/req ratio", "met (req/s)")]
    for operation, wanted in targets:
        mine, theirs = by_key.get((operation, first)), by_key.get((operation, other))
        if mine is None or theirs is None:
            continue
        rps = statistics.median(mine.rps) / statistics.median(theirs.rps)
        my_cpu = statistics.median(mine.cpu_ms)
        cpu = statistics.median(theirs.cpu_ms) / my_cpu if my_cpu > 0 else float("nan")
        rows.append(
            (
                f"{labels[operation]}: {first} ≥ {_times(wanted)} {other}",
                f"{wanted:g}",
                _ratio(rps),
                _ratio(cpu) if cpu == cpu else "n/a",
                "yes" if rps >= wanted else "NO",
            )
        )
    if len(rows) == 1:
        return []
    return ["", *_aligned(rows, left=1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unrecorded wrk per run first")
    parser.add_argument("--note", action="append", default=[], help="a line printed above the table")
    parser.add_argument("--read-label", default=OPERATIONS["read"])
    parser.add_argument("--post-label", default=OPERATIONS["post"])
    parser.add_argument("--out", type=Path, help="also write the table here")
    parser.add_argument(
        "--target",
        nargs=2,
        action="append",
        default=[],
        metavar=("OPERATION", "RATIO"),
        help="read or post: the first server should serve RATIO × the second one's req/s",
    )
    parser.add_argument(
        "--posted-out",
        type=Path,
        help="write {server: [2xx answers to posts, posts possibly sent but not counted]} here (JSON)",
    )
    parser.add_argument("--read", nargs=3, action="append", default=[], metavar=("SERVER", "PID", "URL"))
    parser.add_argument(
        "--post",
        nargs=4,
        action="append",
        default=[],
        metavar=("SERVER", "PID", "URL", "BODY"),
        help='BODY is JSON in which every "{n}" is replaced by a tag unique in the run',
    )
    parser.add_argument(
        "--post-header",
        nargs=2,
        action="append",
        default=[],
        metavar=("SERVER", "HEADER"),
        help="'Name: value' sent with every post to that server (e.g. its credentials)",
    )
    parser.add_argument(
        "--post-tokens",
        nargs=2,
        action="append",
        default=[],
        metavar=("SERVER", "FILE"),
        help="sign the posts to that server with each bearer token of FILE (one a line) in turn",
    )
    args = parser.parse_args()
    if args.rounds < 1 or args.duration < 1 or args.connections < args.threads:
        parser.error("need rounds ≥ 1, duration ≥ 1 and connections ≥ threads")
    headers: dict[str, list[str]] = {}
    for server, header in args.post_header:
        headers.setdefault(server, []).append(header)
    runs = [Run("read", server, int(pid), url) for server, pid, url in args.read]
    token_files = dict(args.post_tokens)
    runs += [
        Run("post", server, int(pid), url, body, headers.get(server, []), token_files.get(server))
        for server, pid, url, body in args.post
    ]
    if len({run.server for run in runs}) < 2:
        parser.error("need at least two servers to compare")
    labels = {"read": args.read_label, "post": args.post_label}
    targets = []
    for operation, ratio in args.target:
        if operation not in OPERATIONS:
            parser.error(f"--target: the operation is one of {', '.join(OPERATIONS)}, not {operation!r}")
        try:
            targets.append((operation, float(ratio)))
        except ValueError:
            parser.error(f"--target: {ratio!r} is not a number")
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    load_before = _load_average()

    try:
        measure(runs, args)
    except KeyboardInterrupt:
        return 130
    finally:
        if args.posted_out:
            posted = {
                run.server: [run.ok_responses, run.wrk_runs * args.connections]
                for run in runs
                if run.operation == "post"
            }
            args.posted_out.write_text(json.dumps(posted), encoding="utf-8")

    lines = [
        f"Tribune comments benchmark, {started}",
        *args.note,
        f"{args.rounds} rounds × {args.duration} s per operation and server, interleaved; wrk -t{args.threads} "
        f"-c{args.connections}; {os.cpu_count()} CPUs, load average {load_before} before, {_load_average()} after",
        "",
        *tables(runs, labels),
        *target_lines(runs, labels, targets),
        "",
        "CPU ms/req: user+system CPU of the server's processes per request (median of rounds). Ratios are "
        "of the medians; a CPU/req ratio above 1 means the first server spends less CPU per request.",
    ]
    if float(load_before) >= (os.cpu_count() or 1):
        lines.append("NOTE: the machine was busy before the run; trust CPU ms/req more than req/s.")
    for run in runs:
        if run.errors:
            lines.append(
                f"WARNING: {labels[run.operation]}, {run.server}: {run.errors} non-2xx/3xx responses or socket errors."
            )
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 1 if any(run.errors for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
