/* comment_cut.h - the cut before a page's comment section.
 *
 * A comment link in a page's toolbar ("Comments", "Add a Comment") comes
 * before the article, and cut it off whole.  A section that opens before
 * much prose was seen is weighed on what follows: a thread puts a byline
 * with a time or a date before its first comment, an article goes on in
 * paragraphs, even a short one in long and short ones by turns.  Only
 * blocks still pending (ring.h) are given back.  A second commenter's
 * byline opens the thread at the first one; when the bylines are dated lines
 * alone (a list of dated headlines over their articles gives them too) the
 * thread is weighed as an early section is, and refuted by paragraphs that
 * go on without another date between them. */
#ifndef COMMENT_CUT_H
#define COMMENT_CUT_H

#include "ring.h"

typedef struct comment_cut {
    ring *ring;              /* the pending units the cut may reach back into */
    unsigned long thread_at; /* units before the last commenter's byline + 1, 0: none */
    int keep_comments;       /* --keep-comments: never cut */
    int in_comments;
    int cut_unsure;          /* the comment section opened before much prose */
    int cut_dated;           /* ... or a thread opened at dated lines alone */
    unsigned cut_seen, cut_long; /* what followed it */
} comment_cut;

/* A cut over the units of `r`, which must outlive it. */
void comment_cut_init(comment_cut *k, ring *r, int keep_comments);

/* Forget the document's comment section. */
void comment_cut_reset(comment_cut *k);

/* Weigh the first-labelled unit u (the ring's slot being filled): whether
 * the comment section took it (it is labelled, or it opened the section),
 * so that no later first-label rule applies.  index: units decided in the
 * document; prose_words: words of its good prose so far; *article_began
 * is read, and set when a cut given back shows the article going on. */
int comment_cut_push(comment_cut *k, unit *u, unsigned long index,
                     unsigned long prose_words, int *article_began);

#endif
