/* md_inline.h - emphasis and code spans in a block's Markdown.
 *
 * The HTML reader notes where <em>/<i>, <strong>/<b> and inline <code>
 * begin and end in the block's escaped Markdown (markdown.h); when the
 * block is handed over, each span is written with its delimiters ("*x*",
 * "**x**", "`x`") where a CommonMark parser reads it back as that same
 * span, and as plain text where it would not (the flanking rules: "a*"x"*b"
 * is no emphasis), so the text itself never changes. */
#ifndef MD_INLINE_H
#define MD_INLINE_H

#include <stddef.h>
#include "buf.h"

enum { MD_EM = 1, MD_STRONG = 2, MD_CODE = 3 };

#define MD_SPAN_MAX 32   /* spans written per block; more stay text */
#define MD_OPEN_MAX 16   /* spans open at once; deeper ones stay text */

typedef struct md_span {
    size_t start, end;   /* the span's bytes of the Markdown */
    unsigned kind;       /* MD_* */
} md_span;

typedef struct md_inline {
    md_span done[MD_SPAN_MAX];   /* closed, in the order they closed */
    size_t ndone;
    md_span open[MD_OPEN_MAX];   /* open; .end holds the element's depth */
    size_t nopen;
} md_inline;

/* An element of `kind` at `depth` opens where the Markdown is `at` long. */
void md_inline_open(md_inline *mi, unsigned kind, size_t depth, size_t at);

/* The element at `depth` ends; md[0..len) is the Markdown so far. */
void md_inline_close(md_inline *mi, size_t depth, const char *md, size_t len);

/* One byte was inserted into the Markdown at `at`, with what followed
 * moved up: opens, it begins what follows (a link's "["), so a span that
 * closed and began there holds it; else it belongs to the character at
 * `at` (a "\" escaping it), and so do the spans that begin there. */
void md_inline_inserted(md_inline *mi, size_t at, int opens);

/* The block was handed over: spans still open go on from the next
 * block's start. */
void md_inline_next_block(md_inline *mi);

/* Appends md[0..n) with the spans' delimiters to out; row: the block is
 * a table row, where a "|" in a code span would part cells. */
ub_status md_inline_render(const md_inline *mi, buf *out, const mem *m, const char *md, size_t n,
                           int row);

#endif
