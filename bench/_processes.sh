# Shared by the benchmark scripts (sourced): waiting for and stopping the processes they start.
# shellcheck shell=bash

alive() {  # running, not a zombie waiting to be reaped
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# shellcheck disable=SC2317 # reached through the EXIT trap
stop() {
  local pid=$1 children
  [ -n "$pid" ] && alive "$pid" || return 0
  children=$(ps -o pid= --ppid "$pid" || true)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  # shellcheck disable=SC2086 # the list of child PIDs is meant to split
  kill -KILL "$pid" $children 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
