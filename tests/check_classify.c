/* check_classify.c - first labels and rules (classify_block), and the
 * context decisions seen through whole filter runs on small texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"
#include "classify.h"
#include "phrases.h"
#include "stoplist.h"

/* Article paragraphs on one topic, each good prose on its own (over 200
 * characters that are not spaces, many stopwords). */
#define P1 "The town council voted on Tuesday to close the old library on the " \
           "hill, and the mayor said that the building would be sold to pay for " \
           "the new school, which is to open in the spring after a long delay in " \
           "the courts. The vote was close, and some of the members said that they " \
           "would ask for it to be held again when all of them could be there."
#define P2 "Residents who had fought for the library for years said they were " \
           "angry, and many of them told the council that they would not give up " \
           "until the doors of the building were open again to the children of " \
           "the town. One of them said that she had read every book on the shelves " \
           "as a child and that her own children should have the same chance."
#define P3 "The mayor said that the money from the sale would go to the school " \
           "and that a smaller library would open in the town hall, where there " \
           "is room for the books and for the people who have come to read them " \
           "for so long. He said that the new room would be open in the evening as " \
           "well, so that people who work during the day could use it too."
#define P4 "A vote on the plan for the town hall is expected next month, and the " \
           "council has asked the residents to write to it with their ideas for " \
           "the new room before the work on the building can begin in the autumn. " \
           "The letters will be read out at the meeting, which is open to all."
#define TITLE "Council votes to close the old library on the hill"

static stoplist *sl;
static phrases *ph;
static mem dm;

static void *plain_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, n);
}

static void setup(void)
{
    dm = (mem){ plain_realloc, NULL };
    sl = stoplist_new(&dm);
    ph = phrases_new(&dm);
    ck_assert_ptr_nonnull(sl);
    ck_assert_ptr_nonnull(ph);
}

static void teardown(void)
{
    stoplist_free(sl, &dm);
    phrases_free(ph, &dm);
}

/* classify_block on text as context.c calls it. */
static verdict judge(const char *text, unsigned heading, unsigned flags,
                     unsigned hints, size_t link_len, int began)
{
    block b = { .text = text, .len = strlen(text), .link_len = link_len,
                .heading = heading, .flags = flags, .hints = hints };
    features f;
    features_compute(&f, sl, b.text, b.len);
    f.link_chars += (uint32_t)link_len;
    if (f.link_chars > f.chars)
        f.link_chars = f.chars;
    verdict v;
    classify_block(&v, ph, &b, &f, began);
    return v;
}

#define JUDGE(text) judge((text), 0, 0, 0, 0, 1)

static void expect(verdict v, klass cls, reason why, int rule, const char *what)
{
    ck_assert_msg(v.cls == cls && v.why == why && v.rule == rule,
                  "%s: %s/%s/rule=%d, want %s/%s/rule=%d", what,
                  classify_class_name(v.cls), classify_reason_name(v.why), v.rule,
                  classify_class_name(cls), classify_reason_name(why), rule);
}

/* ---- first labels ------------------------------------------------------- */

START_TEST(test_label_by_length_and_density)
{
    expect(JUDGE(P1), CLASS_GOOD, REASON_PROSE, 0, "long prose");
    expect(JUDGE("The council voted on Tuesday to close the old library, and the "
                 "mayor said that it would be sold."),
           CLASS_NEAR_GOOD, REASON_PROSE, 0, "medium prose");
    expect(JUDGE("Blinken told reporters after the meeting."),
           CLASS_SHORT, REASON_CONTEXT, 0, "short line");
    expect(JUDGE("Weather Sport Business Technology Science Health Education "
                 "Entertainment Arts Culture Travel Video Podcasts Newsletters"),
           CLASS_BAD, REASON_LOW_DENSITY, 0, "menu words");
    expect(JUDGE("***  ---  ***"), CLASS_BAD, REASON_EMPTY, 1, "symbols only");
}
END_TEST

START_TEST(test_title_flag)
{
    expect(judge("Anything at all", 0, BLOCK_TITLE, HINT_NAV, 0, 0),
           CLASS_GOOD, REASON_TITLE, 1, "title");
}
END_TEST

START_TEST(test_rules)
{
    expect(JUDGE("See also: Storm hits the coast"), CLASS_BAD, REASON_RELATED, 1, "see also");
    expect(JUDGE("Read more \xc2\xbb"), CLASS_BAD, REASON_RELATED, 1, "read more");
    expect(JUDGE("Share 0 Tweet 0"), CLASS_BAD, REASON_BOILER, 1, "share row");
    expect(JUDGE("\xc2\xa9 2024 Example Media Group"), CLASS_BAD, REASON_COPYRIGHT, 1, "copyright");
    expect(JUDGE("https://example.com/story/123"), CLASS_BAD, REASON_LINK_MARKER, 1, "url");
    expect(JUDGE("[Image: the library on the hill]"), CLASS_BAD, REASON_LINK_MARKER, 1, "bracketed");
    /* an editor's aside in brackets is prose; markers in a row, or a
     * file name, are not */
    ck_assert_int_ne(JUDGE("   [Editor's note: this story was updated on Friday to add the "
                           "mayor's reply, which came after the vote.]").rule, 1);
    expect(JUDGE("   [photo.jpg] [Share on the site of the day] [Print this story for later]"),
           CLASS_BAD, REASON_LINK_MARKER, 1, "marker row");
    expect(JUDGE("[Screen+shot+2011-04-08+at+11.19.41+AM+of+the+new+page.png]"),
           CLASS_BAD, REASON_LINK_MARKER, 1, "file name");
    expect(JUDGE("Leave a Reply"), CLASS_BAD, REASON_COMMENT_OPENER, 1, "comments");
    expect(JUDGE("skip to main | skip to sidebar"), CLASS_BAD, REASON_BOILER, 1, "skip links");
    expect(JUDGE("This entry was posted in Gardens, Frost by Ann. Bookmark the permalink."),
           CLASS_BAD, REASON_BOILER, 1, "post footer");
    expect(JUDGE("Listed below are links to weblogs that reference Frost on the glass:"),
           CLASS_BAD, REASON_BOILER, 1, "trackback heading");
    expect(JUDGE("RSS feed for comments on this post. TrackBack URI"), CLASS_BAD, REASON_BOILER, 1,
           "comment feed link");
    expect(JUDGE("Please enter a valid email address."), CLASS_BAD, REASON_BOILER, 1, "form");
    expect(JUDGE("Like this:"), CLASS_BAD, REASON_BOILER, 1, "like this");
    ck_assert_int_ne(JUDGE("It looked like this: a red door in a white wall.").why, REASON_BOILER);
    /* the messages of sign-in, subscribe and share-by-mail forms */
    expect(JUDGE("Forgot your username or password?"), CLASS_BAD, REASON_BOILER, 1, "sign-in");
    expect(JUDGE("Get Free E-mail Alerts on These Topics"), CLASS_BAD, REASON_BOILER, 1,
           "alerts");
    expect(JUDGE("Log in with OpenID"), CLASS_BAD, REASON_BOILER, 1, "log-in widget");
    expect(JUDGE("Enter your email address to subscribe to this blog"), CLASS_BAD,
           REASON_BOILER, 1, "subscribe form");
    expect(JUDGE("Join us on Facebook"), CLASS_BAD, REASON_BOILER, 1, "social");
    expect(JUDGE("You may like to read:"), CLASS_BAD, REASON_RELATED, 1, "related");
    expect(JUDGE("Comments are now closed on this post."), CLASS_BAD, REASON_COMMENT_OPENER, 1,
           "closed thread");
    expect(JUDGE("Sorry, your blog cannot share posts by email."), CLASS_BAD, REASON_BOILER,
           1, "share by mail");
    expect(JUDGE("Please check your inbox for a confirmation email."), CLASS_BAD,
           REASON_BOILER, 1, "subscribe form");
    expect(JUDGE("Email ThisBlogThis!Share to TwitterShare to Facebook"), CLASS_BAD,
           REASON_BOILER, 1, "blog share row");
    expect(JUDGE("Powered by an open-source blog engine"), CLASS_BAD, REASON_BOILER, 1,
           "credit");
    ck_assert_int_ne(JUDGE("Please check your tyres before a long drive.").why, REASON_BOILER);
    /* a text dump's form fields and rules; a sidebar's counted entries */
    expect(JUDGE("   ______________________________"), CLASS_BAD, REASON_EMPTY, 1, "underscores");
    expect(JUDGE("____ ____"), CLASS_BAD, REASON_EMPTY, 1, "underscores");
    /* the runs of underscores are passed a span at a time: a word after
     * one is still seen */
    ck_assert_int_ne(JUDGE("______________________x").why, REASON_EMPTY);
    ck_assert_int_ne(JUDGE("____________________ ab").why, REASON_EMPTY);
    /* a text input or a check box with its label, an embedded frame by its
     * address; a poll's radio button and a name with underscores in it are
     * no form */
    expect(JUDGE("   ______________________ Name (required)"), CLASS_BAD, REASON_DUMP_WIDGET, 1,
           "text field");
    expect(JUDGE("   [ ] Notify me of new posts by email."), CLASS_BAD, REASON_DUMP_WIDGET, 1,
           "check box");
    expect(JUDGE("[X] Remember me"), CLASS_BAD, REASON_DUMP_WIDGET, 1, "ticked box");
    expect(JUDGE("   IFRAME: //example.com/plugins/like.php?href=http%3A%2F%2Fexample.com"),
           CLASS_BAD, REASON_DUMP_WIDGET, 1, "embedded frame");
    expect(JUDGE("   (BUTTON) Preview the yellow theme (BUTTON) Preview the green theme"),
           CLASS_BAD, REASON_DUMP_WIDGET, 1, "button row");
    ck_assert_int_ne(JUDGE("   Iframes: how the page embeds a video from elsewhere").why,
                     REASON_DUMP_WIDGET);
    ck_assert_int_ne(JUDGE("   (*) The council should sell the old library").why, REASON_DUMP_WIDGET);
    ck_assert_int_ne(JUDGE("   __init__ is called when the object is made").why, REASON_DUMP_WIDGET);
    ck_assert_int_ne(JUDGE("   [1] Smith, J. (2010) On bread and porridge").why, REASON_DUMP_WIDGET);
    expect(JUDGE("   * July (27)"), CLASS_BAD, REASON_COUNTED_ENTRY, 1, "archive count");
    expect(JUDGE("Home improvement (112)  "), CLASS_BAD, REASON_COUNTED_ENTRY, 1, "category count");
    /* ... but a thread's own counter opens it */
    expect(JUDGE("Comments (28)"), CLASS_BAD, REASON_COMMENT_OPENER, 1, "thread count");
    ck_assert_int_eq(JUDGE("Comments (28)").opens_comments, 1);
    ck_assert_int_eq(judge("   * Comments (28)", 0, 0, 0, 0, 1).opens_comments, 0);
    ck_assert_int_ne(JUDGE("GDP per capita (2014)").why, REASON_COUNTED_ENTRY);
    ck_assert_int_ne(JUDGE("He was born in Leeds (3)").why, REASON_COUNTED_ENTRY);
    ck_assert_int_ne(JUDGE("snake_case_name").why, REASON_EMPTY);
    /* an excerpt cut short to send the reader elsewhere is a teaser; an
     * elision after a full sentence is a quotation's */
    expect(JUDGE("Hill library vote moved The council said on Tuesday that the vote "
                 "on the old library would be held again once all of its [...]"),
           CLASS_BAD, REASON_CUT_EXCERPT, 1, "cut excerpt");
    expect(JUDGE("Hill library vote moved The council said on Tuesday that the vote "
                 "would be held again Read more..."),
           CLASS_BAD, REASON_CUT_EXCERPT, 1, "read more tail");
    ck_assert_int_ne(JUDGE("The council said on Tuesday that the vote on the old library "
                           "would be held again when all of its members can attend. [...]").why,
                     REASON_CUT_EXCERPT);
    expect(JUDGE("Hill library vote moved The council said on Tuesday that the "
                 "vote would be held again once all of\xe2\x80\xa6 Read more"),
           CLASS_BAD, REASON_CUT_EXCERPT, 1, "cut text, read more");
    ck_assert_int_ne(JUDGE("The council said that residents should read more").why,
                     REASON_CUT_EXCERPT);
    /* a long paragraph that happens to start like a phrase is prose */
    char para[400];
    snprintf(para, sizeof para, "Share prices fell. %s", P1);
    expect(JUDGE(para), CLASS_GOOD, REASON_PROSE, 0, "phrase-led prose");
    snprintf(para, sizeof para, "Related to this, %s", P1);
    ck_assert_int_ne(JUDGE(para).why, REASON_RELATED);
    /* ... but a blog engine's footer runs on past the phrase length */
    expect(JUDGE("This entry was posted on Monday, May 6th, 2013 at 9:12 am and is filed "
                 "under Gardens, Frost, Greenhouses. You can follow any responses to this "
                 "entry through the RSS 2.0 feed. You can leave a response, or trackback "
                 "from your own site."),
           CLASS_BAD, REASON_BOILER, 1, "long post footer");
    expect(JUDGE("This entry was posted on Monday, May 6th, 2013 at 9:12 am and is filed "
                 "under Gardens, Frost, Greenhouses, Cold Frames, Seedlings and Winter "
                 "Vegetables. You can follow any responses to this entry through the RSS 2.0 "
                 "feed. You can leave a response, or trackback from your own site."),
           CLASS_BAD, REASON_FOOTER_TEMPLATE, 1, "longer post footer");
}
END_TEST

START_TEST(test_comment_opener_needs_article)
{
    ck_assert_int_eq(judge("Leave a Reply", 0, 0, 0, 0, 1).opens_comments, 1);
    ck_assert_int_eq(judge("12 Comments", 0, 0, 0, 0, 1).opens_comments, 1);
    ck_assert_int_eq(judge("Leave a Reply", 0, 0, 0, 0, 0).opens_comments, 0);
    /* a menu item "- Comments" is not the section itself */
    ck_assert_int_eq(judge("- Comments", 0, 0, 0, 0, 1).opens_comments, 0);
    ck_assert_int_eq(JUDGE(P1).opens_comments, 0);
    ck_assert_int_eq(judge("156 Responses to \xE2\x80\x9CShuteye\xE2\x80\x9D", 0, 0, 0, 0, 1)
                         .opens_comments, 1);
    /* a numbered heading of a table of contents is no counter */
    expect(judge("   5. Response codes..........................25", 0, 0, 0, 0, 1),
           CLASS_SHORT, REASON_CONTEXT, 0, "numbered item");
    ck_assert_int_eq(judge("3) Replies to the consultation", 0, 0, 0, 0, 1).opens_comments, 0);
    ck_assert_int_eq(judge("No comments yet. Be the first!", 0, 0, 0, 0, 1).opens_comments, 1);
    /* a counter in words is dropped, but a post's meta line has it too */
    expect(judge("No Comments", 0, 0, 0, 0, 1), CLASS_BAD, REASON_BOILER, 1, "no comments");
    ck_assert_int_eq(judge("One Response", 0, 0, 0, 0, 1).opens_comments, 0);
    /* a table's "Comment" column is no thread; a heading in a layout
     * table's cell still opens one */
    ck_assert_int_eq(judge("Comment", 0, BLOCK_CELL, 0, 0, 1).opens_comments, 0);
    ck_assert_int_eq(judge("Comments", 2, BLOCK_CELL, 0, 0, 1).opens_comments, 1);
    ck_assert_int_eq(judge("7 Responses to \xE2\x80\x9CShuteye\xE2\x80\x9D", 0, BLOCK_CELL,
                           0, 0, 1).opens_comments, 1);
    ck_assert_int_eq(judge("Comments", 0, 0, 0, 0, 1).opens_comments, 1);
}
END_TEST

START_TEST(test_link_density)
{
    size_t n = strlen(P1);
    expect(judge(P1, 0, 0, 0, n / 2, 1), CLASS_BAD, REASON_LINKS, 0, "half links");
    expect(judge(P1, 0, 0, 0, n / 10, 1), CLASS_GOOD, REASON_PROSE, 0, "few links");
    /* every word a link, and 80 of them: a tag cloud or an archive run
     * together, which no context makes an article's */
    char cloud[1200] = "";
    for (int i = 0; i < 40; i++)
        strcat(cloud, i % 2 ? "Harbour Choir " : "March 2013 ");
    expect(judge(cloud, 0, 0, 0, strlen(cloud), 1), CLASS_BAD, REASON_LINK_LIST, 1, "link list");
    expect(judge(P1, 0, 0, 0, n, 1), CLASS_BAD, REASON_LINKS, 0, "linked paragraph");
    expect(judge("Storm hits the coast", 0, 0, 0, 5, 1), CLASS_BAD, REASON_LINKS, 0,
           "short linked");
}
END_TEST

START_TEST(test_heading_like)
{
    ck_assert_int_eq(JUDGE("Storm hits the coast").heading_like, 1);
    ck_assert_int_eq(JUDGE("He said that it was late.").heading_like, 0);
    ck_assert_int_eq(JUDGE("- a list item without a stop").heading_like, 0);
    ck_assert_int_eq(judge("Item", 0, BLOCK_LIST_ITEM, 0, 0, 1).heading_like, 0);
    ck_assert_int_eq(judge(P1, 2, 0, 0, 0, 1).heading_like, 1);
    ck_assert_int_eq(JUDGE(P1).heading_like, 0);
}
END_TEST

/* The reasons' table (rules.def): one name each, short enough for the
 * --explain column, a known stage, a description; what --explain prints
 * for a reason is the table's. */
START_TEST(test_rule_table)
{
    static const char *const stages[] = { "FIRST", "WINDOW", "MODEL", "FINAL", "PAGE" };
    size_t n = 0;
    for (const ub_rule *r; (r = ub_rule_get(n)) != NULL; n++) {
        ck_assert_msg(r->reason && *r->reason && strlen(r->reason) <= 17, "rule %zu", n);
        ck_assert_str_eq(classify_reason_name((reason)n), r->reason);
        ck_assert_msg(r->description && *r->description, "%s", r->reason);
        int known = 0;
        for (size_t s = 0; s < sizeof stages / sizeof *stages; s++)
            known |= strcmp(r->stage, stages[s]) == 0;
        ck_assert_msg(known, "%s: stage %s", r->reason, r->stage);
        for (size_t j = 0; j < n; j++)
            ck_assert_str_ne(ub_rule_get(j)->reason, r->reason);
    }
    ck_assert_uint_eq(n, REASON_COUNT);
    ck_assert_str_eq(classify_reason_name(REASON_COUNT), "?");
}
END_TEST

START_TEST(test_hints)
{
    /* furniture: strong hints drop all but plainly good, long prose */
    expect(judge(P1, 0, 0, HINT_NAV, 0, 1), CLASS_BAD, REASON_FURNITURE_HINT, 0, "nav prose");
    char longer[1000];
    snprintf(longer, sizeof longer, "%s %s", P1, P2);
    expect(judge(longer, 0, 0, HINT_FOOTER, 0, 1), CLASS_NEAR_GOOD, REASON_PROSE, 0,
           "long footer prose");
    expect(judge(longer, 0, 0, HINT_COMMENT, 0, 1), CLASS_BAD, REASON_FURNITURE_HINT, 0,
           "comment prose");
    expect(judge(P1, 0, 0, HINT_SHARE | HINT_ARTICLE, 0, 1), CLASS_NEAR_GOOD,
           REASON_PROSE, 0, "share in article");
    /* weak hints demote, positive ones promote */
    expect(judge(P1, 0, 0, HINT_ASIDE, 0, 1), CLASS_NEAR_GOOD, REASON_PROSE, 0, "aside");
    expect(judge("Short aside line", 0, 0, HINT_ASIDE, 0, 1), CLASS_BAD, REASON_WEAK_HINT,
           0, "short aside");
    expect(judge(P1, 0, 0, HINT_ASIDE | HINT_ARTICLE, 0, 1), CLASS_GOOD, REASON_PROSE,
           0, "aside in article");
    expect(judge("The council voted on Tuesday to close the old library, and the "
                 "mayor said that it would be sold.", 0, 0, HINT_BODY, 0, 1),
           CLASS_GOOD, REASON_PROSE, 0, "near-good in body");
}
END_TEST

START_TEST(test_names)
{
    ck_assert_str_eq(classify_reason_name(REASON_PROSE), "prose");
    ck_assert_str_eq(classify_reason_name(REASON_REPEAT), "repeated-headline");
    ck_assert_str_eq(classify_reason_name(REASON_RELATED), "related-link");
    ck_assert_str_eq(classify_reason_name(REASON_COUNT), "?");
    for (int r = 0; r < REASON_COUNT; r++) {
        ck_assert_ptr_nonnull(classify_reason_name((reason)r));
        ck_assert_str_ne(classify_reason_name((reason)r), "?");
    }
    ck_assert_str_eq(classify_class_name(CLASS_BAD), "bad");
    ck_assert_str_eq(classify_class_name(CLASS_NEAR_GOOD), "near-good");
    ck_assert_str_eq(classify_class_name((klass)9), "?");
}
END_TEST

/* ---- context, through the filter --------------------------------------- */

/* Filter `in` (text mode) and compare with `want` byte for byte. */
static void expect_filter(const char *in, const char *want, int keep_comments)
{
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    o.keep_comments = keep_comments;
    char *out = filter_text(in, &o);
    ck_assert_msg(strcmp(out, want) == 0,
                  "line %zu differs\n--- got:\n%s\n--- want:\n%s",
                  first_diff_line(out, strlen(out), want, strlen(want)), out, want);
    free(out);
}

/* Replace every "\n" of s with "\r\n" (malloc'd). */
static char *crlf(const char *s)
{
    tbuf b = {0};
    for (; *s; s++)
        tbuf_add(&b, *s == '\n' ? "\r\n" : s, *s == '\n' ? 2 : 1);
    return b.data;
}

static void expect_filter_both(const char *in, const char *want)
{
    expect_filter(in, want, 0);
    char *ci = crlf(in), *cw = crlf(want);
    expect_filter(ci, cw, 0);
    free(ci);
    free(cw);
}

START_TEST(test_clean_article_unchanged)
{
    static const char a[] = TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n";
    expect_filter_both(a, a);
}
END_TEST

/* "A missed paragraph costs more than a kept menu item": a document that is
 * nothing but one paragraph of plain prose must come out whole. */
START_TEST(test_lone_prose_paragraph_kept)
{
    expect_filter("The council voted on Tuesday to close the old library, and the "
                  "mayor said that it would be sold to pay for the new school.\n",
                  "The council voted on Tuesday to close the old library, and the "
                  "mayor said that it would be sold to pay for the new school.\n", 0);
}
END_TEST

/* The repeated headline, in the variants scrapers produce. */
START_TEST(test_repeated_headline_variants)
{
    static const char *const second[] = {
        TITLE,
        "COUNCIL VOTES TO CLOSE THE OLD LIBRARY ON THE HILL",
        "Council votes to close the old library on the hill.",
        "Council votes: to close the old library, on the hill!",
        "Council\xc2\xa0votes to close the old\xe2\x80\x89library on the hill",
        "  Council   votes to close the old library on the hill  ",
    };
    for (size_t i = 0; i < sizeof second / sizeof *second; i++) {
        char in[2048], want[2048];
        /* with a blank line between the copies, and without */
        snprintf(in, sizeof in, TITLE "\n\n%s\n\n" P1 "\n\n" P2 "\n", second[i]);
        snprintf(want, sizeof want, TITLE "\n\n" P1 "\n\n" P2 "\n");
        expect_filter_both(in, want);
        snprintf(in, sizeof in, TITLE "\n%s\n\n" P1 "\n\n" P2 "\n", second[i]);
        expect_filter_both(in, want);
    }
}
END_TEST

/* Lines that come twice before the article: the site's name and a menu
 * link are not its headline, the line that names what it is about is;
 * and one headline is enough. */
START_TEST(test_repeated_line_names_article)
{
    static const char in[] = "Notes From a Quiet Garden\n\nView all tag posts\n\n"
                             "Notes From a Quiet Garden\n\nView all tag posts\n\n"
                             TITLE "\n\n" TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n";
    static const char want[] = TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n";
    expect_filter_both(in, want);
}
END_TEST

START_TEST(test_repeated_heading_later)
{
    static const char in[] = TITLE "\n\n" P1 "\n\n" P2 "\n\nWhat comes next\n\n" P3
                             "\n\nwhat comes next\n\n" P4 "\n";
    static const char want[] = TITLE "\n\n" P1 "\n\n" P2 "\n\nWhat comes next\n\n" P3
                               "\n\n" P4 "\n";
    expect_filter_both(in, want);
}
END_TEST

START_TEST(test_related_link_removed)
{
    static const char *const links[] = {
        "See also\xc2\xa0 The new moon brings a drastic change in these three signs",
        "SEE ALSO: The new moon brings a drastic change",
        "Read more: Ten things to do in the town this weekend",
        "Related: Storm hits the coast",
        "https://news.example.com/2024/01/storm-hits-the-coast.html",
    };
    for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
        char in[2048];
        snprintf(in, sizeof in, P1 "\n\n%s\n\n" P2 "\n", links[i]);
        expect_filter_both(in, P1 "\n\n" P2 "\n");
        snprintf(in, sizeof in, P1 "\n%s\n" P2 "\n", links[i]);
        expect_filter_both(in, P1 "\n" P2 "\n");
    }
}
END_TEST

START_TEST(test_short_line_between_paragraphs_kept)
{
    static const char a[] = P1 "\n\nThe mayor told reporters after the meeting.\n\n" P2
                            "\n\n\xe2\x80\x93 He spoke to journalists, John Smith, mayor.\n\n"
                            P3 "\n";
    expect_filter_both(a, a);
}
END_TEST

START_TEST(test_heading_before_text_kept)
{
    static const char a[] = TITLE "\n\n" P1 "\n\nWhat the residents say\n\n" P2
                            "\n\n" P3 "\n";
    expect_filter_both(a, a);
}
END_TEST

START_TEST(test_menu_and_footer_removed)
{
    static const char in[] =
        "Skip to content\n"
        "Home | News | Sport | Weather | Culture\n"
        "Log in\n\n"
        TITLE "\n\n" P1 "\n\n" P2 "\n\n"
        "Share 0 Tweet 0\n\n"
        "Tags: library, council, schools\n"
        "\xc2\xa9 2024 Example Town News. All rights reserved.\n";
    static const char want[] = TITLE "\n\n" P1 "\n\n" P2 "\n";
    expect_filter_both(in, want);
}
END_TEST

START_TEST(test_comment_section_cut)
{
    static const char in[] =
        TITLE "\n\n" P1 "\n\n" P2 "\n\n"
        "3 Comments\n\n"
        "Jane says:\n" P3 "\n\n"
        "Bob says:\n" P4 "\n";
    expect_filter_both(in, TITLE "\n\n" P1 "\n\n" P2 "\n");
    static const char in2[] =
        TITLE "\n\n" P1 "\n\n" P2 "\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        P3 "\n";
    expect_filter_both(in2, TITLE "\n\n" P1 "\n\n" P2 "\n");
}
END_TEST

/* --keep-comments keeps the comments themselves; the opener stays out. */
START_TEST(test_keep_comments)
{
    static const char in[] =
        TITLE "\n\n" P1 "\n\n" P2 "\n\nLeave a Reply\n\n" P3 "\n\n" P4 "\n";
    expect_filter(in, TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n", 1);
}
END_TEST

/* "Comments" in a menu above the article is not the comment section. */
START_TEST(test_comments_menu_item_before_article)
{
    static const char in[] = "Comments\n\n" TITLE "\n\n" P1 "\n\n" P2 "\n";
    expect_filter_both(in, TITLE "\n\n" P1 "\n\n" P2 "\n");
}
END_TEST

/* A comment link before a short article: long paragraphs with short ones
 * between them are still the article, and undo the cut. */
START_TEST(test_comment_link_before_short_article)
{
    static const char in[] = P1 "\n\nComments\n\n" TITLE "\n\n" P2 "\n\n"
                             "The vote is on Monday.\n\n" P3 "\n";
    expect_filter(in, P1 "\n\n" TITLE "\n\n" P2 "\n\nThe vote is on Monday.\n\n" P3 "\n", 0);
}
END_TEST

/* ... but a thread's byline with a bare date makes the early cut sure. */
START_TEST(test_comment_thread_date_byline)
{
    static const char in[] = TITLE "\n\n" P1 "\n\nComments\n\nJane\n\n"
                             "10.29.2012\n\n" P3 "\n\n" P4 "\n";
    expect_filter(in, TITLE "\n\n" P1 "\n", 0);
}
END_TEST

/* Dated headlines each over their article's paragraphs (an archive page of
 * a column) are no thread: paragraphs that go on with no date between them
 * give the cut back. */
#define P5 "The library's books will be stored in the school's hall over the " \
           "winter, and a van will take the most asked for of them round the " \
           "villages on Saturdays until the new room is ready for them."
START_TEST(test_dated_headlines_are_no_thread)
{
    static const char in[] = TITLE "\n\n" P1 "\n\nLibrary sale 15 Jan 2004\n\n" P2
                             "\n\nTown hall plan 20 Aug 2003\n\n" P3 "\n\n" P4 "\n\n" P5 "\n";
    expect_filter(in, in, 0);
}
END_TEST

/* ... but a thread of dated bylines whose comments run to two paragraphs
 * is still cut. */
START_TEST(test_dated_thread_of_long_comments)
{
    static const char in[] = TITLE "\n\n" P1 "\n\nHelen 14 Aug 13\n\n" P2 "\n\n" P3
                             "\n\nJonas 15 Aug 13\n\n" P4 "\n\n" P5
                             "\n\nmarek_p 15 Aug 13\n\nDo the old lamps go to the school too?\n";
    expect_filter(in, TITLE "\n\n" P1 "\n", 0);
}
END_TEST

/* An article of middling paragraphs, none of them long enough to be
 * "good", may still be followed by its thread; "Comments:" among other
 * labels of a work's counts opens none. */
#define BRIEF "The new lights along the harbour wall were switched on at dusk " \
              "on Friday, a month later than the council had planned."
#define BRIEF2 "The council said the old lamps had used four times as much " \
               "power and were hard to mend."
START_TEST(test_comment_thread_after_middling_article)
{
    static const char in[] = TITLE "\n\n" BRIEF "\n\n" BRIEF2 "\n\n3 Comments\n\n"
                             "Ann, 2 May 2013, 6:29 pm\n\n" P3 "\n\n" P4 "\n";
    expect_filter(in, TITLE "\n\n" BRIEF "\n\n" BRIEF2 "\n", 0);
    static const char labels[] = BRIEF "\n\nWords:\n\n5120\n\nComments:\n\n"
                                 "17\n\nKudos:\n\n230\n\n" P3 "\n";
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_TEXT;
    char *out = filter_text(labels, &o);
    ck_assert_ptr_nonnull(strstr(out, P3));
    free(out);
}
END_TEST

START_TEST(test_off_topic_title_line_removed)
{
    static const char in[] = TITLE "\n\n" P1 "\n\n" P2 "\n\n"
                             "Celebrity chef opens seaside bakery tomorrow\n\n"
                             P3 "\n\n" P4 "\n";
    expect_filter_both(in, TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n");
}
END_TEST

/* Per-document memory resets at a NUL with -z: the headline and the comment
 * cut-off of one document do not touch the next. */
START_TEST(test_documents_independent)
{
    static const char doc[] = TITLE "\n\n" P1 "\n\n" P2 "\n\nLeave a Reply\n\n" P3 "\n";
    static const char want[] = TITLE "\n\n" P1 "\n\n" P2 "\n";
    tbuf in = {0}, exp = {0};
    for (int i = 0; i < 3; i++) {
        tbuf_add(&in, doc, sizeof doc - 1);
        tbuf_add(&in, "", 1);
        tbuf_add(&exp, want, sizeof want - 1);
        tbuf_add(&exp, "", 1);
    }
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    run_result r;
    run_filter(&o, in.data, in.len, (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_uint_eq(r.out_len, exp.len);
    ck_assert_mem_eq(r.out, exp.data, exp.len);
    ck_assert_uint_eq(r.counts.documents, 3);
    run_result_free(&r);
    tbuf_free(&in);
    tbuf_free(&exp);
}
END_TEST

Suite *classify_suite(void)
{
    Suite *s = suite_create("classify");
    TCase *tc = tcase_create("labels");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_label_by_length_and_density);
    tcase_add_test(tc, test_title_flag);
    tcase_add_test(tc, test_rules);
    tcase_add_test(tc, test_comment_opener_needs_article);
    tcase_add_test(tc, test_link_density);
    tcase_add_test(tc, test_heading_like);
    tcase_add_test(tc, test_hints);
    tcase_add_test(tc, test_rule_table);
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("context");
    tcase_add_test(tc, test_clean_article_unchanged);
    tcase_add_test(tc, test_lone_prose_paragraph_kept);
    tcase_add_test(tc, test_repeated_headline_variants);
    tcase_add_test(tc, test_repeated_heading_later);
    tcase_add_test(tc, test_repeated_line_names_article);
    tcase_add_test(tc, test_related_link_removed);
    tcase_add_test(tc, test_short_line_between_paragraphs_kept);
    tcase_add_test(tc, test_heading_before_text_kept);
    tcase_add_test(tc, test_menu_and_footer_removed);
    tcase_add_test(tc, test_comment_section_cut);
    tcase_add_test(tc, test_keep_comments);
    tcase_add_test(tc, test_comments_menu_item_before_article);
    tcase_add_test(tc, test_comment_link_before_short_article);
    tcase_add_test(tc, test_comment_thread_date_byline);
    tcase_add_test(tc, test_dated_headlines_are_no_thread);
    tcase_add_test(tc, test_dated_thread_of_long_comments);
    tcase_add_test(tc, test_comment_thread_after_middling_article);
    tcase_add_test(tc, test_off_topic_title_line_removed);
    tcase_add_test(tc, test_documents_independent);
    suite_add_tcase(s, tc);
    return s;
}
