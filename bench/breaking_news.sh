#!/usr/bin/env bash
# The breaking-news load on the production stack (deploy/local-stack, on a fresh copy): 95% anonymous
# page reads, 4% thread reads and 1% comment posts through nginx; per kind requests, latency, 5xx and
# the stack's CPU time; then every comment answered 201 is looked for in PostgreSQL. See
# bench/README.md. Usage: bench/breaking_news.sh   (DURATION=60 CONNECTIONS=200 READERS=200 THINK_MS=0)
#   QUICK=1 bench/breaking_news.sh                 # CI: 10 s at 50 connections
#   THINK_MS=100 bench/breaking_news.sh            # readers who pause 100 ms on average between requests
set -euo pipefail

if [ -n "${QUICK:-}" ]; then
  DURATION=${DURATION:-10}
  CONNECTIONS=${CONNECTIONS:-50}
fi
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-200}
READERS=${READERS:-200}
THINK_MS=${THINK_MS:-0}
MIX=${MIX:-95,4,1}
NAME=bench/breaking_news.sh

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/_stack.sh
. "$BENCH_DIR/_stack.sh"

for name in DURATION CONNECTIONS READERS; do
  case ${!name} in '' | *[!0-9]* | 0) die "$name must be a positive whole number, not '${!name}'" ;; esac
done
case $THINK_MS in '' | *[!0-9]*) die "THINK_MS must be a whole number of milliseconds, not '$THINK_MS'" ;; esac
case $MIX in *[!0-9,]*) die "MIX is three percentages, e.g. 95,4,1, not '$MIX'" ;; esac
STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULT=$BENCH_DIR/results/breaking-news-$STAMP.txt

stack_start
WORK=$STACK_PARENT

# 200 readers with a token each; the comment limits lifted for them (see README: every reader reaches
# the application from nginx's address, so the per-address limit would stop the run at once).
say "creating $READERS readers with tokens; lifting the comment rate limits of this throwaway stack"
stack_setup readers "$READERS" reader >"$WORK/tokens.txt" 2>>"$WORK/setup.log" ||
  { tail -n 20 "$WORK/setup.log" >&2; die "could not create the readers"; }
LIMITS=$(stack_setup limits relaxed 2>>"$WORK/setup.log" | tail -n 1)
stack_setup articles >"$WORK/articles.json" 2>>"$WORK/setup.log" || die "could not list the articles"
say "waiting for the worker to finish the demo's backlog (search and reference index updates)"
waited=$(stack_setup drain 300 2>>"$WORK/setup.log" | tail -n 1) || die "the task queue did not drain (see setup.log)"
say "the queue was empty after $waited s"

versions=$("$PY" -c '
import sys
from importlib.metadata import version
print("Python %s, Django %s, Wagtail %s, gunicorn %s"
      % (sys.version.split()[0], version("django"), version("wagtail"), version("gunicorn")))
')
pg_version=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1 | sed 's|.*/postgresql/\([^/]*\)/bin|\1|')
stack_note="$versions; PostgreSQL $pg_version, Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'), $(nginx -v 2>&1 | sed 's/.*: //'); 2 gunicorns × ${GUNICORN_WORKERS:-2} sync workers, 1 RQ worker, nginx cache ${CACHE_SECONDS:-10} s; $(nproc) CPUs shared with wrk"

# shellcheck disable=SC2046 # the NAME=PID list is meant to split
"$PY" "$BENCH_DIR/_breaking_news.py" --site "$SITE" --work "$WORK" --duration "$DURATION" \
  --connections "$CONNECTIONS" --weights "$MIX" --articles "$WORK/articles.json" \
  --tokens "$WORK/tokens.txt" --limits "$LIMITS" --out "$RESULT" --note "$stack_note" --think-ms "$THINK_MS" \
  --pids $(stack_pids) && status=0 || status=$?

problems=$(cat "$STACK_DIR"/logs/web?.log | grep -cE 'Traceback|"level": "(ERROR|CRITICAL)"|\[ERROR\]|\[CRITICAL\]' || true)
if [ "$problems" -gt 0 ]; then
  cat "$STACK_DIR"/logs/web?.log >"${RESULT%.txt}.web.log"
  say "the web processes logged $problems error lines: see ${RESULT%.txt}.web.log"
fi
[ -s "$RESULT" ] && say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
