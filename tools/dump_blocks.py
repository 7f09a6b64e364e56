#!/usr/bin/env python3
"""Dump every block unboil sees on the dev set, with its features and a
label from the gold text, for fitting the block model (tools/fit_model.py).

usage: dump_blocks.py UNBOIL EVAL_DIR MODE(text|text80|html) OUT.tsv [IDS...]

A block is labelled 1 when at least half of its word 4-grams (or, for
blocks of fewer than 4 words, its whole word sequence) occur in the gold
text.  Nothing here is copied into the program: only fitted weights are.
"""
import re, subprocess, sys
from pathlib import Path

TOK = re.compile(r'\w+')
HEAD = re.compile(r'^(KEEP|DROP) (\S+)\s+(\S+)\s+#(\d+) (.*?) \| ')

def shingles(toks):
    return {tuple(toks[i:i + 4]) for i in range(len(toks) - 3)}

def main():
    unboil, evald, mode, out = sys.argv[1:5]
    ev = Path(evald) / 'dev'
    ids = sys.argv[5:] or [l.strip() for s in ('dragnet', 'readability')
                           for l in open(ev / f'{s}.ids') if l.strip()]
    ext = 'html' if mode == 'html' else 'txt'
    with open(out, 'w') as fo:
        for doc in ids:
            gold = (ev / 'gold' / f'{doc}.txt').read_text(errors='replace')
            gtok = TOK.findall(gold)
            gsh = shingles(gtok)
            gjoined = ' ' + ' '.join(gtok) + ' '
            data = (ev / mode / f'{doc}.{ext}').read_bytes()
            res = subprocess.run([unboil, '-x'], input=data, capture_output=True)
            units = {}
            order = []
            for line in res.stdout.decode('utf-8', 'replace').split('\n'):
                m = HEAD.match(line)
                if not m:
                    continue
                n = int(m.group(4))
                if n not in units:
                    units[n] = [m.group(1), m.group(2), m.group(3), m.group(5), []]
                    order.append(n)
                units[n][4].append(line[m.end():])
            for n in order:
                keep, why, cls, feats, lines = units[n]
                text = ' '.join(lines)
                toks = TOK.findall(text)
                if len(toks) >= 4:
                    sh = shingles(toks)
                    frac = len(sh & gsh) / len(sh)
                elif toks:
                    frac = 1.0 if (' ' + ' '.join(toks) + ' ') in gjoined else 0.0
                else:
                    frac = 0.0
                kv = dict(p.split('=', 1) for p in feats.split() if '=' in p)
                lang = feats.split()[-1]
                fo.write('\t'.join([doc, str(n), keep, why, cls, f'{frac:.3f}',
                                    str(len(toks))] +
                                   [kv.get(k, '0') for k in
                                    ('c', 'w', 'sd', 'ld', 'cap', 'dig', 'sym', 'sep', 'sent',
                                     'com', 'end', 'bul', 'ind', 'hint', 'h', 'fl', 'bs', 'bc', 'lb', 'r',
                                     'rn', 'rc', 're', 'rs', 'rd', 'rb', 'ra', 'ri',
                                     'pn', 'pc', 'pe', 'pd', 'pi', 'pb')] + [lang]) + '\n')

main()
