/* markdown.c - text as CommonMark reads it back. */
#include <string.h>
#include "markdown.h"

/* ASCII punctuation that is markup anywhere in a line ("![" is an image
 * only with its "[", which is escaped). */
static int inline_markup(char c)
{
    return c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
           c == '|';
}

ub_status md_escape(buf *out, const mem *m, const char *s, size_t n, int line_start)
{
    ub_status st = buf_reserve(out, m, 2 * n + 1);
    if (st != UB_OK)
        return st;
    char *o = out->data + out->len;
    size_t i = 0;
    if (line_start && n > 0) {
        /* "1986. A year" and "3) Then" would open an ordered list */
        size_t d = 0;
        while (d < n && d < 9 && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
            memcpy(o, s, d);
            o += d;
            i = d;
            *o++ = '\\';
        } else if (strchr("#->+=~", s[0]) != NULL) {
            *o++ = '\\';
        }
    }
    for (; i < n; i++) {
        char c = s[i];
        /* "&amp;" would be read as an entity; the text may come in pieces,
         * so what follows the "&" is not known */
        if (inline_markup(c) || c == '&')
            *o++ = '\\';
        *o++ = c;
    }
    out->len = (size_t)(o - out->data);
    return UB_OK;
}

ub_status md_target(buf *out, const mem *m, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(url);
    ub_status st = buf_reserve(out, m, 3 * n + 2);
    if (st != UB_OK)
        return st;
    char *o = out->data + out->len;
    *o++ = '(';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)url[i];
        if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == 0x7f) {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        } else {
            *o++ = (char)c;
        }
    }
    *o++ = ')';
    out->len = (size_t)(o - out->data);
    return UB_OK;
}

/* Length of the scheme with its ':' ("https:"), 0 if none. */
static size_t scheme_len(const char *s)
{
    size_t i = 0;
    if (!((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
        return 0;
    while (s[i] && s[i] != ':' && s[i] != '/' && s[i] != '?' && s[i] != '#')
        i++;
    return s[i] == ':' ? i + 1 : 0;
}

/* Appends s[0..n) to out[*len..cap); 0 if it did not fit. */
static int put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > cap)
        return 0;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = 0;
    return 1;
}

/* Drops "." and "x/.." segments from the path that starts at out[from]. */
static size_t dot_segments(char *out, size_t from, size_t len)
{
    size_t end = from;
    while (end < len && out[end] != '?' && out[end] != '#')
        end++;
    char path[2048] = "";
    size_t pl = 0;
    for (size_t i = from; i < end;) {
        size_t j = i + 1;
        while (j < end && out[j] != '/')
            j++;
        const char *seg = out + i;   /* "/name" */
        size_t sl = j - i;
        if (sl == 2 && seg[1] == '.') {
            if (j == end && pl + 1 < sizeof path)
                path[pl++] = '/';
        } else if (sl == 3 && seg[1] == '.' && seg[2] == '.') {
            while (pl > 0 && path[pl - 1] != '/')
                pl--;
            if (pl > 0)
                pl--;
            if (j == end && pl + 1 < sizeof path)
                path[pl++] = '/';
        } else if (pl + sl < sizeof path) {
            memcpy(path + pl, seg, sl);
            pl += sl;
        }
        i = j;
    }
    /* the path only shrinks */
    size_t tail = len - end;
    memmove(out + from + pl, out + end, tail);
    memcpy(out + from, path, pl);
    out[from + pl + tail] = 0;
    return from + pl + tail;
}

size_t md_resolve(const char *base, const char *href, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    while (*href == ' ')
        href++;
    if (!base || !*base || scheme_len(href) > 0)
        return put(out, cap, &len, href, strlen(href)) ? len : 0;
    size_t sch = scheme_len(base);
    /* the authority: "//host" after the scheme */
    size_t auth = sch;
    if (base[auth] == '/' && base[auth + 1] == '/') {
        auth += 2;
        while (base[auth] && base[auth] != '/' && base[auth] != '?' && base[auth] != '#')
            auth++;
    }
    if (href[0] == '/' && href[1] == '/') {
        if (!put(out, cap, &len, base, sch) || !put(out, cap, &len, href, strlen(href)))
            return 0;
        return len;
    }
    if (href[0] == '/') {
        if (!put(out, cap, &len, base, auth) || !put(out, cap, &len, href, strlen(href)))
            return 0;
        return dot_segments(out, auth, len);
    }
    size_t q = auth;
    while (base[q] && base[q] != '?' && base[q] != '#')
        q++;
    if (href[0] == '#' || href[0] == '?' || href[0] == 0) {
        size_t keep = href[0] == '#' ? q + strcspn(base + q, "#") : q;
        if (!put(out, cap, &len, base, keep) || !put(out, cap, &len, href, strlen(href)))
            return 0;
        return len;
    }
    size_t dir = q;
    while (dir > auth && base[dir - 1] != '/')
        dir--;
    if (!put(out, cap, &len, base, dir) || (dir == auth && !put(out, cap, &len, "/", 1)) ||
        !put(out, cap, &len, href, strlen(href)))
        return 0;
    return dot_segments(out, auth, len);
}

size_t md_fence(const char *s, size_t n)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best >= 3 ? best + 1 : 3;
}
