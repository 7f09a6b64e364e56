/* model.c - the block model's features and weights.
 *
 * The feature order here and in tools/fit_model.py must agree: own
 * features, then each neighbour from -MODEL_RADIUS to +MODEL_RADIUS, then
 * the share of prose around, then the position. */
#include <math.h>
#include <stddef.h>
#include "model.h"

#define OWN_FEATURES 13
#define NB_FEATURES 5
#define MODEL_FEATURES (OWN_FEATURES + 2 * MODEL_RADIUS * NB_FEATURES + 2)

/* weights fitted by tools/fit_model.py; text mode on lynx dumps of the
 * dragnet pages, held out on the readability pages */
static const double bias_text = -4.564048;
static const double weights_text[MODEL_FEATURES] = {
    +2.599979, /* log_chars */
    +1.867324, /* stop_density */
    -10.428393, /* link_density */
    -1.158658, /* caps_share */
    +2.803097, /* digit_share */
    -9.766423, /* symbol_share */
    -0.868067, /* has_separator */
    +0.359327, /* sentences */
    -1.323263, /* comma_share */
    +0.357131, /* end_punct */
    -0.528737, /* bullet */
    -2.727343, /* indent */
    +0.113227, /* short */
    +0.915517, /* log_chars_-2 */
    -0.227262, /* stop_density_-2 */
    +0.094246, /* end_punct_-2 */
    +0.173244, /* rule_bad_-2 */
    -2.310329, /* missing_-2 */
    +1.841291, /* log_chars_-1 */
    -0.127461, /* stop_density_-1 */
    +0.254402, /* end_punct_-1 */
    -0.092882, /* rule_bad_-1 */
    +1.264633, /* missing_-1 */
    +0.861965, /* log_chars_+1 */
    +0.205207, /* stop_density_+1 */
    +0.696660, /* end_punct_+1 */
    -0.109351, /* rule_bad_+1 */
    -3.035115, /* missing_+1 */
    +1.258918, /* log_chars_+2 */
    -0.858692, /* stop_density_+2 */
    +0.381113, /* end_punct_+2 */
    -0.278275, /* rule_bad_+2 */
    -2.135375, /* missing_+2 */
    +1.983049, /* prose_share_around */
    -2.389627, /* position */
};

static const double bias_html = -4.564048;
static const double weights_html[MODEL_FEATURES] = {
    +2.599979, /* log_chars */
    +1.867324, /* stop_density */
    -10.428393, /* link_density */
    -1.158658, /* caps_share */
    +2.803097, /* digit_share */
    -9.766423, /* symbol_share */
    -0.868067, /* has_separator */
    +0.359327, /* sentences */
    -1.323263, /* comma_share */
    +0.357131, /* end_punct */
    -0.528737, /* bullet */
    -2.727343, /* indent */
    +0.113227, /* short */
    +0.915517, /* log_chars_-2 */
    -0.227262, /* stop_density_-2 */
    +0.094246, /* end_punct_-2 */
    +0.173244, /* rule_bad_-2 */
    -2.310329, /* missing_-2 */
    +1.841291, /* log_chars_-1 */
    -0.127461, /* stop_density_-1 */
    +0.254402, /* end_punct_-1 */
    -0.092882, /* rule_bad_-1 */
    +1.264633, /* missing_-1 */
    +0.861965, /* log_chars_+1 */
    +0.205207, /* stop_density_+1 */
    +0.696660, /* end_punct_+1 */
    -0.109351, /* rule_bad_+1 */
    -3.035115, /* missing_+1 */
    +1.258918, /* log_chars_+2 */
    -0.858692, /* stop_density_+2 */
    +0.381113, /* end_punct_+2 */
    -0.278275, /* rule_bad_+2 */
    -2.135375, /* missing_+2 */
    +1.983049, /* prose_share_around */
    -2.389627, /* position */
};

void model_nb_from(model_nb *n, const features *f, int rule_bad)
{
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

double model_score(model_mode mode, const features *f,
                   const model_nb *const before[MODEL_SPAN],
                   const model_nb *const after[MODEL_SPAN], unsigned long index)
{
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
    for (int d = -MODEL_RADIUS; d <= MODEL_RADIUS; d++) {
        if (d == 0)
            continue;
        const model_nb *n = d < 0 ? before[-d - 1] : after[d - 1];
        x[k++] = n ? n->log_chars : 0;
        x[k++] = n ? n->stop_density : 0;
        x[k++] = n ? n->end_punct : 0;
        x[k++] = n ? n->rule_bad : 0;
        x[k++] = n ? 0 : 1;
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
