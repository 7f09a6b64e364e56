/* The README's library example: clean standard input to standard output.
 * cc embed-example.c $(pkg-config --cflags --libs libunboil) */
#include <stdio.h>
#include <unboil.h>

static int put(void *out, const char *buf, size_t len)
{
    return fwrite(buf, 1, len, out) == len ? 0 : -1;
}

int main(void)
{
    ub_options opt;
    ub_options_init(&opt);          /* defaults: auto-detect HTML or text */
    ub_status st;
    ub_filter *f = ub_filter_new(&opt, put, stdout, &st);
    char buf[65536];
    size_t n;
    while (f && st == UB_OK && (n = fread(buf, 1, sizeof buf, stdin)) > 0)
        st = ub_filter_feed(f, buf, n);     /* any chunk size */
    if (f && st == UB_OK)
        st = ub_filter_end_document(f);     /* decide and write the rest */
    ub_filter_free(f);
    if (st != UB_OK || fflush(stdout) != 0) {
        fprintf(stderr, "example: %s\n", st != UB_OK ? ub_strerror(st) : "write error");
        return 1;
    }
    return 0;
}
