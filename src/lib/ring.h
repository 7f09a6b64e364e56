/* ring.h - the window's pending units, in document order: a ring of slots
 * filled at its end and decided from its start.  A slot keeps up to a bound
 * of its buffers' memory for the block after, so a document of many blocks
 * allocates no more than the window's worth. */
#ifndef RING_H
#define RING_H

#include "unit.h"

typedef struct ring {
    unit *slots;
    const mem *m;
    size_t keep_bytes;       /* a slot's buffers keep this much memory for the next block */
    unsigned size;           /* capacity: the window, or the look-ahead's block cap */
    unsigned touched;        /* slots ever handed out: the rest hold nothing */
    unsigned head, count;    /* oldest pending unit, pending units */
    unsigned queued;         /* filled slots after the pending units, not
                              * yet pushed (context_queue) */
} ring;

/* size slots, each keeping keep_bytes of memory between blocks; nonzero
 * when out of memory (nothing to free then). */
int ring_init(ring *r, const mem *m, unsigned size, size_t keep_bytes);
void ring_free(ring *r);

/* The i-th pending unit, 0 the oldest; i == count is the slot to fill. */
static inline unit *ring_at(const ring *r, unsigned i)
{
    /* i <= count <= size, so one subtraction wraps it: no division on
     * the path every block takes several times */
    unsigned k = r->head + i;
    return &r->slots[k >= r->size ? k - r->size : k];
}

/* The slot after u, wrapping round. */
static inline const unit *ring_next(const ring *r, const unit *u)
{
    return u + 1 == r->slots + r->size ? r->slots : u + 1;
}

/* The slot to fill next (after the queued ones), its buffers emptied and
 * its fields cleared; it becomes pending with ring_push, or queued with
 * ring_queue.  Needs count + queued < size. */
unit *ring_slot(ring *r);
/* The slot ring_slot gave is queued: filled, to be pushed later; the
 * oldest queued one is then the slot ring_push makes pending. */
void ring_queue(ring *r);
void ring_push(ring *r);

/* Give back the oldest pending unit (decided and written): its buffers
 * keep only what a slot keeps. */
void ring_pop(ring *r);

#endif
