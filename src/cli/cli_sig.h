/* cli_sig.h - -o's temporary file removed when a signal ends the run.
 *
 * SIGINT, SIGTERM, SIGHUP and SIGPIPE would otherwise leave the file
 * ".NAME.unboil-XXXXXX" beside NAME: while one is open, a handler unlinks
 * it and the signal then ends the program as it would have (same status
 * for the shell).  A signal the parent ignored (nohup) stays ignored. */
#ifndef CLI_SIG_H
#define CLI_SIG_H

/* mkstemp(tmpl), with the file removed on those signals until
 * cli_sig_forget.  tmpl must stay valid until then. */
int cli_sig_mkstemp(char *tmpl);

/* The file is renamed or removed: signals no longer touch it. */
void cli_sig_forget(void);

#endif
