/* meta.h - what a document says about itself: title, author, date ...
 *
 * The HTML reader hands over the elements that carry metadata (meta, link,
 * base, html, time, title, JSON-LD scripts, anything with itemprop) and,
 * when meta_start asks for it, the text inside them; the filter hands over
 * the decided blocks, for what only the page shows (its h1, a "By ..."
 * line, a date line near the top of a text dump).  Each value comes with
 * the trust of its source, and the most trusted one is kept:
 *
 *     JSON-LD > OpenGraph, article:* > Twitter, Parse.ly > Dublin Core and
 *     plain <meta name> > itemprop > the page itself > a guess (language)
 *
 * Memory is fixed but for one captured JSON-LD script, itself capped. */
#ifndef META_H
#define META_H

#include <stddef.h>
#include "buf.h"
#include "html_hints.h"
#include "unboil.h"

typedef struct meta meta;

/* A store owned by the caller, or NULL when out of memory. */
meta *meta_new(const mem *m);
void meta_free(meta *mt);

/* Forget the document. */
void meta_reset(meta *mt);

/* An element opens: name lower-cased, atts as libxml2 gives them (name,
 * value pairs, NULL-terminated; only a <meta>'s are looked at), ha what
 * html_hints_attrs read of them (the reader's one pass over the list),
 * hints (HINT_*) those of the elements around it, skipped: it is inside
 * an element whose text is not read (script, svg, template ...).
 * Returns 1 when the text inside the element is wanted: then every piece
 * of it goes to meta_text until meta_end, when the element closes.  One
 * element at a time. */
int meta_start(meta *mt, const char *name, const char *const *atts, const hint_attrs *ha,
               unsigned hints, int skipped);
/* UB_ENOMEM when the text could not be held. */
ub_status meta_text(meta *mt, const char *s, size_t n);
void meta_end(meta *mt);

/* A decided block: html (or a text dump's line), its text, heading level,
 * HINT_* and whether it was kept.  Only the first blocks are looked at. */
void meta_block(meta *mt, int html, const char *s, size_t n, unsigned heading,
                unsigned hints, int keep);

/* meta_block looks at no more blocks of this document: what it is told
 * next changes nothing that meta_get or meta_start sees. */
int meta_blocks_done(const meta *mt);

/* End of the document: choose the title, fill in the url (`url`, may be
 * NULL) and the language (`lang`: the one measured, or NULL) where the
 * page said nothing. */
void meta_finish(meta *mt, const char *url, const char *lang);

/* The i-th value of a field, or NULL (see ub_filter_meta). */
const char *meta_get(const meta *mt, ub_meta_field field, size_t i);

/* The page's <base href>, or NULL. */
const char *meta_base(const meta *mt);

#endif
