#!/bin/sh
# Refit the three weight sets of the block model (text, HTML in the window,
# HTML with the page in view) on the dev set and write src/model_weights.c.
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
# the page set is fitted on all four subsets (tools/loso.sh judges it)
# shellcheck disable=SC2046
python3 "$here/dump_blocks.py" "$unboil" "$eval" page "$tmp/page.tsv" \
    $(cat "$eval"/dev/dragnet.ids "$eval"/dev/readability.ids "$eval"/dev/cleaneval.ids \
          "$eval"/dev/l3s.ids)
wait
/usr/bin/python3 "$here/fit_model.py" --text "$tmp/text.tsv" --html "$tmp/html.tsv" \
    --page "$tmp/page.tsv" \
    -o "$here/../src/lib/model_weights.c"
rm -rf "$tmp"
