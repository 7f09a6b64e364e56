/* check_filter.c - the public API: options, documents and separators,
 * empty input, the explain and invert shapes, binary input, write failures,
 * counts. */
#define _GNU_SOURCE    /* memmem */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "encoding.h"
#include "suites.h"
#include "testutil.h"
#include "model.h"

static const chunks WHOLE = { CHUNK_WHOLE, 0, 0 };

static int null_write(void *ctx, const char *s, size_t n)
{
    (void)ctx; (void)s; (void)n;
    return 0;
}

/* The article the team keeps as its own test data. */
static char *ukraine(size_t *len)
{
    char *s = read_file(fixture_path("ukraine-talks.in"), len);
    ck_assert_msg(s != NULL, "cannot read %s", fixture_path("ukraine-talks.in"));
    return s;
}

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

/* ---- options ------------------------------------------------------------ */

START_TEST(test_options_defaults)
{
    ub_options o;
    memset(&o, 0x5a, sizeof o);
    ub_options_init(&o);
    ck_assert_int_eq(o.format, UB_FORMAT_AUTO);
    ck_assert_int_eq(o.output, UB_OUTPUT_CLEAN);
    ck_assert_uint_eq(o.window, UB_WINDOW_DEFAULT);
    ck_assert_int_eq(o.keep_comments, 0);
    ck_assert_int_eq(o.markdown, 0);
    ck_assert_int_eq(o.null_data, 0);
    ck_assert_ptr_null(o.encoding);
    ck_assert_ptr_null(o.diag);
    ck_assert_ptr_null(o.alloc);
}
END_TEST

static ub_status try_new(const ub_options *o, ub_write_fn w)
{
    ub_status st = (ub_status)-1;
    ub_filter *f = ub_filter_new(o, w, NULL, &st);
    ck_assert_msg((f != NULL) == (st == UB_OK), "status %d with filter %p", (int)st,
                  (void *)f);
    ub_filter_free(f);
    return st;
}

START_TEST(test_options_validated)
{
    ub_options o;
    ub_options_init(&o);
    ck_assert_int_eq(try_new(&o, null_write), UB_OK);
    ck_assert_int_eq(try_new(NULL, null_write), UB_OK);   /* NULL: defaults */
    ck_assert_int_eq(try_new(&o, NULL), UB_EINVAL);
    o.window = UB_WINDOW_MIN - 1;
    ck_assert_int_eq(try_new(&o, null_write), UB_EINVAL);
    o.window = UB_WINDOW_MIN;
    ck_assert_int_eq(try_new(&o, null_write), UB_OK);
    o.window = UB_WINDOW_MAX;
    ck_assert_int_eq(try_new(&o, null_write), UB_OK);
    o.window = UB_WINDOW_MAX + 1;
    ck_assert_int_eq(try_new(&o, null_write), UB_EINVAL);
    ub_options_init(&o);
    o.format = (ub_format)3;
    ck_assert_int_eq(try_new(&o, null_write), UB_EINVAL);
    ub_options_init(&o);
    o.output = (ub_output)(UB_OUTPUT_EXPLAIN_HTML + 1);
    ck_assert_int_eq(try_new(&o, null_write), UB_EINVAL);
    ub_options_init(&o);
    o.encoding = "no-such-charset-anywhere";
    ck_assert_int_eq(try_new(&o, null_write), UB_EENCODING);
    o.encoding = "latin1";
    ck_assert_int_eq(try_new(&o, null_write), UB_OK);
    /* the status pointer is optional */
    ck_assert_ptr_null(ub_filter_new(&o, NULL, NULL, NULL));
    ub_filter_free(NULL);
}
END_TEST

START_TEST(test_strerror_and_version)
{
    const char *seen[UB_EPARSE + 1];
    for (int s = UB_OK; s <= UB_EPARSE; s++) {
        seen[s] = ub_strerror((ub_status)s);
        ck_assert_ptr_nonnull(seen[s]);
        ck_assert_uint_gt(strlen(seen[s]), 0);
        for (int t = 0; t < s; t++)
            ck_assert_str_ne(seen[s], seen[t]);
    }
    ck_assert_str_eq(ub_strerror(UB_ENOMEM), "out of memory");
    ck_assert_str_eq(ub_strerror((ub_status)99), "unknown error");
    ck_assert_str_eq(ub_version(), PACKAGE_VERSION);
}
END_TEST

/* ---- documents ---------------------------------------------------------- */

START_TEST(test_empty_input)
{
    run_result r;
    run_filter(NULL, "", 0, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_uint_eq(r.counts.bytes_in, 0);
    ck_assert_uint_eq(r.counts.bytes_out, 0);
    ck_assert_uint_eq(r.counts.blocks, 0);
    run_result_free(&r);
    /* only whitespace: nothing to keep, nothing written */
    run_filter(NULL, " \n\n\t\r\n  ", 8, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, 0);
    run_result_free(&r);
}
END_TEST

START_TEST(test_end_document_twice)
{
    ub_filter *f = ub_filter_new(NULL, null_write, NULL, NULL);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_int_eq(ub_filter_feed(f, "", 0), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
}
END_TEST

/* -z: every NUL of the input is a NUL of the output, whatever the
 * documents hold, and documents are counted. */
START_TEST(test_null_separated_documents)
{
    size_t alen;
    char *art = ukraine(&alen);
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    /* art NUL art NUL "" NUL art  (last without a NUL) */
    tbuf in = {0};
    tbuf_add(&in, art, alen);
    tbuf_add(&in, "", 1);
    tbuf_add(&in, art, alen);
    tbuf_add(&in, "\0\0", 2);
    tbuf_add(&in, art, alen);
    run_result one, r;
    run_filter(&o, art, alen, WHOLE, &one);
    ck_assert_int_eq(one.status, UB_OK);
    run_filter(&o, in.data, in.len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    tbuf want = {0};
    tbuf_add(&want, one.out, one.out_len);
    tbuf_add(&want, "", 1);
    tbuf_add(&want, one.out, one.out_len);
    tbuf_add(&want, "\0\0", 2);
    tbuf_add(&want, one.out, one.out_len);
    ck_assert_uint_eq(r.out_len, want.len);
    ck_assert_mem_eq(r.out, want.data, want.len);
    ck_assert_uint_eq(r.counts.documents, 4);
    run_result_free(&r);

    /* a stream that ends with its NUL has no empty last document */
    tbuf_add(&in, "", 1);
    run_filter(&o, in.data, in.len, WHOLE, &r);
    ck_assert_uint_eq(count_byte(r.out, r.out_len, 0), 4);
    ck_assert_uint_eq(r.counts.documents, 4);
    run_result_free(&r);
    run_result_free(&one);
    tbuf_free(&in);
    tbuf_free(&want);
    free(art);
}
END_TEST

START_TEST(test_null_only_documents)
{
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    static const char in[5] = { 0, 0, 0, 0, 0 };
    run_result r;
    run_filter(&o, in, sizeof in, (chunks){ CHUNK_BYTE, 0, 0 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, 5);
    ck_assert_mem_eq(r.out, in, 5);
    ck_assert_uint_eq(r.counts.documents, 5);
    run_result_free(&r);
}
END_TEST

/* Without -z a NUL is a byte of the text: a kept line keeps it. */
START_TEST(test_nul_in_text_mode)
{
    size_t alen;
    char *art = ukraine(&alen);
    run_result clean;
    run_filter(NULL, art, alen, WHOLE, &clean);
    /* put a NUL inside the first kept paragraph (it starts "The meeting") */
    char *p = strstr(art, "did not produce");
    ck_assert_ptr_nonnull(p);
    p[3] = 0;
    run_result r;
    run_filter(NULL, art, alen, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, clean.out_len);
    char *q = memmem(clean.out, clean.out_len, "did not produce", 15);
    ck_assert_ptr_nonnull(q);
    q[3] = 0;
    ck_assert_mem_eq(r.out, clean.out, clean.out_len);
    run_result_free(&r);
    run_result_free(&clean);
    free(art);
}
END_TEST

/* ---- output shapes ------------------------------------------------------ */

/* Lines of s, as pointers into a copy (NUL-terminated each). */
typedef struct lines {
    char *copy;
    char **v;
    size_t n;
} lines;

static lines split_lines(const char *s, size_t len)
{
    lines l = { malloc(len + 1), calloc(len + 2, sizeof(char *)), 0 };
    memcpy(l.copy, s, len);
    l.copy[len] = 0;
    char *p = l.copy, *end = l.copy + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        l.v[l.n++] = p;
        if (!nl)
            break;
        *nl = 0;
        p = nl + 1;
    }
    return l;
}

static void free_lines(lines *l)
{
    free(l->copy);
    free(l->v);
}

/* --explain: one output line per input line, "KEEP " or "DROP " and the
 * input line after "| " for text, "     |" for blank lines. */
/* The ukraine fixture run with output `out` (into r), and as it is by
 * default (into plain); returns the input, for the caller to free. */
static char *ukraine_as(ub_output out, run_result *r, run_result *plain, size_t *alen)
{
    char *art = ukraine(alen);
    ub_options o;
    ub_options_init(&o);
    o.output = out;
    run_filter(&o, art, *alen, WHOLE, r);
    run_filter(plain ? &o : NULL, art, *alen, WHOLE, plain);
    return art;
}

START_TEST(test_explain_shape)
{
    size_t alen;
    run_result r, clean;
    char *art = ukraine_as(UB_OUTPUT_EXPLAIN, &r, &clean, &alen);
    ck_assert_int_eq(r.status, UB_OK);
    lines in = split_lines(art, alen), out = split_lines(r.out, r.out_len);
    ck_assert_uint_eq(out.n, in.n);
    ck_assert_int_eq(r.out[r.out_len - 1], '\n');
    size_t kept = 0;
    for (size_t i = 0; i < in.n; i++) {
        if (in.v[i][0] == 0) {
            ck_assert_str_eq(out.v[i], "     |");
            continue;
        }
        int keep = strncmp(out.v[i], "KEEP ", 5) == 0;
        ck_assert_msg(keep || strncmp(out.v[i], "DROP ", 5) == 0, "line %zu: %s", i + 1,
                      out.v[i]);
        const char *bar = strstr(out.v[i], "| ");
        ck_assert_ptr_nonnull(bar);
        ck_assert_str_eq(bar + 2, in.v[i]);
        if (keep) {
            ck_assert_ptr_nonnull(strstr(clean.out, in.v[i]));
            kept++;
        }
    }
    ck_assert_uint_eq(kept, 11);  /* the expected output: headline, ten paragraphs */
    free_lines(&in);
    free_lines(&out);
    run_result_free(&r);
    run_result_free(&clean);
    free(art);
}
END_TEST

/* --explain=tsv: a header row naming every column, the model's features
 * (features.def) among them by name, then one row per block with as many
 * fields, its decision and reason as --explain gives them. */
START_TEST(test_explain_tsv)
{
    size_t alen;
    run_result r, x, unused;
    free(ukraine_as(UB_OUTPUT_EXPLAIN_TSV, &r, &unused, &alen));
    run_result_free(&unused);
    char *art = ukraine_as(UB_OUTPUT_EXPLAIN, &x, &unused, &alen);
    run_result_free(&unused);
    ck_assert_int_eq(r.status, UB_OK);
    lines out = split_lines(r.out, r.out_len), ex = split_lines(x.out, x.out_len);
    const char *header = out.v[0];
    ck_assert_msg(strncmp(header, "n\tkeep\twhy\tcls\tp\t", 17) == 0, "%s", header);
    size_t fields = count_byte(header, strlen(header), '\t') + 1;
    char col[80];
    for (size_t i = 0; model_feature_name(i); i++) {
        const char *name = model_feature_name(i);
        if (i < MODEL_OWN_FEATURES)
            snprintf(col, sizeof col, "\tx.%s\t", name);
        else if (i < MODEL_F_WINDOW)   /* a neighbour's: "log_chars_m2" */
            snprintf(col, sizeof col, "\tnb.%.*s\t", (int)(strlen(name) - 3), name);
        else
            snprintf(col, sizeof col, "\tw.%s\t", name);
        ck_assert_msg(strstr(header, col) != NULL, "no column %s", col + 1);
    }
    ck_assert_uint_eq(model_feature_name(MODEL_FEATURES) == NULL, 1);
    ck_assert_msg(strstr(header, "\tlang\ttext") != NULL, "%s", header);
    /* the explain lines of one block share its number; blank lines have none */
    size_t rows = 0;
    unsigned long last = 0;
    for (size_t i = 0; i < ex.n; i++) {
        const char *hash = strstr(ex.v[i], " #");
        if (strncmp(ex.v[i], "     |", 6) == 0 || !hash || strtoul(hash + 2, NULL, 10) == last)
            continue;
        last = strtoul(hash + 2, NULL, 10);
        rows++;
        ck_assert_uint_lt(rows, out.n);
        const char *row = out.v[rows];
        ck_assert_uint_eq(count_byte(row, strlen(row), '\t') + 1, fields);
        char want[64];
        snprintf(want, sizeof want, "%lu\t%.4s\t", last, ex.v[i]);
        ck_assert_msg(strncmp(row, want, strlen(want)) == 0, "%s / %s", row, ex.v[i]);
        size_t wlen = strcspn(ex.v[i] + 5, " ");
        ck_assert_msg(strncmp(row + strlen(want), ex.v[i] + 5, wlen) == 0 &&
                      row[strlen(want) + wlen] == '\t', "%s / %s", row, ex.v[i]);
    }
    ck_assert_uint_eq(rows + 1, out.n);
    free_lines(&out);
    free_lines(&ex);
    run_result_free(&r);
    run_result_free(&x);
    free(art);
}
END_TEST

/* The value of " key=" on an explain line. */
static double explain_value(const char *line, const char *key)
{
    char pat[16];
    snprintf(pat, sizeof pat, " %s=", key);
    const char *at = strstr(line, pat);
    ck_assert_msg(at != NULL, "no %s in %s", key, line);
    return strtod(at + strlen(pat), NULL);
}

/* Text mode: a line's run (the lines around it with its indentation and
 * bullet) and the run before it, as --explain shows them: three bullets
 * between two paragraphs, two spaces deeper. */
START_TEST(test_explain_runs)
{
    static const char page[] =
        "   The recipe needs only a few things from the larder, and all of them keep well for a month.\n"
        "     * a cup of barley\n"
        "     * two lemons\n"
        "     * a spoon of honey\n"
        "   Simmer the barley in the water for twenty minutes and then strain it into a jug to cool.\n";
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN;
    run_result r;
    run_filter(&o, page, sizeof page - 1, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    lines out = split_lines(r.out, r.out_len);
    ck_assert_uint_eq(out.n, 5);
    /* the first paragraph: a run of one, nothing before or after it */
    ck_assert_double_eq_tol(explain_value(out.v[0], "rn"), log1p(1) / 4, 1e-4);
    ck_assert_double_eq_tol(explain_value(out.v[0], "rb"), 0, 1e-9);
    ck_assert_double_eq_tol(explain_value(out.v[0], "ra"), 0, 1e-9);
    ck_assert_double_eq_tol(explain_value(out.v[0], "ri"), 0, 1e-9);
    ck_assert_double_eq_tol(explain_value(out.v[0], "pn"), 0, 1e-9);
    for (size_t i = 1; i <= 3; i++) {
        const char *l = out.v[i];
        ck_assert_double_eq_tol(explain_value(l, "rn"), log1p(3) / 4, 1e-4);
        ck_assert_double_eq_tol(explain_value(l, "re"), 0, 1e-9);
        ck_assert_double_eq_tol(explain_value(l, "rs"), 1, 1e-9);
        ck_assert_double_eq_tol(explain_value(l, "rb"), 1, 1e-9);
        ck_assert_double_eq_tol(explain_value(l, "ra"), 1, 1e-9);
        ck_assert_double_eq_tol(explain_value(l, "ri"), 2.0 / 6, 1e-4);
        ck_assert_double_eq_tol(explain_value(l, "pn"), log1p(1) / 4, 1e-4);
        ck_assert_double_eq_tol(explain_value(l, "pe"), 1, 1e-9);
        ck_assert_double_eq_tol(explain_value(l, "pi"), -2.0 / 6, 1e-4);
        ck_assert_double_eq_tol(explain_value(l, "pb"), 0, 1e-9);
    }
    /* the last paragraph: back at the prose's depth, after the bullets */
    ck_assert_double_eq_tol(explain_value(out.v[4], "ri"), 0, 1e-9);
    ck_assert_double_eq_tol(explain_value(out.v[4], "rb"), 0, 1e-9);
    ck_assert_double_eq_tol(explain_value(out.v[4], "pn"), log1p(3) / 4, 1e-4);
    ck_assert_double_eq_tol(explain_value(out.v[4], "pb"), 1, 1e-9);
    free_lines(&out);
    run_result_free(&r);

    /* HTML has its markup instead: no runs */
    static const char html[] = "<html><body><ul><li>one</li><li>two</li></ul>"
                               "<p>A paragraph of the article that goes on for a while.</p>"
                               "</body></html>";
    run_filter(&o, html, sizeof html - 1, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    out = split_lines(r.out, r.out_len);
    ck_assert_uint_gt(out.n, 0);
    for (size_t i = 0; i < out.n; i++)
        for (const char *const *k = (const char *const[]){ "rn", "rc", "ri", "pn", NULL }; *k; k++)
            ck_assert_double_eq_tol(explain_value(out.v[i], *k), 0, 1e-9);

    free_lines(&out);
    run_result_free(&r);
}
END_TEST

/* The value of "lb=" on the explain line that ends with `text`. */
static int lead_of_line(const lines *out, const char *text)
{
    for (size_t i = 0; i < out->n; i++) {
        size_t n = strlen(out->v[i]), t = strlen(text);
        if (n > t && strcmp(out->v[i] + n - t, text) == 0) {
            const char *lb = strstr(out->v[i], " lb=");
            ck_assert_ptr_nonnull(lb);
            return lb[4] - '0';
        }
    }
    ck_abort_msg("no line for %s", text);
    return -1;
}

/* --explain says where a block sits against the leading box, the container
 * with the most prose: the body's paragraphs in it, a list inside it, a
 * section beside it, a sidebar's list nowhere near it. */
START_TEST(test_explain_lead)
{
    static const char page[] =
        "<html><body><div class=page><div class=main>"
        "<div class=text><p>The harbour was quiet on the morning the boats came back, and the "
        "people who had waited for them through the night walked down to the water.</p>"
        "<p>Nobody spoke much at first. There was no need to, since everyone knew what the "
        "morning meant and what the winter would be like after it.</p>"
        "<ul><li>The first boat was in by seven, with its nets still wet.</li></ul></div>"
        "<div class=more><p>Later that week the council met to talk about the harbour wall, "
        "which had been in need of repair for as long as anyone could remember.</p></div>"
        "</div><div class=side><ul><li>Weather for the coast this weekend</li></ul></div>"
        "</div></body></html>";
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    o.output = UB_OUTPUT_EXPLAIN;
    run_result r;
    run_filter(&o, page, strlen(page), WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    lines out = split_lines(r.out, r.out_len);
    ck_assert_int_eq(lead_of_line(&out, "Nobody spoke much at first. There was no need to, since "
                                        "everyone knew what the morning meant and what the "
                                        "winter would be like after it."), 1);
    ck_assert_int_eq(lead_of_line(&out, "The first boat was in by seven, with its nets still wet."),
                     2);
    ck_assert_int_eq(lead_of_line(&out, "Later that week the council met to talk about the harbour "
                                        "wall, which had been in need of repair for as long as "
                                        "anyone could remember."), 3);
    ck_assert_int_eq(lead_of_line(&out, "Weather for the coast this weekend"), 0);
    free_lines(&out);
    run_result_free(&r);
}
END_TEST

/* The --explain line of the block holding `needle` (its first mention,
 * before any short-page rescue) starts with `want`. */
static void block_starts(ub_format format, const char *page, const char *needle,
                         const char *want, int i)
{
    ub_options o;
    ub_options_init(&o);
    o.format = format;
    o.output = UB_OUTPUT_EXPLAIN;
    o.lookahead = 0;   /* the window's rules, as a stream past the look-ahead meets them */
    run_result r;
    run_filter(&o, page, strlen(page), WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    const char *at = memmem(r.out, r.out_len, needle, strlen(needle));
    ck_assert_ptr_nonnull(at);
    const char *line = at;
    while (line > r.out && line[-1] != '\n')
        line--;
    ck_assert_msg(strncmp(line, want, strlen(want)) == 0, "case %d: %.60s", i, line);
    run_result_free(&r);
}

/* A text dump's head: the feed links line and the headline. */
#define VALLEY_HEAD                                                                          \
    "   #The Valley News \xc2\xbb Feed The Valley News \xc2\xbb Comments Feed "                 \
    "The Valley News \xc2\xbb Snow closes the pass again on the road over the hill "          \
    "Comments Feed\n\n"                                                                      \
    "Snow closes the pass again\n\n"

/* A comment link under the headline opens no thread when the next lines
 * are the article's "By" byline: the article below it is kept.  A thread's
 * byline ending in "said:" still confirms the cut. */
START_TEST(test_comment_link_above_byline)
{
    static const char head[] = VALLEY_HEAD "   Comments (2)\n\n";
    static const char body[] =
        "   7:40 am on January 9, 2014 | Permalink\n\n"
        "   The road over the pass was closed again on Wednesday after a night of heavy snow, "
        "and the drivers who had set out early were turned back at the foot of the hill.\n\n"
        "   The council says it will open again when the ploughs have been through, which "
        "could take until the weekend if the wind does not drop before then.\n";
    static const char *const bylines[] = {"   By Tom Reed / Valley Reporter\n\n",
                                          "   Ann on January 9, 2014 at 7:40 am said:\n\n"};
    for (int i = 0; i < 2; i++) {
        char page[2048];
        snprintf(page, sizeof page, "%s%s%s", head, bylines[i], body);
        block_starts(UB_FORMAT_TEXT, page, "ploughs", i == 0 ? "KEEP " : "DROP comments ", i);
    }
}
END_TEST

/* A comment count right under the article's "By" byline is the article's
 * toolbar, not the thread's heading; without the byline it opens one. */
START_TEST(test_comment_count_under_byline)
{
    static const char head[] = VALLEY_HEAD;
    static const char body[] =
        "   5 Comments\n\n"
        "   The road over the pass was closed again on Wednesday after a night of heavy snow, "
        "and the drivers who had set out early were turned back at the foot of the hill.\n\n"
        "   Ploughs\n";
    static const char *const lines_before[] = {"   By Tom Reed | January 9, 2014\n\n",
                                               "   Tom Reed | January 9, 2014\n\n"};
    for (int i = 0; i < 2; i++) {
        char page[2048];
        snprintf(page, sizeof page, "%s%s%s", head, lines_before[i], body);
        block_starts(UB_FORMAT_TEXT, page, "night of heavy snow", i == 0 ? "KEEP " : "DROP comments ", i);
    }
}
END_TEST

/* Comment bylines with no thread heading above them ("Ann says:", "Ann
 * said...", "Re: ... (Score:4)", a name and a date): the second one in
 * the window drops the thread from the first.  One "X said," in the
 * article introduces a quotation, which stays; so do quoted tweets, the
 * article's own "By" byline and dates with no name. */
static const struct {
    const char *thread;
    int dropped;
} threads[] = {
    {"   Ann Reed says:\n\n   I drove up at noon and the barrier was still down at the bend.\n\n"
     "   Tom says:\n\n   Same here.\n", 1},
    {"   Snow again (Score:4, Informative)\n\n   I drove up at noon and the barrier was "
     "still down at the bend.\n\n   Re:Snow again (Score:2)\n\n   Same here.\n", 1},
    {"   Ann Reed said...\n\n   I drove up at noon and the barrier was still down at the bend.\n\n"
     "   Tom said...\n\n   Same here.\n", 1},
    {"   The mayor said,\n\n   I drove up at noon and the barrier was still down at the "
     "bend, and the ploughs had not come through yet, so we waited.\n", 0},
    {"   Ann Reed 09 Jan 14\n\n   I drove up at noon and the barrier was still down at the bend.\n\n"
     "   tom_r on January 9th, 2014 at 6:29pm\n\n   Same here.\n", 1},
    {"   Ann Reed | 01/09/2014 18:45\n\n   I drove up at noon and the barrier was still down "
     "at the bend.\n\n   Tom - 2014-01-09\n\n   Same here.\n", 1},
    {"   \xe2\x80\x94 Valley Roads (@valleyroads) January 9, 2014\n\n   I drove up at noon "
     "and the barrier was still down at the bend.\n\n"
     "   \xe2\x80\x94 Ann Reed (@annreed) January 9, 2014\n\n   Same here.\n", 0},
    {"   Thursday, January 9, 2014\n\n   I drove up at noon and the barrier was still down "
     "at the bend.\n\n   By Ann Reed January 9, 2014\n\n   Last updated: January 9, 2014\n", 0},
};

START_TEST(test_thread_bylines)
{
    static const char article[] =
        "   The road over the pass was closed again on Wednesday after a night of heavy snow, "
        "and the drivers who had set out early were turned back at the foot of the hill, "
        "where they waited in the cafe for news that did not come. Most of them went home "
        "before it was dark.\n\n"
        "   The council says it will open again when the ploughs have been through, which "
        "could take until the weekend if the wind does not drop before then.\n\n";
    char page[2048];
    snprintf(page, sizeof page, "%s%s", article, threads[_i].thread);
    block_starts(UB_FORMAT_TEXT, page, "barrier was", threads[_i].dropped ? "DROP thread " : "KEEP ", _i);
}
END_TEST

/* An article in its own box, for the rules about what comes after it. */
static const char bread_article[] =
    "<html><body><div class=page><div class=story>"
    "<p>Most of the bread we bake at home is stale in two days, and for years I thought "
    "that was simply the price of baking without the additives that shop loaves carry.</p>"
    "<p>It is not. A loaf made with a little cooked porridge folded into the dough stays "
    "soft for the best part of a week, because the cooked starch holds on to its water "
    "long after the crumb has cooled.</p>"
    "<p>Keep it wrapped in a cloth rather than in plastic, which makes the crust go "
    "leathery, and slice it only as you need it. On the sixth day it still makes very "
    "good toast.</p></div></div>";

/* A blog's description in the sidebar, outside the article's box. */
static const char bread_side[] =
    "<div class=col-b><p>The Home Oven is a blog about baking with what is already in the "
    "cupboard. It is written in a small kitchen with an old gas stove, and a great deal of "
    "flour ends up on the floor.</p>"
    "<p>Last month we wrote about the sourdough starter that a reader has kept alive since her "
    "grandmother gave it to her, and about what it takes to feed one through a hot "
    "summer.</p></div></body></html>";

/* The block holding `needle` in `side`, after `article` and the first
 * `kept_after` links of a list, is kept; after `dropped_after` links it
 * is dropped as after-article. */
static void after_bread(const char *article, const char *side, const char *needle, int kept_after,
                        int dropped_after)
{
    static const char *const names[] = {"Rye",  "Spelt",     "Scones",   "Flatbread",
                                        "Pizza", "Buns",     "Bagels",   "Crackers",
                                        "Brioche", "Muffins", "Oatcakes", "Pretzels"};
    for (int i = 0; i < 2; i++) {
        int n = i == 0 ? kept_after : dropped_after;
        char page[4096];
        size_t len = (size_t)snprintf(page, sizeof page, "%s<ul class=more>", article);
        for (int k = 0; k < n && k < 12; k++)
            len += (size_t)snprintf(page + len, sizeof page - len,
                                    "<li><a href=/%d>%s</a></li>", k, names[k]);
        snprintf(page + len, sizeof page - len, "</ul>%s", side);
        block_starts(UB_FORMAT_HTML, page, needle, i == 0 ? "KEEP " : "DROP after-article ", i);
    }
}

/* A box outside the article's, after the article and a run of dropped
 * links, is the page's sidebar however well it reads; right under the
 * article it may still be the article's. */
START_TEST(test_sidebar_after_article)
{
    after_bread(bread_article, bread_side, "sourdough starter", 0, 12);
}
END_TEST

/* A short article ends at the run of links as well. */
START_TEST(test_sidebar_after_short_article)
{
    after_bread("<html><body><div class=page><div class=story>"
                "<p>Most of the bread we bake at home is stale in two days, and for years I "
                "thought that was simply the price of baking without the additives that shop "
                "loaves carry.</p><p>It is not. A loaf made with a little cooked porridge "
                "folded into the dough stays soft for the best part of a week, because the cooked "
                "starch holds on to its water long after the crumb has cooled.</p></div></div>",
                bread_side, "sourdough starter", 0, 12);
}
END_TEST

/* A near miss outside the article's box goes after a shorter run. */
START_TEST(test_near_miss_after_article)
{
    after_bread(bread_article, "<div class=col-b><p>We bake with what is already in the cupboard, in a small "
                "kitchen.</p></div></body></html>",
                "in the cupboard", 2, 3);
}
END_TEST

/* A text dump has no boxes: after its article and a run of dropped lines
 * (ten, or three against a near miss), a paragraph with no long paragraph
 * soon after it is the sidebar; one the article goes on after (a code
 * listing or a figure between) is the article's. */
START_TEST(test_text_sidebar_after_article)
{
    static const char article[] =
        "   Why a little porridge keeps bread soft\n\n"
        "   Most of the bread we bake at home is stale in two days, and for years I thought that "
        "was simply the price of baking without the additives that shop loaves carry, or the cost "
        "of a crust that is still worth eating on the day it comes out of the oven and on no "
        "day after that.\n\n"
        "   It is not. A loaf made with a little cooked porridge folded into the dough stays soft "
        "for the best part of a week, because the cooked starch holds on to its water long after "
        "the crumb has cooled and a plain loaf made on the same morning has gone hard and dry on "
        "the board.\n\n";
    static const char *const names[] = {"Rye with caraway", "Spelt scones", "Flatbread on a griddle",
                                        "Pizza in a cold oven", "Hot cross buns", "Bagels at home",
                                        "Oatcakes", "Soft pretzels", "Brioche for beginners",
                                        "Muffins without eggs"};
    static const char side[] =
        "\n   Tags: bread, porridge, keeping\n   Posted in Baking\n\n"
        "   The Home Oven is a blog about baking with what is already in the cupboard. It is "
        "written in a small kitchen with an old gas stove by two sisters who share it, and a great "
        "deal of flour ends up on the floor, the cat and the sisters, who would not have it any "
        "other way at all.\n\n";
    static const char more[] =
        "   Keep it wrapped in a cloth rather than in plastic, which makes the crust go leathery, "
        "and slice it only as you need it. On the sixth day it still makes very good toast, and on "
        "the seventh it makes the best bread pudding there is, with a handful of raisins.\n\n";
    /* ten links are a run long enough against any score short of sure;
     * six, against a near miss (the paragraph scores about 0.5) */
    static const int links[] = {10, 6};
    for (int i = 0; i < 4; i++) {
        char page[4096];
        size_t len = (size_t)snprintf(page, sizeof page, "%s", article);
        for (int k = 0; k < links[i / 2]; k++)
            len += (size_t)snprintf(page + len, sizeof page - len, "     * %s\n", names[k]);
        snprintf(page + len, sizeof page - len, "%s%s   (c) 2014\n", side, i % 2 == 0 ? more : "");
        block_starts(UB_FORMAT_TEXT, page, "is a blog about", i % 2 == 0 ? "KEEP " : "DROP after-article ", i);
    }
}
END_TEST

/* A sidebar heading in a text dump ("About The Home Oven", at the margin
 * where the dump puts headings) has one paragraph under it, which reads as
 * the article going on; a section of the article has more than one. */
START_TEST(test_text_sidebar_heading)
{
    static const char article[] =
        "Porridge bread\n\n"
        "   Most bread goes stale in two days, and we are told that this is simply what bread does "
        "when it is made at home without the improvers that the big bakeries put in their dough.\n\n"
        "   It is not. A loaf made with a little cooked porridge folded into the dough stays soft "
        "for the best part of a week, because the cooked starch holds on to its water long after "
        "the crumb has cooled and a plain loaf made on the same morning has gone hard and dry on "
        "the board.\n\n"
        "   Keep it wrapped in a cloth rather than in plastic, which makes the crust go leathery, "
        "and slice it only as you need it. On the sixth day it still makes very good toast, and on "
        "the seventh it makes the best bread pudding there is, with a handful of raisins.\n\n"
        "     * Rye with caraway\n     * Spelt scones\n     * Flatbread on a griddle\n"
        "     * Pizza in a cold oven\n     * Hot cross buns\n     * Bagels at home\n\n";
    static const char side[] =
        "About The Home Oven\n\n"
        "   The Home Oven is a blog about baking with what is already in the cupboard. It is "
        "written in a small kitchen with an old gas stove by two sisters who share it, and a great "
        "deal of flour ends up on the floor, on the cat and on the two of them, who would not have "
        "it any other way at all.\n\n"
        "     * Archives\n     * Contact\n     * Subscribe\n\n   (c) 2014\n";
    static const char more[] =
        "A second rising\n\n"
        "   The dough wants a second rising in the tin, covered with the same cloth, until it stands "
        "a finger's width above the rim, which takes about an hour in a warm kitchen and longer in "
        "a cold one.\n\n"
        "   Bake it hot for the first ten minutes and then turn the oven down, so that the crust "
        "sets before the porridge in the middle has had time to dry out, and leave it to cool on "
        "a rack before you cut it.\n\n   (c) 2014\n";
    char page[4096];
    snprintf(page, sizeof page, "%s%s", article, side);
    block_starts(UB_FORMAT_TEXT, page, "About The Home Oven", "DROP after-article ", 0);
    snprintf(page, sizeof page, "%s%s", article, more);
    block_starts(UB_FORMAT_TEXT, page, "A second rising", "KEEP ", 1);
    block_starts(UB_FORMAT_TEXT, page, "The dough wants", "KEEP ", 2);
}
END_TEST

/* The head links a text dump opens with ("#Feed title Comments Feed")
 * are no headline; a Markdown heading on the first line is kept. */
START_TEST(test_text_head_links)
{
    static const char body[] =
        "   Most bread goes stale in two days, and we are told that this is simply what bread does "
        "when it is made at home without the improvers that the big bakeries put in their dough.\n\n"
        "   It is not. A loaf made with a little cooked porridge folded into the dough stays soft "
        "for the best part of a week, because the cooked starch holds on to its water long after "
        "the crumb has cooled.\n";
    char page[2048];
    snprintf(page, sizeof page, "%s\n\n%s",
             "   #The Home Oven RSS Feed The Home Oven \xc2\xbb Porridge bread keeps a week "
             "Comments Feed", body);
    block_starts(UB_FORMAT_TEXT, page, "#The Home Oven", "DROP head-links ", 0);
    snprintf(page, sizeof page, "%s\n\n%s", "# Porridge bread keeps a week", body);
    block_starts(UB_FORMAT_TEXT, page, "# Porridge", "KEEP ", 1);
}
END_TEST

/* A one-paragraph story under a long menu scores under the threshold in a
 * text dump; the first good prose of the page is kept all the same. */
START_TEST(test_text_first_prose_after_menu)
{
    static const char story[] =
        "\n   Ferry service to resume on Monday\n\n"
        "   10:15 AM ET 03.14 | The island ferry, which has not sailed since the storm damaged its "
        "landing stage three weeks ago, will carry passengers again from Monday morning, the harbour "
        "board said on Thursday after engineers finished work on the new ramp. Until then the only "
        "way across is the small launch that the lifeboat crew has been running twice a day for "
        "people who need to see a doctor or go to work on the mainland, and it will go on running "
        "on Sundays.\n\n";
    char page[8192];
    size_t len = (size_t)snprintf(page, sizeof page, "   Skip to content\n\n");
    for (int i = 1; i < 100; i++)
        len += (size_t)snprintf(page + len, sizeof page - len, "     * %s %d\n",
                                i % 2 ? "Archive" : "Issue", i);
    len += (size_t)snprintf(page + len, sizeof page - len,
                            "\n   Most read\n\n    1. Storm closes the coast road\n"
                            "    2. Council votes on bins\n    3. Harbour wall to be rebuilt\n"
                            "    4. New bus timetable\n    5. School wins chess cup\n%s",
                            story);
    for (int i = 1; i < 22; i++)
        len += (size_t)snprintf(page + len, sizeof page - len, "     * %s %d\n",
                                i % 2 ? "Tag" : "Topic", i);
    snprintf(page + len, sizeof page - len, "\n   (c) 2013 The Coast Gazette\n");
    block_starts(UB_FORMAT_TEXT, page, "The island ferry", "KEEP prose ", 0);
}
END_TEST

/* How often `needle` comes in the clean HTML output of `page`. */
static int html_count(const char *page, const char *needle)
{
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    run_result r;
    run_filter(&o, page, strlen(page), WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    int n = 0;
    for (const char *at = r.out, *end = r.out + r.out_len;
         (at = memmem(at, (size_t)(end - at), needle, strlen(needle))) != NULL; at++)
        n++;
    run_result_free(&r);
    return n;
}

/* The article printed a second time in another container (a print copy,
 * a hidden tab) comes out once; a paragraph said twice in the article's
 * own container stays twice. */
START_TEST(test_article_copy)
{
    static const char story[] =
        "<p>The ferry to the island will run twice a day again from Monday, the harbour "
        "office said, after a month in which the old boat was out of the water.</p>"
        "<p>Repairs to the hull took longer than planned, because the steel plates that "
        "were ordered in the spring did not arrive until the end of the summer.</p>";
    char page[4096];
    snprintf(page, sizeof page,
             "<html><body><div class=story>%s</div><div class=print>%s</div></body></html>",
             story, story);
    ck_assert_int_eq(html_count(page, "steel plates"), 1);
    snprintf(page, sizeof page, "<html><body><div class=story>%s%s</div></body></html>", story,
             story);
    ck_assert_int_eq(html_count(page, "steel plates"), 2);
}
END_TEST

/* A short page's rescued blocks: dropped where they stood, listed again as
 * kept at the end of --explain, and written last in the clean output. */
START_TEST(test_explain_rescued)
{
    size_t len;
    char *page = read_file(fixture_path("short-post.in"), &len);
    ck_assert_ptr_nonnull(page);
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN;
    o.lookahead = 0;   /* the window alone drops its article, to be rescued */
    run_result r, clean;
    run_filter(&o, page, len, WHOLE, &r);
    o.output = UB_OUTPUT_CLEAN;
    run_filter(&o, page, len, WHOLE, &clean);
    ck_assert_int_eq(r.status, UB_OK);
    lines out = split_lines(r.out, r.out_len);
    ck_assert_uint_gt(out.n, 2);
    const char *last = out.v[out.n - 1];
    ck_assert_msg(strncmp(last, "KEEP rescued ", 13) == 0, "%s", last);
    const char *num = strchr(last, '#'), *bar = strstr(last, " | ");
    ck_assert_ptr_nonnull(num);
    ck_assert_ptr_nonnull(bar);
    size_t numlen = strcspn(num, " ");
    int found = 0;
    for (size_t i = 0; i + 1 < out.n; i++) {
        const char *n2 = strchr(out.v[i], '#');
        if (n2 && strncmp(n2, num, numlen) == 0 && n2[numlen] == ' ') {
            ck_assert_msg(strncmp(out.v[i], "DROP ", 5) == 0, "%s", out.v[i]);
            ck_assert_str_eq(strstr(out.v[i], " | "), bar);
            found = 1;
        }
    }
    ck_assert(found);
    /* the clean output ends with it */
    size_t tl = strlen(bar + 3);
    ck_assert_uint_gt(clean.out_len, tl + 1);
    ck_assert(memcmp(clean.out + clean.out_len - tl - 1, bar + 3, tl) == 0);
    free_lines(&out);
    run_result_free(&r);
    run_result_free(&clean);
    free(page);
}
END_TEST

/* --invert writes exactly the removed lines of the fixture. */
START_TEST(test_invert_shape)
{
    size_t alen;
    char *art = ukraine(&alen);
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_INVERT;
    run_result r;
    run_filter(&o, art, alen, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    static const char want[] =
        "Ukraine conflict: Russia awaits written responses from the United States "
        "to its demands\n\n"
        "See also\xc2\xa0 The new moon brings a drastic change in these three signs "
        "of the zodiac\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published.";
    ck_assert_msg(r.out_len == sizeof want - 1 && memcmp(r.out, want, r.out_len) == 0,
                  "--- got:\n%s\n--- want:\n%s", r.out, want);
    run_result_free(&r);
    free(art);
}
END_TEST

/* ---- binary input ------------------------------------------------------- */

typedef struct binary_case {
    const char *bytes;
    size_t len;
    const char *message;
} binary_case;

static const binary_case binaries[] = {
    { "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x4a\x06\x00", 15,
      "input looks like gzip data; decompress it first (curl --compressed, zcat)" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20,
      "input looks like a PNG image; unboil reads HTML or text" },
    { "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 23,
      "input looks like a PDF document; convert it to text first (pdftotext)" },
};

START_TEST(test_binary_diag)
{
    const binary_case *b = &binaries[_i];
    run_result r;
    run_filter_diag(NULL, b->bytes, b->len, (chunks){ CHUNK_BYTE, 0, 0 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_uint_eq(r.diags, 1);
    ck_assert_int_eq(r.last_diag, UB_EBINARY);
    ck_assert_uint_eq(r.diag_doc, 1);
    ck_assert_str_eq(r.diag_msg, b->message);
    ck_assert_uint_eq(r.counts.documents_failed, 1);
    run_result_free(&r);
    /* without a diagnostic callback the status says it */
    run_filter(NULL, b->bytes, b->len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_EBINARY);
    ck_assert_uint_eq(r.out_len, 0);
    run_result_free(&r);
}
END_TEST

/* In a -z stream a binary document is reported with its number and
 * skipped; its separator stays and the stream goes on.  (The PDF case: gzip
 * and PNG data hold NUL bytes, which -z takes for separators.) */
START_TEST(test_binary_document_in_stream)
{
    size_t alen;
    char *art = ukraine(&alen);
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    run_result one;
    run_filter(&o, art, alen, WHOLE, &one);
    tbuf in = {0}, want = {0};
    tbuf_add(&in, art, alen);
    tbuf_add(&in, "", 1);
    tbuf_add(&in, binaries[2].bytes, binaries[2].len);
    tbuf_add(&in, "", 1);
    tbuf_add(&in, art, alen);
    tbuf_add(&want, one.out, one.out_len);
    tbuf_add(&want, "\0\0", 2);
    tbuf_add(&want, one.out, one.out_len);
    run_result r;
    run_filter_diag(&o, in.data, in.len, (chunks){ CHUNK_RANDOM, 50, 7 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.diags, 1);
    ck_assert_uint_eq(r.diag_doc, 2);
    ck_assert_uint_eq(r.counts.documents, 3);
    ck_assert_uint_eq(r.counts.documents_failed, 1);
    ck_assert_uint_eq(r.out_len, want.len);
    ck_assert_mem_eq(r.out, want.data, want.len);
    run_result_free(&r);
    run_result_free(&one);
    tbuf_free(&in);
    tbuf_free(&want);
    free(art);
}
END_TEST

/* Found by fuzzing: without a diagnostic callback a binary document in a
 * -z stream used to take the rest of its chunk with it, and a short one
 * (decided only at its NUL) its separator.  Now it is skipped, the stream
 * goes on, and the feed says UB_EBINARY once. */
START_TEST(test_binary_document_in_stream_no_diag)
{
    size_t alen;
    char *art = ukraine(&alen);
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    run_result one;
    run_filter(&o, art, alen, WHOLE, &one);
    static const char *const bins[] = { "%PDF-1.4 binary stuff here\n", "%PDF-1" };
    for (size_t b = 0; b < 2; b++) {
        tbuf in = {0}, want = {0};
        tbuf_add(&in, art, alen);
        tbuf_add(&in, "", 1);
        tbuf_add(&in, bins[b], strlen(bins[b]));
        tbuf_add(&in, "", 1);
        tbuf_add(&in, art, alen);
        tbuf_add(&in, "", 1);   /* all in the one chunk fed */
        tbuf_add(&want, one.out, one.out_len);
        tbuf_add(&want, "\0\0", 2);
        tbuf_add(&want, one.out, one.out_len);
        tbuf_add(&want, "", 1);
        run_result r;
        run_filter(&o, in.data, in.len, WHOLE, &r);
        ck_assert_int_eq(r.status, UB_EBINARY);
        ck_assert_uint_eq(r.out_len, want.len);
        ck_assert_mem_eq(r.out, want.data, want.len);
        run_result_free(&r);
        tbuf_free(&in);
        tbuf_free(&want);
    }
    run_result_free(&one);
    free(art);
}
END_TEST

/* ---- write failures ----------------------------------------------------- */

typedef struct failing_writer {
    unsigned calls, fail_at;
} failing_writer;

static int failing_write(void *ctx, const char *s, size_t n)
{
    failing_writer *w = ctx;
    (void)s; (void)n;
    return ++w->calls >= w->fail_at ? -1 : 0;
}

START_TEST(test_write_failure)
{
    size_t alen;
    char *art = ukraine(&alen);
    for (unsigned k = 1; k <= 5; k++) {
        failing_writer w = { 0, k };
        ub_filter *f = ub_filter_new(NULL, failing_write, &w, NULL);
        ck_assert_ptr_nonnull(f);
        ub_status st = ub_filter_feed(f, art, alen);
        if (st == UB_OK)
            st = ub_filter_end_document(f);
        ck_assert_int_eq(st, UB_EWRITE);
        ck_assert_uint_eq(w.calls, k);    /* no writes after the failure */
        ub_filter_free(f);
    }
    free(art);
}
END_TEST

/* ---- counts ------------------------------------------------------------- */

START_TEST(test_counts)
{
    size_t alen;
    char *art = ukraine(&alen);
    run_result r;
    run_filter(NULL, art, alen, (chunks){ CHUNK_FIXED, 100, 0 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.counts.bytes_in, alen);
    ck_assert_uint_eq(r.counts.bytes_out, r.out_len);
    ck_assert_uint_eq(r.counts.documents, 1);
    ck_assert_uint_eq(r.counts.documents_failed, 0);
    ck_assert_uint_eq(r.counts.blocks, 15);        /* 15 non-blank lines */
    ck_assert_uint_eq(r.counts.blocks_kept, 11);   /* headline + 10 paragraphs */
    run_result_free(&r);
    free(art);
}
END_TEST

/* --format=text reads markup as text: nothing is parsed away. */
START_TEST(test_format_text_forced)
{
    size_t alen;
    char *art = ukraine(&alen);
    tbuf in = {0};
    tbuf_add(&in, "<p>", 3);
    tbuf_add(&in, art, alen);
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    o.output = UB_OUTPUT_EXPLAIN;
    run_result r;
    run_filter(&o, in.data, in.len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_ptr_nonnull(strstr(r.out, "| <p>Ukraine conflict"));
    run_result_free(&r);
    tbuf_free(&in);
    free(art);
}
END_TEST


/* ---- text in other charsets ------------------------------------------- */

/* A headline and a paragraph of Russian prose, in windows-1251 and as
 * UTF-8. */
static const char ru_1251[] =
    "\xcf\xee\xe5\xe7\xe4\xe0 \xf1\xed\xee\xe2\xe0 \xf5\xee\xe4\xff\xf2\n\n"
    "\xcf\xee\xe5\xe7\xe4\xe0 \xf1\xed\xee\xe2\xe0 \xf5\xee\xe4\xff\xf2 \xef\xee "
    "\xf0\xe0\xf1\xef\xe8\xf1\xe0\xed\xe8\xfe, \xf1\xee\xee\xe1\xf9\xe8\xeb\xe8 \xe2 "
    "\xea\xee\xec\xef\xe0\xed\xe8\xe8 \xe2 \xf7\xe5\xf2\xe2\xe5\xf0\xe3 \xf3\xf2\xf0"
    "\xee\xec, \xe8 \xef\xe0\xf1\xf1\xe0\xe6\xe8\xf0\xfb \xec\xee\xe3\xf3\xf2 \xf1\xed"
    "\xee\xe2\xe0 \xe5\xf5\xe0\xf2\xfc \xed\xe0 \xf0\xe0\xe1\xee\xf2\xf3 \xe2\xee\xe2"
    "\xf0\xe5\xec\xff.\n";
static const char ru_para_utf8[] =
    "\xd0\x9f\xd0\xbe\xd0\xb5\xd0\xb7\xd0\xb4\xd0\xb0 \xd1\x81\xd0\xbd\xd0\xbe\xd0\xb2"
    "\xd0\xb0 \xd1\x85\xd0\xbe\xd0\xb4\xd1\x8f\xd1\x82 \xd0\xbf\xd0\xbe \xd1\x80\xd0\xb0"
    "\xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x8e,";

/* The output of ub_filter over `in` with the charset options, fed whole
 * and a byte at a time (the same, asserted). */
static char *text_charset_run(const char *in, size_t len, const char *enc, int utf8)
{
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    o.encoding = enc;
    o.utf8 = utf8;
    run_result whole, bytes;
    run_filter(&o, in, len, WHOLE, &whole);
    ck_assert_int_eq(whole.status, UB_OK);
    chunks one = { CHUNK_BYTE, 0, 0 };
    run_filter(&o, in, len, one, &bytes);
    ck_assert_int_eq(bytes.status, UB_OK);
    ck_assert_uint_eq(whole.out_len, bytes.out_len);
    ck_assert(memcmp(whole.out, bytes.out, whole.out_len) == 0);
    char *out = whole.out;
    whole.out = NULL;
    run_result_free(&whole);
    run_result_free(&bytes);
    return out;
}

START_TEST(test_text_charset_declared)
{
    /* -e: the prose is read (it was "DROP empty" before), its lines come
     * out as they came, or in UTF-8 with utf8 */
    char *out = text_charset_run(ru_1251, sizeof ru_1251 - 1, "windows-1251", 0);
    ck_assert_msg(strstr(out, ru_1251 + 37) != NULL, "the paragraph, as it came: %s", out);
    free(out);
    out = text_charset_run(ru_1251, sizeof ru_1251 - 1, "windows-1251", 1);
    ck_assert_msg(strstr(out, ru_para_utf8) != NULL, "the paragraph, in UTF-8: %s", out);
    free(out);
    /* the HTTP header's charset */
    char http[1024];
    int n = snprintf(http, sizeof http,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n%s",
                     ru_1251);
    out = text_charset_run(http, (size_t)n, NULL, 1);
    ck_assert_msg(strstr(out, ru_para_utf8) != NULL, "from the header: %s", out);
    free(out);
}
END_TEST

START_TEST(test_text_charset_latin1)
{
    /* undeclared Latin-1 (a few accents among ASCII letters): windows-1252,
     * with or without the detector; kept lines stay Latin-1 bytes */
    static const char fr[] =
        "Les trains r\xe9gionaux circulent de nouveau selon leur horaire habituel "
        "depuis jeudi matin, apr\xe8s deux jours de r\xe9parations sur la ligne, "
        "et les voyageurs n'ont plus \xe0 prendre les cars bond\xe9s du matin.\n";
    char *out = text_charset_run(fr, sizeof fr - 1, NULL, 0);
    ck_assert_str_eq(out, fr);
    free(out);
    out = text_charset_run(fr, sizeof fr - 1, NULL, 1);
    ck_assert_msg(strstr(out, "r\xc3\xa9gionaux") && strstr(out, "bond\xc3\xa9s"), "%s", out);
    free(out);
    /* a BOM says UTF-8 whatever -e says */
    static const char bom[] = "\xef\xbb\xbfLes trains r\xc3\xa9gionaux circulent de nouveau "
        "selon leur horaire habituel depuis jeudi matin, apr\xc3\xa8s deux jours de travaux.\n";
    out = text_charset_run(bom, sizeof bom - 1, "latin1", 1);
    ck_assert_str_eq(out, bom);
    free(out);
}
END_TEST

START_TEST(test_text_charset_detected)
{
    if (!tu_have_detector("test_text_charset_detected"))
        return;
    /* undeclared windows-1251, after an ASCII start */
    char in[2048];
    int n = snprintf(in, sizeof in, "Home | News | Sport\n\n%s", ru_1251);
    char *out = text_charset_run(in, (size_t)n, NULL, 0);
    ck_assert_msg(strstr(out, ru_1251 + 37) != NULL, "as it came: %s", out);
    free(out);
    out = text_charset_run(in, (size_t)n, NULL, 1);
    ck_assert_msg(strstr(out, ru_para_utf8) != NULL, "in UTF-8: %s", out);
    free(out);
}
END_TEST

START_TEST(test_text_charset_wrapped_across)
{
    /* a hard-wrapped paragraph whose first lines are ASCII and whose
     * next one holds the first other byte: its lines all come out as
     * they came (found by the large-input fuzz run: the ASCII lines were
     * lost from the paragraph's raw bytes) */
    static const char in[] =
        "The old harbour bridge opened to cars again on Monday morning, two\n"
        "years after engineers closed it when they found cracks in the deck of\n"
        "the span; the caf\xe9 at its north end reopened on the same day too.\n"
        "\n"
        "The council said the repairs cost more than planned, and that the\n"
        "toll would stay as it was for at least another year after the work.\n";
    char *out = text_charset_run(in, sizeof in - 1, NULL, 0);
    ck_assert_str_eq(out, in);
    free(out);
}
END_TEST

Suite *filter_suite(void)
{
    Suite *s = suite_create("filter");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, test_options_defaults);
    tcase_add_test(tc, test_options_validated);
    tcase_add_test(tc, test_strerror_and_version);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_end_document_twice);
    tcase_add_test(tc, test_null_separated_documents);
    tcase_add_test(tc, test_null_only_documents);
    tcase_add_test(tc, test_nul_in_text_mode);
    tcase_add_test(tc, test_explain_shape);
    tcase_add_test(tc, test_explain_tsv);
    tcase_add_test(tc, test_explain_rescued);
    tcase_add_test(tc, test_comment_link_above_byline);
    tcase_add_test(tc, test_comment_count_under_byline);
    tcase_add_loop_test(tc, test_thread_bylines, 0, (int)(sizeof threads / sizeof *threads));
    tcase_add_test(tc, test_sidebar_after_article);
    tcase_add_test(tc, test_text_sidebar_after_article);
    tcase_add_test(tc, test_text_sidebar_heading);
    tcase_add_test(tc, test_text_head_links);
    tcase_add_test(tc, test_text_first_prose_after_menu);
    tcase_add_test(tc, test_sidebar_after_short_article);
    tcase_add_test(tc, test_near_miss_after_article);
    tcase_add_test(tc, test_article_copy);
    tcase_add_test(tc, test_explain_runs);
    tcase_add_test(tc, test_explain_lead);
    tcase_add_test(tc, test_invert_shape);
    tcase_add_loop_test(tc, test_binary_diag, 0,
                        (int)(sizeof binaries / sizeof *binaries));
    tcase_add_test(tc, test_binary_document_in_stream);
    tcase_add_test(tc, test_binary_document_in_stream_no_diag);
    tcase_add_test(tc, test_write_failure);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_format_text_forced);
    tcase_add_test(tc, test_text_charset_declared);
    tcase_add_test(tc, test_text_charset_latin1);
    tcase_add_test(tc, test_text_charset_detected);
    tcase_add_test(tc, test_text_charset_wrapped_across);
    suite_add_tcase(s, tc);
    return s;
}
