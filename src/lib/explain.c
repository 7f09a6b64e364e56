/* explain.c - the renderers' common calls and the features string's pairs. */
#include <string.h>
#include "explain.h"

explain *explain_alloc(const mem *m, size_t size, const explain *calls, explain_put_fn put,
                       void *ctx)
{
    explain *e = mem_calloc(m, 1, size);
    if (!e)
        return NULL;
    *e = *calls;
    e->m = m;
    e->put = put;
    e->ctx = ctx;
    return e;
}

ub_status explain_write(explain *e, const char *s, size_t n)
{
    return n ? e->put(e->ctx, s, n) : UB_OK;
}

ub_status explain_writes(explain *e, const char *s)
{
    return explain_write(e, s, strlen(s));
}

int explain_next_pair(const char **p, explain_pair *out)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    if (*s == 0) {
        *p = s;
        return 0;
    }
    size_t n = strcspn(s, " ");
    const char *eq = memchr(s, '=', n);
    out->name = s;
    out->name_len = eq ? (size_t)(eq - s) : 0;
    out->value = eq ? eq + 1 : s;
    out->value_len = eq ? n - out->name_len - 1 : n;
    *p = s + n;
    return 1;
}

ub_status explain_begin(explain *e, int html)
{
    return e->begin(e, html);
}

ub_status explain_block_out(explain *e, const explain_block *b)
{
    return e->block(e, b);
}

ub_status explain_tail(explain *e, const char *s, size_t n)
{
    return e->tail(e, s, n);
}

ub_status explain_end(explain *e)
{
    return e->end(e);
}

void explain_free(explain *e)
{
    if (e)
        e->free(e);
}
