#!/usr/bin/env python3
"""Where HTML mode loses shingle F1, by the rule that decided each block.

usage: html_losses.py UNBOIL EVAL_DIR SUBSET [UNBOIL_OPTION...]

Runs UNBOIL --explain=tsv on every page of EVAL_DIR/dev/SUBSET.ids and
shares each block's word 4-grams (the scorer's shingles, score.py) out
between gold and not gold.  Two tables, in page-units (a block's shingles
over its page's gold shingles, or over its page's kept shingles, summed
over pages, as the scorer averages P and R per page):
  recall lost     gold shingles in dropped blocks, by the drop's reason
  precision lost  other shingles in kept blocks, by the keep's reason
Pages whose gold glues or splits words (bag-of-words F1 over shingle F1 by
more than NOISE) are counted apart: no extraction recovers their 4-grams.
A block is one row of the explain table; a block written again later under
another reason (rescued) counts with its last reason.  Shingles across two
blocks are left out, so the tables sum to a little less than 1 - P and
1 - R.
"""
import collections
import re
import subprocess
import sys

WORD = re.compile(r'\w+')
# a page whose bag-of-words F1 beats its shingle F1 by more than this has
# gold with glued or split words (seen on cleaneval: 19 pages)
NOISE = 0.15


def shingles(tokens):
    if not tokens:
        return []
    if len(tokens) < 4:
        return [tuple(tokens)]
    return [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]


def blocks(unboil, path, options):
    out = subprocess.run([unboil, '--explain=tsv', *options, path],
                         capture_output=True, check=False).stdout
    lines = out.decode('utf-8', 'replace').split('\n')
    head = lines[0].split('\t')
    keep, why, n = head.index('keep'), head.index('why'), head.index('n')
    rows = {}
    for line in lines[1:]:
        f = line.split('\t')
        if len(f) < len(head):
            continue
        text = '\t'.join(f[len(head) - 1:]).replace('\\t', ' ').replace('\\n', ' ')
        rows.pop(f[n], None)       # a block written again: its last reason
        rows[f[n]] = (f[keep] != 'DROP', f[why], WORD.findall(text))
    return rows.values()


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    unboil, ev, subset, options = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    ids = open(f'{ev}/dev/{subset}.ids', encoding='utf-8').read().split()
    lost = {'clean': (collections.Counter(), collections.Counter()),
            'noise': (collections.Counter(), collections.Counter())}
    pages = collections.Counter()
    for pid in ids:
        with open(f'{ev}/dev/gold/{pid}.txt', encoding='utf-8', errors='replace') as g:
            gold_tokens = WORD.findall(g.read())
        gold = collections.Counter(shingles(gold_tokens))
        bl = list(blocks(unboil, f'{ev}/dev/html/{pid}.html', options))
        kept_tokens = [t for k, _, toks in bl if k for t in toks]
        pred = collections.Counter(shingles(kept_tokens))
        tp = sum((pred & gold).values())
        sp = tp / sum(pred.values()) if pred else 0.0
        sr = tp / sum(gold.values()) if gold else 0.0
        bag_p = collections.Counter(kept_tokens)
        bag_g = collections.Counter(gold_tokens)
        btp = sum((bag_p & bag_g).values())
        bp = btp / sum(bag_p.values()) if bag_p else 0.0
        br = btp / sum(bag_g.values()) if bag_g else 0.0
        kind = 'noise' if f1(bp, br) - f1(sp, sr) > NOISE else 'clean'
        pages[kind] += 1
        ngold = sum(gold.values()) or 1
        npred = sum(pred.values()) or 1
        rec, prec = lost[kind]
        for k, why, toks in bl:
            sh = shingles(toks)
            in_gold = sum(1 for s in sh if s in gold)
            if k:
                prec[why] += (len(sh) - in_gold) / npred
            else:
                rec[why] += in_gold / ngold
    for kind in ('clean', 'noise'):
        rec, prec = lost[kind]
        print(f'{kind} pages: {pages[kind]}')
        print(f'  recall lost {sum(rec.values()):.2f}     precision lost {sum(prec.values()):.2f}')
        r, p = rec.most_common(), prec.most_common()
        for i in range(max(len(r), len(p))):
            a = f'{r[i][0]:18s} {r[i][1]:6.2f}' if i < len(r) and r[i][1] >= 0.005 else ''
            b = f'{p[i][0]:18s} {p[i][1]:6.2f}' if i < len(p) and p[i][1] >= 0.005 else ''
            if a or b:
                print(f'  {a:25s}  {b}')


if __name__ == '__main__':
    main()
