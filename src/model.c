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

#define OWN_FEATURES 48
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -2.717868;
static const double weights_text[MODEL_FEATURES] = {
    +1.275821, /* log_chars */
    +0.733168, /* stop_density */
    -7.864072, /* link_density */
    -1.760586, /* caps_share */
    +1.925017, /* digit_share */
    -17.407441, /* symbol_share */
    -0.571572, /* has_separator */
    +0.442268, /* sentences */
    -3.966123, /* comma_share */
    +1.020461, /* end_punct */
    -0.435097, /* bullet */
    -2.240099, /* indent */
    +0.212891, /* short */
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
    +1.682128, /* run_items */
    +0.277055, /* run_log_chars */
    -1.210037, /* run_end_punct */
    -0.474999, /* run_short */
    +0.865655, /* run_stop_density */
    +0.461883, /* run_prose_before */
    +0.452880, /* run_prose_after */
    +0.824258, /* rel_indent */
    +1.531616, /* prev_run_items */
    +0.718600, /* prev_run_log_chars */
    -1.383563, /* prev_run_end_punct */
    +0.716629, /* prev_run_stop_density */
    +0.564879, /* prev_run_indent */
    -0.782131, /* prev_run_bullet */
    +0.039577, /* log_chars_-2 */
    -0.333759, /* stop_density_-2 */
    +0.544064, /* end_punct_-2 */
    +0.126538, /* rule_bad_-2 */
    +0.270767, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +0.649560, /* log_chars_-1 */
    -0.467413, /* stop_density_-1 */
    +0.716185, /* end_punct_-1 */
    -0.323524, /* rule_bad_-1 */
    +0.788931, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.012822, /* log_chars_+1 */
    +0.047139, /* stop_density_+1 */
    +0.780879, /* end_punct_+1 */
    -0.159853, /* rule_bad_+1 */
    +0.595680, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.087276, /* log_chars_+2 */
    -0.297999, /* stop_density_+2 */
    +0.501490, /* end_punct_+2 */
    -0.270333, /* rule_bad_+2 */
    +1.071597, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.199521, /* prose_share_around */
    -2.480365, /* position */
};

static const double bias_html = -6.011884;
static const double weights_html[MODEL_FEATURES] = {
    -0.166114, /* log_chars */
    +1.718534, /* stop_density */
    -1.505118, /* link_density */
    -1.440489, /* caps_share */
    +3.648614, /* digit_share */
    -8.856073, /* symbol_share */
    +0.161124, /* has_separator */
    +0.396349, /* sentences */
    +3.071766, /* comma_share */
    +0.377278, /* end_punct */
    -0.350701, /* bullet */
    +0.000000, /* indent */
    +0.048399, /* short */
    -2.077598, /* hint_nav */
    -2.215280, /* hint_footer */
    -0.557046, /* hint_header */
    -4.929148, /* hint_aside */
    -3.462291, /* hint_form */
    -0.588106, /* hint_hidden */
    -1.745440, /* hint_comment */
    +0.671921, /* hint_share */
    -0.362695, /* hint_related */
    +0.236592, /* hint_byline */
    +1.088812, /* hint_article */
    -0.555422, /* hint_body */
    +1.388902, /* hint_content */
    +0.920367, /* heading */
    +1.509487, /* heading1 */
    -0.741007, /* list_item */
    +1.158766, /* cell */
    +0.385351, /* quote */
    -2.475573, /* caption */
    -0.284743, /* box_prose_share */
    +7.793761, /* box_chars */
    +0.000000, /* run_items */
    +0.000000, /* run_log_chars */
    +0.000000, /* run_end_punct */
    +0.000000, /* run_short */
    +0.000000, /* run_stop_density */
    +0.000000, /* run_prose_before */
    +0.000000, /* run_prose_after */
    +0.000000, /* rel_indent */
    +0.000000, /* prev_run_items */
    +0.000000, /* prev_run_log_chars */
    +0.000000, /* prev_run_end_punct */
    +0.000000, /* prev_run_stop_density */
    +0.000000, /* prev_run_indent */
    +0.000000, /* prev_run_bullet */
    -0.244272, /* log_chars_-2 */
    -0.284055, /* stop_density_-2 */
    +0.308940, /* end_punct_-2 */
    +0.113355, /* rule_bad_-2 */
    +0.280215, /* link_density_-2 */
    -0.113577, /* hint_strong_-2 */
    -0.608632, /* hint_positive_-2 */
    +0.716130, /* log_chars_-1 */
    -0.495808, /* stop_density_-1 */
    +0.388495, /* end_punct_-1 */
    +0.221802, /* rule_bad_-1 */
    -0.865650, /* link_density_-1 */
    -0.434455, /* hint_strong_-1 */
    +0.869720, /* hint_positive_-1 */
    +0.225154, /* log_chars_+1 */
    -0.213843, /* stop_density_+1 */
    +0.839671, /* end_punct_+1 */
    -0.102079, /* rule_bad_+1 */
    -0.048541, /* link_density_+1 */
    -0.769747, /* hint_strong_+1 */
    -0.459503, /* hint_positive_+1 */
    +0.288891, /* log_chars_+2 */
    -0.607316, /* stop_density_+2 */
    +0.110254, /* end_punct_+2 */
    -0.223389, /* rule_bad_+2 */
    -0.109174, /* link_density_+2 */
    -0.172494, /* hint_strong_+2 */
    +0.045070, /* hint_positive_+2 */
    +1.259133, /* prose_share_around */
    -3.328033, /* position */
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
    x[k++] = u->box_chars > 0 ? log1p(u->box_chars) / 10.0 : 0;
    x[k++] = u->run.items;
    x[k++] = u->run.log_chars;
    x[k++] = u->run.end_punct;
    x[k++] = u->run.short_lines;
    x[k++] = u->run.stop_density;
    x[k++] = u->run.prose_before;
    x[k++] = u->run.prose_after;
    x[k++] = u->run.rel_indent;
    x[k++] = u->run.prev_items;
    x[k++] = u->run.prev_log_chars;
    x[k++] = u->run.prev_end_punct;
    x[k++] = u->run.prev_stop_density;
    x[k++] = u->run.prev_indent;
    x[k++] = u->run.prev_bullet;
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
