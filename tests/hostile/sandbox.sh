#!/bin/bash
# sandbox.sh - what a page can make unboil touch (issue 5).  Hostile pages
# name other files and hosts every way HTML and XML can (DOCTYPE system ids,
# external entities in an internal subset, XInclude, xml-stylesheet, img,
# link, base, meta refresh, declared charsets); each goes through the CLI
# under strace, and every run must
#   - make no network call and start no process;
#   - touch no path (open, stat, access ...) but those named on its command
#     line and those its baseline touches.  The baseline is the same command
#     on empty input, so the loader, the libraries and whatever else the
#     machine needs at start-up are learnt, not listed here.  Where a mode
#     or a page loads more at run time, the baseline is a harmless input of
#     that kind: a page declaring the same charset (iconv loads a module for
#     it), a JSON record (jansson seeds its hashes from /dev/urandom);
#   - never show the content of /etc/passwd or of a canary file the pages
#     name, and keep an external entity's reference as the text it is.
#
#   UNBOIL   the CLI (default ./src/unboil; a libtool wrapper is followed:
#            only what the real program does after its exec counts)
# Exit status 0 when every check passed, 1 when one failed, 2 when it could
# not trace at all.
set -u
UNBOIL=${UNBOIL:-./src/unboil}
case $UNBOIL in /*) ;; */*) UNBOIL=$(cd "$(dirname "$UNBOIL")" && pwd)/$(basename "$UNBOIL") ;; esac
die() { echo "sandbox.sh: $*" >&2; exit 2; }
[ -x "$UNBOIL" ] || die "no CLI at $UNBOIL (set UNBOIL)"
command -v strace > /dev/null || die "strace is not installed (apt-get install strace)"
dir=$(mktemp -d "${TMPDIR:-/tmp}/unboil-sandbox.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fails=0
check() {   # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then printf 'ok    %-40s %s\n' "$1" "$3"; else printf 'FAIL  %-40s %s\n' "$1" "$3"; fails=$((fails + 1)); fi
}

# ---- the pages -----------------------------------------------------------
# The canary sits beside the pages, so that a reference relative to a named
# input would reach it; its token must never come out.
token=CANARY-d41d8cd9-not-for-output
pw=/etc/passwd
pwline=$(head -n 1 "$pw" 2> /dev/null)
in=$dir/in
mkdir "$in"
printf '%s\n' "$token" > "$in/canary.txt"
printf '<!ENTITY leak "%s">\n' "$token" > "$in/canary.dtd"
canary=$in/canary.txt
net=http://127.0.0.1:9   # loopback, discard port: nothing to reach even if asked
para='The committee met on Tuesday to discuss the new budget, and after a long debate it decided that the money would go to schools and hospitals in the north of the country.'
tail='Afterwards the mayor said that the harbour bridge would reopen in the spring, once the engineers had finished their work on the old cables.'
# Xentity marks the paragraph that holds entity references
ents="Xentity here: &x; &y; &c; &leak; &lol3; end of the references."

cat > "$in/doctype.html" <<EOF
<!DOCTYPE html SYSTEM "file://$pw">
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "$net/xhtml1-strict.dtd">
<!DOCTYPE html SYSTEM "canary.txt">
<html><head><title>Budget</title></head>
<body><p>$para</p><p>$ents</p><p>$tail</p></body></html>
EOF
cat > "$in/entities.html" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE html SYSTEM "file://$canary" [
  <!ENTITY x SYSTEM "file://$pw">
  <!ENTITY y SYSTEM "$net/y.xml">
  <!ENTITY c SYSTEM "canary.txt">
  <!ENTITY % p SYSTEM "canary.dtd">
  %p;
  <!ENTITY % q SYSTEM "file://$canary">
  %q;
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!NOTATION n SYSTEM "file://$pw">
  <!ENTITY u SYSTEM "file://$pw" NDATA n>
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Budget</title></head>
<body><p>$para</p><p>$ents</p><p>$tail</p></body></html>
EOF
# the same without the XML declaration, as HTML parsers meet it
sed 1d "$in/entities.html" > "$in/entities-noxmldecl.html"
cat > "$in/xinclude.html" <<EOF
<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>
<p>$para</p>
<xi:include href="file://$pw" parse="text"/>
<xi:include href="canary.txt" parse="text"><xi:fallback>fallback</xi:fallback></xi:include>
<include xmlns="http://www.w3.org/2001/XInclude" href="$net/x.xml"/>
<p>$ents</p><p>$tail</p></body></html>
EOF
cat > "$in/references.html" <<EOF
<?xml-stylesheet type="text/xsl" href="file://$pw"?>
<?xml-stylesheet type="text/css" href="$net/s.css"?>
<html><head>
<base href="file:///etc/">
<meta http-equiv="refresh" content="0; url=file://$pw">
<meta http-equiv="refresh" content="0; url=$net/r">
<link rel="stylesheet" href="$net/s.css"><link rel="import" href="canary.txt">
<link rel="preload" href="file://$canary"><link rel="dns-prefetch" href="//127.0.0.1">
<script src="$net/s.js"></script><script src="file://$pw"></script>
<style>@import url("file://$pw"); body { background: url($net/b.png) }</style>
</head><body>
<p>$para</p>
<img src="file://$pw"><img src="canary.txt" srcset="file://$canary 2x, $net/i.png 1x">
<iframe src="file://$pw"></iframe><frame src="canary.txt"><object data="file://$pw"></object>
<embed src="$net/e.swf"><video src="file://$canary" poster="$net/p.png"></video>
<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file://$pw"/><use href="canary.txt#a"/></svg>
<a href="file://$pw">passwd</a> <a href="$net/">home</a>
<form action="$net/f"><input type="image" src="file://$pw"></form>
<p>$ents</p><p>$tail</p></body></html>
EOF
# a declared charset: the baseline declares the same, harmlessly
cat > "$in/charset.html" <<EOF
<?xml version="1.0" encoding="koi8-r"?>
<!DOCTYPE html SYSTEM "file://$pw" [ <!ENTITY x SYSTEM "file://$pw"> ]>
<html><head><meta charset="koi8-r"><link href="$net/s.css" rel="stylesheet"></head>
<body><p>$para</p><img src="file://$pw"><p>$ents</p><p>$tail</p></body></html>
EOF
printf '<html><head><meta charset="koi8-r"></head><body><p>x</p></body></html>\n' > "$in/charset-base.html"
# charset labels that look like paths or iconv options; the baseline is a
# label iconv does not know
cat > "$in/charset-paths.html" <<EOF
<?xml version="1.0" encoding="file://$pw"?>
<html><head><meta charset="$pw"><meta charset="../../../../..$pw">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8//TRANSLIT">
<meta charset="..:etc:passwd"><meta charset="$canary"></head>
<body><p>$para</p><p>$ents</p><p>$tail</p></body></html>
EOF
printf '<html><head><meta charset="no-such-charset-at-all"></head><body><p>x</p></body></html>\n' > "$in/charset-paths-base.html"
# everything at once, for the modes that take one document
cat "$in/doctype.html" "$in/entities-noxmldecl.html" "$in/xinclude.html" "$in/references.html" > "$in/all.html"
{ for f in doctype entities xinclude references; do cat "$in/$f.html"; printf '\0'; done; } > "$in/all.z"
# --jsonl: the pages as the text field of records
for f in doctype entities xinclude references; do
    printf '{"url":"file://%s","text":"%s"}\n' "$pw" "$(sed 's/\\/\\\\/g; s/"/\\"/g' "$in/$f.html" | awk '{ printf "%s\\n", $0 }')"
done > "$in/all.jsonl"

# ---- tracing -------------------------------------------------------------
# trace NAME STDIN ARG...: run unboil under strace; NAME.trace holds what the
# program did from its own exec on (the libtool wrapper's shell before it is
# not ours), NAME.out/.err its output, NAME.rc its exit status.
sys='%file,%network,fork,vfork,clone,clone3'
trace() {
    local name=$1 stdin=$2
    shift 2
    strace -f -qq -s 4096 -o "$dir/$name.raw" -e trace="$sys" \
        "$UNBOIL" "$@" < "$stdin" > "$dir/$name.out" 2> "$dir/$name.err"
    echo $? > "$dir/$name.rc"
    # the first successful exec of an ELF named unboil (or libtool's lt-)
    local n=0 line path start=
    while IFS= read -r line; do
        n=$((n + 1))
        case $line in *'execve("'*) ;; *) continue ;; esac
        case $line in *'= -1 '*) continue ;; esac
        path=${line#*execve(\"}
        path=${path%%\"*}
        case ${path##*/} in unboil|lt-unboil) ;; *) continue ;; esac
        [ "$(head -c 4 "$path" 2> /dev/null | od -An -c | tr -d ' ')" = '177ELF' ] || continue
        start=$n
        break
    done < "$dir/$name.raw"
    if [ -z "$start" ]; then
        echo "sandbox.sh: no exec of the unboil program in the trace of $name; strace said:" >&2
        head -n 5 "$dir/$name.raw" >&2
        exit 2
    fi
    # the exec itself names the program and its arguments: not a touch
    tail -n +"$((start + 1))" "$dir/$name.raw" > "$dir/$name.trace"
}

# paths NAME: every path the program touched, one a line, sorted
paths() {
    grep -vE '^[0-9]+ +(\+\+\+|---)' "$dir/$1.trace" | grep -oE '"([^"\\]|\\.)*"' |
        sed 's/^"//; s/"$//' | grep -v '^$' | sort -u
}

# calls NAME REGEX: the syscalls of the trace whose name matches
calls() {
    grep -E "^[0-9]+ +(<\.\.\. )?($2)[ (]" "$dir/$1.trace"
}

# beyond NAME BASE ALLOWED: what run NAME touched that neither its baseline
# nor its command line (ALLOWED, space-separated) accounts for, with the
# calls that did; nothing when there is none
beyond() {
    paths "$1" > "$dir/$1.paths"
    # shellcheck disable=SC2086 # ALLOWED is words
    printf '%s\n' $3 | sort -u > "$dir/$1.allowed"
    # -o FILE writes FILE's temporary sibling ".FILE.unboil-XXXXXX" and
    # renames it into place: that sibling is the argument's too
    local a temps=
    # shellcheck disable=SC2086 # ALLOWED is words
    for a in $3; do temps="$temps|^${a%/*}/\\.${a##*/}\\.unboil-[A-Za-z0-9]{6}\$"; done
    comm -23 "$dir/$1.paths" "$dir/$2.paths" | comm -23 - "$dir/$1.allowed" |
        { if [ -n "$temps" ]; then grep -vE "${temps#|}"; else cat; fi || :; } > "$dir/$1.beyond"
    [ -s "$dir/$1.beyond" ] || return 0
    printf 'touched beyond its baseline (%s) and command line: %s; the calls: %s' "$2" \
        "$(paste -sd' ' "$dir/$1.beyond")" "$(grep -F -f "$dir/$1.beyond" "$dir/$1.trace" | head -n 5 | paste -sd'|')"
}

netre='socket|socketpair|connect|bind|listen|accept|accept4|send|sendto|sendmsg|sendmmsg|recv|recvfrom|recvmsg|recvmmsg|getsockopt|setsockopt|getsockname|getpeername|shutdown'
procre='execve|execveat|fork|vfork|clone|clone3'

# sandbox NAME BASELINE STDIN ALLOWED ARG...: run, compare with the baseline
# run (traced once, by name), and check the output.  ALLOWED: the paths on
# the command line, space-separated.
sandbox() {
    local name=$1 base=$2 stdin=$3 allowed=$4
    shift 4
    trace "$name" "$stdin" "$@"
    local rc bad
    rc=$(cat "$dir/$name.rc")
    check "$name: exit 0" "$([ "$rc" = 0 ]; echo $?)" "unboil $* < ${stdin##*/}: exit $rc$( [ -s "$dir/$name.err" ] && printf ', stderr: %s' "$(head -n 1 "$dir/$name.err")")"

    bad=$(calls "$name" "$netre")
    check "$name: no network call" "$([ -z "$bad" ]; echo $?)" "${bad:-none}"
    bad=$(calls "$name" "$procre")
    check "$name: no new process" "$([ -z "$bad" ]; echo $?)" "${bad:-none}"

    bad=$(beyond "$name" "$base" "$allowed")
    check "$name: no path but baseline + arguments" "$([ -z "$bad" ]; echo $?)" "${bad:-$(wc -l < "$dir/$name.paths") paths, $(comm -12 "$dir/$name.paths" "$dir/$name.allowed" | wc -l) of them its arguments}"
    # seeing the arguments opened proves the trace sees the program's files
    if [ -n "$allowed" ]; then
        local a missing=
        for a in $allowed; do grep -qxF "$a" "$dir/$name.paths" || missing="$missing $a"; done
        check "$name: its arguments were seen in the trace" "$([ -z "$missing" ]; echo $?)" "${missing:+not seen:$missing}"
    fi

    # the arguments too: an output file is one of them
    local outs="$dir/$name.out $dir/$name.err $allowed"
    # shellcheck disable=SC2086
    bad=$(grep -slF -e "$token" $outs; [ -z "$pwline" ] || grep -slF -e "$pwline" $outs)
    check "$name: no canary or $pw content out" "$([ -z "$bad" ]; echo $?)" "${bad:+found in: $bad}"
}

# expect NAME WORD...: the output (or the -o file) holds each WORD as text
expect() {
    local name=$1 w missing=
    shift
    for w in "$@"; do grep -qF -e "$w" "$dir/$name.out" || missing="$missing [$w]"; done
    check "$name: the page's text came through" "$([ -z "$missing" ]; echo $?)" "${missing:+missing:$missing}"
}

# ---- the baselines -------------------------------------------------------
: > "$dir/empty"
trace base "$dir/empty"
paths base > "$dir/base.paths"
bad=$(calls base "$netre|$procre")
check "baseline: empty input, no network or process" "$([ -z "$bad" ]; echo $?)" "${bad:-$(wc -l < "$dir/base.paths") paths touched at start-up}"
if ! grep -q 'libc\.so' "$dir/base.paths"; then
    echo "sandbox.sh: the baseline trace shows no libc: strace does not see the program ($(head -c 300 "$dir/base.trace"))" >&2
    exit 2
fi
# a baseline with a harmless page that declares a charset: iconv's modules
trace base-charset "$in/charset-base.html"
paths base-charset | sort -u - "$dir/base.paths" > "$dir/base-charset.paths"
trace base-charset-paths "$in/charset-paths-base.html"
paths base-charset-paths | sort -u - "$dir/base.paths" > "$dir/base-charset-paths.paths"

# jansson seeds its hash tables from /dev/urandom when it makes its first
# object: a harmless record
printf '{"text":"<p>x</p>"}\n' > "$in/jsonl-base.jsonl"
trace base-jsonl "$in/jsonl-base.jsonl" --jsonl
paths base-jsonl | sort -u - "$dir/base.paths" > "$dir/base-jsonl.paths"

# the control: a file the command line does not account for is caught
trace control "$dir/empty" "$canary"
bad=$(beyond control base "")
check "control: an unlisted file is caught" "$(echo "$bad" | grep -qF "$canary"; echo $?)" "${bad:-not caught: the trace misses what the program opens}"

# ---- the runs ------------------------------------------------------------
words=("Afterwards the mayor" "Xentity here: &x; &y;")
for f in doctype entities entities-noxmldecl xinclude references; do
    sandbox "$f" base "$in/$f.html" "" -x
    expect "$f" "${words[@]}"
done
sandbox charset base-charset "$in/charset.html" "" -x
expect charset "${words[@]}"
sandbox charset-paths base-charset-paths "$in/charset-paths.html" "" -x
expect charset-paths "${words[@]}"

# a named input, absolute and relative (relative references resolve against
# its directory), the default output, markdown, -o FILE
sandbox named base "$dir/empty" "$in/all.html" -x "$in/all.html"
expect named "${words[@]}"
(cd "$in" && sandbox named-relative base "$dir/empty" "all.html" all.html) > "$dir/sub.log"
cat "$dir/sub.log"
fails=$((fails + $(grep -c '^FAIL' "$dir/sub.log")))
sandbox markdown base "$dir/empty" "$in/all.html" -m "$in/all.html"
sandbox output-file base "$dir/empty" "$in/all.html $dir/out.txt" -x -o "$dir/out.txt" "$in/all.html"
# expect reads NAME.out: the file written stands in for standard output
cp "$dir/out.txt" "$dir/output-file.out" 2> /dev/null
expect output-file "${words[@]}"
# text mode: the same pages as plain text, and the -z, --jsonl and
# --learn streams
sandbox text base "$in/all.html" "" -x -f text
expect text "Afterwards the mayor" "&x;"
sandbox stream-z base "$in/all.z" "" -x -z
expect stream-z "${words[@]}"
sandbox jsonl base-jsonl "$in/all.jsonl" "" --jsonl
expect jsonl "Afterwards the mayor"
sandbox learn base "$in/all.z" "" -z --learn -v

echo
if [ $fails -gt 0 ]; then echo "$fails sandbox check(s) FAILED"; exit 1; fi
echo "all sandbox checks passed: no network, no process, no path beyond the baseline and the command line, nothing of $pw or the canary out"
