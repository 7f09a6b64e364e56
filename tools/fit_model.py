#!/usr/bin/env python3
"""Fit the block model: logistic regression on a block's own features and
its neighbours', from the TSV of tools/dump_blocks.py.  Prints the weights
as the C table of src/model.c and the held-out score.

usage: fit_model.py TRAIN.tsv [--test-prefix readability] [--c 1.0]
The model is fitted on the documents whose id does not start with the test
prefix and checked on those that do, so a gain must carry over.
"""
import math, sys
from collections import defaultdict
import numpy as np
from sklearn.linear_model import LogisticRegression

RADIUS = 2      # neighbours on each side seen one by one
SPAN = 6        # neighbours on each side seen as a sum

def own(r):
    c, w = float(r['c']), max(float(r['w']), 1.0)
    return [math.log1p(c) / 7.0, float(r['sd']), float(r['ld']),
            float(r['cap']) / w, float(r['dig']) / max(c, 1), float(r['sym']) / max(c, 1),
            1.0 if float(r['sep']) > 0 else 0.0, min(float(r['sent']), 6) / 6.0,
            float(r['com']) / w, float(r['end']), float(r['bul']),
            min(float(r['ind']), 12) / 12.0, 1.0 if c < 70 else 0.0] + markup(r) + run(r)

# HTML only (zero in text mode): hints from the enclosing elements, and the
# kind of element; bits as in src/block.h
HINT_GROUPS = [0x1 | 0x20000, 0x4, 0x2, 0x8 | 0x200, 0x10, 0x20, 0x40, 0x80 | 0x400 | 0x800,
               0x100 | 0x1000 | 0x2000 | 0x4000 | 0x10000, 0x8000,
               0x1000000 | 0x2000000, 0x4000000, 0x8000000]
FLAG_BITS = [0x2, 0x8, 0x10, 0x20]

def markup(r):
    hint = int(r['hint'], 16)
    fl = int(r['fl'], 16)
    h = int(r['h'])
    return ([1.0 if hint & g else 0.0 for g in HINT_GROUPS] +
            [1.0 if h > 0 else 0.0, 1.0 if h == 1 else 0.0] +
            [1.0 if fl & b else 0.0 for b in FLAG_BITS] +
            [float(r['bs']), math.log1p(float(r['bc'])) / 10.0,
             1.0 if r['lb'] == '2' else 0.0, 1.0 if r['lb'] == '3' else 0.0])

# Text only (zero in HTML mode): the run of lines sharing the block's
# indentation and bullet (src/context.h, unit_run), and its indentation
# against the last prose line; then the run before it.
RUN_KEYS = ['rn', 'rc', 're', 'rs', 'rd', 'rb', 'ra', 'ri', 'pn', 'pc', 'pe', 'pd', 'pi', 'pb']

def run(r):
    return [float(r[k]) for k in RUN_KEYS]

STRONG = 0x1 | 0x4 | 0x20 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | 0x1000 | 0x2000 | 0x10000 | 0x20000

OWN_NAMES = ['log_chars', 'stop_density', 'link_density', 'caps_share', 'digit_share',
             'symbol_share', 'has_separator', 'sentences', 'comma_share', 'end_punct',
             'bullet', 'indent', 'short',
             'hint_nav', 'hint_footer', 'hint_header', 'hint_aside', 'hint_form', 'hint_hidden',
             'hint_comment', 'hint_share', 'hint_related', 'hint_byline', 'hint_article',
             'hint_body', 'hint_content', 'heading', 'heading1', 'list_item', 'cell', 'quote',
             'caption', 'box_prose_share', 'box_chars', 'lead_inside', 'lead_beside',
             'run_items', 'run_log_chars', 'run_end_punct', 'run_short', 'run_stop_density',
             'run_prose_before', 'run_prose_after', 'rel_indent',
             'prev_run_items', 'prev_run_log_chars', 'prev_run_end_punct',
             'prev_run_stop_density', 'prev_run_indent', 'prev_run_bullet']

# What a rule decided is not the model's to learn; as a neighbour, a block a
# rule dropped is known bad (a block the model dropped is not: its reason may
# still name a rule class, as "links", and the C side cannot see that).
def decided_bad(r):
    return r['r'] == '1' and r['keep'] == 'DROP'

def nb(r):
    hint = int(r['hint'], 16)
    return [math.log1p(float(r['c'])) / 7.0, float(r['sd']), float(r['end']),
            1.0 if decided_bad(r) else 0.0, float(r['ld']),
            1.0 if hint & STRONG else 0.0, 1.0 if hint & 0xff000000 else 0.0]

# A missing neighbour (the document's edge) is taken to be like the block
# itself: the edge is no evidence either way, so a clean article's last
# paragraph is judged on its own merits.
NB_NAMES = ['log_chars', 'stop_density', 'end_punct', 'rule_bad', 'link_density',
            'hint_strong', 'hint_positive']

def prose(r):
    return float(r['sd']) >= 0.3 and float(r['end']) > 0 and float(r['c']) >= 70

def vectors(doc):
    out = []
    for i, r in enumerate(doc):
        v = own(r)
        for d in list(range(-RADIUS, 0)) + list(range(1, RADIUS + 1)):
            j = i + d
            v += nb(doc[j] if 0 <= j < len(doc) else r)
        tot = pro = 0.0
        for j in range(max(0, i - SPAN), min(len(doc), i + SPAN + 1)):
            if j == i:
                continue
            c = float(doc[j]['c'])
            tot += c
            pro += c if prose(doc[j]) else 0.0
        v.append(pro / tot if tot else 0.0)
        v.append(min(i, 400) / 400.0)
        out.append(v)
    return out

NAMES = OWN_NAMES + [f'{n}_{d:+d}' for d in list(range(-RADIUS, 0)) + list(range(1, RADIUS + 1))
                     for n in NB_NAMES] + ['prose_share_around', 'position']

def load(path):
    cols = ['doc', 'n', 'keep', 'why', 'cls', 'frac', 'ntok', 'c', 'w', 'sd', 'ld', 'cap', 'dig',
            'sym', 'sep', 'sent', 'com', 'end', 'bul', 'ind', 'hint', 'h', 'fl', 'bs', 'bc', 'lb', 'r'] + RUN_KEYS + ['lang']
    docs = defaultdict(list)
    for line in open(path):
        r = dict(zip(cols, line.rstrip('\n').split('\t')))
        docs[r['doc']].append(r)
    return docs

# Some pages' gold text takes in their reader comments, though the set's
# gold is meant to leave them out.  On such a page (more than a quote's worth
# of gold under a comment mark or past the comment-section cut) the blocks
# marked as comments are noise to the model, and are left out of the fit;
# the page's other blocks still count.
COMMENT_GOLD_MAX = 100
HINT_COMMENT = 0x40

def comment_gold(rows):
    return sum(int(r['ntok']) for r in rows if float(r['frac']) >= 0.5 and
               (r['why'] == 'comments' or int(r['hint'], 16) & HINT_COMMENT))

def main():
    path = sys.argv[1]
    test_prefix = 'readability'
    creg = 1.0
    args = sys.argv[2:]
    while args:
        a = args.pop(0)
        if a == '--test-prefix':
            test_prefix = args.pop(0)
        elif a == '--c':
            creg = float(args.pop(0))
    docs = load(path)
    X, y, wt, test = [], [], [], []
    for d, rows in docs.items():
        noisy = comment_gold(rows) > COMMENT_GOLD_MAX
        for r, v in zip(rows, vectors(rows)):
            if r['r'] == '1' or (noisy and int(r['hint'], 16) & HINT_COMMENT):
                continue
            X.append(v)
            y.append(1 if float(r['frac']) >= 0.5 else 0)
            wt.append(max(int(r['ntok']), 1))   # the score counts words, not blocks
            test.append(d.startswith(test_prefix))
    X, y, wt, test = np.array(X), np.array(y), np.array(wt, float), np.array(test)
    m = LogisticRegression(C=creg, max_iter=2000)
    m.fit(X[~test], y[~test], sample_weight=wt[~test])
    for name, part in (('train', ~test), ('test', test)):
        p = m.predict_proba(X[part])[:, 1]
        for th in (0.3, 0.4, 0.5, 0.6):
            k = p >= th
            tp = (wt[part] * (k & (y[part] == 1))).sum()
            prec = tp / max((wt[part] * k).sum(), 1)
            rec = tp / max((wt[part] * (y[part] == 1)).sum(), 1)
            print(f'# {name} th={th}: word P={prec:.3f} R={rec:.3f} F1={2*prec*rec/max(prec+rec,1e-9):.3f}',
                  file=sys.stderr)
    print('/* generated by tools/fit_model.py: weights in the order of model.c */')
    print(f'static const double model_bias = {m.intercept_[0]:.6f};')
    print('static const double model_weights[MODEL_FEATURES] = {')
    for n, w in zip(NAMES, m.coef_[0]):
        print(f'    {w:+.6f}, /* {n} */')
    print('};')

main()
