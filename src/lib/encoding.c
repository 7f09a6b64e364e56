/* encoding.c - charset sniffing and decoding to UTF-8 (see encoding.h).
 *
 * UTF-8, windows-1252 and UTF-16 are decoded here: they are nearly all the
 * web and must be fast.  Everything else goes through iconv(3).  Labels are
 * mapped as browsers map them (WHATWG Encoding), because that is what page
 * authors tested against: "iso-8859-1" is really windows-1252, "gb2312" is
 * really GBK, "shift_jis" is really windows-31j.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "span.h"
#include "utf8.h"

#ifdef HAVE_UCHARDET
#include <uchardet/uchardet.h>
#endif

/* ---- labels ------------------------------------------------------------ */

static const struct {
    const char *label;
    const char *name;
} encoding_aliases[] = {
    {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"}, {"unicode20utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"}, {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
    {"latin1", "windows-1252"}, {"latin-1", "windows-1252"},
    {"l1", "windows-1252"}, {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
    {"cp819", "windows-1252"}, {"ibm819", "windows-1252"},
    {"iso-ir-100", "windows-1252"}, {"csisolatin1", "windows-1252"},
    {"x-user-defined", "windows-1252"},
    {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"unicode", "UTF-16LE"},
    {"ucs-2", "UTF-16LE"}, {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"}, {"unicodefeff", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"}, {"unicodefffe", "UTF-16BE"},
    {"iso-8859-9", "WINDOWS-1254"}, {"iso8859-9", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"}, {"l5", "WINDOWS-1254"},
    {"iso-8859-11", "CP874"}, {"tis-620", "CP874"}, {"windows-874", "CP874"},
    {"dos-874", "CP874"},
    {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"},
    {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"}, {"cp936", "GB18030"},
    {"iso-ir-58", "GB18030"}, {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"},
    {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
    {"ms_kanji", "CP932"}, {"x-sjis", "CP932"}, {"windows-31j", "CP932"},
    {"csshiftjis", "CP932"}, {"ms932", "CP932"},
    {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
    {"windows-949", "CP949"}, {"csksc56011987", "CP949"},
    {"korean", "CP949"}, {"ksc5601", "CP949"}, {"ksc_5601", "CP949"},
    {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"}, {"csiso2022jp", "ISO-2022-JP"},
    {"koi8-r", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi", "KOI8-R"},
    {"cskoi8r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"koi8-ru", "KOI8-U"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-ukrainian", "MAC-CYRILLIC"},
    {"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"},
    {"x-mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"iso-8859-8-e", "ISO-8859-8"},
    {"csiso88598i", "ISO-8859-8"}, {"logical", "ISO-8859-8"},
    {"ibm866", "IBM866"}, {"866", "IBM866"}, {"cp866", "IBM866"},
    {"csibm866", "IBM866"},
};

/* Browsers refuse these (script injection through UTF-7, or no sane
 * decoding); a page naming one gets the guess instead. */
static const char *const encoding_refused[] = {
    "utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "iso-2022-kr",
    "iso-2022-cn", "iso-2022-cn-ext", "hz-gb-2312", "replacement",
};

static int encoding_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static unsigned char encoding_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

int encoding_canonical(const char *label, size_t len,
                       char out[ENCODING_NAME_MAX])
{
    char norm[ENCODING_NAME_MAX];
    size_t n = 0;

    out[0] = '\0';
    if (label == NULL)
        return 0;
    while (len > 0 && (encoding_ascii_space((unsigned char)label[0]) ||
                       label[0] == '"' || label[0] == '\'')) {
        label++;
        len--;
    }
    while (len > 0 && (encoding_ascii_space((unsigned char)label[len - 1]) ||
                       label[len - 1] == '"' || label[len - 1] == '\''))
        len--;
    if (len == 0 || len >= sizeof norm)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = encoding_lower((unsigned char)label[i]);
        /* no '/': glibc would read "//TRANSLIT" and the like as options */
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == ':'))
            return 0;
        norm[n++] = (char)c;
    }
    norm[n] = '\0';

    for (size_t i = 0; i < sizeof encoding_refused / sizeof *encoding_refused;
         i++)
        if (strcmp(norm, encoding_refused[i]) == 0)
            return 0;
    for (size_t i = 0; i < sizeof encoding_aliases / sizeof *encoding_aliases;
         i++) {
        if (strcmp(norm, encoding_aliases[i].label) == 0) {
            strcpy(out, encoding_aliases[i].name);
            return 1;
        }
    }
    /* UTF-32 and friends would need a BOM we did not see; browsers do not
     * support them at all. */
    if (strncmp(norm, "utf-32", 6) == 0 || strncmp(norm, "ucs-4", 5) == 0 ||
        strncmp(norm, "utf32", 5) == 0)
        return 0;

    iconv_t cd = iconv_open("UTF-8", norm);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)((norm[i] >= 'a' && norm[i] <= 'z') ? norm[i] - 32
                                                            : norm[i]);
    return 1;
}

/* ---- UTF-8 validation -------------------------------------------------- */

enum { SEQ_VALID, SEQ_INVALID, SEQ_INCOMPLETE };

/* Checks the sequence starting at p[0] (a byte >= 0x80) the way the WHATWG
 * decoder does: *used is the length of the valid sequence, or of the
 * maximal invalid subpart that one U+FFFD replaces. */
static int encoding_utf8_seq(const unsigned char *p, size_t n, size_t *used)
{
    unsigned char c = p[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;

    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *used = 1;
        return SEQ_INVALID;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= n) {
            *used = i;
            return SEQ_INCOMPLETE;
        }
        if (p[i] < lo || p[i] > hi) {
            *used = i;
            return SEQ_INVALID;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    *used = need;
    return SEQ_VALID;
}

void encoding_utf8_stats(const char *s, size_t len, size_t *multibyte,
                         size_t *invalid)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t mb = 0, bad = 0, i = 0;

    while (i < len) {
        if (p[i] < 0x80) {
            /* most bytes: ASCII, skipped a vector at a time */
            i += span_ascii(p + i, len - i);
            continue;
        }
        /* the commonest sequences, two and three bytes with no special
         * range, inline */
        if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            mb++;
            i += 2;
            continue;
        }
        if (p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && i + 2 < len &&
            (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            mb++;
            i += 3;
            continue;
        }
        size_t used;
        int st = encoding_utf8_seq(p + i, len - i, &used);
        if (st == SEQ_INCOMPLETE)
            break;
        if (st == SEQ_VALID)
            mb++;
        else
            bad++;
        i += used;
    }
    *multibyte = mb;
    *invalid = bad;
}

/* ---- <meta> prescan ------------------------------------------------------ */

static int encoding_starts_ci(const unsigned char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (encoding_lower(p[i]) != (unsigned char)lit[i])
            return 0;
    return 1;
}

/* One attribute of a tag, as the WHATWG prescan's "get an attribute"
 * reads it.  Returns 0 at the end of the tag (or of the input). */
static int encoding_get_attr(const unsigned char *p, size_t n, size_t *pos,
                             const unsigned char **name, size_t *name_len,
                             const unsigned char **val, size_t *val_len)
{
    size_t i = *pos;

    while (i < n && (encoding_ascii_space(p[i]) || p[i] == '/'))
        i++;
    if (i >= n || p[i] == '>') {
        *pos = i;
        return 0;
    }
    *name = p + i;
    while (i < n && !encoding_ascii_space(p[i]) && p[i] != '/' &&
           p[i] != '>' && !(p[i] == '=' && p + i > *name))
        i++;
    *name_len = (size_t)(p + i - *name);
    *val = p + i;
    *val_len = 0;
    while (i < n && encoding_ascii_space(p[i]))
        i++;
    if (i >= n || p[i] != '=') {
        *pos = i;
        return 1;
    }
    i++;
    while (i < n && encoding_ascii_space(p[i]))
        i++;
    if (i < n && (p[i] == '"' || p[i] == '\'')) {
        unsigned char q = p[i++];
        *val = p + i;
        const unsigned char *e = i < n ? memchr(p + i, q, n - i) : NULL;
        i = e != NULL ? (size_t)(e - p) : n;
        *val_len = (size_t)(p + i - *val);
        if (i < n)
            i++;
    } else {
        *val = p + i;
        while (i < n && !encoding_ascii_space(p[i]) && p[i] != '>')
            i++;
        *val_len = (size_t)(p + i - *val);
    }
    *pos = i;
    return 1;
}

static int encoding_eq_ci(const unsigned char *p, size_t n, const char *lit)
{
    return strlen(lit) == n && encoding_starts_ci(p, n, lit);
}

/* "text/html; charset=windows-1252" -> "windows-1252" */
static int encoding_from_content(const unsigned char *p, size_t n,
                                 const unsigned char **lab, size_t *lab_len)
{
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!encoding_starts_ci(p + i, n - i, "charset"))
            continue;
        size_t j = i + 7;
        while (j < n && encoding_ascii_space(p[j]))
            j++;
        if (j >= n || p[j] != '=')
            continue;
        j++;
        while (j < n && encoding_ascii_space(p[j]))
            j++;
        if (j < n && (p[j] == '"' || p[j] == '\'')) {
            unsigned char q = p[j++];
            size_t k = j;
            while (k < n && p[k] != q)
                k++;
            *lab = p + j;
            *lab_len = k - j;
        } else {
            size_t k = j;
            while (k < n && !encoding_ascii_space(p[k]) && p[k] != ';')
                k++;
            *lab = p + j;
            *lab_len = k - j;
        }
        return *lab_len > 0;
    }
    return 0;
}

size_t encoding_prescan_meta(const char *head, size_t len, char *out,
                             size_t outsz)
{
    const unsigned char *p = (const unsigned char *)head;
    size_t i = 0;

    if (outsz > 0)
        out[0] = '\0';
    while (i < len) {
        if (p[i] != '<') {
            const void *lt = memchr(p + i, '<', len - i);
            if (lt == NULL)
                break;
            i = (size_t)((const unsigned char *)lt - p);
            continue;
        }
        /* "<!--", "<meta", "<body" and "</head" by the byte after '<':
         * most tags of a head are none of them */
        unsigned char next = i + 1 < len ? (unsigned char)(p[i + 1] | 0x20) : 0;
        int marked = next == '!' || next == '/' || next == 'm' || next == 'b';
        if (marked && encoding_starts_ci(p + i, len - i, "<!--")) {
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(p + j, "-->", 3) != 0)
                j++;
            if (j + 3 > len)
                break;
            i = j + 3;
            continue;
        }
        if (marked && encoding_starts_ci(p + i, len - i, "<meta") && i + 5 < len &&
            (encoding_ascii_space(p[i + 5]) || p[i + 5] == '/')) {
            size_t pos = i + 5;
            const unsigned char *name, *val, *lab = NULL, *content = NULL;
            size_t name_len, val_len, lab_len = 0, content_len = 0;
            int http_ct = 0;

            while (encoding_get_attr(p, len, &pos, &name, &name_len, &val,
                                     &val_len)) {
                if (encoding_eq_ci(name, name_len, "charset") && lab == NULL) {
                    lab = val;
                    lab_len = val_len;
                } else if (encoding_eq_ci(name, name_len, "http-equiv")) {
                    http_ct = encoding_eq_ci(val, val_len, "content-type");
                } else if (encoding_eq_ci(name, name_len, "content") &&
                           content == NULL) {
                    content = val;
                    content_len = val_len;
                }
            }
            if (lab == NULL && http_ct && content != NULL)
                encoding_from_content(content, content_len, &lab, &lab_len);
            if (lab != NULL && lab_len > 0 && outsz > 0) {
                size_t k = lab_len < outsz - 1 ? lab_len : outsz - 1;
                memcpy(out, lab, k);
                out[k] = '\0';
                return k;
            }
            i = pos;
            continue;
        }
        if (marked && (encoding_starts_ci(p + i, len - i, "<body") ||
                       encoding_starts_ci(p + i, len - i, "</head")))
            break;
        if (i + 1 < len && ((p[i + 1] >= 'a' && p[i + 1] <= 'z') ||
                            (p[i + 1] >= 'A' && p[i + 1] <= 'Z') ||
                            (p[i + 1] == '/' && i + 2 < len &&
                             ((p[i + 2] | 0x20) >= 'a' &&
                              (p[i + 2] | 0x20) <= 'z')))) {
            /* a tag: step over its attributes, whose values may hold '>' */
            size_t pos = i + 1;
            const unsigned char *name, *val;
            size_t name_len, val_len;
            while (pos < len && !encoding_ascii_space(p[pos]) && p[pos] != '>')
                pos++;
            while (encoding_get_attr(p, len, &pos, &name, &name_len, &val,
                                     &val_len))
                ;
            i = pos < len ? pos + 1 : len;
            continue;
        }
        if (i + 1 < len && (p[i + 1] == '!' || p[i + 1] == '/' ||
                            p[i + 1] == '?')) {
            const void *gt = memchr(p + i, '>', len - i);
            if (gt == NULL)
                break;
            i = (size_t)((const unsigned char *)gt - p) + 1;
            continue;
        }
        i++;
    }
    return 0;
}

/* ---- the decision -------------------------------------------------------- */

/* Bytes that are not UTF-8 the detector wants before its answer counts. */
#define ENCODING_DETECT_MIN 16

/* The charset libuchardet reads in p[0..n), canonical, or 0 when it has no
 * opinion this machine can decode.  UTF-16 and UTF-32 are refused: without
 * a BOM no browser reads a page so, and a byte-oriented guess of them is
 * noise. */
static int encoding_detector(const char *p, size_t n, char out[ENCODING_NAME_MAX])
{
#ifdef HAVE_UCHARDET
    uchardet_t ud = uchardet_new();
    if (ud == NULL)
        return 0;
    int ok = uchardet_handle_data(ud, p, n) == 0;
    uchardet_data_end(ud);
    const char *name = ok ? uchardet_get_charset(ud) : NULL;
    ok = name != NULL && name[0] != '\0' &&
         encoding_canonical(name, strlen(name), out) &&
         strncmp(out, "UTF-16", 6) != 0 && strcmp(out, "UTF-8") != 0;
    uchardet_delete(ud);
    return ok;
#else
    (void)p;
    (void)n;
    (void)out;
    return 0;
#endif
}

/* A byte above ASCII that is not 0xA0, the no-break space of most legacy
 * charsets (runs of it are layout, not words). */
static int encoding_high(unsigned char c)
{
    return c >= 0x80 && c != 0xA0;
}

/* Whether most such bytes in p[0..n) have one as a neighbour. */
static int encoding_high_runs(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t high = 0, paired = 0;
    for (size_t i = 0; i < n; i++) {
        i += span_ascii(p + i, n - i);   /* ASCII is never high: a span at a time */
        if (i == n)
            break;
        if (!encoding_high(p[i]))
            continue;
        high++;
        paired += (i > 0 && encoding_high(p[i - 1])) ||
                  (i + 1 < n && encoding_high(p[i + 1]));
    }
    return 2 * paired >= high;
}

int encoding_have_detector(void)
{
#ifdef HAVE_UCHARDET
    return 1;
#else
    return 0;
#endif
}

/* encoding_guess, with the counts of encoding_utf8_stats on p[0..len)
 * already taken. */
static encoding_source encoding_guess_counted(const char *p, size_t len, size_t multibyte,
                                              size_t invalid, char out[ENCODING_NAME_MAX])
{
    /* a few stray bytes in a UTF-8 page are slips, not another charset */
    if (invalid <= multibyte) {
        strcpy(out, "UTF-8");
        return ENCODING_FROM_GUESS;
    }
    /* On a handful of accented letters the detector's statistics are
     * noise ("café" reads as ISO-8859-2), and on English with curly quotes
     * it answers Mac or Greek charsets.  Scripts other than Latin write
     * words as runs of bytes above ASCII (and CJK charsets write every
     * character so); Latin text in a legacy charset has them alone, one
     * accent or quote between ASCII letters, and windows-1252 reads that
     * best. */
    if (invalid >= ENCODING_DETECT_MIN && encoding_high_runs(p, len) &&
        encoding_detector(p, len, out))
        return ENCODING_FROM_DETECTOR;
    strcpy(out, "windows-1252");
    return ENCODING_FROM_GUESS;
}

encoding_source encoding_guess(const char *p, size_t len,
                               char out[ENCODING_NAME_MAX])
{
    size_t multibyte, invalid;
    encoding_utf8_stats(p, len, &multibyte, &invalid);
    return encoding_guess_counted(p, len, multibyte, invalid, out);
}

size_t encoding_bom(const char *head, size_t len, const char **name)
{
    const unsigned char *p = (const unsigned char *)head;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *name = "UTF-8";
        return 3;
    }
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        *name = p[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        return 2;
    }
    *name = NULL;
    return 0;
}

void encoding_detect(const char *head, size_t len, const char *override,
                     const char *http_charset, int html, encoding_choice *out)
{
    const char *bom_name;
    size_t bom = encoding_bom(head, len, &bom_name);

    /* The HTML standard's order: BOM, the user's override, the transport
     * layer (an HTTP header), the page's <meta>, then a guess. */
    out->skip = 0;
    out->tentative = 0;
    if (bom_name != NULL) {
        strcpy(out->name, bom_name);
        out->skip = bom;
        out->source = ENCODING_FROM_BOM;
        return;
    }
    if (override != NULL) {
        strncpy(out->name, override, ENCODING_NAME_MAX - 1);
        out->name[ENCODING_NAME_MAX - 1] = '\0';
        out->source = ENCODING_FROM_OVERRIDE;
        return;
    }

    char label[64];
    char declared[ENCODING_NAME_MAX];
    encoding_source source = ENCODING_FROM_GUESS;
    size_t lab_len;

    declared[0] = '\0';
    if (http_charset != NULL &&
        encoding_canonical(http_charset, strlen(http_charset), declared)) {
        source = ENCODING_FROM_HTTP;
    } else if (html &&
               (lab_len = encoding_prescan_meta(head, len, label, sizeof label)) > 0 &&
               encoding_canonical(label, lab_len, declared)) {
        /* A <meta> was read as ASCII, so the page cannot be UTF-16. */
        if (strncmp(declared, "UTF-16", 6) == 0)
            strcpy(declared, "UTF-8");
        source = ENCODING_FROM_META;
    } else {
        declared[0] = '\0';
    }

    size_t multibyte, invalid;
    encoding_utf8_stats(head, len, &multibyte, &invalid);
    if (declared[0] != '\0') {
        int legacy = strcmp(declared, "UTF-8") != 0 &&
                     strncmp(declared, "UTF-16", 6) != 0;
        if (legacy && multibyte > 0 && invalid == 0) {
            strcpy(out->name, "UTF-8");
            out->source = ENCODING_FROM_GUESS;
        } else {
            strcpy(out->name, declared);
            out->source = source;
        }
        return;
    }
    out->source = encoding_guess_counted(head, len, multibyte, invalid, out->name);
    /* nothing but ASCII: any ASCII-compatible charset reads it alike, and
     * what follows decides */
    out->tentative = multibyte == 0 && invalid == 0;
}

size_t encoding_ascii_prefix(const char *s, size_t len)
{
    return span_ascii((const unsigned char *)s, len);
}

/* ---- decoders ------------------------------------------------------------ */

enum decoder_kind { KIND_UTF8, KIND_1252, KIND_UTF16LE, KIND_UTF16BE,
                    KIND_ICONV };

#define TAIL_MAX 16

struct encoding_decoder {
    const mem *m;
    enum decoder_kind kind;
    iconv_t cd;
    unsigned char tail[TAIL_MAX];
    size_t tail_len;
};

/* windows-1252 0x80-0x9F; the five holes map to C1 controls, as browsers
 * do. */
static const uint16_t encoding_cp1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

#define FFFD_LEN 3
static const char encoding_fffd[FFFD_LEN] = {'\xEF', '\xBF', '\xBD'};

encoding_decoder *encoding_decoder_new(const mem *m, const char *name, int *unknown)
{
    *unknown = 0;
    encoding_decoder *d = mem_calloc(m, 1, sizeof *d);
    if (d == NULL)
        return NULL;
    d->m = m;
    d->cd = (iconv_t)-1;
    if (strcmp(name, "UTF-8") == 0) {
        d->kind = KIND_UTF8;
    } else if (strcmp(name, "windows-1252") == 0) {
        d->kind = KIND_1252;
    } else if (strcmp(name, "UTF-16LE") == 0) {
        d->kind = KIND_UTF16LE;
    } else if (strcmp(name, "UTF-16BE") == 0) {
        d->kind = KIND_UTF16BE;
    } else {
        d->kind = KIND_ICONV;
        d->cd = iconv_open("UTF-8", name);
        if (d->cd == (iconv_t)-1) {
            *unknown = errno != ENOMEM;
            mem_free(m, d);
            return NULL;
        }
    }
    return d;
}

void encoding_decoder_free(encoding_decoder *d)
{
    if (d == NULL)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    mem_free(d->m, d);
}

/* Decodes the first character (or invalid unit) of p[0..n); returns the
 * bytes written to out (room >= ENCODING_MIN_OUT), sets *used, or returns
 * (size_t)-1 when p holds only the start of a character. */
static size_t encoding_one(encoding_decoder *d, const unsigned char *p,
                           size_t n, size_t *used, char *out)
{
    switch (d->kind) {
    case KIND_UTF8: {
        if (p[0] < 0x80) {
            *used = 1;
            if (p[0] == 0)
                return 0;
            out[0] = (char)p[0];
            return 1;
        }
        int st = encoding_utf8_seq(p, n, used);
        if (st == SEQ_INCOMPLETE)
            return (size_t)-1;
        if (st == SEQ_INVALID) {
            memcpy(out, encoding_fffd, FFFD_LEN);
            return FFFD_LEN;
        }
        memcpy(out, p, *used);
        return *used;
    }
    case KIND_1252:
        *used = 1;
        if (p[0] == 0)
            return 0;
        if (p[0] >= 0x80 && p[0] < 0xA0)
            return utf8_encode(encoding_cp1252[p[0] - 0x80], out);
        return utf8_encode(p[0], out);
    case KIND_UTF16LE:
    case KIND_UTF16BE: {
        int le = d->kind == KIND_UTF16LE;
        if (n < 2)
            return (size_t)-1;
        uint32_t u = le ? (uint32_t)(p[0] | (p[1] << 8))
                        : (uint32_t)((p[0] << 8) | p[1]);
        *used = 2;
        if (u == 0)
            return 0;
        if (u >= 0xDC00 && u <= 0xDFFF) {
            memcpy(out, encoding_fffd, FFFD_LEN);
            return FFFD_LEN;
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (n < 4)
                return (size_t)-1;
            uint32_t v = le ? (uint32_t)(p[2] | (p[3] << 8))
                            : (uint32_t)((p[2] << 8) | p[3]);
            if (v < 0xDC00 || v > 0xDFFF) {
                memcpy(out, encoding_fffd, FFFD_LEN);
                return FFFD_LEN;
            }
            *used = 4;
            return utf8_encode(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), out);
        }
        return utf8_encode(u, out);
    }
    case KIND_ICONV: {
        char *ip = (char *)p, *op = out;
        size_t il = n, ol = ENCODING_MIN_OUT;
        size_t r = iconv(d->cd, &ip, &il, &op, &ol);
        size_t w = (size_t)(op - out);
        *used = n - il;
        if (r == (size_t)-1 && *used == 0 && w == 0) {
            if (errno == EINVAL)
                return (size_t)-1;
            memcpy(out, encoding_fffd, FFFD_LEN);
            *used = 1;
            return FFFD_LEN;
        }
        return w;
    }
    }
    return 0;
}

/* glibc passes NUL through; libxml2 would read it as the end of its
 * buffer in places, so it goes. */
static size_t encoding_drop_nul(char *out, size_t n)
{
    char *z = memchr(out, '\0', n);
    if (z == NULL)
        return n;
    size_t w = (size_t)(z - out);
    for (size_t i = w + 1; i < n; i++)
        if (out[i] != '\0')
            out[w++] = out[i];
    return w;
}

/* iconv on the caller's buffers for the bulk of the input. */
static size_t encoding_iconv_bulk(encoding_decoder *d, const unsigned char **in,
                                  size_t *inlen, char *out, size_t outcap)
{
    size_t o = 0;
    while (*inlen > 0 && outcap - o >= ENCODING_MIN_OUT) {
        char *ip = (char *)*in, *op = out + o;
        size_t il = *inlen, ol = outcap - o;
        size_t r = iconv(d->cd, &ip, &il, &op, &ol);
        int err = r == (size_t)-1 ? errno : 0;
        size_t w = encoding_drop_nul(out + o, (size_t)(op - (out + o)));
        o += w;
        *in = (const unsigned char *)ip;
        *inlen = il;
        if (err == E2BIG || err == 0)
            continue;
        if (err == EINVAL && *inlen < TAIL_MAX) {
            memcpy(d->tail, *in, *inlen);
            d->tail_len = *inlen;
            *in += *inlen;
            *inlen = 0;
            break;
        }
        /* EILSEQ, or an "incomplete" run too long to be one character */
        if (outcap - o >= FFFD_LEN) {
            memcpy(out + o, encoding_fffd, FFFD_LEN);
            o += FFFD_LEN;
            (*in)++;
            (*inlen)--;
        }
    }
    return o;
}

size_t encoding_decode(encoding_decoder *d, const char **inp, size_t *inlen,
                       char *out, size_t outcap, int final)
{
    const unsigned char *in = (const unsigned char *)*inp;
    size_t n = *inlen, o = 0;

    /* Finish a character cut by the previous chunk first. */
    while (d->tail_len > 0 && outcap - o >= ENCODING_MIN_OUT) {
        unsigned char tmp[TAIL_MAX];
        size_t take = n < TAIL_MAX - d->tail_len ? n : TAIL_MAX - d->tail_len;
        size_t used;
        memcpy(tmp, d->tail, d->tail_len);
        if (take > 0)
            memcpy(tmp + d->tail_len, in, take);
        size_t w = encoding_one(d, tmp, d->tail_len + take, &used, out + o);
        if (w == (size_t)-1) {
            if (take < n || (d->tail_len + take == TAIL_MAX)) {
                /* cannot happen for a real charset: give up on it */
                memcpy(out + o, encoding_fffd, FFFD_LEN);
                o += FFFD_LEN;
                d->tail_len = 0;
                break;
            }
            if (!final) {
                if (take > 0)
                    memcpy(d->tail + d->tail_len, in, take);
                d->tail_len += take;
                in += take;
                n -= take;
                break;
            }
            memcpy(out + o, encoding_fffd, FFFD_LEN);
            o += FFFD_LEN;
            in += take;
            n -= take;
            d->tail_len = 0;
            break;
        }
        o += d->kind == KIND_ICONV ? encoding_drop_nul(out + o, w) : w;
        if (used >= d->tail_len) {
            in += used - d->tail_len;
            n -= used - d->tail_len;
            d->tail_len = 0;
        } else {
            memmove(d->tail, d->tail + used, d->tail_len - used);
            d->tail_len -= used;
        }
    }

    if (d->tail_len == 0 && d->kind == KIND_ICONV) {
        o += encoding_iconv_bulk(d, &in, &n, out + o, outcap - o);
    } else if (d->tail_len == 0) {
        while (n > 0 && outcap - o >= ENCODING_MIN_OUT) {
            /* plain ASCII but NUL, a vector at a time */
            if (d->kind != KIND_UTF16LE && d->kind != KIND_UTF16BE) {
                size_t room = outcap - o;
                size_t a = span_copy_ascii(in, n < room ? n : room, (unsigned char *)out + o);
                o += a;
                in += a;
                n -= a;
                if (n == 0 || outcap - o < ENCODING_MIN_OUT)
                    break;
            }
            /* the commonest UTF-8 sequences, two and three bytes with no
             * special range, as they are (encoding_utf8_seq's answer) */
            if (d->kind == KIND_UTF8 && in[0] >= 0xC2 && in[0] <= 0xDF && n >= 2 &&
                (in[1] & 0xC0) == 0x80) {
                memcpy(out + o, in, 2);
                o += 2;
                in += 2;
                n -= 2;
                continue;
            }
            if (d->kind == KIND_UTF8 && in[0] >= 0xE1 && in[0] <= 0xEF && in[0] != 0xED &&
                n >= 3 && (in[1] & 0xC0) == 0x80 && (in[2] & 0xC0) == 0x80) {
                memcpy(out + o, in, 3);
                o += 3;
                in += 3;
                n -= 3;
                continue;
            }
            size_t used;
            size_t w = encoding_one(d, in, n, &used, out + o);
            if (w == (size_t)-1) {
                memcpy(d->tail, in, n);
                d->tail_len = n;
                in += n;
                n = 0;
                break;
            }
            o += w;
            in += used;
            n -= used;
        }
    }

    if (final && n == 0 && outcap - o >= ENCODING_MIN_OUT) {
        if (d->tail_len > 0) {
            memcpy(out + o, encoding_fffd, FFFD_LEN);
            o += FFFD_LEN;
            d->tail_len = 0;
        }
        if (d->kind == KIND_ICONV) {
            char *op = out + o;
            size_t ol = outcap - o;
            iconv(d->cd, NULL, NULL, &op, &ol);
            o += encoding_drop_nul(out + o, (size_t)(op - (out + o)));
        }
    }
    *inp = (const char *)in;
    *inlen = n;
    return o;
}
