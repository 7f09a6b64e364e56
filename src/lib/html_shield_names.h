/* html_shield_names.h - what the shield needs to know of a tag's name.
 *
 * The names are listed in html_shield_names.def; html_shield_names.c,
 * generated from it, finds one with a perfect hash of its length and three
 * of its bytes, then a comparison: the shield asks once per tag. */
#ifndef HTML_SHIELD_NAMES_H
#define HTML_SHIELD_NAMES_H

#include <stddef.h>

/* The longest name listed. */
#define HTML_SHIELD_NAME_MAX 10

enum {
    SK_VOID = 1,     /* libxml2 2.9.14 never keeps it open */
    SK_HIDING = 2,   /* the reader leaves its content out: dropping it
                      * would show what it hides, so it may go deeper (to
                      * twice the bound) */
    SK_BLOCK = 4,    /* a paragraph break: one dropped for depth leaves an
                      * <hr> (void, a break to the reader) so that its text
                      * stays apart */
    SK_HTML = 8,
    SK_BODY = 16,
    SK_HEAD = 32,
    SK_SCRIPT = 64,
    SK_STYLE = 128,
    SK_TITLE = 256,  /* text only: a tag inside one ends it */
    /* the elements some attributes are read on, and only there
     * (html_attrs.def, shield_attrs_fate) */
    SK_A = 512,
    SK_IMG = 1024,
    SK_META = 2048,
    SK_LINK = 4096,
    SK_BASE = 8192,
    SK_OL = 16384,
    SK_PRE = 32768,  /* its text's blanks are the reader's (BLOCK_PRE) */
    /* void to a browser but a container to libxml2 2.9.14, which keeps it
     * open to its parent's end and nests what follows in it ("<p>a<wbr>b
     * <p>c" is a p inside a p, "<li>a<wbr><li>b" an item inside an item):
     * the shield ends its start tag " />", which libxml2 closes at once */
    SK_SELF_END = 65536
};

/* The kind (SK_ flags) of name[0..len), lower case, or 0 for a name not
 * listed.  Reads no byte past name[len - 1]. */
unsigned html_shield_name_kind(const char *name, size_t len);

#endif
