/* ring.c - the window's pending units (ring.h). */
#include "ring.h"

int ring_init(ring *r, const mem *m, unsigned size, size_t keep_bytes)
{
    r->slots = mem_calloc(m, size, sizeof *r->slots);
    if (!r->slots)
        return -1;
    r->m = m;
    r->size = size;
    r->keep_bytes = keep_bytes;
    r->head = r->count = r->queued = 0;
    r->touched = 0;
    return 0;
}

void ring_free(ring *r)
{
    if (!r->slots)
        return;
    for (unsigned i = 0; i < r->touched; i++) {
        buf_free(&r->slots[i].text, r->m);
        buf_free(&r->slots[i].gap, r->m);
        buf_free(&r->slots[i].raw, r->m);
        buf_free(&r->slots[i].md, r->m);
    }
    mem_free(r->m, r->slots);
    r->slots = NULL;
}

/* Empty a unit's buffers, freeing those that grew past what a slot keeps. */
static void unit_release(const ring *r, unit *u)
{
    enum { UNIT_BUFS = 4 };
    buf *bufs[UNIT_BUFS] = { &u->text, &u->raw, &u->gap, &u->md };
    for (size_t i = 0; i < UNIT_BUFS; i++) {
        bufs[i]->len = 0;
        buf_shrink(bufs[i], r->m, r->keep_bytes);
    }
}

unit *ring_slot(ring *r)
{
    unsigned i = r->count + r->queued;
    unit *u = ring_at(r, i);
    /* the next block's slot, which may have gone cold: its lines are on
     * their way while this block is measured and decided */
    if (i + 1 < r->size) {
        const char *n = (const char *)ring_at(r, i + 1);
        /* unrolled: a loop of 13 steps cost three instructions a line */
#pragma GCC unroll 16
        for (size_t o = 0; o < sizeof *u; o += 64)
            __builtin_prefetch(n + o, 1);
    }
    /* slots past the highest one used were never written: the ring's
     * pages stay untouched (calloc) for a short page */
    unsigned k = (unsigned)(u - r->slots);
    if (k >= r->touched)
        r->touched = k + 1;
    unit_release(r, u);
    u->list = u->number = u->quote = 0;
    u->lang[0] = 0;
    u->gap_lines = 0;
    u->gap_kept = 0;
    u->flags = u->hints = u->heading = 0;
    u->box = 0;
    u->outer[0] = u->outer[1] = 0;
    u->box_share = u->box_chars = 0;
    u->lead = LEAD_NONE;
    u->open = 0;
    u->unterminated = 0;
    u->headline_top = 0;
    u->keep = 0;
    u->cut = 0;
    u->doc_why = 0;
    return u;
}

void ring_queue(ring *r)
{
    r->queued++;
}

void ring_push(ring *r)
{
    r->count++;
    if (r->queued > 0)
        r->queued--;
}

void ring_pop(ring *r)
{
    /* a decided slot gives back what its block grew: otherwise each of the
     * look-ahead's many slots keeps a block's worth of memory until the
     * ring comes round to it again */
    unit_release(r, ring_at(r, 0));
    r->head = r->head + 1 == r->size ? 0 : r->head + 1;
    /* an empty ring starts again at its first slot: the next document's
     * blocks then reuse the slots still in the cache, where going round
     * the look-ahead's many slots (816 bytes each) met cold ones */
    if (--r->count == 0 && r->queued == 0)
        r->head = 0;
}
