/* line_count.c - the ceiling for text mode: split lines with memchr and
 * count, per line, its bytes, words and character classes, without a branch
 * per byte.
 *
 *     line_count [FILE]        (stdin without FILE)
 *
 * unboil's text mode must at least find each line and measure it (words,
 * letters, digits, punctuation, capitals, non-ASCII); this is that work with
 * nothing else: no blocks, no stopwords, no decisions, no output.  A
 * 256-entry table gives each byte's classes as bits, so the per-byte loop
 * only adds.  Prints the totals (so the compiler cannot drop the work), the
 * bytes read and the CPU seconds, for text-bench.sh.
 *
 * Build: cc -O2 -o line_count line_count.c
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { SPACE = 1, ALPHA = 2, DIGIT = 4, PUNCT = 8, UPPER = 16, HIGH = 32 };

static unsigned char cls[256];

static void classes_init(void)
{
    for (int b = 0; b < 256; b++) {
        unsigned char c = 0;
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v' || b == 0)
            c |= SPACE;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
            c |= ALPHA;
        if (b >= 'A' && b <= 'Z')
            c |= UPPER;
        if (b >= '0' && b <= '9')
            c |= DIGIT;
        if (b > ' ' && b < 0x7f && !(c & (ALPHA | DIGIT)))
            c |= PUNCT;
        if (b >= 0xc0) /* a lead byte: one per non-ASCII character */
            c |= HIGH;
        cls[b] = c;
    }
}

typedef struct totals {
    unsigned long long lines, bytes, words, alpha, digit, punct, upper, high, maxw;
} totals;

/* One line: every count is a sum of table bits, words are the starts of
 * runs of non-space (this byte not space, the one before space). */
static void count_line(const unsigned char *p, size_t n, totals *t)
{
    unsigned long long words = 0, alpha = 0, digit = 0, punct = 0, upper = 0, high = 0;
    unsigned prev_space = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned c = cls[p[i]];
        unsigned sp = c & SPACE;
        words += prev_space & (sp ^ 1u);
        prev_space = sp;
        alpha += (c >> 1) & 1u;
        digit += (c >> 2) & 1u;
        punct += (c >> 3) & 1u;
        upper += (c >> 4) & 1u;
        high += (c >> 5) & 1u;
    }
    t->lines++;
    t->bytes += n;
    t->words += words;
    t->alpha += alpha;
    t->digit += digit;
    t->punct += punct;
    t->upper += upper;
    t->high += high;
    /* the longest line in words, as a per-line decision would need */
    t->maxw = words > t->maxw ? words : t->maxw;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    FILE *in = stdin;
    if (argc > 1 && (in = fopen(argv[1], "rb")) == NULL) {
        fprintf(stderr, "line_count: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    classes_init();
    enum { CHUNK = 64 * 1024, MAXLINE = 64 * 1024 };
    /* a line that straddles reads is carried to the front; longer lines
     * are cut at MAXLINE, as unboil cuts its blocks */
    unsigned char *buf = malloc(CHUNK + MAXLINE);
    if (buf == NULL) {
        fprintf(stderr, "line_count: out of memory\n");
        if (in != stdin)
            fclose(in);
        return 1;
    }
    totals t;
    memset(&t, 0, sizeof t);
    double t0 = cpu_seconds();
    unsigned long long total = 0;
    size_t have = 0, n;
    while ((n = fread(buf + have, 1, CHUNK, in)) > 0) {
        total += n;
        size_t end = have + n, start = 0;
        const unsigned char *nl;
        while ((nl = memchr(buf + start, '\n', end - start)) != NULL) {
            size_t len = (size_t)(nl - (buf + start));
            count_line(buf + start, len, &t);
            start += len + 1;
        }
        have = end - start;
        if (have >= MAXLINE) {
            count_line(buf + start, have, &t);
            have = 0;
        } else {
            memmove(buf, buf + start, have);
        }
    }
    if (have > 0)
        count_line(buf, have, &t);
    double secs = cpu_seconds() - t0;
    printf("bytes=%llu lines=%llu words=%llu alpha=%llu digit=%llu punct=%llu "
           "upper=%llu nonascii=%llu maxwords=%llu cpu=%.3f MB/s=%.1f\n",
           total, t.lines, t.words, t.alpha, t.digit, t.punct, t.upper, t.high, t.maxw,
           secs, secs > 0 ? (double)total / 1e6 / secs : 0.0);
    free(buf);
    if (in != stdin)
        fclose(in);
    return 0;
}
