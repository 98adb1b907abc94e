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
site_start nginx wrk curl
site_build

say "writing 200 comments under the newest English article"
ARTICLE_PATH=$(timeout 300 "$PY" "$ROOT/manage.py" shell -c \
  "exec(open('$BENCH_DIR/_article_thread.py', encoding='utf-8').read())" 2>>"$WORK/setup.log" |
  sed -n 's/^ARTICLE_PATH=//p')
[ -n "$ARTICLE_PATH" ] || die "no live English article in the demo site"

# The production settings without the anonymous page cache, so that every request is rendered by
# Django (the fragment caches inside the page stay, as in production). Only this copy uses them.
mkdir -p "$WORK/settings"
cat >"$WORK/settings/bench_no_page_cache.py" <<'EOF'
from tribune.settings.production import *  # noqa: F403

MIDDLEWARE = [m for m in MIDDLEWARE if m != "tribune.core.page_cache.AnonymousPageCacheMiddleware"]  # noqa: F405
EOF

start_gunicorn bench_no_page_cache "$WORK/settings"

# The first requests make the image renditions and fill the fragment caches; the page must come
# from Django, not from the page cache.
say "warming up $ARTICLE_PATH"
for _ in 1 2 3; do
  fetch "$APP$ARTICLE_PATH" "$WORK/article.html"
done
curl -sS -D - -o /dev/null "$APP$ARTICLE_PATH" | grep -qi '^x-page-cache' && die "the page cache answered"
shown=$(grep -o '<li class="comment[ "]' "$WORK/article.html" | wc -l)
[ "$shown" -eq 200 ] || die "the page shows $shown comments, not 200"

start_nginx_copy "$WORK/article.html"

# Measure -----------------------------------------------------------------------------------------

versions=$(tribune_versions)
nginx_version=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
wrk_version=$(wrk_version)
cache_kind=files
[ -n "${REDIS_URL:-}" ] && cache_kind=Redis

say "measuring: $ROUNDS rounds × $DURATION s × 2 targets, -c$CONNECTIONS (about $((ROUNDS * DURATION * 2 + WARMUP * 2)) s)"
measure "$PY" "$BENCH_DIR/_wrk_rounds.py" --rounds "$ROUNDS" --duration "$DURATION" \
  --connections "$CONNECTIONS" --threads 1 --warmup "$WARMUP" --ref-label nginx --out "$RESULT" \
  --note "$versions ($WORKERS sync workers, DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE, SQLite, $cache_kind cache), nginx $nginx_version, wrk $wrk_version" \
  --note "article $ARTICLE_PATH with 200 comments ($(kb "$WORK/article.html")), anonymous page cache off, fragment caches warm; nginx serves a copy of it" \
  --target "nginx static copy" "$STATIC/article.html" "$NGINX_PID" \
  --target "gunicorn article" "$APP$ARTICLE_PATH" "$GUNICORN_PID"
keep_logs_with_problems gunicorn
say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
