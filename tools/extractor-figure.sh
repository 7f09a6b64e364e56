#!/bin/bash
# extractor-figure.sh - accuracy against speed, unboil and the other
# extractors that install here, on one subset of the dev set; a table
# (TSV) and a gnuplot figure (SVG).
#
#   tools/extractor-figure.sh [SUBSET]      (from the top of a built tree)
#
# SUBSET is one of the dev set's (default l3s: 421 news pages, gold the
# article's main content).  For each extractor:
#   - accuracy: ../shared/eval/run -m html -s SUBSET -- CMD, shingle F1
#     (one process per page, as the scorer runs everything);
#   - speed: the same pages through ONE process (unboil -z over the pages
#     NUL-joined; the Python and JavaScript extractors over the files;
#     html2text, which reads one page per run, in a shell loop), pages per
#     second of CPU time (user + system), so that a busy machine or start-up
#     costs do not decide it.
# Extractors: unboil (UNBOIL, default ./src/unboil); html2text (Debian
# html2text: the whole page as text, what keeping everything scores);
# Readability's Python port (Debian python3-readability); Mozilla's
# Readability.js on jsdom (npm @mozilla/readability and jsdom, installed
# into NPM_DIR on first use); boilerpipe's ArticleExtractor (Debian
# libboilerpipe-java, compiled against with javac).  One that is not installed is left out, with
# a message.  Writes doc/extractors.tsv and doc/extractors.svg (OUT=DIR
# elsewhere); ONLY=REGEX measures again only the extractors it names and
# keeps the table's other rows.  Needs gnuplot (gnuplot-nox) and GNU time.
set -euo pipefail
subset=${1:-l3s}
top=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=${EVAL:-$top/../shared/eval}
unboil=${UNBOIL:-$top/src/unboil}
out_dir=${OUT:-$top/doc}
npm_dir=${NPM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/unboil-figure}
jobs=${JOBS:-2}
die() { echo "extractor-figure: $*" >&2; exit 1; }
[[ -x $eval_dir/run ]] || die "no scorer at $eval_dir/run (set EVAL)"
[[ -f $eval_dir/dev/$subset.ids ]] || die "no subset $subset in $eval_dir/dev"
[[ -x $unboil ]] || die "$unboil: no such program (build first, or set UNBOIL)"
[[ -x /usr/bin/time ]] || die "needs GNU time (apt-get install time)"
command -v gnuplot > /dev/null || die "needs gnuplot (apt-get install gnuplot-nox)"
work=$(mktemp -d "${TMPDIR:-/tmp}/unboil-figure.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out_dir"

pages=()
while IFS= read -r id; do
    [[ -n $id ]] && pages+=("$eval_dir/dev/html/$id.html")
done < "$eval_dir/dev/$subset.ids"
n=${#pages[@]}
for p in "${pages[@]}"; do cat "$p"; printf '\0'; done > "$work/pages.z"

# The extractors: name, version, the per-page command, the batch command.
names=() versions=() cmds=() batches=()
add() { names+=("$1"); versions+=("$2"); cmds+=("$3"); batches+=("$4"); }
printf '%s\n' "${pages[@]}" > "$work/files"
add unboil "$("$unboil" --version | head -1 | awk '{ print $2 }')" \
    "$unboil" "$unboil -z < $work/pages.z"
if command -v html2text > /dev/null; then
    add html2text "$(dpkg-query -W -f '${Version}' html2text 2>/dev/null || echo '?')" \
        "html2text -utf8 -nobs" \
        "while IFS= read -r f; do html2text -utf8 -nobs < \"\$f\"; done < $work/files"
else
    echo "extractor-figure: html2text not installed (apt-get install html2text): left out" >&2
fi
if /usr/bin/python3 -c 'import readability' 2> /dev/null; then
    add readability-lxml "$(dpkg-query -W -f '${Version}' python3-readability 2>/dev/null || echo '?')" \
        "$top/tools/extract-readability-lxml.py" \
        "xargs -d '\\n' $top/tools/extract-readability-lxml.py < $work/files"
else
    echo "extractor-figure: python3-readability not installed (apt-get install python3-readability): left out" >&2
fi
bp_jars=/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar
if command -v javac > /dev/null && [[ -f /usr/share/java/boilerpipe.jar ]]; then
    mkdir "$work/bp"
    javac -d "$work/bp" -cp "$bp_jars" "$top/tools/ExtractBoilerpipe.java"
    # one JVM per page for the scorer: a small heap and quick start-up
    add boilerpipe "$(dpkg-query -W -f '${Version}' libboilerpipe-java 2>/dev/null || echo '?') ArticleExtractor" \
        "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work/bp:$bp_jars ExtractBoilerpipe" \
        "xargs -d '\\n' java -cp $work/bp:$bp_jars ExtractBoilerpipe < $work/files"
else
    echo "extractor-figure: boilerpipe not installed (apt-get install libboilerpipe-java default-jdk-headless): left out" >&2
fi
if command -v node > /dev/null && command -v npm > /dev/null; then
    if [[ ! -d $npm_dir/node_modules/@mozilla/readability || ! -d $npm_dir/node_modules/jsdom ]]; then
        echo "extractor-figure: npm install @mozilla/readability jsdom into $npm_dir" >&2
        npm install --silent --no-audit --no-fund --prefix "$npm_dir" @mozilla/readability jsdom >&2
    fi
    v=$(node -p "require('$npm_dir/node_modules/@mozilla/readability/package.json').version")
    j=$(node -p "require('$npm_dir/node_modules/jsdom/package.json').version")
    export NODE_PATH=$npm_dir/node_modules
    # node and jsdom take about a second of CPU to start: one process per
    # page would take half an hour here, so its F1 is scored from the
    # outputs of the speed run (the same scorer, the same pages)
    mkdir "$work/out"
    add readability.js "$v (jsdom $j)" "" \
        "OUT_DIR=$work/out xargs -d '\\n' $top/tools/extract-readability-js.cjs < $work/files"
else
    echo "extractor-figure: node and npm not installed (apt-get install nodejs npm): Readability.js left out" >&2
fi

table=$out_dir/extractors.tsv
only=${ONLY:-}
if [[ -n $only && -f $table ]]; then
    # measure again only the extractors ONLY matches; keep the other rows
    awk -F '\t' -v re="^($only)\$" 'NR == 1 || $1 !~ re' "$table" > "$work/kept"
    cp "$work/kept" "$table"
else
    printf 'extractor\tversion\tsubset\tpages\tF1\tP\tR\tcpu_s\tpages_per_s\n' > "$table"
fi
for i in "${!names[@]}"; do
    name=${names[$i]}
    line= f1=
    [[ -z $only ]] || [[ $name =~ ^($only)$ ]] || continue
    if [[ -n ${cmds[$i]} ]]; then
        echo "extractor-figure: $name: accuracy on $subset ($n pages) ..." >&2
        # shellcheck disable=SC2086 # the command is words
        line=$("$eval_dir/run" -m html -s "$subset" -j "$jobs" -- ${cmds[$i]} | grep "^$subset ")
    fi
    echo "extractor-figure: $name: speed, one process over the $n pages ..." >&2
    /usr/bin/time -f '%U %S' -o "$work/time" sh -c "${batches[$i]}" > /dev/null 2> "$work/err" ||
        { cat "$work/err" >&2; die "$name: the speed run failed"; }
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time")
    if [[ -z ${cmds[$i]} ]]; then
        # scored from the speed run's outputs, by the scorer run uses
        line=$(/usr/bin/python3 "$eval_dir/score.py" --quiet --ids "$eval_dir/dev/$subset.ids" \
            "$eval_dir/dev" "$work/out" | grep '^shingle' || :)
    fi
    # "l3s  shingle: P=0.892 R=0.946 F1=0.918 accuracy=... mean per-doc F1=..."
    read -r p r f1 < <(sed -n 's/.*shingle[^:]*: P=\([0-9.]*\) R=\([0-9.]*\) F1=\([0-9.]*\).*/\1 \2 \3/p' <<< "$line") || :
    [[ -n ${f1:-} ]] || die "$name: no score in: $line"
    rate=$(awk -v n="$n" -v c="$cpu" 'BEGIN { printf "%.1f", (c > 0 ? n / c : 0) }')
    printf '%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n' "$name" "${versions[$i]}" "$subset" "$n" \
        "$f1" "$p" "$r" "$cpu" "$rate" | tee -a "$table"
done

svg=$out_dir/extractors.svg
gnuplot <<EOF
set terminal svg size 720,440 dynamic font "sans,13" background "#ffffff"
set output "$svg"
set title "Shingle F1 against speed, HTML pages of the dev set's $subset subset ($n pages)"
set xlabel "pages per second of CPU time (log scale)"
set ylabel "shingle F1"
set logscale x
set xrange [*:*]
set offsets graph 0.12, graph 0.25, 0.05, 0.05
set grid
set key off
set datafile separator "\t"
plot "$table" every ::1 using 9:5 with points pointtype 7 pointsize 1.3 linecolor rgb "#2a6fb0", \
     "$table" every 2::1 using 9:5:1 with labels offset char 0,1.1 font "sans,12", \
     "$table" every 2::2 using 9:5:1 with labels offset char 0,-1.1 font "sans,12"
EOF
echo "extractor-figure: wrote $table and $svg" >&2
