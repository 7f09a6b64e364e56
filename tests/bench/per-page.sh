#!/bin/bash
# per-page.sh - whole-process time per page, start-up included: one unboil
# process per page over a directory of pages, next to `cat` on the same pages.
#
#     tests/bench/per-page.sh DIR [FORMAT]     (FORMAT default html)
#
# Runs `unboil --format=FORMAT PAGE > /dev/null` once per file of DIR (in
# name order), and `cat PAGE > /dev/null` the same way, timing each process
# from the shell (bash's EPOCHREALTIME, no extra process per measure), and
# prints the median and the 95th percentile of each, in milliseconds, and
# the mean CPU time per page (the children's user + system time over all
# pages, which the load of the machine disturbs less than the wall time).
# cat's times are the floor: what starting any process and reading the
# page costs here.  A libtool wrapper (./src/unboil of a build tree) is
# resolved to the real program, so the shell script is not timed.
#
# Environment: UNBOIL (default ./src/unboil), BENCH_RUNS (default 1: passes
# over the pages; each page's time is its best pass).
set -euo pipefail

die() { echo "per-page: $*" >&2; exit 1; }
[[ $# -ge 1 && -d $1 ]] || die "usage: per-page.sh DIR [FORMAT]"
dir=$1
format=${2:-html}
unboil=${UNBOIL:-./src/unboil}
runs=${BENCH_RUNS:-1}
[[ -x $unboil ]] || die "$unboil: no such program (build first, or set UNBOIL)"
[[ -n ${EPOCHREALTIME:-} ]] || die "needs bash 5 (EPOCHREALTIME)"

# the real program behind a libtool wrapper, with its library path
lt=$(dirname "$unboil")/../libtool
if [[ -x $lt ]] && head -c 4096 "$unboil" | grep -q libtool; then
    real=$("$lt" --mode=execute echo "$unboil")
    # shellcheck disable=SC2016
    LD_LIBRARY_PATH=$("$lt" --mode=execute sh -c 'echo "${LD_LIBRARY_PATH:-}"' sh "$unboil")
    export LD_LIBRARY_PATH
    unboil=$real
fi

pages=()
for f in "$dir"/*; do
    [[ -f $f ]] && pages+=("$f")
done
(( ${#pages[@]} > 0 )) || die "$dir: no files"
cat "${pages[@]}" > /dev/null      # into the page cache

us() {   # microseconds from EPOCHREALTIME's seconds.micros
    local s=${1%.*} f=${1#*.}
    echo $((10#$s * 1000000 + 10#$f))
}

# cpu_us: children's user + system time so far, in microseconds.  `times`
# is run by this shell, not in a command substitution's subshell (which has
# no children of its own), and read back from a file.
cpu_us() {
    times > "$tmp/times"
    cpu=$(awk 'NR == 2 { split($0, a, /[ms ]+/); printf "%.0f", (a[1] * 60 + a[2] + a[3] * 60 + a[4]) * 1e6 }' "$tmp/times")
}

# run NAME CMD...: one process per page, best of $runs passes per page;
# prints the sorted times (us) to $tmp/NAME and the CPU us per page to stdout
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unboil-per-page.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run() {
    local name=$1 i p t0 t1 d c0 c1
    shift
    local -a best=()
    cpu_us
    c0=$cpu
    for ((r = 0; r < runs; r++)); do
        for ((i = 0; i < ${#pages[@]}; i++)); do
            p=${pages[i]}
            t0=$EPOCHREALTIME
            "$@" "$p" > /dev/null || true
            t1=$EPOCHREALTIME
            d=$(( $(us "$t1") - $(us "$t0") ))
            if [[ -z ${best[i]:-} ]] || (( d < best[i] )); then best[i]=$d; fi
        done
    done
    cpu_us
    c1=$cpu
    printf '%s\n' "${best[@]}" | sort -n > "$tmp/$name"
    echo $(( (c1 - c0) / (runs * ${#pages[@]}) ))
}

cat_cpu=$(run cat cat)
ub_cpu=$(run unboil "$unboil" --format="$format")
bytes=$(cat "${pages[@]}" | wc -c)

stats() {   # NAME CPU_US LABEL
    awk -v cpu="$2" -v label="$3" '{ t[NR] = $1 } END {
        m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.999999)]
        printf "%-28s median %7.2f ms   p95 %7.2f ms   mean CPU %6.2f ms/page\n", label, m / 1000, p / 1000, cpu / 1000 }' "$tmp/$1"
}
printf '%d pages, %.1f KB on average; whole process, wall, best of %d pass(es)\n' \
    "${#pages[@]}" "$(echo "$bytes / ${#pages[@]} / 1000" | bc -l)" "$runs"
stats cat "$cat_cpu" "cat"
stats unboil "$ub_cpu" "unboil --format=$format"
