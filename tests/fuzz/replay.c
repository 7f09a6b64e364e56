/* replay.c - a libFuzzer target as a plain program: runs the target once
 * on each file named on the command line, so that `make check` replays the
 * saved findings (tests/fuzz/crashes) without libFuzzer.  A finding that
 * fails again abort()s, as under the fuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, len = 0, n;
        uint8_t *data = malloc(cap);
        while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap) {
                uint8_t *more = realloc(data, cap *= 2);
                if (!more)
                    free(data);
                data = more;
            }
        }
        int bad = ferror(f);
        fclose(f);
        if (!data || bad) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            free(data);
            return 1;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
        printf("ok %s\n", argv[i]);
    }
    return 0;
}
