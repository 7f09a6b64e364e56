/* fuzz_jsonl.c - libFuzzer target: --jsonl's record reader (src/cli/jsonl.c)
 * over a filter, the way the program wires them.
 * Input:
 *   byte 0  on-error policy (pass, drop: b % 2) | field ("text" or "html":
 *           bit 1) | format (auto, text, html: (b >> 2) % 3)
 *   bytes 1, 2  cut spec (fuzz_common.h)
 *   the rest: the JSON Lines stream.
 * Asserts: whole and cut feeding write the same bytes and count the same
 * malformed lines; each output line is valid JSON or, under the pass
 * policy, an input line copied as it was; no more lines come out than went
 * in; the run frees what it took (ASan's leak check). */
#include <jansson.h>
#include "fuzz_common.h"
#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct jz_run {
    fz_out out;
    unsigned long malformed;
    jsonl_status st;
    ub_status err;           /* after JSONL_ERROR */
} jz_run;

static void jz_diag(void *ctx, unsigned long line, const char *message)
{
    (void)ctx;
    if (line == 0 || message == NULL || message[0] == '\0')
        abort();
}

/* The program's filter has a diagnostic callback: a record whose document
 * is not text is reported and the stream goes on. */
static void jz_filter_diag(void *ctx, unsigned long document, ub_status status,
                           const char *message)
{
    (void)ctx;
    (void)document;
    (void)status;
    if (message == NULL)
        abort();
}

static void jz_feed(const uint8_t *in, size_t n, const uint8_t *cut, jsonl_on_error pol,
                    const char *field, ub_format format, jz_run *r)
{
    memset(r, 0, sizeof *r);
    r->out.fail_after = -1;
    jsonl *j = jsonl_new(field, pol, fz_write, &r->out, jz_diag, NULL);
    if (!j)
        abort();
    ub_options opt;
    ub_options_init(&opt);
    opt.format = format;
    opt.diag = jz_filter_diag;
    ub_status st;
    ub_filter *f = ub_filter_new(&opt, jsonl_collect, j, &st);
    if (!f)
        abort();
    jsonl_set_filter(j, f);
    jsonl_status js = JSONL_OK;
    if (!cut) {
        js = jsonl_feed(j, (const char *)in, n);
    } else {
        /* pieces of cut[1] + 1 bytes, or two cuts */
        size_t pos = 0;
        if (cut[0] & 1) {
            while (js == JSONL_OK && pos < n) {
                size_t k = n - pos < cut[1] + 1u ? n - pos : cut[1] + 1u;
                js = jsonl_feed(j, (const char *)in + pos, k);
                pos += k;
            }
        } else {
            size_t c1 = n * cut[1] / 256;
            js = jsonl_feed(j, (const char *)in, c1);
            if (js == JSONL_OK)
                js = jsonl_feed(j, (const char *)in + c1, n - c1);
        }
    }
    if (js == JSONL_OK)
        js = jsonl_end(j);
    r->st = js;
    r->err = js == JSONL_ERROR ? jsonl_error(j) : UB_OK;
    r->malformed = jsonl_malformed(j);
    jsonl_free(j);
    ub_filter_free(f);
}

/* Whether [s, s+n) is one of the input's lines (without its '\n'). */
static int jz_input_line(const uint8_t *in, size_t in_n, const char *s, size_t n)
{
    const char *p = (const char *)in, *end = p + in_n;
    while (p <= end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        if (len == n && memcmp(p, s, n) == 0)
            return 1;
        if (!nl)
            break;
        p = nl + 1;
    }
    return 0;
}

/* Whether jansson refused a line only because a number was too large for
 * it (json_error_code came with jansson 2.11; configure takes 2.10). */
static int jz_numeric_overflow(const json_error_t *e)
{
#if JANSSON_VERSION_HEX >= 0x020b00
    return json_error_code(e) == json_error_numeric_overflow;
#else
    return strstr(e->text, "too big") != NULL || strstr(e->text, "overflow") != NULL;
#endif
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    jsonl_on_error pol = (data[0] & 1) ? JSONL_DROP : JSONL_PASS;
    const char *field = (data[0] & 2) ? "html" : "text";
    ub_format format = (ub_format)((data[0] >> 2) % 3);
    const uint8_t *cut = data + 1, *in = data + 3;
    size_t n = size - 3;

    jz_run whole, split;
    jz_feed(in, n, NULL, pol, field, format, &whole);
    if (whole.st != JSONL_OK) {
        fprintf(stderr, "jsonl failed: %d, %s\n", (int)whole.st, ub_strerror(whole.err));
        abort();
    }
    jz_feed(in, n, cut, pol, field, format, &split);
    if (split.st != whole.st || split.malformed != whole.malformed ||
        split.out.len != whole.out.len ||
        (whole.out.len && memcmp(whole.out.data, split.out.data, whole.out.len) != 0)) {
        fprintf(stderr, "whole and cut runs differ: status %d/%d, malformed %lu/%lu\n",
                (int)whole.st, (int)split.st, whole.malformed, split.malformed);
        fz_dump("whole", whole.out.data, whole.out.len);
        fz_dump("cut", split.out.data, split.out.len);
        abort();
    }

    size_t lines_in = 0, lines_out = 0;
    for (size_t i = 0; i < n; i++)
        lines_in += in[i] == '\n';
    lines_in += n > 0 && in[n - 1] != '\n';
    const char *p = whole.out.data ? whole.out.data : "", *end = p + whole.out.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        lines_out++;
        json_error_t jerr;
        json_t *v = json_loadb(p, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        /* RFC 8259 sets no limit on a number's size and the scanner copies
         * numbers as they came; jansson refuses those that overflow its
         * int64 or double, which says nothing about the line's syntax. */
        int ok = v != NULL || jz_numeric_overflow(&jerr);
        json_decref(v);
        if (!ok && !(pol == JSONL_PASS && jz_input_line(in, n, p, len))) {
            fz_dump("output line neither JSON nor an input line", p, len);
            abort();
        }
        p = nl ? nl + 1 : end;
    }
    if (lines_out > lines_in) {
        fprintf(stderr, "%zu lines out for %zu in\n", lines_out, lines_in);
        abort();
    }
    free(whole.out.data);
    free(split.out.data);
    return 0;
}
