/* check_html_reader.c - html_reader and encoding: blocks, hints, title,
 * charsets, chunking invariance, bounded memory on hostile input. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlversion.h>

#include "encoding.h"
#include "html_hints.h"
#include "html_reader.h"
#include "suites.h"
#include "testutil.h"

/* Test-only accessors defined in html_reader.c and html_driver.c. */
extern size_t html_reader_max_pending(const html_reader *r);
extern unsigned html_reader_rescues(const html_reader *r);
extern unsigned long html_reader_shielded_count(const html_reader *r);
extern const char *html_reader_charset(const html_reader *r);
extern int html_driver_libxml2_ok(const char *runtime);

/* ---- collecting blocks ------------------------------------------------------ */

typedef struct tblock {
    char *text;
    size_t len, link_len, lead_link;
    unsigned heading, flags, hints;
    uint32_t box, outer[2];
} tblock;

typedef struct result {
    tblock *b;
    size_t n, cap;
    ub_status status;
    char lang[64];
    char charset[ENCODING_NAME_MAX];
    unsigned long errors;
    size_t max_pending;
    unsigned rescues;
    unsigned long shielded;  /* what html_shield left out */
    size_t fail_at;      /* emit fails on this block (1-based), 0 = never */
    int keep_text;       /* 0: only count, for huge inputs */
    size_t total_len;
    char last[64];       /* the last block's text, cut */
} result;

static ub_status collect_cb(void *ctx, const block *b)
{
    result *res = ctx;
    ck_assert_msg(b->len <= BLOCK_MAX, "block of %zu bytes", b->len);
    ck_assert_msg(b->link_len <= b->len, "link_len %zu > len %zu", b->link_len,
                  b->len);
    ck_assert_msg(b->len > 0, "empty block");
    if (res->fail_at != 0 && res->n + 1 == res->fail_at)
        return UB_EWRITE;
    if (res->n == res->cap) {
        res->cap = res->cap ? res->cap * 2 : 16;
        res->b = realloc(res->b, res->cap * sizeof *res->b);
        ck_assert_ptr_nonnull(res->b);
    }
    tblock *t = &res->b[res->n++];
    t->len = b->len;
    t->link_len = b->link_len;
    t->lead_link = b->lead_link;
    ck_assert_msg(b->lead_link <= b->link_len, "lead_link %zu > link_len %zu",
                  b->lead_link, b->link_len);
    t->heading = b->heading;
    t->flags = b->flags;
    t->hints = b->hints;
    t->box = b->box;
    t->outer[0] = b->outer[0];
    t->outer[1] = b->outer[1];
    t->text = NULL;
    if (res->keep_text || res->n < 64) {
        t->text = malloc(b->len + 1);
        ck_assert_ptr_nonnull(t->text);
        memcpy(t->text, b->text, b->len);
        t->text[b->len] = '\0';
    }
    res->total_len += b->len;
    snprintf(res->last, sizeof res->last, "%.*s", (int)b->len, b->text);
    return UB_OK;
}

static void result_free(result *res)
{
    for (size_t i = 0; i < res->n; i++)
        free(res->b[i].text);
    free(res->b);
    memset(res, 0, sizeof *res);
}

static void finish(html_reader *r, result *res, ub_status st)
{
    if (st == UB_OK)
        st = html_reader_end(r);
    else
        html_reader_end(r);
    res->status = st;
    snprintf(res->lang, sizeof res->lang, "%s", html_reader_lang(r));
    snprintf(res->charset, sizeof res->charset, "%s", html_reader_charset(r));
    res->errors = html_reader_errors(r);
    res->max_pending = html_reader_max_pending(r);
    res->rescues = html_reader_rescues(r);
    res->shielded = html_reader_shielded_count(r);
    html_reader_free(r);
}

/* Parses `len` bytes fed `chunk` bytes at a time (0: all at once), the
 * class and id values looked up through `memo` (may be NULL). */
static void parse_memo_opts(const char *html, size_t len, size_t chunk, const char *enc,
                            const char *http, hints_memo *memo, result *res)
{
    ub_status st;
    memset(res, 0, sizeof *res);
    res->keep_text = 1;
    html_reader *r = html_reader_new(&mem_stdlib, enc, http, collect_cb, res, &st);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(st, UB_OK);
    html_reader_set_hints_memo(r, memo);
    if (chunk == 0)
        chunk = len ? len : 1;
    for (size_t off = 0; off < len && st == UB_OK; off += chunk)
        st = html_reader_feed(r, html + off, len - off < chunk ? len - off : chunk);
    finish(r, res, st);
}

static void parse_opts(const char *html, size_t len, size_t chunk,
                       const char *enc, const char *http, result *res)
{
    parse_memo_opts(html, len, chunk, enc, http, NULL, res);
}

static void parse(const char *html, result *res)
{
    parse_opts(html, strlen(html), 0, NULL, NULL, res);
    ck_assert_int_eq(res->status, UB_OK);
}

/* Index of the first body block with exactly this text, or -1. */
static long find(const result *res, const char *text)
{
    for (size_t i = 0; i < res->n; i++)
        if (res->b[i].text != NULL && !(res->b[i].flags & BLOCK_TITLE) &&
            strcmp(res->b[i].text, text) == 0)
            return (long)i;
    return -1;
}

static const tblock *get(const result *res, const char *text)
{
    long i = find(res, text);
    ck_assert_msg(i >= 0, "no block \"%s\"", text);
    return &res->b[i];
}

/* Whether any block contains `needle`. */
static int contains(const result *res, const char *needle)
{
    for (size_t i = 0; i < res->n; i++)
        if (res->b[i].text != NULL && strstr(res->b[i].text, needle) != NULL)
            return 1;
    return 0;
}

static size_t body_blocks(const result *res)
{
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++)
        n += !(res->b[i].flags & BLOCK_TITLE);
    return n;
}

/* The body blocks' texts joined by '|'. */
static char *joined(const result *res)
{
    size_t n = 1;
    for (size_t i = 0; i < res->n; i++)
        n += res->b[i].len + 1;
    char *s = malloc(n), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < res->n; i++) {
        if (res->b[i].flags & BLOCK_TITLE)
            continue;
        if (p != s)
            *p++ = '|';
        memcpy(p, res->b[i].text, res->b[i].len);
        p += res->b[i].len;
    }
    *p = '\0';
    return s;
}

static void expect_blocks(const char *html, const char *want)
{
    result res;
    parse(html, &res);
    char *got = joined(&res);
    ck_assert_str_eq(got, want);
    free(got);
    result_free(&res);
}

/* ---- blocks -------------------------------------------------------------------- */

START_TEST(test_paragraphs)
{
    expect_blocks("<p>One</p><p>Two</p><div>Three<p>Four</p>Five</div>",
                  "One|Two|Three|Four|Five");
    expect_blocks("<div><div>a</div><section>b</section><h2>c</h2>"
                  "<article>d<ul><li>e</li></ul></article></div>",
                  "a|b|c|d|e");
    /* an unclosed p is closed by the next one, as browsers do */
    expect_blocks("<p>x<p>y", "x|y");
}
END_TEST

/* A list or quote inside an article body names the body as the container
 * around its own; a list elsewhere does not. */
START_TEST(test_outer)
{
    static const char page[] =
        "<div class=body><p>Para</p><ul><li>Item</li></ul>"
        "<blockquote><p>Quote</p></blockquote></div>"
        "<div class=side><ul><li>Other</li></ul></div>";
    result res;
    parse(page, &res);
    ck_assert_uint_eq(res.n, 4);
    uint32_t body = res.b[0].box;
    ck_assert_uint_ne(body, 0);
    ck_assert_uint_ne(res.b[1].box, body);
    ck_assert_uint_eq(res.b[1].outer[0], body);
    ck_assert_uint_ne(res.b[2].box, body);
    ck_assert_uint_eq(res.b[2].outer[0], body);
    ck_assert_uint_ne(res.b[3].box, body);
    ck_assert_uint_ne(res.b[3].outer[0], body);
    ck_assert_uint_ne(res.b[3].outer[1], body);
    result_free(&res);
}
END_TEST

/* Reads a layout table of n blocks: blocks 0-1 in its menu column, 2-3 in
 * its article column, two boxes. */
static void parse_two_columns(const char *html, size_t n, result *res)
{
    parse(html, res);
    ck_assert_uint_eq(res->n, n);
    ck_assert_uint_eq(res->b[0].box, res->b[1].box);
    ck_assert_uint_eq(res->b[2].box, res->b[3].box);
    ck_assert_uint_ne(res->b[0].box, res->b[2].box);
}

/* A table cell is a container of its own, named by its place in its row:
 * a layout table's menu column and article column are two containers
 * (by name alone, td under tr, they were one), the same column in the
 * next row is the first's again, and a data table's rows, each one block,
 * share one. */
START_TEST(test_cell_boxes)
{
    result res;
    parse_two_columns("<table><tr><td><p>Menu a</p><p>Menu b</p></td>"
                      "<td><p>Body one</p><p>Body two</p></td></tr>"
                      "<tr><td><p>Menu c</p></td><td><p>Body three</p></td></tr></table>",
                      6, &res);
    ck_assert_uint_eq(res.b[4].box, res.b[0].box);
    ck_assert_uint_eq(res.b[5].box, res.b[2].box);
    result_free(&res);
    /* text right inside the cells, parted by <br><br> */
    parse_two_columns("<table><tr><td>Menu<br><br>More</td><td>Body<br><br>Text</td></tr></table>",
                      4, &res);
    ck_assert_str_eq(res.b[2].text, "Body");
    result_free(&res);
    parse("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", &res);
    ck_assert_uint_eq(res.n, 2);
    ck_assert(res.b[0].flags & BLOCK_ROW);
    ck_assert_uint_eq(res.b[0].box, res.b[1].box);
    ck_assert_uint_ne(res.b[0].box, 0);
    result_free(&res);
}
END_TEST

START_TEST(test_inline_join)
{
    expect_blocks("<p>a <b>bold</b> <i>it</i><span>x</span>y "
                  "<custom-el>custom</custom-el> <font>f</font></p>",
                  "a bold itxy custom f");
    expect_blocks("<p>foo<a href=\"/\">bar</a>baz</p>", "foobarbaz");
}
END_TEST

START_TEST(test_br)
{
    result res;
    parse("<div>one<br>two<br> \n <br>three<br><br><br>four</div>", &res);
    char *got = joined(&res);
    ck_assert_str_eq(got, "one two|three|four");
    free(got);
    ck_assert_uint_eq(get(&res, "one two")->flags & BLOCK_BREAK, BLOCK_BREAK);
    ck_assert_uint_eq(get(&res, "three")->flags & BLOCK_BREAK, BLOCK_BREAK);
    ck_assert_uint_eq(get(&res, "four")->flags & BLOCK_BREAK, 0);
    result_free(&res);
    /* text between two brs keeps them apart */
    expect_blocks("<p>a<br>b<br>c</p>", "a b c");
}
END_TEST

START_TEST(test_entities)
{
    expect_blocks("<p>&amp; &lt;x&gt; &eacute;&#233;&#xE9; &#x263A; "
                  "&quot;q&quot; caf&eacute;&nbsp;au&nbsp;lait&nbsp;</p>",
                  "& <x> \xC3\xA9\xC3\xA9\xC3\xA9 \xE2\x98\xBA \"q\" "
                  "caf\xC3\xA9 au lait");
}
END_TEST

/* The shield hands most text to the reader apart from libxml2, a mark
 * in its place (html_shield_queue_texts): the text read is the page's,
 * however it is cut, where the page has the mark's characters itself,
 * where libxml2 reads on from an '&' or a '<' into the text, and where
 * libxml2's buffer of 1000 bytes ends between a mark's two characters. */
static void expect_blocks_cut(const char *html, const char *want)
{
    static const size_t cuts[] = {0, 1, 7, 100, 999};
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        result res;
        parse_opts(html, strlen(html), cuts[c], NULL, NULL, &res);
        ck_assert_int_eq(res.status, UB_OK);
        char *got = joined(&res);
        ck_assert_msg(strcmp(got, want) == 0, "cut %zu: \"%s\"", cuts[c], got);
        free(got);
        result_free(&res);
    }
}

START_TEST(test_queued_text)
{
    /* the mark's characters in the page, whole and apart, and as
     * references, which libxml2 hands on alone, with runs queued after */
    expect_blocks_cut("<p>a\xee\x80\x80\xee\x80\x81" "b and more words</p>"
                      "<p>x &#xE000;&#xE001; y \xee\x80\x80" " z</p><p>a queued paragraph</p>",
                      "a\xee\x80\x80\xee\x80\x81" "b and more words|"
                      "x \xee\x80\x80\xee\x80\x81" " y \xee\x80\x80" " z|a queued paragraph");
    /* references libxml2 reads on into the text after them */
    expect_blocks_cut("<p>&#65;bcdefgh &#x42;cdefgh &amp;ampersand words &copyright notice</p>",
                      "Abcdefgh Bcdefgh &ampersand words \xc2\xa9right notice");
    /* a processing instruction libxml2 reads to its '>', '&' and all */
    expect_blocks_cut("<p>before it</p><?php echo a && b; ?><p>after the instruction</p>",
                      "before it|after the instruction");
    /* text libxml2 hands on in pieces of 1000 bytes: "ab " and then
     * marks of two 3-byte characters, so that its 1000th byte is in the
     * 167th mark */
    char html[8192], want[8192];
    size_t h = (size_t)snprintf(html, sizeof html, "<p>ab  "), w = (size_t)snprintf(want, sizeof want, "ab");
    for (int k = 0; k < 400; k++) {
        h += (size_t)snprintf(html + h, sizeof html - h, "w%05d  ", k);
        w += (size_t)snprintf(want + w, sizeof want - w, " w%05d", k);
    }
    snprintf(html + h, sizeof html - h, "</p><p>last words here</p>");
    snprintf(want + w, sizeof want - w, "|last words here");
    expect_blocks_cut(html, want);
}
END_TEST

/* The page's own U+E000 or U+E001, or a reference to one, stops the queue
 * for the rest of the page (sh_pua_scan): after a '<' that opens no tag
 * libxml2 reads the page's pair where the shield saw text, and would have
 * taken it for a mark.  Runs queued before it are read in their places;
 * the text is the page's, whole and cut anywhere (cuts 1 and 7 put the
 * pair and the reference in a later piece than the first runs). */
START_TEST(test_queued_text_page_pua)
{
    expect_blocks_cut("<p>one queued run of words here</p>"
                      "<p>then <\xee\x80\x80\xee\x80\x81 and words after it</p>"
                      "<p>another run of words</p>",
                      "one queued run of words here|"
                      "then <\xee\x80\x80\xee\x80\x81 and words after it|"
                      "another run of words");
    expect_blocks_cut("<p>one queued run of words here</p>"
                      "<p>then <&#0057344;&#xe001 and words after it</p>"
                      "<p>another run of words</p>",
                      "one queued run of words here|"
                      "then <\xee\x80\x80\xee\x80\x81 and words after it|"
                      "another run of words");
}
END_TEST

START_TEST(test_whitespace)
{
    expect_blocks("<p>  a \n\t b  </p><p> \n </p><div>\n\n</div>"
                  "<p>c\r\n\r\nd</p>",
                  "a b|c d");
    expect_blocks("<p>x <b> </b> y</p>", "x y");
}
END_TEST

START_TEST(test_pre)
{
    result res;
    parse("<p>before</p><pre>\n  x = 1;\r\n\ty <b>=</b> 2;\n\n</pre>"
          "<pre>a<br>b</pre><pre>   \n  </pre><p>after</p>",
          &res);
    char *got = joined(&res);
    ck_assert_str_eq(got, "before|  x = 1;\n\ty = 2;|a\nb|after");
    free(got);
    ck_assert_uint_eq(get(&res, "  x = 1;\n\ty = 2;")->flags & BLOCK_PRE,
                      BLOCK_PRE);
    ck_assert_uint_eq(get(&res, "after")->flags & BLOCK_PRE, 0);
    result_free(&res);
}
END_TEST

START_TEST(test_link_len)
{
    result res;
    parse("<p>Read <a href=\"/x\">this link</a> now</p>"
          "<p><a href=\"/a\">all</a> <a href=\"/b\">links</a></p>"
          "<p><a name=\"anchor\">no href</a></p>"
          "<p><a href=\"/c\"> <b>nested</b> bold </a>text</p>",
          &res);
    ck_assert_uint_eq(get(&res, "Read this link now")->link_len, 9);
    /* the space between two links is link text too */
    const tblock *b = get(&res, "all links");
    ck_assert_uint_eq(b->link_len, b->len);
    ck_assert_uint_eq(get(&res, "no href")->link_len, 0);
    ck_assert_uint_eq(get(&res, "nested bold text")->link_len, 11);
    result_free(&res);
}
END_TEST

/* lead_link: the linked text a block opens with, a teaser item's headline */
START_TEST(test_lead_link)
{
    result res;
    parse("<p><a href=\"/x\">Court revives a claim</a> Jan 16 The appeals court...</p>"
          "<p>Read <a href=\"/x\">this link</a> now</p>"
          "<p><a href=\"/a\">all</a> <a href=\"/b\">links</a></p>",
          &res);
    ck_assert_uint_eq(get(&res, "Court revives a claim Jan 16 The appeals court...")->lead_link,
                      21);
    ck_assert_uint_eq(get(&res, "Read this link now")->lead_link, 0);
    const tblock *b = get(&res, "all links");
    ck_assert_uint_eq(b->lead_link, b->len);
    result_free(&res);
}
END_TEST

START_TEST(test_headings)
{
    result res;
    parse("<h1>one</h1><h2>two <span>x</span></h2><h3>three</h3><h4>four</h4>"
          "<h5>five</h5><h6>six</h6><p>para</p>",
          &res);
    ck_assert_uint_eq(get(&res, "one")->heading, 1);
    ck_assert_uint_eq(get(&res, "two x")->heading, 2);
    ck_assert_uint_eq(get(&res, "three")->heading, 3);
    ck_assert_uint_eq(get(&res, "four")->heading, 4);
    ck_assert_uint_eq(get(&res, "five")->heading, 5);
    ck_assert_uint_eq(get(&res, "six")->heading, 6);
    ck_assert_uint_eq(get(&res, "para")->heading, 0);
    result_free(&res);
}
END_TEST

/* A row whose cell holds a block is a layout row: its cells stay blocks
 * of their own; so does a row grown past ROW_MAX bytes, from its long cell
 * on.  An empty cell still parts its neighbours. */
START_TEST(test_table_rows)
{
    result res;
    tbuf page = {0};
    tbuf_addf(&page, "<table><tr><td><p>article</p></td><td>side</td></tr>"
                     "<tr><td>a</td><td></td><td>c</td></tr>"
                     "<tr><td>short</td><td>");
    for (int i = 0; i < 120; i++)
        tbuf_addf(&page, "long text ");
    tbuf_addf(&page, "</td><td>after</td></tr></table>");
    parse(page.data, &res);
    ck_assert_uint_eq(get(&res, "article")->flags, BLOCK_CELL);
    ck_assert_uint_eq(get(&res, "side")->flags, BLOCK_CELL);
    ck_assert_uint_eq(get(&res, "a\t\tc")->flags, BLOCK_CELL | BLOCK_ROW);
    ck_assert_uint_eq(get(&res, "short")->flags, BLOCK_CELL | BLOCK_ROW);
    ck_assert_uint_eq(get(&res, "after")->flags, BLOCK_CELL);
    result_free(&res);
    tbuf_free(&page);
}
END_TEST

/* A legacy reference without its ';' is the character a browser shows
 * (review: "&amp chips &copy 2020" came out as written). */
START_TEST(test_legacy_refs_without_semicolon)
{
    expect_blocks("<p>Fish &amp chips &copy 2020 a&nbspb &lt3 &AMP; &eacute</p>"
                  "<p>AT&T R&D &notin; &copyright</p>",
                  "Fish & chips \xC2\xA9 2020 a b <3 & \xC3\xA9|"
                  "AT&T R&D \xE2\x88\x89 \xC2\xA9right");
}
END_TEST

/* A row cut where it outgrew ROW_MAX: the cell it was cut in begins its
 * own block without the blank it began with, as every block does
 * (review: " tail words" kept its leading space when the blank and the
 * words came in one piece of text, and lost it when they came apart, as
 * in " <i>it</i>"; the writer printed the line with a leading space). */
START_TEST(test_table_row_cut_no_leading_blank)
{
    const char *cells[] = { " tail words", "\n  <i>it</i> x", " a &amp; b" };
    for (size_t c = 0; c < sizeof cells / sizeof *cells; c++) {
        tbuf page = {0}, want = {0};
        tbuf_addf(&page, "<table><tr><td>");
        for (int i = 0; i < 999; i++) {
            tbuf_add(&page, "a", 1);
            tbuf_add(&want, "a", 1);
        }
        tbuf_addf(&page, "</td><td>%s</td><td>end</td></tr></table>", cells[c]);
        tbuf_addf(&want, "|%s|end", c == 0 ? "tail words" : c == 1 ? "it x" : "a & b");
        expect_blocks(page.data, want.data);
        tbuf_free(&page);
        tbuf_free(&want);
    }
}
END_TEST

/* A paragraph break in a cell (<br><br>, a layout table's way) makes
 * the row a layout row: the cell's last paragraph does not run on into
 * the next cell's text as one row block. */
START_TEST(test_table_row_break)
{
    expect_blocks("<table><tr><td>menu<br><br>note</td><td>article</td></tr>"
                  "<tr><td>a</td><td>b</td></tr></table>",
                  "menu|note|article|a\tb");
}
END_TEST

START_TEST(test_flags)
{
    result res;
    parse("<ul><li>item</li><li><p>para in item</p></li></ul>"
          "<dl><dt>term</dt><dd>def</dd></dl>"
          "<table><caption>cap</caption><tr><th>head</th><td>cell</td></tr>"
          "</table><blockquote><p>quoted</p>bare</blockquote>"
          "<figure><img src=x alt=\"ALT\"><figcaption>figcap</figcaption>"
          "</figure><p>plain</p>",
          &res);
    ck_assert_uint_eq(get(&res, "item")->flags, BLOCK_LIST_ITEM);
    ck_assert_uint_eq(get(&res, "para in item")->flags, BLOCK_LIST_ITEM);
    ck_assert_uint_eq(get(&res, "term")->flags, BLOCK_LIST_ITEM);
    ck_assert_uint_eq(get(&res, "def")->flags, BLOCK_LIST_ITEM);
    ck_assert_uint_eq(get(&res, "cap")->flags, BLOCK_CAPTION);
    /* a row of cells holding text alone is one block, a tab between cells */
    ck_assert_uint_eq(get(&res, "head\tcell")->flags, BLOCK_CELL | BLOCK_ROW);
    ck_assert_uint_eq(get(&res, "quoted")->flags, BLOCK_QUOTE);
    ck_assert_uint_eq(get(&res, "bare")->flags, BLOCK_QUOTE);
    ck_assert_uint_eq(get(&res, "figcap")->flags, BLOCK_CAPTION);
    ck_assert_uint_eq(get(&res, "plain")->flags, 0);
    ck_assert(!contains(&res, "ALT"));
    result_free(&res);
}
END_TEST

/* ---- hints --------------------------------------------------------------------- */

static unsigned hints_of(const char *html, const char *text)
{
    result res;
    parse(html, &res);
    unsigned h = get(&res, text)->hints;
    result_free(&res);
    return h;
}

START_TEST(test_hints_structural)
{
    ck_assert_uint_eq(hints_of("<nav><a href=/>Home</a></nav>", "Home"),
                      HINT_NAV);
    ck_assert_uint_eq(hints_of("<menu><li>m</li></menu>", "m"), HINT_NAV);
    ck_assert_uint_eq(hints_of("<header><p>h</p></header>", "h"), HINT_HEADER);
    /* the article's own header is not the page's */
    ck_assert_uint_eq(hints_of("<article><header><h1>t</h1></header></article>",
                               "t"),
                      HINT_ARTICLE);
    ck_assert_uint_eq(hints_of("<footer><p>f</p></footer>", "f"), HINT_FOOTER);
    ck_assert_uint_eq(hints_of("<aside><p>a</p></aside>", "a"), HINT_ASIDE);
    ck_assert_uint_eq(hints_of("<form><p>x</p></form>", "x"), HINT_FORM);
    ck_assert_uint_eq(hints_of("<div role=\"navigation\">n</div>", "n"),
                      HINT_NAV);
    ck_assert_uint_eq(hints_of("<div role=menubar>n</div>", "n"), HINT_NAV);
    ck_assert_uint_eq(hints_of("<div role=\"banner\">b</div>", "b"),
                      HINT_HEADER);
    ck_assert_uint_eq(hints_of("<div role=\"contentinfo\">c</div>", "c"),
                      HINT_FOOTER);
    ck_assert_uint_eq(hints_of("<div role=\"complementary\">c</div>", "c"),
                      HINT_ASIDE);
    ck_assert_uint_eq(hints_of("<div role=\"main\">m</div>", "m"), HINT_MAIN);
    ck_assert_uint_eq(hints_of("<div hidden>h</div>", "h"), HINT_HIDDEN);
    ck_assert_uint_eq(hints_of("<div aria-hidden=\"true\">h</div>", "h"),
                      HINT_HIDDEN);
    ck_assert_uint_eq(hints_of("<div aria-hidden=\"false\">v</div>", "v"), 0);
    ck_assert_uint_eq(
        hints_of("<div style=\"color:red; DISPLAY : none\">h</div>", "h"),
        HINT_HIDDEN);
    ck_assert_uint_eq(
        hints_of("<div style=\"visibility:hidden\">h</div>", "h"),
        HINT_HIDDEN);
    ck_assert_uint_eq(hints_of("<div style=\"display:block\">v</div>", "v"),
                      0);
    ck_assert_uint_eq(hints_of("<article><p>a</p></article>", "a"),
                      HINT_ARTICLE);
    ck_assert_uint_eq(hints_of("<main><p>m</p></main>", "m"), HINT_MAIN);
    /* a browser shows a dialog only when it is open */
    ck_assert_uint_eq(hints_of("<dialog><p>d</p></dialog>", "d"), HINT_HIDDEN);
    ck_assert_uint_eq(hints_of("<dialog class=x><p>d</p></dialog>", "d"), HINT_HIDDEN);
    ck_assert_uint_eq(hints_of("<dialog open><p>d</p></dialog>", "d"), 0);
    ck_assert_uint_eq(hints_of("<dialog OPEN=\"\" id=y><p>d</p></dialog>", "d"), 0);
    ck_assert_uint_eq(hints_of("<div itemprop=\"ArticleBody\">b</div>", "b"),
                      HINT_BODY);
    /* inherited through everything inside */
    ck_assert_uint_eq(
        hints_of("<footer><div><ul><li><span>deep</span></li></ul></div>"
                 "</footer>",
                 "deep"),
        HINT_FOOTER);
    /* the body's and html's classes describe the page, not a part */
    ck_assert_uint_eq(hints_of("<html class=\"has-comments\"><body "
                               "class=\"sidebar single-post\"><p>x</p>",
                               "x"),
                      0);
}
END_TEST

START_TEST(test_hints_tokens)
{
    static const struct {
        const char *cls;
        unsigned hint;
    } cases[] = {
        {"comments-area", HINT_COMMENT}, {"commentlist", HINT_COMMENT},
        {"disqus_thread", HINT_COMMENT}, {"respond", HINT_COMMENT},
        {"discussion", HINT_COMMENT},
        {"share-buttons", HINT_SHARE}, {"sharedaddy", HINT_SHARE},
        {"social-links", HINT_SHARE}, {"addthis_toolbox", HINT_SHARE},
        {"sharing", HINT_SHARE}, {"sociable", HINT_SHARE},
        {"related-posts", HINT_RELATED}, {"recommended", HINT_RELATED},
        {"more-stories", HINT_RELATED}, {"also-read", HINT_RELATED},
        {"OUTBRAIN", HINT_RELATED}, {"taboola-feed", HINT_RELATED},
        {"sidebar", HINT_SIDEBAR}, {"widget_text", HINT_SIDEBAR},
        {"right-rail", HINT_SIDEBAR},
        {"newsletter-box", HINT_NEWSLETTER}, {"subscribe", HINT_NEWSLETTER},
        {"subscription", HINT_NEWSLETTER}, {"signup", HINT_NEWSLETTER},
        {"cookie-banner", HINT_COOKIE | HINT_AD}, {"consent", HINT_COOKIE},
        {"gdpr", HINT_COOKIE},
        {"ad", HINT_AD}, {"ads", HINT_AD}, {"ad-slot", HINT_AD},
        {"adContainer", HINT_AD}, {"advertisement", HINT_AD},
        {"adsense", HINT_AD}, {"promo", HINT_AD}, {"sponsored", HINT_AD},
        {"banner", HINT_AD},
        {"breadcrumbs", HINT_BREADCRUMB}, {"crumbs", HINT_BREADCRUMB},
        {"post-tags", HINT_TAGS}, {"tagcloud", HINT_TAGS},
        {"tags", HINT_TAGS}, {"entry-categories", HINT_TAGS},
        {"post-category", HINT_TAGS},
        {"author", HINT_BYLINE}, {"byline", HINT_BYLINE},
        {"dateline", HINT_BYLINE}, {"entry-meta", HINT_BYLINE},
        {"pagination", HINT_PAGINATION}, {"pager", HINT_PAGINATION},
        {"paging", HINT_PAGINATION}, {"nav-links", HINT_PAGINATION | HINT_MENU},
        {"prevnext", HINT_PAGINATION},
        {"menu", HINT_MENU}, {"navbar", HINT_MENU}, {"navigation", HINT_MENU},
        {"nav", HINT_MENU}, {"masthead", HINT_MENU}, {"topbar", HINT_MENU},
        {"site-footer", HINT_FOOTER}, {"site-header", HINT_HEADER},
        {"entry-content", HINT_CONTENT}, {"post-body", HINT_CONTENT},
        {"article-body", HINT_CONTENT}, {"story", HINT_CONTENT},
        {"postContent", HINT_CONTENT}, {"entry-text", HINT_CONTENT},
        /* the article's own header; negatives win over content */
        {"entry-header", HINT_CONTENT}, {"sidebar-content", HINT_SIDEBAR},
        {"post-comments", HINT_COMMENT},
        /* words that merely contain a token */
        {"header", HINT_HEADER}, {"read", 0}, {"shadow", 0}, {"address", 0},
        {"loading", 0}, {"badge", 0}, {"download", 0}, {"head", 0},
        {"reading-time", 0}, {"text-center", 0}, {"shared", HINT_SHARE},
        {"navy", 0}, {"category-news tag-politics", 0},
        {"has-sidebar no-comments", 0}, {"contentious", 0}, {"posts", 0},
        /* words about the article, not parts of the page: a post that has
         * been commented on is still the post */
        {"post hentry commented", HINT_CONTENT}, {"commentable", 0}, {"commentary", 0},
        {"discussed", 0}, {"most-commented", HINT_RELATED},
        {"comments", HINT_COMMENT}, {"commentbody", HINT_COMMENT},
        /* a post's own categories and tags are its topics; elsewhere such
         * words still name a part of the page */
        {"post type-post hentry category-for-discussion tag-promotion", HINT_CONTENT},
        {"hentry category-sidebar-picks", HINT_CONTENT},
        {"category-for-discussion", HINT_COMMENT}, {"tag-promotion", HINT_AD},
    };
    ck_assert(html_hints_tables_sorted());
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(html_hints_class(cases[i].cls) == cases[i].hint,
                      "class \"%s\": %#x, want %#x", cases[i].cls,
                      html_hints_class(cases[i].cls), cases[i].hint);

    /* through the parser, class and id */
    ck_assert_uint_eq(hints_of("<div class=\"header\"><p>x</p></div>", "x"),
                      HINT_HEADER);
    ck_assert_uint_eq(hints_of("<div class=\"ad\"><p>x</p></div>", "x"),
                      HINT_AD);
    ck_assert_uint_eq(hints_of("<div id=\"comments\"><p>x</p></div>", "x"),
                      HINT_COMMENT);
    ck_assert_uint_eq(hints_of("<div class=\"shadow read\"><p>x</p></div>", "x"),
                      0);
    ck_assert_uint_eq(
        hints_of("<article><div class=\"site-header\"><p>x</p></div></article>",
                 "x"),
        HINT_ARTICLE);
}
END_TEST

/* The memo of class and id values changes no hints: values found in it,
 * values that push others out of their slot, values too long to keep, and
 * one string as a class and as an id, each against no memo. */
START_TEST(test_hints_memo)
{
    static const char *const words[] = {
        "entry-content", "nav", "comments", "has-sidebar no-comments", "ad",
        "site-header", "post hentry commented", "sidebar-content", "",
        "related-posts widget", "category-news tag-politics",
    };
    hints_memo *memo = calloc(1, sizeof *memo);   /* zero, as its owner clears it */
    ck_assert_ptr_nonnull(memo);
    const size_t nw = sizeof words / sizeof *words;
    char cls[160], id[160];
    for (int pass = 0; pass < 2; pass++)
        for (unsigned i = 0; i < 300; i++) {
            const char *w = words[i % nw];
            /* every 7th a value longer than the memo keeps */
            snprintf(cls, sizeof cls, i % 7 == 6 ? "%s %u %048u" : "%s %u", w, i % 90, i);
            snprintf(id, sizeof id, "%s", i % 3 == 0 ? cls : w);
            const char *atts[] = {"class", cls, "id", id, NULL};
            unsigned inherited = i % 2 ? HINT_ARTICLE : 0;
            unsigned want = html_hints_of(NULL, atts, inherited, NULL);
            ck_assert_uint_eq(html_hints_of(NULL, atts, inherited, memo), want);
        }
    free(memo);
}
END_TEST

/* The plain reading of an inline style's hiding: white space dropped,
 * lower-cased, either phrase anywhere in the first ATTR_SCAN_MAX bytes. */
static int style_hidden_ref(const char *v)
{
    char b[ATTR_SCAN_MAX + 1];
    size_t n = 0;
    for (size_t i = 0; i < ATTR_SCAN_MAX && v[i] != '\0'; i++)
        if (!html_hints_ws((unsigned char)v[i]))
            b[n++] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
    b[n] = 0;
    return strstr(b, "display:none") != NULL || strstr(b, "visibility:hidden") != NULL;
}

/* The style test tries only the colons: the same answer as looking at
 * every byte, on random styles made of the phrases' pieces, colons at the
 * ends, phrases cut at the scan's limit. */
START_TEST(test_style_hidden_colons)
{
    static const char *const pieces[] = {"display", "DISPLAY", ":", "none", " ", "\t",
                                         "visibility", "Visibility", "hidden", ";",
                                         "di", "splay", "no", "ne", "x", "::", "isibility"};
    const size_t npieces = sizeof pieces / sizeof *pieces;
    unsigned seed = 20;
    char v[ATTR_SCAN_MAX + 64];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        /* some styles are long, so a phrase may straddle the limit */
        size_t pad = round % 7 == 0 ? ATTR_SCAN_MAX - 8 - tu_rand(&seed) % 16 : 0;
        memset(v, 'a', pad);
        n = pad;
        size_t want = 1 + tu_rand(&seed) % 9;
        for (size_t k = 0; k < want; k++) {
            const char *pc = pieces[tu_rand(&seed) % npieces];
            size_t l = strlen(pc);
            if (n + l >= sizeof v)
                break;
            memcpy(v + n, pc, l);
            n += l;
        }
        v[n] = 0;
        const char *atts[] = {"style", v, NULL};
        int hidden = (html_hints_of(NULL, atts, 0, NULL) & HINT_HIDDEN) != 0;
        ck_assert_msg(hidden == style_hidden_ref(v), "style \"%s\": %d", v, hidden);
    }
    const char *at_end[] = {"style", "display:", NULL};
    ck_assert_uint_eq(html_hints_of(NULL, at_end, 0, NULL) & HINT_HIDDEN, 0);
    const char *first[] = {"style", ":none;display :none", NULL};
    ck_assert_uint_ne(html_hints_of(NULL, first, 0, NULL) & HINT_HIDDEN, 0);
}
END_TEST

/* The one pass over a start tag's attributes: the first of each name, ""
 * for one without a value, NULL for a missing one or a missing list; the
 * hints from it are those of the list itself. */
START_TEST(test_hint_attrs_one_pass)
{
    const char *atts[] = {"data-x", "1",  "class", "nav a", "href", NULL,
                          "lang",   "fr", "class", "ad",    "xml:lang", "de",
                          "id",     "comments", "hidden", NULL, "href", "/b",
                          "rel",    "author", "type", "x", "content", "c", "datetime", "d",
                          "rel",    "canonical", "relx", "y", NULL};
    hint_attrs a;
    html_hints_attrs(atts, &a);
    ck_assert(a.any);
    ck_assert_str_eq(a.cls, "nav a");
    ck_assert_str_eq(a.href, "");
    ck_assert_str_eq(a.lang, "fr");
    ck_assert_str_eq(a.xml_lang, "de");
    ck_assert_str_eq(a.id, "comments");
    ck_assert_str_eq(a.hidden, "");
    ck_assert_ptr_null(a.role);
    ck_assert_ptr_null(a.style);
    ck_assert_str_eq(a.rel, "author");
    ck_assert_str_eq(a.type, "x");
    ck_assert_str_eq(a.content, "c");
    ck_assert_str_eq(a.datetime, "d");
    ck_assert_uint_eq(html_hints_of_attrs(NULL, &a, 0, NULL), html_hints_of(NULL, atts, 0, NULL));
    ck_assert_uint_ne(html_hints_of_attrs(NULL, &a, 0, NULL) & HINT_HIDDEN, 0);
    html_hints_attrs(NULL, &a);
    ck_assert(!a.any);
    ck_assert_ptr_null(a.cls);
    ck_assert_ptr_null(a.href);
    ck_assert_ptr_null(a.rel);
    ck_assert_ptr_null(a.datetime);
    const element_info *nav = html_hints_element("nav");
    ck_assert_ptr_nonnull(nav);
    ck_assert_uint_eq(html_hints_of_attrs(nav, &a, 0, NULL), html_hints_of(nav, NULL, 0, NULL));
    ck_assert_ptr_null(html_hints_element("nosuchelement"));
    ck_assert_ptr_null(html_hints_element(""));
}
END_TEST

START_TEST(test_hints_mixed_block)
{
    /* a hint holds for a block only when all its text sat inside */
    ck_assert_uint_eq(
        hints_of("<p>Text <span class=\"share\">share</span> more</p>",
                 "Text share more"),
        0);
    ck_assert_uint_eq(
        hints_of("<p><span class=\"share\">Share</span> <a class=\"share-x\" "
                 "href=#>Tweet</a></p>",
                 "Share Tweet"),
        HINT_SHARE);
}
END_TEST

START_TEST(test_skipped)
{
    result res;
    parse("<html><head><title>T</title><meta name=x content=\"META\">"
          "<style>STYLE</style><script>SCRIPT</script>HEADTEXT?</head><body>"
          "<p>Hello <button>BUTTON</button> world</p>"
          "<script>var s = '<p>SCRIPT2</p>';</script><style>p{}</style>"
          "<noscript><p>NOSCRIPT</p></noscript><template><p>TEMPLATE</p>"
          "</template><svg><text>SVG</text><title>SVGTITLE</title></svg>"
          "<math><mi>MATH</mi></math><iframe>IFRAME</iframe>"
          "<object>OBJECT</object><embed>"
          "<canvas>CANVAS</canvas><select><option>OPTION</option></select>"
          "<textarea>TEXTAREA</textarea><p>end</p></body></html>",
          &res);
    static const char *const gone[] = {
        "META",     "STYLE",  "SCRIPT",   "BUTTON", "NOSCRIPT",
        "TEMPLATE", "SVG",    "MATH",     "IFRAME", "OBJECT",
        "CANVAS",   "OPTION", "TEXTAREA", "p{}"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        ck_assert_msg(!contains(&res, gone[i]), "%s leaked", gone[i]);
    ck_assert_int_ge(find(&res, "Hello world"), 0);
    ck_assert_int_ge(find(&res, "end"), 0);
    result_free(&res);
    /* <embed> is void: it separates words and holds nothing */
    expect_blocks("<p>a<embed src=x.swf> b</p><p>c</p>", "a b|c");
    /* head keeps only its title; an unknown element there starts the body */
    expect_blocks("<head><title>T</title><meta name=d content=M>"
                  "<custom-el>custom text</custom-el></head><p>x</p>",
                  "custom text|x");
}
END_TEST

/* html gives the blocks `want` whole and byte by byte, and the block
 * `text` no hints when cut. */
static void expect_unhinted_any_cut(const char *html, const char *want, const char *text)
{
    result whole, cut;
    parse(html, &whole);
    parse_opts(html, strlen(html), 1, NULL, NULL, &cut);
    char *a = joined(&whole), *b = joined(&cut);
    ck_assert_str_eq(a, want);
    ck_assert_str_eq(a, b);
    ck_assert_uint_eq(get(&cut, text)->hints, 0);
    free(a);
    free(b);
    result_free(&whole);
    result_free(&cut);
}

/* HTML5's void elements libxml2 2.9.14 does not know (wbr, source,
 * track, embed ...) hold nothing, as in a browser: what follows them is
 * not inside them, so a p or an item they are in ends at the next one's
 * start, and a row's cells stay cells of the row. */
START_TEST(test_html5_voids)
{
    ck_assert_uint_eq(hints_of("<p class=share>a<wbr>b<p>after", "after"), 0);
    ck_assert_uint_eq(hints_of("<li class=share>a<source src=x>b<li>after", "after"), 0);
    ck_assert_uint_eq(hints_of("<p class=ad>a<track>b<embed src=e/>c<p>after", "after"), 0);
    expect_blocks("<table><tr><td>a<wbr>b<td>c</table>", "ab\tc");
    expect_blocks("<p>a<wbr>b<wbr>c<wbr>d</p><p>e</p>", "abcd|e");
    /* the same in any chunking */
    expect_unhinted_any_cut("<p class=share>a<wbr>b<p>after<wbr class=x>s<p>t", "ab|afters|t",
                            "afters");
}
END_TEST

/* HTML5's sectioning and grouping elements end an open p at their start
 * tag, as a browser's parser does, where libxml2 2.9.14 nests them in
 * the p: the p's hints stop there, and the text after their end tag is
 * the p's parent's. */
START_TEST(test_start_ends_p)
{
    static const char *const tags[] = {"section", "article", "aside", "header", "footer",
                                       "nav", "main", "figure", "figcaption", "details",
                                       "summary", "hgroup", "search", "dialog open"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        char html[256], end[16];
        snprintf(end, sizeof end, "%.*s", (int)strcspn(tags[i], " "), tags[i]);
        snprintf(html, sizeof html, "<div><p class=share>a<%s><p>in</p></%s>after</div>",
                 tags[i], end);
        result res;
        parse(html, &res);
        ck_assert_msg(!(get(&res, "in")->hints & HINT_SHARE), "%s: the p's hint inside", end);
        ck_assert_msg(get(&res, "after")->hints == 0, "%s: the p's hint after", end);
        result_free(&res);
    }
    ck_assert_uint_eq(hints_of("<p class=ad>a<span>b<section>in</section>", "in"), 0);
    /* the boxes of the tree a browser builds, the p closed */
    result res, ref;
    parse("<div class=c><p>b<section>s</section>t</div>", &res);
    parse("<div class=c><p>b</p><section>s</section>t</div>", &ref);
    ck_assert_uint_eq(get(&res, "s")->box, get(&ref, "s")->box);
    ck_assert_uint_eq(get(&res, "t")->box, get(&ref, "t")->box);
    ck_assert_uint_eq(get(&res, "s")->outer[0], get(&ref, "s")->outer[0]);
    result_free(&res);
    result_free(&ref);
    expect_blocks("<p>a<section>b</section>c</p><p>d</p>", "a|b|c|d");
    /* a link open inside the p: a browser opens it again around what
     * follows, which stays link text */
    result lk;
    parse("<p class=x><a href=/a><section><p>teaser</p></section></a></p>", &lk);
    ck_assert_uint_eq(get(&lk, "teaser")->link_len, 6);
    result_free(&lk);
    /* in a cell, the p is the cell's */
    ck_assert_uint_eq(hints_of("<table><tr><td><p class=share>a<section>in</section></table>",
                               "in"), 0);
}
END_TEST

/* What a browser does not render: noembed's and noframes' content. */
START_TEST(test_noembed_noframes)
{
    expect_blocks("<p>a</p><noembed><p>NOEMBED</p></noembed><p>b</p>"
                  "<noframes><div>NOFRAMES</noframes><p>c</p>"
                  "<noembed><div>N2</noembed><p>d</p>", "a|b|c|d");
}
END_TEST

/* A closed <details> (no open attribute) shows its summary only, but its
 * content is the page's own, one click away, and a browser's find in page
 * finds and opens it: unlike hidden, display:none or a dialog that is not
 * open, it is not hinted hidden (README, "HTML"). */
START_TEST(test_details_not_hidden)
{
    ck_assert_uint_eq(hints_of("<details><summary>Q</summary><p>answer</p></details>", "answer"), 0);
    ck_assert_uint_eq(hints_of("<details><summary>Q</summary><p>answer</p></details>", "Q"), 0);
    ck_assert_uint_eq(hints_of("<details hidden><summary>Q</summary><p>a</p></details>", "a"),
                      HINT_HIDDEN);
}
END_TEST

/* An end tag that libxml2 ignores because a div is open inside its
 * element ends both, as in a browser: the aside's hint stops at
 * "</aside>", the page after "<noscript><div>...</noscript>" is read,
 * "</li>" ends its item.  Not across a scope boundary (a table cell),
 * nor, for "</li>", a list: a browser ignores the end tag there too. */
START_TEST(test_end_tag_closes_inside)
{
    ck_assert_uint_eq(hints_of("<aside><div>Related</aside><p>after</p>", "after"), 0);
    ck_assert_uint_eq(hints_of("<div><footer><div><p>f</footer><p>after</p></div>", "after"), 0);
    ck_assert_uint_eq(hints_of("<nav><div><span>m</nav><p>after</p>", "after"), 0);
    expect_blocks("<p>a</p><noscript><div>NS</noscript><p>b</p>"
                  "<template><div>T</template><p>c</p>"
                  "<iframe><div>I</iframe><p>d</p>", "a|b|c|d");
    /* the div and the aside closed here end no element of libxml2's later */
    expect_blocks("<div><aside><div>r</aside><p>x</p></div><p>y</p>", "r|x|y");
    ck_assert_uint_eq(hints_of("<ul><li><div>one</li><li>two</li></ul><p>after</p>", "two"), 0);
    /* a cell's or a list's boundary: the end tag ends nothing */
    ck_assert_uint_eq(hints_of("<aside><table><tr><td><div>r</aside><p>in</p>", "in"),
                      HINT_ASIDE);
    ck_assert_uint_eq(hints_of("<ul><li><aside><ul><div>x</li><p>in</p>", "in"), HINT_ASIDE);
    /* and the same in any chunking */
    expect_unhinted_any_cut(
        "<aside><div>Related</aside><p>after</p><noscript><div>n</noscript><p>e</p>",
        "Related|after|e", "after");
}
END_TEST

/* ---- title ------------------------------------------------------------------------ */

static char *title_of(const char *html)
{
    result res;
    parse(html, &res);
    char *t = NULL;
    size_t titles = 0;
    for (size_t i = 0; i < res.n; i++) {
        if (res.b[i].flags & BLOCK_TITLE) {
            ck_assert_uint_eq(i, 0); /* always first */
            titles++;
            t = strdup(res.b[i].text);
        }
    }
    ck_assert_uint_le(titles, 1);
    result_free(&res);
    return t;
}

static void expect_title(const char *html, const char *want)
{
    char *t = title_of(html);
    if (want == NULL) {
        ck_assert_msg(t == NULL, "unexpected title \"%s\"", t ? t : "");
    } else {
        ck_assert_msg(t != NULL, "no title, want \"%s\"", want);
        ck_assert_str_eq(t, want);
    }
    free(t);
}

START_TEST(test_title)
{
    expect_title("<html><head><title>Plain title</title></head><body><p>x</p>",
                 "Plain title");
    expect_title("<head><meta property=\"og:title\" content=\" The  OG "
                 "title \"><title>Other | Site</title></head><p>x</p>",
                 "The OG title");
    /* og:title wins even when it comes after <title> */
    expect_title("<head><title>First one here</title><meta property=og:title "
                 "content=\"From OG\"></head><p>x</p>",
                 "From OG");
    /* the reader hands the title over whole; which part is the headline
     * is the context's decision (check_title.c) */
    expect_title("<title>A long article title | Example Site</title><p>x</p>",
                 "A long article title | Example Site");
    expect_title("<title>News story  of the day \xC2\xAB Blog</title>",
                 "News story of the day \xC2\xAB Blog");
    /* hyphens inside words are not separators */
    expect_title("<title>COVID-19 cases rise again in Europe</title>",
                 "COVID-19 cases rise again in Europe");
    expect_title("<html><head></head><body><h1>No title</h1></body></html>",
                 NULL);
    expect_title("<title>   </title><p>x</p>", NULL);
    /* only the head's title; an svg title is not one */
    expect_title("<body><svg><title>icon</title></svg><p>x</p></body>", NULL);
    /* a page that is nothing but a head still has its title */
    expect_title("<html><head><title>Lonely title</title></head></html>",
                 "Lonely title");
}
END_TEST

START_TEST(test_title_first)
{
    result res;
    parse("<html><head><title>The title</title></head><body><p>one</p>"
          "<p>two</p></body></html>",
          &res);
    ck_assert_uint_eq(res.n, 3);
    ck_assert_uint_eq(res.b[0].flags, BLOCK_TITLE);
    ck_assert_str_eq(res.b[0].text, "The title");
    ck_assert_str_eq(res.b[1].text, "one");
    result_free(&res);
    /* no head at all: the title still comes before the body */
    parse("<title>T1 is it</title><p>body</p>", &res);
    ck_assert_uint_eq(res.n, 2);
    ck_assert_uint_eq(res.b[0].flags, BLOCK_TITLE);
    result_free(&res);
}
END_TEST

START_TEST(test_lang)
{
    result res;
    parse("<!DOCTYPE html><html lang=\"pt-BR\"><p>x</p></html>", &res);
    ck_assert_str_eq(res.lang, "pt-BR");
    result_free(&res);
    parse("<html><p>x</p></html>", &res);
    ck_assert_str_eq(res.lang, "");
    result_free(&res);
    parse("<html xml:lang=\"de\"><p>x</p></html>", &res);
    ck_assert_str_eq(res.lang, "de");
    result_free(&res);
    parse("<html lang=\" en <script>\"><p>x</p></html>", &res);
    ck_assert_str_eq(res.lang, "en");
    result_free(&res);
}
END_TEST

/* ---- encodings ---------------------------------------------------------------------- */

static char *text_with(const char *html, size_t len, const char *enc,
                       const char *http, char *charset_out)
{
    result res;
    parse_opts(html, len, 0, enc, http, &res);
    ck_assert_int_eq(res.status, UB_OK);
    char *s = joined(&res);
    if (charset_out != NULL)
        strcpy(charset_out, res.charset);
    result_free(&res);
    return s;
}

START_TEST(test_enc_bom)
{
    char cs[ENCODING_NAME_MAX];
    static const char u8[] = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
    char *s = text_with(u8, sizeof u8 - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "UTF-8");
    free(s);

    /* UTF-16LE "<p>é😀</p>" with a surrogate pair, and a meta that lies */
    static const char le[] = "\xFF\xFE<\0m\0e\0t\0a\0 \0c\0h\0a\0r\0s\0e\0t\0"
                             "=\0l\0a\0t\0i\0n\0001\0>\0<\0p\0>\0\xE9\0"
                             "\x3D\xD8\x00\xDE<\0/\0p\0>\0";
    s = text_with(le, sizeof le - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "\xC3\xA9\xF0\x9F\x98\x80");
    ck_assert_str_eq(cs, "UTF-16LE");
    free(s);

    static const char be[] = "\xFE\xFF\0<\0p\0>\0\xE9\xD8\x3D\xDE\x00\0<\0/\0p\0>";
    s = text_with(be, sizeof be - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "\xC3\xA9\xF0\x9F\x98\x80");
    ck_assert_str_eq(cs, "UTF-16BE");
    free(s);

    /* a lone surrogate is one U+FFFD, not an error */
    static const char lone[] = "\xFF\xFE<\0p\0>\0a\0\x00\xD8" "b\0<\0/\0p\0>\0";
    s = text_with(lone, sizeof lone - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "a\xEF\xBF\xBD" "b");
    free(s);
}
END_TEST

START_TEST(test_enc_meta)
{
    char cs[ENCODING_NAME_MAX];
    static const char w1252[] =
        "<html><head><meta charset=\"windows-1252\"></head>"
        "<body><p>caf\xE9 \x80 \x93quoted\x94</p></body></html>";
    char *s = text_with(w1252, sizeof w1252 - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D");
    ck_assert_str_eq(cs, "windows-1252");
    free(s);

    /* ISO-8859-1 is read as windows-1252, as browsers do */
    static const char latin1[] =
        "<meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=ISO-8859-1\"><p>na\xEFve \x85</p>";
    s = text_with(latin1, sizeof latin1 - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "na\xC3\xAFve \xE2\x80\xA6");
    ck_assert_str_eq(cs, "windows-1252");
    free(s);

    /* a meta in a comment does not count */
    static const char commented[] =
        "<!-- <meta charset=\"windows-1252\"> --><p>caf\xC3\xA9</p>";
    s = text_with(commented, sizeof commented - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "UTF-8");
    free(s);

    /* through iconv: KOI8-R "привет" */
    static const char koi[] = "<meta charset=koi8-r><p>\xD0\xD2\xC9\xD7\xC5\xD4</p>";
    s = text_with(koi, sizeof koi - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    ck_assert_str_eq(cs, "KOI8-R");
    free(s);

    /* Shift_JIS "日本" fed one byte at a time: the decoder carries tails */
    static const char sjis[] = "<meta charset=\"Shift_JIS\"><p>\x93\xFA\x96\x7B</p>";
    result res;
    parse_opts(sjis, sizeof sjis - 1, 1, NULL, NULL, &res);
    ck_assert_int_eq(res.status, UB_OK);
    ck_assert_str_eq(res.b[0].text, "\xE6\x97\xA5\xE6\x9C\xAC");
    result_free(&res);
}
END_TEST

START_TEST(test_enc_lying_meta)
{
    char cs[ENCODING_NAME_MAX];
    /* declared Latin-1, but the bytes are UTF-8 with multi-byte sequences */
    static const char lie[] =
        "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve</p>";
    char *s = text_with(lie, sizeof lie - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\xA9 na\xC3\xAFve");
    ck_assert_str_eq(cs, "UTF-8");
    free(s);
    /* pure ASCII proves nothing: the declaration stands */
    static const char ascii[] = "<meta charset=\"iso-8859-1\"><p>plain</p>";
    s = text_with(ascii, sizeof ascii - 1, NULL, NULL, cs);
    ck_assert_str_eq(cs, "windows-1252");
    free(s);
    /* an unknown name in the page: the guess (here windows-1252, since the
     * bytes are not UTF-8) */
    static const char unknown[] = "<meta charset=\"x-martian\"><p>caf\xE9</p>";
    s = text_with(unknown, sizeof unknown - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "windows-1252");
    free(s);
    /* no declaration at all: Latin-1 bytes are guessed too */
    static const char none[] = "<p>fa\xE7" "ade</p>";
    s = text_with(none, sizeof none - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "fa\xC3\xA7" "ade");
    free(s);
}
END_TEST

START_TEST(test_enc_invalid_utf8)
{
    char cs[ENCODING_NAME_MAX];
    /* invalid bytes become U+FFFD and never stop the document; libxml2
     * must not fall back to Latin-1 for the rest */
    static const char bad[] = "<meta charset=utf-8><p>a\xFF" "b\xC3(c "
                              "\xE2\x82 d \xED\xA0\x80 e</p><p>caf\xC3\xA9</p>";
    char *s = text_with(bad, sizeof bad - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD(c \xEF\xBF\xBD d "
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD e|caf\xC3\xA9");
    free(s);
    /* NUL bytes are dropped */
    static const char nul[] = "<p>a\0b</p>";
    s = text_with(nul, sizeof nul - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "ab");
    free(s);
    /* a document cut inside a character */
    static const char cut[] = "<p>x\xE2\x82";
    s = text_with(cut, sizeof cut - 1, NULL, NULL, cs);
    ck_assert_str_eq(s, "x\xEF\xBF\xBD");
    free(s);
}
END_TEST

START_TEST(test_enc_http_and_override)
{
    char cs[ENCODING_NAME_MAX];
    static const char page[] = "<p>caf\xE9</p>";
    char *s = text_with(page, sizeof page - 1, NULL, "ISO-8859-1", cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "windows-1252");
    free(s);
    /* a UTF-8 page whose header says windows-1252 lies: it is UTF-8 */
    static const char meta[] = "<meta charset=utf-8><p>caf\xC3\xA9</p>";
    s = text_with(meta, sizeof meta - 1, NULL, "windows-1252", cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "UTF-8");
    free(s);
    /* the HTTP charset comes before the page's meta (the HTML standard's
     * order): windows-1251 "привет" under a meta that says UTF-8 */
    static const char cyr[] = "<meta charset=utf-8><p>\xEF\xF0\xE8\xE2\xE5\xF2</p>";
    s = text_with(cyr, sizeof cyr - 1, NULL, "windows-1251", cs);
    ck_assert_str_eq(s, "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    ck_assert_str_eq(cs, "WINDOWS-1251");
    free(s);
    /* a BOM comes before everything, the override included */
    static const char bom[] = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
    s = text_with(bom, sizeof bom - 1, "latin1", "koi8-r", cs);
    ck_assert_str_eq(s, "caf\xC3\xA9");
    ck_assert_str_eq(cs, "UTF-8");
    free(s);
    /* the override beats the meta, and its lies */
    static const char over[] = "<meta charset=utf-8><p>caf\xC3\xA9</p>";
    s = text_with(over, sizeof over - 1, "latin1", NULL, cs);
    ck_assert_str_eq(s, "caf\xC3\x83\xC2\xA9");
    ck_assert_str_eq(cs, "windows-1252");
    free(s);
    static const char koi[] = "<p>\xD0\xD2\xC9\xD7\xC5\xD4</p>";
    s = text_with(koi, sizeof koi - 1, "KOI8-R", NULL, cs);
    ck_assert_str_eq(s, "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    free(s);

    ub_status st = UB_OK;
    result res;
    memset(&res, 0, sizeof res);
    ck_assert_ptr_null(html_reader_new(&mem_stdlib, "x-no-such-charset", NULL, collect_cb,
                                       &res, &st));
    ck_assert_int_eq(st, UB_EENCODING);
    st = UB_OK;
    ck_assert_ptr_null(html_reader_new(&mem_stdlib, "utf-8//TRANSLIT", NULL, collect_cb,
                                       &res, &st));
    ck_assert_int_eq(st, UB_EENCODING);
    /* an unknown HTTP charset is only ignored */
    html_reader *r = html_reader_new(&mem_stdlib, NULL, "bogus", collect_cb, &res, &st);
    ck_assert_ptr_nonnull(r);
    html_reader_free(r);
}
END_TEST


/* Cyrillic in windows-1251: "Поезда снова ходят по расписанию. " */
static const char cp1251_sentence[] =
    "\xCF\xEE\xE5\xE7\xE4\xE0 \xF1\xED\xEE\xE2\xE0 \xF5\xEE\xE4\xFF\xF2 "
    "\xEF\xEE \xF0\xE0\xF1\xEF\xE8\xF1\xE0\xED\xE8\xFE. ";
static const char utf8_sentence[] =
    "\xD0\x9F\xD0\xBE\xD0\xB5\xD0\xB7\xD0\xB4\xD0\xB0 \xD1\x81\xD0\xBD\xD0\xBE"
    "\xD0\xB2\xD0\xB0 \xD1\x85\xD0\xBE\xD0\xB4\xD1\x8F\xD1\x82 \xD0\xBF\xD0\xBE "
    "\xD1\x80\xD0\xB0\xD1\x81\xD0\xBF\xD0\xB8\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB8"
    "\xD1\x8E.";

/* A page: `pad` bytes of ASCII comment, then `head` (may be ""), then a
 * paragraph of the windows-1251 sentence eight times. */
static char *cyrillic_page(size_t pad, const char *head, size_t *len)
{
    size_t cap = pad + strlen(head) + 8 * sizeof cp1251_sentence + 64;
    char *p = malloc(cap);
    ck_assert_ptr_nonnull(p);
    size_t n = 0;
    memcpy(p, "<!--", 4);
    n = 4;
    memset(p + n, 'x', pad);
    n += pad;
    n += (size_t)sprintf(p + n, "-->%s<p>", head);
    for (int i = 0; i < 8; i++) {
        memcpy(p + n, cp1251_sentence, sizeof cp1251_sentence - 1);
        n += sizeof cp1251_sentence - 1;
    }
    n += (size_t)sprintf(p + n, "</p>");
    *len = n;
    return p;
}

/* The paragraph of cyrillic_page, read right, starts with the sentence. */
static void assert_cyrillic(const result *res)
{
    ck_assert_int_eq(res->status, UB_OK);
    ck_assert_uint_ge(res->n, 1);
    ck_assert_msg(strncmp(res->b[res->n - 1].text, utf8_sentence, strlen(utf8_sentence)) == 0,
                  "read as %s: %.60s", res->charset, res->b[res->n - 1].text);
}

START_TEST(test_enc_late_meta)
{
    /* a <meta> past the 64 KiB prescan, with nothing but ASCII before it,
     * still decides: fed whole, in odd pieces, and a byte at a time */
    size_t len;
    char *page = cyrillic_page(70000, "<meta charset=windows-1251>", &len);
    static const size_t pieces[] = {0, 4093, 1};
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
        result res;
        parse_opts(page, len, pieces[k], NULL, NULL, &res);
        assert_cyrillic(&res);
        ck_assert_str_eq(res.charset, "WINDOWS-1251");
        result_free(&res);
    }
    free(page);
    /* the same with the http-equiv form */
    page = cyrillic_page(70000, "<meta http-equiv=Content-Type content='text/html; "
                                "charset=windows-1251'>", &len);
    result res;
    parse_opts(page, len, 0, NULL, NULL, &res);
    assert_cyrillic(&res);
    result_free(&res);
    free(page);
}
END_TEST

START_TEST(test_enc_detector)
{
    if (!tu_have_detector("test_enc_detector"))
        return;
    /* undeclared windows-1251, in the prescan and past an ASCII start */
    static const size_t pads[] = {10, 70000};
    for (size_t k = 0; k < sizeof pads / sizeof *pads; k++) {
        size_t len;
        char *page = cyrillic_page(pads[k], "", &len);
        result res;
        parse_opts(page, len, 0, NULL, NULL, &res);
        assert_cyrillic(&res);
        ck_assert_str_eq(res.charset, "WINDOWS-1251");
        result_free(&res);
        parse_opts(page, len, 997, NULL, NULL, &res);
        assert_cyrillic(&res);
        result_free(&res);
        free(page);
    }
    char cs[ENCODING_NAME_MAX];
    ck_assert_int_eq(encoding_guess("caf\xE9 au lait", 12, cs), ENCODING_FROM_GUESS);
    ck_assert_str_eq(cs, "windows-1252");
}
END_TEST

START_TEST(test_libxml2_version)
{
    /* the run-time check: the major and minor version built against */
    char same[16], other[16];
    snprintf(same, sizeof same, "%d", LIBXML_VERSION / 100 * 100 + 99);
    snprintf(other, sizeof other, "%d", LIBXML_VERSION + 100);
    ck_assert(html_driver_libxml2_ok(LIBXML_VERSION_STRING));
    ck_assert(html_driver_libxml2_ok(same));
    ck_assert(!html_driver_libxml2_ok(other));
    ck_assert(!html_driver_libxml2_ok("21205"));
    ck_assert(!html_driver_libxml2_ok(NULL));
}
END_TEST

START_TEST(test_encoding_unit)
{
    char out[ENCODING_NAME_MAX];
    static const struct {
        const char *label, *want;
    } cases[] = {
        {"utf-8", "UTF-8"},          {" UTF8 ", "UTF-8"},
        {"\"latin1\"", "windows-1252"}, {"US-ASCII", "windows-1252"},
        {"iso-8859-1", "windows-1252"}, {"gb2312", "GB18030"},
        {"Shift_JIS", "CP932"},      {"euc-kr", "CP949"},
        {"iso-8859-2", "ISO-8859-2"}, {"windows-1251", "WINDOWS-1251"},
        {"utf-7", NULL},             {"", NULL},
        {"x-unknown", NULL},         {"utf-8//IGNORE", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int ok = encoding_canonical(cases[i].label, strlen(cases[i].label), out);
        if (cases[i].want == NULL) {
            ck_assert_msg(!ok, "%s accepted", cases[i].label);
        } else {
            ck_assert_msg(ok, "%s refused", cases[i].label);
            ck_assert_str_eq(out, cases[i].want);
        }
    }

    char lab[32];
    static const char h1[] = "<head><META http-equiv='content-type' "
                             "content='text/html;charset = \"EUC-JP\"'>";
    ck_assert_uint_eq(encoding_prescan_meta(h1, sizeof h1 - 1, lab, sizeof lab), 6);
    ck_assert_str_eq(lab, "EUC-JP");
    /* attribute values with '>' do not end the tag early */
    static const char h2[] = "<link title=\"a>b\" charset=\"x\"><meta charset=koi8-r>";
    encoding_prescan_meta(h2, sizeof h2 - 1, lab, sizeof lab);
    ck_assert_str_eq(lab, "koi8-r");
    static const char h3[] = "<body><meta charset=koi8-r>";
    ck_assert_uint_eq(encoding_prescan_meta(h3, sizeof h3 - 1, lab, sizeof lab), 0);
    /* the prescan tells "<!--", "<meta", "<body" and "</head" by the byte
     * after '<' first: tags that begin alike but are none of them, and the
     * four in either case */
    static const struct {
        const char *head;
        const char *want;   /* "" for none */
    } pre[] = {
        {"<mark><base><b></div></h1><!DOCTYPE html><meta charset=koi8-r>", "koi8-r"},
        {"<Meta charset=koi8-r>", "koi8-r"},
        {"<!-- <meta charset=x> --><MEta charset=koi8-r>", "koi8-r"},
        {"<BODY><meta charset=koi8-r>", ""},
        {"</HEAD><meta charset=koi8-r>", ""},
        {"<bODy class=a><meta charset=koi8-r>", ""},
        {"<metadata charset=x><meta charset=koi8-r>", "koi8-r"},
        {"<link><", ""},
        {"<", ""},
    };
    for (size_t k = 0; k < sizeof pre / sizeof *pre; k++) {
        size_t got = encoding_prescan_meta(pre[k].head, strlen(pre[k].head), lab, sizeof lab);
        ck_assert_msg(got == strlen(pre[k].want) && strcmp(lab, pre[k].want) == 0,
                      "%s: \"%s\"", pre[k].head, lab);
    }

    /* every split of a UTF-16 surrogate pair and a UTF-8 character decodes
     * the same */
    static const struct {
        const char *name, *in;
        size_t len;
        const char *want;
    } dec[] = {
        {"UTF-16LE", "a\0\x3D\xD8\x00\xDE" "b\0", 8, "a\xF0\x9F\x98\x80" "b"},
        {"UTF-8", "a\xF0\x9F\x98\x80\xC3\xA9" "b", 8, "a\xF0\x9F\x98\x80\xC3\xA9" "b"},
        {"CP932", "a\x93\xFA" "b", 4, "a\xE6\x97\xA5" "b"},
        {"windows-1252", "\x80\x81\xFF", 3, "\xE2\x82\xAC\xC2\x81\xC3\xBF"},
    };
    for (size_t k = 0; k < sizeof dec / sizeof *dec; k++) {
        for (size_t cut = 0; cut <= dec[k].len; cut++) {
            int unknown;
            encoding_decoder *d = encoding_decoder_new(&mem_stdlib, dec[k].name, &unknown);
            ck_assert_ptr_nonnull(d);
            char bytes_[64];
            size_t o = 0;
            const char *p = dec[k].in;
            size_t n = cut;
            o += encoding_decode(d, &p, &n, bytes_ + o, sizeof bytes_ - o, 0);
            ck_assert_uint_eq(n, 0);
            p = dec[k].in + cut;
            n = dec[k].len - cut;
            o += encoding_decode(d, &p, &n, bytes_ + o, sizeof bytes_ - o, 1);
            ck_assert_uint_eq(n, 0);
            bytes_[o] = '\0';
            ck_assert_msg(strcmp(bytes_, dec[k].want) == 0, "%s cut at %zu",
                          dec[k].name, cut);
            encoding_decoder_free(d);
        }
    }
}
END_TEST

/* ---- chunking invariance --------------------------------------------------------------- */

/* Every block, every field, in one string. */
static char *serialize(const result *res)
{
    size_t n = 1;
    for (size_t i = 0; i < res->n; i++)
        n += res->b[i].len + 64;
    char *s = malloc(n), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < res->n; i++) {
        const tblock *b = &res->b[i];
        p += sprintf(p, "%x/%x/%u/%zu/%zu:", b->flags, b->hints, b->heading,
                     b->link_len, b->len);
        memcpy(p, b->text, b->len);
        p += b->len;
        *p++ = '\n';
    }
    *p = '\0';
    return s;
}

static char *page_blog(size_t *len)
{
    /* a realistic page: everything that is hard at a chunk boundary */
    static const char head[] =
        "<!DOCTYPE html>\n<html lang=\"fr\"><head>\n<meta charset=\"utf-8\">\n"
        "<title>Un article de blog \xC3\xA0 propos | Mon Site</title>\n"
        "<meta property=\"og:title\" content=\"Un article &amp; plus\">\n"
        "<style>a > b { color: red } /* </p> */</style>\n"
        "<script>if (a < b && c > d) { x = \"</div>\"; } // <!-- \n</script>\n"
        "<!-- a comment with <p>markup</p> and -- dashes -->\n"
        "</head><body class=\"single post\">\n"
        "<header id=\"masthead\"><nav class=\"menu\"><ul><li><a href=\"/\">"
        "Accueil</a></li><li><a href=\"/a?x=1&amp;y=2\">\xC3\x89" "t\xC3\xA9"
        "</a></li></ul></nav></header>\n<main><article class=\"post\">"
        "<h1 class=\"entry-title\">Le titre \xE2\x80\x94 grand</h1>\n";
    static const char para[] =
        "<p class=\"x\" data-json='{\"a\":\"b>c\"}'>Voici un paragraphe "
        "avec des accents \xC3\xA9\xC3\xA8\xC3\xAA, un emoji \xF0\x9F\x98\x80, "
        "des entit\xC3\xA9s &eacute;&#8217;&nbsp;&amp; et un <a href=\"/lien\">"
        "lien <b>gras</b></a>.<br>Ligne<br><br>Suite</p>\n"
        "<ul><li>un</li><li>deux <em>trois</em></li></ul><pre>  code\r\n"
        "  <b>x</b>\n</pre>\n<table><tr><td>1</td><th>2</th></tr></table>\n";
    static const char tail[] =
        "</article><aside class=\"sidebar\"><div class=\"widget\"><h3>Voir "
        "aussi</h3></div></aside></main><footer><p>&copy; 2024</p></footer>\n"
        "<script>var broken = '</scr' + 'ipt>';</script></body></html>\n";
    size_t reps = 600; /* about 300 KB: several pieces for libxml2 */
    size_t n = sizeof head - 1 + reps * (sizeof para - 1) + sizeof tail - 1;
    char *s = malloc(n + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    for (size_t i = 0; i < reps; i++) {
        memcpy(p, para, sizeof para - 1);
        p += sizeof para - 1;
    }
    memcpy(p, tail, sizeof tail - 1);
    p += sizeof tail - 1;
    *p = '\0';
    *len = n;
    return s;
}

static char *page_latin1(size_t *len)
{
    static const char page[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=iso-8859-1\"><title>Caf\xE9 du coin</title></head>\n<body>"
        "<div id=\"content\"><h2>Cr\xE8me br\xFBl\xE9" "e</h2><p>Na\xEFve "
        "\x93quotes\x94 \x96 dash \x80 euro</p><p>\xC0 la carte</p></div>"
        "<div class=\"comments\"><p>Un commentaire \xE9l\xE9gant</p></div>"
        "</body></html>";
    *len = sizeof page - 1;
    char *s = malloc(sizeof page);
    ck_assert_ptr_nonnull(s);
    memcpy(s, page, sizeof page);
    return s;
}

static char *page_broken(size_t *len)
{
    /* broken markup a real crawl is full of */
    static const char page[] =
        "<html><body><div class=main><p>Unclosed paragraph <b>bold <i>both"
        "</b> italic?</i><p>Next <a href=\"/x\">link</p> after</a>"
        "<table><tr><td>cell<td>cell2<tr><td>row2</table>"
        "<p>attr with > inside: <img alt=\"a > b\" src=x>done</p>"
        "<p>&bogus; &amp &#xZZ; &#0; & alone</p></ br>"
        "<div><span>deep</span></div></div></div></div>"
        "<p>tail <!-- unterminated comment --!> after</p>"
        "<p>\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E text</p>"
        "<script>document.write('<p>x</p>')</script><p>end";
    *len = sizeof page - 1;
    char *s = malloc(sizeof page);
    ck_assert_ptr_nonnull(s);
    memcpy(s, page, sizeof page);
    return s;
}

static char *page_utf16(size_t *len)
{
    size_t n8;
    char *u8 = page_latin1(&n8);
    /* widen the Latin-1 page to UTF-16LE with a BOM */
    char *s = malloc(2 + 2 * n8);
    ck_assert_ptr_nonnull(s);
    s[0] = '\xFF';
    s[1] = '\xFE';
    for (size_t i = 0; i < n8; i++) {
        s[2 + 2 * i] = u8[i];
        s[3 + 2 * i] = 0;
    }
    free(u8);
    *len = 2 + 2 * n8;
    return s;
}

static void check_invariance(char *(*make)(size_t *), size_t min_blocks)
{
    size_t len;
    char *page = make(&len);
    result whole;
    parse_opts(page, len, 0, NULL, NULL, &whole);
    ck_assert_int_eq(whole.status, UB_OK);
    ck_assert_uint_ge(whole.n, min_blocks);
    char *want = serialize(&whole);

    static const size_t sizes[] = {1, 2, 3, 7, 64, 1000, 4095, 65536, 65537,
                                   100000};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        if (sizes[k] == 1 && len > 400000)
            continue;
        result res;
        parse_opts(page, len, sizes[k], NULL, NULL, &res);
        char *got = serialize(&res);
        ck_assert_msg(strcmp(got, want) == 0, "chunk size %zu differs",
                      sizes[k]);
        free(got);
        result_free(&res);
    }

    /* random chunk sizes, including empty feeds */
    unsigned long seed = 12345;
    for (int round = 0; round < 4; round++) {
        ub_status st;
        result res;
        memset(&res, 0, sizeof res);
        res.keep_text = 1;
        html_reader *r = html_reader_new(&mem_stdlib, NULL, NULL, collect_cb, &res, &st);
        ck_assert_ptr_nonnull(r);
        for (size_t off = 0; off < len && st == UB_OK;) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            size_t c = (seed >> 33) % (round < 2 ? 97 : 150000);
            if (c > len - off)
                c = len - off;
            st = html_reader_feed(r, page + off, c);
            off += c;
        }
        finish(r, &res, st);
        char *got = serialize(&res);
        ck_assert_msg(strcmp(got, want) == 0, "random round %d differs", round);
        free(got);
        result_free(&res);
    }
    free(want);
    result_free(&whole);
    free(page);
}

START_TEST(test_chunking_blog)
{
    /* seven blocks a post, its two-cell table row one of them */
    check_invariance(page_blog, 600 * 6);
}
END_TEST

START_TEST(test_chunking_latin1)
{
    check_invariance(page_latin1, 5);
}
END_TEST

START_TEST(test_chunking_broken)
{
    check_invariance(page_broken, 8);
}
END_TEST

START_TEST(test_chunking_utf16)
{
    check_invariance(page_utf16, 5);
}
END_TEST

START_TEST(test_blog_content)
{
    /* what the invariance test compares is also right */
    size_t len;
    char *page = page_blog(&len);
    result res;
    parse_opts(page, len, 0, NULL, NULL, &res);
    ck_assert_int_eq(res.status, UB_OK);
    ck_assert_str_eq(res.lang, "fr");
    ck_assert_uint_eq(res.b[0].flags, BLOCK_TITLE);
    ck_assert_str_eq(res.b[0].text, "Un article & plus");
    ck_assert_uint_eq(get(&res, "Accueil")->hints,
                      HINT_HEADER | HINT_NAV | HINT_MENU);
    ck_assert_uint_eq(get(&res, "Le titre \xE2\x80\x94 grand")->heading, 1);
    const tblock *p = get(&res, "Voici un paragraphe avec des accents "
                                "\xC3\xA9\xC3\xA8\xC3\xAA, un emoji "
                                "\xF0\x9F\x98\x80, des entit\xC3\xA9s "
                                "\xC3\xA9\xE2\x80\x99 & et un lien gras. Ligne");
    ck_assert_uint_eq(p->link_len, strlen("lien gras"));
    ck_assert_uint_eq(p->flags, BLOCK_BREAK);
    ck_assert_uint_eq(p->hints, HINT_MAIN | HINT_ARTICLE | HINT_CONTENT);
    ck_assert_uint_eq(get(&res, "  code\n  x")->flags, BLOCK_PRE);
    ck_assert(!contains(&res, "color"));
    ck_assert(!contains(&res, "broken"));
    ck_assert(!contains(&res, "markup"));
    ck_assert_uint_eq(get(&res, "Voir aussi")->heading, 3);
    ck_assert_uint_eq(get(&res, "\xC2\xA9 2024")->hints, HINT_FOOTER);
    result_free(&res);
    free(page);
}
END_TEST

/* ---- BLOCK_MAX -------------------------------------------------------------------------- */

START_TEST(test_block_max)
{
    /* 200 KB of words in one paragraph */
    size_t words = 40000;
    char *html = malloc(words * 5 + 32), *p = html;
    ck_assert_ptr_nonnull(html);
    p += sprintf(p, "<p>");
    for (size_t i = 0; i < words; i++)
        p += sprintf(p, "w%03zu ", i % 1000);
    p += sprintf(p, "</p><p>next</p>");
    result res;
    parse(html, &res);
    ck_assert_uint_ge(res.n, 5);
    size_t total = 0;
    size_t i = 0;
    for (; i < res.n && strcmp(res.b[i].text, "next") != 0; i++) {
        ck_assert_uint_le(res.b[i].len, BLOCK_MAX);
        if (strcmp(res.b[i + 1].text, "next") != 0)
            ck_assert_uint_ge(res.b[i].len, BLOCK_MAX / 2);
        ck_assert_uint_eq(res.b[i].flags & (BLOCK_CONTINUED | BLOCK_MIDWORD),
                          i == 0 ? 0 : BLOCK_CONTINUED);
        /* cut at spaces: every piece is whole words */
        ck_assert(res.b[i].text[0] == 'w');
        ck_assert(res.b[i].text[res.b[i].len - 1] != ' ');
        total += res.b[i].len + 1;
    }
    ck_assert_uint_ge(i, 3);
    ck_assert_uint_eq(total, words * 5);
    ck_assert_uint_eq(res.b[i].flags, 0);
    result_free(&res);
    free(html);

    /* 150 KB without a space, in two-byte characters: cut between them */
    size_t n = 75000;
    html = malloc(2 * n + 32);
    ck_assert_ptr_nonnull(html);
    p = html + sprintf(html, "<p><a href=/>");
    for (size_t k = 0; k < n; k++) {
        *p++ = '\xC3';
        *p++ = '\xA9';
    }
    strcpy(p, "</a></p>");
    parse(html, &res);
    total = 0;
    for (i = 0; i < res.n; i++) {
        ck_assert_uint_le(res.b[i].len, BLOCK_MAX);
        ck_assert_uint_eq(res.b[i].len % 2, 0);
        ck_assert((unsigned char)res.b[i].text[0] == 0xC3);
        ck_assert_uint_eq(res.b[i].link_len, res.b[i].len);
        /* cut within the word: joined again without a space */
        ck_assert_uint_eq(res.b[i].flags & (BLOCK_CONTINUED | BLOCK_MIDWORD),
                          i == 0 ? 0 : BLOCK_CONTINUED | BLOCK_MIDWORD);
        total += res.b[i].len;
    }
    ck_assert_uint_ge(res.n, 3);
    ck_assert_uint_eq(total, 2 * n);
    result_free(&res);
    free(html);
}
END_TEST

/* ---- hostile input: bounded memory --------------------------------------------------------- */

typedef struct feeder {
    html_reader *r;
    result res;
    ub_status st;
} feeder;

static void feeder_start_mem(feeder *f, const mem *m)
{
    memset(f, 0, sizeof *f);
    f->r = html_reader_new(m, NULL, NULL, collect_cb, &f->res, &f->st);
    ck_assert_ptr_nonnull(f->r);
}

static void feeder_start(feeder *f)
{
    feeder_start_mem(f, &mem_stdlib);
}

/* realloc that remembers the largest block it was asked for */
static void *largest_realloc(void *ctx, void *p, size_t size)
{
    size_t *largest = ctx;
    if (size > *largest)
        *largest = size;
    return mem_stdlib_realloc(NULL, p, size);
}

static void feed_str(feeder *f, const char *s)
{
    if (f->st == UB_OK)
        f->st = html_reader_feed(f->r, s, strlen(s));
}

/* Feeds `unit` again and again until `bytes` have gone. */
static void feed_repeat(feeder *f, const char *unit, size_t bytes)
{
    size_t ul = strlen(unit), reps = 65536 / ul + 1;
    char *bytes_ = malloc(ul * reps);
    ck_assert_ptr_nonnull(bytes_);
    for (size_t i = 0; i < reps; i++)
        memcpy(bytes_ + i * ul, unit, ul);
    for (size_t done = 0; done < bytes && f->st == UB_OK; done += ul * reps)
        f->st = html_reader_feed(f->r, bytes_, ul * reps);
    free(bytes_);
}

static void feeder_end(feeder *f)
{
    finish(f->r, &f->res, f->st);
    ck_assert_int_eq(f->res.status, UB_OK);
}

/* libxml2 never holds much more than the runaway bound */
#define PENDING_BOUND (4u * 1024u * 1024u + 2u * 65536u)

START_TEST(test_bounded_broken_quote)
{
    /* 34 MB: long legitimate attributes, then a quote that never closes
     * followed by 30 MB without a double quote */
    feeder f;
    feeder_start(&f);
    feed_str(&f, "<html><body><p>before</p>");
    char *attr = malloc(1000 * 1000 + 64);
    ck_assert_ptr_nonnull(attr);
    char *p = attr + sprintf(attr, "<div data-blob=\"");
    memset(p, 'A', 1000 * 1000);
    strcpy(p + 1000 * 1000, "\">blob text</div>");
    for (int i = 0; i < 4; i++)
        feed_str(&f, attr);
    free(attr);
    feed_str(&f, "<p>middle</p><a href=\"foo>swallowed text</a> more ");
    feed_repeat(&f, "<p>para text here</p>\n", 30u * 1000u * 1000u);
    feed_str(&f, "<p>THE END</p></body></html>");
    f.res.keep_text = 0;
    feeder_end(&f);
    ck_assert_msg(f.res.max_pending <= PENDING_BOUND, "libxml2 held %zu bytes",
                  f.res.max_pending);
    /* the runaway tag is cut by the shield at HTML_SHIELD_TAG bytes */
    ck_assert_uint_ge(f.res.rescues + f.res.shielded, 1);
    ck_assert_str_eq(f.res.b[0].text, "before");
    ck_assert_str_eq(f.res.b[1].text, "blob text");
    /* parsing goes on after the runaway tag is ended */
    ck_assert_uint_ge(f.res.n, 1000000);
    ck_assert_str_eq(f.res.last, "THE END");
    result_free(&f.res);
}
END_TEST

START_TEST(test_bounded_end_survives)
{
    /* the same, small enough to keep every block's text */
    feeder f;
    feeder_start(&f);
    f.res.keep_text = 1;
    feed_str(&f, "<p>before</p><img src=\"");
    feed_repeat(&f, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                10u * 1000u * 1000u);
    feed_str(&f, "\" alt=\"x\"><p>after</p><a href=\"foo>never closed");
    feed_repeat(&f, "<p>text</p>\n", 8u * 1000u * 1000u);
    feed_str(&f, "<p>THE END</p>");
    feeder_end(&f);
    ck_assert_msg(f.res.max_pending <= PENDING_BOUND, "libxml2 held %zu bytes",
                  f.res.max_pending);
    ck_assert_uint_ge(f.res.rescues + f.res.shielded, 2);
    ck_assert_int_ge(find(&f.res, "before"), 0);
    ck_assert_int_ge(find(&f.res, "after"), 0);
    ck_assert_int_ge(find(&f.res, "text"), 0);
    ck_assert_str_eq(f.res.b[f.res.n - 1].text, "THE END");
    /* the rest of a cut attribute is not text */
    ck_assert(!contains(&f.res, "AAAA"));
    result_free(&f.res);
}
END_TEST

START_TEST(test_bounded_comment_script_text)
{
    feeder f;
    /* a comment that never ends: everything after it stays comment */
    feeder_start(&f);
    f.res.keep_text = 1;
    feed_str(&f, "<p>before</p><!-- ");
    feed_repeat(&f, "<p>commented out</p> - > ", 12u * 1000u * 1000u);
    feed_str(&f, "--><p>after</p>");
    feeder_end(&f);
    ck_assert_uint_le(f.res.max_pending, PENDING_BOUND);
    ck_assert_uint_ge(f.res.rescues, 1);
    ck_assert(!contains(&f.res, "commented"));
    ck_assert_int_ge(find(&f.res, "after"), 0);
    result_free(&f.res);

    /* a script that never ends */
    feeder_start(&f);
    f.res.keep_text = 1;
    feed_str(&f, "<p>before</p><script>");
    feed_repeat(&f, "var a = b > c; // no end tag\n", 12u * 1000u * 1000u);
    feeder_end(&f);
    ck_assert_uint_le(f.res.max_pending, PENDING_BOUND);
    ck_assert(!contains(&f.res, "var"));
    ck_assert_int_ge(find(&f.res, "before"), 0);
    result_free(&f.res);

    /* megabytes of text without a '<'.  It reaches libxml2 as the
     * shield's marks, a few bytes a run, while the shield's queue holds
     * the text itself: libxml2 waits for a '<' and hands none of it on.
     * The runaway bound counts the queue, or it grows with the page (this
     * text once took a 16 MiB queue, a 100 MB line a process of 203 MiB):
     * the allocator records the largest block asked for. */
    size_t largest = 0;
    mem m = { largest_realloc, &largest };
    feeder_start_mem(&f, &m);
    f.res.keep_text = 1;
    feed_str(&f, "<p>");
    feed_repeat(&f, "word ", 12u * 1000u * 1000u);
    feed_str(&f, "</p><p>after</p>");
    feeder_end(&f);
    ck_assert_uint_le(f.res.max_pending, PENDING_BOUND);
    size_t words = 0;
    for (size_t i = 0; i + 1 < f.res.n; i++) {
        ck_assert_uint_eq(f.res.b[i].flags & BLOCK_CONTINUED,
                          i == 0 ? 0 : BLOCK_CONTINUED);
        words += (f.res.b[i].len + 1) / 5;
    }
    ck_assert_uint_ge(words, 12u * 1000u * 1000u / 5);
    ck_assert_msg(largest <= 2 * PENDING_BOUND, "a block of %zu bytes", largest);
    ck_assert_str_eq(f.res.b[f.res.n - 1].text, "after");
    result_free(&f.res);
}
END_TEST

START_TEST(test_bounded_wellformed)
{
    /* well-formed quoting never makes libxml2 wait: its look-ahead is
     * reset before every piece (NOTES-libxml2.md), so nothing piles up
     * and nothing needs ending */
    feeder f;
    feeder_start(&f);
    feed_str(&f, "<html><body>");
    feed_repeat(&f, "<p class=\"a b\" data-x='{\"k\":\"v>w\"}' title=\"t\">"
                    "para <a href=\"/x?a=1&amp;b=2\">link</a></p>\n",
                20u * 1000u * 1000u);
    feed_str(&f, "<p>THE END</p></body></html>");
    f.res.keep_text = 0;
    feeder_end(&f);
    ck_assert_msg(f.res.max_pending < 256u * 1024u, "libxml2 held %zu bytes",
                  f.res.max_pending);
    ck_assert_uint_eq(f.res.rescues, 0);
    ck_assert_str_eq(f.res.last, "THE END");
    result_free(&f.res);
}
END_TEST

START_TEST(test_script_at_chunk_edge)
{
    /* libxml2 2.9.14 reads "</scr" + "ipt>" cut by a chunk end as script
     * text and never leaves the script: pieces end after a '>' */
    static const char filler[] = "<p>filler text</p>\n";
    for (size_t shift = 0; shift < 24; shift++) {
        size_t target = 65536 - 20 + shift; /* where "</script>" starts */
        char *html = malloc(target + 256);
        ck_assert_ptr_nonnull(html);
        size_t n = 0;
        while (n + (sizeof filler - 1) + 40 < target) {
            memcpy(html + n, filler, sizeof filler - 1);
            n += sizeof filler - 1;
        }
        n += (size_t)sprintf(html + n, "<script>var a = 1;");
        while (n < target)
            html[n++] = ' ';
        n += (size_t)sprintf(html + n, "</script><p>after</p>");
        result res;
        parse_opts(html, n, 0, NULL, NULL, &res);
        ck_assert_msg(find(&res, "after") >= 0, "lost at shift %zu", shift);
        ck_assert(!contains(&res, "var a"));
        result_free(&res);
        free(html);
    }
}
END_TEST

START_TEST(test_deep_nesting)
{
    feeder f;
    feeder_start(&f);
    f.res.keep_text = 1;
    feed_str(&f, "<p>top</p>");
    feed_repeat(&f, "<div>", 5u * 1000u * 1000u);
    feed_str(&f, "deep text<noscript>hidden deep</noscript><p>deep p</p>");
    feed_repeat(&f, "</div>", 6u * 1000u * 1000u);
    feed_str(&f, "<p>back</p>");
    feeder_end(&f);
    ck_assert_int_ge(find(&f.res, "top"), 0);
    ck_assert_int_ge(find(&f.res, "deep text"), 0);
    ck_assert_int_ge(find(&f.res, "deep p"), 0);
    ck_assert(!contains(&f.res, "hidden"));
    result_free(&f.res);
}
END_TEST

/* ---- errors and silence ------------------------------------------------------------------------ */

START_TEST(test_silent_on_broken)
{
    char path[] = "/tmp/check_html_reader_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(2);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(dup2(fd, 2), 0);

    size_t len;
    char *page = page_broken(&len);
    result res;
    parse_opts(page, len, 7, NULL, NULL, &res);
    static const char worse[] =
        "<html><head><meta charset=\"utf-16\"><meta charset=bogus></head><<<>>>"
        "<p><</p></div></span>&#xFFFFFFF;<!DOCTYPE x><?pi?><![CDATA[x]]>"
        "<p \xFF\xFE=\"\x80\">\xC3<a href='x\"></p></html><p>after html";
    result res2;
    parse_opts(worse, sizeof worse - 1, 0, NULL, NULL, &res2);

    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    ck_assert_msg(size == 0, "%ld bytes on stderr", (long)size);
    ck_assert_int_eq(res.status, UB_OK);
    ck_assert_uint_gt(res.errors, 0);
    ck_assert_int_ge(find(&res, "end"), 0);
    ck_assert_int_eq(res2.status, UB_OK);
    result_free(&res);
    result_free(&res2);
    free(page);
}
END_TEST

START_TEST(test_emit_failure)
{
    size_t len;
    char *page = page_blog(&len);
    for (size_t fail_at = 1; fail_at <= 3; fail_at++) {
        ub_status st;
        result res;
        memset(&res, 0, sizeof res);
        res.fail_at = fail_at;
        html_reader *r = html_reader_new(&mem_stdlib, NULL, NULL, collect_cb, &res, &st);
        ck_assert_ptr_nonnull(r);
        for (size_t off = 0; off < len && st == UB_OK; off += 4096)
            st = html_reader_feed(r, page + off,
                                  len - off < 4096 ? len - off : 4096);
        if (st == UB_OK)
            st = html_reader_end(r);
        ck_assert_int_eq(st, UB_EWRITE);
        /* no block after the one that failed; the error sticks */
        ck_assert_uint_eq(res.n, fail_at - 1);
        ck_assert_int_eq(html_reader_feed(r, "<p>x</p>", 8), UB_EWRITE);
        ck_assert_int_eq(html_reader_end(r), UB_EWRITE);
        html_reader_free(r);
        result_free(&res);
    }
    free(page);
}
END_TEST

START_TEST(test_lifecycle)
{
    ub_status st;
    result res;
    memset(&res, 0, sizeof res);
    res.keep_text = 1;
    ck_assert_ptr_null(html_reader_new(&mem_stdlib, NULL, NULL, NULL, NULL, &st));
    ck_assert_int_eq(st, UB_EINVAL);
    /* an empty document: nothing, no error */
    html_reader *r = html_reader_new(&mem_stdlib, NULL, NULL, collect_cb, &res, &st);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(html_reader_end(r), UB_OK);
    ck_assert_uint_eq(res.n, 0);
    ck_assert_int_eq(html_reader_feed(r, "<p>late</p>", 11), UB_EINVAL);
    ck_assert_int_eq(html_reader_end(r), UB_OK);
    html_reader_free(r);
    /* freeing an unfinished reader */
    r = html_reader_new(&mem_stdlib, NULL, NULL, collect_cb, &res, &st);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(html_reader_feed(r, "<p>never ended", 14), UB_OK);
    html_reader_free(r);
    html_reader_free(NULL);
    result_free(&res);
    /* text only, no markup */
    parse("just some text", &res);
    ck_assert_uint_eq(body_blocks(&res), 1);
    ck_assert_str_eq(res.b[0].text, "just some text");
    result_free(&res);
}
END_TEST

/* A page of `n` items whose class and id values repeat, differ, and say
 * content, menu, sidebar and the like, a value given as a class to some
 * elements and as an id to others ("sidebar widget" is two words as a
 * class, one as an id). */
static char *memo_page(unsigned n, unsigned salt)
{
    static const char *const words[] = {
        "sidebar", "widget", "menu-item", "entry-content", "post", "hentry", "footer",
        "comment", "nav", "share", "related", "article-body", "ad", "byline", "main",
        "tag-news", "category-sport", "type-post", "x", "content"};
    size_t nw = sizeof words / sizeof *words, cap = 256 + (size_t)n * 160, len = 0;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    len += (size_t)snprintf(page + len, cap - len, "<html><body>");
    for (unsigned i = 0; i < n; i++) {
        const char *a = words[(i * 7 + salt) % nw], *b = words[(i * 3 + salt / 2) % nw];
        if (i % 5 == 0 || i % 5 == 3)
            len += (size_t)snprintf(page + len, cap - len,
                                    "<div %s=\"%s %s\"><p>Item %u of a list.</p></div>",
                                    i % 5 ? "id" : "class", a, b, i);
        else if (i % 5 == 1)
            len += (size_t)snprintf(page + len, cap - len,
                                    "<div id=\"%s-%u\"><p class=\"%s\">Words %u here.</p></div>", a,
                                    i + salt, b, i);
        else
            len += (size_t)snprintf(page + len, cap - len,
                                    "<div class=\"%s\"><p class=\"%s %s\">Text %u, and more.</p></div>",
                                    a, b, words[(i + salt) % nw], i);
    }
    snprintf(page + len, cap - len, "</body></html>");
    return page;
}

static void parse_memo(const char *html, hints_memo *memo, result *res)
{
    parse_memo_opts(html, strlen(html), 0, NULL, NULL, memo, res);
    ck_assert_int_eq(res->status, UB_OK);
}

/* The memo only spares work: a page read through none, a fresh one, or
 * one another page filled (as the filter keeps one from page to page,
 * issue 20) gives the same blocks with the same hints and boxes. */
START_TEST(test_hints_memo_shared)
{
    static hints_memo memo;   /* large: off the stack */
    memset(&memo, 0, sizeof memo);
    char *other = memo_page(700, 5), *page = memo_page(600, 0);
    result want, fresh, dirty;
    parse_memo(page, NULL, &want);
    parse_memo(page, &memo, &fresh);
    parse_memo(other, &memo, &dirty);
    result_free(&dirty);
    parse_memo(page, &memo, &dirty);
    ck_assert_uint_gt(want.n, 500);
    unsigned hinted = 0;
    for (size_t i = 0; i < want.n; i++)
        hinted += want.b[i].hints != 0;
    ck_assert_uint_gt(hinted, 0);
    const result *got[] = {&fresh, &dirty};
    for (size_t g = 0; g < 2; g++) {
        ck_assert_uint_eq(got[g]->n, want.n);
        size_t bad = 0;
        for (size_t i = 0; i < want.n; i++) {
            const tblock *x = &want.b[i], *y = &got[g]->b[i];
            bad += x->len != y->len || x->hints != y->hints || x->flags != y->flags ||
                   x->box != y->box || x->outer[0] != y->outer[0] ||
                   x->outer[1] != y->outer[1] || strcmp(x->text, y->text) != 0;
        }
        ck_assert_uint_eq(bad, 0);
    }
    result_free(&want);
    result_free(&fresh);
    result_free(&dirty);
    free(other);
    free(page);
}
END_TEST

Suite *html_reader_suite(void)
{
    Suite *s = suite_create("html_reader");

    TCase *tc = tcase_create("blocks");
    tcase_add_test(tc, test_paragraphs);
    tcase_add_test(tc, test_inline_join);
    tcase_add_test(tc, test_outer);
    tcase_add_test(tc, test_cell_boxes);
    tcase_add_test(tc, test_br);
    tcase_add_test(tc, test_entities);
    tcase_add_test(tc, test_queued_text);
    tcase_add_test(tc, test_queued_text_page_pua);
    tcase_add_test(tc, test_whitespace);
    tcase_add_test(tc, test_pre);
    tcase_add_test(tc, test_link_len);
    tcase_add_test(tc, test_lead_link);
    tcase_add_test(tc, test_headings);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_table_rows);
    tcase_add_test(tc, test_table_row_break);
    tcase_add_test(tc, test_table_row_cut_no_leading_blank);
    tcase_add_test(tc, test_legacy_refs_without_semicolon);
    tcase_add_test(tc, test_skipped);
    tcase_add_test(tc, test_html5_voids);
    tcase_add_test(tc, test_start_ends_p);
    tcase_add_test(tc, test_noembed_noframes);
    tcase_add_test(tc, test_details_not_hidden);
    tcase_add_test(tc, test_end_tag_closes_inside);
    tcase_add_test(tc, test_block_max);
    tcase_add_test(tc, test_lifecycle);
    tcase_add_test(tc, test_emit_failure);
    suite_add_tcase(s, tc);

    tc = tcase_create("hints");
    tcase_add_test(tc, test_hints_structural);
    tcase_add_test(tc, test_hints_tokens);
    tcase_add_test(tc, test_hints_memo);
    tcase_add_test(tc, test_hint_attrs_one_pass);
    tcase_add_test(tc, test_style_hidden_colons);
    tcase_add_test(tc, test_hints_mixed_block);
    suite_add_tcase(s, tc);

    tc = tcase_create("title");
    tcase_add_test(tc, test_title);
    tcase_add_test(tc, test_title_first);
    tcase_add_test(tc, test_lang);
    suite_add_tcase(s, tc);

    tc = tcase_create("encoding");
    tcase_add_test(tc, test_enc_bom);
    tcase_add_test(tc, test_enc_meta);
    tcase_add_test(tc, test_enc_lying_meta);
    tcase_add_test(tc, test_enc_invalid_utf8);
    tcase_add_test(tc, test_enc_http_and_override);
    tcase_add_test(tc, test_encoding_unit);
    tcase_add_test(tc, test_enc_late_meta);
    tcase_add_test(tc, test_libxml2_version);
    tcase_add_test(tc, test_enc_detector);
    suite_add_tcase(s, tc);

    tc = tcase_create("chunking");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_chunking_blog);
    tcase_add_test(tc, test_chunking_latin1);
    tcase_add_test(tc, test_chunking_broken);
    tcase_add_test(tc, test_chunking_utf16);
    tcase_add_test(tc, test_blog_content);
    tcase_add_test(tc, test_silent_on_broken);
    suite_add_tcase(s, tc);

    tc = tcase_create("bounded");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_bounded_broken_quote);
    tcase_add_test(tc, test_bounded_end_survives);
    tcase_add_test(tc, test_bounded_comment_script_text);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_bounded_wellformed);
    tcase_add_test(tc, test_script_at_chunk_edge);
    tcase_add_test(tc, test_hints_memo_shared);
    suite_add_tcase(s, tc);

    return s;
}
