/* cli_out.h - the output: a buffer in front of a file descriptor.
 *
 * Bytes are written when the buffer fills, when the caller flushes (before
 * a read that may wait, at the end) or, line-buffered, at each newline.
 * With -o FILE the bytes go to a temporary file in FILE's directory that
 * replaces FILE only when the run succeeded, so that a failed run (or an
 * input that is FILE itself, refused beforehand) leaves FILE as it was;
 * a run ended by a signal removes it too (cli_sig.c).  A symbolic link is
 * followed, not replaced: the file it leads to is; and a name of a file
 * descriptor (/dev/stdout, /dev/fd/N) is that descriptor, written to as
 * it is, like a device or a pipe. */
#ifndef CLI_OUT_H
#define CLI_OUT_H

#include <stddef.h>

#define CLI_OUT_SIZE (64u * 1024u)

typedef struct cli_out {
    int fd;
    const char *name;       /* for messages: FILE or "standard output" */
    const char *target;     /* -o FILE, or NULL */
    char *path;             /* the file FILE's symbolic links lead to, which
                               tmp replaces, or NULL (malloc'd) */
    char *tmp;              /* the temporary file to rename, or NULL (malloc'd) */
    int line_buffered;
    int err;                /* errno of the first failed write */
    unsigned long long bytes;   /* handed to cli_out_write so far */
    char last;              /* the last byte handed over, or 0 */
    char sep[2];            /* to write before the next bytes, if any come */
    size_t sep_len;
    size_t len;
    char buf[CLI_OUT_SIZE];
} cli_out;

/* Standard output, or -o target: refuses (message, CLI_EXIT_USAGE) a target
 * that is one of the inputs (files[0..n), "-" for standard input), and
 * reports a target that cannot be written (CLI_EXIT_TROUBLE).  0 when
 * open. */
int cli_out_open(cli_out *o, const char *target, char *const *files, int n,
                 int line_buffered);

/* The ub_write_fn over a cli_out. */
int cli_out_write(void *ctx, const char *s, size_t n);

/* Between two inputs' articles: a blank line, written only if something
 * was written before and something comes after. */
void cli_out_separate(cli_out *o);

/* Write out what is buffered; -1 once a write failed. */
int cli_out_flush(cli_out *o);

/* End the output: with ok, flush and put -o's file in place; without,
 * discard -o's temporary file.  Reports its own failures (message, and
 * CLI_EXIT_TROUBLE returned); 0 otherwise.  A failed write before, seen
 * in o->err, is the caller's to report. */
int cli_out_close(cli_out *o, int ok);

#endif
