/* check_rescue.c - the short page's fallback: which run of near misses is
 * held, when a kept paragraph cancels it, its bounds, and the lone block
 * that keeps a page from coming out empty. */
#include <string.h>
#include "suites.h"
#include "rescue.h"
#include "testutil.h"

/* A decided unit: `words` words of text, the model's score, kept or not,
 * dropped by a rule or not. */
static unit make(unsigned words, double score, int keep, int rule)
{
    unit u;
    memset(&u, 0, sizeof u);
    static const char word[] = "word ";
    static char text[5 * 200];
    for (unsigned i = 0; i < words && i < 200; i++)
        memcpy(text + 5 * i, word, 5);
    u.text.data = text;
    u.text.len = 5 * (words < 200 ? words : 200);
    u.f.words = words;
    u.score = score;
    u.keep = keep;
    u.v.rule = rule;
    return u;
}

static rescue *fresh(void)
{
    rescue *r = rescue_new(&mem_stdlib);
    ck_assert_ptr_nonnull(r);
    return r;
}

static void see(rescue *r, unsigned long n, unit u)
{
    ck_assert_int_eq(rescue_see(r, &u, n, u.keep), UB_OK);
}

START_TEST(test_longest_run_of_near_misses)
{
    rescue *r = fresh();
    see(r, 1, make(5, 1, 1, 1));       /* the title, kept */
    see(r, 2, make(12, 0.3, 0, 0));    /* a run of one */
    see(r, 3, make(4, 0.05, 0, 0));    /* template */
    see(r, 4, make(14, 0.25, 0, 0));   /* a run of two, 30 words */
    see(r, 5, make(16, 0.35, 0, 0));
    see(r, 6, make(3, 0, 0, 1));       /* a rule ends it */
    see(r, 7, make(20, 0.3, 0, 0));
    size_t n = 0;
    const unsigned long *num = NULL;
    const unit *u = rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(num[0], 4);
    ck_assert_uint_eq(num[1], 5);
    ck_assert_int_eq(u[0].keep, 1);
    ck_assert_int_eq(u[0].why, REASON_RESCUED);
    ck_assert_uint_eq(u[1].text.len, 5 * 16);
    ck_assert(memcmp(u[1].text.data, "word word ", 10) == 0);
    rescue_free(r);
}
END_TEST

START_TEST(test_kept_paragraph_cancels)
{
    rescue *r = fresh();
    see(r, 1, make(30, 0.35, 0, 0));
    see(r, 2, make(25, 0.9, 1, 0));    /* a paragraph was kept */
    see(r, 3, make(30, 0.35, 0, 0));
    size_t n = 9;
    const unsigned long *num = NULL;
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    ck_assert_uint_eq(n, 0);
    /* so were a hard-wrapped paragraph's lines, together */
    rescue_begin(r);
    see(r, 1, make(12, 0.9, 1, 0));
    see(r, 2, make(13, 0.9, 1, 0));
    see(r, 3, make(30, 0.35, 0, 0));
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    /* a kept heading or title of any length is not a paragraph */
    rescue_begin(r);
    unit h = make(30, 1, 1, 0);
    h.heading = 2;
    see(r, 1, h);
    see(r, 2, make(10, 0.3, 0, 0));
    ck_assert_ptr_nonnull(rescue_take(r, &n, &num));
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(num[0], 2);
    rescue_free(r);
}
END_TEST

/* Only a run after the last written block can be written in its place. */
START_TEST(test_run_before_a_kept_block_is_forgotten)
{
    rescue *r = fresh();
    see(r, 1, make(40, 0.3, 0, 0));    /* long, but before ... */
    see(r, 2, make(5, 1, 1, 1));       /* ... a kept line */
    see(r, 3, make(9, 0.25, 0, 0));
    size_t n = 0;
    const unsigned long *num = NULL;
    rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(num[0], 3);
    rescue_begin(r);
    see(r, 1, make(40, 0.3, 0, 0));
    see(r, 2, make(5, 1, 1, 1));
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    rescue_free(r);
}
END_TEST

START_TEST(test_too_short_a_run)
{
    rescue *r = fresh();
    see(r, 1, make(5, 1, 1, 1));
    see(r, 2, make(7, 0.3, 0, 0));     /* under 8 words: no article */
    size_t n = 9;
    const unsigned long *num = NULL;
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    ck_assert_uint_eq(n, 0);
    rescue_free(r);
}
END_TEST

START_TEST(test_bounded)
{
    rescue *r = fresh();
    for (unsigned long i = 1; i <= 1000; i++)
        see(r, i, make(190, 0.3, 0, 0));
    size_t n = 0, bytes = 0;
    const unsigned long *num = NULL;
    const unit *u = rescue_take(r, &n, &num);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_le(n, 64);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(num[i], i + 1);   /* cut where the bound was met */
        bytes += u[i].text.len;
    }
    ck_assert_uint_le(bytes, 64 * 1024);
    rescue_free(r);
}
END_TEST

START_TEST(test_nothing_written_takes_best_block)
{
    rescue *r = fresh();
    see(r, 1, make(9, 0.05, 0, 0));
    see(r, 2, make(12, 0.15, 0, 0));   /* best score, but under the run's */
    see(r, 3, make(40, 0.1, 0, 0));
    see(r, 4, make(7, 0.19, 0, 0));    /* too short to stand for the page */
    see(r, 5, make(50, 0, 0, 1));      /* rules are never taken */
    size_t n = 0;
    const unsigned long *num = NULL;
    const unit *u = rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(num[0], 2);
    ck_assert_uint_eq(u[0].f.words, 12);
    /* once something is written the lone block is not wanted */
    rescue_begin(r);
    see(r, 1, make(12, 0.15, 0, 0));
    see(r, 2, make(3, 1, 1, 1));
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    rescue_free(r);
}
END_TEST

/* A unit of the given text, dropped with the model's score. */
static unit line(const char *text, double score, int heading_like)
{
    unit u;
    memset(&u, 0, sizeof u);
    u.text.data = (char *)text;
    u.text.len = strlen(text);
    u.f.chars = (unsigned)u.text.len;
    u.f.words = 1;
    for (const char *p = text; *p; p++)
        u.f.words += *p == ' ';
    u.score = score;
    u.v.heading_like = heading_like;
    return u;
}

/* On a page that kept nothing, the first byline says where the article
 * is: its headline above it and the near misses after it are rescued
 * rather than a longer run elsewhere, unless that run is a paragraph's
 * worth (a missed article). */
/* The rescued run, which must be the blocks numbered first..last. */
static const unit *take_run(rescue *r, unsigned long first, unsigned long last)
{
    size_t n = 0;
    const unsigned long *num = NULL;
    const unit *u = rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, last - first + 1);
    for (size_t i = 0; i < n; i++)
        ck_assert_uint_eq(num[i], first + i);
    return u;
}

/* A page whose blocks are all under RESCUE_MIN_WORDS ("Test", three
 * one-word paragraphs in a link) still comes out as its longest run of
 * blocks no rule removed, of any score; a rule ends that run, and a
 * block of eight words, or anything written, still wins over it. */
START_TEST(test_nothing_written_short_blocks)
{
    rescue *r = fresh();
    see(r, 1, make(4, 0, 0, 1));       /* the title, dropped by a rule */
    see(r, 2, make(1, 0.02, 0, 0));
    see(r, 3, make(1, 0.01, 0, 0));
    see(r, 4, make(1, 0.01, 0, 0));
    see(r, 5, make(2, 0, 0, 1));       /* a rule ends the run */
    see(r, 6, make(2, 0.3, 0, 0));     /* a run of 2 words, shorter */
    const unit *u = take_run(r, 2, 4);
    ck_assert_int_eq(u[0].keep, 1);
    ck_assert_int_eq(u[0].why, REASON_RESCUED);
    /* a block of eight words is taken alone, as before */
    rescue_begin(r);
    see(r, 1, make(3, 0.02, 0, 0));
    see(r, 2, make(3, 0.02, 0, 0));
    see(r, 3, make(8, 0.01, 0, 0));
    take_run(r, 3, 3);
    /* once something is written, nothing */
    size_t n = 0;
    const unsigned long *num = NULL;
    rescue_begin(r);
    see(r, 1, make(1, 0.02, 0, 0));
    see(r, 2, make(1, 0.9, 1, 0));
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    /* random bytes read as text ("kN&") are no words to stand for a page */
    rescue_begin(r);
    see(r, 1, line("kN&", 0.1, 0));
    ck_assert_ptr_null(rescue_take(r, &n, &num));
    rescue_free(r);
}
END_TEST

START_TEST(test_byline_anchors_run)
{
    rescue *r = fresh();
    see(r, 1, line("Morning Fog", 0.05, 1));
    see(r, 2, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    see(r, 3, make(3, 0.05, 0, 0));                 /* "RSS feed" */
    see(r, 4, line("About This Journal", 0.3, 1));  /* a sidebar's blurb, */
    see(r, 5, make(15, 0.3, 0, 0));                 /* 18 words */
    see(r, 6, line("By Bob Lee, 15 March 2011", 0.05, 0));  /* only the first */
    const unit *u = take_run(r, 1, 2);
    ck_assert_int_eq(u[1].why, REASON_RESCUED);

    /* a run of an article's worth wins over the byline */
    rescue_begin(r);
    see(r, 1, line("Morning Fog", 0.05, 1));
    see(r, 2, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    see(r, 3, make(3, 0.05, 0, 0));
    see(r, 4, make(15, 0.3, 0, 0));
    see(r, 5, make(15, 0.3, 0, 0));
    take_run(r, 4, 5);

    /* the line above is taken only when it reads as a headline; the near
     * misses after the byline join it */
    rescue_begin(r);
    see(r, 1, line("* Larger", 0.05, 0));
    see(r, 2, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    see(r, 3, make(6, 0.3, 0, 0));
    see(r, 4, make(3, 0.05, 0, 0));
    take_run(r, 2, 3);

    /* a written title is not the article: the byline after it still
     * anchors, the headline repeating the title (a rule dropped it) not
     * taken again */
    rescue_begin(r);
    unit title = line("Morning Fog", 1, 1);
    title.flags = BLOCK_TITLE;
    title.keep = 1;
    see(r, 1, title);
    unit again = line("Morning Fog", 0, 1);
    again.v.rule = 1;
    see(r, 2, again);
    see(r, 3, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    see(r, 4, make(6, 0.3, 0, 0));                  /* a photo's caption */
    see(r, 5, make(3, 0.05, 0, 0));
    take_run(r, 3, 4);

    /* ... but a block written after the byline leaves it unwritable in order */
    rescue_begin(r);
    see(r, 1, title);
    see(r, 2, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    unit kept_heading = line("Archives", 1, 1);
    kept_heading.heading = 1;
    kept_heading.keep = 1;
    see(r, 3, kept_heading);
    size_t none = 1;
    const unsigned long *nums = NULL;
    ck_assert_ptr_null(rescue_take(r, &none, &nums));
    ck_assert_uint_eq(none, 0);

    /* once a paragraph is written, a byline anchors nothing */
    rescue_begin(r);
    see(r, 1, make(5, 1, 1, 0));
    see(r, 2, line("By Ann Rivers, 14 March 2011", 0.05, 0));
    see(r, 3, make(12, 0.3, 0, 0));
    take_run(r, 3, 3);
    rescue_free(r);
}
END_TEST

START_TEST(test_open_line_ends_run)
{
    rescue *r = fresh();
    see(r, 1, make(10, 0.3, 0, 0));
    unit o = make(100, 0.3, 0, 0);
    o.open = 1;                        /* its tail is gone by the end */
    see(r, 2, o);
    see(r, 3, make(9, 0.3, 0, 0));
    size_t n = 0;
    const unsigned long *num = NULL;
    rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(num[0], 1);
    rescue_free(r);
}
END_TEST

/* Binary data read as text is never written, however well its block
 * scored: a control character, or half of it symbols. */
START_TEST(test_not_text_not_rescued)
{
    rescue *r = fresh();
    unit u = make(12, 0.3, 0, 0);
    char bin[] = "word word \x01\x02 word word word word word word word word word word";
    u.text.data = bin;
    u.text.len = sizeof bin - 1;
    u.f.chars = 50;
    see(r, 1, u);
    size_t n = 0;
    const unsigned long *num = NULL;
    rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 0);
    rescue_free(r);
    r = fresh();
    u = make(12, 0.3, 0, 0);
    u.f.chars = 48;
    u.f.symbols = 30;
    see(r, 1, u);
    rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 0);
    rescue_free(r);
    /* the same block with few symbols is rescued */
    r = fresh();
    u.f.symbols = 2;
    see(r, 1, u);
    rescue_take(r, &n, &num);
    ck_assert_uint_eq(n, 1);
    rescue_free(r);
}
END_TEST

/* Documents that fill both runs (the best and the current swap) and the
 * byline's anchor, fed to a rescue whose every allocation is counted,
 * failing at each in turn: freed, it leaves nothing live.  rescue_free
 * frees only the units ever held (issue 20: the rest were never written
 * and are left untouched), so a unit whose copy failed half-way must count
 * as held. */
static void feed_documents(rescue *r)
{
    for (int doc = 0; doc < 3; doc++) {
        rescue_begin(r);
        unsigned long n = 1;
        unit head = line("Morning Fog", 0.05, 1);
        unit by = line("By Ann Rivers, 14 March 2011", 0.05, 0);
        if (rescue_see(r, &head, n++, 0) != UB_OK || rescue_see(r, &by, n++, 0) != UB_OK)
            return;
        /* runs of 3, then 5 + doc, blocks, each ended by a rule */
        for (int run = 0; run < 2; run++) {
            for (int i = 0; i < 3 + run * (5 + doc); i++) {
                unit u = make(10 + (unsigned)i, 0.3, 0, 0);
                u.raw = u.text;        /* two buffers: a copy can fail between */
                if (rescue_see(r, &u, n++, 0) != UB_OK)
                    return;
            }
            unit rule = make(3, 0, 0, 1);
            if (rescue_see(r, &rule, n++, 0) != UB_OK)
                return;
        }
    }
}

START_TEST(test_free_leaves_nothing_live)
{
    counting_alloc ca;
    memset(&ca, 0, sizeof ca);
    mem m = { counting_realloc, &ca };
    rescue *r = rescue_new(&m);
    ck_assert_ptr_nonnull(r);
    feed_documents(r);
    size_t n = 0;
    const unsigned long *num = NULL;
    ck_assert_ptr_nonnull(rescue_take(r, &n, &num));
    unsigned long calls = ca.calls;
    ck_assert_uint_gt(calls, 10);
    rescue_free(r);
    ck_assert_uint_eq(ca.live, 0);
    for (unsigned long k = 2; k <= calls; k++) {
        memset(&ca, 0, sizeof ca);
        ca.fail_at = k;
        r = rescue_new(&m);
        ck_assert_ptr_nonnull(r);
        feed_documents(r);
        rescue_free(r);
        if (ca.live != 0)
            ck_abort_msg("allocation %lu failed: %lu blocks left live", k, ca.live);
    }
}
END_TEST

Suite *rescue_suite(void)
{
    Suite *s = suite_create("rescue");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_longest_run_of_near_misses);
    tcase_add_test(tc, test_not_text_not_rescued);
    tcase_add_test(tc, test_kept_paragraph_cancels);
    tcase_add_test(tc, test_run_before_a_kept_block_is_forgotten);
    tcase_add_test(tc, test_too_short_a_run);
    tcase_add_test(tc, test_bounded);
    tcase_add_test(tc, test_nothing_written_takes_best_block);
    tcase_add_test(tc, test_nothing_written_short_blocks);
    tcase_add_test(tc, test_open_line_ends_run);
    tcase_add_test(tc, test_byline_anchors_run);
    tcase_add_test(tc, test_free_leaves_nothing_live);
    suite_add_tcase(s, tc);
    return s;
}
