/* html_shield.c - bounds on what libxml2 is given (see html_shield.h). */
#include <string.h>

#include "html_shield.h"

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
    SH_AMP_HEX    /* held "&#x" */
};

/* What the shield needs to know of a tag's name, found once per tag. */
enum {
    SK_VOID = 1,     /* libxml2 2.9.14 never keeps it open */
    SK_HIDING = 2,   /* the reader leaves its content out: dropping it
                      * would show what it hides, so it may go deeper (to
                      * twice the bound) */
    SK_BLOCK = 4,    /* a paragraph break: one dropped for depth leaves an
                      * <hr> (void, a break to the reader) so that its text
                      * stays apart */
    SK_HTML = 8,
    SK_BODY = 16,
    SK_HEAD = 32,
    SK_SCRIPT = 64,
    SK_STYLE = 128
};

/* Sorted bytewise (shorter first on a common start): sh_kind searches it. */
static const struct {
    char name[11];
    unsigned char kind;
} sh_names[] = {
    { "address", SK_BLOCK }, { "applet", SK_HIDING }, { "area", SK_VOID },
    { "article", SK_BLOCK }, { "aside", SK_BLOCK }, { "audio", SK_HIDING },
    { "base", SK_VOID }, { "basefont", SK_VOID }, { "blockquote", SK_BLOCK },
    { "body", SK_BODY }, { "br", SK_VOID }, { "button", SK_HIDING },
    { "canvas", SK_HIDING }, { "caption", SK_BLOCK }, { "center", SK_BLOCK },
    { "col", SK_VOID }, { "datalist", SK_HIDING }, { "dd", SK_BLOCK },
    { "details", SK_BLOCK }, { "dialog", SK_BLOCK }, { "dir", SK_BLOCK },
    { "div", SK_BLOCK }, { "dl", SK_BLOCK }, { "dt", SK_BLOCK },
    { "embed", SK_VOID }, { "fieldset", SK_BLOCK }, { "figcaption", SK_BLOCK },
    { "figure", SK_BLOCK }, { "footer", SK_BLOCK }, { "form", SK_BLOCK },
    { "frame", SK_VOID }, { "frameset", SK_HIDING }, { "h1", SK_BLOCK },
    { "h2", SK_BLOCK }, { "h3", SK_BLOCK }, { "h4", SK_BLOCK },
    { "h5", SK_BLOCK }, { "h6", SK_BLOCK }, { "head", SK_HIDING | SK_HEAD },
    { "header", SK_BLOCK }, { "hgroup", SK_BLOCK }, { "hr", SK_VOID },
    { "html", SK_HTML }, { "iframe", SK_HIDING }, { "img", SK_VOID },
    { "input", SK_VOID }, { "isindex", SK_VOID }, { "legend", SK_BLOCK },
    { "li", SK_BLOCK }, { "link", SK_VOID }, { "listing", SK_BLOCK },
    { "main", SK_BLOCK }, { "math", SK_HIDING }, { "menu", SK_BLOCK },
    { "meta", SK_VOID }, { "nav", SK_BLOCK }, { "noframes", SK_HIDING },
    { "noscript", SK_HIDING }, { "object", SK_HIDING }, { "ol", SK_BLOCK },
    { "optgroup", SK_HIDING }, { "option", SK_HIDING }, { "p", SK_BLOCK },
    { "param", SK_VOID }, { "pre", SK_BLOCK }, { "script", SK_HIDING | SK_SCRIPT },
    { "section", SK_BLOCK }, { "select", SK_HIDING }, { "source", SK_VOID },
    { "style", SK_HIDING | SK_STYLE }, { "summary", SK_BLOCK }, { "svg", SK_HIDING },
    { "table", SK_BLOCK }, { "tbody", SK_BLOCK }, { "td", SK_BLOCK },
    { "template", SK_HIDING }, { "textarea", SK_HIDING }, { "tfoot", SK_BLOCK },
    { "th", SK_BLOCK }, { "thead", SK_BLOCK }, { "title", SK_HIDING },
    { "tr", SK_BLOCK }, { "track", SK_VOID }, { "ul", SK_BLOCK },
    { "video", SK_HIDING }, { "wbr", SK_VOID }, { "xmp", SK_BLOCK },
};

/* The kind of the tag name in s (lower case), 0 for any other name.  Most
 * steps of the search differ in the first byte, looked at first. */
static unsigned sh_kind(const html_shield *s)
{
    const unsigned char *name = (const unsigned char *)s->name;
    size_t len = s->name_len;
    size_t lo = 0, hi = sizeof sh_names / sizeof *sh_names;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *e = (const unsigned char *)sh_names[mid].name;
        int d = (int)name[0] - (int)e[0];
        if (d == 0) {
            size_t k = 1;
            while (k < len && e[k] != 0 && name[k] == e[k])
                k++;
            d = (k < len ? (int)name[k] : 0) - (int)e[k];
        }
        if (d == 0)
            return sh_names[mid].kind;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

static int sh_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sh_namechar(unsigned char c)
{
    return sh_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
           c == '_' || c == '.';
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
    s->kind = sh_kind(s);
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
        memcpy(out, s->held, s->held_len);
        o = s->held_len;
    } else {
        s->dropped++;
        if (!s->end_tag && (s->kind & SK_BLOCK)) {
            o = sh_put(out, "<hr");
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

/* The bytes of a start tag up to its '>' or a '/' outside quotes, or to
 * where it gets too long (from p[i], which is none of those), read as the
 * byte-by-byte machine below would read them, with what it follows in
 * locals; returns the index of the first byte left to that machine. */
static size_t sh_stag_run(html_shield *s, const unsigned char *p, size_t i, size_t n,
                          char *out, size_t *po)
{
    size_t o = *po;
    size_t lim = HTML_SHIELD_TAG - s->tag_bytes;
    lim = n - i < lim ? n : i + lim;
    size_t from = i;
    unsigned long attrs = s->attrs;
    int after_eq = s->after_eq, in_space = s->in_space;
    int keep = s->keep;
    unsigned char quote = s->quote;
    while (i < lim) {
        if (quote) {
            /* a quoted value, to its quote */
            size_t j = sh_find(p, i, lim, quote);
            if (j < lim) {
                j++;
                quote = 0;
            }
            if (keep && attrs <= HTML_SHIELD_ATTRS) {
                memcpy(out + o, p + i, j - i);
                o += j - i;
            }
            i = j;
            continue;
        }
        unsigned char c = p[i];
        if (c == '>' || c == '/')
            break;
        if ((c == '"' || c == '\'') && after_eq)
            quote = c;
        if (sh_space(c)) {
            in_space = 1;
        } else if (c == '=') {
            after_eq = 1;
            in_space = 0;
        } else {
            /* an attribute's name begins */
            if (in_space && !after_eq && ++attrs == HTML_SHIELD_ATTRS + 1)
                s->dropped++;
            after_eq = 0;
            in_space = 0;
        }
        if (keep && attrs <= HTML_SHIELD_ATTRS)
            out[o++] = (char)c;
        i++;
    }
    s->tag_bytes += i - from;
    s->attrs = attrs;
    s->after_eq = after_eq;
    s->in_space = in_space;
    s->quote = quote;
    *po = o;
    return i;
}

/* Most bytes are text, quoted attribute values, script and comments, in
 * which only one or two byte values matter: those runs are found with
 * memchr and copied whole, and the byte-by-byte machine below only sees
 * tags and the bytes that end a run. */
size_t html_shield_run(html_shield *s, const char *in, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t o = 0;
    size_t amp = 0;   /* the next '&' at or after i, once looked for */
    int amp_known = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
    again:
        switch (s->state) {
        case SH_TEXT:
            if (c == '<') {
                s->held[0] = c;
                s->held_len = 1;
                s->state = SH_LT;
            } else if (c == '&') {
                s->held[0] = c;
                s->held_len = 1;
                s->state = SH_AMP;
            } else {
                if (!amp_known || amp < i) {
                    amp = sh_find(p, i, n, '&');
                    amp_known = 1;
                }
                size_t j = sh_find(p, i + 1, amp, '<');
                for (size_t k = i; k < j && !s->begun; k++)
                    s->begun = !sh_space(p[k]);
                memcpy(out + o, p + i, j - i);
                o += j - i;
                i = j - 1;
            }
            break;
        case SH_LT:
            if (sh_alpha(c) || c == '/') {
                s->end_tag = c == '/';
                s->held[s->held_len++] = c;
                s->name_len = 0;
                s->state = c == '/' ? SH_LT_SLASH : SH_NAME;
                if (c != '/')
                    s->name[s->name_len++] = (char)(c | 0x20);
                break;
            }
            memcpy(out + o, s->held, s->held_len);
            o += s->held_len;
            s->held_len = 0;
            s->begun |= c != '!';
            if (c == '!') {
                out[o++] = (char)c;
                s->marks = 0;
                s->name_len = 0;
                s->state = SH_BANG;
                break;
            }
            s->state = SH_TEXT;
            goto again;
        case SH_LT_SLASH:
            if (sh_alpha(c)) {
                s->held[s->held_len++] = c;
                s->name[s->name_len++] = (char)(c | 0x20);
                s->state = SH_NAME;
                break;
            }
            memcpy(out + o, s->held, s->held_len);
            o += s->held_len;
            s->held_len = 0;
            s->begun = 1;
            s->state = SH_TEXT;
            goto again;
        case SH_NAME:
            if (sh_namechar(c) && s->name_len < sizeof s->name) {
                size_t j = i;
                do {
                    unsigned char d = p[j++];
                    s->held[s->held_len++] = d;
                    s->name[s->name_len++] = (char)(d >= 'A' && d <= 'Z' ? d | 0x20 : d);
                } while (j < n && sh_namechar(p[j]) && s->name_len < sizeof s->name);
                i = j - 1;
                break;
            }
            o += sh_decide(s, out + o);
            s->attrs = 0;
            s->tag_bytes = s->name_len;
            s->cut = 0;
            s->quote = 0;
            s->after_eq = 0;
            s->in_space = 0;
            s->slash = 0;
            s->state = s->end_tag ? SH_ETAG : SH_STAG;
            goto again;
        case SH_STAG:
        case SH_ETAG: {
            if (s->state == SH_STAG && !s->cut && !s->slash &&
                s->tag_bytes < HTML_SHIELD_TAG && (s->quote || (c != '>' && c != '/'))) {
                i = sh_stag_run(s, p, i, n, out, &o) - 1;
                break;
            }
            int after_slash = s->slash;
            if (++s->tag_bytes > HTML_SHIELD_TAG && !s->cut) {
                /* closed here; the rest, to the next '>', goes */
                if (s->keep) {
                    if (s->quote)
                        out[o++] = (char)s->quote;
                    out[o++] = '>';
                    sh_tag_done(s);
                } else if (s->as_hr) {
                    out[o++] = '>';
                    s->as_hr = 0;
                }
                s->cut = 1;
                s->quote = 0;
                s->dropped++;
            }
            if (s->quote) {
                if (c == s->quote)
                    s->quote = 0;
            } else if (c == '>') {
                if (s->keep && !s->cut) {
                    out[o++] = (char)c;
                    sh_tag_done(s);
                } else if (s->as_hr) {
                    out[o++] = '>';
                    s->as_hr = 0;
                }
                s->state = s->raw ? SH_RAW : SH_TEXT;
                break;
            } else if (s->state == SH_STAG) {
                if ((c == '"' || c == '\'') && s->after_eq && !s->cut)
                    s->quote = c;
                if (sh_space(c)) {
                    s->in_space = 1;
                } else if (c == '=') {
                    s->after_eq = 1;
                    s->in_space = 0;
                } else {
                    /* an attribute's name begins */
                    if (s->in_space && !s->after_eq && c != '/' &&
                        ++s->attrs == HTML_SHIELD_ATTRS + 1)
                        s->dropped++;
                    s->after_eq = 0;
                    s->in_space = 0;
                }
                s->slash = c == '/';
            }
            if (s->keep && !s->cut && s->attrs <= HTML_SHIELD_ATTRS) {
                /* html's '/' waits to see whether '>' follows */
                int html = !s->end_tag && (s->kind & SK_HTML);
                if (html && after_slash)
                    out[o++] = '/';
                if (!(html && s->slash))
                    out[o++] = (char)c;
            }
            break;
        }
        case SH_BANG:
            out[o++] = (char)c;
            if (s->name_len < 7)
                s->name[s->name_len++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            if (s->name_len == 2 && memcmp(s->name, "--", 2) == 0) {
                s->marks = 0;
                s->state = SH_COMMENT;
            } else if (s->name_len == 7 && memcmp(s->name, "doctype", 7) == 0) {
                s->quote = 0;
                s->tag_bytes = 0;
                s->state = SH_DOCTYPE;
            } else if (memcmp(s->name, "doctype", s->name_len) != 0 &&
                       memcmp(s->name, "--", s->name_len < 2 ? s->name_len : 2) != 0) {
                s->state = SH_TEXT;
            }
            break;
        case SH_COMMENT:
            if (c != '>') {
                /* to the next '>', counting the dashes just before it */
                size_t j = sh_find(p, i + 1, n, '>');
                size_t t = 0;
                while (t < j - i && p[j - 1 - t] == '-')
                    t++;
                s->marks = t == j - i ? s->marks + (unsigned)t : (unsigned)t;
                memcpy(out + o, p + i, j - i);
                o += j - i;
                i = j - 1;
                break;
            }
            out[o++] = (char)c;
            if (c == '>' && s->marks >= 2)
                s->state = SH_TEXT;
            s->marks = c == '-' ? s->marks + 1 : 0;
            break;
        case SH_DOCTYPE:
            if (s->quote && c == '>') {
                /* a quoted id ends at '>' as in a browser (a page cut
                 * after "http://www.w" would hide all up to the next
                 * quote): closed here for libxml2, which reads on */
                out[o++] = (char)s->quote;
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
                break;
            } else if (c == '>') {
                s->state = SH_TEXT;
            }
            out[o++] = (char)c;
            break;
        case SH_SUBSET:
            /* past a tag's length, quotes and ']' are no longer looked
             * for: the subset ends at the next '>' */
            if (++s->tag_bytes > HTML_SHIELD_TAG) {
                if (c == '>') {
                    out[o++] = (char)c;
                    s->quote = 0;
                    s->state = SH_TEXT;
                }
                break;
            }
            if (s->quote) {
                if (c == s->quote)
                    s->quote = 0;
            } else if (c == '"' || c == '\'') {
                s->quote = c;
            } else if (c == ']') {
                s->state = SH_DOCTYPE;
            }
            break;
        case SH_RAW: {
            if (s->marks == 0 && c != '<') {
                /* nothing of the end tag begun: on to the next '<' */
                size_t j = sh_find(p, i + 1, n, '<');
                memcpy(out + o, p + i, j - i);
                o += j - i;
                i = j - 1;
                break;
            }
            /* "</script" or "</style" ends it, as libxml2 reads it */
            out[o++] = (char)c;
            const char *end = s->kind & SK_SCRIPT ? "</script" : "</style";
            size_t k = strlen(end);
            unsigned char lc = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
            if (lc == (unsigned char)end[s->marks])
                s->marks++;
            else
                s->marks = lc == '<';
            if (s->marks == k) {
                s->raw = 0;
                s->end_tag = 1;
                s->keep = 1;
                s->cut = 0;
                s->quote = 0;
                s->attrs = 0;
                s->tag_bytes = k;
                s->state = SH_ETAG;
            }
            break;
        }
        case SH_AMP:
            s->begun = 1;
            if (c == '#') {
                s->held[s->held_len++] = c;
                s->state = SH_AMP_HASH;
                break;
            }
            out[o++] = '&';
            s->held_len = 0;
            s->state = SH_TEXT;
            goto again;
        case SH_AMP_HASH:
        case SH_AMP_HEX: {
            int hex = s->state == SH_AMP_HEX;
            if (!hex && (c == 'x' || c == 'X')) {
                s->held[s->held_len++] = c;
                s->state = SH_AMP_HEX;
                break;
            }
            int digit = (c >= '0' && c <= '9') ||
                        (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'));
            if (!digit) {
                /* no reference: the text as it stands */
                o += sh_put(out + o, "&amp;");
                memcpy(out + o, s->held + 1, s->held_len - 1);
                o += s->held_len - 1;
            } else {
                memcpy(out + o, s->held, s->held_len);
                o += s->held_len;
            }
            s->held_len = 0;
            s->state = SH_TEXT;
            goto again;
        }
        default:
            break;
        }
    }
    return o;
}

size_t html_shield_end(html_shield *s, char *out)
{
    size_t o = 0;
    if (s->state == SH_AMP_HASH || s->state == SH_AMP_HEX) {
        o = sh_put(out, "&amp;");
        memcpy(out + o, s->held + 1, s->held_len - 1);
        o += s->held_len - 1;
    } else {
        memcpy(out, s->held, s->held_len);
        o = s->held_len;
    }
    s->held_len = 0;
    s->state = SH_TEXT;
    return o;
}
