/* model.h - the block model: how likely a block is article text, from its
 * own features and its neighbours', by logistic regression.
 *
 * The weights are fitted on the development set by tools/fit_model.py
 * (documented there) and compiled in; one set per input mode, because a
 * text dump and the blocks of an HTML page look different. */
#ifndef MODEL_H
#define MODEL_H

#include "block_features.h"

#define MODEL_RADIUS 2   /* neighbours seen one by one on each side */
#define MODEL_SPAN 6     /* neighbours seen as a sum on each side */

/* What the model needs of a neighbour. */
typedef struct model_nb {
    double log_chars;
    double stop_density;
    double end_punct;
    double rule_bad;     /* a rule decided it is boilerplate */
    double chars;
    double link_density;
    double hint_strong;  /* inside furniture: nav, footer, comments ... */
    double hint_positive;/* inside article, main, articleBody ... */
    int prose;           /* looks like running prose by itself */
} model_nb;

void model_nb_from(model_nb *n, const features *f, unsigned hints, int rule_bad);

/* MODEL_PAGE: HTML decided with the page in view (page.h), its own weights;
 * MODEL_TEXT_PAGE: text decided so, with its article region (text_region.h) */
typedef enum model_mode { MODEL_TEXT, MODEL_HTML, MODEL_PAGE, MODEL_TEXT_PAGE } model_mode;

/* The entries of the model's vector, in order (features.def):
 * MODEL_F_<name>, for a neighbour's MODEL_F_<name>_m2 ... _p2. */
enum model_feature {
#define UB_FEATURE(name, group, source, scale, what) MODEL_F_##name,
#include "features.def"
    MODEL_OWN_FEATURES,
    MODEL_F_NB_BEFORE = MODEL_OWN_FEATURES - 1,
#define UB_NEIGHBOUR(name, source, what) MODEL_F_##name##_m2,
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) MODEL_F_##name##_m1,
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) MODEL_F_##name##_p1,
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) MODEL_F_##name##_p2,
#include "features.def"
#define UB_WINDOW(name, source, scale, what) MODEL_F_##name,
#include "features.def"
    MODEL_FEATURES
};
_Static_assert(MODEL_RADIUS == 2, "features.def's neighbour entries are made for 2 a side");

enum {
    MODEL_NB_FEATURES = 0
#define UB_NEIGHBOUR(name, source, what) +1
#include "features.def"
};

/* What the window adds: the entries from MODEL_F_WINDOW on. */
#define MODEL_F_WINDOW (MODEL_OWN_FEATURES + 2 * MODEL_RADIUS * MODEL_NB_FEATURES)
#define MODEL_WINDOW_FEATURES (MODEL_FEATURES - MODEL_F_WINDOW)

/* The name of entry i (features.def; "log_chars_m2" for a neighbour's),
 * NULL past the end. */
const char *model_feature_name(size_t i);

/* The window's entries for a block: before[0] is the nearest previous
 * block, after[0] the next; NULL entries are missing (document edge).
 * `index` is the block's position in the document from 0. */
void model_window(double w[MODEL_WINDOW_FEATURES], const model_nb *const before[MODEL_SPAN],
                  const model_nb *const after[MODEL_SPAN], unsigned long index);

/* The block's own entries, all of them whatever the mode (for a training
 * dump); x holds MODEL_OWN_FEATURES. */
struct unit;
void model_own(double *x, const struct unit *u);

/* Probability that the block is article.  before and after as for
 * model_window; u->nb must hold model_nb_from of the unit itself, and
 * u->window its model_window. */
double model_score(model_mode mode, const struct unit *u,
                   const model_nb *const before[MODEL_SPAN],
                   const model_nb *const after[MODEL_SPAN]);

#endif
