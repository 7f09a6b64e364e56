/* context.h - the window of blocks between classification and output.
 *
 * Blocks wait here until enough of what follows them is known: a short
 * line between two paragraphs is article, one among menu items is not.
 * When the window is full the oldest block is decided with what is known,
 * so memory is bounded by the window, not the document. */
#ifndef CONTEXT_H
#define CONTEXT_H

#include "unit.h"
#include "page.h"

/* Receives each decided unit, in document order. */
typedef ub_status (*context_out_fn)(void *ctx, const unit *u);

typedef struct context context;

/* A context owned by the caller, or NULL when out of memory.  The tables
 * must outlive it. */
/* A block is decided once `window` blocks follow it and, with a look-ahead
 * (bytes of text, 0 for none), once the held text passes it or the document
 * ends: most pages are decided whole. */
context *context_new(const mem *m, const stoplist *stops, const phrases *ph,
                     unsigned window, size_t lookahead, int keep_comments,
                     context_out_fn out, void *out_ctx);
void context_free(context *c);

/* The slot to fill for the next block: its buffers are emptied but keep
 * their memory.  Fill text (and gap for text mode), flags, hints, heading,
 * then call context_push. */
unit *context_slot(context *c);

/* Classify the filled slot (link_len: bytes of its text inside links) and
 * decide the oldest block if the window is full. */
ub_status context_push(context *c, size_t link_len);

/* Classifying a block later, with others, keeps the code that measures
 * and decides blocks in the instruction cache, where doing so between
 * the parser's events evicted it and the parser's code in turn.  Queues
 * the filled slot (as context_push would take it, link_len with it);
 * context_drain pushes what is queued, in order, exactly as pushing each
 * when it was queued would have.  Returns nonzero when that would decide
 * a block (context_out_fn), which a caller whose other state the decision
 * reads or changes must not put off: it drains then. */
int context_queue(context *c, size_t link_len);

/* No slot is left to queue into: drain first. */
int context_queue_full(const context *c);

/* Pushes the queued blocks, oldest first. */
ub_status context_drain(context *c);

/* Decide and hand over everything pending, the queued blocks too (end of
 * document, or before a line too long to hold). */
ub_status context_flush(context *c);

/* Which model decides the coming document's blocks. */
void context_set_mode(context *c, model_mode mode);

/* --learn: drop short lines seen in at least min_docs earlier documents,
 * counted in `l` (NULL: learn nothing).  `l` must outlive the context. */
struct learn;
void context_set_learn(context *c, struct learn *l, unsigned min_docs);

/* The page's own language (<html lang>), for the document being read; set
 * once per document, later calls are ignored. */
void context_set_page_lang(context *c, const char *code);

/* Forget the document: per-document state (headlines seen, comment section,
 * article begun) starts afresh.  Call after context_flush. */
void context_reset(context *c);

#endif
