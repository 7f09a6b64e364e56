/* check_explain.c - --explain for people: the terminal form's shape and
 * colours, and the HTML page: escaped whatever the page holds, counts that
 * match the terminal form, the same bytes under any chunking, one page per
 * -z document; and the CLI's --explain=FORM and --color=WHEN. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"

static const chunks WHOLE = { CHUNK_WHOLE, 0, 0 };

static void run_fmt(ub_format format, ub_output output, int color, const char *in, size_t len,
                    chunks ch, run_result *r)
{
    ub_options o;
    ub_options_init(&o);
    o.format = format;
    o.output = output;
    o.color = color;
    run_filter(&o, in, len, ch, r);
    ck_assert_msg(r->status == UB_OK, "status %d on %.24s", r->status, in);
}

static void run_as(ub_output output, int color, const char *in, size_t len, chunks ch,
                   run_result *r)
{
    run_fmt(UB_FORMAT_AUTO, output, color, in, len, ch, r);
}

/* Lines of s (its last '\n' ends the last), in a copy the caller frees. */
typedef struct lines {
    char **v;
    size_t n;
    char *copy;
} lines;

static lines split(const char *s, size_t len)
{
    lines l = { calloc(len + 2, sizeof(char *)), 0, strndup(s, len) };
    ck_assert_ptr_nonnull(l.v);
    char *p = l.copy, *end = l.copy + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl)
            *nl = 0;
        l.v[l.n++] = p;
        p = nl ? nl + 1 : end;
    }
    return l;
}

static void lines_free(lines *l)
{
    free(l->v);
    free(l->copy);
}

static size_t count_of(const char *hay, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = hay; (p = memmem(p, len - (size_t)(p - hay), needle, k)) != NULL; p += k)
        n++;
    return n;
}

/* ---- terminal form --------------------------------------------------- */

/* One output line per input line, the decision first and the input line
 * after "| ", "     |" for a blank line; no colour unless asked. */
START_TEST(test_text_form_shape)
{
    size_t len;
    char *art = read_file(fixture_path("ukraine-talks.in"), &len);
    ck_assert_ptr_nonnull(art);
    run_result r;
    run_as(UB_OUTPUT_EXPLAIN_TEXT, 0, art, len, WHOLE, &r);
    lines in = split(art, len), out = split(r.out, r.out_len);
    ck_assert_uint_eq(out.n, in.n);
    size_t kept = 0;
    for (size_t i = 0; i < in.n; i++) {
        if (!in.v[i][0]) {
            ck_assert_str_eq(out.v[i], "     |");
            continue;
        }
        int keep = strncmp(out.v[i], "KEEP ", 5) == 0;
        ck_assert_msg(keep || strncmp(out.v[i], "DROP ", 5) == 0, "%s", out.v[i]);
        const char *bar = strstr(out.v[i], "| ");
        ck_assert_ptr_nonnull(bar);
        ck_assert_str_eq(bar + 2, in.v[i]);
        kept += keep;
    }
    ck_assert_uint_eq(kept, 11);
    ck_assert_ptr_null(memchr(r.out, '\033', r.out_len));
    lines_free(&in);
    lines_free(&out);
    run_result_free(&r);
    free(art);
}
END_TEST

/* A hard-wrapped paragraph is one block: each of its lines is prefixed
 * with the same decision, reason and number. */
START_TEST(test_text_form_every_line)
{
    static const char page[] =
        "The old harbour bridge opened to cars again on Monday morning, two years\n"
        "after engineers closed it when they found deep cracks in two of its\n"
        "steel supports, and a small crowd gathered on the east bank to watch.\n";
    run_result r;
    run_as(UB_OUTPUT_EXPLAIN_TEXT, 0, page, sizeof page - 1, WHOLE, &r);
    lines out = split(r.out, r.out_len);
    ck_assert_uint_eq(out.n, 3);
    const char *bar = strstr(out.v[0], "| ");
    ck_assert_ptr_nonnull(bar);
    size_t plen = (size_t)(bar - out.v[0]);
    ck_assert_msg(strncmp(out.v[0], "KEEP ", 5) == 0, "%s", out.v[0]);
    ck_assert_ptr_nonnull(strstr(out.v[0], " #1 "));
    for (size_t i = 1; i < 3; i++)
        ck_assert_msg(strncmp(out.v[i], out.v[0], plen + 2) == 0, "%s", out.v[i]);
    lines_free(&out);
    run_result_free(&r);
}
END_TEST

/* --explain=features: after each block, one line of its features under
 * the text column; the decision lines are those of --explain=text. */
START_TEST(test_features_form)
{
    size_t len;
    char *page = read_file(fixture_path("explain-page.in"), &len);
    ck_assert_ptr_nonnull(page);
    run_result t, f;
    run_as(UB_OUTPUT_EXPLAIN_TEXT, 0, page, len, WHOLE, &t);
    run_as(UB_OUTPUT_EXPLAIN_FEATURES, 0, page, len, WHOLE, &f);
    lines tl = split(t.out, t.out_len), fl = split(f.out, f.out_len);
    ck_assert_uint_eq(fl.n, 2 * tl.n);
    for (size_t i = 0; i < tl.n; i++) {
        ck_assert_str_eq(fl.v[2 * i], tl.v[i]);
        const char *feat = fl.v[2 * i + 1];
        ck_assert_msg(feat[0] == ' ' && strstr(feat, "+ class=") && strstr(feat, " p=") &&
                          strstr(feat, " sd="),
                      "%s", feat);
        ck_assert_uint_eq(strcspn(feat, "+"), strcspn(tl.v[i], "|"));
    }
    lines_free(&tl);
    lines_free(&fl);
    run_result_free(&t);
    run_result_free(&f);
    free(page);
}
END_TEST

/* Colour: kept green, dropped red, every line back to normal at its end. */
START_TEST(test_color)
{
    size_t len;
    char *page = read_file(fixture_path("explain-page.in"), &len);
    ck_assert_ptr_nonnull(page);
    for (ub_output form = UB_OUTPUT_EXPLAIN_TEXT; form <= UB_OUTPUT_EXPLAIN_FEATURES; form++) {
        run_result r, plain;
        run_as(form, 1, page, len, WHOLE, &r);
        run_as(form, 0, page, len, WHOLE, &plain);
        ck_assert_ptr_nonnull(strstr(r.out, "\033[1;32mKEEP"));
        ck_assert_ptr_nonnull(strstr(r.out, "\033[1;31mDROP"));
        lines l = split(r.out, r.out_len);
        for (size_t i = 0; i < l.n; i++) {
            const char *last = strrchr(l.v[i], '\033');
            ck_assert_msg(!last || strncmp(last, "\033[0m", 4) == 0, "line %zu: %s", i, l.v[i]);
        }
        /* without the escapes it is the plain form */
        tbuf stripped = { 0 };
        for (const char *p = r.out; *p; p++) {
            if (*p == '\033') {
                p += strcspn(p, "m");
                continue;
            }
            tbuf_add(&stripped, p, 1);
        }
        ck_assert_str_eq(stripped.data, plain.out);
        ck_assert_ptr_null(memchr(plain.out, '\033', plain.out_len));
        tbuf_free(&stripped);
        lines_free(&l);
        run_result_free(&r);
        run_result_free(&plain);
    }
    free(page);
}
END_TEST

/* ---- the HTML page --------------------------------------------------- */

static int allowed(const char *name, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(*list, name, n) == 0)
            return 1;
    return 0;
}

/* The page holds only the markup unboil writes: every '<' opens one of its
 * own elements, with only its own attributes, whose values hold no quote;
 * it is valid UTF-8 without control characters but tab and newline. */
static void assert_only_own_markup(const char *s, size_t len)
{
    static const char *const tags[] = {
        "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style",
        "/style", "body", "/body", "div", "/div", "span", "/span", "h1", "/h1", "p", "/p",
        "code", "/code", NULL
    };
    static const char *const attrs[] = { "charset", "http-equiv", "content", "name", "class",
                                         "title", "dir", NULL };
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        ck_assert_msg(c >= 0x20 || c == '\n' || c == '\t', "control byte %#x at %zu", c, i);
        if (c != '<')
            continue;
        size_t k = i + 1, t = k;
        while (k < len && s[k] != ' ' && s[k] != '>')
            k++;
        ck_assert_msg(allowed(s + t, k - t, tags), "element <%.*s at %zu", (int)(k - t), s + t, i);
        if (strncmp(s + t, "!DOCTYPE", 8) == 0) {
            ck_assert(strncmp(s + i, "<!DOCTYPE html>", 15) == 0);
            i += 14;
            continue;
        }
        while (k < len && s[k] == ' ') {
            size_t a = ++k;
            while (k < len && s[k] != '=')
                k++;
            ck_assert_msg(allowed(s + a, k - a, attrs), "attribute %.*s at %zu", (int)(k - a),
                          s + a, a);
            ck_assert(s[k + 1] == '"');
            const char *q = memchr(s + k + 2, '"', len - k - 2);
            ck_assert_ptr_nonnull(q);
            ck_assert_ptr_null(memchr(s + k + 2, '<', (size_t)(q - s) - k - 2));
            k = (size_t)(q - s) + 1;
        }
        ck_assert_msg(k < len && s[k] == '>', "tag at %zu not closed as written", i);
        i = k;
    }
    /* the style sheet is the only raw text element, and it is ours */
    ck_assert_uint_eq(count_of(s, len, "<style>"), 1);
    ck_assert_uint_eq(count_of(s, len, "<script"), 0);
    size_t n = len;
    for (const unsigned char *p = (const unsigned char *)s; n > 0;) {
        size_t ok = 0;
        for (; ok < n && p[ok] < 0x80; ok++)
            ;
        p += ok;
        n -= ok;
        if (!n)
            break;
        size_t need = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
        ck_assert_msg(p[0] >= 0xC2 && p[0] <= 0xF4 && n >= need, "bad UTF-8 at %zu",
                      (size_t)((const char *)p - s));
        for (size_t j = 1; j < need; j++)
            ck_assert((p[j] & 0xC0) == 0x80);
        p += need;
        n -= need;
    }
}

/* Hostile pages: markup and script as the page's text, quotes that would
 * end an attribute, entities, controls, bytes that are not UTF-8, a
 * character cut by the end of a long line. */
START_TEST(test_html_escapes_everything)
{
    static const char *const pages[] = {
        "<html><head><title>\"><script>alert(1)</script></title></head><body>"
        "<p>&lt;/span&gt;&lt;/div&gt;&lt;script src=//x&gt;&lt;/script&gt; and &amp;lt; "
        "&quot;&#39; onmouseover=&quot;alert(2) it&#x27;s a paragraph of the article that "
        "the committee met to discuss, said the mayor on Tuesday.</p>"
        "<pre>line one &lt;b&gt;\n\tline two \x1b[31m red</pre>"
        "<p>\xc2\x80 C1 \xe2\x80\xae reversed text</p>"
        "<iframe srcdoc=\"<script>alert(3)</script>\"></iframe>"
        "<p><img src=x onerror=alert(4)>&lt;img src=x onerror=alert(5)&gt;</p>"
        "<!-- <script>alert(6)</script> --><p>]]&gt; <![CDATA[ x ]]> --&gt;</p></body></html>",
        "<script>alert(1)</script>\n\n\"'><b onclick=x>bold</b>\n"
        "\xff\xfe not UTF-8 \xc3 cut \xe2\x82 and \xed\xa0\x80 a surrogate\n"
        "\x1b]0;title\x07 an escape to the terminal\r\n"
        "The committee met on Tuesday to discuss the new budget, and after a long debate "
        "it decided that the money would go to schools and hospitals in the north.\n",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        run_result r;
        /* the second is a text dump, whatever its first bytes look like */
        run_fmt(i ? UB_FORMAT_TEXT : UB_FORMAT_HTML, UB_OUTPUT_EXPLAIN_HTML, 0, pages[i],
                strlen(pages[i]), WHOLE, &r);
        assert_only_own_markup(r.out, r.out_len);
        ck_assert_ptr_nonnull(strstr(r.out, "&lt;script"));
        ck_assert_ptr_null(strstr(r.out, "onerror=alert(4)"));   /* a real attribute: gone */
        run_result_free(&r);
    }
    /* a line past the block limit: its tail is escaped too, and a character
     * cut where the line is split comes out whole */
    tbuf big = { 0 };
    for (int i = 0; i < 9000; i++)
        tbuf_add(&big, "ab\xc3\xa9<i>\"", 8);
    tbuf_add(&big, "\n", 1);
    run_result r;
    run_as(UB_OUTPUT_EXPLAIN_HTML, 0, big.data, big.len, WHOLE, &r);
    assert_only_own_markup(r.out, r.out_len);
    ck_assert_uint_eq(count_of(r.out, r.out_len, "ab\xc3\xa9&lt;i&gt;&quot;"), 9000);
    run_result_free(&r);
    tbuf_free(&big);
}
END_TEST

/* The page's dropped and kept blocks are the terminal form's, and the
 * counts at the top say so. */
START_TEST(test_html_counts)
{
    size_t len;
    char *page = read_file(fixture_path("explain-page.in"), &len);
    ck_assert_ptr_nonnull(page);
    run_result t, h;
    run_as(UB_OUTPUT_EXPLAIN_TEXT, 0, page, len, WHOLE, &t);
    run_as(UB_OUTPUT_EXPLAIN_HTML, 0, page, len, WHOLE, &h);
    size_t drops = count_of(t.out, t.out_len, "\nDROP ") + (strncmp(t.out, "DROP ", 5) == 0);
    size_t keeps = count_of(t.out, t.out_len, "\nKEEP ") + (strncmp(t.out, "KEEP ", 5) == 0);
    ck_assert_uint_gt(drops, 5);
    ck_assert_uint_gt(keeps, 5);
    ck_assert_uint_eq(count_of(h.out, h.out_len, "<div class=\"b drop"), drops);
    ck_assert_uint_eq(count_of(h.out, h.out_len, "<div class=\"b keep"), keeps);
    char want[128];
    snprintf(want, sizeof want, "<p>%zu blocks: <span class=\"n-keep\">%zu kept</span>, "
             "<span class=\"n-drop\">%zu dropped</span></p>", drops + keeps, keeps, drops);
    ck_assert_ptr_nonnull(strstr(h.out, want));
    assert_only_own_markup(h.out, h.out_len);
    run_result_free(&t);
    run_result_free(&h);
    free(page);
}
END_TEST

/* The same page whatever the chunking, a long line cut anywhere included. */
START_TEST(test_html_chunking)
{
    tbuf in = { 0 };
    tbuf_add(&in, "Home | News\n\n", 13);
    for (int i = 0; i < 7000; i++)
        tbuf_addf(&in, "%s", "a\xe2\x82\xac\xff<&>\" ");
    static const char para[] = "\n\nThe committee met on Tuesday to discuss the new budget, "
                               "and after a long debate it decided where the money would go.\n";
    tbuf_add(&in, para, sizeof para - 1);
    for (ub_output form = UB_OUTPUT_EXPLAIN_TEXT; form <= UB_OUTPUT_EXPLAIN_HTML; form++) {
        run_result whole;
        run_as(form, 1, in.data, in.len, WHOLE, &whole);
        for (unsigned seed = 1; seed <= 4; seed++) {
            run_result r;
            run_as(form, 1, in.data, in.len, (chunks){ CHUNK_RANDOM, 9, seed }, &r);
            ck_assert_msg(r.out_len == whole.out_len && memcmp(r.out, whole.out, r.out_len) == 0,
                          "form %d, seed %u: differs at line %zu", form, seed,
                          first_diff_line(r.out, r.out_len, whole.out, whole.out_len));
            run_result_free(&r);
        }
        if (form == UB_OUTPUT_EXPLAIN_HTML)
            assert_only_own_markup(whole.out, whole.out_len);
        run_result_free(&whole);
    }
    tbuf_free(&in);
}
END_TEST

/* -z: one whole page per document, a NUL after each that had one, as for
 * the article. */
START_TEST(test_html_per_document)
{
    static const char in[] = "<html><body><p>First page, with a paragraph of the article "
                             "that the council met to discuss on Tuesday.</p></body></html>"
                             "\0Second document, as text, with a line of the article that "
                             "goes on for a while.\n";
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN_HTML;
    o.null_data = 1;
    run_result r;
    run_filter(&o, in, sizeof in - 1, WHOLE, &r);
    ck_assert_int_eq(r.status, UB_OK);
    const char *second = memchr(r.out, 0, r.out_len);
    ck_assert_ptr_nonnull(second);
    second++;
    size_t first_len = (size_t)(second - r.out) - 1;
    ck_assert_int_eq(strncmp(r.out, "<!DOCTYPE html>", 15), 0);
    ck_assert_int_eq(strncmp(second, "<!DOCTYPE html>", 15), 0);
    ck_assert_ptr_nonnull(strstr(r.out, "<body class=\"html\">"));
    ck_assert_ptr_nonnull(strstr(second, "<body class=\"text\">"));
    assert_only_own_markup(r.out, first_len);
    assert_only_own_markup(second, r.out_len - first_len - 1);
    ck_assert_int_eq(memcmp(r.out + r.out_len - 8, "</html>\n", 8), 0);
    ck_assert_int_eq(memcmp(r.out + first_len - 8, "</html>\n", 8), 0);
    run_result_free(&r);
}
END_TEST

/* ---- the command line ------------------------------------------------ */

START_TEST(test_cli_forms)
{
    static const char in[] = "Home | News | Sport\n\nThe committee met on Tuesday to discuss "
                             "the new budget, and after a long debate it decided.\n";
    cli_result r;
    const char *bad[] = { "--explain=pdf", NULL };
    cli_run(bad, in, sizeof in - 1, NULL, &r);
    ck_assert(r.exited && r.status == 2);
    ck_assert_ptr_nonnull(strstr(r.err, "--explain"));
    cli_result_free(&r);
    const char *badc[] = { "-x", "--color=sometimes", NULL };
    cli_run(badc, in, sizeof in - 1, NULL, &r);
    ck_assert(r.exited && r.status == 2);
    cli_result_free(&r);

    /* -x is --explain=text; --explain=line the one-line form for scripts */
    const char *x[] = { "-x", NULL }, *text[] = { "--explain=text", NULL },
               *line[] = { "--explain=line", NULL }, *html[] = { "--explain=html", NULL };
    cli_result a, b;
    cli_run(x, in, sizeof in - 1, NULL, &a);
    cli_run(text, in, sizeof in - 1, NULL, &b);
    ck_assert(a.exited && a.status == 0);
    ck_assert_str_eq(a.out, b.out);
    ck_assert_ptr_nonnull(strstr(a.out, "| The committee"));
    cli_result_free(&b);
    cli_run(line, in, sizeof in - 1, NULL, &b);
    ck_assert_ptr_nonnull(strstr(b.out, " sd="));
    ck_assert(strstr(b.out, " sd=") < strstr(b.out, "| The committee"));
    cli_result_free(&b);
    cli_run(html, in, sizeof in - 1, NULL, &b);
    ck_assert_int_eq(strncmp(b.out, "<!DOCTYPE html>", 15), 0);
    cli_result_free(&b);

    /* colour: never to a pipe by default, even less with NO_COLOR; always
     * is always, NO_COLOR or not */
    ck_assert_ptr_null(strchr(a.out, '\033'));
    cli_result_free(&a);
    setenv("NO_COLOR", "1", 1);
    const char *always[] = { "-x", "--color=always", NULL }, *never[] = { "-x", "--color=never",
                                                                            NULL };
    cli_run(always, in, sizeof in - 1, NULL, &a);
    ck_assert_ptr_nonnull(strstr(a.out, "\033[1;31mDROP"));
    cli_result_free(&a);
    cli_run(never, in, sizeof in - 1, NULL, &a);
    ck_assert_ptr_null(strchr(a.out, '\033'));
    cli_result_free(&a);
    unsetenv("NO_COLOR");
}
END_TEST

Suite *explain_suite(void)
{
    Suite *s = suite_create("explain");
    TCase *tc = tcase_create("explain");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_text_form_shape);
    tcase_add_test(tc, test_text_form_every_line);
    tcase_add_test(tc, test_features_form);
    tcase_add_test(tc, test_color);
    tcase_add_test(tc, test_html_escapes_everything);
    tcase_add_test(tc, test_html_counts);
    tcase_add_test(tc, test_html_chunking);
    tcase_add_test(tc, test_html_per_document);
    tcase_add_test(tc, test_cli_forms);
    suite_add_tcase(s, tc);
    return s;
}
