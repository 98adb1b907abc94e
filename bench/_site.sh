# Shared by bench/pages.sh and bench/article.sh (sourced after ROUNDS, DURATION, CONNECTIONS, WORKERS
# and WARMUP are set, with BENCH_NAME naming the script): the tools, the cleanup of everything
# started, and a throwaway copy of the demo site built with the production settings.
# shellcheck shell=bash
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULT=$BENCH_DIR/results/$BENCH_NAME-$STAMP.txt

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/%s.sh: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }

for name in ROUNDS DURATION CONNECTIONS WORKERS WARMUP; do
  case ${!name} in '' | *[!0-9]*) die "$name must be a whole number, not '${!name}'" ;; esac
done
[ -x "$PY" ] || die "no virtualenv at $VENV (run 'make install' first)"
[ -x "$VENV/bin/gunicorn" ] || die "gunicorn is not installed in $VENV"

# Tools -------------------------------------------------------------------------------------------

find_nginx() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
missing=()
[ -n "$(find_nginx)" ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Newer Debian releases have dropped the nginx-light name; plain nginx does as well.
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      apt-get install -y -qq --no-install-recommends "${missing[@]/nginx-light/nginx}" >/dev/null
  else
    die "missing ${missing[*]}: install them (Debian: apt-get install nginx-light wrk curl)"
  fi
fi
NGINX=$(find_nginx)

# Processes and cleanup ---------------------------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tribune-bench.XXXXXX")
GUNICORN_PID=
NGINX_PID=
MEASURE_PID=

# shellcheck source=bench/_processes.sh
. "$BENCH_DIR/_processes.sh"

# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop "$MEASURE_PID"
  stop "$NGINX_PID"
  stop "$GUNICORN_PID"
  if [ "$status" -ne 0 ] && [ -s "$WORK/gunicorn.log" ]; then
    printf '\n--- last lines of the gunicorn log ---\n' >&2
    tail -n 30 "$WORK/gunicorn.log" >&2
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# An isolated site ---------------------------------------------------------------------------------

# Whatever points the shell at a real database or real files must not reach the copy.
unset DATABASE_URL STATIC_ROOT MEDIA_ROOT DEBUG
export TRIBUNE_VAR_DIR=$WORK/var
export DJANGO_SETTINGS_MODULE=tribune.settings.production
SECRET_KEY="bench-only-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_COOKIES=0
# As deploy/tribune.env.example: a web process keeps its database connection for a minute.
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-60}
mkdir -p "$TRIBUNE_VAR_DIR"

manage() {
  if ! timeout 600 "$PY" "$ROOT/manage.py" "$@" >>"$WORK/setup.log" 2>&1; then
    tail -n 40 "$WORK/setup.log" >&2
    die "manage.py $* failed (log above)"
  fi
}

say "building the demo site in $WORK"
manage migrate --no-input
manage seed_demo
manage compile_translations
manage collectstatic --no-input
