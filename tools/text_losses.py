#!/usr/bin/env python3
"""Where text mode loses words: a table of the gold and the other words of a
dump_blocks.py textpage (or text80page) table, kept and dropped, by the
line's kind and its place against the article region.

usage: text_losses.py TEXTPAGE.tsv [SUBSET...]

Each row is a (place, distance, kind) bucket; its four columns are word
shares (a block's words over its page's gold words, summed, over pages, as
the scorer averages per page): gold kept, gold dropped (recall lost), other
kept (precision lost), other dropped.  place: in, before or after the
region, none (no region); distance in lines from it; kind: a rule decided
it (rule), a list item (bullet), under 40 characters (short), no sentence
end (open), else prose.  Blocks a rule decided are a kind of their own,
with no place (none), as the model never weighs them.  A block is gold when half its word 4-grams
are in the gold text (dump_blocks.py's frac), as the model is fitted.
"""
import math
import sys
from collections import defaultdict

SHORT = 40


def kind(r):
    if r['r'] == '1':
        return 'rule'
    if r['bul'] == '1':
        return 'bullet'
    if int(r['c']) < SHORT:
        return 'short'
    return 'open' if r['end'] == '0' else 'prose'


def place(r):
    for p in ('in', 'before', 'after'):
        if float(r['x.region_' + p]):
            dist = round(math.expm1(float(r['x.region_dist']) * 8))   # text_region.c LOG_SCALE
            d = '0' if dist == 0 else '1-2' if dist <= 2 else '3-9' if dist <= 9 else '10+'
            return p, d
    return 'none', '-'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    subsets = set(sys.argv[2:])
    docs = defaultdict(list)
    with open(sys.argv[1], encoding='utf-8', errors='replace') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            r = dict(zip(header, line.rstrip('\n').split('\t')))
            if not subsets or r['doc'].split('-')[0] in subsets:
                docs[r['doc']].append(r)
    table = defaultdict(lambda: [0.0] * 4)
    for rows in docs.values():
        gold = sum(int(r['ntok']) for r in rows if float(r['frac']) >= 0.5) or 1
        for r in rows:
            col = (0 if float(r['frac']) >= 0.5 else 2) + (0 if r['keep'] == 'KEEP' else 1)
            table[place(r) + (kind(r),)][col] += int(r['ntok']) / gold
    n = max(len(docs), 1)
    print(f'{"place":7} {"dist":4} {"kind":6} | gold kept  dropped | other kept  dropped')
    for key in sorted(table):
        v = [x / n for x in table[key]]
        print(f'{key[0]:7} {key[1]:4} {key[2]:6} | {v[0]:9.4f} {v[1]:8.4f} | {v[2]:10.4f} {v[3]:8.4f}')


if __name__ == '__main__':
    main()
