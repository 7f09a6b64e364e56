/* main.c - the command line's main: the run from the options to the exit
 * status.  Its parts are in the cli_*.c files (see cli.h); everything else
 * is the library. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "cli.h"
#include "cli_in.h"
#include "cli_opts.h"
#include "cli_out.h"
#include "cli_stats.h"
#include "jsonl.h"

static void diag_cb(void *ctx, unsigned long document, ub_status status, const char *message)
{
    cli_run *r = ctx;
    (void)status;
    /* the filter numbers the run's documents, a message the input's */
    document -= document > r->doc_base ? r->doc_base : 0;
    /* a record is named by its line, as a malformed one is: the filter
     * counts only the records it was given */
    if (r->jsonl)
        cli_msg("%s: line %lu: %s", r->file, jsonl_line(r->jsonl), message);
    else if (document > 1)
        cli_msg("%s: document %lu: %s", r->file, document, message);
    else
        cli_msg("%s: %s", r->file, message);
    r->failed = 1;
}

/* The first malformed lines are named (all with -v); the rest are counted. */
#define JSONL_NAMED 10ul

static void jsonl_diag(void *ctx, unsigned long line, const char *message)
{
    cli_run *r = ctx;
    unsigned long n = jsonl_malformed(r->jsonl);
    if (n <= JSONL_NAMED || r->cfg->verbose)
        cli_msg("%s: line %lu: %s", r->file, line, message);
    if (n == JSONL_NAMED && !r->cfg->verbose)
        cli_msg("further malformed lines are only counted (-v names them all)");
}

/* The filter (and the JSON Lines reader) for the run, or an exit status. */
static int make_filter(cli_run *r, cli_config *c)
{
    c->opt.diag = diag_cb;
    c->opt.diag_ctx = r;
    ub_status st;
    if (c->jsonl) {
        r->jsonl = jsonl_new(c->field ? c->field : "text",
                             c->on_error >= 0 ? (jsonl_on_error)c->on_error : JSONL_PASS,
                             cli_out_write, r->out, jsonl_diag, r);
        if (!r->jsonl) {
            cli_msg("%s", ub_strerror(UB_ENOMEM));
            return CLI_EXIT_TROUBLE;
        }
    }
    ub_options opt = c->opt;
    if (r->jsonl && opt.json) {
        /* the records are the JSON: the filter cleans, the record gains fields */
        opt.json = 0;
        jsonl_set_meta(r->jsonl, 1);
    }
    r->filter = r->jsonl ? ub_filter_new(&opt, jsonl_collect, r->jsonl, &st)
                         : ub_filter_new(&c->opt, cli_out_write, r->out, &st);
    if (!r->filter) {
        if (st == UB_EENCODING)
            return cli_usage_error("unknown encoding '%s'", c->opt.encoding);
        if (st == UB_EINVAL && c->opt.lang)
            return cli_usage_error("unknown language '%s' (a code such as en, de, pt-BR, "
                                   "zh; see unboil(1))", c->opt.lang);
        cli_msg("%s", ub_strerror(st));
        return CLI_EXIT_TROUBLE;
    }
    if (r->jsonl)
        jsonl_set_filter(r->jsonl, r->filter);
    return -1;
}

/* What ended the run, for the exit status. */
typedef struct outcome {
    cli_in_end how;
    ub_status st;
} outcome;

/* Each input is a document.  Between their articles, a blank line; with
 * -z and several inputs, a NUL after each input's last document, whether
 * or not the input ended with one.  JSON Lines records are lines already,
 * and --explain=tsv's rows one table. */
static outcome run_inputs(cli_run *r, const cli_config *c)
{
    outcome o = { CLI_IN_DONE, UB_OK };
    int lines = c->jsonl || c->opt.json || c->opt.output == UB_OUTPUT_EXPLAIN_TSV;
    if (c->nfiles == 0)
        o.how = cli_in_feed(r, "-", &o.st);
    for (int i = 0; i < c->nfiles && o.how == CLI_IN_DONE; i++) {
        unsigned long long before = r->bytes_in;
        /* a JSON object is a line of its own: nothing between them */
        if (i > 0 && !lines && !c->opt.null_data)
            cli_out_separate(r->out);
        o.how = cli_in_feed(r, c->files[i], &o.st);
        if (o.how == CLI_IN_DONE && c->opt.null_data && !lines && c->nfiles > 1 &&
            r->bytes_in > before && r->last_in != 0 && cli_out_write(r->out, "", 1) != 0) {
            o.how = CLI_IN_ERROR;
            o.st = UB_EWRITE;
        }
    }
    return o;
}

/* The JSON Lines summary; returns whether it makes the run fail: a field
 * that no JSON object had is a misspelled --field more likely than a
 * corpus without documents. */
static int jsonl_report(const cli_run *r, const cli_config *c, const outcome *o)
{
    unsigned long bad = jsonl_malformed(r->jsonl);
    if (bad)
        cli_msg("%lu malformed JSON line%s %s", bad, cli_plural(bad),
                o->how == CLI_IN_STOPPED ? "(stopped at the first: --on-error=fail)"
                : c->on_error == JSONL_DROP ? "dropped" : "copied unchanged");
    unsigned long n = jsonl_objects(r->jsonl);
    if (o->how == CLI_IN_DONE && n > 0 && jsonl_with_field(r->jsonl) == 0) {
        cli_msg("no record had the field \"%s\" (%lu JSON object%s read; see --field)",
                c->field ? c->field : "text", n, cli_plural(n));
        return 1;
    }
    return 0;
}

/* A final error, where it was met. */
static void error_report(const cli_run *r, const outcome *o)
{
    if (o->st == UB_EWRITE && r->out->err)
        return;     /* the output's own message says more */
    if (r->jsonl && jsonl_error_line(r->jsonl) > 0)
        cli_msg("%s: line %lu: %s", r->file, jsonl_error_line(r->jsonl), ub_strerror(o->st));
    else
        cli_msg("%s: %s", r->file, ub_strerror(o->st));
}

int main(int argc, char **argv)
{
    /* a closed pipe ends a filter quietly (status 141 in the shell, as
     * SIGPIPE), even if our parent ignored SIGPIPE; --help's too */
    signal(SIGPIPE, SIG_DFL);
    static cli_config c;
    int status = cli_parse(argc, argv, &c);
    if (status >= 0)
        return status;

    static cli_out out;
    static cli_run r;
    r.cfg = &c;
    r.out = &out;
    status = cli_out_open(&out, c.outname, c.files, c.nfiles, c.line_buffered);
    if (status != 0)
        return status;
    c.opt.color = cli_color(c.color, out.fd);
    status = make_filter(&r, &c);
    if (status >= 0) {
        cli_out_close(&out, 0);
        return status;
    }
    cli_stats_start(&r.stats, c.verbose, c.stats);
    outcome o = run_inputs(&r, &c);

    ub_counts totals;
    ub_filter_counts(r.filter, &totals);
    ub_filter_free(r.filter);
    int failed = r.failed;
    if (o.how == CLI_IN_ERROR)
        error_report(&r, &o);
    if (r.jsonl)
        failed |= jsonl_report(&r, &c, &o);
    jsonl_free(r.jsonl);
    /* what was decided is written, whatever stopped the run */
    cli_out_flush(&out);
    cli_stats_end(&r.stats, &totals, r.bytes_in, out.bytes);
    if (out.err && out.err != EPIPE)
        cli_msg("write error on %s: %s", out.name, strerror(out.err));
    int ok = o.how == CLI_IN_DONE && !failed && !out.err;
    if (cli_out_close(&out, ok) != 0 || !ok)
        return CLI_EXIT_TROUBLE;
    return CLI_EXIT_OK;
}
