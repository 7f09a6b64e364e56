#!/bin/sh
# Refit both weight sets of src/model.c on the dev set and write them in.
#   tools/retrain.sh UNBOIL EVAL_DIR
# UNBOIL must be a build whose --explain prints the features model.c uses.
set -eu
unboil=$1 eval=$2
tmp=$(mktemp -d)
python3 "$(dirname "$0")/dump_blocks.py" "$unboil" "$eval" text "$tmp/text.tsv" &
python3 "$(dirname "$0")/dump_blocks.py" "$unboil" "$eval" html "$tmp/html.tsv"
wait
/usr/bin/python3 "$(dirname "$0")/fit_model.py" "$tmp/text.tsv" > "$tmp/text.c" 2> "$tmp/text.log" &
/usr/bin/python3 "$(dirname "$0")/fit_model.py" "$tmp/html.tsv" > "$tmp/html.c" 2> "$tmp/html.log"
wait
cat "$tmp/text.log" "$tmp/html.log" >&2
python3 - "$tmp/text.c" "$tmp/html.c" "$(dirname "$0")/../src/model.c" <<'PY'
import re, sys
text, html, target = sys.argv[1:4]
def table(path, mode):
    body = [l for l in open(path).read().strip().split('\n') if not l.startswith('/*')]
    return '\n'.join(body).replace('model_bias', 'bias_' + mode).replace('model_weights', 'weights_' + mode)
src = open(target).read()
a = src.index('static const double bias_text')
b = src.index('/* Hints grouped as the model sees them')
src = src[:a] + table(text, 'text') + '\n\n' + table(html, 'html') + '\n\n' + src[b:]
open(target, 'w').write(src)
PY
rm -rf "$tmp"
