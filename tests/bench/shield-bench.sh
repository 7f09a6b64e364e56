#!/bin/bash
# shield-bench.sh - the shapes that make libxml2 2.9.14 quadratic, through
# unboil: CPU seconds and peak RSS as the input doubles (src/lib/html_shield.h).
#
#     tests/bench/shield-bench.sh [N]      (default 200000: N/4, N/2, N, 2N, 4N)
#
#   attrs   one <div> with N attributes:  <div a1="x" a2="x" ...>x</div>
#   stray   N nested <div>, then N unmatched </span>
#   tag     one start tag of N*10 bytes in a quoted value
#   subset  a DOCTYPE internal subset of N*10 bytes before the page
#
# Flat seconds per unit down a column is the claim (time linear in size).
# Environment: UNBOIL (default ./src/unboil), BENCH_DIR.
set -euo pipefail
n=${1:-200000}
unboil=${UNBOIL:-./src/unboil}
[[ -x $unboil ]] || { echo "shield-bench: $unboil: no such program (build first, or set UNBOIL)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "shield-bench: needs GNU time (apt-get install time)" >&2; exit 1; }
dir=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/unboil-shield.XXXXXX")}
[[ -n ${BENCH_DIR:-} ]] || trap 'rm -rf "$dir"' EXIT

gen() {   # gen KIND COUNT > file
    local kind=$1 c=$2
    case $kind in
    attrs)  awk -v c="$c" 'BEGIN { printf "<html><body><div"
                for (i = 1; i <= c; i++) printf " a%d=\"x\"", i; printf ">x</div>" }' ;;
    stray)  awk -v c="$c" 'BEGIN { printf "<html><body>"; for (i = 0; i < c; i++) printf "<div>"
                printf "x"; for (i = 0; i < c; i++) printf "</span>" }' ;;
    tag)    awk -v c="$c" 'BEGIN { printf "<html><body><p title=\""
                for (i = 0; i < c; i++) printf "AAAAAAAAAA"; printf "\">x</p>" }' ;;
    subset) awk -v c="$c" 'BEGIN { printf "<!DOCTYPE html ["
                for (i = 0; i < c; i++) printf "AAAAAAAAAA"; printf "]><p>x</p>" }' ;;
    esac
}

printf '%-7s %10s %10s %9s %12s %9s\n' shape count MB cpu_s us_per_unit rss_MiB
for kind in attrs stray tag subset; do
    for c in $((n / 4)) $((n / 2)) "$n" $((n * 2)) $((n * 4)); do
        f=$dir/$kind-$c.html
        gen "$kind" "$c" > "$f"
        /usr/bin/time -f '%U %S %M' -o "$dir/time" "$unboil" "$f" > /dev/null
        read -r u s m < "$dir/time"
        awk -v k="$kind" -v c="$c" -v b="$(stat -c %s "$f")" -v u="$u" -v s="$s" -v m="$m" \
            'BEGIN { t = u + s; printf "%-7s %10d %10.1f %9.2f %12.3f %9.1f\n", k, c, b / 1e6, t, t / c * 1e6, m / 1024 }'
        rm -f "$f"
    done
done
