/* docmem.h - what the decisions remember of the document being read: the
 * headline memory (the title's runs of segments and the heading-like lines
 * seen), the totals of its containers and the one with the most prose, the
 * paragraphs kept, and the stopword votes for its language.  Each set is
 * bounded and forgets when full (keyset.h); all of it is reset between
 * documents. */
#ifndef DOCMEM_H
#define DOCMEM_H

#include "keyset.h"
#include "ring.h"
#include "stoplist.h"

#define DOCMEM_SEEN_SLOTS 1024   /* headline memory; cleared when 3/4 full */
#define DOCMEM_BOX_SLOTS 512     /* containers remembered; cleared when 3/4 full */
#define DOCMEM_COPY_SLOTS 256    /* kept paragraphs remembered; cleared when 3/4 full */
#define DOCMEM_TITLE_SEGMENTS 6
#define DOCMEM_TITLE_RUNS (DOCMEM_TITLE_SEGMENTS * (DOCMEM_TITLE_SEGMENTS + 1) / 2)

/* A run of the title's segments (title.h) and its headline hash. */
typedef struct docmem_title_run {
    size_t start, len, words;
    uint64_t hash;
} docmem_title_run;

typedef struct docmem {
    const stoplist *stops;
    docmem_title_run title_run[DOCMEM_TITLE_RUNS];
    keyset seen;             /* the headline memory: folded texts' hashes */
    keyset_slot seen_slots[DOCMEM_SEEN_SLOTS];
    keyset copies;           /* kept paragraphs: hash, a: its container */
    keyset_slot copy_slots[DOCMEM_COPY_SLOTS];
    keyset boxes;            /* containers' totals: key block.box, a: characters,
                                b: those in prose-like blocks */
    keyset_slot box_slots[DOCMEM_BOX_SLOTS];
    uint32_t lead_key;       /* the container with the most prose so far */
    uint32_t lead_prose;
    uint32_t lead_outer;     /* ... the element around it */
    unsigned title_nruns;    /* 0: the title stays whole */
    unsigned title_picked;   /* the run of the segment title_pick chose */
    unsigned title_nkeys;
    int title_pending;       /* the title is in the window, undecided */
    int title_yield;         /* ... and an h1 repeating it is written instead */
    unsigned page_lang;      /* <html lang>, LANG_COUNT if none or unknown */
    int page_lang_set;
    uint32_t title_keys[FEATURES_KEYWORDS]; /* the title's or first h1's content words */
    uint32_t lang_hits[LANG_COUNT]; /* stopword hits of each block's language */
} docmem;

/* An empty memory; `stops` must outlive it. */
void docmem_init(docmem *d, const stoplist *stops);
void docmem_reset(docmem *d);

/* The headline memory: whether a line with this folded text was seen. */
int docmem_seen(const docmem *d, uint64_t hash);

/* Remember a heading-like line (or the title); the first title or h1 gives
 * the document's topic words. */
void docmem_headline(docmem *d, const unit *u);

/* The title u is pending: remember its runs of segments. */
void docmem_title(docmem *d, const unit *u);

/* Whether hash repeats a run of the title at least as long as its
 * headline segment. */
int docmem_repeats_title(const docmem *d, uint64_t hash);

/* Cut the title u down to the run of segments a pending unit of `r`
 * repeats, else to its headline segment. */
void docmem_title_trim(const docmem *d, const ring *r, unit *u);

/* Add u to its container's totals. */
void docmem_box_add(docmem *d, const unit *u);

/* The container's totals, or NULL when none are known. */
const keyset_slot *docmem_box(const docmem *d, uint32_t box);

/* Where u sits against the leading box (LEAD_*). */
unsigned docmem_lead_of(const docmem *d, const unit *u);

/* Whether kept paragraph u was kept before in another container;
 * remembers it otherwise. */
int docmem_copy_elsewhere(docmem *d, const unit *u);

/* The page's own language (<html lang>); later calls are ignored. */
void docmem_set_page_lang(docmem *d, const char *code);

/* Count u's stopword hits for its language. */
void docmem_lang_vote(docmem *d, const unit *u);

/* Set the document's language on its first unit u. */
void docmem_doc_lang(const docmem *d, unit *u);

#endif
