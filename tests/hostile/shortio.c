/* shortio.c - LD_PRELOAD shim for tests/hostile/io-faults.sh: makes the
 * CLI's reads and writes as short and as interrupted as POSIX allows.
 *
 *   SHORTIO=r   read(2) on fd 0 and on files: every other call fails with
 *               EINTR, the others return at most one byte
 *   SHORTIO=w   the same for write(2) on fds 1 and 2 ... (fd >= 1)
 *   SHORTIO=rw  both
 * Only in a process whose name contains "unboil".
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long nr, nw;

/* only in the program under test, not in a libtool wrapper's shell */
static int mode(char c)
{
    extern char *program_invocation_short_name;
    const char *m = getenv("SHORTIO");
    return m && strchr(m, c) != NULL && strstr(program_invocation_short_name, "unboil") != NULL;
}

ssize_t read(int fd, void *buf, size_t n)
{
    static ssize_t (*real)(int, void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
    if (mode('r') && n > 0) {
        if (nr++ % 2 == 0) {
            errno = EINTR;
            return -1;
        }
        n = 1;
    }
    return real(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if (mode('w') && fd == 1 && n > 0) {
        if (nw++ % 2 == 0) {
            errno = EINTR;
            return -1;
        }
        n = 1;
    }
    return real(fd, buf, n);
}
