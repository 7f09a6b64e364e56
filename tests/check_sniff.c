/* check_sniff.c - HTML or text, binary formats, curl -i headers, and the
 * rule that makes the filter independent of chunking: a decision taken on a
 * prefix must be the decision taken on the whole. */
#include <string.h>
#include <stdlib.h>
#include "suites.h"
#include "sniff.h"
#include "filter_probe.h"
#include "testutil.h"

static sniff_result sn(const char *s, size_t n, int at_end)
{
    sniff_result r;
    sniff(s, n, at_end, NULL, &r);
    return r;
}

#define SN(lit, at_end) sn((lit), sizeof(lit) - 1, (at_end))

START_TEST(test_binary_magics)
{
    static const struct { const char *bytes; size_t len; const char *what; } m[] = {
        { "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10, "gzip data" },
        { "BZh91AY&SY", 10, "bzip2 data" },
        { "\xfd" "7zXZ\0\0\x04", 8, "xz data" },
        { "\x28\xb5\x2f\xfd\x24\x00\x00\x00", 8, "zstd data" },
        { "PK\x03\x04\x14\x00\x00\x00", 8, "a zip archive" },
        { "%PDF-1.7\n%", 10, "a PDF document" },
        { "\x89PNG\r\n\x1a\n\0\0", 10, "a PNG image" },
        { "\xff\xd8\xff\xe0\0\x10JFIF", 10, "a JPEG image" },
        { "GIF89a\x01\0\x01\0", 10, "a GIF image" },
        { "\x7f" "ELF\x02\x01\x01\0", 8, "an executable" },
    };
    for (size_t i = 0; i < sizeof m / sizeof *m; i++) {
        sniff_result r = sn(m[i].bytes, m[i].len, 0);
        ck_assert_msg(r.kind == SNIFF_BINARY, "%s not found", m[i].what);
        ck_assert_str_eq(r.what, m[i].what);
        ck_assert_ptr_nonnull(r.advice);
    }
    sniff_result r = sn("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8, 0);
    ck_assert_str_eq(r.advice, "decompress it first (curl --compressed, zcat)");
}
END_TEST

/* A UTF-32 BOM is named as UTF-32, not taken for UTF-16's it begins with. */
START_TEST(test_utf32_bom_named)
{
    static const char le[] = "\xff\xfe\0\0<\0\0\0p\0\0\0>\0\0\0H\0\0\0";
    static const char be[] = "\0\0\xfe\xff\0\0\0<\0\0\0p\0\0\0>\0\0\0H";
    sniff_result r = sn(le, sizeof le - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    ck_assert_str_eq(r.what, "UTF-32 text (a UTF-32LE BOM)");
    ck_assert_str_eq(r.advice, "convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)");
    r = sn(be, sizeof be - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    ck_assert_str_eq(r.what, "UTF-32 text (a UTF-32BE BOM)");
    /* UTF-16LE's BOM before a character other than U+0000 stays UTF-16 */
    static const char le16[] = "\xff\xfe<\0p\0>\0H\0i\0";
    ck_assert_int_eq(sn(le16, sizeof le16 - 1, 1).kind, SNIFF_HTML);
}
END_TEST

/* An HTTP header's UTF-16 over bytes with no NUL (UTF-8 or ASCII) is a
 * wrong label: dropped, the bytes judged as they are; over UTF-16 bytes it
 * stays.  (The whole run: the http-utf16-header-on-utf8 fixture.) */
START_TEST(test_http_utf16_label_on_utf8)
{
    static const char wrong[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n"
                                "<html><body><p>Caf\xc3\xa9</p></body></html>\n";
    sniff_result r = sn(wrong, sizeof wrong - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_HTML);
    ck_assert_str_eq(r.charset, "");
    static const char right[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n"
                                "<\0h\0t\0m\0l\0>\0";
    r = sn(right, sizeof right - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_HTML);
    ck_assert_str_eq(r.charset, "utf-16");
    /* another charset is the header's to say, NULs or not */
    static const char latin[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=latin1\r\n\r\n"
                                "<html><body><p>Caf\xe9</p></body></html>\n";
    r = sn(latin, sizeof latin - 1, 1);
    ck_assert_str_eq(r.charset, "latin1");
}
END_TEST

START_TEST(test_short_input_waits)
{
    ck_assert_int_eq(SN("\x1f\x8b", 0).kind, SNIFF_MORE);
    ck_assert_int_eq(SN("<html>", 0).kind, SNIFF_MORE);
    ck_assert_int_eq(SN("<html>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("Hello, world. This is text.", 0).kind, SNIFF_MORE);
    ck_assert_int_eq(SN("Hello, world. This is text.", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(sn("", 0, 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("abc", 1).kind, SNIFF_TEXT);
    char big[SNIFF_BYTES];
    memset(big, 'a', sizeof big);
    ck_assert_int_eq(sn(big, sizeof big, 0).kind, SNIFF_TEXT);
    ck_assert_int_eq(sn(big, sizeof big - 1, 0).kind, SNIFF_MORE);
}
END_TEST

START_TEST(test_html_or_text)
{
    ck_assert_int_eq(SN("<!DOCTYPE html><html>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("\xef\xbb\xbf  \r\n<html lang=en>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("<!-- c --> \n<!-- d --><p>x", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("<!-- a comment that never closes", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("<?xml version=\"1.0\"?><html>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("\t<P>upper case tag", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("< 3 is less than four", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("<3 hearts", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("Text first, then <p>a tag</p>", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("# Markdown heading\n", 1).kind, SNIFF_TEXT);
    /* junk before the markup: a line that opens it decides */
    ck_assert_int_eq(SN("?\n<!DOCTYPE html PUBLIC \"x\">\n<html>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("HTTP junk\r\n  <HTML lang=en>\n<p>x", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("Write <html> first, then\n<html5 is not a tag", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("A text about pages.\nThe <!DOCTYPE html> line opens one.", 1).kind,
                     SNIFF_TEXT);
    /* a page cut short inside its head's script: the frame's tags decide */
    ck_assert_int_eq(SN("eloadImages() {\n\tx = 1;\n}\n// -->\n</SCRIPT>\n</head>\n<body>", 1).kind,
                     SNIFF_HTML);
    ck_assert_int_eq(SN("x = 1;\n  <body onload=\"go()\">\n<p>x", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("Put the script in\n<header> or <bodyguard> is text", 1).kind, SNIFF_TEXT);
    ck_assert_int_eq(SN("Close it with\n</scripts and more", 1).kind, SNIFF_TEXT);
    /* every line start is tried, blank lines and the last one too */
    ck_assert_int_eq(SN("junk\n\n   \n\t\n<html>", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("junk\n \n<body>\n", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("junk <html> \n  junk <body>", 1).kind, SNIFF_TEXT);
    /* a line is tried only when it opens with '<' (after blanks), in any case */
    ck_assert_int_eq(SN("text\n\t<HTML lang=en>\n", 1).kind, SNIFF_HTML);
    ck_assert_int_eq(SN("text\n<\n<", 1).kind, SNIFF_TEXT);
}
END_TEST

START_TEST(test_utf16_and_nuls)
{
    /* UTF-16LE "<html>" with a BOM: the HTML reader decodes it */
    static const char le[] = "\xff\xfe<\0h\0t\0m\0l\0>\0";
    ck_assert_int_eq(sn(le, sizeof le - 1, 1).kind, SNIFF_HTML);
    static const char be[] = "\xfe\xff\0 \0 \0<\0p\0>";
    ck_assert_int_eq(sn(be, sizeof be - 1, 1).kind, SNIFF_HTML);
    /* text, with a BOM, and "<" not opening it; a lone surrogate is text */
    static const char text16[] = "\xff\xfeH\0e\0l\0l\0o\0 \0<\0w\0o\0\x3d\xd8r\0l\0d\0";
    sniff_result r = sn(text16, sizeof text16 - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);
    /* without a BOM: refused, unless declared by the user or by HTTP */
    static const char nobom[] = "H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0";
    r = sn(nobom, sizeof nobom - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    ck_assert_str_eq(r.advice, "UTF-16 text without a BOM needs -e utf-16le or -e utf-16be");
    sniff(nobom, sizeof nobom - 1, 1, "utf-16le", &r);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);
    sniff("\0<\0h\0t\0m\0l\0>", 12, 1, "UTF-16BE", &r);
    ck_assert_int_eq(r.kind, SNIFF_HTML);
    static const char http[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\n"
                               "H\0i\0";
    sniff(http, sizeof http - 1, 1, NULL, &r);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);
    /* declared UTF-16, but binary in its code units */
    static const char bin16[] = "\x01\0\x02\0\x03\0\x04\0\x05\0\x06\0";
    sniff(bin16, sizeof bin16 - 1, 1, "utf-16le", &r);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    /* the same bytes, other charset declared: refused as before */
    sniff(nobom, sizeof nobom - 1, 1, "latin1", &r);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    /* one NUL in a page of text is a stray byte, not binary */
    char page[2000];
    memset(page, 'x', sizeof page);
    page[100] = 0;
    ck_assert_int_eq(sn(page, sizeof page, 0).kind, SNIFF_TEXT);
}
END_TEST

/* Binary data without a magic number: control characters, one byte in ten
 * of random data, none in text of any charset but white space and ESC. */
START_TEST(test_binary_by_control_bytes)
{
    unsigned seed = 7;
    char rnd[200];
    for (size_t i = 0; i < sizeof rnd; i++)
        rnd[i] = (char)(tu_rand(&seed) >> 5);
    sniff_result r = sn(rnd, sizeof rnd, 1);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    ck_assert_str_eq(r.what, "binary data");
    /* a few bytes between two NULs of a compressed stream */
    ck_assert_int_eq(sn("\x8b\x08\xa5", 3, 1).kind, SNIFF_BINARY);
    /* text: tabs, CR LF, form feeds, terminal colours, Latin-1, one stray byte */
    static const char text[] = "Caf\xe9 au lait\tis served\r\n\fin \x1b[1mbold\x1b[0m here, "
                               "with a stray \x01 in a long enough page of text "
                               "that goes on for a while longer than this.";
    ck_assert_int_eq(sn(text, sizeof text - 1, 1).kind, SNIFF_TEXT);
}
END_TEST

/* The count of control bytes at its bound, one in sixteen: each byte value
 * counts as a control or not, wherever it stands (runs of text between
 * them are skipped a vector at a time), and a NUL is counted once. */
START_TEST(test_control_bytes_bound)
{
    char b[160];
    for (unsigned c = 0; c < 0x80; c++) {
        int control = (c > 0 && c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1B) || c == 0x7F;
        for (size_t at = 0; at < 23; at++) {
            /* ten bytes of 160 are controls: nine here, c the tenth */
            memset(b, 'x', sizeof b);
            for (size_t k = 0; k < 9; k++)
                b[at + 16 * k + 5] = 0x01;
            b[at] = (char)c;
            sniff_result r = sn(b, sizeof b, 1);
            ck_assert_msg((r.kind == SNIFF_BINARY) == (control || c == 0),
                          "byte 0x%02x at %zu", c, at);
        }
    }
    /* a NUL and eight controls are nine: text */
    memset(b, 'x', sizeof b);
    for (size_t k = 0; k < 8; k++)
        b[16 * k + 5] = 0x7F;
    b[150] = 0;
    ck_assert_int_eq(sn(b, sizeof b, 1).kind, SNIFF_TEXT);
}
END_TEST

/* curl -i of a page sent gzip-compressed: the body is checked too */
START_TEST(test_binary_after_http_headers)
{
    static const char resp[] =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x4a\x06\x00";
    sniff_result r = sn(resp, sizeof resp - 1, 1);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
    ck_assert_str_eq(r.what, "gzip data");
    /* decided as soon as the magic is in, before the end */
    r = sn(resp, sizeof resp - 1, 0);
    ck_assert_int_eq(r.kind, SNIFF_BINARY);
}
END_TEST

START_TEST(test_http_headers)
{
    static const char resp[] =
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: text/html; charset=ISO-8859-1\r\n"
        "Content-Length: 20\r\n\r\n"
        "<html><p>x</p></html>";
    sniff_result r = SN(resp, 1);
    ck_assert_int_eq(r.kind, SNIFF_HTML);
    ck_assert_uint_eq(r.skip, strstr(resp, "<html>") - resp);
    ck_assert_str_eq(r.charset, "ISO-8859-1");
    ck_assert_int_eq(r.http_text, 0);

    static const char redirect[] =
        "HTTP/1.1 301 Moved Permanently\r\nLocation: https://x.example/\r\n\r\n"
        "HTTP/2 200\r\ncontent-type: text/plain; charset=\"utf-8\"\r\n\r\n"
        "Just text.\n";
    r = SN(redirect, 1);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);
    ck_assert_uint_eq(r.skip, strstr(redirect, "Just") - redirect);
    ck_assert_str_eq(r.charset, "utf-8");
    ck_assert_int_eq(r.http_text, 1);

    /* headers still coming: wait; at end of input they were not headers */
    static const char cut[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
    ck_assert_int_eq(SN(cut, 0).kind, SNIFF_MORE);
    r = SN(cut, 1);
    ck_assert_uint_eq(r.skip, 0);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);

    /* bare LF line ends work too */
    static const char lf[] = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>hi";
    r = SN(lf, 1);
    ck_assert_uint_eq(r.skip, strstr(lf, "<p>") - lf);
    ck_assert_int_eq(r.kind, SNIFF_HTML);
}
END_TEST

/* The filter sniffs again each time a chunk arrives and acts on the first
 * answer that is not SNIFF_MORE.  For its output not to depend on chunking,
 * an answer given for a prefix (not at end) must equal the answer for the
 * whole input. */
static void check_prefix_stable(const char *s, size_t n)
{
    sniff_result whole;
    sniff(s, n, 1, NULL, &whole);
    for (size_t k = 1; k <= n; k++) {
        sniff_result p;
        sniff(s, k, 0, NULL, &p);
        if (p.kind == SNIFF_MORE)
            continue;
        ck_assert_msg(p.kind == whole.kind && p.skip == whole.skip,
                      "prefix of %zu/%zu bytes sniffed as kind %d skip %zu, "
                      "the whole as kind %d skip %zu", k, n, (int)p.kind, p.skip,
                      (int)whole.kind, whole.skip);
        return;   /* the filter stops asking after the first answer */
    }
}

START_TEST(test_prefix_decision_stable_plain)
{
    char text[3000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "Plain words of an article.\n"[i % 27];
    check_prefix_stable(text, sizeof text);
    static const char html[] = "  <!-- x -->\n<!DOCTYPE html><html><body><p>Hi</p>";
    check_prefix_stable(html, sizeof html - 1);
    static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03zzzz";
    check_prefix_stable(gz, sizeof gz - 1);
    /* UTF-16 text with a BOM, judged on its code units */
    char text16[2 * SNIFF_BYTES + 64];
    text16[0] = '\xff';
    text16[1] = '\xfe';
    for (size_t i = 2; i + 1 < sizeof text16; i += 2) {
        text16[i] = "Plain words of an article.\n"[(i / 2) % 27];
        text16[i + 1] = 0;
    }
    check_prefix_stable(text16, sizeof text16);
    sniff_result r;
    sniff(text16, sizeof text16, 1, NULL, &r);
    ck_assert_int_eq(r.kind, SNIFF_TEXT);
}
END_TEST

/* More white space than SNIFF_BYTES before the first tag: undecided until
 * SNIFF_BYTES follow it, whatever the cutting. */
START_TEST(test_long_white_space_waits)
{
    char page[3 * SNIFF_BYTES];
    memset(page, '\n', sizeof page);
    size_t n = 2 * SNIFF_BYTES;
    memcpy(page + n, "<html><p>x</p>", 14);
    ck_assert_int_eq(sn(page, n + 1, 0).kind, SNIFF_MORE);
    ck_assert_int_eq(sn(page, n + 14, 1).kind, SNIFF_HTML);
    ck_assert_int_eq(sn(page, sizeof page, 0).kind, SNIFF_HTML);
    check_prefix_stable(page, sizeof page);
    memset(page, ' ', sizeof page);
    ck_assert_int_eq(sn(page, sizeof page, 0).kind, SNIFF_MORE);
    ck_assert_int_eq(sn(page, sizeof page, 1).kind, SNIFF_TEXT);
}
END_TEST

/* curl -i output whose body is not HTML: the answer must not be taken the
 * moment the headers end, before any of the body was seen. */
START_TEST(test_prefix_decision_stable_http_body)
{
    static const char s[] =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        "Plain text, though the server said HTML.\n";
    check_prefix_stable(s, sizeof s - 1);
}
END_TEST

/* A redirect chain: the second header block must not be taken for the
 * body when it arrives a few bytes at a time. */
START_TEST(test_prefix_decision_stable_http_redirect)
{
    static const char s[] =
        "HTTP/1.1 302 Found\r\nLocation: /a\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        "<html><body><p>Hello</p></body></html>";
    check_prefix_stable(s, sizeof s - 1);
}
END_TEST

static int discard(void *ctx, const char *buf, size_t len)
{
    size_t *total = ctx;
    (void)buf;
    *total += len;
    return 0;
}

/* A head that never decides (an HTTP header block without its blank line,
 * up to the 64 KiB it may take) fed a byte at a time is sniffed a few
 * dozen times, not once per byte: each try reads the whole head, so the
 * fuzzer's such input took 1.3 s.  The document is then decided as if fed
 * whole. */
START_TEST(test_head_fed_bytewise_sniffed_rarely)
{
    ub_options opt;
    ub_options_init(&opt);
    size_t out_len = 0;
    ub_status st;
    ub_filter *f = ub_filter_new(&opt, discard, &out_len, &st);
    ck_assert_ptr_nonnull(f);
    const char *start = "HTTP/1.1 200 OK\r\nContent-Type: text/html; ";
    size_t n = 60000;
    char *head = malloc(n);
    ck_assert_ptr_nonnull(head);
    size_t sl = strlen(start);
    memcpy(head, start, sl);
    memset(head + sl, 'a', n - sl);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(ub_filter_feed(f, head + i, 1), UB_OK);
    unsigned long tries = filter_probe_sniffs(f);
    ck_assert_msg(tries <= 40, "%lu sniffs for %zu bytes fed one at a time", tries, n);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    free(head);
    ub_filter_free(f);
}
END_TEST

Suite *sniff_suite(void)
{
    Suite *s = suite_create("sniff");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_binary_magics);
    tcase_add_test(tc, test_long_white_space_waits);
    tcase_add_test(tc, test_binary_by_control_bytes);
    tcase_add_test(tc, test_control_bytes_bound);
    tcase_add_test(tc, test_binary_after_http_headers);
    tcase_add_test(tc, test_short_input_waits);
    tcase_add_test(tc, test_html_or_text);
    tcase_add_test(tc, test_utf16_and_nuls);
    tcase_add_test(tc, test_http_headers);
    tcase_add_test(tc, test_prefix_decision_stable_plain);
    tcase_add_test(tc, test_prefix_decision_stable_http_body);
    tcase_add_test(tc, test_prefix_decision_stable_http_redirect);
    tcase_add_test(tc, test_head_fed_bytewise_sniffed_rarely);
    tcase_add_test(tc, test_utf32_bom_named);
    tcase_add_test(tc, test_http_utf16_label_on_utf8);
    suite_add_tcase(s, tc);
    return s;
}
