/* html_shield.h - what libxml2 is given, bounded before it sees it.
 *
 * libxml2 2.9.14's HTML parser is quadratic on some shapes: it compares
 * each attribute of a tag with all those before it, its push mode scans a
 * tag that spans several pieces from its start again for every piece, and
 * it looks for each end tag's name through the whole stack of open
 * elements.  The shield is a byte filter on the decoded UTF-8 stream, in
 * front of htmlParseChunk, that keeps those costs linear:
 *
 *   - a start tag keeps its first HTML_SHIELD_ATTRS attributes;
 *   - a tag longer than HTML_SHIELD_TAG bytes is closed there, and its rest
 *     (to the next '>') dropped;
 *   - a start tag that would open more than HTML_SHIELD_DEPTH elements is
 *     dropped (its text stays; a block element leaves an <hr>, so that
 *     its text stays a paragraph of its own), unless it hides its content
 *     (script, style, noscript...): those go to twice that depth;
 *   - an end tag when no element can be open is dropped once more than
 *     HTML_SHIELD_STRAY end tags came since the last start tag (a run of
 *     unmatched ones: the count of what is open is libxml2's at the start
 *     of each piece, and only estimated within it);
 *   - an end tag before the first element or text, every </html>, and the
 *     slash of "<html/>" are dropped: an end tag that leaves libxml2's
 *     stack empty makes its push parser drop the rest of the page (a page
 *     whose head was cut off mid-script starts with "</SCRIPT>"), where a
 *     browser ignores the tag and reads on;
 *   - a DOCTYPE's internal subset ("[ ... ]") is dropped, which libxml2
 *     would otherwise end at its first '>' and read the rest as text;
 *   - a tag inside a <title> (other than </title>) is given the
 *     </title> the page left out: a title holds text only, and libxml2
 *     would nest the rest of the page in it (a page spliced mid-head,
 *     its "</title>" lost), where the reader sees no text;
 *   - "&#" that starts no character reference ("&#-1;") is written
 *     "&amp;#", which libxml2 would otherwise drop with the '&';
 *   - in text, a legacy name a browser reads without its ';' ("&copy
 *     2020", "&nbspb", "&notit;") is given one, and "&AMP;" and the
 *     other upper-case legacy names are written in lower case: libxml2
 *     reads neither; in an attribute value, quoted or not, likewise,
 *     where a browser reads one without its ';' only when neither '='
 *     nor a letter or digit follows ("?a=1&amp" is "?a=1&", "?a&copy=2"
 *     stays).
 *
 * Once html_shield_leave_attrs is called (the reader does), start tags
 * also lose the attributes unboil never reads, or does not read on that
 * element in that output mode (html_shield_attrs.h), and
 * <style> and <script> their content, which libxml2 reads a character at
 * a time and unboil never looks at: all but a script whose start tag, as
 * written, holds "json" in any case or a '&' (JSON-LD, which the
 * metadata reads; an entity could spell it).  The end tag is written
 * "</script" or "</style" in lower case.  And the blanks right after a
 * tag (a page's indentation, which libxml2 reads a character at a time
 * and the reader collapses) come out as their first only, until a <pre>,
 * <listing>, <xmp> or <plaintext> begins: from there on every blank
 * stays.  A comment read whole in a piece, which libxml2 would read
 * plainly to its "-->" (no "--" before it, not "<!-->" nor "<!--->", no
 * byte it does not take as a character), is written "<!---->": libxml2
 * reads it a character at a time for a callback the reader does not
 * have.  A named reference in text that libxml2 looks up slowly ("&mdash;"
 * and the commonest others) is written as the decimal reference of the
 * same character ("&#8212;"), which libxml2 hands on alike.  Not bounds:
 * savings of libxml2's work.
 *
 * It reads the stream as libxml2 does where that matters: quotes in tags,
 * comments, and the raw content of <script> and <style>.  The depth it
 * counts is synced with libxml2's own before each piece, so that elements
 * libxml2 closes by itself do not add up.  Any cutting of the stream gives
 * the same output, but that a style attribute or a comment cut by a
 * piece's end stays whole where read whole it may be emptied
 * (html_shield_attrs.h): what the reader reads is the same. */
#ifndef HTML_SHIELD_H
#define HTML_SHIELD_H

#include <stddef.h>

#include "buf.h"
#include "html_shield_attrs.h"

#define HTML_SHIELD_ATTRS 256
#define HTML_SHIELD_TAG (64u * 1024u)
#define HTML_SHIELD_DEPTH 1024
#define HTML_SHIELD_STRAY 64

/* Output room html_shield_run needs for n bytes of input: what was held
 * from before comes out with them, and a </title> the page lost may be
 * written before a tag. */
#define HTML_SHIELD_OUT(n) (5u * (n) + 32u + SHIELD_ATTRS_HOLD + 8u + 2u)

typedef struct html_shield {
    unsigned state;
    unsigned char quote;      /* the quote a tag's value is in, or 0 */
    unsigned char held[24];   /* "<name", "&#x": not decided yet */
    unsigned held_len;
    unsigned char vref[8];    /* "&name" in a value written, not decided
                               * yet (html_shield.c, sh_value_put) */
    unsigned vref_len;
    char name[16];            /* the tag's name, lower case, cut */
    unsigned name_len;
    unsigned kind;            /* what the name is to the shield (SK_ flags) */
    unsigned marks;           /* comment dashes, raw-text end matched */
    int end_tag, keep, cut, after_eq, in_space, slash, raw;
    int uval;                 /* an unquoted value is being read */
    int as_hr;                /* a dropped block tag, written as <hr> */
    int in_title;             /* a <title> is open */
    int begun;                /* libxml2 has an element open, or will */
    unsigned long attrs;
    size_t tag_bytes;
    size_t depth;             /* elements that may be open */
    size_t ends;              /* end tags since the last start tag */
    unsigned long dropped;    /* tags, attributes and subsets left out */
    int leave_attrs;          /* attributes unboil does not read go,
                               * and script and style contents */
    int raw_drop;             /* the raw content being read goes */
    int pre_seen;             /* a <pre>, <listing>, <xmp> or <plaintext>
                               * began: blanks stay as they are */
    int lead;                 /* text right after a tag: 1 before its
                               * blanks, 2 once their first is written;
                               * 3 after text's blank the piece ended in */
    unsigned json_match;      /* bytes of "json" matched in a script's tag */
    int json_seen;            /* ... "json" or '&' was there */
    size_t scan_from;         /* where its bytes not yet scanned start in
                               * this run's output */
    int nul_free;             /* the piece being read has no NUL */
    buf *texts;               /* html_shield_queue_texts: text runs handed
                               * over apart, or NULL */
    const mem *texts_mem;
    unsigned long long fed;   /* html_shield_queue_at: where this run's
                               * output starts in what libxml2 is given */
    int amp_open;             /* what was written last is an '&' that
                               * libxml2 reads on from into the text after */
    int to_gt;                /* a '<' written as text, which libxml2 may
                               * read on from to the next '>' */
    int texts_failed;         /* a run could not be queued for want of
                               * memory (written as it is): the driver
                               * reports UB_ENOMEM, as for any allocation */
    int pua_seen;             /* the page has U+E000 or U+E001 of its own
                               * (sh_pua_scan): nothing more is queued */
    int pua_utf8;             /* bytes of EE 80 8x matched at a piece's end */
    int pua_ref;              /* state of "&#..." at a piece's end */
    unsigned long pua_val;    /* ... and its value so far */
    shield_attrs sa;          /* which, in the start tag being read */
} html_shield;

void html_shield_init(html_shield *s);

/* From here on, start tags lose the attributes unboil does not read (see
 * html_shield_attrs.h); tests of the bounds above leave them. */
void html_shield_leave_attrs(html_shield *s);

/* What the output reads besides the text (SHIELD_MODE_ flags of
 * html_shield_attrs.h; 0 at first): which attributes are read on which
 * elements.  Before the first html_shield_run. */
void html_shield_set_mode(html_shield *s, unsigned mode);

/* libxml2's own count of open elements, before the next piece. */
void html_shield_sync(html_shield *s, size_t depth);

/* libxml2 reads text a character at a time, about 80 instructions a
 * byte, more than the reader spends on it: with a queue, each run of text
 * that libxml2 would hand on as it is (HTML_SHIELD_RUN_MIN bytes or more,
 * not all blanks, characters libxml2 takes as they are) is appended to
 * `q` (where its mark is, its length, a uint32_t in host order, then its
 * bytes: html_shield_queue_at) and written
 * to libxml2 as HTML_SHIELD_MARK, two characters of Unicode's private
 * use area, which libxml2 hands to the characters callback in its place
 * (the page's own U+E000 in text an '&' reads on into is written
 * "&#57344;", which libxml2 hands on alone);
 * the reader takes the run back from the queue there
 * (html_reader_sax_characters).  Libxml2 sees text where there was text,
 * blank where blank, so it opens and closes the same elements.  Out of
 * memory, a run is written as it is and texts_failed is set (the driver
 * reports UB_ENOMEM).  The page's own U+E000 or U+E001
 * (or a reference to one) anywhere stops the queue for the rest of the
 * document, from the piece it is in (sh_pua_scan): no mark is guessed
 * among the page's characters.  Before the first html_shield_run. */
void html_shield_queue_texts(html_shield *s, buf *q, const mem *m);
/* The output of the next html_shield_run starts at byte `fed` of all
 * that libxml2 is given: each queued run is stored after where its mark
 * is (a uint64_t, then its length and bytes), so that the reader drops
 * the runs whose marks libxml2 read past without handing them on (text
 * it took for a script's, a comment's or a tag's, where the shield saw
 * text). */
void html_shield_queue_at(html_shield *s, unsigned long long fed);
#define HTML_SHIELD_MARK "\xee\x80\x80\xee\x80\x81"   /* U+E000 U+E001 */
#define HTML_SHIELD_MARK_LEN 6
/* How many of the bytes p[0..n) from the first are printable ASCII
 * (0x20 to 0x7F), tabs or line feeds, the most of a run the queue's test
 * reads; *ink is set if one of them is no blank.  Sixteen bytes a step
 * with SSE2, and the portable loop check_shield.c holds it to. */
size_t html_shield_ascii_sse2(const unsigned char *p, size_t n, int *ink);
size_t html_shield_ascii_portable(const unsigned char *p, size_t n, int *ink);

/* a shorter run is written as it is: the mark would make the output
 * longer than HTML_SHIELD_OUT allows for */
#define HTML_SHIELD_RUN_MIN HTML_SHIELD_MARK_LEN

/* Filters in[0..n) into out (room for HTML_SHIELD_OUT(n) bytes); returns
 * the bytes written.  Bytes not yet decided are held to the next call. */
size_t html_shield_run(html_shield *s, const char *in, size_t n, char *out);

/* The i-th name of the named references the shield writes as decimal
 * ones (html_shield.c), with that reference in *dec, or NULL past the
 * last; exists for tests. */
const char *html_shield_ref_name(size_t i, const char **dec);

/* End of the stream: writes what is held (at most 24 bytes, and
 * SHIELD_ATTRS_HOLD of a tag's attribute). */
size_t html_shield_end(html_shield *s, char *out);

#endif
