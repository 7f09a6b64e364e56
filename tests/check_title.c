/* check_title.c - the page title's headline segment: where a title is cut,
 * which segment is picked, and what the whole filter writes for it. */
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"
#include "title.h"

/* The headline title_split and title_pick choose, or the whole title. */
static void expect_pick(const char *title, const char *want)
{
    title_span s[6];
    size_t n = strlen(title), k = title_split(title, n, s, 6);
    size_t p = title_pick(s, k);
    if (p == k)
        ck_assert_msg(strcmp(title, want) == 0, "%s: kept whole, want %s", title, want);
    else
        ck_assert_msg(strlen(want) == s[p].len && memcmp(title + s[p].start, want, s[p].len) == 0,
                      "%s: picked %.*s, want %s", title, (int)s[p].len, title + s[p].start, want);
}

START_TEST(test_split)
{
    title_span s[6];
    const char *t = "Site: A long headline here | Section \xE2\x80\x94 Sub";
    size_t k = title_split(t, strlen(t), s, 6);
    ck_assert_uint_eq(k, 4);
    ck_assert_uint_eq(s[0].start, 0);
    ck_assert_uint_eq(s[0].len, 4);
    ck_assert_uint_eq(s[1].words, 4);
    ck_assert(memcmp(t + s[1].start, "A long headline here", s[1].len) == 0);
    ck_assert(memcmp(t + s[3].start, "Sub", s[3].len) == 0);
    /* at most `max` segments */
    ck_assert_uint_eq(title_split(t, strlen(t), s, 2), 2);
    /* no separator: one segment; nothing: none */
    ck_assert_uint_eq(title_split("COVID-19 cases rise", 19, s, 6), 1);
    ck_assert_uint_eq(title_split("a:b 10:30", 9, s, 6), 1);
    ck_assert_uint_eq(title_split(" | ", 3, s, 6), 0);
    ck_assert_uint_eq(title_split("", 0, s, 6), 0);
}
END_TEST

START_TEST(test_pick)
{
    expect_pick("A long article title | Example Site", "A long article title");
    expect_pick("Example Site: A long article title", "A long article title");
    expect_pick("Another article headline today - The Daily Paper",
                "Another article headline today");
    expect_pick("Another article headline - The Daily Paper",
                "Another article headline - The Daily Paper");
    expect_pick("Title with em dash here \xE2\x80\x94 Site", "Title with em dash here");
    expect_pick("Some forum thread title :: Board", "Some forum thread title");
    expect_pick("Blog \xC2\xBB Archive \xC2\xBB The post's own long title", "The post's own long title");
    /* a tie or under three words: nothing says which part is the headline */
    expect_pick("Python 3.12 - What's New", "Python 3.12 - What's New");
    expect_pick("Home | Site", "Home | Site");
    expect_pick("Plain title without parts", "Plain title without parts");
    /* a colon between digits cuts nothing */
    expect_pick("Times: 10:30 to 11:45", "10:30 to 11:45");
}
END_TEST

static char *clean_with(const ub_options *o, const char *page)
{
    run_result r;
    run_filter(o, page, strlen(page), (chunks){CHUNK_WHOLE, 0, 0}, &r);
    ck_assert_int_eq(r.status, UB_OK);
    return r.out;
}

static char *clean(const char *page)
{
    return clean_with(NULL, page);
}

static const char body[] =
    "<p>The council met on Tuesday evening and agreed, after a long debate, that the "
    "old market hall will be repaired rather than pulled down, and that the work "
    "will begin in the spring when the weather allows it.</p>"
    "<p>Residents who spoke at the meeting said the hall was the heart of the town, "
    "and that they would rather wait for the repairs than see it go.</p>";

/* The page writes its headline once: the title's segment, and no heading
 * that repeats the title whole. */
START_TEST(test_filter_title)
{
    tbuf page = {0};
    tbuf_addf(&page, "<html><head><title>Town News: Council saves the market hall</title></head>"
                     "<body><h1>Town News: Council saves the market hall</h1>%s</body></html>",
              body);
    char *out = clean(page.data);
    ck_assert_msg(strncmp(out, "Town News: Council saves the market hall\n\n", 42) == 0,
                  "%s", out);
    ck_assert_ptr_null(strstr(out + 42, "Council saves"));
    free(out);
    tbuf_free(&page);

    /* no heading repeats it within the window: the segment stands alone */
    tbuf_addf(&page, "<html><head><title>Town News: Council saves the market hall</title></head>"
                     "<body>%s</body></html>", body);
    ub_options window;
    ub_options_init(&window);
    window.lookahead = 0;
    out = clean_with(&window, page.data);
    ck_assert_msg(strncmp(out, "Council saves the market hall\n\n", 31) == 0, "%s", out);
    free(out);
    /* ... but with the whole page in view no line of it shows the
     * headline (its paragraph, too long, is not one): the title is not
     * written (title-unshown) */
    out = clean(page.data);
    ck_assert_msg(strncmp(out, "The council met", 15) == 0, "%s", out);
    free(out);
    tbuf_free(&page);

    /* a short line of the page that says most of its words shows it */
    tbuf_addf(&page, "<html><head><title>Town News: Council saves the market hall</title></head>"
                     "<body><p class=\"kicker\">Market hall saved by the council</p>%s</body></html>",
              body);
    out = clean(page.data);
    ck_assert_msg(strncmp(out, "Council saves the market hall\n\n", 31) == 0, "%s", out);
    free(out);
    tbuf_free(&page);

    /* the masthead links home with the site's name: not the headline */
    tbuf_addf(&page, "<html><head><title>Town News: Council saves the market hall</title></head>"
                     "<body><h1><a href=\"/\">Town News</a></h1>%s</body></html>", body);
    out = clean_with(&window, page.data);
    ck_assert_msg(strncmp(out, "Council saves the market hall\n\n", 31) == 0, "%s", out);
    free(out);
    tbuf_free(&page);

    /* a short headline beside a longer site name, which the page's own
     * heading confirms */
    tbuf_addf(&page, "<html><head><title>Repairs \xE2\x80\x94 The Old Market Hall Blog</title>"
                     "</head><body><h2>Repairs</h2>%s</body></html>", body);
    out = clean(page.data);
    ck_assert_msg(strncmp(out, "Repairs\n\nThe council", 20) == 0, "%s", out);
    free(out);
    tbuf_free(&page);
}
END_TEST

/* The title yields to a heading of the page, of any level, that says its
 * headline segment without the site's name (title-heading): the headline
 * is written once, where the page shows it, after the dateline above it;
 * the title, hoisted from the head, would come before the dateline.  A
 * heading that is mostly link (a permalink) does not take its place. */
START_TEST(test_filter_title_heading)
{
    static const char head[] =
        "<html><head><title>Town News: Council saves the market hall</title></head><body>"
        "<div class=\"story\"><p>Tuesday 4 March 2014, by the town desk, in local news.</p>";
    tbuf page = {0};
    tbuf_addf(&page, "%s<h3>Council saves the market hall</h3>%s</div></body></html>", head,
              body);
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN_TEXT;
    char *out = clean_with(&o, page.data);
    ck_assert_msg(strncmp(out, "DROP title-heading ", 19) == 0, "%s", out);
    ck_assert_msg(strstr(out, "KEEP title-h1") != NULL || strstr(out, "KEEP prose") != NULL,
                  "%s", out);
    free(out);
    out = clean(page.data);
    const char *h = strstr(out, "Council saves the market hall");
    ck_assert_msg(h != NULL && h != out && strstr(h + 1, "Council saves") == NULL, "%s", out);
    free(out);
    tbuf_free(&page);

    /* the heading a permalink: the title is written, first, as before */
    tbuf_addf(&page, "%s<h3><a href=\"/p/1\">Council saves the market hall</a></h3>%s"
                     "</div></body></html>", head, body);
    out = clean_with(&o, page.data);
    ck_assert_msg(strncmp(out, "KEEP title ", 11) == 0, "%s", out);
    free(out);
    tbuf_free(&page);
}
END_TEST

Suite *title_suite(void)
{
    Suite *s = suite_create("title");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_split);
    tcase_add_test(tc, test_pick);
    tcase_add_test(tc, test_filter_title);
    tcase_add_test(tc, test_filter_title_heading);
    suite_add_tcase(s, tc);
    return s;
}
