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
# Tribune's posts are signed by this many readers in turn, as on a busy story (each reader's own
# checks, such as the duplicate text, look at that reader's comments); READERS=1: one reader posts all.
READERS=${READERS:-200}
TOP_LEVEL=50 # each with 3 replies: a 200-comment thread
ISSO_SPEC=${ISSO_SPEC:-isso}
# The goals, as multiples of Isso's req/s: the table says whether the run met them.
READ_TARGET=${READ_TARGET:-10}
POST_TARGET=${POST_TARGET:-1}
# Tribune's shared cache (rate limits, copies of hot rows, page and thread versions): a private Redis,
# as the deploy has, or files on disk as a site without REDIS_URL has.
CACHE=${CACHE:-redis}

HOST_PYTHON=${HOST_PYTHON:-python3}

BENCH_NAME=comments
# shellcheck source=bench/_site.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_site.sh"
case $CACHE in redis | files) ;; *) die "CACHE must be redis or files, not '$CACHE'" ;; esac
[ "$CACHE" = files ] || command -v redis-server >/dev/null ||
  die "redis-server is missing (Debian: apt-get install redis-server), or run with CACHE=files"
"$HOST_PYTHON" -c 'import venv, ensurepip' 2>/dev/null ||
  die "$HOST_PYTHON cannot create virtualenvs for Isso (Debian: apt-get install python3-venv)"

# The cleanup stops the measuring, pip and both servers (_site.sh stops the private Redis itself),
# and shows both servers' logs after a failure.
WORK_PREFIX=tribune-bench-comments
PIP_PID=
TRIBUNE_PID=
ISSO_PID=
STOP_ON_EXIT=(MEASURE_PID PIP_PID ISSO_PID TRIBUNE_PID)
LOGS_ON_FAILURE=(tribune isso)
site_start wrk curl

# Isso goes into a virtualenv of its own, never into the project's; pip runs while the site is built.
ISSO_VENV=$WORK/isso-venv
say "installing $ISSO_SPEC and gunicorn into $ISSO_VENV (in the background)"
{
  "$HOST_PYTHON" -m venv "$ISSO_VENV" &&
    "$ISSO_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ISSO_SPEC" gunicorn
} </dev/null >"$WORK/isso-pip.log" 2>&1 &
PIP_PID=$!

site_cache "$CACHE"
site_build

# READERS readers with a token each; the site's rate limits lifted for the run (duplicate texts are
# still refused, so every posted text is unique); two open English articles without comments: one
# to post to, one for the thread that is read (filled below through the API).
case $READERS in '' | *[!0-9]* | 0) die "READERS must be a whole number of at least 1, not '$READERS'" ;; esac
say "creating $READERS readers with a token each, lifting the comment rate limits"
timeout 120 "$PY" "$BENCH_DIR/_stack_setup.py" readers "$READERS" bench-reader >"$WORK/tokens.txt" 2>>"$WORK/setup.log" ||
  { tail -n 40 "$WORK/setup.log" >&2; die "could not create the readers and their tokens (log above)"; }
timeout 120 "$PY" "$ROOT/manage.py" shell -c '
from tribune.comments import services
from tribune.newsroom.models import ArticlePage

config = services.comment_settings()
if not config.pk:
    raise SystemExit("no default site: cannot store the comment settings")
config.min_seconds_between_comments = 0
config.comments_per_hour = 32767  # the largest a PositiveSmallIntegerField holds
config.save()

candidates = [
    page
    for page in ArticlePage.objects.live().filter(locale__language_code="en", comments__isnull=True)
    .order_by("-published_at").distinct()
    if services.thread_is_open(page, config)
]
if len(candidates) < 2:
    raise SystemExit("need two open English articles without comments in the demo site")
print("POST_ARTICLE=%d" % candidates[0].pk)
print("READ_ARTICLE=%d" % candidates[1].pk)
print("COMMENTS_PER_HOUR=%d" % config.comments_per_hour)
' >"$WORK/tribune-setup.env" 2>>"$WORK/setup.log" || {
  tail -n 40 "$WORK/setup.log" >&2
  die "could not lift the rate limits or pick the articles (log above)"
}
TOKEN=$(head -n 1 "$WORK/tokens.txt")
POST_ARTICLE=$(sed -n 's/^POST_ARTICLE=//p' "$WORK/tribune-setup.env")
READ_ARTICLE=$(sed -n 's/^READ_ARTICLE=//p' "$WORK/tribune-setup.env")
COMMENTS_PER_HOUR=$(sed -n 's/^COMMENTS_PER_HOUR=//p' "$WORK/tribune-setup.env")
if [ -z "$TOKEN" ] || [ -z "$POST_ARTICLE" ] || [ -z "$READ_ARTICLE" ]; then
  die "the setup printed no token or articles"
fi

read -r TRIBUNE_PORT ISSO_PORT < <(free_ports 2)
TRIBUNE=http://127.0.0.1:$TRIBUNE_PORT
ISSO=http://127.0.0.1:$ISSO_PORT

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

versions=$(tribune_versions)
isso_versions=$("$ISSO_VENV/bin/python" -c '
import sys
from importlib.metadata import version
print("Isso %s (Python %s, gunicorn %s)" % (version("isso"), sys.version.split()[0], version("gunicorn")))
')
wrk_version=$(wrk_version)
# A text the house rules publish as it is (see _comments_http.py), so every post is screened and stored.
BODY_TEXT="Thank you for this report ({n}). The figures on the budget are clearer now, and I hope the council reads it too."

say "measuring: $ROUNDS rounds × $DURATION s × 2 operations × 2 servers, -c$CONNECTIONS (about $((ROUNDS * DURATION * 4 + WARMUP * 4)) s)"
measure "$PY" "$BENCH_DIR/_comments_rounds.py" --rounds "$ROUNDS" --duration "$DURATION" \
  --connections "$CONNECTIONS" --threads 1 --warmup "$WARMUP" --out "$RESULT" \
  --posted-out "$WORK/posted.json" --read-label "read 200-comment thread" \
  --note "Tribune: $versions, $WORKERS sync workers, DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE, SQLite, $CACHE cache, production settings; rate limits lifted (0 s between comments, $COMMENTS_PER_HOUR an hour)" \
  --note "Isso: $isso_versions, $WORKERS sync workers, SQLite, guard and moderation off; wrk $wrk_version" \
  --note "read (anonymous): Tribune ${TRIBUNE_READ#"$TRIBUNE"} → $tribune_count comments, $((tribune_bytes / 1024)) KB; Isso ${ISSO_READ#"$ISSO"} → $isso_count comments, $((isso_bytes / 1024)) KB" \
  --note "post: Tribune POST ${TRIBUNE_POST#"$TRIBUNE"} (bearer tokens of $READERS readers in turn); Isso POST ${ISSO_POST#"$ISSO"} (anonymous, author name); unique texts" \
  --read Tribune "$TRIBUNE_PID" "$TRIBUNE_READ" \
  --read Isso "$ISSO_PID" "$ISSO_READ" \
  --post Tribune "$TRIBUNE_PID" "$TRIBUNE_POST" "{\"text\": \"$BODY_TEXT\", \"parent\": null}" \
  --post Isso "$ISSO_PID" "$ISSO_POST" "{\"text\": \"$BODY_TEXT\", \"author\": \"Bench\"}" \
  --post-tokens Tribune "$WORK/tokens.txt" \
  --target read "$READ_TARGET" --target post "$POST_TARGET"

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

keep_logs_with_problems tribune isso
say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
