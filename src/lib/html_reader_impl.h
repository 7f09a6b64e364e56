/* html_reader_impl.h - the HTML reader's state, shared by the files that
 * make up the reader and by nothing else:
 *
 *   html_reader.c   the SAX callbacks, the element stack, the public calls;
 *   html_driver.c   the charset pump and the libxml2 push parser it feeds;
 *   html_blocks.c   text gathered into blocks and handed over;
 *   html_md.c       the Markdown of links, images, lists and code;
 *   html_hints.c    (apart, no reader state) what elements and classes say.
 *
 * It exists so that each of those jobs is a file of its own while they
 * share one struct, as they did when they were one file. */
#ifndef HTML_READER_IMPL_H
#define HTML_READER_IMPL_H

#include <stdint.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "encoding.h"
#include "html_attrs.h"
#include "html_hints.h"
#include "html_reader.h"
#include "html_shield.h"
#include "md_inline.h"
#include "meta.h"

#define PRESCAN_MAX (64u * 1024u)
#define CHUNK (64u * 1024u)
#define PBUF_CAP (CHUNK + 2u * ENCODING_MIN_OUT)
#define STACK_MAX 512
#define TITLE_MAX 2048
#define LANG_MAX 64
#define TEXT_CAP (BLOCK_MAX + 16u)

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
    unsigned cells;           /* td and th opened right inside it so far */
} frame;

/* Slots of the element cache: a page uses a few dozen names, which
 * libxml2's dictionary keeps close together. */
#define ELEMENT_CACHE 256

#define LIST_MAX 16           /* list depths told apart */
#define HREF_MAX 2048

struct html_reader {
    const mem *m;
    htmlParserCtxtPtr ctxt;
    block_fn emit;
    ub_status (*drain)(void *ctx); /* html_reader_set_drain, or NULL */
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
    buf texts;                /* text runs the shield queued (html_shield.h) */
    size_t texts_read;        /* ... up to here handed to the reader */
    int mark_half;            /* a callback ended in a mark's first half */
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
    } cache[ELEMENT_CACHE];
    hints_memo *hints_memo;   /* html_reader_set_hints_memo; NULL: none */

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

/* html_reader.c */

/* Records the first failure and stops the parser. */
void html_reader_fail(html_reader *r, ub_status st);

/* The value of attribute a in atts ("" for one without a value), or NULL. */
static inline const char *html_reader_attr(const xmlChar **atts, html_attr a)
{
    return html_attr_value((const char *const *)atts, a);
}

/* Whether p[0..n) starts with lit (lower case), in any case. */
int html_reader_starts_ci(const xmlChar *p, size_t n, const char *lit);

/* html_blocks.c */

/* Appends whitespace-collapsed text to a small bounded buffer (the title);
 * returns the new length. */
size_t html_blocks_collapse(char *dst, size_t len, size_t cap, int *space,
                            const unsigned char *s, size_t n);

/* Hands over the title once, before the first block. */
void html_blocks_emit_title(html_reader *r);
/* libxml2 read a piece: the caller's drain, if any (html_reader_set_drain). */
void html_reader_drain(html_reader *r);

/* Ends the block being gathered; `extra`: BLOCK_* flags it gets. */
void html_blocks_flush(html_reader *r, unsigned extra);

/* Text s[0..n) inside the element `f` joins the block. */
void html_blocks_add_text(html_reader *r, const frame *f, const unsigned char *s, size_t n);

/* A block element e opens (not skipped): whether it ends the block. */
int html_blocks_row_start(html_reader *r, const element_info *e, const frame *f);

/* html_md.c */

/* What an opening element means to the Markdown. */
void html_md_start(html_reader *r, const xmlChar *name, const xmlChar **atts, frame *f,
                   const frame *top);

/* The open link has ended. */
void html_md_link_end(html_reader *r);

/* html_driver.c */

/* Creates r->ctxt, the push parser, with the callbacks of `sax`; 0 when the
 * libxml2 run is not the one the reader was built for (*st UB_EPARSE) or
 * out of memory (UB_ENOMEM). */
int html_driver_open(html_reader *r, htmlSAXHandler *sax, ub_status *st);

/* Raw bytes of the page in. */
void html_driver_feed(html_reader *r, const char *bytes, size_t len);

/* The end of the page: all that is held goes to libxml2. */
void html_driver_end(html_reader *r);

/* Where libxml2 is in the stream it was given. */
unsigned long long html_driver_pos(const html_reader *r);

#endif
