/* unboil.c - the command line: options, files, messages, exit status.
 * Everything else is the library. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "unboil.h"
#include "jsonl.h"

enum { EXIT_OK = 0, EXIT_TROUBLE = 1, EXIT_USAGE = 2 };

#define IO_SIZE (64u * 1024u)

typedef struct output {
    int fd;
    const char *name;
    char buf[IO_SIZE];
    size_t len;
    int err;            /* errno of the first failed write */
} output;

typedef struct run {
    output out;
    const char *file;   /* the input being read, for messages */
    int failed;         /* some input could not be read or decoded */
    int verbose;        /* -v: a line per input */
    int stats;          /* --stats: totals at the end, progress on a terminal */
    int progress;       /* stderr is a terminal: show progress */
    jsonl *jsonl;       /* --jsonl: records to read, or NULL */
    ub_counts before;   /* -v: the counts when the input began */
    double start, last_progress;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *prog = "unboil";

__attribute__((format(printf, 1, 2)))
static void msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int flush_out(output *o)
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

static int write_cb(void *ctx, const char *s, size_t n)
{
    output *o = ctx;
    if (o->err)
        return -1;
    while (n > 0) {
        if (o->len == IO_SIZE && flush_out(o) != 0)
            return -1;
        size_t room = IO_SIZE - o->len;
        size_t take = n < room ? n : room;
        memcpy(o->buf + o->len, s, take);
        o->len += take;
        s += take;
        n -= take;
    }
    return 0;
}

static void diag_cb(void *ctx, unsigned long document, ub_status status, const char *message)
{
    run *r = ctx;
    (void)status;
    if (document > 1)
        msg("%s: document %lu: %s", r->file, document, message);
    else
        msg("%s: %s", r->file, message);
    r->failed = 1;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: %s [OPTION]... [FILE]...\n", prog);
}

static void help(void)
{
    usage(stdout);
    fputs(
"Strip boilerplate (menus, share rows, related links, comment sections,\n"
"repeated headlines) from web articles, HTML or text, and print the article.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -f, --format=FORMAT   input format: auto (default), html or text\n"
"  -e, --encoding=NAME   HTML: read pages in charset NAME, whatever they declare\n"
"      --lang=CODE       measure stopwords in language CODE only (en, de, ...)\n"
"  -m, --markdown        HTML: write # headings, - list items and > quotes\n"
"  -c, --keep-comments   keep comment sections\n"
"  -w, --window=N        blocks of look-ahead for context decisions (2-4096,\n"
"                        default 48)\n"
"  -z, --null-data       documents are separated by NUL bytes, in and out\n"
"  -x, --explain[=FORM]  print every block with its decision, reason and\n"
"                        features; FORM tsv: as tab-separated values under a\n"
"                        header row, the model's features among them\n"
"      --list-rules      print the reasons --explain gives (the rules), and exit\n"

"  -i, --invert          print only what would be removed\n"
"  -v, --verbose         report on each input: documents, blocks kept, HTML\n"
"                        parse problems\n"
"  -s, --stats           print totals and speed at the end (and progress\n"
"                        once a second when standard error is a terminal)\n"
"      --jsonl           input is JSON Lines: clean the document in each\n"
"                        object's field and write the object back\n"
"      --field=NAME      --jsonl: the field holding the document (default text)\n"
"      --on-error=WHAT   --jsonl: a malformed line is copied (pass, the\n"
"                        default), dropped (drop) or stops the run (fail)\n"
"      --learn           drop short lines seen in many earlier documents of\n"
"                        the stream (site menus, footers); fixed memory\n"
"      --learn-min-docs=K  --learn: ... in at least K documents (default 5)\n"
"  -o, --output=FILE     write to FILE instead of standard output\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Exit status: 0 on success, 1 if an input could not be read or was not\n"
"text or HTML, or output failed, 2 on a usage error.\n", stdout);
}

static int parse_window(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *s == 0 || *end != 0 || v < (long)UB_WINDOW_MIN || v > (long)UB_WINDOW_MAX)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* The first malformed lines are named (all with -v); the rest are counted. */
#define JSONL_NAMED 10ul

static void jsonl_diag(void *ctx, unsigned long line, const char *message)
{
    run *r = ctx;
    unsigned long n = jsonl_malformed(r->jsonl);
    if (n <= JSONL_NAMED || r->verbose)
        msg("%s: line %lu: %s", r->file, line, message);
    if (n == JSONL_NAMED && !r->verbose)
        msg("further malformed lines are only counted (-v names them all)");
}

/* Feed one input; returns a library status (read errors are reported here
 * and leave UB_OK with r->failed set). */
static ub_status feed_file(ub_filter *f, run *r, const char *name)
{
    int fd = 0;
    r->file = strcmp(name, "-") == 0 ? "(standard input)" : name;
    if (strcmp(name, "-") != 0) {
        fd = open(name, O_RDONLY);
        if (fd < 0) {
            msg("%s: %s", name, strerror(errno));
            r->failed = 1;
            return UB_OK;
        }
    }
    static char in[IO_SIZE];
    ub_status st = UB_OK;
    for (;;) {
        ssize_t n = read(fd, in, sizeof in);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            msg("%s: %s", r->file, strerror(errno));
            r->failed = 1;
            break;
        }
        if (n == 0)
            break;
        st = r->jsonl ? jsonl_feed(r->jsonl, in, (size_t)n) : ub_filter_feed(f, in, (size_t)n);
        if (st != UB_OK)
            break;
        if (r->progress) {
            double t = now();
            if (t - r->last_progress >= 1.0) {
                r->last_progress = t;
                ub_counts c;
                ub_filter_counts(f, &c);
                fprintf(stderr, "\r%s: %lu documents, %.1f MB, %.1f MB/s ", prog,
                        c.documents, (double)c.bytes_in / 1e6,
                        (double)c.bytes_in / 1e6 / (t - r->start));
            }
        }
    }
    if (st == UB_OK)
        st = r->jsonl ? jsonl_end(r->jsonl) : ub_filter_end_document(f);
    if (fd != 0)
        close(fd);
    if (r->verbose && st == UB_OK) {
        ub_counts c;
        ub_filter_counts(f, &c);
        const ub_counts *b = &r->before;
        msg("%s: %lu documents (%lu HTML, %lu skipped), %lu blocks, %lu kept, "
            "%lu HTML parse problems recovered", r->file, c.documents - b->documents,
            c.documents_html - b->documents_html, c.documents_failed - b->documents_failed,
            c.blocks - b->blocks, c.blocks_kept - b->blocks_kept,
            c.html_errors - b->html_errors);
        r->before = c;
    }
    return st;
}

/* Long options without a short form. */
enum { OPT_JSONL = 300, OPT_FIELD, OPT_ON_ERROR, OPT_LEARN, OPT_LEARN_MIN_DOCS, OPT_LANG,
       OPT_LIST_RULES };

/* --explain or --explain=FORM. */
static int explain_form(const char *form, ub_output *out)
{
    *out = UB_OUTPUT_EXPLAIN;
    if (!form)
        return 0;
    if (strcmp(form, "tsv") != 0) {
        msg("invalid --explain form '%s' (tsv)", form);
        return -1;
    }
    *out = UB_OUTPUT_EXPLAIN_TSV;
    return 0;
}

/* --list-rules: reason, stage, description, one rule a line. */
static int list_rules(void)
{
    const ub_rule *r;
    for (size_t i = 0; (r = ub_rule_get(i)) != NULL; i++)
        printf("%-17s %-6s %s\n", r->reason, r->stage, r->description);
    return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_SUCCESS : EXIT_FAILURE;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { "encoding", required_argument, NULL, 'e' },
        { "lang", required_argument, NULL, OPT_LANG },
        { "markdown", no_argument, NULL, 'm' },
        { "keep-comments", no_argument, NULL, 'c' },
        { "window", required_argument, NULL, 'w' },
        { "null-data", no_argument, NULL, 'z' },
        { "explain", optional_argument, NULL, 'x' },
        { "list-rules", no_argument, NULL, OPT_LIST_RULES },
        { "invert", no_argument, NULL, 'i' },
        { "verbose", no_argument, NULL, 'v' },
        { "stats", no_argument, NULL, 's' },
        { "output", required_argument, NULL, 'o' },
        { "jsonl", no_argument, NULL, OPT_JSONL },
        { "field", required_argument, NULL, OPT_FIELD },
        { "on-error", required_argument, NULL, OPT_ON_ERROR },
        { "learn", no_argument, NULL, OPT_LEARN },
        { "learn-min-docs", required_argument, NULL, OPT_LEARN_MIN_DOCS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    ub_options opt;
    ub_options_init(&opt);
    const char *outname = NULL;
    int jsonl_mode = 0;
    const char *field = NULL;
    int on_error = -1;
    static run r;
    int c;
    while ((c = getopt_long(argc, argv, "f:e:mcw:zxivso:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "auto") == 0)
                opt.format = UB_FORMAT_AUTO;
            else if (strcmp(optarg, "html") == 0)
                opt.format = UB_FORMAT_HTML;
            else if (strcmp(optarg, "text") == 0)
                opt.format = UB_FORMAT_TEXT;
            else {
                msg("invalid format '%s' (auto, html or text)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'e': opt.encoding = optarg; break;
        case OPT_LANG: opt.lang = optarg; break;
        case 'm': opt.markdown = 1; break;
        case 'c': opt.keep_comments = 1; break;
        case 'w':
            if (parse_window(optarg, &opt.window) != 0) {
                msg("invalid window '%s' (a number from %u to %u)", optarg,
                    UB_WINDOW_MIN, UB_WINDOW_MAX);
                return EXIT_USAGE;
            }
            break;
        case 'z': opt.null_data = 1; break;
        case 'x':
            if (explain_form(optarg, &opt.output) != 0)
                return EXIT_USAGE;
            break;
        case OPT_LIST_RULES:
            return list_rules();

        case 'i': opt.output = UB_OUTPUT_INVERT; break;
        case 'v': r.verbose = 1; break;
        case 's': r.stats = 1; break;
        case 'o': outname = optarg; break;
        case OPT_JSONL: jsonl_mode = 1; break;
        case OPT_FIELD:
            if (*optarg == 0) {
                msg("invalid field name '' (the name of a JSON field)");
                return EXIT_USAGE;
            }
            field = optarg;
            break;
        case OPT_ON_ERROR:
            if (strcmp(optarg, "pass") == 0)
                on_error = JSONL_PASS;
            else if (strcmp(optarg, "drop") == 0)
                on_error = JSONL_DROP;
            else if (strcmp(optarg, "fail") == 0)
                on_error = JSONL_FAIL;
            else {
                msg("invalid --on-error '%s' (pass, drop or fail)", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_LEARN: opt.learn = 1; break;
        case OPT_LEARN_MIN_DOCS: {
            char *end;
            errno = 0;
            unsigned long k = strtoul(optarg, &end, 10);
            if (errno || end == optarg || *end != 0 || *optarg == '-' || k < 1 || k > 1000000) {
                msg("invalid --learn-min-docs '%s' (a number from 1 to 1000000)", optarg);
                return EXIT_USAGE;
            }
            opt.learn_min_docs = (unsigned)k;
            break;
        }
        case 'h': help(); return fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
        case 'V':
            printf("unboil %s (libunboil %s)\n", PACKAGE_VERSION, ub_version());
            return fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
        default:
            usage(stderr);
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            return EXIT_USAGE;
        }
    }

    if (!jsonl_mode && (field || on_error >= 0)) {
        msg("--field and --on-error go with --jsonl");
        return EXIT_USAGE;
    }
    if (jsonl_mode && opt.null_data) {
        msg("--jsonl and --null-data do not go together (a record is a line)");
        return EXIT_USAGE;
    }

    /* a closed pipe ends a filter quietly, even if our parent ignored SIGPIPE */
    signal(SIGPIPE, SIG_DFL);

    r.out.fd = 1;
    r.out.name = "standard output";
    if (outname) {
        r.out.fd = open(outname, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (r.out.fd < 0) {
            msg("%s: %s", outname, strerror(errno));
            return EXIT_TROUBLE;
        }
        r.out.name = outname;
    }
    opt.diag = diag_cb;
    opt.diag_ctx = &r;
    ub_status st;
    if (jsonl_mode) {
        r.jsonl = jsonl_new(field ? field : "text", on_error >= 0 ? (jsonl_on_error)on_error : JSONL_PASS,
                            write_cb, &r.out, jsonl_diag, &r);
        if (!r.jsonl) {
            msg("%s", ub_strerror(UB_ENOMEM));
            return EXIT_TROUBLE;
        }
    }
    ub_filter *f = r.jsonl ? ub_filter_new(&opt, jsonl_collect, r.jsonl, &st)
                           : ub_filter_new(&opt, write_cb, &r.out, &st);
    if (!f) {
        if (st == UB_EENCODING) {
            msg("unknown encoding '%s'", opt.encoding);
            return EXIT_USAGE;
        }
        if (st == UB_EINVAL && opt.lang) {
            msg("unknown language '%s' (a code such as en, de, pt-BR, zh; see unboil(1))",
                opt.lang);
            return EXIT_USAGE;
        }
        msg("%s", ub_strerror(st));
        return EXIT_TROUBLE;
    }
    if (r.jsonl)
        jsonl_set_filter(r.jsonl, f);
    st = UB_OK;
    r.start = r.last_progress = now();
    r.progress = r.stats && isatty(2);
    if (optind == argc)
        st = feed_file(f, &r, "-");
    for (int i = optind; i < argc && st == UB_OK; i++)
        st = feed_file(f, &r, argv[i]);
    ub_counts totals;
    ub_filter_counts(f, &totals);
    ub_filter_free(f);
    unsigned long malformed = r.jsonl ? jsonl_malformed(r.jsonl) : 0;
    jsonl_free(r.jsonl);
    r.jsonl = NULL;
    if (st == UB_OK || st == UB_EWRITE || (jsonl_mode && st == UB_EINVAL))
        flush_out(&r.out);
    if (malformed)
        msg("%lu malformed JSON line%s %s", malformed, malformed == 1 ? "" : "s",
            st == UB_EINVAL ? "(stopped at the first: --on-error=fail)"
            : on_error == JSONL_DROP ? "dropped" : "copied unchanged");
    if (r.stats) {
        double t = now() - r.start;
        if (r.progress)
            fputs("\r\033[K", stderr);
        msg("%lu documents (%lu skipped), %.1f MB in, %.1f MB out (%.1f%% removed), "
            "%.2f s, %.1f MB/s", totals.documents, totals.documents_failed,
            (double)totals.bytes_in / 1e6, (double)totals.bytes_out / 1e6,
            totals.bytes_in ? 100.0 * (1.0 - (double)totals.bytes_out / (double)totals.bytes_in) : 0.0,
            t, t > 0 ? (double)totals.bytes_in / 1e6 / t : 0.0);
    }
    if (r.out.err) {
        if (r.out.err != EPIPE)
            msg("write error on %s: %s", r.out.name, strerror(r.out.err));
        return EXIT_TROUBLE;
    }
    if (jsonl_mode && st == UB_EINVAL)
        return EXIT_TROUBLE;    /* the malformed line was reported */
    if (st != UB_OK) {
        msg("%s", ub_strerror(st));
        return EXIT_TROUBLE;
    }
    if (outname && close(r.out.fd) != 0) {
        msg("%s: %s", outname, strerror(errno));
        return EXIT_TROUBLE;
    }
    return r.failed ? EXIT_TROUBLE : EXIT_OK;
}
