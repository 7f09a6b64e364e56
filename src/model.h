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

/* log1p(chars) / 7, the model's scale for a block's length, worked out
 * once for the lengths most blocks have: the same value, to the bit, as
 * the libm call it saves on every block. */
#define MODEL_SCALE_CHARS 1024
typedef struct model_scale {
    double log_chars[MODEL_SCALE_CHARS];
} model_scale;

void model_scale_init(model_scale *s);

void model_nb_from(model_nb *n, const model_scale *s, const features *f, unsigned hints,
                   int rule_bad);

typedef enum model_mode { MODEL_TEXT, MODEL_HTML } model_mode;

/* Probability that the block is article.  before[0] is the nearest
 * previous block, after[0] the next; NULL entries are missing (document
 * edge).  `index` is the block's position in the document from 0.  u->nb
 * must hold model_nb_from of the unit itself. */
struct unit;
double model_score(model_mode mode, const struct unit *u,
                   const model_nb *const before[MODEL_SPAN],
                   const model_nb *const after[MODEL_SPAN], unsigned long index);

#endif
