/* sniff.h - what a document is, from its first bytes. */
#ifndef SNIFF_H
#define SNIFF_H

#include <stddef.h>

/* Bytes the filter gathers before deciding (less at end of input). */
#define SNIFF_BYTES 1024u
/* HTTP headers (curl -i) longer than this are not taken for headers. */
#define SNIFF_HEADERS_MAX (64u * 1024u)

typedef enum sniff_kind {
    SNIFF_MORE,     /* need more bytes */
    SNIFF_TEXT,
    SNIFF_HTML,
    SNIFF_BINARY
} sniff_kind;

typedef struct sniff_result {
    sniff_kind kind;
    size_t skip;          /* bytes of HTTP headers to skip */
    const char *what;     /* SNIFF_BINARY: what it looks like ("gzip data") */
    const char *advice;   /* SNIFF_BINARY: what to do about it */
    char charset[40];     /* from an HTTP Content-Type header, or "" */
    int http_text;        /* the HTTP Content-Type said text/plain */
} sniff_result;

/* Look at s[0..n); at_end says no more bytes will come.  `declared` is
 * the charset the user gave (-e), or NULL: UTF-16, from it, from a BOM or
 * from the HTTP header, is judged on its code units. */
void sniff(const char *s, size_t n, int at_end, const char *declared, sniff_result *out);

#endif
