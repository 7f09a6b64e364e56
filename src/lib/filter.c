/* filter.c - the public API: documents, format choice, and the wiring of
 * reader -> context -> writer. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unboil.h"
#include "buf.h"
#include "context.h"
#include "encoding.h"
#include "html_hints.h"
#include "html_reader.h"
#include "json_out.h"
#include "learn.h"
#include "meta.h"
#include "phrases.h"
#include "sniff.h"
#include "stoplist.h"
#include "text_reader.h"
#include "rescue.h"
#include "writer.h"
#include "filter_probe.h"

#define LANG_SURE_HITS 10   /* stopwords that make a measured language the document's */

typedef enum doc_state { DOC_SNIFF, DOC_TEXT, DOC_HTML, DOC_SKIP } doc_state;

struct ub_filter {
    ub_options opt;
    mem m;
    stoplist *stops;
    phrases *phrases;
    context *ctx;
    learn *learn;           /* --learn, or NULL */
    rescue *rescue;         /* the short page's fallback; NULL for --invert */
    unsigned long doc_units; /* units of the document decided so far */
    writer *out;
    text_reader *text;
    html_reader *html;
    doc_state state;
    buf head;               /* the first bytes, while sniffing */
    size_t sniff_at;        /* head length from which to sniff again: it doubles,
                             * so a head fed a byte at a time is read a bounded
                             * number of times, not once per byte (a fuzzed
                             * 64 KiB header took 1.3 s) */
    unsigned long sniffs;   /* sniff attempts, for filter_probe.h */
    ub_counts counts;
    int doc_open;           /* bytes of the current document were fed */
    meta *meta;             /* what the document says about itself */
    json_out *json;         /* --json: the object around the text, or NULL */
    const char *doc_lang;   /* the language measured, once known */
    /* the class and id values of every HTML document so far, with their
     * hints (html_reader_set_hints_memo): kept from page to page, where
     * one in each reader was cleared with it */
    hints_memo hints_memo;
};

const char *ub_version(void)
{
    return PACKAGE_VERSION;
}

const char *ub_strerror(ub_status status)
{
    switch (status) {
    case UB_OK: return "success";
    case UB_ENOMEM: return "out of memory";
    case UB_EINVAL: return "invalid argument";
    case UB_EWRITE: return "write error";
    case UB_EBINARY: return "input is not text";
    case UB_EENCODING: return "unknown character encoding";
    case UB_EPARSE: return "HTML parser failure (libxml2 could not be set up, or is not the version unboil was built with)";
    }
    return "unknown error";
}

void ub_options_init(ub_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->format = UB_FORMAT_AUTO;
    opt->output = UB_OUTPUT_CLEAN;
    opt->window = UB_WINDOW_DEFAULT;
    opt->lookahead = UB_LOOKAHEAD_DEFAULT;
    opt->learn_min_docs = UB_LEARN_MIN_DOCS_DEFAULT;
}

/* ---- wiring ------------------------------------------------------------ */

/* The end of the decision sequence: each decided unit is seen by the
 * short-page rescue, then written. */
static ub_status unit_out(void *vf, const unit *u)
{
    ub_filter *f = vf;
    /* a language measured on a few words is not said */
    if (u->doc_why && (u->doc_why != CONTEXT_LANG_HITS || u->doc_hits[0] >= LANG_SURE_HITS))
        f->doc_lang = stoplist_lang_code(u->doc_lang);
    if (!(u->flags & BLOCK_TITLE))
        meta_block(f->meta, f->state == DOC_HTML, u->text.data, u->text.len, u->heading,
                   u->hints, u->keep);
    f->counts.blocks++;
    f->counts.blocks_kept += u->keep != 0;
    f->doc_units++;
    if (f->rescue) {
        ub_status st = rescue_see(f->rescue, u, f->doc_units, u->keep);
        if (st != UB_OK)
            return st;
    }
    return writer_unit(f->out, u);
}

/* The document's end: the short page's rescued run, if any, is written
 * after what was kept. */
static ub_status rescued_out(ub_filter *f)
{
    size_t n = 0;
    const unsigned long *numbers = NULL;
    const unit *run = f->rescue ? rescue_take(f->rescue, &n, &numbers) : NULL;
    return writer_rescued(f->out, run, numbers, n);
}

static unit *text_slot(void *vf)
{
    return context_slot(((ub_filter *)vf)->ctx);
}

static ub_status text_push(void *vf)
{
    ub_filter *f = vf;
    return context_push(f->ctx, 0);
}

static ub_status text_open(void *vf)
{
    ub_filter *f = vf;
    ub_status st = context_push(f->ctx, 0);
    return st == UB_OK ? context_flush(f->ctx) : st;
}

static ub_status text_tail(void *vf, const char *s, size_t n)
{
    return writer_tail(((ub_filter *)vf)->out, s, n);
}

/* A block from the HTML reader is queued (context_queue), and pushed with
 * the others the reader hands over while libxml2 reads a piece
 * (html_drain), not between two of the parser's events.  But a block
 * whose push would decide one while the metadata still looks at decided
 * blocks (unit_out) is pushed at once, with those before it: the reader
 * feeds and reads the metadata too, and the two must meet in the order
 * they did when each block was pushed as it came. */
static ub_status html_block(void *vf, const block *b)
{
    ub_filter *f = vf;
    ub_status st;
    if (context_queue_full(f->ctx) && (st = context_drain(f->ctx)) != UB_OK)
        return st;
    context_set_page_lang(f->ctx, html_reader_lang(f->html));
    unit *u = context_slot(f->ctx);
    st = buf_append(&u->text, &f->m, b->text, b->len);
    if (st != UB_OK)
        return st;
    u->flags = b->flags;
    u->hints = b->hints;
    u->box = b->box;
    u->outer[0] = b->outer[0];
    u->outer[1] = b->outer[1];
    u->heading = b->heading;
    u->lead_link = b->lead_link;
    if (b->md && (st = buf_append(&u->md, &f->m, b->md, b->md_len)) != UB_OK)
        return st;
    u->list = b->list;
    u->number = b->number;
    u->quote = b->quote;
    if (b->lang)
        snprintf(u->lang, sizeof u->lang, "%s", b->lang);
    if (context_queue(f->ctx, b->link_len) && !meta_blocks_done(f->meta))
        return context_drain(f->ctx);
    return UB_OK;
}

static ub_status html_drain(void *vf)
{
    return context_drain(((ub_filter *)vf)->ctx);
}

ub_filter *ub_filter_new(const ub_options *opt, ub_write_fn write, void *ctx,
                         ub_status *status)
{
    ub_status dummy;
    if (!status)
        status = &dummy;
    ub_options defaults;
    if (!opt) {
        ub_options_init(&defaults);
        opt = &defaults;
    }
    if (!write || opt->window < UB_WINDOW_MIN || opt->window > UB_WINDOW_MAX ||
        opt->lookahead > UB_LOOKAHEAD_MAX ||
        opt->format > UB_FORMAT_HTML || opt->output > UB_OUTPUT_EXPLAIN_HTML ||
        (opt->lang && stoplist_lang_find(opt->lang) == LANG_COUNT) ||
        (opt->learn && opt->learn_min_docs == 0)) {
        *status = UB_EINVAL;
        return NULL;
    }
    mem m = { opt->alloc ? opt->alloc : mem_stdlib_realloc, opt->alloc ? opt->alloc_ctx : NULL };
    ub_filter *f = mem_calloc(&m, 1, sizeof *f);
    if (!f) {
        *status = UB_ENOMEM;
        return NULL;
    }
    f->opt = *opt;
    f->m = m;
    f->stops = stoplist_new(&f->m);
    if (f->stops && opt->lang)
        stoplist_set_lang(f->stops, stoplist_lang_find(opt->lang));
    f->phrases = phrases_new(&f->m);
    f->ctx = f->stops && f->phrases
                 ? context_new(&f->m, f->stops, f->phrases, opt->window, opt->lookahead,
                               opt->keep_comments, unit_out, f)
                 : NULL;
    f->meta = meta_new(&f->m);
    if (opt->json)
        f->json = json_out_new(&f->m, write, ctx);
    f->out = opt->json ? (f->json ? writer_new(&f->m, json_out_text, f->json, opt->output,
                                               opt->markdown, opt->color)
                                  : NULL)
                       : writer_new(&f->m, write, ctx, opt->output, opt->markdown, opt->color);
    if (opt->output != UB_OUTPUT_INVERT)
        f->rescue = rescue_new(&f->m);
    text_sink sink = { text_slot, text_push, text_open, text_tail, f };
    f->text = text_reader_new(&f->m, &sink);
    if (opt->learn && f->ctx) {
        f->learn = learn_new(&f->m);
        context_set_learn(f->ctx, f->learn, opt->learn_min_docs);
    }
    if (!f->stops || !f->ctx || !f->out || !f->text || (opt->learn && !f->learn) ||
        !f->meta || (opt->output != UB_OUTPUT_INVERT && !f->rescue)) {
        ub_filter_free(f);
        *status = UB_ENOMEM;
        return NULL;
    }
    if (opt->encoding) {
        /* an unknown --encoding is a usage error, found before any input */
        ub_status st;
        html_reader *probe = html_reader_new(&f->m, opt->encoding, NULL, html_block, f, &st);
        if (!probe) {
            ub_filter_free(f);
            *status = st;
            return NULL;
        }
        html_reader_free(probe);
    }
    f->state = DOC_SNIFF;
    *status = UB_OK;
    return f;
}

void ub_filter_free(ub_filter *f)
{
    if (!f)
        return;
    mem m = f->m;
    html_reader_free(f->html);
    text_reader_free(f->text);
    writer_free(f->out);
    rescue_free(f->rescue);
    json_out_free(f->json);
    meta_free(f->meta);
    context_free(f->ctx);
    learn_free(f->learn, &m);
    stoplist_free(f->stops, &m);
    phrases_free(f->phrases, &m);
    buf_free(&f->head, &m);
    mem_free(&m, f);
}

void ub_filter_counts(const ub_filter *f, ub_counts *out)
{
    *out = f->counts;
    out->bytes_out = writer_bytes(f->out);
}

/* A problem with one document: tell the caller, skip the document. */
static ub_status doc_problem(ub_filter *f, ub_status st, const char *what, const char *advice)
{
    char msg[200];
    snprintf(msg, sizeof msg, "input looks like %s; %s", what, advice);
    f->counts.documents_failed++;
    f->state = DOC_SKIP;
    if (f->opt.diag) {
        f->opt.diag(f->opt.diag_ctx, f->counts.documents + 1, st, msg);
        return UB_OK;
    }
    return st;
}

/* Decide what the document is from its first bytes s[0..n) (at_end: no
 * more will come) and hand them to its reader.  The state stays DOC_SNIFF
 * while undecided or when the reader could not be made. */
static ub_status start_reader(ub_filter *f, const char *s, size_t n, int at_end)
{
    sniff_result sr;
    f->sniffs++;
    sniff(s, n, at_end, f->opt.encoding, &sr);
    if (sr.kind == SNIFF_MORE)
        return UB_OK;
    if (sr.kind == SNIFF_BINARY)
        return doc_problem(f, UB_EBINARY, sr.what, sr.advice);
    int html = f->opt.format == UB_FORMAT_HTML ||
               (f->opt.format == UB_FORMAT_AUTO && sr.kind == SNIFF_HTML);
    writer_begin(f->out, html, f->counts.documents + 1);
    /* --json escapes what it is given the same way already */
    writer_utf8(f->out, !html && f->opt.utf8 && !f->opt.json);
    f->doc_units = 0;
    if (f->rescue)
        rescue_begin(f->rescue);
    context_set_mode(f->ctx, html ? MODEL_HTML : MODEL_TEXT);
    ub_status st;
    if (f->json && (st = json_out_begin(f->json)) != UB_OK)
        return st;
    const char *rest = s + sr.skip;
    size_t rest_len = n - sr.skip;
    if (html) {
        f->html = html_reader_new(&f->m, f->opt.encoding, sr.charset[0] ? sr.charset : NULL,
                                  html_block, f, &st);
        if (!f->html)
            return st;
        html_reader_set_meta(f->html, f->meta);
        html_reader_set_drain(f->html, html_drain);
        html_reader_set_hints_memo(f->html, &f->hints_memo);
        if (f->opt.markdown)
            html_reader_set_markdown(f->html, f->opt.links, f->opt.images, f->opt.url);
        f->state = DOC_HTML;
        st = html_reader_feed(f->html, rest, rest_len);
        if (st == UB_OK)
            st = context_drain(f->ctx);
    } else {
        text_reader_begin(f->text);
        f->state = DOC_TEXT;
        st = text_reader_charset(f->text, rest, rest_len, f->opt.encoding,
                                 sr.charset[0] ? sr.charset : NULL, f->opt.utf8 || f->opt.json);
        if (st == UB_OK)
            st = text_reader_feed(f->text, rest, rest_len);
    }
    return st;
}

/* Decide from what has gathered in f->head. */
static ub_status start_reader_head(ub_filter *f, int at_end)
{
    ub_status st = start_reader(f, f->head.data ? f->head.data : "", f->head.len, at_end);
    if (f->state == DOC_TEXT || f->state == DOC_HTML) {
        f->head.len = 0;
        buf_shrink(&f->head, &f->m, 2 * SNIFF_HEADERS_MAX);
    }
    return st;
}

static ub_status feed_doc(ub_filter *f, const char *s, size_t n)
{
    if (n == 0)
        return UB_OK;
    if (!f->doc_open) {
        /* the last document's metadata stays readable until this one */
        meta_reset(f->meta);
        f->doc_lang = NULL;
    }
    f->doc_open = 1;
    switch (f->state) {
    case DOC_SNIFF: {
        /* hold no more than the decision needs, however large the chunk */
        size_t room = SNIFF_HEADERS_MAX + SNIFF_BYTES - f->head.len;
        size_t take = n < room ? n : room;
        ub_status st;
        if (f->head.len == 0) {
            /* the chunk alone may decide: then it is read where it is */
            st = start_reader(f, s, take, take == room);
            if (f->state == DOC_SNIFF) {
                /* undecided, or the reader could not start: keep the bytes */
                ub_status kept = buf_append(&f->head, &f->m, s, take);
                if (st == UB_OK)
                    st = kept;
                f->sniff_at = 2 * f->head.len;
            }
        } else {
            st = buf_append(&f->head, &f->m, s, take);
            if (st == UB_OK && (take == room || f->head.len >= f->sniff_at)) {
                st = start_reader_head(f, take == room);
                f->sniff_at = 2 * f->head.len;
            }
        }
        if (st != UB_OK || take == n)
            return st;
        return feed_doc(f, s + take, n - take);
    }
    case DOC_TEXT:
        return text_reader_feed(f->text, s, n);
    case DOC_HTML: {
        /* nothing stays queued past the call: what it decides is out */
        ub_status st = html_reader_feed(f->html, s, n);
        return st == UB_OK ? context_drain(f->ctx) : st;
    }
    case DOC_SKIP:
        return UB_OK;
    }
    return UB_OK;
}

static ub_status end_doc(ub_filter *f, int nul)
{
    ub_status st = UB_OK, skipped = UB_OK;
    const char *bom;
    if (f->state == DOC_SNIFF && f->head.len > 0 &&
        encoding_bom(f->head.data, f->head.len, &bom) == f->head.len) {
        /* a document of a BOM alone (an editor's empty file) is the empty
         * document: nothing of it was read, the sniff waits for more */
        f->head.len = 0;
    }
    if (f->state == DOC_SNIFF && f->head.len > 0)
        st = start_reader_head(f, 1);
    if (st == UB_EBINARY) {
        /* reported without a diag callback: the stream still goes on */
        skipped = st;
        st = UB_OK;
    }
    if (st == UB_OK && f->state == DOC_TEXT)
        st = text_reader_end(f->text);
    if (st == UB_OK && f->state == DOC_HTML)
        st = html_reader_end(f->html);
    if (st == UB_OK)
        st = context_flush(f->ctx);
    int read = f->state == DOC_TEXT || f->state == DOC_HTML;
    if (read)
        meta_finish(f->meta, f->opt.url, f->doc_lang);
    else
        meta_reset(f->meta);    /* an empty or skipped document states nothing */
    /* a JSON object is a line of its own: no NUL after it */
    if (st == UB_OK && read && (st = rescued_out(f)) == UB_OK)
        st = writer_end(f->out, nul && !f->json);
    else if (st == UB_OK && !read && nul && !f->json &&
             f->opt.output != UB_OUTPUT_EXPLAIN_TSV)
        st = writer_raw(f->out, "", 1);
    if (st == UB_OK && read && f->json)
        st = json_out_end(f->json, f->meta);
    if (st == UB_OK && !read && f->json) {
        /* one line for each document ended, an empty or skipped one too
         * (an empty file among several is a document of its own) */
        st = json_out_begin(f->json);
        if (st == UB_OK)
            st = json_out_end(f->json, f->meta);
    }
    context_reset(f->ctx);
    if (f->html) {
        f->counts.documents_html++;
        f->counts.html_errors += html_reader_errors(f->html);
    }
    html_reader_free(f->html);
    f->html = NULL;
    f->head.len = 0;
    f->counts.documents++;
    f->doc_open = 0;
    f->state = DOC_SNIFF;
    return st == UB_OK ? skipped : st;
}

ub_status ub_filter_feed(ub_filter *f, const void *buf_, size_t len)
{
    const char *s = buf_;
    f->counts.bytes_in += len;
    if (!f->opt.null_data)
        return feed_doc(f, s, len);
    /* a document that is not text is skipped, not the rest of the chunk:
     * UB_EBINARY is returned once the whole chunk is through */
    ub_status skipped = UB_OK;
    while (len > 0) {
        const char *z = memchr(s, 0, len);
        size_t take = z ? (size_t)(z - s) : len;
        ub_status st = feed_doc(f, s, take);
        if (st == UB_EBINARY) {
            skipped = st;
            st = UB_OK;
        }
        if (st == UB_OK && z)
            st = end_doc(f, 1);
        if (st == UB_EBINARY) {
            skipped = st;
            st = UB_OK;
        }
        if (st != UB_OK)
            return st;
        if (!z)
            break;
        s = z + 1;
        len -= take + 1;
    }
    return skipped;
}

ub_status ub_filter_end_document(ub_filter *f)
{
    if (!f->doc_open && f->opt.null_data)
        return UB_OK;   /* the stream ended with its NUL: no last document */
    return end_doc(f, 0);
}

const char *ub_meta_name(ub_meta_field field)
{
    static const char *const names[UB_META_COUNT] = {
        "title", "author", "date", "lang", "sitename", "url", "description", "image", "tags",
    };
    return (unsigned)field < UB_META_COUNT ? names[field] : NULL;
}

const char *ub_filter_meta(const ub_filter *f, ub_meta_field field, size_t i)
{
    return meta_get(f->meta, field, i);
}

unsigned long filter_probe_sniffs(const ub_filter *f)
{
    return f->sniffs;
}
