/* jsonl_scan.c - the JSON grammar over a line in memory, without a tree.
 *
 * One pass checks the whole line, keeping only a stack of one bit per open
 * container (object or array); the span of the field's value is noted on
 * the way.  Strings are decoded and encoded through a fixed buffer. */
#include <stdint.h>
#include <string.h>
#include "json_escape.h"
#include "jsonl_scan.h"
#include "span.h"
#include "utf8.h"

#define PIECE (64u * 1024u)

static int hex4(const unsigned char *s, size_t n, unsigned *out)
{
    if (n < 4)
        return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

/* ---- checking ----------------------------------------------------------- */

typedef struct scan {
    const unsigned char *s;
    size_t n, i;
    jscan *out;
} scan;

static int bad(scan *p, const char *why)
{
    p->out->why = why;
    p->out->at = p->i;
    return -1;
}

static void skip_space(scan *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

/* p->s[p->i] is '"': past the closing quote.  *escaped: it held a '\'. */
static int string(scan *p, int *escaped)
{
    const unsigned char *s = p->s;
    size_t n = p->n, i = p->i + 1;
    for (;;) {
        i += span_json_plain(s + i, n - i);
        if (i >= n) {
            p->i = i;
            return bad(p, "a string is not closed");
        }
        unsigned c = s[i];
        if (c == '"') {
            p->i = i + 1;
            return 0;
        }
        p->i = i;
        if (c < 0x20)
            return bad(p, "a control character in a string");
        if (c >= 0x80) {
            size_t k = utf8_seq_len(s + i, n - i);
            if (k == 0)
                return bad(p, "invalid UTF-8");
            i += k;
            continue;
        }
        *escaped = 1;
        unsigned e = i + 1 < n ? s[i + 1] : 0;
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
            e == 'r' || e == 't') {
            i += 2;
            continue;
        }
        unsigned u, lo;
        if (e != 'u' || hex4(s + i + 2, n - i - 2, &u) != 0)
            return bad(p, "an invalid escape in a string");
        i += 6;
        if (u >= 0xDC00 && u <= 0xDFFF)
            return bad(p, "a lone low surrogate in a string");
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 >= n || s[i] != '\\' || s[i + 1] != 'u' ||
                hex4(s + i + 2, n - i - 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
                return bad(p, "a lone high surrogate in a string");
            i += 6;
        }
    }
}

static int digits(scan *p)
{
    size_t start = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    return p->i > start ? 0 : bad(p, "an invalid number");
}

static int number(scan *p)
{
    if (p->s[p->i] == '-')
        p->i++;
    if (p->i < p->n && p->s[p->i] == '0')
        p->i++;
    else if (p->i >= p->n || p->s[p->i] < '1' || p->s[p->i] > '9' || digits(p) != 0)
        return bad(p, "an invalid number");
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (digits(p) != 0)
            return -1;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        return digits(p);
    }
    return 0;
}

static int literal(scan *p)
{
    static const char *const words[] = { "true", "false", "null" };
    for (int k = 0; k < 3; k++) {
        size_t l = strlen(words[k]);
        if (p->n - p->i >= l && memcmp(p->s + p->i, words[k], l) == 0) {
            p->i += l;
            return 0;
        }
    }
    return bad(p, "an invalid token");
}

/* Compares decoded bytes with the field's name, piece by piece. */
typedef struct compare {
    const char *name;
    size_t len, off;
    int differs;
} compare;

static int compare_sink(void *ctx, const char *s, size_t n)
{
    compare *c = ctx;
    if (c->differs || n > c->len - c->off || memcmp(c->name + c->off, s, n) != 0) {
        c->differs = 1;
        return 1;
    }
    c->off += n;
    return 0;
}

static int key_is(const scan *p, size_t a, size_t b, int escaped, const char *field,
                  size_t field_len)
{
    const char *k = (const char *)p->s + a;
    if (!escaped)
        return b - a - 2 == field_len && memcmp(k + 1, field, field_len) == 0;
    compare c = { field, field_len, 0, 0 };
    return jscan_decode(k, b - a, compare_sink, &c) == 0 && !c.differs && c.off == field_len;
}

void jscan_line(const char *s, size_t n, const char *field, size_t field_len, jscan *out)
{
    memset(out, 0, sizeof *out);
    scan p = { (const unsigned char *)s, n, 0, out };
    uint64_t objects[JSCAN_MAX_DEPTH / 64] = {0};  /* bit set: that level is an object */
    size_t depth = 0, value_at = 0;
    int member = 0;         /* the top object's current member is the field */
    skip_space(&p);
    out->object = p.i < n && s[p.i] == '{';
    for (;;) {
        /* a value */
        skip_space(&p);
        if (p.i >= n) {
            bad(&p, p.i == 0 ? "an empty line" : "the line ends inside the JSON");
            return;
        }
        unsigned c = p.s[p.i];
        int esc = 0;
        if (c == '{' || c == '[') {
            if (depth == JSCAN_MAX_DEPTH) {
                bad(&p, "nested too deep");
                return;
            }
            if (c == '{')
                objects[depth / 64] |= (uint64_t)1 << (depth % 64);
            else
                objects[depth / 64] &= ~((uint64_t)1 << (depth % 64));
            depth++;
            p.i++;
            skip_space(&p);
            if (p.i < n && p.s[p.i] == (c == '{' ? '}' : ']')) {
                p.i++;
                depth--;
            } else if (c == '{') {
                goto key;
            } else {
                continue;
            }
        } else if ((c == '"' ? string(&p, &esc) : c == '-' || (c >= '0' && c <= '9')
                    ? number(&p) : literal(&p)) != 0) {
            return;
        }
        /* a value ended: what follows it */
        for (;;) {
            if (depth == 1 && member) {
                out->found = 1;
                out->from = value_at;
                out->to = p.i;
                member = 0;
            }
            skip_space(&p);
            if (depth == 0) {
                if (p.i < n)
                    bad(&p, "more after the JSON value");
                return;
            }
            int object = (objects[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1;
            if (p.i >= n) {
                bad(&p, "the line ends inside the JSON");
                return;
            }
            c = p.s[p.i];
            if (c == (object ? '}' : ']')) {
                p.i++;
                depth--;
                continue;
            }
            if (c != ',') {
                bad(&p, object ? "',' or '}' expected" : "',' or ']' expected");
                return;
            }
            p.i++;
            if (!object)
                break;
        key:
            skip_space(&p);
            if (p.i >= n || p.s[p.i] != '"') {
                bad(&p, "a member name expected");
                return;
            }
            size_t ka = p.i;
            esc = 0;
            if (string(&p, &esc) != 0)
                return;
            if (depth == 1)
                member = key_is(&p, ka, p.i, esc, field, field_len);
            skip_space(&p);
            if (p.i >= n || p.s[p.i] != ':') {
                bad(&p, "':' expected");
                return;
            }
            p.i++;
            skip_space(&p);
            if (depth == 1)
                value_at = p.i;
            break;
        }
    }
}

/* ---- decoding and encoding --------------------------------------------- */

int jscan_decode(const char *s, size_t n, jscan_sink sink, void *ctx)
{
    char buf[PIECE];
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 1, end = n - 1;      /* inside the quotes */
    while (i < end) {
        if (PIECE - o < 4) {
            /* an escape decodes to at most 4 bytes */
            int r = sink(ctx, buf, o);
            if (r)
                return r;
            o = 0;
        }
        size_t room = end - i < PIECE - o ? end - i : PIECE - o;
        const char *bs = memchr(s + i, '\\', room);
        size_t run = bs ? (size_t)(bs - (s + i)) : room;
        memcpy(buf + o, s + i, run);
        o += run;
        i += run;
        if (!bs || PIECE - o < 4)
            continue;
        unsigned e = u[i + 1], cp = 0, lo = 0;
        switch (e) {
        case 'b': buf[o++] = '\b'; break;
        case 'f': buf[o++] = '\f'; break;
        case 'n': buf[o++] = '\n'; break;
        case 'r': buf[o++] = '\r'; break;
        case 't': buf[o++] = '\t'; break;
        case 'u':
            hex4(u + i + 2, 4, &cp);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                hex4(u + i + 8, 4, &lo);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            o += utf8_encode(cp, buf + o);
            i += 4;
            break;
        default: buf[o++] = (char)e; break;
        }
        i += 2;
    }
    return o ? sink(ctx, buf, o) : 0;
}

int jscan_encode(const char *s, size_t n, jscan_sink sink, void *ctx)
{
    char buf[PIECE];
    size_t o = 0, i = 0;
    buf[o++] = '"';
    while (i < n) {
        size_t room = (PIECE - 1 - o) / JSON_ESCAPE_MAX;
        if (room < 4) {
            /* a sequence of up to 4 bytes is then always decided */
            int r = sink(ctx, buf, o);
            if (r)
                return r;
            o = 0;
            continue;
        }
        size_t take = n - i < room ? n - i : room, used;
        o += json_escape(buf + o, s + i, take, i + take == n, &used);
        i += used;
    }
    buf[o++] = '"';
    return sink(ctx, buf, o);
}
