"""The fault drills on a running production stack (run by bench/drill_*.sh, which start the stack and
prepare readers): a light load of page reads, comment posts and probes in threads, the fault, and
PASS/FAIL lines. Standard library only, plus the Django-side checks of bench/_stack_setup.py.

    python bench/_drills.py postgres --site URL --stack DIR --tokens FILE --articles FILE
    python bench/_drills.py redis    --site URL --stack DIR --tokens FILE --articles FILE
    python bench/_drills.py flood    --site URL --stack DIR --tokens FILE --articles FILE --posts 10000
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from _stack_load import Client, load_average, ms, percentile, table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
P99_LIMIT = 0.5
RECOVERY_LIMIT = 10.0  # seconds: "the site recovers by itself within seconds"
POLITE = "Thank you for covering this so quickly, {tag} please keep us posted."
INSULT_HY = "Դու ապուշ ես, լռիր"  # an Armenian insult, as deploy/smoke.py sends: nudged
FAILURES: list[str] = []


def say(message):
    print(message, flush=True)


def verdict(ok, message):
    say(f"{'PASS' if ok else 'FAIL'} {message}")
    if not ok:
        FAILURES.append(message)
    return ok


def state(stack: Path) -> dict[str, str]:
    values = {}
    for line in (stack / "stack.env").read_text().splitlines():
        key, _, value = line.partition("=")
        values[key] = value
    return values


def setup(*args: str) -> str:
    """bench/_stack_setup.py with the stack's environment; its last line of output."""
    done = subprocess.run(
        [str(ROOT / "deploy" / "local-stack"), "run", sys.executable, str(BENCH / "_stack_setup.py"), *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    if done.returncode not in (0, 1) or not lines:
        raise SystemExit(f"_stack_setup.py {' '.join(args)} failed:\n{done.stderr[-1500:]}")
    return lines[-1]


def post_body(text: str) -> bytes:
    return json.dumps({"text": text}).encode()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


# The light load ------------------------------------------------------------------------------------


class Load:
    """Threads that read pages, post comments and probe one uncached URL until stopped; every answer
    is kept as (time, kind, status, seconds, headers, body excerpt, tag)."""

    def __init__(self, site, *, pages, posters=(), post_article=None, probes=(), mark="drill", pause=0.05):
        self.site, self.pages, self.mark, self.pause = site, pages, mark, pause
        self.events: list[tuple] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._reader, args=(n,), daemon=True) for n in range(2)]
        self.threads += [
            threading.Thread(target=self._poster, args=(n, token, post_article), daemon=True)
            for n, token in enumerate(posters)
        ]
        self.threads += [threading.Thread(target=self._probe, args=(path,), daemon=True) for path in probes]

    def _keep(self, kind, answer, tag=None):
        status, headers, body, seconds = answer
        with self.lock:
            self.events.append((time.monotonic(), kind, status, seconds, headers, body[:600], tag))

    def _reader(self, n):
        client, i = Client(self.site), n
        while not self.stopping.is_set():
            path = self.pages[i % len(self.pages)]
            i += 1
            self._keep("page", client.request("GET", path))
            time.sleep(self.pause)

    def _poster(self, n, token, article):
        client, counter = Client(self.site), 0
        while not self.stopping.is_set():
            counter += 1
            tag = f"{self.mark}-{n}-{counter}"
            answer = client.request(
                "POST", f"/api/v1/articles/{article}/comments", post_body(POLITE.format(tag=tag)), auth(token)
            )
            self._keep("post", answer, tag)
            time.sleep(self.pause * 2)

    def _probe(self, path):
        client, counter = Client(self.site), 0
        while not self.stopping.is_set():
            counter += 1
            separator = "&" if "?" in path else "?"
            self._keep(f"probe {path}", client.request("GET", f"{path}{separator}probe={counter}"))
            time.sleep(0.1)

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def between(self, start, end):
        with self.lock:
            return [e for e in self.events if start <= e[0] <= end]


def summary_rows(events, kinds):
    rows = []
    for kind in kinds:
        mine = [e for e in events if e[1] == kind]
        statuses = Counter(e[2] for e in mine)
        latencies = sorted(e[3] for e in mine)
        rows.append([
            kind, f"{len(mine):,}", ms(percentile(latencies, 0.5)), ms(percentile(latencies, 0.99)),
            ms(latencies[-1] if latencies else float("nan")),
            ", ".join(f"{status or 'conn. error'} ×{n}" for status, n in sorted(statuses.items())),
        ])  # fmt: skip
    return rows


def print_table(events, kinds):
    for line in table(["requests", "count", "p50 ms", "p99 ms", "max ms", "answers"], summary_rows(events, kinds),
                      right={1, 2, 3, 4}):  # fmt: skip
        say("  " + line)


def check_stored(work: Path, mark, events, *, uncertain_statuses=(0, 500, 502, 503, 504)):
    """Every 201 answer's comment is stored, once; returns the report of _stack_setup.py check."""
    accepted, uncertain = [], []
    for _t, kind, status, _s, _h, body, tag in events:
        if kind != "post":
            continue
        if status == 201:
            match = re.search(r'"id"\s*:\s*(\d+)', body)
            accepted.append(f"{match.group(1) if match else '?'} {tag}")
        elif status in uncertain_statuses:
            uncertain.append(tag)
    (work / "accepted.txt").write_text("\n".join(accepted) + "\n")
    (work / "uncertain.txt").write_text("\n".join(uncertain) + "\n")
    report = json.loads(setup("check", mark, str(work / "accepted.txt"), str(work / "uncertain.txt")))
    return report, len(uncertain)


# PostgreSQL restarts -------------------------------------------------------------------------------


def pg_ctl(stack: Path, *args: str) -> subprocess.CompletedProcess:
    binaries = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)],
    )
    command = [str(binaries[-1] / "pg_ctl"), "-D", str(stack / "pg"), *args]
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the cluster belongs to postgres
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def postgres_options(stack: Path) -> str:
    """The server's options as local-stack started it (postmaster.opts), for pg_ctl start -o."""
    words = shlex.split((stack / "pg" / "postmaster.opts").read_text())[1:]
    options, skip = [], False
    for word in words:
        if skip:
            skip = False
        elif word == "-D":
            skip = True
        else:
            options.append(shlex.quote(word))
    return " ".join(options)


def clean_503(event):
    _t, _kind, status, _s, headers, _body, _tag = event
    lower = {k.lower(): v for k, v in headers.items()}
    return status == 503 and "retry-after" in lower


def drill_postgres(args, work):
    tokens = args.tokens.read_text().split()
    articles = [a for a in json.loads(args.articles.read_text()) if a["open"]]
    article = articles[0]
    pages = ["/en/", "/ru/", "/hy/", *(a["path"] for a in articles[:9])]
    thread_probe = f"/api/v1/articles/{article['id']}/comments"
    mark = "pg" + time.strftime("%H%M%S")
    say(f"load: 2 anonymous page readers ({len(pages)} pages through nginx), 4 readers posting comments "
        f"to {article['path']}, probes of /readyz and {thread_probe} with a query that nginx never has "
        f"cached (every 0.1 s)")  # fmt: skip
    load = Load(args.site, pages=pages, posters=tokens[:4], post_article=article["id"],
                probes=["/readyz", thread_probe], mark=mark).start()  # fmt: skip
    time.sleep(5)
    options = postgres_options(args.stack)
    rounds = []
    for label, gap in (
        ("pg_ctl restart -m fast", None),
        (f"pg_ctl stop -m fast, {args.gap:g} s down, start", args.gap),
    ):
        say(f"--- {label}")
        before = time.monotonic()
        if gap is None:
            done = pg_ctl(
                args.stack, "restart", "-m", "fast", "-w", "-l", str(args.stack / "logs/postgresql.log")
            )
            back = time.monotonic()
            stopped = before
        else:
            done = pg_ctl(args.stack, "stop", "-m", "fast", "-w")
            stopped = time.monotonic()
            time.sleep(gap)
            done2 = pg_ctl(
                args.stack,
                "start",
                "-w",
                "-t",
                "30",
                "-l",
                str(args.stack / "logs/postgresql.log"),
                "-o",
                options,
            )
            back = time.monotonic()
            if done2.returncode:
                raise SystemExit(f"pg_ctl start failed: {done2.stdout}{done2.stderr}")
        if done.returncode:
            raise SystemExit(f"pg_ctl failed: {done.stdout}{done.stderr}")
        say(f"PostgreSQL down from {stopped - before:.1f} s, accepting again after {back - before:.1f} s")
        time.sleep(12)
        rounds.append((label, before, stopped, back))
    load.stop()
    end = time.monotonic()
    events = load.events

    say("")
    say("answers over the whole drill (two restarts):")
    print_table(events, ["page", "post", "probe /readyz", f"probe {thread_probe}"])
    say("")

    for label, before, _stopped, back in rounds:
        window = [e for e in events if before - 0.5 <= e[0] <= back + 12]
        failed = [e for e in window if e[2] >= 500 or e[2] == 0]
        say(f"{label}: {len(failed)} answers failed while PostgreSQL was away: "
            + (", ".join(f"{s or 'conn. error'} ×{n}" for s, n in sorted(Counter(e[2] for e in failed).items())) or "none"))  # fmt: skip
        for kind in ("probe /readyz", f"probe {thread_probe}"):
            after = [e for e in events if e[1] == kind and e[0] - e[3] >= back]
            first_ok = next((e for e in after if e[2] == 200), None)
            # Measured from the moment pg_ctl said the server was accepting connections again.
            recovered = first_ok[0] - back if first_ok else float("inf")
            verdict(recovered <= RECOVERY_LIMIT,
                    f"{label}: {kind.removeprefix('probe ')} answered 200 again {recovered:.2f} s after PostgreSQL was back"
                    f" (limit {RECOVERY_LIMIT:g} s)")  # fmt: skip

    bad = [e for e in events if (e[2] >= 500 and not clean_503(e)) or e[2] == 0]
    served_stale = sum(1 for e in events if e[1] == "page" and e[4].get("X-Cache") == "STALE")
    breakdown = Counter((e[1].removeprefix("probe "), e[2] or "conn. error") for e in bad)
    verdict(
        not bad,
        "every failed answer was a clean 503 with Retry-After (no 500, no 502/504 from nginx, no broken "
        f"connection); nginx served {served_stale} stale cached pages meanwhile",
    )
    for (kind, status), n in sorted(breakdown.items(), key=str):
        example = next(
            e for e in bad if e[1].removeprefix("probe ") == kind and (e[2] or "conn. error") == status
        )
        say(f"  - {kind}: {status} ×{n}, e.g. {example[5][:110]!r}")
    html_503 = [e for e in events if e[2] == 503 and e[1] == "page"]
    if html_503:
        verdict(
            all("Back in a moment" in e[5] for e in html_503),
            f"the {len(html_503)} pages answered 503 are the 503 page",
        )
    api_503 = [e for e in events if e[2] == 503 and e[1] == "post"]
    say(f"posts answered 503: {len(api_503)}" + (f", e.g. {api_503[0][5][:160]!r}" if api_503 else ""))
    got_503 = sum(1 for e in events if e[2] == 503)
    verdict(
        got_503 > 0,
        f"the drill reached the gap: {got_503} requests were answered 503 while PostgreSQL was away",
    )

    report, uncertain = check_stored(work, mark, events)
    verdict(report["ok"] and report["accepted"] > 0,
            f"every comment answered 201 is in the database, once ({report['accepted']} answered 201, "
            f"{report['stored']} stored; missing {report['missing_count']}, texts twice {report['duplicated_texts']})")  # fmt: skip
    say(f"note: of {uncertain} posts answered 503 or cut off, {report['stored_in_flight']} were stored anyway "
        "(the reader, told to send again, would be refused as a duplicate)")  # fmt: skip
    return end


# Redis stops ---------------------------------------------------------------------------------------


def redis_cli(port, *args):
    return subprocess.run(["redis-cli", "-p", str(port), *args], capture_output=True, text=True, check=False)


def redis_commands(port):
    done = redis_cli(port, "INFO", "stats")
    match = re.search(r"total_commands_processed:(\d+)", done.stdout)
    return int(match.group(1)) if match else None


def log_lines(stack: Path, pattern: str) -> int:
    count = 0
    for name in ("web1", "web2"):
        path = stack / "logs" / f"{name}.log"
        if path.exists():
            count += sum(1 for line in path.read_text(errors="replace").splitlines() if pattern in line)
    return count


def drill_redis(args, work):
    values = state(args.stack)
    port = values["REDIS_PORT"]
    tokens = args.tokens.read_text().split()
    articles = [a for a in json.loads(args.articles.read_text()) if a["open"]]
    article = articles[0]
    client = Client(args.site)
    mark = "rd" + time.strftime("%H%M%S")

    # Before: a task waiting on the queue, an article in nginx's cache.
    result_id = setup("enqueue_sweep", str(args.delay))
    say(f"enqueued the comments' sweep to run in {args.delay} s (task {result_id}); it waits in Redis")
    for _ in range(2):
        client.request("GET", article["path"])
    cached = client.request("GET", article["path"])
    say(f"{article['path']} is in nginx's cache: X-Cache {cached[1].get('X-Cache')}")
    worker_pid = int((args.stack / "run" / "worker.pid").read_text())

    say(f"--- stopping Redis (redis-cli -p {port} shutdown: the append-only file is written first)")
    redis_cli(port, "shutdown")
    for _ in range(50):
        if redis_cli(port, "ping").returncode != 0:
            break
        time.sleep(0.1)
    down_at = time.monotonic()

    answers = []
    for path in ("/en/", "/ru/", "/hy/", article["path"], articles[1]["path"]):
        answer = client.request("GET", f"{path}?redis-drill={time.time_ns()}")  # never in nginx's cache
        answers.append((path, answer))
    verdict(all(a[0] == 200 for _p, a in answers), "pages render without Redis (uncached by nginx): "
            + ", ".join(f"{p} {a[0]} in {ms(a[3])} ms" for p, a in answers))  # fmt: skip
    ready = client.request("GET", "/readyz")
    say(f"/readyz answers {ready[0]} (readiness includes Redis)")

    polite = POLITE.format(tag=f"{mark}-1")
    posted = client.request(
        "POST", f"/api/v1/articles/{article['id']}/comments", post_body(polite), auth(tokens[0])
    )
    body = json.loads(posted[2]) if posted[0] == 201 else {}
    verdict(posted[0] == 201 and body.get("status") == "published",
            f"a polite comment is accepted and published without Redis: {posted[0]} {posted[2][:100]!r} in {ms(posted[3])} ms")  # fmt: skip
    nudged = client.request(
        "POST", f"/api/v1/articles/{article['id']}/comments", post_body(INSULT_HY), auth(tokens[1])
    )
    verdict(nudged[0] == 409 and '"nudge"' in nudged[2],
            f"an insult is still screened and nudged without Redis: {nudged[0]} {nudged[2][:80]!r}")  # fmt: skip
    shown = None
    for _ in range(50):
        page = client.request("GET", article["path"])
        if f"{mark}-1" in page[2]:
            shown = page
            break
        time.sleep(0.1)
    verdict(shown is not None, "the purge of nginx's copy ran in the web process (no queue): the article shows "
            f"the new comment at once (X-Cache {shown[1].get('X-Cache') if shown else '-'})")  # fmt: skip
    in_process = log_lines(args.stack, "unavailable")
    verdict(
        in_process > 0,
        f"the web processes logged that the queue was unavailable and ran tasks themselves ({in_process} lines)",
    )
    worker_alive = Path(f"/proc/{worker_pid}").exists()
    say(f"the RQ worker is {'still running' if worker_alive else 'gone'} while Redis is down")
    time.sleep(max(0.0, args.down - (time.monotonic() - down_at)))

    say(
        f"--- starting Redis again after {time.monotonic() - down_at:.0f} s (as deploy/local-stack starts it)"
    )
    subprocess.run(
        ["redis-server", "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly", "yes",
         "--daemonize", "yes", "--pidfile", str(args.stack / "run/redis.pid"),
         "--logfile", str(args.stack / "logs/redis.log"), "--dir", str(args.stack / "run")],
        check=True,
    )  # fmt: skip
    for _ in range(50):
        if redis_cli(port, "ping").stdout.strip() == "PONG":
            break
        time.sleep(0.1)
    up_at = time.monotonic()

    persisted = setup("task_status", result_id)
    verdict(
        "READY" in persisted or "SUCCESSFUL" in persisted or "RUNNING" in persisted,
        f"the task enqueued before the stop is still in Redis after the restart (append-only file): {persisted}",
    )
    if not Path(f"/proc/{worker_pid}").exists():
        # docs/tasks.md: a worker that loses Redis may exit, and systemd (Restart=always, RestartSec=5)
        # starts it again. deploy/local-stack has no supervisor: do what systemd would.
        say(
            "the RQ worker exited when Redis went away (see logs/worker.log); starting it again as systemd would"
        )
        with open(args.stack / "logs" / "worker.log", "ab") as log:
            worker = subprocess.Popen(
                [str(ROOT / "deploy" / "local-stack"), "run", sys.executable, "manage.py", "rqworker", "default",
                 "--with-scheduler"],
                cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
            )  # fmt: skip
        (args.stack / "run" / "worker.pid").write_text(f"{worker.pid}\n")  # so that destroy stops it
        worker_pid = worker.pid

    status = "?"
    while time.monotonic() - up_at < args.wait:
        status = setup("task_status", result_id)
        if status.endswith("SUCCESSFUL") or status.endswith("FAILED"):
            break
        time.sleep(2)
    worker_alive = Path(f"/proc/{worker_pid}").exists()
    verdict(
        status.endswith("SUCCESSFUL"),
        f"the task enqueued before the stop ran: {status} {time.monotonic() - up_at:.0f} s after Redis was back "
        f"(worker {'running' if worker_alive else 'gone: see logs/worker.log'})",
    )
    if not status.endswith("SUCCESSFUL"):
        lines = (args.stack / "logs" / "worker.log").read_text(errors="replace").splitlines()
        for line in [line for line in lines if "scheduler" in line.lower()][-4:]:
            say(f"  worker.log: {line[:220]}")
    later = setup("enqueue_sweep", "0")
    status = "?"
    for _ in range(30):
        status = setup("task_status", later)
        if status.endswith("SUCCESSFUL") or status.endswith("FAILED"):
            break
        time.sleep(1)
    verdict(
        status.endswith("SUCCESSFUL"), f"a task enqueued after the restart is run by the worker: {status}"
    )

    time.sleep(6)  # the web processes try Redis again after RETRY_SECONDS (5)
    commands = redis_commands(port)
    for path in ("/en/", "/ru/", "/hy/"):
        client.request("GET", f"{path}?redis-drill={time.time_ns()}")
    again = POLITE.format(tag=f"{mark}-2")
    posted_again = client.request(
        "POST", f"/api/v1/articles/{article['id']}/comments", post_body(again), auth(tokens[2])
    )
    used = (redis_commands(port) or 0) - (commands or 0) - 1  # minus our own INFO
    verdict(used > 0 and posted_again[0] == 201,
            f"the site uses Redis again: 3 uncached pages and a comment ({posted_again[0]}) made {used} Redis commands")  # fmt: skip
    say(f"the web processes logged 'cache: Redis is back' {log_lines(args.stack, 'Redis is back')} times")
    return time.monotonic()


# A flood of comments -------------------------------------------------------------------------------


def drill_flood(args, work):
    tokens = args.tokens.read_text().split()
    articles = [a for a in json.loads(args.articles.read_text()) if a["open"]]
    target, other_article = articles[0], articles[1]
    values = state(args.stack)
    pages = ["/en/", "/ru/", "/hy/", *(a["path"] for a in articles[:12])]
    mark = "fl" + time.strftime("%H%M%S")

    say(f"baseline: 2 anonymous readers on {len(pages)} pages through nginx for {args.baseline} s")
    base_load = Load(args.site, pages=pages, pause=0.02).start()
    time.sleep(args.baseline)
    base_load.stop()
    base_events = base_load.events

    say(f"--- flood: {args.posts:,} posts from one reader, one address, {args.connections} connections "
        f"(wrk with bench/_flood.lua) to {target['path']}")  # fmt: skip
    output = work / "flood-out.txt"
    environment = {**os.environ, "FLOOD_TOKEN": tokens[0], "FLOOD_TOTAL": str(args.posts), "FLOOD_OUT": str(output),
                   "FLOOD_MARK": mark, "FLOOD_THREADS": "2"}  # fmt: skip
    flood = subprocess.Popen(
        ["wrk", "-t2", f"-c{args.connections}", "-d600s", "--timeout", "10s", "-s", str(BENCH / "_flood.lua"),
         f"{args.site}/api/v1/articles/{target['id']}/comments"],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    started = time.monotonic()
    time.sleep(1)
    during = Load(args.site, pages=pages, pause=0.02).start()
    time.sleep(2)
    # Another reader, at another address (the flood comes from 127.0.0.1), through nginx, which
    # passes the reader's address on to the web processes (X-Forwarded-For).
    other = Client(args.site, source="127.0.0.2")
    other_text = POLITE.format(tag=f"{mark}-other")
    other_post = other.request(
        "POST", f"/api/v1/articles/{other_article['id']}/comments", post_body(other_text), auth(tokens[1])
    )
    # A third reader from yet another address, straight to a web process, bypassing nginx: shows
    # whether a refusal above came from nginx or from the site.
    direct = Client(f"http://127.0.0.1:{values['WEB1_PORT']}", source="127.0.0.3")
    direct_text = POLITE.format(tag=f"{mark}-direct")
    direct_post = direct.request(
        "POST", f"/api/v1/articles/{other_article['id']}/comments", post_body(direct_text), auth(tokens[2])
    )
    while flood.poll() is None:
        if all((work / f"flood-out.txt.done-{n}").exists() for n in (1, 2)):
            flood.send_signal(signal.SIGINT)  # wrk then collects its threads and reports at once
            break
        time.sleep(0.2)
    out, _ = flood.communicate(timeout=900)
    flood_seconds = time.monotonic() - started
    during.stop()
    (work / "wrk.txt").write_text(out)

    counts, accepted, retry_after = Counter(), [], 0
    for line in output.read_text().splitlines():
        words = line.split()
        if words[0] == "count":
            counts[int(words[1])] += int(words[2])
        elif words[0] == "accepted":
            accepted.append(f"{words[1]} {words[2]}")
        elif words[0] == "retry_after":
            retry_after += int(words[1])
    total = sum(counts.values())
    say(f"flood answers in {flood_seconds:.1f} s: " + ", ".join(f"{s} ×{n:,}" for s, n in sorted(counts.items()))
        + f" ({total / flood_seconds:,.0f} req/s)")  # fmt: skip
    say("anonymous page reads, before and during the flood:")
    for line in table(["requests", "count", "p50 ms", "p99 ms", "max ms", "answers"],
                      [["before: " + r[0], *r[1:]] for r in summary_rows(base_events, ["page"])]
                      + [["during: " + r[0], *r[1:]] for r in summary_rows(during.events, ["page"])],
                      right={1, 2, 3, 4}):  # fmt: skip
        say("  " + line)
    say("")

    allowed = min(20, int(flood_seconds // 15) + 1)  # 15 s between comments, 20 an hour: the defaults
    verdict(total >= args.posts, f"all {args.posts:,} flood posts were answered ({total:,})")
    verdict(counts[201] <= allowed and counts[429] >= total - counts[201] and counts[429] > 0,
            f"the flood is throttled: {counts[201]} accepted (at most {allowed} in {flood_seconds:.0f} s), "
            f"{counts[429]:,} refused with 429, {retry_after:,} of them with Retry-After"
            + ("; more than allowed: concurrent posts passed the cooldown together" if counts[201] > allowed else ""))  # fmt: skip
    verdict(not any(s >= 500 for s in counts), "no 5xx answer to the flood")
    verdict(other_post[0] == 201, f"another reader's comment (127.0.0.2, through nginx) during the flood: {other_post[0]} "
            f"in {ms(other_post[3])} ms {other_post[2][:140]!r}")  # fmt: skip
    say(f"info: a third reader from another address (127.0.0.3, straight to gunicorn 1): {direct_post[0]} "
        f"in {ms(direct_post[3])} ms {direct_post[2][:100]!r}")  # fmt: skip
    page_events = [e for e in during.events if e[1] == "page"]
    latencies = sorted(e[3] for e in page_events)
    p99 = percentile(latencies, 0.99)
    verdict(page_events and all(e[2] == 200 for e in page_events),
            f"anonymous page reads during the flood all answered 200 ({len(page_events):,})")  # fmt: skip
    verdict(p99 < P99_LIMIT, f"their p99 stays under {ms(P99_LIMIT)} ms: {ms(p99)} ms")

    (work / "accepted.txt").write_text("\n".join(accepted) + "\n")
    (work / "inflight.txt").write_text("")
    report = json.loads(setup("check", mark, str(work / "accepted.txt"), str(work / "inflight.txt")))
    # The other reader's comments carry the mark too: count them as answered.
    extra = sum(1 for answer in (other_post, direct_post) if answer[0] == 201)
    verdict(report["stored"] == report["accepted"] + extra and report["missing_count"] == 0,
            f"the flood's accepted comments are stored, and nothing else: {report['accepted']} answered 201, "
            f"{report['stored'] - extra} stored")  # fmt: skip
    return time.monotonic()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("drill", choices=["postgres", "redis", "flood"])
    parser.add_argument("--site", required=True)
    parser.add_argument("--stack", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--tokens", required=True, type=Path)
    parser.add_argument("--articles", required=True, type=Path)
    parser.add_argument("--gap", type=float, default=5, help="postgres: seconds down in the second restart")
    parser.add_argument("--delay", type=int, default=40, help="redis: the queued task's delay")
    parser.add_argument("--down", type=float, default=15, help="redis: seconds Redis stays down")
    parser.add_argument("--wait", type=float, default=240, help="redis: seconds to wait for the queued task")
    parser.add_argument("--posts", type=int, default=10000, help="flood: how many posts")
    parser.add_argument("--connections", type=int, default=20, help="flood: wrk connections")
    parser.add_argument("--baseline", type=float, default=5, help="flood: seconds of reads before")
    args = parser.parse_args()
    say(f"load average before: {load_average()}")
    {"postgres": drill_postgres, "redis": drill_redis, "flood": drill_flood}[args.drill](args, args.work)
    say(f"load average after: {load_average()}")
    say(f"{'FAIL' if FAILURES else 'PASS'} drill {args.drill}: {len(FAILURES)} check(s) failed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
