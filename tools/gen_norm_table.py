#!/usr/bin/env python3
"""Rewrite the accent-folding tables of src/lib/utf8.c (between the
GENERATED-NORM markers) from Python's Unicode database.

usage: tools/gen_norm_table.py [src/lib/utf8.c]

For each letter of Latin-1 and Latin Extended-A/B, Greek and Coptic,
Cyrillic, Latin Extended Additional and Greek Extended, the table gives the
lower-case letter it is written with once its accents are taken off (first
character of its canonical decomposition, lower-cased), or 0 when that is
what utf8_fold gives already.  utf8_norm_fold uses it for the headline hash:
"Résumé", "RESUME" and "resume" hash alike, and so do "Ελλάδα" and "ΕΛΛΑΔΑ".
"""
import sys, unicodedata
from pathlib import Path

RANGES = [(0x00C0, 0x0250, 'latin'), (0x0370, 0x0500, 'greek_cyrillic'),
          (0x1E00, 0x2000, 'latin_greek_ext')]

def base(cp):
    c = chr(cp)
    d = unicodedata.normalize('NFD', c)
    b = d[0].lower()
    b = unicodedata.normalize('NFD', b)[0]
    if b == 'ς':
        b = 'σ'
    return ord(b) if len(b) == 1 and unicodedata.category(b).startswith('L') else 0

def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / 'src' / 'lib' / 'utf8.c')
    out = ['/* GENERATED-NORM by tools/gen_norm_table.py: do not edit by hand */']
    for lo, hi, name in RANGES:
        vals = []
        for cp in range(lo, hi):
            b = base(cp) if unicodedata.category(chr(cp)).startswith('L') else 0
            vals.append(b if b and b != cp else 0)
        out.append(f'static const uint16_t norm_{name}[0x{hi - lo:X}] = {{ /* U+{lo:04X}.. */')
        for i in range(0, len(vals), 10):
            out.append('    ' + ' '.join(f'0x{v:04X},' for v in vals[i:i + 10]))
        out.append('};')
    out.append('/* END GENERATED-NORM */')
    src = path.read_text(encoding='utf-8')
    a = src.index('/* GENERATED-NORM')
    b = src.index('/* END GENERATED-NORM */') + len('/* END GENERATED-NORM */')
    path.write_text(src[:a] + '\n'.join(out) + src[b:], encoding='utf-8')

main()
