#!/bin/bash
# jsonl-memory.sh - --jsonl with huge records and little memory (issue 16,
# items 12 and 13): out of memory is an error (status 1, "out of memory")
# after the records before it are written, never a malformed line, never a
# crash; and the peak RSS of a 200 MB record, which must stay under
# RSS_FACTOR times the record's size.
#
#   UNBOIL       the CLI (default ./src/unboil)
#   RECORD_MB    the big record's size (default 200)
#   RSS_FACTOR   bound on peak RSS / record size (default 2.3)
# Needs python3 and GNU time (/usr/bin/time).  Exit status 0 when every
# check passed.
set -u
UNBOIL=${UNBOIL:-./src/unboil}
RECORD_MB=${RECORD_MB:-200}
RSS_FACTOR=${RSS_FACTOR:-2.3}
case $UNBOIL in /*) ;; */*) UNBOIL=$(cd "$(dirname "$UNBOIL")" && pwd)/$(basename "$UNBOIL") ;; esac
dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-jsonl-mem.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fails=0
check() {   # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then printf 'ok    %-58s %s\n' "$1" "$3"; else printf 'FAIL  %-58s %s\n' "$1" "$3"; fails=$((fails + 1)); fi
}

# records.jsonl: a small record, one of MB megabytes of kept prose, a small one
gen() {   # gen MB FILE
    python3 - "$1" > "$2" <<'PY'
import json, sys
para = ("The committee met on Tuesday to discuss the new budget, and after a long "
        "debate it decided that the money would go to schools.\n\n")
size = int(sys.argv[1]) * 1000000
first = "A first record whose paragraph has enough of the common words in it to be kept."
out = sys.stdout
out.write(json.dumps({"id": 1, "text": first}) + "\n")
out.write(json.dumps({"id": 2, "text": para * (size // len(para))}) + "\n")
out.write(json.dumps({"id": 3, "text": first}) + "\n")
PY
}

# run VLIMIT_KIB FILE ARGS...: exit status (or sigN) in $rc, peak RSS in $rss
run() {
    local vlim=$1 in=$2
    shift 2
    (
        [ "$vlim" = 0 ] || ulimit -v "$vlim"
        exec /usr/bin/time -f '%M' -o "$dir/time" "$UNBOIL" --jsonl "$@" < "$in" > "$dir/out" 2> "$dir/err"
    )
    rc=$(sed -n 's/^Command exited with non-zero status \([0-9]*\)$/\1/p; s/^Command terminated by signal \([0-9]*\)$/sig\1/p' "$dir/time")
    [ -n "$rc" ] || rc=0
    rss=$(tail -n 1 "$dir/time")
}

# Either the record fit (status 0, three records out) or it did not:
# status 1, "out of memory" named, the first record written whole.
outcome() {   # outcome LABEL
    local first lines
    first=$(head -n 1 "$dir/out")
    lines=$(wc -l < "$dir/out")
    if [ "$rc" = 0 ]; then
        check "$1: fits" "$([ "$lines" = 3 ] && ! grep -q malformed "$dir/err"; echo $?)" "exit 0, $lines records"
    else
        check "$1: out of memory, not malformed" \
            "$([ "$rc" = 1 ] && grep -q 'out of memory' "$dir/err" && ! grep -Eq 'malformed|not JSON' "$dir/err"; echo $?)" \
            "exit $rc: $(head -n 1 "$dir/err")"
        check "$1: the record before it written" \
            "$(echo "$first" | grep -q '^{"id": 1, "text": "A first record' && [ "$lines" -ge 1 ]; echo $?)" "$lines record(s) out"
    fi
}

gen 20 "$dir/20.jsonl"
for vlim in 100000 150000; do
    for policy in pass drop; do
        run "$vlim" "$dir/20.jsonl" --on-error="$policy"
        outcome "20 MB record, ulimit -v $vlim, --on-error=$policy"
    done
done

gen "$RECORD_MB" "$dir/big.jsonl"
bytes=$(wc -c < "$dir/big.jsonl")
run 400000 "$dir/big.jsonl"
outcome "$RECORD_MB MB record, ulimit -v 400000"
run 0 "$dir/big.jsonl"
limit=$(awk -v b="$bytes" -v f="$RSS_FACTOR" 'BEGIN { printf "%d", b * f / 1024 }')
check "$RECORD_MB MB record: all out, peak RSS < $RSS_FACTOR x record" \
    "$([ "$rc" = 0 ] && [ "$(wc -l < "$dir/out")" = 3 ] && [ "$rss" -lt "$limit" ]; echo $?)" \
    "exit $rc, peak RSS $((rss / 1024)) MiB for $((bytes / 1048576)) MiB of JSON Lines"

if [ "$fails" -gt 0 ]; then
    echo "FAILED: $fails check(s)"
    exit 1
fi
echo "all --jsonl memory checks passed"
