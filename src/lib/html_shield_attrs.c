/* html_shield_attrs.c - attributes left out of start tags (see
 * html_shield_attrs.h). */
#include <string.h>

#include "html_attrs.h"
#include "html_hints.h"
#include "html_shield_attrs.h"
#include "html_shield_names.h"

enum {
    SA_OFF = SHIELD_ATTRS_OFF,
    SA_ELNAME,     /* the element's name goes on */
    SA_BETWEEN = SHIELD_ATTRS_BETWEEN,
    SA_SLASH,      /* '/': the tag's end if '>' follows */
    SA_NAME,
    SA_AFTER_NAME, /* blanks after the name */
    SA_AFTER_EQ,   /* blanks after '=' */
    SA_QVAL,
    SA_UVAL
};

/* libxml2 reads at most this many bytes of a name at a time */
#define SA_NAME_MAX 100

static int sa_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int sa_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sa_name_start(unsigned char c)
{
    return sa_alpha(c) || c == '_' || c == ':' || c == '.';
}

static int sa_name_char(unsigned char c)
{
    return sa_name_start(c) || (c >= '0' && c <= '9') || c == '-';
}

void shield_attrs_init(shield_attrs *a)
{
    memset(a, 0, sizeof *a);
    a->state = SA_OFF;
}

int shield_attrs_fate(html_attr at, unsigned el, unsigned mode)
{
    /* the script's JSON-LD test reads its start tag as written
     * (html_shield.h): every attribute read anywhere stays there, as it
     * did before the fates by element */
    if (el & SK_SCRIPT)
        return at == HTML_ATTR_NONE ? SHIELD_FATE_DROP : SHIELD_FATE_KEEP;
    switch (at) {
    case HTML_ATTR_NONE:
        return SHIELD_FATE_DROP;
    case HTML_ATTR_ALT:
    case HTML_ATTR_SRC:
        return (el & SK_IMG) && (mode & SHIELD_MODE_IMAGES) ? SHIELD_FATE_KEEP
                                                             : SHIELD_FATE_DROP;
    case HTML_ATTR_START:
        return (el & SK_OL) && (mode & SHIELD_MODE_MARKDOWN) ? SHIELD_FATE_KEEP
                                                              : SHIELD_FATE_DROP;
    case HTML_ATTR_CHARSET:
    case HTML_ATTR_HTTP_EQUIV:
    case HTML_ATTR_NAME:
    case HTML_ATTR_PROPERTY:
        return el & SK_META ? SHIELD_FATE_KEEP : SHIELD_FATE_DROP;
    case HTML_ATTR_TYPE:
        /* only a script's (JSON-LD), kept above */
        return SHIELD_FATE_DROP;
    case HTML_ATTR_LANG:
    case HTML_ATTR_XML_LANG:
        /* only <html>'s, whose tags the shield leaves whole */
        return el & SK_HTML ? SHIELD_FATE_KEEP : SHIELD_FATE_DROP;
    case HTML_ATTR_HREF:
        if (el & (SK_BASE | SK_LINK))
            return SHIELD_FATE_KEEP;
        if (el & SK_A)
            return mode & SHIELD_MODE_LINKS ? SHIELD_FATE_KEEP : SHIELD_FATE_EMPTY;
        return SHIELD_FATE_DROP;
    case HTML_ATTR_STYLE:
        return SHIELD_FATE_STYLE;
    default:
        /* class, id, role, hidden, aria-hidden, itemprop, open: hints and paths
         * on every element; rel, content, datetime: the metadata's byline
         * and itemprop on any element */
        return SHIELD_FATE_KEEP;
    }
}

void shield_attrs_begin(shield_attrs *a, size_t name_len, int name_done, unsigned el)
{
    a->state = name_done ? SA_BETWEEN : SA_ELNAME;
    a->name_len = (unsigned)name_len;
    a->drop = 0;
    a->empty = 0;
    a->el = el;
    a->held_len = 0;
}

int shield_attrs_muting(const shield_attrs *a)
{
    return a->state == SA_QVAL && a->drop;
}

int shield_attrs_emptying(const shield_attrs *a)
{
    return a->state == SA_QVAL && a->empty;
}

size_t shield_attrs_stop(shield_attrs *a, char *out)
{
    size_t n = a->held_len;
    memcpy(out, a->held, n);
    if (shield_attrs_muting(a))
        a->dropped++;
    a->held_len = 0;
    a->drop = 0;
    a->empty = 0;
    a->state = SA_OFF;
    return n;
}

/* What libxml2 would read otherwise: written as it is from here on. */
static int sa_give_up(shield_attrs *a, char *out, size_t *o)
{
    *o += shield_attrs_stop(a, out + *o);
    return SHIELD_ATTRS_WRITE;
}

/* The attribute read is whole: gone if it was to go. */
static void sa_done(shield_attrs *a)
{
    if (a->drop) {
        a->held_len = 0;
        a->dropped++;
    }
    a->drop = 0;
    a->empty = 0;
    a->state = SA_BETWEEN;
}

/* A byte of an attribute left out, before its quoted value. */
static int sa_hold(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    if (!a->drop)
        return SHIELD_ATTRS_WRITE;
    if (!open)
        return SHIELD_ATTRS_HOLD_IT;
    if (a->held_len == SHIELD_ATTRS_HOLD) {
        /* too long to hold: this one stays */
        memcpy(out + *o, a->held, a->held_len);
        *o += a->held_len;
        a->held_len = 0;
        a->drop = 0;
        return SHIELD_ATTRS_WRITE;
    }
    a->held[a->held_len++] = c;
    return SHIELD_ATTRS_HOLD_IT;
}

static int sa_between(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    if (sa_blank(c))
        return SHIELD_ATTRS_WRITE;
    if (c == '>') {
        a->state = SA_OFF;
        return SHIELD_ATTRS_WRITE;
    }
    if (c == '/') {
        a->state = SA_SLASH;
        return SHIELD_ATTRS_WRITE;
    }
    if (!sa_name_start(c))
        return sa_give_up(a, out, o);
    a->state = SA_NAME;
    a->name_len = 1;
    a->name[0] = (char)(c | 0x20);
    a->drop = 1;
    return sa_hold(a, c, open, out, o);
}

static int sa_name(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    if (sa_name_char(c)) {
        if (a->name_len == SA_NAME_MAX)
            return sa_give_up(a, out, o);
        if (a->name_len < sizeof a->name)
            a->name[a->name_len] = (char)(sa_alpha(c) ? c | 0x20 : c);
        a->name_len++;
        return sa_hold(a, c, open, out, o);
    }
    int fate = a->name_len <= sizeof a->name
                   ? shield_attrs_fate(html_attr_find(a->name, a->name_len), a->el, a->mode)
                   : SHIELD_FATE_DROP;
    if (fate != SHIELD_FATE_DROP) {
        /* a style read a byte at a time stays whole */
        memcpy(out + *o, a->held, a->held_len);
        *o += a->held_len;
        a->held_len = 0;
        a->drop = 0;
        a->empty = fate == SHIELD_FATE_EMPTY;
    }
    a->state = SA_AFTER_NAME;
    return -1;
}

static int sa_value(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    if (a->state == SA_QVAL) {
        if (c == a->quote) {
            int mute = a->drop;
            sa_done(a);
            return mute ? SHIELD_ATTRS_MUTE : SHIELD_ATTRS_WRITE;
        }
        if (c == 0) {
            /* libxml2 ends the value and the tag at a NUL: a quote
             * dropped comes back, as a stray one before it (an emptied
             * value's was written) */
            if (a->drop && open)
                out[(*o)++] = (char)a->quote;
            a->drop = 0;
            a->empty = 0;
            return sa_give_up(a, out, o);
        }
        return a->drop || a->empty ? SHIELD_ATTRS_MUTE : SHIELD_ATTRS_WRITE;
    }
    /* unquoted, to a blank or '>' */
    if (sa_blank(c) || c == '>') {
        sa_done(a);
        return -1;
    }
    if (c == 0 || c == '"' || c == '\'' || (c < 0x20 && c != '\t'))
        return sa_give_up(a, out, o);
    return sa_hold(a, c, open, out, o);
}

static int sa_after(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    if (sa_blank(c))
        return sa_hold(a, c, open, out, o);
    if (a->state == SA_AFTER_NAME) {
        if (c != '=') {
            sa_done(a);
            return -1;
        }
        a->state = SA_AFTER_EQ;
        return sa_hold(a, c, open, out, o);
    }
    if (c == '"' || c == '\'') {
        a->quote = c;
        a->state = SA_QVAL;
        if (!a->drop)
            return SHIELD_ATTRS_WRITE;
        a->held_len = 0;
        return SHIELD_ATTRS_MUTE;
    }
    if (c == '>') {
        sa_done(a);
        return -1;
    }
    /* an unquoted value is written as it is */
    a->empty = 0;
    a->state = SA_UVAL;
    return -1;
}

/* One state's handling of c; -1 when c is to be read again in the state
 * it moved to. */
static int sa_one(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    switch (a->state) {
    case SA_ELNAME:
        if (!sa_name_char(c)) {
            a->state = SA_BETWEEN;
            return -1;
        }
        return ++a->name_len >= SA_NAME_MAX ? sa_give_up(a, out, o) : SHIELD_ATTRS_WRITE;
    case SA_BETWEEN:
        return sa_between(a, c, open, out, o);
    case SA_SLASH:
        if (c != '>')
            return sa_give_up(a, out, o);
        a->state = SA_OFF;
        return SHIELD_ATTRS_WRITE;
    case SA_NAME:
        return sa_name(a, c, open, out, o);
    case SA_AFTER_NAME:
    case SA_AFTER_EQ:
        return sa_after(a, c, open, out, o);
    case SA_QVAL:
    case SA_UVAL:
        return sa_value(a, c, open, out, o);
    default:
        return SHIELD_ATTRS_WRITE;
    }
}

int shield_attrs_step(shield_attrs *a, unsigned char c, int open, char *out, size_t *o)
{
    int v;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && a->state != SA_QVAL &&
        a->state != SA_OFF)
        /* libxml2 ends the tag's attributes at a control character */
        return sa_give_up(a, out, o);
    while ((v = sa_one(a, c, open, out, o)) < 0)
        ;
    return v;
}

int shield_attrs_in_value(const shield_attrs *a)
{
    return a->state == SA_QVAL;
}

/* The bytes of a name after its first: letters, digits and ":-_." */
static const unsigned char sa_name_bytes[256] = {
    ['-'] = 1, ['.'] = 1, [':'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

int shield_attrs_name_byte(unsigned char c)
{
    return sa_name_bytes[c];
}

/* Whether the quoted value v[0..n) may hide its element as a style: it
 * is read as libxml2 would give it (no '&' to decode, ASCII, shorter than
 * what the hints look at) and said not to hide, or it is kept. */
static int sa_style_may_hide(const unsigned char *v, size_t n)
{
    if (n >= ATTR_SCAN_MAX)
        return 1;
    for (size_t j = 0; j < n; j++)
        if (v[j] == '&' || v[j] >= 0x80)
            return 1;
    return html_hints_style_hides((const char *)v, n);
}

size_t shield_attrs_token(shield_attrs *a, const unsigned char *p, size_t i, size_t lim,
                          int nul_free, int *fate, size_t *value)
{
    if (!sa_name_start(p[i]))
        return 0;
    size_t k = i + 1;
    while (k < lim && sa_name_bytes[p[k]])
        k++;
    /* the name and '=' are what the byte-at-a-time reading would hold */
    if (k + 2 >= lim || k - i + 1 > SHIELD_ATTRS_HOLD || p[k] != '=' ||
        (p[k + 1] != '"' && p[k + 1] != '\''))
        return 0;
    const unsigned char *q = memchr(p + k + 2, p[k + 1], lim - k - 2);
    if (q == NULL || (!nul_free && memchr(p + k + 2, 0, (size_t)(q - p) - k - 2) != NULL))
        return 0;
    char name[sizeof a->name] = {0};
    size_t n = k - i;
    *fate = SHIELD_FATE_DROP;
    *value = k + 2;
    if (n <= sizeof name) {
        for (size_t j = 0; j < n; j++)
            name[j] = (char)(sa_alpha(p[i + j]) ? p[i + j] | 0x20 : p[i + j]);
        *fate = shield_attrs_fate(html_attr_find(name, n), a->el, a->mode);
    }
    if (*fate == SHIELD_FATE_STYLE)
        *fate = sa_style_may_hide(p + k + 2, (size_t)(q - p) - k - 2) ? SHIELD_FATE_KEEP
                                                                       : SHIELD_FATE_EMPTY;
    if (*fate == SHIELD_FATE_DROP)
        a->dropped++;
    return (size_t)(q - p) + 1;
}
