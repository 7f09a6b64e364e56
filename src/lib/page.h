/* page.h - the page model: what the whole page says about a block.
 *
 * A window of blocks cannot tell the article from a rail of teasers under
 * it, nor save an article paragraph among menus.  So the blocks of a
 * document wait in a bounded look-ahead (the whole page, for nearly every
 * page), and while they wait their containers are added up: each block's
 * own container, its parent and its grandparent (block.box, block.outer),
 * the nearer ones counting more, as Readability scores nodes.  The
 * container with the most prose is the article's (or, when it begins far
 * after the page's first h1, one right under the h1 with half as much);
 * a block is weighed by where it sits against it and by the shape of its
 * own container (a list of linked headlines, each with a short summary,
 * is a rail of other stories however prose-like the summaries read).
 *
 * Memory is bounded: a fixed table of containers per document, and the
 * look-ahead's cap in bytes of held text.  HTML mode only: text dumps have
 * no containers, and their page features are zero. */
#ifndef PAGE_H
#define PAGE_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* The features the page model hands the block model, in this order. */
enum {
    PAGE_IN_BEST,       /* its own container is the article's */
    PAGE_UNDER_BEST,    /* the article's container holds its container */
    PAGE_BEST_SHARE,    /* the article container's share of the page's prose */
    PAGE_BOX_REL,       /* its container's prose score against the article's */
    PAGE_PARENT_REL,    /* ... its parent's */
    PAGE_BOX_LINKS,     /* link density of its container */
    PAGE_BOX_HEADS,     /* linked headlines in its container, log-scaled */
    PAGE_PARENT_HEADS,  /* ... in and under its parent */
    PAGE_TEASER,        /* its container's items pair a linked headline with a summary */
    PAGE_BEFORE,        /* it comes before the article's container, outside it */
    PAGE_AFTER,         /* ... after it */
    PAGE_TEASER_RUN,    /* it lies in a run of teaser items: linked headline, summary */
    PAGE_THREAD,        /* it lies in a thread: blocks stamped with a time, a few
                           apart (not weighed: the dev set's gold keeps some
                           threads and not others; README) */
    PAGE_THREAD_SAID,   /* ... one that a comment opener announced */
    PAGE_FEATURES
};

typedef struct page page;
struct unit;

/* How many blocks the look-ahead may hold, and how much memory each
 * waiting slot keeps between blocks: the window alone when lookahead is 0. */
unsigned page_capacity(unsigned window, size_t lookahead);
size_t page_slot_keep(unsigned window, size_t lookahead);

page *page_new(const mem *m);
void page_free(page *p, const mem *m);

/* With `keep` set (--keep-comments) the thread features stay 0: a thread
 * is left to the rest of the model, as before threads were found. */
void page_keep_threads(page *p, int keep);

/* Forget the document. */
void page_reset(page *p);

/* Add a pushed unit (features, neighbour view and box set) as the
 * document's block number `index` (from 0). */
void page_add(page *p, const struct unit *u, unsigned long index);

/* The look-ahead is full or the document ended: the runs of teaser
 * items seen so far are judged against the article found (page.c). */
void page_settle(page *p);

/* The page features of a unit about to be decided, as block `index`. */
void page_view(const page *p, const struct unit *u, unsigned long index,
               double out[PAGE_FEATURES]);

/* A unit whose page features are set (page_view) is the frame of a teaser
 * run's item: its linked headline or a short line (a date, a byline),
 * dropped whatever its score says.  The summaries are left to the model:
 * some pages' gold keeps those. */
int page_teaser_frame(const struct unit *u);

/* The block is a teaser item on its own: a linked headline first, then
 * (in the same element) more words, mostly not link. */
int page_item_shape(const struct unit *u);

/* A block an unsure comment section cut (comment_cut.h: it opened before
 * much prose) lies in the article's own container, which the page, with
 * the cut blocks counted as they read, chose: the section took the
 * article, and the block is given back to the model (rule UNCUT).  On
 * the dev set one page changes, an l3s brief under a "0 comments" count,
 * F1 0.04 to 0.72 (README, "Whole-page decisions"). */
int page_uncut(const page *p, const struct unit *u);

/* Block `index` is a row of a table of data (page_table.h) whose rows
 * all lie inside the article container's span: the article's. */
int page_data_table(const page *p, const struct unit *u, unsigned long index);

#endif
