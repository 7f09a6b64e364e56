/* phrases.h - boilerplate recognised by its words: comment-section openers,
 * related-link markers, share rows, cookie and copyright lines.  All the
 * phrases live in one table in phrases.c. */
#ifndef PHRASES_H
#define PHRASES_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

typedef enum phrase_kind {
    PHRASE_NONE = 0,
    PHRASE_COMMENTS,  /* opens the comment section: the rest is comments */
    PHRASE_RELATED,   /* "See also ...", "Read more: ..." a link to elsewhere */
    PHRASE_BOILER     /* share / subscribe / cookie / copyright / navigation */
} phrase_kind;

typedef struct phrases phrases;

/* The phrase table as a hash table, owned by the caller; NULL when out of
 * memory. */
phrases *phrases_new(const mem *m);

/* The same, its hash table built from the lists now rather than taken from
 * lookup_tables.c (which tools/gen_lookup_tables.c writes from this), and
 * the table of either: returns its slots, whose keys and kinds are
 * (*pairs)[2i] and (*pairs)[2i + 1]; *filter gets its filter of
 * PHRASES_FILTER_WORDS words, a bit for each key's top bits. */
phrases *phrases_build(const mem *m);
size_t phrases_table(const phrases *p, const uint64_t **pairs, const uint64_t **filter);
#define PHRASES_FILTER_SHIFT 50   /* the filter is indexed by a key's top 14 bits */
#define PHRASES_FILTER_WORDS ((1u << (64 - PHRASES_FILTER_SHIFT)) / 64)
void phrases_free(phrases *p, const mem *m);

/* Whether a text whose first word has this word hash (stoplist.h) can
 * match at all: lets most blocks skip phrases_match. */
int phrases_may_start(const phrases *p, uint64_t first_word_hash);

/* ... and, for a text too long for the whole key, whether it can open
 * with a phrase that may open a long text. */
int phrases_may_start_long(const phrases *p, uint64_t first_word_hash);

/* What the words of text[0..len) (UTF-8) say it is.  Whole-text phrases
 * match only texts that fit the key; a long text can only open with a
 * related-link marker. */
phrase_kind phrases_match(const phrases *p, const char *text, size_t len);

#endif
