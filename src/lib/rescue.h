/* rescue.h - the short page's article, found after the fact.
 *
 * A page whose article is a few short paragraphs amid a large template can
 * leave the model below its threshold on every one of them: the output is
 * then a headline and a date.  While fewer than a paragraph's worth of
 * words has been kept, the longest run of near misses (blocks the model
 * gave at least RESCUE_MIN_SCORE, no rule having dropped them) after the
 * last kept block is held, bounded in units and bytes; at the end of such
 * a document it is written, which keeps the input's order.  A document
 * that keeps enough forgets the run at once.  One that wrote nothing but
 * its title and headings (a photo post: the title, then a byline under
 * the headline the title repeats) and whose longest run is under
 * RESCUE_ARTICLE_WORDS gets its first byline instead, with the headline
 * just above it and the near misses after it (tuning.h,
 * RESCUE_BYLINE_CHARS); a block written after that byline forgets it, as
 * it could not be written in order.  A document that wrote nothing at
 * all gets its best block of RESCUE_MIN_WORDS or more, or, when it has
 * none, its longest run of shorter blocks no rule removed, so that a page
 * of a few short words does not come out empty. */
#ifndef RESCUE_H
#define RESCUE_H
#include "unit.h"

typedef struct rescue rescue;

rescue *rescue_new(const mem *m);
void rescue_free(rescue *r);
/* Start a document. */
void rescue_begin(rescue *r);
/* Every decided unit of the document in order, its number (1-based) and
 * whether it was written. */
ub_status rescue_see(rescue *r, const unit *u, unsigned long number, int written);
/* End of document: the run to write (marked kept, reason "rescued"), or
 * none (*count = 0).  Valid until the next rescue_begin. */
const unit *rescue_take(rescue *r, size_t *count, const unsigned long **numbers);
#endif
