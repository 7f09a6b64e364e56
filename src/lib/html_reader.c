/* html_reader.c - HTML bytes to blocks through libxml2's SAX push parser.
 *
 * NOTES (libxml2 2.9.14, measured; the measurements are in doc/libxml2.md)
 *
 * Same blocks whatever the chunking.  The caller's chunks never reach
 * libxml2.  Input is first held back (up to PRESCAN_MAX bytes) to choose the
 * charset, then decoded to UTF-8 here (encoding.c) into `pbuf`, and libxml2
 * gets that stream in pieces cut by one rule that looks only at the stream:
 * the first CHUNK bytes, cut after their last '>' (or at the last character
 * boundary when there is no '>').  So libxml2 sees the same calls whatever
 * the caller did.  Cutting after a '>' also keeps a few 2.9.14 push-parser
 * slips away from chunk ends: "</scr" + "ipt>" turning the rest of a page
 * into script, "<!DOC" + "TYPE" read as text, a cut UTF-8 character making
 * libxml2 fall back to Latin-1.
 *
 * libxml2's own buffer.  Its look-ahead remembers that it is inside a quoted
 * attribute value but not which quote opened it, and then never finds the
 * end of the tag: the whole rest of the input piles up.  Resetting the
 * look-ahead before every htmlParseChunk (checkIndex, bit 0 of hasPErefs)
 * fixes that.  What remains is input that really does not end what libxml2
 * waits for: a quote never closed, a comment or script never ended, megabytes
 * of text without '<'.  Once libxml2 holds more than RUNAWAY_MAX unconsumed
 * bytes we push what ends the construct it is stuck in (html_reader_rescue),
 * the way a browser would read it on: a runaway tag is closed and the text
 * it swallowed is dropped; a comment or script is closed and reopened so the
 * rest stays comment or script; plain text gets an empty comment.  Past
 * RUNAWAY_HARD, or past DEPTH_HARD open elements (libxml2 keeps a name per
 * open element), the rest of the document is dropped.
 *
 * Charset.  libxml2 is told the input is UTF-8 and to ignore <meta charset>
 * (HTML_PARSE_IGNORE_ENC), so nothing can switch decoders mid-stream.
 *
 * No global state: errors go to our own SAX handler's serror (counted),
 * never to libxml2's global handlers.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "encoding.h"
#include "xml_compat.h"
#include "html_reader.h"
#include "html_shield.h"
#include "markdown.h"
#include "md_inline.h"
#include "meta.h"

#define PRESCAN_MAX (64u * 1024u)
#define CHUNK (64u * 1024u)
#define PBUF_CAP (CHUNK + 2u * ENCODING_MIN_OUT)
#define RUNAWAY_MAX (4u * 1024u * 1024u)
#define RUNAWAY_HARD (16u * 1024u * 1024u)
#define DEPTH_HARD 2000000
#define STACK_MAX 512
#define TITLE_MAX 2048
#define LANG_MAX 64
#define ATTR_SCAN_MAX 1024 /* bytes of class/id/style/role looked at */
#define TEXT_CAP (BLOCK_MAX + 16u)

/* ---- elements ------------------------------------------------------------ */

enum {
    EL_BLOCK = 1u << 0,  /* flushes the pending block on open and close */
    EL_SKIP = 1u << 1,   /* text inside is dropped */
    EL_HEAD = 1u << 2,
    EL_TITLE = 1u << 3,
    EL_A = 1u << 4,
    EL_BR = 1u << 5,
    EL_META = 1u << 6,
    EL_HTML = 1u << 7,
    EL_BODY = 1u << 8,
    EL_SPACE = 1u << 9,  /* replaced content: separates the words around it */
    EL_HEADER = 1u << 10 /* HINT_HEADER unless inside the article */
};

typedef struct element_info {
    const char *name;
    unsigned short kind;   /* EL_* */
    unsigned char flags;   /* BLOCK_* given to text inside */
    unsigned char heading;
    unsigned hints;        /* HINT_* given to text inside */
} element_info;

/* Sorted by name (strcmp) for bsearch; html_reader_tables_sorted checks. */
static const element_info html_elements[] = {
#define UB_ELEMENT(name, kind, flags, heading, hints) {name, kind, flags, heading, hints},
#include "html_elements.def"
#undef UB_ELEMENT
};

static int html_reader_cmp_element(const void *key, const void *elem)
{
    return strcmp(key, ((const element_info *)elem)->name);
}

static const element_info *html_reader_lookup(const char *name)
{
    return bsearch(name, html_elements,
                   sizeof html_elements / sizeof *html_elements,
                   sizeof *html_elements, html_reader_cmp_element);
}

/* ---- class and id tokens ------------------------------------------------- */

enum { TOK_WHOLE, TOK_PREFIX, TOK_LAST };

/* A class or id is cut into tokens at non-alphanumerics and at camelCase
 * humps, lower-cased: "post-content" and "postContent" both give "post",
 * "content".  TOK_WHOLE matches the token (or two neighbours joined, so
 * "more-stories" matches "morestories"); TOK_PREFIX matches tokens that
 * start with it ("comment" matches "comments", "commentlist"); TOK_LAST
 * only the last token of a class, since WordPress puts "category-news
 * tag-politics" on the article itself while "post-tags" is the tag list.
 * Short words are whole tokens only: "ad" must not match "header", "read",
 * "shadow" or "address".  A post "commented" (or "discussed") is in a
 * state, not a comment: the past participle of a comment word says nothing,
 * unless joined as "most-commented", a list of other posts.
 * Sorted by token (strcmp). */
static const struct hint_token {
    const char *tok;
    unsigned char mode;
    unsigned hint;
} hint_tokens[] = {
#define UB_HINT_TOKEN(token, mode, hints) {token, mode, hints},
#include "html_hint_tokens.def"
#undef UB_HINT_TOKEN
};

#define N_HINT_TOKENS (sizeof hint_tokens / sizeof *hint_tokens)

/* Classes that describe a page state, not a part ("has-sidebar",
 * "no-comments", "is-style-wide"): their tokens say nothing. */
static const char *const hint_state_words[] = {"has", "is", "no", "with",
                                               "without"};

/* A comment word made into one about the article: it has comments
 * ("commented", "discussed"), takes them ("commentable"), is an opinion
 * piece ("commentary").  Such a class names the post, not a part of the
 * page.  `rest` is what follows the prefix token. */
static int html_reader_describes(unsigned hint, const char *rest)
{
    return hint == HINT_COMMENT &&
           (strcmp(rest, "ed") == 0 || strcmp(rest, "able") == 0 || strcmp(rest, "ary") == 0);
}

/* strcmp, with most steps of a search decided by the first byte inline */
static int html_reader_tokcmp(const char *a, const char *b)
{
    if (a[0] != b[0])
        return (int)(unsigned char)a[0] - (int)(unsigned char)b[0];
    return strcmp(a, b);
}

static unsigned html_reader_token_hints(const char *t, size_t n, int last)
{
    size_t lo = 0, hi = N_HINT_TOKENS;
    unsigned hints = 0;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (html_reader_tokcmp(hint_tokens[mid].tok, t) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < N_HINT_TOKENS && strcmp(hint_tokens[lo].tok, t) == 0 &&
        (hint_tokens[lo].mode != TOK_LAST || last))
        hints |= hint_tokens[lo].hint;
    /* prefixes of t sort just before it, among entries of its first letter */
    for (size_t j = lo; j-- > 0 && hint_tokens[j].tok[0] == t[0];) {
        size_t k = strlen(hint_tokens[j].tok);
        if (hint_tokens[j].mode == TOK_PREFIX && k < n &&
            memcmp(hint_tokens[j].tok, t, k) == 0 &&
            !html_reader_describes(hint_tokens[j].hint, t + k))
            hints |= hint_tokens[j].hint;
    }
    return hints;
}

#define TOKS_MAX 12
#define TOK_LEN 24

static int html_reader_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* The hints of one class word (or id). */
static unsigned html_reader_word_hints(const unsigned char *w, size_t n)
{
    char toks[TOKS_MAX][TOK_LEN];
    size_t lens[TOKS_MAX];
    size_t ntok = 0, i = 0;
    unsigned hints = 0;

    while (i < n && ntok < TOKS_MAX) {
        while (i < n && !html_reader_alnum(w[i]))
            i++;
        if (i >= n)
            break;
        size_t len = 0;
        do {
            unsigned char c = w[i];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            if (len < TOK_LEN - 1)
                toks[ntok][len++] = (char)c;
            i++;
        } while (i < n && html_reader_alnum(w[i]) &&
                 !(w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' &&
                   w[i - 1] <= 'z'));
        toks[ntok][len] = '\0';
        lens[ntok++] = len;
    }
    if (ntok == 0)
        return 0;
    for (size_t s = 0; s < sizeof hint_state_words / sizeof *hint_state_words;
         s++)
        if (ntok > 1 && strcmp(toks[0], hint_state_words[s]) == 0)
            return 0;
    for (size_t t = 0; t < ntok; t++) {
        hints |= html_reader_token_hints(toks[t], lens[t], t + 1 == ntok);
        if (t + 1 < ntok && lens[t] + lens[t + 1] < TOK_LEN) {
            char pair[TOK_LEN];
            memcpy(pair, toks[t], lens[t]);
            memcpy(pair + lens[t], toks[t + 1], lens[t + 1] + 1);
            hints |= html_reader_token_hints(pair, lens[t] + lens[t + 1], 0);
        }
    }
    return hints;
}

static int html_reader_has_token_ci(const char *v, const char *tok);

/* A blog engine lists a post's categories and tags in the post's own class
 * ("hentry category-for-discussion tag-promotion"): those slugs are the
 * article's topics, not a part of the page, and give no hints.  Elsewhere
 * "tag-links" or "category-list" still name the tag and category rows. */
static int html_reader_term_word(const unsigned char *w, size_t n)
{
    return (n > 9 && memcmp(w, "category-", 9) == 0) ||
           (n > 4 && memcmp(w, "tag-", 4) == 0);
}

/* The hints of a class (several words) or id (one word) value. */
static unsigned html_reader_class_hints_n(const char *value, int split_words)
{
    const unsigned char *p = (const unsigned char *)value;
    size_t n = strlen(value);
    unsigned hints = 0;

    if (n > ATTR_SCAN_MAX)
        n = ATTR_SCAN_MAX;
    if (!split_words)
        return html_reader_word_hints(p, n);
    int post = html_reader_has_token_ci(value, "hentry") ||
               html_reader_has_token_ci(value, "type-post");
    for (size_t i = 0; i < n;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
                         p[i] == '\r' || p[i] == '\f'))
            i++;
        size_t s = i;
        while (i < n && !(p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
                          p[i] == '\r' || p[i] == '\f'))
            i++;
        if (i > s && !(post && html_reader_term_word(p + s, i - s)))
            hints |= html_reader_word_hints(p + s, i - s);
    }
    return hints;
}

/* What one element's class and id tokens add up to. */
static unsigned html_reader_token_rules(unsigned tok)
{
    /* "entry-header" is the article's own header; "sidebar-content" and
     * "post-comments" are not article content */
    if (tok & HINT_CONTENT)
        tok &= ~(unsigned)HINT_HEADER;
    if (tok & HINT_NEGATIVE & ~(unsigned)HINT_HEADER)
        tok &= ~(unsigned)HINT_CONTENT;
    return tok;
}

/* Exists for tests: the hints a class attribute value gives. */
unsigned html_reader_class_hints(const char *value);
unsigned html_reader_class_hints(const char *value)
{
    return html_reader_token_rules(html_reader_class_hints_n(value, 1));
}

/* Exists for tests: whether the lookup tables are sorted as bsearch needs. */
int html_reader_tables_sorted(void);
int html_reader_tables_sorted(void)
{
    for (size_t i = 1; i < sizeof html_elements / sizeof *html_elements; i++)
        if (strcmp(html_elements[i - 1].name, html_elements[i].name) >= 0)
            return 0;
    for (size_t i = 1; i < N_HINT_TOKENS; i++)
        if (strcmp(hint_tokens[i - 1].tok, hint_tokens[i].tok) >= 0)
            return 0;
    return 1;
}

/* ---- the reader ---------------------------------------------------------- */

enum { F_SKIP = 1u, F_HEAD = 2u, F_TITLE = 4u, F_LINK = 8u };

typedef struct frame {
    const element_info *info; /* NULL for unknown elements */
    uint32_t path;            /* hash of the names, classes and ids down to here */
    uint32_t box;             /* path of the container of text inside (block.box) */
    uint32_t up[2];           /* paths of the parent and the grandparent */
    uint32_t outer[2];        /* block.outer of text inside */
    unsigned hints;
    unsigned char flags;      /* BLOCK_* */
    unsigned char heading;
    unsigned char state;      /* F_* */
    unsigned char list;       /* --markdown: lists open around it */
    unsigned number;          /* ... the number of the ordered item it is in */
    unsigned char quote;      /* ... quotations open around it */
    unsigned item;            /* ... the list item it is in (a serial), or 0 */
} frame;

#define LIST_MAX 16           /* list depths told apart */
#define HREF_MAX 2048

struct html_reader {
    const mem *m;
    htmlParserCtxtPtr ctxt;
    block_fn emit;
    void *ctx;
    ub_status status;
    int ended;
    int stopped;              /* the rest of the document is dropped */
    unsigned long errors;

    char override[ENCODING_NAME_MAX];
    char *http_charset;
    encoding_decoder *dec;
    encoding_choice choice;

    char *prescan;            /* raw bytes until the charset is chosen */
    size_t prescan_len;
    int started;
    /* The prescan held only ASCII and nothing declared a charset: ASCII
     * goes on through a UTF-8 decoder until the first other byte, from
     * which PRESCAN_MAX bytes are held in `prescan` again to decide on
     * (a <meta> libxml2 read meanwhile, else encoding_guess). */
    int tentative;
    char late_meta[ENCODING_NAME_MAX];

    html_shield shield;       /* bounds what libxml2 is given */
    char *sbuf;               /* a piece through the shield */
    char *pbuf;               /* decoded UTF-8 waiting for libxml2 */
    size_t plen;
    unsigned long long fed;   /* bytes given to libxml2 so far */
    size_t max_pending;
    unsigned rescues;
    /* after a forced tag end, the text it swallowed is dropped until the
     * next element event past this position */
    int suppress;
    unsigned long long suppress_from;

    /* libxml2 interns element names: one pointer per name */
    struct {
        const xmlChar *name;
        const element_info *info;
    } cache[64];

    frame *stack;
    size_t depth;             /* open elements, libxml2's count */
    size_t deep_skip;         /* skipping elements open beyond STACK_MAX */
    frame base;

    /* the block being gathered */
    char *text;
    unsigned char *linkmap;   /* 1 per byte of text that sat inside <a> */
    size_t len, link_len;
    int space;                /* whitespace seen since the last character */
    int prev_link;
    unsigned hints, flags, heading;
    uint32_t box, outer[2];
    unsigned continued;
    int brs;                  /* <br>s in a row */

    /* the title */
    char title[TITLE_MAX];
    size_t title_len;
    int title_space;
    int title_closed;         /* a <title> has ended: later ones are ignored */
    char og_title[TITLE_MAX];
    size_t og_len;
    int title_done;

    char lang[LANG_MAX];

    meta *meta;               /* metadata hooks, or NULL */
    size_t meta_depth;        /* depth of the element whose text meta wants */

    /* --markdown: the block's text as Markdown, beside the plain text */
    int md_on, md_links, md_images;
    const char *md_url;       /* the documents' address (--url), or NULL */
    buf md;
    int md_bad;               /* lost (a split, no memory): the writer escapes text */
    int md_after_image;       /* a space goes between an image and text */
    size_t md_link_at;        /* where the open link's text began, or SIZE_MAX */
    size_t md_link_depth;     /* ... the depth of its <a> */
    char md_href[HREF_MAX];
    md_inline md_spans;       /* emphasis and code spans in md */
    int md_alone;             /* --images: md holds images, the block no text yet */
    size_t md_lead;           /* ... md's bytes of images from blocks of their own */
    buf md_out;               /* md with their delimiters */
    unsigned list_next[LIST_MAX]; /* the next item's number, per depth */
    unsigned char list_ordered[LIST_MAX];
    unsigned list, number;    /* of the block being gathered */
    unsigned quote, item;
    unsigned items;           /* list items opened so far (serials) */
    unsigned item_done[LIST_MAX]; /* per depth, the item that has had a block */
    char pre_lang[32];        /* the language of the code in <pre> */

    /* a table row whose cells hold text alone is one block, its cells
     * parted by tabs; a cell holding a block (a layout table's) ends that */
    int row_on;
    size_t row_depth;         /* the depth of its <tr> */
    unsigned row_cells;
    int row_block;            /* the block being gathered holds a row's tab */
};

#define ROW_MAX 1000          /* bytes of a row of cells; more is a layout row */

static const element_info *html_reader_element(html_reader *r,
                                               const xmlChar *name)
{
    size_t slot = ((uintptr_t)name >> 4) % 64;
    if (r->cache[slot].name != name) {
        r->cache[slot].name = name;
        r->cache[slot].info = html_reader_lookup((const char *)name);
    }
    return r->cache[slot].info;
}

static void html_reader_fail(html_reader *r, ub_status st)
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

/* Where libxml2 is in the stream it was given. */
static unsigned long long html_reader_pos(const html_reader *r)
{
    return r->fed - (unsigned long long)xml_compat_unparsed(r->ctxt);
}

/* ---- whitespace and text ---------------------------------------------------- */

static int html_reader_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends whitespace-collapsed text to a small bounded buffer (the title);
 * returns the new length. */
static size_t html_reader_append_collapsed(char *dst, size_t len, size_t cap,
                                           int *space, const unsigned char *s,
                                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (html_reader_ws(c) || (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)) {
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

static int html_reader_starts_ci(const xmlChar *p, size_t n, const char *lit)
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

/* ---- emitting -------------------------------------------------------------- */

static void html_reader_emit(html_reader *r, const block *b)
{
    if (r->status != UB_OK)
        return;
    ub_status st = r->emit(r->ctx, b);
    if (st != UB_OK)
        html_reader_fail(r, st);
}

static void html_reader_emit_title(html_reader *r)
{
    if (r->title_done)
        return;
    const char *t = r->og_len > 0 ? r->og_title : r->title;
    size_t n = r->og_len > 0 ? r->og_len : r->title_len;
    if (n == 0)
        return;
    r->title_done = 1;
    block b = {.text = t, .len = n, .flags = BLOCK_TITLE};
    html_reader_emit(r, &b);
}

/* Images that stood alone before a paragraph are a paragraph of their
 * own, in its quotation if it is in one; in a heading, a list item or a
 * row they stay inline. */
static void html_reader_md_lead(html_reader *r, unsigned flags, unsigned heading)
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
static void html_reader_emit_text(html_reader *r, size_t n, size_t link_len,
                                  unsigned extra)
{
    html_reader_emit_title(r);
    r->title_done = 1;
    if (r->row_block)
        extra |= BLOCK_ROW;
    block b = {.text = r->text, .len = n, .link_len = link_len, .heading = r->heading,
               .flags = r->flags | r->continued | extra, .hints = r->hints, .box = r->box,
               .outer = {r->outer[0], r->outer[1]}};
    if (r->md_on) {
        /* a block handed over in pieces is written from its text */
        if (!r->md_bad && !r->continued && n == r->len && r->md.len > 0) {
            html_reader_md_lead(r, b.flags, b.heading);
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
    html_reader_emit(r, &b);
}

/* Trims what a <pre> block may end (or start) with. */
static void html_reader_trim_pre(html_reader *r, size_t *start, size_t *end)
{
    size_t s = 0, e = r->len;
    while (e > 0 && html_reader_ws((unsigned char)r->text[e - 1]))
        e--;
    while (s < e && (r->text[s] == '\n' || r->text[s] == '\r'))
        s++;
    *start = s;
    *end = e;
}

static size_t html_reader_count_links(const html_reader *r, size_t from,
                                      size_t to)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++)
        c += r->linkmap[i];
    return c;
}

static void html_reader_reset_block(html_reader *r)
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
static void html_reader_flush(html_reader *r, unsigned extra)
{
    if (r->len == 0 && r->md_alone && !r->md_bad && r->md.len <= BLOCK_MAX) {
        /* images alone (a figure's, before its caption) open the next
         * block's Markdown and share its fate: a block of their own
         * would change how the blocks around are judged */
        size_t keep = r->md.len;
        html_reader_reset_block(r);
        r->md.len = keep;
        r->md_lead = keep;
        r->md_alone = 1;
        r->md_after_image = 1;
        return;
    }
    if (r->len > 0 && r->status == UB_OK) {
        if (r->flags & BLOCK_PRE) {
            size_t s, e;
            html_reader_trim_pre(r, &s, &e);
            if (e > s) {
                if (s > 0) {
                    memmove(r->text, r->text + s, e - s);
                    memmove(r->linkmap, r->linkmap + s, e - s);
                }
                html_reader_emit_text(r, e - s,
                                      html_reader_count_links(r, 0, e - s),
                                      extra);
            }
        } else {
            html_reader_emit_text(r, r->len, r->link_len, extra);
        }
    }
    html_reader_reset_block(r);
}

/* The block is full: hand over its first part, at a space when there is
 * one in the second half, and keep the rest as its continuation. */
static void html_reader_split(html_reader *r)
{
    size_t cut = r->len, next = r->len;
    int pre = (r->flags & BLOCK_PRE) != 0;

    for (int pass = pre ? 0 : 1; pass < 2 && cut == r->len; pass++) {
        char sep = pass == 0 ? '\n' : ' ';
        for (size_t i = r->len; i-- > BLOCK_MAX / 2;) {
            if (r->text[i] == sep) {
                cut = i;
                next = i + 1;
                break;
            }
        }
    }
    size_t links = html_reader_count_links(r, 0, cut);
    html_reader_emit_text(r, cut, links, 0);
    r->md_bad = 1;
    r->continued = BLOCK_CONTINUED;
    memmove(r->text, r->text + next, r->len - next);
    memmove(r->linkmap, r->linkmap + next, r->len - next);
    r->len -= next;
    r->link_len = html_reader_count_links(r, 0, r->len);
}

/* Text from the element `f` joins the block. */
static void html_reader_block_attrs(html_reader *r, const frame *f)
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
static void html_reader_append_run(html_reader *r, const frame *f,
                                   const unsigned char *p, size_t n,
                                   int *attrs_done)
{
    int link = (f->state & F_LINK) != 0;

    if (!*attrs_done) {
        *attrs_done = 1;
        html_reader_block_attrs(r, f);
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
            html_reader_split(r);
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

static void html_reader_add_plain(html_reader *r, const frame *f,
                                  const unsigned char *s, size_t n)
{
    static const unsigned char newline = '\n';
    int attrs_done = 0;
    size_t i = 0;

    if (f->flags & BLOCK_PRE) {
        /* kept as it is, but CRLF and lone CR are one newline */
        while (i < n && r->status == UB_OK) {
            if (s[i] == '\r') {
                html_reader_append_run(r, f, &newline, 1, &attrs_done);
                i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                continue;
            }
            size_t j = i + 1;
            while (j < n && s[j] != '\r')
                j++;
            html_reader_append_run(r, f, s + i, j - i, &attrs_done);
            i = j;
        }
        return;
    }
    if (r->len + n + 1 <= BLOCK_MAX) {
        /* the common case: it all fits, collapse while copying */
        char *out = r->text + r->len;
        size_t start = r->len;
        int space = r->space;
        for (; i < n; i++) {
            unsigned char c = s[i];
            if (html_reader_ws(c)) {
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
                html_reader_block_attrs(r, f);
            }
            if (space && out > r->text)
                *out++ = ' ';
            space = 0;
            /* the rest of the word, without the checks above: it ends at
             * white space or at a byte that may start a no-break space */
            static const unsigned char word_end[256] = {
                [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, [0xC2] = 1,
            };
            *out++ = (char)c;
            while (i + 1 < n && !word_end[s[i + 1]])
                *out++ = (char)s[++i];
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
        return;
    }
    while (i < n && r->status == UB_OK) {
        if (html_reader_ws(s[i])) {
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
        while (j < n && !html_reader_ws(s[j]) &&
               !(s[j] == 0xC2 && j + 1 < n && s[j + 1] == 0xA0))
            j++;
        html_reader_append_run(r, f, s + i, j - i, &attrs_done);
        i = j;
    }
}

/* The text that joined the block, r->text[from..len), joins its Markdown
 * too, escaped. */
static void html_reader_md_text(html_reader *r, size_t from, unsigned continued)
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
static void html_reader_row_too_long(html_reader *r)
{
    size_t tab = r->len;
    while (tab > 0 && r->text[tab - 1] != '\t')
        tab--;
    r->row_on = 0;
    if (tab == 0)
        return;
    size_t keep = r->len - tab;
    html_reader_emit_text(r, tab - 1, html_reader_count_links(r, 0, tab - 1), 0);
    memmove(r->text, r->text + tab, keep);
    memmove(r->linkmap, r->linkmap + tab, keep);
    r->len = keep;
    r->link_len = html_reader_count_links(r, 0, keep);
    r->row_block = 0;
    r->md_bad = 1;
}

static void html_reader_add_text(html_reader *r, const frame *f,
                                 const unsigned char *s, size_t n)
{
    size_t from = r->len;
    unsigned continued = r->continued;
    html_reader_add_plain(r, f, s, n);
    if (r->md_on && !(f->flags & BLOCK_PRE))
        html_reader_md_text(r, from, continued);
    if (r->row_block && r->len > ROW_MAX)
        html_reader_row_too_long(r);
}

static int html_reader_is(const element_info *e, const char *name)
{
    return e != NULL && strcmp(e->name, name) == 0;
}

/* A block element opens (not skipped): does it end the block?  A cell of
 * the open row does not: a tab parts it from the one before. */
static int html_reader_row_start(html_reader *r, const element_info *e, const frame *f)
{
    int cell = html_reader_is(e, "td") || html_reader_is(e, "th");
    if (cell && r->row_on && r->depth == r->row_depth) {
        if (r->row_cells++ > 0 && r->len + 1 < BLOCK_MAX) {
            if (r->len == 0 && !r->continued)
                html_reader_block_attrs(r, f);
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
    if (html_reader_is(e, "tr")) {
        html_reader_flush(r, 0);
        r->row_on = 1;
        r->row_depth = r->depth + 1;
        r->row_cells = 0;
        return 0;
    }
    return 1;
}

/* ---- Markdown: links, images, lists, code ------------------------------- */

static const char *html_reader_attr(const xmlChar **atts, const char *name);

/* href resolved against <base> and --url into out[0..HREF_MAX) */
static size_t html_reader_md_resolve(const html_reader *r, const char *href, char *out)
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
static void html_reader_md_image(html_reader *r, const xmlChar **atts)
{
    const char *src = html_reader_attr(atts, "src"), *alt = html_reader_attr(atts, "alt");
    char url[HREF_MAX];
    if (src == NULL || *src == '\0' || html_reader_md_resolve(r, src, url) == 0 || r->md_bad)
        return;
    char text[512];
    int space = 0;
    size_t n = alt != NULL ? html_reader_append_collapsed(text, 0, sizeof text, &space,
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
static void html_reader_md_link_end(html_reader *r)
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
static void html_reader_md_lang(html_reader *r, const char *cls)
{
    for (const char *p = cls; p != NULL && *p != '\0';) {
        while (html_reader_ws((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] != '\0' && !html_reader_ws((unsigned char)p[n]))
            n++;
        size_t k = strncmp(p, "language-", 9) == 0 ? 9 : strncmp(p, "lang-", 5) == 0 ? 5 : 0;
        if (k > 0 && n > k && n - k < sizeof r->pre_lang) {
            size_t m = 0;
            for (size_t i = k; i < n; i++)
                if (html_reader_alnum((unsigned char)p[i]) || p[i] == '+' || p[i] == '-' ||
                    p[i] == '#' || p[i] == '.')
                    r->pre_lang[m++] = p[i];
            r->pre_lang[m] = '\0';
            return;
        }
        p += n;
    }
}

/* The inline span an element is in Markdown (md_inline.h), or 0. */
static unsigned html_reader_md_span_kind(const char *n)
{
    if (strcmp(n, "em") == 0 || strcmp(n, "i") == 0)
        return MD_EM;
    if (strcmp(n, "strong") == 0 || strcmp(n, "b") == 0)
        return MD_STRONG;
    return strcmp(n, "code") == 0 ? MD_CODE : 0;
}

/* What an opening element means to the Markdown: a list and its items'
 * numbers, a link, an image, code's language. */
static void html_reader_md_start(html_reader *r, const xmlChar *name, const xmlChar **atts,
                                 frame *f, const frame *top)
{
    const char *n = (const char *)name;
    unsigned kind;
    if ((n[0] == 'o' || n[0] == 'u') && n[1] == 'l' && n[2] == '\0') {
        unsigned d = top->list < LIST_MAX - 1 ? top->list + 1u : LIST_MAX - 1u;
        const char *start = n[0] == 'o' ? html_reader_attr(atts, "start") : NULL;
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
    } else if (r->md_links && n[0] == 'a' && n[1] == '\0') {
        const char *href = html_reader_attr(atts, "href");
        if (href != NULL && r->md_link_at == SIZE_MAX &&
            strncmp(href, "javascript:", 11) != 0 &&
            html_reader_md_resolve(r, href, r->md_href) > 0) {
            r->md_link_at = r->md.len;
            r->md_link_depth = r->depth + 1;
        }
    } else if (r->md_images && strcmp(n, "img") == 0) {
        html_reader_md_image(r, atts);
    } else if (!(f->flags & BLOCK_PRE) && (kind = html_reader_md_span_kind(n)) != 0) {
        md_inline_open(&r->md_spans, kind, r->depth + 1, r->md.len);
    } else if (f->flags & BLOCK_PRE) {
        if (strcmp(n, "pre") == 0)
            r->pre_lang[0] = '\0';
        if (strcmp(n, "pre") == 0 || strcmp(n, "code") == 0)
            html_reader_md_lang(r, html_reader_attr(atts, "class"));
    }
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
        html_reader_md_link_end(r);
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
                   (html_reader_is(e, "td") || html_reader_is(e, "th"));
        if (!(f->state & F_SKIP) && !cell)
            html_reader_flush(r, 0);
        if (r->row_on && r->depth < r->row_depth)
            r->row_on = 0;
    } else if (e->kind & EL_TITLE) {
        if (r->title_len > 0)
            r->title_closed = 1;
    } else if (e->kind & EL_HEAD) {
        if (r->og_len > 0 || r->title_len > 0)
            html_reader_emit_title(r);
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

static const char *html_reader_attr(const xmlChar **atts, const char *name)
{
    if (atts == NULL)
        return NULL;
    for (size_t i = 0; atts[i] != NULL; i += 2)
        if (strcmp((const char *)atts[i], name) == 0)
            return atts[i + 1] != NULL ? (const char *)atts[i + 1] : "";
    return NULL;
}

static int html_reader_has_token_ci(const char *v, const char *tok)
{
    size_t k = strlen(tok), n = strlen(v);
    if (n > ATTR_SCAN_MAX)
        n = ATTR_SCAN_MAX;
    for (size_t i = 0; i + k <= n; i++) {
        if ((i == 0 || html_reader_ws((unsigned char)v[i - 1])) &&
            (i + k == n || html_reader_ws((unsigned char)v[i + k]))) {
            size_t m = 0;
            while (m < k && (v[i + m] | 0x20) == tok[m])
                m++;
            if (m == k)
                return 1;
        }
    }
    return 0;
}

/* display:none or visibility:hidden in an inline style */
static int html_reader_style_hidden(const char *v)
{
    char bytes[ATTR_SCAN_MAX];
    size_t n = 0;
    for (size_t i = 0; i < ATTR_SCAN_MAX && v[i] != '\0'; i++) {
        unsigned char c = (unsigned char)v[i];
        if (html_reader_ws(c))
            continue;
        bytes[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    for (size_t i = 0; i < n; i++) {
        if (n - i >= 12 && memcmp(bytes + i, "display:none", 12) == 0)
            return 1;
        if (n - i >= 17 && memcmp(bytes + i, "visibility:hidden", 17) == 0)
            return 1;
    }
    return 0;
}

/* The hints an element adds to what it inherits. */
static unsigned html_reader_hints(const element_info *e, const xmlChar **atts,
                                  unsigned inherited)
{
    unsigned h = e != NULL ? e->hints : 0;
    int in_article = (inherited & (HINT_ARTICLE | HINT_MAIN | HINT_BODY)) != 0;
    const char *v;

    if (e != NULL && (e->kind & EL_HEADER) && !in_article)
        h |= HINT_HEADER;
    if (atts == NULL)
        return h;

    /* one pass: elements carry many attributes we do not look at */
    const char *role = NULL, *hidden = NULL, *aria = NULL, *style = NULL;
    const char *itemprop = NULL, *cls = NULL, *id = NULL;
    for (size_t i = 0; atts[i] != NULL; i += 2) {
        const char *a = (const char *)atts[i];
        const char *val =
            atts[i + 1] != NULL ? (const char *)atts[i + 1] : "";
        switch (a[0]) {
        case 'a':
            if (aria == NULL && strcmp(a, "aria-hidden") == 0)
                aria = val;
            break;
        case 'c':
            if (cls == NULL && strcmp(a, "class") == 0)
                cls = val;
            break;
        case 'h':
            if (hidden == NULL && strcmp(a, "hidden") == 0)
                hidden = val;
            break;
        case 'i':
            if (id == NULL && a[1] == 'd' && a[2] == '\0')
                id = val;
            else if (itemprop == NULL && strcmp(a, "itemprop") == 0)
                itemprop = val;
            break;
        case 'r':
            if (role == NULL && strcmp(a, "role") == 0)
                role = val;
            break;
        case 's':
            if (style == NULL && strcmp(a, "style") == 0)
                style = val;
            break;
        default:
            break;
        }
    }

    if ((v = role) != NULL) {
        if (html_reader_has_token_ci(v, "navigation") ||
            html_reader_has_token_ci(v, "menu") ||
            html_reader_has_token_ci(v, "menubar"))
            h |= HINT_NAV;
        if (html_reader_has_token_ci(v, "banner"))
            h |= HINT_HEADER;
        if (html_reader_has_token_ci(v, "contentinfo"))
            h |= HINT_FOOTER;
        if (html_reader_has_token_ci(v, "complementary"))
            h |= HINT_ASIDE;
        if (html_reader_has_token_ci(v, "main"))
            h |= HINT_MAIN;
        if (html_reader_has_token_ci(v, "article"))
            h |= HINT_ARTICLE;
    }
    if (hidden != NULL)
        h |= HINT_HIDDEN;
    if (aria != NULL && html_reader_has_token_ci(aria, "true"))
        h |= HINT_HIDDEN;
    if (style != NULL && html_reader_style_hidden(style))
        h |= HINT_HIDDEN;
    if (itemprop != NULL && html_reader_has_token_ci(itemprop, "articlebody"))
        h |= HINT_BODY;

    unsigned tok = 0;
    if (cls != NULL)
        tok |= html_reader_class_hints_n(cls, 1);
    if (id != NULL)
        tok |= html_reader_class_hints_n(id, 0);
    tok = html_reader_token_rules(tok);
    if (in_article)
        tok &= ~(unsigned)HINT_HEADER;
    return h | tok;
}

static void html_reader_set_lang(html_reader *r, const char *v)
{
    size_t n = 0;
    for (size_t i = 0; v[i] != '\0' && n < LANG_MAX - 1; i++) {
        unsigned char c = (unsigned char)v[i];
        if (html_reader_ws(c) && n == 0)
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
    const char *label = html_reader_attr(atts, "charset");
    size_t n = label != NULL ? strlen(label) : 0;
    const char *eq = html_reader_attr(atts, "http-equiv");
    const char *content = html_reader_attr(atts, "content");
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
    const char *prop = html_reader_attr(atts, "property");
    if (prop == NULL)
        prop = html_reader_attr(atts, "name");
    if (prop == NULL || r->og_len > 0 || r->title_done)
        return;
    if (strlen(prop) != 8 || strncmp(prop, "og:title", 8) != 0)
        return;
    const char *c = html_reader_attr(atts, "content");
    if (c == NULL)
        return;
    int space = 0;
    r->og_len = html_reader_append_collapsed(
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

static uint32_t html_reader_path(uint32_t parent, const xmlChar *name,
                                 const xmlChar **atts)
{
    uint32_t h = html_reader_hash(parent ? parent : 2166136261u, (const char *)name);
    h = html_reader_hash(h, html_reader_attr(atts, "class"));
    h = html_reader_hash(h, html_reader_attr(atts, "id"));
    return h ? h : 1;
}

static void html_reader_sax_start(void *ud, const xmlChar *name,
                              const xmlChar **atts)
{
    html_reader *r = ud;
    if (r->status != UB_OK)
        return;
    size_t target = xml_compat_depth(r->ctxt) > 0 ? xml_compat_depth(r->ctxt) - 1 : 0;
    html_reader_sync(r, target);
    if (r->status != UB_OK)
        return;
    if (r->suppress && html_reader_pos(r) > r->suppress_from)
        r->suppress = 0;

    const element_info *e = html_reader_element(r, name);
    const frame *top = html_reader_top(r);
    unsigned kind = e != NULL ? e->kind : 0;

    if (!(kind & EL_BR)) {
        r->brs = 0;
    } else if (!(top->state & (F_SKIP | F_HEAD))) {
        if (top->flags & BLOCK_PRE) {
            static const unsigned char nl = '\n';
            html_reader_add_text(r, top, &nl, 1);
        } else if (++r->brs >= 2) {
            /* <br><br>: a paragraph break without a paragraph */
            html_reader_flush(r, BLOCK_BREAK);
        } else {
            r->space = 1;
        }
    }

    if (r->depth >= STACK_MAX) {
        /* too deep to remember: count it, flush blocks, skip what must go */
        r->depth++;
        if (kind & EL_SKIP)
            r->deep_skip++;
        else if ((kind & EL_BLOCK) && !(top->state & F_SKIP) && !r->deep_skip)
            html_reader_flush(r, 0);
        return;
    }

    frame f = *top;
    f.info = e;
    /* blocks in one container share its path: the paragraphs of an
     * article body, the items of a menu */
    f.path = html_reader_path(top->path, name, atts);
    f.up[0] = top->path;
    f.up[1] = top->up[0];
    if (kind & EL_BLOCK) {
        f.box = top->path;
        f.outer[0] = top->up[0];
        f.outer[1] = top->up[1];
    }
    if (kind & EL_HTML) {
        const char *lang = html_reader_attr(atts, "lang");
        if (lang == NULL)
            lang = html_reader_attr(atts, "xml:lang");
        if (lang != NULL && r->lang[0] == '\0')
            html_reader_set_lang(r, lang);
    } else if (!(kind & EL_BODY)) {
        unsigned add = html_reader_hints(e, atts, top->hints);
        /* the nearer element wins: a post body inside a layout box that
         * calls itself a widget or sidebar (Blogger's "widget Blog") is
         * content */
        if (add & (HINT_CONTENT | HINT_BODY | HINT_ARTICLE | HINT_MAIN))
            f.hints &= ~(unsigned)(HINT_SIDEBAR | HINT_MENU | HINT_ASIDE | HINT_HEADER | HINT_FORM);
        f.hints |= add;
    }
    if (e != NULL) {
        f.flags |= e->flags;
        if (e->heading)
            f.heading = e->heading;
        if (kind & EL_SKIP)
            f.state |= F_SKIP;
        if (kind & EL_HEAD)
            f.state |= F_HEAD;
        if (kind & EL_TITLE)
            f.state |= F_TITLE;
        if ((kind & EL_A) && html_reader_attr(atts, "href") != NULL)
            f.state |= F_LINK;
        if ((kind & EL_META) && atts != NULL)
            html_reader_meta(r, atts);
        if (kind & EL_BODY)
            f.state = (unsigned char)(f.state & ~F_HEAD);
    } else {
        /* libxml2 keeps an unknown element in <head>; a browser starts the
         * body with it */
        f.state = (unsigned char)(f.state & ~F_HEAD);
    }
    if ((kind & EL_SPACE) && !(top->state & F_SKIP))
        r->space = 1;
    if ((kind & EL_BLOCK) && !(top->state & F_SKIP) && html_reader_row_start(r, e, &f))
        html_reader_flush(r, 0);
    if (kind & EL_BODY)
        html_reader_emit_title(r);
    if (r->meta != NULL &&
        meta_start(r->meta, (const char *)name, (const char *const *)atts, f.hints,
                   (top->state & F_SKIP) != 0))
        r->meta_depth = r->depth + 1;
    if (r->md_on && !(top->state & F_SKIP))
        html_reader_md_start(r, name, atts, &f, top);
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
    if (r->suppress && html_reader_pos(r) > r->suppress_from)
        r->suppress = 0;
    if (r->depth > STACK_MAX) {
        const element_info *e = html_reader_element(r, name);
        unsigned kind = e != NULL ? e->kind : 0;
        r->depth--;
        if ((kind & EL_SKIP) && r->deep_skip > 0)
            r->deep_skip--;
        else if ((kind & EL_BLOCK) && !r->deep_skip &&
                 !(html_reader_top(r)->state & F_SKIP))
            html_reader_flush(r, 0);
        return;
    }
    html_reader_pop(r);
}

static void html_reader_sax_characters(void *ud, const xmlChar *ch, int len)
{
    html_reader *r = ud;
    if (r->status != UB_OK || len <= 0)
        return;
    if (xml_compat_depth(r->ctxt) < r->depth)
        html_reader_sync(r, xml_compat_depth(r->ctxt));
    if (r->suppress && html_reader_pos(r) > r->suppress_from)
        return;
    if (r->meta_depth != 0 && meta_text(r->meta, (const char *)ch, (size_t)len) != UB_OK)
        html_reader_fail(r, UB_ENOMEM);
    const frame *f = html_reader_top(r);
    if (f->state & F_SKIP || r->deep_skip > 0)
        return;
    if (f->state & F_TITLE) {
        if (!r->title_closed && !r->title_done)
            r->title_len = html_reader_append_collapsed(
                r->title, r->title_len, TITLE_MAX, &r->title_space, ch,
                (size_t)len);
        return;
    }
    if (f->state & F_HEAD)
        return;
    html_reader_add_text(r, f, ch, (size_t)len);
}

static void html_reader_cdata(void *ud, const xmlChar *ch, int len)
{
    /* script and style content: only a JSON-LD script's is read */
    html_reader *r = ud;
    if (r->meta_depth != 0 && r->status == UB_OK && len > 0 &&
        meta_text(r->meta, (const char *)ch, (size_t)len) != UB_OK)
        html_reader_fail(r, UB_ENOMEM);
}

static void html_reader_serror(void *ud, xmlErrorPtr err)
{
    html_reader *r = ud;
    r->errors++;
    if (err != NULL && err->code == XML_ERR_NO_MEMORY)
        html_reader_fail(r, UB_ENOMEM);
}

static void html_reader_quiet(void *ud, const char *msg, ...)
{
    (void)ud;
    (void)msg;
}

/* ---- feeding libxml2 -------------------------------------------------------- */

static void html_reader_push(html_reader *r, const char *bytes, size_t len,
                             int terminate)
{
    if (r->stopped || r->status != UB_OK)
        return;
    /* doc/libxml2.md: forget the look-ahead, which lost track of the
     * quote it was in */
    xml_compat_reset_lookahead(r->ctxt);
    r->fed += len;
    /* libxml2 2.9.14 reports a failed buffer allocation through its generic
     * error handler (stderr by default), which the SAX handler cannot
     * catch; the handler is per thread in libxml2, and put back at once */
    xmlGenericErrorFunc old_fn = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(r, html_reader_quiet);
    int rc = htmlParseChunk(r->ctxt, bytes, (int)len, terminate);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    /* on the path through a script holding "</x", libxml2 never trims the
     * input it has consumed: trim it here, or memory grows with the page */
    xml_compat_trim(r->ctxt, CHUNK);
    /* out of memory inside libxml2 halts it with XML_PARSER_EOF in errNo
     * rather than XML_ERR_NO_MEMORY */
    if (r->ctxt->errNo == XML_ERR_NO_MEMORY ||
        (rc == XML_PARSER_EOF && r->ctxt->errNo == XML_PARSER_EOF))
        html_reader_fail(r, UB_ENOMEM);
}

static size_t html_reader_pending(const html_reader *r)
{
    return xml_compat_unparsed(r->ctxt);
}

/* libxml2 holds RUNAWAY_MAX bytes it cannot parse until something ends
 * them: push that something (see NOTES at the top). */
static void html_reader_rescue(html_reader *r)
{
    const xmlParserCtxtPtr c = r->ctxt;
    const xmlChar *p = xml_compat_cur(c);
    size_t n = html_reader_pending(r);
    char inject[64];
    int suppress = 0;
    int comment = n >= 4 && memcmp(p, "<!--", 4) == 0;
    int pi = n >= 2 && p[0] == '<' && p[1] == '?';
    int doctype = n >= 2 && p[0] == '<' && p[1] == '!' &&
                  html_reader_starts_ci(p + 2, n - 2, "doctype");
    xmlParserInputState state = xml_compat_state(c);
    const xmlChar *open = xml_compat_open_name(c);
    int tag = state == XML_PARSER_START_TAG || doctype;

    inject[0] = '\0';
    if (comment) {
        strcpy(inject, "--><!--");
    } else if (tag) {
        /* the look-up libxml2 does, with the quote remembered */
        unsigned char q = 0;
        for (size_t i = 0; i < n; i++) {
            if (p[i] == '"' || p[i] == '\'') {
                if (q == 0)
                    q = p[i];
                else if (p[i] == q)
                    q = 0;
            }
        }
        inject[0] = (char)q;
        inject[q != 0] = '>';
        inject[(q != 0) + 1] = '\0';
        suppress = 1;
    } else if (state == XML_PARSER_END_TAG || pi) {
        strcpy(inject, ">");
        suppress = 1;
    } else if (state == XML_PARSER_CONTENT && open != NULL &&
               (strcmp((const char *)open, "script") == 0 ||
                strcmp((const char *)open, "style") == 0)) {
        /* closed and reopened: the rest stays script, as in a browser */
        snprintf(inject, sizeof inject, "</%s><%s>", open, open);
    } else if (state == XML_PARSER_CONTENT && p[0] != '<') {
        strcpy(inject, "<!---->");
    }
    if (inject[0] == '\0')
        return;
    r->rescues++;
    html_reader_push(r, inject, strlen(inject), 0);
    if (suppress) {
        r->suppress = 1;
        r->suppress_from = r->fed;
    }
}

/* Where the next piece for libxml2 ends (see NOTES at the top). */
static size_t html_reader_cut(const html_reader *r)
{
    size_t lim = r->plen < CHUNK ? r->plen : CHUNK;
    for (size_t i = lim; i-- > lim / 2;)
        if (r->pbuf[i] == '>')
            return i + 1;
    while (lim > 0 && lim < r->plen &&
           ((unsigned char)r->pbuf[lim] & 0xC0) == 0x80)
        lim--;
    return lim;
}

/* Hands libxml2 pbuf[0..cut) and drops it from pbuf. */
/* Hands libxml2 what the shield makes of bytes[0..len) (see
 * html_shield.h); with `terminate`, the end of the document. */
static void html_reader_shielded(html_reader *r, const char *bytes, size_t len,
                                 int terminate)
{
    html_shield_sync(&r->shield, xml_compat_depth(r->ctxt));
    size_t n = html_shield_run(&r->shield, bytes, len, r->sbuf);
    if (terminate)
        n += html_shield_end(&r->shield, r->sbuf + n);
    html_reader_push(r, r->sbuf, n, terminate);
}

static void html_reader_push_piece(html_reader *r, size_t cut)
{
    if (!r->stopped) {
        html_reader_shielded(r, r->pbuf, cut, 0);
        size_t pending = html_reader_pending(r);
        if (pending > r->max_pending)
            r->max_pending = pending;
        if (pending > RUNAWAY_MAX && r->status == UB_OK) {
            html_reader_rescue(r);
            pending = html_reader_pending(r);
            if (pending > r->max_pending)
                r->max_pending = pending;
        }
        if (pending > RUNAWAY_HARD || xml_compat_depth(r->ctxt) > DEPTH_HARD) {
            /* give up on the rest, keep what was read */
            r->stopped = 1;
            if (r->status == UB_OK)
                htmlParseChunk(r->ctxt, NULL, 0, 1);
        }
    }
    memmove(r->pbuf, r->pbuf + cut, r->plen - cut);
    r->plen -= cut;
}

static void html_reader_parse_some(html_reader *r, size_t keep)
{
    while (r->plen > keep && r->status == UB_OK)
        html_reader_push_piece(r, html_reader_cut(r));
}

/* Decodes raw input into pbuf, handing libxml2 each full piece. */
static void html_reader_pump(html_reader *r, const char *in, size_t len,
                             int final)
{
    for (;;) {
        if (r->status != UB_OK)
            return;
        size_t w = encoding_decode(r->dec, &in, &len, r->pbuf + r->plen,
                                   PBUF_CAP - r->plen, final);
        r->plen += w;
        if (PBUF_CAP - r->plen < ENCODING_MIN_OUT)
            html_reader_parse_some(r, CHUNK + ENCODING_MIN_OUT);
        else if (len == 0)
            return;
    }
}

/* A decoder for r->choice.name, or for UTF-8 when iconv cannot decode it. */
static int html_reader_decoder(html_reader *r)
{
    int unknown;
    encoding_decoder_free(r->dec);
    r->dec = encoding_decoder_new(r->m, r->choice.name, &unknown);
    if (r->dec == NULL && unknown) {
        strcpy(r->choice.name, "UTF-8");
        r->choice.source = ENCODING_FROM_GUESS;
        r->dec = encoding_decoder_new(r->m, "UTF-8", &unknown);
    }
    if (r->dec == NULL) {
        html_reader_fail(r, UB_ENOMEM);
        return 0;
    }
    return 1;
}

/* at_end: the prescan holds the whole document. */
static void html_reader_begin(html_reader *r, int at_end)
{
    encoding_detect(r->prescan, r->prescan_len,
                    r->override[0] ? r->override : NULL, r->http_charset, 1,
                    &r->choice);
    if (!html_reader_decoder(r))
        return;
    r->started = 1;
    size_t skip = r->choice.skip < r->prescan_len ? r->choice.skip
                                                   : r->prescan_len;
    html_reader_pump(r, r->prescan + skip, r->prescan_len - skip, 0);
    r->prescan_len = 0;
    r->tentative = r->choice.tentative && !at_end;
    if (!r->tentative) {
        mem_free(r->m, r->prescan);
        r->prescan = NULL;
    }
}

/* The held bytes after the ASCII start decide the charset (see
 * html_reader.tentative), and go through its decoder. */
static void html_reader_decide_late(html_reader *r)
{
    size_t multibyte, invalid;
    r->tentative = 0;
    encoding_utf8_stats(r->prescan, r->prescan_len, &multibyte, &invalid);
    if (r->late_meta[0] != '\0' &&
        !(strcmp(r->late_meta, "UTF-8") != 0 && multibyte > 0 && invalid == 0)) {
        strcpy(r->choice.name, r->late_meta);
        r->choice.source = ENCODING_FROM_META;
    } else {
        r->choice.source = encoding_guess(r->prescan, r->prescan_len, r->choice.name);
    }
    if (strcmp(r->choice.name, "UTF-8") != 0 && !html_reader_decoder(r))
        return;
    html_reader_pump(r, r->prescan, r->prescan_len, 0);
    mem_free(r->m, r->prescan);
    r->prescan = NULL;
    r->prescan_len = 0;
}

/* While tentative: ASCII goes through, the rest is held (returns what is
 * left to pump once decided). */
static size_t html_reader_hold(html_reader *r, const char **bytes, size_t len)
{
    if (r->prescan_len == 0) {
        size_t a = encoding_ascii_prefix(*bytes, len);
        html_reader_pump(r, *bytes, a, 0);
        *bytes += a;
        len -= a;
        if (len == 0 || r->status != UB_OK)
            return 0;
        /* let libxml2 read every tag before the first non-ASCII byte, so
         * that a <meta> there is seen */
        size_t cut = r->plen;
        while (cut > 0 && r->pbuf[cut - 1] != '>')
            cut--;
        if (cut > 0)
            html_reader_push_piece(r, cut);
    }
    size_t take = PRESCAN_MAX - r->prescan_len;
    if (take > len)
        take = len;
    memcpy(r->prescan + r->prescan_len, *bytes, take);
    r->prescan_len += take;
    *bytes += take;
    len -= take;
    if (r->prescan_len == PRESCAN_MAX)
        html_reader_decide_late(r);
    return len;
}

/* The reader touches fields of libxml2's parser context (xml_compat.h),
 * laid out as in the libxml2 it was compiled with; a libxml2 of another
 * major or minor version (`runtime`, its xmlParserVersion, "20914") may lay
 * them out otherwise.  Exists for tests too. */
int html_reader_libxml2_ok(const char *runtime);
int html_reader_libxml2_ok(const char *runtime)
{
    return xml_compat_version_ok(runtime);
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

    if (!html_reader_libxml2_ok(xmlParserVersion)) {
        html_reader_free(r);
        *status = UB_EPARSE;
        return NULL;
    }
    xmlInitParser();
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElement = html_reader_sax_start;
    sax.endElement = html_reader_sax_end;
    sax.characters = html_reader_sax_characters;
    sax.ignorableWhitespace = html_reader_sax_characters;
    sax.cdataBlock = html_reader_cdata;
    sax.serror = html_reader_serror;
    sax.error = html_reader_quiet;
    sax.warning = html_reader_quiet;
    sax.fatalError = html_reader_quiet;
    html_shield_init(&r->shield);
    r->ctxt = htmlCreatePushParserCtxt(&sax, r, NULL, 0, NULL,
                                       XML_CHAR_ENCODING_UTF8);
    if (r->ctxt == NULL)
        goto nomem;
    /* NONET and NODICT mean nothing to the 2.9.14 HTML parser, which
     * never fetches anything; NOBLANKS only spares calls for the blanks of
     * <head>. */
    htmlCtxtUseOptions(r->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                    HTML_PARSE_NOBLANKS |
                                    HTML_PARSE_IGNORE_ENC);
    r->ctxt->sax->error = html_reader_quiet;
    r->ctxt->sax->warning = html_reader_quiet;
    r->ctxt->sax->fatalError = html_reader_quiet;
    /* element and attribute names are interned: bound the dictionary */
    if (r->ctxt->dict != NULL)
        xmlDictSetLimit(r->ctxt->dict, XML_MAX_DICTIONARY_LIMIT);
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
    if (!r->started) {
        size_t take = PRESCAN_MAX - r->prescan_len;
        if (take > len)
            take = len;
        memcpy(r->prescan + r->prescan_len, bytes, take);
        r->prescan_len += take;
        bytes += take;
        len -= take;
        if (r->prescan_len < PRESCAN_MAX)
            return UB_OK;
        html_reader_begin(r, 0);
    }
    if (r->tentative && len > 0 && r->status == UB_OK)
        len = html_reader_hold(r, &bytes, len);
    if (len > 0)
        html_reader_pump(r, bytes, len, 0);
    return r->status;
}

ub_status html_reader_end(html_reader *r)
{
    if (r->ended)
        return r->status;
    r->ended = 1;
    if (r->status != UB_OK)
        return r->status;
    if (!r->started)
        html_reader_begin(r, 1);
    if (r->tentative && r->status == UB_OK)
        html_reader_decide_late(r);
    html_reader_pump(r, "", 0, 1);
    html_reader_parse_some(r, CHUNK);
    if (!r->stopped && r->status == UB_OK)
        html_reader_shielded(r, r->pbuf, r->plen, 1);
    r->plen = 0;
    html_reader_flush(r, 0);
    html_reader_emit_title(r);
    return r->status;
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
    mem_free(m, r);
}
