#!/bin/bash
# run.sh - hostile inputs (issue 5): each generated on the fly, run through
# the CLI under /usr/bin/time with a timeout, checked against its defined
# outcome, and printed as a table: input, exit status, stdout bytes, first
# line of stderr, peak RSS (KiB), seconds, verdict.
#
#   UNBOIL        the CLI (default ./src/unboil); builds nothing itself
#   HOSTILE_DIR   where inputs are generated (default: a temp dir, removed)
#   TIMEOUT       seconds per run (default 120)
#   RSS_MAX_KIB   peak RSS bound for every input (default 65536)
#   VLIMIT_KIB    also run each input marked "fits" under ulimit -v this
#                 (default 65536; 0 skips that pass)
#   ONLY          a regex: run only the inputs whose name matches
#
# Exit status 0 when every input had its outcome, 1 otherwise.
set -u
UNBOIL=${UNBOIL:-./src/unboil}
TIMEOUT=${TIMEOUT:-120}
RSS_MAX_KIB=${RSS_MAX_KIB:-65536}
VLIMIT_KIB=${VLIMIT_KIB:-65536}
ONLY=${ONLY:-.}
if [ ! -x "$UNBOIL" ] && ! command -v "$UNBOIL" >/dev/null 2>&1; then
    echo "run.sh: no CLI at $UNBOIL (set UNBOIL)" >&2
    exit 2
fi
case $UNBOIL in /*) ;; */*) UNBOIL=$(cd "$(dirname "$UNBOIL")" && pwd)/$(basename "$UNBOIL") ;; esac
# (a libtool wrapper script is fine: it execs the binary, same process)
if [ -n "${HOSTILE_DIR:-}" ]; then
    dir=$HOSTILE_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-hostile.XXXXXX")
    trap 'rm -rf "$dir"' EXIT
fi

para='The committee met on Tuesday to discuss the new budget, and after a long debate it decided that the money would go to schools and hospitals in the north of the country.'
# what follows a hostile construct, when it must survive it
tail='Afterwards the mayor said that the harbour bridge would reopen in the spring, once the engineers had finished their work on the old cables.'

rep() {   # rep STRING COUNT: STRING repeated COUNT times, fast
    local s=$1 n=$2
    yes "$s" | head -n "$n" | tr -d '\n'
}

# ---- the inputs ----------------------------------------------------------
# gen NAME: writes $dir/NAME.in.  The table below gives each its outcome.
gen() {
    local f=$dir/$1.in
    [ -s "$f" ] || [ "$1" = empty ] && [ -e "$f" ] && return 0
    case $1 in
    empty) : > "$f" ;;
    whitespace) { rep ' ' 10000; printf '\n\n\t\t\r\n\f\v\n'; yes '   ' | head -n 10000; } > "$f" ;;
    no-newline) rep "$para " 2000 > "$f" ;;
    line-100MB) head -c 100000000 /dev/zero | tr '\0' 'a' > "$f" ;;
    line-100MB-words) yes 'word ' | head -c 100000000 | tr -d '\n' > "$f" ;;
    lines-1M-1char) yes a | head -n 1000000 > "$f" ;;
    nul-text) { for _ in 1 2 3 4 5; do printf '%s\0%s\n\0\0\n' "$para" "$para"; done; } > "$f" ;;
    invalid-utf8) { printf '%s\n' "$para"; printf '\377\376\300\200 \355\240\200 \364\220\200\200 \200\200\200 \342\202 \n'; printf '%s\n' "$para"; } > "$f" ;;
    overlong-utf8) { printf '<p>%s \300\274script\300\276 \340\200\257 \360\200\200\257 \370\210\200\200\200</p>\n' "$para"; } > "$f" ;;
    utf16le-bom-html) printf '<html><body><p>%s</p></body></html>' "$para" | iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > "$f" ;;
    utf16le-nobom-html) printf '<html><body><p>%s</p></body></html>' "$para" | iconv -f UTF-8 -t UTF-16LE > "$f" ;;
    utf16be-bom-text) printf '%s\n%s\n' "$para" "$para" | iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } > "$f" ;;
    utf16le-nobom-text|utf16le-declared-text) printf '%s\n%s\n' "$para" "$para" | iconv -f UTF-8 -t UTF-16LE > "$f" ;;
    random-binary) LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 4000; i++) printf "%c", int(rand() * 256) }' > "$f" ;;
    wrong-charset-meta) printf '<html><head><meta charset="utf-8"></head><body><p>Caf\351 cr\350me: %s</p></body></html>\n' "$para" > "$f" ;;
    wrong-charset-option) printf '\320\237\321\200\320\270\320\262\320\265\321\202 \320\274\320\270\321\200: %s\n' "$para" > "$f" ;;
    html-cut-in-tag) printf '<html><body><p>%s</p><p>%s</p><div class="art' "$para" "$tail" > "$f" ;;
    gzip) printf '<p>%s</p>\n' "$para" | gzip -c > "$f" ;;
    zip) printf '\120\113\003\004\024\000\000\000\010\000' > "$f"; head -c 2000 /dev/urandom >> "$f" ;;
    pdf) { printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'; head -c 2000 /dev/urandom; } > "$f" ;;
    png) { printf '\211PNG\r\n\032\n\000\000\000\015IHDR'; head -c 2000 /dev/urandom; } > "$f" ;;
    nest-1M) { printf '<html><body>'; rep '<div>' 1000000; printf '<p>%s</p>' "$para"; rep '</div>' 1000000; printf '<p>%s</p></body></html>\n' "$tail"; } > "$f" ;;
    nest-1M-unclosed) { printf '<html><body>'; rep '<b><i>' 500000; printf '<p>%s</p>' "$para"; } > "$f" ;;
    attr-10MB) { printf '<html><body><p>%s</p><div title="' "$para"; head -c 10000000 /dev/zero | tr '\0' 'x'; printf '">in div</div><p>%s</p></body></html>\n' "$tail"; } > "$f" ;;
    attr-10MB-unclosed) { printf '<html><body><p>%s</p><div title="' "$para"; head -c 10000000 /dev/zero | tr '\0' 'x'; printf '>in div</div><p>%s</p></body></html>\n' "$para"; } > "$f" ;;
    comment-unclosed) { printf '<html><body><p>%s</p><!-- ' "$para"; rep "<p>$para</p>" 50000; } > "$f" ;;
    script-unclosed) { printf '<html><body><p>%s</p><script>' "$para"; rep 'var x = "<p>no</p>"; ' 500000; } > "$f" ;;
    script-never-ends-50MB) { printf '<html><head><script>'; yes 'if (a < b && c > d) { x = "</scr" + "ipt>"; }' | head -c 50000000; } > "$f" ;;
    cdata-unclosed) { printf '<html><body><p>%s</p><![CDATA[ ' "$para"; rep "<p>$para</p>" 50000; } > "$f" ;;
    entities-3M) { printf '<html><body><p>'; rep '&amp;&eacute;&#233;&#x1F600;&nbsp;' 600000; printf '</p><p>%s</p></body></html>\n' "$tail"; } > "$f" ;;
    entities-bad-3M) { printf '<html><body><p>'; rep '&bogus;&#0;&#xD800;&#99999999;&' 600000; printf '</p></body></html>\n'; } > "$f" ;;
    z-100k-empty) head -c 100000 /dev/zero > "$f" ;;
    z-100k-small) yes "<p>$para</p>" | head -n 100000 | tr '\n' '\0' > "$f" ;;
    tags-no-gt) { printf '<html><body><p>%s</p>' "$para"; rep '<a href=x ' 1000000; } > "$f" ;;
    text-no-lt-50MB) { printf '<html><body><p>'; yes "$para" | head -c 50000000; } > "$f" ;;
    *) echo "gen: unknown input $1" >&2; return 1 ;;
    esac
}

# NAME | ARGS | EXPECT (exit:STATUS, out:EMPTY|NONEMPTY|ANY|NUL=N|HAS=WORD, err:REGEX) | fits in ulimit -v
# (HAS= checks run with -x: the block reached the engine, whatever the model decided)
cases='
empty||0 EMPTY -|fits
whitespace||0 ANY -|fits
no-newline||0 NONEMPTY -|fits
line-100MB||0 ANY -|fits
line-100MB-words||0 ANY -|fits
lines-1M-1char||0 ANY -|fits
nul-text|-f text|0 NONEMPTY -|fits
invalid-utf8||0 NONEMPTY -|fits
overlong-utf8||0 NONEMPTY -|fits
utf16le-bom-html||0 NONEMPTY -|fits
utf16le-nobom-html||1 EMPTY looks like|fits
utf16be-bom-text||0 NONEMPTY -|fits
utf16le-nobom-text||1 EMPTY needs -e utf-16le|fits
utf16le-declared-text|-e utf-16le|0 NONEMPTY -|fits
random-binary||1 EMPTY looks like binary|fits
wrong-charset-meta||0 NONEMPTY -|fits
wrong-charset-option|-e windows-1252|0 NONEMPTY -|fits
html-cut-in-tag|-x|0 HAS=Afterwards -|fits
gzip||1 EMPTY looks like gzip|fits
zip||1 EMPTY looks like a zip|fits
pdf||1 EMPTY looks like a PDF|fits
png||1 EMPTY looks like a PNG|fits
nest-1M|-x|0 HAS=Afterwards -|fits
nest-1M-unclosed||0 ANY -|fits
attr-10MB|-x|0 HAS=Afterwards -|fits
attr-10MB-unclosed||0 ANY -|fits
comment-unclosed||0 ANY -|fits
script-unclosed||0 ANY -|fits
script-never-ends-50MB||0 ANY -|fits
cdata-unclosed||0 ANY -|fits
entities-3M|-x|0 HAS=Afterwards -|fits
entities-bad-3M||0 ANY -|fits
z-100k-empty|-z|0 NUL=100000 -|fits
z-100k-small|-z|0 NUL=100000 -|fits
tags-no-gt|-x|0 HAS=committee -|fits
text-no-lt-50MB||0 NONEMPTY -|fits
'

row() { printf '%-24s %-8s %-6s %-5s %10s %-44.44s %9s %7s %s\n' "$@"; }

run_pass() {   # run_pass LABEL VLIMIT
    local label=$1 vlim=$2
    echo
    echo "== $label"
    row input args vlim exit stdout 'stderr (first line)' 'RSS KiB' seconds verdict
    local IFS_save=$IFS
    echo "$cases" | while IFS='|' read -r name args expect fits; do
        [ -n "$name" ] || continue
        echo "$name" | grep -Eq "$ONLY" || continue
        [ "$vlim" = 0 ] || [ "$fits" = fits ] || continue
        gen "$name" || { echo "$name" >> "$dir/failed"; continue; }
        local in=$dir/$name.in out=$dir/out err=$dir/err tm=$dir/time
        # shellcheck disable=SC2086
        (
            [ "$vlim" = 0 ] || ulimit -v "$vlim"
            exec /usr/bin/time -f '%M %e' -o "$tm" timeout -s KILL "$TIMEOUT" "$UNBOIL" $args < "$in" > "$out" 2> "$err"
        )
        local rc
        rc=$(sed -n 's/^Command exited with non-zero status \([0-9]*\)$/\1/p; s/^Command terminated by signal \([0-9]*\)$/sig\1/p' "$tm")
        [ -n "$rc" ] || rc=0
        [ "$rc" = 137 ] && rc=timeout
        local rss secs
        read -r rss secs < <(tail -n 1 "$tm")
        local obytes
        obytes=$(wc -c < "$out")
        local e1
        e1=$(head -n 1 "$err" | tr -d '\r')
        local ex eo ee verdict=ok
        read -r ex eo ee <<< "$expect"
        [ "$rc" = "$ex" ] || verdict="FAIL(exit)"
        case $eo in
        EMPTY) [ "$obytes" -eq 0 ] || verdict="FAIL(stdout)" ;;
        NONEMPTY) [ "$obytes" -gt 0 ] || verdict="FAIL(stdout)" ;;
        HAS=*) grep -q "${eo#HAS=}" "$out" || verdict="FAIL(lost ${eo#HAS=})" ;;
        NUL=*) local want=${eo#NUL=} nuls
               nuls=$(tr -cd '\0' < "$out" | wc -c)
               [ "$nuls" -eq "$want" ] || verdict="FAIL(${nuls}NUL)" ;;
        esac
        if [ "$ee" != - ]; then
            [ "$(wc -l < "$err")" -eq 1 ] && echo "$e1" | grep -q "$ee" || verdict="FAIL(stderr)"
        elif [ "$rc" = 0 ] && [ -s "$err" ]; then
            verdict="FAIL(stderr)"
        fi
        [ "${rss:-0}" -le "$RSS_MAX_KIB" ] || verdict="$verdict,RSS>$RSS_MAX_KIB"
        row "$name" "${args:--}" "$vlim" "$rc" "$obytes" "${e1:--}" "$rss" "$secs" "$verdict"
        case $verdict in ok) ;; *) echo "$name" >> "$dir/failed" ;; esac
    done
    IFS=$IFS_save
}

rm -f "$dir/failed"
run_pass "hostile inputs (no memory limit)" 0
[ "$VLIMIT_KIB" = 0 ] || run_pass "hostile inputs under ulimit -v $VLIMIT_KIB" "$VLIMIT_KIB"
if [ -s "$dir/failed" ]; then
    echo
    echo "FAILED: $(sort -u "$dir/failed" | tr '\n' ' ')"
    exit 1
fi
echo
echo "all hostile inputs had their outcome"
