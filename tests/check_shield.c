/* check_shield.c - html_shield: the bounds on what libxml2 is given, the
 * DOCTYPE subset and "&#" without a reference, and any cutting of the
 * stream giving the same output; then what libxml2 is given of the shapes
 * that made libxml2 2.9.14 quadratic. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html_attrs.h"
#include "html_hints.h"
#include "html_reader.h"
#include "html_shield.h"
#include "html_shield_names.h"
#include "suites.h"
#include "testutil.h"

/* The shield's output for s[0..n), fed `chunk` bytes at a time (0: whole),
 * with libxml2's depth taken as `depth` before every piece; malloc'd,
 * NUL-terminated. */
static char *shield_mode(const char *s, size_t n, size_t chunk, size_t depth,
                         unsigned long *dropped, int leave_attrs, unsigned mode, size_t *len)
{
    html_shield sh;
    html_shield_init(&sh);
    if (leave_attrs)
        html_shield_leave_attrs(&sh);
    html_shield_set_mode(&sh, mode);
    char *out = malloc(HTML_SHIELD_OUT(n) + 1);
    ck_assert_ptr_nonnull(out);
    size_t o = 0;
    if (chunk == 0)
        chunk = n ? n : 1;
    for (size_t i = 0; i < n; i += chunk) {
        size_t k = n - i < chunk ? n - i : chunk;
        html_shield_sync(&sh, depth);
        o += html_shield_run(&sh, s + i, k, out + o);
    }
    o += html_shield_end(&sh, out + o);
    out[o] = '\0';
    if (dropped)
        *dropped = leave_attrs ? sh.sa.dropped : sh.dropped;
    if (len)
        *len = o;
    return out;
}

/* ... in output mode 0 (no Markdown). */
static char *shield_with(const char *s, size_t n, size_t chunk, size_t depth,
                         unsigned long *dropped, int leave_attrs, size_t *len)
{
    return shield_mode(s, n, chunk, depth, dropped, leave_attrs, 0, len);
}

static char *shield(const char *s, size_t n, size_t chunk, size_t depth,
                    unsigned long *dropped)
{
    return shield_with(s, n, chunk, depth, dropped, 0, NULL);
}

/* Whole, in sevens and byte by byte, libxml2's depth `depth` before each
 * piece: the same. */
static void same_cut_at(const char *s, const char *want, size_t depth)
{
    static const size_t cuts[] = {0, 7, 1};
    for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
        char *got = shield(s, strlen(s), cuts[k], depth, NULL);
        ck_assert_msg(strcmp(got, want) == 0, "chunk %zu: got \"%.200s\", want \"%.200s\"",
                      cuts[k], got, want);
        free(got);
    }
}

static void same_cut(const char *s, const char *want)
{
    same_cut_at(s, want, 5);
}

START_TEST(test_shield_passes)
{
    /* ordinary markup goes through untouched */
    static const char *const same[] = {
        "<html><body><p class=\"a b\" id='x'>caf\xC3\xA9 &amp; &#233; &#xE9; &lt;</p></body>",
        "<script>if (a <b && c > d) { x = \"</div>\"; }</script><p>a</p>",
        "<style>p > a { color: red }</style>",
        "<!-- a <div a=1 b=2> comment -- still --> text",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"x.dtd\"><p>x</p>",
        "a < b and c<3 </ d <!x> <?php echo 1; ?> & && &x",
        "<img src=x alt=\"a > b\"/><br/><a href=\"/x?a=1&amp;b=2\">link</a>",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        same_cut(same[i], same[i]);
}
END_TEST

START_TEST(test_shield_doctype_and_refs)
{
    same_cut("<!DOCTYPE html [ <!ENTITY foo \"b]>r\"> subset text ]><p>x</p>",
             "<!DOCTYPE html ><p>x</p>");
    /* a quoted id cut short ends at '>', as a browser reads it, not at
     * the next quote pages further on */
    same_cut("<!DOCTYPE html PUBLIC \"a\" \"http://x*/ var s = 'y'> text \"q\"<p>x</p>",
             "<!DOCTYPE html PUBLIC \"a\" \"http://x*/ var s = 'y'\"> text \"q\"<p>x</p>");
    same_cut("<p>&#-1; &#; &#x; &#xZ1; &#12; &#x1F600;</p>",
             "<p>&amp;#-1; &amp;#; &amp;#x; &amp;#xZ1; &#12; &#x1F600;</p>");
    same_cut("end &#", "end &amp;#");
    same_cut("end &#x", "end &amp;#x");
}
END_TEST

/* A legacy name without its ';' ("&copy 2020") gets one, as a browser
 * reads it: the longest such name, the rest of the letters text; one
 * with its ';' stays as it is, but for the upper-case six libxml2 knows
 * only in lower case.  Attribute values, scripts and comments are not
 * text: untouched.  Any cutting alike. */
START_TEST(test_shield_legacy_refs)
{
    same_cut("<p>Fish &amp chips &copy 2020 a&nbspb &lt3 &amp-x &eacute</p>",
             "<p>Fish &amp; chips &copy; 2020 a&nbsp;b &lt;3 &amp;-x &eacute;</p>");
    same_cut("<p>&notin; &notit; &copyright &frac12x &sup2 &sup &supe; &thetasym;</p>",
             "<p>&notin; &not;it; &copy;right &frac12;x &sup2; &sup &supe; &thetasym;</p>");
    same_cut("<p>&AMP; &COPY &ETH &AElig &Amp AT&T R&D & &amp; &ampamp;</p>",
             "<p>&amp; &copy; &ETH; &AElig; &Amp AT&T R&D & &amp; &amp;amp;</p>");
    same_cut("<!-- &amp --><script>a&amp</script>", "<!-- &amp --><script>a&amp</script>");
    same_cut("end &amp", "end &amp;");
    same_cut("end &abcdefghijklmnop", "end &abcdefghijklmnop");
    same_cut("end &ampabcdefghijklmnop", "end &amp;abcdefghijklmnop");
}
END_TEST

/* A name and its ';' that are no reference but begin with a legacy name
 * are read as a browser reads them: the legacy name, then the rest and
 * the ';' as text ("&notit;" is "&not;" and "it;", "&AMPx;" "&x;"), but for
 * the names the standard has whole ("&notinva;", "&divideontimes;",
 * longer than any libxml2 knows).  Any cutting alike. */
START_TEST(test_shield_legacy_prefix_refs)
{
    same_cut("<p>&notit; &AMPx; &copyx; &frac12x; &ampx; &notinx; &Ampx; &mdashes;</p>",
             "<p>&not;it; &amp;x; &copy;x; &frac12;x; &amp;x; &not;inx; &Ampx; &mdashes;</p>");
    same_cut("<p>&notinva; &divideontimes; &gtreqqless; &ltrif; &parallel; &timesd;</p>",
             "<p>&notinva; &divideontimes; &gtreqqless; &ltrif; &parallel; &timesd;</p>");
    same_cut("<p>&divideontimesx; &divideontimesxy; &notinvax;</p>",
             "<p>&divide;ontimesx; &divide;ontimesxy; &not;invax;</p>");
    same_cut("end &notit;", "end &not;it;");
    same_cut("end &divideontimes", "end &divide;ontimes");
}
END_TEST

START_TEST(test_shield_title_ends)
{
    /* a title holds text only: the first tag in one gets the </title>
     * the page lost, start or end tag, once; a title that ends is left
     * as it is */
    same_cut("<head><title>News - Ne(x >= 1)\n</SCRIPT><div>a</div></title>",
             "<head><title>News - Ne(x >= 1)\n</title></SCRIPT><div>a</div></title>");
    same_cut("<TITLE>T<p>x</p><b>y</b>", "<TITLE>T</title><p>x</p><b>y</b>");
    same_cut("<title>a < b &amp; c</TITLE><p>x</p>", "<title>a < b &amp; c</TITLE><p>x</p>");
    same_cut("<svg><title>t</title><g></g></svg>", "<svg><title>t</title><g></g></svg>");
}
END_TEST

START_TEST(test_shield_attributes)
{
    /* 300 attributes: the first HTML_SHIELD_ATTRS stay */
    char in[8192], want[8192];
    size_t n = (size_t)sprintf(in, "<div");
    size_t w = (size_t)sprintf(want, "<div");
    for (int i = 1; i <= 300; i++) {
        n += (size_t)sprintf(in + n, " a%d=\"x>y\"", i);
        if (i <= HTML_SHIELD_ATTRS)
            w += (size_t)sprintf(want + w, " a%d=\"x>y\"", i);
    }
    sprintf(in + n, ">text</div>");
    /* the space before the first attribute left out stays */
    sprintf(want + w, " >text</div>");
    same_cut(in, want);
}
END_TEST

/* "<a title=" and a value of `len` bytes (in `quote`, if not 0) that
 * never ends, then " more<p>after</p>"; its length in *n. */
static char *long_value(size_t len, const char *quote, size_t *n)
{
    char *in = malloc(len + 64);
    ck_assert_ptr_nonnull(in);
    *n = (size_t)sprintf(in, "<a title=%s", quote);
    memset(in + *n, 'A', len);
    *n += len;
    *n += (size_t)sprintf(in + *n, " more<p>after</p>");
    return in;
}

START_TEST(test_shield_long_tag)
{
    /* a tag longer than HTML_SHIELD_TAG is closed there, its rest dropped
     * to the next '>'; a quote left open is closed too */
    size_t len = HTML_SHIELD_TAG + 1000, n;
    char *in = long_value(len, "\"", &n);
    unsigned long dropped;
    char *got = shield(in, n, 4096, 5, &dropped);
    /* counted from the name: "<" and HTML_SHIELD_TAG bytes */
    ck_assert_uint_eq(strlen(got), 1 + HTML_SHIELD_TAG + 2 + strlen("after</p>"));
    ck_assert_str_eq(got + 1 + HTML_SHIELD_TAG, "\">after</p>");
    ck_assert_uint_eq(dropped, 1);
    free(got);
    /* a DOCTYPE subset that long ends at the next '>', quotes or not */
    n = (size_t)sprintf(in, "<!DOCTYPE html [\"");
    memset(in + n, 'A', len);
    n += len;
    n += (size_t)sprintf(in + n, "]><p>x</p>");
    got = shield(in, n, 4096, 5, NULL);
    ck_assert_str_eq(got, "<!DOCTYPE html ><p>x</p>");
    free(got);
    free(in);
}
END_TEST

START_TEST(test_shield_runs)
{
    /* the stretches the shield copies whole (text, quoted and unquoted
     * values, comments, script) end where they must, in any cutting */
    same_cut("<!--- a - -- b ---->&#;<!---->x&#;", "<!--- a - -- b ---->&amp;#;<!---->x&amp;#;");
    same_cut("<p title=a&#;b data-x=\"&#;\" y='\"'>t&#;u</p>",
             "<p title=a&#;b data-x=\"&#;\" y='\"'>t&amp;#;u</p>");
    same_cut("<SCRIPT>a<b </scrip </SCRIPT ><p>x</p>", "<SCRIPT>a<b </scrip </SCRIPT ><p>x</p>");
    same_cut("<html/><p>x</p>", "<html><p>x</p>");
    /* an unquoted value that runs past HTML_SHIELD_TAG is cut at the
     * same byte as a quoted one */
    size_t n;
    char *in = long_value(HTML_SHIELD_TAG + 1000, "", &n);
    static const size_t pieces[] = {0, 4096, 333};
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
        char *got = shield(in, n, pieces[k], 5, NULL);
        ck_assert_uint_eq(strlen(got), 1 + HTML_SHIELD_TAG + 1 + strlen("after</p>"));
        ck_assert_str_eq(got + 1 + HTML_SHIELD_TAG, ">after</p>");
        free(got);
    }
    free(in);
}
END_TEST

/* The shield's output for s with a queue of text runs (leave_attrs on),
 * the runs queued written "[run]" in `runs`; malloc'd. */
static char *shield_queued(const char *s, char *runs, size_t cap)
{
    html_shield sh;
    html_shield_init(&sh);
    html_shield_leave_attrs(&sh);
    buf q = {0};
    html_shield_queue_texts(&sh, &q, &mem_stdlib);
    size_t n = strlen(s);
    char *out = malloc(HTML_SHIELD_OUT(n) + 1);
    ck_assert_ptr_nonnull(out);
    size_t o = html_shield_run(&sh, s, n, out);
    o += html_shield_end(&sh, out + o);
    out[o] = '\0';
    size_t r = 0;
    for (size_t k = 0; k < q.len;) {
        uint32_t len;
        memcpy(&len, q.data + k + sizeof(uint64_t), sizeof len);
        k += sizeof(uint64_t);
        ck_assert_uint_lt(r + len + 3, cap);
        runs[r++] = '[';
        memcpy(runs + r, q.data + k + sizeof len, len);
        r += len;
        runs[r++] = ']';
        k += sizeof len + len;
    }
    runs[r] = '\0';
    buf_free(&q, &mem_stdlib);
    return out;
}

static void queues(const char *s, const char *want, const char *want_runs)
{
    char runs[1024];
    char *got = shield_queued(s, runs, sizeof runs);
    ck_assert_str_eq(got, want);
    ck_assert_str_eq(runs, want_runs);
    free(got);
}

#define MARK HTML_SHIELD_MARK

START_TEST(test_shield_queues_text)
{
    /* runs of text libxml2 would hand on as they are go to the queue,
     * a mark in their place; short ones and blanks stay */
    queues("<p>hello world</p><p>abc</p><p>  \n  </p>",
           "<p>" MARK "</p><p>abc</p><p> </p>", "[hello world]");
    queues("<p>caf\xc3\xa9 cr\xc3\xa8" "me</p>", "<p>" MARK "</p>", "[caf\xc3\xa9 cr\xc3\xa8" "me]");
    /* what libxml2 would not hand on as it is: a control, a carriage
     * return, malformed or overlong UTF-8, a surrogate, U+FFFE */
    queues("<p>abc\x01" "defgh</p>", "<p>abc\x01" "defgh</p>", "");
    queues("<p>abcdef\rgh</p>", "<p>abcdef\rgh</p>", "");
    queues("<p>abcdef\xc3gh</p>", "<p>abcdef\xc3gh</p>", "");
    queues("<p>abcdef\xc0\xafgh</p>", "<p>abcdef\xc0\xafgh</p>", "");
    queues("<p>abcdef\xed\xa0\x80gh</p>", "<p>abcdef\xed\xa0\x80gh</p>", "");
    queues("<p>abcdef\xef\xbf\xbegh</p>", "<p>abcdef\xef\xbf\xbegh</p>", "");
    /* the text an '&' written before it reads on into, and a '<' that
     * opens no tag, to its '>' */
    queues("<p>&#65;bcdefgh and more</p>", "<p>&#65;bcdefgh and more</p>", "");
    queues("<p>a &b;cdefgh ijklmn</p>", "<p>a &b;cdefgh ijklmn</p>", "");
    queues("<p><?pi a & bcdefgh ?> after it</p>",
           "<p><?pi a & bcdefgh ?> after it</p>", "");
    queues("<p></ abcdefgh & ijklmn > after it</p>",
           "<p></ abcdefgh & ijklmn > after it</p>", "");
    queues("<p><?pi?> after it</p><p>then this</p>",
           "<p><?pi?> after it</p><p>" MARK "</p>", "[then this]");
}
END_TEST

/* The queue's ASCII prefix test, sixteen bytes a step, against the
 * portable loop: every length up to 40, the odd byte at every place, of
 * every class (blank, ink, tab, line feed, control, carriage return,
 * DEL, 0x80 and up). */
START_TEST(test_shield_ascii_paths)
{
    static const unsigned char odd[] = {' ', 'a', '\t', '\n', 0x01, '\r', 0x7f, 0x80, 0xc3, 0xff, 0};
    unsigned char p[48];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t b = 0; b < 2; b++) {
            for (size_t at = 0; at <= n; at++) {
                for (size_t o = 0; o < sizeof odd; o++) {
                    memset(p, b ? ' ' : 'x', sizeof p);
                    if (at < n)
                        p[at] = odd[o];
                    int ink_s = 0, ink_p = 0;
                    size_t ks = html_shield_ascii_sse2(p, n, &ink_s);
                    size_t kp = html_shield_ascii_portable(p, n, &ink_p);
                    if (ks != kp || ink_s != ink_p)
                        ck_abort_msg("n %zu blank %zu odd 0x%02x at %zu: %zu/%d against %zu/%d",
                                     n, b, odd[o], at, ks, ink_s, kp, ink_p);
                }
            }
        }
    }
}
END_TEST

START_TEST(test_shield_depth)
{
    /* past HTML_SHIELD_DEPTH open elements a <div> leaves an <hr>, a <span>
     * goes, a <br> and a <script> stay; end tags when nothing can be open
     * go, but never </body> */
    char *got = shield("<div a=1>x<span>y</span><br><script>s</script>", 46, 0,
                       HTML_SHIELD_DEPTH, NULL);
    ck_assert_str_eq(got, "<hr>xy</span><br><script>s</script>");
    free(got);
    char ends[2048];
    size_t n = (size_t)sprintf(ends, "<b>");
    for (int i = 0; i < HTML_SHIELD_STRAY + 10; i++)
        n += (size_t)sprintf(ends + n, "</i>");
    sprintf(ends + n, "</body>");
    got = shield(ends, strlen(ends), 0, 0, NULL);
    ck_assert_uint_eq(strlen(got), 3 + 4 * HTML_SHIELD_STRAY + 7);
    ck_assert_str_eq(got + 3 + 4 * HTML_SHIELD_STRAY, "</body>");
    free(got);
    /* under the bounds nothing changes: a few stray end tags stay */
    got = shield("<div><p>x</p></div></div>", 25, 0, 0, NULL);
    ck_assert_str_eq(got, "<div><p>x</p></div></div>");
    free(got);
}
END_TEST

START_TEST(test_shield_keeps_a_stack)
{
    /* libxml2's push parser takes all after an end tag that leaves no
     * element open for trailing junk; a browser reads on.  So: no end tag
     * before the first element or text, no </html>, no "<html/>" */
    same_cut_at("<!DOCTYPE html \"a\"> </SCRIPT></a><!-- c --><p>x</p>",
             "<!DOCTYPE html \"a\"> <!-- c --><p>x</p>", 0);
    same_cut_at("<html lang=en/></a><p>x</p></html><p>y</p>",
             "<html lang=en></a><p>x</p><p>y</p>", 0);
    same_cut_at("<html a='/' b=c/ ></html>", "<html a='/' b=c/ >", 0);
    same_cut_at("x</a>&#1;</b>", "x</a>&#1;</b>", 0);
    same_cut_at("&amp;</a>", "&amp;</a>", 0);
    /* libxml2's own count at a piece's start says something is open */
    char *got = shield("</a><p>x</p>", 12, 0, 1, NULL);
    ck_assert_str_eq(got, "</a><p>x</p>");
    free(got);
}
END_TEST

/* ---- the reader over the quadratic shapes ------------------------------ */

static ub_status count_cb(void *ctx, const block *b)
{
    *(size_t *)ctx += b->len;
    return UB_OK;
}

/* The shape `kind` at size n, malloc'd; its length in *len.  0: one <div>
 * with n attributes; 1: n nested <div>, "x", then n unmatched </span>. */
static char *make_shape(int kind, size_t n, size_t *len)
{
    char *s = malloc(16 * n + 64);
    ck_assert_ptr_nonnull(s);
    size_t o = (size_t)sprintf(s, "<html><body>");
    if (kind == 0) {
        o += (size_t)sprintf(s + o, "<div");
        for (size_t i = 0; i < n; i++)
            o += (size_t)sprintf(s + o, " a%zu=\"x\"", i % 1000000);
        o += (size_t)sprintf(s + o, ">x</div>");
    } else {
        for (size_t i = 0; i < n; i++)
            o += (size_t)sprintf(s + o, "<div>");
        o += (size_t)sprintf(s + o, "x");
        for (size_t i = 0; i < n; i++)
            o += (size_t)sprintf(s + o, "</span>");
    }
    *len = o;
    return s;
}

static size_t count_of(const char *s, const char *what)
{
    size_t k = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        k++;
    return k;
}

START_TEST(test_shield_bounds_quadratic_shapes)
{
    /* 200,000 attributes and 100,000 unmatched end tags under 100,000
     * open elements took libxml2 2.9.14 alone 83 s and 26 s.  What makes
     * that time is what libxml2 is given: attributes per tag, open
     * elements, end tags to look up.  Those are counted here, in whole and
     * in 4 KiB pieces; the time itself is tests/bench/shield-bench.sh's. */
    static const size_t pieces[] = {0, 4096};
    for (size_t p = 0; p < 2; p++) {
        size_t len;
        char *in = make_shape(0, 200000, &len);
        char *got = shield(in, len, pieces[p], 2, NULL);
        ck_assert_uint_eq(count_of(got, "=\"x\""), HTML_SHIELD_ATTRS);
        ck_assert_ptr_nonnull(strstr(got, ">x</div>"));
        free(got);
        free(in);

        /* in pieces the depth is libxml2's, synced before each: whole here */
        if (pieces[p] != 0)
            continue;
        in = make_shape(1, 100000, &len);
        got = shield(in, len, 0, 0, NULL);
        ck_assert_uint_le(count_of(got, "<div>"), HTML_SHIELD_DEPTH);
        ck_assert_uint_le(count_of(got, "</span>"), HTML_SHIELD_DEPTH + HTML_SHIELD_STRAY);
        ck_assert_ptr_nonnull(strstr(got, "x"));
        free(got);
        free(in);
    }
}
END_TEST

START_TEST(test_shield_reader_reads_through)
{
    /* the reader behind the shield still reads the text at those sizes
     * (divided by UNBOIL_TEST_SCALE: libxml2 under valgrind is slow) */
    for (int kind = 0; kind < 2; kind++) {
        size_t len, got = 0;
        char *in = make_shape(kind, (kind == 0 ? 200000 : 100000) / test_scale(), &len);
        ub_status st;
        html_reader *r = html_reader_new(&mem_stdlib, NULL, NULL, count_cb, &got, &st);
        ck_assert_ptr_nonnull(r);
        ck_assert_int_eq(html_reader_feed(r, in, len), UB_OK);
        ck_assert_int_eq(html_reader_end(r), UB_OK);
        html_reader_free(r);
        ck_assert_uint_ge(got, 1);
        free(in);
    }
}
END_TEST

/* With attributes left out in output mode `mode` (SHIELD_MODE_ flags):
 * s[0..n) gives want[0..wn) whole, in sevens, in threes and byte by byte,
 * leaving out `gone` attributes. */
static void leaves_mode_n(unsigned mode, const char *s, size_t n, const char *want, size_t wn,
                          unsigned long gone)
{
    static const size_t cuts[] = {0, 7, 3, 1};
    for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
        unsigned long dropped;
        size_t len;
        char *got = shield_mode(s, n, cuts[k], 5, &dropped, 1, mode, &len);
        ck_assert_msg(len == wn && memcmp(got, want, wn) == 0,
                      "chunk %zu: got \"%.*s\", want \"%.*s\"", cuts[k], (int)len, got,
                      (int)wn, want);
        ck_assert_msg(dropped == gone, "chunk %zu: %lu attributes left out, want %lu",
                      cuts[k], dropped, gone);
        free(got);
    }
}

static void leaves_n(const char *s, size_t n, const char *want, size_t wn,
                     unsigned long gone)
{
    leaves_mode_n(0, s, n, want, wn, gone);
}

static void leaves(const char *s, const char *want, unsigned long gone)
{
    leaves_n(s, strlen(s), want, strlen(want), gone);
}

static void leaves_mode(unsigned mode, const char *s, const char *want, unsigned long gone)
{
    leaves_mode_n(mode, s, strlen(s), want, strlen(want), gone);
}

#define MODE_ALL (SHIELD_MODE_MARKDOWN | SHIELD_MODE_LINKS | SHIELD_MODE_IMAGES)

/* In a quoted attribute value a legacy name without its ';' is a
 * reference only when neither '=' nor a letter or digit follows it (the
 * standard's rule there): "?a=1&amp" ends in "&", "?a=1&copy=2" and
 * "&ampx" stay; the upper-case six are written in lower case; a name and
 * its ';' that name nothing stay ("&notit;").  Values cut across pieces
 * and whole name="value" attributes alike. */
START_TEST(test_shield_attr_legacy_refs)
{
    same_cut("<a href=\"/x?a=1&copy=2&amp\" title=&amp>x</a>",
             "<a href=\"/x?a=1&copy=2&amp;\" title=&amp;>x</a>");
    same_cut("<p title=\"&amp b &AMP; &AMP &ampx &amp1 &amp= &notit; &copy. &COPY;x &nbsp\" "
             "alt='&lt' id=\"&frac12&frac12;&middot/&abcdefghij &\">",
             "<p title=\"&amp; b &amp; &amp; &ampx &amp1 &amp= &notit; &copy;. &copy;x &nbsp;\" "
             "alt='&lt;' id=\"&frac12;&frac12;&middot;/&abcdefghij &\">");
    leaves_mode(MODE_ALL,
                "<meta name=\"author\" content=\"Jo &amp Al\"><a href=\"?a&amp\" data-x=\"&amp\">"
                "<img alt=\"&copy 2020\" src=\"i?a&ltb\">",
                "<meta name=\"author\" content=\"Jo &amp; Al\"><a href=\"?a&amp;\" >"
                "<img alt=\"&copy; 2020\" src=\"i?a&ltb\">", 1);
    /* an <a>'s href emptied without --links */
    leaves("<a href=\"?a&amp\">x</a>", "<a href=\"\">x</a>", 0);
    same_cut("<p title=\"a&amp", "<p title=\"a&amp;");
}
END_TEST

/* An unquoted value is read as a quoted one: to a blank, '>' or a NUL,
 * its '=' and quotes among its bytes ("a=b="c" is one value, as in
 * libxml2 and a browser, and "c d" no quoted value). */
START_TEST(test_shield_unquoted_legacy_refs)
{
    same_cut("<a href=/x?a=1&copy=2&amp title=&AMP;&ampx alt=&reg>x</a>",
             "<a href=/x?a=1&copy=2&amp; title=&amp;&ampx alt=&reg;>x</a>");
    same_cut("<a href=/x/&reg/y?&lt=1&amp\tid=&COPY/>x</a>",
             "<a href=/x/&reg;/y?&lt=1&amp;\tid=&copy;/>x</a>");
    /* the value is "a=", and the '>' in "c>d" ends the tag: what follows
     * it is text, where "&copyx" is "&copy;x" */
    same_cut("<p title=a= \"c>d&copyx\">x</p>", "<p title=a= \"c>d&copy;x\">x</p>");
    leaves_mode(MODE_ALL, "<a data-x=&amp href=?a&amp>x</a><img alt=&copy src=i?a&ltb>",
                "<a  href=?a&amp;>x</a><img alt=&copy; src=i?a&ltb>", 1);
    same_cut("<p title=a&amp", "<p title=a&amp;");
}
END_TEST

START_TEST(test_shield_leaves_attrs)
{
    /* whole attributes go, from the name to the value's end */
    leaves("<div data-x=\"1\" class=\"a\" onclick='f(\"x\")' id=b hidden>t</div>",
           "<div  class=\"a\"  id=b hidden>t</div>", 2);
    leaves_mode(SHIELD_MODE_LINKS, "<A HREF=\"/x\" DATA-Y='z' Style=\"display:none\">a</A>",
                "<A HREF=\"/x\"  Style=\"display:none\">a</A>", 1);
    /* unquoted, name alone, blanks around '=', before "/>" */
    leaves("<td width=100 class=x>", "<td  class=x>", 1);
    leaves("<input disabled id=q>", "<input id=q>", 1);
    leaves("<input id=q disabled>", "<input id=q >", 1);
    leaves("<a data-x = \"1\" id=2>", "<a  id=2>", 1);
    leaves_mode(MODE_ALL, "<img data-src=\"x.png\" src=\"y.png\"/>", "<img  src=\"y.png\"/>", 1);
    /* '/' is the unquoted value's: no "/>" */
    leaves_mode(MODE_ALL, "<img src=y.png data-x=a/>", "<img src=y.png >", 1);
    /* every attribute unboil reads stays where it is read */
    static const char *const kept[] = {
        "<meta charset=\"utf-8\" http-equiv=\"x\" content=\"y\" property=\"p\" name=\"n\">",
        "<p role=main aria-hidden=true itemprop=articleBody hidden class=c id=i>",
        "<a rel=author href=/a><img src=a alt=b></a><ol start=3><time datetime=2024>",
        "<script type=\"application/ld+json\"></script>",
        "<link rel=canonical href=\"/x\"><base href=\"/\"><span itemprop=date content=\"2024\">",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        leaves_mode(MODE_ALL, kept[i], kept[i], 0);
}
END_TEST

/* With attributes left out, style and script contents go too, but a
 * script's whose tag speaks of JSON (or holds '&'), in any cutting: the
 * end tag comes out in lower case, whatever was matched on the way. */
START_TEST(test_shield_leaves_raw_content)
{
    leaves("<script>if (a < b) { x = \"</div>\"; }</script><p>a</p>",
           "<script></script><p>a</p>", 0);
    leaves("<STYLE media=all>p > a { color: red }</Style ><p>a</p>",
           "<STYLE ></style ><p>a</p>", 1);
    leaves("<script src=\"/a.js\" data-x=\"1\">var s = '</scr' + 'ipt>';</script>x",
           "<script src=\"/a.js\" ></script>x", 1);
    leaves("<script>a</scr b</script  >x", "<script></script  >x", 0);
    static const char *const kept[] = {
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
        "<script type='application/LD+JSON'>{}</script>",
        "<script type=\"application/ld&#43;j&#115;on\">{}</script>",
        "<script type=text/json>[1]</script><p>x</p>",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        leaves(kept[i], kept[i], 0);
    /* a script's content after a kept one goes again; "js" then "on" */
    leaves("<script type=jsx-on>a</script><script>b</script>",
           "<script type=jsx-on></script><script></script>", 0);
    /* a script never ended: its content goes to the end of the stream */
    leaves("<p>x</p><script>var a = '<p>never'", "<p>x</p><script>", 0);
    /* without leaving attributes out, the content stays */
    same_cut("<script>var a;</script><style>p{}</style>", "<script>var a;</script><style>p{}</style>");
}
END_TEST

START_TEST(test_shield_leaves_attrs_as_libxml2_reads)
{
    /* what libxml2 would read another way stays as it is from there on:
     * a quote in an unquoted value, '/' inside the tag, a control
     * character, a name that starts no name, a name too long to hold */
    static const char *const same[] = {
        "<a data-x=a\"b class=c data-y=\"d\">t</a>",
        "<a/data-x=\"1\" data-y=\"2\">t</a>",
        "<a data-x=1\f data-y=\"2\">t</a>",
        "<a 9x=\"1\" data-y=\"2\">t</a>",
        "<a data-0123456789012345678901234567890123456789012345678=\"1\">t</a>",
        /* not the html element's (the shield's '/' rule), not end tags */
        "<html data-x=\"1\" lang=en><p>a</p data-y=\"2\">",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        leaves(same[i], same[i], 0);
    /* no blank needed between attributes */
    leaves("<a data-x=\"1\"data-y>t</a x=1>", "<a >t</a x=1>", 2);
    /* a NUL ends the tag for libxml2: the dropped quote comes back */
    static const char in[] = "<a data-x=\"1\0 2\" id=3>t</a>";
    static const char want[] = "<a \"\0 2\" id=3>t</a>";
    leaves_n(in, sizeof in - 1, want, sizeof want - 1, 0);
}
END_TEST

START_TEST(test_shield_leaves_attrs_any_cut)
{
    /* tags made of pieces at random: every cutting of them gives what
     * the whole gives (the attribute read whole and byte by byte agree) */
    static const char *const pieces[] = {
        "<div", "<a", "<html", "</p", " ", "  ", "\t", "\n", "\f", "data-x", "class", "id",
        "HREF", "=", "\"", "'", "v", "a b", ">", "/", "/>", "&amp;", "x=1", "_:.", "9",
        "<img", "src", "<ol", "start", "name",
    };
    unsigned seed = 7;
    for (int t = 0; t < 3000; t++) {
        char in[256];
        size_t n = 0;
        int k = 1 + (int)(tu_rand(&seed) % 24);
        for (int j = 0; j < k; j++) {
            const char *p = pieces[tu_rand(&seed) % (sizeof pieces / sizeof *pieces)];
            size_t len = strlen(p);
            memcpy(in + n, p, len);
            n += len;
        }
        in[n] = '\0';
        unsigned long gone;
        size_t wn;
        char *want = shield_with(in, n, 0, 5, &gone, 1, &wn);
        leaves_n(in, n, want, wn, gone);
        free(want);
    }
}
END_TEST

START_TEST(test_shield_attrs_name_bytes)
{
    /* the table of a name's bytes against the plain test */
    for (int c = 0; c < 256; c++) {
        int want = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == ':' || c == '-' || c == '_' || c == '.';
        ck_assert_int_eq(shield_attrs_name_byte((unsigned char)c), want);
    }
}
END_TEST

/* The name a declared attribute is found by: itself only. */
static void attr_found_as(const char *name, size_t n)
{
    html_attr want = HTML_ATTR_NONE;
    for (int a = 0; a < HTML_ATTR_COUNT; a++)
        if (strlen(html_attr_name((html_attr)a)) == n &&
            memcmp(html_attr_name((html_attr)a), name, n) == 0)
            want = (html_attr)a;
    ck_assert_msg(html_attr_find(name, n) == want, "\"%.*s\"", (int)n, name);
}

/* An element and an output mode in which attribute `attr` is read whole
 * (html_attrs.def says by whom). */
static const struct attr_home {
    const char *attr, *el;
    unsigned mode;
} attr_homes[] = {
    {"alt", "img", SHIELD_MODE_IMAGES},   {"aria-hidden", "p", 0},
    {"charset", "meta", 0},               {"class", "p", 0},
    {"content", "span", 0},               {"datetime", "time", 0},
    {"hidden", "p", 0},                   {"href", "link", 0},
    {"http-equiv", "meta", 0},            {"id", "p", 0},
    {"itemprop", "p", 0},                 {"lang", "script", 0},
    {"name", "meta", 0},                  {"open", "dialog", 0},
    {"property", "meta", 0},
    {"rel", "a", 0},                      {"role", "div", 0},
    {"src", "img", SHIELD_MODE_IMAGES},   {"start", "ol", SHIELD_MODE_MARKDOWN},
    {"style", "script", 0},               {"type", "script", 0},
    {"xml:lang", "script", 0},
};

START_TEST(test_shield_keeps_declared_attrs)
{
    /* every attribute of html_attrs.def stays on an element it is read on,
     * in any case, read whole or a byte at a time; one not declared goes */
    for (int a = 0; a < HTML_ATTR_COUNT; a++) {
        const char *name = html_attr_name((html_attr)a);
        size_t n = strlen(name);
        const struct attr_home *home = NULL;
        for (size_t h = 0; h < sizeof attr_homes / sizeof *attr_homes; h++)
            if (strcmp(attr_homes[h].attr, name) == 0)
                home = &attr_homes[h];
        ck_assert_msg(home != NULL, "%s: where is it read?", name);
        ck_assert_uint_ge(n, 1);
        ck_assert_uint_le(n, HTML_ATTR_NAME_MAX);
        ck_assert_int_eq(html_attr_find(name, n), a);
        char upper[HTML_ATTR_NAME_MAX + 1];
        for (size_t k = 0; k <= n; k++)
            upper[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 'a' + 'A' : name[k]);
        char in[256], want[256];
        /* a script's content goes, and its end tag never comes */
        const char *text = strcmp(home->el, "script") == 0 ? "" : "t";
        snprintf(in, sizeof in, "<%s data-x=\"1\" %s=\"v\" srcset=w %s=v>t", home->el, name,
                 upper);
        snprintf(want, sizeof want, "<%s  %s=\"v\"  %s=v>%s", home->el, name, upper, text);
        leaves_mode(home->mode, in, want, 2);
        /* every prefix and every one-byte extension is another name */
        char nm[HTML_ATTR_NAME_MAX + 2];
        memcpy(nm, name, n);
        for (size_t k = 0; k < n; k++)
            attr_found_as(nm, k);
        for (char c = 'a'; c <= 'z'; c++) {
            nm[n] = c;
            attr_found_as(nm, n + 1);
        }
    }
    /* names some page has that unboil does not read */
    static const char *const not_read[] = {"srcset", "aria-label", "hre", "data-src", "onclick",
                                           "width", "title", "x"};
    for (size_t i = 0; i < sizeof not_read / sizeof *not_read; i++)
        ck_assert_int_eq(html_attr_find(not_read[i], strlen(not_read[i])), HTML_ATTR_NONE);
}
END_TEST

/* The fate of attribute `attr` on element `el` in output mode `mode`. */
static int fate_of(const char *attr, const char *el, unsigned mode)
{
    return shield_attrs_fate(html_attr_find(attr, strlen(attr)),
                             html_shield_name_kind(el, strlen(el)), mode);
}

START_TEST(test_shield_attr_fates)
{
    enum { K = SHIELD_FATE_KEEP, E = SHIELD_FATE_EMPTY, D = SHIELD_FATE_DROP,
           S = SHIELD_FATE_STYLE };
    static const struct {
        const char *attr, *el;
        unsigned mode;
        int fate;
    } cases[] = {
        /* an <a>'s href says it is a link; its value only --links prints;
         * <base> and <link rel=canonical> are the metadata's */
        {"href", "a", 0, E},           {"href", "a", SHIELD_MODE_MARKDOWN, E},
        {"href", "a", MODE_ALL, K},    {"href", "div", MODE_ALL, D},
        {"href", "area", MODE_ALL, D}, {"href", "link", 0, K},
        {"href", "base", 0, K},
        /* images only for --markdown --images */
        {"src", "img", 0, D},          {"src", "img", SHIELD_MODE_MARKDOWN, D},
        {"src", "img", MODE_ALL, K},   {"src", "iframe", MODE_ALL, D},
        {"alt", "img", SHIELD_MODE_MARKDOWN | SHIELD_MODE_IMAGES, K},
        {"alt", "img", SHIELD_MODE_MARKDOWN | SHIELD_MODE_LINKS, D},
        {"alt", "area", MODE_ALL, D},
        /* an ordered list's first number, for any --markdown */
        {"start", "ol", 0, D},         {"start", "ol", SHIELD_MODE_MARKDOWN, K},
        {"start", "ul", MODE_ALL, D},
        /* <meta>'s keys */
        {"name", "meta", 0, K},        {"name", "input", MODE_ALL, D},
        {"name", "a", MODE_ALL, D},    {"property", "meta", 0, K},
        {"property", "span", MODE_ALL, D}, {"charset", "meta", 0, K},
        {"charset", "link", MODE_ALL, D}, {"http-equiv", "meta", 0, K},
        {"content", "meta", 0, K},     {"content", "span", 0, K},
        /* a script's start tag stays as it was: its JSON-LD test reads it */
        {"type", "script", 0, K},      {"src", "script", 0, K},
        {"name", "script", 0, K},      {"style", "script", 0, K},
        {"data-x", "script", MODE_ALL, D}, {"type", "input", MODE_ALL, D},
        {"type", "link", MODE_ALL, D},
        /* the language is <html>'s, which the shield never reads */
        {"lang", "p", MODE_ALL, D},    {"xml:lang", "div", MODE_ALL, D},
        /* hints and paths on every element; the byline and itemprop */
        {"class", "p", 0, K},          {"id", "li", 0, K},
        {"role", "nav", 0, K},         {"hidden", "p", 0, K},
        {"aria-hidden", "svg", 0, K},  {"itemprop", "span", 0, K},
        {"rel", "a", 0, K},            {"rel", "span", 0, K},
        {"datetime", "time", 0, K},    {"datetime", "span", 0, K},
        {"class", "my-custom-element-long", 0, K},
        {"style", "p", 0, S},          {"style", "a", MODE_ALL, S},
        /* never read */
        {"srcset", "img", MODE_ALL, D}, {"data-src", "img", MODE_ALL, D},
        {"title", "a", MODE_ALL, D},   {"onclick", "div", MODE_ALL, D},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(fate_of(cases[i].attr, cases[i].el, cases[i].mode) == cases[i].fate,
                      "%s on <%s>, mode %u: %d, want %d", cases[i].attr, cases[i].el,
                      cases[i].mode, fate_of(cases[i].attr, cases[i].el, cases[i].mode),
                      cases[i].fate);
}
END_TEST

START_TEST(test_shield_attrs_by_element)
{
    /* what an element's readers do not read of it goes, in any cutting */
    leaves("<div href=\"/x\" name=n lang=en class=c>t</div>", "<div    class=c>t</div>", 3);
    leaves("<img src=\"a.png\" alt=\"A\" class=c>", "<img   class=c>", 2);
    leaves("<ol start=\"3\"><li>a</ol>", "<ol ><li>a</ol>", 1);
    leaves_mode(SHIELD_MODE_MARKDOWN, "<ol start=\"3\"><li>a</ol>",
                "<ol start=\"3\"><li>a</ol>", 0);
    leaves("<input type=text name=\"q\" id=q>", "<input   id=q>", 2);
    leaves("<span property=\"name\" content=\"x\">", "<span  content=\"x\">", 1);
    leaves_mode(SHIELD_MODE_IMAGES, "<img src=\"a.png\" alt=\"A\">",
                "<img src=\"a.png\" alt=\"A\">", 0);
    leaves_mode(SHIELD_MODE_IMAGES, "<iframe src=\"a.html\"></iframe>", "<iframe ></iframe>", 1);
}
END_TEST

START_TEST(test_shield_empties_values)
{
    /* an <a>'s href is kept empty without --links: quoted values only;
     * an unquoted one, or one a NUL ends, is written from there on as
     * libxml2 would read it */
    leaves("<a href=\"/x?a=1&amp;b=2\" class=c>t</a>", "<a href=\"\" class=c>t</a>", 0);
    leaves("<A HREF='/x'>t</A>", "<A HREF=''>t</A>", 0);
    leaves("<a href = \"/x\" data-x=1>t</a>", "<a href = \"\" >t</a>", 1);
    leaves("<a href=/x>t</a>", "<a href=/x>t</a>", 0);
    leaves("<a href=\"/x\"href='/y'>t</a>", "<a href=\"\"href=''>t</a>", 0);
    leaves_mode(SHIELD_MODE_LINKS, "<a href=\"/x\">t</a>", "<a href=\"/x\">t</a>", 0);
    static const char in[] = "<a href=\"/x\0y\" id=3>t</a>";
    static const char want[] = "<a href=\"\0y\" id=3>t</a>";
    leaves_n(in, sizeof in - 1, want, sizeof want - 1, 0);
    /* a tag too long in an emptied value: closed with its quote */
    size_t len = HTML_SHIELD_TAG + 1000, n;
    char *long_in = malloc(len + 64);
    ck_assert_ptr_nonnull(long_in);
    n = (size_t)sprintf(long_in, "<a href=\"");
    memset(long_in + n, 'A', len);
    n += len;
    n += (size_t)sprintf(long_in + n, " more<p>after</p>");
    static const size_t cuts[] = {0, 4096, 7};
    for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
        size_t got_len;
        char *got = shield_with(long_in, n, cuts[k], 5, NULL, 1, &got_len);
        ck_assert_msg(strcmp(got, "<a href=\"\">after</p>") == 0, "chunk %zu: \"%.80s\"",
                      cuts[k], got);
        free(got);
    }
    free(long_in);
}
END_TEST

START_TEST(test_shield_style_values)
{
    /* read whole, a style that cannot hide is kept empty; one that may
     * (or that libxml2 would read otherwise: '&', beyond ASCII) whole */
    static const char *const cases[][2] = {
        {"<p style=\"color: red\">t</p>", "<p style=\"\">t</p>"},
        {"<p STYLE='margin:0'>t</p>", "<p STYLE=''>t</p>"},
        {"<p style=\"Display : None\">t</p>", NULL},
        {"<p style=\"a:b;visibility:\nhidden\">t</p>", NULL},
        {"<p style=\"display&#58;none\">t</p>", NULL},
        {"<p style=\"font-family:'\xC3\xA9'\">t</p>", NULL},
        {"<p style=\"display:block\">t</p>", "<p style=\"\">t</p>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *want = cases[i][1] ? cases[i][1] : cases[i][0];
        char *got = shield_with(cases[i][0], strlen(cases[i][0]), 0, 5, NULL, 1, NULL);
        ck_assert_msg(strcmp(got, want) == 0, "got \"%s\", want \"%s\"", got, want);
        free(got);
        /* a byte at a time, it stays: the reader's hints are alike */
        got = shield_with(cases[i][0], strlen(cases[i][0]), 1, 5, NULL, 1, NULL);
        ck_assert_str_eq(got, cases[i][0]);
        free(got);
    }
    /* longer than the hints look at: kept */
    char in[ATTR_SCAN_MAX + 64];
    size_t n = (size_t)sprintf(in, "<p style=\"");
    memset(in + n, 'a', ATTR_SCAN_MAX);
    n += ATTR_SCAN_MAX;
    sprintf(in + n, "\">t</p>");
    char *got = shield_with(in, strlen(in), 0, 5, NULL, 1, NULL);
    ck_assert_str_eq(got, in);
    free(got);
}
END_TEST

START_TEST(test_shield_style_hides)
{
    /* the hints' test, on a length */
    ck_assert_int_eq(html_hints_style_hides("display:none", 12), 1);
    ck_assert_int_eq(html_hints_style_hides("display:none", 11), 0);
    ck_assert_int_eq(html_hints_style_hides("x; VISIBILITY: Hidden", 21), 1);
    ck_assert_int_eq(html_hints_style_hides("display:nonexyz", 15), 1);
    ck_assert_int_eq(html_hints_style_hides("display:no\0ne", 14), 0);
    ck_assert_int_eq(html_hints_style_hides("color:red", 9), 0);
}
END_TEST

/* libxml2's SAX calls for s, a characters() call as "[text]" and an
 * element as "<name>" or "</name>", into out (cap bytes, NUL-ended). */
typedef struct sax_log {
    char *out;
    size_t cap, len;
} sax_log;

static void sax_log_put(sax_log *l, const char *a, const char *b, size_t bn, const char *c)
{
    size_t an = strlen(a), cn = strlen(c);
    ck_assert_uint_lt(l->len + an + bn + cn, l->cap);
    memcpy(l->out + l->len, a, an);
    memcpy(l->out + l->len + an, b, bn);
    memcpy(l->out + l->len + an + bn, c, cn);
    l->len += an + bn + cn;
    l->out[l->len] = '\0';
}

static void sax_log_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
    (void)atts;
    sax_log_put(ud, "<", (const char *)name, strlen((const char *)name), ">");
}

static void sax_log_end(void *ud, const xmlChar *name)
{
    sax_log_put(ud, "</", (const char *)name, strlen((const char *)name), ">");
}

static void sax_log_chars(void *ud, const xmlChar *ch, int len)
{
    sax_log_put(ud, "[", (const char *)ch, (size_t)len, "]");
}

static void sax_calls(const char *s, char *out, size_t cap)
{
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = sax_log_start;
    sax.endElement = sax_log_end;
    sax.characters = sax_log_chars;
    sax_log l = {out, cap, 0};
    out[0] = '\0';
    htmlParserCtxtPtr c =
        htmlCreatePushParserCtxt(&sax, &l, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    ck_assert_ptr_nonnull(c);
    htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
    htmlParseChunk(c, s, (int)strlen(s), 0);
    htmlParseChunk(c, "", 0, 1);
    htmlFreeParserCtxt(c);
}

START_TEST(test_shield_named_refs)
{
    /* each name the shield rewrites: its decimal reference is libxml2's
     * own code point for it, and libxml2 makes the same calls of either */
    size_t i = 0;
    const char *dec, *name;
    for (; (name = html_shield_ref_name(i, &dec)) != NULL; i++) {
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        ck_assert_msg(e != NULL, "&%s; is no name libxml2 knows", name);
        char want[16], in[64], out[64], a[256], b[256];
        snprintf(want, sizeof want, "&#%u;", e->value);
        ck_assert_str_eq(dec, want);
        snprintf(in, sizeof in, "<p>x &%s;y&%s;</p>", name, name);
        snprintf(out, sizeof out, "<p>x %sy%s</p>", dec, dec);
        leaves(in, out, 0);
        sax_calls(in, a, sizeof a);
        sax_calls(out, b, sizeof b);
        ck_assert_str_eq(a, b);
    }
    ck_assert_uint_ge(i, 5);
    /* what is no such reference stays as it is, in any cutting, but for
     * a legacy name without its ';', which gets one (sh_put_amp_name) */
    leaves("<p>&mdash &MDASH; &foo; &mdashes; &thetasym; &#38; AT&T; a&1; &amp</p>&mdash",
           "<p>&mdash &MDASH; &foo; &mdashes; &thetasym; &#38; AT&T; a&1; &amp;</p>&mdash", 0);
    leaves("<p>&amp&amp;&&mdash;&;&lt;&gt</p>", "<p>&amp;&#38;&&#8212;&;&#60;&gt;</p>", 0);
    /* text only: not in a tag, a comment or a script read for its JSON */
    leaves("<p class=\"&mdash;\">a</p><!-- -- &mdash; -->"
           "<script type=\"application/ld+json\">{\"a\": \"&mdash;\"}</script>",
           "<p class=\"&mdash;\">a</p><!-- -- &mdash; -->"
           "<script type=\"application/ld+json\">{\"a\": \"&mdash;\"}</script>", 0);
    /* a <pre>'s text too, and not without the attributes left out */
    leaves("<pre>a&mdash;b</pre>", "<pre>a&#8212;b</pre>", 0);
    same_cut("<p>a&mdash;b</p>", "<p>a&mdash;b</p>");
}
END_TEST

START_TEST(test_shield_blanks_after_tags)
{
    /* the blanks right after a tag: their first only, in any cutting;
     * of a run of blanks (' ', '\t', '\n') elsewhere in text, the first;
     * all of them once a <pre> (or <listing>, <xmp>, <plaintext>) began */
    leaves("<div>\n    <p>a</p>\n\n  </div>  x", "<div>\n<p>a</p>\n</div> x", 0);
    leaves("<p>a   b\n\n c</p>\t\t<b>x</b>", "<p>a b\nc</p>\t<b>x</b>", 0);
    leaves("<p>&amp;  x</p><!-- c -- d -->   y", "<p>&#38; x</p><!-- c -- d --> y", 0);
    leaves("<ul>\n  <li>a\n  <li>b</ul>", "<ul>\n<li>a\n<li>b</ul>", 0);
    /* a '\r' is no blank of a run (a date's words are not parted by it),
     * so it and the blank after it stay */
    leaves("<p>a \r\n  b\r\r c  &x</p>", "<p>a \r\nb\r\r c &x</p>", 0);
    /* runs past the sixteen bytes the SSE2 path reads at a time */
    leaves("<p>one two three four five six seven\n          eight nine ten eleven"
           "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t twelve</p>",
           "<p>one two three four five six seven\neight nine ten eleven\ttwelve</p>", 0);
    leaves("<td>  \n</td><PRE>\n  a\n</PRE>\n  <p>b</p>",
           "<td> </td><PRE>\n  a\n</PRE>\n  <p>b</p>", 0);
    leaves("<xmp>\n  a</xmp>  <p>", "<xmp>\n  a</xmp>  <p>", 0);
    /* a script's or a style's end tag is a tag too */
    leaves("<script>x</script>\n   <p>a", "<script></script>\n<p>a", 0);
    /* without the attributes left out (the tests of the bounds), all stay */
    same_cut("<div>\n    <p>a</p>", "<div>\n    <p>a</p>");
}
END_TEST

START_TEST(test_shield_empties_comments)
{
    /* a comment read whole in a piece, which libxml2 would read plainly
     * to its "-->", is given empty; any other stays as it is, and so does
     * every comment cut by a piece */
    static const char *const cases[][2] = {
        {"<p>a</p><!-- a b -->x", "<p>a</p><!---->x"},
        {"<!-- a-b > c -->x", "<!---->x"},
        {"<!--[if IE]><p>x</p><![endif]-->y", "<!---->y"},
        {"<!---->x", "<!---->x"},
        {"<!-- a -- b -->x", NULL},
        {"<!-- a --!>x<!-- b -->", NULL},
        {"<!-->x -->", NULL},
        {"<!--->x -->", NULL},
        {"<!-- a --->x", NULL},
        {"<!-- a \x01 -->x", NULL},
        {"<!-- \xEF\xBF\xBF -->x", NULL},
        {"<!-- never ended", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *want = cases[i][1] ? cases[i][1] : cases[i][0];
        size_t n = strlen(cases[i][0]);
        char *got = shield_with(cases[i][0], n, 0, 5, NULL, 1, NULL);
        ck_assert_msg(strcmp(got, want) == 0, "got \"%s\", want \"%s\"", got, want);
        free(got);
        got = shield_with(cases[i][0], n, 1, 5, NULL, 1, NULL);
        ck_assert_str_eq(got, cases[i][0]);
        free(got);
    }
    /* a NUL in it: libxml2 reads it otherwise */
    static const char nul[] = "<!-- a\0b -->x";
    size_t len;
    char *got = shield_with(nul, sizeof nul - 1, 0, 5, NULL, 1, &len);
    ck_assert(len == sizeof nul - 1 && memcmp(got, nul, len) == 0);
    free(got);
}
END_TEST

/* A page with comments gives the same text whole and in pieces (the
 * reader reads no comment). */
START_TEST(test_shield_comments_same_text)
{
    static const char page[] =
        "<html><head><!-- head --><title>T</title></head><body><article><h1>A title of "
        "the article</h1><!-- a -- b --><p>The first paragraph of the article says what "
        "happened, to whom and where, at some length.</p><!--[if IE]><p>Old browsers."
        "</p><![endif]--><p>The second paragraph<!-- inline --> goes on with the story "
        "and the quotes of people.</p><!-- c --!><p>A third paragraph after a comment "
        "closed the wrong way, which a browser shows too.</p></article></body></html>";
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    char *a = filter_text(page, &o);
    ck_assert_ptr_nonnull(strstr(a, "second paragraph goes on"));
    ck_assert_ptr_nonnull(strstr(a, "third paragraph"));
    ck_assert_ptr_null(strstr(a, "Old browsers"));
    for (size_t cut = 1; cut < 12; cut++) {
        run_result r;
        run_filter(&o, page, sizeof page - 1, (chunks){CHUNK_RANDOM, cut, (unsigned)cut}, &r);
        ck_assert_int_eq(r.status, UB_OK);
        ck_assert_str_eq(r.out, a);
        run_result_free(&r);
    }
    free(a);
}
END_TEST

/* An indented page gives the text of the same page without its
 * indentation, whole and in pieces. */
START_TEST(test_shield_blanks_same_text)
{
    static const char *const pages[2] = {
        "<html>\n  <body>\n    <article>\n      <h1>\n        A title of the article\n"
        "      </h1>\n      <p>\n        The first paragraph of the article says what "
        "happened,\n        to whom and where, at some length.\n      </p>\n      <ul>\n"
        "        <li>  One item  </li>\n        <li>\tAnother item\t</li>\n      </ul>\n"
        "      <p>The second paragraph <b>goes</b>   <i>on</i> with the story and the "
        "quotes of people.</p>\n    </article>\n  </body>\n</html>\n",
        "<html><body><article><h1>A title of the article</h1><p>The first paragraph of "
        "the article says what happened, to whom and where, at some length.</p><ul><li>One "
        "item</li><li>Another item</li></ul><p>The second paragraph <b>goes</b> <i>on</i> "
        "with the story and the quotes of people.</p></article></body></html>",
    };
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    o.markdown = 1;
    char *a = filter_text(pages[0], &o);
    char *b = filter_text(pages[1], &o);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "**goes** *on*"));
    free(b);
    for (size_t cut = 1; cut < 8; cut++) {
        run_result r;
        run_filter(&o, pages[0], strlen(pages[0]), (chunks){CHUNK_RANDOM, cut, (unsigned)cut}, &r);
        ck_assert_int_eq(r.status, UB_OK);
        ck_assert_str_eq(r.out, a);
        run_result_free(&r);
    }
    free(a);
}
END_TEST

START_TEST(test_attr_value)
{
    /* the first of a name; "" for one without a value; NULL when absent */
    static const char *const atts[] = {"data-class", "a", "class", "b", "class", "c",
                                       "hidden",     NULL, "id",   "",  NULL};
    ck_assert_str_eq(html_attr_value(atts, HTML_ATTR_CLASS), "b");
    ck_assert_str_eq(html_attr_value(atts, HTML_ATTR_HIDDEN), "");
    ck_assert_str_eq(html_attr_value(atts, HTML_ATTR_ID), "");
    ck_assert_ptr_null(html_attr_value(atts, HTML_ATTR_ITEMPROP));
    ck_assert_ptr_null(html_attr_value(NULL, HTML_ATTR_CLASS));
}
END_TEST

/* A page whose elements carry many attributes unboil does not read gives
 * the same text as the page without them. */
START_TEST(test_shield_leaves_attrs_same_text)
{
    static const char *const pages[2] = {
        "<html><body><div class=\"nav\" data-a=\"1\" onclick='x(\">\")'><a href=/a "
        "data-b=2 target=_blank>Home</a> <a href=/b>News</a></div><article "
        "data-c=\"{&quot;k&quot;:1}\"><h1 data-d=\"h\">A title of the article</h1><p "
        "srcset=\"a 1x, b 2x\" style=\"color:red\">The first paragraph of the article says "
        "what happened, to whom and where, at some length.</p><p hidden data-e=e>Hidden."
        "</p><p>The second paragraph goes on with the story and the quotes of "
        "people.</p></article></body></html>",
        "<html><body><div class=\"nav\"><a href=/a>Home</a> <a href=/b>News</a></div>"
        "<article><h1>A title of the article</h1><p style=\"color:red\">The first "
        "paragraph of the article says what happened, to whom and where, at some "
        "length.</p><p hidden>Hidden.</p><p>The second paragraph goes on with the story "
        "and the quotes of people.</p></article></body></html>",
    };
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    char *a = filter_text(pages[0], &o);
    char *b = filter_text(pages[1], &o);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "second paragraph"));
    free(a);
    free(b);
}
END_TEST

/* The names of html_shield_names.def, for a plain linear search. */
static const struct {
    const char *name;
    unsigned kind;
} ref_names[] = {
#define HTML_SHIELD_NAME(name, kind) {name, kind},
#include "html_shield_names.def"
#undef HTML_SHIELD_NAME
};
#define REF_COUNT (sizeof ref_names / sizeof *ref_names)

static unsigned ref_kind(const char *name, size_t len)
{
    for (size_t i = 0; i < REF_COUNT; i++)
        if (strlen(ref_names[i].name) == len && memcmp(ref_names[i].name, name, len) == 0)
            return ref_names[i].kind;
    return 0;
}

/* The lookup and the linear search agree on name[0..len), given in a
 * block of exactly len bytes (a read past it is an error under ASan and
 * valgrind); returns the kind. */
static unsigned same_kind(const char *name, size_t len)
{
    char *copy = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, name, len);
    unsigned got = html_shield_name_kind(copy, len);
    unsigned want = ref_kind(name, len);
    ck_assert_msg(got == want, "\"%.*s\": got %u, want %u", (int)len, name, got, want);
    free(copy);
    return got;
}

/* The bytes the shield takes into a name, the first one a letter. */
static const char name_bytes[] = "abcdefghijklmnopqrstuvwxyz0123456789:-_.";
#define NAME_BYTES (sizeof name_bytes - 1)

START_TEST(test_shield_names_lookup)
{
    char nm[32];
    for (size_t i = 0; i < REF_COUNT; i++) {
        const char *name = ref_names[i].name;
        size_t n = strlen(name);
        ck_assert_uint_ge(n, 1);
        ck_assert_uint_le(n, HTML_SHIELD_NAME_MAX);
        ck_assert_uint_ne(ref_names[i].kind, 0);
        ck_assert_uint_eq(same_kind(name, n), ref_names[i].kind);
        /* every prefix, and every extension by one byte and to the
         * longest name the shield holds */
        for (size_t k = 0; k < n; k++)
            same_kind(name, k);
        memcpy(nm, name, n);
        for (size_t c = 0; c < NAME_BYTES; c++) {
            nm[n] = name_bytes[c];
            same_kind(nm, n + 1);
        }
        memset(nm + n, name[n - 1], sizeof nm - n);
        for (size_t k = n + 1; k <= sizeof ((html_shield *)0)->name; k++)
            same_kind(nm, k);
        /* every byte replaced by each other one, and upper case: the
         * shield lowers a name before it asks */
        for (size_t k = 0; k < n; k++) {
            memcpy(nm, name, n);
            for (size_t c = 0; c < NAME_BYTES; c++) {
                nm[k] = name_bytes[c];
                same_kind(nm, n);
            }
            memcpy(nm, name, n);
            if (nm[k] >= 'a' && nm[k] <= 'z') {
                nm[k] = (char)(nm[k] - 'a' + 'A');
                ck_assert_uint_eq(same_kind(nm, n), 0);
            }
        }
    }
    /* every name of up to three bytes */
    for (size_t a = 0; a < 26; a++) {
        nm[0] = name_bytes[a];
        same_kind(nm, 1);
        for (size_t b = 0; b < NAME_BYTES; b++) {
            nm[1] = name_bytes[b];
            same_kind(nm, 2);
            for (size_t c = 0; c < NAME_BYTES; c++) {
                nm[2] = name_bytes[c];
                same_kind(nm, 3);
            }
        }
    }
}
END_TEST

/* HTML5's void elements that libxml2 2.9.14 does not know end at once
 * ("<wbr />"): left open, libxml2 nests all that follows in the parent
 * in them.  A '/' already there stays alone; one ending an unquoted
 * value is the value's; an end tag stays as it is. */
START_TEST(test_shield_self_ends_voids)
{
    same_cut("<p>a<wbr>b<WBR class=x>c<source src=a/><track/><embed src='v'></wbr>",
             "<p>a<wbr />b<WBR class=x />c<source src=a/ /><track/><embed src='v' /></wbr>");
    same_cut("<keygen><bgsound src=s><image src=i><br><img src=x><p>",
             "<keygen /><bgsound src=s /><image src=i /><br><img src=x><p>");
    /* libxml2 then ends each at once: the second p is no longer inside
     * the first, nor the second item inside the first */
    const char *in = "<p>a<wbr>b<p>c<ul><li>d<source src=x/>e<li>f</ul>";
    size_t n = strlen(in);
    char *out = shield(in, n, 0, 0, NULL);
    char calls[512];
    sax_calls(out, calls, sizeof calls);
    ck_assert_str_eq(calls, "<html><body><p>[a]<wbr></wbr>[b]</p><p>[c]</p><ul><li>[d]"
                            "<source></source>[e]</li><li>[f]</li></ul></body></html>");
    free(out);
}
END_TEST

START_TEST(test_shield_names_any_case)
{
    /* a name is the same in any case to the shield: past the depth bound
     * a block element leaves an <hr>, one that hides its content stays,
     * an unknown one goes */
    static const char *const in[] = {"<div>x", "<DIV>x", "<dIv>x", "<Script>x", "<SPAN>x",
                                     "<BlockQuote>x", "<blockquote1>x"};
    static const char *const want[] = {"<hr>x", "<hr>x", "<hr>x", "<Script>x", "x", "<hr>x", "x"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++)
        same_cut_at(in[i], want[i], HTML_SHIELD_DEPTH);
}
END_TEST

Suite *shield_suite(void)
{
    Suite *s = suite_create("html_shield");
    TCase *tc = tcase_create("shield");
    tcase_add_test(tc, test_shield_passes);
    tcase_add_test(tc, test_shield_queues_text);
    tcase_add_test(tc, test_shield_ascii_paths);
    tcase_add_test(tc, test_shield_doctype_and_refs);
    tcase_add_test(tc, test_shield_legacy_refs);
    tcase_add_test(tc, test_shield_legacy_prefix_refs);
    tcase_add_test(tc, test_shield_attr_legacy_refs);
    tcase_add_test(tc, test_shield_unquoted_legacy_refs);
    tcase_add_test(tc, test_shield_attributes);
    tcase_add_test(tc, test_shield_long_tag);
    tcase_add_test(tc, test_shield_runs);
    tcase_add_test(tc, test_shield_depth);
    tcase_add_test(tc, test_shield_title_ends);
    tcase_add_test(tc, test_shield_self_ends_voids);
    tcase_add_test(tc, test_shield_keeps_a_stack);
    tcase_add_test(tc, test_shield_bounds_quadratic_shapes);
    tcase_add_test(tc, test_shield_reader_reads_through);
    tcase_add_test(tc, test_shield_leaves_attrs);
    tcase_add_test(tc, test_shield_leaves_raw_content);
    tcase_add_test(tc, test_shield_leaves_attrs_as_libxml2_reads);
    tcase_add_test(tc, test_shield_leaves_attrs_any_cut);
    tcase_add_test(tc, test_shield_attrs_name_bytes);
    tcase_add_test(tc, test_shield_keeps_declared_attrs);
    tcase_add_test(tc, test_attr_value);
    tcase_add_test(tc, test_shield_attr_fates);
    tcase_add_test(tc, test_shield_attrs_by_element);
    tcase_add_test(tc, test_shield_empties_values);
    tcase_add_test(tc, test_shield_style_values);
    tcase_add_test(tc, test_shield_style_hides);
    tcase_add_test(tc, test_shield_blanks_after_tags);
    tcase_add_test(tc, test_shield_named_refs);
    tcase_add_test(tc, test_shield_blanks_same_text);
    tcase_add_test(tc, test_shield_empties_comments);
    tcase_add_test(tc, test_shield_comments_same_text);
    tcase_add_test(tc, test_shield_leaves_attrs_same_text);
    tcase_add_test(tc, test_shield_names_lookup);
    tcase_add_test(tc, test_shield_names_any_case);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
