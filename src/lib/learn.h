/* learn.h - boilerplate learnt across the documents of a stream.
 *
 * Site menus and footers that one page cannot reveal recur in many pages of
 * a crawl.  A learn table counts, for each normalised short line, in how
 * many documents it was seen (once per document, however often it recurs
 * in it).  The table has a fixed size: when a bucket is full, the line least
 * worth keeping (stale, then rarest, then oldest) makes room, so memory does
 * not grow with the stream and the counts depend only on the input order. */
#ifndef LEARN_H
#define LEARN_H

#include <stdint.h>
#include "buf.h"

typedef struct learn learn;

/* A table owned by the caller (free with learn_free), or NULL when out of
 * memory.  Its size is fixed: learn_bytes() says how much. */
learn *learn_new(const mem *m);
void learn_free(learn *l, const mem *m);
size_t learn_bytes(void);

/* In how many earlier documents the line with hash `h` was seen; then count
 * it for the current document. */
unsigned learn_see(learn *l, uint64_t h);

/* The current document ended: the next lines belong to another. */
void learn_next_document(learn *l);

#endif
