/* fuzz_filter.c - libFuzzer target: the whole filter, options drawn from
 * the first bytes.
 * Input:
 *   byte 0  format (auto, text, html: % 3) | output (clean, invert,
 *           explain: (b >> 2) % 3) | markdown, with links and images
 *           (bit 4) | null_data (bit 5)
 *           | keep_comments (bit 6) | fault injection (bit 7)
 *   byte 1  window 2 .. 64 (b % 63); with fault injection, also which
 *           allocation (or write call) fails; bit 7: no diagnostic
 *           callback (binary documents come back as UB_EBINARY); bit 6:
 *           the window alone (look-ahead 0); bit 5: --json (the object
 *           around each document's text, with its metadata)
 *   bytes 2, 3  cut spec (fuzz_common.h)
 *   the rest: the input stream.
 * Asserts: whole and cut feeding agree; text mode (clean or invert) output
 * lines are a subsequence of the input lines per document; HTML mode output
 * is valid UTF-8 and keeps the -z framing; with an allocation made to fail,
 * the filter returns UB_ENOMEM (or succeeds) and frees everything; with a
 * write made to fail, it returns UB_EWRITE and frees everything. */
#include <jansson.h>
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* --json: valid UTF-8 without a NUL, each line a JSON object whose "text"
 * is a string. */
static void fz_check_json(const fz_run *r)
{
    if (r->st != UB_OK)
        return;
    fz_check_utf8(NULL, 0, r, 0);
    if (r->out.len && memchr(r->out.data, 0, r->out.len)) {
        fprintf(stderr, "--json output holds a NUL byte\n");
        abort();
    }
    for (size_t i = 0; i < r->out.len;) {
        const char *nl = memchr(r->out.data + i, '\n', r->out.len - i);
        size_t len = nl ? (size_t)(nl - (r->out.data + i)) : r->out.len - i;
        json_error_t err;
        json_t *o = json_loadb(r->out.data + i, len, JSON_ALLOW_NUL, &err);
        if (!json_is_object(o) || !json_is_string(json_object_get(o, "text"))) {
            fprintf(stderr, "--json line at byte %zu is no object with a text: %s\n", i, err.text);
            fz_dump("the line", r->out.data + i, len < 200 ? len : 200);
            abort();
        }
        json_decref(o);
        i += len + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    unsigned b0 = data[0], b1 = data[1];
    const uint8_t *cut = data + 2, *in = data + 4;
    size_t n = size - 4;
    ub_options opt;
    ub_options_init(&opt);
    opt.format = (ub_format)(b0 % 3);
    opt.output = (ub_output)((b0 >> 2) % 3);
    opt.markdown = (b0 >> 4) & 1;
    /* Markdown with its links and images, resolved against an address */
    opt.links = opt.images = opt.markdown;
    opt.url = opt.markdown ? "https://example.org/a/b.html" : NULL;
    opt.null_data = (b0 >> 5) & 1;
    opt.keep_comments = (b0 >> 6) & 1;
    opt.window = 2 + b1 % 63;
    if ((b1 >> 6) & 1)
        opt.lookahead = 0;
    opt.json = fz_json = (b1 >> 5) & 1;
    int faults = (b0 >> 7) & 1;
    fz_nodiag = (b1 >> 7) & 1;

    fz_run whole, split;
    fz_filter(&opt, in, n, NULL, -1, -1, &whole);
    if (whole.st != UB_OK) {
        fprintf(stderr, "filter failed: %s\n", ub_strerror(whole.st));
        abort();
    }
    if (opt.format == UB_FORMAT_TEXT && opt.output != UB_OUTPUT_EXPLAIN && !opt.json)
        fz_check_text(in, n, &whole, opt.null_data);
    if (opt.format == UB_FORMAT_HTML && !opt.json)
        fz_check_utf8(in, n, &whole, opt.null_data);
    if (opt.json)
        fz_check_json(&whole);
    if (opt.null_data && !opt.json) {
        /* every input NUL gives exactly one output NUL, whatever the format */
        size_t nin = 0, nout = 0;
        for (size_t i = 0; i < n; i++)
            nin += in[i] == 0;
        for (size_t i = 0; i < whole.out.len; i++)
            nout += whole.out.data[i] == 0;
        if (nin != nout) {
            fprintf(stderr, "-z framing: %zu NULs in, %zu out\n", nin, nout);
            abort();
        }
    }
    fz_filter(&opt, in, n, cut, -1, -1, &split);
    fz_same(&whole, &split, cut);

    if (faults) {
        /* make one allocation fail: the library says so and leaks nothing
         * (checked in fz_filter); a later one than it made changes nothing */
        fz_run fr;
        long nth = (long)(b1 * 7 % 61);
        fz_filter(&opt, in, n, NULL, nth, -1, &fr);
        if (fr.alloc.failed) {
            if (fr.st != UB_ENOMEM) {
                fprintf(stderr, "allocation %ld failed, status %d (%s), not UB_ENOMEM\n", nth,
                        (int)fr.st, ub_strerror(fr.st));
                abort();
            }
        } else if (fr.st != UB_OK || fr.out.len != whole.out.len ||
                   (fr.out.len && memcmp(fr.out.data, whole.out.data, fr.out.len) != 0)) {
            fprintf(stderr, "no allocation failed but the run differs (status %d)\n", (int)fr.st);
            abort();
        }
        fz_free(&fr);
        /* make a write fail: UB_EWRITE, nothing leaked */
        fz_run fw;
        int nw = (int)(b1 % 5);
        fz_filter(&opt, in, n, NULL, -1, nw, &fw);
        if (fw.out.calls > nw && fw.st != UB_EWRITE) {
            fprintf(stderr, "write %d failed, status %d (%s), not UB_EWRITE\n", nw, (int)fw.st,
                    ub_strerror(fw.st));
            abort();
        }
        fz_free(&fw);
    }
    fz_free(&whole);
    fz_free(&split);
    return 0;
}
