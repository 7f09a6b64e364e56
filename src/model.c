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

#define PLAIN_FEATURES 13     /* what the text itself says */
#define MARKUP_FEATURES 23    /* HTML only: hints, element kinds, box, leading box */
#define RUN_FEATURES 14       /* text only: the line's run and the run before */
#define OWN_FEATURES (PLAIN_FEATURES + MARKUP_FEATURES + RUN_FEATURES)
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -2.741154;
static const double weights_text[MODEL_FEATURES] = {
    +1.129334, /* log_chars */
    +0.899202, /* stop_density */
    -5.033723, /* link_density */
    -1.766607, /* caps_share */
    +1.538478, /* digit_share */
    -16.971695, /* symbol_share */
    -0.531658, /* has_separator */
    +0.466529, /* sentences */
    -3.933262, /* comma_share */
    +1.016464, /* end_punct */
    -0.451056, /* bullet */
    -2.324834, /* indent */
    +0.173214, /* short */
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
    +1.816079, /* run_items */
    +0.529848, /* run_log_chars */
    -1.208613, /* run_end_punct */
    -0.414539, /* run_short */
    +0.624782, /* run_stop_density */
    +0.433548, /* run_prose_before */
    +0.461676, /* run_prose_after */
    +0.779070, /* rel_indent */
    +1.532468, /* prev_run_items */
    +0.720860, /* prev_run_log_chars */
    -1.363632, /* prev_run_end_punct */
    +0.619130, /* prev_run_stop_density */
    +0.526023, /* prev_run_indent */
    -0.764536, /* prev_run_bullet */
    -0.003822, /* log_chars_-2 */
    -0.268139, /* stop_density_-2 */
    +0.497198, /* end_punct_-2 */
    +0.116215, /* rule_bad_-2 */
    +0.244861, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +0.484983, /* log_chars_-1 */
    -0.217974, /* stop_density_-1 */
    +0.674602, /* end_punct_-1 */
    -0.301036, /* rule_bad_-1 */
    +0.741251, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.002706, /* log_chars_+1 */
    +0.134790, /* stop_density_+1 */
    +0.735440, /* end_punct_+1 */
    -0.119665, /* rule_bad_+1 */
    +0.504142, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    -0.033244, /* log_chars_+2 */
    -0.130102, /* stop_density_+2 */
    +0.447497, /* end_punct_+2 */
    -0.277167, /* rule_bad_+2 */
    +1.011831, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.330810, /* prose_share_around */
    -2.573464, /* position */
};

static const double bias_html = -8.032145;
static const double weights_html[MODEL_FEATURES] = {
    +1.074046, /* log_chars */
    +1.654736, /* stop_density */
    -1.127925, /* link_density */
    -0.697184, /* caps_share */
    +3.603486, /* digit_share */
    -3.695145, /* symbol_share */
    -0.430907, /* has_separator */
    +0.324583, /* sentences */
    +1.387402, /* comma_share */
    +0.244146, /* end_punct */
    -0.209580, /* bullet */
    +0.000000, /* indent */
    +0.527382, /* short */
    -3.111977, /* hint_nav */
    -2.713735, /* hint_footer */
    +0.471572, /* hint_header */
    -4.416438, /* hint_aside */
    -2.390335, /* hint_form */
    -5.440631, /* hint_hidden */
    -5.504077, /* hint_comment */
    +0.299876, /* hint_share */
    -1.312572, /* hint_related */
    +0.620454, /* hint_byline */
    +1.019614, /* hint_article */
    -1.052432, /* hint_body */
    +1.392257, /* hint_content */
    -1.756313, /* heading */
    +3.289861, /* heading1 */
    -1.447590, /* list_item */
    +0.406592, /* cell */
    -0.586220, /* quote */
    -0.741863, /* caption */
    +0.367769, /* box_prose_share */
    +7.081629, /* box_chars */
    +1.446268, /* lead_inside */
    -0.379432, /* lead_beside */
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
    +0.323945, /* log_chars_-2 */
    -0.191582, /* stop_density_-2 */
    +0.273880, /* end_punct_-2 */
    +0.548868, /* rule_bad_-2 */
    +0.066260, /* link_density_-2 */
    +0.228258, /* hint_strong_-2 */
    -0.813051, /* hint_positive_-2 */
    +1.545428, /* log_chars_-1 */
    -0.625865, /* stop_density_-1 */
    +0.526394, /* end_punct_-1 */
    +0.773210, /* rule_bad_-1 */
    -0.751348, /* link_density_-1 */
    -0.199094, /* hint_strong_-1 */
    +0.009321, /* hint_positive_-1 */
    +0.740069, /* log_chars_+1 */
    +0.321443, /* stop_density_+1 */
    +0.809767, /* end_punct_+1 */
    -0.116688, /* rule_bad_+1 */
    -0.250650, /* link_density_+1 */
    -0.427894, /* hint_strong_+1 */
    +0.061496, /* hint_positive_+1 */
    +0.788442, /* log_chars_+2 */
    -0.238621, /* stop_density_+2 */
    -0.054241, /* end_punct_+2 */
    -0.276729, /* rule_bad_+2 */
    -0.252323, /* link_density_+2 */
    +0.038921, /* hint_strong_+2 */
    +0.086863, /* hint_positive_+2 */
    +1.147128, /* prose_share_around */
    -2.487733, /* position */
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

static double log_chars(uint32_t chars)
{
    return log1p((double)chars) / 7.0;
}

void model_scale_init(model_scale *s)
{
    for (uint32_t i = 0; i < MODEL_SCALE_CHARS; i++)
        s->log_chars[i] = log_chars(i);
}

void model_nb_from(model_nb *n, const model_scale *s, const features *f, unsigned hints,
                   int rule_bad)
{
    n->link_density = features_link_density(f);
    n->hint_strong = (hints & HINT_STRONG) != 0;
    n->hint_positive = (hints & HINT_POSITIVE) != 0;
    n->chars = f->chars;
    n->log_chars = f->chars < MODEL_SCALE_CHARS ? s->log_chars[f->chars] : log_chars(f->chars);
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
    /* the markup features are zero in text mode and the runs' in HTML
     * mode: neither is made nor weighed there (the score is the same, to
     * the bit, and text mode is the one that must be fast) */
    if (mode == MODEL_HTML) {
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
        x[k++] = u->lead == LEAD_INSIDE;
        x[k++] = u->lead == LEAD_BESIDE;
    } else {
        k += MARKUP_FEATURES;
    }
    if (mode == MODEL_TEXT) {
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
    } else {
        k += RUN_FEATURES;
    }
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
    size_t skip_at = mode == MODEL_HTML ? PLAIN_FEATURES + MARKUP_FEATURES : PLAIN_FEATURES;
    size_t skip_n = mode == MODEL_HTML ? RUN_FEATURES : MARKUP_FEATURES;
    for (size_t i = 0; i < skip_at; i++)
        z += wt[i] * x[i];
    for (size_t i = skip_at + skip_n; i < MODEL_FEATURES; i++)
        z += wt[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}
