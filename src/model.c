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

#define OWN_FEATURES 42
#define NB_FEATURES 7
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* Weights fitted by tools/fit_model.py on the dragnet pages of the dev set
 * (text mode: their lynx dumps; HTML mode: the pages) and checked on the
 * readability pages. */
static const double bias_text = -1.919183;
static const double weights_text[MODEL_FEATURES] = {
    +1.247272, /* log_chars */
    +0.751473, /* stop_density */
    -7.811430, /* link_density */
    -1.730753, /* caps_share */
    +2.055823, /* digit_share */
    -17.710769, /* symbol_share */
    -0.686169, /* has_separator */
    +0.409869, /* sentences */
    -3.582142, /* comma_share */
    +0.942036, /* end_punct */
    -0.458866, /* bullet */
    -3.178593, /* indent */
    +0.253359, /* short */
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
    +1.684771, /* run_items */
    -0.557588, /* run_log_chars */
    -0.833978, /* run_end_punct */
    -0.646467, /* run_short */
    +0.559497, /* run_stop_density */
    +0.245093, /* run_prose_before */
    +0.557320, /* run_prose_after */
    +0.663011, /* rel_indent */
    +0.240907, /* log_chars_-2 */
    -0.113981, /* stop_density_-2 */
    +0.291960, /* end_punct_-2 */
    +0.155957, /* rule_bad_-2 */
    +0.298989, /* link_density_-2 */
    +0.000000, /* hint_strong_-2 */
    +0.000000, /* hint_positive_-2 */
    +1.065073, /* log_chars_-1 */
    -0.194475, /* stop_density_-1 */
    +0.353047, /* end_punct_-1 */
    -0.193366, /* rule_bad_-1 */
    +0.578109, /* link_density_-1 */
    +0.000000, /* hint_strong_-1 */
    +0.000000, /* hint_positive_-1 */
    +0.230155, /* log_chars_+1 */
    +0.030865, /* stop_density_+1 */
    +0.681581, /* end_punct_+1 */
    -0.199902, /* rule_bad_+1 */
    +0.554060, /* link_density_+1 */
    +0.000000, /* hint_strong_+1 */
    +0.000000, /* hint_positive_+1 */
    +0.332345, /* log_chars_+2 */
    -0.416756, /* stop_density_+2 */
    +0.447272, /* end_punct_+2 */
    -0.321180, /* rule_bad_+2 */
    +0.965027, /* link_density_+2 */
    +0.000000, /* hint_strong_+2 */
    +0.000000, /* hint_positive_+2 */
    +2.111251, /* prose_share_around */
    -2.685893, /* position */
};

static const double bias_html = -5.943165;
static const double weights_html[MODEL_FEATURES] = {
    -0.130417, /* log_chars */
    +1.753164, /* stop_density */
    -1.454225, /* link_density */
    -1.441081, /* caps_share */
    +3.655088, /* digit_share */
    -8.198895, /* symbol_share */
    +0.160357, /* has_separator */
    +0.398242, /* sentences */
    +3.133339, /* comma_share */
    +0.372587, /* end_punct */
    -0.228233, /* bullet */
    +0.000000, /* indent */
    +0.045452, /* short */
    -2.102720, /* hint_nav */
    -2.222088, /* hint_footer */
    -0.565042, /* hint_header */
    -4.947868, /* hint_aside */
    -3.440512, /* hint_form */
    -0.569262, /* hint_hidden */
    -1.740125, /* hint_comment */
    +0.674589, /* hint_share */
    -0.357864, /* hint_related */
    +0.225691, /* hint_byline */
    +1.076418, /* hint_article */
    -0.554854, /* hint_body */
    +1.386545, /* hint_content */
    +0.957172, /* heading */
    +1.484324, /* heading1 */
    -0.749948, /* list_item */
    +1.119480, /* cell */
    +0.376380, /* quote */
    -2.480845, /* caption */
    -0.288975, /* box_prose_share */
    +7.721958, /* box_chars */
    +0.000000, /* run_items */
    +0.000000, /* run_log_chars */
    +0.000000, /* run_end_punct */
    +0.000000, /* run_short */
    +0.000000, /* run_stop_density */
    +0.000000, /* run_prose_before */
    +0.000000, /* run_prose_after */
    +0.000000, /* rel_indent */
    -0.258699, /* log_chars_-2 */
    -0.273789, /* stop_density_-2 */
    +0.300113, /* end_punct_-2 */
    +0.066600, /* rule_bad_-2 */
    +0.300467, /* link_density_-2 */
    -0.124762, /* hint_strong_-2 */
    -0.614204, /* hint_positive_-2 */
    +0.702541, /* log_chars_-1 */
    -0.505243, /* stop_density_-1 */
    +0.381666, /* end_punct_-1 */
    +0.156154, /* rule_bad_-1 */
    -0.854229, /* link_density_-1 */
    -0.444696, /* hint_strong_-1 */
    +0.889634, /* hint_positive_-1 */
    +0.215966, /* log_chars_+1 */
    -0.228687, /* stop_density_+1 */
    +0.833605, /* end_punct_+1 */
    -0.125016, /* rule_bad_+1 */
    -0.056657, /* link_density_+1 */
    -0.778294, /* hint_strong_+1 */
    -0.454886, /* hint_positive_+1 */
    +0.296806, /* log_chars_+2 */
    -0.611518, /* stop_density_+2 */
    +0.115577, /* end_punct_+2 */
    -0.230138, /* rule_bad_+2 */
    -0.108582, /* link_density_+2 */
    -0.168405, /* hint_strong_+2 */
    +0.041834, /* hint_positive_+2 */
    +1.245860, /* prose_share_around */
    -3.323119, /* position */
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
