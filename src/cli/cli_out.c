/* cli_out.c - buffered output and -o's temporary file. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "cli_out.h"
#include "cli_sig.h"

int cli_out_flush(cli_out *o)
{
    size_t off = 0;
    while (off < o->len && !o->err) {
        ssize_t n = write(o->fd, o->buf + off, o->len - off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            o->err = errno;
            break;
        }
        off += (size_t)n;
    }
    o->len = 0;
    return o->err ? -1 : 0;
}

static int put(cli_out *o, const char *s, size_t n)
{
    o->bytes += n;
    o->last = s[n - 1];
    while (n > 0) {
        if (o->len == CLI_OUT_SIZE && cli_out_flush(o) != 0)
            return -1;
        size_t room = CLI_OUT_SIZE - o->len;
        size_t take = n < room ? n : room;
        memcpy(o->buf + o->len, s, take);
        o->len += take;
        s += take;
        n -= take;
    }
    return 0;
}

int cli_out_write(void *ctx, const char *s, size_t n)
{
    cli_out *o = ctx;
    if (o->err)
        return -1;
    if (n == 0)
        return 0;
    if (o->sep_len > 0) {
        size_t k = o->sep_len;
        o->sep_len = 0;
        if (put(o, o->sep, k) != 0)
            return -1;
    }
    if (put(o, s, n) != 0)
        return -1;
    return o->line_buffered && memchr(s, '\n', n) ? cli_out_flush(o) : 0;
}

void cli_out_separate(cli_out *o)
{
    if (o->bytes == 0)
        return;
    o->sep[0] = o->sep[1] = '\n';
    o->sep_len = o->last == '\n' ? 1 : 2;
}

/* Is `name` (or standard input for "-") the file st describes? */
static int same_file(const char *name, const struct stat *st)
{
    struct stat in;
    int r = strcmp(name, "-") == 0 ? fstat(0, &in) : stat(name, &in);
    return r == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino;
}

/* The descriptor that p names as /dev/stdout, /dev/stderr, /dev/fd/N or
 * /proc/self/fd/N do (bash's redirections know the same names), or -1.
 * Written to as it is: replacing the file behind it would replace the
 * link, and the file a shell opened for us must be the one written. */
static int fd_name(const char *p)
{
    if (strcmp(p, "/dev/stdout") == 0)
        return 1;
    if (strcmp(p, "/dev/stderr") == 0)
        return 2;
    static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/" };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        size_t l = strlen(dirs[i]);
        if (strncmp(p, dirs[i], l) != 0 || p[l] < '0' || p[l] > '9')
            continue;
        char *end;
        errno = 0;
        long fd = strtol(p + l, &end, 10);
        return *end == 0 && errno == 0 && fd <= 65535 ? (int)fd : -1;
    }
    return -1;
}

/* The link's text, malloc'd, read against its directory: the next name on
 * the way; NULL and errno on failure. */
static char *link_next(const char *path, const struct stat *st)
{
    size_t size = (size_t)st->st_size + 1;
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    for (;;) {
        char *buf = malloc(dir + size);
        if (!buf)
            return NULL;
        ssize_t n = readlink(path, buf + dir, size);
        if (n < 0 || (size_t)n < size) {
            if (n < 0) {
                free(buf);
                return NULL;
            }
            buf[dir + (size_t)n] = 0;
            if (buf[dir] == '/')
                memmove(buf, buf + dir, (size_t)n + 1);
            else
                memcpy(buf, path, dir);
            return buf;
        }
        free(buf);      /* the link grew since lstat: read it again, larger */
        size *= 2;
    }
}

/* Where -o target's symbolic links lead (malloc'd), each followed as the
 * kernel would (at most 40 of them); NULL and *fd set when the way reaches
 * a name of a descriptor; NULL and errno on failure (*fd -1). */
static char *follow_links(const char *target, int *fd)
{
    *fd = -1;
    size_t len = strlen(target) + 1;
    char *path = malloc(len);
    if (!path)
        return NULL;
    memcpy(path, target, len);
    for (int hops = 0;; hops++) {
        struct stat st;
        if ((*fd = fd_name(path)) >= 0 || lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) {
            if (*fd < 0)
                return path;    /* a missing file too: it is created */
            free(path);
            return NULL;
        }
        char *next = hops < 40 ? link_next(path, &st) : NULL;
        if (hops >= 40)
            errno = ELOOP;
        free(path);
        if (!next)
            return NULL;
        path = next;
    }
}

/* Why no temporary file could be made beside o->path (errno e), said of
 * the file the user named: a directory that is missing as a shell says
 * it; one that refuses (read-only, not ours, /proc) by name, since the
 * target itself may exist and be writable. */
static void temp_failed(const cli_out *o, size_t dir, int e)
{
    char *d = malloc(dir + 2);
    if (!d) {
        cli_msg("%s: %s", o->target, strerror(e));
        return;
    }
    if (dir == 0)
        strcpy(d, ".");
    else
        snprintf(d, dir + 2, "%.*s", (int)(dir > 1 ? dir - 1 : dir), o->path);
    struct stat st;
    if (stat(d, &st) != 0)
        cli_msg("%s: %s", o->target, strerror(errno));
    else if (!S_ISDIR(st.st_mode))
        cli_msg("%s: %s", o->target, strerror(ENOTDIR));
    else
        cli_msg("%s: cannot create a temporary file in %s: %s", o->target, d, strerror(e));
    free(d);
}

/* A new file beside target, named after it, that no one else has. */
static int make_temp(cli_out *o, const char *target, const struct stat *old)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    size_t size = strlen(target) + sizeof "..unboil-XXXXXX";
    o->tmp = malloc(size);
    if (!o->tmp) {
        cli_msg("%s", ub_strerror(UB_ENOMEM));
        return CLI_EXIT_TROUBLE;
    }
    snprintf(o->tmp, size, "%.*s.%s.unboil-XXXXXX", (int)dir, target, target + dir);
    o->fd = cli_sig_mkstemp(o->tmp);
    if (o->fd < 0) {
        temp_failed(o, dir, errno);
        free(o->tmp);
        o->tmp = NULL;
        return CLI_EXIT_TROUBLE;
    }
    /* the mode the file has, or a new file's (mkstemp's is 0600) */
    mode_t mode;
    if (old) {
        mode = old->st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(o->fd, mode) != 0) {
        cli_msg("%s: %s", o->target, strerror(errno));
        return CLI_EXIT_TROUBLE;
    }
    return 0;
}

/* Whether target, which st describes, is one of the inputs files[0..n)
 * (standard input when n is 0); if so, says so as a usage error. */
static int is_an_input(const char *target, const struct stat *st, char *const *files, int n)
{
    for (int i = 0; i < n; i++)
        if (same_file(files[i], st)) {
            cli_usage_error("%s: the output is also an input (%s); write elsewhere", target,
                            strcmp(files[i], "-") == 0 ? "standard input" : files[i]);
            return 1;
        }
    if (n == 0 && same_file("-", st)) {
        cli_usage_error("%s: the output is also the input (standard input); write elsewhere",
                        target);
        return 1;
    }
    return 0;
}

int cli_out_open(cli_out *o, const char *target, char *const *files, int n,
                 int line_buffered)
{
    o->fd = 1;
    o->name = "standard output";
    o->target = target;
    o->tmp = NULL;
    o->path = NULL;
    o->line_buffered = line_buffered;
    if (!target)
        return 0;
    o->name = target;
    struct stat st;
    int exists = stat(target, &st) == 0;
    if (exists && is_an_input(target, &st, files, n))
        return CLI_EXIT_USAGE;
    int fd;
    o->path = follow_links(target, &fd);
    if (!o->path && fd >= 0) {
        o->fd = dup(fd);
        if (o->fd < 0) {
            cli_msg("%s: %s", target, strerror(errno));
            return CLI_EXIT_TROUBLE;
        }
        return 0;
    }
    if (!o->path) {
        cli_msg("%s: %s", target, strerror(errno));
        return CLI_EXIT_TROUBLE;
    }
    /* a device or a pipe (/dev/null, a fifo) is written to; only a
     * regular file is replaced */
    if (exists && !S_ISREG(st.st_mode)) {
        o->fd = open(o->path, O_WRONLY | O_TRUNC);
        if (o->fd < 0) {
            cli_msg("%s: %s", target, strerror(errno));
            return CLI_EXIT_TROUBLE;
        }
        return 0;
    }
    int st_open = make_temp(o, o->path, exists ? &st : NULL);
    if (st_open != 0)
        cli_out_close(o, 0);
    return st_open;
}

int cli_out_close(cli_out *o, int ok)
{
    if (ok)
        cli_out_flush(o);
    if (!o->target)
        return 0;
    int status = 0;
    if (o->fd >= 0 && close(o->fd) != 0 && ok && !o->err) {
        cli_msg("%s: %s", o->name, strerror(errno));
        status = CLI_EXIT_TROUBLE;
    }
    o->fd = -1;
    if (o->tmp) {
        if (ok && !o->err && status == 0 && rename(o->tmp, o->path) != 0) {
            cli_msg("%s: %s", o->target, strerror(errno));
            status = CLI_EXIT_TROUBLE;
        }
        if (!ok || o->err || status != 0)
            unlink(o->tmp);
        cli_sig_forget();
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->path);
    o->path = NULL;
    return status;
}
