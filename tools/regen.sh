#!/bin/sh
# regen.sh [OUT] - write every file of src/ that a tool makes from data in
# this tree, into OUT/src/lib (default: this tree's src/lib/, i.e. regenerate in
# place).  `make regen` runs it in place; `make check-generated` runs it
# into a temporary directory and fails if any file differs from the tree's.
#
#   src/lib/stoplist_data.c, .h   tools/gen_stoplists.py, from src/lib/stoplists/
#   src/lib/utf8.c (the part between the GENERATED-NORM markers)
#                             tools/gen_norm_table.py, from Python's
#                             Unicode database
#   src/lib/utf8_ucd.c            tools/gen_ucd_fold.py, from the UCD's
#                             CaseFolding.txt (UCD, default
#                             /usr/share/unicode: Debian's unicode-data)
#   src/lib/utf8_class.c          tools/gen_ucd_class.py, from the UCD's
#                             UnicodeData.txt, PropList.txt, Scripts.txt
#                             and ScriptExtensions.txt
#   src/lib/utf8_table.c          tools/gen_utf8_table.c, from utf8.c's
#                             *_nonascii functions (which read the two
#                             files above)
#   src/lib/lookup_tables.c   tools/gen_lookup_tables.c, from the tables
#                             stoplist_build and phrases_build make
#   src/lib/log_tables.c      tools/gen_log_tables.c, from the scales of
#                             src/lib/log_tables.h
#   src/lib/html_shield_names.c  tools/gen_shield_names.py, from
#                             src/lib/html_shield_names.def
#   src/lib/html_attr_find.c  tools/gen_html_attrs.py, from
#                             src/lib/html_attrs.def
# src/lib/model_weights.c is made from the dev set, outside the tree, by
# tools/retrain.sh; see tools/README.md.
#
# Environment: PYTHON (default python3), CC (default cc), UCD.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
out=${1:-$top}
py=${PYTHON:-python3}
cc=${CC:-cc}
mkdir -p "$out/src/lib"
out=$(cd "$out" && pwd)
if [ "$out" != "$top" ]; then
    rm -rf "$out/src/lib/stoplists"
    cp -R "$top/src/lib/stoplists" "$out/src/lib/stoplists"
    cp "$top/src/lib/utf8.c" "$out/src/lib/utf8.c"
fi
"$py" "$here/gen_stoplists.py" "$out/src/lib"
"$py" "$here/gen_norm_table.py" "$out/src/lib/utf8.c"
ucd=${UCD:-/usr/share/unicode}
if [ -r "$ucd/CaseFolding.txt" ]; then
    "$py" "$here/gen_ucd_fold.py" "$ucd/CaseFolding.txt" > "$out/src/lib/utf8_ucd.c.tmp"
    mv "$out/src/lib/utf8_ucd.c.tmp" "$out/src/lib/utf8_ucd.c"
else
    echo "regen.sh: $ucd/CaseFolding.txt not found (apt-get install unicode-data): src/lib/utf8_ucd.c kept as it is" >&2
    [ "$out" = "$top" ] || cp "$top/src/lib/utf8_ucd.c" "$out/src/lib/utf8_ucd.c"
fi
if [ -r "$ucd/UnicodeData.txt" ] && [ -r "$ucd/ScriptExtensions.txt" ]; then
    "$py" "$here/gen_ucd_class.py" "$ucd" > "$out/src/lib/utf8_class.c.tmp"
    mv "$out/src/lib/utf8_class.c.tmp" "$out/src/lib/utf8_class.c"
else
    echo "regen.sh: the UCD is not in $ucd (apt-get install unicode-data): src/lib/utf8_class.c kept as it is" >&2
    [ "$out" = "$top" ] || cp "$top/src/lib/utf8_class.c" "$out/src/lib/utf8_class.c"
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unboil-regen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# the generator runs the folds of the utf8.c just written
"$cc" -std=c11 -iquote "$top/src/lib" -o "$tmp/gen_utf8_table" "$here/gen_utf8_table.c" "$out/src/lib/utf8.c" \
    "$out/src/lib/utf8_ucd.c" "$out/src/lib/utf8_class.c"
"$tmp/gen_utf8_table" > "$tmp/utf8_table.c"
mv "$tmp/utf8_table.c" "$out/src/lib/utf8_table.c"
# the stopword and phrase tables, as the code just written builds them (a
# stand-in for the tables being made lets stoplist.c and phrases.c link)
printf '%s\n' '#include "lookup_tables.h"' \
    'const size_t lookup_stop_slots = 1, lookup_phrase_slots = 1;' \
    'const uint64_t lookup_stop_pairs[1], lookup_stop_filter[1];' \
    'const uint64_t lookup_phrase_pairs[1], lookup_phrase_filter[1];' \
    > "$tmp/stand_in.c"
"$cc" -std=c11 -iquote "$out/src/lib" -iquote "$top/src/lib" -o "$tmp/gen_lookup_tables" \
    "$here/gen_lookup_tables.c" "$tmp/stand_in.c" "$top/src/lib/stoplist.c" \
    "$out/src/lib/stoplist_data.c" "$top/src/lib/phrases.c" "$top/src/lib/buf.c" \
    "$out/src/lib/utf8.c" "$out/src/lib/utf8_ucd.c" "$out/src/lib/utf8_table.c" \
    "$out/src/lib/utf8_class.c" -lm
"$tmp/gen_lookup_tables" > "$tmp/lookup_tables.c"
mv "$tmp/lookup_tables.c" "$out/src/lib/lookup_tables.c"
# the model's log scales, as log_tables.h works them out with this libm
"$cc" -std=c11 -iquote "$top/src/lib" -o "$tmp/gen_log_tables" "$here/gen_log_tables.c" -lm
"$tmp/gen_log_tables" > "$tmp/log_tables.c"
mv "$tmp/log_tables.c" "$out/src/lib/log_tables.c"
# the shield's tag names, with a perfect hash
"$py" "$here/gen_shield_names.py" "$top/src/lib/html_shield_names.def" \
    "$top/src/lib/html_shield_names.h" > "$tmp/html_shield_names.c"
mv "$tmp/html_shield_names.c" "$out/src/lib/html_shield_names.c"
# the attribute names unboil reads, which the shield keeps
"$py" "$here/gen_html_attrs.py" "$top/src/lib/html_attrs.def" \
    "$top/src/lib/html_attrs.h" > "$tmp/html_attr_find.c"
mv "$tmp/html_attr_find.c" "$out/src/lib/html_attr_find.c"
