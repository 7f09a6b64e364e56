/* stoplist.c - the hash table built from the function-word lists.
 *
 * The lists (stoplist_data.c, generated from src/lib/stoplists/) are the most
 * frequent function words of each language: articles, pronouns,
 * prepositions, conjunctions, auxiliaries.  Density of these words is what
 * separates running prose from menus and link lists, in any language that
 * has them. */
#include <string.h>
#include "lookup_tables.h"
#include "stoplist.h"

const char *stoplist_lang_code(unsigned lang)
{
    return lang < LANG_COUNT ? stoplist_codes[lang] : "";
}

unsigned stoplist_lang_find(const char *code)
{
    /* codes whose text the list of another language reads */
    static const char *const alias[][2] = {
        { "nb", "no" }, { "nn", "no" }, { "ms", "id" }, { "in", "id" },
        { "iw", "he" }, { "bs", "hr" }, { "sr", "hr" }, { "fil", "tl" },
    };
    char c[4];
    size_t n = 0;
    for (; code[n] && code[n] != '-' && code[n] != '_'; n++) {
        unsigned char ch = (unsigned char)code[n];
        if (n == 3 || !((ch | 32) >= 'a' && (ch | 32) <= 'z'))
            return LANG_COUNT;
        c[n] = (char)(ch | 32);
    }
    c[n] = 0;
    if (n < 2)
        return LANG_COUNT;
    for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
        if (strcmp(c, alias[i][0]) == 0)
            memcpy(c, alias[i][1], strlen(alias[i][1]) + 1);
    for (unsigned l = 0; l < LANG_COUNT; l++)
        if (strcmp(c, stoplist_codes[l]) == 0)
            return l;
    return LANG_COUNT;
}

void stoplist_set_lang(stoplist *s, unsigned lang)
{
    s->only = lang < LANG_COUNT ? lang : LANG_COUNT;
}

/* own: the pairs of key and languages (slots each), then the filter. */
static ub_status insert(uint64_t *own, size_t mask, uint64_t h, uint64_t lang_bit)
{
    uint64_t *pairs = own, *filter = own + 2 * (mask + 1);
    if (h == 0)
        h = 1;
    uint64_t bit = h >> STOPLIST_FILTER_SHIFT;
    filter[bit >> 6] |= 1ull << (bit & 63);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (pairs[2 * i] == h) {
            pairs[2 * i + 1] |= lang_bit;
            return UB_OK;
        }
        if (pairs[2 * i] == 0) {
            pairs[2 * i] = h;
            pairs[2 * i + 1] = lang_bit;
            return UB_OK;
        }
    }
}

stoplist *stoplist_new(const mem *m)
{
    stoplist *s = mem_calloc(m, 1, sizeof *s);
    if (!s)
        return NULL;
    s->only = LANG_COUNT;
    s->mask = lookup_stop_slots - 1;
    s->pairs = lookup_stop_pairs;
    s->filter = lookup_stop_filter;
    return s;
}

stoplist *stoplist_build(const mem *m)
{
    stoplist *s = mem_calloc(m, 1, sizeof *s);
    if (!s)
        return NULL;
    s->only = LANG_COUNT;
    size_t words = 0;
    for (unsigned l = 0; l < LANG_COUNT; l++)
        for (const char *p = stoplist_words[l]; *p; p++)
            words += *p == ' ';
    size_t slots = 64;
    while (slots < 3 * (words + LANG_COUNT))
        slots *= 2;
    s->mask = slots - 1;
    s->own = mem_calloc(m, 2 * slots + STOPLIST_FILTER_WORDS, sizeof *s->own);
    if (!s->own) {
        stoplist_free(s, m);
        return NULL;
    }
    s->pairs = s->own;
    s->filter = s->own + 2 * slots;
    for (unsigned l = 0; l < LANG_COUNT; l++) {
        const char *p = stoplist_words[l];
        while (*p) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            uint64_t h = WORD_HASH_INIT;
            while (*p && *p != ' ')
                h = word_hash_step(h, (unsigned char)*p++);
            insert(s->own, s->mask, word_hash_final(h), 1ull << l);
        }
    }
    uint64_t h = WORD_HASH_INIT;
    for (const char *p = "copyright"; *p; p++)
        h = word_hash_step(h, (unsigned char)*p);
    insert(s->own, s->mask, word_hash_final(h), STOPLIST_COPYRIGHT);
    return s;
}

void stoplist_free(stoplist *s, const mem *m)
{
    if (!s)
        return;
    mem_free(m, s->own);
    mem_free(m, s);
}
