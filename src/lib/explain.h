/* explain.h - --explain for people: one record per decided block, and the
 * renderers that turn records into a terminal listing or an HTML page.
 *
 * The writer fills an explain_block for every block of a document, in
 * order, and hands it to the renderer; the renderers know nothing of
 * units, models or rules, only of this record, so a feature or a reason
 * added to the engine shows up in every form without touching them. */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "buf.h"

typedef struct explain_block {
    int keep;               /* the decision */
    const char *reason;     /* why, e.g. "prose", "boilerplate", "rescued" */
    const char *cls;        /* the first label, e.g. "good", "short" */
    const char *lang;       /* the stoplist its words were counted in */
    unsigned long number;   /* its place in the document, from 1 */
    const char *kind;       /* HTML: "title", "h1".."h6", "li" or ""; text: "" */
    const char *text;       /* HTML: its UTF-8 text; text: its raw lines,
                               '\n' between them, in the input's bytes */
    size_t len;
    unsigned gap_lines;     /* text: blank lines before it */
    int open;               /* text: its last line goes on in explain_tail */
    const char *features;   /* "name=value" tokens separated by spaces */
} explain_block;

/* The next name=value pair of a features string: *p moves past it.
 * Returns 0 when there is none left.  A token without '=' has an empty
 * name. */
typedef struct explain_pair {
    const char *name, *value;
    size_t name_len, value_len;
} explain_pair;
int explain_next_pair(const char **p, explain_pair *out);

/* Where a renderer writes; non-zero on failure. */
typedef ub_status (*explain_put_fn)(void *ctx, const char *s, size_t n);

typedef struct explain explain;

/* The terminal listing: each line "VERB reason #N | text" (every line of
 * a multi-line block), with a line of features after the block when
 * `features` is set, in ANSI colours when `color` is set. */
explain *explain_term_new(const mem *m, explain_put_fn put, void *ctx, int features,
                          int color);

/* One self-contained HTML page per document: no script, no request for
 * anything, every byte of the page's text escaped. */
explain *explain_html_new(const mem *m, explain_put_fn put, void *ctx);

/* A document begins; html says which reader feeds it. */
ub_status explain_begin(explain *e, int html);
ub_status explain_block_out(explain *e, const explain_block *b);
/* More bytes of the last block's last line (explain_block.open). */
ub_status explain_tail(explain *e, const char *s, size_t n);
/* The document ends. */
ub_status explain_end(explain *e);
void explain_free(explain *e);

/* What every renderer is: the calls above, dispatched, and where it
 * writes.  A renderer's own struct begins with it. */
struct explain {
    ub_status (*begin)(explain *e, int html);
    ub_status (*block)(explain *e, const explain_block *b);
    ub_status (*tail)(explain *e, const char *s, size_t n);
    ub_status (*end)(explain *e);
    void (*free)(explain *e);
    const mem *m;
    explain_put_fn put;
    void *ctx;
};

/* A renderer of `size` bytes, zeroed but for its explain: the calls of
 * `calls`, m, put and ctx.  NULL when out of memory. */
explain *explain_alloc(const mem *m, size_t size, const explain *calls, explain_put_fn put,
                       void *ctx);

/* Write s[0..n) (nothing when n is 0), or the string s. */
ub_status explain_write(explain *e, const char *s, size_t n);
ub_status explain_writes(explain *e, const char *s);

#endif
