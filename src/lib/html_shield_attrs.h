/* html_shield_attrs.h - the attributes the shield leaves out of start tags:
 * those no part of unboil reads (data-*, srcset, onclick, width...), and
 * those read only on some elements or in some output modes, elsewhere
 * (shield_attrs_fate: href on a <div>, alt and src without --markdown
 * --images, name and property off <meta>).  An <a>'s href only says that
 * the text is a link unless --markdown --links prints it, and a style
 * only whether it hides: those keep the attribute with its value emptied.
 * libxml2 parses, copies, allocates and frees each attribute it is given,
 * byte by byte, and compares its name with those before it: on the dev
 * pages about an eighth of the bytes and of libxml2's instructions.
 *
 * A start tag's bytes after its name are read as libxml2 2.9.14's
 * htmlParseStartTag reads them: blanks (space, tab, newline, carriage
 * return), a name (a letter, '_', ':' or '.', then letters, digits and
 * ":-_." , lower-cased), blanks, '=', blanks and a value quoted or up to
 * a blank or '>'.  An attribute whose name is not one unboil reads
 * (html_attrs.def) is left out whole, from its name to the end of its
 * value; the blank before it stays.  Its bytes are held until that is
 * decided (at most SHIELD_ATTRS_HOLD; a longer name or unquoted value is
 * written as it is), a quoted value is dropped as it comes.
 *
 * Anything libxml2 would read otherwise (a byte that starts no name, a
 * quote inside an unquoted value, a control character, a NUL, '/' not
 * before '>', a name of 100 bytes) ends the leaving out for the rest of
 * the tag: what is held is written, and libxml2 sees the page's bytes
 * from there on.  So libxml2 gets the same elements and the same kept
 * attributes, and its look-ahead for the tag's '>' the same quotes, in
 * pairs.  Its count of problems recovered from can be lower (an entity
 * without ';' in a value left out). */
#ifndef HTML_SHIELD_ATTRS_H
#define HTML_SHIELD_ATTRS_H

#include <stddef.h>

#include "html_attrs.h"

#define SHIELD_ATTRS_HOLD 48

/* What to do with the byte just read. */
enum { SHIELD_ATTRS_WRITE, SHIELD_ATTRS_HOLD_IT, SHIELD_ATTRS_MUTE };

/* What the output reads besides the plain text (html_shield_set_mode). */
enum {
    SHIELD_MODE_MARKDOWN = 1, /* <ol start> */
    SHIELD_MODE_LINKS = 2,    /* <a href> values */
    SHIELD_MODE_IMAGES = 4    /* <img src alt> */
};

/* An attribute's fate in a start tag. */
enum {
    SHIELD_FATE_KEEP,
    SHIELD_FATE_EMPTY,        /* written with its quoted value emptied */
    SHIELD_FATE_DROP,
    SHIELD_FATE_STYLE         /* emptied unless its value may hide */
};

/* The fate of attribute `at` (HTML_ATTR_NONE: one unboil never reads) in a
 * start tag of an element of kind `el` (SK_ flags of html_shield_names.h),
 * in output mode `mode` (SHIELD_MODE_ flags).  The readers of each
 * attribute are listed in html_attrs.def. */
int shield_attrs_fate(html_attr at, unsigned el, unsigned mode);

typedef struct shield_attrs {
    unsigned char state;
    unsigned char quote;      /* the quote of the value being read */
    unsigned char drop;       /* the attribute read is left out */
    unsigned char empty;      /* ... or its quoted value */
    unsigned el;              /* the element's kind (SK_ flags) */
    unsigned mode;            /* SHIELD_MODE_ flags */
    unsigned name_len;
    char name[HTML_ATTR_NAME_MAX]; /* its name, lower case, cut */
    unsigned char held[SHIELD_ATTRS_HOLD];
    unsigned held_len;
    unsigned long dropped;    /* attributes left out */
} shield_attrs;

/* Off: every byte written. */
void shield_attrs_init(shield_attrs *a);

/* A start tag's name was read, `name_len` bytes of it (more follow unless
 * `name_done`); `el` is its kind (SK_ flags). */
void shield_attrs_begin(shield_attrs *a, size_t name_len, int name_done, unsigned el);

/* Reads the next byte c of the tag; `open` says whether the shield writes
 * it at all.  Bytes released are written to out + *o (at most
 * SHIELD_ATTRS_HOLD + 1).  Returns SHIELD_ATTRS_WRITE when c is to be
 * written, else c is held or dropped. */
int shield_attrs_step(shield_attrs *a, unsigned char c, int open, char *out, size_t *o);

#define SHIELD_ATTRS_OFF 0
#define SHIELD_ATTRS_BETWEEN 2   /* before an attribute or the tag's end */

static inline int shield_attrs_on(const shield_attrs *a)
{
    return a->state != SHIELD_ATTRS_OFF;
}

/* A blank between attributes, which only libxml2's reading skips. */
static inline int shield_attrs_blank_between(const shield_attrs *a, unsigned char c)
{
    return a->state == SHIELD_ATTRS_BETWEEN &&
           (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/* The common whole attribute at p[i] (in the state between attributes):
 * a name of fewer than SHIELD_ATTRS_HOLD bytes, '=' and a quoted value
 * with no NUL (none in p[0..lim) when `nul_free`), all before p[lim].
 * Returns the index past its closing quote, *fate saying whether it stays
 * (SHIELD_FATE_KEEP), goes, or keeps p[i..*value) and the closing quote
 * (SHIELD_FATE_EMPTY); 0 when p[i] starts no such attribute, which
 * shield_attrs_step then reads a byte at a time (the same outcome, but
 * that a style is kept whole: what the reader makes of it is alike). */
size_t shield_attrs_token(shield_attrs *a, const unsigned char *p, size_t i, size_t lim,
                          int nul_free, int *fate, size_t *value);

/* Exists for tests: the table of a name's bytes after its first. */
int shield_attrs_name_byte(unsigned char c);

/* Whether a quoted value is being read (one with a NUL ends the tag). */
int shield_attrs_in_value(const shield_attrs *a);

/* Whether a quoted value is being dropped (the shield's quote is it). */
int shield_attrs_muting(const shield_attrs *a);

/* Whether a quoted value is being emptied (its quotes are written). */
int shield_attrs_emptying(const shield_attrs *a);

/* The tag ends here, or the stream: writes what is held, turns off. */
size_t shield_attrs_stop(shield_attrs *a, char *out);

#endif
