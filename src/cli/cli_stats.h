/* cli_stats.h - what -v, --stats and the progress line report. */
#ifndef CLI_STATS_H
#define CLI_STATS_H

#include "unboil.h"

typedef struct cli_stats {
    int verbose;            /* -v: a line per input */
    int totals;             /* --stats: totals at the end */
    int progress;           /* --stats on a terminal: a line once a second */
    ub_counts before;       /* the counts when the input began */
    double start, last_progress;
} cli_stats;

void cli_stats_start(cli_stats *s, int verbose, int totals);

/* Now and then while reading: bytes_in read from the inputs so far. */
void cli_stats_progress(cli_stats *s, const ub_filter *f, unsigned long long bytes_in);

/* After each input, with -v. */
void cli_stats_input(cli_stats *s, const ub_filter *f, const char *file);

/* At the end, with --stats: bytes_in read, bytes_out written. */
void cli_stats_end(cli_stats *s, const ub_counts *totals, unsigned long long bytes_in,
                   unsigned long long bytes_out);

#endif
