/* cli_sig.c - removing -o's temporary file when a signal ends the run.
 *
 * The one piece of static state of the program, because a signal handler
 * gets no context argument: the handler can only find the path through a
 * static object.  It is a lock-free atomic pointer, set before the file
 * can exist and cleared once it is renamed or removed, which the handler
 * may read (C11 7.14.1.1); the handler calls only unlink, sigaction and
 * raise, which are async-signal-safe. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli_sig.h"

_Static_assert(ATOMIC_POINTER_LOCK_FREE == 2, "the handler reads a lock-free pointer");

static _Atomic(const char *) sig_tmp;

static const int sig_list[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
enum { SIG_N = sizeof sig_list / sizeof *sig_list };

static void on_signal(int sig)
{
    const char *path = atomic_load(&sig_tmp);
    if (path)
        unlink(path);
    /* end as the signal would have: the default action, raised again (it
     * is delivered when the handler returns and unblocks it) */
    struct sigaction dfl = { .sa_handler = SIG_DFL };
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

int cli_sig_mkstemp(char *tmpl)
{
    sigset_t block, old;
    sigemptyset(&block);
    for (int i = 0; i < SIG_N; i++)
        sigaddset(&block, sig_list[i]);
    /* no signal between the file's creation and the handler knowing it */
    sigprocmask(SIG_BLOCK, &block, &old);
    struct sigaction sa = { .sa_handler = on_signal, .sa_mask = block };
    for (int i = 0; i < SIG_N; i++) {
        struct sigaction was;
        if (sigaction(sig_list[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN)
            sigaction(sig_list[i], &sa, NULL);
    }
    int fd = mkstemp(tmpl);
    if (fd >= 0)
        atomic_store(&sig_tmp, tmpl);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return fd;
}

void cli_sig_forget(void)
{
    atomic_store(&sig_tmp, NULL);
}
