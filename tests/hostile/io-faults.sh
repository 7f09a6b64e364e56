#!/bin/bash
# io-faults.sh - I/O faults (issue 5): write errors, a closed pipe, short
# and interrupted reads and writes.  Builds nothing but the small LD_PRELOAD
# shim shortio.c (skipped when no C compiler).
#
#   UNBOIL   the CLI (default ./src/unboil)
#   CC       C compiler for the shim (default cc)
# Exit status 0 when every check passed.
set -u
UNBOIL=${UNBOIL:-./src/unboil}
case $UNBOIL in /*) ;; */*) UNBOIL=$(cd "$(dirname "$UNBOIL")" && pwd)/$(basename "$UNBOIL") ;; esac
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-io.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fails=0
check() {   # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then printf 'ok    %-48s %s\n' "$1" "$3"; else printf 'FAIL  %-48s %s\n' "$1" "$3"; fails=$((fails + 1)); fi
}

para='The committee met on Tuesday to discuss the new budget, and after a long debate it decided that the money would go to schools and hospitals in the north of the country.'
# big: a few MB of text and of HTML that keep plenty of output
yes "$para" | head -n 40000 | awk '{ print "Part " NR ": " $0; if (NR % 3 == 0) print "" }' > "$dir/big.txt"
{ printf '<html><head><title>Budget</title></head><body><article>'; yes "$para" | head -n 30000 | awk '{ print "<p>Part " NR ": " $0 " It was item " NR * 7 " on the list.</p>" }'; printf '</article></body></html>\n'; } > "$dir/big.html"
# mixed: small enough to push one byte at a time
{ head -n 300 "$dir/big.txt"; printf 'Share this: Facebook Twitter\n\n3 Comments\nLeave a Reply\nNice.\n'; } > "$dir/mixed.txt"
{ printf '<html><body><nav><a href=/>Home</a> | <a href=/n>News</a></nav><article>'; yes "$para" | head -n 200 | awk '{ print "<p>Part " NR ": " $0 " &eacute; &#x20AC; item " NR * 7 ".</p>" }'; printf '</article><footer>&copy; 2024</footer></body></html>\n'; } > "$dir/mixed.html"
printf '%s\n\0<p>%s</p>\0\0%s' "$para" "$para" "$para" > "$dir/mixed.z"

for f in big.txt big.html mixed.txt mixed.html; do
    "$UNBOIL" < "$dir/$f" > "$dir/$f.ref" 2> "$dir/err"; rc=$?
    check "reference run $f" "$([ $rc = 0 ] && [ -s "$dir/$f.ref" ] && ! [ -s "$dir/err" ]; echo $?)" "exit $rc, $(wc -c < "$dir/$f.ref") bytes"
done
"$UNBOIL" -z < "$dir/mixed.z" > "$dir/mixed.z.ref" 2>/dev/null

# ---- write errors ----------------------------------------------------------
for f in big.txt big.html; do
    "$UNBOIL" < "$dir/$f" > /dev/full 2> "$dir/err"; rc=$?
    e=$(head -n 1 "$dir/err")
    check "$f > /dev/full: message, exit 1" "$([ $rc = 1 ] && [ "$(wc -l < "$dir/err")" = 1 ] && echo "$e" | grep -q 'write error.*No space'; echo $?)" "exit $rc: $e"
    "$UNBOIL" -o /dev/full "$dir/$f" 2> "$dir/err"; rc=$?
    e=$(head -n 1 "$dir/err")
    check "-o /dev/full $f: message, exit 1" "$([ $rc = 1 ] && [ "$(wc -l < "$dir/err")" = 1 ] && echo "$e" | grep -q '/dev/full'; echo $?)" "exit $rc: $e"
done
# small output to /dev/full: the error shows at the final flush
printf '%s\n' "$para" "$para" | "$UNBOIL" > /dev/full 2> "$dir/err"; rc=$?
e=$(head -n 1 "$dir/err")
check "small output > /dev/full: message, exit 1" "$([ $rc = 1 ] && echo "$e" | grep -q 'write error'; echo $?)" "exit $rc: $e"
# stdout closed
"$UNBOIL" < "$dir/big.txt" >&- 2> "$dir/err"; rc=$?
e=$(head -n 1 "$dir/err")
check "stdout closed: message, exit 1" "$([ $rc = 1 ] && [ -n "$e" ]; echo $?)" "exit $rc: $e"

# ---- a closed pipe: quiet ------------------------------------------------------
for f in big.txt big.html; do
    "$UNBOIL" < "$dir/$f" 2> "$dir/err" | head -n 1 > /dev/null; rc=${PIPESTATUS[0]}
    check "$f | head -1: quiet" "$([ ! -s "$dir/err" ] && { [ $rc = 141 ] || [ $rc = 1 ] || [ $rc = 0 ]; }; echo $?)" "exit $rc, stderr $(wc -c < "$dir/err") bytes"
    # with SIGPIPE ignored by the parent (as some CI runners and Python do)
    (trap '' PIPE; "$UNBOIL" < "$dir/$f" 2> "$dir/err" | head -n 1 > /dev/null; echo "${PIPESTATUS[0]}" > "$dir/rc")
    rc=$(cat "$dir/rc")
    check "$f | head -1, SIGPIPE ignored: quiet" "$([ ! -s "$dir/err" ]; echo $?)" "exit $rc, stderr: $(head -c 80 "$dir/err")"
done

# ---- one byte per read from a pipe while signals arrive -------------------------
# dd bs=1 writes one byte per write(2); unboil reads as they come.  SIGWINCH
# and SIGCHLD (ignored by default) and SIGSTOP/SIGCONT hit it meanwhile.
pound() {   # pound PID: signals until it ends; counts rounds in $dir/rounds
    local n=0
    while kill -0 "$1" 2>/dev/null; do
        kill -WINCH "$1" 2>/dev/null; kill -CHLD "$1" 2>/dev/null
        kill -STOP "$1" 2>/dev/null; kill -CONT "$1" 2>/dev/null
        n=$((n + 1))
    done
    echo $n > "$dir/rounds"
}
mkfifo "$dir/fifo"
for f in mixed.txt mixed.html; do
    echo 0 > "$dir/rounds"
    "$UNBOIL" < "$dir/fifo" > "$dir/out" 2> "$dir/err" &
    upid=$!
    dd if="$dir/$f" of="$dir/fifo" bs=1 status=none &
    dpid=$!
    pound "$upid" &
    ppid=$!
    wait "$upid"; rc=$?
    wait "$dpid" "$ppid"
    check "$f one byte per write + signals: same output" "$(cmp -s "$dir/out" "$dir/$f.ref"; echo $?)" "exit $rc, $(wc -c < "$dir/out")/$(wc -c < "$dir/$f.ref") bytes, $(cat "$dir/rounds") signal rounds"
done

# ---- short, interrupted reads and writes (LD_PRELOAD shim) ----------------------
CC=${CC:-cc}
bin=$UNBOIL
# a libtool wrapper would load the shim into its shell too; harmless
if command -v "$CC" > /dev/null && "$CC" -shared -fPIC -O1 -o "$dir/shortio.so" "$here/shortio.c" -ldl 2> "$dir/ccerr"; then
    for f in mixed.txt mixed.html big.txt; do
        for m in r w rw; do
            SHORTIO=$m LD_PRELOAD=$dir/shortio.so "$bin" < "$dir/$f" > "$dir/out" 2> "$dir/err"; rc=$?
            check "$f SHORTIO=$m (EINTR + 1 byte per call)" "$([ $rc = 0 ] && cmp -s "$dir/out" "$dir/$f.ref"; echo $?)" "exit $rc, $(wc -c < "$dir/out")/$(wc -c < "$dir/$f.ref") bytes"
        done
    done
    SHORTIO=rw LD_PRELOAD=$dir/shortio.so "$bin" -z < "$dir/mixed.z" > "$dir/out" 2> "$dir/err"; rc=$?
    check "-z stream SHORTIO=rw" "$([ $rc = 0 ] && cmp -s "$dir/out" "$dir/mixed.z.ref"; echo $?)" "exit $rc"
    SHORTIO=r LD_PRELOAD=$dir/shortio.so "$bin" "$dir/mixed.html" > "$dir/out" 2> "$dir/err"; rc=$?
    check "named file SHORTIO=r" "$([ $rc = 0 ] && cmp -s "$dir/out" "$dir/mixed.html.ref"; echo $?)" "exit $rc"
else
    echo "skip  short-I/O shim: no C compiler ($CC)"
fi

echo
if [ $fails -gt 0 ]; then echo "$fails I/O-fault check(s) FAILED"; exit 1; fi
echo "all I/O-fault checks passed"
