/* cli_opts.c - the options: their table, --help, --version, and the checks
 * of values and of options that need or exclude one another.  Every usage
 * error ends with the same pointer to --help and status 2. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli_opts.h"
#include "jsonl.h"

/* Long options without a short form. */
enum {
    OPT_JSONL = 300, OPT_FIELD, OPT_ON_ERROR, OPT_LEARN, OPT_LEARN_MIN_DOCS,
    OPT_LANG, OPT_LINE_BUFFERED, OPT_LIST_RULES, OPT_UTF8, OPT_LOOKAHEAD, OPT_JSON, OPT_URL,
    OPT_LINKS, OPT_IMAGES, OPT_COLOR
};

/* One row per option: getopt's long option and its lines in --help, in
 * the order --help lists them.  A short form is the row's val when that is
 * a letter. */
typedef struct cli_option {
    const char *name;
    int has_arg;             /* no_argument, required_argument, optional_argument */
    int val;                 /* the short letter, or OPT_* */
    const char *arg;         /* the argument's name in --help, or NULL */
    const char *help;        /* '\n' starts another line of it */
} cli_option;

static const cli_option options[] = {
    { "format", required_argument, 'f', "FORMAT", "input format: auto (default), html or text" },
    { "encoding", required_argument, 'e', "NAME",
      "read input in charset NAME, whatever it declares\n(a BOM still wins)" },
    { "utf8", no_argument, OPT_UTF8, NULL,
      "text: write kept lines in UTF-8, not in the input's\ncharset" },
    { "lang", required_argument, OPT_LANG, "CODE",
      "measure stopwords in language CODE only (en, de, ...)" },
    { "to", required_argument, 't', "FORM", "write text (default), markdown or json" },
    { "markdown", no_argument, 'm', NULL,
      "--to=markdown: HTML as Markdown (headings, lists,\nquotes, code, tables)" },
    { "json", no_argument, OPT_JSON, NULL,
      "--to=json: each document as a JSON object on one\n"
      "line, its text and metadata (title, author, date ...);\n"
      "with -x or -i, text is that output" },
    { "links", no_argument, OPT_LINKS, NULL, "markdown: keep links as [text](url)" },
    { "images", no_argument, OPT_IMAGES, NULL, "markdown: keep images as ![alt](src)" },
    { "url", required_argument, OPT_URL, "URL",
      "the documents' address: resolves relative links, and\n"
      "is the JSON url when the page names none" },
    { "keep-comments", no_argument, 'c', NULL, "keep comment sections" },
    { "window", required_argument, 'w', "N",
      "blocks of look-ahead for context decisions (2-4096,\ndefault 48)" },
    { "lookahead", required_argument, OPT_LOOKAHEAD, "SIZE",
      "hold up to SIZE bytes of a document's text (suffix\n"
      "K or M) so its blocks are decided with the whole\n"
      "page in view; 0: the window alone (default 256K)" },
    { "null-data", no_argument, 'z', NULL, "documents are separated by NUL bytes, in and out" },
    { "explain", optional_argument, 'x', "FORM",
      "show every block with its decision and reason: FORM\n"
      "text (the default: decision, reason, text), features\n"
      "(and a line of features after each block), html (a\n"
      "page per document), line (one line per block, all\n"
      "features before the text) or tsv (tab-separated\n"
      "values under one header row: the document's number,\n"
      "the block's, its decision, features and text)" },
    { "color", optional_argument, OPT_COLOR, "WHEN",
      "colour --explain: auto (the default: on a terminal,\n"
      "unless NO_COLOR is set), always or never" },
    { "list-rules", no_argument, OPT_LIST_RULES, NULL,
      "print the reasons --explain gives (the rules), and exit" },
    { "invert", no_argument, 'i', NULL, "print only what would be removed (not with -x)" },
    { "verbose", no_argument, 'v', NULL,
      "report on each input: documents, blocks kept, HTML\nparse problems" },
    { "stats", no_argument, 's', NULL,
      "print totals and speed at the end (and progress\n"
      "once a second when standard error is a terminal)" },
    { "output", required_argument, 'o', "FILE",
      "write to FILE (- for standard output), replaced\n"
      "only if the run succeeds; a link's file is written" },
    { "line-buffered", no_argument, OPT_LINE_BUFFERED, NULL, "write each output line at once" },
    { "jsonl", no_argument, OPT_JSONL, NULL,
      "input is JSON Lines: clean the document in each\n"
      "object's field and write the object back" },
    { "field", required_argument, OPT_FIELD, "NAME",
      "--jsonl: the field holding the document (default text)" },
    { "on-error", required_argument, OPT_ON_ERROR, "WHAT",
      "--jsonl: a malformed line is copied (pass, the\n"
      "default), dropped (drop) or stops the run (fail)" },
    { "learn", no_argument, OPT_LEARN, NULL,
      "drop short lines seen in many earlier documents of\n"
      "the stream (site menus, footers); fixed memory" },
    { "learn-min-docs", required_argument, OPT_LEARN_MIN_DOCS, "K",
      "--learn: ... in at least K documents (1-1000000,\ndefault 5)" },
    { "help", no_argument, 'h', NULL, "show this help and exit" },
    { "version", no_argument, 'V', NULL, "show the version and exit" },
};
#define NOPTIONS (sizeof options / sizeof options[0])

static const char help_head[] =
"Strip boilerplate (menus, share rows, related links, comment sections,\n"
"repeated headlines) from web articles, HTML or text, and print the article.\n"
"With no FILE, or when FILE is -, read standard input.  Each FILE is a\n"
"document; a blank line separates their articles (with -z, a NUL).\n"
"\n";

static const char help_tail[] =
"\n"
"Exit status: 0 on success, 1 if an input could not be read or was not\n"
"text or HTML, a --jsonl record was refused, or output failed, 2 on a\n"
"usage error; a closed pipe ends it by SIGPIPE (141 in the shell).\n";

#define HELP_COLUMN 24       /* where an option's description starts */

/* The option's letter, 0 when it has only the long form (OPT_*). */
static char short_form(const cli_option *o)
{
    return o->val < 256 ? (char)o->val : 0;
}

/* "  -f, --format=FORMAT", then its description from HELP_COLUMN on (or
 * two spaces after a longer one), each further line of it indented. */
static void help_option(const cli_option *o)
{
    char head[64], letter = short_form(o);
    int n = snprintf(head, sizeof head, "  %c%c%c --%s%s%s%s%s", letter ? '-' : ' ',
                     letter ? letter : ' ', letter ? ',' : ' ', o->name,
                     o->has_arg == optional_argument ? "[" : "", o->arg ? "=" : "",
                     o->arg ? o->arg : "", o->has_arg == optional_argument ? "]" : "");
    printf("%s%*s", head, n + 2 > HELP_COLUMN ? 2 : HELP_COLUMN - n, "");
    for (const char *h = o->help, *nl; *h; h = nl + 1) {
        nl = strchr(h, '\n');
        if (!nl) {
            printf("%s\n", h);
            break;
        }
        printf("%.*s\n%*s", (int)(nl - h), h, HELP_COLUMN, "");
    }
}

/* The end of what --help, --version or --list-rules wrote: a write error
 * (a full disk, /dev/full) is reported and fails the run like any other
 * output's; a closed pipe fails it quietly, as it does the filter's. */
static int stdout_done(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return CLI_EXIT_OK;
    if (errno != EPIPE)
        cli_msg("write error on standard output: %s", strerror(errno));
    return CLI_EXIT_TROUBLE;
}

static int help(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n", CLI_PROG);
    fputs(help_head, stdout);
    for (size_t i = 0; i < NOPTIONS; i++)
        help_option(&options[i]);
    fputs(help_tail, stdout);
    return stdout_done();
}

static int version(void)
{
    printf("%s %s (libunboil %s)\n"
           "Copyright (c) 2026 the unboil authors.\n"
           "License: MIT <https://opensource.org/licenses/MIT>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n",
           CLI_PROG, PACKAGE_VERSION, ub_version());
    return stdout_done();
}

/* --list-rules: reason, stage, description, one rule a line. */
static int list_rules(void)
{
    const ub_rule *r;
    for (size_t i = 0; (r = ub_rule_get(i)) != NULL; i++)
        printf("%-17s %-6s %s\n", r->reason, r->stage, r->description);
    return stdout_done();
}

/* --to=FORM: pandoc's name for it, since -o/--output names the file */
static int parse_to(const char *s, ub_options *opt)
{
    opt->markdown = strcmp(s, "markdown") == 0;
    opt->json = strcmp(s, "json") == 0;
    return opt->markdown || opt->json || strcmp(s, "text") == 0 ? 0 : -1;
}

/* --explain's FORM (NULL: the default); -1 for an unknown one. */
static int parse_explain(const char *form)
{
    static const struct { const char *name; ub_output output; } forms[] = {
        { "text", UB_OUTPUT_EXPLAIN_TEXT }, { "features", UB_OUTPUT_EXPLAIN_FEATURES },
        { "html", UB_OUTPUT_EXPLAIN_HTML }, { "line", UB_OUTPUT_EXPLAIN },
        { "tsv", UB_OUTPUT_EXPLAIN_TSV },
    };
    if (!form)
        return UB_OUTPUT_EXPLAIN_TEXT;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcmp(form, forms[i].name) == 0)
            return (int)forms[i].output;
    return -1;
}

int cli_color(const char *when, int fd)
{
    if (!when || strcmp(when, "auto") == 0 || strcmp(when, "tty") == 0 ||
        strcmp(when, "if-tty") == 0) {
        const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
        return isatty(fd) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
    }
    if (strcmp(when, "always") == 0 || strcmp(when, "yes") == 0 || strcmp(when, "force") == 0)
        return 1;
    if (strcmp(when, "never") == 0 || strcmp(when, "no") == 0 || strcmp(when, "none") == 0)
        return 0;
    return -1;
}

/* A whole decimal number in [min, max], or -1. */
static long parse_number(const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != 0 || *s == '-' || *s == '+' || *s == ' ' ||
        v < min || v > max)
        return -1;
    return v;
}

/* "256K", "4M", "65536": bytes, up to UB_LOOKAHEAD_MAX; -1 if not. */
static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *s < '0' || *s > '9')
        return -1;
    if (*end == 'K' || *end == 'k')
        v = v > UB_LOOKAHEAD_MAX ? v : v * 1024u, end++;
    else if (*end == 'M' || *end == 'm')
        v = v > UB_LOOKAHEAD_MAX ? v : v * 1024u * 1024u, end++;
    if (*end != 0 || v > UB_LOOKAHEAD_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* -x[FORM] or -i: what is written instead of the article. */
static int parse_view(int opt, const char *arg, cli_config *c)
{
    ub_output want = UB_OUTPUT_INVERT;
    if (opt == 'x') {
        int form = parse_explain(arg);
        if (form < 0)
            return cli_usage_error("invalid --explain form '%s' "
                                   "(text, features, html, line or tsv)", arg);
        want = (ub_output)form;
    }
    if ((c->opt.output == UB_OUTPUT_INVERT) != (want == UB_OUTPUT_INVERT) &&
        c->opt.output != UB_OUTPUT_CLEAN)
        return cli_usage_error("--explain and --invert do not go together "
                               "(--explain shows the removed blocks too, as DROP)");
    c->opt.output = want;
    return -1;
}

static int parse_one(int opt, const char *arg, cli_config *c, int *seen_min_docs)
{
    long v;
    switch (opt) {
    case 'f':
        if (strcmp(arg, "auto") == 0)
            c->opt.format = UB_FORMAT_AUTO;
        else if (strcmp(arg, "html") == 0)
            c->opt.format = UB_FORMAT_HTML;
        else if (strcmp(arg, "text") == 0)
            c->opt.format = UB_FORMAT_TEXT;
        else
            return cli_usage_error("invalid format '%s' (auto, html or text)", arg);
        return -1;
    case 'e': c->opt.encoding = arg; return -1;
    case OPT_LANG: c->opt.lang = arg; return -1;
    case OPT_UTF8: c->opt.utf8 = 1; return -1;
    case 'm': parse_to("markdown", &c->opt); return -1;
    case OPT_JSON: parse_to("json", &c->opt); return -1;
    case 't':
        if (parse_to(arg, &c->opt) != 0)
            return cli_usage_error("invalid --to '%s' (text, markdown or json)", arg);
        return -1;
    case OPT_LINKS: c->opt.links = 1; return -1;
    case OPT_IMAGES: c->opt.images = 1; return -1;
    case OPT_URL: c->opt.url = arg; return -1;
    case 'c': c->opt.keep_comments = 1; return -1;
    case 'w':
        v = parse_number(arg, UB_WINDOW_MIN, UB_WINDOW_MAX);
        if (v < 0)
            return cli_usage_error("invalid window '%s' (a number from %u to %u)", arg,
                                   UB_WINDOW_MIN, UB_WINDOW_MAX);
        c->opt.window = (unsigned)v;
        return -1;
    case OPT_LOOKAHEAD:
        if (parse_size(arg, &c->opt.lookahead) != 0)
            return cli_usage_error("invalid look-ahead '%s' (bytes, with K or M, up to %uM)",
                                   arg, UB_LOOKAHEAD_MAX >> 20);
        return -1;
    case 'z': c->opt.null_data = 1; return -1;
    case 'x':
    case 'i': return parse_view(opt, arg, c);
    case OPT_LIST_RULES: return list_rules();
    case OPT_COLOR:
        if (cli_color(arg, -1) < 0)
            return cli_usage_error("invalid --color '%s' (auto, always or never)", arg);
        c->color = arg;
        return -1;
    case 'v': c->verbose = 1; return -1;
    case 's': c->stats = 1; return -1;
    case 'o':
        if (*arg == 0)
            return cli_usage_error("invalid output file '' (a file name, or - for "
                                   "standard output)");
        c->outname = strcmp(arg, "-") == 0 ? NULL : arg;   /* as - is among the FILEs */
        return -1;
    case OPT_LINE_BUFFERED: c->line_buffered = 1; return -1;
    case OPT_JSONL: c->jsonl = 1; return -1;
    case OPT_FIELD:
        if (*arg == 0)
            return cli_usage_error("invalid field name '' (the name of a JSON field)");
        c->field = arg;
        return -1;
    case OPT_ON_ERROR:
        if (strcmp(arg, "pass") == 0)
            c->on_error = JSONL_PASS;
        else if (strcmp(arg, "drop") == 0)
            c->on_error = JSONL_DROP;
        else if (strcmp(arg, "fail") == 0)
            c->on_error = JSONL_FAIL;
        else
            return cli_usage_error("invalid --on-error '%s' (pass, drop or fail)", arg);
        return -1;
    case OPT_LEARN: c->opt.learn = 1; return -1;
    case OPT_LEARN_MIN_DOCS:
        v = parse_number(arg, 1, 1000000);
        if (v < 0)
            return cli_usage_error("invalid --learn-min-docs '%s' (a number from 1 to 1000000)",
                                   arg);
        c->opt.learn_min_docs = (unsigned)v;
        *seen_min_docs = 1;
        return -1;
    case 'h': return help();
    case 'V': return version();
    default:
        /* getopt_long has said what was wrong */
        fprintf(stderr, "Usage: %s [OPTION]... [FILE]...\n", CLI_PROG);
        fprintf(stderr, "Try '%s --help' for more information.\n", CLI_PROG);
        return CLI_EXIT_USAGE;
    }
}

/* Options that need another, or exclude one: each pair is checked here,
 * after all are read, so that their order on the command line is free. */
static int check_together(const cli_config *c, int seen_min_docs)
{
    if (!c->jsonl && c->field)
        return cli_usage_error("--field goes with --jsonl");
    if (!c->jsonl && c->on_error >= 0)
        return cli_usage_error("--on-error goes with --jsonl");
    if (!c->opt.learn && seen_min_docs)
        return cli_usage_error("--learn-min-docs goes with --learn");
    /* alone they would change nothing, and say nothing of it */
    if (!c->opt.markdown && c->opt.links)
        return cli_usage_error("--links goes with --markdown");
    if (!c->opt.markdown && c->opt.images)
        return cli_usage_error("--images goes with --markdown");
    if (c->jsonl && c->opt.null_data)
        return cli_usage_error("--jsonl and --null-data do not go together (a record is a line)");
    return -1;
}

int cli_parse(int argc, char **argv, cli_config *c)
{
    memset(c, 0, sizeof *c);
    ub_options_init(&c->opt);
    c->on_error = -1;
    int seen_min_docs = 0;
    /* getopt's tables, from the one table of options */
    struct option longopts[NOPTIONS + 1];
    char shortopts[3 * NOPTIONS + 1];
    size_t ns = 0;
    for (size_t i = 0; i < NOPTIONS; i++) {
        const cli_option *o = &options[i];
        longopts[i] = (struct option){ o->name, o->has_arg, NULL, o->val };
        if (short_form(o)) {
            shortopts[ns++] = short_form(o);
            /* "x::": -xFORM takes FORM, as --explain=FORM does; a FORM
             * after a space is a FILE (getopt's optional arguments) */
            if (o->has_arg != no_argument)
                shortopts[ns++] = ':';
            if (o->has_arg == optional_argument)
                shortopts[ns++] = ':';
        }
    }
    longopts[NOPTIONS] = (struct option){ NULL, 0, NULL, 0 };
    shortopts[ns] = 0;
    /* getopt names argv[0] in its messages ("unrecognized option"); ours,
     * and the Usage line after its, name CLI_PROG, however we were run */
    if (argc > 0)
        argv[0] = (char *)CLI_PROG;
    int opt;
    while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        int st = parse_one(opt, optarg, c, &seen_min_docs);
        if (st >= 0)
            return st;
    }
    c->files = argv + optind;
    c->nfiles = argc > optind ? argc - optind : 0;     /* argc is 0 under a bare execve */
    return check_together(c, seen_min_docs);
}
