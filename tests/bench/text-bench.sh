#!/bin/bash
# text-bench.sh - throughput and memory of unboil's text mode, against the
# ceiling of its work and against `wc -w`.
#
#     tests/bench/text-bench.sh [MEGABYTES | FILE]      (default 500)
#
# With MEGABYTES, generates a deterministic stream of web-page text dumps
# (tests/bench/textgen.c: menus, breadcrumbs, headlines, paragraphs, a third
# of the pages hard-wrapped, share rows, related links, comment sections,
# footers, some non-ASCII; NUL between pages, as in a crawl).  With FILE,
# runs on that instead (e.g. real dumps, NUL-separated; see README).
# Then, in the same run and on one core, reads it from the page cache with
# `cat`, tests/bench/line_count (built here: a memchr line split that counts
# bytes, words and character classes per line without a branch per byte,
# the ceiling of text mode), `wc -w` in a UTF-8 locale, and `unboil -z`, all
# writing to /dev/null.  Prints the MB/s of each (best of BENCH_RUNS runs,
# 10^6 bytes) by wall time and per CPU second, unboil's speed as a ratio of
# each (the CPU-time ratio is the one to trust on a loaded machine), unboil's
# peak RSS (GNU time), and the targets of the speed issue: >= 0.8 x the
# ceiling and >= 1.5 x `wc -w`, peak RSS < 10 MiB.
#
# Environment: UNBOIL (default ./src/unboil), CC (default cc),
# BENCH_RUNS (default 3), BENCH_DIR (where the stream and line_count go;
# default a fresh directory under ${TMPDIR:-/tmp}, removed at the end),
# BENCH_LOCALE (for wc; default C.UTF-8).
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

cc=${CC:-cc}
"$cc" -O2 -o "$dir/line_count" "$here/line_count.c"
if [[ $mb =~ ^[0-9]+$ ]]; then
    "$cc" -O2 -o "$dir/textgen" "$here/textgen.c"
    stream=$dir/stream.txt
    t0=$(date +%s%N)
    "$dir/textgen" "$mb" > "$stream"
    t1=$(date +%s%N)
    what="generated in $(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f s", ns / 1e9 }')"
else
    [[ -f $mb && -r $mb ]] || die "$mb: neither a number of megabytes nor a readable file"
    stream=$mb
    what="given"
fi
bytes=$(stat -c %s "$stream")
pages=$(tr -cd '\0' < "$stream" | wc -c)
awk -v b="$bytes" -v p="$pages" -v w="$what" -v f="$stream" 'BEGIN {
    printf "stream: %d bytes, %d pages, %s (%s)\n", b, p, w, f }'
cat "$stream" > /dev/null   # into the page cache

loc=${BENCH_LOCALE:-C.UTF-8}

# "WALL_NS CPU_S" of the fastest of $runs runs of "$@" < stream > /dev/null,
# each the best over the runs (CPU time from GNU time, user + system)
best() {
    local bw=0 bc='' t0 t1 i c
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        "${pin[@]}" /usr/bin/time -f '%U %S' -o "$dir/cpu" "$@" < "$stream" > /dev/null
        t1=$(date +%s%N)
        if (( bw == 0 || t1 - t0 < bw )); then bw=$((t1 - t0)); fi
        c=$(awk '{ print $1 + $2 }' "$dir/cpu")
        if [[ -z $bc ]] || awk -v a="$c" -v b="$bc" 'BEGIN { exit !(a < b) }'; then bc=$c; fi
    done
    echo "$bw $bc"
}

read -r cat_ns cat_cpu < <(best cat)
read -r lc_ns lc_cpu < <(best "$dir/line_count")
read -r wc_ns wc_cpu < <(best env LC_ALL="$loc" wc -w)
read -r unboil_ns unboil_cpu < <(best "$unboil" -z)
rss_kib=$("${pin[@]}" /usr/bin/time -f '%M' "$unboil" -z < "$stream" 2>&1 >/dev/null | tail -1)
kept=$("$unboil" -z < "$stream" | wc -c)

awk -v b="$bytes" -v runs="$runs" -v pin="${pin[*]:-(not pinned)}" -v loc="$loc" \
    -v cn="$cat_ns" -v cc="$cat_cpu" -v ln="$lc_ns" -v lc="$lc_cpu" \
    -v wn="$wc_ns" -v wc="$wc_cpu" -v un="$unboil_ns" -v uc="$unboil_cpu" \
    -v r="$rss_kib" -v k="$kept" '
    function mbs(t) { return t > 0 ? b / t / 1e6 : 0 }
    function ratio(a, c) { return c > 0 ? a / c : 0 }
    function row(name, ns, cpu) {
        printf "%-22s %9.1f MB/s wall (%.2f s)  %9.1f MB/s per CPU s (%.2f s)\n",
            name, mbs(ns / 1e9), ns / 1e9, mbs(cpu), cpu }
    BEGIN {
    printf "one core: %s; best of %d runs; MB = 10^6 bytes\n", pin, runs
    row("cat", cn, cc)
    row("ceiling (line_count)", ln, lc)
    row("wc -w (" loc ")", wn, wc)
    row("unboil -z", un, uc)
    uw = mbs(un / 1e9); ucpu = mbs(uc)
    printf "unboil / cat:          %.3f wall\n", ratio(uw, mbs(cn / 1e9))
    printf "unboil / ceiling:      %.2f wall, %.2f CPU\n", ratio(uw, mbs(ln / 1e9)), ratio(ucpu, mbs(lc))
    printf "unboil / wc -w:        %.2f wall, %.2f CPU\n", ratio(uw, mbs(wn / 1e9)), ratio(ucpu, mbs(wc))
    printf "unboil peak RSS: %.1f MiB (%d KiB)\n", r / 1024, r
    printf "unboil kept %.1f%% of the bytes\n", 100 * k / b
    ok = lc > 0 && wc > 0 && ratio(ucpu, mbs(lc)) >= 0.8 && ratio(ucpu, mbs(wc)) >= 1.5 && r < 10240
    printf "targets (CPU: >= 0.8 x ceiling, >= 1.5 x wc -w; < 10 MiB): %s\n", ok ? "met" : "NOT met"
}'
