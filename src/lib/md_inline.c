/* md_inline.c - emphasis and code spans placed where CommonMark reads
 * them back.  A delimiter is written, checked against the flanking rules
 * with the characters that really end up beside it, and the span is
 * written as text instead when the check fails. */
#include <string.h>
#include "md_inline.h"
#include "utf8.h"

void md_inline_open(md_inline *mi, unsigned kind, size_t depth, size_t at)
{
    if (mi->nopen < MD_OPEN_MAX)
        mi->open[mi->nopen++] = (md_span){at, depth, kind};
}

void md_inline_close(md_inline *mi, size_t depth, const char *md, size_t len)
{
    if (mi->nopen == 0 || mi->open[mi->nopen - 1].end != depth)
        return;
    md_span s = mi->open[--mi->nopen];
    /* the spaces at its edges go outside: "*x* y", not "*x *y" */
    size_t a = s.start, e = len;
    while (a < e && md[a] == ' ')
        a++;
    while (e > a && md[e - 1] == ' ')
        e--;
    if (a < e && mi->ndone < MD_SPAN_MAX)
        mi->done[mi->ndone++] = (md_span){a, e, s.kind};
}

void md_inline_inserted(md_inline *mi, size_t at, int opens)
{
    /* spans still open began before the link; the closed ones that begin
     * at or after it are inside it */
    for (size_t i = 0; i < mi->ndone; i++) {
        mi->done[i].start += mi->done[i].start > at || (opens && mi->done[i].start == at);
        mi->done[i].end += mi->done[i].end > at;
    }
    for (size_t i = 0; i < mi->nopen; i++)
        mi->open[i].start += mi->open[i].start > at;
}

void md_inline_next_block(md_inline *mi)
{
    mi->ndone = 0;
    for (size_t i = 0; i < mi->nopen; i++)
        mi->open[i].start = 0;
}

/* ---- writing ------------------------------------------------------------ */

/* What CommonMark's flanking rules see beside a delimiter run; AMBIG is a
 * character outside ASCII that is neither a letter nor a space, which
 * may or may not be Unicode punctuation. */
enum { C_SPACE, C_PUNCT, C_OTHER, C_AMBIG };

static int ascii_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/* The class of the character starting at s[0..n). */
static int char_class(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r') ? C_SPACE : ascii_punct(c) ? C_PUNCT : C_OTHER;
    uint32_t cp;
    utf8_decode((const unsigned char *)s, n, &cp);
    /* CommonMark's white space outside ASCII is Unicode's Zs */
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000)
        return C_SPACE;
    return utf8_is_word(cp) ? C_OTHER : C_AMBIG;
}

/* The class of the character ending at s[end - 1]; a line's edge is space. */
static int class_before(const char *s, size_t end)
{
    if (end == 0)
        return C_SPACE;
    size_t i = end - 1;
    while (i > 0 && end - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return char_class(s + i, end - i);
}

static int left_flanking(int prev, int next)
{
    return next != C_SPACE && (next != C_PUNCT || prev == C_SPACE || prev == C_PUNCT);
}

static int right_flanking(int prev, int next)
{
    return prev != C_SPACE && (prev != C_PUNCT || next == C_SPACE || next == C_PUNCT);
}

/* flank() for every reading of an AMBIG neighbour: how many hold (of 4) */
static int flank_count(int (*flank)(int, int), int prev, int next)
{
    int count = 0;
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) {
            int p = prev == C_AMBIG ? (a ? C_PUNCT : C_OTHER) : prev;
            int q = next == C_AMBIG ? (b ? C_PUNCT : C_OTHER) : next;
            count += flank(p, q);
        }
    return count;
}

/* One position's delimiters: the spans closing there, then those opening. */
typedef struct group {
    size_t at, stars;          /* where its run of '*' went, and its length */
    unsigned closers, openers; /* emphasis delimiters in it */
} group;

typedef struct plan {
    md_span sp[MD_SPAN_MAX];
    size_t k;
    unsigned char dead[MD_SPAN_MAX];
    size_t ord[MD_SPAN_MAX];   /* the live spans, by start, outer first */
    size_t nord;
    size_t og[MD_SPAN_MAX], cg[MD_SPAN_MAX]; /* each span's opening and closing group */
    size_t code_at[MD_SPAN_MAX], code_end[MD_SPAN_MAX]; /* where code spans went */
    group g[2 * MD_SPAN_MAX + 2];
    size_t ng;
} plan;

static int contains(const md_span *a, const md_span *b)
{
    return a->start <= b->start && b->end <= a->end;
}

/* ord: live spans by start, then the longer first, then the one that
 * closed later (the outer of two with the same bytes) */
static void plan_sort(plan *p)
{
    p->nord = 0;
    for (size_t i = p->k; i-- > 0;) {
        if (p->dead[i])
            continue;
        size_t j = p->nord++;
        while (j > 0) {
            const md_span *a = &p->sp[p->ord[j - 1]], *b = &p->sp[i];
            if (a->start < b->start || (a->start == b->start && a->end >= b->end))
                break;
            p->ord[j] = p->ord[j - 1];
            j--;
        }
        p->ord[j] = i;
    }
}

/* Spans that cannot be written: inside code (which is literal), inside
 * one of their own kind ("**x**" is not emphasis twice), crossing
 * another, across table cells, code holding a link. */
static void plan_filter(plan *p, const char *s, int row)
{
    for (size_t x = 0; x < p->nord; x++) {
        size_t i = p->ord[x];
        md_span *a = &p->sp[i];
        for (size_t y = 0; y < x && !p->dead[i]; y++) {
            const md_span *b = &p->sp[p->ord[y]];
            if (p->dead[p->ord[y]] || b->end <= a->start)
                continue;
            if (!contains(b, a) || b->kind == MD_CODE || b->kind == a->kind)
                p->dead[i] = 1;
        }
        for (size_t c = a->start; c < a->end && !p->dead[i]; c++) {
            /* an unescaped bracket is a link's or an image's */
            int esc = s[c] == '\\' && c + 1 < a->end;
            char ch = s[c + (size_t)esc];
            c += (size_t)esc;
            if (ch == '\t' || (a->kind == MD_CODE &&
                               ((!esc && (ch == '[' || ch == ']')) || (row && ch == '|'))))
                p->dead[i] = 1;
        }
    }
}

/* "*a**b*" would be read otherwise: two spans of a kind that touch are
 * one, unless another span holds one of them only. */
static void plan_merge(plan *p)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < p->k; i++)
            for (size_t j = 0; j < p->k; j++) {
                if (i == j || p->dead[i] || p->dead[j] || p->sp[i].kind != p->sp[j].kind ||
                    p->sp[i].end != p->sp[j].start)
                    continue;
                int ok = 1;
                for (size_t l = 0; l < p->k && ok; l++)
                    if (l != i && l != j && !p->dead[l])
                        ok = contains(&p->sp[l], &p->sp[i]) == contains(&p->sp[l], &p->sp[j]);
                if (ok) {
                    p->sp[i].end = p->sp[j].end;
                    p->dead[j] = 1;
                    changed = 1;
                }
            }
    }
}

/* A code span: the text unescaped (code is literal), in a fence of
 * backticks longer than any run inside. */
static ub_status code_out(buf *out, const mem *m, const char *s, size_t a, size_t e)
{
    ub_status st = buf_reserve(out, m, 2 * (e - a) + 4);
    if (st != UB_OK)
        return st;
    size_t from = out->len, longest = 0, run = 0;
    for (size_t c = a; c < e; c++) {
        if (s[c] == '\\' && c + 1 < e)
            c++;
        out->data[out->len++] = s[c];
        run = s[c] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t n = out->len - from;
    /* a space between the fence and a backtick, which the reader strips */
    int pad = out->data[from] == '`' || out->data[out->len - 1] == '`';
    size_t fence = longest + 1, side = fence + (size_t)pad;
    if ((st = buf_reserve(out, m, 2 * side)) != UB_OK)
        return st;
    char *d = out->data + from;
    memmove(d + side, d, n);
    memset(d, '`', fence);
    memset(d + side + n + (size_t)pad, '`', fence);
    if (pad)
        d[fence] = d[side + n] = ' ';
    out->len = from + n + 2 * side;
    return UB_OK;
}

static ub_status put_stars(buf *out, const mem *m, plan *p, size_t i, group *g)
{
    g->stars += p->sp[i].kind == MD_STRONG ? 2 : 1;
    return buf_append(out, m, "**", p->sp[i].kind == MD_STRONG ? 2 : 1);
}

/* Writes s[0..n) with the live spans' delimiters, noting the groups. */
static ub_status plan_write(plan *p, buf *out, const mem *m, const char *s, size_t n)
{
    unsigned char opened[MD_SPAN_MAX] = {0}, closed[MD_SPAN_MAX] = {0};
    ub_status st = UB_OK;
    size_t pos = 0;
    p->ng = 0;
    for (;;) {
        size_t next = n;
        int pending = 0;
        for (size_t x = 0; x < p->nord; x++) {
            size_t i = p->ord[x];
            if (!opened[i] && p->sp[i].start < next)
                next = p->sp[i].start;
            if (opened[i] && !closed[i] && p->sp[i].end < next)
                next = p->sp[i].end;
            pending |= !closed[i];
        }
        if (!pending)
            return buf_append(out, m, s + pos, n - pos);
        if (next < pos)
            next = pos;
        if ((st = buf_append(out, m, s + pos, next - pos)) != UB_OK)
            return st;
        pos = next;
        group *g = &p->g[p->ng++];
        *g = (group){out->len, 0, 0, 0};
        for (size_t x = p->nord; x-- > 0 && st == UB_OK;) {
            size_t i = p->ord[x];
            if (opened[i] && !closed[i] && p->sp[i].end == pos) {
                closed[i] = 1;
                p->cg[i] = p->ng - 1;
                g->closers++;
                st = put_stars(out, m, p, i, g);
            }
        }
        for (size_t x = 0; x < p->nord && st == UB_OK; x++) {
            size_t i = p->ord[x];
            if (opened[i] || p->sp[i].start != pos)
                continue;
            opened[i] = 1;
            p->og[i] = p->ng - 1;
            if (p->sp[i].kind == MD_CODE) {
                closed[i] = 1;
                p->code_at[i] = out->len;
                st = code_out(out, m, s, pos, p->sp[i].end);
                p->code_end[i] = out->len;
                pos = p->sp[i].end;
                break;
            }
            g->openers++;
            st = put_stars(out, m, p, i, g);
        }
        if (st != UB_OK)
            return st;
    }
}

/* Whether an emphasis span opened before group gi closes after it. */
static int around(const plan *p, size_t gi)
{
    for (size_t x = 0; x < p->nord; x++) {
        size_t i = p->ord[x];
        if (p->sp[i].kind != MD_CODE && !p->dead[i] && p->og[i] < gi && p->cg[i] > gi)
            return 1;
    }
    return 0;
}

/* Marks the spans whose delimiters the parser would not read as written;
 * returns how many. */
static size_t plan_check(plan *p, const char *o, size_t len)
{
    size_t killed = 0;
    unsigned char both[2 * MD_SPAN_MAX + 2];
    for (size_t gi = 0; gi < p->ng; gi++) {
        group *g = &p->g[gi];
        both[gi] = 0;
        if (g->stars == 0)
            continue;
        size_t after = g->at + g->stars;
        int prev = class_before(o, g->at);
        int next = after < len ? char_class(o + after, len - after) : C_SPACE;
        int lf = flank_count(left_flanking, prev, next), rf = flank_count(right_flanking, prev, next);
        both[gi] = lf > 0 && rf > 0;
        /* a run that may close would close a span still open around it */
        int kill_open = (g->closers > 0 && g->openers > 0) || lf < 4 ||
                        (both[gi] && around(p, gi));
        int kill_close = rf < 4;
        for (size_t x = 0; x < p->nord; x++) {
            size_t i = p->ord[x];
            if (p->sp[i].kind == MD_CODE || p->dead[i])
                continue;
            if ((p->og[i] == gi && kill_open) || (p->cg[i] == gi && kill_close)) {
                p->dead[i] = 1;
                killed++;
            }
        }
    }
    /* "`a``b`" is one span: code right after code is written as text */
    for (size_t x = 0; x < p->nord; x++)
        for (size_t y = 0; y < p->nord; y++) {
            size_t i = p->ord[x], j = p->ord[y];
            if (p->sp[i].kind == MD_CODE && p->sp[j].kind == MD_CODE && !p->dead[i] &&
                !p->dead[j] && p->code_end[i] == p->code_at[j]) {
                p->dead[j] = 1;
                killed++;
            }
        }
    /* a run that may both open and close matches only if the two runs'
     * lengths do not add up to a multiple of three (unless both are) */
    for (size_t x = 0; x < p->nord; x++) {
        size_t i = p->ord[x];
        if (p->sp[i].kind == MD_CODE || p->dead[i])
            continue;
        size_t lo = p->g[p->og[i]].stars, lc = p->g[p->cg[i]].stars;
        if ((both[p->og[i]] || both[p->cg[i]]) && (lo + lc) % 3 == 0 && (lo % 3 || lc % 3)) {
            p->dead[i] = 1;
            killed++;
        }
    }
    return killed;
}

ub_status md_inline_render(const md_inline *mi, buf *out, const mem *m, const char *md, size_t n,
                           int row)
{
    plan p;
    p.k = mi->ndone;
    memcpy(p.sp, mi->done, p.k * sizeof *p.sp);
    for (size_t i = 0; i < p.k; i++)
        p.dead[i] = p.sp[i].start >= p.sp[i].end || p.sp[i].end > n;
    plan_sort(&p);
    plan_filter(&p, md, row);
    size_t from = out->len;
    for (;;) {
        /* a span written as text may have parted two that now touch */
        plan_merge(&p);
        plan_sort(&p);
        out->len = from;
        ub_status st = plan_write(&p, out, m, md, n);
        if (st != UB_OK || plan_check(&p, out->data + from, out->len - from) == 0)
            return st;
    }
}
