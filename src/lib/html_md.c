/* html_md.c - --markdown for the HTML reader: links as [text](url),
 * images as ![alt](src), list depths and item numbers, quotations, and the
 * language of code, kept beside each block's plain text.
 *
 * It exists apart so that the plain blocks (html_blocks.c) read without the
 * Markdown, which only --markdown asks for. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "html_reader_impl.h"
#include "markdown.h"

/* href resolved against <base> and --url into out[0..HREF_MAX) */
static size_t html_md_resolve(const html_reader *r, const char *href, char *out)
{
    char base[HREF_MAX];
    const char *b = r->meta != NULL ? meta_base(r->meta) : NULL;
    if (b == NULL || md_resolve(r->md_url, b, base, sizeof base) == 0)
        b = r->md_url;
    else
        b = base;
    return md_resolve(b, href, out, HREF_MAX);
}

/* "![alt](src)" where the image stands in the text */
static void html_md_image(html_reader *r, const xmlChar **atts)
{
    const char *src = html_reader_attr(atts, HTML_ATTR_SRC);
    const char *alt = html_reader_attr(atts, HTML_ATTR_ALT);
    char url[HREF_MAX];
    if (src == NULL || *src == '\0' || html_md_resolve(r, src, url) == 0 || r->md_bad)
        return;
    char text[512];
    int space = 0;
    size_t n = alt != NULL ? html_blocks_collapse(text, 0, sizeof text, &space,
                                                         (const unsigned char *)alt,
                                                         strnlen(alt, 4 * sizeof text))
                           : 0;
    ub_status st = UB_OK;
    if (r->md.len > 0)
        st = buf_append(&r->md, r->m, " ", 1);
    if (st == UB_OK)
        st = buf_append(&r->md, r->m, "![", 2);
    if (st == UB_OK)
        st = md_escape(&r->md, r->m, text, n, 0);
    if (st == UB_OK)
        st = buf_append(&r->md, r->m, "]", 1);
    if (st == UB_OK)
        st = md_target(&r->md, r->m, url);
    if (st != UB_OK)
        html_reader_fail(r, st);
    r->md_after_image = 1;
    if (r->len == 0 && !r->continued)
        r->md_alone = 1;
}

/* The link's text, if any, becomes "[text](url)". */
void html_md_link_end(html_reader *r)
{
    size_t at = r->md_link_at;
    r->md_link_at = SIZE_MAX;
    if (r->md_bad || at >= r->md.len)
        return;
    if (r->md.data[at] == ' ')
        at++;
    if (at >= r->md.len)
        return;
    if (buf_reserve(&r->md, r->m, 2) != UB_OK) {
        html_reader_fail(r, UB_ENOMEM);
        return;
    }
    memmove(r->md.data + at + 1, r->md.data + at, r->md.len - at);
    r->md.data[at] = '[';
    r->md.len++;
    md_inline_inserted(&r->md_spans, at, 1);
    if (at > 0 && r->md.data[at - 1] == '!') {
        /* "![" would make the link an image */
        memmove(r->md.data + at, r->md.data + at - 1, r->md.len - at + 1);
        r->md.data[at - 1] = '\\';
        r->md.len++;
        md_inline_inserted(&r->md_spans, at - 1, 0);
    }
    if (buf_append(&r->md, r->m, "]", 1) != UB_OK || md_target(&r->md, r->m, r->md_href) != UB_OK)
        html_reader_fail(r, UB_ENOMEM);
}

/* "language-python" or "lang-js" in a class: the code's language */
static void html_md_lang(html_reader *r, const char *cls)
{
    for (const char *p = cls; p != NULL && *p != '\0';) {
        while (html_hints_ws((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] != '\0' && !html_hints_ws((unsigned char)p[n]))
            n++;
        size_t k = strncmp(p, "language-", 9) == 0 ? 9 : strncmp(p, "lang-", 5) == 0 ? 5 : 0;
        if (k > 0 && n > k && n - k < sizeof r->pre_lang) {
            size_t m = 0;
            for (size_t i = k; i < n; i++)
                if (html_hints_alnum((unsigned char)p[i]) || p[i] == '+' || p[i] == '-' ||
                    p[i] == '#' || p[i] == '.')
                    r->pre_lang[m++] = p[i];
            r->pre_lang[m] = '\0';
            return;
        }
        p += n;
    }
}

/* The inline span an element is in Markdown (md_inline.h), or 0. */
static unsigned html_md_span_kind(const char *n)
{
    if (strcmp(n, "em") == 0 || strcmp(n, "i") == 0)
        return MD_EM;
    if (strcmp(n, "strong") == 0 || strcmp(n, "b") == 0)
        return MD_STRONG;
    return strcmp(n, "code") == 0 ? MD_CODE : 0;
}

/* A list, a list item or a quotation: the depths and numbers the blocks
 * inside get; returns 0 for any other element. */
static int html_md_nesting(html_reader *r, const char *n, const xmlChar **atts, frame *f,
                           const frame *top)
{
    if ((n[0] == 'o' || n[0] == 'u') && n[1] == 'l' && n[2] == '\0') {
        unsigned d = top->list < LIST_MAX - 1 ? top->list + 1u : LIST_MAX - 1u;
        const char *start = n[0] == 'o' ? html_reader_attr(atts, HTML_ATTR_START) : NULL;
        long v = start != NULL ? strtol(start, NULL, 10) : 1;
        f->list = (unsigned char)d;
        r->list_ordered[d] = n[0] == 'o';
        r->list_next[d] = v >= 0 && v < 1000000000 ? (unsigned)v : 1u;
    } else if (strcmp(n, "li") == 0) {
        unsigned d = top->list;
        f->number = d > 0 && r->list_ordered[d] ? r->list_next[d]++ : 0;
        f->item = ++r->items;
    } else if (strcmp(n, "blockquote") == 0) {
        f->quote = top->quote < 15 ? (unsigned char)(top->quote + 1) : 15;
    } else {
        return 0;
    }
    return 1;
}

/* <a href>: its text becomes a link once it ends (html_md_link_end). */
static void html_md_link_start(html_reader *r, const xmlChar **atts)
{
    const char *href = html_reader_attr(atts, HTML_ATTR_HREF);
    if (href != NULL && r->md_link_at == SIZE_MAX && strncmp(href, "javascript:", 11) != 0 &&
        html_md_resolve(r, href, r->md_href) > 0) {
        r->md_link_at = r->md.len;
        r->md_link_depth = r->depth + 1;
    }
}

/* What an opening element means to the Markdown: a list and its items'
 * numbers, a link, an image, an inline span, code's language. */
void html_md_start(html_reader *r, const xmlChar *name, const xmlChar **atts, frame *f,
                   const frame *top)
{
    const char *n = (const char *)name;
    unsigned kind;
    if (html_md_nesting(r, n, atts, f, top))
        return;
    if (r->md_links && n[0] == 'a' && n[1] == '\0') {
        html_md_link_start(r, atts);
    } else if (r->md_images && strcmp(n, "img") == 0) {
        html_md_image(r, atts);
    } else if (!(f->flags & BLOCK_PRE) && (kind = html_md_span_kind(n)) != 0) {
        md_inline_open(&r->md_spans, kind, r->depth + 1, r->md.len);
    } else if (f->flags & BLOCK_PRE) {
        if (strcmp(n, "pre") == 0)
            r->pre_lang[0] = '\0';
        if (strcmp(n, "pre") == 0 || strcmp(n, "code") == 0)
            html_md_lang(r, html_reader_attr(atts, HTML_ATTR_CLASS));
    }
}
