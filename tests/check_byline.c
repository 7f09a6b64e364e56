/* check_byline.c - which lines are a commenter's byline, the article's own
 * byline, or a time, and which only look like one. */
#include <string.h>
#include "suites.h"
#include "byline.h"

#define LINE(s) (s), strlen(s)

static const struct {
    const char *line;
    int commenter, dated;
} lines[] = {
    {"Ann Smith says:", 1, 0},
    {"   Bob said,  ", 1, 0},
    {"Ann Reed said...", 1, 0},
    {"Re:Snow again (Score:2)", 1, 0},
    {"Snow again (Score:4, Informative)", 1, 0},
    {"Jermaine 07 Nov 12", 0, 1},
    {"Ann Lee on July 7, 2012 at 12:27 am", 0, 1},
    {"tom_r on January 9th, 2014 at 6:29pm", 0, 1},
    {"Bob | 11/08/2012", 0, 1},
    {"Tom - 2014-01-09", 0, 1},
    /* the blanks of a dump's columns, longer than a span's step */
    {"                    Ann Lee\t                    on July 7, 2012 \r  at 12:27 am", 0, 1},
    /* quotations, datelines, listings, headlines: no commenter */
    {"The mayor says the road will open", 0, 0},
    {"Here is what she had to say:", 0, 0},
    {"Friday, Nov 9, 2012", 0, 0},
    {"By Ann Lee March 25, 2015", 0, 0},
    {"Last updated: May 2, 2012", 0, 0},
    {"Hamlet, National Theatre, until 9 February, 2013", 0, 0},
    {"\xe2\x80\x94 Ann Reed (@annreed) January 9, 2014", 0, 0},
    {"Council votes to close the old library on the hill 12 Nov 2012", 0, 0},
    {"11/08/2012", 0, 0},
    {"Windows 8 review", 0, 0},
};

START_TEST(test_commenter_and_dated)
{
    const char *s = lines[_i].line;
    ck_assert_msg(byline_commenter(LINE(s)) == lines[_i].commenter, "commenter: %s", s);
    ck_assert_msg(byline_dated(LINE(s)) == lines[_i].dated, "dated: %s", s);
}
END_TEST

START_TEST(test_author_and_clock)
{
    ck_assert(byline_author(LINE("By Ann Smith")));
    ck_assert(byline_author(LINE("   by Ann Smith | May 2")));
    ck_assert(byline_author(LINE("                                   By Ann Smith")));
    ck_assert(!byline_author(LINE("                                   Bylines")));
    ck_assert(!byline_author(LINE("By the way, it rained")));
    ck_assert(!byline_author(LINE("Bylines")));
    ck_assert(byline_has_clock(LINE("May 2, 2012 at 6:29 pm")));
    ck_assert(byline_has_clock(LINE("18:45")));
    ck_assert(!byline_has_clock(LINE("Score 3:2 at half time")));
    ck_assert(!byline_has_clock(LINE("ratio 1:1000")));
}
END_TEST

/* The byte loop byline_has_clock replaced with memchr (issue 20). */
static int has_clock_ref(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == ':' && (unsigned)s[i - 1] - '0' < 10u &&
            (unsigned)s[i + 1] - '0' < 10u && (unsigned)s[i + 2] - '0' < 10u &&
            (i + 3 == n || (unsigned)s[i + 3] - '0' >= 10u))
            return 1;
    return 0;
}

/* Every string of up to 9 bytes over a digit, a colon and a letter, each
 * at the start of a buffer with a digit and a letter after it (the scan
 * must stop at n: "7:7" then the "5x" past n would read as a clock). */
START_TEST(test_clock_every_short_line)
{
    static const char alpha[] = "7:x";
    char buf[16];
    size_t bad = 0, seen = 0;
    for (size_t n = 0; n <= 9; n++) {
        size_t total = 1;
        for (size_t k = 0; k < n; k++)
            total *= 3;
        for (size_t v = 0; v < total; v++) {
            size_t x = v;
            for (size_t k = 0; k < n; k++, x /= 3)
                buf[k] = alpha[x % 3];
            memset(buf + n, 'x', sizeof buf - n);
            buf[n] = '5';
            int want = has_clock_ref(buf, n);
            seen += (size_t)want;
            bad += byline_has_clock(buf, n) != want;
        }
    }
    ck_assert_uint_gt(seen, 0);
    ck_assert_uint_eq(bad, 0);
}
END_TEST

Suite *byline_suite(void)
{
    Suite *s = suite_create("byline");
    TCase *tc = tcase_create("lines");
    tcase_add_loop_test(tc, test_commenter_and_dated, 0, (int)(sizeof lines / sizeof *lines));
    tcase_add_test(tc, test_author_and_clock);
    tcase_add_test(tc, test_clock_every_short_line);
    suite_add_tcase(s, tc);
    return s;
}
