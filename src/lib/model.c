/* model.c - the block model: its feature vector (features.def) and its
 * score.  The weights are in model_weights.c, written by
 * tools/fit_model.py. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include "block.h"
#include "log_tables.h"
#include "unit.h"
#include "model.h"
#include "model_weights.h"
#include "tuning.h"

void model_nb_from(model_nb *n, const features *f, unsigned hints, int rule_bad)
{
    n->link_density = features_link_density(f);
    n->hint_strong = (hints & HINT_STRONG) != 0;
    n->hint_positive = (hints & HINT_POSITIVE) != 0;
    n->chars = f->chars;
    n->log_chars = log_chars(f->chars);
    n->stop_density = f->stop_density;
    n->end_punct = f->end_punct;
    n->rule_bad = rule_bad;
    n->prose = tuning_prose(n->stop_density, f->end_punct, f->chars);
}

static double min_d(double a, double b)
{
    return a < b ? a : b;
}

/* The own entries by group, each group in one stretch: PLAIN, MARKUP, RUN. */
#define GROUP_IS_PLAIN_PLAIN 1
#define GROUP_IS_PLAIN_MARKUP 0
#define GROUP_IS_PLAIN_RUN 0
#define GROUP_IS_MARKUP_PLAIN 0
#define GROUP_IS_MARKUP_MARKUP 1
#define GROUP_IS_MARKUP_RUN 0
#define GROUP_IS_RUN_PLAIN 0
#define GROUP_IS_RUN_MARKUP 0
#define GROUP_IS_RUN_RUN 1
enum {
    MODEL_PLAIN_FEATURES = 0
/* NOLINTNEXTLINE(bugprone-macro-parentheses): a term of a sum */
#define UB_FEATURE(name, group, source, scale, what) +GROUP_IS_PLAIN_##group
#include "features.def"
    , MODEL_MARKUP_FEATURES = 0
/* NOLINTNEXTLINE(bugprone-macro-parentheses): a term of a sum */
#define UB_FEATURE(name, group, source, scale, what) +GROUP_IS_MARKUP_##group
#include "features.def"
    , MODEL_RUN_FEATURES = 0
/* NOLINTNEXTLINE(bugprone-macro-parentheses): a term of a sum */
#define UB_FEATURE(name, group, source, scale, what) +GROUP_IS_RUN_##group
#include "features.def"
};
#define MODEL_F_PLAIN_FIRST 0
#define MODEL_F_MARKUP_FIRST MODEL_PLAIN_FEATURES
#define MODEL_F_RUN_FIRST (MODEL_PLAIN_FEATURES + MODEL_MARKUP_FEATURES)
#define UB_FEATURE(name, group, source, scale, what) \
    _Static_assert((int)MODEL_F_##name >= (int)MODEL_F_##group##_FIRST && \
                   (int)MODEL_F_##name < (int)MODEL_F_##group##_FIRST + \
                                         (int)MODEL_##group##_FEATURES, \
                   "features.def: " #name " is out of its group's stretch");
#include "features.def"

static const char *const feature_names[MODEL_FEATURES] = {
#define UB_FEATURE(name, group, source, scale, what) #name,
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) #name "_m2",
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) #name "_m1",
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) #name "_p1",
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) #name "_p2",
#include "features.def"
#define UB_WINDOW(name, source, scale, what) #name,
#include "features.def"
};

const char *model_feature_name(size_t i)
{
    return i < MODEL_FEATURES ? feature_names[i] : NULL;
}

void model_window(double w[MODEL_WINDOW_FEATURES], const model_nb *const before[MODEL_SPAN],
                  const model_nb *const after[MODEL_SPAN], unsigned long index)
{
    /* Characters are whole numbers, summed here as integers: the sums
     * of the doubles were exact, so the two give the same bits, and the
     * prose test is a mask, where a branch on it missed once a block in
     * three (issue 20). */
    uint64_t all = 0, in_prose = 0;
    for (int i = 0; i < MODEL_SPAN; i++) {
        const model_nb *sides[2] = { before[i], after[i] };
        for (int s = 0; s < 2; s++)
            if (sides[s]) {
                uint64_t c = (uint64_t)(int64_t)sides[s]->chars;   /* no range test */
                all += c;
                in_prose += c & -(uint64_t)(sides[s]->prose != 0);
            }
    }
    double total = (double)all, prose = (double)in_prose;
#define UB_WINDOW(name, source, scale, what) \
    w[MODEL_F_##name - MODEL_F_WINDOW] = (source) / (scale);
#include "features.def"
}

/* The own entries of features.def into x, those of the groups whose
 * OWN_<group> is 1 (constants: the tests cost nothing). */
#define OWN_ENTRY(name, group, source, scale, what) \
    if (OWN_##group) \
        x[MODEL_F_##name] = (source) / (scale);
#define OWN_LOCALS(u) \
    const features *f = &(u)->f; \
    double c = f->chars, w = f->words > 0 ? f->words : 1; \
    double cc = c > 0 ? c : 1; \
    (void)f; (void)c; (void)w; (void)cc

void model_own(double *x, const unit *u)
{
    OWN_LOCALS(u);
    enum { OWN_PLAIN = 1, OWN_MARKUP = 1, OWN_RUN = 1 };
#define UB_FEATURE OWN_ENTRY
#include "features.def"
}

/* The score's sum takes each term as it is made, in the order of the
 * features' indices, as a sum over the vector would: the same bits, with
 * no vector written and read back.  The markup features are zero in text
 * mode and the runs' in HTML mode: neither is made nor weighed there (the
 * score is the same, to the bit, and text mode is the one that must be
 * fast). */
#define SUM_ENTRY(name, group, source, scale, what) \
    if (OWN_##group) \
        z += wt[MODEL_F_##name] * (double)((source) / (scale));

double model_score(model_mode mode, const unit *u,
                   const model_nb *const before[MODEL_SPAN],
                   const model_nb *const after[MODEL_SPAN])
{
    static const double *const weights[] = {
        [MODEL_TEXT] = model_weights_text, [MODEL_HTML] = model_weights_html,
        [MODEL_PAGE] = model_weights_page, [MODEL_TEXT_PAGE] = model_weights_textpage,
    };
    const double *wt = weights[mode];
    double z = mode == MODEL_PAGE ? model_bias_page
               : mode == MODEL_HTML ? model_bias_html
               : mode == MODEL_TEXT_PAGE ? model_bias_textpage : model_bias_text;
    OWN_LOCALS(u);
    {
        enum { OWN_PLAIN = 1, OWN_MARKUP = 0, OWN_RUN = 0 };
#define UB_FEATURE SUM_ENTRY
#include "features.def"
    }
    if (mode != MODEL_TEXT && mode != MODEL_TEXT_PAGE) {
        enum { OWN_PLAIN = 0, OWN_MARKUP = 1, OWN_RUN = 0 };
#define UB_FEATURE SUM_ENTRY
#include "features.def"
    } else {
        enum { OWN_PLAIN = 0, OWN_MARKUP = 0, OWN_RUN = 1 };
#define UB_FEATURE SUM_ENTRY
#include "features.def"
    }
    size_t k = MODEL_OWN_FEATURES;
    for (int d = -MODEL_RADIUS; d <= MODEL_RADIUS; d++) {
        if (d == 0)
            continue;
        /* the document's edge counts as a neighbour like the block itself */
        const model_nb *n = d < 0 ? before[-d - 1] : after[d - 1];
        if (!n)
            n = &u->nb;
#define UB_NEIGHBOUR(name, source, what) z += wt[k++] * (double)(source);
#include "features.def"
    }
    for (size_t i = 0; i < MODEL_WINDOW_FEATURES; i++)
        z += wt[k++] * u->window[i];
    return 1.0 / (1.0 + exp(-z));
}
