/* markdown.h - text as CommonMark reads it back: escapes, link targets,
 * addresses resolved against the page's base, code fences. */
#ifndef MARKDOWN_H
#define MARKDOWN_H

#include <stddef.h>
#include "buf.h"

/* Appends s[0..n) (one line: whitespace already collapsed) with every
 * character Markdown would read as markup escaped; line_start: s begins
 * the block, where "#", "-", "+", ">", "=" and "1." open blocks. */
ub_status md_escape(buf *out, const mem *m, const char *s, size_t n, int line_start);

/* Appends "(url)" with the characters that would end it percent-encoded. */
ub_status md_target(buf *out, const mem *m, const char *url);

/* href resolved against base (either may be relative; base may be NULL or
 * ""), NUL-terminated in out[0..cap); returns its length, 0 if it did not
 * fit. */
size_t md_resolve(const char *base, const char *href, char *out, size_t cap);

/* The backticks of a fence around s[0..n): one more than its longest run,
 * at least three. */
size_t md_fence(const char *s, size_t n);

#endif
