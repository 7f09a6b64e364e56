/* html_attrs.h - the HTML attributes unboil reads, declared once in
 * html_attrs.def.  A reader names an attribute by its html_attr, never by
 * a string, so one not declared does not compile; the shield keeps in
 * start tags exactly the attributes declared (html_attr_find). */
#ifndef HTML_ATTRS_H
#define HTML_ATTRS_H

#include <stddef.h>
#include <string.h>

/* The longest name html_attrs.def may declare (the shield holds a name of
 * up to this many bytes to look it up). */
#define HTML_ATTR_NAME_MAX 12

typedef enum html_attr {
    HTML_ATTR_NONE = -1,
#define HTML_ATTR(id, name) HTML_ATTR_##id,
#include "html_attrs.def"
#undef HTML_ATTR
    HTML_ATTR_COUNT
} html_attr;

/* The name of a; a constant where a is (a switch, not a table, so that
 * html_attr_value inlined compares with a literal). */
static inline const char *html_attr_name(html_attr a)
{
    switch (a) {
#define HTML_ATTR(id, name) case HTML_ATTR_##id: return name;
#include "html_attrs.def"
#undef HTML_ATTR
    default:
        return "";
    }
}

/* The attribute called name[0..n) (lower case), or HTML_ATTR_NONE.  Reads
 * no byte past name[n - 1].  Generated (html_attr_find.c): it runs for
 * every attribute of every start tag. */
html_attr html_attr_find(const char *name, size_t n);

/* The value of attribute a in atts (name, value pairs up to a NULL name,
 * as libxml2 gives them; a value may be NULL), "" for one without a value;
 * NULL when a is not there or atts is NULL. */
static inline const char *html_attr_value(const char *const *atts, html_attr a)
{
    if (atts == NULL)
        return NULL;
    const char *name = html_attr_name(a);
    /* the first byte rules out most names without a call */
    for (size_t i = 0; atts[i] != NULL; i += 2)
        if (atts[i][0] == name[0] && strcmp(atts[i], name) == 0)
            return atts[i + 1] != NULL ? atts[i + 1] : "";
    return NULL;
}

#endif
