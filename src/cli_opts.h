/* cli_opts.h - argv to a cli_config. */
#ifndef CLI_OPTS_H
#define CLI_OPTS_H

#include "cli.h"

/* Fills c from argv.  Returns -1 when the run should go on, else the exit
 * status to end with (after --help, --version or a usage error, each
 * already written). */
int cli_parse(int argc, char **argv, cli_config *c);

#endif
