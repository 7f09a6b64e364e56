/* testutil.c - see testutil.h. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "encoding.h"
#include "testutil.h"

/* ---- tbuf --------------------------------------------------------------- */

void tbuf_add(tbuf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p)
            ck_abort_msg("test harness out of memory");
        b->data = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void tbuf_addf(tbuf *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    /* no ck_assert here: generators call this in loops, and each passing
     * ck_assert costs a message to the runner */
    if (n < 0 || (size_t)n >= sizeof tmp)
        ck_abort_msg("tbuf_addf: %d bytes do not fit", n);
    tbuf_add(b, tmp, (size_t)n);
}

void tbuf_free(tbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

unsigned tu_rand(unsigned *state)
{
    unsigned x = *state ? *state : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* ---- whole runs --------------------------------------------------------- */

typedef struct sink {
    tbuf out;
    run_result *r;
} sink;

static int sink_write(void *ctx, const char *s, size_t n)
{
    sink *k = ctx;
    tbuf_add(&k->out, s, n);
    return 0;
}

static void sink_diag(void *ctx, unsigned long doc, ub_status st, const char *msg)
{
    sink *k = ctx;
    k->r->diags++;
    k->r->last_diag = st;
    k->r->diag_doc = doc;
    snprintf(k->r->diag_msg, sizeof k->r->diag_msg, "%s", msg);
}

static void run(const ub_options *opt, const char *in, size_t len, chunks ch,
                run_result *r, int collect_diag)
{
    memset(r, 0, sizeof *r);
    sink k = { .r = r };
    tbuf_add(&k.out, "", 0);
    ub_options o;
    if (opt)
        o = *opt;
    else
        ub_options_init(&o);
    if (collect_diag) {
        o.diag = sink_diag;
        o.diag_ctx = &k;
    }
    ub_filter *f = ub_filter_new(&o, sink_write, &k, &r->new_status);
    if (!f) {
        r->status = r->new_status;
        r->out = k.out.data;
        r->out_len = k.out.len;
        return;
    }
    unsigned seed = ch.seed;
    size_t pos = 0;
    ub_status st = UB_OK;
    while (pos < len && st == UB_OK) {
        size_t n;
        switch (ch.how) {
        case CHUNK_WHOLE: n = len - pos; break;
        case CHUNK_BYTE: n = 1; break;
        case CHUNK_FIXED: n = ch.size ? ch.size : 1; break;
        case CHUNK_RANDOM: n = 1 + tu_rand(&seed) % (ch.size ? ch.size : 1); break;
        default: n = 1; break;
        }
        if (n > len - pos)
            n = len - pos;
        st = ub_filter_feed(f, in + pos, n);
        pos += n;
    }
    if (st == UB_OK)
        st = ub_filter_end_document(f);
    r->status = st;
    ub_filter_counts(f, &r->counts);
    ub_filter_free(f);
    r->out = k.out.data;
    r->out_len = k.out.len;
}

void run_filter(const ub_options *opt, const char *in, size_t len, chunks ch,
                run_result *r)
{
    run(opt, in, len, ch, r, 0);
}

void run_filter_diag(const ub_options *opt, const char *in, size_t len,
                     chunks ch, run_result *r)
{
    run(opt, in, len, ch, r, 1);
}

void run_result_free(run_result *r)
{
    free(r->out);
    r->out = NULL;
}

char *filter_text(const char *in, const ub_options *opt)
{
    run_result r;
    run_filter(opt, in, strlen(in), (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
    ck_assert_msg(r.status == UB_OK, "filter failed: %s", ub_strerror(r.status));
    return r.out;
}

/* ---- counting allocator ------------------------------------------------- */

/* Each block carries its size in front, so frees and growths can be
 * counted exactly; max_align_t keeps the payload aligned. */
typedef union header {
    size_t size;
    max_align_t align;
} header;

void *counting_realloc(void *ctx, void *ptr, size_t size)
{
    counting_alloc *a = ctx;
    header *h = ptr ? (header *)ptr - 1 : NULL;
    if (size == 0) {
        if (h) {
            a->current -= h->size;
            a->live--;
            free(h);
        }
        return NULL;
    }
    a->calls++;
    if (a->fail_at && a->calls == a->fail_at) {
        a->failed = 1;
        return NULL;     /* like realloc: the old block stays valid */
    }
    if (size > SIZE_MAX - sizeof *h)
        return NULL;
    size_t old = h ? h->size : 0;
    header *n = realloc(h, sizeof *n + size);
    if (!n)
        return NULL;
    if (!h)
        a->live++;
    n->size = size;
    a->current = a->current - old + size;
    if (a->current > a->high)
        a->high = a->current;
    return n + 1;
}

/* ---- CLI ---------------------------------------------------------------- */

const char *cli_path(void)
{
    const char *p = getenv("UNBOIL");
    ck_assert_msg(p && *p, "UNBOIL is not set: run through make check, or set "
                  "UNBOIL to the built unboil program");
    return p;
}

const char *fixtures_dir(void)
{
    const char *p = getenv("FIXTURES");
    ck_assert_msg(p && *p, "FIXTURES is not set: run through make check, or set "
                  "FIXTURES to tests/fixtures");
    return p;
}

const char *fixture_path(const char *name)
{
    static char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", fixtures_dir(), name);
    ck_assert(n > 0 && (size_t)n < sizeof path);
    return path;
}

static void set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    ck_assert(fl >= 0 && fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0);
}

/* argv with argv0 (NULL: "unboil") in front, for execv (free the array,
 * not its strings). */
static char **full_argv(const char *argv0, const char *const *argv)
{
    size_t argc = 0;
    while (argv && argv[argc])
        argc++;
    char **av = calloc(argc + 2, sizeof *av);
    ck_assert(av != NULL);
    av[0] = (char *)(argv0 ? argv0 : "unboil");
    for (size_t i = 0; i < argc; i++)
        av[i + 1] = (char *)argv[i];
    return av;
}

void cli_run(const char *const *argv, const char *in, size_t len,
             const cli_opts *o, cli_result *r)
{
    static const cli_opts none;
    if (!o)
        o = &none;
    memset(r, 0, sizeof *r);
    int pin[2], pout[2], perr[2];
    ck_assert(pipe(pin) == 0 && pipe(pout) == 0 && pipe(perr) == 0);
    /* writing to a child that went away must give EPIPE, not kill the test */
    signal(SIGPIPE, SIG_IGN);
    const char *prog = cli_path();
    char **av = full_argv(o->argv0, argv);

    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(pin[0], 0);
        if (o->stdout_path) {
            int fd = open(o->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
            if (fd < 0)
                _exit(126);
            dup2(fd, 1);
            close(fd);
        } else {
            dup2(pout[1], 1);
        }
        dup2(perr[1], 2);
        close(pin[0]); close(pin[1]);
        close(pout[0]); close(pout[1]);
        close(perr[0]); close(perr[1]);
        /* the program must set up its own SIGPIPE handling */
        signal(SIGPIPE, SIG_DFL);
        execv(prog, av);
        _exit(127);
    }
    free(av);
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    set_nonblock(pin[1]);
    set_nonblock(pout[0]);
    set_nonblock(perr[0]);

    tbuf out = {0}, err = {0};
    tbuf_add(&out, "", 0);
    tbuf_add(&err, "", 0);
    size_t sent = 0;
    int fin = pin[1], fout = pout[0], ferr = perr[0];
    if (len == 0) {
        close(fin);
        fin = -1;
    }
    while (fout >= 0 || ferr >= 0) {
        struct pollfd pf[3];
        nfds_t np = 0;
        int ifin = -1, ifout = -1, iferr = -1;
        if (fin >= 0) { pf[np].fd = fin; pf[np].events = POLLOUT; ifin = (int)np++; }
        if (fout >= 0) { pf[np].fd = fout; pf[np].events = POLLIN; ifout = (int)np++; }
        if (ferr >= 0) { pf[np].fd = ferr; pf[np].events = POLLIN; iferr = (int)np++; }
        if (poll(pf, np, -1) < 0) {
            ck_assert_int_eq(errno, EINTR);
            continue;
        }
        if (ifin >= 0 && pf[ifin].revents) {
            ssize_t n = write(fin, in + sent, len - sent);
            if (n > 0)
                sent += (size_t)n;
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || sent == len) {
                close(fin);     /* EPIPE: the program stopped reading */
                fin = -1;
            }
        }
        char tmp[65536];
        if (ifout >= 0 && pf[ifout].revents) {
            ssize_t n = read(fout, tmp, sizeof tmp);
            if (n > 0)
                tbuf_add(&out, tmp, (size_t)n);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) ||
                (o->stdout_limit && out.len >= o->stdout_limit)) {
                close(fout);
                fout = -1;
            }
        }
        if (iferr >= 0 && pf[iferr].revents) {
            ssize_t n = read(ferr, tmp, sizeof tmp);
            if (n > 0)
                tbuf_add(&err, tmp, (size_t)n);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                close(ferr);
                ferr = -1;
            }
        }
    }
    if (fin >= 0)
        close(fin);
    int ws;
    while (waitpid(pid, &ws, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    r->exited = WIFEXITED(ws);
    r->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    r->signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
    ck_assert_msg(!(r->exited && r->status == 127), "cannot run %s", prog);
    r->out = out.data;
    r->out_len = out.len;
    r->err = err.data;
    r->err_len = err.len;
}

/* The child starts with the dispositions a shell gives a program, whatever
 * this test run inherited (under nohup SIGHUP is ignored, and a program
 * keeps a signal ignored that it found ignored), but `ignored` (0: none). */
static pid_t spawn(const char *const *argv, int *in, int *out, int ignored)
{
    int pin[2], pout[2];
    ck_assert(pipe(pin) == 0 && pipe(pout) == 0);
    signal(SIGPIPE, SIG_IGN);
    char **av = full_argv(NULL, argv);
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        close(pin[0]); close(pin[1]);
        close(pout[0]); close(pout[1]);
        static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
        for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
            signal(sigs[i], sigs[i] == ignored ? SIG_IGN : SIG_DFL);
        execv(cli_path(), av);
        _exit(127);
    }
    free(av);
    close(pin[0]);
    close(pout[1]);
    *in = pin[1];
    *out = pout[0];
    return pid;
}

pid_t cli_spawn(const char *const *argv, int *in, int *out)
{
    return spawn(argv, in, out, 0);
}

pid_t cli_spawn_ignoring(const char *const *argv, int *in, int *out, int sig)
{
    return spawn(argv, in, out, sig);
}

int read_until(int fd, const char *want, tbuf *got)
{
    tbuf_add(got, "", 0);
    while (!strstr(got->data, want)) {
        char tmp[4096];
        ssize_t n = read(fd, tmp, sizeof tmp);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        tbuf_add(got, tmp, (size_t)n);
    }
    return 1;
}

static int wait_raw(pid_t pid)
{
    int ws;
    while (waitpid(pid, &ws, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    return ws;
}

int cli_wait(pid_t pid)
{
    int ws = wait_raw(pid);
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

int cli_wait_signal(pid_t pid)
{
    int ws = wait_raw(pid);
    return WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
}

void cli_result_free(cli_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

/* ---- files -------------------------------------------------------------- */

char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    tbuf b = {0};
    tbuf_add(&b, "", 0);
    char tmp[65536];
    for (;;) {
        ssize_t n = read(fd, tmp, sizeof tmp);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            tbuf_free(&b);
            errno = e;
            return NULL;
        }
        if (n == 0)
            break;
        tbuf_add(&b, tmp, (size_t)n);
    }
    close(fd);
    if (len)
        *len = b.len;
    return b.data;
}

unsigned test_scale(void)
{
    const char *s = getenv("UNBOIL_TEST_SCALE");
    if (!s || !*s)
        return 1;
    long v = strtol(s, NULL, 10);
    return v < 1 ? 1 : (unsigned)v;
}

size_t first_diff_line(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t line = 1;
    for (size_t i = 0; i < alen && i < blen; i++) {
        if (a[i] != b[i])
            return line;
        line += a[i] == '\n';
    }
    return line;
}

int tu_have_detector(const char *test)
{
    if (encoding_have_detector())
        return 1;
    fprintf(stderr, "%s: skipped, built without libuchardet (configure found no uchardet)\n", test);
    return 0;
}

static int tu_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tu_fixture_names(char **names, int max, int (*wanted)(const char *dir, const char *name))
{
    const char *dir = getenv("FIXTURES");
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        size_t len = strlen(e->d_name);
        if (len <= 3 || strcmp(e->d_name + len - 3, ".in") != 0 || e->d_name[0] == '.')
            continue;
        char *name = strndup(e->d_name, len - 3);
        if (name && (!wanted || wanted(dir, name)))
            names[n++] = name;
        else
            free(name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, tu_by_name);
    return n;
}

size_t tu_join_pieces(uint64_t *seed, const char *const *pieces, size_t npieces, size_t want,
                      char *out, size_t cap)
{
    size_t len = 0;
    for (size_t p = 0; p < want; p++) {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        const char *piece = pieces[*seed % npieces];
        size_t m = strlen(piece);
        if (len + m > cap)
            break;
        memcpy(out + len, piece, m);
        len += m;
    }
    return len;
}
