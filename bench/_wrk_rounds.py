"""Interleaved wrk rounds against several HTTP targets, with the CPU time each target's server
processes spent per request; prints the summary table and writes it to a file.

Run by bench/pages.sh, which starts the servers; usable on its own:

    python bench/_wrk_rounds.py --rounds 5 --duration 5 --connections 8 --out table.txt \
        --target "nginx static copy" http://127.0.0.1:8081/article.html 1234 \
        --target "gunicorn article" http://127.0.0.1:8080/en/some/article/ 5678

The first target is the reference that the others are compared with. The PID is the server's
master process: its own CPU, its reaped children's and its live children's are counted.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
TIMES, DASH = "\u00d7", "\u2013"  # multiplication sign, en dash


@dataclass
class Target:
    name: str
    url: str
    pid: int
    rps: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    errors: int = 0


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name is in parentheses and may itself hold spaces or parentheses.
    return text[text.rindex(")") + 2 :].split()


def server_cpu_seconds(pid: int) -> float:
    """utime+stime of `pid` and of all its children, live or already reaped.

    A worker that a master restarts mid-round is still counted: once reaped, its time moves into the
    master's cutime/cstime.
    """
    fields = _stat_fields(pid)
    if fields is None:
        raise RuntimeError(f"server process {pid} is gone")
    # After the name: state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
    ticks = sum(int(value) for value in fields[11:15])
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        child = _stat_fields(int(entry.name))
        if child is not None and child[1] == str(pid):
            ticks += int(child[11]) + int(child[12])
    return ticks / CLOCK_TICKS


def run_wrk(url: str, duration: int, connections: int, threads: int) -> dict[str, float]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    out = result.stdout
    if result.returncode != 0 or "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed on {url}:\n{out}{result.stderr}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(n) for n in match.groups())
    return {"requests": requests, "rps": rps, "errors": errors}


def measure(targets: list[Target], args: argparse.Namespace) -> None:
    if args.warmup:
        for target in targets:
            run_wrk(target.url, args.warmup, args.connections, args.threads)
    for round_number in range(1, args.rounds + 1):
        for target in targets:
            before = server_cpu_seconds(target.pid)
            result = run_wrk(target.url, args.duration, args.connections, args.threads)
            used = server_cpu_seconds(target.pid) - before
            target.rps.append(result["rps"])
            target.errors += result["errors"]
            per_request = 1000 * used / result["requests"] if result["requests"] else float("nan")
            target.cpu_ms.append(per_request)
            print(
                f"  round {round_number}/{args.rounds}  {target.name:<18} {result['rps']:>10.1f} req/s"
                f"  {per_request:8.3f} ms CPU/req"
                + (f"  {result['errors']} errors" if result["errors"] else ""),
                file=sys.stderr,
                flush=True,
            )


def _rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _ms(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def _times(value: float) -> str:
    return f"{value:.1f}{TIMES}" if value < 100 else f"{value:.0f}{TIMES}"


def table(targets: list[Target], ref: str) -> list[str]:
    reference = targets[0]
    ref_rps = statistics.median(reference.rps)
    ref_cpu = statistics.median(reference.cpu_ms)
    header = (
        "target",
        "req/s median",
        f"min{DASH}max",
        "CPU ms/req",
        f"req/s ÷ {ref}",
        f"{ref} faster",
        f"CPU {TIMES} {ref}",
        "errors",
    )
    rows = [header]
    for target in targets:
        rps = statistics.median(target.rps)
        cpu = statistics.median(target.cpu_ms)
        rows.append(
            (
                target.name,
                _rate(rps),
                f"{_rate(min(target.rps))}{DASH}{_rate(max(target.rps))}",
                _ms(cpu),
                f"{rps / ref_rps:.4f}" if rps < ref_rps else f"{rps / ref_rps:.2f}",
                _times(ref_rps / rps),
                _times(cpu / ref_cpu) if ref_cpu > 0 else "n/a",
                str(target.errors),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _load_average() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unrecorded wrk per target first")
    parser.add_argument("--note", action="append", default=[], help="a line printed above the table")
    parser.add_argument("--ref-label", default="ref", help="short name of the first target in the headers")
    parser.add_argument("--out", type=Path, help="also write the table here")
    parser.add_argument(
        "--target",
        nargs=3,
        action="append",
        required=True,
        metavar=("NAME", "URL", "PID"),
        help="the first one is the reference",
    )
    args = parser.parse_args()
    if args.rounds < 1 or args.duration < 1 or args.connections < args.threads:
        parser.error("need rounds ≥ 1, duration ≥ 1 and connections ≥ threads")
    targets = [Target(name, url, int(pid)) for name, url, pid in args.target]
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    load_before = _load_average()

    try:
        measure(targets, args)
    except KeyboardInterrupt:
        return 130

    lines = [
        f"Tribune pages benchmark, {started}",
        *args.note,
        f"{args.rounds} rounds {TIMES} {args.duration} s per target, interleaved; wrk -t{args.threads} "
        f"-c{args.connections}; {os.cpu_count()} CPUs, load average {load_before} before, {_load_average()} after",
        "",
        *table(targets, args.ref_label),
        "",
        f"{args.ref_label} = {targets[0].name}. CPU ms/req: user+system CPU of the server's processes per request "
        "served (median of rounds).",
    ]
    if float(load_before) >= (os.cpu_count() or 1):
        lines.append("NOTE: the machine was busy before the run; trust CPU ms/req more than req/s.")
    for target in targets:
        if target.errors:
            lines.append(f"WARNING: {target.name}: {target.errors} non-2xx/3xx responses or socket errors.")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 1 if any(target.errors for target in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
