/* json_out.h - a document as one JSON object on one line (--json).
 *
 * The article streams out as the "text" string while it is decided, so
 * nothing is held back; the metadata, known only once the document has
 * been read, follows it:  {"text":"...","title":"...",...,"tags":[...]}. */
#ifndef JSON_OUT_H
#define JSON_OUT_H

#include <stddef.h>
#include "buf.h"
#include "meta.h"

typedef struct json_out json_out;

/* Writes through out(ctx, ...).  NULL when out of memory. */
json_out *json_out_new(const mem *m, ub_write_fn out, void *ctx);
void json_out_free(json_out *j);

/* Opens a document's object and its "text". */
ub_status json_out_begin(json_out *j);

/* More of the text, escaped; a ub_write_fn, with the json_out as ctx.
 * Bytes that are not UTF-8 become U+FFFD, whatever the chunking. */
int json_out_text(void *ctx, const char *s, size_t n);

/* Closes the text, adds the fields `mt` holds, ends the object and the line. */
ub_status json_out_end(json_out *j, const meta *mt);

/* Writes s[0..n) as a JSON string, quotes included, through out(ctx, ...);
 * invalid UTF-8 becomes U+FFFD.  Returns what out returned, 0 on success. */
int json_out_string(ub_write_fn out, void *ctx, const char *s, size_t n);

/* The fields of `mt` as ',"name":value' pairs, leaving out those for
 * which skip(skip_ctx, name) is non-zero (skip may be NULL). */
int json_out_fields(ub_write_fn out, void *ctx, const meta *mt,
                    int (*skip)(void *skip_ctx, const char *name), void *skip_ctx);

#endif
