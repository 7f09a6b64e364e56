/* cli_stats.c - -v, --stats and the progress line.  Bytes in are the
 * bytes read from the inputs, whatever their form (with --jsonl, whole
 * lines, not only the documents in them); bytes out, those written. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "cli_stats.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_stats_start(cli_stats *s, int verbose, int totals)
{
    s->verbose = verbose;
    s->totals = totals;
    s->progress = totals && isatty(2);
    s->start = s->last_progress = now();
}

void cli_stats_progress(cli_stats *s, const ub_filter *f, unsigned long long bytes_in)
{
    if (!s->progress)
        return;
    double t = now();
    if (t - s->last_progress < 1.0)
        return;
    s->last_progress = t;
    ub_counts c;
    ub_filter_counts(f, &c);
    fprintf(stderr, "\r%s: %lu document%s, %.1f MB, %.1f MB/s ", CLI_PROG, c.documents,
            cli_plural(c.documents), (double)bytes_in / 1e6,
            (double)bytes_in / 1e6 / (t - s->start));
}

void cli_stats_input(cli_stats *s, const ub_filter *f, const char *file)
{
    if (!s->verbose)
        return;
    ub_counts c;
    ub_filter_counts(f, &c);
    const ub_counts *b = &s->before;
    unsigned long docs = c.documents - b->documents;
    unsigned long problems = c.html_errors - b->html_errors;
    cli_msg("%s: %lu document%s (%lu HTML, %lu skipped), %lu block%s, %lu kept, "
            "%lu HTML parse problem%s recovered", file, docs, cli_plural(docs),
            c.documents_html - b->documents_html, c.documents_failed - b->documents_failed,
            c.blocks - b->blocks, cli_plural(c.blocks - b->blocks),
            c.blocks_kept - b->blocks_kept, problems, cli_plural(problems));
    s->before = c;
}

void cli_stats_end(cli_stats *s, const ub_counts *c, unsigned long long bytes_in,
                   unsigned long long bytes_out)
{
    if (!s->totals)
        return;
    double t = now() - s->start;
    if (s->progress)
        fputs("\r\033[K", stderr);
    cli_msg("%lu document%s (%lu skipped), %.1f MB in, %.1f MB out (%.1f%% removed), "
            "%.2f s, %.1f MB/s", c->documents, cli_plural(c->documents), c->documents_failed,
            (double)bytes_in / 1e6, (double)bytes_out / 1e6,
            bytes_in ? 100.0 * (1.0 - (double)bytes_out / (double)bytes_in) : 0.0,
            t, t > 0 ? (double)bytes_in / 1e6 / t : 0.0);
}
