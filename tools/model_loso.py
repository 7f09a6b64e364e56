#!/usr/bin/env python3
"""Which kind of block model generalises to pages of another source: the
logistic model unboil compiles in, or a small gradient-boosted tree
ensemble, fitted on three subsets of a page dump and judged on the fourth.

usage: model_loso.py DUMP.tsv [SUBSET...]

DUMP.tsv is dump_blocks.py's `page` dump of all four subsets (loso.sh keeps
one with LOSO_DUMPS=DIR).  Rows, labels and word weights are fit_model.py's
own; the score is the word-weighted F1 of the blocks kept at the keep
threshold (0.4) and at the best of 0.3/0.4/0.5, on the left-out subset.
It judges the model alone, not the rules around it: a tree ensemble is
worth compiling to C only if it wins here on the left-out subsets.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_model  # noqa: E402

MODELS = {
    'logistic': lambda: __import__('sklearn.linear_model', fromlist=['x'])
    .LogisticRegression(C=1.0, max_iter=2000),
    'trees-d3': lambda: __import__('sklearn.ensemble', fromlist=['x'])
    .HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.1,
                                    l2_regularization=1.0),
    'trees-d4': lambda: __import__('sklearn.ensemble', fromlist=['x'])
    .HistGradientBoostingClassifier(max_depth=4, max_iter=200, learning_rate=0.08,
                                    l2_regularization=1.0, min_samples_leaf=50),
}


def rows(path):
    import numpy as np
    docs, own, nb, win = fit_model.load(path)
    X, y, wt, sub = [], [], [], []
    for d, doc in docs.items():
        noisy = fit_model.comment_gold(doc) > fit_model.COMMENT_GOLD_MAX
        for r, v in zip(doc, fit_model.vectors(doc, own, nb, win)):
            if r['r'] == '1' or (noisy and fit_model.in_comment_box(r)):
                continue
            X.append(v)
            y.append(1 if float(r['frac']) >= 0.5 else 0)
            wt.append(max(int(r['ntok']), 1))
            sub.append(d.split('-', 1)[0])
    return np.array(X), np.array(y), np.array(wt, float), np.array(sub)


def word_f1(p, y, wt, th):
    k = p >= th
    tp = (wt * (k & (y == 1))).sum()
    prec = tp / max((wt * k).sum(), 1)
    rec = tp / max((wt * (y == 1)).sum(), 1)
    return 2 * prec * rec / max(prec + rec, 1e-9)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    X, y, wt, sub = rows(sys.argv[1])
    subsets = sys.argv[2:] or sorted(set(sub))
    print('%-12s %s' % ('left out', '  '.join('%-17s' % m for m in MODELS)))
    for s in subsets:
        test = sub == s
        cells = []
        for make in MODELS.values():
            m = make()
            m.fit(X[~test], y[~test], sample_weight=wt[~test])
            p = m.predict_proba(X[test])[:, 1]
            best = max(word_f1(p, y[test], wt[test], t) for t in (0.3, 0.4, 0.5))
            cells.append('%.4f (best %.4f)' % (word_f1(p, y[test], wt[test], 0.4), best))
        print('%-12s %s' % (s, '  '.join(cells)), flush=True)


if __name__ == '__main__':
    main()
