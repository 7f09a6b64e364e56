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

#define OWN_FEATURES 34
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -2.028401;
static const double weights_text[MODEL_FEATURES] = {
    +0.934509, /* log_chars */
    +1.052249, /* stop_density */
    -8.808786, /* link_density */
    -1.702213, /* caps_share */
    +2.360219, /* digit_share */
    -15.867508, /* symbol_share */
    -0.757099, /* has_separator */
    +0.545264, /* sentences */
    -4.067944, /* comma_share */
    +0.697338, /* end_punct */
    -0.369953, /* bullet */
    -3.370114, /* indent */
    +0.034898, /* short */
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
    +0.370169, /* log_chars_-2 */
    +0.017014, /* stop_density_-2 */
    +0.218854, /* end_punct_-2 */
    +0.054439, /* rule_bad_-2 */
    +0.347416, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.123968, /* log_chars_-1 */
    +0.038372, /* stop_density_-1 */
    +0.344713, /* end_punct_-1 */
    -0.295909, /* rule_bad_-1 */
    +0.741186, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.431544, /* log_chars_+1 */
    +0.215128, /* stop_density_+1 */
    +0.643617, /* end_punct_+1 */
    -0.284203, /* rule_bad_+1 */
    +0.640226, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.315710, /* log_chars_+2 */
    -0.227892, /* stop_density_+2 */
    +0.390653, /* end_punct_+2 */
    -0.394532, /* rule_bad_+2 */
    +1.081284, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.252899, /* prose_share_around */
    -2.491505, /* position */
};

static const double bias_html = -6.307372;
static const double weights_html[MODEL_FEATURES] = {
    +0.334899, /* log_chars */
    +1.813198, /* stop_density */
    -1.663100, /* link_density */
    -1.477546, /* caps_share */
    +3.279426, /* digit_share */
    -8.262892, /* symbol_share */
    +0.202251, /* has_separator */
    +0.353618, /* sentences */
    +3.000723, /* comma_share */
    +0.358165, /* end_punct */
    -0.348100, /* bullet */
    +0.000000, /* indent */
    +0.183438, /* short */
    -1.909485, /* hint_nav */
    -2.157042, /* hint_footer */
    -0.622949, /* hint_header */
    -4.965873, /* hint_aside */
    -3.438546, /* hint_form */
    -0.576619, /* hint_hidden */
    -1.788396, /* hint_comment */
    +0.639469, /* hint_share */
    -0.421494, /* hint_related */
    +0.186282, /* hint_byline */
    +1.136806, /* hint_article */
    -0.473963, /* hint_body */
    +1.506840, /* hint_content */
    +1.043511, /* heading */
    +1.467901, /* heading1 */
    -0.709722, /* list_item */
    +0.927490, /* cell */
    +0.374525, /* quote */
    -2.490367, /* caption */
    -0.287905, /* box_prose_share */
    +7.273138, /* box_chars */
    -0.203115, /* log_chars_-2 */
    -0.243308, /* stop_density_-2 */
    +0.259059, /* end_punct_-2 */
    +0.122678, /* rule_bad_-2 */
    +0.254761, /* link_density_-2 */
    -0.104612, /* hint_strong_-2 */
    -0.568946, /* hint_positive_-2 */
    +0.546757, /* log_chars_-1 */
    -0.045416, /* stop_density_-1 */
    +0.331782, /* end_punct_-1 */
    +0.230546, /* rule_bad_-1 */
    -0.871803, /* link_density_-1 */
    -0.421920, /* hint_strong_-1 */
    +0.933840, /* hint_positive_-1 */
    +0.202672, /* log_chars_+1 */
    -0.019486, /* stop_density_+1 */
    +0.792351, /* end_punct_+1 */
    -0.012430, /* rule_bad_+1 */
    -0.108578, /* link_density_+1 */
    -0.716739, /* hint_strong_+1 */
    -0.481317, /* hint_positive_+1 */
    +0.191046, /* log_chars_+2 */
    -0.236722, /* stop_density_+2 */
    +0.057292, /* end_punct_+2 */
    -0.169258, /* rule_bad_+2 */
    -0.142460, /* link_density_+2 */
    -0.147088, /* hint_strong_+2 */
    +0.052619, /* hint_positive_+2 */
    +1.300273, /* prose_share_around */
    -3.573455, /* position */
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
