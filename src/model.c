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
#define NB_FEATURES 8
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -4.245849;
static const double weights_text[MODEL_FEATURES] = {
    +2.574035, /* log_chars */
    +1.359795, /* stop_density */
    -10.451371, /* link_density */
    -1.256942, /* caps_share */
    +2.732076, /* digit_share */
    -12.090857, /* symbol_share */
    -0.923115, /* has_separator */
    +0.446532, /* sentences */
    -2.228506, /* comma_share */
    +0.387891, /* end_punct */
    -0.535707, /* bullet */
    -2.719719, /* indent */
    +0.124664, /* short */
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
    +0.949026, /* log_chars_-2 */
    -0.180591, /* stop_density_-2 */
    +0.110661, /* end_punct_-2 */
    +0.170472, /* rule_bad_-2 */
    -2.288354, /* missing_-2 */
    -0.144087, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.765441, /* log_chars_-1 */
    -0.024936, /* stop_density_-1 */
    +0.296323, /* end_punct_-1 */
    -0.185297, /* rule_bad_-1 */
    +1.090343, /* missing_-1 */
    +0.653694, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.817770, /* log_chars_+1 */
    +0.072865, /* stop_density_+1 */
    +0.749374, /* end_punct_+1 */
    -0.155391, /* rule_bad_+1 */
    -3.019293, /* missing_+1 */
    +0.419033, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +1.004913, /* log_chars_+2 */
    -0.655931, /* stop_density_+2 */
    +0.433298, /* end_punct_+2 */
    -0.405530, /* rule_bad_+2 */
    -2.294269, /* missing_+2 */
    +1.185535, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +1.847583, /* prose_share_around */
    -2.202797, /* position */
};

static const double bias_html = -5.261920;
static const double weights_html[MODEL_FEATURES] = {
    +3.351599, /* log_chars */
    +1.944096, /* stop_density */
    -0.659322, /* link_density */
    -1.723320, /* caps_share */
    +2.868840, /* digit_share */
    -5.642007, /* symbol_share */
    +0.064801, /* has_separator */
    +0.294325, /* sentences */
    +0.973455, /* comma_share */
    +0.154592, /* end_punct */
    +0.664578, /* bullet */
    +0.000000, /* indent */
    +0.309169, /* short */
    -1.142506, /* hint_nav */
    -2.460106, /* hint_footer */
    -1.368673, /* hint_header */
    -1.569778, /* hint_aside */
    -2.971522, /* hint_form */
    -0.089535, /* hint_hidden */
    -2.388291, /* hint_comment */
    +0.260143, /* hint_share */
    -0.480353, /* hint_related */
    +0.513966, /* hint_byline */
    +0.824078, /* hint_article */
    +0.646077, /* hint_body */
    +1.574851, /* hint_content */
    +1.127664, /* heading */
    +1.719219, /* heading1 */
    -0.549936, /* list_item */
    +0.861096, /* cell */
    +0.415418, /* quote */
    -4.161834, /* caption */
    +0.627055, /* log_chars_-2 */
    -0.317825, /* stop_density_-2 */
    +0.031183, /* end_punct_-2 */
    -0.060359, /* rule_bad_-2 */
    -1.302077, /* missing_-2 */
    +0.053181, /* link_density_-2 */
    -0.229383, /* hint_strong_-2 */
    -0.460566, /* hint_positive_-2 */
    +1.444556, /* log_chars_-1 */
    -0.397982, /* stop_density_-1 */
    +0.355683, /* end_punct_-1 */
    -0.145129, /* rule_bad_-1 */
    +0.000000, /* missing_-1 */
    -0.577616, /* link_density_-1 */
    -0.479589, /* hint_strong_-1 */
    +1.083443, /* hint_positive_-1 */
    +0.744243, /* log_chars_+1 */
    -0.242272, /* stop_density_+1 */
    +0.798369, /* end_punct_+1 */
    -0.261182, /* rule_bad_+1 */
    -2.808914, /* missing_+1 */
    -0.206025, /* link_density_+1 */
    -0.910411, /* hint_strong_+1 */
    -0.302045, /* hint_positive_+1 */
    +1.143812, /* log_chars_+2 */
    -0.791690, /* stop_density_+2 */
    -0.014800, /* end_punct_+2 */
    -0.303938, /* rule_bad_+2 */
    -0.847253, /* missing_+2 */
    -0.273522, /* link_density_+2 */
    +0.120094, /* hint_strong_+2 */
    +0.099848, /* hint_positive_+2 */
    +1.867436, /* prose_share_around */
    -3.861633, /* position */
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
        const model_nb *n = d < 0 ? before[-d - 1] : after[d - 1];
        x[k++] = n ? n->log_chars : 0;
        x[k++] = n ? n->stop_density : 0;
        x[k++] = n ? n->end_punct : 0;
        x[k++] = n ? n->rule_bad : 0;
        x[k++] = n ? 0 : 1;
        x[k++] = n ? n->link_density : 0;
        x[k++] = n ? n->hint_strong : 0;
        x[k++] = n ? n->hint_positive : 0;
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
