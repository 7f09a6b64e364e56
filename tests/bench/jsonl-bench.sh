#!/bin/bash
# jsonl-bench.sh - corpus mode: --jsonl throughput, parallel speed-up, and
# the memory of --learn.
#
#     tests/bench/jsonl-bench.sh [MEGABYTES] [LINES]   (default 1000, 10000000)
#
# 1. Makes a JSON Lines corpus of about MEGABYTES (10^6 bytes) from the
#    pages of tests/bench/textgen.c (one page per record in "text", with an
#    "id" and a "url" field), and times `unboil --jsonl` on it, on one core,
#    output to /dev/null: documents/s, MB/s of JSONL in, CPU time, peak RSS.
# 2. The same under GNU parallel on 2 processes (-k --pipe --block 10M):
#    wall-clock speed-up over one process, and that the output is the same.
# 3. Peak RSS of `unboil -z --learn` over LINES distinct short lines (20 per
#    document) against `unboil -z` on the same stream: --learn's table is
#    fixed, so the difference stays about 6 MB whatever LINES is.
#
# Environment: UNBOIL (default ./src/unboil), CC (default cc), BENCH_DIR
# (default a fresh directory under ${TMPDIR:-/tmp}, removed at the end).
# Needs python3, GNU time (/usr/bin/time) and, for step 2, GNU parallel.
set -euo pipefail

mb=${1:-1000}
lines=${2:-10000000}
unboil=${UNBOIL:-./src/unboil}
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "jsonl-bench: $*" >&2; exit 1; }
[[ -x $unboil ]] || die "$unboil: no such program (build first, or set UNBOIL)"
[[ -x /usr/bin/time ]] || die "needs GNU time as /usr/bin/time (apt-get install time)"
command -v python3 >/dev/null || die "needs python3"

if [[ -n ${BENCH_DIR:-} ]]; then
    dir=$BENCH_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-jsonl-bench.XXXXXX")
    trap 'rm -rf "$dir"' EXIT
fi

"${CC:-cc}" -O2 -o "$dir/textgen" "$here/textgen.c"
if [[ ! -s $dir/corpus.jsonl ]]; then
    # textgen's MB are of text; JSON escaping adds a few percent
    "$dir/textgen" "$((mb * 95 / 100))" | python3 -c '
import json, sys
data = sys.stdin.buffer.read().split(b"\0")
out = sys.stdout
for i, page in enumerate(data):
    if not page:
        continue
    rec = {"id": i, "url": "https://example.com/%d/%d" % (i % 997, i),
           "text": page.decode("utf-8", "replace")}
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
' > "$dir/corpus.jsonl"
fi
bytes=$(wc -c < "$dir/corpus.jsonl")
docs=$(wc -l < "$dir/corpus.jsonl")
cat "$dir/corpus.jsonl" > /dev/null     # into the page cache
printf 'corpus: %d records, %.1f MB of JSON Lines\n' "$docs" "$(echo "$bytes / 1000000" | bc -l)"

t0=$(date +%s.%N)
/usr/bin/time -f '%U %S %M' -o "$dir/time1" "$unboil" --jsonl "$dir/corpus.jsonl" > "$dir/out1.jsonl"
t1=$(date +%s.%N)
read -r user sys rss < "$dir/time1"
wall=$(echo "$t1 - $t0" | bc -l)
printf 'unboil --jsonl, 1 process: %.2f s, %.0f documents/s, %.1f MB/s, CPU %.2f s, peak RSS %.1f MiB\n' \
    "$wall" "$(echo "$docs / $wall" | bc -l)" "$(echo "$bytes / 1000000 / $wall" | bc -l)" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)"

if command -v parallel >/dev/null; then
    t0=$(date +%s.%N)
    parallel --will-cite -k -j2 --pipe --block 10M "$unboil" --jsonl < "$dir/corpus.jsonl" > "$dir/out2.jsonl"
    t1=$(date +%s.%N)
    wall2=$(echo "$t1 - $t0" | bc -l)
    same=differs
    cmp -s "$dir/out1.jsonl" "$dir/out2.jsonl" && same="same output"
    printf 'parallel -j2 --pipe: %.2f s, %.1f MB/s, speed-up %.2fx (%s)\n' "$wall2" \
        "$(echo "$bytes / 1000000 / $wall2" | bc -l)" "$(echo "$wall / $wall2" | bc -l)" "$same"
else
    echo "parallel: GNU parallel not found, speed-up not measured (apt-get install parallel)"
fi
rm -f "$dir/out1.jsonl" "$dir/out2.jsonl"

# distinct lines, 20 per document, NUL after each document
gen() { awk -v n="$lines" 'BEGIN { for (i = 1; i <= n; i++) { printf "item %d of the list, line %x\n", i, i * 7919; if (i % 20 == 0) printf "%c", 0 } }'; }
gen > "$dir/lines.z"
/usr/bin/time -f '%M %e' -o "$dir/time3" "$unboil" -z "$dir/lines.z" > /dev/null
/usr/bin/time -f '%M %e' -o "$dir/time4" "$unboil" -z --learn "$dir/lines.z" > /dev/null
read -r rss0 e0 < "$dir/time3"
read -r rss1 e1 < "$dir/time4"
printf '%d distinct lines (%.0f MB): unboil -z peak RSS %.1f MiB (%.1f s), with --learn %.1f MiB (%.1f s)\n' \
    "$lines" "$(echo "$(wc -c < "$dir/lines.z") / 1000000" | bc -l)" \
    "$(echo "$rss0 / 1024" | bc -l)" "$e0" "$(echo "$rss1 / 1024" | bc -l)" "$e1"
