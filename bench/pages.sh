#!/usr/bin/env bash
# Requests/s and server CPU per request of Tribune's English home page and one article under
# gunicorn, against nginx serving a saved copy of that article, on a throwaway copy of the site.
# See bench/README.md. Usage: bench/pages.sh   (ROUNDS=5 DURATION=5 CONNECTIONS=8 WORKERS=2)
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-8}
WORKERS=${WORKERS:-2}
WARMUP=${WARMUP:-2}

BENCH_NAME=pages
# shellcheck source=bench/_site.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_site.sh"
site_start nginx wrk curl
site_build

if [ -z "${ARTICLE_PATH:-}" ]; then
  ARTICLE_PATH=$(timeout 120 "$PY" "$ROOT/manage.py" shell -c '
from urllib.parse import urlsplit
from tribune.newsroom.models import ArticlePage
page = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()
print("ARTICLE_PATH=" + (urlsplit(page.get_url()).path if page else ""))
' 2>>"$WORK/setup.log" | sed -n 's/^ARTICLE_PATH=//p')
fi
[ -n "$ARTICLE_PATH" ] || die "no live English article in the demo site"

start_gunicorn tribune.settings.production

# The first requests make the image renditions; later ones must find them ready.
say "warming up /en/ and $ARTICLE_PATH"
for _ in 1 2 3; do
  fetch "$APP/en/" "$WORK/home.html"
  fetch "$APP$ARTICLE_PATH" "$WORK/article.html"
done

start_nginx_copy "$WORK/article.html"

# Measure -----------------------------------------------------------------------------------------

versions=$(tribune_versions)
nginx_version=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
wrk_version=$(wrk_version)

say "measuring: $ROUNDS rounds × $DURATION s × 3 targets, -c$CONNECTIONS (about $((ROUNDS * DURATION * 3 + WARMUP * 3)) s)"
measure "$PY" "$BENCH_DIR/_wrk_rounds.py" --rounds "$ROUNDS" --duration "$DURATION" \
  --connections "$CONNECTIONS" --threads 1 --warmup "$WARMUP" --ref-label nginx --out "$RESULT" \
  --note "$versions ($WORKERS sync workers, DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE, SQLite), nginx $nginx_version, wrk $wrk_version" \
  --note "home /en/ ($(kb "$WORK/home.html")); article $ARTICLE_PATH ($(kb "$WORK/article.html")), nginx serves a copy of it" \
  --target "nginx static copy" "$STATIC/article.html" "$NGINX_PID" \
  --target "gunicorn home" "$APP/en/" "$GUNICORN_PID" \
  --target "gunicorn article" "$APP$ARTICLE_PATH" "$GUNICORN_PID"
keep_logs_with_problems gunicorn
say "table written to ${RESULT#"$ROOT"/}"
exit "$status"
