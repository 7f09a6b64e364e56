#!/bin/bash
# text-bench.sh - throughput and memory of unboil's text mode.
#
#     tests/bench/text-bench.sh [MEGABYTES]       (default 500)
#
# Generates a deterministic stream of web-page text dumps (tests/bench/
# textgen.c: menus, breadcrumbs, headlines, paragraphs, a third of the pages
# hard-wrapped, share rows, related links, comment sections, footers, some
# non-ASCII; NUL between pages, as in a crawl), then, in the same run and on
# one core, reads it from the page cache with `cat` and with `unboil -z`,
# both writing to /dev/null.  Prints the MB/s of each (best of BENCH_RUNS
# runs, 10^6 bytes), unboil's speed as a ratio of cat's, unboil's CPU time
# and peak RSS (GNU time).  Targets: >= 150 MB/s, peak RSS < 10 MiB.
#
# Environment: UNBOIL (default ./src/unboil), CC (default cc),
# BENCH_RUNS (default 3), BENCH_DIR (where the stream goes; default a fresh
# directory under ${TMPDIR:-/tmp}, removed at the end).
set -euo pipefail

mb=${1:-500}
runs=${BENCH_RUNS:-3}
unboil=${UNBOIL:-./src/unboil}
here=$(cd "$(dirname "$0")" && pwd)

die() { echo "text-bench: $*" >&2; exit 1; }

[[ -x $unboil ]] || die "$unboil: no such program (build first, or set UNBOIL)"
if [[ ! -x /usr/bin/time ]]; then
    if [[ $(id -u) = 0 ]] && command -v apt-get >/dev/null; then
        apt-get install -y -qq --no-install-recommends time >/dev/null ||
            die "could not install GNU time (apt-get install time)"
    else
        die "needs GNU time as /usr/bin/time (apt-get install time)"
    fi
fi

if [[ -n ${BENCH_DIR:-} ]]; then
    dir=$BENCH_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-bench.XXXXXX")
    trap 'rm -rf "$dir"' EXIT
fi

# on one core, the same for both, when taskset is there
pin=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
fi

"${CC:-cc}" -O2 -o "$dir/textgen" "$here/textgen.c"
stream=$dir/stream.txt
t0=$(date +%s%N)
"$dir/textgen" "$mb" > "$stream"
t1=$(date +%s%N)
bytes=$(stat -c %s "$stream")
pages=$(tr -cd '\0' < "$stream" | wc -c)
awk -v b="$bytes" -v p="$pages" -v ns=$((t1 - t0)) -v f="$stream" 'BEGIN {
    printf "stream: %d bytes, %d pages, generated in %.1f s (%s)\n", b, p, ns / 1e9, f }'
cat "$stream" > /dev/null   # into the page cache

# ns of the fastest of $runs runs of "$@" < stream > /dev/null
best_ns() {
    local best=0 t0 t1 i
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        "${pin[@]}" "$@" < "$stream" > /dev/null
        t1=$(date +%s%N)
        if (( best == 0 || t1 - t0 < best )); then best=$((t1 - t0)); fi
    done
    echo "$best"
}

cat_ns=$(best_ns cat)
unboil_ns=$(best_ns "$unboil" -z)
# peak RSS (KiB) and CPU seconds in one more run, under GNU time; CPU time
# is less disturbed than wall time when other work shares the machine
read -r rss_kib cpu_s < <("${pin[@]}" /usr/bin/time -f '%M %U %S' "$unboil" -z < "$stream" 2>&1 >/dev/null |
    tail -1 | awk '{ print $1, $2 + $3 }')
kept=$("$unboil" -z < "$stream" | wc -c)

awk -v b="$bytes" -v c="$cat_ns" -v u="$unboil_ns" -v r="$rss_kib" -v k="$kept" -v cpu="$cpu_s" \
    -v runs="$runs" -v pin="${pin[*]:-(not pinned)}" 'BEGIN {
    cm = b / (c / 1e9) / 1e6; um = b / (u / 1e9) / 1e6
    printf "one core: %s; best of %d runs; MB = 10^6 bytes\n", pin, runs
    printf "cat:      %9.1f MB/s  (%.2f s)\n", cm, c / 1e9
    printf "unboil:   %9.1f MB/s  (%.2f s)  = %.3f x cat\n", um, u / 1e9, um / cm
    printf "unboil CPU time: %.2f s, %.1f MB per CPU second\n", cpu, (cpu > 0 ? b / cpu / 1e6 : 0)
    printf "unboil peak RSS: %.1f MiB (%d KiB)\n", r / 1024, r
    printf "unboil kept %.1f%% of the bytes\n", 100 * k / b
    ok = um >= 150 && r < 10240
    printf "targets (>= 150 MB/s, < 10 MiB): %s\n", ok ? "met" : "NOT met"
}'
