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

/* Elements libxml2 2.9.14 never keeps open. */
static const char *const sh_void[] = {
    "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img",
    "input", "isindex", "link", "meta", "param", "source", "track", "wbr",
};

/* Elements whose content the reader leaves out: dropping one of them
 * would show what it hides, so they may go deeper (to twice the bound). */
static const char *const sh_hiding[] = {
    "applet", "audio", "button", "canvas", "datalist", "frameset", "head",
    "iframe", "math", "noframes", "noscript", "object", "optgroup", "option",
    "script", "select", "style", "svg", "template", "textarea", "title",
    "video",
};

/* Elements that make a paragraph break: one dropped for depth leaves an
 * <hr> (void, a break to the reader) so that its text stays apart. */
static const char *const sh_block[] = {
    "address", "article", "aside", "blockquote", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "legend", "li", "listing", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "xmp",
};

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

static int sh_is(const html_shield *s, const char *name)
{
    return s->name_len == strlen(name) && memcmp(s->name, name, s->name_len) == 0;
}

static int sh_is_void(const html_shield *s)
{
    for (size_t i = 0; i < sizeof sh_void / sizeof *sh_void; i++)
        if (sh_is(s, sh_void[i]))
            return 1;
    return 0;
}

static int sh_is_block(const html_shield *s)
{
    for (size_t i = 0; i < sizeof sh_block / sizeof *sh_block; i++)
        if (sh_is(s, sh_block[i]))
            return 1;
    return 0;
}

static int sh_is_hiding(const html_shield *s)
{
    for (size_t i = 0; i < sizeof sh_hiding / sizeof *sh_hiding; i++)
        if (sh_is(s, sh_hiding[i]))
            return 1;
    return 0;
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
    if (s->end_tag) {
        /* no element can be open: libxml2 would search its whole stack for
         * nothing; head and body it handles apart.  An end tag that leaves
         * libxml2's stack empty (any before the first element, </html>
         * when only html is open) makes its push parser take the rest of
         * the page for trailing junk; a browser ignores those and reads on,
         * and html is closed at the end of the stream anyway. */
        s->keep = s->begun && !sh_is(s, "html") &&
                  (s->depth > 0 || s->ends < HTML_SHIELD_STRAY || sh_is(s, "body") ||
                   sh_is(s, "head"));
        s->ends++;
    } else {
        s->ends = 0;
        s->keep = s->depth < HTML_SHIELD_DEPTH || sh_is_void(s) ||
                  (s->depth < 2 * HTML_SHIELD_DEPTH && sh_is_hiding(s));
    }
    s->as_hr = 0;
    if (s->keep) {
        s->begun |= !s->end_tag;
        memcpy(out, s->held, s->held_len);
        o = s->held_len;
    } else {
        s->dropped++;
        if (!s->end_tag && sh_is_block(s)) {
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
    if ((s->slash && !sh_is(s, "html")) || sh_is_void(s))
        return;
    s->depth++;
    if (sh_is(s, "script") || sh_is(s, "style")) {
        s->raw = 1;
        s->marks = 0;
    }
}

size_t html_shield_run(html_shield *s, const char *in, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t o = 0;

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
                s->begun |= !sh_space(c);
                out[o++] = (char)c;
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
                s->held[s->held_len++] = c;
                s->name[s->name_len++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
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
                int html = !s->end_tag && sh_is(s, "html");
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
            out[o++] = (char)c;
            if (c == '>' && s->marks >= 2)
                s->state = SH_TEXT;
            s->marks = c == '-' ? s->marks + 1 : 0;
            break;
        case SH_DOCTYPE:
            if (s->quote) {
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
            /* "</script" or "</style" ends it, as libxml2 reads it */
            out[o++] = (char)c;
            const char *end = sh_is(s, "script") ? "</script" : "</style";
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
