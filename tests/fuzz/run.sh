#!/bin/sh
# run.sh SECONDS [TARGET...] - build the libFuzzer targets (ASan + UBSan)
# straight from the library sources and run each for SECONDS.
#
#   TARGET      text, html, filter, jsonl (default: all four)
#   CC          a clang with libFuzzer (default: clang)
#   FUZZ_DIR    where builds, corpora and artifacts go (default: a new
#               directory under ${TMPDIR:-/tmp}; kept so corpora grow
#               between runs when you set it)
#   FUZZ_JOBS   targets run at once (default 1)
#   FUZZ_ARGS   extra libFuzzer flags
#   FUZZ_LARGE  1: the large-input mode: inputs up to 1 MiB (default
#               16 KiB), seeded with the large seeds of seeds.sh too, so
#               that the readers' 64 KiB windows, block splits and long
#               lines are crossed
#
# First replays tests/fuzz/crashes/fuzz_TARGET-* (findings: each must pass
# once its fix is in).  html and filter use the dictionary html.dict.  Exit status 0 when every target ran clean, 1 otherwise.
set -u
secs=${1:?usage: run.sh SECONDS [text|html|filter|jsonl]...}
shift
targets=${*:-text html filter jsonl}
max_len=16384
[ "${FUZZ_LARGE:-0}" = 1 ] && max_len=1048576
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CC=${CC:-clang}
dir=${FUZZ_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/unboil-fuzz.XXXXXX")}
jobs=${FUZZ_JOBS:-1}
mkdir -p "$dir"
echo "fuzz: working in $dir"

# a config.h for the library sources, separate from the autotools one
version=$(sed -n 's/^AC_INIT(\[unboil\], *\[\([^]]*\)\].*/\1/p' "$top/configure.ac")
mkdir -p "$dir/inc"
printf '#define PACKAGE_VERSION "%s"\n' "${version:-0}" > "$dir/inc/config.h"

# the library: every src/lib/*.c (the CLI lives apart in src/cli), with
# libxml2 and jansson (JSON-LD metadata)
srcs=
for c in "$top"/src/lib/*.c; do srcs="$srcs $c"; done
xml_cflags=$(pkg-config --cflags libxml-2.0 jansson) || exit 1
xml_libs=$(pkg-config --libs libxml-2.0 jansson) || exit 1
# the charset detector, as configure would take it when it is there
if pkg-config --exists uchardet; then
    echo '#define HAVE_UCHARDET 1' >> "$dir/inc/config.h"
    xml_cflags="$xml_cflags $(pkg-config --cflags uchardet)"
    xml_libs="$xml_libs $(pkg-config --libs uchardet)"
fi

FUZZ_LARGE=${FUZZ_LARGE:-0} "$here/seeds.sh" "$dir/seeds" >/dev/null || exit 1
json_cflags=$(pkg-config --cflags jansson) || exit 1
json_libs=$(pkg-config --libs jansson) || exit 1

status=0
build() {
    t=$1
    extra_src=
    extra_cflags=
    extra_libs=
    if [ "$t" = jsonl ]; then
        extra_src="src/cli/jsonl.c src/cli/jsonl_scan.c"
        extra_cflags=$json_cflags
        extra_libs=$json_libs
    fi
    # shellcheck disable=SC2086
    (cd "$top" && $CC -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -iquote src/lib -iquote src/cli -I"$dir/inc" $xml_cflags $extra_cflags "tests/fuzz/fuzz_$t.c" $extra_src $srcs \
        $xml_libs $extra_libs -lm \
        -o "$dir/fuzz_$t") || { echo "fuzz: building fuzz_$t failed"; return 1; }
}

run_one() {
    t=$1
    bin=$dir/fuzz_$t
    log=$dir/fuzz_$t.log
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
    # regressions first
    regs=$(ls "$here"/crashes/fuzz_"$t"-* 2>/dev/null)
    if [ -n "$regs" ]; then
        # shellcheck disable=SC2086
        if ! "$bin" -rss_limit_mb=512 -timeout=10 $regs > "$dir/fuzz_$t.regress.log" 2>&1; then
            echo "fuzz_$t: a saved crash input fails again (see $dir/fuzz_$t.regress.log)"
            return 1
        fi
    fi
    dict=
    case $t in text|jsonl) ;; *) dict=-dict=$here/html.dict ;; esac
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$secs" -rss_limit_mb=512 -timeout=10 -max_len=$max_len $dict \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t/" ${FUZZ_ARGS:-} \
        "$dir/corpus/$t" "$dir/seeds/$t" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ $rc -ne 0 ]; then
        echo "fuzz_$t: FAILED after ${execs:-?} runs (exit $rc); log $log; artifacts:"
        ls "$dir/artifacts/$t"
        grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY)' "$log"
        return 1
    fi
    echo "fuzz_$t: ok, ${execs:-?} runs in ${secs}s"
}

for t in $targets; do
    build "$t" || status=1
done
[ $status -eq 0 ] || exit 1

pids=
running=0
for t in $targets; do
    if [ "$jobs" -le 1 ]; then
        run_one "$t" || status=1
    else
        run_one "$t" & pids="$pids $!"
        running=$((running + 1))
        if [ $running -ge "$jobs" ]; then
            for p in $pids; do wait "$p" || status=1; done
            pids=
            running=0
        fi
    fi
done
for p in $pids; do wait "$p" || status=1; done
exit $status
