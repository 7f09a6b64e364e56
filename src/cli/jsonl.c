/* jsonl.c - JSON Lines records: find the document, clean it, splice it back.
 *
 * Each line is checked in place (jsonl_scan.c), which also gives the byte
 * span of the field's value, so that everything around it is written back
 * as it came; the value is decoded piece by piece into the filter, and what
 * the filter keeps is encoded piece by piece into the output.  A record
 * thus costs its line (gathered in a growing buffer when it spans chunks)
 * and its cleaned text, and the only allocations that can fail are of
 * those two: out of memory is told apart from a malformed line. */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonl.h"
#include "jsonl_scan.h"

typedef struct bytes {
    char *data;
    size_t len, cap;
} bytes;

struct jsonl {
    const char *field;
    size_t field_len;
    jsonl_on_error on_error;
    ub_write_fn out;
    void *out_ctx;
    jsonl_diag_fn diag;
    void *diag_ctx;
    ub_filter *filter;
    bytes line;             /* a line begun in an earlier chunk */
    bytes clean;            /* the record's cleaned text, from the filter */
    unsigned long line_no;  /* in the current input */
    unsigned long malformed;
    unsigned long records, objects, with_field;
    ub_status error;        /* after JSONL_ERROR */
    unsigned long error_line;
    ub_status feed_status;  /* of the last ub_filter_feed */
    int nomem;              /* jsonl_collect ran out of memory */
    int meta;               /* --json: add the metadata found */
};

static int bytes_add(bytes *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->len)
        return -1;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n) {
            if (cap > SIZE_MAX / 2)
                return -1;
            cap *= 2;
        }
        char *p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

/* Give back the memory of a huge record once it is done. */
static void bytes_reset(bytes *b)
{
    b->len = 0;
    if (b->cap > (1u << 20)) {
        free(b->data);
        b->data = NULL;
        b->cap = 0;
    }
}

jsonl *jsonl_new(const char *field, jsonl_on_error on_error,
                 ub_write_fn out, void *out_ctx, jsonl_diag_fn diag, void *diag_ctx)
{
    jsonl *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->field = field;
    j->field_len = strlen(field);
    j->on_error = on_error;
    j->out = out;
    j->out_ctx = out_ctx;
    j->diag = diag;
    j->diag_ctx = diag_ctx;
    return j;
}

void jsonl_free(jsonl *j)
{
    if (!j)
        return;
    free(j->line.data);
    free(j->clean.data);
    free(j);
}

int jsonl_collect(void *ctx, const char *buf, size_t len)
{
    jsonl *j = ctx;
    if (bytes_add(&j->clean, buf, len) != 0) {
        j->nomem = 1;
        return -1;
    }
    return 0;
}

void jsonl_set_meta(jsonl *j, int on)
{
    j->meta = on;
}

void jsonl_set_filter(jsonl *j, ub_filter *f)
{
    j->filter = f;
}

unsigned long jsonl_malformed(const jsonl *j)
{
    return j->malformed;
}

unsigned long jsonl_error_line(const jsonl *j)
{
    return j->error_line;
}

unsigned long jsonl_line(const jsonl *j)
{
    return j->line_no;
}

void jsonl_next_input(jsonl *j)
{
    j->line_no = 0;
}

unsigned long jsonl_records(const jsonl *j)
{
    return j->records;
}

unsigned long jsonl_objects(const jsonl *j)
{
    return j->objects;
}

unsigned long jsonl_with_field(const jsonl *j)
{
    return j->with_field;
}

ub_status jsonl_error(const jsonl *j)
{
    return j->error;
}

/* A final error: remembered for jsonl_error. */
static jsonl_status fail(jsonl *j, ub_status st)
{
    j->error = st;
    j->error_line = j->line_no;
    return JSONL_ERROR;
}

/* ---- records ------------------------------------------------------------ */

static int put(jsonl *j, const char *s, size_t n)
{
    return n == 0 ? 0 : j->out(j->out_ctx, s, n);
}

static jsonl_status malformed(jsonl *j, const char *s, size_t n, const char *why)
{
    j->malformed++;
    if (j->diag)
        j->diag(j->diag_ctx, j->line_no, why);
    switch (j->on_error) {
    case JSONL_PASS:
        return put(j, s, n) == 0 && put(j, "\n", 1) == 0 ? JSONL_OK : fail(j, UB_EWRITE);
    case JSONL_DROP:
        return JSONL_OK;
    case JSONL_FAIL:
        return JSONL_STOPPED;
    }
    return JSONL_OK;
}

/* --json: the metadata fields the record s[0..n) lacks, as ',"name":value'. */
static int meta_fields(jsonl *j, const char *s, size_t n)
{
    for (int f = 0; f < UB_META_COUNT; f++) {
        const char *name = ub_meta_name((ub_meta_field)f);
        const char *v = ub_filter_meta(j->filter, (ub_meta_field)f, 0);
        jscan has;
        if (!v)
            continue;
        jscan_line(s, n, name, strlen(name), &has);
        if (has.found)
            continue;       /* the record's own field stays */
        if (put(j, ",", 1) != 0 || jscan_encode(name, strlen(name), j->out, j->out_ctx) != 0 ||
            put(j, ":", 1) != 0)
            return -1;
        if (f != UB_META_TAGS) {
            if (jscan_encode(v, strlen(v), j->out, j->out_ctx) != 0)
                return -1;
            continue;
        }
        if (put(j, "[", 1) != 0)
            return -1;
        for (size_t i = 0; (v = ub_filter_meta(j->filter, UB_META_TAGS, i)) != NULL; i++)
            if ((i && put(j, ",", 1) != 0) || jscan_encode(v, strlen(v), j->out, j->out_ctx) != 0)
                return -1;
        if (put(j, "]", 1) != 0)
            return -1;
    }
    return 0;
}

/* Decoded pieces of the document, into the filter. */
static int feed_sink(void *ctx, const char *s, size_t n)
{
    jsonl *j = ctx;
    j->feed_status = ub_filter_feed(j->filter, s, n);
    return j->feed_status != UB_OK;
}

static jsonl_status record(jsonl *j, const char *s, size_t n)
{
    j->line_no++;
    j->records++;
    jscan sc;
    jscan_line(s, n, j->field, j->field_len, &sc);
    char why[200];
    if (sc.why)
        snprintf(why, sizeof why, "not JSON: %s (byte %zu)", sc.why, sc.at + 1);
    else if (!sc.object)
        snprintf(why, sizeof why, "not a JSON object");
    else if (!sc.found)
        snprintf(why, sizeof why, "no field \"%.100s\"", j->field);
    else if (s[sc.from] != '"')
        snprintf(why, sizeof why, "field \"%.100s\" is not a string", j->field);
    else
        why[0] = 0;
    j->objects += !sc.why && sc.object;
    j->with_field += !sc.why && sc.found;
    if (why[0])
        return malformed(j, s, n, why);

    j->clean.len = 0;
    j->nomem = 0;
    j->feed_status = UB_OK;
    jscan_decode(s + sc.from, sc.to - sc.from, feed_sink, j);
    ub_status st = j->feed_status;
    if (st == UB_OK)
        st = ub_filter_end_document(j->filter);
    if (st == UB_EWRITE && j->nomem)
        st = UB_ENOMEM;
    if (st != UB_OK)
        return fail(j, st);
    /* --json: the metadata goes before the object's closing brace */
    size_t close = n;
    if (j->meta)
        while (close > sc.to && s[close - 1] != '}')
            close--;
    if (close == sc.to)
        close = n + 1;  /* not found (cannot be, in an object): nothing added */
    int bad = put(j, s, sc.from) != 0 ||
              jscan_encode(j->clean.data ? j->clean.data : "", j->clean.len, j->out,
                           j->out_ctx) != 0;
    if (!bad && j->meta && close <= n)
        bad = put(j, s + sc.to, close - 1 - sc.to) != 0 || meta_fields(j, s, n) != 0 ||
              put(j, s + close - 1, n - close + 1) != 0 || put(j, "\n", 1) != 0;
    else if (!bad)
        bad = put(j, s + sc.to, n - sc.to) != 0 || put(j, "\n", 1) != 0;
    bytes_reset(&j->clean);
    return bad ? fail(j, UB_EWRITE) : JSONL_OK;
}

/* No memory to gather the next line: the error is in it. */
static jsonl_status gather_failed(jsonl *j)
{
    fail(j, UB_ENOMEM);
    j->error_line = j->line_no + 1;
    return JSONL_ERROR;
}

jsonl_status jsonl_feed(jsonl *j, const char *s, size_t n)
{
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        if (!nl) {
            if (bytes_add(&j->line, s, n) != 0)
                return gather_failed(j);
            return JSONL_OK;
        }
        size_t take = (size_t)(nl - s);
        jsonl_status st;
        if (j->line.len == 0) {
            st = record(j, s, take);        /* whole in this chunk: no copy */
        } else {
            if (bytes_add(&j->line, s, take) != 0)
                return gather_failed(j);
            st = record(j, j->line.data, j->line.len);
            bytes_reset(&j->line);
        }
        if (st != JSONL_OK)
            return st;
        s += take + 1;
        n -= take + 1;
    }
    return JSONL_OK;
}

jsonl_status jsonl_end(jsonl *j)
{
    jsonl_status st = JSONL_OK;
    if (j->line.len > 0)
        st = record(j, j->line.data, j->line.len);
    bytes_reset(&j->line);
    return st;
}
