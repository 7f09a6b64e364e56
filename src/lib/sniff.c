/* sniff.c - HTML or text, compressed or binary, and curl -i headers.
 *
 * Only the first bytes decide, as file(1) and browsers do: a document is
 * HTML when, past a BOM, spaces and comments, it opens with a tag, or when
 * a line of its first SNIFF_BYTES opens the markup ("<!DOCTYPE html",
 * "<html") or a tag of a page's frame ("</head>", "<body>"). */
#include <string.h>
#include "encoding.h"
#include "sniff.h"
#include "span.h"
#include "utf8.h"

typedef struct magic {
    const char *bytes;
    size_t len;
    const char *what;
    const char *advice;
} magic;

static const magic magics[] = {
    { "\x1f\x8b", 2, "gzip data", "decompress it first (curl --compressed, zcat)" },
    { "BZh", 3, "bzip2 data", "decompress it first (bzcat)" },
    { "\xfd" "7zXZ\0", 6, "xz data", "decompress it first (xzcat)" },
    { "\x28\xb5\x2f\xfd", 4, "zstd data", "decompress it first (zstdcat)" },
    { "PK\x03\x04", 4, "a zip archive", "extract it first (unzip -p)" },
    { "7z\xbc\xaf\x27\x1c", 6, "a 7-zip archive", "extract it first" },
    { "%PDF-", 5, "a PDF document", "convert it to text first (pdftotext)" },
    { "\x89PNG", 4, "a PNG image", "unboil reads HTML or text" },
    { "\xff\xd8\xff", 3, "a JPEG image", "unboil reads HTML or text" },
    { "GIF8", 4, "a GIF image", "unboil reads HTML or text" },
    { "\x7f" "ELF", 4, "an executable", "unboil reads HTML or text" },
    /* before the UTF-16 BOM they begin with: UTF-32's BOMs */
    { "\xff\xfe\0\0", 4, "UTF-32 text (a UTF-32LE BOM)",
      "convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)" },
    { "\0\0\xfe\xff", 4, "UTF-32 text (a UTF-32BE BOM)",
      "convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)" },
};

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int starts_nocase(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && utf8_ascii_prefix(s, l, lit);
}

/* Parse the charset parameter of a Content-Type header line. */
static void header_charset(const char *v, size_t n, sniff_result *out)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!utf8_ascii_prefix(v + i, 8, "charset="))
            continue;
        i += 8;
        if (i < n && (v[i] == '"' || v[i] == '\''))
            i++;
        size_t k = 0;
        while (i < n && k + 1 < sizeof out->charset &&
               (v[i] == '-' || v[i] == '_' || v[i] == '.' || v[i] == ':' ||
                (v[i] >= '0' && v[i] <= '9') || (ascii_lower(v[i]) >= 'a' && ascii_lower(v[i]) <= 'z')))
            out->charset[k++] = v[i++];
        out->charset[k] = 0;
        return;
    }
}

/* curl -i / -D -: one or more header blocks (redirects) before the body. */
static int http_headers(const char *s, size_t n, int at_end, sniff_result *out)
{
    size_t pos = 0;
    while (starts_nocase(s + pos, n - pos, "http/")) {
        size_t i = pos;
        for (;;) {
            const char *nl = memchr(s + i, '\n', n - i);
            if (!nl) {
                if (at_end || n >= SNIFF_HEADERS_MAX)
                    return -1;
                return 0;
            }
            size_t ls = i, le = (size_t)(nl - s);
            size_t content_end = le > ls && s[le - 1] == '\r' ? le - 1 : le;
            i = le + 1;
            if (content_end == ls)
                break;  /* blank line: end of this block */
            if (starts_nocase(s + ls, content_end - ls, "content-type:")) {
                header_charset(s + ls, content_end - ls, out);
                size_t v = ls + 13;
                while (v < content_end && s[v] == ' ')
                    v++;
                out->http_text = starts_nocase(s + v, content_end - v, "text/plain");
            }
        }
        pos = i;
        /* a redirect's headers are followed by more headers: wait until
         * what follows cannot be their start */
        size_t rest = n - pos;
        if (!at_end && rest < 5 && utf8_ascii_prefix(s + pos, rest, "http/"))
            return 0;
    }
    out->skip = pos;
    return 1;
}

/* Whether a line of b[0..n) begins, past spaces, with "<!DOCTYPE html",
 * "<html" or a tag that only a page's frame has ("<head", "</head",
 * "<body", "</script") and a space or '>': a page whose first bytes are
 * junk (a crawler's "?" line) before its markup, or a page cut short at
 * its start, inside its head's script. */
static int html_line(const char *b, size_t n)
{
    static const char *const opens[] = {"<!doctype html", "<html", "<head", "</head",
                                        "<body", "</script"};
    for (size_t i = 0; i < n;) {   /* i starts a line */
        while (i < n && (b[i] == ' ' || b[i] == '\t'))
            i++;
        /* each opens with '<', which most lines of text do not: tried
         * name by name, with a strlen each, at every line, these took
         * about 1% of text mode's instructions (issue 20) */
        for (size_t k = 0; i < n && b[i] == '<' && k < sizeof opens / sizeof *opens; k++) {
            size_t l = strlen(opens[k]);
            if (i + l < n && starts_nocase(b + i, n - i, opens[k]) &&
                (b[i + l] == '>' || b[i + l] == ' ' || b[i + l] == '\t' ||
                 b[i + l] == '\r' || b[i + l] == '\n'))
                return 1;
        }
        const char *nl = i < n ? memchr(b + i, '\n', n - i) : NULL;
        if (!nl)
            break;
        i = (size_t)(nl - b) + 1;
    }
    return 0;
}

/* Binary, HTML or text, from b[0..bn): control bytes, then whether it
 * opens with a tag or a line of it opens the markup.  Undecided (more
 * bytes wanted, unless at_end) while fewer than SNIFF_BYTES follow the
 * spaces and comments it opens with. */
static void judge(const char *b, size_t bn, int at_end, sniff_result *out)
{
    size_t lim = bn < SNIFF_BYTES ? bn : SNIFF_BYTES;
    size_t nuls = 0;
    /* text has none: find the first at memchr's speed */
    const char *z = memchr(b, 0, lim);
    for (size_t i = z ? (size_t)(z - b) : lim; i < lim; i++)
        nuls += b[i] == 0;
    if (nuls > 0 && nuls * 4 >= lim / 2) {
        out->kind = SNIFF_BINARY;
        out->what = "UTF-16 text or binary data";
        out->advice = "UTF-16 text without a BOM needs -e utf-16le or -e utf-16be";
        return;
    }
    /* Text in any charset has no control characters but white space (and
     * ESC, of terminal colours); binary data has one byte in ten.  One in
     * sixteen tells them apart even in the few bytes between two NULs of
     * a compressed stream read with -z. */
    size_t controls = nuls;
    /* the bytes span_text stops at, but NUL, counted above: text runs
     * through at a vector a step, once per document */
    const unsigned char *u = (const unsigned char *)b;
    for (size_t i = span_text(u, lim); i < lim; i += 1 + span_text(u + i + 1, lim - i - 1))
        controls += u[i] != 0;
    if (controls > 0 && controls * 16 >= lim) {
        out->kind = SNIFF_BINARY;
        out->what = "binary data";
        out->advice = "unboil reads HTML or text";
        return;
    }
    size_t i = 0;
    if (bn >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    for (;;) {
        while (i < bn && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || b[i] == '\f'))
            i++;
        if (i + 4 <= bn && memcmp(b + i, "<!--", 4) == 0) {
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= bn; j++)
                if (memcmp(b + j, "-->", 3) == 0) {
                    e = b + j;
                    break;
                }
            if (!e) {     /* a comment running past what we looked at */
                out->kind = SNIFF_HTML;
                return;
            }
            i = (size_t)(e - b) + 3;
            continue;
        }
        break;
    }
    if (!at_end && bn - i < SNIFF_BYTES) {
        /* a page may open with more white space than SNIFF_BYTES */
        out->kind = SNIFF_MORE;
        return;
    }
    size_t look = bn - i < SNIFF_BYTES ? bn - i : SNIFF_BYTES;
    if (i + 1 < bn && b[i] == '<' &&
        ((ascii_lower(b[i + 1]) >= 'a' && ascii_lower(b[i + 1]) <= 'z') ||
         b[i + 1] == '!' || b[i + 1] == '?'))
        out->kind = SNIFF_HTML;
    else if (html_line(b + i, look))
        out->kind = SNIFF_HTML;
    else if (out->skip > 0 && !out->http_text && bn == 0)
        out->kind = SNIFF_HTML;
    else
        out->kind = SNIFF_TEXT;
}

/* The byte order of UTF-16, 'L' or 'B', from a BOM (*bom its length), else
 * from the charset the user (-e) or the HTTP header declares; 0 if not
 * UTF-16. */
static int utf16_order(const char *b, size_t bn, const char *declared, const char *http,
                       size_t *bom)
{
    *bom = 2;
    if (bn >= 2 && b[0] == '\xff' && b[1] == '\xfe')
        return 'L';
    if (bn >= 2 && b[0] == '\xfe' && b[1] == '\xff')
        return 'B';
    *bom = 0;
    if (bn >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
        return 0;   /* a UTF-8 BOM outranks what is declared */
    const char *label = declared ? declared : http[0] ? http : NULL;
    char name[ENCODING_NAME_MAX];
    if (!label || !encoding_canonical(label, strlen(label), name))
        return 0;
    return strcmp(name, "UTF-16LE") == 0 ? 'L' : strcmp(name, "UTF-16BE") == 0 ? 'B' : 0;
}

/* An HTTP header's UTF-16 over bytes b[0..bn) without a NUL is a server's
 * slip: UTF-16's markup, spaces and newlines have one every other byte.
 * It goes, as a <meta>'s UTF-16 does (encoding.c), and the page's own
 * bytes decide. */
static void drop_http_utf16_slip(const char *b, size_t bn, sniff_result *out)
{
    char name[ENCODING_NAME_MAX];
    if (out->charset[0] && encoding_canonical(out->charset, strlen(out->charset), name) &&
        strncmp(name, "UTF-16", 6) == 0 && !memchr(b, 0, bn < SNIFF_BYTES ? bn : SNIFF_BYTES))
        out->charset[0] = 0;
}

/* b[0..bn) in UTF-16 of that order, after a BOM of `bom` bytes, judged on
 * its ASCII as 8-bit text is: each code unit that is ASCII as that byte,
 * any other as a letter. */
static void judge_utf16(const char *b, size_t bn, int order, size_t bom, sniff_result *out)
{
    char view[SNIFF_BYTES / 2];
    size_t vn = 0;
    for (size_t i = bom; i + 1 < bn && vn < sizeof view; i += 2) {
        unsigned char lo = (unsigned char)b[i + (order == 'B')];
        unsigned char hi = (unsigned char)b[i + (order == 'L')];
        view[vn++] = hi == 0 && lo < 0x80 ? (char)lo : 'x';
    }
    judge(view, vn, 1, out);
}

void sniff(const char *s, size_t n, int at_end, const char *declared, sniff_result *out)
{
    memset(out, 0, sizeof *out);
    if (n < 8 && !at_end) {
        out->kind = SNIFF_MORE;
        return;
    }
    if (starts_nocase(s, n, "http/")) {
        int h = http_headers(s, n, at_end, out);
        if (h == 0) {
            out->kind = SNIFF_MORE;
            return;
        }
        if (h < 0)
            out->skip = 0;
    }
    const char *b = s + out->skip;
    size_t bn = n - out->skip;
    /* after curl -i's headers too: a body sent compressed */
    for (size_t i = 0; i < sizeof magics / sizeof *magics; i++) {
        if (bn >= magics[i].len && memcmp(b, magics[i].bytes, magics[i].len) == 0) {
            out->kind = SNIFF_BINARY;
            out->what = magics[i].what;
            out->advice = magics[i].advice;
            return;
        }
    }
    if (bn < SNIFF_BYTES && !at_end) {
        out->kind = SNIFF_MORE;
        return;
    }
    drop_http_utf16_slip(b, bn, out);
    size_t bom;
    int order = utf16_order(b, bn, declared, out->charset, &bom);
    if (order)
        judge_utf16(b, bn, order, bom, out);
    else
        judge(b, bn, at_end, out);
}
