/* explain_term.c - --explain as a person reads it in a terminal.
 *
 *     KEEP prose             #12   | The talks resumed on Tuesday ...
 *     DROP boilerplate       #13   | Share this article
 *
 * The decision, the reason and the text come first, so that `less -S` and
 * a narrow window still show the text; features, when asked for, on a line
 * of their own after the block.  Every line of a multi-line block carries
 * the prefix, so `grep '^DROP'` finds all that was dropped.  Text input's
 * lines come out byte for byte, one output line per input line ("     |"
 * for a blank one). */
#include <stdio.h>
#include <string.h>
#include "explain.h"

typedef struct term {
    explain base;
    int features, color;
    int html;          /* the document is HTML: blocks have a kind */
    int open;          /* the last block's line goes on in tails */
    int open_dim;      /* ... and its text is dimmed */
    buf pending;       /* ... and the features line to write after it */
} term;

/* SGR sequences; empty when colour is off. */
#define SGR_KEEP "\033[1;32m"
#define SGR_DROP "\033[1;31m"
#define SGR_WHY_KEEP "\033[32m"
#define SGR_WHY_DROP "\033[33m"
#define SGR_DIM "\033[2m"
#define SGR_OFF "\033[0m"

static ub_status put(term *t, const char *s, size_t n)
{
    return explain_write(&t->base, s, n);
}

static ub_status puts_(term *t, const char *s)
{
    return explain_writes(&t->base, s);
}

static ub_status sgr(term *t, const char *code)
{
    return t->color ? puts_(t, code) : UB_OK;
}

static ub_status term_begin(explain *e, int html)
{
    term *t = (term *)e;
    t->html = html;
    t->open = 0;
    return UB_OK;
}

/* The prefix of every line of block b: "KEEP prose  h2  #12   | ". */
static ub_status prefix(term *t, const explain_block *b)
{
    char why[64], num[32];
    snprintf(why, sizeof why, " %-17s ", b->reason);
    if (t->html)
        snprintf(num, sizeof num, "%-5s #%-5lu", b->kind, b->number);
    else
        snprintf(num, sizeof num, "#%-5lu", b->number);
    ub_status st;
    if ((st = sgr(t, b->keep ? SGR_KEEP : SGR_DROP)) != UB_OK ||
        (st = puts_(t, b->keep ? "KEEP" : "DROP")) != UB_OK ||
        (st = sgr(t, b->keep ? SGR_WHY_KEEP : SGR_WHY_DROP)) != UB_OK ||
        (st = puts_(t, why)) != UB_OK || (st = sgr(t, SGR_OFF SGR_DIM)) != UB_OK ||
        (st = puts_(t, num)) != UB_OK || (st = puts_(t, "| ")) != UB_OK)
        return st;
    /* a dropped block's text is dimmed, as the HTML page greys it */
    return sgr(t, b->keep ? SGR_OFF : "");
}

/* The features line: under the text column, "+ class=good lang=en p=...". */
static ub_status features_line(term *t, const explain_block *b, buf *out)
{
    out->len = 0;
    char head[96];
    size_t width = 4 + 19 + (t->html ? 6 : 0) + 6;
    snprintf(head, sizeof head, "%*s+ class=%s lang=%s", (int)width, "", b->cls, b->lang);
    ub_status st = buf_append(out, t->base.m, head, strlen(head));
    const char *p = b->features;
    explain_pair pair;
    while (st == UB_OK && explain_next_pair(&p, &pair)) {
        if ((st = buf_append(out, t->base.m, " ", 1)) != UB_OK)
            break;
        size_t n = (size_t)(pair.value + pair.value_len - pair.name);
        st = buf_append(out, t->base.m, pair.name_len ? pair.name : pair.value, n);
    }
    return st;
}

/* Write what an open block still owes: the end of its colour, its features. */
static ub_status close_open(term *t)
{
    if (!t->open)
        return UB_OK;
    t->open = 0;
    ub_status st = t->open_dim ? sgr(t, SGR_OFF) : UB_OK;
    if (st != UB_OK || !t->pending.len)
        return st;
    if ((st = sgr(t, SGR_DIM)) != UB_OK || (st = put(t, t->pending.data, t->pending.len)) != UB_OK ||
        (st = sgr(t, SGR_OFF)) != UB_OK)
        return st;
    return puts_(t, "\n");
}

static ub_status term_block(explain *e, const explain_block *b)
{
    term *t = (term *)e;
    ub_status st = close_open(t);
    for (unsigned i = 0; i < b->gap_lines && st == UB_OK; i++)
        st = puts_(t, "     |\n");
    const char *s = b->text, *end = s + b->len;
    while (st == UB_OK) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if ((st = prefix(t, b)) != UB_OK || (st = put(t, s, n)) != UB_OK)
            return st;
        if (!nl)
            break;
        if ((st = sgr(t, b->keep ? "" : SGR_OFF)) != UB_OK || (st = puts_(t, "\n")) != UB_OK)
            return st;
        s = nl + 1;
    }
    if (st != UB_OK)
        return st;
    t->pending.len = 0;
    if (t->features && (st = features_line(t, b, &t->pending)) != UB_OK)
        return st;
    t->open = 1;
    t->open_dim = !b->keep;
    /* an open line's own end comes with its tail */
    if (b->open)
        return UB_OK;
    if ((st = t->open_dim ? sgr(t, SGR_OFF) : UB_OK) != UB_OK || (st = puts_(t, "\n")) != UB_OK)
        return st;
    t->open_dim = 0;
    return close_open(t);
}

static ub_status term_tail(explain *e, const char *s, size_t n)
{
    return put((term *)e, s, n);
}

static ub_status term_end(explain *e)
{
    return close_open((term *)e);
}

static void term_free(explain *e)
{
    term *t = (term *)e;
    buf_free(&t->pending, t->base.m);
    mem_free(t->base.m, t);
}

explain *explain_term_new(const mem *m, explain_put_fn put_fn, void *ctx, int features,
                          int color)
{
    static const explain calls = { term_begin, term_block, term_tail, term_end, term_free,
                                   NULL, NULL, NULL };
    term *t = (term *)explain_alloc(m, sizeof *t, &calls, put_fn, ctx);
    if (!t)
        return NULL;
    t->features = features;
    t->color = color;
    return &t->base;
}
