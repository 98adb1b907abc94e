#!/usr/bin/env bash
# Requests/s and server CPU per request of an article page with 200 published comments rendered by
# gunicorn with the anonymous page cache out of the way (fragment caches warm), against nginx serving
# a saved copy of that page, on a throwaway copy of the site.
# See bench/README.md. Usage: bench/article.sh   (ROUNDS=5 DURATION=5 CONNECTIONS=8 WORKERS=2)
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-8}
WORKERS=${WORKERS:-2}
WARMUP=${WARMUP:-2}

BENCH_NAME=article
# shellcheck source=bench/_site.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_site.sh"

say "writing 200 comments under the newest English article"
ARTICLE_PATH=$(timeout 300 "$PY" "$ROOT/manage.py" shell -c \
  "exec(open('$BENCH_DIR/_article_thread.py', encoding='utf-8').read())" 2>>"$WORK/setup.log" |
  sed -n 's/^ARTICLE_PATH=//p')
[ -n "$ARTICLE_PATH" ] || die "no live English article in the demo site"

read -r APP_PORT STATIC_PORT < <("$PY" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
')
APP=http://127.0.0.1:$APP_PORT
STATIC=http://127.0.0.1:$STATIC_PORT

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

# The production settings without the anonymous page cache, so that every request is rendered by
# Django (the fragment caches inside the page stay, as in production). Only this copy uses them.
mkdir -p "$WORK/settings"
cat >"$WORK/settings/bench_no_page_cache.py" <<'EOF'
from tribune.settings.production import *  # noqa: F403

MIDDLEWARE = [m for m in MIDDLEWARE if m != "tribune.core.page_cache.AnonymousPageCacheMiddleware"]  # noqa: F405
EOF

# gunicorn ≥ 25.1 opens a control socket in ~/.gunicorn, which two runs at once would share.
gunicorn_opts=(--workers "$WORKERS" --worker-class sync --timeout 60)
"$VENV/bin/gunicorn" --help | grep -q -- --no-control-socket && gunicorn_opts+=(--no-control-socket)
say "starting gunicorn ($WORKERS sync workers) on $APP"
PYTHONPATH="$WORK/settings${PYTHONPATH:+:$PYTHONPATH}" DJANGO_SETTINGS_MODULE=bench_no_page_cache \
  "$VENV/bin/gunicorn" tribune.wsgi:application --chdir "$ROOT" --bind "127.0.0.1:$APP_PORT" \
  "${gunicorn_opts[@]}" </dev/null >>"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
wait_for "$APP/" "$GUNICORN_PID" gunicorn

# The first requests make the image renditions and fill the fragment caches; the page must come
# from Django, not from the page cache.
say "warming up $ARTICLE_PATH"
for _ in 1 2 3; do
  fetch "$APP$ARTICLE_PATH" "$WORK/article.html"
done
curl -sS -D - -o /dev/null "$APP$ARTICLE_PATH" | grep -qi '^x-page-cache' && die "the page cache answered"
shown=$(grep -o '<li class="comment[ "]' "$WORK/article.html" | wc -l)
[ "$shown" -eq 200 ] || die "the page shows $shown comments, not 200"

# The nginx workers drop root privileges: they must be able to read the copy.
mkdir -p "$WORK/nginx/html" "$WORK/nginx/tmp"
cp "$WORK/article.html" "$WORK/nginx/html/article.html"
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
cmp -s "$WORK/article.html" "$WORK/article-nginx.html" || die "nginx does not serve the saved copy"

# Measure -----------------------------------------------------------------------------------------

versions=$("$PY" -c '
import sys
from importlib.metadata import version
print("Python %s, Django %s, Wagtail %s, gunicorn %s"
      % (sys.version.split()[0], version("django"), version("wagtail"), version("gunicorn")))
')
nginx_version=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
wrk_version=$({ wrk -v 2>&1 || true; } | sed -n '1s/^wrk \([^ ]*\).*/\1/p')
cache_kind=files
[ -n "${REDIS_URL:-}" ] && cache_kind=Redis
kb() { echo "$(($(wc -c <"$1") / 1024)) KB"; }

say "measuring: $ROUNDS rounds × $DURATION s × 2 targets, -c$CONNECTIONS (about $((ROUNDS * DURATION * 2 + WARMUP * 2)) s)"
# In the background so that a signal to this script is handled at once, not after the last round.
"$PY" "$BENCH_DIR/_wrk_rounds.py" --rounds "$ROUNDS" --duration "$DURATION" \
  --connections "$CONNECTIONS" --threads 1 --warmup "$WARMUP" --ref-label nginx --out "$RESULT" \
  --note "$versions ($WORKERS sync workers, DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE, SQLite, $cache_kind cache), nginx $nginx_version, wrk $wrk_version" \
  --note "article $ARTICLE_PATH with 200 comments ($(kb "$WORK/article.html")), anonymous page cache off, fragment caches warm; nginx serves a copy of it" \
  --target "nginx static copy" "$STATIC/article.html" "$NGINX_PID" \
  --target "gunicorn article" "$APP$ARTICLE_PATH" "$GUNICORN_PID" &
MEASURE_PID=$!
status=0
wait "$MEASURE_PID" || status=$?
MEASURE_PID=

# Anything the application logged at WARNING or above during the run is worth a look.
problems=$(grep -cE 'Traceback|ERROR|CRITICAL|WARNING' "$WORK/gunicorn.log" || true)
if [ "$problems" -gt 0 ]; then
  cp "$WORK/gunicorn.log" "${RESULT%.txt}.gunicorn.log"
  say "gunicorn logged $problems warning/error lines: see ${RESULT%.txt}.gunicorn.log"
fi
say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
