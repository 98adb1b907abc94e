#!/usr/bin/env bash
# Requests/s and server CPU per request of Tribune's comments API (read a 200-comment thread, post a
# comment) against the same operations on the comment server Isso, both under gunicorn, on
# throwaway data. See bench/README.md.
# Usage: bench/comments.sh   (ROUNDS=5 DURATION=4 CONNECTIONS=8 WORKERS=2 WARMUP=2)
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-4}
CONNECTIONS=${CONNECTIONS:-8}
WORKERS=${WORKERS:-2}
WARMUP=${WARMUP:-2}
TOP_LEVEL=50 # each with 3 replies: a 200-comment thread
ISSO_SPEC=${ISSO_SPEC:-isso}
# The goals, as multiples of Isso's req/s: the table says whether the run met them.
READ_TARGET=${READ_TARGET:-10}
POST_TARGET=${POST_TARGET:-1}
# Tribune's shared cache (rate limits, copies of hot rows, page and thread versions): a private Redis,
# as the deploy has, or files on disk as a site without REDIS_URL has.
CACHE=${CACHE:-redis}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
HOST_PYTHON=${HOST_PYTHON:-python3}
STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULT=$BENCH_DIR/results/comments-$STAMP.txt

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/comments.sh: %s\n' "$*" >&2; exit 1; }

for name in ROUNDS DURATION CONNECTIONS WORKERS WARMUP; do
  case ${!name} in '' | *[!0-9]*) die "$name must be a whole number, not '${!name}'" ;; esac
done
[ -x "$PY" ] || die "no virtualenv at $VENV (run 'make install' first)"
[ -x "$VENV/bin/gunicorn" ] || die "gunicorn is not installed in $VENV"
case $CACHE in redis | files) ;; *) die "CACHE must be redis or files, not '$CACHE'" ;; esac
[ "$CACHE" = files ] || command -v redis-server >/dev/null ||
  die "redis-server is missing (Debian: apt-get install redis-server), or run with CACHE=files"
"$HOST_PYTHON" -c 'import venv, ensurepip' 2>/dev/null ||
  die "$HOST_PYTHON cannot create virtualenvs for Isso (Debian: apt-get install python3-venv)"

# Tools -------------------------------------------------------------------------------------------

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing ${missing[*]}: install them (Debian: apt-get install wrk curl)"
  fi
fi

# Processes and cleanup ---------------------------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tribune-bench-comments.XXXXXX")
PIP_PID=
TRIBUNE_PID=
ISSO_PID=
MEASURE_PID=
REDIS_PID=

# shellcheck source=bench/_processes.sh
. "$BENCH_DIR/_processes.sh"

# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop "$MEASURE_PID"
  stop "$PIP_PID"
  stop "$ISSO_PID"
  stop "$TRIBUNE_PID"
  stop "$REDIS_PID"
  if [ "$status" -ne 0 ]; then
    for log in tribune isso; do
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
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Isso goes into a virtualenv of its own, never into the project's; pip runs while the site is built.
ISSO_VENV=$WORK/isso-venv
say "installing $ISSO_SPEC and gunicorn into $ISSO_VENV (in the background)"
{
  "$HOST_PYTHON" -m venv "$ISSO_VENV" &&
    "$ISSO_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ISSO_SPEC" gunicorn
} </dev/null >"$WORK/isso-pip.log" 2>&1 &
PIP_PID=$!

# An isolated site ---------------------------------------------------------------------------------

# Whatever points the shell at a real database or real files must not reach the copy.
unset DATABASE_URL REDIS_URL STATIC_ROOT MEDIA_ROOT DEBUG
export TRIBUNE_VAR_DIR=$WORK/var
export DJANGO_SETTINGS_MODULE=tribune.settings.production
SECRET_KEY="bench-only-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_COOKIES=0
# As deploy/tribune.env.example: a web process keeps its database connection for a minute.
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-60}
mkdir -p "$TRIBUNE_VAR_DIR"

if [ "$CACHE" = redis ]; then
  REDIS_PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  say "starting a private Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" \
    </dev/null >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    alive "$REDIS_PID" || die "redis-server exited while starting (see $WORK/redis.log)"
    sleep 0.1
  done
  export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
fi

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

# A reader with a token; the site's rate limits lifted for the run (duplicate texts are still
# refused, so every posted text is unique); two open English articles without comments: one to
# post to, one for the thread that is read (filled below through the API).
say "creating a reader and a token, lifting the comment rate limits"
timeout 120 "$PY" "$ROOT/manage.py" shell -c '
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from tribune.accounts import tokens
from tribune.comments import services
from tribune.newsroom.models import ArticlePage

config = services.comment_settings()
if not config.pk:
    raise SystemExit("no default site: cannot store the comment settings")
config.min_seconds_between_comments = 0
config.comments_per_hour = 32767  # the largest a PositiveSmallIntegerField holds
config.save()

reader = get_user_model().objects.create_user(
    username="bench-reader", email="bench-reader@tribune.example", password=None, display_name="Bench Reader"
)
EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
_token, clear = tokens.issue(user=reader, name="bench/comments.sh")

candidates = [
    page
    for page in ArticlePage.objects.live().filter(locale__language_code="en", comments__isnull=True)
    .order_by("-published_at").distinct()
    if services.thread_is_open(page, config)
]
if len(candidates) < 2:
    raise SystemExit("need two open English articles without comments in the demo site")
print("TOKEN=" + clear)
print("POST_ARTICLE=%d" % candidates[0].pk)
print("READ_ARTICLE=%d" % candidates[1].pk)
print("COMMENTS_PER_HOUR=%d" % config.comments_per_hour)
' >"$WORK/tribune-setup.env" 2>>"$WORK/setup.log" || {
  tail -n 40 "$WORK/setup.log" >&2
  die "could not prepare the reader, the token and the articles (log above)"
}
TOKEN=$(sed -n 's/^TOKEN=//p' "$WORK/tribune-setup.env")
POST_ARTICLE=$(sed -n 's/^POST_ARTICLE=//p' "$WORK/tribune-setup.env")
READ_ARTICLE=$(sed -n 's/^READ_ARTICLE=//p' "$WORK/tribune-setup.env")
COMMENTS_PER_HOUR=$(sed -n 's/^COMMENTS_PER_HOUR=//p' "$WORK/tribune-setup.env")
if [ -z "$TOKEN" ] || [ -z "$POST_ARTICLE" ] || [ -z "$READ_ARTICLE" ]; then
  die "the setup printed no token or articles"
fi

read -r TRIBUNE_PORT ISSO_PORT < <("$PY" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
')
TRIBUNE=http://127.0.0.1:$TRIBUNE_PORT
ISSO=http://127.0.0.1:$ISSO_PORT

wait_for() {  # url pid name: until the server answers anything at all
  for _ in $(seq 1 300); do
    alive "$2" || die "$3 exited while starting"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" != 000 ] && return 0
    sleep 0.2
  done
  die "$3 did not answer on $1 within 60 s"
}

gunicorn_opts() {  # gunicorn binary: the same worker pool for both servers
  local opts=(--workers "$WORKERS" --worker-class sync --timeout 60)
  # gunicorn ≥ 25.1 opens a control socket in ~/.gunicorn, which two servers at once would share.
  "$1" --help | grep -q -- --no-control-socket && opts+=(--no-control-socket)
  echo "${opts[@]}"
}

say "starting Tribune under gunicorn ($WORKERS sync workers) on $TRIBUNE"
# shellcheck disable=SC2046 # the options are meant to split
"$VENV/bin/gunicorn" tribune.wsgi:application --chdir "$ROOT" --bind "127.0.0.1:$TRIBUNE_PORT" \
  $(gunicorn_opts "$VENV/bin/gunicorn") </dev/null >>"$WORK/tribune.log" 2>&1 &
TRIBUNE_PID=$!
wait_for "$TRIBUNE/" "$TRIBUNE_PID" "Tribune's gunicorn"

say "waiting for pip to finish installing Isso"
pip_status=0
wait "$PIP_PID" || pip_status=$?
PIP_PID=
if [ "$pip_status" -ne 0 ]; then
  tail -n 30 "$WORK/isso-pip.log" >&2
  die "could not install $ISSO_SPEC into $ISSO_VENV (log above)"
fi

# Isso as its documentation runs it under gunicorn (isso.run:application, settings from
# ISSO_SETTINGS), with its spam guard (rate limit) and moderation off for the run. "host" is the
# website that embeds the comments: here Tribune.
mkdir -p "$WORK/isso"
cat >"$WORK/isso/isso.cfg" <<EOF
[general]
dbpath = $WORK/isso/comments.db
host = $TRIBUNE/
[moderation]
enabled = false
[guard]
enabled = false
EOF
say "starting Isso under gunicorn ($WORKERS sync workers) on $ISSO"
# shellcheck disable=SC2046 # the options are meant to split
ISSO_SETTINGS=$WORK/isso/isso.cfg "$ISSO_VENV/bin/gunicorn" isso.run:application --chdir "$WORK/isso" \
  --bind "127.0.0.1:$ISSO_PORT" $(gunicorn_opts "$ISSO_VENV/bin/gunicorn") </dev/null >>"$WORK/isso.log" 2>&1 &
ISSO_PID=$!
wait_for "$ISSO/info" "$ISSO_PID" "Isso's gunicorn"

# Threads ------------------------------------------------------------------------------------------

http() { "$HOST_PYTHON" "$BENCH_DIR/_comments_http.py" "$@"; }
AUTH="Authorization: Bearer $TOKEN"
TRIBUNE_READ="$TRIBUNE/api/v1/articles/$READ_ARTICLE/comments?order=oldest&offset=0&limit=100"
TRIBUNE_POST="$TRIBUNE/api/v1/articles/$POST_ARTICLE/comments"
ISSO_READ="$ISSO/?uri=/bench/read/"
ISSO_POST="$ISSO/new?uri=/bench/post/"

say "filling the read threads: $TOP_LEVEL comments with 3 replies each, through each server's API"
http fill "$TRIBUNE/api/v1/articles/$READ_ARTICLE/comments" "$TOP_LEVEL" --header "$AUTH" >/dev/null ||
  die "could not fill Tribune's thread"
http fill "$ISSO/new?uri=/bench/read/" "$TOP_LEVEL" --field author=Bench --field title=Read >/dev/null ||
  die "could not fill Isso's thread"
# Isso creates a thread with the first comment posted to it; the timed posts then find it there.
http fill "$ISSO_POST" 1 --field author=Bench --field title=Post >/dev/null || die "could not open Isso's post thread"
http fill "$TRIBUNE_POST" 1 --header "$AUTH" >/dev/null || die "could not post to Tribune's post thread"

expected=$((TOP_LEVEL * 4))
read -r tribune_count tribune_bytes < <(http count "$TRIBUNE_READ")
read -r isso_count isso_bytes < <(http count "$ISSO_READ")
[ "$tribune_count" = "$expected" ] || die "Tribune's read returns $tribune_count comments, not $expected"
[ "$isso_count" = "$expected" ] || die "Isso's read returns $isso_count comments, not $expected"

stored_comments() {  # how many comments each server holds in its post thread: "tribune isso"
  # (the shell prints a line of its own about automatic imports first)
  timeout 120 "$PY" "$ROOT/manage.py" shell -c "
from tribune.comments.models import Comment
print('STORED=%d' % Comment.objects.filter(article_id=$POST_ARTICLE).count())" 2>>"$WORK/setup.log" |
    sed -n 's/^STORED=//p'
  "$HOST_PYTHON" -c "
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute('SELECT count(*) FROM comments JOIN threads ON comments.tid = threads.id WHERE threads.uri = ?', ('/bench/post/',)).fetchone()[0])" \
    "$WORK/isso/comments.db"
}
read -r tribune_before isso_before <<<"$(stored_comments | tr '\n' ' ')"
for count in "$tribune_before" "$isso_before"; do
  case $count in '' | *[!0-9]*) die "could not count the comments already stored ('$tribune_before', '$isso_before')" ;; esac
done

# Measure -----------------------------------------------------------------------------------------

versions=$("$PY" -c '
import sys
from importlib.metadata import version
print("Python %s, Django %s, Wagtail %s, gunicorn %s"
      % (sys.version.split()[0], version("django"), version("wagtail"), version("gunicorn")))
')
isso_versions=$("$ISSO_VENV/bin/python" -c '
import sys
from importlib.metadata import version
print("Isso %s (Python %s, gunicorn %s)" % (version("isso"), sys.version.split()[0], version("gunicorn")))
')
wrk_version=$({ wrk -v 2>&1 || true; } | sed -n '1s/^wrk \([^ ]*\).*/\1/p')
# A text the house rules publish as it is (see _comments_http.py), so every post is screened and stored.
BODY_TEXT="Thank you for this report ({n}). The figures on the budget are clearer now, and I hope the council reads it too."

say "measuring: $ROUNDS rounds × $DURATION s × 2 operations × 2 servers, -c$CONNECTIONS (about $((ROUNDS * DURATION * 4 + WARMUP * 4)) s)"
# In the background so that a signal to this script is handled at once, not after the last round.
"$PY" "$BENCH_DIR/_comments_rounds.py" --rounds "$ROUNDS" --duration "$DURATION" \
  --connections "$CONNECTIONS" --threads 1 --warmup "$WARMUP" --out "$RESULT" \
  --posted-out "$WORK/posted.json" --read-label "read 200-comment thread" \
  --note "Tribune: $versions, $WORKERS sync workers, DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE, SQLite, $CACHE cache, production settings; rate limits lifted (0 s between comments, $COMMENTS_PER_HOUR an hour)" \
  --note "Isso: $isso_versions, $WORKERS sync workers, SQLite, guard and moderation off; wrk $wrk_version" \
  --note "read (anonymous): Tribune ${TRIBUNE_READ#"$TRIBUNE"} → $tribune_count comments, $((tribune_bytes / 1024)) KB; Isso ${ISSO_READ#"$ISSO"} → $isso_count comments, $((isso_bytes / 1024)) KB" \
  --note "post: Tribune POST ${TRIBUNE_POST#"$TRIBUNE"} (bearer token); Isso POST ${ISSO_POST#"$ISSO"} (anonymous, author name); unique texts" \
  --read Tribune "$TRIBUNE_PID" "$TRIBUNE_READ" \
  --read Isso "$ISSO_PID" "$ISSO_READ" \
  --post Tribune "$TRIBUNE_PID" "$TRIBUNE_POST" "{\"text\": \"$BODY_TEXT\", \"parent\": null}" \
  --post Isso "$ISSO_PID" "$ISSO_POST" "{\"text\": \"$BODY_TEXT\", \"author\": \"Bench\"}" \
  --post-header Tribune "$AUTH" \
  --target read "$READ_TARGET" --target post "$POST_TARGET" &
MEASURE_PID=$!
status=0
wait "$MEASURE_PID" || status=$?
MEASURE_PID=

# Every 2xx answer to a post must be a stored comment. A few more may be stored: wrk stops counting
# at the end of a run while up to one request per connection is still being answered.
if [ -s "$WORK/posted.json" ]; then
  read -r tribune_after isso_after <<<"$(stored_comments | tr '\n' ' ')"
  read -r tribune_ok tribune_uncounted isso_ok isso_uncounted < <("$HOST_PYTHON" -c '
import json, sys
posted = json.load(open(sys.argv[1]))
print(*posted["Tribune"], *posted["Isso"])' "$WORK/posted.json")
  check_stored() {  # server stored-before stored-after 2xx-answers uncounted
    local stored=$(($3 - $2)) message
    [ "$stored" -ge "$4" ] && [ "$stored" -le $(($4 + $5)) ] && return 0
    message="$1 answered 2xx to $4 posts (and up to $5 more went uncounted) but stored $stored comments"
    say "WARNING: $message"
    [ -s "$RESULT" ] && printf 'WARNING: %s.\n' "$message" >>"$RESULT"
    status=1
  }
  check_stored Tribune "$tribune_before" "$tribune_after" "$tribune_ok" "$tribune_uncounted"
  check_stored Isso "$isso_before" "$isso_after" "$isso_ok" "$isso_uncounted"
fi

# Anything either server logged at WARNING or above during the run is worth a look.
for log in tribune isso; do
  problems=$(grep -cE 'Traceback|ERROR|CRITICAL|WARNING' "$WORK/$log.log" || true)
  if [ "$problems" -gt 0 ]; then
    cp "$WORK/$log.log" "${RESULT%.txt}.$log.log"
    say "$log logged $problems warning/error lines: see ${RESULT%.txt}.$log.log"
  fi
done
say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
