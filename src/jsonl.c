/* jsonl.c - JSON Lines records: find the document, clean it, splice it back.
 *
 * jansson parses each line in full: it decides whether the line is valid
 * JSON (UTF-8, escapes, surrogate pairs) and decodes the document's string.
 * Only then is the line scanned again, as JSON known to be valid, for the
 * byte span of the field's value, so that everything around it is written
 * back as it came.  Lines of any length are gathered in a growing buffer. */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "jsonl.h"

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
    bytes fixed;            /* the same made valid UTF-8, when it was not */
    unsigned long line_no;  /* in the current input */
    unsigned long malformed;
    unsigned long records, with_field;
    ub_status error;        /* after JSONL_ERROR */
    int nomem;              /* jsonl_collect ran out of memory */
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
    free(j->fixed.data);
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

void jsonl_set_filter(jsonl *j, ub_filter *f)
{
    j->filter = f;
}

unsigned long jsonl_malformed(const jsonl *j)
{
    return j->malformed;
}

unsigned long jsonl_records(const jsonl *j)
{
    return j->records;
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
    return JSONL_ERROR;
}

/* ---- scanning JSON already checked by jansson --------------------------- */

static size_t skip_space(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* s[i] is the opening quote; returns the index past the closing one. */
static size_t skip_string(const char *s, size_t i, size_t n)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i < n ? i + 1 : n;
}

static size_t skip_value(const char *s, size_t i, size_t n)
{
    if (i < n && s[i] == '"')
        return skip_string(s, i, n);
    if (i < n && (s[i] == '{' || s[i] == '[')) {
        size_t depth = 0;
        while (i < n) {
            char ch = s[i];
            if (ch == '"') {
                i = skip_string(s, i, n);
                continue;
            }
            i++;
            if (ch == '{' || ch == '[')
                depth++;
            else if ((ch == '}' || ch == ']') && --depth == 0)
                break;
        }
        return i;
    }
    while (i < n && !strchr(",}] \t\r\n", s[i]))
        i++;
    return i;
}

/* Is the key s[a..b) (with its quotes) the field's name? */
static int key_is(const jsonl *j, const char *s, size_t a, size_t b)
{
    if (!memchr(s + a, '\\', b - a))
        return b - a - 2 == j->field_len && memcmp(s + a + 1, j->field, j->field_len) == 0;
    json_t *k = json_loadb(s + a, b - a, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    int same = k && json_string_length(k) == j->field_len &&
               memcmp(json_string_value(k), j->field, j->field_len) == 0;
    json_decref(k);
    return same;
}

/* The span of the field's value in a valid JSON object s[0..n): its last
 * occurrence, the one jansson keeps. */
static int find_value(const jsonl *j, const char *s, size_t n, size_t *from, size_t *to)
{
    int found = 0;
    size_t i = skip_space(s, 0, n);
    if (i >= n || s[i] != '{')
        return 0;
    i = skip_space(s, i + 1, n);
    while (i < n && s[i] == '"') {
        size_t ka = i;
        i = skip_string(s, i, n);
        int match = key_is(j, s, ka, i);
        i = skip_space(s, i, n);
        i = skip_space(s, i + 1, n);            /* the ':' */
        size_t va = i;
        i = skip_value(s, i, n);
        if (match) {
            *from = va;
            *to = i;
            found = 1;
        }
        i = skip_space(s, i, n);
        if (i < n && s[i] == ',')
            i = skip_space(s, i + 1, n);
    }
    return found;
}

/* ---- records ------------------------------------------------------------ */

static int put(jsonl *j, const char *s, size_t n)
{
    return n == 0 ? 0 : j->out(j->out_ctx, s, n);
}

static int dump_cb(const char *buf, size_t size, void *ctx)
{
    return put(ctx, buf, size) == 0 ? 0 : -1;
}

/* s[0..n) with each invalid UTF-8 sequence replaced by U+FFFD, in j->fixed. */
static int make_utf8(jsonl *j, const unsigned char *s, size_t n)
{
    j->fixed.len = 0;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = k > 0 && i + k <= n;
        for (size_t t = 1; ok && t < k; t++)
            ok = (s[i + t] & 0xC0) == 0x80;
        if (ok && k == 3)
            ok = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
        if (ok && k == 4)
            ok = !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
        if (ok) {
            if (bytes_add(&j->fixed, (const char *)s + i, k) != 0)
                return -1;
            i += k;
        } else {
            if (bytes_add(&j->fixed, "\xEF\xBF\xBD", 3) != 0)
                return -1;
            i++;
        }
    }
    return 0;
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

static jsonl_status record(jsonl *j, const char *s, size_t n)
{
    j->line_no++;
    j->records++;
    json_error_t err;
    /* big integers as reals: they are written back as they came anyway */
    json_t *obj = json_loadb(s, n, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &err);
    if (!obj) {
        char why[200];
        snprintf(why, sizeof why, "not JSON: %s (column %d)", err.text, err.column);
        return malformed(j, s, n, why);
    }
    json_t *doc = json_is_object(obj) ? json_object_get(obj, j->field) : NULL;
    size_t from = 0, to = 0;
    ub_status st;
    char why[200];
    j->with_field += doc != NULL;
    if (!json_is_object(obj))
        snprintf(why, sizeof why, "not a JSON object");
    else if (!doc)
        snprintf(why, sizeof why, "no field \"%.100s\"", j->field);
    else if (!json_is_string(doc))
        snprintf(why, sizeof why, "field \"%.100s\" is not a string", j->field);
    else if (!find_value(j, s, n, &from, &to))
        snprintf(why, sizeof why, "field \"%.100s\" not found in the line", j->field);
    else
        why[0] = 0;
    if (why[0]) {
        json_decref(obj);
        return malformed(j, s, n, why);
    }

    j->clean.len = 0;
    j->nomem = 0;
    st = ub_filter_feed(j->filter, json_string_value(doc), json_string_length(doc));
    if (st == UB_OK)
        st = ub_filter_end_document(j->filter);
    json_decref(obj);
    if (st == UB_EWRITE && j->nomem)
        st = UB_ENOMEM;
    if (st != UB_OK)
        return fail(j, st);

    json_t *clean = json_stringn(j->clean.data ? j->clean.data : "", j->clean.len);
    if (!clean) {
        /* not valid UTF-8 (not from valid input, but be safe), or no memory */
        if (make_utf8(j, (const unsigned char *)j->clean.data, j->clean.len) == 0)
            clean = json_stringn_nocheck(j->fixed.data ? j->fixed.data : "", j->fixed.len);
        bytes_reset(&j->fixed);
    }
    bytes_reset(&j->clean);
    if (!clean)
        return fail(j, UB_ENOMEM);
    int bad = put(j, s, from) != 0 ||
              json_dump_callback(clean, dump_cb, j, JSON_ENCODE_ANY | JSON_COMPACT) != 0 ||
              put(j, s + to, n - to) != 0 || put(j, "\n", 1) != 0;
    json_decref(clean);
    return bad ? fail(j, UB_EWRITE) : JSONL_OK;
}

jsonl_status jsonl_feed(jsonl *j, const char *s, size_t n)
{
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        if (!nl) {
            if (bytes_add(&j->line, s, n) != 0)
                return fail(j, UB_ENOMEM);
            return JSONL_OK;
        }
        size_t take = (size_t)(nl - s);
        jsonl_status st;
        if (j->line.len == 0) {
            st = record(j, s, take);        /* whole in this chunk: no copy */
        } else {
            if (bytes_add(&j->line, s, take) != 0)
                return fail(j, UB_ENOMEM);
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
    j->line_no = 0;
    return st;
}
