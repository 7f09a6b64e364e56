#!/bin/sh
# Leave-one-subset-out for the page set of weights (HTML decided with the
# look-ahead): for each subset of the dev set, fit the page set on the other
# three, build, and score the left-out subset; then fit on all four and
# score each.  Prints a row per subset: left-out F1, all-data F1.
#   tools/loso.sh EVAL_DIR          (from the top of a built tree)
# LOSO_DUMPS=DIR keeps (or reuses) the block dumps there.  FIT_ARGS passes
# options to fit_model.py (--no-page: without the page model's features,
# for the row to compare with).  src/lib/model_weights.c is put back as it was;
# the keep threshold (tuning.h) is fixed, not tuned, so it needs no fold.
set -eu
eval=$1
here=$(cd "$(dirname "$0")" && pwd)
subsets="dragnet readability cleaneval l3s"
tmp=$(mktemp -d)
cp src/lib/model_weights.c "$tmp/weights.c"
trap 'cp "$tmp/weights.c" src/lib/model_weights.c; make -s >/dev/null 2>&1; rm -rf "$tmp"' EXIT
dumps=${LOSO_DUMPS:-$tmp}
for s in $subsets; do cat "$eval/dev/$s.ids"; done > "$tmp/ids"
# the features do not depend on the weights: one dump serves every fold
[ -f "$dumps/text.tsv" ] || python3 "$here/dump_blocks.py" ./src/unboil "$eval" text "$dumps/text.tsv"
[ -f "$dumps/html.tsv" ] || python3 "$here/dump_blocks.py" ./src/unboil "$eval" html "$dumps/html.tsv"
# shellcheck disable=SC2046
[ -f "$dumps/page.tsv" ] ||
    python3 "$here/dump_blocks.py" ./src/unboil "$eval" page "$dumps/page.tsv" $(cat "$tmp/ids")
f1() { sed -n 's/.* R=[0-9.]* F1=\([0-9.]*\).*/\1/p' | head -1; }
fit() {   # the page set fitted with subset $1 left out (none: on all)
    # shellcheck disable=SC2086
    /usr/bin/python3 "$here/fit_model.py" --text "$dumps/text.tsv" --html "$dumps/html.tsv" \
        --page "$dumps/page.tsv" --page-test-prefix "$1" ${FIT_ARGS:-} \
        -o src/lib/model_weights.c 2>/dev/null
    make -s >/dev/null 2>&1
}
for s in $subsets; do
    fit "$s"
    "$eval/run" -m html -s "$s" -k "$tmp/out" -- ./src/unboil | f1 > "$tmp/$s.out"
done
# the four left-out subsets' outputs, scored together
/usr/bin/python3 "$eval/score.py" --quiet --ids "$tmp/ids" "$eval/dev" "$tmp/out" |
    grep '^shingle' | f1 > "$tmp/all.out"
fit none
"$eval/run" -m html -- ./src/unboil > "$tmp/full.out"
printf '%-12s %8s %8s\n' html left-out all-data
for s in $subsets all; do
    printf '%-12s %8s %8s\n' "$s" "$(cat "$tmp/$s.out")" "$(grep "^$s " "$tmp/full.out" | f1)"
done
