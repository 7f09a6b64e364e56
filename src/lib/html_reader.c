/* html_reader.c - HTML bytes to blocks through libxml2's SAX push parser:
 * the SAX callbacks, the stack of open elements with what each gives the
 * text inside, and the public calls.
 *
 * The reader's other jobs are files of their own (html_reader_impl.h): the
 * charset pump and libxml2 driver (html_driver.c, whose NOTES say how the
 * same blocks come out whatever the chunking), the blocks (html_blocks.c),
 * their Markdown (html_md.c), and the element and class hints
 * (html_hints.c). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "html_reader_impl.h"
#include "xml_compat.h"

/* libxml2 interns element names: the table is searched once per name.
 * Its dictionary packs the names end to end, a few bytes apart, so the
 * slot keeps the address's lowest bits: with the three lowest dropped,
 * "p", "a" and "li" could share a slot and evict one another (29% of the
 * look-ups on the dev pages' first 4 MB missed, against 5%). */
static const element_info *html_reader_element(html_reader *r, const xmlChar *name)
{
    uintptr_t a = (uintptr_t)name;
    size_t slot = (a ^ (a >> 8) ^ (a >> 16)) % ELEMENT_CACHE;
    if (r->cache[slot].name != name) {
        r->cache[slot].name = name;
        r->cache[slot].info = html_hints_element((const char *)name);
    }
    return r->cache[slot].info;
}

void html_reader_fail(html_reader *r, ub_status st)
{
    if (r->status == UB_OK)
        r->status = st;
    if (r->ctxt != NULL)
        xmlStopParser(r->ctxt);
}

static const frame *html_reader_top(const html_reader *r)
{
    if (r->depth == 0)
        return &r->base;
    return &r->stack[(r->depth <= STACK_MAX ? r->depth : STACK_MAX) - 1];
}

int html_reader_starts_ci(const xmlChar *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((p[i] | ((p[i] >= 'A' && p[i] <= 'Z') ? 0x20 : 0)) !=
            (unsigned char)lit[i])
            return 0;
    return 1;
}

/* ---- the element stack ------------------------------------------------------ */

static void html_reader_pop(html_reader *r)
{
    if (r->depth == 0)
        return;
    if (r->meta_depth != 0 && r->depth == r->meta_depth) {
        meta_end(r->meta);
        r->meta_depth = 0;
    }
    if (r->md_link_at != SIZE_MAX && r->depth == r->md_link_depth)
        html_md_link_end(r);
    if (r->md_on)
        md_inline_close(&r->md_spans, r->depth, r->md.data, r->md.len);
    if (r->depth > STACK_MAX) {
        r->depth--;
        return;
    }
    const frame *f = &r->stack[r->depth - 1];
    const element_info *e = f->info;
    r->depth--;
    if (e == NULL)
        return;
    if (e->kind & EL_BLOCK) {
        /* a cell of the open row ends no block; the row ends its own */
        int cell = r->row_on && r->depth == r->row_depth &&
                   (html_hints_is(e, "td") || html_hints_is(e, "th"));
        if (!(f->state & F_SKIP) && !cell)
            html_blocks_flush(r, 0);
        if (r->row_on && r->depth < r->row_depth)
            r->row_on = 0;
    } else if (e->kind & EL_TITLE) {
        if (r->title_len > 0)
            r->title_closed = 1;
    } else if (e->kind & EL_HEAD) {
        if (r->og_len > 0 || r->title_len > 0)
            html_blocks_emit_title(r);
    }
}

/* Follows libxml2's own count of open elements, which it sometimes pops
 * without telling (a start tag it could not finish). */
static void html_reader_sync(html_reader *r, size_t target)
{
    while (r->depth > target && r->status == UB_OK)
        html_reader_pop(r);
    while (r->depth < target) {
        if (r->depth < STACK_MAX) {
            frame f = *html_reader_top(r);
            f.info = NULL;
            r->stack[r->depth] = f;
        }
        r->depth++;
    }
}

static void html_reader_set_lang(html_reader *r, const char *v)
{
    size_t n = 0;
    for (size_t i = 0; v[i] != '\0' && n < LANG_MAX - 1; i++) {
        unsigned char c = (unsigned char)v[i];
        if (html_hints_ws(c) && n == 0)
            continue;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_'))
            break;
        r->lang[n++] = (char)c;
    }
    r->lang[n] = '\0';
}

/* A <meta> past the prescan, while the charset is still open. */
static void html_reader_late_meta(html_reader *r, const xmlChar **atts)
{
    const char *label = html_reader_attr(atts, HTML_ATTR_CHARSET);
    size_t n = label != NULL ? strlen(label) : 0;
    const char *eq = html_reader_attr(atts, HTML_ATTR_HTTP_EQUIV);
    const char *content = html_reader_attr(atts, HTML_ATTR_CONTENT);
    if (label == NULL && eq != NULL && content != NULL && strlen(eq) == 12 &&
        html_reader_starts_ci((const xmlChar *)eq, 12, "content-type")) {
        /* "text/html; charset=koi8-r" */
        size_t cn = strnlen(content, ATTR_SCAN_MAX);
        for (size_t i = 0; i + 8 <= cn; i++) {
            if (html_reader_starts_ci((const xmlChar *)content + i, cn - i, "charset=")) {
                label = content + i + 8;
                n = strcspn(label, "; \t\n\r\f\"'");
                break;
            }
        }
    }
    if (label != NULL && r->late_meta[0] == '\0' &&
        encoding_canonical(label, n, r->late_meta) &&
        strncmp(r->late_meta, "UTF-16", 6) == 0)
        strcpy(r->late_meta, "UTF-8");
}

static void html_reader_meta(html_reader *r, const xmlChar **atts)
{
    if (r->tentative)
        html_reader_late_meta(r, atts);
    const char *prop = html_reader_attr(atts, HTML_ATTR_PROPERTY);
    if (prop == NULL)
        prop = html_reader_attr(atts, HTML_ATTR_NAME);
    if (prop == NULL || r->og_len > 0 || r->title_done)
        return;
    if (strlen(prop) != 8 || strncmp(prop, "og:title", 8) != 0)
        return;
    const char *c = html_reader_attr(atts, HTML_ATTR_CONTENT);
    if (c == NULL)
        return;
    int space = 0;
    r->og_len = html_blocks_collapse(
        r->og_title, 0, TITLE_MAX, &space, (const unsigned char *)c,
        strnlen(c, TITLE_MAX * 4));
}

/* ---- SAX callbacks ----------------------------------------------------------- */

static uint32_t html_reader_hash(uint32_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return (h ^ '/') * 16777619u;
}

static uint32_t html_reader_path(uint32_t parent, const xmlChar *name, const hint_attrs *ha)
{
    uint32_t h = html_reader_hash(parent ? parent : 2166136261u, (const char *)name);
    h = html_reader_hash(h, ha->cls);
    h = html_reader_hash(h, ha->id);
    return h ? h : 1;
}

/* A table cell is a container of its own, named also by its place in its
 * row (its path and the box of the text right inside it): a layout table's
 * columns (a menu, the article, a rail) are then containers apart, as
 * divs with classes are, where by name alone every cell of a row was one.
 * A data table's row is one block and keeps its first cell's box, the
 * same in every row.  On the dev set, weights unchanged, F1 rises on all
 * four subsets (README, "Whole-page decisions"). */
static uint32_t html_reader_cell_path(uint32_t h, unsigned column)
{
    for (; column != 0; column >>= 8)
        h = (h ^ (column & 0xffu)) * 16777619u;
    h = (h ^ '#') * 16777619u;
    return h ? h : 1;
}

/* <br>: a space, a newline in <pre>, a paragraph break when doubled. */
static void html_reader_br(html_reader *r, const frame *top)
{
    if (top->state & (F_SKIP | F_HEAD))
        return;
    if (top->flags & BLOCK_PRE) {
        static const unsigned char nl = '\n';
        html_blocks_add_text(r, top, &nl, 1);
    } else if (++r->brs >= 2) {
        /* <br><br>: a paragraph break without a paragraph; in a row's
         * cell it makes the row a layout row, as a block in a cell does,
         * or the cell's last paragraph would run on into the next cell */
        html_blocks_flush(r, BLOCK_BREAK);
        r->row_on = 0;
    } else {
        r->space = 1;
    }
}

/* An element opens past STACK_MAX, too deep to remember: it is counted,
 * flushes blocks, and skips what must go. */
static void html_reader_deep_start(html_reader *r, const frame *top, unsigned kind)
{
    r->depth++;
    if (kind & EL_SKIP)
        r->deep_skip++;
    else if ((kind & EL_BLOCK) && !(top->state & F_SKIP) && !r->deep_skip)
        html_blocks_flush(r, 0);
}

/* Where the element's frame sits: blocks in one container share its path
 * (the paragraphs of an article body, the items of a menu). */
static void html_reader_frame_paths(frame *f, const frame *top, const xmlChar *name,
                                    const hint_attrs *ha, unsigned kind, unsigned column)
{
    f->path = html_reader_path(top->path, name, ha);
    f->up[0] = top->path;
    f->up[1] = top->up[0];
    f->cells = 0;
    if (kind & EL_BLOCK) {
        f->box = top->path;
        f->outer[0] = top->up[0];
        f->outer[1] = top->up[1];
    }
    if (column != 0) {
        f->path = html_reader_cell_path(f->path, column);
        f->box = html_reader_cell_path(top->path, column);
    }
}

/* <html lang>, or the hints any other element but <body> adds. */
static void html_reader_frame_hints(html_reader *r, frame *f, const element_info *e,
                                    const hint_attrs *ha, unsigned inherited)
{
    unsigned kind = e != NULL ? e->kind : 0;
    if (kind & EL_HTML) {
        const char *lang = ha->lang != NULL ? ha->lang : ha->xml_lang;
        if (lang != NULL && r->lang[0] == '\0')
            html_reader_set_lang(r, lang);
    } else if (!(kind & EL_BODY)) {
        unsigned add = html_hints_of_attrs(e, ha, inherited, r->hints_memo);
        /* the nearer element wins: a post body inside a layout box that
         * calls itself a widget or sidebar (Blogger's "widget Blog") is
         * content */
        if (add & (HINT_CONTENT | HINT_BODY | HINT_ARTICLE | HINT_MAIN))
            f->hints &= ~(unsigned)(HINT_SIDEBAR | HINT_MENU | HINT_ASIDE | HINT_HEADER | HINT_FORM);
        f->hints |= add;
    }
}

/* What the element is to the text inside: flags, heading level, state. */
static void html_reader_frame_state(html_reader *r, frame *f, const element_info *e,
                                    const xmlChar **atts, const hint_attrs *ha)
{
    if (e == NULL) {
        /* libxml2 keeps an unknown element in <head>; a browser starts the
         * body with it */
        f->state = (unsigned char)(f->state & ~F_HEAD);
        return;
    }
    unsigned kind = e->kind;
    f->flags |= e->flags;
    if (e->heading)
        f->heading = e->heading;
    if (kind & EL_SKIP)
        f->state |= F_SKIP;
    if (kind & EL_HEAD)
        f->state |= F_HEAD;
    if (kind & EL_TITLE)
        f->state |= F_TITLE;
    if ((kind & EL_A) && ha->href != NULL)
        f->state |= F_LINK;
    if ((kind & EL_META) && atts != NULL)
        html_reader_meta(r, atts);
    if (kind & EL_BODY)
        f->state = (unsigned char)(f->state & ~F_HEAD);
}

/* An element whose start tag ends an open p (EL_ENDS_P) opens at libxml2's
 * depth `depth`, inside the p where libxml2 2.9.14 nests it: the p's
 * class gave its hints to all inside ("<p class=share>...<section>") and
 * to the text after its end tag.  A browser ends the p, unless a scope
 * boundary (a table, a cell) lies between ("a p in button scope").  The
 * reader closes its frames from the top down to the p, and opens in
 * their place frames that are the p's parent's, as
 * html_reader_end_ignored does for an end tag, while libxml2 keeps the p
 * open (what it ends later ends nothing).  Not when a link is open inside
 * the p: a browser opens it again around the text that follows
 * ("reconstructs" it), so that text stays link text, as libxml2's nesting
 * has it; closing the p there made a related-links rail of teasers,
 * "<p><a><figure>...</figure><div><p>Title</p>", prose (dev set: five
 * dragnet pages lost 0.02 to 0.06 F1 each). */
static void html_reader_end_p(html_reader *r, size_t depth)
{
    if (r->depth != depth || depth > STACK_MAX)
        return;
    for (size_t k = depth; k-- > 0;) {
        const element_info *f = r->stack[k].info;
        if (html_hints_is(f, "p")) {
            html_reader_sync(r, k);
            html_reader_sync(r, depth);
            return;
        }
        if (f != NULL && (f->kind & (EL_SCOPE | EL_A)))
            return;
    }
}

static void html_reader_sax_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
    html_reader *r = ud;
    if (r->status != UB_OK)
        return;
    size_t target = xml_compat_depth(r->ctxt) > 0 ? xml_compat_depth(r->ctxt) - 1 : 0;
    html_reader_sync(r, target);
    if (r->status != UB_OK)
        return;
    if (r->suppress && html_driver_pos(r) > r->suppress_from)
        r->suppress = 0;

    const element_info *e = html_reader_element(r, name);
    if (e != NULL && (e->kind & EL_ENDS_P)) {
        html_reader_end_p(r, target);
        if (r->status != UB_OK)
            return;
    }
    const frame *top = html_reader_top(r);
    unsigned kind = e != NULL ? e->kind : 0;
    int skipped = (top->state & F_SKIP) != 0;

    if (kind & EL_BR)
        html_reader_br(r, top);
    else
        r->brs = 0;
    if (r->depth >= STACK_MAX) {
        html_reader_deep_start(r, top, kind);
        return;
    }

    /* one pass over the attributes for all that is read of them here */
    hint_attrs ha;
    html_hints_attrs((const char *const *)atts, &ha);
    frame f = *top;
    f.info = e;
    unsigned column = 0;     /* a td or th: its place in its row */
    if (e != NULL && (e->flags & BLOCK_CELL) && r->depth > 0)
        column = ++r->stack[r->depth - 1].cells;
    html_reader_frame_paths(&f, top, name, &ha, kind, column);
    html_reader_frame_hints(r, &f, e, &ha, top->hints);
    html_reader_frame_state(r, &f, e, atts, &ha);
    if ((kind & EL_SPACE) && !skipped)
        r->space = 1;
    if ((kind & EL_BLOCK) && !skipped && html_blocks_row_start(r, e, &f))
        html_blocks_flush(r, 0);
    if (kind & EL_BODY)
        html_blocks_emit_title(r);
    if (r->meta != NULL &&
        meta_start(r->meta, (const char *)name, (const char *const *)atts, &ha, f.hints,
                   skipped))
        r->meta_depth = r->depth + 1;
    if (r->md_on && !skipped)
        html_md_start(r, name, atts, &f, top);
    r->stack[r->depth++] = f;
}

static void html_reader_sax_end(void *ud, const xmlChar *name)
{
    html_reader *r = ud;
    if (r->status != UB_OK)
        return;
    size_t target = xml_compat_depth(r->ctxt);
    html_reader_sync(r, target);
    if (r->status != UB_OK || r->depth == 0)
        return;
    if (r->suppress && html_driver_pos(r) > r->suppress_from)
        r->suppress = 0;
    if (r->depth > STACK_MAX) {
        const element_info *e = html_reader_element(r, name);
        unsigned kind = e != NULL ? e->kind : 0;
        r->depth--;
        if ((kind & EL_SKIP) && r->deep_skip > 0)
            r->deep_skip--;
        else if ((kind & EL_BLOCK) && !r->deep_skip &&
                 !(html_reader_top(r)->state & F_SKIP))
            html_blocks_flush(r, 0);
        return;
    }
    html_reader_pop(r);
}

/* Text from libxml2 (html_reader_sax_characters), a run the shield queued
 * or the text around its mark. */
static void html_reader_text(html_reader *r, const xmlChar *ch, int len)
{
    if (r->status != UB_OK || len <= 0)
        return;
    if (xml_compat_depth(r->ctxt) < r->depth)
        html_reader_sync(r, xml_compat_depth(r->ctxt));
    if (r->suppress && html_driver_pos(r) > r->suppress_from)
        return;
    if (r->meta_depth != 0 && meta_text(r->meta, (const char *)ch, (size_t)len) != UB_OK)
        html_reader_fail(r, UB_ENOMEM);
    const frame *f = html_reader_top(r);
    if (f->state & F_SKIP || r->deep_skip > 0)
        return;
    if (f->state & F_TITLE) {
        if (!r->title_closed && !r->title_done)
            r->title_len = html_blocks_collapse(
                r->title, r->title_len, TITLE_MAX, &r->title_space, ch,
                (size_t)len);
        return;
    }
    if (f->state & F_HEAD)
        return;
    html_blocks_add_text(r, f, ch, (size_t)len);
}

/* libxml2 2.9.14 hands text on at the latest when it has gathered this
 * many bytes (HTML_PARSER_BIG_BUFFER_SIZE), between two characters: the
 * only place a mark's two characters come apart. */
#define LIBXML2_TEXT_FLUSH 1000

/* The oldest run the shield queued, read as text. */
static void html_reader_queued(html_reader *r, int read)
{
    uint32_t n;
    memcpy(&n, r->texts.data + r->texts_read + sizeof(uint64_t), sizeof n);
    const xmlChar *t = (const xmlChar *)r->texts.data + r->texts_read + sizeof(uint64_t) + sizeof n;
    r->texts_read += sizeof(uint64_t) + sizeof n + n;
    if (read)
        html_reader_text(r, t, (int)n);
    if (r->texts_read == r->texts.len) {
        r->texts.len = r->texts_read = 0;
    } else if (r->texts_read > r->texts.len / 2 && r->texts_read >= CHUNK) {
        /* runs libxml2 has not reached yet stay: the rest goes */
        memmove(r->texts.data, r->texts.data + r->texts_read, r->texts.len - r->texts_read);
        r->texts.len -= r->texts_read;
        r->texts_read = 0;
    }
}

/* Whether ch[0..len) ends in a mark's first half that libxml2's full
 * buffer cut from its second (LIBXML2_TEXT_FLUSH). */
static int html_reader_half_mark(const html_reader *r, const char *q, size_t left, int len)
{
    if (left != HTML_SHIELD_MARK_LEN / 2 || len < LIBXML2_TEXT_FLUSH ||
        memcmp(q, HTML_SHIELD_MARK, HTML_SHIELD_MARK_LEN / 2) != 0 || r->texts_read >= r->texts.len)
        return 0;
    /* libxml2 stops at the character it last took, the half's: where
     * the oldest queued run's mark is */
    uint64_t at;
    memcpy(&at, r->texts.data + r->texts_read, sizeof at);
    return at == html_driver_pos(r);
}

/* Text libxml2 read: each mark in it (HTML_SHIELD_MARK) stands for the
 * oldest run the shield queued, read in its place, so that the reader
 * reads the bytes of the page in their order.  A mark that comes with no
 * run queued is text as it stands, and so are one of its characters
 * alone and a character reference to one, which libxml2 hands on alone.
 * The runs whose marks libxml2 read past without a word (text it took for
 * a comment's or a tag's where the shield saw text) go as that text
 * would have: all marks before where libxml2 now is are in this text or
 * were passed, and this text's are the last of them. */
static void html_reader_sax_characters(void *ud, const xmlChar *ch, int len)
{
    html_reader *r = ud;
    if (r->status != UB_OK || len <= 0)
        return;
    static const char mark[] = HTML_SHIELD_MARK;
    enum { HALF = HTML_SHIELD_MARK_LEN / 2 };
    const char *p = (const char *)ch, *end = p + len, *seg = p, *q = p;
    if (r->mark_half) {
        r->mark_half = 0;
        if (len >= HALF && memcmp(p, mark + HALF, HALF) == 0) {
            html_reader_queued(r, 1);
            seg = q = p + HALF;
        } else {
            html_reader_text(r, (const xmlChar *)mark, HALF);
        }
    }
    if (r->texts_read < r->texts.len) {
        size_t here = 0, before = 0;
        for (const char *m = q; (m = memchr(m, (unsigned char)mark[0], (size_t)(end - m))) != NULL;) {
            if ((size_t)(end - m) >= HTML_SHIELD_MARK_LEN &&
                memcmp(m, mark, HTML_SHIELD_MARK_LEN) == 0) {
                here++;
                m += HTML_SHIELD_MARK_LEN;
            } else {
                m++;
            }
        }
        unsigned long long pos = html_driver_pos(r);
        for (size_t k = r->texts_read; k < r->texts.len;) {
            uint64_t at;
            uint32_t n;
            memcpy(&at, r->texts.data + k, sizeof at);
            memcpy(&n, r->texts.data + k + sizeof at, sizeof n);
            if (at >= pos)
                break;
            before++;
            k += sizeof at + sizeof n + n;
        }
        for (; before > here; before--)
            html_reader_queued(r, 0);
    }
    while (r->texts_read < r->texts.len && (q = memchr(q, (unsigned char)mark[0], (size_t)(end - q))) != NULL) {
        size_t left = (size_t)(end - q);
        if (left >= HTML_SHIELD_MARK_LEN && memcmp(q, mark, HTML_SHIELD_MARK_LEN) == 0) {
            html_reader_text(r, (const xmlChar *)seg, (int)(q - seg));
            html_reader_queued(r, 1);
            q += HTML_SHIELD_MARK_LEN;
            seg = q;
            continue;
        }
        if (html_reader_half_mark(r, q, left, len)) {
            html_reader_text(r, (const xmlChar *)seg, (int)(q - seg));
            r->mark_half = 1;
            return;
        }
        q++;
    }
    html_reader_text(r, (const xmlChar *)seg, (int)(end - seg));
}

static void html_reader_cdata(void *ud, const xmlChar *ch, int len)
{
    /* script and style content: only a JSON-LD script's is read */
    html_reader *r = ud;
    if (r->meta_depth != 0 && r->status == UB_OK && len > 0 &&
        meta_text(r->meta, (const char *)ch, (size_t)len) != UB_OK)
        html_reader_fail(r, UB_ENOMEM);
}

/* libxml2 2.9.14 ignores an end tag when an element it ranks higher (a
 * div, a table's part) is open inside the element it ends:
 * "<aside><div>Related</aside><p>..." leaves the aside open over the
 * article after it (its hint on every paragraph), and
 * "<noscript><div>...</noscript>" hid the rest of the page.  A browser
 * ends the div with the aside, unless a scope boundary (a table, a cell)
 * lies between (EL_CLOSE, EL_SCOPE).  libxml2 says so, a tag mismatch
 * naming the end tag: the reader then closes its frames from the top
 * down to that element, as a browser closes the elements, and opens in
 * their place frames that are its parent's, as for the elements libxml2
 * opens without a word (what libxml2 still has open, and ends later,
 * gives the text inside nothing).  The same error comes while libxml2
 * ends such elements itself: the frames close in the same order then. */
static void html_reader_end_ignored(html_reader *r, const xmlError *err)
{
    if (err->domain != XML_FROM_HTML || err->code != XML_ERR_TAG_NAME_MISMATCH ||
        err->str1 == NULL || err->str2 == NULL || r->status != UB_OK || r->ctxt == NULL)
        return;
    const element_info *e = html_hints_element(err->str1);
    if (e == NULL || !(e->kind & EL_CLOSE))
        return;
    size_t depth = xml_compat_depth(r->ctxt);
    html_reader_sync(r, depth);
    if (r->status != UB_OK || r->depth > STACK_MAX)
        return;
    /* </li> ends no item outside the list it is in */
    unsigned bounds = EL_SCOPE | (html_hints_is(e, "li") ? EL_LIST : 0);
    for (size_t k = r->depth; k-- > 0;) {
        const element_info *f = r->stack[k].info;
        if (f == e) {
            html_reader_sync(r, k);
            html_reader_sync(r, depth);
            return;
        }
        if (f != NULL && (f->kind & bounds))
            return;
    }
}

static void html_reader_serror(void *ud, xmlErrorPtr err)
{
    html_reader *r = ud;
    r->errors++;
    if (err != NULL && err->code == XML_ERR_NO_MEMORY)
        html_reader_fail(r, UB_ENOMEM);
    else if (err != NULL)
        html_reader_end_ignored(r, err);
}


/* ---- public ------------------------------------------------------------------- */

html_reader *html_reader_new(const mem *m, const char *encoding, const char *http_charset,
                             block_fn emit, void *ctx, ub_status *status)
{
    ub_status dummy;
    if (status == NULL)
        status = &dummy;
    *status = UB_OK;
    if (emit == NULL) {
        *status = UB_EINVAL;
        return NULL;
    }

    html_reader *r = mem_calloc(m, 1, sizeof *r);
    if (r == NULL) {
        *status = UB_ENOMEM;
        return NULL;
    }
    r->m = m;
    r->emit = emit;
    r->ctx = ctx;
    r->md_link_at = SIZE_MAX;
    if (encoding != NULL &&
        !encoding_canonical(encoding, strlen(encoding), r->override)) {
        mem_free(m, r);
        *status = UB_EENCODING;
        return NULL;
    }
    if (http_charset != NULL) {
        size_t n = strlen(http_charset);
        r->http_charset = mem_alloc(m, n + 1);
        if (r->http_charset == NULL)
            goto nomem;
        memcpy(r->http_charset, http_charset, n + 1);
    }
    r->prescan = mem_alloc(m, PRESCAN_MAX);
    r->pbuf = mem_alloc(m, PBUF_CAP);
    r->sbuf = mem_alloc(m, HTML_SHIELD_OUT(PBUF_CAP));
    r->stack = mem_alloc(m, STACK_MAX * sizeof *r->stack);
    r->text = mem_alloc(m, TEXT_CAP);
    r->linkmap = mem_alloc(m, TEXT_CAP);
    if (r->prescan == NULL || r->pbuf == NULL || r->sbuf == NULL || r->stack == NULL ||
        r->text == NULL || r->linkmap == NULL)
        goto nomem;

    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElement = html_reader_sax_start;
    sax.endElement = html_reader_sax_end;
    sax.characters = html_reader_sax_characters;
    sax.ignorableWhitespace = html_reader_sax_characters;
    sax.cdataBlock = html_reader_cdata;
    sax.serror = html_reader_serror;
    if (!html_driver_open(r, &sax, status)) {
        html_reader_free(r);
        return NULL;
    }
    return r;

nomem:
    html_reader_free(r);
    *status = UB_ENOMEM;
    return NULL;
}

ub_status html_reader_feed(html_reader *r, const char *bytes, size_t len)
{
    if (r->status != UB_OK)
        return r->status;
    if (r->ended)
        return UB_EINVAL;
    html_driver_feed(r, bytes, len);
    return r->status;
}

ub_status html_reader_end(html_reader *r)
{
    if (r->ended)
        return r->status;
    r->ended = 1;
    if (r->status != UB_OK)
        return r->status;
    html_driver_end(r);
    html_blocks_flush(r, 0);
    html_blocks_emit_title(r);
    return r->status;
}

void html_reader_set_hints_memo(html_reader *r, hints_memo *memo)
{
    r->hints_memo = memo;
}

void html_reader_set_meta(html_reader *r, meta *mt)
{
    r->meta = mt;
}

void html_reader_set_markdown(html_reader *r, int links, int images, const char *url)
{
    r->md_on = 1;
    r->md_links = links;
    r->md_images = images;
    r->md_url = url;
    /* what the Markdown reads of <ol>, <a> and <img>, the shield keeps */
    html_shield_set_mode(&r->shield, SHIELD_MODE_MARKDOWN | (links ? SHIELD_MODE_LINKS : 0u) |
                                         (images ? SHIELD_MODE_IMAGES : 0u));
}

void html_reader_set_drain(html_reader *r, ub_status (*drain)(void *ctx))
{
    r->drain = drain;
}

void html_reader_drain(html_reader *r)
{
    if (r->drain == NULL || r->status != UB_OK)
        return;
    ub_status st = r->drain(r->ctx);
    if (st != UB_OK)
        html_reader_fail(r, st);
}

const char *html_reader_lang(const html_reader *r)
{
    return r->lang;
}

unsigned long html_reader_errors(const html_reader *r)
{
    return r->errors;
}

/* Exists for tests: the most input libxml2 held unconsumed after a piece. */
size_t html_reader_max_pending(const html_reader *r);
size_t html_reader_max_pending(const html_reader *r)
{
    return r->max_pending;
}

/* Exists for tests: the charset chosen ("" before it is). */
const char *html_reader_charset(const html_reader *r);
const char *html_reader_charset(const html_reader *r)
{
    return r->started ? r->choice.name : "";
}

/* Exists for tests: tags, attributes and subsets the shield left out. */
unsigned long html_reader_shielded_count(const html_reader *r);
unsigned long html_reader_shielded_count(const html_reader *r)
{
    return r->shield.dropped;
}

/* Exists for tests: how often a runaway construct had to be ended. */
unsigned html_reader_rescues(const html_reader *r);
unsigned html_reader_rescues(const html_reader *r)
{
    return r->rescues;
}

void html_reader_free(html_reader *r)
{
    if (r == NULL)
        return;
    if (r->ctxt != NULL)
        htmlFreeParserCtxt(r->ctxt);
    encoding_decoder_free(r->dec);
    const mem *m = r->m;
    mem_free(m, r->http_charset);
    mem_free(m, r->prescan);
    mem_free(m, r->pbuf);
    mem_free(m, r->sbuf);
    mem_free(m, r->stack);
    mem_free(m, r->text);
    mem_free(m, r->linkmap);
    buf_free(&r->md, m);
    buf_free(&r->md_out, m);
    buf_free(&r->texts, m);
    mem_free(m, r);
}

