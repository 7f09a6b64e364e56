/* explain_html.c - --explain=html: the document's blocks as a page.
 *
 * One self-contained HTML page per document: the blocks in their order,
 * kept ones plain, dropped ones greyed and struck through, each with its
 * reason in the margin and its main features in a tooltip (the title
 * attribute), counts and a legend at the top.  The page has no script and
 * asks for nothing (a Content-Security-Policy forbids both, should anything
 * slip through), and every byte of the document's text is escaped: text
 * input's bytes that are not UTF-8 show as U+FFFD, control characters too.
 *
 * The page is written as the blocks are decided, in bounded memory, so the
 * counts are only known at the end: they are written last and the style
 * sheet shows them first (a flex column with `order`). */
#include <stdio.h>
#include <string.h>
#include "explain.h"
#include "utf8.h"

/* Distinct reasons counted per document; there are fewer in the engine. */
#define REASONS_MAX 48

typedef struct reason_count {
    const char *name;
    unsigned long kept, dropped;
} reason_count;

typedef struct page {
    explain base;
    int html;                    /* the document is HTML (else text) */
    int open;                    /* a block's element is still open */
    unsigned char carry[4];      /* the start of a character cut by a chunk */
    size_t carry_len;
    unsigned long blocks, kept, dropped, rescued;
    reason_count reasons[REASONS_MAX];
    size_t nreasons;
} page;

static ub_status put(page *p, const char *s, size_t n)
{
    return explain_write(&p->base, s, n);
}

static ub_status puts_(page *p, const char *s)
{
    return explain_writes(&p->base, s);
}

/* ---- escaping ------------------------------------------------------- */

/* Bytes a UTF-8 sequence starting with `lead` has (1 for a byte that
 * starts none). */
static size_t seq_len(unsigned char lead)
{
    return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
         : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
}

/* s[0..n) is the start of a sequence that more bytes may complete. */
static int incomplete(const unsigned char *s, size_t n)
{
    if (n == 0 || n >= seq_len(s[0]))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return 1;
}

/* One character of the document's text, as page text or attribute value. */
static ub_status esc_cp(page *p, uint32_t cp)
{
    switch (cp) {
    case '&': return puts_(p, "&amp;");
    case '<': return puts_(p, "&lt;");
    case '>': return puts_(p, "&gt;");
    case '"': return puts_(p, "&quot;");
    case '\'': return puts_(p, "&#39;");
    case '\r': return UB_OK;    /* a CRLF line's CR: the page has its own ends */
    case '\t':
    case '\n':
        break;
    default:
        /* controls are parse errors in HTML; NUL is worse */
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
            cp = UTF8_REPLACEMENT;
    }
    char out[4];
    return put(p, out, utf8_encode(cp, out));
}

/* Escape s[0..n).  more: the text goes on in a later call, so a character
 * cut at the end waits in p->carry for the rest (the page must not depend
 * on how the input was cut).  more = 0 writes what waits. */
static ub_status esc(page *p, const char *s, size_t n, int more)
{
    const unsigned char *at = (const unsigned char *)s, *end = at + n;
    ub_status st = UB_OK;
    while (p->carry_len && st == UB_OK) {
        unsigned char tmp[8];
        size_t c = p->carry_len, add = (size_t)(end - at) < 4 ? (size_t)(end - at) : 4;
        memcpy(tmp, p->carry, c);
        memcpy(tmp + c, at, add);
        if (more && incomplete(tmp, c + add)) {
            memcpy(p->carry + c, at, add);
            p->carry_len += add;
            return UB_OK;
        }
        uint32_t cp;
        size_t k = utf8_decode(tmp, c + add, &cp);
        st = esc_cp(p, cp);
        if (k >= c) {
            at += k - c;
            p->carry_len = 0;
        } else {
            memmove(p->carry, p->carry + k, c - k);
            p->carry_len = c - k;
        }
    }
    while (at < end && st == UB_OK) {
        const unsigned char *q = at;
        while (q < end && *q >= 0x20 && *q < 0x7F && *q != '&' && *q != '<' && *q != '>' &&
               *q != '"' && *q != '\'')
            q++;
        if (q > at) {
            st = put(p, (const char *)at, (size_t)(q - at));
            at = q;
            continue;
        }
        if (more && incomplete(at, (size_t)(end - at))) {
            p->carry_len = (size_t)(end - at);
            memcpy(p->carry, at, p->carry_len);
            return UB_OK;
        }
        uint32_t cp;
        size_t k = utf8_decode(at, (size_t)(end - at), &cp);
        st = esc_cp(p, cp);
        at += k;
    }
    return st;
}

static ub_status esc_str(page *p, const char *s)
{
    return esc(p, s, strlen(s), 0);
}

/* ---- the page -------------------------------------------------------- */

static const char head[] =
    "<!DOCTYPE html>\n"
    "<html>\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"unboil --explain=html\">\n"
    "<title>unboil --explain</title>\n"
    "<style>\n"
    "body{margin:0;font:16px/1.5 sans-serif;color:#1a1a1a;background:#fff;"
    "display:flex;flex-direction:column}\n"
    ".blocks,.sum{box-sizing:border-box;width:100%;max-width:60em;margin:0 auto;padding:0 1em}\n"
    ".sum{order:-1;padding-top:.8em;padding-bottom:.6em;border-bottom:1px solid #ddd;"
    "margin-bottom:.8em}\n"
    ".sum h1{font-size:1.1em;margin:0 0 .3em}\n"
    ".sum p{margin:.25em 0;font-size:.9em}\n"
    ".n-keep{color:#1d6b2a;font-weight:bold}.n-drop{color:#a33;font-weight:bold}\n"
    ".b{display:flex;gap:.8em;margin:.3em 0;padding:.05em 0}\n"
    ".b:hover{background:#f2f2f2}\n"
    ".why{flex:0 0 11em;text-align:right;font:12px/2 monospace;color:#2a7a3a;"
    "overflow:hidden;white-space:nowrap}\n"
    ".t{flex:1;min-width:0;overflow-wrap:anywhere}\n"
    ".drop .why,.x-drop .why{color:#b44}\n"
    ".drop .t,.x-drop .t{color:#8a8a8a;text-decoration:line-through;"
    "text-decoration-color:rgba(170,60,60,.55)}\n"
    ".rescued{background:#eef6e4}\n"
    ".title .t{font-size:1.8em;font-weight:bold;line-height:1.2}\n"
    ".h1 .t{font-size:1.6em;font-weight:bold;line-height:1.2}\n"
    ".h2 .t{font-size:1.35em;font-weight:bold}\n"
    ".h3 .t{font-size:1.15em;font-weight:bold}\n"
    ".h4 .t,.h5 .t,.h6 .t{font-weight:bold}\n"
    ".li .t::before{content:\"\\2022\\00a0\"}\n"
    ".pre .t,.text .t{white-space:pre-wrap;font:14px/1.45 monospace}\n"
    ".sp{margin-top:1.1em}\n"
    ".legend .b{display:inline-flex;margin:0 1em 0 0;vertical-align:middle}\n"
    ".legend .why{flex-basis:auto}\n"
    "</style>\n"
    "</head>\n";

static ub_status html_begin(explain *e, int html)
{
    page *p = (page *)e;
    p->html = html;
    p->open = 0;
    p->carry_len = 0;
    p->blocks = p->kept = p->dropped = p->rescued = 0;
    p->nreasons = 0;
    ub_status st = puts_(p, head);
    if (st != UB_OK)
        return st;
    st = puts_(p, html ? "<body class=\"html\">\n" : "<body class=\"text\">\n");
    return st == UB_OK ? puts_(p, "<div class=\"blocks\">\n") : st;
}

static void count(page *p, const explain_block *b)
{
    p->blocks++;
    if (b->keep)
        p->kept++;
    else
        p->dropped++;
    p->rescued += strcmp(b->reason, "rescued") == 0;
    size_t i = 0;
    while (i < p->nreasons && strcmp(p->reasons[i].name, b->reason) != 0)
        i++;
    if (i == p->nreasons) {
        if (i == REASONS_MAX)
            return;
        p->reasons[i] = (reason_count){ b->reason, 0, 0 };
        p->nreasons++;
    }
    if (b->keep)
        p->reasons[i].kept++;
    else
        p->reasons[i].dropped++;
}

/* The features a reader looks at first, in this order, for the tooltip;
 * --explain=features has them all. */
static const char *const main_features[] = { "p", "c", "w", "sd", "ld", "end", "sep", "lb",
                                             "hint", NULL };

static ub_status tooltip(page *p, const explain_block *b)
{
    char line[160];
    snprintf(line, sizeof line, "%s %s, block %lu\nfirst label %s, stopwords %s\n",
             b->keep ? "KEEP" : "DROP", b->reason, b->number, b->cls, b->lang);
    ub_status st = esc_str(p, line);
    int first = 1;
    for (const char *const *name = main_features; *name && st == UB_OK; name++) {
        const char *s = b->features;
        explain_pair pair;
        while (explain_next_pair(&s, &pair)) {
            if (pair.name_len != strlen(*name) || memcmp(pair.name, *name, pair.name_len) != 0)
                continue;
            if ((!first && (st = puts_(p, " ")) != UB_OK) ||
                (st = esc(p, pair.name, (size_t)(pair.value + pair.value_len - pair.name), 0)) !=
                    UB_OK)
                return st;
            first = 0;
            break;
        }
    }
    return st;
}

static ub_status close_open(page *p)
{
    if (!p->open)
        return UB_OK;
    p->open = 0;
    ub_status st = esc(p, "", 0, 0);
    return st == UB_OK ? puts_(p, "</span></div>\n") : st;
}

static ub_status html_block(explain *e, const explain_block *b)
{
    page *p = (page *)e;
    ub_status st = close_open(p);
    if (st != UB_OK)
        return st;
    count(p, b);
    char cls[96];
    int rescued = strcmp(b->reason, "rescued") == 0;
    snprintf(cls, sizeof cls, "<div class=\"b %s%s%s%s%s\" title=\"", b->keep ? "keep" : "drop",
             *b->kind ? " " : "", b->kind, rescued ? " rescued" : "", b->gap_lines ? " sp" : "");
    if ((st = puts_(p, cls)) != UB_OK || (st = tooltip(p, b)) != UB_OK ||
        (st = puts_(p, "\"><span class=\"why\">")) != UB_OK || (st = esc_str(p, b->reason)) != UB_OK ||
        (st = puts_(p, "</span><span class=\"t\" dir=\"auto\">")) != UB_OK ||
        (st = esc(p, b->text, b->len, b->open)) != UB_OK)
        return st;
    p->open = 1;
    return b->open ? UB_OK : close_open(p);
}

static ub_status html_tail(explain *e, const char *s, size_t n)
{
    page *p = (page *)e;
    /* the tail ends the line; the block's element puts the line end */
    if (n && s[n - 1] == '\n')
        n--;
    return p->open ? esc(p, s, n, 1) : UB_OK;
}

/* before, n, " word" or " words" (plural: the word takes an s), after */
static ub_status put_count(page *p, const char *before, unsigned long n, const char *word,
                           int plural, const char *after)
{
    char s[96];
    snprintf(s, sizeof s, "%s%lu %s%s%s", before, n, word, plural && n != 1 ? "s" : "", after);
    return puts_(p, s);
}

static ub_status reasons_line(page *p, int keep)
{
    ub_status st = puts_(p, keep ? "<p>kept as " : "<p>dropped as ");
    int any = 0;
    for (size_t i = 0; i < p->nreasons && st == UB_OK; i++) {
        unsigned long n = keep ? p->reasons[i].kept : p->reasons[i].dropped;
        if (!n)
            continue;
        char num[32];
        snprintf(num, sizeof num, " %lu", n);
        if ((any && (st = puts_(p, ", ")) != UB_OK) || (st = esc_str(p, p->reasons[i].name)) != UB_OK ||
            (st = puts_(p, num)) != UB_OK)
            return st;
        any = 1;
    }
    if (st == UB_OK && !any)
        st = puts_(p, "nothing");
    return st == UB_OK ? puts_(p, "</p>\n") : st;
}

static ub_status html_end(explain *e)
{
    page *p = (page *)e;
    ub_status st = close_open(p);
    if (st != UB_OK || (st = puts_(p, "</div>\n<div class=\"sum\">\n<h1>unboil --explain: ")) != UB_OK ||
        (st = puts_(p, p->html ? "HTML" : "text")) != UB_OK ||
        (st = puts_(p, " document</h1>\n<p>")) != UB_OK ||
        /* a rescued block is listed twice: struck where it stood, and
         * kept at the end; it counts once, as kept */
        (st = put_count(p, "", p->blocks - p->rescued, "block", 1, ": ")) != UB_OK ||
        (st = put_count(p, "<span class=\"n-keep\">", p->kept, "kept", 0, "</span>")) != UB_OK ||
        (st = put_count(p, ", <span class=\"n-drop\">", p->dropped - p->rescued, "dropped", 0,
                        "</span>")) != UB_OK ||
        (p->rescued && (st = put_count(p, "; of the kept, ", p->rescued, "", 0,
                                       "rescued at the end, struck where they stood")) !=
                           UB_OK))
        return st;
    if ((st = puts_(p, "</p>\n")) != UB_OK || (st = reasons_line(p, 1)) != UB_OK ||
        (st = reasons_line(p, 0)) != UB_OK)
        return st;
    return puts_(p,
                 "<p class=\"legend\"><span class=\"b x-keep\"><span class=\"why\">reason</span>"
                 "<span class=\"t\">kept text</span></span>"
                 "<span class=\"b x-drop\"><span class=\"why\">reason</span>"
                 "<span class=\"t\">dropped text</span></span>"
                 "Point at a block for its features; <code>unboil --explain=features</code> "
                 "lists them all.</p>\n"
                 "</div>\n</body>\n</html>\n");
}

static void html_free(explain *e)
{
    page *p = (page *)e;
    mem_free(p->base.m, p);
}

explain *explain_html_new(const mem *m, explain_put_fn put_fn, void *ctx)
{
    static const explain calls = { html_begin, html_block, html_tail, html_end, html_free,
                                   NULL, NULL, NULL };
    return explain_alloc(m, sizeof(page), &calls, put_fn, ctx);
}
