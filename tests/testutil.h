/* testutil.h - helpers shared by the suites: whole filter runs under any
 * chunking, a counting and failing allocator, running the built CLI, and
 * reading files.  Every buffer these return is malloc'd and owned by the
 * caller (free it); on an unexpected failure of the machinery itself (not
 * of the code under test) they abort the test with ck_abort. */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "unboil.h"

/* ---- growable byte string ---------------------------------------------- */

typedef struct tbuf {
    char *data;         /* NUL-terminated for convenience; may hold NULs */
    size_t len, cap;
} tbuf;

void tbuf_add(tbuf *b, const void *s, size_t n);
void tbuf_addf(tbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tbuf_free(tbuf *b);

/* ---- chunking ----------------------------------------------------------- */

typedef enum chunking {
    CHUNK_WHOLE,        /* one ub_filter_feed call */
    CHUNK_BYTE,         /* one byte per call */
    CHUNK_FIXED,        /* `size` bytes per call */
    CHUNK_RANDOM        /* 1..size bytes per call, from `seed` */
} chunking;

typedef struct chunks {
    chunking how;
    size_t size;
    unsigned seed;
} chunks;

/* Deterministic pseudo-random numbers (xorshift), so a failing seed can be
 * replayed; never rand(), whose sequence differs between libcs. */
unsigned tu_rand(unsigned *state);

/* The NAME of every NAME.in in $FIXTURES that `wanted` (if not NULL)
 * accepts, newly allocated, sorted so test numbers are stable; returns how
 * many, at most `max`. */
int tu_fixture_names(char **names, int max, int (*wanted)(const char *dir, const char *name));

/* Up to `want` pieces picked by the xorshift generator *seed, joined into
 * out[0..cap) while they fit; returns the length.  The joins exercise
 * where one path of a scanner hands over to another. */
size_t tu_join_pieces(uint64_t *seed, const char *const *pieces, size_t npieces, size_t want,
                      char *out, size_t cap);

/* ---- whole runs --------------------------------------------------------- */

typedef struct run_result {
    ub_status new_status;   /* from ub_filter_new */
    ub_status status;       /* first non-OK from feed / end, or UB_OK */
    char *out;              /* output bytes (malloc'd, NUL-terminated) */
    size_t out_len;
    ub_counts counts;       /* after the last call */
    unsigned long diags;    /* diagnostic callback calls */
    ub_status last_diag;    /* status of the last one */
    char diag_msg[256];     /* message of the last one */
    unsigned long diag_doc; /* document of the last one */
} run_result;

/* Run one ub_filter over in[0..len) cut as `ch` says, ending with
 * ub_filter_end_document; `opt` may be NULL for the defaults.  A non-OK
 * status stops the run (the filter is freed either way). */
void run_filter(const ub_options *opt, const char *in, size_t len, chunks ch,
                run_result *r);
/* The same with a diagnostic callback that fills r->diags and friends
 * (the library then skips a bad document instead of failing). */
void run_filter_diag(const ub_options *opt, const char *in, size_t len,
                     chunks ch, run_result *r);
void run_result_free(run_result *r);

/* Convenience: output of a default text-mode run over a NUL-terminated
 * string, fed whole, asserting UB_OK. */
char *filter_text(const char *in, const ub_options *opt);

/* ---- counting allocator ------------------------------------------------- */

typedef struct counting_alloc {
    size_t current;         /* bytes live now */
    size_t high;            /* high-water mark of current */
    unsigned long calls;    /* allocations and growths so far */
    unsigned long fail_at;  /* fail the fail_at-th allocation (1-based); 0: never */
    int failed;             /* a failure was injected */
    unsigned long live;     /* blocks live now */
} counting_alloc;

/* A ub_realloc_fn over malloc; ctx is a counting_alloc. */
void *counting_realloc(void *ctx, void *ptr, size_t size);

/* ---- running the CLI ---------------------------------------------------- */

typedef struct cli_result {
    char *out, *err;        /* malloc'd, NUL-terminated */
    size_t out_len, err_len;
    int exited;             /* WIFEXITED */
    int status;             /* exit status when exited */
    int signal;             /* terminating signal, or 0 */
} cli_result;

typedef struct cli_opts {
    const char *stdout_path;  /* redirect stdout to this file, or NULL (captured) */
    size_t stdout_limit;      /* close our end of stdout after this many bytes; 0: never */
    const char *argv0;        /* the program's argv[0], or NULL: "unboil" */
} cli_opts;

/* The program under test: $UNBOIL (make check sets it). */
const char *cli_path(void);
/* The fixtures directory: $FIXTURES (make check sets it). */
const char *fixtures_dir(void);

/* Run $UNBOIL with argv (NULL-terminated, without argv[0]), stdin fed from
 * in[0..len) while stdout and stderr are gathered. */
void cli_run(const char *const *argv, const char *in, size_t len,
             const cli_opts *o, cli_result *r);
void cli_result_free(cli_result *r);

/* $UNBOIL with argv, its stdin and stdout pipes left to the test: *in to
 * write (close it for end of input), *out to read; stderr is inherited.
 * For a writer that pauses: the test writes, reads what came out, and only
 * then closes *in.  Wait for the child with cli_wait. */
pid_t cli_spawn(const char *const *argv, int *in, int *out);
/* The same, the program started with `sig` ignored, as nohup starts it. */
pid_t cli_spawn_ignoring(const char *const *argv, int *in, int *out, int sig);
/* Read from fd until `want` is in what was read or end of file; returns
 * whether it came.  Blocks: a program that holds its output back hangs the
 * test until Check's timeout fails it. */
int read_until(int fd, const char *want, tbuf *got);
/* The exit status of a spawned child, -1 if it did not exit. */
int cli_wait(pid_t pid);
/* The signal that ended a spawned child, 0 if it exited. */
int cli_wait_signal(pid_t pid);

/* ---- optional parts of the build -------------------------------------- */

/* Whether the build has the charset detector (libuchardet); if not, says
 * on stderr that `test` is skipped. */
int tu_have_detector(const char *test);

/* ---- files -------------------------------------------------------------- */

/* The whole file, NUL-terminated; NULL (errno set) if it cannot be read. */
char *read_file(const char *path, size_t *len);
/* path joined to the fixtures directory, in a static buffer. */
const char *fixture_path(const char *name);

/* Environment knob for the heavy tests: UNBOIL_TEST_SCALE=N divides their
 * sizes by N (e.g. 20 under valgrind); 1 by default. */
unsigned test_scale(void);

/* First line at which a and b differ (1-based), for failure messages. */
size_t first_diff_line(const char *a, size_t alen, const char *b, size_t blen);

#endif
