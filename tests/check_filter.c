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
#include "utf8.h"

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

/* A document of a BOM alone (the empty file an editor saves) is the empty
 * document: one document, no block, nothing written, in any format, however
 * fed; with -z it is the empty document between two NULs.  A BOM on a first
 * line of its own is a blank line, as the line is without it. */
START_TEST(test_bom_only_is_empty)
{
    static const char *const boms[] = { "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF" };
    static const ub_format formats[] = { UB_FORMAT_AUTO, UB_FORMAT_TEXT, UB_FORMAT_HTML };
    for (size_t b = 0; b < sizeof boms / sizeof *boms; b++) {
        for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
            for (int z = 0; z < 2; z++) {
                ub_options o;
                ub_options_init(&o);
                o.format = formats[k];
                o.null_data = z;
                char in[8];
                size_t n = strlen(boms[b]);
                memcpy(in, boms[b], n);
                in[n] = '\0';
                run_result r;
                run_filter(&o, in, n + (size_t)z, (chunks){ CHUNK_BYTE, 0, 0 }, &r);
                ck_assert_int_eq(r.status, UB_OK);
                ck_assert_msg(r.counts.documents == 1 && r.counts.blocks == 0 &&
                              r.counts.documents_html == 0 && r.out_len == (size_t)z,
                              "BOM %zu format %zu -z %d: %lu documents, %lu blocks, %zu bytes out",
                              b, k, z, (unsigned long)r.counts.documents,
                              (unsigned long)r.counts.blocks, r.out_len);
                run_result_free(&r);
            }
        }
    }
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    run_result r;
    run_filter(&o, "\xEF\xBB\xBF \r\n", 6, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.counts.documents, 1);
    ck_assert_uint_eq(r.counts.blocks, 0);
    ck_assert_uint_eq(r.out_len, 0);
    run_result_free(&r);
    /* further on, a line of U+FEFF is a block as before (lynx writes a
     * page's stray one so; what the model was fitted on) */
    static const char later[] = "A line of text.\n   \xEF\xBB\xBF\n";
    run_filter(&o, later, sizeof later - 1, WHOLE, &r);
    ck_assert_uint_eq(r.counts.blocks, 2);
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

/* A word longer than a block (a 200 KB run of letters, a base64 blob) is
 * handed over in pieces cut within it; the pieces are joined again as
 * they came, without a space between them, in text and in Markdown. */
START_TEST(test_long_word_written_whole)
{
    size_t n = 200000;
    char *page = malloc(n + 16), *want = malloc(n + 2);
    ck_assert(page && want);
    memcpy(page, "<p>", 3);
    memset(page + 3, 'a', n);
    memcpy(page + 3 + n, "</p>", 5);
    memset(want, 'a', n);
    memcpy(want + n, "\n", 2);
    for (int md = 0; md < 2; md++) {
        ub_options o;
        ub_options_init(&o);
        o.format = UB_FORMAT_HTML;
        o.markdown = md;
        run_result r;
        run_filter(&o, page, n + 7, WHOLE, &r);
        ck_assert_int_eq(r.status, UB_OK);
        ck_assert_msg(r.out_len == n + 1 && memcmp(r.out, want, n + 1) == 0,
                      "markdown %d: %zu bytes, want %zu", md, r.out_len, n + 1);
        run_result_free(&r);
    }
    free(page);
    free(want);
}
END_TEST

/* A <pre> longer than a block is cut at a newline; its lines come out as
 * they were, none joined to the next by a space. */
START_TEST(test_long_pre_keeps_its_lines)
{
    tbuf page = {0}, want = {0};
    tbuf_addf(&page, "<html><body><article><pre>");
    for (int i = 1; i <= 3000; i++) {
        tbuf_addf(&want, "line %d of the preformatted text block which is long enough to "
                         "be kept by the filter\n", i);
    }
    tbuf_add(&page, want.data, want.len);
    tbuf_addf(&page, "</pre></article></body></html>");
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    run_result r;
    run_filter(&o, page.data, page.len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_msg(r.out_len == want.len && memcmp(r.out, want.data, want.len) == 0,
                  "differs at line %zu", first_diff_line(r.out, r.out_len, want.data, want.len));
    run_result_free(&r);
    /* --markdown: one code block holds every piece (its fence was closed
     * after the first piece, the rest written as paragraphs) */
    tbuf md = {0};
    tbuf_addf(&md, "```\n");
    tbuf_add(&md, want.data, want.len);
    tbuf_addf(&md, "```\n");
    o.markdown = 1;
    run_filter(&o, page.data, page.len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_msg(r.out_len == md.len && memcmp(r.out, md.data, md.len) == 0,
                  "differs at line %zu", first_diff_line(r.out, r.out_len, md.data, md.len));
    run_result_free(&r);
    tbuf_free(&md);
    tbuf_free(&page);
    tbuf_free(&want);
}
END_TEST

/* A later piece of a long <pre> that holds a longer run of backticks than
 * the first piece's fence goes in a code block of its own, with a longer
 * fence, so that no line of code closes a block early. */
START_TEST(test_long_pre_backticks_later)
{
    tbuf page = {0};
    tbuf_addf(&page, "<html><body><article><pre>");
    for (int i = 1; i <= 3000; i++)
        tbuf_addf(&page, "line %d of the preformatted text block which is long enough "
                         "to be kept by the filter\n", i);
    tbuf_addf(&page, "`````\nlast line</pre></article></body></html>");
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    o.markdown = 1;
    run_result r;
    run_filter(&o, page.data, page.len, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    /* the first block's fence of three, closed where the pieces part; the
     * second's of six around the five */
    const char *first = "```\nline 1 of", *parted = "filter\n```\n``````\n";
    ck_assert_ptr_nonnull(memmem(r.out, r.out_len, first, strlen(first)));
    ck_assert_ptr_nonnull(memmem(r.out, r.out_len, parted, strlen(parted)));
    const char *tail = "`````\nlast line\n``````\n";
    size_t tn = strlen(tail);
    ck_assert_uint_ge(r.out_len, tn);
    ck_assert_mem_eq(r.out + r.out_len - tn, tail, tn);
    /* every line of code is written once */
    size_t lines = 0;
    for (const char *q = r.out; (q = memmem(q, r.out_len - (size_t)(q - r.out), "\nline ", 6));
         q++)
        lines++;
    ck_assert_uint_eq(lines, 3000);
    run_result_free(&r);
    tbuf_free(&page);
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
    ck_assert_msg(strncmp(header, "document\tn\tkeep\twhy\tcls\tp\t", 26) == 0, "%s", header);
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
        snprintf(want, sizeof want, "1\t%lu\t%.4s\t", last, ex.v[i]);
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

/* --explain=tsv over a -z stream is one table: the header once, then
 * every document's rows, told apart by the document column, with no NUL
 * (review: the NUL began the next document's first row, which awk and
 * cut read as a number "\0001"). */
START_TEST(test_explain_tsv_stream)
{
    static const char in[] =
        "<p>The first document's paragraph has enough words to be kept as prose.</p>\0"
        "\0"
        "<p>The third document's paragraph has enough words to be kept as prose.</p>\0";
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    o.output = UB_OUTPUT_EXPLAIN_TSV;
    run_result r;
    run_filter(&o, in, sizeof in - 1, (chunks){ CHUNK_FIXED, 5, 0 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_ptr_null(memchr(r.out, '\0', r.out_len));
    lines out = split_lines(r.out, r.out_len);
    ck_assert_uint_eq(out.n, 3);
    ck_assert_msg(strncmp(out.v[0], "document\tn\t", 11) == 0, "%s", out.v[0]);
    size_t fields = count_byte(out.v[0], strlen(out.v[0]), '\t');
    ck_assert_msg(strncmp(out.v[1], "1\t1\t", 4) == 0, "%s", out.v[1]);
    ck_assert_msg(strncmp(out.v[2], "3\t1\t", 4) == 0, "%s", out.v[2]);
    for (size_t i = 1; i < out.n; i++)
        ck_assert_uint_eq(count_byte(out.v[i], strlen(out.v[i]), '\t'), fields);
    free_lines(&out);
    run_result_free(&r);
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

/* A title yields to the page's h1 that shares a word with it (the h1 is
 * the headline as shown); that h1 is then written even where the repeat
 * rule would drop it (its copy in a "recent posts" list, no paragraph
 * after it to name): one of the two survives, not neither.  So in the
 * window alone and with the look-ahead, in one piece and byte by byte. */
START_TEST(test_title_yields_once)
{
    static const char page[] =
        "<html><head><title>Snow on the ridge road |Pictures | Fell Diary</title></head><body>"
        "<div class=entry><h1>Snow on the ridge road</h1><p><img src=/snow.jpg alt=''></p>"
        "<p class=meta><a href=/p/1>Posted at noon by Tom | Permalink</a></p></div>"
        "<div class=side><ul><li><a href=/p/1>Snow on the ridge road</a></li>"
        "<li><a href=/p/2>Walls along the upper beck</a></li>"
        "<li><a href=/p/3>A frozen tarn above the village</a></li>"
        "<li><a href=/p/4>Sheep brought down for the winter</a></li></ul></div>"
        "</body></html>";
    static const size_t lookaheads[] = { 0, 256 * 1024 };
    static const chunks cuts[] = { { CHUNK_WHOLE, 0, 0 }, { CHUNK_BYTE, 0, 0 } };
    for (size_t l = 0; l < sizeof lookaheads / sizeof *lookaheads; l++)
        for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
            ub_options o;
            ub_options_init(&o);
            o.format = UB_FORMAT_HTML;
            o.lookahead = lookaheads[l];
            run_result r;
            run_filter(&o, page, strlen(page), cuts[k], &r);
            ck_assert_int_eq(r.status, UB_OK);
            ck_assert_str_eq(r.out, "Snow on the ridge road\n");
            run_result_free(&r);
        }
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

/* in[0..n) as valid UTF-8, each byte that begins no valid sequence one
 * U+FFFD (malloc'd, *len) */
static char *utf8_replaced(const char *in, size_t n, size_t *len)
{
    char *out = malloc(3 * n + 1);
    ck_assert_ptr_nonnull(out);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_len((const unsigned char *)in + i, n - i);
        if (k == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, in + i, k);
            o += k;
            i += k;
        }
    }
    *len = o;
    return out;
}

/* --utf8 promises UTF-8: text judged UTF-8 that holds stray bytes (a
 * Latin-1 byte, a cut sequence, a surrogate) has them as U+FFFD, in a
 * short line and across the pieces of a line too long to hold, however
 * fed; without --utf8 the bytes come out as they came. */
START_TEST(test_text_utf8_option_replaces_stray_bytes)
{
    static const char para[] = "The committee met on Tuesday to discuss the new budget, "
                               "caf\xc3\xa9 and na\xc3\xafve, and the \xe2\x82\xac money. ";
    static const char stray[] = "bad \xff and \xe2\x82 cut \xed\xa0\x80 here. ";
    tbuf in = {0};
    tbuf_add(&in, para, sizeof para - 1);
    tbuf_add(&in, stray, sizeof stray - 1);
    tbuf_add(&in, "\n", 1);
    /* a line longer than a block, stray bytes all along, ending in a cut
     * sequence with no newline */
    for (int i = 0; i < 3000; i++) {
        tbuf_add(&in, para, sizeof para - 1);
        if (i % 7 == 0)
            tbuf_add(&in, stray, sizeof stray - 1);
    }
    tbuf_add(&in, "\xf0\x9f", 2);
    size_t want_len;
    char *want = utf8_replaced(in.data, in.len, &want_len);
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    o.utf8 = 1;
    chunks ways[] = { WHOLE, { CHUNK_RANDOM, 5, 3 }, { CHUNK_RANDOM, 70000, 9 },
                      { CHUNK_FIXED, 1, 0 } };
    for (size_t w = 0; w < sizeof ways / sizeof *ways; w++) {
        run_result r;
        run_filter(&o, in.data, in.len, ways[w], &r);
        ck_assert_int_eq(r.status, UB_OK);
        ck_assert_msg(r.out_len == want_len && memcmp(r.out, want, want_len) == 0,
                      "chunking %zu: %zu bytes, want %zu", w, r.out_len, want_len);
        run_result_free(&r);
    }
    o.utf8 = 0;
    run_result r;
    run_filter(&o, in.data, in.len, WHOLE, &r);
    ck_assert_msg(r.out_len == in.len && memcmp(r.out, in.data, in.len) == 0,
                  "without --utf8: %zu bytes, want %zu", r.out_len, in.len);
    run_result_free(&r);
    free(want);
    tbuf_free(&in);
}
END_TEST

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
    tcase_add_test(tc, test_bom_only_is_empty);
    tcase_add_test(tc, test_end_document_twice);
    tcase_add_test(tc, test_null_separated_documents);
    tcase_add_test(tc, test_null_only_documents);
    tcase_add_test(tc, test_nul_in_text_mode);
    tcase_add_test(tc, test_long_word_written_whole);
    tcase_add_test(tc, test_long_pre_keeps_its_lines);
    tcase_add_test(tc, test_long_pre_backticks_later);
    tcase_add_test(tc, test_explain_shape);
    tcase_add_test(tc, test_explain_tsv);
    tcase_add_test(tc, test_explain_tsv_stream);
    tcase_add_test(tc, test_explain_rescued);
    tcase_add_test(tc, test_title_yields_once);
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
    tcase_add_test(tc, test_text_utf8_option_replaces_stray_bytes);
    tcase_add_test(tc, test_text_charset_latin1);
    tcase_add_test(tc, test_text_charset_detected);
    tcase_add_test(tc, test_text_charset_wrapped_across);
    suite_add_tcase(s, tc);
    return s;
}
