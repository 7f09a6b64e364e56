/* buf.c - allocation through the caller's hook, and growable buffers. */
#include <stdlib.h>
#include <string.h>
#include "buf.h"

void *mem_stdlib_realloc(void *ctx, void *p, size_t size)
{
    (void)ctx;
    if (size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, size);
}

const mem mem_stdlib = { mem_stdlib_realloc, NULL };

void *mem_alloc(const mem *m, size_t size)
{
    if (size == 0)
        size = 1;
    return m->fn(m->ctx, NULL, size);
}

void *mem_calloc(const mem *m, size_t count, size_t size)
{
    if (size != 0 && count > (size_t)-1 / size)
        return NULL;
    /* the C library's calloc takes fresh pages from the kernel, already
     * zero, without touching them: a big table nobody uses yet costs no
     * page faults (the look-ahead's ring is 1.5 MB) */
    if (m->fn == mem_stdlib_realloc)
        return calloc(count ? count : 1, size ? size : 1);
    void *p = mem_alloc(m, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void mem_free(const mem *m, void *p)
{
    if (p)
        m->fn(m->ctx, p, 0);
}

ub_status buf_reserve(buf *b, const mem *m, size_t extra)
{
    if (extra > (size_t)-1 - b->len)
        return UB_ENOMEM;
    size_t need = b->len + extra;
    if (need <= b->cap)
        return UB_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > (size_t)-1 / 2)
            return UB_ENOMEM;
        cap *= 2;
    }
    char *p = m->fn(m->ctx, b->data, cap);
    if (!p)
        return UB_ENOMEM;
    b->data = p;
    b->cap = cap;
    return UB_OK;
}

ub_status buf_append(buf *b, const mem *m, const char *s, size_t n)
{
    ub_status st = buf_reserve(b, m, n);
    if (st != UB_OK)
        return st;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    return UB_OK;
}

void buf_shrink(buf *b, const mem *m, size_t keep)
{
    if (b->cap > keep && b->len == 0) {
        mem_free(m, b->data);
        b->data = NULL;
        b->cap = 0;
    }
}

void buf_free(buf *b, const mem *m)
{
    mem_free(m, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
