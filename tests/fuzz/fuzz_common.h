/* fuzz_common.h - shared harness for the libFuzzer targets (tests/fuzz).
 *
 * Each target runs the filter over its input twice: fed whole, and fed in
 * pieces cut where two bytes of the fuzzer's input say.  It then asserts
 *   - both runs return the same status, the same diagnostics, the same
 *     counters and byte-identical output (any chunking, same output);
 *   - text mode, clean or invert output: every output line is
 *     byte-identical to an input line of the same document, in input order
 *     (a subsequence), with the -z document framing kept (a UTF-16
 *     document's lines are compared decoded: they are written in UTF-8);
 *   - HTML mode: the output is valid UTF-8 (no overlongs, no surrogates,
 *     nothing past U+10FFFF), with the -z framing kept;
 *   - the library's own allocations are all freed by ub_filter_free and its
 *     peak stays under a fixed bound.
 * A failed invariant prints what it can and abort()s, which libFuzzer
 * reports as a crash with the input saved.
 *
 * Cut spec (two bytes a, b):
 *   a >> 6 == 0   two cuts, at b/256 and (a & 63)/64 of the input
 *   a >> 6 == 1   fixed pieces of b + 1 bytes
 *   a >> 6 == 2   random pieces of 1 .. b + 1 bytes (xorshift seeded from
 *                 a, b), with empty feeds mixed in
 *   a >> 6 == 3   one byte per feed
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "encoding.h"
#include "sniff.h"
#include "unboil.h"

/* The library allocates at most this much at once for a fuzz input (the
 * HTML parser's own allocations are not counted: they bypass the hook). */
#ifndef FUZZ_PEAK_MAX
#define FUZZ_PEAK_MAX (8u * 1024u * 1024u)
#endif

typedef struct fz_out {
    char *data;
    size_t len, cap;
    int fail_after;          /* >= 0: the write callback fails after this many calls */
    int calls;
} fz_out;

static int fz_write(void *ctx, const char *bytes, size_t len)
{
    fz_out *o = ctx;
    if (o->fail_after >= 0 && o->calls++ >= o->fail_after)
        return -1;
    if (len == 0)
        return 0;
    if (o->len + len > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + len)
            cap *= 2;
        char *p = realloc(o->data, cap);
        if (!p)
            abort();
        o->data = p;
        o->cap = cap;
    }
    memcpy(o->data + o->len, bytes, len);
    o->len += len;
    return 0;
}

/* diagnostics, as a compact log to compare between runs */
typedef struct fz_diag {
    char log[4096];
    size_t len;
    unsigned long count;
} fz_diag;

static void fz_diag_cb(void *ctx, unsigned long document, ub_status status, const char *message)
{
    fz_diag *d = ctx;
    if (!message)
        abort();
    size_t ml = strlen(message);
    if (ml == 0 || ml > 1000)
        abort();
    d->count++;
    int n = snprintf(d->log + d->len, sizeof d->log - d->len, "%lu:%d:%s\n", document,
                     (int)status, message);
    if (n > 0 && d->len + (size_t)n < sizeof d->log)
        d->len += (size_t)n;
}

/* counting allocator: outstanding bytes, peak, and optional failure */
typedef struct fz_alloc {
    size_t live, peak;
    long blocks;
    long nth;                /* allocation number to fail, or -1 */
    long seen;
    int failed;
} fz_alloc;

static void *fz_realloc(void *ctx, void *p, size_t n)
{
    fz_alloc *a = ctx;
    size_t old = 0;
    if (p) {
        memcpy(&old, (char *)p - 16, sizeof old);
    }
    if (n == 0) {
        if (p) {
            a->live -= old;
            a->blocks--;
            free((char *)p - 16);
        }
        return NULL;
    }
    if (a->nth >= 0 && a->seen++ == a->nth) {
        a->failed = 1;
        return NULL;
    }
    char *q = realloc(p ? (char *)p - 16 : NULL, n + 16);
    if (!q)
        return NULL;
    memcpy(q, &n, sizeof n);
    if (!p)
        a->blocks++;
    a->live = a->live - old + n;
    if (a->live > a->peak)
        a->peak = a->live;
    return q + 16;
}

typedef struct fz_run {
    fz_out out;
    fz_diag diag;
    fz_alloc alloc;
    ub_status st;            /* first failure, or UB_OK */
    int made;                /* ub_filter_new succeeded */
    ub_counts counts;
} fz_run;

static uint32_t fz_xorshift(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* Run the filter over `in`, whole (cut == NULL) or cut as `cut` says.
 * `fail_nth` >= 0 makes that allocation fail; `fail_write` >= 0 makes that
 * write call fail. */
/* With fz_nodiag set, no diagnostic callback is given: a document that is
 * not text makes a feed return UB_EBINARY, after which feeding goes on (the
 * API allows it) and the run's status is the first other failure. */
static int fz_nodiag;

/* With fz_json set (--json), the counts' bytes_out is the text's, which is
 * written inside an object with the metadata: not the bytes written. */
static int fz_json;

static ub_status fz_st(ub_status st)
{
    return fz_nodiag && st == UB_EBINARY ? UB_OK : st;
}

/* inline, like fz_same and fz_free: fuzz_jsonl runs its own reader and calls
 * none of them, and -Werror would stop at an unused static function */
static inline void fz_filter(const ub_options *opt0, const uint8_t *in, size_t n, const uint8_t *cut,
                      long fail_nth, int fail_write, fz_run *r)
{
    memset(r, 0, sizeof *r);
    r->out.fail_after = fail_write;
    r->alloc.nth = fail_nth;
    ub_options opt = *opt0;
    opt.diag = fz_nodiag ? NULL : fz_diag_cb;
    opt.diag_ctx = &r->diag;
    opt.alloc = fz_realloc;
    opt.alloc_ctx = &r->alloc;
    ub_status st = UB_OK;
    ub_filter *f = ub_filter_new(&opt, fz_write, &r->out, &st);
    if (!f) {
        if (st == UB_OK)
            abort();    /* NULL must come with a reason */
        if (r->alloc.blocks != 0 || r->alloc.live != 0) {
            fprintf(stderr, "leak after failed ub_filter_new: %ld blocks\n", r->alloc.blocks);
            abort();
        }
        r->st = st;
        return;
    }
    r->made = 1;
    if (!cut) {
        st = fz_st(ub_filter_feed(f, in, n));
    } else {
        unsigned a = cut[0], b = cut[1];
        size_t pos = 0;
        switch (a >> 6) {
        case 0: {
            size_t c1 = n * b / 256, c2 = n * (a & 63) / 64;
            if (c1 > c2) {
                size_t t = c1;
                c1 = c2;
                c2 = t;
            }
            st = fz_st(ub_filter_feed(f, in, c1));
            if (st == UB_OK)
                st = fz_st(ub_filter_feed(f, in + c1, c2 - c1));
            if (st == UB_OK)
                st = fz_st(ub_filter_feed(f, in + c2, n - c2));
            pos = n;
            break;
        }
        case 1:
            while (st == UB_OK && pos < n) {
                size_t k = n - pos < b + 1u ? n - pos : b + 1u;
                st = fz_st(ub_filter_feed(f, in + pos, k));
                pos += k;
            }
            break;
        case 2: {
            uint32_t s = (a << 8 | b) * 2654435761u | 1u;
            while (st == UB_OK && pos < n) {
                uint32_t x = fz_xorshift(&s);
                if ((x & 7) == 0) {
                    st = fz_st(ub_filter_feed(f, in + pos, 0));
                    continue;
                }
                size_t k = 1 + (x >> 8) % (b + 1u);
                if (k > n - pos)
                    k = n - pos;
                st = fz_st(ub_filter_feed(f, in + pos, k));
                pos += k;
            }
            break;
        }
        default:
            while (st == UB_OK && pos < n) {
                st = fz_st(ub_filter_feed(f, in + pos, 1));
                pos++;
            }
        }
    }
    if (st == UB_OK)
        st = fz_st(ub_filter_end_document(f));
    r->st = st;
    ub_filter_counts(f, &r->counts);
    ub_filter_free(f);
    if (r->alloc.blocks != 0 || r->alloc.live != 0) {
        fprintf(stderr, "leak: %ld blocks, %zu bytes outstanding after ub_filter_free "
                "(fail_nth %ld, status %d)\n", r->alloc.blocks, r->alloc.live, fail_nth, (int)st);
        abort();
    }
    if (r->alloc.peak > FUZZ_PEAK_MAX) {
        fprintf(stderr, "library peak %zu bytes for %zu bytes of input\n", r->alloc.peak, n);
        abort();
    }
}

static void fz_dump(const char *what, const char *s, size_t n)
{
    fprintf(stderr, "%s (%zu bytes): \"", what, n);
    for (size_t i = 0; i < n && i < 600; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", stderr);
        else if (c == '"' || c == '\\')
            fprintf(stderr, "\\%c", c);
        else if (c < 32 || c >= 127)
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
    fputs(n > 600 ? "\"...\n" : "\"\n", stderr);
}

/* The whole run and the cut run must agree in everything. */
static inline void fz_same(const fz_run *w, const fz_run *c, const uint8_t *cut)
{
    int bad = 0;
    if (w->st != c->st) {
        fprintf(stderr, "status: whole %d, cut %d\n", (int)w->st, (int)c->st);
        bad = 1;
    }
    if (w->st == UB_OK && c->st == UB_OK) {
        if (w->out.len != c->out.len ||
            (w->out.len && memcmp(w->out.data, c->out.data, w->out.len) != 0)) {
            fprintf(stderr, "output differs whole/cut\n");
            bad = 1;
        }
        if (w->diag.count != c->diag.count || w->diag.len != c->diag.len ||
            memcmp(w->diag.log, c->diag.log, w->diag.len) != 0) {
            fprintf(stderr, "diagnostics differ whole/cut:\n--whole\n%.*s--cut\n%.*s", (int)w->diag.len,
                    w->diag.log, (int)c->diag.len, c->diag.log);
            bad = 1;
        }
        if (w->counts.documents != c->counts.documents || w->counts.blocks != c->counts.blocks ||
            w->counts.blocks_kept != c->counts.blocks_kept ||
            w->counts.documents_failed != c->counts.documents_failed ||
            w->counts.bytes_in != c->counts.bytes_in || w->counts.bytes_out != c->counts.bytes_out) {
            fprintf(stderr, "counts differ whole/cut: docs %lu/%lu blocks %lu/%lu kept %lu/%lu "
                    "failed %lu/%lu in %llu/%llu out %llu/%llu\n",
                    w->counts.documents, c->counts.documents, w->counts.blocks, c->counts.blocks,
                    w->counts.blocks_kept, c->counts.blocks_kept, w->counts.documents_failed,
                    c->counts.documents_failed, w->counts.bytes_in, c->counts.bytes_in,
                    w->counts.bytes_out, c->counts.bytes_out);
            bad = 1;
        }
    }
    if (bad) {
        fprintf(stderr, "cut spec %02x %02x\n", cut[0], cut[1]);
        fz_dump("whole output", w->out.data, w->out.len);
        fz_dump("cut output", c->out.data, c->out.len);
        abort();
    }
    if (w->st == UB_OK && !fz_json && w->counts.bytes_out != w->out.len) {
        fprintf(stderr, "bytes_out %llu but %zu bytes written\n", w->counts.bytes_out, w->out.len);
        abort();
    }
}

/* ---- text mode: output lines are a subsequence of input lines ---------- */

static int fz_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* next line of [*p, end): returns its length, advances *p past its '\n';
 * returns -1 at the end (a final '\n' does not start another line) */
static long fz_line(const char **p, const char *end, const char **line)
{
    if (*p >= end)
        return -1;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *line = *p;
    long len = (long)((nl ? nl : end) - *p);
    *p = nl ? nl + 1 : end;
    return len;
}

/* A document the text reader takes for UTF-16 (a BOM, or the charset of
 * HTTP headers, decided as the library decides): its body decoded to UTF-8
 * (malloc'd, *n its length), the lines its output is made of; else NULL. */
static char *fz_utf16_text(const char *in, size_t in_n, size_t *n)
{
    sniff_result sr;
    sniff(in, in_n, 1, NULL, &sr);
    encoding_choice ch;
    encoding_detect(in + sr.skip, in_n - sr.skip, NULL, sr.charset[0] ? sr.charset : NULL, 0,
                    &ch);
    if (strncmp(ch.name, "UTF-16", 6) != 0)
        return NULL;
    int unknown;
    encoding_decoder *d = encoding_decoder_new(&mem_stdlib, ch.name, &unknown);
    const char *p = in + sr.skip + ch.skip;
    size_t left = in_n - sr.skip - ch.skip, cap = 2 * left + 2 * ENCODING_MIN_OUT;
    char *out = malloc(cap);
    if (!d || !out)
        abort();
    /* at most 3 bytes of UTF-8 for 2 of UTF-16 */
    *n = encoding_decode(d, &p, &left, out, cap, 1);
    if (left != 0)
        abort();
    encoding_decoder_free(d);
    return out;
}

static void fz_subsequence_doc(const char *in, size_t in_n, const char *out, size_t out_n,
                               unsigned long doc)
{
    size_t dn;
    char *decoded = fz_utf16_text(in, in_n, &dn);
    if (decoded) {
        in = decoded;
        in_n = dn;
    }
    const char *ip = in, *iend = in + in_n, *op = out, *oend = out + out_n;
    const char *ol, *il;
    long on, in_l;
    unsigned long oline = 0;
    while ((on = fz_line(&op, oend, &ol)) >= 0) {
        oline++;
        for (;;) {
            in_l = fz_line(&ip, iend, &il);
            if (in_l < 0) {
                fprintf(stderr, "document %lu: output line %lu is not an input line in order\n",
                        doc, oline);
                fz_dump("that line", ol, (size_t)on);
                fz_dump("input document", in, in_n);
                fz_dump("output document", out, out_n);
                abort();
            }
            if (in_l == on && memcmp(il, ol, (size_t)on) == 0)
                break;
            /* the bytes of a long run of blank lines are not all kept (text_reader.c):
             * an empty output line may stand for a whitespace-only input line */
            if (on == 0 && fz_blank(il, (size_t)in_l))
                break;
        }
    }
    free(decoded);
}

/* split both on NUL when null_data, check the framing and each document */
static inline void fz_check_text(const uint8_t *in, size_t in_n, const fz_run *r, int null_data)
{
    if (r->st != UB_OK)
        return;
    const char *ip = (const char *)in, *iend = ip + in_n;
    const char *op = r->out.data ? r->out.data : "", *oend = op + r->out.len;
    if (!null_data) {
        fz_subsequence_doc(ip, in_n, op, r->out.len, 1);
        return;
    }
    unsigned long doc = 0;
    for (;;) {
        doc++;
        const char *iz = memchr(ip, 0, (size_t)(iend - ip));
        const char *oz = memchr(op, 0, (size_t)(oend - op));
        if (!iz != !oz) {
            fprintf(stderr, "document %lu: %s has a NUL, %s has none\n", doc,
                    iz ? "input" : "output", iz ? "output" : "input");
            abort();
        }
        fz_subsequence_doc(ip, (size_t)((iz ? iz : iend) - ip), op, (size_t)((oz ? oz : oend) - op), doc);
        if (!iz)
            break;
        ip = iz + 1;
        op = oz + 1;
    }
}

/* ---- HTML mode: valid UTF-8 --------------------------------------------- */

static size_t fz_utf8_bad(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i + 1;
        }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return i + 1;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i + 1;
        i += k + 1;
    }
    return 0;
}

static inline void fz_check_utf8(const uint8_t *in, size_t in_n, const fz_run *r, int null_data)
{
    if (r->st != UB_OK)
        return;
    size_t bad = fz_utf8_bad((const unsigned char *)r->out.data, r->out.len);
    if (bad) {
        fprintf(stderr, "HTML output is not valid UTF-8 at byte %zu\n", bad - 1);
        size_t from = bad > 40 ? bad - 40 : 0;
        fz_dump("around it", r->out.data + from, r->out.len - from < 80 ? r->out.len - from : 80);
        abort();
    }
    if (null_data) {
        size_t nin = 0, nout = 0;
        for (size_t i = 0; i < in_n; i++)
            nin += in[i] == 0;
        for (size_t i = 0; i < r->out.len; i++)
            nout += r->out.data[i] == 0;
        if (nin != nout) {
            fprintf(stderr, "-z framing: %zu NULs in, %zu out\n", nin, nout);
            abort();
        }
    }
}

static inline void fz_free(fz_run *r)
{
    free(r->out.data);
    r->out.data = NULL;
}

#endif
