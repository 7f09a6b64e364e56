/* check_fixtures.c - the real program on tests/fixtures/NAME.in, with the
 * arguments in NAME.args (one per line) if that file exists, compared byte
 * for byte with NAME.expected.  Adding a fixture is dropping files: the
 * directory is listed when the suite is built, one test per fixture. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "unboil.h"
#include "testutil.h"

#define MAX_FIXTURES 512
#define MAX_ARGS 32

static char *names[MAX_FIXTURES];
static int nnames;

/* NAME of every NAME.in, sorted so test numbers are stable. */
static void list_fixtures(void)
{
    nnames = tu_fixture_names(names, MAX_FIXTURES, NULL);
}

/* The line of s that holds offset `at`, for the failure message. */
static void line_at(const char *s, size_t len, size_t line, char *out, size_t outsz)
{
    size_t i = 0;
    for (size_t l = 1; l < line && i < len; i++)
        if (s[i] == '\n')
            l++;
    size_t j = i;
    while (j < len && s[j] != '\n')
        j++;
    snprintf(out, outsz, "%.*s", (int)(j - i), s + i);
}

/* NAME's arguments (NAME.args, one per line) into argv, NULL-terminated,
 * leaving `room` entries free at the end; the file's text is returned for
 * the caller to free, NULL when there is none. */
static char *fixture_args(const char *name, const char **argv, int room, int *argc)
{
    char file[1024];
    size_t args_len = 0;
    snprintf(file, sizeof file, "%s.args", name);
    char *args = read_file(fixture_path(file), &args_len);
    *argc = 0;
    for (char *p = args, *nl; p && *p && *argc < MAX_ARGS - room; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = p + strlen(p) - 1;   /* last line without '\n' */
        else
            *nl = 0;
        if (*p)
            argv[(*argc)++] = p;
    }
    argv[*argc] = NULL;
    return args;
}

START_TEST(test_fixture)
{
    const char *name = names[_i];
    char file[1024];
    snprintf(file, sizeof file, "%s.in", name);
    size_t in_len, want_len;
    char *in = read_file(fixture_path(file), &in_len);
    ck_assert_msg(in != NULL, "cannot read %s", fixture_path(file));
    snprintf(file, sizeof file, "%s.expected", name);
    char *want = read_file(fixture_path(file), &want_len);
    ck_assert_msg(want != NULL, "fixture %s has no .expected", name);
    const char *argv[MAX_ARGS + 1];
    int argc;
    char *args = fixture_args(name, argv, 0, &argc);

    cli_result r;
    cli_run(argv, in, in_len, NULL, &r);
    ck_assert_msg(r.exited && r.status == 0, "%s: exit %d signal %d, stderr: %s", name,
                  r.status, r.signal, r.err);
    if (r.out_len != want_len || memcmp(r.out, want, want_len) != 0) {
        size_t line = first_diff_line(r.out, r.out_len, want, want_len);
        char got_line[200], want_line[200];
        line_at(r.out, r.out_len, line, got_line, sizeof got_line);
        line_at(want, want_len, line, want_line, sizeof want_line);
        ck_abort_msg("%s: output differs at line %zu (got %zu bytes, want %zu)\n"
                     "  got:  %s\n  want: %s", name, line, r.out_len, want_len,
                     got_line, want_line);
    }
    cli_result_free(&r);
    free(in);
    free(want);
    free(args);
}
END_TEST

/* Every reason --explain gives on the fixtures is one of the table's
 * (rules.def, unboil --list-rules), and every reason of the table is
 * given on at least one fixture: a rule without a fixture that fires it
 * is untested.  Fixtures named rule-REASON are there for those the others
 * do not fire. */
START_TEST(test_rules_fired)
{
    size_t nrules = 0;
    while (ub_rule_get(nrules))
        nrules++;
    int *fired = calloc(nrules, sizeof *fired);
    ck_assert_ptr_nonnull(fired);
    for (int f = 0; f < nnames; f++) {
        char file[1024];
        size_t in_len;
        snprintf(file, sizeof file, "%s.in", names[f]);
        char *in = read_file(fixture_path(file), &in_len);
        ck_assert_msg(in != NULL, "cannot read %s", fixture_path(file));
        const char *argv[MAX_ARGS + 1];
        int argc;
        char *args = fixture_args(names[f], argv, 1, &argc);
        /* --explain shows what --invert would, and does not go with it */
        int kept = 0;
        for (int a = 0; a < argc; a++)
            if (strcmp(argv[a], "-i") != 0 && strcmp(argv[a], "--invert") != 0)
                argv[kept++] = argv[a];
        argc = kept;
        argv[argc++] = "--explain";
        argv[argc] = NULL;
        cli_result r;
        cli_run(argv, in, in_len, NULL, &r);
        ck_assert_msg(r.exited && r.status == 0, "%s --explain: exit %d", names[f], r.status);
        /* "KEEP reason  class #n ...": the word after the decision */
        for (char *line = r.out; line && line < r.out + r.out_len;) {
            while (line < r.out + r.out_len && *line == 0)
                line++;   /* -z: a document's end */
            char *nl = memchr(line, '\n', (size_t)(r.out + r.out_len - line));
            if (strncmp(line, "KEEP ", 5) == 0 || strncmp(line, "DROP ", 5) == 0) {
                size_t n = strcspn(line + 5, " ");
                size_t i = 0;
                while (i < nrules && (strlen(ub_rule_get(i)->reason) != n ||
                                      strncmp(ub_rule_get(i)->reason, line + 5, n) != 0))
                    i++;
                ck_assert_msg(i < nrules, "%s: reason '%.*s' is not in the table", names[f],
                              (int)n, line + 5);
                fired[i] = 1;
            }
            line = nl ? nl + 1 : NULL;
        }
        cli_result_free(&r);
        free(args);
        free(in);
    }
    for (size_t i = 0; i < nrules; i++)
        ck_assert_msg(fired[i], "no fixture fires '%s' (add tests/fixtures/rule-%s.in)",
                      ub_rule_get(i)->reason, ub_rule_get(i)->reason);
    free(fired);
}
END_TEST

START_TEST(test_fixtures_found)
{
    ck_assert_msg(getenv("FIXTURES"), "FIXTURES is not set");
    ck_assert_msg(nnames > 0, "no NAME.in files in %s", getenv("FIXTURES"));
}
END_TEST

Suite *fixtures_suite(void)
{
    Suite *s = suite_create("fixtures");
    TCase *tc = tcase_create("cli");
    /* each fixture runs the program a few times at most; valgrind is slow */
    tcase_set_timeout(tc, 60);
    if (nnames == 0)
        list_fixtures();
    tcase_add_test(tc, test_fixtures_found);
    tcase_add_loop_test(tc, test_fixture, 0, nnames);
    suite_add_tcase(s, tc);
    TCase *rules = tcase_create("rules");
    tcase_set_timeout(rules, 300);
    tcase_add_test(rules, test_rules_fired);
    suite_add_tcase(s, rules);
    return s;
}
