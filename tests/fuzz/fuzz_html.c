/* fuzz_html.c - libFuzzer target: the HTML path (format forced to html,
 * clean output, default options).
 * Input: two cut-spec bytes (see fuzz_common.h), then the page.
 * Asserts: the output is valid UTF-8; whole and cut feeding give the same
 * output. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t *cut = data, *in = data + 2;
    size_t n = size - 2;
    ub_options opt;
    ub_options_init(&opt);
    opt.format = UB_FORMAT_HTML;
    fz_run whole, split;
    fz_filter(&opt, in, n, NULL, -1, -1, &whole);
    if (whole.st != UB_OK) {
        fprintf(stderr, "HTML mode failed: %s\n", ub_strerror(whole.st));
        abort();
    }
    fz_check_utf8(in, n, &whole, 0);
    fz_filter(&opt, in, n, cut, -1, -1, &split);
    fz_same(&whole, &split, cut);
    fz_free(&whole);
    fz_free(&split);
    return 0;
}
