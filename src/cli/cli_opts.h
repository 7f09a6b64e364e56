/* cli_opts.h - argv to a cli_config. */
#ifndef CLI_OPTS_H
#define CLI_OPTS_H

#include "cli.h"

/* Fills c from argv.  Returns -1 when the run should go on, else the exit
 * status to end with (after --help, --version or a usage error, each
 * already written). */
int cli_parse(int argc, char **argv, cli_config *c);

/* --color=WHEN (NULL: auto) as grep has it: auto colours a terminal (fd)
 * that is not "dumb", unless NO_COLOR is set to anything (no-color.org);
 * always and never say it outright.  -1 for an unknown WHEN. */
int cli_color(const char *when, int fd);

#endif
