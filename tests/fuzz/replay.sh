#!/bin/sh
# replay.sh - `make check` runs each libFuzzer target, built as a plain
# program (tests/fuzz/replay.c), on its saved findings,
# tests/fuzz/crashes/fuzz_TARGET-*: each must pass now that its fix is in.
here=$(cd "$(dirname "$0")" && pwd)
status=0
for t in text html filter jsonl; do
    set -- "$here"/crashes/fuzz_"$t"-*
    [ -e "$1" ] || continue
    ./tests/fuzz/replay_"$t" "$@" || { echo "fuzz_$t: a saved finding fails again"; status=1; }
done
exit $status
