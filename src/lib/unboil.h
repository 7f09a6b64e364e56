/* unboil.h - strip boilerplate from web articles, as a streaming filter.
 *
 *     ub_options opt;
 *     ub_options_init(&opt);
 *     ub_status st;
 *     ub_filter *f = ub_filter_new(&opt, write_cb, ctx, &st);  NULL: st says why
 *     st = ub_filter_feed(f, buf, len);   any chunking, any number of times
 *     st = ub_filter_end_document(f);     at end of input
 *     ub_filter_free(f);
 *
 * The whole API is described in libunboil(3); tests/embed-example.c is a
 * complete program.
 *
 * The library never prints, never exits and keeps no global state: every
 * byte it produces goes through the write callback, every problem comes back
 * as a ub_status (per-document problems in a -z stream also through the
 * optional diagnostic callback).  Output does not depend on how the input is
 * cut into chunks, and memory does not grow with the input.
 */
#ifndef UNBOIL_H
#define UNBOIL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ub_status {
    UB_OK = 0,
    UB_ENOMEM,      /* out of memory */
    UB_EINVAL,      /* bad argument or option value */
    UB_EWRITE,      /* the write callback reported failure */
    UB_EBINARY,     /* input is not text (compressed, image, PDF ...) */
    UB_EENCODING,   /* unknown character encoding named */
    UB_EPARSE       /* the HTML parser could not be set up, or the libxml2
                       loaded is not the major.minor version built against */
} ub_status;

/* One of the reasons a block is kept or dropped (each a rule, or one of
 * the model's two verdicts), as --explain gives them. */
typedef struct ub_rule {
    const char *reason;      /* the word --explain prints, e.g. "copyright" */
    const char *stage;       /* when it applies: FIRST (the block alone),
                                WINDOW (with the blocks around), MODEL (the
                                model's score), FINAL (a veto on what the
                                model kept) or PAGE (after the document) */
    const char *description; /* one line of English */
} ub_rule;

/* The i-th reason from 0, or NULL past the last. */
const ub_rule *ub_rule_get(size_t i);

/* A short English description of a status, e.g. "out of memory". */
const char *ub_strerror(ub_status status);

typedef enum ub_format {
    UB_FORMAT_AUTO = 0,  /* decide per document from its first bytes */
    UB_FORMAT_TEXT,
    UB_FORMAT_HTML
} ub_format;

typedef enum ub_output {
    UB_OUTPUT_CLEAN = 0, /* the article */
    UB_OUTPUT_INVERT,    /* only what was removed */
    UB_OUTPUT_EXPLAIN,   /* every block on one line: decision, reason, first
                            label, number, every feature, then its text (for
                            scripts) */
    UB_OUTPUT_EXPLAIN_TSV, /* the same as tab-separated values under a header
                              row naming the columns (the model's features
                              among them), for training and analysis */
    UB_OUTPUT_EXPLAIN_TEXT,     /* for people: decision, reason, number, then
                                   the text, every line of a block prefixed */
    UB_OUTPUT_EXPLAIN_FEATURES, /* ... and a line of features after each block */
    UB_OUTPUT_EXPLAIN_HTML      /* one self-contained HTML page per document:
                                   the blocks in order, dropped ones struck */
} ub_output;

/* Called once per problem found in one document of a stream; the document
 * is skipped (text mode) or cleaned as well as it can be, and the stream goes
 * on.  `document` counts from 1.  `message` is valid during the call. */
typedef void (*ub_diag_fn)(void *ctx, unsigned long document,
                           ub_status status, const char *message);

/* realloc(3)-like allocator: size 0 frees `ptr` and returns NULL. */
typedef void *(*ub_realloc_fn)(void *ctx, void *ptr, size_t size);

typedef struct ub_options {
    ub_format format;
    ub_output output;
    int keep_comments;    /* keep comment sections */
    int markdown;         /* HTML mode: "#" headings, "-" items, ">" quotes */
    int null_data;        /* NUL separates documents, in and out */
    unsigned window;      /* blocks of look-ahead for context decisions */
    const char *encoding; /* override the document's charset (after a BOM),
                             or NULL */
    const char *lang;     /* measure stopwords in this language only ("de",
                             "pt-BR"), or NULL: in each block's best one.
                             An unknown code makes ub_filter_new fail with
                             UB_EINVAL.  Must outlive the filter. */
    ub_diag_fn diag;      /* optional */
    void *diag_ctx;
    ub_realloc_fn alloc;  /* optional; the default uses realloc/free.  The
                             HTML parser (libxml2) allocates on its own. */
    void *alloc_ctx;
    int learn;            /* drop short lines seen in many earlier documents
                             of the stream (site menus, footers); a fixed
                             table of about 6 MB, made only when set */
    unsigned learn_min_docs; /* ... in at least this many (>= 1) */
    int utf8;             /* text mode: write kept lines decoded to UTF-8,
                             not as they came in the input's charset (a
                             byte that begins no valid sequence as U+FFFD) */
    size_t lookahead;     /* bytes of a document's text held so that its
                             blocks are decided with the whole page in view
                             (up to this cap); 0: the window alone, for the
                             lowest latency */
    int json;             /* each document as one JSON object on one line:
                             "text" (what output and markdown say: the
                             article, or what was removed, or an
                             explanation) and the metadata found
                             (ub_meta_field) */
    const char *url;      /* the documents' address, or NULL: the "url"
                             field when a page names none, and the base
                             of relative links and images.  Must outlive
                             the filter. */
    int links;            /* markdown: links as [text](url) */
    int images;           /* markdown: images as ![alt](src) */
    int color;            /* UB_OUTPUT_EXPLAIN_TEXT, _FEATURES: ANSI colours */
} ub_options;

#define UB_WINDOW_DEFAULT 48u
#define UB_WINDOW_MIN 2u
#define UB_WINDOW_MAX 4096u
#define UB_LEARN_MIN_DOCS_DEFAULT 5u
#define UB_LOOKAHEAD_DEFAULT (256u * 1024u)
#define UB_LOOKAHEAD_MAX (256u * 1024u * 1024u)

/* Fill in the defaults. */
void ub_options_init(ub_options *opt);

/* Receives output bytes; returns 0 on success, non-zero on failure (which
 * makes the filter return UB_EWRITE). */
typedef int (*ub_write_fn)(void *ctx, const char *buf, size_t len);

typedef struct ub_filter ub_filter;

/* Returns a new filter owned by the caller (free with ub_filter_free), or
 * NULL when out of memory or when the options are invalid (`*status`, if not
 * NULL, says which). The options are copied; `encoding` must outlive the
 * filter. */
ub_filter *ub_filter_new(const ub_options *opt, ub_write_fn write, void *ctx,
                         ub_status *status);

/* Feed the next chunk of input.  After an error other than UB_EBINARY the
 * filter is unusable except for ub_filter_free. */
ub_status ub_filter_feed(ub_filter *f, const void *buf, size_t len);

/* End the current document: decide and write what is pending.  Call it at
 * end of input; with null_data it closes a last document that had no NUL;
 * without, each call ends one document, an empty one too. */
ub_status ub_filter_end_document(ub_filter *f);

/* Counters since the filter was made, e.g. for statistics. */
typedef struct ub_counts {
    unsigned long long bytes_in, bytes_out;
    unsigned long documents;        /* documents ended */
    unsigned long documents_html;   /* ... of which read as HTML */
    unsigned long documents_failed; /* skipped: not text (UB_EBINARY) */
    unsigned long blocks, blocks_kept;
    unsigned long html_errors;      /* problems libxml2 reported and recovered from */
} ub_counts;
void ub_filter_counts(const ub_filter *f, ub_counts *out);

void ub_filter_free(ub_filter *f);

/* What a document says about itself, gathered while it is read: from
 * JSON-LD, OpenGraph and article:* meta tags, Dublin Core, itemprop, and
 * the page itself (<title>, <h1>, <time datetime>, a "By ..." line); in a
 * text dump, from its first lines.  A field nothing states is absent,
 * never guessed, except UB_META_LANG, which falls back to the language
 * the stopwords measured. */
typedef enum ub_meta_field {
    UB_META_TITLE = 0,   /* the article's headline */
    UB_META_AUTHOR,      /* who wrote it, as the page writes the names */
    UB_META_DATE,        /* when it was published, ISO 8601 */
    UB_META_LANG,        /* language code, e.g. "en", "pt-BR" */
    UB_META_SITENAME,    /* the site or publication */
    UB_META_URL,         /* canonical address, og:url, or options.url */
    UB_META_DESCRIPTION, /* the page's summary of itself */
    UB_META_IMAGE,       /* the article's main image (address) */
    UB_META_TAGS,        /* topics: several values */
    UB_META_COUNT
} ub_meta_field;

/* The field's name in JSON output ("title", "author" ...), or NULL. */
const char *ub_meta_name(ub_meta_field field);

/* The i-th value (from 0; only UB_META_TAGS has more than one) of a field
 * of the document ended last, UTF-8 and NUL-terminated, or NULL when there
 * is none.  Valid until the next ub_filter_feed, ub_filter_end_document or
 * ub_filter_free. */
const char *ub_filter_meta(const ub_filter *f, ub_meta_field field, size_t i);

/* The library's version, e.g. "0.1.0". */
const char *ub_version(void);

#ifdef __cplusplus
}
#endif
#endif
