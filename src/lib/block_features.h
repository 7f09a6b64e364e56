/* block_features.h - cheap per-block measurements that the classifier reads. */
#ifndef BLOCK_FEATURES_H
#define BLOCK_FEATURES_H

#include <stddef.h>
#include <stdint.h>
#include "stoplist.h"

#define FEATURES_KEYWORDS 12   /* content-word hashes kept per block */

typedef struct features {
    uint32_t chars;       /* code points that are not spaces */
    uint32_t words;       /* runs of word characters (unspaced scripts: 1 per 2 chars) */
    uint32_t numbers;     /* ... of them made of digits only */
    uint32_t stops;       /* stopwords in the block's best language */
    uint32_t link_chars;  /* characters in links (HTML) or URLs (text) */
    uint32_t caps;        /* words that start with a capital */
    uint32_t digits;      /* digit characters */
    uint32_t symbols;     /* characters neither word, space nor common punctuation */
    uint32_t separators;  /* menu separators: | » · • › ⋅ ◦ / between words */
    uint32_t sentences;   /* sentence ends followed by more text */
    uint32_t commas;
    uint32_t pauses;      /* spaces between unspaced characters (features_mark_pauses) */
    uint32_t tokens;      /* runs of characters that are not spaces */
    uint32_t unspaced;    /* characters of scripts written without spaces */
    uint32_t wide;        /* ... of them Han and kana */
    uint32_t indent;      /* leading spaces (text mode) */
    uint8_t lang;         /* best stoplist language */
    uint8_t end_punct;    /* ends with . ! ? … : ; " ” ' ) or CJK stop */
    uint8_t end_colon;    /* ends with ':' */
    uint8_t bullet;       /* starts with a list bullet: * + - • o # */
    uint8_t bracketed;    /* wholly in [ ] (a text dump's image or link marker) */
    uint8_t url;          /* mostly a URL or e-mail address */
    uint8_t joined;       /* words run together (features_mark_joined) */
    uint8_t copyright;    /* contains ©, (c) or "copyright" */
    uint8_t nkeys;
    uint64_t norm_hash;   /* hash of the folded words: equal for repeated lines */
    double stop_density;  /* features_stop_density of the fields above, kept
                           * current by the calls below that change them
                           * (the only writers): the classifier, the model
                           * and the context read it up to three times a
                           * block (issue 20) */
    uint64_t first_word;  /* word hash (stoplist.h) of the first word */
    uint8_t first_digits; /* the first word is a number */
    uint32_t keys[FEATURES_KEYWORDS]; /* hashes of the first content words */
} features;

/* Measure text[0..len) (UTF-8, may hold invalid bytes).  link_chars from
 * the reader, if any, is added by the caller. */
void features_compute(features *f, const stoplist *sl, const char *text, size_t len);

/* features_compute counts a block's stopword hits a byte per language,
 * eight languages to a word (language l in byte l % 8 of lane[l / 8]).
 * The language with the most hits in lane[0..FEATURES_LANE_WORDS), the
 * lowest of those on ties, and 0 when there are none: one pass over the
 * bytes, and (where SSE2 is) the same with the lanes compared sixteen at
 * a time, which the tests hold to the first. */
#define FEATURES_LANE_WORDS ((LANG_COUNT + 7) / 8)
unsigned features_lanes_best_portable(const uint64_t *lane);
unsigned features_lanes_best_sse2(const uint64_t *lane);

/* Share of words that are stopwords, 0..1; for unspaced scripts the share of
 * function characters approximated from punctuation.  Computed from the
 * counts; readers of a measured block take f->stop_density, which
 * features_compute, features_mark_joined and features_mark_pauses set to
 * it.  Code that sets the counts by hand (tests) calls
 * features_update_density after. */
double features_stop_density(const features *f);
void features_update_density(features *f);
double features_link_density(const features *f);

/* Mark a text line whose runs of non-spaces are, on average, too long for
 * words: machine-joined tokens, whose commas and dots features_stop_density
 * then does not take for prose.  Text mode only: the HTML model was
 * fitted and judged without it, and its blocks' markup tells links and
 * scripts apart already. */
void features_mark_joined(features *f);

/* Count in a text line written mostly in an unspaced script the runs of
 * spaces between two of its characters: where a writer of Chinese puts a
 * space for a comma ("山巒披上嫣紅的彩衣 玉峰道路一路上"), which
 * features_stop_density then counts as a comma.  Text mode only, as
 * features_mark_joined; a second look at the line's bytes, taken only by
 * lines of those scripts. */
void features_mark_pauses(features *f, const char *text, size_t len);

#endif
