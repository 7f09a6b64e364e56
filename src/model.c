/* model.c - the block model's features and weights.
 *
 * The feature order here and in tools/fit_model.py must agree: own
 * features, then each neighbour from -MODEL_RADIUS to +MODEL_RADIUS, then
 * the share of prose around, then the position. */
#include <math.h>
#include <stddef.h>
#include "block.h"
#include "context.h"
#include "model.h"

#define OWN_FEATURES 32
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -2.340539;
static const double weights_text[MODEL_FEATURES] = {
    +1.134610, /* log_chars */
    +1.122523, /* stop_density */
    -14.123534, /* link_density */
    -1.509390, /* caps_share */
    +2.588357, /* digit_share */
    -15.406894, /* symbol_share */
    -1.109235, /* has_separator */
    +0.504489, /* sentences */
    -2.946705, /* comma_share */
    +0.516696, /* end_punct */
    -0.431117, /* bullet */
    -3.239579, /* indent */
    -0.025033, /* short */
    +0.000000, /* hint_nav */
    +0.000000, /* hint_footer */
    +0.000000, /* hint_header */
    +0.000000, /* hint_aside */
    +0.000000, /* hint_form */
    +0.000000, /* hint_hidden */
    +0.000000, /* hint_comment */
    +0.000000, /* hint_share */
    +0.000000, /* hint_related */
    +0.000000, /* hint_byline */
    +0.000000, /* hint_article */
    +0.000000, /* hint_body */
    +0.000000, /* hint_content */
    +0.000000, /* heading */
    +0.000000, /* heading1 */
    +0.000000, /* list_item */
    +0.000000, /* cell */
    +0.000000, /* quote */
    +0.000000, /* caption */
    +0.278454, /* log_chars_-2 */
    -0.178584, /* stop_density_-2 */
    +0.277432, /* end_punct_-2 */
    +0.014489, /* rule_bad_-2 */
    +0.391510, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.248419, /* log_chars_-1 */
    +0.139916, /* stop_density_-1 */
    +0.368829, /* end_punct_-1 */
    -0.264143, /* rule_bad_-1 */
    +0.749572, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.504249, /* log_chars_+1 */
    +0.264104, /* stop_density_+1 */
    +0.693535, /* end_punct_+1 */
    -0.162704, /* rule_bad_+1 */
    +0.468743, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.707227, /* log_chars_+2 */
    -0.494276, /* stop_density_+2 */
    +0.419901, /* end_punct_+2 */
    -0.384987, /* rule_bad_+2 */
    +1.194654, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +1.988502, /* prose_share_around */
    -2.483618, /* position */
};

static const double bias_html = -5.347258;
static const double weights_html[MODEL_FEATURES] = {
    +3.302249, /* log_chars */
    +1.964978, /* stop_density */
    -0.627126, /* link_density */
    -1.686391, /* caps_share */
    +2.872576, /* digit_share */
    -5.493024, /* symbol_share */
    -0.000181, /* has_separator */
    +0.306056, /* sentences */
    +1.171188, /* comma_share */
    +0.115666, /* end_punct */
    +0.964722, /* bullet */
    +0.000000, /* indent */
    +0.275366, /* short */
    -1.158804, /* hint_nav */
    -2.510474, /* hint_footer */
    -1.359789, /* hint_header */
    -1.564735, /* hint_aside */
    -2.960427, /* hint_form */
    -0.142606, /* hint_hidden */
    -2.387405, /* hint_comment */
    +0.242960, /* hint_share */
    -0.484188, /* hint_related */
    +0.515953, /* hint_byline */
    +0.829718, /* hint_article */
    +0.599222, /* hint_body */
    +1.593062, /* hint_content */
    +1.086597, /* heading */
    +1.386363, /* heading1 */
    -0.550563, /* list_item */
    +0.974053, /* cell */
    +0.443102, /* quote */
    -4.013856, /* caption */
    +0.720978, /* log_chars_-2 */
    -0.419076, /* stop_density_-2 */
    +0.041317, /* end_punct_-2 */
    -0.038225, /* rule_bad_-2 */
    +0.007169, /* link_density_-2 */
    -0.206596, /* hint_strong_-2 */
    -0.400959, /* hint_positive_-2 */
    +1.400509, /* log_chars_-1 */
    -0.387267, /* stop_density_-1 */
    +0.348266, /* end_punct_-1 */
    -0.118730, /* rule_bad_-1 */
    -0.605367, /* link_density_-1 */
    -0.481166, /* hint_strong_-1 */
    +1.095642, /* hint_positive_-1 */
    +0.735898, /* log_chars_+1 */
    -0.233772, /* stop_density_+1 */
    +0.806643, /* end_punct_+1 */
    -0.236084, /* rule_bad_+1 */
    -0.209649, /* link_density_+1 */
    -0.901073, /* hint_strong_+1 */
    -0.270426, /* hint_positive_+1 */
    +1.076838, /* log_chars_+2 */
    -0.827234, /* stop_density_+2 */
    -0.014395, /* end_punct_+2 */
    -0.277303, /* rule_bad_+2 */
    -0.294402, /* link_density_+2 */
    +0.137467, /* hint_strong_+2 */
    +0.095341, /* hint_positive_+2 */
    +1.938716, /* prose_share_around */
    -3.882938, /* position */
};

/* Hints grouped as the model sees them (bits of block.h). */
static const unsigned hint_groups[] = {
    HINT_NAV | HINT_MENU, HINT_FOOTER, HINT_HEADER, HINT_ASIDE | HINT_SIDEBAR,
    HINT_FORM, HINT_HIDDEN, HINT_COMMENT, HINT_SHARE | HINT_NEWSLETTER | HINT_COOKIE,
    HINT_RELATED | HINT_AD | HINT_BREADCRUMB | HINT_TAGS | HINT_PAGINATION,
    HINT_BYLINE, HINT_ARTICLE | HINT_MAIN, HINT_BODY, HINT_CONTENT,
};

#define HINT_STRONG (HINT_NAV | HINT_FOOTER | HINT_HIDDEN | HINT_COMMENT | HINT_SHARE | \
                     HINT_RELATED | HINT_NEWSLETTER | HINT_COOKIE | HINT_AD | \
                     HINT_BREADCRUMB | HINT_PAGINATION | HINT_MENU)

void model_nb_from(model_nb *n, const features *f, unsigned hints, int rule_bad)
{
    n->link_density = features_link_density(f);
    n->hint_strong = (hints & HINT_STRONG) != 0;
    n->hint_positive = (hints & HINT_POSITIVE) != 0;
    n->chars = f->chars;
    n->log_chars = log1p((double)f->chars) / 7.0;
    n->stop_density = features_stop_density(f);
    n->end_punct = f->end_punct;
    n->rule_bad = rule_bad;
    n->prose = n->stop_density >= 0.3 && f->end_punct && f->chars >= 70;
}

static double min_d(double a, double b)
{
    return a < b ? a : b;
}

double model_score(model_mode mode, const unit *u,
                   const model_nb *const before[MODEL_SPAN],
                   const model_nb *const after[MODEL_SPAN], unsigned long index)
{
    const features *f = &u->f;
    unsigned hints = u->hints, heading = u->heading, flags = u->flags;
    double x[MODEL_FEATURES];
    size_t k = 0;
    double c = f->chars, w = f->words > 0 ? f->words : 1;
    double cc = c > 0 ? c : 1;
    x[k++] = log1p(c) / 7.0;
    x[k++] = features_stop_density(f);
    x[k++] = features_link_density(f);
    x[k++] = f->caps / w;
    x[k++] = f->digits / cc;
    x[k++] = f->symbols / cc;
    x[k++] = f->separators > 0;
    x[k++] = min_d(f->sentences, 6) / 6.0;
    x[k++] = f->commas / w;
    x[k++] = f->end_punct;
    x[k++] = f->bullet;
    x[k++] = min_d(f->indent, 12) / 12.0;
    x[k++] = c < 70;
    for (size_t i = 0; i < sizeof hint_groups / sizeof *hint_groups; i++)
        x[k++] = (hints & hint_groups[i]) != 0;
    x[k++] = heading > 0;
    x[k++] = heading == 1;
    x[k++] = (flags & BLOCK_LIST_ITEM) != 0;
    x[k++] = (flags & BLOCK_CELL) != 0;
    x[k++] = (flags & BLOCK_QUOTE) != 0;
    x[k++] = (flags & BLOCK_CAPTION) != 0;
    for (int d = -MODEL_RADIUS; d <= MODEL_RADIUS; d++) {
        if (d == 0)
            continue;
        /* the document's edge counts as a neighbour like the block itself */
        const model_nb *n = d < 0 ? before[-d - 1] : after[d - 1];
        if (!n)
            n = &u->nb;
        x[k++] = n->log_chars;
        x[k++] = n->stop_density;
        x[k++] = n->end_punct;
        x[k++] = n->rule_bad;
        x[k++] = n->link_density;
        x[k++] = n->hint_strong;
        x[k++] = n->hint_positive;
    }
    double total = 0, prose = 0;
    for (int i = 0; i < MODEL_SPAN; i++) {
        const model_nb *sides[2] = { before[i], after[i] };
        for (int s = 0; s < 2; s++)
            if (sides[s]) {
                total += sides[s]->chars;
                prose += sides[s]->prose ? sides[s]->chars : 0;
            }
    }
    x[k++] = total > 0 ? prose / total : 0;
    x[k++] = min_d((double)index, 400) / 400.0;

    const double *wt = mode == MODEL_HTML ? weights_html : weights_text;
    double z = mode == MODEL_HTML ? bias_html : bias_text;
    for (size_t i = 0; i < MODEL_FEATURES; i++)
        z += wt[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}
