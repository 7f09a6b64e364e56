/* unit.h - a block as the engine holds it from its first label to its
 * output: its text, its measurements, the labels and scores the decision
 * stages give it.  The context (context.h) keeps a window of them
 * (ring.h); the model (model.h) scores one when it is decided (decide.h);
 * the rescue (rescue.h) and the writer (writer.h) take decided ones. */
#ifndef UNIT_H
#define UNIT_H

#include "buf.h"
#include "block.h"
#include "classify.h"
#include "block_features.h"
#include "model.h"
#include "page.h"
#include "text_region.h"

/* The leading box is the container with the most prose so far, the window's
 * blocks included: the article body on most pages. */
enum { LEAD_NONE, LEAD_OWN, LEAD_INSIDE, LEAD_BESIDE };

/* Text mode: what the unit's run (the lines around it with its indentation
 * and bullet, as far as the window sees) adds up to.  An article's list
 * items sit in runs of sentences right after prose; a menu's in runs of
 * short capitalised names.  All zero in HTML mode. */
typedef struct unit_run {
    double items;        /* log1p(lines in the run) / 4 */
    double log_chars;    /* mean of the lines' model_nb.log_chars */
    double end_punct;    /* share of the lines that end a sentence */
    double short_lines;  /* share of the lines under 70 characters */
    double stop_density; /* mean stopword density */
    double prose_before; /* the line before the run is prose */
    double prose_after;  /* the line after it is (0 while unknown) */
    double rel_indent;   /* (indent - the last prose line's) / 6, in -1..1 */
    /* the run before this one: items, log_chars, end_punct, stop_density
     * as above, its indentation against this run's, its bullet */
    double prev_items, prev_log_chars, prev_end_punct, prev_stop_density;
    double prev_indent, prev_bullet;
} unit_run;

typedef struct run_total run_total;

typedef struct unit {
    buf text;            /* HTML: normalised text; text mode: the lines, as
                            UTF-8 (see raw) */
    buf raw;             /* text mode, input in a charset other than UTF-8:
                            the lines as they came, to write (else empty) */
    buf gap;             /* text mode: the blank lines before it, raw */
    buf md;              /* HTML, --markdown: block.md, or empty */
    unsigned list, number, quote; /* --markdown: block.list, .number, .quote */
    char lang[32];       /* --markdown: block.lang, or "" */
    unsigned gap_lines;  /* text mode: how many blank lines before it */
    unsigned gap_kept;   /* ... of which `gap` holds the bytes */
    unsigned flags, hints, heading;
    uint32_t box;        /* HTML: its container (block.box) */
    double box_share;    /* share of its container's text that is prose */
    double box_chars;    /* characters in its container so far */
    uint32_t outer[2];   /* HTML: the containers around that (block.outer) */
    unsigned lead;       /* HTML: where it sits against the leading box (LEAD_*) */
    size_t lead_link;    /* HTML: bytes of its text's start inside a link (block.lead_link) */
    double page[PAGE_FEATURES]; /* HTML: what the page model says of it (page.h) */
    double region[TEXT_REGION_FEATURES]; /* text with the look-ahead: where it lies
                                            against the article region (text_region.h) */
    int open;            /* text mode: the line goes on past UB_BLOCK_MAX */
    int unterminated;    /* text mode: the input's last line, without '\n' */
    int headline_top;    /* the first of two copies of a line opening the document */
    size_t queued_links; /* HTML: its link bytes, while queued (context_queue) */
    features f;
    verdict v;
    verdict uncut;       /* v before a comment section not yet sure of itself cut it */
    int cut;             /* ... which it did */
    model_nb nb;         /* what the model needs of it as a neighbour */
    struct run_total *run_rec; /* text mode: the run it belongs to */
    unit_run run;        /* ... and what that run holds, set when decided */
    double window[MODEL_WINDOW_FEATURES]; /* the model's view of the window
                                             around it, set when scored */

    uint8_t doc_lang;    /* first unit of a document: the document's language */
    uint8_t doc_why;     /* ... and why (CONTEXT_LANG_*), 0 on other units */
    uint32_t doc_hits[2];/* ... CONTEXT_LANG_HITS: its hits, the runner-up's */
    uint8_t doc_next;    /* ... the runner-up language */
    int keep;            /* final decision */
    double score;        /* the model's probability that it is article */
    reason why;          /* final reason */
} unit;

/* The bytes that stand for u in the output: its lines as they came. */
static inline const buf *unit_bytes(const unit *u)
{
    return u->raw.len > 0 ? &u->raw : &u->text;
}

/* Why the document's language is what it is (shown by --explain). */
enum { CONTEXT_LANG_OPTION = 1, CONTEXT_LANG_PAGE, CONTEXT_LANG_HITS };

#endif
