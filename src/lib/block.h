/* block.h - the unit the readers hand to the engine.
 *
 * Both readers (text_reader, html_reader) cut their input into blocks: a
 * line or hard-wrapped paragraph of text, or the text of one block-level
 * HTML element.  The engine scores blocks; it never sees markup.
 */
#ifndef BLOCK_H
#define BLOCK_H

#include <stddef.h>
#include <stdint.h>
#include "unboil.h"

/* A block's text never exceeds this many bytes: longer HTML paragraphs are
 * handed over in pieces (the later ones flagged BLOCK_CONTINUED), longer
 * text lines are decided on their first BLOCK_MAX bytes.  It is what
 * bounds the engine's memory together with the window. */
#define BLOCK_MAX (64u * 1024u)

/* flags: what kind of element the block came from */
enum {
    BLOCK_TITLE     = 1u << 0,  /* the document title (og:title / <title>) */
    BLOCK_LIST_ITEM = 1u << 1,  /* li, dt, dd */
    BLOCK_PRE       = 1u << 2,  /* pre: text keeps its newlines */
    BLOCK_CELL      = 1u << 3,  /* td, th */
    BLOCK_QUOTE     = 1u << 4,  /* inside blockquote */
    BLOCK_CAPTION   = 1u << 5,  /* figcaption, caption */
    BLOCK_CONTINUED = 1u << 6,  /* continues the previous block (split at BLOCK_MAX) */
    BLOCK_BREAK     = 1u << 7,  /* ended by <br><br> rather than by its element */
    BLOCK_ROW       = 1u << 8,  /* a table row of short cells, a tab between them */
    BLOCK_ITEM_MORE = 1u << 9,  /* --markdown: a list item's second or later block */
    BLOCK_MIDWORD   = 1u << 10, /* with BLOCK_CONTINUED: split within a word (no
                                   space in its second half), joined again without
                                   one */
    BLOCK_LINE_CUT  = 1u << 11  /* with BLOCK_CONTINUED: <pre> split at a newline,
                                   joined again with one */
};

/* hints: what the enclosing elements say about the block (hints.def) */
enum {
#define UB_HINT(name, bit, what) HINT_##name = 1u << (bit),
#include "hints.def"
#undef UB_HINT
};

#define HINT_NEGATIVE 0x00ffffffu
#define HINT_POSITIVE 0xff000000u

/* Hints that mark the page's furniture rather than its article: a first
 * label gives way to them (classify.c), and the model sees a neighbour
 * inside them (model.h). */
#define HINT_STRONG (HINT_NAV | HINT_FOOTER | HINT_HIDDEN | HINT_COMMENT | \
                     HINT_COOKIE | HINT_AD | HINT_SHARE | HINT_RELATED | \
                     HINT_NEWSLETTER | HINT_BREADCRUMB | HINT_PAGINATION | HINT_MENU)
/* Hints that only weaken a first label. */
#define HINT_WEAK (HINT_HEADER | HINT_ASIDE | HINT_FORM | HINT_SIDEBAR | \
                   HINT_TAGS | HINT_BYLINE)

typedef struct block {
    const char *text;   /* UTF-8, whitespace collapsed; not NUL-terminated;
                           valid only during the call that hands it over */
    size_t len;         /* bytes of text, at most BLOCK_MAX */
    size_t link_len;    /* bytes of text that sat inside <a> */
    size_t lead_link;   /* bytes of text from its start that sat inside <a>:
                           the linked headline a teaser item opens with */
    unsigned heading;   /* 1-6 for h1-h6, 0 otherwise */
    unsigned flags;     /* BLOCK_* */
    unsigned hints;     /* HINT_* */
    uint32_t box;       /* which container it sits in: a hash of the path of
                           elements (names, classes, ids) above its own
                           block element; 0 when unknown (text mode) */
    uint32_t outer[2];  /* the paths of the one and two elements above that
                           container: a list or quote inside an article body
                           has the body as its outer container */
    /* Markdown output only (html_reader_set_markdown), else 0 and NULL: */
    const char *md;     /* the text as Markdown inline content (escaped,
                           links, images); NULL: the writer escapes text */
    size_t md_len;
    unsigned list;      /* list item: its list's depth, 1 for the outermost */
    unsigned number;    /* ... its number in an ordered list, 0 in others */
    unsigned quote;     /* quotations it is in, 1 for the outermost */
    const char *lang;   /* pre: the code's language ("python"), or NULL */
} block;

/* Where a reader hands its blocks.  A non-UB_OK return stops the reader and
 * is passed back to its caller. */
typedef ub_status (*block_fn)(void *ctx, const block *b);

/* The length of s without the spaces, tabs and CRs that end it; most
 * lines end in a printing byte, which one test rules out. */
static inline size_t block_trim_end(const char *s, size_t n)
{
    while (n > 0 && (unsigned char)s[n - 1] <= ' ' &&
           (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return n;
}

#endif
