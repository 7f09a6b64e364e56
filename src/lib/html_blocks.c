/* html_blocks.c - the HTML reader's text gathered into blocks: whitespace
 * collapsed (or kept in <pre>), link bytes counted, a block cut at
 * BLOCK_MAX, the cells of a table row joined by tabs, and each block handed
 * over with the flags and hints of the elements it sat in.
 *
 * It exists apart from the SAX callbacks (html_reader.c) so that what a
 * block is made of is read in one place. */
#include <stdlib.h>
#include <string.h>

#include "html_reader_impl.h"
#include "markdown.h"
#include "span.h"

/* Appends whitespace-collapsed text to a small bounded buffer (the title);
 * returns the new length. */
size_t html_blocks_collapse(char *dst, size_t len, size_t cap,
                                           int *space, const unsigned char *s,
                                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (html_hints_ws(c) || (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)) {
            if (c == 0xC2)
                i++;
            *space = 1;
            continue;
        }
        size_t clen = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + clen > n)
            clen = n - i;
        if (len + clen + (*space && len > 0) > cap)
            return len;
        if (*space && len > 0)
            dst[len++] = ' ';
        *space = 0;
        memcpy(dst + len, s + i, clen);
        len += clen;
        i += clen - 1;
    }
    return len;
}

static void html_blocks_emit(html_reader *r, const block *b)
{
    if (r->status != UB_OK)
        return;
    ub_status st = r->emit(r->ctx, b);
    if (st != UB_OK)
        html_reader_fail(r, st);
}

void html_blocks_emit_title(html_reader *r)
{
    if (r->title_done)
        return;
    const char *t = r->og_len > 0 ? r->og_title : r->title;
    size_t n = r->og_len > 0 ? r->og_len : r->title_len;
    if (n == 0)
        return;
    r->title_done = 1;
    block b = {.text = t, .len = n, .flags = BLOCK_TITLE};
    html_blocks_emit(r, &b);
}

/* Images that stood alone before a paragraph are a paragraph of their
 * own, in its quotation if it is in one; in a heading, a list item or a
 * row they stay inline. */
static void html_blocks_md_lead(html_reader *r, unsigned flags, unsigned heading)
{
    size_t at = r->md_lead;
    if (at == 0 || at >= r->md.len || r->md.data[at] != ' ' || heading ||
        (flags & (BLOCK_LIST_ITEM | BLOCK_ROW | BLOCK_TITLE | BLOCK_PRE)))
        return;
    /* in place of the space between them */
    const char *sep = flags & BLOCK_QUOTE ? "\n>\n> " : "\n\n";
    size_t k = strlen(sep);
    if (buf_reserve(&r->md, r->m, k) != UB_OK) {
        html_reader_fail(r, UB_ENOMEM);
        return;
    }
    memmove(r->md.data + at + k, r->md.data + at + 1, r->md.len - at - 1);
    memcpy(r->md.data + at, sep, k);
    r->md.len += k - 1;
    for (size_t i = 0; i + 1 < k; i++)
        md_inline_inserted(&r->md_spans, at, 1);
}

/* Hands over text[0..n) as a block. */
static void html_blocks_emit_text(html_reader *r, size_t n, size_t link_len,
                                  unsigned extra)
{
    html_blocks_emit_title(r);
    r->title_done = 1;
    if (r->row_block)
        extra |= BLOCK_ROW;
    size_t lead = 0;
    if (link_len > 0)
        while (lead < n && r->linkmap[lead])
            lead++;
    block b = {.text = r->text, .len = n, .link_len = link_len, .lead_link = lead,
               .heading = r->heading, .flags = r->flags | r->continued | extra,
               .hints = r->hints, .box = r->box, .outer = {r->outer[0], r->outer[1]}};
    if (r->md_on) {
        /* a block handed over in pieces is written from its text */
        if (!r->md_bad && !r->continued && n == r->len && r->md.len > 0) {
            html_blocks_md_lead(r, b.flags, b.heading);
            b.md = r->md.data;
            b.md_len = r->md.len;
            if (r->md_spans.ndone > 0) {
                r->md_out.len = 0;
                ub_status st = md_inline_render(&r->md_spans, &r->md_out, r->m, r->md.data,
                                                r->md.len, r->row_block);
                if (st != UB_OK) {
                    html_reader_fail(r, st);
                    return;
                }
                b.md = r->md_out.data;
                b.md_len = r->md_out.len;
            }
        }
        b.list = r->list;
        b.number = r->number;
        b.quote = r->quote;
        /* a list item's later blocks (paragraphs, code) go under its marker */
        if ((b.flags & BLOCK_LIST_ITEM) && r->item != 0 && !r->continued && r->list < LIST_MAX) {
            if (r->item_done[r->list] == r->item)
                b.flags |= BLOCK_ITEM_MORE;
            r->item_done[r->list] = r->item;
        }
        b.lang = r->pre_lang[0] ? r->pre_lang : NULL;
    }
    html_blocks_emit(r, &b);
}

/* Trims what a <pre> block may end (or start) with. */
static void html_blocks_trim_pre(html_reader *r, size_t *start, size_t *end)
{
    size_t s = 0, e = r->len;
    while (e > 0 && html_hints_ws((unsigned char)r->text[e - 1]))
        e--;
    while (s < e && (r->text[s] == '\n' || r->text[s] == '\r'))
        s++;
    *start = s;
    *end = e;
}

static size_t html_blocks_count_links(const html_reader *r, size_t from,
                                      size_t to)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++)
        c += r->linkmap[i];
    return c;
}

static void html_blocks_reset(html_reader *r)
{
    r->len = 0;
    r->link_len = 0;
    r->space = 0;
    r->prev_link = 0;
    r->continued = 0;
    r->brs = 0;
    r->md.len = 0;
    r->md_bad = 0;
    r->md_after_image = 0;
    r->md_link_at = SIZE_MAX;
    md_inline_next_block(&r->md_spans);
    r->md_alone = 0;
    r->md_lead = 0;
    r->row_block = 0;
}

/* Ends the block being gathered. */
void html_blocks_flush(html_reader *r, unsigned extra)
{
    if (r->len == 0 && r->md_alone && !r->md_bad && r->md.len <= BLOCK_MAX) {
        /* images alone (a figure's, before its caption) open the next
         * block's Markdown and share its fate: a block of their own
         * would change how the blocks around are judged */
        size_t keep = r->md.len;
        html_blocks_reset(r);
        r->md.len = keep;
        r->md_lead = keep;
        r->md_alone = 1;
        r->md_after_image = 1;
        return;
    }
    if (r->len > 0 && r->status == UB_OK) {
        if (r->flags & BLOCK_PRE) {
            size_t s, e;
            html_blocks_trim_pre(r, &s, &e);
            if (e > s) {
                if (s > 0) {
                    memmove(r->text, r->text + s, e - s);
                    memmove(r->linkmap, r->linkmap + s, e - s);
                }
                html_blocks_emit_text(r, e - s,
                                      html_blocks_count_links(r, 0, e - s),
                                      extra);
            }
        } else {
            html_blocks_emit_text(r, r->len, r->link_len, extra);
        }
    }
    html_blocks_reset(r);
}

/* The block is full: hand over its first part, at a space when there is
 * one in the second half, and keep the rest as its continuation. */
static void html_blocks_split(html_reader *r)
{
    size_t cut = r->len, next = r->len;
    int pre = (r->flags & BLOCK_PRE) != 0;
    unsigned join = BLOCK_MIDWORD;     /* how the writer joins the pieces again */

    for (int pass = pre ? 0 : 1; pass < 2 && cut == r->len; pass++) {
        char sep = pass == 0 ? '\n' : ' ';
        for (size_t i = r->len; i-- > BLOCK_MAX / 2;) {
            if (r->text[i] == sep) {
                cut = i;
                next = i + 1;
                join = sep == '\n' ? BLOCK_LINE_CUT : 0;
                break;
            }
        }
    }
    size_t links = html_blocks_count_links(r, 0, cut);
    html_blocks_emit_text(r, cut, links, 0);
    r->md_bad = 1;
    r->continued = BLOCK_CONTINUED | join;
    memmove(r->text, r->text + next, r->len - next);
    memmove(r->linkmap, r->linkmap + next, r->len - next);
    r->len -= next;
    r->link_len = html_blocks_count_links(r, 0, r->len);
}

/* Text from the element `f` joins the block. */
static void html_blocks_attrs(html_reader *r, const frame *f)
{
    r->brs = 0;
    if (r->len == 0 && !r->continued) {
        r->hints = f->hints;
        r->flags = f->flags;
        r->list = f->list;
        r->number = f->number;
        r->quote = f->quote;
        r->item = f->item;
        r->heading = f->heading;
        r->box = f->box;
        r->outer[0] = f->outer[0];
        r->outer[1] = f->outer[1];
    } else {
        /* a hint holds for a block when all of its text sat inside */
        r->hints &= f->hints;
        r->flags &= f->flags;
    }
}

/* Appends one run of text that holds no collapsible whitespace. */
static void html_blocks_append_run(html_reader *r, const frame *f,
                                   const unsigned char *p, size_t n,
                                   int *attrs_done)
{
    int link = (f->state & F_LINK) != 0;

    if (!*attrs_done) {
        *attrs_done = 1;
        html_blocks_attrs(r, f);
    }
    while (n > 0 && r->status == UB_OK) {
        int sp = r->space && r->len > 0;
        if (r->len + n + (size_t)sp <= BLOCK_MAX) {
            if (sp) {
                int l = link && r->prev_link;
                r->text[r->len] = ' ';
                r->linkmap[r->len] = (unsigned char)l;
                r->link_len += (size_t)l;
                r->len++;
            }
            memcpy(r->text + r->len, p, n);
            memset(r->linkmap + r->len, link, n);
            if (link)
                r->link_len += n;
            r->len += n;
            r->space = 0;
            r->prev_link = link;
            return;
        }
        if (r->len > 0) {
            html_blocks_split(r);
            continue;
        }
        /* one word longer than a block: whole characters that fit */
        size_t k = BLOCK_MAX;
        while (k > 0 && (p[k] & 0xC0) == 0x80)
            k--;
        memcpy(r->text, p, k);
        memset(r->linkmap, link, k);
        r->link_len = link ? k : 0;
        r->len = k;
        r->space = 0;
        r->prev_link = link;
        p += k;
        n -= k;
    }
}

/* Text inside <pre>: kept as it is, but CRLF and lone CR are one newline. */
static void html_blocks_add_pre(html_reader *r, const frame *f, const unsigned char *s,
                                size_t n)
{
    static const unsigned char newline = '\n';
    int attrs_done = 0;
    size_t i = 0;

    while (i < n && r->status == UB_OK) {
        if (s[i] == '\r') {
            html_blocks_append_run(r, f, &newline, 1, &attrs_done);
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        size_t j = i + 1;
        while (j < n && s[j] != '\r')
            j++;
        html_blocks_append_run(r, f, s + i, j - i, &attrs_done);
        i = j;
    }
}

/* The common case: all of s[0..n) fits in the block, collapsed while it is
 * copied. */
static void html_blocks_add_fitting(html_reader *r, const frame *f, const unsigned char *s,
                                    size_t n)
{
    char *out = r->text + r->len;
    size_t start = r->len;
    int space = r->space;
    int attrs_done = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (html_hints_ws(c)) {
            space = 1;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
            space = 1;
            i++;
            continue;
        }
        if (!attrs_done) {
            attrs_done = 1;
            html_blocks_attrs(r, f);
        }
        if (space && out > r->text)
            *out++ = ' ';
        space = 0;
        *out++ = (char)c;
        /* the rest of the word, and the words after it that single
         * spaces part, stand as they are */
        size_t k = span_words(s + i + 1, n - i - 1);
        memcpy(out, s + i + 1, k);
        out += k;
        i += k;
    }
    r->space = space;
    size_t added = (size_t)(out - (r->text + start));
    if (added > 0) {
        int link = (f->state & F_LINK) != 0;
        memset(r->linkmap + start, link, added);
        if (link) {
            r->link_len += added;
            if (r->text[start] == ' ' && !r->prev_link) {
                r->linkmap[start] = 0;
                r->link_len--;
            }
        }
        r->prev_link = link;
    }
    r->len = start + added;
}

/* Text that may not fit: word by word, the block split where it is full. */
static void html_blocks_add_words(html_reader *r, const frame *f, const unsigned char *s,
                                  size_t n)
{
    int attrs_done = 0;
    size_t i = 0;

    while (i < n && r->status == UB_OK) {
        if (html_hints_ws(s[i])) {
            r->space = 1;
            i++;
            continue;
        }
        if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
            r->space = 1; /* no-break space */
            i += 2;
            continue;
        }
        size_t j = i + 1;
        while (j < n && !html_hints_ws(s[j]) &&
               !(s[j] == 0xC2 && j + 1 < n && s[j + 1] == 0xA0))
            j++;
        html_blocks_append_run(r, f, s + i, j - i, &attrs_done);
        i = j;
    }
}

static void html_blocks_add_plain(html_reader *r, const frame *f, const unsigned char *s,
                                  size_t n)
{
    if (f->flags & BLOCK_PRE)
        html_blocks_add_pre(r, f, s, n);
    else if (r->len + n + 1 <= BLOCK_MAX)
        html_blocks_add_fitting(r, f, s, n);
    else
        html_blocks_add_words(r, f, s, n);
}

/* The text that joined the block, r->text[from..len), joins its Markdown
 * too, escaped. */
static void html_blocks_md_text(html_reader *r, size_t from, unsigned continued)
{
    if (r->md_bad || r->continued != continued || r->len <= from)
        return;
    const char *s = r->text + from;
    size_t n = r->len - from;
    ub_status st = UB_OK;
    if (r->md_after_image && s[0] != ' ')
        st = buf_append(&r->md, r->m, " ", 1);
    r->md_after_image = 0;
    if (st == UB_OK)
        st = md_escape(&r->md, r->m, s, n, r->md.len == 0);
    if (st != UB_OK)
        html_reader_fail(r, st);
    else if (r->md.len > 4u * BLOCK_MAX)
        r->md_bad = 1;
}

/* A row grown past ROW_MAX is a layout row: its cells so far are one
 * block, and the rest of it is read as cells are outside rows. */
static void html_blocks_row_too_long(html_reader *r)
{
    size_t tab = r->len;
    while (tab > 0 && r->text[tab - 1] != '\t')
        tab--;
    r->row_on = 0;
    if (tab == 0)
        return;
    html_blocks_emit_text(r, tab - 1, html_blocks_count_links(r, 0, tab - 1), 0);
    /* the cell's text begins a block: without the blank it began with,
     * which only a cell after a tab keeps (whether it is here depended on
     * whether libxml2 gave the blank and the words as one piece) */
    if (tab < r->len && r->text[tab] == ' ')
        tab++;
    size_t keep = r->len - tab;
    memmove(r->text, r->text + tab, keep);
    memmove(r->linkmap, r->linkmap + tab, keep);
    r->len = keep;
    r->link_len = html_blocks_count_links(r, 0, keep);
    r->row_block = 0;
    r->md_bad = 1;
}

void html_blocks_add_text(html_reader *r, const frame *f,
                                 const unsigned char *s, size_t n)
{
    size_t from = r->len;
    unsigned continued = r->continued;
    html_blocks_add_plain(r, f, s, n);
    if (r->md_on && !(f->flags & BLOCK_PRE))
        html_blocks_md_text(r, from, continued);
    if (r->row_block && r->len > ROW_MAX)
        html_blocks_row_too_long(r);
}

/* A block element opens (not skipped): does it end the block?  A cell of
 * the open row does not: a tab parts it from the one before. */
int html_blocks_row_start(html_reader *r, const element_info *e, const frame *f)
{
    int cell = html_hints_is(e, "td") || html_hints_is(e, "th");
    if (cell && r->row_on && r->depth == r->row_depth) {
        if (r->row_cells++ > 0 && r->len + 1 < BLOCK_MAX) {
            if (r->len == 0 && !r->continued)
                html_blocks_attrs(r, f);
            r->text[r->len] = '\t';
            r->linkmap[r->len++] = 0;
            r->space = 0;
            r->row_block = 1;
            if (r->md_on && !r->md_bad && buf_append(&r->md, r->m, "\t", 1) != UB_OK)
                html_reader_fail(r, UB_ENOMEM);
        }
        return 0;
    }
    /* any other block inside the row: a layout row */
    r->row_on = 0;
    if (html_hints_is(e, "tr")) {
        html_blocks_flush(r, 0);
        r->row_on = 1;
        r->row_depth = r->depth + 1;
        r->row_cells = 0;
        return 0;
    }
    return 1;
}

