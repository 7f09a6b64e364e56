/* writer.h - decided units to output bytes; it decides nothing.
 *
 * Text mode writes kept lines byte for byte and lets no blank run grow
 * where lines were removed; HTML mode writes one block per paragraph.
 * --invert writes the removed part the same way, --explain every block
 * with its decision (the readable forms through explain.h's renderers;
 * color: ANSI colours in the terminal form). */
#ifndef WRITER_H
#define WRITER_H

#include "unit.h"

typedef struct writer writer;

writer *writer_new(const mem *m, ub_write_fn write, void *ctx,
                   ub_output output, int markdown, int color);
void writer_free(writer *w);

/* Start a document; html says which reader feeds it, document its number
 * in the stream (from 1). */
void writer_begin(writer *w, int html, unsigned long document);

/* Text mode, after writer_begin: on, kept lines are written as valid
 * UTF-8, a byte that begins no valid sequence as U+FFFD (--utf8: the
 * decoded lines are, and so must a line judged UTF-8 be). */
void writer_utf8(writer *w, int on);

ub_status writer_unit(writer *w, const unit *u);

/* Text mode: more bytes of the last unit's line, which was too long to
 * hold (unit.open); written if the unit was. */
ub_status writer_tail(writer *w, const char *s, size_t n);

/* The short page's rescued run (rescue.h), written after what was kept
 * (--explain lists its units again, with their numbers `numbers`, as
 * kept); n may be 0. */
ub_status writer_rescued(writer *w, const unit *run, const unsigned long *numbers, size_t n);

/* End the document; nul: it was ended by a NUL (-z) to copy out (but
 * for --explain=tsv, whose rows are one table). */
ub_status writer_end(writer *w, int nul);

/* Write raw bytes straight through (e.g. a document passed unchanged). */
ub_status writer_raw(writer *w, const char *s, size_t n);

unsigned long long writer_bytes(const writer *w);

#endif
