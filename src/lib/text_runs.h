/* text_runs.h - text mode: runs of lines with the same indentation and
 * bullet, added up as their lines are pushed (unit.h, unit_run).  Pending
 * units belong to at most as many runs as the window holds units, so a
 * ring of that many records holds them all. */
#ifndef TEXT_RUNS_H
#define TEXT_RUNS_H

#include "unit.h"

typedef struct text_runs {
    run_total *runs;         /* `size` records, by run id */
    run_total *run_cur;      /* the run of the last pushed line, or NULL */
    unsigned size;
    unsigned long pushed;    /* units pushed in this document */
    unsigned long prose_at;  /* pushed count after the last prose line, 0: none */
    uint32_t run_indent;     /* the last pushed line's indentation ... */
    int run_prose;           /* ... and whether it was prose */
    uint32_t prose_indent;   /* the last prose line's indentation */
    uint8_t run_bullet;      /* the last pushed line's bullet */
} text_runs;

/* Records for `size` pending units; nonzero when out of memory. */
int text_runs_init(text_runs *t, const mem *m, unsigned size);
void text_runs_free(text_runs *t, const mem *m);
void text_runs_reset(text_runs *t);

/* Add the pushed unit u (features and neighbour view set) to its run,
 * opening a new one when its indentation or bullet differs from the line
 * before; sets u->run_rec and u->run.rel_indent. */
void text_runs_add(text_runs *t, unit *u);

/* Set u->run from its run (u->run_rec) as it stands now. */
void text_runs_view(unit *u);

#endif
