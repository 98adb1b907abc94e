#!/usr/bin/env bash
# Fault drill: a flood of comment posts from one reader and one address (wrk) on a fresh production
# stack (deploy/local-stack), with the site's default rate limits. The flood must be throttled with
# 429 while another reader's comment and anonymous page reads go through. Prints what it does and
# PASS/FAIL lines; exits 1 on a FAIL. See bench/README.md.
# Usage: bench/drill_flood.sh   (POSTS=10000 CONNECTIONS=20 KEEP_STACK=1)
set -euo pipefail

POSTS=${POSTS:-10000}
CONNECTIONS=${CONNECTIONS:-20}
NAME=bench/drill_flood.sh
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/_stack.sh
. "$BENCH_DIR/_stack.sh"
for name in POSTS CONNECTIONS; do
  case ${!name} in '' | *[!0-9]* | 0) die "$name must be a positive whole number, not '${!name}'" ;; esac
done

stack_start
WORK=$STACK_PARENT
say "3 readers with tokens: one floods, the others post once each"
stack_setup readers 3 flooddrill >"$WORK/tokens.txt" 2>>"$WORK/setup.log" || die "could not create the readers"
say "comment limits for this drill (the site's defaults): $(stack_setup limits default 2>>"$WORK/setup.log" | tail -n 1)"
stack_setup articles >"$WORK/articles.json" 2>>"$WORK/setup.log" || die "could not list the articles"

"$PY" "$BENCH_DIR/_drills.py" flood --site "$SITE" --stack "$STACK_DIR" --work "$WORK" \
  --tokens "$WORK/tokens.txt" --articles "$WORK/articles.json" --posts "$POSTS" --connections "$CONNECTIONS"
