/* cli_in.h - one input read into the filter or the JSON Lines reader. */
#ifndef CLI_IN_H
#define CLI_IN_H

#include "cli.h"
#include "cli_out.h"
#include "cli_stats.h"
#include "jsonl.h"

#define CLI_IN_SIZE (64u * 1024u)

/* The state of a run across its inputs. */
typedef struct cli_run {
    const cli_config *cfg;
    cli_out *out;
    ub_filter *filter;
    jsonl *jsonl;               /* --jsonl, or NULL */
    cli_stats stats;
    const char *file;           /* the input being read, for messages */
    unsigned long doc_base;     /* documents ended before it: a message
                                   numbers them within the input */
    int failed;                 /* an input could not be read or was refused */
    unsigned long long bytes_in;    /* read from the inputs */
    char last_in;               /* the last byte read from the current input */
    char in[CLI_IN_SIZE];
} cli_run;

/* How one input ended. */
typedef enum cli_in_end {
    CLI_IN_DONE,        /* read (or reported as unreadable: r->failed) */
    CLI_IN_STOPPED,     /* --on-error=fail met a malformed record */
    CLI_IN_ERROR        /* a final error: *st says which */
} cli_in_end;

/* Read `name` ("-": standard input) to its end.  Before each read that
 * may wait for a slow writer, what is decided is written out. */
cli_in_end cli_in_feed(cli_run *r, const char *name, ub_status *st);

#endif
