#!/usr/bin/env python3
"""Dump every block unboil sees on the dev set, with its features and a
label from the gold text, for fitting the block model (tools/fit_model.py).

usage: dump_blocks.py UNBOIL EVAL_DIR MODE OUT.tsv [IDS...]
MODE: text, text80, html (decided in the window, --lookahead=0);
textpage, text80page, page (with the look-ahead, as unboil decides them by
default: text dumps with their article region, pages with the page model).

The columns are unboil's --explain=tsv (named in its header row, from
src/lib/features.def) after three of this script's: doc (the page's id), frac
(the share of the block's word 4-grams, or for blocks of fewer than 4
words its whole word sequence, that occur in the gold text) and ntok (its
words).  A block listed twice (a short page's rescued run is listed again
at its end) is taken once.  Nothing here is copied into the program: only
fitted weights are.
"""
import re, subprocess, sys
from pathlib import Path

TOK = re.compile(r'\w+')
UNESCAPE = {'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}


def shingles(toks):
    return {tuple(toks[i:i + 4]) for i in range(len(toks) - 3)}


def unescape(s):
    return re.sub(r'\\(.)', lambda m: UNESCAPE.get(m.group(1), m.group(1)), s)


def main():
    unboil, evald, mode, out = sys.argv[1:5]
    ev = Path(evald) / 'dev'
    ids = sys.argv[5:] or [l.strip() for s in ('dragnet', 'readability')
                           for l in open(ev / f'{s}.ids') if l.strip()]
    if mode not in ('text', 'text80', 'html', 'textpage', 'text80page', 'page'):
        sys.exit(__doc__)
    ext = 'html' if mode in ('html', 'page') else 'txt'
    args = [] if mode.endswith('page') else ['--lookahead=0']
    mode = {'page': 'html', 'textpage': 'text', 'text80page': 'text80'}.get(mode, mode)
    header = None
    with open(out, 'w') as fo:
        for doc in ids:
            gold = (ev / 'gold' / f'{doc}.txt').read_text(errors='replace')
            gtok = TOK.findall(gold)
            gsh = shingles(gtok)
            gjoined = ' ' + ' '.join(gtok) + ' '
            data = (ev / mode / f'{doc}.{ext}').read_bytes()
            res = subprocess.run([unboil, '--explain=tsv'] + args, input=data, capture_output=True)
            lines = res.stdout.decode('utf-8', 'replace').split('\n')
            if not lines[0]:
                continue
            if header is None:
                header = lines[0]
                fo.write('doc\tfrac\tntok\t' + header + '\n')
                # the block's number, by name: the document's comes first
                ncol = header.split('\t').index('n')
            elif lines[0] != header:
                sys.exit(f'{doc}: another header row: {lines[0]}')
            seen = set()
            for line in lines[1:]:
                if not line:
                    continue
                n = line.split('\t', ncol + 1)[ncol]
                if n in seen:
                    continue
                seen.add(n)
                toks = TOK.findall(unescape(line.rsplit('\t', 1)[1]))
                if len(toks) >= 4:
                    sh = shingles(toks)
                    frac = len(sh & gsh) / len(sh)
                elif toks:
                    frac = 1.0 if (' ' + ' '.join(toks) + ' ') in gjoined else 0.0
                else:
                    frac = 0.0
                fo.write(f'{doc}\t{frac:.3f}\t{len(toks)}\t{line}\n')


main()
