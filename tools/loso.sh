#!/bin/sh
# Leave-one-subset-out for the page sets of weights (HTML and text decided
# with the look-ahead): for each subset of the dev set, fit the set on the
# other three, build, and score the left-out subset; then fit on all four
# and score each.  Prints a row per subset: left-out F1, all-data F1.
#   tools/loso.sh EVAL_DIR          (from the top of a built tree)
# LOSO_MODE=text judges the text set (the article region, text_region.h)
# on the text dumps and on their 80-column wraps, in two tables; html (the
# default) the page set.  LOSO_DUMPS=DIR keeps (or reuses) the block dumps
# there (text: of the text dumps and of their 80-column wraps, both fitted
# on).  FIT_ARGS passes options to fit_model.py (--no-page: without the
# page model's or the region's features, for the row to compare with).
# LOSO_SCORE_TREE=DIR scores every fold with the built tree DIR instead (its
# src/lib/model_weights.c replaced by each fold's, and put back): the folds
# fitted on this tree's dumps, judged with another tree's reader.
# src/lib/model_weights.c is put back as it was; the keep threshold (tuning.h)
# is fixed, not tuned, so it needs no fold.
set -eu
eval=$1
mode=${LOSO_MODE:-html}
here=$(cd "$(dirname "$0")" && pwd)
subsets="dragnet readability cleaneval l3s"
tmp=$(mktemp -d)
score=${LOSO_SCORE_TREE:-.}
cp src/lib/model_weights.c "$tmp/weights.c"
cp "$score/src/lib/model_weights.c" "$tmp/score-weights.c"
trap 'cp "$tmp/weights.c" src/lib/model_weights.c; make -s >/dev/null 2>&1
    cp "$tmp/score-weights.c" "$score/src/lib/model_weights.c"
    make -s -C "$score" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
dumps=${LOSO_DUMPS:-$tmp}
for s in $subsets; do cat "$eval/dev/$s.ids"; done > "$tmp/ids"
# the features do not depend on the weights: one dump serves every fold;
# the sets not judged are kept as src/lib/model_weights.c has them
case $mode in
html) set=page runs="html" ;;
text) set=textpage runs="text text80" ;;   # fitted on both forms (fit_model.py)
*) echo "loso.sh: LOSO_MODE is html or text" >&2; exit 2 ;;
esac
# shellcheck disable=SC2046
[ -f "$dumps/$set.tsv" ] ||
    python3 "$here/dump_blocks.py" ./src/unboil "$eval" "$set" "$dumps/$set.tsv" $(cat "$tmp/ids")
fitted="--$set $dumps/$set.tsv"
if [ "$mode" = text ]; then
    # shellcheck disable=SC2046
    [ -f "$dumps/text80page.tsv" ] ||
        python3 "$here/dump_blocks.py" ./src/unboil "$eval" text80page "$dumps/text80page.tsv" $(cat "$tmp/ids")
    fitted="$fitted --text80page $dumps/text80page.tsv"
fi
f1() { sed -n 's/.* R=[0-9.]* F1=\([0-9.]*\).*/\1/p' | head -1; }
fit() {   # the set fitted with subset $1 left out (none: on all)
    # shellcheck disable=SC2086
    /usr/bin/python3 "$here/fit_model.py" $fitted \
        --page-test-prefix "$1" ${FIT_ARGS:-} -o src/lib/model_weights.c 2>/dev/null
    make -s >/dev/null 2>&1
    [ "$score" = . ] || {
        cp src/lib/model_weights.c "$score/src/lib/model_weights.c"
        make -s -C "$score" >/dev/null 2>&1
    }
}
for s in $subsets; do
    cp "$tmp/weights.c" src/lib/model_weights.c
    fit "$s"
    for m in $runs; do
        "$eval/run" -m "$m" -s "$s" -k "$tmp/out-$m" -- "$score/src/unboil" | f1 > "$tmp/$m-$s.out"
    done
done
for m in $runs; do
    # the four left-out subsets' outputs, scored together
    /usr/bin/python3 "$eval/score.py" --quiet --ids "$tmp/ids" "$eval/dev" "$tmp/out-$m" |
        grep '^shingle' | f1 > "$tmp/$m-all.out"
done
cp "$tmp/weights.c" src/lib/model_weights.c
fit none
for m in $runs; do
    "$eval/run" -m "$m" -- "$score/src/unboil" > "$tmp/full-$m.out"
    printf '%-12s %8s %8s\n' "$m" left-out all-data
    for s in $subsets all; do
        printf '%-12s %8s %8s\n' "$s" "$(cat "$tmp/$m-$s.out")" "$(grep "^$s " "$tmp/full-$m.out" | f1)"
    done
done
