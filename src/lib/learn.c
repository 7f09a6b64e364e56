/* learn.c - a fixed-size table of line fingerprints and document counts.
 *
 * Buckets of LEARN_WAYS entries, chosen by the low bits of the line's
 * hash; an entry holds 32 other bits of the hash as its fingerprint, the
 * number of documents the line was seen in, and the last of them (so a line
 * counts once per document).  Two lines share an entry only if 48 bits of
 * their hashes agree.  A new line takes an empty entry, else evicts the
 * entry not seen for LEARN_STALE documents, else the one seen in the fewest
 * documents, the oldest first: the menu of the site being crawled stays, the
 * lines seen once come and go, and the menus of sites crawled long ago
 * leave room.  A new entry starts from zero: a count is never more than the
 * documents the line was really seen in (hash agreement aside), so eviction
 * can only make the filter keep more. */
#include <string.h>
#include "learn.h"

#define LEARN_BUCKET_BITS 16u
#define LEARN_BUCKETS (1u << LEARN_BUCKET_BITS)
#define LEARN_WAYS 8u
#define LEARN_STALE 2000u   /* documents without a sighting: evictable first */

typedef struct entry {
    uint32_t fp;            /* 0: empty */
    uint32_t docs;          /* documents the line was seen in */
    uint32_t last;          /* serial of the last of them */
} entry;

struct learn {
    uint32_t doc;           /* serial of the current document, from 1 */
    entry e[LEARN_BUCKETS * LEARN_WAYS];
};

size_t learn_bytes(void)
{
    return sizeof(learn);
}

learn *learn_new(const mem *m)
{
    learn *l = mem_calloc(m, 1, sizeof *l);
    if (l)
        l->doc = 1;
    return l;
}

void learn_free(learn *l, const mem *m)
{
    mem_free(m, l);
}

void learn_next_document(learn *l)
{
    /* after 2^32 documents the serial wraps; entries older than that are
     * taken for recent ones, which costs nothing but one more count */
    l->doc = l->doc + 1 == 0 ? 1 : l->doc + 1;
}

unsigned learn_see(learn *l, uint64_t h)
{
    entry *b = &l->e[(h & (LEARN_BUCKETS - 1)) * LEARN_WAYS];
    uint32_t fp = (uint32_t)(h >> 32);
    fp += fp == 0;
    entry *victim = NULL;
    for (unsigned i = 0; i < LEARN_WAYS; i++) {
        entry *e = &b[i];
        if (e->fp == fp) {
            unsigned before = e->last == l->doc ? e->docs - 1 : e->docs;
            if (e->last != l->doc) {
                e->docs += e->docs < UINT32_MAX;
                e->last = l->doc;
            }
            return before;
        }
        if (victim && victim->fp == 0)
            continue;
        if (e->fp == 0 || !victim) {
            victim = e;
            continue;
        }
        int e_stale = l->doc - e->last >= LEARN_STALE;
        int v_stale = l->doc - victim->last >= LEARN_STALE;
        if (e_stale != v_stale) {
            if (e_stale)
                victim = e;
        } else if (e->docs != victim->docs) {
            if (e->docs < victim->docs)
                victim = e;
        } else if (l->doc - e->last > l->doc - victim->last) {
            victim = e;
        }
    }
    victim->fp = fp;
    victim->docs = 1;
    victim->last = l->doc;
    return 0;
}
