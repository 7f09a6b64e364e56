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

static const char shortopts[] = "f:e:mt:cw:zxivso:hV";

static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "encoding", required_argument, NULL, 'e' },
    { "lang", required_argument, NULL, OPT_LANG },
    { "utf8", no_argument, NULL, OPT_UTF8 },
    { "markdown", no_argument, NULL, 'm' },
    { "to", required_argument, NULL, 't' },
    { "json", no_argument, NULL, OPT_JSON },
    { "links", no_argument, NULL, OPT_LINKS },
    { "images", no_argument, NULL, OPT_IMAGES },
    { "url", required_argument, NULL, OPT_URL },
    { "keep-comments", no_argument, NULL, 'c' },
    { "window", required_argument, NULL, 'w' },
    { "lookahead", required_argument, NULL, OPT_LOOKAHEAD },
    { "null-data", no_argument, NULL, 'z' },
    { "explain", optional_argument, NULL, 'x' },
    { "list-rules", no_argument, NULL, OPT_LIST_RULES },
    { "color", optional_argument, NULL, OPT_COLOR },
    { "invert", no_argument, NULL, 'i' },
    { "verbose", no_argument, NULL, 'v' },
    { "stats", no_argument, NULL, 's' },
    { "output", required_argument, NULL, 'o' },
    { "line-buffered", no_argument, NULL, OPT_LINE_BUFFERED },
    { "jsonl", no_argument, NULL, OPT_JSONL },
    { "field", required_argument, NULL, OPT_FIELD },
    { "on-error", required_argument, NULL, OPT_ON_ERROR },
    { "learn", no_argument, NULL, OPT_LEARN },
    { "learn-min-docs", required_argument, NULL, OPT_LEARN_MIN_DOCS },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
};

static const char help_text[] =
"Strip boilerplate (menus, share rows, related links, comment sections,\n"
"repeated headlines) from web articles, HTML or text, and print the article.\n"
"With no FILE, or when FILE is -, read standard input.  Each FILE is a\n"
"document; a blank line separates their articles (with -z, a NUL).\n"
"\n"
"  -f, --format=FORMAT   input format: auto (default), html or text\n"
"  -e, --encoding=NAME   read input in charset NAME, whatever it declares\n"
"                        (a BOM still wins)\n"
"      --utf8            text: write kept lines in UTF-8, not in the input's\n"
"                        charset\n"
"      --lang=CODE       measure stopwords in language CODE only (en, de, ...)\n"
"  -t, --to=FORM         write text (default), markdown or json\n"
"  -m, --markdown        --to=markdown: HTML as Markdown (headings, lists,\n"
"                        quotes, code, tables)\n"
"      --json            --to=json: each document as a JSON object on one\n"
"                        line, its text and metadata (title, author, date ...)\n"
"      --links           markdown: keep links as [text](url)\n"
"      --images          markdown: keep images as ![alt](src)\n"
"      --url=URL         the documents' address: resolves relative links, and\n"
"                        is the JSON url when the page names none\n"
"  -c, --keep-comments   keep comment sections\n"
"  -w, --window=N        blocks of look-ahead for context decisions (2-4096,\n"
"                        default 48)\n"
"      --lookahead=SIZE  hold up to SIZE bytes of a document's text (suffix\n"
"                        K or M) so its blocks are decided with the whole\n"
"                        page in view; 0: the window alone (default 256K)\n"
"  -z, --null-data       documents are separated by NUL bytes, in and out\n"
"  -x, --explain[=FORM]  show every block with its decision and reason: FORM\n"
"                        text (the default: decision, reason, text), features\n"
"                        (and a line of features after each block), html (a\n"
"                        page per document), line (one line per block, all\n"
"                        features before the text) or tsv (tab-separated\n"
"                        values under a header row, the model's features\n"
"                        among them)\n"
"      --color[=WHEN]    colour --explain: auto (the default: on a terminal,\n"
"                        unless NO_COLOR is set), always or never\n"
"      --list-rules      print the reasons --explain gives (the rules), and exit\n"
"  -i, --invert          print only what would be removed (not with -x)\n"
"  -v, --verbose         report on each input: documents, blocks kept, HTML\n"
"                        parse problems\n"
"  -s, --stats           print totals and speed at the end (and progress\n"
"                        once a second when standard error is a terminal)\n"
"  -o, --output=FILE     write to FILE, replaced only if the run succeeds\n"
"      --line-buffered   write each output line at once\n"
"      --jsonl           input is JSON Lines: clean the document in each\n"
"                        object's field and write the object back\n"
"      --field=NAME      --jsonl: the field holding the document (default text)\n"
"      --on-error=WHAT   --jsonl: a malformed line is copied (pass, the\n"
"                        default), dropped (drop) or stops the run (fail)\n"
"      --learn           drop short lines seen in many earlier documents of\n"
"                        the stream (site menus, footers); fixed memory\n"
"      --learn-min-docs=K  --learn: ... in at least K documents (default 5)\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Exit status: 0 on success, 1 if an input could not be read or was not\n"
"text or HTML, a --jsonl record was refused, or output failed, 2 on a\n"
"usage error.\n";

static int help(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n", CLI_PROG);
    fputs(help_text, stdout);
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_TROUBLE;
}

static int version(void)
{
    printf("%s %s (libunboil %s)\n"
           "Copyright (c) 2026 the unboil authors.\n"
           "License: MIT <https://opensource.org/licenses/MIT>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n",
           CLI_PROG, PACKAGE_VERSION, ub_version());
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_TROUBLE;
}

/* --list-rules: reason, stage, description, one rule a line. */
static int list_rules(void)
{
    const ub_rule *r;
    for (size_t i = 0; (r = ub_rule_get(i)) != NULL; i++)
        printf("%-17s %-6s %s\n", r->reason, r->stage, r->description);
    return fflush(stdout) == 0 && !ferror(stdout) ? CLI_EXIT_OK : CLI_EXIT_TROUBLE;
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
    case 'i': {
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
    case OPT_LIST_RULES: return list_rules();
    case OPT_COLOR:
        if (cli_color(arg, -1) < 0)
            return cli_usage_error("invalid --color '%s' (auto, always or never)", arg);
        c->color = arg;
        return -1;
    case 'v': c->verbose = 1; return -1;
    case 's': c->stats = 1; return -1;
    case 'o': c->outname = arg; return -1;
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
    int opt;
    while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        int st = parse_one(opt, optarg, c, &seen_min_docs);
        if (st >= 0)
            return st;
    }
    c->files = argv + optind;
    c->nfiles = argc - optind;
    return check_together(c, seen_min_docs);
}
