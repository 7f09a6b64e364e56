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
    BLOCK_BREAK     = 1u << 7   /* ended by <br><br> rather than by its element */
};

/* hints: what the enclosing elements say about the block.  A hint tips a
 * decision; it is never a verdict on its own. */
enum {
    /* structural elements and roles */
    HINT_NAV        = 1u << 0,  /* nav, role=navigation, menu */
    HINT_HEADER     = 1u << 1,  /* header (outside article), role=banner */
    HINT_FOOTER     = 1u << 2,  /* footer, role=contentinfo */
    HINT_ASIDE      = 1u << 3,  /* aside, role=complementary */
    HINT_FORM       = 1u << 4,  /* form */
    HINT_HIDDEN     = 1u << 5,  /* hidden, aria-hidden=true, display:none */
    /* class and id tokens */
    HINT_COMMENT    = 1u << 6,
    HINT_SHARE      = 1u << 7,  /* share, social */
    HINT_RELATED    = 1u << 8,
    HINT_SIDEBAR    = 1u << 9,
    HINT_NEWSLETTER = 1u << 10, /* newsletter, subscribe, signup */
    HINT_COOKIE     = 1u << 11, /* cookie, consent, gdpr */
    HINT_AD         = 1u << 12, /* ad, ads, advert, promo, sponsor */
    HINT_BREADCRUMB = 1u << 13,
    HINT_TAGS       = 1u << 14,
    HINT_BYLINE     = 1u << 15, /* author, byline, dateline */
    HINT_PAGINATION = 1u << 16,
    HINT_MENU       = 1u << 17, /* menu, navbar, masthead, topbar */
    /* positive */
    HINT_ARTICLE    = 1u << 24, /* inside <article> */
    HINT_MAIN       = 1u << 25, /* inside <main>, role=main */
    HINT_BODY       = 1u << 26, /* itemprop=articleBody */
    HINT_CONTENT    = 1u << 27  /* content/entry/post/story/article classes */
};

#define HINT_NEGATIVE 0x00ffffffu
#define HINT_POSITIVE 0xff000000u

typedef struct block {
    const char *text;   /* UTF-8, whitespace collapsed; not NUL-terminated;
                           valid only during the call that hands it over */
    size_t len;         /* bytes of text, at most BLOCK_MAX */
    size_t link_len;    /* bytes of text that sat inside <a> */
    unsigned heading;   /* 1-6 for h1-h6, 0 otherwise */
    unsigned flags;     /* BLOCK_* */
    unsigned hints;     /* HINT_* */
    uint32_t box;       /* which container it sits in: a hash of the path of
                           elements (names, classes, ids) above its own
                           block element; 0 when unknown (text mode) */
    uint32_t outer[2];  /* the paths of the one and two elements above that
                           container: a list or quote inside an article body
                           has the body as its outer container */
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
