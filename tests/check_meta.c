/* check_meta.c - metadata: dates, byline names, the JSON object, the API. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"
#include "byline.h"
#include "html_hints.h"
#include "json_out.h"
#include "meta.h"
#include "meta_date.h"

static const char *iso(const char *s)
{
    static char out[META_DATE_MAX];
    meta_date_iso(s, strlen(s), out);
    return out;
}

START_TEST(test_date_iso)
{
    ck_assert_str_eq(iso("2018-04-05T06:00"), "2018-04-05T06:00");
    ck_assert_str_eq(iso("2021-11-01T10:52:50+0100"), "2021-11-01T10:52:50+01:00");
    ck_assert_str_eq(iso("2017-11-03 03:01:00.000000"), "2017-11-03T03:01:00.000000");
    ck_assert_str_eq(iso("2015-03-17T16:27:40.294Z"), "2015-03-17T16:27:40.294Z");
    ck_assert_str_eq(iso("2024-06-25"), "2024-06-25");
    ck_assert_str_eq(iso("March 25, 2015"), "2015-03-25");
    ck_assert_str_eq(iso("Posted on 7th Sept. 2012 by Ann"), "2012-09-07");
    ck_assert_str_eq(iso("Tue, 10 Nov 2015 10:00:00 GMT"), "2015-11-10");
    /* nothing that cannot be read for sure */
    ck_assert_str_eq(iso("11/08/2012"), "");
    ck_assert_str_eq(iso("2015-13-01"), "");
    ck_assert_str_eq(iso("May the force be with you 2015"), "");
    ck_assert_str_eq(iso("yesterday"), "");
    /* the year is found wherever it falls (has_year looks at every
     * fourth byte first), and three digits are no year */
    for (int k = 0; k < 8; k++) {
        char line[64];
        snprintf(line, sizeof line, "%*sMarch 25, 2015", k, "");
        ck_assert_str_eq(iso(line), "2015-03-25");
        snprintf(line, sizeof line, "%*sMarch 25, 2015x", k, "");
        ck_assert_str_eq(iso(line), "");
        snprintf(line, sizeof line, "%*sMarch 25, 201 5", k, "");
        ck_assert_str_eq(iso(line), "");
    }
}
END_TEST

/* The dates are written digit by digit (meta_date.c's put2), no longer
 * by snprintf: every day of the years around the ones read, every month
 * and day number in and out of range, with a time, seconds, a fraction
 * and a zone, and in both English forms, give what snprintf's formats
 * gave (compared here, one failure reported at the end). */
START_TEST(test_date_digits)
{
    static const char *const months[] = {"Jan", "February", "Mar.", "april", "May", "JUNE",
                                         "Jul", "Aug.", "Sept.", "October", "Nov", "Dec"};
    char line[128], want[128], bad[160] = "";
    for (int y = 1895; y <= 2205 && !bad[0]; y++)
        for (int mo = 0; mo <= 13; mo++)
            for (int d = 0; d <= 32; d++) {
                int ok = y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
                int h = (y + d) % 26, mi = (mo * 7 + d) % 61, zh = d % 16, zm = (y + mo) % 61;
                int time_ok = h <= 24 && mi <= 59, zone_ok = zh <= 14 && zm < 60;
                char sign = d % 2 ? '+' : '-';
                snprintf(line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02d.%0*d%c%02d:%02d", y,
                         mo, d, h, mi, (y * 3) % 60, 1 + d % 9, d * 7, sign, zh, zm);
                want[0] = 0;
                if (ok && time_ok && zone_ok)
                    snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%0*d%c%02d:%02d",
                             y, mo, d, h, mi, (y * 3) % 60, 1 + d % 9, d * 7, sign, zh, zm);
                else if (ok && time_ok)
                    snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%0*d", y, mo,
                             d, h, mi, (y * 3) % 60, 1 + d % 9, d * 7);
                else if (ok)
                    snprintf(want, sizeof want, "%04d-%02d-%02d", y, mo, d);
                if (strcmp(iso(line), want) != 0)
                    snprintf(bad, sizeof bad, "%s gave %s", line, iso(line));
                if (mo < 1 || mo > 12)
                    continue;
                want[0] = 0;
                if (ok)
                    snprintf(want, sizeof want, "%04d-%02d-%02d", y, mo, d);
                snprintf(line, sizeof line, "Posted %s %d, %d by", months[mo - 1], d, y);
                if (strcmp(iso(line), want) != 0)
                    snprintf(bad, sizeof bad, "%s gave %s", line, iso(line));
                snprintf(line, sizeof line, "on %d %s %d.", d, months[mo - 1], y);
                if (strcmp(iso(line), want) != 0)
                    snprintf(bad, sizeof bad, "%s gave %s", line, iso(line));
            }
    if (bad[0])
        ck_abort_msg("%s", bad);
    ck_assert_str_eq(iso("2015-03-17 16:27:40Z"), "2015-03-17T16:27:40Z");
    ck_assert_str_eq(iso("2015-03-17T16:27 +0530"), "2015-03-17T16:27+05:30");
    ck_assert_str_eq(iso("2015-03-17T00:00:00,123456789123"), "2015-03-17T00:00:00.123456789");
}
END_TEST

static const char *name(const char *s)
{
    static char out[256];
    size_t start = 0, n = byline_name(s, strlen(s), &start);
    memcpy(out, s + start, n);
    out[n] = 0;
    return out;
}

START_TEST(test_byline_name)
{
    ck_assert_str_eq(name("By Ann Smith | May 2, 2015"), "Ann Smith");
    ck_assert_str_eq(name("By Ann Smith and Bob Lee"), "Ann Smith and Bob Lee");
    ck_assert_str_eq(name("by Ann de la Cruz, Staff Writer"), "Ann de la Cruz, Staff Writer");
    ck_assert_str_eq(name("By Nathan Willis March 25, 2015"), "Nathan Willis");
    ck_assert_str_eq(name("Ann Smith"), "");
    ck_assert_str_eq(name("by the sea"), "");
    ck_assert_str_eq(name("                          By Ann Smith | May 2, 2015"), "Ann Smith");
}
END_TEST

typedef struct sink {
    char data[4096];
    size_t len;
} sink;

static int sink_put(void *ctx, const char *s, size_t n)
{
    sink *k = ctx;
    ck_assert_uint_le(k->len + n, sizeof k->data);
    memcpy(k->data + k->len, s, n);
    k->len += n;
    return 0;
}

/* The text escaped the same whatever the chunking, a character cut
 * between chunks included; bytes that are not UTF-8 become U+FFFD; the
 * controls are written as jansson (and so --jsonl) writes them. */
START_TEST(test_json_text_chunks)
{
    static const char text[] = "a \"q\" \\ \t\n\x01\b\f\x1f caf\xc3\xa9 \xe2\x82\xac \xff end";
    static const char want[] = "{\"text\":\"a \\\"q\\\" \\\\ \\t\\n\\u0001\\b\\f\\u001F caf\xc3\xa9 \xe2\x82\xac "
                               "\xef\xbf\xbd end\"}\n";
    meta *mt = meta_new(&mem_stdlib);
    ck_assert_ptr_nonnull(mt);
    for (size_t step = 1; step <= sizeof text; step++) {
        sink k = {.len = 0};
        json_out *j = json_out_new(&mem_stdlib, sink_put, &k);
        ck_assert_int_eq(json_out_begin(j), UB_OK);
        for (size_t i = 0; i < sizeof text - 1; i += step) {
            size_t n = sizeof text - 1 - i < step ? sizeof text - 1 - i : step;
            ck_assert_int_eq(json_out_text(j, text + i, n), 0);
        }
        ck_assert_int_eq(json_out_end(j, mt), UB_OK);
        ck_assert_msg(k.len == sizeof want - 1 && memcmp(k.data, want, k.len) == 0,
                      "step %zu: %.*s", step, (int)k.len, k.data);
        json_out_free(j);
    }
    meta_free(mt);
}
END_TEST

static const char page[] =
    "<html lang=\"pt-BR\"><head><title>Folha | A ponte reabre</title>"
    "<meta name=\"author\" content=\"Rui Costa\">"
    "<meta property=\"og:title\" content=\"A ponte reabre depois de um ano\">"
    "<meta name=\"dc.title\" content=\"A ponte reabre\">"
    "<meta property=\"article:author\" content=\"https://social.example/rui\">"
    "</head><body><p>A ponte que liga as duas margens do rio reabre hoje, depois de um ano "
    "de obras, e os carros voltam a passar por ela a partir das seis da tarde.</p></body></html>";

/* With the window alone the byline's block is decided while the page is
 * read, before the reader reaches the byline box further down: its name
 * came first and stays.  The filter queues blocks (context_queue) but
 * pushes such a decision's block when it comes; pushed after the rest of
 * the piece, the box's name would win. */
START_TEST(test_filter_meta_decided_in_order)
{
    char page_buf[2048];
    size_t n = (size_t)snprintf(page_buf, sizeof page_buf, "%s",
                                "<html><body><p>By Ann Lee</p>");
    for (int k = 0; k < 12; k++)
        n += (size_t)snprintf(page_buf + n, sizeof page_buf - n,
                              "<p>The council kept the hall open, paragraph %d said.</p>", k);
    n += (size_t)snprintf(page_buf + n, sizeof page_buf - n, "%s",
                          "<div class=\"byline\">Bob Stone</div></body></html>");
    ck_assert_uint_lt(n, sizeof page_buf - 1);
    for (int lookahead = 0; lookahead < 2; lookahead++) {
        ub_options o;
        ub_options_init(&o);
        o.format = UB_FORMAT_HTML;
        o.window = UB_WINDOW_MIN;
        if (lookahead == 0)
            o.lookahead = 0;
        sink k = {.len = 0};
        ub_status st;
        ub_filter *f = ub_filter_new(&o, sink_put, &k, &st);
        ck_assert_ptr_nonnull(f);
        ck_assert_int_eq(ub_filter_feed(f, page_buf, n), UB_OK);
        ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
        /* with the look-ahead nothing is decided before the box is read */
        ck_assert_str_eq(ub_filter_meta(f, UB_META_AUTHOR, 0),
                         lookahead == 0 ? "Ann Lee" : "Bob Stone");
        ub_filter_free(f);
    }
}
END_TEST

/* A library user reads the last document's fields; the most trusted
 * source wins, an address is no author, and nothing is made up. */
START_TEST(test_filter_meta_api)
{
    ub_options o;
    ub_options_init(&o);
    run_result r;
    sink k = {.len = 0};
    ub_status st;
    ub_filter *f = ub_filter_new(&o, sink_put, &k, &st);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_TITLE, 0));
    ck_assert_int_eq(ub_filter_feed(f, page, sizeof page - 1), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_str_eq(ub_filter_meta(f, UB_META_TITLE, 0), "A ponte reabre");
    ck_assert_str_eq(ub_filter_meta(f, UB_META_AUTHOR, 0), "Rui Costa");
    ck_assert_str_eq(ub_filter_meta(f, UB_META_LANG, 0), "pt-BR");
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_DATE, 0));
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_URL, 0));
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_TAGS, 0));
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_TITLE, 1));
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_COUNT, 0));
    ck_assert_str_eq(ub_meta_name(UB_META_SITENAME), "sitename");
    ck_assert_ptr_null(ub_meta_name(UB_META_COUNT));
    /* the next document starts afresh */
    ck_assert_int_eq(ub_filter_feed(f, "<p>x</p>", 8), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_AUTHOR, 0));
    /* an empty document (an empty file among several) is a document too:
     * it states nothing, whatever the one before it stated */
    ck_assert_int_eq(ub_filter_feed(f, page, sizeof page - 1), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_ptr_nonnull(ub_filter_meta(f, UB_META_AUTHOR, 0));
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_AUTHOR, 0));
    ck_assert_ptr_null(ub_filter_meta(f, UB_META_TITLE, 0));
    ub_filter_free(f);

    /* an SVG's <title> in the body is no headline; the h1 is */
    static const char svg[] = "<html><body><svg><title>Icon</title></svg><h1>The real "
                              "headline</h1><p>Some words of text.</p></body></html>";
    f = ub_filter_new(&o, sink_put, &k, &st);
    ck_assert_int_eq(ub_filter_feed(f, svg, sizeof svg - 1), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_str_eq(ub_filter_meta(f, UB_META_TITLE, 0), "The real headline");
    ub_filter_free(f);

    /* --url fills the address a page does not state, whatever the chunking */
    o.json = 1;
    o.url = "https://example.org/ponte";
    run_filter(&o, page, sizeof page - 1, (chunks){CHUNK_FIXED, 7, 0}, &r);
    ck_assert_int_eq(r.status, UB_OK);
    ck_assert_ptr_nonnull(strstr(r.out, ",\"url\":\"https://example.org/ponte\""));
    ck_assert_uint_eq(r.out_len, strlen(r.out));     /* one line, no NUL */
    ck_assert_int_eq(r.out[r.out_len - 1], '\n');
    run_result_free(&r);
}
END_TEST

/* A document's fields after another's are those of the document alone,
 * whatever came before: the store is emptied between documents, not
 * cleared byte by byte (meta_reset), so a long value before a short one,
 * tags before none, a time before a text dump must leave nothing behind. */
static const char *const reset_docs[] = {
    page,
    "<html lang=\"en\"><head><base href=\"https://example.com/news/\">"
    "<title>Bridge reopens after a year of works | The Example Herald</title>"
    "<meta name=\"keywords\" content=\"bridge, river, works, city\">"
    "<link rel=\"canonical\" href=\"https://example.com/news/bridge\"></head><body>"
    "<h1>Bridge reopens after a year of works</h1><p class=\"byline\">By Ann Lee</p>"
    "<time datetime=\"2015-03-17T16:27\">March 17</time><p>The bridge that links the two "
    "banks of the river reopens today, and cars may cross it again from six.</p></body></html>",
    "<p>x</p>",
    "Council saves the hall\n\nBy Ann Lee | May 2, 2015\n\nThe council voted last night "
    "to save the old hall, which the town has used for a hundred years.\n",
};

static void meta_after(const char *before, const char *doc, ub_filter **out)
{
    ub_options o;
    ub_options_init(&o);
    static sink k;   /* outlives the filter; its text is not looked at */
    ub_status st;
    ub_filter *f = ub_filter_new(&o, sink_put, &k, &st);
    ck_assert_ptr_nonnull(f);
    k.len = 0;
    if (before) {
        ck_assert_int_eq(ub_filter_feed(f, before, strlen(before)), UB_OK);
        ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    }
    k.len = 0;
    ck_assert_int_eq(ub_filter_feed(f, doc, strlen(doc)), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    *out = f;
}

START_TEST(test_meta_reset_is_fresh)
{
    const size_t n = sizeof reset_docs / sizeof *reset_docs;
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++) {
            ub_filter *after, *alone;
            meta_after(reset_docs[a], reset_docs[b], &after);
            meta_after(NULL, reset_docs[b], &alone);
            for (int fld = 0; fld < UB_META_COUNT; fld++)
                for (size_t i = 0; i < 17; i++) {
                    const char *x = ub_filter_meta(after, (ub_meta_field)fld, i);
                    const char *y = ub_filter_meta(alone, (ub_meta_field)fld, i);
                    ck_assert_msg((x == NULL) == (y == NULL) && (!x || strcmp(x, y) == 0),
                                  "document %zu after %zu: %s[%zu] \"%s\", alone \"%s\"", b, a,
                                  ub_meta_name((ub_meta_field)fld), i, x ? x : "(none)",
                                  y ? y : "(none)");
                }
            ub_filter_free(after);
            ub_filter_free(alone);
        }
    /* the rich page has the fields this test is for */
    ub_filter *f;
    meta_after(NULL, reset_docs[1], &f);
    ck_assert_ptr_nonnull(ub_filter_meta(f, UB_META_TAGS, 3));
    ck_assert_ptr_nonnull(ub_filter_meta(f, UB_META_DATE, 0));
    ck_assert_ptr_nonnull(ub_filter_meta(f, UB_META_URL, 0));
    ub_filter_free(f);
}
END_TEST

/* An element handed to meta_start with what the reader's one pass over
 * its attributes found (html_hints_attrs); returns whether its text is
 * wanted, and when it is hands over text and closes the element. */
static int meta_el(meta *mt, const char *name, const char *const *atts, unsigned hints,
                   const char *text)
{
    hint_attrs ha;
    html_hints_attrs(atts, &ha);
    int want = meta_start(mt, name, atts, &ha, hints, 0);
    if (want && text) {
        ck_assert_int_eq(meta_text(mt, text, strlen(text)), UB_OK);
        meta_end(mt);
    }
    return want;
}

static void meta_want(meta *mt, ub_meta_field field, const char *want)
{
    const char *got = meta_get(mt, field, 0);
    if (want == NULL)
        ck_assert_msg(got == NULL, "%s: \"%s\"", ub_meta_name(field), got);
    else
        ck_assert_msg(got != NULL && strcmp(got, want) == 0, "%s: \"%s\", want \"%s\"",
                      ub_meta_name(field), got ? got : "(none)", want);
}

/* Each attribute the metadata reads from a start tag, as the reader's
 * one pass finds it: the first of a name counts, a name is matched whole
 * and as written (libxml2 lower-cases it), and one on an element that
 * does not take it says nothing. */
START_TEST(test_meta_start_attrs)
{
    meta *mt = meta_new(&mem_stdlib);
    ck_assert_ptr_nonnull(mt);

    const char *html[] = {"data-lang", "fr", "xml:lang", "de-AT", NULL};
    const char *canon[] = {"href", "https://example.org/a", "rel", "nofollow canonical",
                           "rel", "author", NULL};
    const char *time[] = {"datetime", "2015-03-17T16:27", "datetime", "2001-01-01", NULL};
    const char *base[] = {"hrefx", "https://no.example/", "href", "https://example.org/n/", NULL};
    meta_reset(mt);
    ck_assert(!meta_el(mt, "html", html, 0, NULL));
    ck_assert(!meta_el(mt, "link", canon, 0, NULL));
    ck_assert(!meta_el(mt, "time", time, 0, NULL));
    ck_assert(!meta_el(mt, "times", base, 0, NULL));
    ck_assert(!meta_el(mt, "base", base, 0, NULL));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_LANG, "de-AT");   /* xml:lang, as there is no lang */
    meta_want(mt, UB_META_URL, "https://example.org/a");
    meta_want(mt, UB_META_DATE, "2015-03-17T16:27");
    ck_assert_str_eq(meta_base(mt), "https://example.org/n/");

    /* itemprop with its value in content, else datetime, else the text */
    const char *prop_content[] = {"itemprop", "author", "content", "Ann Lee",
                                  "datetime", "2016-05-01", NULL};
    const char *prop_datetime[] = {"itemprop", "datePublished", "datetime", "2016-05-01", NULL};
    const char *prop_text[] = {"itemprop", "headline", NULL};
    meta_reset(mt);
    ck_assert(!meta_el(mt, "span", prop_content, 0, NULL));
    ck_assert(!meta_el(mt, "time", prop_datetime, 0, NULL));
    ck_assert(meta_el(mt, "h2", prop_text, 0, "The bridge reopens"));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_AUTHOR, "Ann Lee");
    meta_want(mt, UB_META_DATE, "2016-05-01");
    meta_want(mt, UB_META_TITLE, "The bridge reopens");

    /* bylines: rel=author, a class or id that says so, never in a sidebar */
    const char *rel[] = {"rel", "external author", NULL};
    const char *cls[] = {"class", "post-Byline", NULL};
    const char *id[] = {"class", "meta", "id", "authorbox", NULL};
    const char *none[] = {"class", "meta", "data-role", "author", NULL};
    meta_reset(mt);
    ck_assert(meta_el(mt, "div", cls, HINT_SIDEBAR, "Bo Sidebar") == 0);
    ck_assert(!meta_el(mt, "div", none, 0, NULL));
    ck_assert(!meta_el(mt, "div", NULL, 0, NULL));
    ck_assert(meta_el(mt, "a", rel, 0, "Rui Costa"));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_AUTHOR, "Rui Costa");
    meta_reset(mt);
    ck_assert(meta_el(mt, "p", cls, 0, "By Ann Lee"));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_AUTHOR, "Ann Lee");
    meta_reset(mt);
    ck_assert(meta_el(mt, "div", id, 0, "Ann Lee"));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_AUTHOR, "Ann Lee");

    /* JSON-LD by its type; a script of another type, or inside a skipped
     * element, is not read */
    const char *ld[] = {"type", "application/ld+json", NULL};
    const char *js[] = {"type", "text/javascript", NULL};
    hint_attrs ha;
    html_hints_attrs(ld, &ha);
    meta_reset(mt);
    ck_assert(!meta_start(mt, "script", ld, &ha, 0, 1));
    ck_assert(!meta_el(mt, "script", js, 0, NULL));
    ck_assert(meta_el(mt, "script", ld, 0,
                      "{\"@type\": \"NewsArticle\", \"headline\": \"Council saves the hall\"}"));
    meta_finish(mt, NULL, NULL);
    meta_want(mt, UB_META_TITLE, "Council saves the hall");
    meta_free(mt);
}
END_TEST

Suite *meta_suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_date_iso);
    tcase_add_test(tc, test_date_digits);
    tcase_add_test(tc, test_byline_name);
    tcase_add_test(tc, test_json_text_chunks);
    tcase_add_test(tc, test_filter_meta_api);
    tcase_add_test(tc, test_meta_reset_is_fresh);
    tcase_add_test(tc, test_meta_start_attrs);
    tcase_add_test(tc, test_filter_meta_decided_in_order);
    suite_add_tcase(s, tc);
    return s;
}
