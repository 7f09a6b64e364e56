/* check_jsonl.c - corpus mode: --jsonl records (escapes, surrogate pairs,
 * huge strings, malformed lines under each --on-error), --learn across the
 * documents of a stream, and GNU parallel giving what one process gives. */
#define _GNU_SOURCE   /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "suites.h"
#include "testutil.h"

static cli_result run(const char *const *argv, const char *in, size_t len)
{
    cli_result r;
    cli_run(argv, in, len, NULL, &r);
    return r;
}

static void expect_exit(const cli_result *r, int status)
{
    ck_assert_msg(r->exited && r->status == status,
                  "exit %d (signal %d), want %d; stderr: %.500s", r->status, r->signal,
                  status, r->err);
}

/* A paragraph of plain ASCII prose, different for each n. */
static void prose(tbuf *b, unsigned n)
{
    tbuf_addf(b, "The committee said on day %u that the new rules would take effect "
                 "next year, and that it was still studying the many comments it had "
                 "received from the public about them.", n);
}

/* s as jansson writes a JSON string (ASCII input). */
static void json_escape(tbuf *b, const char *s, size_t n)
{
    tbuf_add(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = { '\\', (char)c };
            tbuf_add(b, e, 2);
        } else if (c == '\n') {
            tbuf_add(b, "\\n", 2);
        } else if (c == '\t') {
            tbuf_add(b, "\\t", 2);
        } else if (c == '\r') {
            tbuf_add(b, "\\r", 2);
        } else if (c < 0x20) {
            tbuf_addf(b, "\\u%04X", c);
        } else {
            tbuf_add(b, s + i, 1);
        }
    }
    tbuf_add(b, "\"", 1);
}

/* What `unboil ARGS` prints for one document. */
static cli_result plain(const char *arg, const char *doc, size_t len)
{
    const char *argv[] = { arg, NULL };
    return run(arg ? argv : NULL, doc, len);
}

START_TEST(test_jsonl_record_is_the_document_cleaned)
{
    tbuf doc = {0};
    tbuf_add(&doc, "Home | News | Sport | Weather\n\n", 31);
    for (unsigned i = 0; i < 4; i++) {
        prose(&doc, i);
        tbuf_add(&doc, "\n\n", 2);
    }
    tbuf_add(&doc, "Share this article on Facebook\n", 31);
    cli_result p = plain(NULL, doc.data, doc.len);
    expect_exit(&p, 0);
    ck_assert_ptr_null(strstr(p.out, "Weather"));

    tbuf in = {0}, want = {0};
    /* numbers beyond 64 bits, reals, spacing, nested "text": all as they came */
    const char *head = "{ \"id\" : 12345678901234567890, \"x\":0.1, \"text\":";
    const char *tail = " ,\"z\":[{\"text\":\"inner\"}, 1e5] }\n";
    tbuf_addf(&in, "%s", head);
    json_escape(&in, doc.data, doc.len);
    tbuf_addf(&in, "%s", tail);
    tbuf_addf(&want, "%s", head);
    json_escape(&want, p.out, p.out_len);
    tbuf_addf(&want, "%s", tail);

    const char *argv[] = { "--jsonl", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    ck_assert_msg(r.out_len == want.len && memcmp(r.out, want.data, want.len) == 0,
                  "got %s\nwant %s", r.out, want.data);
    ck_assert_uint_eq(r.err_len, 0);
    cli_result_free(&r);
    cli_result_free(&p);
    tbuf_free(&in);
    tbuf_free(&want);
    tbuf_free(&doc);
}
END_TEST

START_TEST(test_jsonl_escapes_and_surrogate_pairs)
{
    /* \" \\ \/ \t \u00e9 and a surrogate pair (U+1F600) decoded, the
     * document cleaned and written back as UTF-8 */
    const char *in =
        "{\"text\":\"He said \\\"no\\\" to the plan\\/idea \\\\ on the caf\\u00e9 "
        "terrace \\ud83d\\ude00, and then he went back to work on the report that "
        "was due the next morning.\\n\",\"k\":\"\\ud83d\\ude00\"}\n";
    const char *argv[] = { "--jsonl", NULL };
    cli_result r = run(argv, in, strlen(in));
    expect_exit(&r, 0);
    ck_assert_msg(strstr(r.out, "He said \\\"no\\\" to the plan/idea \\\\ on the caf\xC3\xA9 "
                                "terrace \xF0\x9F\x98\x80, and") != NULL, "got %s", r.out);
    /* the other field as it came, escapes and all */
    ck_assert_ptr_nonnull(strstr(r.out, ",\"k\":\"\\ud83d\\ude00\"}\n"));
    cli_result_free(&r);

    /* a lone surrogate is not JSON: the line is malformed, copied as is */
    const char *bad = "{\"text\":\"half \\ud83d of a pair\"}\n";
    r = run(argv, bad, strlen(bad));
    expect_exit(&r, 0);
    ck_assert_str_eq(r.out, bad);
    ck_assert_ptr_nonnull(strstr(r.err, "line 1"));
    ck_assert_ptr_nonnull(strstr(r.err, "1 malformed JSON line copied unchanged"));
    cli_result_free(&r);
}
END_TEST

START_TEST(test_jsonl_huge_string)
{
    size_t target = 50u * 1024 * 1024 / test_scale();
    tbuf doc = {0};
    for (unsigned i = 0; doc.len < target; i++) {
        prose(&doc, i);
        tbuf_add(&doc, "\n", 1);
    }
    cli_result p = plain(NULL, doc.data, doc.len);
    expect_exit(&p, 0);
    tbuf in = {0}, want = {0};
    tbuf_add(&in, "{\"id\":1,\"text\":", 15);
    json_escape(&in, doc.data, doc.len);
    tbuf_add(&in, "}\n{\"id\":2,\"text\":\"\"}\n", 21);
    tbuf_add(&want, "{\"id\":1,\"text\":", 15);
    json_escape(&want, p.out, p.out_len);
    tbuf_add(&want, "}\n{\"id\":2,\"text\":\"\"}\n", 21);
    const char *argv[] = { "--jsonl", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, want.len);
    ck_assert_msg(memcmp(r.out, want.data, want.len) == 0, "differs at line %zu",
                  first_diff_line(r.out, r.out_len, want.data, want.len));
    cli_result_free(&r);
    cli_result_free(&p);
    tbuf_free(&in);
    tbuf_free(&want);
    tbuf_free(&doc);
}
END_TEST

/* A good record, a missing field, a non-string field, invalid UTF-8 in a
 * string, not JSON, not an object, an empty line, a good record. */
static const char mixed[] =
    "{\"id\":1,\"text\":\"A first paragraph that has enough of the common words in it to be kept as it is.\"}\n"
    "{\"id\":2,\"body\":\"no text field\"}\n"
    "{\"id\":3,\"text\":42}\n"
    "{\"id\":4,\"text\":\"bad \xff\xfe byte\"}\n"
    "{\"id\":5,\"text\":\n"
    "[1,2,3]\n"
    "\n"
    "{\"id\":8,\"text\":\"A last paragraph that has enough of the common words in it to be kept as it is.\"}";

START_TEST(test_jsonl_on_error_pass)
{
    const char *argv[] = { "--jsonl", NULL };
    cli_result r = run(argv, mixed, sizeof mixed - 1);
    expect_exit(&r, 0);
    /* the kept paragraphs are kept whole, the rest copied: the input again,
     * with a newline after its last line */
    tbuf want = {0};
    tbuf_add(&want, mixed, sizeof mixed - 1);
    tbuf_add(&want, "\n", 1);
    ck_assert_uint_eq(r.out_len, want.len);
    ck_assert(memcmp(r.out, want.data, want.len) == 0);
    ck_assert_ptr_nonnull(strstr(r.err, "line 2: no field \"text\""));
    ck_assert_ptr_nonnull(strstr(r.err, "line 3: field \"text\" is not a string"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 4: not JSON"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 6: not a JSON object"));
    ck_assert_ptr_nonnull(strstr(r.err, "6 malformed JSON lines copied unchanged"));
    cli_result_free(&r);
    tbuf_free(&want);
}
END_TEST

START_TEST(test_jsonl_on_error_drop)
{
    const char *argv[] = { "--jsonl", "--on-error=drop", NULL };
    cli_result r = run(argv, mixed, sizeof mixed - 1);
    expect_exit(&r, 0);
    const char *want =
        "{\"id\":1,\"text\":\"A first paragraph that has enough of the common words in it to be kept as it is.\"}\n"
        "{\"id\":8,\"text\":\"A last paragraph that has enough of the common words in it to be kept as it is.\"}\n";
    ck_assert_str_eq(r.out, want);
    ck_assert_ptr_nonnull(strstr(r.err, "6 malformed JSON lines dropped"));
    cli_result_free(&r);
}
END_TEST

START_TEST(test_jsonl_on_error_fail)
{
    const char *argv[] = { "--jsonl", "--on-error=fail", NULL };
    cli_result r = run(argv, mixed, sizeof mixed - 1);
    expect_exit(&r, 1);
    const char *want =
        "{\"id\":1,\"text\":\"A first paragraph that has enough of the common words in it to be kept as it is.\"}\n";
    ck_assert_str_eq(r.out, want);
    ck_assert_ptr_nonnull(strstr(r.err, "line 2: no field \"text\""));
    ck_assert_ptr_null(strstr(r.err, "line 3"));
    cli_result_free(&r);
}
END_TEST

/* A record the filter refuses (binary bytes in its document) is named by
 * its line, as a malformed one is, whatever lines came before it. */
START_TEST(test_jsonl_refused_record_named_by_line)
{
    static const char in[] = "{bad\n{\"x\":1}\n{\"text\":\"<p>ok</p>\"}\n"
                             "{\"text\":\"\\u0000abc\\u0001\\u0002\\u0003\"}\n";
    const char *argv[] = { "--jsonl", NULL };
    cli_result r = run(argv, in, sizeof in - 1);
    expect_exit(&r, 1);
    ck_assert_msg(strstr(r.err, "unboil: (standard input): line 4: input looks like ") != NULL,
                  "stderr: %s", r.err);
    ck_assert_ptr_null(strstr(r.err, "document"));
    cli_result_free(&r);
}
END_TEST

START_TEST(test_jsonl_field_html)
{
    tbuf in = {0};
    tbuf_addf(&in, "{\"url\":\"http://example.com/a\",\"html\":\"<html><head><title>Library "
                   "stays open</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a>"
                   "</nav><article><h1>Library stays open</h1><p>The council voted on Monday to "
                   "keep the library open for another year, after a long debate about the cost "
                   "of the building and the people who use it.</p>");
    for (unsigned i = 0; i < 4; i++) {
        tbuf_addf(&in, "<p>");
        prose(&in, i);
        tbuf_addf(&in, "</p>");
    }
    tbuf_addf(&in, "</article><footer>Copyright 2012 Example</footer></body></html>\"}\n");
    const char *argv[] = { "--jsonl", "--field=html", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    ck_assert_msg(strncmp(r.out, "{\"url\":\"http://example.com/a\",\"html\":\"", 38) == 0, "%s", r.out);
    ck_assert_ptr_nonnull(strstr(r.out, "The council voted on Monday"));
    ck_assert_ptr_null(strstr(r.out, "<p>"));
    ck_assert_ptr_null(strstr(r.out, "Copyright"));
    cli_result_free(&r);
    tbuf_free(&in);
}
END_TEST

/* Lines from 0 to 300 000 bytes, across the program's read boundaries:
 * the whole stream gives what each line gives alone. */
START_TEST(test_jsonl_any_line_length)
{
    static const size_t sizes[] = { 0, 1, 100, 4095, 65535, 65536, 65537, 131071, 300000, 7 };
    tbuf all = {0}, want = {0};
    const char *argv[] = { "--jsonl", NULL };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        tbuf doc = {0}, line = {0};
        for (unsigned i = 0; doc.len < sizes[k]; i++) {
            prose(&doc, i + (unsigned)k * 1000);
            tbuf_add(&doc, i % 3 ? "\n" : "\n\nMenu | Item\n", i % 3 ? 1 : 14);
        }
        tbuf_addf(&line, "{\"n\":%zu,\"text\":", k);
        json_escape(&line, doc.data, doc.len < sizes[k] ? doc.len : sizes[k]);
        tbuf_add(&line, "}\n", 2);
        tbuf_add(&all, line.data, line.len);
        cli_result one = run(argv, line.data, line.len);
        expect_exit(&one, 0);
        tbuf_add(&want, one.out, one.out_len);
        cli_result_free(&one);
        tbuf_free(&doc);
        tbuf_free(&line);
    }
    cli_result r = run(argv, all.data, all.len);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, want.len);
    ck_assert(memcmp(r.out, want.data, want.len) == 0);
    cli_result_free(&r);
    tbuf_free(&all);
    tbuf_free(&want);
}
END_TEST

START_TEST(test_jsonl_usage)
{
    const char *a1[] = { "--field=html", NULL };
    cli_result r = run(a1, NULL, 0);
    expect_exit(&r, 2);
    cli_result_free(&r);
    const char *a2[] = { "--jsonl", "--on-error=maybe", NULL };
    r = run(a2, NULL, 0);
    expect_exit(&r, 2);
    cli_result_free(&r);
    const char *a3[] = { "--jsonl", "-z", NULL };
    r = run(a3, NULL, 0);
    expect_exit(&r, 2);
    cli_result_free(&r);
    const char *a4[] = { "--learn", "--learn-min-docs=0", NULL };
    r = run(a4, NULL, 0);
    expect_exit(&r, 2);
    cli_result_free(&r);
}
END_TEST

/* ---- --learn ------------------------------------------------------------ */

/* n documents of one site: a menu line, a footer line, a long shared
 * disclaimer, and prose of their own; NUL after each. */
static void site_stream(tbuf *b, unsigned n)
{
    for (unsigned d = 0; d < n; d++) {
        tbuf_addf(b, "Politics World Business Tech Science\n\n");
        prose(b, d);
        tbuf_addf(b, "\n\n");
        prose(b, d + 500);
        tbuf_addf(b, "\n\nAbout our reporting and standards\n\n"
                     "This article was written by our staff and reviewed by editors who check "
                     "the facts, the sources, the figures and the quotes of every story that "
                     "we publish on this website and in our newspaper, as our readers have "
                     "come to expect from us, every day of the year, for many years now.\n");
        tbuf_add(b, "", 1);
    }
}

/* The line of s[0..len) that holds `what`, NUL-terminated in `line`. */
static int line_with(const char *s, size_t len, const char *what, char *line, size_t size)
{
    const char *p = memmem(s, len, what, strlen(what));
    if (!p)
        return 0;
    const char *a = p, *e = p;
    while (a > s && a[-1] != '\n')
        a--;
    while (e < s + len && *e != '\n')
        e++;
    snprintf(line, size, "%.*s", (int)(e - a), a);
    return 1;
}

START_TEST(test_learn_drops_site_lines)
{
    tbuf in = {0};
    site_stream(&in, 8);
    const char *argv[] = { "-z", "--learn", "--learn-min-docs=3", "--explain", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    const char *doc = r.out;
    for (unsigned d = 0; d < 8; d++) {
        const char *end = memchr(doc, 0, r.out_len - (size_t)(doc - r.out));
        ck_assert_ptr_nonnull(end);
        char line[1024];
        /* documents 1-3 teach, 4-8 drop the short site lines */
        ck_assert(line_with(doc, (size_t)(end - doc), "About our reporting", line, sizeof line));
        ck_assert_msg((strstr(line, "site-boilerplate") != NULL) == (d >= 3),
                      "document %u: %s", d + 1, line);
        /* a line of prose length is never dropped for recurring */
        ck_assert(line_with(doc, (size_t)(end - doc), "This article was written", line, sizeof line));
        ck_assert_msg(strstr(line, "site-boilerplate") == NULL, "document %u: %s", d + 1, line);
        doc = end + 1;
    }
    cli_result_free(&r);

    /* the same without --explain: the heading is gone from documents 4-8 */
    const char *learn_argv[] = { "-z", "--learn", "--learn-min-docs=3", NULL };
    r = run(learn_argv, in.data, in.len);
    expect_exit(&r, 0);
    size_t kept = 0;
    for (const char *p = r.out; (p = strstr(p, "About our reporting")) != NULL; p++)
        kept++;
    ck_assert_uint_le(kept, 3);
    cli_result_free(&r);
    tbuf_free(&in);
}
END_TEST

/* Memory stays put over many distinct lines: the table is fixed. */
START_TEST(test_learn_many_distinct_lines)
{
    unsigned docs = 20000 / test_scale();
    tbuf in = {0};
    for (unsigned d = 0; d < docs; d++) {
        for (unsigned l = 0; l < 20; l++)
            tbuf_addf(&in, "line %u of %u here\n", l, d);
        tbuf_add(&in, "\0", 1);
    }
    const char *argv[] = { "-z", "--learn", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    const char *noargv[] = { "-z", NULL };
    cli_result p = run(noargv, in.data, in.len);
    expect_exit(&p, 0);
    /* every line is new: --learn changes nothing */
    ck_assert_uint_eq(r.out_len, p.out_len);
    ck_assert(memcmp(r.out, p.out, p.out_len) == 0);
    cli_result_free(&r);
    cli_result_free(&p);
    tbuf_free(&in);
}
END_TEST

/* ---- GNU parallel ------------------------------------------------------- */

static int have_parallel(void)
{
    return system("parallel --version >/dev/null 2>&1") == 0;
}

static char *write_temp(const char *data, size_t len)
{
    char *path = strdup("/tmp/unboil-check-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    size_t off = 0;
    while (off < len) {
        ssize_t n = write(fd, data + off, len - off);
        ck_assert_int_gt(n, 0);
        off += (size_t)n;
    }
    close(fd);
    return path;
}

/* `parallel ... unboil ARGS` over `in`, against one `unboil ARGS`. */
static void parallel_same(const char *recend, const char *args, const char *in, size_t len)
{
    char *inpath = write_temp(in, len);
    char *outpath = write_temp("", 0);
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "parallel --will-cite -k -j2 --pipe --block 20k %s '%s %s' < %s > %s",
             recend, cli_path(), args, inpath, outpath);
    ck_assert_msg(system(cmd) == 0, "failed: %s", cmd);
    size_t got_len;
    char *got = read_file(outpath, &got_len);
    ck_assert_ptr_nonnull(got);
    const char *argv[8] = { NULL };
    char argbuf[256];
    snprintf(argbuf, sizeof argbuf, "%s", args);
    size_t n = 0;
    for (char *t = strtok(argbuf, " "); t && n < 7; t = strtok(NULL, " "))
        argv[n++] = t;
    cli_result one = run(argv, in, len);
    expect_exit(&one, 0);
    ck_assert_msg(got_len == one.out_len && memcmp(got, one.out, got_len) == 0,
                  "parallel %s differs from one process at line %zu", args,
                  first_diff_line(got, got_len, one.out, one.out_len));
    cli_result_free(&one);
    free(got);
    unlink(inpath);
    unlink(outpath);
    free(inpath);
    free(outpath);
}

START_TEST(test_parallel_matches_one_process)
{
    if (!have_parallel()) {
        fprintf(stderr, "check_jsonl: GNU parallel not found: skipping the parallel test "
                        "(apt-get install parallel)\n");
        return;
    }
    tbuf z = {0}, j = {0};
    for (unsigned d = 0; d < 400; d++) {
        tbuf doc = {0};
        tbuf_addf(&doc, "Home | News | Page %u\n\n", d % 7);
        for (unsigned p = 0; p < 1 + d % 5; p++) {
            prose(&doc, d * 10 + p);
            tbuf_add(&doc, "\n\n", 2);
        }
        tbuf_add(&doc, "Share this story\n", 17);
        tbuf_add(&z, doc.data, doc.len);
        tbuf_add(&z, "\0", 1);
        tbuf_addf(&j, "{\"id\":%u,\"text\":", d);
        json_escape(&j, doc.data, doc.len);
        tbuf_add(&j, "}\n", 2);
        tbuf_free(&doc);
    }
    parallel_same("--recend '\\0'", "-z", z.data, z.len);
    parallel_same("", "--jsonl", j.data, j.len);
    tbuf_free(&z);
    tbuf_free(&j);
}
END_TEST

/* A misspelled --field: every record is copied, and the run says so and
 * fails; one record with the field is enough for a good run. */
START_TEST(test_jsonl_field_in_no_record)
{
    static const char in[] = "{\"html\":\"<p>one</p>\"}\n{\"html\":\"<p>two</p>\"}\n";
    const char *argv[] = { "--jsonl", "--field=htm", NULL };
    cli_result r = run(argv, in, sizeof in - 1);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.out, in);
    ck_assert_msg(strstr(r.err, "unboil: no record had the field \"htm\" (2 JSON objects "
                                "read; see --field)\n"), "stderr: %s", r.err);
    cli_result_free(&r);
    static const char some[] = "{\"html\":\"<p>one</p>\"}\n{\"htm\":\"<p>two</p>\"}\n";
    r = run(argv, some, sizeof some - 1);
    expect_exit(&r, 0);
    cli_result_free(&r);
}
END_TEST

/* --stats counts the bytes read, whole lines and all, not the documents. */
START_TEST(test_jsonl_stats_count_input_bytes)
{
    tbuf in = {0};
    tbuf_add(&in, "{\"pad\":\"", 8);
    for (int i = 0; i < 30000; i++)
        tbuf_add(&in, "0123456789", 10);
    tbuf_add(&in, "\",\"text\":\"Short.\"}\n", 19);
    const char *argv[] = { "--jsonl", "--stats", NULL };
    cli_result r = run(argv, in.data, in.len);
    expect_exit(&r, 0);
    ck_assert_msg(strstr(r.err, "unboil: 1 document (0 skipped), 0.3 MB in, 0.3 MB out"),
                  "stderr: %s", r.err);
    cli_result_free(&r);
    tbuf_free(&in);
}
END_TEST


Suite *jsonl_suite(void)
{
    Suite *s = suite_create("jsonl");
    TCase *tc = tcase_create("jsonl");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_jsonl_record_is_the_document_cleaned);
    tcase_add_test(tc, test_jsonl_escapes_and_surrogate_pairs);
    tcase_add_test(tc, test_jsonl_huge_string);
    tcase_add_test(tc, test_jsonl_on_error_pass);
    tcase_add_test(tc, test_jsonl_on_error_drop);
    tcase_add_test(tc, test_jsonl_on_error_fail);
    tcase_add_test(tc, test_jsonl_refused_record_named_by_line);
    tcase_add_test(tc, test_jsonl_field_html);
    tcase_add_test(tc, test_jsonl_any_line_length);
    tcase_add_test(tc, test_jsonl_usage);
    tcase_add_test(tc, test_jsonl_field_in_no_record);
    tcase_add_test(tc, test_jsonl_stats_count_input_bytes);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("learn");
    tcase_set_timeout(tl, 300);
    tcase_add_test(tl, test_learn_drops_site_lines);
    tcase_add_test(tl, test_learn_many_distinct_lines);
    suite_add_tcase(s, tl);
    TCase *tp = tcase_create("parallel");
    tcase_set_timeout(tp, 300);
    tcase_add_test(tp, test_parallel_matches_one_process);
    suite_add_tcase(s, tp);
    return s;
}
