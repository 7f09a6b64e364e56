/* text_reader.h - text bytes to blocks: lines, and hard-wrapped paragraphs
 * joined into one block (their lines still written as they were). */
#ifndef TEXT_READER_H
#define TEXT_READER_H

#include "unit.h"

/* Where the reader puts its blocks. */
typedef struct text_sink {
    unit *(*slot)(void *ctx);        /* the unit to fill next */
    ub_status (*push)(void *ctx);    /* the filled unit is complete */
    ub_status (*open)(void *ctx);    /* the filled unit is a line too long to
                                        hold: decide it now, its tail follows */
    ub_status (*tail)(void *ctx, const char *s, size_t n);
    void *ctx;
} text_sink;

typedef struct text_reader text_reader;

text_reader *text_reader_new(const mem *m, const text_sink *sink);
void text_reader_free(text_reader *r);

/* Start a document.  Its charset is then found from its bytes: UTF-8 when
 * they are, else encoding_guess() on the 16 KiB from the first byte that
 * is not ASCII (lines from there wait for it), unless text_reader_charset
 * says otherwise. */
void text_reader_begin(text_reader *r);

/* After text_reader_begin: the document's charset, decided as
 * encoding_detect() does without a <meta> (a BOM in `head`, its first
 * bytes, then `override`, then `http_charset`, else from the bytes).
 * Lines are classified decoded to UTF-8 and written as they came, or
 * decoded with `utf8_out`.  UB_ENOMEM only. */
ub_status text_reader_charset(text_reader *r, const char *head, size_t len,
                              const char *override, const char *http_charset,
                              int utf8_out);

/* The charset decided, "" while undecided (for tests). */
const char *text_reader_charset_name(const text_reader *r);
ub_status text_reader_feed(text_reader *r, const char *s, size_t n);
/* End the document: push what is pending. */
ub_status text_reader_end(text_reader *r);

#endif
