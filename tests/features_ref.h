/* features_ref.h - a plain reference for features_compute, for tests. */
#ifndef FEATURES_REF_H
#define FEATURES_REF_H

#include "block_features.h"

/* The same measurements as features_compute, one code point at a time
 * with no fast path, so a test can hold the library's fast paths to it. */
void features_ref(features *f, const stoplist *sl, const char *text, size_t len);

#endif
