#!/usr/bin/env bash
# Fault drill: PostgreSQL restarts under a light load on a fresh production stack (deploy/local-stack).
# Requests in the gap must fail with a clean 503, the site must recover by itself within seconds,
# and every comment answered 201 must be stored. Prints what it does and PASS/FAIL lines; exits 1 on
# a FAIL. See bench/README.md. Usage: bench/drill_postgres_restart.sh   (GAP=5 KEEP_STACK=1)
set -euo pipefail

GAP=${GAP:-5}
NAME=bench/drill_postgres_restart.sh
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/_stack.sh
. "$BENCH_DIR/_stack.sh"
case $GAP in '' | *[!0-9.]*) die "GAP must be a number of seconds, not '$GAP'" ;; esac

stack_start
WORK=$STACK_PARENT
say "4 readers with tokens; comment limits lifted so that each may post every 0.1 s"
stack_setup readers 4 pgdrill >"$WORK/tokens.txt" 2>>"$WORK/setup.log" || die "could not create the readers"
say "comment limits for this drill: $(stack_setup limits relaxed 2>>"$WORK/setup.log" | tail -n 1)"
stack_setup articles >"$WORK/articles.json" 2>>"$WORK/setup.log" || die "could not list the articles"

"$PY" "$BENCH_DIR/_drills.py" postgres --site "$SITE" --stack "$STACK_DIR" --work "$WORK" \
  --tokens "$WORK/tokens.txt" --articles "$WORK/articles.json" --gap "$GAP"
