#!/bin/sh
# Refit the four weight sets of the block model (text and HTML in the window,
# HTML with the page in view, text with its article region) on the dev set
# and write src/lib/model_weights.c.
#   tools/retrain.sh UNBOIL EVAL_DIR
# UNBOIL must be a build of this tree (its --explain=tsv names the features
# of src/lib/features.def).  Rebuild afterwards; the build fails if the weights
# do not match the feature list.
set -eu
unboil=$1 eval=$2
here=$(dirname "$0")
tmp=$(mktemp -d)
python3 "$here/dump_blocks.py" "$unboil" "$eval" text "$tmp/text.tsv" &
python3 "$here/dump_blocks.py" "$unboil" "$eval" html "$tmp/html.tsv" &
# the page sets are fitted on all four subsets (tools/loso.sh judges them)
cat "$eval"/dev/dragnet.ids "$eval"/dev/readability.ids "$eval"/dev/cleaneval.ids \
    "$eval"/dev/l3s.ids > "$tmp/ids"
# shellcheck disable=SC2046
python3 "$here/dump_blocks.py" "$unboil" "$eval" page "$tmp/page.tsv" $(cat "$tmp/ids")
wait
# shellcheck disable=SC2046
python3 "$here/dump_blocks.py" "$unboil" "$eval" textpage "$tmp/textpage.tsv" $(cat "$tmp/ids")
# the text set is fitted on the text dumps and on their 80-column wraps
# shellcheck disable=SC2046
python3 "$here/dump_blocks.py" "$unboil" "$eval" text80page "$tmp/text80page.tsv" $(cat "$tmp/ids")
/usr/bin/python3 "$here/fit_model.py" --text "$tmp/text.tsv" --html "$tmp/html.tsv" \
    --page "$tmp/page.tsv" --textpage "$tmp/textpage.tsv" \
    --text80page "$tmp/text80page.tsv" \
    -o "$here/../src/lib/model_weights.c"
rm -rf "$tmp"
