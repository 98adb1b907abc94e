# Shared by the scripts that run against the production stack (sourced): a fresh
# deploy/local-stack of their own, destroyed on exit unless KEEP_STACK is set.
# The sourcing script sets NAME (for messages) and then calls stack_start.
# shellcheck shell=bash

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
ROOT=${ROOT:-$(dirname "$BENCH_DIR")}
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
LOCAL_STACK=$ROOT/deploy/local-stack
STACK_PARENT=
STACK_DIR=

say() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "${NAME:-bench}" "$*" >&2; exit 1; }

# shellcheck disable=SC2317 # reached through the EXIT trap
stack_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -n "${STACK_CLEANUP_HOOK:-}" ] && "$STACK_CLEANUP_HOOK"
  if [ -n "$STACK_DIR" ] && [ -d "$STACK_DIR" ]; then
    if [ "$status" -ne 0 ] && [ -d "$STACK_DIR/logs" ]; then
      for log in web1 web2 worker; do
        if grep -qE 'Traceback|"level": "(ERROR|CRITICAL)"|\[(ERROR|CRITICAL)\]' "$STACK_DIR/logs/$log.log" 2>/dev/null; then
          printf '\n--- errors in logs/%s.log ---\n' "$log" >&2
          grep -E 'Traceback|ERROR|CRITICAL' "$STACK_DIR/logs/$log.log" | tail -n 5 >&2
        fi
      done
    fi
    if [ -n "${KEEP_STACK:-}" ]; then
      say "kept the stack in $STACK_DIR, work files in $STACK_PARENT (KEEP_STACK is set); afterwards: STACK_DIR=$STACK_DIR deploy/local-stack destroy"
    else
      STACK_DIR=$STACK_DIR "$LOCAL_STACK" destroy >/dev/null 2>&1 || true
      rm -rf "$STACK_PARENT" # our own temporary directory: the stack, the plan, tokens, answers
    fi
  fi
  exit "$status"
}

stack_start() {
  [ -x "$PY" ] || die "no virtualenv at $VENV (run 'make install' first)"
  command -v wrk >/dev/null || die "wrk is missing (Debian: apt-get install wrk)"
  STACK_PARENT=$(mktemp -d "${TMPDIR:-/tmp}/tribune-stack.XXXXXX")
  chmod 755 "$STACK_PARENT" # PostgreSQL's own user must reach its cluster inside
  STACK_DIR=$STACK_PARENT/stack
  export STACK_DIR
  trap stack_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  say "starting a fresh production stack in $STACK_DIR (about a minute)"
  # Into a log, never a pipe: the stack's daemons outlive this command.
  if ! "$LOCAL_STACK" start >"$STACK_PARENT/start.log" 2>&1; then
    tail -n 20 "$STACK_PARENT/start.log" >&2
    die "deploy/local-stack start failed (log above)"
  fi
  # shellcheck disable=SC1091
  . "$STACK_DIR/stack.env"
  SITE=http://127.0.0.1:$NGINX_PORT
  export SITE
}

# A command with the stack's environment, from the repository's root.
stack_run() { (cd "$ROOT" && "$LOCAL_STACK" run "$@"); }

# Django-side setup and checks (bench/_stack_setup.py), with the stack's environment.
stack_setup() { stack_run "$PY" "$BENCH_DIR/_stack_setup.py" "$@"; }

# The PIDs whose process trees make up each part of the stack, as NAME=PID arguments.
stack_pids() {
  printf '%s ' "nginx=$(cat "$STACK_DIR/run/nginx.pid")" \
    "gunicorn=$(cat "$STACK_DIR/run/web1.pid"),$(cat "$STACK_DIR/run/web2.pid")" \
    "worker=$(cat "$STACK_DIR/run/worker.pid")" \
    "postgres=$(head -n 1 "$STACK_DIR/pg/postmaster.pid")" \
    "redis=$(cat "$STACK_DIR/run/redis.pid")"
}

# PostgreSQL's pg_ctl as the cluster's owner (as deploy/local-stack runs it).
pg_ctl() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$STACK_DIR/pg" "$@"
  else
    "$bin/pg_ctl" -D "$STACK_DIR/pg" "$@"
  fi
}
