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
static const double bias_text = -2.735439;
static const double weights_text[MODEL_FEATURES] = {
    +1.215730, /* log_chars */
    +0.889187, /* stop_density */
    -5.104643, /* link_density */
    -1.769264, /* caps_share */
    +1.554129, /* digit_share */
    -16.966385, /* symbol_share */
    -0.527641, /* has_separator */
    +0.447711, /* sentences */
    -3.956149, /* comma_share */
    +1.014183, /* end_punct */
    -0.455060, /* bullet */
    -2.311342, /* indent */
    +0.187267, /* short */
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
    +1.814792, /* run_items */
    +0.469892, /* run_log_chars */
    -1.200731, /* run_end_punct */
    -0.421396, /* run_short */
    +0.632145, /* run_stop_density */
    +0.433591, /* run_prose_before */
    +0.458857, /* run_prose_after */
    +0.780588, /* rel_indent */
    +1.543009, /* prev_run_items */
    +0.701394, /* prev_run_log_chars */
    -1.359805, /* prev_run_end_punct */
    +0.637901, /* prev_run_stop_density */
    +0.533080, /* prev_run_indent */
    -0.765824, /* prev_run_bullet */
    -0.007464, /* log_chars_-2 */
    -0.259572, /* stop_density_-2 */
    +0.498955, /* end_punct_-2 */
    +0.119974, /* rule_bad_-2 */
    +0.226660, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +0.479817, /* log_chars_-1 */
    -0.227219, /* stop_density_-1 */
    +0.678861, /* end_punct_-1 */
    -0.305084, /* rule_bad_-1 */
    +0.805075, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.005314, /* log_chars_+1 */
    +0.113639, /* stop_density_+1 */
    +0.736468, /* end_punct_+1 */
    -0.162956, /* rule_bad_+1 */
    +0.557799, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    -0.044274, /* log_chars_+2 */
    -0.137733, /* stop_density_+2 */
    +0.448625, /* end_punct_+2 */
    -0.291849, /* rule_bad_+2 */
    +1.083460, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.327816, /* prose_share_around */
    -2.586118, /* position */
};

static const double bias_html = -6.028002;
static const double weights_html[MODEL_FEATURES] = {
    +0.062694, /* log_chars */
    +1.809101, /* stop_density */
    -1.493504, /* link_density */
    -1.359515, /* caps_share */
    +3.394648, /* digit_share */
    -7.781785, /* symbol_share */
    +0.179704, /* has_separator */
    +0.391066, /* sentences */
    +2.991458, /* comma_share */
    +0.408444, /* end_punct */
    -0.251905, /* bullet */
    +0.000000, /* indent */
    +0.035073, /* short */
    -2.073731, /* hint_nav */
    -2.176492, /* hint_footer */
    -0.574226, /* hint_header */
    -4.973947, /* hint_aside */
    -3.432517, /* hint_form */
    -0.541378, /* hint_hidden */
    -1.757576, /* hint_comment */
    +0.673788, /* hint_share */
    -0.397646, /* hint_related */
    +0.217087, /* hint_byline */
    +1.118207, /* hint_article */
    -0.611602, /* hint_body */
    +1.418265, /* hint_content */
    +1.047765, /* heading */
    +1.464925, /* heading1 */
    -0.747496, /* list_item */
    +1.100149, /* cell */
    +0.361679, /* quote */
    -2.429371, /* caption */
    -0.362957, /* box_prose_share */
    +7.671744, /* box_chars */
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
    -0.336267, /* log_chars_-2 */
    -0.226309, /* stop_density_-2 */
    +0.297982, /* end_punct_-2 */
    +0.042749, /* rule_bad_-2 */
    +0.314129, /* link_density_-2 */
    -0.151063, /* hint_strong_-2 */
    -0.609607, /* hint_positive_-2 */
    +0.501772, /* log_chars_-1 */
    -0.072181, /* stop_density_-1 */
    +0.339115, /* end_punct_-1 */
    +0.138940, /* rule_bad_-1 */
    -0.842574, /* link_density_-1 */
    -0.430524, /* hint_strong_-1 */
    +0.903250, /* hint_positive_-1 */
    +0.074709, /* log_chars_+1 */
    +0.003947, /* stop_density_+1 */
    +0.815055, /* end_punct_+1 */
    -0.108650, /* rule_bad_+1 */
    -0.047670, /* link_density_+1 */
    -0.762911, /* hint_strong_+1 */
    -0.485658, /* hint_positive_+1 */
    +0.132515, /* log_chars_+2 */
    -0.282277, /* stop_density_+2 */
    +0.089468, /* end_punct_+2 */
    -0.233711, /* rule_bad_+2 */
    -0.110210, /* link_density_+2 */
    -0.154785, /* hint_strong_+2 */
    +0.044823, /* hint_positive_+2 */
    +1.247835, /* prose_share_around */
    -3.344124, /* position */
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
