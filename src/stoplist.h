/* stoplist.h - function words of many languages, for stopword density.
 *
 * A word may be a stopword in several languages; the table gives each word
 * a bit mask of languages, so a block's density is taken in the language
 * that fits it best, without deciding the document's language first. */
#ifndef STOPLIST_H
#define STOPLIST_H

#include <stdint.h>
#include "buf.h"

enum {
    LANG_EN, LANG_DE, LANG_FR, LANG_ES, LANG_IT, LANG_PT, LANG_NL, LANG_SV,
    LANG_DA, LANG_NO, LANG_FI, LANG_PL, LANG_CS, LANG_HU, LANG_RO, LANG_TR,
    LANG_RU, LANG_UK, LANG_EL, LANG_ID,
    LANG_COUNT
};

/* Not a language: marks "copyright", which the same lookup can find. */
#define STOPLIST_COPYRIGHT (1u << 31)

const char *stoplist_lang_code(unsigned lang);

typedef struct stoplist stoplist;

/* A table owned by the caller (stoplist_free), or NULL when out of memory. */
stoplist *stoplist_new(const mem *m);
void stoplist_free(stoplist *s, const mem *m);

/* Open to the inline lookup below, which runs once per word. */
struct stoplist {
    size_t mask;         /* slots - 1 */
    uint64_t *keys;      /* 0 = empty */
    uint32_t *langs;
};

/* The languages in which the word with this hash (word_hash_final of the
 * steps over its folded UTF-8 bytes) is a stopword; 0 if none. */
static inline uint32_t stoplist_lookup(const stoplist *s, uint64_t h)
{
    h += h == 0;
    for (size_t i = (size_t)h & s->mask;; i = (i + 1) & s->mask) {
        if (s->keys[i] == h)
            return s->langs[i];
        if (s->keys[i] == 0)
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
