#!/usr/bin/env bash
# Fault drill: Redis stops on a fresh production stack (deploy/local-stack). Pages must still render,
# comments still be accepted and screened (tasks run in the web processes); once Redis is back, the
# work queued before the stop runs and the site uses Redis again. Prints what it does and PASS/FAIL
# lines; exits 1 on a FAIL. See bench/README.md.
# Usage: bench/drill_redis_stop.sh   (DOWN=15 KEEP_STACK=1)
set -euo pipefail

DOWN=${DOWN:-15}
NAME=bench/drill_redis_stop.sh
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/_stack.sh
. "$BENCH_DIR/_stack.sh"
case $DOWN in '' | *[!0-9]*) die "DOWN must be a whole number of seconds, not '$DOWN'" ;; esac

stack_start
WORK=$STACK_PARENT
say "3 readers with tokens; comment limits lifted (all readers share nginx's address)"
stack_setup readers 3 redisdrill >"$WORK/tokens.txt" 2>>"$WORK/setup.log" || die "could not create the readers"
say "comment limits for this drill: $(stack_setup limits relaxed 2>>"$WORK/setup.log" | tail -n 1)"
stack_setup articles >"$WORK/articles.json" 2>>"$WORK/setup.log" || die "could not list the articles"

# The queued task must still wait in Redis when Redis comes back: its delay outlasts the outage.
"$PY" "$BENCH_DIR/_drills.py" redis --site "$SITE" --stack "$STACK_DIR" --work "$WORK" \
  --tokens "$WORK/tokens.txt" --articles "$WORK/articles.json" --down "$DOWN" --delay $((DOWN + 25))
