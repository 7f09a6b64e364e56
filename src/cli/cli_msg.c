/* cli_msg.c - messages on standard error, in one form. */
#include <stdarg.h>
#include <stdio.h>
#include "cli.h"

__attribute__((format(printf, 1, 0)))
static void vmsg(const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", CLI_PROG);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s --help' for more information.\n", CLI_PROG);
    return CLI_EXIT_USAGE;
}

const char *cli_plural(unsigned long n)
{
    return n == 1 ? "" : "s";
}
