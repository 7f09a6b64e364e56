/* xml_compat.h - every field of libxml2's parser context that the HTML
 * reader reads or writes beyond the public SAX interface, in one place.
 *
 * They are the internals of libxml2 2.9.14, which the reader was written
 * for and measured on (doc/libxml2.md); the same fields exist in 2.9 to
 * 2.12.  configure says so when it finds another version, and at run time
 * xml_compat_version_ok refuses a libxml2 of another major or minor
 * version than the one the reader was compiled with, whose context may be
 * laid out otherwise.  A port to another libxml2 changes this file. */
#ifndef XML_COMPAT_H
#define XML_COMPAT_H

#include <stddef.h>
#include <stdlib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

/* Whether a libxml2 whose xmlParserVersion is `runtime` ("20914") has the
 * context this file was compiled against. */
static inline int xml_compat_version_ok(const char *runtime)
{
    long v = runtime != NULL ? strtol(runtime, NULL, 10) : 0;
    return v / 100 == LIBXML_VERSION / 100;
}

/* Elements open in the parser (its stack of names). */
static inline size_t xml_compat_depth(const htmlParserCtxt *c)
{
    return c->nameNr > 0 ? (size_t)c->nameNr : 0;
}

/* Bytes given to the parser that it has not consumed yet. */
static inline size_t xml_compat_unparsed(const htmlParserCtxt *c)
{
    const xmlParserInput *in = c->input;
    if (in == NULL || in->cur == NULL || in->end == NULL)
        return 0;
    return (size_t)(in->end - in->cur);
}

/* The first of those bytes. */
static inline const xmlChar *xml_compat_cur(const htmlParserCtxt *c)
{
    return c->input->cur;
}

/* Forget the push parser's look-ahead, which in 2.9.14 loses track of the
 * quote it is in (bit 0 of hasPErefs is its "inside a quote" flag). */
static inline void xml_compat_reset_lookahead(htmlParserCtxt *c)
{
    c->checkIndex = 0;
    c->hasPErefs &= ~1;
}

/* Drop the consumed input once more than `keep` bytes of it are held:
 * 2.9.14 never trims it on some paths. */
static inline void xml_compat_trim(htmlParserCtxt *c, size_t keep)
{
    xmlParserInputPtr in = c->input;
    if (in != NULL && in->buf != NULL && in->cur != NULL && in->cur - in->base > (ptrdiff_t)keep)
        xmlParserInputShrink(in);
}

/* What the push parser is in the middle of (XML_PARSER_START_TAG ...). */
static inline xmlParserInputState xml_compat_state(const htmlParserCtxt *c)
{
    return c->instate;
}

/* The innermost open element's name, or NULL. */
static inline const xmlChar *xml_compat_open_name(const htmlParserCtxt *c)
{
    return c->name;
}

#endif
