"""Shared by the scripts that load the production stack: CPU time of its process trees, percentiles,
small HTTP helpers (standard library only, so that it runs without Django)."""

from __future__ import annotations

import http.client
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PARTS = ("nginx", "gunicorn", "worker", "postgres", "redis")


def _stat(pid: str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name is in parentheses and may itself hold spaces or parentheses.
    return text[text.rindex(")") + 2 :].split()


def parse_pids(arguments: list[str]) -> dict[str, list[int]]:
    """["nginx=12", "gunicorn=34,56"] -> {"nginx": [12], "gunicorn": [34, 56]}"""
    parts = {}
    for argument in arguments:
        name, _, pids = argument.partition("=")
        parts[name] = [int(pid) for pid in pids.split(",") if pid]
    return parts


def cpu_seconds(parts: dict[str, list[int]]) -> dict[str, float]:
    """User + system CPU of each part's process trees: every live process in them, plus what their
    reaped children used (a finished PostgreSQL backend, an RQ job's process, a replaced gunicorn
    worker)."""
    stats = {entry: _stat(entry) for entry in os.listdir("/proc") if entry.isdigit()}
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(pid))
    totals = {}
    for name, roots in parts.items():
        ticks, todo = 0, list(roots)
        while todo:
            pid = todo.pop()
            fields = stats.get(str(pid))
            if fields is None:
                continue
            # After the name: state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
            ticks += sum(int(value) for value in fields[11:15])
            todo.extend(children.get(pid, []))
        totals[name] = ticks / CLOCK_TICKS
    return totals


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Client:
    """One keep-alive HTTP connection to the site (reconnects after an error)."""

    def __init__(self, base: str, timeout: float = 20, source: str | None = None):
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.source = (source, 0) if source else None
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body text, seconds); status 0 when the connection failed."""
        started = time.monotonic()
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout, source_address=self.source
                )
            try:
                self.connection.request(method, path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, dict(response.getheaders()), text, time.monotonic() - started
            except (OSError, http.client.HTTPException) as error:
                self.close()
                # A kept-alive connection the server had closed: try once on a new one.
                if attempt == 2 or not isinstance(error, (http.client.RemoteDisconnected, BrokenPipeError)):
                    return 0, {}, f"{type(error).__name__}: {error}", time.monotonic() - started
        raise AssertionError("unreachable")

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def ms(seconds: float) -> str:
    if seconds != seconds:  # NaN: no samples
        return "-"
    value = seconds * 1000
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    """Plain columns, numbers aligned right (every column but the first unless `right` says)."""
    right = set(range(1, len(headers))) if right is None else right
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells):
        return "  ".join(
            str(cell).rjust(width) if i in right else str(cell).ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(headers), "  ".join("-" * width for width in widths), *(line(row) for row in rows)]
