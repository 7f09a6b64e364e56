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
static const double bias_text = -2.195139;
static const double weights_text[MODEL_FEATURES] = {
    +0.959781, /* log_chars */
    +1.009880, /* stop_density */
    -10.650181, /* link_density */
    -1.648100, /* caps_share */
    +2.557420, /* digit_share */
    -17.290277, /* symbol_share */
    -0.785656, /* has_separator */
    +0.530079, /* sentences */
    -4.053930, /* comma_share */
    +0.662565, /* end_punct */
    -0.350958, /* bullet */
    -3.335556, /* indent */
    +0.001097, /* short */
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
    +0.446440, /* log_chars_-2 */
    -0.014564, /* stop_density_-2 */
    +0.260464, /* end_punct_-2 */
    +0.139511, /* rule_bad_-2 */
    +0.267339, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.249199, /* log_chars_-1 */
    -0.084333, /* stop_density_-1 */
    +0.361154, /* end_punct_-1 */
    -0.262405, /* rule_bad_-1 */
    +0.707809, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.445844, /* log_chars_+1 */
    +0.212982, /* stop_density_+1 */
    +0.664855, /* end_punct_+1 */
    -0.278796, /* rule_bad_+1 */
    +0.583640, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.426040, /* log_chars_+2 */
    -0.400626, /* stop_density_+2 */
    +0.441411, /* end_punct_+2 */
    -0.346472, /* rule_bad_+2 */
    +1.042987, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.186220, /* prose_share_around */
    -2.401544, /* position */
};

static const double bias_html = -6.243936;
static const double weights_html[MODEL_FEATURES] = {
    +0.564476, /* log_chars */
    +1.671248, /* stop_density */
    -1.831951, /* link_density */
    -1.595312, /* caps_share */
    +2.948406, /* digit_share */
    -7.398911, /* symbol_share */
    +0.029196, /* has_separator */
    +0.315811, /* sentences */
    +3.154740, /* comma_share */
    +0.196545, /* end_punct */
    -0.141069, /* bullet */
    +0.000000, /* indent */
    +0.234572, /* short */
    -1.181707, /* hint_nav */
    -2.167105, /* hint_footer */
    -0.873567, /* hint_header */
    -4.994843, /* hint_aside */
    -3.462569, /* hint_form */
    -0.610246, /* hint_hidden */
    -1.812038, /* hint_comment */
    +0.609307, /* hint_share */
    -0.354977, /* hint_related */
    +0.256690, /* hint_byline */
    +1.116589, /* hint_article */
    -0.167043, /* hint_body */
    +1.658168, /* hint_content */
    +1.143152, /* heading */
    +1.396261, /* heading1 */
    -0.762236, /* list_item */
    +0.829034, /* cell */
    +0.362991, /* quote */
    -2.800957, /* caption */
    -0.198466, /* box_prose_share */
    +6.727698, /* box_chars */
    -0.067802, /* log_chars_-2 */
    -0.242383, /* stop_density_-2 */
    +0.228567, /* end_punct_-2 */
    +0.140743, /* rule_bad_-2 */
    +0.202344, /* link_density_-2 */
    -0.080224, /* hint_strong_-2 */
    -0.556572, /* hint_positive_-2 */
    +0.841556, /* log_chars_-1 */
    -0.415884, /* stop_density_-1 */
    +0.334671, /* end_punct_-1 */
    +0.260174, /* rule_bad_-1 */
    -0.907683, /* link_density_-1 */
    -0.326559, /* hint_strong_-1 */
    +0.830767, /* hint_positive_-1 */
    +0.380833, /* log_chars_+1 */
    -0.123025, /* stop_density_+1 */
    +0.735024, /* end_punct_+1 */
    +0.047731, /* rule_bad_+1 */
    -0.233775, /* link_density_+1 */
    -0.741107, /* hint_strong_+1 */
    -0.451946, /* hint_positive_+1 */
    +0.516474, /* log_chars_+2 */
    -0.553754, /* stop_density_+2 */
    +0.020717, /* end_punct_+2 */
    -0.171316, /* rule_bad_+2 */
    -0.193139, /* link_density_+2 */
    -0.170356, /* hint_strong_+2 */
    +0.064316, /* hint_positive_+2 */
    +1.392621, /* prose_share_around */
    -3.713073, /* position */
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
