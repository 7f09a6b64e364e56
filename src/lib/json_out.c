/* json_out.c - a document as one JSON object on one line. */
#include <string.h>
#include "json_escape.h"
#include "json_out.h"
#include "utf8.h"

#define PIECE 4096   /* escaped bytes gathered before each write */

struct json_out {
    const mem *m;
    ub_write_fn out;
    void *ctx;
    unsigned char held[4];  /* a character cut by the chunking */
    size_t nheld;
};

json_out *json_out_new(const mem *m, ub_write_fn out, void *ctx)
{
    json_out *j = mem_calloc(m, 1, sizeof *j);
    if (!j)
        return NULL;
    j->m = m;
    j->out = out;
    j->ctx = ctx;
    return j;
}

void json_out_free(json_out *j)
{
    if (j)
        mem_free(j->m, j);
}

/* Escapes s[0..n) into out, a piece at a time; unless rest is NULL (the
 * last bytes), the bytes of a character cut at the end are left and their
 * count returned in *rest. */
static int escape(ub_write_fn out, void *ctx, const unsigned char *s, size_t n, size_t *rest)
{
    char piece[PIECE];
    size_t i = 0;
    while (i < n) {
        size_t take = n - i < PIECE / JSON_ESCAPE_MAX ? n - i : PIECE / JSON_ESCAPE_MAX, used;
        size_t len = json_escape(piece, (const char *)s + i, take, !rest && i + take == n, &used);
        if (len && out(ctx, piece, len) != 0)
            return -1;
        i += used;
        if (used < take && i + (take - used) == n)
            break;   /* a character cut by the chunking */
    }
    if (rest)
        *rest = n - i;
    return 0;
}

int json_out_string(ub_write_fn out, void *ctx, const char *s, size_t n)
{
    if (out(ctx, "\"", 1) != 0 || escape(out, ctx, (const unsigned char *)s, n, NULL) != 0)
        return -1;
    return out(ctx, "\"", 1);
}

ub_status json_out_begin(json_out *j)
{
    j->nheld = 0;
    return j->out(j->ctx, "{\"text\":\"", 9) == 0 ? UB_OK : UB_EWRITE;
}

int json_out_text(void *ctx, const char *s, size_t n)
{
    json_out *j = ctx;
    size_t rest = 0;
    if (j->nheld) {
        /* complete the held character first */
        unsigned char c[4];
        size_t k = utf8_lead_len(j->held[0]), have = j->nheld;
        memcpy(c, j->held, have);
        while (have < k && n > 0 && ((unsigned char)*s & 0xC0) == 0x80) {
            c[have++] = (unsigned char)*s++;
            n--;
        }
        if (have < k && n == 0) {
            memcpy(j->held, c, have);
            j->nheld = have;
            return 0;
        }
        j->nheld = 0;
        if (escape(j->out, j->ctx, c, have, NULL) != 0)
            return -1;
    }
    if (escape(j->out, j->ctx, (const unsigned char *)s, n, &rest) != 0)
        return -1;
    memcpy(j->held, s + n - rest, rest);
    j->nheld = rest;
    return 0;
}

int json_out_fields(ub_write_fn out, void *ctx, const meta *mt,
                    int (*skip)(void *skip_ctx, const char *name), void *skip_ctx)
{
    for (int f = 0; f < UB_META_COUNT; f++) {
        const char *name = ub_meta_name((ub_meta_field)f);
        const char *v = meta_get(mt, (ub_meta_field)f, 0);
        if (!v || (skip && skip(skip_ctx, name)))
            continue;
        if (out(ctx, ",", 1) != 0 || json_out_string(out, ctx, name, strlen(name)) != 0 ||
            out(ctx, ":", 1) != 0)
            return -1;
        if (f != UB_META_TAGS) {
            if (json_out_string(out, ctx, v, strlen(v)) != 0)
                return -1;
            continue;
        }
        if (out(ctx, "[", 1) != 0)
            return -1;
        for (size_t i = 0; (v = meta_get(mt, UB_META_TAGS, i)) != NULL; i++)
            if ((i && out(ctx, ",", 1) != 0) || json_out_string(out, ctx, v, strlen(v)) != 0)
                return -1;
        if (out(ctx, "]", 1) != 0)
            return -1;
    }
    return 0;
}

ub_status json_out_end(json_out *j, const meta *mt)
{
    /* a character still cut at the end is not one */
    if (j->nheld && escape(j->out, j->ctx, j->held, j->nheld, NULL) != 0)
        return UB_EWRITE;
    j->nheld = 0;
    if (j->out(j->ctx, "\"", 1) != 0 || json_out_fields(j->out, j->ctx, mt, NULL, NULL) != 0 ||
        j->out(j->ctx, "}\n", 2) != 0)
        return UB_EWRITE;
    return UB_OK;
}
