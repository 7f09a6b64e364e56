/* model_weights.h - the block model's fitted weights (model_weights.c,
 * written by tools/fit_model.py), indexed by enum model_feature. */
#ifndef MODEL_WEIGHTS_H
#define MODEL_WEIGHTS_H

#include "model.h"

extern const double model_bias_text, model_bias_html, model_bias_page, model_bias_textpage;
extern const double model_weights_text[MODEL_FEATURES];
extern const double model_weights_html[MODEL_FEATURES];
extern const double model_weights_page[MODEL_FEATURES];
extern const double model_weights_textpage[MODEL_FEATURES];

#endif
