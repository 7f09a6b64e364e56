/* buf.h - the library's allocator hook and growable byte buffers.
 *
 * Every allocation of the engine goes through a `mem`, so tests can count
 * the high-water mark and make allocations fail on purpose.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include "unboil.h"

typedef struct mem {
    ub_realloc_fn fn;   /* realloc(ptr, size); size 0 frees */
    void *ctx;
} mem;

/* realloc/free from the C library, for callers with no hook of their own */
void *mem_stdlib_realloc(void *ctx, void *p, size_t size);
extern const mem mem_stdlib;

void *mem_alloc(const mem *m, size_t size);
void *mem_calloc(const mem *m, size_t count, size_t size);
void mem_free(const mem *m, void *p);

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

/* Grow to hold `extra` more bytes; UB_ENOMEM on overflow or failure. */
ub_status buf_reserve(buf *b, const mem *m, size_t extra);
ub_status buf_append(buf *b, const mem *m, const char *s, size_t n);
/* Release the memory if the buffer grew past `keep` bytes, so that one huge
 * document does not pin its memory for the rest of a stream. */
void buf_shrink(buf *b, const mem *m, size_t keep);
void buf_free(buf *b, const mem *m);

#endif
