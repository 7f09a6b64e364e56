/* stoplist.h - function words of many languages, for stopword density.
 *
 * A word may be a stopword in several languages; the table gives each word
 * a bit mask of languages, so a block's density is taken in the language
 * that fits it best, without deciding the document's language first. */
#ifndef STOPLIST_H
#define STOPLIST_H

#include <stdint.h>
#include "buf.h"
#include "stoplist_data.h"   /* LANG_EN ... LANG_COUNT, generated */

/* Not a language: marks "copyright", which the same lookup can find. */
#define STOPLIST_COPYRIGHT (1ull << 63)

/* "en" for LANG_EN; "" for LANG_COUNT or beyond. */
const char *stoplist_lang_code(unsigned lang);

/* The language of a code as <html lang> or --lang give it ("pt", "pt-BR",
 * "nb", "zh_TW"; any case), or LANG_COUNT if no list knows it. */
unsigned stoplist_lang_find(const char *code);

typedef struct stoplist stoplist;

/* A table owned by the caller (stoplist_free), or NULL when out of memory.
 * Its hash table is lookup_tables.c's, written before the build by
 * tools/gen_lookup_tables.c from what stoplist_build makes: a process
 * starts without hashing every stopword again. */
stoplist *stoplist_new(const mem *m);

/* The same table, built from the word lists now (for the generator, and
 * for the test that lookup_tables.c is current). */
stoplist *stoplist_build(const mem *m);

/* Filter words of the table: (1 << (64 - STOPLIST_FILTER_SHIFT)) bits. */
#define STOPLIST_FILTER_WORDS ((1u << (64 - STOPLIST_FILTER_SHIFT)) / 64)
void stoplist_free(stoplist *s, const mem *m);

/* Measure density in this language only (LANG_COUNT: in each block's best
 * language, the default). */
void stoplist_set_lang(stoplist *s, unsigned lang);

/* Open to the inline lookup below, which runs once per word. */
#define STOPLIST_FILTER_SHIFT 49   /* the filter is indexed by h's top 15 bits */
struct stoplist {
    size_t mask;            /* slots - 1 */
    /* slot i is pairs[2i], its key (0 = empty), and pairs[2i + 1], its
     * languages (a bit each, STOPLIST_COPYRIGHT): a stopword's lookup
     * reads one cache line, where a table of keys and another of
     * languages missed the cache twice (issue 20) */
    const uint64_t *pairs;
    const uint64_t *filter; /* a bit set for the top bits of every key */
    uint64_t *own;          /* stoplist_build: the two above, else NULL */
    unsigned only;          /* stoplist_set_lang */
};

/* The languages in which the word with this hash (word_hash_final of the
 * steps over its folded UTF-8 bytes) is a stopword; 0 if none. */
static inline uint64_t stoplist_lookup(const stoplist *s, uint64_t h)
{
    /* Most words are no stopword, and would each read a slot of a table
     * too large for the first-level cache; the filter (4 KiB) turns most
     * of them away first.  Keys are never 0 (the empty slot: a word
     * hashed to 0 would be stored as 1), and no key is 1 (no stopword
     * hashes to 0 or 1: check_lookup_tables.c holds the table to it), so
     * a hash of 0 needs no step to 1 here: its probe stops at the first
     * empty slot, whose languages are 0, which is what the step gave.
     * Without the step text mode runs 1.3% fewer instructions (issue 20). */
    uint64_t bit = h >> STOPLIST_FILTER_SHIFT;
    if (!(s->filter[bit >> 6] >> (bit & 63) & 1))
        return 0;
    for (size_t i = (size_t)h & s->mask;; i = (i + 1) & s->mask) {
        uint64_t k = s->pairs[2 * i];
        if (k == h)
            return s->pairs[2 * i + 1];
        if (k == 0)
            return 0;
    }
}

/* The word hash the table is keyed by: a rotate-and-xor per byte, which
 * costs one cycle on the hot path, and one multiply per word to spread it
 * (word_hash_final).  Words longer than 12 bytes wrap, which only matters
 * for stopwords, all shorter than that. */
static inline uint64_t word_hash_step(uint64_t h, unsigned char c)
{
    return ((h << 5) | (h >> 59)) ^ c;
}

static inline uint64_t word_hash_final(uint64_t h)
{
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}
#define WORD_HASH_INIT 0x5bd1e995u

#endif
