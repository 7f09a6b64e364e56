/* check_text_region.c - the article region of a text dump: the maximum-sum
 * run of lines, teaser rails kept out of it, the features around it. */
#include <check.h>
#include <string.h>
#include "suites.h"
#include "text_region.h"

static const text_region_line PARA = { .chars = 320, .prose = 1, .sentences = 3, .end_punct = 1 };
static const text_region_line MENU = { .chars = 12 };
static const text_region_line HEAD = { .chars = 48 };
static const text_region_line LINE = { .chars = 30, .sentences = 1, .end_punct = 1,
                                       .sentence = 1 };
static const text_region_line SUMMARY = { .chars = 140, .prose = 1, .sentences = 1,
                                          .end_punct = 1 };

static void add(text_region *r, const text_region_line *l, int n)
{
    for (int i = 0; i < n; i++)
        text_region_add(r, l);
}

/* The region runs from line `first` to line `last`. */
static void region_is(const text_region *r, unsigned long first, unsigned long last)
{
    unsigned long a = 0, b = 0;
    ck_assert(text_region_bounds(r, &a, &b));
    ck_assert_uint_eq(a, first);
    ck_assert_uint_eq(b, last);
}

/* No region, and every feature of line `index` zero. */
static void no_region(text_region *r, unsigned long index)
{
    unsigned long first = 0, last = 0;
    ck_assert(!text_region_bounds(r, &first, &last));
    double f[TEXT_REGION_FEATURES];
    text_region_view(r, index, f);
    for (int i = 0; i < TEXT_REGION_FEATURES; i++)
        ck_assert(f[i] == 0);
}

/* Menu, article, menu: the region is the article's lines, whole. */
START_TEST(test_region_is_the_article)
{
    text_region r;
    text_region_reset(&r);
    add(&r, &MENU, 20);
    add(&r, &PARA, 3);
    add(&r, &MENU, 1);   /* a subheading: costs less than the prose around it */
    add(&r, &PARA, 4);
    add(&r, &MENU, 30);
    region_is(&r, 20, 27);
    double f[TEXT_REGION_FEATURES];
    text_region_view(&r, 23, f);
    ck_assert(f[TEXT_REGION_IN] == 1 && f[TEXT_REGION_DIST] == 0);
    ck_assert(f[TEXT_REGION_SHARE] > 0.9);   /* nearly all the prose is in it */
    text_region_view(&r, 5, f);
    ck_assert(f[TEXT_REGION_BEFORE] == 1 && f[TEXT_REGION_IN] == 0);
    double before = f[TEXT_REGION_DIST];
    text_region_view(&r, 40, f);
    ck_assert(f[TEXT_REGION_AFTER] == 1);
    ck_assert(before > 0 && f[TEXT_REGION_DIST] > 0);
}
END_TEST

/* Of two stretches of prose far apart, the region is the larger. */
START_TEST(test_region_takes_the_larger_stretch)
{
    text_region r;
    text_region_reset(&r);
    add(&r, &PARA, 2);
    add(&r, &MENU, 30);
    add(&r, &PARA, 6);
    add(&r, &MENU, 5);
    region_is(&r, 32, 37);
    double f[TEXT_REGION_FEATURES];
    text_region_view(&r, 0, f);
    ck_assert(f[TEXT_REGION_BEFORE] == 1);
    ck_assert(f[TEXT_REGION_SHARE] < 0.8);
}
END_TEST

/* A rail of headline and summary pairs under the article is not its
 * continuation, though each summary is prose; one such pair is. */
START_TEST(test_teaser_rail_is_left_out)
{
    text_region r;
    text_region_reset(&r);
    add(&r, &PARA, 3);
    for (int i = 0; i < 4; i++) {
        text_region_add(&r, &HEAD);
        text_region_add(&r, &SUMMARY);
    }
    region_is(&r, 0, 2);
    double f[TEXT_REGION_FEATURES];
    for (unsigned long i = 4; i < 11; i += 2) {   /* the summaries, the last two unsettled */
        text_region_view(&r, i, f);
        ck_assert_msg(f[TEXT_REGION_TEASER] == 1, "summary %lu", i);
        ck_assert(f[TEXT_REGION_AFTER] == 1);
    }
    text_region_view(&r, 3, f);
    ck_assert(f[TEXT_REGION_TEASER] == 0);

    text_region_reset(&r);
    add(&r, &PARA, 3);
    text_region_add(&r, &HEAD);
    text_region_add(&r, &SUMMARY);
    add(&r, &PARA, 2);
    region_is(&r, 0, 6);
    text_region_view(&r, 4, f);
    ck_assert(f[TEXT_REGION_TEASER] == 0 && f[TEXT_REGION_IN] == 1);
}
END_TEST

/* An article with subheadings, each over a short paragraph, is no rail:
 * a pair whose headline follows the article's prose opens a rail only
 * with two more pairs after it, and a rail of three after the article
 * still is one, its first item too. */
START_TEST(test_subheaded_article_is_no_rail)
{
    text_region r;
    text_region_reset(&r);
    double f[TEXT_REGION_FEATURES];
    for (int end = 0; end < 2; end++) {
        text_region_reset(&r);
        add(&r, &PARA, 2);
        for (int i = 0; i < 2; i++) {
            text_region_add(&r, &HEAD);
            text_region_add(&r, &SUMMARY);
        }
        if (end)
            add(&r, &PARA, 1);
        region_is(&r, 0, end ? 6ul : 5ul);
        for (unsigned long i = 3; i < 6; i += 2) {
            text_region_view(&r, i, f);
            ck_assert_msg(f[TEXT_REGION_TEASER] == 0, "paragraph %lu", i);
        }
    }

    text_region_reset(&r);
    add(&r, &PARA, 2);
    for (int i = 0; i < 3; i++) {
        text_region_add(&r, &HEAD);
        text_region_add(&r, &SUMMARY);
    }
    add(&r, &MENU, 3);
    region_is(&r, 0, 1);
    for (unsigned long i = 3; i < 8; i += 2) {
        text_region_view(&r, i, f);
        ck_assert_msg(f[TEXT_REGION_TEASER] == 1, "summary %lu", i);
    }
}
END_TEST

/* A long document: the region found online, in constant memory, is the
 * one found over all of it; teaser flags stay right past the span. */
START_TEST(test_long_document)
{
    text_region r;
    text_region_reset(&r);
    unsigned long n = 3 * TEXT_REGION_SPAN;
    for (unsigned long i = 0; i < n; i++)
        text_region_add(&r, i >= 5000 && i < 5100 ? &PARA : &MENU);
    region_is(&r, 5000, 5099);
    double f[TEXT_REGION_FEATURES];
    text_region_view(&r, n - 10, f);
    ck_assert(f[TEXT_REGION_AFTER] == 1 && f[TEXT_REGION_TEASER] == 0);
}
END_TEST

/* Menus, two paragraphs, eight lines of `gap`, a paragraph, menus. */
static void gapped_article(text_region *r, const text_region_line *gap)
{
    text_region_reset(r);
    add(r, &MENU, 5);
    add(r, &PARA, 2);
    add(r, gap, 8);
    add(r, &PARA, 1);
    add(r, &MENU, 5);
}

/* Short sentences between paragraphs (dialogue, one-line paragraphs)
 * cost the region nothing: it runs on to the paragraph after them.  As
 * many menu items cut it short. */
START_TEST(test_short_sentences_keep_the_region)
{
    text_region r;
    gapped_article(&r, &LINE);
    region_is(&r, 5, 15);
    gapped_article(&r, &MENU);
    region_is(&r, 5, 6);
}
END_TEST

/* Nothing but menus: no region, and all its features zero. */
START_TEST(test_no_prose_no_region)
{
    text_region r;
    text_region_reset(&r);
    add(&r, &MENU, 10);
    no_region(&r, 3);
}
END_TEST

/* One line of prose among menus (a site's blurb on a photo post) is less
 * than a paragraph's worth: no region.  Two such lines together are one. */
START_TEST(test_blurb_is_no_region)
{
    text_region r;
    text_region_reset(&r);
    add(&r, &MENU, 10);
    add(&r, &SUMMARY, 1);
    add(&r, &MENU, 10);
    no_region(&r, 10);

    text_region_reset(&r);
    add(&r, &MENU, 10);
    add(&r, &SUMMARY, 2);
    add(&r, &MENU, 10);
    region_is(&r, 10, 11);
}
END_TEST

/* A view is the same whatever was viewed before it: the scaled region sum
 * it keeps from the last view is that view's, not the next one's.  Views
 * at distances in and past the log table's reach too. */
START_TEST(test_view_needs_no_history)
{
    static text_region fresh, viewed;   /* static: a teaser bitmap each */
    double want[TEXT_REGION_FEATURES], got[TEXT_REGION_FEATURES];
    text_region_reset(&fresh);
    text_region_reset(&viewed);
    add(&fresh, &PARA, 5);
    add(&viewed, &PARA, 3);
    text_region_view(&viewed, 1, got);   /* a smaller region, viewed */
    add(&viewed, &PARA, 2);
    add(&fresh, &MENU, 1500);
    add(&viewed, &MENU, 1500);
    static const unsigned long at[] = { 2, 4, 10, 1030, 1504, 3 };
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        text_region_reset(&fresh);   /* every view of `fresh` its first */
        add(&fresh, &PARA, 5);
        add(&fresh, &MENU, 1500);
        text_region_view(&fresh, at[i], want);
        text_region_view(&viewed, at[i], got);
        ck_assert_msg(memcmp(want, got, sizeof want) == 0, "line %lu", at[i]);
    }
    ck_assert(want[TEXT_REGION_SIZE] > 0);
}
END_TEST

Suite *text_region_suite(void)
{
    Suite *s = suite_create("text_region");
    TCase *tc = tcase_create("region");
    tcase_add_test(tc, test_region_is_the_article);
    tcase_add_test(tc, test_region_takes_the_larger_stretch);
    tcase_add_test(tc, test_teaser_rail_is_left_out);
    tcase_add_test(tc, test_subheaded_article_is_no_rail);
    tcase_add_test(tc, test_long_document);
    tcase_add_test(tc, test_short_sentences_keep_the_region);
    tcase_add_test(tc, test_no_prose_no_region);
    tcase_add_test(tc, test_blurb_is_no_region);
    tcase_add_test(tc, test_view_needs_no_history);
    suite_add_tcase(s, tc);
    return s;
}
