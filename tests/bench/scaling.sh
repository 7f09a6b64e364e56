#!/bin/bash
# scaling.sh - no quadratic corner: CPU time per MB and peak RSS of unboil
# on inputs of growing size, for four shapes of input.
#
#     tests/bench/scaling.sh [MAX_MB]      (default 1000: 1, 10, 100, 1000 MB)
#
#   text    a text dump: paragraphs, menus, blank lines (tests/bench/textgen.c)
#   html    one HTML page that keeps growing (paragraphs, links, lists)
#   line    one line without a newline
#   nest    <div> nested ever deeper, a paragraph at every level
#
# Each input is generated into a file, then timed with GNU time (user+sys
# CPU seconds, peak RSS).  Flat s/MB and flat RSS down a column is the claim.
# Environment: UNBOIL (default ./src/unboil), CC, BENCH_DIR.
set -euo pipefail
max=${1:-1000}
unboil=${UNBOIL:-./src/unboil}
here=$(cd "$(dirname "$0")" && pwd)
[[ -x $unboil ]] || { echo "scaling: $unboil: no such program (build first, or set UNBOIL)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "scaling: needs GNU time (apt-get install time)" >&2; exit 1; }
dir=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/unboil-scaling.XXXXXX")}
[[ -n ${BENCH_DIR:-} ]] || trap 'rm -rf "$dir"' EXIT
"${CC:-cc}" -O2 -o "$dir/textgen" "$here/textgen.c"

# gen KIND MB > file: the input of that shape, MB * 10^6 bytes or a little more
gen() {
    local kind=$1 mb=$2 bytes=$(($2 * 1000000))
    case $kind in
    text) "$dir/textgen" "$mb" ;;
    html) awk -v n="$bytes" 'BEGIN {
            printf "<!DOCTYPE html><html><head><title>Growing page</title></head><body>\n"
            p = "<p>The council met on Tuesday to talk about the <a href=\"/budget\">new budget</a>, and after a long debate it decided to keep the library open &amp; to look again in the spring.</p>\n"
            m = "<ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul>\n"
            for (s = 0; s < n; s += length(p) * 4 + length(m)) { printf "%s%s%s%s%s", p, p, p, p, m }
            printf "</body></html>\n" }' ;;
    line) awk -v n="$bytes" 'BEGIN { w = "lorem ipsum dolor sit amet, consectetur adipiscing elit "
            for (s = 0; s < n; s += length(w)) printf "%s", w }' ;;
    nest) awk -v n="$bytes" 'BEGIN { printf "<html><body>"
            d = "<div class=\"x\"><p>Some words of text at this depth of the page.</p>"
            for (s = 0; s < n; s += length(d)) printf "%s", d
            printf "</body></html>" }' ;;
    esac
}

printf '%-5s %7s %10s %9s %9s\n' kind MB cpu_s s_per_MB rss_KiB
for kind in text html line nest; do
    for mb in 1 10 100 1000; do
        (( mb <= max )) || continue
        gen "$kind" "$mb" > "$dir/in"
        size=$(stat -c %s "$dir/in")
        /usr/bin/time -f '%U %S %M' -o "$dir/t" "$unboil" < "$dir/in" > /dev/null
        read -r u s rss < "$dir/t"
        awk -v k="$kind" -v b="$size" -v u="$u" -v s="$s" -v r="$rss" 'BEGIN {
            mb = b / 1e6; c = u + s
            printf "%-5s %7.0f %10.2f %9.4f %9d\n", k, mb, c, c / mb, r }'
    done
done
