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

#define OWN_FEATURES 36
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -2.232934;
static const double weights_text[MODEL_FEATURES] = {
    +1.023983, /* log_chars */
    +1.018995, /* stop_density */
    -10.267765, /* link_density */
    -1.656585, /* caps_share */
    +2.564549, /* digit_share */
    -17.302355, /* symbol_share */
    -0.800579, /* has_separator */
    +0.538201, /* sentences */
    -4.049505, /* comma_share */
    +0.672984, /* end_punct */
    -0.358274, /* bullet */
    -3.345396, /* indent */
    +0.009990, /* short */
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
    +0.000000, /* box_prose_share */
    +0.000000, /* box_chars */
    +0.000000, /* lead_inside */
    +0.000000, /* lead_beside */
    +0.441910, /* log_chars_-2 */
    -0.018141, /* stop_density_-2 */
    +0.256793, /* end_punct_-2 */
    +0.153947, /* rule_bad_-2 */
    +0.227988, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.269713, /* log_chars_-1 */
    -0.099889, /* stop_density_-1 */
    +0.355614, /* end_punct_-1 */
    -0.261560, /* rule_bad_-1 */
    +0.702016, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.438088, /* log_chars_+1 */
    +0.191673, /* stop_density_+1 */
    +0.667316, /* end_punct_+1 */
    -0.270014, /* rule_bad_+1 */
    +0.569305, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.462842, /* log_chars_+2 */
    -0.380353, /* stop_density_+2 */
    +0.427493, /* end_punct_+2 */
    -0.329704, /* rule_bad_+2 */
    +0.991903, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.144614, /* prose_share_around */
    -2.404669, /* position */
};

static const double bias_html = -8.056430;
static const double weights_html[MODEL_FEATURES] = {
    +1.013005, /* log_chars */
    +1.623889, /* stop_density */
    -1.125437, /* link_density */
    -0.738263, /* caps_share */
    +3.814298, /* digit_share */
    -3.620497, /* symbol_share */
    -0.410845, /* has_separator */
    +0.360825, /* sentences */
    +1.517879, /* comma_share */
    +0.235869, /* end_punct */
    -0.078967, /* bullet */
    +0.000000, /* indent */
    +0.544716, /* short */
    -3.173925, /* hint_nav */
    -2.633455, /* hint_footer */
    +0.440108, /* hint_header */
    -4.397693, /* hint_aside */
    -2.385803, /* hint_form */
    -5.483131, /* hint_hidden */
    -5.546459, /* hint_comment */
    +0.275123, /* hint_share */
    -1.288027, /* hint_related */
    +0.630881, /* hint_byline */
    +0.978202, /* hint_article */
    -0.937307, /* hint_body */
    +1.382278, /* hint_content */
    -1.797971, /* heading */
    +3.310224, /* heading1 */
    -1.433470, /* list_item */
    +0.398542, /* cell */
    -0.584490, /* quote */
    -0.840874, /* caption */
    +0.393581, /* box_prose_share */
    +7.155218, /* box_chars */
    +1.471809, /* lead_inside */
    -0.304451, /* lead_beside */
    +0.406797, /* log_chars_-2 */
    -0.408355, /* stop_density_-2 */
    +0.301200, /* end_punct_-2 */
    +0.535928, /* rule_bad_-2 */
    +0.075351, /* link_density_-2 */
    +0.231979, /* hint_strong_-2 */
    -0.818837, /* hint_positive_-2 */
    +1.685148, /* log_chars_-1 */
    -0.941997, /* stop_density_-1 */
    +0.584975, /* end_punct_-1 */
    +0.787939, /* rule_bad_-1 */
    -0.733819, /* link_density_-1 */
    -0.199292, /* hint_strong_-1 */
    +0.026823, /* hint_positive_-1 */
    +0.917283, /* log_chars_+1 */
    -0.053985, /* stop_density_+1 */
    +0.863003, /* end_punct_+1 */
    -0.135896, /* rule_bad_+1 */
    -0.251699, /* link_density_+1 */
    -0.418166, /* hint_strong_+1 */
    +0.054936, /* hint_positive_+1 */
    +0.873407, /* log_chars_+2 */
    -0.449297, /* stop_density_+2 */
    -0.025354, /* end_punct_+2 */
    -0.276767, /* rule_bad_+2 */
    -0.263900, /* link_density_+2 */
    +0.046052, /* hint_strong_+2 */
    +0.085377, /* hint_positive_+2 */
    +1.132037, /* prose_share_around */
    -2.462573, /* position */
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
    /* the same values as the unit's neighbour view holds, made once */
    x[k++] = u->nb.log_chars;
    x[k++] = u->nb.stop_density;
    x[k++] = u->nb.link_density;
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
    x[k++] = u->box_share;
    x[k++] = log1p(u->box_chars) / 10.0;
    x[k++] = u->lead == LEAD_INSIDE;
    x[k++] = u->lead == LEAD_BESIDE;
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
