/* cli.h - what the parts of the command line share: exit statuses, the
 * settings from argv, and messages.  The program, not the library: these
 * files may print and decide the exit status, nothing below them does.
 *
 *   cli_opts.c   argv to a cli_config: the option table, --help, --version
 *   cli_out.c    the output: buffering, flushing, -o's temporary file
 *   cli_sig.c    that file removed when a signal ends the run
 *   cli_in.c     reading one input into the filter or the JSON Lines reader
 *   cli_stats.c  -v, --stats and the progress line
 *   main.c       main: the run from the first input to the exit status */
#ifndef CLI_H
#define CLI_H

#include "unboil.h"

enum { CLI_EXIT_OK = 0, CLI_EXIT_TROUBLE = 1, CLI_EXIT_USAGE = 2 };

#define CLI_PROG "unboil"

/* What the command line asked for. */
typedef struct cli_config {
    ub_options opt;          /* for the filter (diag is set by main) */
    const char *outname;     /* -o, or NULL */
    int jsonl;               /* --jsonl */
    const char *field;       /* --field, or NULL */
    int on_error;            /* --on-error as a jsonl_on_error, or -1 */
    int verbose;             /* -v */
    int stats;               /* --stats */
    int line_buffered;       /* --line-buffered */
    const char *color;       /* --color's WHEN, or NULL: auto */
    char **files;            /* the FILE arguments, none for standard input */
    int nfiles;
} cli_config;

/* "unboil: " and the message on standard error. */
void cli_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A usage error: the message, then the pointer to --help; returns
 * CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "1 document", "2 documents": the noun with an s unless n is 1. */
const char *cli_plural(unsigned long n);

#endif
