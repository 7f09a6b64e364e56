/* html_driver.c - the charset pump and the libxml2 push parser it feeds:
 * raw bytes in, SAX events out (to the callbacks of html_reader.c).
 *
 * It exists apart from the reader so that everything that depends on how
 * libxml2 2.9.14 behaves as a push parser (and on its internals, through
 * xml_compat.h) is in one file, and what the reader builds from the events
 * in others.
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
 * bytes we push what ends the construct it is stuck in (html_driver_rescue),
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "html_reader_impl.h"
#include "xml_compat.h"

#define RUNAWAY_MAX (4u * 1024u * 1024u)
#define RUNAWAY_HARD (16u * 1024u * 1024u)
#define DEPTH_HARD 2000000

/* Exists for tests: whether the libxml2 run is the one built for. */
int html_driver_libxml2_ok(const char *runtime);

static void html_driver_quiet(void *ud, const char *msg, ...)
{
    (void)ud;
    (void)msg;
}

static void html_driver_push(html_reader *r, const char *bytes, size_t len,
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
    xmlSetGenericErrorFunc(r, html_driver_quiet);
    int rc = htmlParseChunk(r->ctxt, bytes, (int)len, terminate);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    /* on the path through a script holding "</x", libxml2 never trims the
     * input it has consumed: trim it here, or memory grows with the page */
    xml_compat_trim(r->ctxt, CHUNK);
    html_reader_drain(r);
    /* out of memory inside libxml2 halts it with XML_PARSER_EOF in errNo
     * rather than XML_ERR_NO_MEMORY */
    if (r->ctxt->errNo == XML_ERR_NO_MEMORY ||
        (rc == XML_PARSER_EOF && r->ctxt->errNo == XML_PARSER_EOF))
        html_reader_fail(r, UB_ENOMEM);
}

static size_t html_driver_pending(const html_reader *r)
{
    return xml_compat_unparsed(r->ctxt);
}

/* What is held for libxml2: its input not yet parsed and the text runs
 * the shield queued in place of marks in it.  libxml2 waits for a '<'
 * before it parses text, so a page of text without one leaves it holding
 * a few bytes of marks while the queue holds the text: the bounds
 * (RUNAWAY_MAX, RUNAWAY_HARD) are on both together. */
static size_t html_driver_held(const html_reader *r)
{
    return html_driver_pending(r) + (r->texts.len - r->texts_read);
}

/* libxml2 holds RUNAWAY_MAX bytes it cannot parse until something ends
 * them: push that something (see the top of this file). */
static void html_driver_rescue(html_reader *r)
{
    const xmlParserCtxtPtr c = r->ctxt;
    const xmlChar *p = xml_compat_cur(c);
    size_t n = html_driver_pending(r);
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
    html_driver_push(r, inject, strlen(inject), 0);
    if (suppress) {
        r->suppress = 1;
        r->suppress_from = r->fed;
    }
}

/* Where the next piece for libxml2 ends (see the top of this file). */
static size_t html_driver_cut(const html_reader *r)
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

/* Hands libxml2 what the shield makes of bytes[0..len) (see
 * html_shield.h); with `terminate`, the end of the document. */
static void html_driver_shielded(html_reader *r, const char *bytes, size_t len,
                                 int terminate)
{
    html_shield_sync(&r->shield, xml_compat_depth(r->ctxt));
    html_shield_queue_at(&r->shield, r->fed);
    size_t n = html_shield_run(&r->shield, bytes, len, r->sbuf);
    if (terminate)
        n += html_shield_end(&r->shield, r->sbuf + n);
    if (r->shield.texts_failed) {
        html_reader_fail(r, UB_ENOMEM);
        return;
    }
    html_driver_push(r, r->sbuf, n, terminate);
}

static void html_driver_push_piece(html_reader *r, size_t cut)
{
    if (!r->stopped) {
        html_driver_shielded(r, r->pbuf, cut, 0);
        size_t pending = html_driver_held(r);
        if (pending > r->max_pending)
            r->max_pending = pending;
        if (pending > RUNAWAY_MAX && r->status == UB_OK) {
            html_driver_rescue(r);
            pending = html_driver_held(r);
            if (pending > r->max_pending)
                r->max_pending = pending;
        }
        if (pending > RUNAWAY_HARD || xml_compat_depth(r->ctxt) > DEPTH_HARD) {
            /* give up on the rest, keep what was read */
            r->stopped = 1;
            if (r->status == UB_OK) {
                htmlParseChunk(r->ctxt, NULL, 0, 1);
                html_reader_drain(r);
            }
        }
    }
    memmove(r->pbuf, r->pbuf + cut, r->plen - cut);
    r->plen -= cut;
}

static void html_driver_parse_some(html_reader *r, size_t keep)
{
    while (r->plen > keep && r->status == UB_OK)
        html_driver_push_piece(r, html_driver_cut(r));
}

/* Decodes raw input into pbuf, handing libxml2 each full piece. */
static void html_driver_pump(html_reader *r, const char *in, size_t len,
                             int final)
{
    for (;;) {
        if (r->status != UB_OK)
            return;
        size_t w = encoding_decode(r->dec, &in, &len, r->pbuf + r->plen,
                                   PBUF_CAP - r->plen, final);
        r->plen += w;
        if (PBUF_CAP - r->plen < ENCODING_MIN_OUT)
            html_driver_parse_some(r, CHUNK + ENCODING_MIN_OUT);
        else if (len == 0)
            return;
    }
}

/* A decoder for r->choice.name, or for UTF-8 when iconv cannot decode it. */
static int html_driver_decoder(html_reader *r)
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
static void html_driver_begin(html_reader *r, int at_end)
{
    encoding_detect(r->prescan, r->prescan_len,
                    r->override[0] ? r->override : NULL, r->http_charset, 1,
                    &r->choice);
    if (!html_driver_decoder(r))
        return;
    r->started = 1;
    size_t skip = r->choice.skip < r->prescan_len ? r->choice.skip
                                                   : r->prescan_len;
    html_driver_pump(r, r->prescan + skip, r->prescan_len - skip, 0);
    r->prescan_len = 0;
    r->tentative = r->choice.tentative && !at_end;
    if (!r->tentative) {
        mem_free(r->m, r->prescan);
        r->prescan = NULL;
    }
}

/* The held bytes after the ASCII start decide the charset (see
 * html_reader.tentative), and go through its decoder. */
static void html_driver_decide_late(html_reader *r)
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
    if (strcmp(r->choice.name, "UTF-8") != 0 && !html_driver_decoder(r))
        return;
    html_driver_pump(r, r->prescan, r->prescan_len, 0);
    mem_free(r->m, r->prescan);
    r->prescan = NULL;
    r->prescan_len = 0;
}

/* While tentative: ASCII goes through, the rest is held (returns what is
 * left to pump once decided). */
static size_t html_driver_hold(html_reader *r, const char **bytes, size_t len)
{
    if (r->prescan_len == 0) {
        size_t a = encoding_ascii_prefix(*bytes, len);
        html_driver_pump(r, *bytes, a, 0);
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
            html_driver_push_piece(r, cut);
    }
    size_t take = PRESCAN_MAX - r->prescan_len;
    if (take > len)
        take = len;
    memcpy(r->prescan + r->prescan_len, *bytes, take);
    r->prescan_len += take;
    *bytes += take;
    len -= take;
    if (r->prescan_len == PRESCAN_MAX)
        html_driver_decide_late(r);
    return len;
}

/* The reader touches fields of libxml2's parser context (xml_compat.h),
 * laid out as in the libxml2 it was compiled with; a libxml2 of another
 * major or minor version (`runtime`, its xmlParserVersion, "20914") may lay
 * them out otherwise.  Exists for tests too. */
int html_driver_libxml2_ok(const char *runtime)
{
    return xml_compat_version_ok(runtime);
}

int html_driver_open(html_reader *r, htmlSAXHandler *sax, ub_status *st)
{
    if (!html_driver_libxml2_ok(xmlParserVersion)) {
        *st = UB_EPARSE;
        return 0;
    }
    xmlInitParser();
    sax->error = html_driver_quiet;
    sax->warning = html_driver_quiet;
    sax->fatalError = html_driver_quiet;
    html_shield_init(&r->shield);
    html_shield_leave_attrs(&r->shield);
    html_shield_queue_texts(&r->shield, &r->texts, r->m);
    r->ctxt = htmlCreatePushParserCtxt(sax, r, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (r->ctxt == NULL) {
        *st = UB_ENOMEM;
        return 0;
    }
    /* NONET and NODICT mean nothing to the 2.9.14 HTML parser, which
     * never fetches anything; NOBLANKS only spares calls for the blanks of
     * <head>. */
    htmlCtxtUseOptions(r->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                    HTML_PARSE_NOBLANKS |
                                    HTML_PARSE_IGNORE_ENC);
    r->ctxt->sax->error = html_driver_quiet;
    r->ctxt->sax->warning = html_driver_quiet;
    r->ctxt->sax->fatalError = html_driver_quiet;
    /* element and attribute names are interned: bound the dictionary */
    if (r->ctxt->dict != NULL)
        xmlDictSetLimit(r->ctxt->dict, XML_MAX_DICTIONARY_LIMIT);
    return 1;
}

void html_driver_feed(html_reader *r, const char *bytes, size_t len)
{
    if (!r->started) {
        size_t take = PRESCAN_MAX - r->prescan_len;
        if (take > len)
            take = len;
        memcpy(r->prescan + r->prescan_len, bytes, take);
        r->prescan_len += take;
        bytes += take;
        len -= take;
        if (r->prescan_len < PRESCAN_MAX)
            return;
        html_driver_begin(r, 0);
    }
    if (r->tentative && len > 0 && r->status == UB_OK)
        len = html_driver_hold(r, &bytes, len);
    if (len > 0)
        html_driver_pump(r, bytes, len, 0);
}

void html_driver_end(html_reader *r)
{
    if (!r->started)
        html_driver_begin(r, 1);
    if (r->tentative && r->status == UB_OK)
        html_driver_decide_late(r);
    html_driver_pump(r, "", 0, 1);
    html_driver_parse_some(r, CHUNK);
    if (!r->stopped && r->status == UB_OK)
        html_driver_shielded(r, r->pbuf, r->plen, 1);
    r->plen = 0;
}

unsigned long long html_driver_pos(const html_reader *r)
{
    return r->fed - (unsigned long long)xml_compat_unparsed(r->ctxt);
}
