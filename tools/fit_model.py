#!/usr/bin/env python3
"""Fit the block model: logistic regression on a block's own features and
its neighbours', from the TSV of tools/dump_blocks.py (unboil's
--explain=tsv with a label per block), one fit per input mode.  Writes the
weights as src/lib/model_weights.c and prints the held-out scores.

usage: fit_model.py --text TEXT.tsv --html HTML.tsv --page PAGE.tsv
                    --textpage TEXTPAGE.tsv [--text80page TEXT80PAGE.tsv]
                    [-o src/lib/model_weights.c] [--test-prefix readability]
                    [--page-test-prefix none] [--c 1.0] [--no-page]
                    [--stable page,textpage] [--page-weigh A]
                    [--html-page-weigh A] [--html-balance]
                    [--text-leave-out NAME,NAME]
The model is fitted on the documents whose id does not start with the test
prefix and checked on those that do, so a gain must carry over.  The page
sets, HTML and text decided with the look-ahead (dump_blocks.py's page and
textpage modes), are fitted on all four subsets by default and judged left
out by tools/loso.sh (--page-test-prefix leaves one out of both);
--no-page fits them without the page model's and the article region's
features, for the row to compare with.  --text80page adds the dump of the
text dumps wrapped at 80 columns to the text set's fit (the text set is
fitted with each subset weighing the same: see fit()).  --stable SETS
leaves out of the named sets the features whose weights change sign
with the subsets fitted on (see unstable()).  --page-weigh A (0 to 1)
weighs each page of the text set's dumps by its words to the power 1 - A
(0, the default: by its words; 1: every page the same, as the score
averages P and R over pages); measured and not kept (README).
--html-page-weigh A does the same for the HTML page set, and
--html-balance fits it with each subset's words weighing the same, as
the text set is; both measured and not kept (README, "Where cleaneval
loses").

Every feature is taken by its name from the dump's header row, which
unboil writes from src/lib/features.def: columns x.NAME are the block's own
entries, nb.NAME its view as a neighbour, w.NAME the window's.  Nothing
here knows their order or how they are made.

A set whose dump is not given is kept as the output file has it, with
the features it lacks set to zero (for a feature that is zero in that set's
mode, as the region's in the text window: its scores stay the same).
"""
import sys
from collections import defaultdict

RADIUS = 2      # neighbours on each side seen one by one (MODEL_RADIUS)
SIDES = [(d, ('m' if d < 0 else 'p') + str(abs(d)))
         for d in list(range(-RADIUS, 0)) + list(range(1, RADIUS + 1))]


def load(path):
    """The dump's rows, per document, and the header's feature names."""
    docs = defaultdict(list)
    with open(path, encoding='utf-8', errors='replace') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            r = dict(zip(header, line.rstrip('\n').split('\t')))
            docs[r['doc']].append(r)
    own = [c[2:] for c in header if c.startswith('x.')]
    nb = [c[3:] for c in header if c.startswith('nb.') and c not in ('nb.chars', 'nb.prose')]
    win = [c[2:] for c in header if c.startswith('w.')]
    return docs, own, nb, win


# What a rule decided is not the model's to learn; as a neighbour, a block a
# rule dropped is known bad (a block the model dropped is not: its reason may
# still name a rule class, as "links", and the C side cannot see that).
def decided_bad(r):
    return r['r'] == '1' and r['keep'] == 'DROP'


def nb_view(r, nb):
    v = [float(r['nb.' + n]) for n in nb]
    if 'rule_bad' in nb:
        v[nb.index('rule_bad')] = 1.0 if decided_bad(r) else 0.0
    return v


def names(own, nb, win):
    return own + [f'{n}_{s}' for _, s in SIDES for n in nb] + win


# A missing neighbour (the document's edge) is taken to be like the block
# itself: the edge is no evidence either way, so a clean article's last
# paragraph is judged on its own merits.
def vectors(doc, own, nb, win):
    out = []
    for i, r in enumerate(doc):
        v = [float(r['x.' + n]) for n in own]
        for d, _ in SIDES:
            j = i + d
            v += nb_view(doc[j] if 0 <= j < len(doc) else r, nb)
        v += [float(r['w.' + n]) for n in win]
        out.append(v)
    return out


# Some pages' gold text takes in their reader comments, though the set's
# gold is meant to leave them out.  On such a page (more than a quote's worth
# of gold under a comment mark or past the comment-section cut) the blocks
# marked as comments are noise to the model, and are left out of the fit;
# the page's other blocks still count.
COMMENT_GOLD_MAX = 100
COMMENT_REASONS = ('comment-opener', 'comments', 'thread')   # unboil --list-rules


def in_comment_box(r):
    return float(r['x.hint_comment']) > 0


def comment_gold(rows):
    return sum(int(r['ntok']) for r in rows if float(r['frac']) >= 0.5 and
               (r['why'] in COMMENT_REASONS or in_comment_box(r)))


# The page model's entries and the text region's (features.def, page.h,
# text_region.h): zero but with the look-ahead, left out with --no-page.
PAGE_PREFIXES = ('page_', 'region_')

# The text set is applied to text as it came and to text hard-wrapped (its
# paragraphs joined back by the reader, text_reader.c), whose lines are
# other units with other neighbours: it is fitted on the dumps of both,
# each page's rows in each form at half weight, so a page counts once.
# And it is fitted with each subset's words weighing the same in all: the
# subsets differ in what their gold keeps around an article, and in
# their pages' length, so the largest would otherwise set the weights
# for pages of every other source (tools/loso.sh judges this).
def subset_of(doc):
    return doc.split('-', 1)[0]


# --text-leave-out NAMES fits the text set without the named features
# (weight 0), for tools/loso.sh to judge a feature set (FIT_ARGS).  The
# run's length and line count (run_log_chars, run_items) change sign with
# the subset left out and are what moves most when cleaneval is; fitted
# without them the left-out gaps close but the left-out readability
# falls, so none is left out by default (README, "Why text cleaneval does
# not carry over").


# A feature whose weight changes sign with the source of the pages fitted
# on describes those sources, not boilerplate: its weight is noise to a
# page of another source.  With --stable, the set is first fitted once with
# each of its training subsets left out in turn (never the held-out one:
# tools/loso.sh judges this), and a feature whose weight is positive in one
# of those fits and negative in another is left out (weight 0) of the set.
def unstable(X, y, wt, train, sub, creg):
    from sklearn.linear_model import LogisticRegression
    import numpy as np
    signs = []
    for s in sorted(set(sub[train])):
        part = train & (sub != s)
        m = LogisticRegression(C=creg, max_iter=2000)
        m.fit(X[part], y[part], sample_weight=wt[part])
        signs.append(np.sign(m.coef_[0]))
    signs = np.array(signs)
    return ((signs > 0).any(0) & (signs < 0).any(0)).nonzero()[0]


def fit(paths, test_prefix, creg, no_page=False, balance=False, stable=False,
        page_weigh=0.0, left_out=()):
    """paths: (dump, weight) pairs, fitted together."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    X, y, wt, test, sub = [], [], [], [], []
    page_of = []   # (dump, page) of each row
    feats = None
    for path, share in paths:
        docs, own, nb, win = load(path)
        assert feats in (None, (own, nb, win)), f'{path}: another feature list'
        feats = (own, nb, win)
        for d, rows in docs.items():
            noisy = comment_gold(rows) > COMMENT_GOLD_MAX
            for r, v in zip(rows, vectors(rows, own, nb, win)):
                if r['r'] == '1' or (noisy and in_comment_box(r)):
                    continue
                X.append(v)
                y.append(1 if float(r['frac']) >= 0.5 else 0)
                # the score counts words, not blocks
                wt.append(share * max(int(r['ntok']), 1))
                test.append(d.startswith(test_prefix))
                sub.append(subset_of(d))
                page_of.append(path + '\t' + d)
    X, y, wt, test = np.array(X), np.array(y), np.array(wt, float), np.array(test)
    if page_weigh:
        # a page's words weigh as its length to the power 1 - page_weigh
        page = np.array(page_of)
        words = defaultdict(float)
        for d, w in zip(page, wt):
            words[d] += w
        wt = wt / np.array([words[d] for d in page]) ** page_weigh
    if balance:
        sub = np.array(sub)
        train = sorted(set(sub[~test]))
        total = {s: wt[~test & (sub == s)].sum() for s in train}
        mean = sum(total.values()) / len(train)
        for s in train:
            wt[sub == s] *= mean / total[s]
    if no_page:
        for i, n in enumerate(names(own, nb, win)):
            if n.startswith(PAGE_PREFIXES):
                X[:, i] = 0.0
    for i, n in enumerate(names(own, nb, win)):
        if n in left_out:
            X[:, i] = 0.0
    path = '+'.join(p for p, _ in paths)
    if stable:
        drop = unstable(X, y, wt, ~test, np.array(sub), creg)
        X[:, drop] = 0.0
        print(f'# {path}: left out, their weights changing sign between subsets: '
              + ' '.join(names(own, nb, win)[i] for i in drop), file=sys.stderr)
    m = LogisticRegression(C=creg, max_iter=2000)
    m.fit(X[~test], y[~test], sample_weight=wt[~test])
    for name, part in (('train', ~test), ('test', test)):
        if not part.any():
            continue
        p = m.predict_proba(X[part])[:, 1]
        for th in (0.3, 0.4, 0.5, 0.6):
            k = p >= th
            tp = (wt[part] * (k & (y[part] == 1))).sum()
            prec = tp / max((wt[part] * k).sum(), 1)
            rec = tp / max((wt[part] * (y[part] == 1)).sum(), 1)
            print(f'# {path} {name} th={th}: word P={prec:.3f} R={rec:.3f} '
                  f'F1={2*prec*rec/max(prec+rec,1e-9):.3f}', file=sys.stderr)
    return float(m.intercept_[0]), dict(zip(names(own, nb, win), map(float, m.coef_[0])))


def write_weights(out, fits):
    """src/lib/model_weights.c of {mode: (bias, {feature name: weight})}.  The
    entries are set by name (model.h's MODEL_F_*), so a feature renamed in
    features.def fails to compile, and the count is asserted, so one added
    there fails too, until the model is refitted."""
    counts = {len(w) for _, w in fits.values()}
    assert len(counts) == 1, 'both modes must have the same features'
    n = counts.pop()
    out.write('/* model_weights.c - the block model\'s weights, one set per input mode.\n'
              ' *\n'
              ' * Written by tools/fit_model.py (tools/retrain.sh): do not edit.  Fitted\n'
              ' * on the dragnet pages of the dev set (text mode: their text dumps; HTML\n'
              ' * mode: the pages) and checked on the readability pages; the page sets\n'
              ' * (HTML and text with the look-ahead) on all four subsets, each also\n'
              ' * left out in turn by tools/loso.sh. */\n'
              '#include "model.h"\n#include "model_weights.h"\n\n'
              f'_Static_assert(MODEL_FEATURES == {n}, "features.def changed: refit the model "\n'
              '               "(tools/retrain.sh)");\n')
    for mode in ('text', 'html', 'page', 'textpage'):
        bias, w = fits[mode]
        out.write(f'\nconst double model_bias_{mode} = {bias:.6f};\n'
                  f'const double model_weights_{mode}[MODEL_FEATURES] = {{\n')
        for name, v in w.items():
            out.write(f'    [MODEL_F_{name}] = {v:+.6f},\n')
        out.write('};\n')


def read_weights(path, feature_names):
    """The sets of an existing src/lib/model_weights.c, {mode: (bias, {name: w})},
    each with every name of feature_names (0 where the file has none)."""
    import re
    text = open(path).read()
    sets = {}
    for m in re.finditer(r'model_bias_(\w+) = ([-+0-9.e]+);\s*const double model_weights_\1'
                         r'\[MODEL_FEATURES\] = \{(.*?)\};', text, re.S):
        w = dict((n, float(v)) for n, v in
                 re.findall(r'\[MODEL_F_(\w+)\] = ([-+0-9.e]+)', m.group(3)))
        sets[m.group(1)] = (float(m.group(2)), {n: w.get(n, 0.0) for n in feature_names})
    return sets


def main():
    args = sys.argv[1:]
    paths, out, test_prefix, creg = {}, 'src/lib/model_weights.c', 'readability', 1.0
    page_prefix, no_page, stable, page_weigh = 'none', False, (), 0.0
    html_weigh, html_balance = 0.0, False
    text_left_out = ()
    while args:
        a = args.pop(0)
        if a in ('--text', '--html', '--page', '--textpage', '--text80page'):
            paths[a[2:]] = args.pop(0)
        elif a == '-o':
            out = args.pop(0)
        elif a == '--test-prefix':
            test_prefix = args.pop(0)
        elif a == '--page-test-prefix':
            page_prefix = args.pop(0)
        elif a == '--stable':
            stable = args.pop(0).split(',')
        elif a == '--page-weigh':
            page_weigh = float(args.pop(0))
        elif a == '--html-page-weigh':
            html_weigh = float(args.pop(0))
        elif a == '--html-balance':
            html_balance = True
        elif a == '--no-page':
            no_page = True
        elif a == '--text-leave-out':
            text_left_out = tuple(args.pop(0).split(','))
        elif a == '--c':
            creg = float(args.pop(0))
        else:
            sys.exit(__doc__)
    if not paths or not set(paths) <= {'text', 'html', 'page', 'textpage', 'text80page'}:
        sys.exit(__doc__)
    if 'text80page' in paths and 'textpage' not in paths:
        sys.exit('fit_model.py: --text80page joins the --textpage fit')
    paged = ('page', 'textpage')
    sources = {mode: [(p, 1.0)] for mode, p in paths.items() if mode != 'text80page'}
    if 'text80page' in paths:
        sources['textpage'] = [(paths['textpage'], 0.5), (paths['text80page'], 0.5)]
    fits = {mode: fit(src, page_prefix if mode in paged else test_prefix, creg,
                      no_page or mode not in paged,
                      balance=mode == 'textpage' or (mode == 'page' and html_balance),
                      stable=mode in stable,
                      page_weigh=(html_weigh if mode == 'page' else
                                  page_weigh if mode == 'textpage' else 0.0),
                      left_out=text_left_out if mode == 'textpage' else ())
            for mode, src in sources.items()}
    if len(fits) < 4:
        kept = read_weights(out, list(next(iter(fits.values()))[1]))
        for mode in ('text', 'html', 'page', 'textpage'):
            if mode not in fits:
                fits[mode] = kept[mode]
    with open(out, 'w') as f:
        write_weights(f, fits)


if __name__ == '__main__':
    main()
