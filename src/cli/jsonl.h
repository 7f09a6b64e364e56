/* jsonl.h - JSON Lines records for the command line (--jsonl).
 *
 * Part of the program, not of the library: the library cleans documents and
 * knows nothing of JSON.  Each line holds one JSON object; the document is
 * the string in one of its fields.  The field's value is replaced by what
 * the filter makes of the document, and the rest of the line is written
 * back byte for byte (key order, spacing, numbers and escapes as they were).
 * Every line is checked as JSON (RFC 8259, by jsonl_scan.h); a line that
 * is not JSON, not an object, or whose field is missing or not a string,
 * is malformed and is copied, dropped or stops the run as the caller
 * chose.  Running out of memory is an error (JSONL_ERROR, UB_ENOMEM),
 * never a malformed line. */
#ifndef JSONL_H
#define JSONL_H

#include <stddef.h>
#include "unboil.h"

typedef enum jsonl_on_error {
    JSONL_PASS,     /* copy a malformed line unchanged */
    JSONL_DROP,     /* leave it out */
    JSONL_FAIL      /* stop: jsonl_feed returns JSONL_STOPPED */
} jsonl_on_error;

typedef enum jsonl_status {
    JSONL_OK,       /* go on */
    JSONL_STOPPED,  /* a malformed line under JSONL_FAIL (the diag callback
                       said which); what came before it is written */
    JSONL_ERROR     /* final: jsonl_error says which (the filter's, the
                       output's UB_EWRITE, or UB_ENOMEM) */
} jsonl_status;

/* Told of each malformed line: `line` counts from 1 in the current input,
 * `message` is valid during the call. */
typedef void (*jsonl_diag_fn)(void *ctx, unsigned long line, const char *message);

typedef struct jsonl jsonl;

/* A reader owned by the caller (free with jsonl_free), or NULL when out of
 * memory.  Records go to out(out_ctx, ...); `field` must outlive it. */
jsonl *jsonl_new(const char *field, jsonl_on_error on_error,
                 ub_write_fn out, void *out_ctx, jsonl_diag_fn diag, void *diag_ctx);

/* The write callback to make the record filter with, the reader as its
 * context; then hand the filter over with jsonl_set_filter (it stays the
 * caller's).  The filter must not use null_data. */
int jsonl_collect(void *ctx, const char *buf, size_t len);
void jsonl_set_filter(jsonl *j, ub_filter *f);

/* --json: after cleaning a record, add the metadata the filter found
 * (ub_filter_meta) as fields the record does not have already. */
void jsonl_set_meta(jsonl *j, int on);

/* The next bytes of the current input, in any chunks. */
jsonl_status jsonl_feed(jsonl *j, const char *buf, size_t len);

/* End of the current input: a last line without a newline is a record. */
jsonl_status jsonl_end(jsonl *j);

/* Line numbers start again: a new input begins. */
void jsonl_next_input(jsonl *j);

/* After JSONL_ERROR: why. */
ub_status jsonl_error(const jsonl *j);

/* Lines found malformed so far. */
unsigned long jsonl_malformed(const jsonl *j);

/* After JSONL_ERROR: the line of the current input it was met in. */
unsigned long jsonl_error_line(const jsonl *j);

/* The line of the current input last read: during the filter's callbacks,
 * the record being cleaned. */
unsigned long jsonl_line(const jsonl *j);

/* Lines read so far (all inputs); of them, the JSON objects; of those, the
 * ones that held the field. */
unsigned long jsonl_records(const jsonl *j);
unsigned long jsonl_objects(const jsonl *j);
unsigned long jsonl_with_field(const jsonl *j);

void jsonl_free(jsonl *j);

#endif
