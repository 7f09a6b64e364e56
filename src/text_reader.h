/* text_reader.h - text bytes to blocks: lines, and hard-wrapped paragraphs
 * joined into one block (their lines still written as they were). */
#ifndef TEXT_READER_H
#define TEXT_READER_H

#include "context.h"

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

/* Start a document. */
void text_reader_begin(text_reader *r);
ub_status text_reader_feed(text_reader *r, const char *s, size_t n);
/* End the document: push what is pending. */
ub_status text_reader_end(text_reader *r);

#endif
