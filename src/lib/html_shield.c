/* html_shield.c - bounds on what libxml2 is given (see html_shield.h). */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "html_shield.h"
#include "html_shield_names.h"
#include "span.h"

enum {
    SH_TEXT,
    SH_LT,        /* held "<" */
    SH_LT_SLASH,  /* held "</" */
    SH_NAME,      /* a tag's name, held until it ends */
    SH_STAG,      /* a start tag's attributes */
    SH_ETAG,      /* the rest of an end tag */
    SH_BANG,      /* after "<!" */
    SH_COMMENT,
    SH_DOCTYPE,
    SH_SUBSET,    /* a DOCTYPE's "[ ... ]", dropped */
    SH_RAW,       /* <script> or <style> content */
    SH_AMP,       /* held "&" */
    SH_AMP_HASH,  /* held "&#" */
    SH_AMP_HEX,   /* held "&#x" */
    SH_AMP_NAME   /* held "&" and letters or digits */
};

/* The named character references a browser reads without their ';' (the
 * HTML standard's "legacy" ones, HTML 3.2's Latin-1 set and four of
 * HTML 2), where libxml2 2.9.14 reads none: "&copy 2020" is "© 2020" in a
 * browser and was "&copy 2020" here.  The upper-case six, which libxml2
 * does not know with a ';' either, are written in lower case. */
static const char *const sh_legacy[] = {
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY",
    "Ccedil", "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc",
    "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde",
    "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
    "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml",
    "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg", "divide", "eacute",
    "ecirc", "egrave", "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute",
    "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
    "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm",
    "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo", "reg",
    "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute",
    "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
};

/* The names a browser reads whole with their ';' that begin with a
 * legacy one: "&notin;" is one reference, where "&notit;" is "&not" and
 * "it;".
 * The HTML standard's table of named references has 40, listed by
 *   python3 -c 'import html.entities as E; t = E.html5
 *   L = [k for k in t if k[-1] != ";"]
 *   print(sorted(k[:-1] for k in t if k[-1] == ";" and
 *                any(k.startswith(l) and k[:-1] != l for l in L)))'
 * libxml2 2.9.14 knows "notin" of them; the rest stay as they are. */
static const char *const sh_legacy_longer[] = {
    "centerdot", "copysr", "divideontimes", "gtcc", "gtcir", "gtdot", "gtlPar",
    "gtquest", "gtrapprox", "gtrarr", "gtrdot", "gtreqless", "gtreqqless", "gtrless",
    "gtrsim", "ltcc", "ltcir", "ltdot", "lthree", "ltimes", "ltlarr", "ltquest",
    "ltrPar", "ltri", "ltrie", "ltrif", "notin", "notinE", "notindot", "notinva",
    "notinvb", "notinvc", "notni", "notniva", "notnivb", "notnivc", "parallel",
    "timesb", "timesbar", "timesd",
};

/* Whether name[0..n) is one of table[0..count): sh_legacy,
 * sh_legacy_longer and sh_upper_legacy's names, asked by one look-up. */
static int sh_listed(const char *const *table, size_t count, const char *name, size_t n)
{
    for (size_t k = 0; n > 0 && k < count; k++)   /* no listed name is empty */
        if (table[k][0] == name[0] && strlen(table[k]) == n && memcmp(name, table[k], n) == 0)
            return 1;
    return 0;
}
#define SH_LISTED(table, name, n) sh_listed(table, sizeof(table) / sizeof *(table), name, n)

/* Letters and digits of a reference's name held before it is decided:
 * past the longest of sh_legacy_longer ("divideontimes", 13) a ';' after
 * it cannot make the name one a browser reads whole (nor one libxml2
 * knows: "thetasym", 8), so it is decided there. */
#define SH_AMP_NAME_MAX 13

/* s->lead once a piece ended in text's folding blanks (sh_text) */
#define SH_LEAD_FOLD 3

/* the longest name sh_refs holds */
#define SH_REF_NAME 6

static int sh_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sh_namechar(unsigned char c)
{
    return sh_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
           c == '_' || c == '.';
}

/* libxml2's blanks */
static int sh_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int sh_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Writes the text `lit` (no NUL) to out; returns its length. */
static size_t sh_put(char *out, const char *lit)
{
    size_t n = 0;
    for (; lit[n] != '\0'; n++)
        out[n] = lit[n];
    return n;
}

void html_shield_init(html_shield *s)
{
    memset(s, 0, sizeof *s);
    s->state = SH_TEXT;
    shield_attrs_init(&s->sa);
}

void html_shield_leave_attrs(html_shield *s)
{
    s->leave_attrs = 1;
}

void html_shield_set_mode(html_shield *s, unsigned mode)
{
    s->sa.mode = mode;
}

void html_shield_queue_texts(html_shield *s, buf *q, const mem *m)
{
    s->texts = q;
    s->texts_mem = m;
}

void html_shield_queue_at(html_shield *s, unsigned long long fed)
{
    s->fed = fed;
}

void html_shield_sync(html_shield *s, size_t depth)
{
    s->depth = depth;
    if (depth > 0)
        s->begun = 1;
}

/* The tag's name is known: keep it or drop it, and write what was held. */
static size_t sh_decide(html_shield *s, char *out)
{
    size_t o = 0;
    s->kind = html_shield_name_kind(s->name, s->name_len);
    if (!s->end_tag && (s->kind & SK_PRE))
        s->pre_seen = 1;
    if (s->in_title && !(s->kind & SK_TITLE)) {
        o = sh_put(out, "</title>");
        if (s->depth > 0)
            s->depth--;
    }
    if (s->kind & SK_TITLE || o > 0)
        s->in_title = 0;
    if (s->end_tag) {
        /* no element can be open: libxml2 would search its whole stack for
         * nothing; head and body it handles apart.  An end tag that leaves
         * libxml2's stack empty (any before the first element, </html>
         * when only html is open) makes its push parser take the rest of
         * the page for trailing junk; a browser ignores those and reads on,
         * and html is closed at the end of the stream anyway. */
        s->keep = s->begun && !(s->kind & SK_HTML) &&
                  (s->depth > 0 || s->ends < HTML_SHIELD_STRAY ||
                   (s->kind & (SK_BODY | SK_HEAD)));
        s->ends++;
    } else {
        s->ends = 0;
        s->keep = s->depth < HTML_SHIELD_DEPTH || (s->kind & SK_VOID) ||
                  (s->depth < 2 * HTML_SHIELD_DEPTH && (s->kind & SK_HIDING));
    }
    s->as_hr = 0;
    if (s->keep) {
        s->begun |= !s->end_tag;
        memcpy(out + o, s->held, s->held_len);
        o += s->held_len;
    } else {
        s->dropped++;
        if (!s->end_tag && (s->kind & SK_BLOCK)) {
            o += sh_put(out + o, "<hr");
            s->as_hr = 1;
        }
    }
    s->held_len = 0;
    return o;
}

/* A start tag ends (its '>' written or not): count what it opened. */
static void sh_tag_done(html_shield *s)
{
    if (!s->keep)
        return;
    if (s->end_tag) {
        if (s->depth > 0)
            s->depth--;
        return;
    }
    /* "<html/>" would empty libxml2's stack as above; a browser ignores
     * the slash on any element that is not void */
    if ((s->slash && !(s->kind & SK_HTML)) || (s->kind & SK_VOID))
        return;
    s->depth++;
    s->in_title = (s->kind & SK_TITLE) != 0;
    if (s->kind & (SK_SCRIPT | SK_STYLE)) {
        s->raw = 1;
        s->marks = 0;
    }
}

/* The index of the first byte c in p[from..n), or n. */
static size_t sh_find(const unsigned char *p, size_t from, size_t n, unsigned char c)
{
    const unsigned char *q = from < n ? memchr(p + from, c, n - from) : NULL;
    return q ? (size_t)(q - p) : n;
}

static int sh_upper_legacy(const char *name, size_t n);
static int sh_alnum(unsigned char c);

/* the longest of sh_legacy: "frac12", "middot" ... */
#define SH_LEGACY_MAX 6

/* Writes the "&NAME" held in an attribute value, quoted or not, that
 * `next` ends (-1: the value's end) as a browser reads it there: a legacy name without its
 * ';' is a reference when neither '=' nor a letter or digit follows it
 * ("?a=1&amp" is "?a=1&", "?a=1&copy=2" stays), and the upper-case six
 * with theirs are written in lower case, as in text; anything else as it
 * is (libxml2 reads the references with their ';' it knows). */
static size_t sh_vref_put(html_shield *s, int next, char *out)
{
    const char *name = (const char *)s->vref + 1;
    size_t n = s->vref_len - 1, o = 0;
    /* most are "&amp;" and "&x=" in an address: looked up no further */
    int bare = next != '=' && next != ';' && SH_LISTED(sh_legacy, name, n);
    int lower = (bare || next == ';') && n > 0 && name[0] >= 'A' && name[0] <= 'Z' &&
                sh_upper_legacy(name, n);
    out[o++] = '&';
    for (size_t k = 0; k < n; k++)
        out[o++] = (char)(lower ? name[k] | 0x20 : name[k]);
    if (bare)
        out[o++] = ';';
    s->vref_len = 0;
    return o;
}

/* Writes p[0..n), bytes of a value the shield keeps (a quoted one's
 * quote not among them), holding an "&NAME" whose end is not in sight for the
 * next piece, so that any cutting gives the same. */
static size_t sh_value_put(html_shield *s, const unsigned char *p, size_t n, char *out)
{
    size_t o = 0, k = 0;
    while (k < n) {
        if (s->vref_len > 0) {
            if (sh_alnum(p[k]) && s->vref_len < 1 + SH_LEGACY_MAX + 1) {
                s->vref[s->vref_len++] = p[k++];
                continue;
            }
            o += sh_vref_put(s, p[k], out + o);
        }
        const unsigned char *a = memchr(p + k, '&', n - k);
        size_t e = a ? (size_t)(a - p) : n;
        memcpy(out + o, p + k, e - k);
        o += e - k;
        k = e;
        if (k < n) {
            s->vref[0] = '&';
            s->vref_len = 1;
            k++;
        }
    }
    return o;
}

/* The value ends (its quote, a blank or '>' after an unquoted one, the
 * tag cut, the input's end): what is held of it is written. */
static size_t sh_value_end(html_shield *s, char *out)
{
    return s->vref_len > 0 ? sh_vref_put(s, -1, out) : 0;
}

/* Writes c, a byte of a start tag kept, that sh_stag_byte has read: one
 * of an unquoted value as a quoted value's are (sh_value_put), any other
 * after what a value it ends held. */
static size_t sh_tag_put(html_shield *s, unsigned char c, char *out)
{
    if (s->uval)
        return sh_value_put(s, &c, 1, out);
    size_t o = sh_value_end(s, out);
    out[o++] = (char)c;
    return o;
}

/* A quoted value from p[*i] to its quote at p[j] (or the end of the
 * piece), `open` if the shield writes it: whether it is dropped.  A NUL
 * in it ends the tag for libxml2, and the dropping there (*i moves to
 * it). */
static int sh_value_mute(html_shield *s, const unsigned char *p, size_t *i, size_t j,
                         int open, char *out, size_t *o)
{
    if (!shield_attrs_on(&s->sa) || !shield_attrs_in_value(&s->sa))
        return 0;
    int mute = shield_attrs_muting(&s->sa) || shield_attrs_emptying(&s->sa);
    size_t z = sh_find(p, *i, j, 0);
    if (z < j) {
        if (mute)
            *i = z;
        shield_attrs_step(&s->sa, 0, open, out, o);
        return 0;
    }
    return mute;
}

static inline void sh_stag_byte(html_shield *s, unsigned char c);

/* A quoted value from p[i], to its quote or p[lim]; returns where it
 * stopped. */
static size_t sh_quoted(html_shield *s, const unsigned char *p, size_t i, size_t lim,
                        char *out, size_t *o)
{
    size_t j = sh_find(p, i, lim, s->quote);
    int open = s->keep && s->attrs <= HTML_SHIELD_ATTRS;
    int empty = shield_attrs_emptying(&s->sa);
    int mute = sh_value_mute(s, p, &i, j, open, out, o);
    unsigned char quote = s->quote;
    if (j < lim) {
        if (shield_attrs_on(&s->sa))
            shield_attrs_step(&s->sa, s->quote, 1, out, o);
        /* an emptied value's closing quote is written */
        if (open && mute && empty)
            out[(*o)++] = (char)s->quote;
        s->quote = 0;
    }
    if (open && !mute) {
        *o += sh_value_put(s, p + i, j - i, out + *o);
        if (j < lim) {
            *o += sh_value_end(s, out + *o);
            out[(*o)++] = (char)quote;
        }
    }
    return j < lim ? j + 1 : j;
}

/* name="value" whole at p[i] when shield_attrs_token finds one, read as
 * sh_stag_byte would read its first byte and its opening quote; returns
 * the index past it, or i. */
static size_t sh_whole_attr(html_shield *s, const unsigned char *p, size_t i, size_t lim,
                            char *out, size_t *o)
{
    int fate;
    size_t e, v;
    if (s->sa.state != SHIELD_ATTRS_BETWEEN ||
        (e = shield_attrs_token(&s->sa, p, i, lim, s->nul_free, &fate, &v)) == 0)
        return i;
    if (s->in_space && !s->after_eq && ++s->attrs == HTML_SHIELD_ATTRS + 1)
        s->dropped++;
    s->after_eq = 0;
    s->in_space = 0;
    if (s->keep && s->attrs <= HTML_SHIELD_ATTRS && fate != SHIELD_FATE_DROP) {
        /* all of it, or to its opening quote and the closing one */
        memcpy(out + *o, p + i, v - i);
        *o += v - i;
        if (fate == SHIELD_FATE_KEEP) {
            *o += sh_value_put(s, p + v, e - 1 - v, out + *o);
            *o += sh_value_end(s, out + *o);
        }
        out[(*o)++] = (char)p[e - 1];
    }
    return e;
}

/* The bytes of a start tag up to its '>' or a '/' outside quotes, or to
 * where it gets too long (from p[i], which is none of those), read as the
 * byte-by-byte machine below would read them; returns the index of the
 * first byte left to that machine. */
static size_t sh_stag_run(html_shield *s, const unsigned char *p, size_t i, size_t n,
                          char *out, size_t *o)
{
    size_t lim = HTML_SHIELD_TAG - s->tag_bytes;
    lim = n - i < lim ? n : i + lim;
    size_t from = i;
    while (i < lim) {
        if (s->quote) {
            i = sh_quoted(s, p, i, lim, out, o);
            continue;
        }
        unsigned char c = p[i];
        if (c == '>' || c == '/')
            break;
        size_t e = sh_whole_attr(s, p, i, lim, out, o);
        if (e > i) {
            i = e;
            continue;
        }
        sh_stag_byte(s, c);
        int open = s->keep && s->attrs <= HTML_SHIELD_ATTRS;
        if (shield_attrs_on(&s->sa) && !shield_attrs_blank_between(&s->sa, c) &&
            shield_attrs_step(&s->sa, c, open, out, o) != SHIELD_ATTRS_WRITE)
            open = 0;
        if (open)
            *o += sh_tag_put(s, c, out + *o);
        i++;
    }
    s->tag_bytes += i - from;
    return i;
}

/* One call of html_shield_run: its input, its output, and where it is in
 * them, handed to the handler of each state. */
typedef struct sh_run {
    const unsigned char *p;
    size_t n;
    size_t i;         /* the byte being read; a handler that reads on
                       * leaves it at the last byte it took */
    char *out;
    size_t o;
    size_t amp;       /* the next '&' at or after i, once looked for */
    int amp_known;
} sh_run;

static void sh_byte(sh_run *r, unsigned char c)
{
    r->out[r->o++] = (char)c;
}

static void sh_copy(sh_run *r, const void *bytes, size_t len)
{
    memcpy(r->out + r->o, bytes, len);
    r->o += len;
}

/* Whether libxml2 hands p[0..n) to the characters callback as it is, in
 * one run: printable ASCII, tabs and line feeds, and well-formed UTF-8 of
 * characters XML allows (no C0 control, carriage return, surrogate,
 * U+FFFE or U+FFFF), of which one at least is no blank.  Libxml2 drops a
 * character it does not allow, and reads the rest of the page as Latin-1
 * after a malformed sequence: such a run is written as it is. */
size_t html_shield_ascii_portable(const unsigned char *p, size_t n, int *ink)
{
    size_t k = 0;
    for (; k < n; k++) {
        unsigned c = p[k];
        if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n'))
            break;
        *ink |= c != ' ' && c != '\t' && c != '\n';
    }
    return k;
}

#ifdef __SSE2__
size_t html_shield_ascii_sse2(const unsigned char *p, size_t n, int *ink)
{
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
                  lf = _mm_set1_epi8('\n');
    size_t k = 0;
    for (; k + 16 <= n; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
        /* signed: the bytes from 0x80 up are below ' ' too */
        __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf));
        unsigned bad = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(blank, _mm_cmplt_epi8(v, space)));
        unsigned inked = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, space));
        if (bad != 0) {
            unsigned at = (unsigned)__builtin_ctz(bad);
            *ink |= (inked & ((1u << at) - 1)) != 0;
            return k + at;
        }
        *ink |= inked != 0;
    }
    return k + html_shield_ascii_portable(p + k, n - k, ink);
}
#define sh_ascii html_shield_ascii_sse2
#else
size_t html_shield_ascii_sse2(const unsigned char *p, size_t n, int *ink)
{
    return html_shield_ascii_portable(p, n, ink);
}
#define sh_ascii html_shield_ascii_portable
#endif

static int sh_run_plain(const unsigned char *p, size_t n)
{
    int ink = 0;
    /* most runs are ASCII: sixteen bytes a step */
    for (size_t k = sh_ascii(p, n, &ink); k < n;) {
        unsigned c = p[k];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n')
                return 0;
            ink |= c != ' ' && c != '\t' && c != '\n';
            k++;
            continue;
        }
        uint32_t cp;
        size_t len;
        if (c >= 0xC2 && c <= 0xDF) {
            cp = c & 0x1F;
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            cp = c & 0x0F;
            len = 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            cp = c & 0x07;
            len = 4;
        } else {
            return 0;
        }
        if (n - k < len)
            return 0;
        for (size_t t = 1; t < len; t++) {
            if ((p[k + t] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (p[k + t] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
            return 0;
        ink = 1;
        k += len;
    }
    return ink;
}

/* Writes the input's text p[from..from + len) as it is, but that with a
 * queue (html_shield_queue_texts) a U+E000 in it is written "&#57344;":
 * libxml2 hands on a character reference alone.  The queue has stopped
 * by then (sh_pua_scan), but runs queued in an earlier piece whose marks
 * libxml2 has not reached yet may still be read: the page's U+E000 then
 * never makes a mark's first half beside them. */
static void sh_copy_raw(html_shield *s, sh_run *r, size_t from, size_t len)
{
    static const char pua[] = "\xee\x80\x80";
    const unsigned char *t = r->p + from, *end = t + len, *e;
    while (s->texts != NULL && (e = memchr(t, 0xEE, (size_t)(end - t))) != NULL) {
        if (end - e >= 3 && memcmp(e, pua, 3) == 0) {
            sh_copy(r, t, (size_t)(e - t));
            sh_copy(r, "&#57344;", 8);
            t = e + 3;
        } else {
            sh_copy(r, t, (size_t)(e + 1 - t));
            t = e + 1;
        }
    }
    sh_copy(r, t, (size_t)(end - t));
}

/* Writes the input's text p[from..from + len) (html_shield_queue_texts):
 * queued and marked when it may be, else as it is. */
static void sh_text_out(html_shield *s, sh_run *r, size_t from, size_t len)
{
    const unsigned char *t = r->p + from;
    uint32_t n = (uint32_t)len;
    uint64_t at = s->fed + r->o;
    if (s->texts != NULL && !s->pua_seen && len >= HTML_SHIELD_RUN_MIN && len == n && sh_run_plain(t, len)) {
        if (buf_reserve(s->texts, s->texts_mem, sizeof at + sizeof n + len) != UB_OK) {
            s->texts_failed = 1;
            sh_copy_raw(s, r, from, len);
            return;
        }
        char *q = s->texts->data + s->texts->len;
        memcpy(q, &at, sizeof at);
        memcpy(q + sizeof at, &n, sizeof n);
        memcpy(q + sizeof at + sizeof n, t, len);
        s->texts->len += sizeof at + sizeof n + len;
        sh_copy(r, HTML_SHIELD_MARK, HTML_SHIELD_MARK_LEN);
        return;
    }
    sh_copy_raw(s, r, from, len);
}

/* Writes text p[from..from + len) that an '&' written just before reads
 * on into (`amp`; sh_copy_raw), or that a '<' written as text before it
 * reads on into to the next '>' (s->to_gt: libxml2 reads "<?", "</" and
 * "<!" that open no tag it knows on to there, the text a mark would
 * stand for with them), as it is (a reference there would change how
 * libxml2 reads it: the page's own U+E000 U+E001 right there is the one
 * place a mark may come of the page's characters); else through
 * sh_text_out. */
static void sh_text_put(html_shield *s, sh_run *r, size_t from, size_t len, int amp)
{
    if (s->to_gt) {
        if (memchr(r->p + from, '>', len) != NULL)
            s->to_gt = 0;
        sh_copy(r, r->p + from, len);
    } else if (amp) {
        sh_copy_raw(s, r, from, len);
    } else {
        sh_text_out(s, r, from, len);
    }
}

/* Writes what is held, as it stands. */
static void sh_release(html_shield *s, sh_run *r)
{
    sh_copy(r, s->held, s->held_len);
    s->held_len = 0;
}

/* Writes the held "&#" or "&#x" that starts no reference as text. */
static size_t sh_put_amp_text(const html_shield *s, char *out)
{
    size_t o = sh_put(out, "&amp;");
    memcpy(out + o, s->held + 1, s->held_len - 1);
    return o + s->held_len - 1;
}

/* Named references libxml2 2.9.14 finds slowly: htmlParseEntityRef
 * interns the name and then compares it with its 253 HTML 4 names one by
 * one, about 2,100 instructions for &mdash; near the table's end, where a
 * decimal reference is read digit by digit.  Both hand the reader one
 * characters() call of the same UTF-8 (htmlParseReference), so the
 * commonest names of the dev pages (&amp; 55,336 times in
 * /tmp/devz.html, &nbsp; 46,512, &quot; 28,482 ... &Uuml; 13; the bench
 * page's &mdash; 4,746) are written as the decimal reference of the code
 * point libxml2's table gives them (check_shield holds each to
 * htmlEntityLookup).  Commonest first: the look-up stops at the first
 * match. */
static const struct {
    char name[SH_REF_NAME + 1];
    char dec[8];   /* the decimal reference written for it */
} sh_refs[] = {
    {"amp", "&#38;"}, {"nbsp", "&#160;"}, {"quot", "&#34;"}, {"gt", "&#62;"},
    {"lt", "&#60;"}, {"raquo", "&#187;"}, {"rsquo", "&#8217;"}, {"hellip", "&#8230;"},
    {"copy", "&#169;"}, {"ldquo", "&#8220;"}, {"rdquo", "&#8221;"}, {"bull", "&#8226;"},
    {"laquo", "&#171;"}, {"mdash", "&#8212;"}, {"middot", "&#183;"},
    {"pound", "&#163;"}, {"reg", "&#174;"}, {"ndash", "&#8211;"}, {"eacute", "&#233;"},
    {"lsquo", "&#8216;"}, {"deg", "&#176;"}, {"rarr", "&#8594;"}, {"times", "&#215;"},
    {"aacute", "&#225;"}, {"darr", "&#8595;"}, {"rsaquo", "&#8250;"},
    {"larr", "&#8592;"}, {"ouml", "&#246;"}, {"trade", "&#8482;"}, {"ntilde", "&#241;"},
    {"oacute", "&#243;"}, {"egrave", "&#232;"}, {"uarr", "&#8593;"},
    {"acirc", "&#226;"}, {"infin", "&#8734;"}, {"otilde", "&#245;"},
    {"ccedil", "&#231;"}, {"oslash", "&#248;"}, {"Uuml", "&#220;"},
};

const char *html_shield_ref_name(size_t i, const char **dec)
{
    if (i >= sizeof sh_refs / sizeof sh_refs[0])
        return NULL;
    *dec = sh_refs[i].dec;
    return sh_refs[i].name;
}

/* The decimal reference written for the name p[0..len), if sh_refs
 * has it, else NULL. */
static const char *sh_ref_dec(const unsigned char *p, size_t len)
{
    for (size_t k = 0; k < sizeof sh_refs / sizeof sh_refs[0]; k++)
        if ((unsigned char)sh_refs[k].name[0] == p[0] && sh_refs[k].name[len] == '\0' &&
            memcmp(sh_refs[k].name, p, len) == 0)
            return sh_refs[k].dec;
    return NULL;
}

static int sh_alnum(unsigned char c)
{
    return sh_alpha(c) || (c >= '0' && c <= '9');
}

static void sh_put_ref(sh_run *r, const char *dec)
{
    for (; *dec != '\0'; dec++)
        r->out[r->o++] = *dec;
}

/* Each handler reads the byte c (r->p[r->i]) in its state; it returns 1
 * when c is to be read again in the state it moved to, else 0. */

/* Text p[from..to) is written: the document has begun once a byte of it
 * is not a space. */
static void sh_text_begins(html_shield *s, const unsigned char *p, size_t from, size_t to)
{
    for (size_t k = from; k < to && !s->begun; k++)
        s->begun = !sh_space(p[k]);
}

/* Text from r->p[r->i] (neither '<' nor '&') where blanks stay as they
 * are: to the next '<' or '&'.  `amp`: an '&' written just before it
 * reads on into it (sh_text). */
static int sh_text_plain(html_shield *s, sh_run *r, int amp)
{
    if (!r->amp_known || r->amp < r->i) {
        r->amp = sh_find(r->p, r->i, r->n, '&');
        r->amp_known = 1;
    }
    size_t j = sh_find(r->p, r->i + 1, r->amp, '<');
    sh_text_begins(s, r->p, r->i, j);
    s->lead = 0;
    sh_text_put(s, r, r->i, j - r->i, amp);
    r->i = j - 1;
    return 0;
}

/* At r->p[r->i], a '&' in text followed by a letter: a reference of
 * sh_refs read whole in this piece is written as its decimal one (1);
 * any other name, and one the piece's end cuts, is left to sh_amp and
 * sh_amp_name, a byte at a time (0).  Out of line: inlined
 * in the byte machine's loop it cost that loop 0.7 million instructions
 * more on /tmp/h4.z. */
__attribute__((noinline))
static int sh_text_ref(html_shield *s, sh_run *r)
{
    const unsigned char *p = r->p + r->i + 1;
    size_t n = r->n - r->i - 1, len = 0;
    while (len < n && len <= SH_REF_NAME && sh_alnum(p[len]))
        len++;
    if (len == n && len <= SH_REF_NAME)
        return 0;
    const char *dec = len <= SH_REF_NAME && p[len] == ';' ? sh_ref_dec(p, len) : NULL;
    if (dec == NULL)
        return 0;
    s->lead = 0;
    s->begun = 1;
    sh_put_ref(r, dec);
    r->i += len + 1;
    return 1;
}

static int sh_text(html_shield *s, sh_run *r, unsigned char c)
{
    /* the text right after an '&' that libxml2 reads on from ("&#" and
     * its digits, "&name" and its ';') is written as it is: a mark there
     * would end the reference */
    int amp = s->amp_open;
    s->amp_open = 0;
    if (c == '<' || c == '&') {
        if (c == '&' && s->leave_attrs && r->i + 1 < r->n && sh_alpha(r->p[r->i + 1]) &&
            sh_text_ref(s, r))
            return 0;
        s->lead = 0;
        s->held[0] = c;
        s->held_len = 1;
        s->state = c == '<' ? SH_LT : SH_AMP;
        return 0;
    }
    if (!s->leave_attrs || s->pre_seen)
        return sh_text_plain(s, r, amp);
    const unsigned char *p = r->p;
    size_t n = r->n;
    int fold = s->lead == SH_LEAD_FOLD;
    if (s->lead && (fold ? span_fold_blank(c) : sh_blank(c))) {
        /* the blanks right after a tag (the pages' indentation between
         * tags): their first only, however the stream is cut; or the
         * rest of a run of blanks the last piece ended in */
        size_t k = r->i + 1;
        while (k < n && (fold ? span_fold_blank(p[k]) : sh_blank(p[k])))
            k++;
        if (s->lead == 1)
            sh_byte(r, c);
        s->lead = k < n ? 0 : fold ? SH_LEAD_FOLD : 2;
        r->i = k - 1;
        return 0;
    }
    /* libxml2 reads text a character at a time, and the reader, the
     * title and the dates read a run of blanks (' ', '\t', '\n') as one:
     * the text to the next '<' or '&' or the second blank of a run, whose
     * blanks go; a run the piece's end cuts goes on in the next */
    s->lead = 0;
    size_t i = r->i, j = i + 1 + span_text_run(p + i + 1, n - i - 1);
    sh_text_begins(s, p, i, j);
    sh_text_put(s, r, i, j - i, amp);
    while (j < n && span_fold_blank(p[j]))
        j++;
    if (j == n && span_fold_blank(p[n - 1]))
        s->lead = SH_LEAD_FOLD;
    r->i = j - 1;
    return 0;
}

static int sh_lt(html_shield *s, sh_run *r, unsigned char c)
{
    if (sh_alpha(c) || c == '/') {
        s->end_tag = c == '/';
        s->held[s->held_len++] = c;
        s->name_len = 0;
        s->state = c == '/' ? SH_LT_SLASH : SH_NAME;
        if (c != '/')
            s->name[s->name_len++] = (char)(c | 0x20);
        return 0;
    }
    sh_release(s, r);
    s->begun |= c != '!';
    if (c == '!') {
        sh_byte(r, c);
        s->marks = 0;
        s->name_len = 0;
        s->state = SH_BANG;
        return 0;
    }
    s->to_gt = 1;
    s->state = SH_TEXT;
    return 1;
}

static int sh_lt_slash(html_shield *s, sh_run *r, unsigned char c)
{
    if (sh_alpha(c)) {
        s->held[s->held_len++] = c;
        s->name[s->name_len++] = (char)(c | 0x20);
        s->state = SH_NAME;
        return 0;
    }
    sh_release(s, r);
    s->begun = 1;
    s->to_gt = 1;
    s->state = SH_TEXT;
    return 1;
}

static int sh_name_byte(html_shield *s, unsigned char c)
{
    return sh_namechar(c) && s->name_len < sizeof s->name;
}

static int sh_name(html_shield *s, sh_run *r, unsigned char c)
{
    if (sh_name_byte(s, c)) {
        size_t j = r->i;
        do {
            unsigned char d = r->p[j++];
            s->held[s->held_len++] = d;
            s->name[s->name_len++] = (char)(d >= 'A' && d <= 'Z' ? d | 0x20 : d);
        } while (j < r->n && sh_name_byte(s, r->p[j]));
        r->i = j - 1;
        return 0;
    }
    s->scan_from = r->o;
    s->json_match = 0;
    s->json_seen = 0;
    r->o += sh_decide(s, r->out + r->o);
    s->attrs = 0;
    s->tag_bytes = s->name_len;
    s->cut = 0;
    s->quote = 0;
    s->uval = 0;
    s->after_eq = 0;
    s->in_space = 0;
    s->slash = 0;
    s->state = s->end_tag ? SH_ETAG : SH_STAG;
    if (s->leave_attrs && s->keep && !s->end_tag && !(s->kind & SK_HTML))
        shield_attrs_begin(&s->sa, s->name_len, s->name_len < sizeof s->name, s->kind);
    return 1;
}

/* Whether a kept script start tag is being read, whose bytes written
 * say whether its content stays (html_shield.h). */
static int sh_script_tag(const html_shield *s)
{
    return s->leave_attrs && s->keep && !s->end_tag && (s->kind & SK_SCRIPT);
}

/* The script tag's bytes written in out[s->scan_from..o): "json" in any
 * case, or '&'; the match carries over from run to run, so that any
 * cutting of the stream decides alike. */
static void sh_json_scan(html_shield *s, const char *out, size_t o)
{
    static const char json[] = "json";
    for (size_t k = s->scan_from; k < o && !s->json_seen; k++) {
        unsigned char c = (unsigned char)out[k];
        unsigned char lc = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
        if (c == '&') {
            s->json_seen = 1;
        } else if (lc == (unsigned char)json[s->json_match]) {
            s->json_seen = ++s->json_match == 4;
        } else {
            s->json_match = lc == 'j';
        }
    }
    s->scan_from = o;
}

/* Writes the '>' that ends a tag kept, or the <hr> a dropped one left. */
static void sh_close(html_shield *s, sh_run *r)
{
    if (s->keep) {
        if (sh_script_tag(s))
            sh_json_scan(s, r->out, r->o);
        /* a '/' that ends an unquoted value is the value's ("<embed
         * src=a/>"), and the blank keeps the one written out of it */
        if ((s->kind & SK_SELF_END) && !s->end_tag && (!s->slash || s->uval)) {
            sh_byte(r, ' ');
            sh_byte(r, '/');
        }
        sh_byte(r, '>');
        sh_tag_done(s);
        if (s->raw)
            s->raw_drop = s->leave_attrs && !((s->kind & SK_SCRIPT) && s->json_seen);
    } else if (s->as_hr) {
        sh_byte(r, '>');
        s->as_hr = 0;
    }
}

/* The tag got too long: closed here; the rest, to the next '>', goes. */
static void sh_tag_cut(html_shield *s, sh_run *r)
{
    int mute = shield_attrs_muting(&s->sa);
    r->o += shield_attrs_stop(&s->sa, r->out + r->o);
    r->o += sh_value_end(s, r->out + r->o);
    if (s->keep && s->quote && !mute)
        sh_byte(r, s->quote);
    sh_close(s, r);
    s->cut = 1;
    s->quote = 0;
    s->uval = 0;
    s->dropped++;
}

/* A byte of a start tag outside quotes, not its '>'.  Inlined: called
 * for each byte of a tag that sh_whole_attr does not take (its blanks,
 * the attributes of a tag dropped or an element whose attributes stay),
 * the call cost about a quarter of its 19 instructions (/tmp/h4.z: 166,448
 * calls; 573.1 to 572.4 million instructions in all; issue 20). */
__attribute__((always_inline))
static inline void sh_stag_byte(html_shield *s, unsigned char c)
{
    if (s->uval && c != 0 && !sh_blank(c)) {
        /* an unquoted value runs to a blank, '>' or a NUL, as libxml2
         * (htmlParseHTMLAttribute) and a browser read it: an '=' or a
         * quote in it is one of its bytes ("a=b="c d"" is "b="c") */
        s->slash = c == '/';
        return;
    }
    s->uval = 0;
    if ((c == '"' || c == '\'') && s->after_eq && !s->cut)
        s->quote = c;
    if (sh_space(c)) {
        s->in_space = 1;
    } else if (c == '=') {
        s->after_eq = 1;
        s->in_space = 0;
    } else {
        /* an attribute's name begins, or after '=' an unquoted value */
        if (s->in_space && !s->after_eq && c != '/' &&
            ++s->attrs == HTML_SHIELD_ATTRS + 1)
            s->dropped++;
        s->uval = s->after_eq && !s->quote && c != 0;
        s->after_eq = 0;
        s->in_space = 0;
    }
    s->slash = c == '/';
}

/* A byte of a kept tag, written unless it is html's '/', which waits to
 * see whether '>' follows. */
static void sh_tag_write(html_shield *s, sh_run *r, unsigned char c, int after_slash)
{
    int html = !s->end_tag && (s->kind & SK_HTML);
    if (html && after_slash)
        r->o += sh_tag_put(s, '/', r->out + r->o);
    if (!(html && s->slash))
        r->o += sh_tag_put(s, c, r->out + r->o);
}

/* The tag's '>': what the attribute it ends decides comes first. */
static void sh_tag_end(html_shield *s, sh_run *r)
{
    r->o += sh_value_end(s, r->out + r->o);
    if (shield_attrs_on(&s->sa)) {
        /* off, it holds nothing */
        shield_attrs_step(&s->sa, '>', 1, r->out, &r->o);
        r->o += shield_attrs_stop(&s->sa, r->out + r->o);
    }
    if (!s->cut)
        sh_close(s, r);
    s->to_gt = 0;
    s->uval = 0;
    s->state = s->raw ? SH_RAW : SH_TEXT;
    s->lead = 1;
}

/* SH_STAG and SH_ETAG: a tag after its name. */
static int sh_tag(html_shield *s, sh_run *r, unsigned char c)
{
    if (s->state == SH_STAG && !s->cut && !s->slash &&
        s->tag_bytes < HTML_SHIELD_TAG && (s->quote || (c != '>' && c != '/'))) {
        r->i = sh_stag_run(s, r->p, r->i, r->n, r->out, &r->o) - 1;
        return 0;
    }
    int after_slash = s->slash;
    if (++s->tag_bytes > HTML_SHIELD_TAG && !s->cut)
        sh_tag_cut(s, r);
    if (s->quote) {
        if (c == s->quote)
            s->quote = 0;
    } else if (c == '>') {
        sh_tag_end(s, r);
        return 0;
    } else if (s->state == SH_STAG) {
        sh_stag_byte(s, c);
    }
    int open = s->keep && !s->cut && s->attrs <= HTML_SHIELD_ATTRS;
    if (shield_attrs_on(&s->sa) &&
        shield_attrs_step(&s->sa, c, open, r->out, &r->o) != SHIELD_ATTRS_WRITE)
        open = 0;
    if (open)
        sh_tag_write(s, r, c, after_slash);
    return 0;
}

/* The end of a comment whose content starts at p[from], when libxml2
 * 2.9.14 reads it plainly and it ends in this piece: the index of the
 * "-->" that ends it, or n.  Plainly: no "--" before that end (so no
 * "--!>"), not "<!-->" nor "<!--->", no byte libxml2 does not take as a
 * character (a control, a NUL; U+FFFE and U+FFFF: no 0xEF at all). */
static size_t sh_plain_comment_end(const unsigned char *p, size_t from, size_t n)
{
    if (from < n && (p[from] == '>' || p[from] == '-'))
        return n;
    for (size_t k = from; k < n; k++) {
        unsigned char c = p[k];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF)
            return n;
        if (c != '-')
            continue;
        if (k + 1 >= n || p[k + 1] != '-')
            continue;
        /* the first "--": the end if '>' follows, and no dash before it */
        return k + 2 < n && p[k + 2] == '>' && p[k - 1] != '-' ? k : n;
    }
    return n;
}

/* After "<!": a comment, a DOCTYPE, or anything else, which is text. */
static int sh_bang(html_shield *s, sh_run *r, unsigned char c)
{
    sh_byte(r, c);
    if (s->name_len < 7)
        s->name[s->name_len++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    if (s->name_len == 2 && memcmp(s->name, "--", 2) == 0) {
        s->marks = 0;
        s->state = SH_COMMENT;
        size_t end;
        if (s->leave_attrs && (end = sh_plain_comment_end(r->p, r->i + 1, r->n)) < r->n) {
            /* a comment libxml2 would read a character at a time, for a
             * callback the reader does not have: given to it empty */
            sh_copy(r, "-->", 3);
            r->i = end + 2;
            s->state = SH_TEXT;
        }
    } else if (s->name_len == 7 && memcmp(s->name, "doctype", 7) == 0) {
        s->quote = 0;
        s->tag_bytes = 0;
        s->state = SH_DOCTYPE;
    } else if (memcmp(s->name, "doctype", s->name_len) != 0 &&
               memcmp(s->name, "--", s->name_len < 2 ? s->name_len : 2) != 0) {
        s->to_gt = 1;
        s->state = SH_TEXT;
    }
    return 0;
}

static int sh_comment(html_shield *s, sh_run *r, unsigned char c)
{
    if (c != '>') {
        /* to the next '>', counting the dashes just before it */
        size_t i = r->i;
        size_t j = sh_find(r->p, i + 1, r->n, '>');
        size_t t = 0;
        while (t < j - i && r->p[j - 1 - t] == '-')
            t++;
        s->marks = t == j - i ? s->marks + (unsigned)t : (unsigned)t;
        sh_copy(r, r->p + i, j - i);
        r->i = j - 1;
        return 0;
    }
    sh_byte(r, c);
    if (s->marks >= 2)
        s->state = SH_TEXT;
    s->marks = 0;
    return 0;
}

static int sh_doctype(html_shield *s, sh_run *r, unsigned char c)
{
    if (s->quote && c == '>') {
        /* a quoted id ends at '>' as in a browser (a page cut after
         * "http://www.w" would hide all up to the next quote): closed
         * here for libxml2, which reads on */
        sh_byte(r, s->quote);
        s->quote = 0;
        s->state = SH_TEXT;
    } else if (s->quote) {
        if (c == s->quote)
            s->quote = 0;
    } else if (c == '"' || c == '\'') {
        s->quote = c;
    } else if (c == '[') {
        s->tag_bytes = 0;
        s->dropped++;
        s->state = SH_SUBSET;
        return 0;
    } else if (c == '>') {
        s->state = SH_TEXT;
    }
    sh_byte(r, c);
    return 0;
}

static int sh_subset(html_shield *s, sh_run *r, unsigned char c)
{
    /* past a tag's length, quotes and ']' are no longer looked for: the
     * subset ends at the next '>' */
    if (++s->tag_bytes > HTML_SHIELD_TAG) {
        if (c == '>') {
            sh_byte(r, c);
            s->quote = 0;
            s->state = SH_TEXT;
        }
        return 0;
    }
    if (s->quote) {
        if (c == s->quote)
            s->quote = 0;
    } else if (c == '"' || c == '\'') {
        s->quote = c;
    } else if (c == ']') {
        s->state = SH_DOCTYPE;
    }
    return 0;
}

/* <script> or <style> content, to "</script" or "</style" as libxml2
 * reads it; s->marks counts the bytes of that end matched. */
static int sh_raw(html_shield *s, sh_run *r, unsigned char c)
{
    if (s->marks == 0 && c != '<') {
        /* nothing of the end tag begun: on to the next '<' */
        size_t j = sh_find(r->p, r->i + 1, r->n, '<');
        if (!s->raw_drop)
            sh_copy(r, r->p + r->i, j - r->i);
        r->i = j - 1;
        return 0;
    }
    if (!s->raw_drop)
        sh_byte(r, c);
    const char *end = s->kind & SK_SCRIPT ? "</script" : "</style";
    size_t k = strlen(end);
    unsigned char lc = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
    if (lc == (unsigned char)end[s->marks])
        s->marks++;
    else
        s->marks = lc == '<';
    if (s->marks == k) {
        if (s->raw_drop)
            sh_copy(r, end, k);
        s->raw_drop = 0;
        s->raw = 0;
        s->end_tag = 1;
        s->keep = 1;
        s->cut = 0;
        s->quote = 0;
        s->attrs = 0;
        s->tag_bytes = k;
        s->state = SH_ETAG;
    }
    return 0;
}

/* One of the upper-case legacy names, which libxml2 knows only in lower
 * case ("&AMP;" is "&" in a browser). */
static int sh_upper_legacy(const char *name, size_t n)
{
    static const char *const upper[] = { "AMP", "COPY", "GT", "LT", "QUOT", "REG" };
    return SH_LISTED(upper, name, n);
}

/* Writes the held "&NAME" that `next` ends (-1: the end of the input, or
 * a name too long to be one with a ';'): as a browser reads it, the
 * longest legacy name it begins with gets a ';', and what follows that
 * stays text, unless NAME and the ';' after it are a reference whole. */
static size_t sh_put_amp_name(const html_shield *s, int next, char *out)
{
    const char *name = (const char *)s->held + 1;
    size_t n = s->held_len - 1, best = 0;
    out[0] = '&';
    for (size_t k = 0; k < sizeof sh_legacy / sizeof *sh_legacy; k++) {
        size_t l = strlen(sh_legacy[k]);
        if (l > best && l <= n && memcmp(name, sh_legacy[k], l) == 0)
            best = l;
    }
    if (next == ';' && (best == 0 || (best == n && !sh_upper_legacy(name, n)) ||
                        SH_LISTED(sh_legacy_longer, name, n))) {
        /* a reference as libxml2 reads one, one it does not know that
         * no legacy name begins ("&mdashes;", text in a browser too), or
         * one a browser reads whole that libxml2 does not know
         * ("&notinva;", left as it is) */
        memcpy(out + 1, name, n);
        return 1 + n;
    }
    size_t o = 1;
    int upper = sh_upper_legacy(name, best);
    for (size_t k = 0; k < best; k++)
        out[o++] = (char)(upper ? name[k] | 0x20 : name[k]);
    /* the ';' that ends a whole upper-case one ("&AMP;") is `next` */
    if (best > 0 && (best < n || next != ';'))
        out[o++] = ';';
    memcpy(out + o, name + best, n - best);
    return o + n - best;
}

/* SH_AMP_NAME: a name's letters and digits as they come (a reference
 * sh_text did not see whole in its piece).  One of sh_refs and its ';'
 * is written as sh_text writes it, so that any cutting gives the same;
 * anything else as a browser reads it (sh_put_amp_name), and the byte
 * that ended it read again as text. */
static int sh_amp_name(html_shield *s, sh_run *r, unsigned char c)
{
    if (c == ';' && s->leave_attrs && s->held_len - 1 <= SH_REF_NAME) {
        const char *dec = sh_ref_dec(s->held + 1, s->held_len - 1);
        if (dec != NULL) {
            sh_put_ref(r, dec);
            s->held_len = 0;
            s->state = SH_TEXT;
            return 0;
        }
    }
    if (sh_alnum(c) && s->held_len < 1 + SH_AMP_NAME_MAX) {
        /* the name's letters at once, up to the piece's end */
        size_t j = r->i;
        do
            s->held[s->held_len++] = r->p[j++];
        while (j < r->n && sh_alnum(r->p[j]) && s->held_len < 1 + SH_AMP_NAME_MAX);
        r->i = j - 1;
        return 0;
    }
    r->o += sh_put_amp_name(s, sh_alnum(c) ? -1 : c, r->out + r->o);
    s->held_len = 0;
    s->amp_open = 1;
    s->state = SH_TEXT;
    return 1;
}

static int sh_amp(html_shield *s, sh_run *r, unsigned char c)
{
    s->begun = 1;
    if (s->held_len == 1 && c == '#') {
        s->held[s->held_len++] = c;
        s->state = SH_AMP_HASH;
        return 0;
    }
    if (sh_alpha(c)) {
        s->held[s->held_len++] = c;
        s->state = SH_AMP_NAME;
        return 0;
    }
    sh_byte(r, '&');
    s->held_len = 0;
    s->amp_open = 1;
    s->state = SH_TEXT;
    return 1;
}

/* SH_AMP_HASH and SH_AMP_HEX: a digit makes it a reference, written as it
 * is; anything else leaves the text as it stands. */
static int sh_amp_ref(html_shield *s, sh_run *r, unsigned char c)
{
    int hex = s->state == SH_AMP_HEX;
    if (!hex && (c == 'x' || c == 'X')) {
        s->held[s->held_len++] = c;
        s->state = SH_AMP_HEX;
        return 0;
    }
    int digit = (c >= '0' && c <= '9') ||
                (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'));
    if (!digit) {
        r->o += sh_put_amp_text(s, r->out + r->o);
        s->held_len = 0;
    } else {
        sh_release(s, r);
        s->amp_open = 1;
    }
    s->state = SH_TEXT;
    return 1;
}

static int sh_step(html_shield *s, sh_run *r, unsigned char c)
{
    switch (s->state) {
    case SH_TEXT:
        return sh_text(s, r, c);
    case SH_LT:
        return sh_lt(s, r, c);
    case SH_LT_SLASH:
        return sh_lt_slash(s, r, c);
    case SH_NAME:
        return sh_name(s, r, c);
    case SH_STAG:
    case SH_ETAG:
        return sh_tag(s, r, c);
    case SH_BANG:
        return sh_bang(s, r, c);
    case SH_COMMENT:
        return sh_comment(s, r, c);
    case SH_DOCTYPE:
        return sh_doctype(s, r, c);
    case SH_SUBSET:
        return sh_subset(s, r, c);
    case SH_RAW:
        return sh_raw(s, r, c);
    case SH_AMP:
        return sh_amp(s, r, c);
    case SH_AMP_HASH:
    case SH_AMP_HEX:
        return sh_amp_ref(s, r, c);
    case SH_AMP_NAME:
        return sh_amp_name(s, r, c);
    default:
        return 0;
    }
}

/* Most bytes are text, quoted attribute values, script and comments, in
 * which only one or two byte values matter: those runs are found with
 * memchr and copied whole, and the handlers above only see tags and the
 * bytes that end a run. */
/* The page's own U+E000 or U+E001 (its bytes EE 80 80 or EE 80 81, or a
 * numeric character reference to one) is the one way libxml2 may hand on
 * a mark the shield did not write: where libxml2 reads text differently
 * from the shield (after a '<' that opens no tag, or where it drops the
 * characters it does not allow), which of the marks is which could only
 * be guessed.  So the first such character anywhere stops the queue for
 * the rest of the document, before any run of the piece it is in is
 * queued: what follows is written as it is, as without a queue, and the
 * marks already written all come before it (html_reader_sax_characters).
 * The scan carries a sequence cut at a piece's end to the next piece
 * (chunking independence).  A reference counts whatever follows its
 * digits (libxml2 takes one without its ';'), and any leading zeros. */
enum { SH_PUA_AMP = 1, SH_PUA_HASH, SH_PUA_X, SH_PUA_DEC, SH_PUA_HEX };

static int sh_pua_hex(unsigned c)
{
    return (c >= '0' && c <= '9') ? (int)(c - '0')
           : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (int)((c | 0x20) - 'a' + 10)
                                                      : -1;
}

/* One byte of "&#..." (s->pua_ref); sets s->pua_seen at its end. */
static void sh_pua_ref_byte(html_shield *s, unsigned c)
{
    /* beyond the largest code point the value is no longer needed */
    const unsigned long cap = 0x110000;
    int d;
    switch (s->pua_ref) {
    case SH_PUA_AMP:
        s->pua_ref = c == '#' ? SH_PUA_HASH : 0;
        return;
    case SH_PUA_HASH:
        s->pua_val = 0;
        if (c == 'x' || c == 'X') {
            s->pua_ref = SH_PUA_X;
        } else if (c >= '0' && c <= '9') {
            s->pua_val = c - '0';
            s->pua_ref = SH_PUA_DEC;
        } else {
            s->pua_ref = 0;
        }
        return;
    case SH_PUA_X:
        d = sh_pua_hex(c);
        s->pua_val = d < 0 ? 0 : (unsigned long)d;
        s->pua_ref = d < 0 ? 0 : SH_PUA_HEX;
        return;
    case SH_PUA_DEC:
    case SH_PUA_HEX:
        d = s->pua_ref == SH_PUA_DEC ? (c >= '0' && c <= '9' ? (int)(c - '0') : -1) : sh_pua_hex(c);
        if (d >= 0) {
            unsigned long v = s->pua_val * (s->pua_ref == SH_PUA_DEC ? 10 : 16) + (unsigned long)d;
            s->pua_val = v > cap ? cap : v;
            return;
        }
        if (s->pua_val == 0xE000 || s->pua_val == 0xE001)
            s->pua_seen = 1;
        s->pua_ref = c == '&' ? SH_PUA_AMP : 0;
        return;
    default:
        s->pua_ref = c == '&' ? SH_PUA_AMP : 0;
        return;
    }
}

/* One byte of EE 80 80 / EE 80 81 (s->pua_utf8 bytes matched so far). */
static void sh_pua_utf8_byte(html_shield *s, unsigned c)
{
    if (s->pua_utf8 == 2 && (c == 0x80 || c == 0x81))
        s->pua_seen = 1;
    s->pua_utf8 = c == 0xEE ? 1 : (s->pua_utf8 == 1 && c == 0x80) ? 2 : 0;
}

static void sh_pua_scan(html_shield *s, const unsigned char *p, size_t n)
{
    if (s->texts == NULL || s->pua_seen)
        return;
    const unsigned char *end = p + n, *e;
    for (e = p; e < end && s->pua_utf8 != 0; e++)
        sh_pua_utf8_byte(s, *e);
    /* a later hit reads again from its own first byte: the state left is
     * that of the piece's last bytes */
    while (!s->pua_seen && e < end && (e = memchr(e, 0xEE, (size_t)(end - e))) != NULL) {
        s->pua_utf8 = 0;
        for (size_t k = 0; k < 3 && e + k < end && !s->pua_seen; k++) {
            sh_pua_utf8_byte(s, e[k]);
            if (s->pua_utf8 == 0)
                break;
        }
        e++;
    }
    for (e = p; e < end && s->pua_ref != 0; e++)
        sh_pua_ref_byte(s, *e);
    while (!s->pua_seen && e < end && (e = memchr(e, '&', (size_t)(end - e))) != NULL) {
        s->pua_ref = SH_PUA_AMP;
        for (e++; e < end && s->pua_ref != 0 && !s->pua_seen; e++)
            sh_pua_ref_byte(s, *e);
    }
}

size_t html_shield_run(html_shield *s, const char *in, size_t n, char *out)
{
    sh_pua_scan(s, (const unsigned char *)in, n);
    sh_run r = {(const unsigned char *)in, n, 0, out, 0, 0, 0};
    s->nul_free = memchr(in, 0, n) == NULL;
    s->scan_from = 0;
    for (; r.i < n; r.i++) {
        unsigned char c = r.p[r.i];
        while (sh_step(s, &r, c))
            ;
    }
    if (s->state == SH_STAG && sh_script_tag(s))
        sh_json_scan(s, r.out, r.o);
    return r.o;
}

size_t html_shield_end(html_shield *s, char *out)
{
    /* a reference at the very end: its character comes after every mark */
    sh_pua_ref_byte(s, ' ');
    size_t o = sh_value_end(s, out);
    o += shield_attrs_stop(&s->sa, out + o);
    if (s->state == SH_AMP_HASH || s->state == SH_AMP_HEX) {
        o += sh_put_amp_text(s, out + o);
    } else if (s->state == SH_AMP_NAME) {
        o += sh_put_amp_name(s, -1, out + o);
    } else {
        memcpy(out + o, s->held, s->held_len);
        o += s->held_len;
    }
    s->held_len = 0;
    s->state = SH_TEXT;
    return o;
}
