/* sax_count.c - the ceiling for html_reader: a bare libxml2 HTML push parse
 * that only counts what it is told.
 *
 *     sax_count [-z] [-c CHUNK] [FILE]        (stdin without FILE)
 *
 * Reads 64 KiB chunks (or CHUNK bytes) and hands them to htmlParseChunk with
 * the look-ahead reset that keeps libxml2 2.9.14's buffer bounded
 * (NOTES-libxml2.md), and the options html_reader uses.  With -z, the
 * input is documents separated by NUL bytes, as for `unboil -z`: each gets
 * a parser of its own (one parser stops at the first </html>).  Prints the counts,
 * the bytes read and the CPU seconds, so html-bench.sh can compare.
 *
 * Build: cc -O2 $(pkg-config --cflags libxml-2.0) -o sax_count sax_count.c \
 *            $(pkg-config --libs libxml-2.0)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>

typedef struct counts {
    unsigned long long elements, chars, char_bytes, errors;
} counts;

static void on_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
    (void)name;
    (void)atts;
    ((counts *)ud)->elements++;
}

static void on_chars(void *ud, const xmlChar *ch, int len)
{
    (void)ch;
    counts *c = ud;
    c->chars++;
    c->char_bytes += (unsigned long long)len;
}

static void on_serror(void *ud, xmlErrorPtr err)
{
    (void)err;
    ((counts *)ud)->errors++;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static htmlParserCtxtPtr parser_new(htmlSAXHandler *sax, counts *c)
{
    htmlParserCtxtPtr ctxt =
        htmlCreatePushParserCtxt(sax, c, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (ctxt == NULL) {
        fprintf(stderr, "sax_count: cannot create the parser\n");
        return NULL;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS |
                                 HTML_PARSE_IGNORE_ENC);
    return ctxt;
}

/* The look-ahead reset before each chunk keeps 2.9.14's scan linear. */
static void parser_feed(htmlParserCtxtPtr ctxt, const char *p, size_t n)
{
    ctxt->checkIndex = 0;
    ctxt->hasPErefs &= ~1;
    htmlParseChunk(ctxt, p, (int)n, 0);
}

static void parser_end(htmlParserCtxtPtr ctxt)
{
    ctxt->checkIndex = 0;
    ctxt->hasPErefs &= ~1;
    htmlParseChunk(ctxt, NULL, 0, 1);
    htmlFreeParserCtxt(ctxt);
}

int main(int argc, char **argv)
{
    size_t chunk = 64 * 1024;
    int opt, split = 0;

    while ((opt = getopt(argc, argv, "zc:")) != -1) {
        if (opt == 'z') {
            split = 1;
        } else if (opt == 'c') {
            chunk = strtoul(optarg, NULL, 10);
            if (chunk == 0 || chunk > (1u << 30)) {
                fprintf(stderr, "sax_count: bad chunk size\n");
                return 2;
            }
        } else {
            fprintf(stderr, "usage: sax_count [-z] [-c CHUNK] [FILE]\n");
            return 2;
        }
    }
    FILE *in = stdin;
    if (optind < argc && (in = fopen(argv[optind], "rb")) == NULL) {
        fprintf(stderr, "sax_count: %s: %s\n", argv[optind], strerror(errno));
        return 1;
    }
    char *buf = malloc(chunk);
    if (buf == NULL) {
        fprintf(stderr, "sax_count: out of memory\n");
        return 1;
    }

    counts c;
    memset(&c, 0, sizeof c);
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElement = on_start;
    sax.characters = on_chars;
    sax.cdataBlock = on_chars;
    sax.serror = on_serror;

    double t0 = cpu_seconds();
    htmlParserCtxtPtr ctxt = parser_new(&sax, &c);
    if (ctxt == NULL)
        return 1;
    unsigned long long total = 0, docs = 1;
    size_t n;
    while ((n = fread(buf, 1, chunk, in)) > 0) {
        total += n;
        const char *p = buf, *end = buf + n, *nul;
        while (split && (nul = memchr(p, '\0', (size_t)(end - p))) != NULL) {
            parser_feed(ctxt, p, (size_t)(nul - p));
            parser_end(ctxt);
            if ((ctxt = parser_new(&sax, &c)) == NULL)
                return 1;
            docs++;
            p = nul + 1;
        }
        parser_feed(ctxt, p, (size_t)(end - p));
    }
    parser_end(ctxt);
    double secs = cpu_seconds() - t0;

    printf("bytes=%llu documents=%llu elements=%llu characters=%llu text_bytes=%llu "
           "errors=%llu cpu=%.3f MB/s=%.1f\n",
           total, docs, c.elements, c.chars, c.char_bytes, c.errors, secs,
           secs > 0 ? (double)total / 1e6 / secs : 0.0);
    free(buf);
    if (in != stdin)
        fclose(in);
    return 0;
}
