/* html_hints.h - what an HTML element and its attributes say about the text
 * inside: the element table (html_elements.def) and the class and id words
 * (html_hint_tokens.def), read into BLOCK_* flags and HINT_* bits.
 *
 * It exists apart from the reader so that the classification knowledge of
 * the HTML side is in one place, with no libxml2 and no reader state: a
 * pure function of a name and an attribute list (a memo the caller owns
 * only spares work), tested on its own. */
#ifndef HTML_HINTS_H
#define HTML_HINTS_H

#include <stddef.h>
#include <string.h>

#include "block.h"

/* Bytes of a class, id, style or role value looked at; more are not. */
#define ATTR_SCAN_MAX 1024

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
    EL_HEADER = 1u << 10, /* HINT_HEADER unless inside the article */
    /* Its end tag closes what is still open inside it, as a browser's
     * does ("<aside><div>x</aside>" ends the div too), where libxml2
     * 2.9.14 ignores it when a div or a table's part is open inside */
    EL_CLOSE = 1u << 11,
    /* A browser's scope boundary: an end tag does not close an element
     * outside it ("<aside><table><tr><td><div>x</aside>" ends nothing) */
    EL_SCOPE = 1u << 12,
    EL_LIST = 1u << 13,  /* ol, ul: ... nor, for </li>, outside a list */
    EL_OPEN = 1u << 14,  /* hidden unless it has an open attribute (dialog) */
    /* Its start tag ends an open p, as a browser's does ("<p>a<section>"
     * is a p, then a section beside it), where libxml2 2.9.14, which
     * knows HTML 4's elements that do so only, nests it in the p */
    EL_ENDS_P = 1u << 15
};

typedef struct element_info {
    const char *name;
    unsigned short kind;   /* EL_* */
    unsigned char flags;   /* BLOCK_* given to text inside */
    unsigned char heading;
    unsigned hints;        /* HINT_* given to text inside */
} element_info;

/* HTML's white space, which parts class lists and is collapsed in text. */
static inline int html_hints_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A byte of a class or id token (any byte of a UTF-8 sequence counts). */
static inline int html_hints_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* The element named `name` (lower case), or NULL when the table has none. */
const element_info *html_hints_element(const char *name);

/* Whether e is the element `name` (e may be NULL). */
static inline int html_hints_is(const element_info *e, const char *name)
{
    return e != NULL && strcmp(e->name, name) == 0;
}

/* The class and id values of a page met before, with their hints: a page
 * puts the same classes on every item of a list and every row of a menu,
 * and cutting them into words and looking each up costs far more than
 * finding them here.  Its owner clears it (all zero) before first use;
 * the hints do not depend on whether a value is found in it.  A slot
 * per value's hash, no second try: at 64 slots a page's twenty-odd
 * repeated classes shared slots and evicted one another (3,253 misses of
 * 15,615 look-ups on the bench's generated 5 MB page, 2,892 of 7,974 on
 * /tmp/h4.z); at 256, 1,662 and 2,648, mostly each value's first sight
 * on a page (issue 20: 783.4 to 776.2 million instructions on the 5 MB,
 * 579.0 to 577.5 on /tmp/h4.z). */
#define HINTS_MEMO_SLOTS 256
#define HINTS_MEMO_KEY 47
typedef struct hints_memo_slot {
    unsigned hints;
    unsigned char len;          /* the value's length + 1; 0: empty */
    unsigned char split;        /* a class (split into words), or an id */
    char s[HINTS_MEMO_KEY];
} hints_memo_slot;
typedef struct hints_memo {
    hints_memo_slot slot[HINTS_MEMO_SLOTS];
} hints_memo;

/* The attributes a start tag is read for, the first of each name (NULL
 * when missing, "" for one without a value): those that give hints, and
 * what the reader and the metadata (meta_start) take besides.  One pass
 * over the list for all of them, as elements carry many attributes that
 * are not looked at; only <meta>'s own keys are looked up apart, as that
 * element is rare. */
typedef struct hint_attrs {
    int any;                  /* the tag has an attribute list */
    const char *role, *hidden, *aria, *style, *itemprop, *cls, *id;
    const char *href, *lang, *xml_lang;
    const char *rel, *type, *content, *datetime;
    const char *open;
} hint_attrs;

/* Fills h from atts (name, value pairs up to a NULL name; may be NULL). */
void html_hints_attrs(const char *const *atts, hint_attrs *h);

/* html_hints_of below, on the attributes html_hints_attrs read. */
unsigned html_hints_of_attrs(const element_info *e, const hint_attrs *a, unsigned inherited,
                             hints_memo *memo);

/* The hints the element e (NULL: one not in the table) with the attributes
 * atts (name, value pairs up to a NULL name; a value may be NULL; atts may
 * be NULL) adds to what it inherits from the elements around it; memo
 * (may be NULL) holds the class and id values seen before. */
unsigned html_hints_of(const element_info *e, const char *const *atts, unsigned inherited,
                       hints_memo *memo);

/* Whether an inline style value v[0..len) says display:none or
 * visibility:hidden (blanks and case aside): the hidden test of
 * html_hints_of, on the first ATTR_SCAN_MAX bytes, or to a NUL.  Public so
 * that the shield can leave out the value of a style that does not hide
 * (html_shield_attrs.c). */
int html_hints_style_hides(const char *v, size_t len);

/* The hints a class attribute value gives on its own (for tests). */
unsigned html_hints_class(const char *value);

/* Whether the tables are sorted as the searches need (for tests). */
int html_hints_tables_sorted(void);

#endif
