#!/bin/sh
# html-bench.sh - HTML throughput of unboil against the bare libxml2 parse.
#
#     tests/bench/html-bench.sh [INPUT.html ...]
#
# Generates one big page of BENCH_MB megabytes (default 200; 0 skips it)
# from made-up article pages: menus, headers, paragraphs with links and
# entities, lists, tables, figures, inline scripts and styles, comments,
# footers, long attributes.  Runs tests/bench/sax_count (built here if
# missing: a SAX parse that only counts, the ceiling) and
# `$UNBOIL --format=html` (default ./src/unboil) on it and then on each
# INPUT (e.g. the dev set's pages concatenated, NUL-separated: see README;
# an input with NUL bytes is run with -z in both), and prints for
# each input the MB/s per CPU second of both, their ratio (in the same run,
# so the load of the machine matters less than to either figure) and the
# peak RSS of each (GNU time).
#
# Environment: UNBOIL, BENCH_MB, BENCH_DIR (where the input and sax_count
# go; default a fresh directory under ${TMPDIR:-/tmp}), CC.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
unboil=${UNBOIL:-./src/unboil}
mb=${BENCH_MB:-200}
cc=${CC:-cc}
gnutime=/usr/bin/time

if ! "$gnutime" -f %M true >/dev/null 2>&1; then
    echo "html-bench: needs GNU time as $gnutime (apt-get install time)" >&2
    exit 2
fi
case $mb in
    ''|*[!0-9]*) echo "html-bench: BENCH_MB must be a number" >&2; exit 2 ;;
esac

dir=${BENCH_DIR:-}
if [ -z "$dir" ]; then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/html-bench.XXXXXX")
    trap 'rm -rf "$dir"' EXIT INT TERM
fi

sax="$dir/sax_count"
if [ ! -x "$sax" ]; then
    # shellcheck disable=SC2046
    "$cc" -O2 $(pkg-config --cflags libxml-2.0) -o "$sax" \
        "$here/sax_count.c" $(pkg-config --libs libxml-2.0)
fi

if [ "$mb" -gt 0 ]; then
    input="$dir/bench.html"
    echo "html-bench: generating $mb MB of HTML in $input" >&2
    awk -v target="$((mb * 1000000))" '
    function rnd(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return int(seed / 65536) % n }
    function words(n,   s, i) {
        s = w[rnd(nw)]
        for (i = 1; i < n; i++) s = s " " w[rnd(nw)]
        return s
    }
    function sentence(   s) {
        s = words(6 + rnd(14))
        return toupper(substr(s, 1, 1)) substr(s, 2) "."
    }
    function para(   s, k, i) {
        k = 2 + rnd(5); s = ""
        for (i = 0; i < k; i++) {
            s = s sentence() " "
            if (rnd(3) == 0) s = s "<a href=\"https://example.com/" w[rnd(nw)] "/" rnd(100000) "\">" words(2 + rnd(4)) "</a> "
            if (rnd(5) == 0) s = s "<em>" words(2) "</em> &amp; <strong>" words(1) "</strong> &mdash; "
        }
        return "<p>" s "</p>\n"
    }
    function page(n,   s, i, k) {
        s = "<div class=\"page\" id=\"page-" n "\">\n"
        s = s "<header class=\"site-header\" role=\"banner\"><div class=\"logo\"><a href=\"/\"><img src=\"/logo.png\" alt=\"Site\"></a></div>\n"
        s = s "<nav class=\"main-nav\"><ul>"
        for (i = 0; i < 8; i++) s = s "<li class=\"menu-item\"><a href=\"/section/" w[rnd(nw)] "\">" w[rnd(nw)] "</a></li>"
        s = s "</ul></nav></header>\n"
        s = s "<script type=\"text/javascript\">window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} if (a < b && c > d) { gtag(\"js\", new Date()); }</script>\n"
        s = s "<main><article class=\"post type-post hentry\" itemscope><header class=\"entry-header\"><h1 class=\"entry-title\">" sentence() "</h1>\n"
        s = s "<div class=\"entry-meta byline\">By <a href=\"/author/" w[rnd(nw)] "\" rel=\"author\">" words(2) "</a> <time datetime=\"2024-05-0" (1 + rnd(9)) "\">May " (1 + rnd(28)) ", 2024</time></div></header>\n"
        s = s "<div class=\"entry-content\" itemprop=\"articleBody\">\n"
        k = 6 + rnd(12)
        for (i = 0; i < k; i++) {
            s = s para()
            if (rnd(6) == 0) s = s "<h2>" sentence() "</h2>\n"
            if (rnd(8) == 0) s = s "<figure><img src=\"data:image/png;base64," substr(b64, 1, 200 + rnd(3000)) "\" alt=\"" words(4) "\"><figcaption>" sentence() "</figcaption></figure>\n"
            if (rnd(9) == 0) s = s "<ul><li>" words(5) "</li><li>" words(7) "</li><li>" words(4) "</li></ul>\n"
            if (rnd(12) == 0) s = s "<table><tr><th>" w[rnd(nw)] "</th><th>" w[rnd(nw)] "</th></tr><tr><td>" rnd(1000) "</td><td>" rnd(1000) "</td></tr></table>\n"
            if (rnd(10) == 0) s = s "<blockquote><p>" sentence() "</p></blockquote>\n"
            if (rnd(10) == 0) s = s "<!-- ad slot " rnd(100) " --><div class=\"ad-slot\" data-config=\"{&quot;size&quot;:[300,250]}\"></div>\n"
        }
        s = s "</div><footer class=\"entry-footer\"><span class=\"tags-links\">Tags: <a href=\"/tag/x\">" w[rnd(nw)] "</a></span> <div class=\"share-buttons\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div></footer></article>\n"
        s = s "<section id=\"comments\" class=\"comments-area\"><h2>" rnd(50) " Comments</h2><ol class=\"comment-list\">"
        for (i = 0; i < rnd(6); i++) s = s "<li class=\"comment\"><div class=\"comment-author\">" words(2) "</div><p>" sentence() "</p></li>"
        s = s "</ol></section></main>\n"
        s = s "<aside class=\"sidebar widget-area\"><div class=\"widget\"><h3>Related</h3><ul>"
        for (i = 0; i < 5; i++) s = s "<li><a href=\"/p/" rnd(99999) "\">" sentence() "</a></li>"
        s = s "</ul></div></aside>\n"
        s = s "<footer class=\"site-footer\" role=\"contentinfo\"><p>&copy; 2024 Example &middot; <a href=\"/privacy\">Privacy</a></p></footer>\n"
        s = s "<style>.page{margin:0 auto}.x>.y{color:#333}</style>\n</div>\n"
        return s
    }
    BEGIN {
        seed = 42
        nw = split("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when what will more if no out so said who up them some could time into its only than other new about two may first then these like any my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three water find heat",
                   w, " ")
        for (nw = 0; (nw + 1) in w; nw++) ;
        b64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"
        while (length(b64) < 4000) b64 = b64 b64
        print "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark page | Example</title>"
        print "<meta property=\"og:title\" content=\"Benchmark page\"><link rel=\"stylesheet\" href=\"/s.css\"></head><body>"
        size = 0
        for (n = 0; size < target; n++) { s = page(n); printf "%s", s; size += length(s) }
        print "</body></html>"
    }' >"$input"
fi

if [ ! -x "$unboil" ]; then
    echo "html-bench: $unboil not built; only the bare parse is run" >&2
fi

# bench INPUT: the bare parse and unboil on INPUT, one after the other
bench() {
    input=$1
    bytes=$(wc -c <"$input")
    echo "html-bench: input $input, $bytes bytes" >&2

    # sax_count prints its own CPU time; GNU time gives the peak RSS.
    # documents separated by NUL bytes (e.g. the dev set's pages): a fresh
    # parser for each, in both (one parser stops at the first </html>)
    z=
    if [ "$(head -c 100000000 "$input" | tr -cd '\0' | head -c 1 | wc -c)" -gt 0 ]; then
        z=-z
        echo "html-bench: NUL bytes in the input: documents separated by NUL (-z)" >&2
    fi
    # shellcheck disable=SC2086
    sax_out=$("$gnutime" -f 'rss_kb=%M wall=%e' "$sax" $z "$input" 2>&1)
    sax_mbs=$(printf '%s\n' "$sax_out" | sed -n 's/.*MB\/s=\([0-9.]*\).*/\1/p')
    sax_rss=$(printf '%s\n' "$sax_out" | sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p')
    sax_cpu=$(printf '%s\n' "$sax_out" | sed -n 's/.*cpu=\([0-9.]*\).*/\1/p')
    echo "bare SAX parse (sax_count):  $sax_mbs MB/s  (cpu ${sax_cpu}s, peak RSS ${sax_rss} KB)"

    if [ ! -x "$unboil" ]; then
        return 0
    fi
    # shellcheck disable=SC2086
    ub_out=$("$gnutime" -f 'rss_kb=%M user=%U sys=%S wall=%e' "$unboil" --format=html $z \
        <"$input" 2>&1 >/dev/null | tail -n 1)
    ub_cpu=$(printf '%s\n' "$ub_out" | awk '{ for (i = 1; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] } print v["user"] + v["sys"] }')
    ub_rss=$(printf '%s\n' "$ub_out" | sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p')
    awk -v b="$bytes" -v c="$ub_cpu" -v s="$sax_mbs" -v r="$ub_rss" -v z="$z" 'BEGIN {
        m = c > 0 ? b / 1e6 / c : 0
        printf "unboil --format=html %-5s  %.1f MB/s  (cpu %.3fs, peak RSS %d KB)\n", z, m, c, r
        if (s > 0) printf "ratio unboil / bare parse:   %.2f\n", m / s
    }'
}

if [ "$mb" -gt 0 ]; then
    echo "== generated page"
    bench "$dir/bench.html"
fi
for f in "$@"; do
    echo "== $f"
    bench "$f"
done
