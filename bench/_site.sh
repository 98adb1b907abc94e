# Shared by bench/pages.sh, bench/article.sh and bench/comments.sh: a throwaway copy of the demo site
# built with the production settings, gunicorn and nginx to serve it, and the cleanup of everything
# started. Sourced after ROUNDS, DURATION, CONNECTIONS, WORKERS and WARMUP are set, with BENCH_NAME
# naming the script; sourcing checks those numbers and the virtualenv. The script then calls
#   site_start TOOL...        the tools it needs, the temporary directory $WORK, the cleanup on exit
#   site_cache redis|files    (optional) the copy's own cache instead of the shell's REDIS_URL
#   site_build                the copy: migrate, seed_demo, compile_translations, collectstatic
# and starts its servers. The cleanup stops the processes whose PIDs are in the variables named by
# STOP_ON_EXIT, then the private Redis, and after a failure shows the end of each log named by
# LOGS_ON_FAILURE ($WORK/<name>.log); a script with servers of its own sets both before site_start.
# shellcheck shell=bash
# shellcheck disable=SC2034 # the sourcing scripts use what is set here
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULT=$BENCH_DIR/results/$BENCH_NAME-$STAMP.txt
WORK_PREFIX=tribune-bench
STOP_ON_EXIT=(MEASURE_PID NGINX_PID GUNICORN_PID)
LOGS_ON_FAILURE=(gunicorn)
GUNICORN_PID=
NGINX_PID=
MEASURE_PID=
REDIS_PID=

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/%s.sh: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }

for name in ROUNDS DURATION CONNECTIONS WORKERS WARMUP; do
  case ${!name} in '' | *[!0-9]*) die "$name must be a whole number, not '${!name}'" ;; esac
done
[ -x "$PY" ] || die "no virtualenv at $VENV (run 'make install' first)"
[ -x "$VENV/bin/gunicorn" ] || die "gunicorn is not installed in $VENV"

# shellcheck source=bench/_processes.sh
. "$BENCH_DIR/_processes.sh"

# Tools, temporary directory and cleanup ----------------------------------------------------------

find_nginx() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }

# Each tool there, or installed with apt-get when run as root; else a stop that says what to install.
install_tools() {  # tool...
  local tool wanted=() missing=()
  for tool in "$@"; do
    case $tool in
      nginx)
        wanted+=(nginx-light)
        [ -n "$(find_nginx)" ] || missing+=(nginx-light)
        ;;
      *)
        wanted+=("$tool")
        command -v "$tool" >/dev/null || missing+=("$tool")
        ;;
    esac
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    die "missing ${missing[*]}: install them (Debian: apt-get install ${wanted[*]})"
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [[ " ${wanted[*]} " = *" nginx-light "* ]]; then
    # Newer Debian releases have dropped the nginx-light name; plain nginx does as well.
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      apt-get install -y -qq --no-install-recommends "${missing[@]/nginx-light/nginx}" >/dev/null
  else
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() {
  local status=$? pid_name log
  trap - EXIT INT TERM
  for pid_name in "${STOP_ON_EXIT[@]}"; do stop "${!pid_name:-}"; done
  stop "$REDIS_PID"
  if [ "$status" -ne 0 ]; then
    for log in "${LOGS_ON_FAILURE[@]}"; do
      if [ -s "$WORK/$log.log" ]; then
        printf '\n--- last lines of the %s log ---\n' "$log" >&2
        tail -n 30 "$WORK/$log.log" >&2
      fi
    done
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}

site_start() {  # tool...
  install_tools "$@"
  NGINX=$(find_nginx)
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/$WORK_PREFIX.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# An isolated site ---------------------------------------------------------------------------------

free_ports() {  # count: that many free TCP ports of 127.0.0.1, on one line
  "$PY" -c '
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
' "$1"
}

# As the deploy has one: a Redis of the copy's own on a free port, with nothing saved to disk.
start_redis() {
  local port
  port=$(free_ports 1)
  say "starting a private Redis on 127.0.0.1:$port"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$WORK" \
    </dev/null >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    alive "$REDIS_PID" || die "redis-server exited while starting (see $WORK/redis.log)"
    sleep 0.1
  done
  export REDIS_URL=redis://127.0.0.1:$port/0
}

manage() {
  if ! timeout 600 "$PY" "$ROOT/manage.py" "$@" >>"$WORK/setup.log" 2>&1; then
    tail -n 40 "$WORK/setup.log" >&2
    die "manage.py $* failed (log above)"
  fi
}

# The copy's cache never comes from the shell's REDIS_URL: a private Redis, or files on disk. Without
# this call it is whatever REDIS_URL the shell has (files on disk without one).
site_cache() {  # redis|files
  unset REDIS_URL
  [ "$1" != redis ] || start_redis
}

site_build() {
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

  say "building the demo site in $WORK"
  manage migrate --no-input
  manage seed_demo
  manage compile_translations
  manage collectstatic --no-input
}

# Servers ------------------------------------------------------------------------------------------

wait_for() {  # url pid name: until the server answers anything at all
  for _ in $(seq 1 300); do
    alive "$2" || die "$3 exited while starting"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" != 000 ] && return 0
    sleep 0.2
  done
  die "$3 did not answer on $1 within 60 s"
}

fetch() {  # url file: a page that must be 200
  local code
  code=$(curl -sS -o "$2" -w '%{http_code}' --max-time 120 "$1") || die "could not fetch $1"
  [ "$code" = 200 ] || die "$1 answered $code, not 200"
}

gunicorn_opts() {  # gunicorn binary: the same worker pool for every server
  local opts=(--workers "$WORKERS" --worker-class sync --timeout 60)
  # gunicorn ≥ 25.1 opens a control socket in ~/.gunicorn, which two servers at once would share.
  "$1" --help | grep -q -- --no-control-socket && opts+=(--no-control-socket)
  echo "${opts[@]}"
}

# The copy of the site under gunicorn on a free port ($APP), with the given settings module (found
# in the given directory, if one is given); logs to $WORK/gunicorn.log.
start_gunicorn() {  # settings-module [directory]
  local settings=(DJANGO_SETTINGS_MODULE="$1")
  [ -z "${2:-}" ] || settings+=(PYTHONPATH="$2${PYTHONPATH:+:$PYTHONPATH}")
  APP_PORT=$(free_ports 1)
  APP=http://127.0.0.1:$APP_PORT
  say "starting gunicorn ($WORKERS sync workers) on $APP"
  # shellcheck disable=SC2046 # the options are meant to split
  env "${settings[@]}" "$VENV/bin/gunicorn" tribune.wsgi:application --chdir "$ROOT" \
    --bind "127.0.0.1:$APP_PORT" $(gunicorn_opts "$VENV/bin/gunicorn") \
    </dev/null >>"$WORK/gunicorn.log" 2>&1 &
  GUNICORN_PID=$!
  wait_for "$APP/" "$GUNICORN_PID" gunicorn
}

# nginx serving a saved page as $STATIC/article.html on a free port: the ceiling for those bytes on
# this machine, one worker, no access log.
start_nginx_copy() {  # file
  local module temp_paths
  STATIC_PORT=$(free_ports 1)
  STATIC=http://127.0.0.1:$STATIC_PORT
  # The nginx workers drop root privileges: they must be able to read the copy.
  mkdir -p "$WORK/nginx/html" "$WORK/nginx/tmp"
  cp "$1" "$WORK/nginx/html/article.html"
  chmod 711 "$WORK"
  chmod 755 "$WORK/nginx" "$WORK/nginx/html"
  chmod 644 "$WORK/nginx/html/article.html"

  # Temporary paths default to /var/lib/nginx; each one is set only if its module is built in.
  temp_paths="client_body_temp_path $WORK/nginx/tmp/body;"
  for module in proxy fastcgi uwsgi scgi; do
    "$NGINX" -V 2>&1 | grep -q -- "--without-http_${module}_module" ||
      temp_paths+=" ${module}_temp_path $WORK/nginx/tmp/$module;"
  done
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    sendfile on;
    default_type text/html;
    charset utf-8;
    $temp_paths
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/nginx/html;
    }
}
EOF

  say "starting nginx on $STATIC"
  "$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" </dev/null >>"$WORK/nginx/error.log" 2>&1 &
  NGINX_PID=$!
  wait_for "$STATIC/article.html" "$NGINX_PID" nginx
  fetch "$STATIC/article.html" "$WORK/article-nginx.html"
  cmp -s "$1" "$WORK/article-nginx.html" || die "nginx does not serve the saved copy"
}

# Measuring ----------------------------------------------------------------------------------------

tribune_versions() {
  "$PY" -c '
import sys
from importlib.metadata import version
print("Python %s, Django %s, Wagtail %s, gunicorn %s"
      % (sys.version.split()[0], version("django"), version("wagtail"), version("gunicorn")))
'
}

wrk_version() { { wrk -v 2>&1 || true; } | sed -n '1s/^wrk \([^ ]*\).*/\1/p'; }

kb() { echo "$(($(wc -c <"$1") / 1024)) KB"; }

# The measuring command runs in the background so that a signal to the script is handled at once,
# not after the last round; status is its exit status.
measure() {  # command...
  "$@" &
  MEASURE_PID=$!
  status=0
  wait "$MEASURE_PID" || status=$?
  MEASURE_PID=
}

# Anything a server logged at WARNING or above during the run is worth a look: its whole log is
# copied next to the table.
keep_logs_with_problems() {  # name... (of $WORK/<name>.log)
  local log problems
  for log in "$@"; do
    problems=$(grep -cE 'Traceback|ERROR|CRITICAL|WARNING' "$WORK/$log.log" || true)
    if [ "$problems" -gt 0 ]; then
      cp "$WORK/$log.log" "${RESULT%.txt}.$log.log"
      say "$log logged $problems warning/error lines: see ${RESULT%.txt}.$log.log"
    fi
  done
}
