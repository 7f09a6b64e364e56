/* check_cli.c - the program's conventions: help, version, usage errors,
 * files, -o, write errors, binary input, closed pipes, empty input. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
                  "exit %d (signal %d), want %d; stderr: %s", r->status, r->signal,
                  status, r->err);
}

START_TEST(test_help_lists_every_option)
{
    const char *argv[] = { "--help", NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.err_len, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Usage: unboil"));
    /* --help and getopt's tables are made from one table (cli_opts.c), so
     * no option can be missing from it; its exact bytes are the cli-help
     * fixture.  Every option is on a line of its own, with its short form: */
    static const char *const shorts[] = { "-f, --format", "-e, --encoding",
        "-m, --markdown", "-c, --keep-comments", "-w, --window", "-z, --null-data",
        "-x, --explain", "-i, --invert", "-o, --output", "-h, --help",
        "-V, --version" };
    for (size_t i = 0; i < sizeof shorts / sizeof *shorts; i++)
        ck_assert_msg(strstr(r.out, shorts[i]) != NULL, "--help lacks %s", shorts[i]);
    cli_result_free(&r);
}
END_TEST

START_TEST(test_version)
{
    const char *argv[] = { "--version", NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    char want[100];
    snprintf(want, sizeof want, "unboil %s", PACKAGE_VERSION);
    ck_assert_msg(strncmp(r.out, want, strlen(want)) == 0, "got: %s", r.out);
    ck_assert_int_eq(r.out[r.out_len - 1], '\n');
    cli_result_free(&r);
    const char *argv2[] = { "-V", NULL };
    r = run(argv2, NULL, 0);
    expect_exit(&r, 0);
    cli_result_free(&r);
}
END_TEST

START_TEST(test_unknown_option)
{
    const char *argv[] = { "--no-such-option", NULL };
    cli_result r = run(argv, "x\n", 2);
    expect_exit(&r, 2);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_ptr_nonnull(strstr(r.err, "Usage: unboil"));
    ck_assert_ptr_nonnull(strstr(r.err, "--help"));
    cli_result_free(&r);
    const char *argv2[] = { "-Q", NULL };
    r = run(argv2, NULL, 0);
    expect_exit(&r, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "Usage: unboil"));
    cli_result_free(&r);
}
END_TEST

START_TEST(test_bad_values)
{
    static const char *const bad[][2] = {
        { "--window=1", "invalid window '1'" },
        { "--window=4097", "invalid window '4097'" },
        { "--window=abc", "invalid window 'abc'" },
        { "--window=", "invalid window ''" },
        { "--window=12x", "invalid window '12x'" },
        { "--lookahead=257M", "invalid look-ahead '257M'" },
        { "--lookahead=4G", "invalid look-ahead '4G'" },
        { "--lookahead=-1", "invalid look-ahead '-1'" },
        { "--lookahead=", "invalid look-ahead ''" },
        { "--lookahead=12KB", "invalid look-ahead '12KB'" },
        { "--format=xml", "invalid format 'xml'" },
        { "--encoding=no-such-charset", "unknown encoding 'no-such-charset'" },
        { "--explain=csv", "invalid --explain form 'csv'" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *argv[] = { bad[i][0], NULL };
        cli_result r = run(argv, "x\n", 2);
        expect_exit(&r, 2);
        ck_assert_uint_eq(r.out_len, 0);
        ck_assert_msg(strncmp(r.err, "unboil: ", 8) == 0 && strstr(r.err, bad[i][1]),
                      "%s: stderr %s", bad[i][0], r.err);
        cli_result_free(&r);
    }
    const char *const ok[][3] = { { "--window=2", "--format=text", NULL },
                                  { "--lookahead=0", "--lookahead=512K", NULL },
                                  { "--lookahead=256M", "--lookahead=65536", NULL } };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        cli_result r = run(ok[i], "", 0);
        expect_exit(&r, 0);
        cli_result_free(&r);
    }
}
END_TEST

/* --list-rules: one line per reason of the library's table, its reason
 * first; nothing is read. */
START_TEST(test_list_rules)
{
    const char *argv[] = { "--list-rules", NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    size_t lines = 0;
    const char *line = r.out;
    for (const ub_rule *rule; (rule = ub_rule_get(lines)) != NULL; lines++) {
        ck_assert_msg(line && strncmp(line, rule->reason, strlen(rule->reason)) == 0 &&
                      line[strlen(rule->reason)] == ' ', "line %zu: %s", lines + 1, line);
        ck_assert_ptr_nonnull(strstr(line, rule->description));
        line = strchr(line, '\n');
        line = line ? line + 1 : NULL;
    }
    ck_assert_msg(line && *line == 0, "more lines than rules: %s", line);
    cli_result_free(&r);
}
END_TEST

START_TEST(test_unreadable_file_then_next)
{
    char in[4096];
    snprintf(in, sizeof in, "%s", fixture_path("ukraine-talks.in"));
    size_t want_len;
    char *want = read_file(fixture_path("ukraine-talks.expected"), &want_len);
    ck_assert_ptr_nonnull(want);
    const char *argv[] = { "/nonexistent/unboil-test", in, NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.err, "unboil: /nonexistent/unboil-test: No such file or directory\n");
    ck_assert_uint_eq(r.out_len, want_len);
    ck_assert_mem_eq(r.out, want, want_len);
    cli_result_free(&r);
    /* a directory is unreadable too */
    const char *argv2[] = { "/", NULL };
    r = run(argv2, NULL, 0);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.err, "unboil: /: Is a directory\n");
    ck_assert_uint_eq(r.out_len, 0);
    cli_result_free(&r);
    free(want);
}
END_TEST

/* -v reports each input; --stats the totals; stdout is the same */
START_TEST(test_verbose_and_stats)
{
    char in[4096];
    snprintf(in, sizeof in, "%s", fixture_path("ukraine-talks.in"));
    size_t want_len;
    char *want = read_file(fixture_path("ukraine-talks.expected"), &want_len);
    ck_assert_ptr_nonnull(want);
    const char *argv[] = { "-v", "--stats", in, "-", NULL };
    static const char html[] = "<html><body><p>One short page.</p></body></html>";
    cli_result r = run(argv, html, sizeof html - 1);
    expect_exit(&r, 0);
    ck_assert_uint_ge(r.out_len, want_len);
    ck_assert_mem_eq(r.out, want, want_len);
    char line[8192];
    snprintf(line, sizeof line, "unboil: %s: 1 document (0 HTML, 0 skipped), 15 blocks, "
             "11 kept, 0 HTML parse problems recovered\n", in);
    ck_assert_msg(strncmp(r.err, line, strlen(line)) == 0, "stderr: %s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, "unboil: (standard input): 1 document (1 HTML, 0 skipped)"));
    ck_assert_ptr_nonnull(strstr(r.err, "\nunboil: 2 documents (0 skipped), "));
    ck_assert_ptr_nonnull(strstr(r.err, "% removed), "));
    cli_result_free(&r);
    free(want);
}
END_TEST

START_TEST(test_stdin_dash_and_output_file)
{
    size_t in_len, want_len;
    char *in = read_file(fixture_path("ukraine-talks.in"), &in_len);
    char *want = read_file(fixture_path("ukraine-talks.expected"), &want_len);
    char out[] = "/tmp/unboil-test-XXXXXX";
    int fd = mkstemp(out);
    ck_assert_int_ge(fd, 0);
    close(fd);
    const char *argv[] = { "-o", out, "-", NULL };
    cli_result r = run(argv, in, in_len);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_uint_eq(r.err_len, 0);
    size_t got_len;
    char *got = read_file(out, &got_len);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(got_len, want_len);
    ck_assert_mem_eq(got, want, want_len);
    unlink(out);
    free(got);
    cli_result_free(&r);
    /* -o into a directory that does not exist */
    const char *argv2[] = { "-o", "/nonexistent/dir/out.txt", NULL };
    r = run(argv2, in, in_len);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.err, "unboil: /nonexistent/dir/out.txt: No such file or directory\n");
    cli_result_free(&r);
    /* a path through a file */
    const char *argv3[] = { "-o", "/dev/null/out.txt", NULL };
    r = run(argv3, in, in_len);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.err, "unboil: /dev/null/out.txt: Not a directory\n");
    cli_result_free(&r);
    /* a file that exists in a directory where no temporary file can be
     * made (root too cannot create files in /proc): the message names the
     * file given and says what failed, not an error of the temporary file
     * as if it were the target's ("/proc/version: No such file ...") */
    if (access("/proc/version", F_OK) == 0) {
        const char *argv4[] = { "-o", "/proc/version", NULL };
        r = run(argv4, in, in_len);
        expect_exit(&r, 1);
        const char *want_msg = "unboil: /proc/version: cannot create a temporary file in /proc: ";
        ck_assert_msg(strncmp(r.err, want_msg, strlen(want_msg)) == 0 &&
                      strchr(r.err, '\n') == r.err + r.err_len - 1 &&
                      strstr(r.err, "unboil-") == NULL,
                      "stderr: %s", r.err);
        cli_result_free(&r);
    }
    free(in);
    free(want);
}
END_TEST

START_TEST(test_dev_full)
{
    if (access("/dev/full", W_OK) != 0)
        return;     /* not on this system */
    size_t in_len;
    char *in = read_file(fixture_path("ukraine-talks.in"), &in_len);
    cli_opts o = { .stdout_path = "/dev/full" };
    cli_result r;
    cli_run(NULL, in, in_len, &o, &r);
    expect_exit(&r, 1);
    ck_assert_str_eq(r.err, "unboil: write error on standard output: "
                            "No space left on device\n");
    cli_result_free(&r);
    free(in);
}
END_TEST

/* --help, --version and --list-rules fail on a full disk as a run does:
 * the message, and status 1. */
START_TEST(test_informational_dev_full)
{
    if (access("/dev/full", W_OK) != 0)
        return;     /* not on this system */
    static const char *const opts[] = { "--help", "--version", "--list-rules" };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
        const char *argv[] = { opts[i], NULL };
        cli_opts o = { .stdout_path = "/dev/full" };
        cli_result r;
        cli_run(argv, NULL, 0, &o, &r);
        expect_exit(&r, 1);
        ck_assert_msg(strcmp(r.err, "unboil: write error on standard output: "
                                    "No space left on device\n") == 0,
                      "%s: stderr: %s", opts[i], r.err);
        cli_result_free(&r);
    }
}
END_TEST

/* getopt's messages name the program as ours do, whatever path ran it. */
START_TEST(test_getopt_names_program)
{
    static const char *const bad[][2] = {
        { "--no-such-option", "unboil: unrecognized option '--no-such-option'\n" },
        { "-Q", "unboil: invalid option -- 'Q'\n" },
        { "--window", "unboil: option '--window' requires an argument\n" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *argv[] = { bad[i][0], NULL };
        cli_opts o = { .argv0 = "/usr/local/bin/unboil-1.0" };
        cli_result r;
        cli_run(argv, "", 0, &o, &r);
        expect_exit(&r, 2);
        ck_assert_msg(strncmp(r.err, bad[i][1], strlen(bad[i][1])) == 0, "stderr: %s", r.err);
        ck_assert_msg(strstr(r.err, "\nUsage: unboil [OPTION]... [FILE]...\n"
                                    "Try 'unboil --help' for more information.\n"),
                      "stderr: %s", r.err);
        cli_result_free(&r);
    }
}
END_TEST

/* -xFORM is --explain=FORM, as getopt has an optional argument; a FORM
 * after a space is a FILE. */
START_TEST(test_explain_attached_form)
{
    static const char page[] = "<p>The council met on Tuesday and decided that the library "
                               "would stay open.</p>\n";
    static const char *const forms[][2] = { { "-xhtml", "--explain=html" },
                                            { "-xtsv", "--explain=tsv" },
                                            { "-xline", "--explain=line" } };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        const char *a1[] = { forms[i][0], NULL }, *a2[] = { forms[i][1], NULL };
        cli_result r1 = run(a1, page, sizeof page - 1), r2 = run(a2, page, sizeof page - 1);
        expect_exit(&r1, 0);
        expect_exit(&r2, 0);
        ck_assert_msg(r1.out_len == r2.out_len && memcmp(r1.out, r2.out, r1.out_len) == 0,
                      "%s: %s", forms[i][0], r1.out);
        cli_result_free(&r1);
        cli_result_free(&r2);
    }
    const char *bad[] = { "-xpdf", NULL };
    cli_result r = run(bad, page, sizeof page - 1);
    expect_exit(&r, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "invalid --explain form 'pdf'"));
    cli_result_free(&r);
    const char *sep[] = { "-x", "html", NULL };   /* html is a file here */
    r = run(sep, NULL, 0);
    expect_exit(&r, 1);
    ck_assert_ptr_nonnull(strstr(r.err, "unboil: html: No such file or directory"));
    cli_result_free(&r);
}
END_TEST

START_TEST(test_gzip_input)
{
    static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x4a"
                             "\x06\x00\xc2\x41\x24\x35\x03\x00\x00\x00";
    cli_result r = run(NULL, gz, sizeof gz - 1);
    expect_exit(&r, 1);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_str_eq(r.err, "unboil: (standard input): input looks like gzip data; "
                            "decompress it first (curl --compressed, zcat)\n");
    cli_result_free(&r);
}
END_TEST

/* Binary input is refused with a message and status 1: random bytes, a
 * compressed body after curl -i's headers, a compressed stream cut by -z
 * at its NULs (only the NULs come out). */
START_TEST(test_binary_input_refused)
{
    unsigned seed = 99;
    char rnd[200];
    for (size_t i = 0; i < sizeof rnd; i++)
        rnd[i] = (char)(tu_rand(&seed) >> 3);
    cli_result r = run(NULL, rnd, sizeof rnd);
    expect_exit(&r, 1);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_str_eq(r.err, "unboil: (standard input): input looks like binary data; "
                            "unboil reads HTML or text\n");
    cli_result_free(&r);

    static const char curl[] =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x4a\x06\x00\xc2\x41\x24\x35"
        "\x03\x00\x00\x00";
    r = run(NULL, curl, sizeof curl - 1);
    expect_exit(&r, 1);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_ptr_nonnull(strstr(r.err, "input looks like gzip data"));
    cli_result_free(&r);

    /* random bytes with a NUL now and then, gzip's magic first */
    char z[4000];
    memcpy(z, "\x1f\x8b\x08\x00", 4);
    for (size_t i = 4; i < sizeof z; i++)
        z[i] = (char)(tu_rand(&seed) >> 7);
    const char *argv[] = { "-z", NULL };
    r = run(argv, z, sizeof z);
    expect_exit(&r, 1);
    size_t nuls = 0;
    for (size_t i = 0; i < sizeof z; i++)
        nuls += z[i] == 0;
    ck_assert_uint_eq(r.out_len, nuls);
    for (size_t i = 0; i < r.out_len; i++)
        ck_assert_msg(r.out[i] == 0, "byte %zu of the output is not a NUL", i);
    cli_result_free(&r);
}
END_TEST

/* Generated article text, `paras` paragraphs that are all kept. */
static char *big_article(size_t paras, size_t *len)
{
    tbuf b = {0};
    for (size_t i = 0; i < paras; i++)
        tbuf_addf(&b, "Paragraph %zu of the report said that the council and the "
                      "residents of the town would meet again in the spring, and that "
                      "the library on the hill would stay open until a decision was "
                      "made about the money for the new school and for the roads.\n\n",
                  i);
    *len = b.len;
    return b.data;
}

/* unboil big | head -c 100: the reader goes away, unboil ends without a
 * word on stderr. */
START_TEST(test_closed_pipe_quiet)
{
    size_t len;
    char *in = big_article(40000, &len);     /* about 10 MB */
    cli_opts o = { .stdout_limit = 100 };
    cli_result r;
    cli_run(NULL, in, len, &o, &r);
    ck_assert_msg(r.err_len == 0, "stderr: %s", r.err);
    ck_assert_msg(r.signal == SIGPIPE || (r.exited && r.status != 0),
                  "exit %d signal %d", r.status, r.signal);
    cli_result_free(&r);
    free(in);
}
END_TEST

START_TEST(test_empty_input)
{
    cli_result r = run(NULL, "", 0);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_uint_eq(r.err_len, 0);
    cli_result_free(&r);
    const char *argv[] = { "-z", NULL };
    r = run(argv, "", 0);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, 0);
    cli_result_free(&r);
    r = run(argv, "\0\0", 2);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, 2);
    ck_assert_mem_eq(r.out, "\0\0", 2);
    cli_result_free(&r);
    /* --json: the input is one document, an empty one: one JSON object
     * with no text, as a file among several gets; a BOM alone is empty
     * input too */
    const char *json[] = { "--json", NULL };
    r = run(json, "", 0);
    expect_exit(&r, 0);
    ck_assert_str_eq(r.out, "{\"text\":\"\"}\n");
    cli_result_free(&r);
    r = run(json, "\xEF\xBB\xBF", 3);
    expect_exit(&r, 0);
    ck_assert_str_eq(r.out, "{\"text\":\"\"}\n");
    cli_result_free(&r);
}
END_TEST

/* A temporary file holding `text`; its name in `path` (size 64). */
static void temp_with(char *path, const char *text)
{
    snprintf(path, 64, "/tmp/unboil-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    size_t n = strlen(text);
    ck_assert_int_eq(write(fd, text, n), (ssize_t)n);
    close(fd);
}

static void expect_file(const char *path, const char *text)
{
    size_t len;
    char *got = read_file(path, &len);
    ck_assert_msg(got != NULL, "%s is gone", path);
    ck_assert_uint_eq(len, strlen(text));
    ck_assert_mem_eq(got, text, len);
    free(got);
}

/* Several files make several documents, in order, on one output, with a
 * blank line between their articles. */
START_TEST(test_several_files)
{
    char in[4096];
    snprintf(in, sizeof in, "%s", fixture_path("ukraine-talks.in"));
    size_t want_len;
    char *want = read_file(fixture_path("ukraine-talks.expected"), &want_len);
    ck_assert_int_eq(want[want_len - 1], '\n');
    const char *argv[] = { in, in, NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    ck_assert_uint_eq(r.out_len, 2 * want_len + 1);
    ck_assert_mem_eq(r.out, want, want_len);
    ck_assert_int_eq(r.out[want_len], '\n');
    ck_assert_mem_eq(r.out + want_len + 1, want, want_len);
    cli_result_free(&r);
    free(want);
}
END_TEST

/* With -z, a NUL after each file's last document, whether the file ended
 * with one or not; without -z, an article not ending in a newline gets one
 * before the blank line; a file with no article adds nothing. */
START_TEST(test_several_files_separated)
{
    char a[64], b[64], e[64];
    temp_with(a, "The first article is this one line, which is long enough.\n");
    temp_with(b, "The second article is one line as well, with no newline at its end");
    temp_with(e, "");
    const char *argv[] = { "-z", a, b, e, a, NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    static const char want_z[] =
        "The first article is this one line, which is long enough.\n\0"
        "The second article is one line as well, with no newline at its end\0"
        "The first article is this one line, which is long enough.\n\0";
    ck_assert_uint_eq(r.out_len, sizeof want_z - 1);
    ck_assert_mem_eq(r.out, want_z, sizeof want_z - 1);
    cli_result_free(&r);
    const char *argv2[] = { a, b, e, a, NULL };
    r = run(argv2, NULL, 0);
    expect_exit(&r, 0);
    ck_assert_str_eq(r.out, "The first article is this one line, which is long enough.\n\n"
                     "The second article is one line as well, with no newline at its end\n\n"
                     "The first article is this one line, which is long enough.\n");
    cli_result_free(&r);
    /* --json: one line for each file, the empty one too */
    const char *argv4[] = { "--json", a, e, b, NULL };
    r = run(argv4, NULL, 0);
    expect_exit(&r, 0);
    ck_assert_str_eq(r.out, "{\"text\":\"The first article is this one line, which is long "
                     "enough.\\n\"}\n{\"text\":\"\"}\n"
                     "{\"text\":\"The second article is one line as well, with no newline "
                     "at its end\"}\n");
    cli_result_free(&r);
    /* --explain=tsv: one table, its header once, no blank line or NUL
     * between the files' rows; the empty file is document 2 (with -z it
     * holds none) */
    for (int z = 0; z < 2; z++) {
        const char *argv5[] = { "--explain=tsv", a, e, b, z ? "-z" : NULL, NULL };
        r = run(argv5, NULL, 0);
        expect_exit(&r, 0);
        ck_assert_ptr_null(memchr(r.out, '\0', r.out_len));
        ck_assert_ptr_null(strstr(r.out, "\n\n"));
        ck_assert_msg(strncmp(r.out, "document\tn\t", 11) == 0, "%s", r.out);
        const char *second = strchr(r.out, '\n') + 1, *third = strchr(second, '\n') + 1;
        ck_assert_msg(strncmp(second, "1\t1\t", 4) == 0, "%s", second);
        ck_assert_msg(strncmp(third, z ? "2\t1\t" : "3\t1\t", 4) == 0, "%s", third);
        ck_assert_ptr_null(strstr(third, "\ndocument\t"));
        cli_result_free(&r);
    }
    /* --json --explain: the explanation is the record's text, one line per
     * document (README, unboil.1); in the TSV form the first record with
     * rows holds the header, the others their rows alone */
    const char *argv7[] = { "--json", "--explain=tsv", e, a, b, NULL };
    r = run(argv7, NULL, 0);
    expect_exit(&r, 0);
    static const char start7[] = "{\"text\":\"\"}\n{\"text\":\"document\\tn\\t";
    ck_assert_msg(strncmp(r.out, start7, sizeof start7 - 1) == 0, "%s", r.out);
    const char *rec3 = strchr(strchr(r.out, '\n') + 1, '\n') + 1;
    ck_assert_msg(strncmp(rec3, "{\"text\":\"3\\t1\\t", 15) == 0, "%s", rec3);
    ck_assert_ptr_nonnull(strchr(rec3, '\n'));
    ck_assert_str_eq(strchr(rec3, '\n'), "\n");
    cli_result_free(&r);
    const char *argv8[] = { "--json", "-x", a, NULL };
    r = run(argv8, NULL, 0);
    expect_exit(&r, 0);
    static const char end8[] = "| The first article is this one line, which is long "
                               "enough.\\n\"}\n";
    ck_assert_msg(strncmp(r.out, "{\"text\":\"KEEP ", 14) == 0 ||
                  strncmp(r.out, "{\"text\":\"DROP ", 14) == 0, "%s", r.out);
    ck_assert_msg(r.out_len > sizeof end8 &&
                  strcmp(r.out + r.out_len - (sizeof end8 - 1), end8) == 0 &&
                  strchr(r.out, '\n') == r.out + r.out_len - 1, "%s", r.out);
    cli_result_free(&r);
    /* a message numbers the documents of its input, not of the run
     * (review: the binary file, the only document of its own, was
     * "document 3") */
    char bin[64];
    temp_with(bin, "\x01\x02\x03 binary \x04\x05\x06\x07\x08\x0e\x0f\x10\x11");
    const char *argv6[] = { a, e, bin, NULL };
    r = run(argv6, NULL, 0);
    expect_exit(&r, 1);
    ck_assert_msg(strstr(r.err, bin) != NULL && strstr(r.err, "document") == NULL,
                  "stderr: %s", r.err);
    cli_result_free(&r);
    unlink(bin);
    /* a file that ends with its NUL gets no second one */
    char z[64];
    temp_with(z, "One article that a NUL ends, long enough to be kept as it is.\n");
    FILE *f = fopen(z, "a");
    ck_assert_ptr_nonnull(f);
    fputc(0, f);
    fclose(f);
    const char *argv3[] = { "-z", z, z, NULL };
    r = run(argv3, NULL, 0);
    expect_exit(&r, 0);
    static const char want3[] =
        "One article that a NUL ends, long enough to be kept as it is.\n\0"
        "One article that a NUL ends, long enough to be kept as it is.\n\0";
    ck_assert_uint_eq(r.out_len, sizeof want3 - 1);
    ck_assert_mem_eq(r.out, want3, sizeof want3 - 1);
    cli_result_free(&r);
    unlink(a);
    unlink(b);
    unlink(e);
    unlink(z);
}
END_TEST

/* -o onto its own input is refused before anything is written; a run that
 * fails leaves the old output as it was; a good one replaces it. */
START_TEST(test_output_is_replaced_only_on_success)
{
    static const char page[] = "<html><body><p>The council met on Tuesday and decided "
                               "that the library would stay open.</p></body></html>\n";
    char path[64], other[64];
    temp_with(path, page);
    const char *argv[] = { "-o", path, path, NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 2);
    ck_assert_msg(strstr(r.err, "the output is also an input"), "stderr: %s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, "Try 'unboil --help'"));
    cli_result_free(&r);
    expect_file(path, page);

    /* the same file under another name */
    char alias[80];
    snprintf(alias, sizeof alias, "%s.link", path);
    ck_assert_int_eq(link(path, alias), 0);
    const char *argv2[] = { "-o", alias, "--format=html", path, NULL };
    r = run(argv2, NULL, 0);
    expect_exit(&r, 2);
    cli_result_free(&r);
    expect_file(path, page);
    unlink(alias);

    /* a failed run: the old output stays, and no temporary file is left */
    temp_with(other, "old output\n");
    const char *argv3[] = { "-o", other, "/nonexistent/unboil-test", NULL };
    r = run(argv3, NULL, 0);
    expect_exit(&r, 1);
    cli_result_free(&r);
    expect_file(other, "old output\n");

    /* a good run replaces it */
    const char *argv4[] = { "-o", other, path, NULL };
    r = run(argv4, NULL, 0);
    expect_exit(&r, 0);
    cli_result_free(&r);
    expect_file(other, "The council met on Tuesday and decided that the library would "
                       "stay open.\n");
    unlink(path);
    unlink(other);
}
END_TEST

/* -o through a symbolic link: a link to a name of a descriptor (as
 * /dev/stdout is) writes to that descriptor, here standard output
 * redirected to a file; a link to a file replaces the file, not the link;
 * a device is written to. */
START_TEST(test_output_through_links)
{
    static const char page[] = "<p>The council met on Tuesday and decided that the library "
                               "would stay open.</p>\n";
    static const char want[] = "The council met on Tuesday and decided that the library "
                               "would stay open.\n";
    char dir[] = "/tmp/unboil-test-dir-XXXXXX", so[128], captured[128], file[128], link[128];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(so, sizeof so, "%s/stdout", dir);
    snprintf(captured, sizeof captured, "%s/captured", dir);
    snprintf(file, sizeof file, "%s/file", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    ck_assert_int_eq(symlink("/proc/self/fd/1", so), 0);
    cli_opts o = { .stdout_path = captured };
    const char *argv[] = { "-o", so, NULL };
    cli_result r;
    cli_run(argv, page, sizeof page - 1, &o, &r);
    expect_exit(&r, 0);
    cli_result_free(&r);
    expect_file(captured, want);
    struct stat st;
    ck_assert_msg(lstat(so, &st) == 0 && S_ISLNK(st.st_mode), "the link was replaced");

    ck_assert_int_eq(symlink("file", link), 0);     /* relative, and dangling */
    const char *argv2[] = { "-o", link, NULL };
    r = run(argv2, page, sizeof page - 1);
    expect_exit(&r, 0);
    cli_result_free(&r);
    expect_file(file, want);
    ck_assert_msg(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "the link was replaced");
    r = run(argv2, page, sizeof page - 1);     /* now to a file that is there */
    expect_exit(&r, 0);
    cli_result_free(&r);
    expect_file(file, want);
    ck_assert_msg(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "the link was replaced");

    const char *argv3[] = { "-o", "/dev/null", NULL };
    r = run(argv3, page, sizeof page - 1);
    expect_exit(&r, 0);
    cli_result_free(&r);
    ck_assert(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));

    unlink(so);
    unlink(captured);
    unlink(file);
    unlink(link);
    DIR *d = opendir(dir);      /* nothing else was left: no temporary file */
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        ck_assert_msg(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0,
                      "left: %s", e->d_name);
    closedir(d);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* -o - is standard output, as - among the FILEs is standard input; an
 * empty name is a usage error. */
START_TEST(test_output_dash_and_empty)
{
    char dir[] = "/tmp/unboil-test-dir-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char old[PATH_MAX];
    ck_assert_ptr_nonnull(getcwd(old, sizeof old));
    ck_assert_int_eq(chdir(dir), 0);    /* where a file named "-" would go */
    static const char page[] = "<p>The council met on Tuesday and decided that the library "
                               "would stay open.</p>\n";
    const char *argv[] = { "-o", "-", NULL };
    cli_result r = run(argv, page, sizeof page - 1);
    int left = access("-", F_OK) == 0;
    unlink("-");
    ck_assert_int_eq(chdir(old), 0);
    rmdir(dir);
    expect_exit(&r, 0);
    ck_assert_msg(!left, "a file named - was written");
    ck_assert_str_eq(r.out, "The council met on Tuesday and decided that the library "
                            "would stay open.\n");
    cli_result_free(&r);
    const char *argv2[] = { "-o", "", NULL };
    r = run(argv2, "x\n", 2);
    expect_exit(&r, 2);
    ck_assert_str_eq(r.err, "unboil: invalid output file '' (a file name, or - for standard "
                            "output)\nTry 'unboil --help' for more information.\n");
    cli_result_free(&r);
}
END_TEST

/* Makes the directory dir (a mkdtemp template) and names out.txt in it. */
static void out_in_temp_dir(char *dir, char *out, size_t size)
{
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(out, size, "%s/out.txt", dir);
}

/* The temporary file goes in the target's directory and is gone after. */
START_TEST(test_output_leaves_no_temporary_file)
{
    char dir[] = "/tmp/unboil-test-dir-XXXXXX", out[128];
    out_in_temp_dir(dir, out, sizeof out);
    const char *argv[] = { "-o", out, "/nonexistent/unboil-test", NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 1);
    cli_result_free(&r);
    ck_assert_int_ne(access(out, F_OK), 0);     /* not created by a failed run */
    const char *argv2[] = { "-o", out, "-", NULL };
    r = run(argv2, "A line of text that is the whole article here.\n", 47);
    expect_exit(&r, 0);
    cli_result_free(&r);
    ck_assert_int_eq(access(out, F_OK), 0);
    unlink(out);
    ck_assert_int_eq(rmdir(dir), 0);            /* empty: no temporary file left */
}
END_TEST

/* The temporary file of -o in dir, or NULL: ".out.txt.unboil-XXXXXX". */
static char *temp_in(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    char *found = NULL;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strncmp(e->d_name, ".out.txt.unboil-", 16) == 0)
            found = strdup(e->d_name);
    closedir(d);
    return found;
}

/* Waits (up to 10 s) until the run has made its temporary file in dir. */
static void wait_for_temp(const char *dir)
{
    char *tmp = NULL;
    for (int tries = 0; !tmp && tries < 1000; tries++) {
        tmp = temp_in(dir);
        if (!tmp)
            nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);
    }
    ck_assert_msg(tmp != NULL, "no temporary file appeared");
    free(tmp);
}

/* Killed while it waits for input, the run leaves no temporary file, and
 * ends as the signal ends a program (what a shell reports), with the
 * target untouched. */
START_TEST(test_output_temporary_file_removed_on_signal)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        char dir[] = "/tmp/unboil-test-dir-XXXXXX", out[128];
        out_in_temp_dir(dir, out, sizeof out);
        FILE *f = fopen(out, "w");
        ck_assert_ptr_nonnull(f);
        fputs("kept\n", f);
        ck_assert_int_eq(fclose(f), 0);
        const char *argv[] = { "-o", out, NULL };
        int in, rd;
        pid_t pid = cli_spawn(argv, &in, &rd);
        wait_for_temp(dir);
        const char *para = "A paragraph that is read before the signal comes.\n";
        ck_assert_int_eq(write(in, para, strlen(para)), (ssize_t)strlen(para));
        ck_assert_int_eq(kill(pid, sigs[i]), 0);
        ck_assert_int_eq(cli_wait_signal(pid), sigs[i]);
        close(in);
        close(rd);
        char *tmp = temp_in(dir);
        ck_assert_msg(tmp == NULL, "signal %d left %s", sigs[i], tmp);
        expect_file(out, "kept\n");
        unlink(out);
        ck_assert_int_eq(rmdir(dir), 0);
    }
}
END_TEST

/* Started under nohup (SIGHUP ignored), the run keeps it ignored: a hang-up
 * neither ends it nor costs its output. */
START_TEST(test_output_ignored_signal_stays_ignored)
{
    char dir[] = "/tmp/unboil-test-dir-XXXXXX", out[128];
    out_in_temp_dir(dir, out, sizeof out);
    const char *argv[] = { "-o", out, NULL };
    int in, rd;
    pid_t pid = cli_spawn_ignoring(argv, &in, &rd, SIGHUP);
    wait_for_temp(dir);
    ck_assert_int_eq(kill(pid, SIGHUP), 0);
    const char *para = "The council met on Tuesday and decided that the library would "
                       "stay open.\n";
    ck_assert_int_eq(write(in, para, strlen(para)), (ssize_t)strlen(para));
    close(in);
    ck_assert_int_eq(cli_wait(pid), 0);
    close(rd);
    expect_file(out, para);
    char *tmp = temp_in(dir);
    ck_assert_msg(tmp == NULL, "left %s", tmp);
    unlink(out);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* Options that need or exclude another; the pointer to --help after every
 * usage error; --version's copyright and licence. */
START_TEST(test_usage_conventions)
{
    static const char *const bad[][3] = {
        { "-x", "-i", "--explain and --invert do not go together" },
        { "-i", "--explain", "--explain and --invert do not go together" },
        { "--learn-min-docs=3", "-", "--learn-min-docs goes with --learn" },
        { "--field=html", "-", "--field goes with --jsonl" },
        { "--on-error=drop", "-", "--on-error goes with --jsonl" },
        { "--links", "-", "--links goes with --markdown" },
        { "--images", "--json", "--images goes with --markdown" },
        { "--window=1", "-", "invalid window '1'" },
        { "--lang=xx", "-", "unknown language 'xx'" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *argv[] = { bad[i][0], bad[i][1], NULL };
        cli_result r = run(argv, "x\n", 2);
        expect_exit(&r, 2);
        ck_assert_uint_eq(r.out_len, 0);
        ck_assert_msg(strstr(r.err, bad[i][2]) != NULL, "%s: stderr %s", bad[i][0], r.err);
        ck_assert_msg(strstr(r.err, "\nTry 'unboil --help' for more information.\n"),
                      "%s: stderr %s", bad[i][0], r.err);
        cli_result_free(&r);
    }
    const char *ok[] = { "-x", "-x", "--learn", "--learn-min-docs=2", NULL };
    cli_result r = run(ok, "", 0);
    expect_exit(&r, 0);
    cli_result_free(&r);
    const char *ok_md[] = { "--images", "--links", "--to=markdown", NULL };
    r = run(ok_md, "", 0);
    expect_exit(&r, 0);
    cli_result_free(&r);
    const char *ver[] = { "--version", NULL };
    r = run(ver, NULL, 0);
    expect_exit(&r, 0);
    ck_assert_msg(strstr(r.out, "\nCopyright (c) 2026 the unboil authors.\n") &&
                  strstr(r.out, "\nLicense: MIT"), "got: %s", r.out);
    cli_result_free(&r);
}
END_TEST

/* A slow writer: what is decided comes out while the input waits, before
 * the writer closes it (the paragraphs are read back before the close),
 * when no look-ahead holds the document back. */
START_TEST(test_output_flows_while_input_waits)
{
    static const char *const modes[][4] = {
        { "--lookahead=0", "-w", "2", NULL }, { "--lookahead=0", "--line-buffered", "-w", "2" },
    };
    for (size_t m = 0; m < 2; m++) {
        const char *argv[] = { modes[m][0], modes[m][1], modes[m][2], modes[m][3], NULL };
        int in, out;
        pid_t pid = cli_spawn(argv, &in, &out);
        tbuf para = {0};
        for (int i = 1; i <= 60; i++)
            tbuf_addf(&para, "Para %d: The committee met on Tuesday to discuss the new "
                             "budget, and after a long debate it decided.\n\n", i);
        ck_assert_int_eq(write(in, para.data, para.len), (ssize_t)para.len);
        tbuf got = {0};
        ck_assert_msg(read_until(out, "Para 50:", &got), "got: %s", got.data);
        close(in);
        tbuf rest = {0};
        read_until(out, "no such text", &rest);
        close(out);
        ck_assert_int_eq(cli_wait(pid), 0);
        tbuf_free(&para);
        tbuf_free(&got);
        tbuf_free(&rest);
    }
}
END_TEST

/* Arguments of the call or prototype whose '(' is at p: top-level commas
 * plus one, none for "()" or "(void)". */
static int count_args(const char *p)
{
    int depth = 0, commas = 0, empty = 1;
    for (p++; *p && !(depth == 0 && *p == ')'); p++) {
        depth += (*p == '(') - (*p == ')');
        commas += depth == 0 && *p == ',';
        if (*p != ' ' && *p != '\n')
            empty = 0;
    }
    return empty ? 0 : commas + 1;
}

/* The library's documents: every ub_* function of unboil.h has its entry in
 * libunboil(3), and the usage sketch at the top of unboil.h calls each
 * function with as many arguments as it takes. */
/* The options of a man page heading (the line after .TP) or a --help line:
 * "--name" as "name" and "-x" as "x", each followed by a space, into out. */
static void options_of(const char *line, size_t n, tbuf *out)
{
    char plain[512];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof plain; i++)
        if (line[i] == '\\' && i + 2 < n && line[i + 1] == 'f')
            i += 2;                     /* a font: \fR, \fP */
        else if (!(line[i] == '\\' && i + 1 < n && line[i + 1] == '-'))
            plain[k++] = line[i];       /* roff's \- is a - */
    plain[k] = 0;
    for (char *p = plain; (p = strchr(p, '-')) != NULL;) {
        if (p > plain && p[-1] != ' ' && p[-1] != '"') {
            p++;
            continue;       /* a hyphen within a word */
        }
        char *name = p + (p[1] == '-' ? 2 : 1);
        size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
        if (p[1] != '-' && len > 1)
            len = 1;                    /* -f and --format */
        if (len > 0) {
            tbuf_add(out, name, len);
            tbuf_add(out, " ", 1);
        }
        p = name + len;
    }
}

/* Whether every word of a ("w1 w2 ... ") is one of b's. */
static int same_words(const char *a, const char *b)
{
    for (const char *w = a; *w; w += strcspn(w, " ") + 1) {
        char word[64];
        snprintf(word, sizeof word, "%.*s ", (int)strcspn(w, " "), w);
        const char *f = b;
        while ((f = strstr(f, word)) != NULL && f > b && f[-1] != ' ')
            f++;
        if (!f)
            return 0;
    }
    return 1;
}

/* --help and unboil.1's OPTIONS list the same options, each with the same
 * short form: --help comes from the option table, the man page is written
 * by hand. */
START_TEST(test_help_matches_man_page)
{
    const char *argv[] = { "--help", NULL };
    cli_result r = run(argv, NULL, 0);
    expect_exit(&r, 0);
    tbuf help = {0};
    for (const char *l = r.out; *l; l = strchr(l, '\n') + 1) {
        size_t n = strcspn(l, "\n");
        if (strncmp(l, "  -", 3) == 0 || strncmp(l, "      --", 8) == 0) {
            /* "  -f, --format=FORMAT  input ...": the options before the
             * argument's name, or before the description */
            const char *d = strstr(l + 6, "  ");
            size_t head = d && (size_t)(d - l) < n ? (size_t)(d - l) : n;
            size_t arg = strcspn(l, "=[");
            options_of(l, arg < head ? arg : head, &help);
        }
        if (!l[n])
            break;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/../../man/unboil.1", fixtures_dir());
    char *man = read_file(path, NULL);
    ck_assert_msg(man != NULL, "cannot read %s", path);
    char *sec = strstr(man, "\n.SH OPTIONS\n"), *end = sec ? strstr(sec + 1, "\n.SH ") : NULL;
    ck_assert(sec && end);
    tbuf page = {0};
    for (char *p = sec; (p = strstr(p, "\n.TP\n")) != NULL && p < end; p += 5) {
        char *l = p + 5;
        if (strstr(l, "\\-") && strstr(l, "\\-") < strchr(l, '\n'))
            options_of(l, strcspn(l, "\n"), &page);
    }
    ck_assert_msg(help.len > 100, "--help: %s", help.data);
    /* the same options, in any order (the man page groups them) */
    ck_assert_msg(help.len == page.len && same_words(help.data, page.data) &&
                  same_words(page.data, help.data),
                  "--help has: %s\nunboil.1 has: %s", help.data, page.data);
    tbuf_free(&help);
    tbuf_free(&page);
    free(man);
    cli_result_free(&r);
}
END_TEST

START_TEST(test_library_docs)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/../../src/lib/unboil.h", fixtures_dir());
    char *h = read_file(path, NULL);
    ck_assert_msg(h != NULL, "cannot read %s", path);
    snprintf(path, sizeof path, "%s/../../man/libunboil.3", fixtures_dir());
    char *man = read_file(path, NULL);
    ck_assert_msg(man != NULL, "cannot read %s", path);
    char *sketch_end = strstr(h, "*/");
    ck_assert_ptr_nonnull(sketch_end);
    size_t functions = 0, calls = 0;
    /* prototypes: "ub_name(" after a type, at the start of a line or after
     * "*" or " ", outside comments and typedefs */
    for (char *p = sketch_end; (p = strstr(p, "ub_")) != NULL; p++) {
        size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyz_");
        if (p[k] != '(' || (p[-1] != ' ' && p[-1] != '*'))
            continue;
        char *line = p;
        while (line > h && line[-1] != '\n')
            line--;
        if (strncmp(line, "typedef", 7) == 0 || strncmp(line, " *", 2) == 0 ||
            strncmp(line, "/*", 2) == 0)
            continue;
        char name[64];
        ck_assert_uint_lt(k, sizeof name - 1);
        memcpy(name, p, k);
        name[k] = 0;
        functions++;
        char entry[80];
        snprintf(entry, sizeof entry, "%s(", name);
        ck_assert_msg(strstr(man, entry) != NULL, "libunboil.3 has no synopsis of %s", name);
        snprintf(entry, sizeof entry, ".B %s\n", name);
        char entry2[80];
        snprintf(entry2, sizeof entry2, ".BR %s ", name);
        ck_assert_msg(strstr(man, entry) || strstr(man, entry2),
                      "libunboil.3 does not describe %s", name);
        int want = count_args(p + k);
        for (char *q = h; q < sketch_end && (q = strstr(q, name)) != NULL; q++) {
            if (q[k] != '(' || q >= sketch_end)
                continue;
            calls++;
            ck_assert_msg(count_args(q + k) == want, "the sketch in unboil.h calls %s with "
                          "%d arguments; it takes %d", name, count_args(q + k), want);
        }
    }
    ck_assert_uint_ge(functions, 8);
    ck_assert_uint_ge(calls, 5);
    free(h);
    free(man);
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);   /* the program may run under valgrind */
    tcase_add_test(tc, test_help_lists_every_option);
    tcase_add_test(tc, test_library_docs);
    tcase_add_test(tc, test_help_matches_man_page);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_unknown_option);
    tcase_add_test(tc, test_bad_values);
    tcase_add_test(tc, test_list_rules);
    tcase_add_test(tc, test_unreadable_file_then_next);
    tcase_add_test(tc, test_stdin_dash_and_output_file);
    tcase_add_test(tc, test_verbose_and_stats);
    tcase_add_test(tc, test_dev_full);
    tcase_add_test(tc, test_informational_dev_full);
    tcase_add_test(tc, test_getopt_names_program);
    tcase_add_test(tc, test_explain_attached_form);
    tcase_add_test(tc, test_output_through_links);
    tcase_add_test(tc, test_output_dash_and_empty);
    tcase_add_test(tc, test_gzip_input);
    tcase_add_test(tc, test_binary_input_refused);
    tcase_add_test(tc, test_closed_pipe_quiet);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_several_files);
    tcase_add_test(tc, test_several_files_separated);
    tcase_add_test(tc, test_output_is_replaced_only_on_success);
    tcase_add_test(tc, test_output_leaves_no_temporary_file);
    tcase_add_test(tc, test_output_temporary_file_removed_on_signal);
    tcase_add_test(tc, test_output_ignored_signal_stays_ignored);
    tcase_add_test(tc, test_usage_conventions);
    tcase_add_test(tc, test_output_flows_while_input_waits);
    suite_add_tcase(s, tc);
    return s;
}
