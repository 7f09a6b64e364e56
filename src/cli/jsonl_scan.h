/* jsonl_scan.h - JSON (RFC 8259) read in place: a line checked, one
 * field's value found, a string decoded or written in pieces.
 *
 * Nothing is copied whole and nothing is allocated, so a record costs its
 * line and what the filter makes of it, and running out of memory cannot be
 * taken for bad JSON.  What it accepts is what jansson accepts with
 * JSON_ALLOW_NUL, but for numbers beyond a double's range, which are left
 * as they are written: they are copied back, never read. */
#ifndef JSONL_SCAN_H
#define JSONL_SCAN_H

#include <stddef.h>

/* Containers nest at most this deep (jansson's bound too). */
#define JSCAN_MAX_DEPTH 2048

/* Receives decoded or encoded bytes; non-zero stops the work and is
 * returned. */
typedef int (*jscan_sink)(void *ctx, const char *s, size_t n);

typedef struct jscan {
    const char *why;    /* NULL: valid JSON; else what is wrong */
    size_t at;          /* ... at this byte (0-based) */
    int object;         /* the value is an object */
    int found;          /* ... with the field: its last value is s[from..to) */
    size_t from, to;
} jscan;

/* Check s[0..n) as one JSON value, and for an object find the last value
 * of its top-level member named field[0..field_len) (decoded names are
 * compared, escapes and all). */
void jscan_line(const char *s, size_t n, const char *field, size_t field_len, jscan *out);

/* The string token s[0..n) (quotes included, already checked) decoded to
 * UTF-8, in pieces of at most 64 KiB. */
int jscan_decode(const char *s, size_t n, jscan_sink sink, void *ctx);

/* s[0..n) as a JSON string token, quotes and all (json_escape). */
int jscan_encode(const char *s, size_t n, jscan_sink sink, void *ctx);


#endif
