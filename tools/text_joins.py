#!/usr/bin/env python3
"""Missed and false joins of the text reader on the 80-column dumps.

usage: text_joins.py EVAL_DIR UNBOIL [DETAIL_OUT [all]]

Runs UNBOIL -z --explain=tsv over EVAL_DIR/dev/text80 (sorted), lines each
block's lines up with the unwrapped dump dev/text (one paragraph a line) by
word tokens, and counts pairs of adjacent lines: joined in the unwrapped
dump (the last word of one and the first of the next on one line there)
against joined by the reader (the next line in the same block).  Pairs
whose words do not line up (lynx lays some tables out otherwise at 80
columns) are counted apart.  A missed join is put in a kind: the next line
a list item (bullet), the line above under 40 columns (short), the next
line indented deeper or shallower than the one above and not at its body
(indent deeper, indent shallower), else same-indent.  DETAIL_OUT gets a
line per missed (MISS) and false (FALSE) join, with "all" every pair (B).
"""
import difflib
import os
import re
import subprocess
import sys
from collections import Counter

TOK = re.compile(r'[^\W_]+')
BUL = re.compile(r'^( *)([*+o#@-] |\u2022 |[0-9]+[.)] )')


def decode(b):
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('cp1252', errors='replace')


def shape(line):
    ind = len(line) - len(line.lstrip(' '))
    m = BUL.match(line)
    return ind, len(line.rstrip()), bool(m), (len(m.group(0)) if m else ind)


def main():
    ev, exe = sys.argv[1], sys.argv[2]
    detail = open(sys.argv[3], 'w') if len(sys.argv) > 3 else None
    dev = os.path.join(ev, 'dev')
    ids = sorted(f for f in os.listdir(os.path.join(dev, 'text80')) if f.endswith('.txt'))
    stream = b''.join(open(os.path.join(dev, 'text80', f), 'rb').read() + b'\0' for f in ids)
    out = subprocess.run([exe, '-z', '--explain=tsv'], input=stream, stdout=subprocess.PIPE,
                         check=True).stdout
    units = {}
    rows = out.split(b'\n')
    for row in rows[1:]:
        if not row:
            continue
        cells = row.split(b'\t')
        doc = int(cells[0])
        t = decode(cells[-1])
        t = re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\'}[m.group(1)], t)
        units.setdefault(doc, []).append(t)
    cnt = Counter()
    cats = Counter()
    for k, f in enumerate(ids, 1):
        sub = f.split('-')[0]
        lines = []   # (text, joined to previous)
        for u in units.get(k, []):
            for i, ln in enumerate(u.split('\n')):
                lines.append((ln, i > 0))
        t80, l80 = [], []
        for li, (ln, _) in enumerate(lines):
            for w in TOK.findall(ln):
                t80.append(w.lower())
                l80.append(li)
        gold = decode(open(os.path.join(dev, 'text', f), 'rb').read()).split('\n')
        tt, lt = [], []
        for li, ln in enumerate(gold):
            for w in TOK.findall(ln):
                tt.append(w.lower())
                lt.append(li)
        amap = {}
        if t80 == tt:
            amap = {i: i for i in range(len(t80))}
        else:
            sm = difflib.SequenceMatcher(None, t80, tt, autojunk=False)
            for a, b, n in sm.get_matching_blocks():
                for j in range(n):
                    amap[a + j] = b + j
        first, last = {}, {}
        for i, li in enumerate(l80):
            first.setdefault(li, i)
            last[li] = i
        for li in range(1, len(lines)):
            if li not in first or li - 1 not in last:
                continue
            a, b = last[li - 1], first[li]
            if a not in amap or b not in amap:
                cnt['unaligned'] += 1
                continue
            g = lt[amap[a]] == lt[amap[b]]
            r = lines[li][1]
            cnt[(g, r)] += 1
            if detail and len(sys.argv) > 4 and sys.argv[4] == 'all':
                detail.write('B\t%s\t%d\t%d\t%d\t%d\t%r\t%r\n' % (f, li, g, r, not lines[li - 1][1], lines[li - 1][0], lines[li][0]))
            if g != r:
                pi, pc, _, pb = shape(lines[li - 1][0])
                ni, nc, nbul, _ = shape(lines[li][0])
                if g:
                    if nbul:
                        c = 'bullet'
                    elif pc < 40:
                        c = 'short'
                    elif ni != pi and ni != pb:
                        c = 'indent %s' % ('deeper' if ni > pi else 'shallower')
                    else:
                        c = 'same-indent'
                    cats['miss ' + c] += 1
                    cats['miss %s %s' % (c, sub)] += 1
                    if detail:
                        detail.write('MISS\t%s\t%s\t%d\t%r\t%r\n' % (c, f, li, lines[li - 1][0], lines[li][0]))
                else:
                    cats['false'] += 1
                    cats['false ' + sub] += 1
                    if detail:
                        detail.write('FALSE\t%s\t%d\t%r\t%r\n' % (f, li, lines[li - 1][0], lines[li][0]))
    print('joins gold&reader %d, missed %d, false %d, both no %d, unaligned %d' % (
        cnt[(True, True)], cnt[(True, False)], cnt[(False, True)], cnt[(False, False)],
        cnt['unaligned']))
    for c, n in sorted(cats.items()):
        print('%-40s %d' % (c, n))


main()
