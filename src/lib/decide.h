/* decide.h - the final decision on a unit leaving the window.
 *
 * Final labels follow jusText's context pass (headings before good text,
 * short blocks between good ones, near-good blocks next to good ones), with
 * the neighbours looked for only inside the window; past its end the
 * document is taken to end, as jusText takes its edges to be bad.  A rule's
 * first label stands (a headline marked twice is dropped the second time);
 * the model scores the rest with the units decided before and pending
 * after; then the window-stage rules (rules.def) may keep a data row or
 * drop a kept block that the document around it shows to be furniture. */
#ifndef DECIDE_H
#define DECIDE_H

#include "docmem.h"
#include "ring.h"
#include "text_region.h"
#include "text_runs.h"

typedef struct decider {
    const ring *ring;        /* the pending units, the one decided first */
    docmem *doc;
    const page *page;        /* the page model's aggregates */
    text_region *region;     /* text with the look-ahead: the article region (its view
                              * keeps a cache) */
    const text_runs *runs;   /* text mode: the runs of lines */
    double threshold;        /* model score from which a block is kept */
    size_t lookahead;        /* 0: the window alone, no page model */
    unsigned long index;     /* units decided in this document */
    unsigned long kept_words; /* words of good prose decided and kept */
    unsigned long since_kept; /* units decided since the last kept one */
    int prev_near;            /* the last unit was a near miss (decide.c, near_miss) */
    model_nb hist[MODEL_SPAN]; /* the last decided units, for the model */
    unsigned hist_head, hist_count;
    model_mode mode;
    int last_kept;
    int after_linked_head;   /* the last decided unit was a heading that is all link */
    int teaser_run;          /* ... and the summary before that heading was a teaser */
    int headline_kept;       /* a repeated line was kept as the headline */
    unsigned long title_headline; /* the index of the h1 or heading the title yielded to, or 0 */
} decider;

/* A decider over the units of `r`; every pointer must outlive it. */
void decide_init(decider *d, const ring *r, docmem *doc, const page *pg,
                 text_region *region, const text_runs *runs, size_t lookahead);

/* Forget the document. */
void decide_reset(decider *d);

/* Decide u, the oldest pending unit (sets keep, why, score and what the
 * model saw), and remember it as decided. */
void decide_unit(decider *d, unit *u);

#endif
