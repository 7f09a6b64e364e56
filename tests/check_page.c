/* check_page.c - the page model: containers added up, the article's
 * chosen, teaser rails and the blocks around the article told apart. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include "suites.h"
#include "context.h"
#include "page.h"
#include "page_table.h"
#include "ring.h"
#include "phrases.h"
#include "stoplist.h"
#include "testutil.h"

/* more blocks without a stamp than a thread has between two */
#define FAR_BLOCKS 12

enum { BOX_ARTICLE = 11, BOX_RAIL = 12, BOX_FOOT = 13, BOX_PAGE = 21, BOX_BODY = 31 };

/* A unit as the context hands it to the page model. */
static unit block_in(uint32_t box, uint32_t chars, uint32_t words, uint32_t links,
                     uint32_t commas, unsigned heading)
{
    unit u;
    memset(&u, 0, sizeof u);
    u.box = box;
    u.outer[0] = BOX_PAGE;
    u.outer[1] = BOX_BODY;
    u.f.chars = chars;
    u.f.words = words;
    u.f.link_chars = links;
    u.f.commas = commas;
    u.f.end_punct = links == 0;   /* a sentence, unless it is a link */
    u.heading = heading;
    features_update_density(&u.f);
    return u;
}

/* An article of five paragraphs, then a rail of four teasers (a linked
 * headline and a one-sentence summary each), then a footer line. */
static page *sample(unit *para, unit *summary, unit *foot)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unsigned long i = 0;
    *para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    for (int k = 0; k < 5; k++)
        page_add(p, para, i++);
    unit head = block_in(BOX_RAIL, 42, 7, 42, 0, 3);
    *summary = block_in(BOX_RAIL, 110, 19, 0, 0, 0);
    for (int k = 0; k < 4; k++) {
        page_add(p, &head, i++);
        page_add(p, summary, i++);
    }
    *foot = block_in(BOX_FOOT, 120, 20, 0, 1, 0);
    page_add(p, foot, i++);
    return p;
}

START_TEST(test_article_container)
{
    unit para, summary, foot;
    page *p = sample(&para, &summary, &foot);
    double v[PAGE_FEATURES];
    page_view(p, &para, 2, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0);
    ck_assert(v[PAGE_BOX_REL] == 1.0);
    ck_assert(v[PAGE_BEFORE] == 0.0 && v[PAGE_AFTER] == 0.0);
    ck_assert(v[PAGE_TEASER] == 0.0);
    /* most of the page's prose is the article's */
    ck_assert(v[PAGE_BEST_SHARE] > 0.6 && v[PAGE_BEST_SHARE] <= 1.0);
    page_free(p, &mem_stdlib);
}
END_TEST

START_TEST(test_teaser_rail)
{
    unit para, summary, foot;
    page *p = sample(&para, &summary, &foot);
    double v[PAGE_FEATURES];
    page_view(p, &summary, 8, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0 && v[PAGE_UNDER_BEST] == 0.0);
    ck_assert(v[PAGE_TEASER] == 1.0);   /* as many summaries as linked headlines */
    ck_assert(v[PAGE_BOX_HEADS] > 0.0);
    ck_assert(v[PAGE_BOX_REL] < 0.5);
    ck_assert(v[PAGE_AFTER] == 1.0);
    /* the footer comes after the article too, and is no teaser */
    page_view(p, &foot, 13, v);
    ck_assert(v[PAGE_AFTER] == 1.0 && v[PAGE_TEASER] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* Blocks a rule dropped add nothing to their container's prose, and a
 * block outside any container (a text dump's line) has no page features. */
START_TEST(test_rule_bad_and_no_box)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unit bad = block_in(BOX_RAIL, 400, 70, 0, 5, 0);
    bad.v.rule = 1;
    bad.v.cls = CLASS_BAD;
    unit good = block_in(BOX_ARTICLE, 200, 35, 0, 1, 0);
    page_add(p, &bad, 0);
    page_add(p, &good, 1);
    double v[PAGE_FEATURES];
    page_view(p, &good, 1, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0);
    unit line = block_in(0, 200, 35, 0, 1, 0);
    page_add(p, &line, 2);
    page_view(p, &line, 2, v);
    for (int i = 0; i < PAGE_FEATURES; i++)
        ck_assert(v[i] == 0.0);
    /* a new document starts from nothing */
    page_reset(p);
    page_view(p, &good, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* Adds n items of a linked headline and a summary in `box`, from block
 * number *i on; returns the number of the last summary. */
static unsigned long items(page *p, uint32_t box, int n, const unit *summary, unsigned long *i)
{
    unit head = block_in(box, 42, 7, 42, 0, 3);
    unsigned long last = 0;
    for (int k = 0; k < n; k++) {
        page_add(p, &head, (*i)++);
        last = *i;
        page_add(p, summary, (*i)++);
    }
    return last;
}

/* Three items of linked headline and summary in the article's own
 * container, after its paragraphs, are a run of teasers; the paragraphs
 * and a container with two such items only are not. */
START_TEST(test_teaser_run)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unit summary = block_in(BOX_ARTICLE, 110, 19, 0, 0, 0);
    unsigned long i = 0;
    for (int k = 0; k < 4; k++)
        page_add(p, &para, i++);
    unsigned long first = i;
    unsigned long last = items(p, BOX_ARTICLE, 3, &summary, &i);
    unit foot = block_in(BOX_FOOT, 120, 20, 0, 1, 0);
    page_add(p, &foot, i++);
    unit two = block_in(BOX_RAIL, 110, 19, 0, 0, 0);
    unsigned long other = items(p, BOX_RAIL, 2, &two, &i);
    double v[PAGE_FEATURES];
    page_view(p, &para, 1, v);
    ck_assert(v[PAGE_TEASER_RUN] == 0.0 && v[PAGE_IN_BEST] == 1.0);
    page_view(p, &summary, first, v);   /* the first item's headline */
    ck_assert(v[PAGE_TEASER_RUN] == 1.0);
    page_view(p, &summary, last, v);
    ck_assert(v[PAGE_TEASER_RUN] == 1.0);
    page_view(p, &foot, last + 1, v);
    ck_assert(v[PAGE_TEASER_RUN] == 0.0);
    page_view(p, &two, other, v);       /* the run is still open, too short */
    ck_assert(v[PAGE_TEASER_RUN] == 0.0);
    /* headlines without summaries (a list of links) are not teasers */
    page_reset(p);
    i = 0;
    unit date = block_in(BOX_RAIL, 12, 3, 0, 0, 0);
    last = items(p, BOX_RAIL, 5, &date, &i);
    page_view(p, &date, last, v);
    ck_assert(v[PAGE_TEASER_RUN] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* A teaser item in one block: `lead` bytes of linked headline opening
 * `text`, its date and summary after it; link density about 0.3. */
static unit item_in(uint32_t box, const char *text, size_t lead)
{
    unit u = block_in(box, 150, 27, 45, 1, 0);
    u.f.end_punct = 1;
    features_update_density(&u.f);
    u.text.data = (char *)text;
    u.text.len = strlen(text);
    u.lead_link = lead;
    return u;
}

static const char item_text[] = "Game maker takes aim at a word game Jan 16, 7:00 AM "
                                 "Since it appeared in June, an application has drawn...";

/* The shape: a linked headline of a few words first, more words after. */
START_TEST(test_item_shape)
{
    unit u = item_in(BOX_RAIL, item_text, 35);
    ck_assert(page_item_shape(&u));
    u.lead_link = 4;                    /* one linked word: a paragraph's link */
    ck_assert(!page_item_shape(&u));
    u.lead_link = 0;
    ck_assert(!page_item_shape(&u));
    u.lead_link = u.text.len;           /* all link: a headline of its own */
    ck_assert(!page_item_shape(&u));
    u = item_in(BOX_RAIL, item_text, 35);
    u.heading = 3;
    ck_assert(!page_item_shape(&u));
    u = item_in(BOX_RAIL, item_text, 35);
    u.f.link_chars = 140;               /* a headline's link density */
    ck_assert(!page_item_shape(&u));
}
END_TEST

/* A page of `paras` blocks like `para`, then ten one-block items and a
 * footer, read to its end; the number of the first item. */
static page *item_page(const unit *para, int paras, unsigned long *first)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unit item = item_in(BOX_RAIL, item_text, 35);
    unit foot = block_in(BOX_FOOT, 40, 6, 40, 0, 0);
    unsigned long i = 0;
    for (int k = 0; k < paras; k++)
        page_add(p, para, i++);
    *first = i;
    for (int k = 0; k < 10; k++)
        page_add(p, &item, i++);
    page_add(p, &foot, i++);
    page_settle(p);
    return p;
}

/* A rail of one-block items after a short article would outweigh it:
 * once three show, the items' prose is taken back, and when the page is
 * read, the article leads and the items are a teaser run. */
START_TEST(test_item_rail)
{
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unit item = item_in(BOX_RAIL, item_text, 35);
    unit foot = block_in(BOX_FOOT, 40, 6, 40, 0, 0);
    unsigned long first;
    page *p = item_page(&para, 3, &first);
    double v[PAGE_FEATURES];
    page_view(p, &para, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0);
    page_view(p, &item, first + 9, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0 && v[PAGE_TEASER_RUN] == 1.0);
    memcpy(item.page, v, sizeof v);
    ck_assert(page_teaser_frame(&item));
    page_view(p, &foot, first + 10, v);
    ck_assert(v[PAGE_TEASER_RUN] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* A page whose items are its content (a list of talks, each with its
 * summary) has no article beside them: they keep their prose. */
START_TEST(test_item_list_content)
{
    unit intro = block_in(BOX_ARTICLE, 100, 18, 0, 0, 0);
    unit item = item_in(BOX_RAIL, item_text, 35);
    unsigned long first;
    page *p = item_page(&intro, 1, &first);
    double v[PAGE_FEATURES];
    page_view(p, &item, first + 4, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0 && v[PAGE_TEASER_RUN] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* A list of more items than the credits an open run holds (RUN_PENDING)
 * is still the page's content when it is judged so: every item's prose is
 * given back, not only the first ones'.  Six paragraphs (42) against forty
 * items (2.45 each, 98): not a rail (42 is under half of 98), so the list
 * leads; given back sixteen items only (39.2), the paragraphs led. */
START_TEST(test_item_list_long)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unit item = item_in(BOX_RAIL, item_text, 35);
    unit foot = block_in(BOX_FOOT, 40, 6, 40, 0, 0);
    unsigned long i = 0;
    for (int k = 0; k < 6; k++)
        page_add(p, &para, i++);
    unsigned long first = i;
    for (int k = 0; k < 40; k++)
        page_add(p, &item, i++);
    page_add(p, &foot, i++);
    page_settle(p);
    double v[PAGE_FEATURES];
    page_view(p, &item, first + 30, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0 && v[PAGE_TEASER_RUN] == 0.0);
    page_view(p, &para, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* A rail whose summaries outweigh a short article's prose does not take
 * the article's place: once the run shows, what its items gave their
 * containers is taken back. */
START_TEST(test_teaser_run_withdrawn)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unit summary = block_in(BOX_RAIL, 300, 50, 0, 3, 0);
    unsigned long i = 0;
    page_add(p, &para, i++);
    page_add(p, &para, i++);
    unsigned long last = items(p, BOX_RAIL, 6, &summary, &i);
    double v[PAGE_FEATURES];
    page_view(p, &para, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0);
    page_view(p, &summary, last, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0 && v[PAGE_TEASER_RUN] == 1.0);
    ck_assert(v[PAGE_AFTER] == 1.0);
    /* two items are no run yet: their prose counts, the rail leads */
    page_reset(p);
    i = 0;
    page_add(p, &para, i++);
    items(p, BOX_RAIL, 2, &summary, &i);
    unit long_para = block_in(BOX_RAIL, 900, 150, 0, 9, 0);
    page_add(p, &long_para, i++);
    page_view(p, &para, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

enum { BOX_ROW = 41, BOX_TBODY = 42, BOX_THEAD = 43, BOX_TABLE = 44 };

/* A table row as the reader hands it over: its cells parted by tabs, in
 * a <tbody> (or <thead>) of a <table> that sits in `around`. */
static unit row_in(const char *cells, uint32_t body, uint32_t links)
{
    unit u = block_in(BOX_ROW, 0, 0, links, 0, 0);
    u.flags = BLOCK_ROW;
    u.text.data = (char *)cells;
    u.text.len = strlen(cells);
    u.outer[0] = body;
    u.outer[1] = BOX_TABLE;
    for (const char *c = cells; *c; c++)
        if (*c != '\t' && *c != ' ')
            u.f.chars++;
    u.f.words = 3;
    if (links > u.f.chars)
        u.f.link_chars = u.f.chars;
    features_update_density(&u.f);
    return u;
}

static page *fresh(void)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    return p;
}

/* Three paragraphs of an article, then `n` rows (the first in <thead>),
 * then what comes after the table: more of the article or a footer. */
static page *table_page(const char *const *rows, unsigned n, uint32_t links, uint32_t after)
{
    page *p = fresh();
    unsigned long i = 0;
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    for (int k = 0; k < 3; k++)
        page_add(p, &para, i++);
    for (unsigned k = 0; k < n; k++) {
        unit r = row_in(rows[k], k == 0 ? BOX_THEAD : BOX_TBODY, links);
        page_add(p, &r, i++);
    }
    unit next = block_in(after, 320, 55, 0, 3, 0);
    page_add(p, &next, i++);
    return p;
}

static const char *const standings[] = {
    "Club\tP\tPts", "Alder\t22\t60", "Birch\t22\t58", "Cedar\t22\t56", "Dunmore\t22\t54",
};

START_TEST(test_data_table)
{
    /* the article's blocks on both sides: every row is the article's,
     * the header row in <thead> included */
    page *p = table_page(standings, 5, 0, BOX_ARTICLE);
    for (unsigned long i = 3; i < 8; i++) {
        unit r = row_in(standings[i - 3], i == 3 ? BOX_THEAD : BOX_TBODY, 0);
        ck_assert_msg(page_data_table(p, &r, i), "row %lu", i);
    }
    /* a paragraph is no row */
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    ck_assert(!page_data_table(p, &para, 1));
    page_free(p, &mem_stdlib);
    /* text after it a level up, in the article container's parent */
    p = table_page(standings, 5, 0, BOX_PAGE);
    unit r = row_in(standings[2], BOX_TBODY, 0);
    ck_assert(page_data_table(p, &r, 5));
    page_free(p, &mem_stdlib);
}
END_TEST

START_TEST(test_data_table_not)
{
    unit r = row_in(standings[2], BOX_TBODY, 0);
    /* after the article, a footer after it: not the article's */
    page *p = table_page(standings, 5, 0, BOX_FOOT);
    ck_assert(!page_data_table(p, &r, 5));
    page_free(p, &mem_stdlib);
    /* two rows are not a table of data */
    p = table_page(standings, 2, 0, BOX_ARTICLE);
    ck_assert(!page_data_table(p, &r, 4));
    page_free(p, &mem_stdlib);
    /* rows of mixed shapes are a layout */
    static const char *const mixed[] = {"a\tb", "a\tb\tc", "a", "a\tb\tc\td", "a\tb"};
    p = table_page(mixed, 5, 0, BOX_ARTICLE);
    ck_assert(!page_data_table(p, &r, 5));
    page_free(p, &mem_stdlib);
    /* rows of links are a menu */
    p = table_page(standings, 5, 1000, BOX_ARTICLE);
    ck_assert(!page_data_table(p, &r, 5));
    /* reset forgets the tables */
    page_reset(p);
    ck_assert(!page_data_table(p, &r, 5));
    page_free(p, &mem_stdlib);
}
END_TEST

START_TEST(test_data_table_bounded)
{
    /* more tables than the page remembers: the later ones are left to
     * the model, the first still counted */
    page *p = fresh();
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unsigned long i = 0;
    for (unsigned t = 0; t < PAGE_TABLE_SLOTS + 8; t++) {
        page_add(p, &para, i++);
        for (unsigned k = 1; k < 5; k++) {
            unit r = row_in(standings[k], BOX_TBODY, 0);
            page_add(p, &r, i++);
        }
    }
    page_add(p, &para, i++);
    unit r = row_in(standings[1], BOX_TBODY, 0);
    ck_assert(page_data_table(p, &r, 2));
    ck_assert(!page_data_table(p, &r, i - 3));
    page_free(p, &mem_stdlib);
}
END_TEST

/* A unit with text, for the thread's stamps. */
static unit text_in(uint32_t box, const char *text, uint32_t words)
{
    size_t n = strlen(text);
    unit u = block_in(box, (uint32_t)n, words, 0, 1, 0);
    u.text.data = (char *)text;
    u.text.len = n;
    return u;
}

/* A new page, and a paragraph of the article to add to it. */
static page *article_page(unit *para)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    *para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    return p;
}

/* Adds n comments of a stamp line and a paragraph in `box`, from block
 * number *i on; returns the number of the last paragraph. */
static unsigned long comments(page *p, uint32_t box, int n, unsigned long *i)
{
    unit stamp = text_in(box, "Posted by Ann Lee on May 2, 2012 6:29 PM", 9);
    unit body = text_in(box, "I read this twice and still think the council got the sums wrong, "
                             "as it did the year before.", 21);
    unsigned long last = 0;
    for (int k = 0; k < n; k++) {
        page_add(p, &stamp, (*i)++);
        last = *i;
        page_add(p, &body, (*i)++);
    }
    return last;
}

/* Comments in the article's own container: stamped lines again and again
 * a few blocks apart are a thread; the article's byline, with its time,
 * many paragraphs above them, is not part of it, nor are two comments. */
START_TEST(test_thread)
{
    unit para;
    page *p = article_page(&para);
    unit byline = text_in(BOX_ARTICLE, "By Bob Hart, 11:11am GMT", 5);
    unsigned long i = 0;
    page_add(p, &byline, i++);
    for (int k = 0; k < 6; k++)
        page_add(p, &para, i++);
    unsigned long first = i;
    unsigned long last = comments(p, BOX_ARTICLE, 4, &i);
    double v[PAGE_FEATURES];
    page_view(p, &para, 3, v);
    ck_assert(v[PAGE_THREAD] == 0.0 && v[PAGE_IN_BEST] == 1.0);
    page_view(p, &byline, 0, v);
    ck_assert(v[PAGE_THREAD] == 0.0);
    page_view(p, &para, first, v);
    ck_assert(v[PAGE_THREAD] == 1.0 && v[PAGE_THREAD_SAID] == 0.0);
    page_view(p, &para, last - 1, v);   /* the last stamp */
    ck_assert(v[PAGE_THREAD] == 1.0);
    /* the thread ends where the stamps stop coming */
    for (int k = 0; k < FAR_BLOCKS; k++)
        page_add(p, &para, i++);
    page_view(p, &para, i - 1, v);
    ck_assert(v[PAGE_THREAD] == 0.0);
    page_view(p, &para, first + 2, v);  /* closed, still known */
    ck_assert(v[PAGE_THREAD] == 1.0);
    /* two comments are no thread */
    page_reset(p);
    i = 0;
    for (int k = 0; k < 3; k++)
        page_add(p, &para, i++);
    last = comments(p, BOX_ARTICLE, 2, &i);
    page_view(p, &para, last, v);
    ck_assert(v[PAGE_THREAD] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

/* "Comments" over the thread: the thread is announced, and begins right
 * under the opener, with the comment whose stamp comes after its text. */
START_TEST(test_thread_said)
{
    unit para;
    page *p = article_page(&para);
    unit opener = text_in(BOX_ARTICLE, "Comments", 1);
    opener.v.why = REASON_COMMENT_OPENER;
    opener.v.rule = 1;
    opener.v.cls = CLASS_BAD;
    unsigned long i = 0;
    for (int k = 0; k < 4; k++)
        page_add(p, &para, i++);
    page_add(p, &opener, i++);
    unsigned long under = i;
    page_add(p, &para, i++);
    comments(p, BOX_ARTICLE, 3, &i);
    double v[PAGE_FEATURES];
    page_view(p, &para, under, v);
    ck_assert(v[PAGE_THREAD] == 1.0 && v[PAGE_THREAD_SAID] == 1.0);
    page_view(p, &para, 1, v);
    ck_assert(v[PAGE_THREAD] == 0.0 && v[PAGE_THREAD_SAID] == 0.0);
    /* --keep-comments: no thread features */
    page_keep_threads(p, 1);
    page_view(p, &para, under, v);
    ck_assert(v[PAGE_THREAD] == 0.0 && v[PAGE_THREAD_SAID] == 0.0);
    page_keep_threads(p, 0);
    /* an opener far above the stamps announces nothing */
    page_reset(p);
    i = 0;
    page_add(p, &opener, i++);
    for (int k = 0; k < FAR_BLOCKS + 1; k++)
        page_add(p, &para, i++);
    unsigned long last = comments(p, BOX_ARTICLE, 3, &i);
    page_view(p, &para, last - 1, v);   /* the last stamp */
    ck_assert(v[PAGE_THREAD] == 1.0 && v[PAGE_THREAD_SAID] == 0.0);
    page_free(p, &mem_stdlib);
}
END_TEST

START_TEST(test_capacity)
{
    /* no look-ahead: the window alone */
    ck_assert_uint_eq(page_capacity(48, 0), 48);
    /* a look-ahead holds more blocks, within its cap on them */
    ck_assert_uint_gt(page_capacity(48, UB_LOOKAHEAD_DEFAULT), 48);
    ck_assert_uint_le(page_capacity(48, UB_LOOKAHEAD_MAX), 4096);
    ck_assert_uint_eq(page_capacity(4096, UB_LOOKAHEAD_DEFAULT), 4096);
    /* many slots keep less memory each between blocks */
    ck_assert_uint_lt(page_slot_keep(48, UB_LOOKAHEAD_DEFAULT), page_slot_keep(48, 0));
}
END_TEST

/* An emptied ring hands out its first slot again, whose memory is still in
 * the cache, rather than going on round the look-ahead's many slots; a ring
 * that is not empty keeps its order. */
START_TEST(test_ring_restarts_when_empty)
{
    ring r;
    ck_assert_int_eq(ring_init(&r, &mem_stdlib, 8, 64), 0);
    for (int k = 0; k < 3; k++) {
        unit *u = ring_slot(&r);
        ck_assert_ptr_eq(u, &r.slots[k]);
        buf_append(&u->text, &mem_stdlib, "x", 1);
        ring_push(&r);
    }
    ring_pop(&r);
    ck_assert_ptr_eq(ring_at(&r, 0), &r.slots[1]);
    ck_assert_ptr_eq(ring_slot(&r), &r.slots[3]);
    ring_pop(&r);
    ring_pop(&r);
    ck_assert_uint_eq(r.count, 0);
    ck_assert_ptr_eq(ring_slot(&r), &r.slots[0]);
    ck_assert_uint_eq(r.slots[0].text.len, 0);
    ring_free(&r);
}
END_TEST

/* ---- queued blocks (context_queue) against blocks pushed as they come -- */

/* What the context hands over, in order: enough of each unit to tell two
 * runs apart, and how many units came out. */
typedef struct decided_log {
    buf text;           /* each unit: text, keep, why, score, heading */
    unsigned long units;
} decided_log;

static ub_status log_unit(void *ctx, const unit *u)
{
    decided_log *d = ctx;
    char tail[64];
    int n = snprintf(tail, sizeof tail, "|%d|%d|%.17g|%u|%u\n", u->keep, (int)u->why,
                     u->score, u->heading, u->flags);
    ck_assert_int_eq(buf_append(&d->text, &mem_stdlib, u->text.data, u->text.len), UB_OK);
    ck_assert_int_eq(buf_append(&d->text, &mem_stdlib, tail, (size_t)n), UB_OK);
    d->units++;
    return UB_OK;
}

/* The k-th made-up block of a page: paragraphs, linked menu items,
 * headings, bylines and comment counts in a fixed pseudo-random order. */
static void queue_block(unsigned k, unit *u, size_t *link_len)
{
    static const char *const words[] = {
        "the", "council", "voted", "on", "Tuesday", "to", "keep", "hall", "open",
        "and", "residents", "said", "it", "was", "a", "relief", "Home", "News",
        "Sport", "Comments", "By", "Ann", "Lee", "May", "2,", "2015", "of", "for"};
    enum { NWORDS = sizeof words / sizeof words[0] };
    uint32_t x = k * 2654435761u + 12345u;
    unsigned kind = (x >> 7) % 6, n = kind == 0 ? 2 + (x >> 11) % 40 : 1 + (x >> 11) % 6;
    for (unsigned i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        const char *w = words[(x >> 16) % NWORDS];
        if (i > 0)
            buf_append(&u->text, &mem_stdlib, " ", 1);
        buf_append(&u->text, &mem_stdlib, w, strlen(w));
    }
    if (kind == 0)
        buf_append(&u->text, &mem_stdlib, ".", 1);
    u->box = kind == 1 ? BOX_RAIL : kind == 5 ? BOX_FOOT : BOX_ARTICLE;
    u->outer[0] = BOX_PAGE;
    u->outer[1] = BOX_BODY;
    u->heading = kind == 2 ? 2 : 0;
    u->flags = k == 0 ? BLOCK_TITLE : kind == 1 ? BLOCK_LIST_ITEM : 0;
    *link_len = kind == 1 ? u->text.len : 0;
}

/* One run over `blocks` blocks in a context of the given window and
 * look-ahead.  batch 0: each block pushed as it comes (the reference);
 * else queued and drained after a pseudo-random run of at most `batch`
 * blocks, or at once when context_queue says a push would decide one
 * and `at_once` is set.  With batch 1, each queue's answer is checked
 * against whether its drain did decide a block. */
static void queue_run(decided_log *d, unsigned window, size_t lookahead, unsigned blocks,
                      unsigned batch, int at_once)
{
    stoplist *sl = stoplist_new(&mem_stdlib);
    phrases *ph = phrases_new(&mem_stdlib);
    ck_assert_ptr_nonnull(sl);
    ck_assert_ptr_nonnull(ph);
    context *c = context_new(&mem_stdlib, sl, ph, window, lookahead, 0, log_unit, d);
    ck_assert_ptr_nonnull(c);
    context_set_mode(c, MODEL_HTML);
    uint32_t x = 99;
    unsigned run = 0;
    for (unsigned k = 0; k < blocks; k++) {
        if (batch && context_queue_full(c))
            ck_assert_int_eq(context_drain(c), UB_OK);
        unit *u = context_slot(c);
        size_t link_len;
        queue_block(k, u, &link_len);
        if (!batch) {
            ck_assert_int_eq(context_push(c, link_len), UB_OK);
            continue;
        }
        int decides = context_queue(c, link_len);
        unsigned long before = d->units;
        if (batch == 1) {
            ck_assert_int_eq(context_drain(c), UB_OK);
            if (decides != (d->units > before))
                ck_abort_msg("block %u: context_queue said %d", k, decides);
            continue;
        }
        if (run == 0) {
            x = x * 1103515245u + 12345u;
            run = 1 + (x >> 16) % batch;
        }
        if (--run == 0 || (at_once && decides))
            ck_assert_int_eq(context_drain(c), UB_OK);
    }
    ck_assert_int_eq(context_flush(c), UB_OK);
    context_free(c);
    phrases_free(ph, &mem_stdlib);
    stoplist_free(sl, &mem_stdlib);
}

/* Queued blocks come out as blocks pushed one by one do, byte for byte,
 * however the drains fall: with the window alone, with a look-ahead the
 * page passes (decided from then on as blocks come), and with one it does
 * not; and context_queue foresees exactly the pushes that decide. */
START_TEST(test_queue_as_pushed)
{
    static const struct { unsigned window; size_t lookahead; } cfg[] = {
        {48, 0}, {8, 3000}, {48, UB_LOOKAHEAD_DEFAULT}, {4, 0}};
    for (size_t i = 0; i < sizeof cfg / sizeof cfg[0]; i++) {
        decided_log ref = {{0}, 0};
        queue_run(&ref, cfg[i].window, cfg[i].lookahead, 3000, 0, 0);
        ck_assert_uint_eq(ref.units, 3000);
        static const struct { unsigned batch; int at_once; } how[] = {
            {1, 0}, {7, 1}, {300, 0}, {5000, 0}};
        for (size_t j = 0; j < sizeof how / sizeof how[0]; j++) {
            decided_log q = {{0}, 0};
            queue_run(&q, cfg[i].window, cfg[i].lookahead, 3000, how[j].batch, how[j].at_once);
            if (q.text.len != ref.text.len || memcmp(q.text.data, ref.text.data, q.text.len) != 0)
                ck_abort_msg("window %u look-ahead %zu, batch %u: queued blocks differ",
                             cfg[i].window, cfg[i].lookahead, how[j].batch);
            buf_free(&q.text, &mem_stdlib);
        }
        buf_free(&ref.text, &mem_stdlib);
    }
}
END_TEST

/* A document of more containers than the table holds, then another: the
 * second is judged as on a fresh page model (the reset clears every slot,
 * keys and boxes alike). */
START_TEST(test_reset_after_full_table)
{
    unit para, summary, foot;
    page *fresh = sample(&para, &summary, &foot);
    double want[3][PAGE_FEATURES];
    page_view(fresh, &para, 2, want[0]);
    page_view(fresh, &summary, 6, want[1]);
    page_view(fresh, &foot, 13, want[2]);

    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unsigned long i = 0;
    /* the sample's containers too, then more than the table holds */
    page_add(p, &para, i++);
    page_add(p, &foot, i++);
    for (uint32_t k = 0; k < 3000; k++) {
        unit u = block_in(1000 + k, 200, 35, 0, 2, 0);
        page_add(p, &u, i++);
    }
    page_reset(p);
    unit para2, summary2, foot2;
    page *q = sample(&para2, &summary2, &foot2);   /* the same blocks */
    page_free(q, &mem_stdlib);
    i = 0;
    for (int k = 0; k < 5; k++)
        page_add(p, &para2, i++);
    unit head = block_in(BOX_RAIL, 42, 7, 42, 0, 3);
    for (int k = 0; k < 4; k++) {
        page_add(p, &head, i++);
        page_add(p, &summary2, i++);
    }
    page_add(p, &foot2, i++);
    double got[3][PAGE_FEATURES];
    page_view(p, &para2, 2, got[0]);
    page_view(p, &summary2, 6, got[1]);
    page_view(p, &foot2, 13, got[2]);
    ck_assert(memcmp(got, want, sizeof got) == 0);
    page_free(p, &mem_stdlib);
    page_free(fresh, &mem_stdlib);
}
END_TEST

/* A title-like line that shares no word with the title or the text after
 * it is a link to another story, except inside the article's container,
 * where it is the article's own (a subheading worded apart): with the
 * look-ahead the page model sees the container (or the box the line
 * sits in a level under it) and keeps it; the window
 * alone cannot, and drops it as off-topic. */
#define OFF_TOPIC_HEAD \
    "<html><head><title>Hill library to close</title></head><body>" \
    "<div class=\"story\"><h1>Hill library to close</h1>" \
    "<p>The council voted on Tuesday to close the old library on the hill, and the mayor " \
    "said that the building would be sold to pay for a new one in the town centre.</p>" \
    "<p>Residents who had used the library for years were angry at the decision, and some " \
    "of them said that they would take the council to court if the sale went ahead.</p>"
#define OFF_TOPIC_TAIL \
    "<p>The library was built in 1905 with money from a local mill owner, and it has been " \
    "the home of the town's archive since the war, when the records were moved up here.</p>" \
    "<p>Its reading room will stay open until the end of the year, and the archive will " \
    "move with the books when the new building is finished, the council said.</p>" \
    "</div></body></html>"

static const char OFF_TOPIC_PAGE[] =
    OFF_TOPIC_HEAD
    "<p>A Saturday habit for three generations</p>"
    OFF_TOPIC_TAIL;

/* The same line a level down, in a box of its own inside the article's
 * container. */
static const char OFF_TOPIC_NESTED[] =
    OFF_TOPIC_HEAD
    "<div class=\"inset\"><p>A Saturday habit for three generations</p></div>"
    OFF_TOPIC_TAIL;

static int keeps_line(const char *html, size_t len, size_t lookahead)
{
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    if (!lookahead)
        o.lookahead = 0;
    run_result r;
    chunks whole = { CHUNK_WHOLE, 0, 0 };
    run_filter(&o, html, len, whole, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_ptr_nonnull(strstr(r.out, "The library was built in 1905"));
    int kept = strstr(r.out, "A Saturday habit") != NULL;
    run_result_free(&r);
    return kept;
}

START_TEST(test_off_topic_inside_article)
{
    ck_assert_int_eq(keeps_line(OFF_TOPIC_PAGE, sizeof OFF_TOPIC_PAGE - 1, 1), 1);
    ck_assert_int_eq(keeps_line(OFF_TOPIC_PAGE, sizeof OFF_TOPIC_PAGE - 1, 0), 0);
    ck_assert_int_eq(keeps_line(OFF_TOPIC_NESTED, sizeof OFF_TOPIC_NESTED - 1, 1), 1);
    ck_assert_int_eq(keeps_line(OFF_TOPIC_NESTED, sizeof OFF_TOPIC_NESTED - 1, 0), 0);
}
END_TEST

/* A page of a headline (h1 or not), an article of four paragraphs right
 * under it, `gap` short link blocks (a share bar, tags), then a list of
 * six long items (a slideshow's captions) that outscores the article;
 * the views of a paragraph and of an item are put in `para_v`, `item_v`. */
static void anchor_page(unsigned heading, unsigned gap, int paras, double para_v[PAGE_FEATURES],
                        double item_v[PAGE_FEATURES])
{
    enum { BOX_HEAD = 14, BOX_SHARE = 15, BOX_LIST = 16 };
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unsigned long i = 0;
    unit head = block_in(BOX_HEAD, 20, 4, 0, 0, heading);
    head.f.end_punct = 0;
    features_update_density(&head.f);
    page_add(p, &head, i++);
    unit para = block_in(BOX_ARTICLE, 320, 55, 0, 3, 0);
    unsigned long para_at = i;
    for (int k = 0; k < paras; k++)
        page_add(p, &para, i++);
    unit share = block_in(BOX_SHARE, 12, 2, 12, 0, 0);
    for (unsigned k = 0; k < gap; k++)
        page_add(p, &share, i++);
    unit item = block_in(BOX_LIST, 320, 55, 0, 3, 0);
    unsigned long item_at = i;
    for (int k = 0; k < 6; k++)
        page_add(p, &item, i++);
    page_view(p, &para, para_at, para_v);
    page_view(p, &item, item_at, item_v);
    page_free(p, &mem_stdlib);
}

/* A block a comment section cut while unsure of itself (comment_cut.h),
 * as the context hands it over: dropped by the rule, its first label held. */
static unit cut_block(uint32_t box, uint32_t chars, uint32_t words, uint32_t commas)
{
    unit u = block_in(box, chars, words, 0, commas, 0);
    u.uncut = u.v;
    u.uncut.cls = CLASS_GOOD;
    u.v.rule = 1;
    u.v.cls = CLASS_BAD;
    u.v.why = REASON_COMMENTS;
    u.cut = 1;
    return u;
}

/* An unsure comment cut that took more prose in one container than the
 * page's article container outside the cut holds has taken the article:
 * its blocks there are given back (page_uncut), those elsewhere are not,
 * nor are a sure cut's; the page's own features are those of main (the
 * cut blocks still add nothing to them). */
START_TEST(test_uncut_article)
{
    page *p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    unsigned long i = 0;
    unit promo = block_in(BOX_RAIL, 130, 24, 0, 1, 0);
    page_add(p, &promo, i++);
    unit para = cut_block(BOX_ARTICLE, 200, 36, 3);
    for (int k = 0; k < 4; k++)
        page_add(p, &para, i++);
    unit form = cut_block(BOX_FOOT, 40, 6, 0);
    page_add(p, &form, i++);
    ck_assert(page_uncut(p, &para));
    ck_assert(!page_uncut(p, &form));
    /* the page model's own view is unchanged: the rail is the best */
    double v[PAGE_FEATURES];
    page_view(p, &promo, 0, v);
    ck_assert(v[PAGE_IN_BEST] == 1.0);
    /* a block the cut took for sure (no label held) stays cut */
    unit sure = para;
    sure.cut = 0;
    ck_assert(!page_uncut(p, &sure));
    page_free(p, &mem_stdlib);

    /* an article outside the cut that holds more prose: nothing given back */
    p = page_new(&mem_stdlib);
    ck_assert_ptr_nonnull(p);
    i = 0;
    unit art = block_in(BOX_RAIL, 320, 55, 0, 3, 0);
    for (int k = 0; k < 4; k++)
        page_add(p, &art, i++);
    unit comment = cut_block(BOX_ARTICLE, 200, 36, 3);
    for (int k = 0; k < 2; k++)
        page_add(p, &comment, i++);
    ck_assert(!page_uncut(p, &comment));
    page_free(p, &mem_stdlib);
}
END_TEST

/* The article's container begins right under the page's headline: a list
 * far after it that outscores the article is not the article (ANCHOR_*,
 * page.c), unless the article has less than half its score; without an
 * h1 the list is chosen as before, and so it is when the list begins
 * right under the headline too. */
START_TEST(test_headline_anchor)
{
    double para_v[PAGE_FEATURES], item_v[PAGE_FEATURES];
    anchor_page(1, FAR_BLOCKS, 4, para_v, item_v);
    ck_assert(para_v[PAGE_IN_BEST] == 1.0 && item_v[PAGE_IN_BEST] == 0.0);
    ck_assert(item_v[PAGE_AFTER] == 1.0);
    ck_assert(para_v[PAGE_BOX_REL] == 1.0 && item_v[PAGE_BOX_REL] == 1.0);
    /* no h1: the list has the best score */
    anchor_page(2, FAR_BLOCKS, 4, para_v, item_v);
    ck_assert(para_v[PAGE_IN_BEST] == 0.0 && item_v[PAGE_IN_BEST] == 1.0);
    ck_assert(para_v[PAGE_BEFORE] == 1.0);
    /* an article with under half the list's score */
    anchor_page(1, FAR_BLOCKS, 2, para_v, item_v);
    ck_assert(para_v[PAGE_IN_BEST] == 0.0 && item_v[PAGE_IN_BEST] == 1.0);
    /* the list begins near the headline as well */
    anchor_page(1, 0, 4, para_v, item_v);
    ck_assert(para_v[PAGE_IN_BEST] == 0.0 && item_v[PAGE_IN_BEST] == 1.0);
}
END_TEST

Suite *page_suite(void)
{
    Suite *s = suite_create("page");
    TCase *tc = tcase_create("page");
    tcase_add_test(tc, test_article_container);
    tcase_add_test(tc, test_teaser_rail);
    tcase_add_test(tc, test_rule_bad_and_no_box);
    tcase_add_test(tc, test_teaser_run);
    tcase_add_test(tc, test_teaser_run_withdrawn);
    tcase_add_test(tc, test_item_shape);
    tcase_add_test(tc, test_item_rail);
    tcase_add_test(tc, test_item_list_content);
    tcase_add_test(tc, test_item_list_long);
    tcase_add_test(tc, test_data_table);
    tcase_add_test(tc, test_data_table_not);
    tcase_add_test(tc, test_data_table_bounded);
    tcase_add_test(tc, test_thread);
    tcase_add_test(tc, test_thread_said);
    tcase_add_test(tc, test_capacity);
    tcase_add_test(tc, test_ring_restarts_when_empty);
    tcase_add_test(tc, test_queue_as_pushed);
    tcase_add_test(tc, test_reset_after_full_table);
    tcase_add_test(tc, test_off_topic_inside_article);
    tcase_add_test(tc, test_headline_anchor);
    tcase_add_test(tc, test_uncut_article);
    suite_add_tcase(s, tc);
    return s;
}
