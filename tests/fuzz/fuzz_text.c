/* fuzz_text.c - libFuzzer target: the text path (format forced to text,
 * clean output, default options).
 * Input: two cut-spec bytes (see fuzz_common.h), then the document.
 * Asserts: output lines are a subsequence of the input lines, each
 * byte-identical; whole and cut feeding give the same output. */
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
    opt.format = UB_FORMAT_TEXT;
    fz_run whole, split;
    fz_filter(&opt, in, n, NULL, -1, -1, &whole);
    if (whole.st != UB_OK) {
        fprintf(stderr, "text mode failed: %s\n", ub_strerror(whole.st));
        abort();
    }
    fz_check_text(in, n, &whole, 0);
    /* text output never grows: kept lines plus at most one added '\n'
     * (UTF-16 is written in UTF-8: half as long again at most) */
    size_t dn = n;
    char *decoded = fz_utf16_text((const char *)in, n, &dn);
    free(decoded);
    if (whole.out.len > dn + 1) {
        fprintf(stderr, "output %zu bytes for %zu bytes of input\n", whole.out.len, dn);
        abort();
    }
    fz_filter(&opt, in, n, cut, -1, -1, &split);
    fz_same(&whole, &split, cut);
    fz_free(&whole);
    fz_free(&split);
    return 0;
}
