/* cli_in.c - reading an input.
 *
 * Output is buffered for speed, but a filter at the end of a pipe must not
 * hold back what it has decided while its writer pauses: before a read,
 * if the input has no bytes ready (a pipe or terminal whose writer is
 * slow), the buffer is written out.  A file always has bytes ready, so a
 * big batch still goes out in full buffers. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "cli_in.h"

/* Would a read of fd wait? */
static int would_wait(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    int n;
    do
        n = poll(&p, 1, 0);
    while (n < 0 && errno == EINTR);
    return n == 0;
}

static ub_status feed(cli_run *r, const char *s, size_t n, jsonl_status *js)
{
    if (!r->jsonl)
        return ub_filter_feed(r->filter, s, n);
    *js = jsonl_feed(r->jsonl, s, n);
    return *js == JSONL_ERROR ? jsonl_error(r->jsonl) : UB_OK;
}

static ub_status end(cli_run *r, jsonl_status *js)
{
    if (!r->jsonl)
        return ub_filter_end_document(r->filter);
    *js = jsonl_end(r->jsonl);
    return *js == JSONL_ERROR ? jsonl_error(r->jsonl) : UB_OK;
}

/* The read loop; the descriptor is the caller's to close. */
static cli_in_end read_all(cli_run *r, int fd, ub_status *st)
{
    jsonl_status js = JSONL_OK;
    *st = UB_OK;
    r->last_in = 0;
    for (;;) {
        if (r->out->len > 0 && would_wait(fd) && cli_out_flush(r->out) != 0) {
            *st = UB_EWRITE;
            return CLI_IN_ERROR;
        }
        ssize_t n = read(fd, r->in, sizeof r->in);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cli_msg("%s: %s", r->file, strerror(errno));
            r->failed = 1;
            break;
        }
        if (n == 0)
            break;
        r->bytes_in += (size_t)n;
        r->last_in = r->in[n - 1];
        *st = feed(r, r->in, (size_t)n, &js);
        if (*st != UB_OK || js == JSONL_STOPPED)
            break;
        cli_stats_progress(&r->stats, r->filter, r->bytes_in);
    }
    if (*st == UB_OK && js == JSONL_OK)
        *st = end(r, &js);
    if (js == JSONL_STOPPED)
        return CLI_IN_STOPPED;
    return *st == UB_OK ? CLI_IN_DONE : CLI_IN_ERROR;
}

cli_in_end cli_in_feed(cli_run *r, const char *name, ub_status *st)
{
    int fd = 0;
    *st = UB_OK;
    r->file = strcmp(name, "-") == 0 ? "(standard input)" : name;
    ub_counts k;
    ub_filter_counts(r->filter, &k);
    r->doc_base = k.documents;
    if (strcmp(name, "-") != 0) {
        fd = open(name, O_RDONLY);
        if (fd < 0) {
            cli_msg("%s: %s", name, strerror(errno));
            r->failed = 1;
            r->last_in = 0;
            return CLI_IN_DONE;
        }
    }
    if (r->jsonl)
        jsonl_next_input(r->jsonl);
    cli_in_end how = read_all(r, fd, st);
    if (fd != 0)
        close(fd);
    if (how == CLI_IN_DONE)
        cli_stats_input(&r->stats, r->filter, r->file);
    return how;
}
