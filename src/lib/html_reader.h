/* html_reader.h - HTML bytes to blocks, through libxml2's SAX push parser.
 *
 * No DOM is built: the reader is fed chunks and hands over a block each time
 * a block-level element closes.  Memory stays bounded whatever the input and
 * whatever the chunking (see NOTES in html_driver.c).
 */
#ifndef HTML_READER_H
#define HTML_READER_H

#include "block.h"
#include "buf.h"

typedef struct html_reader html_reader;

/* Returns a reader owned by the caller, or NULL when out of memory.  Its
 * memory comes from `m`, which must outlive it (libxml2 allocates its own).
 * `encoding` is the charset to use whatever the page says (--encoding), or
 * NULL; `http_charset` is the charset of an HTTP Content-Type header that
 * preceded the page, or NULL.  Both are copied.  Blocks go to `emit`, in
 * document order; the document title, if the page has one, comes first as a
 * block flagged BLOCK_TITLE. */
html_reader *html_reader_new(const mem *m, const char *encoding, const char *http_charset,
                                   block_fn emit, void *ctx, ub_status *status);

/* Called (with the ctx given to html_reader_new) each time libxml2 has
 * read a piece of the page, which may have handed over many blocks: a
 * caller that puts off its work on blocks does it then (filter.c).
 * NULL, the default: nothing is called. */
void html_reader_set_drain(html_reader *r, ub_status (*drain)(void *ctx));

/* Look class and id values up through `memo` (html_hints.h: all zero
 * before its first use; the caller's, and it must outlive the reader),
 * which the readers of later documents may share: the hints do not depend
 * on it, and a site's pages repeat their classes.  NULL, the default:
 * every value is cut into words and looked up. */
struct hints_memo;
void html_reader_set_hints_memo(html_reader *r, struct hints_memo *memo);

/* Hand the elements that carry metadata, and the text meta asks for, to
 * `mt` (meta.h), which must outlive the document; NULL: none. */
struct meta;
void html_reader_set_meta(html_reader *r, struct meta *mt);

/* --markdown: give blocks their Markdown form (block.md, list, number,
 * lang); links as [text](url) and images as ![alt](src) if asked, their
 * addresses resolved against <base> and `url` (may be NULL; must outlive
 * the reader). */
void html_reader_set_markdown(html_reader *r, int links, int images, const char *url);

/* Any chunking gives the same blocks. */
ub_status html_reader_feed(html_reader *r, const char *buf, size_t len);

/* End of the document: hands over what is still open. */
ub_status html_reader_end(html_reader *r);

/* The page's language from <html lang> ("en", "pt-BR"), or "" when unknown.
 * Valid until the reader is freed. */
const char *html_reader_lang(const html_reader *r);

/* Parse trouble seen so far, for -v and --explain: a count of libxml2 errors. */
unsigned long html_reader_errors(const html_reader *r);

void html_reader_free(html_reader *r);

#endif
