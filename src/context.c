/* context.c - the window, the per-document memory and the final decisions.
 *
 * Final labels follow jusText's context pass (headings before good text,
 * short blocks between good ones, near-good blocks next to good ones), with
 * the neighbours looked for only inside the window; past its end the
 * document is taken to end, as jusText takes its edges to be bad. */
#include <string.h>
#include "context.h"
#include "model.h"
#include "learn.h"
#include "title.h"

#define SEEN_SLOTS 1024       /* headline memory; cleared when 3/4 full */
#define REPEAT_WORDS 30       /* longer blocks are not taken for a repeated headline */
/* Below even odds: a missed paragraph costs the reader more than a kept
 * menu item (on the dev set 0.4 beat 0.5 on both subsets, in both modes). */
#define KEEP_THRESHOLD 0.4
/* --learn: lines longer than this are prose, never dropped for recurring */
#define LEARN_MAX_CHARS 200
#define BOX_SLOTS 512         /* containers remembered; cleared when 3/4 full */

/* What the blocks of one container have added up to, the decided and the
 * pending: the paragraphs of an article body share a container, and so do
 * the items of a menu. */
#define TITLE_SEGMENTS 6
#define TITLE_RUNS (TITLE_SEGMENTS * (TITLE_SEGMENTS + 1) / 2)

/* A run of the title's segments (title.h) and its headline hash. */
typedef struct title_run {
    size_t start, len, words;
    uint64_t hash;
} title_run;

typedef struct box_total {
    uint32_t key;            /* block.box; 0 = empty slot */
    uint32_t chars, prose;   /* characters, and those in prose-like blocks */
} box_total;
#define BUF_KEEP (16u * 1024u)

struct context {
    const mem *m;
    const stoplist *stops;
    const phrases *phrases;
    unsigned size;           /* window capacity */
    unit *ring;
    unsigned head, count;    /* oldest pending unit, pending units */
    int keep_comments;
    context_out_fn out;
    void *out_ctx;
    /* per document */
    int article_began;
    int in_comments;
    model_mode mode;
    double threshold;        /* model score from which a block is kept */
    model_nb hist[MODEL_SPAN]; /* the last decided units, for the model */
    unsigned hist_head, hist_count;
    unsigned long index;     /* units decided in this document */
    int last_kept;
    unsigned seen_count;
    uint64_t seen[SEEN_SLOTS];
    box_total boxes[BOX_SLOTS];
    unsigned box_count;
    uint32_t lead_key;       /* the container with the most prose so far */
    uint32_t lead_prose;
    uint32_t lead_outer;     /* ... the element around it */
    title_run title_run[TITLE_RUNS];
    unsigned title_nruns;    /* 0: the title stays whole */
    unsigned title_picked;   /* the run of the segment title_pick chose */
    uint32_t title_keys[FEATURES_KEYWORDS];
    unsigned title_nkeys;
    uint32_t lang_hits[LANG_COUNT]; /* stopword hits of each block's language */
    unsigned page_lang;      /* <html lang>, LANG_COUNT if none or unknown */
    int page_lang_set;
    learn *learn;            /* --learn: lines seen across documents, or NULL */
    unsigned learn_min;      /* ... dropped when seen in this many earlier ones */

};

context *context_new(const mem *m, const stoplist *stops, const phrases *ph,
                     unsigned window, int keep_comments, context_out_fn out, void *out_ctx)
{
    context *c = mem_calloc(m, 1, sizeof *c);
    if (!c)
        return NULL;
    c->ring = mem_calloc(m, window, sizeof *c->ring);
    if (!c->ring) {
        mem_free(m, c);
        return NULL;
    }
    c->m = m;
    c->stops = stops;
    c->phrases = ph;
    c->size = window;
    c->keep_comments = keep_comments;
    c->threshold = KEEP_THRESHOLD;
    c->out = out;
    c->out_ctx = out_ctx;
    context_reset(c);
    return c;
}

void context_free(context *c)
{
    if (!c)
        return;
    for (unsigned i = 0; i < c->size; i++) {
        buf_free(&c->ring[i].text, c->m);
        buf_free(&c->ring[i].gap, c->m);
    }
    mem_free(c->m, c->ring);
    mem_free(c->m, c);
}

void context_set_mode(context *c, model_mode mode)
{
    c->mode = mode;
}

void context_set_learn(context *c, learn *l, unsigned min_docs)
{
    c->learn = l;
    c->learn_min = min_docs;
}

/* --learn: a short line seen in enough earlier documents is the site's
 * boilerplate.  Not the title, nor a line whose first label is good (prose,
 * or the title rule), nor a piece of a line too long to hold. */
static void learn_unit(context *c, unit *u)
{
    if (u->f.words == 0 || u->f.chars > LEARN_MAX_CHARS || u->open ||
        (u->flags & (BLOCK_CONTINUED | BLOCK_TITLE)))
        return;
    unsigned docs = learn_see(c->learn, u->f.norm_hash);
    if (docs >= c->learn_min && u->v.cls != CLASS_GOOD) {
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_SITE;
        u->v.rule = 1;
    }
}

void context_reset(context *c)
{
    c->article_began = 0;
    c->in_comments = 0;
    c->hist_head = c->hist_count = 0;
    c->index = 0;
    c->last_kept = 0;
    c->seen_count = 0;
    memset(c->seen, 0, sizeof c->seen);
    if (c->box_count)
        memset(c->boxes, 0, sizeof c->boxes);
    c->box_count = 0;
    c->lead_key = c->lead_prose = c->lead_outer = 0;
    c->title_nkeys = 0;
    c->title_nruns = 0;
    memset(c->lang_hits, 0, sizeof c->lang_hits);
    c->page_lang = LANG_COUNT;
    c->page_lang_set = 0;
    if (c->learn)
        learn_next_document(c->learn);

}

static unit *at(context *c, unsigned i)
{
    return &c->ring[(c->head + i) % c->size];
}

unit *context_slot(context *c)
{
    unit *u = at(c, c->count);
    buf_shrink(&u->text, c->m, BUF_KEEP);
    buf_shrink(&u->gap, c->m, BUF_KEEP);
    u->text.len = 0;
    u->gap.len = 0;
    u->gap_lines = 0;
    u->gap_kept = 0;
    u->flags = u->hints = u->heading = 0;
    u->box = 0;
    u->outer[0] = u->outer[1] = 0;
    u->box_share = u->box_chars = 0;
    u->lead = LEAD_NONE;
    u->open = 0;
    u->unterminated = 0;
    u->keep = 0;
    u->doc_why = 0;
    return u;
}

void context_set_page_lang(context *c, const char *code)
{
    if (c->page_lang_set)
        return;
    c->page_lang_set = 1;
    c->page_lang = code && *code ? stoplist_lang_find(code) : LANG_COUNT;
}

/* The document's language, from what is known when its first block is
 * decided (the window's blocks): --lang, else <html lang> if a list knows
 * it, else the language most stopwords were found in. */
static void doc_lang(const context *c, unit *u)
{
    unsigned best = 0, next = 1;
    for (unsigned l = 1; l < LANG_COUNT; l++) {
        if (c->lang_hits[l] > c->lang_hits[best]) {
            next = best;
            best = l;
        } else if (c->lang_hits[l] > c->lang_hits[next] || next == best) {
            next = l;
        }
    }
    u->doc_hits[0] = c->lang_hits[best];
    u->doc_hits[1] = c->lang_hits[next];
    u->doc_next = (uint8_t)next;
    if (c->stops->only < LANG_COUNT) {
        u->doc_lang = (uint8_t)c->stops->only;
        u->doc_why = CONTEXT_LANG_OPTION;
    } else if (c->page_lang < LANG_COUNT) {
        u->doc_lang = (uint8_t)c->page_lang;
        u->doc_why = CONTEXT_LANG_PAGE;
    } else {
        u->doc_lang = (uint8_t)best;
        u->doc_why = CONTEXT_LANG_HITS;
    }
}

/* The headline memory: normalised texts of the title and heading-like
 * lines of this document. */
static int seen(const context *c, uint64_t h)
{
    h += h == 0;
    for (size_t i = (size_t)h % SEEN_SLOTS;; i = (i + 1) % SEEN_SLOTS) {
        if (c->seen[i] == h)
            return 1;
        if (c->seen[i] == 0)
            return 0;
    }
}

static void remember(context *c, uint64_t h)
{
    h += h == 0;
    if (c->seen_count >= SEEN_SLOTS / 4 * 3) {
        memset(c->seen, 0, sizeof c->seen);
        c->seen_count = 0;
    }
    size_t i = (size_t)h % SEEN_SLOTS;
    while (c->seen[i] != 0 && c->seen[i] != h)
        i = (i + 1) % SEEN_SLOTS;
    if (c->seen[i] == 0)
        c->seen_count++;
    c->seen[i] = h;
}

static box_total *box_find(context *c, uint32_t key, int add)
{
    size_t i = key % BOX_SLOTS;
    while (c->boxes[i].key != 0 && c->boxes[i].key != key)
        i = (i + 1) % BOX_SLOTS;
    if (c->boxes[i].key == key)
        return &c->boxes[i];
    if (!add)
        return NULL;
    if (c->box_count >= BOX_SLOTS / 4 * 3) {
        memset(c->boxes, 0, sizeof c->boxes);
        c->box_count = 0;
        i = key % BOX_SLOTS;
    }
    c->box_count++;
    c->boxes[i].key = key;
    return &c->boxes[i];
}

static void box_add(context *c, const unit *u)
{
    if (u->box == 0)
        return;
    box_total *b = box_find(c, u->box, 1);
    uint32_t n = u->f.chars;
    b->chars = b->chars + n < b->chars ? UINT32_MAX : b->chars + n;
    if (u->nb.prose)
        b->prose = b->prose + n < b->prose ? UINT32_MAX : b->prose + n;
    if (b->prose > c->lead_prose) {
        c->lead_prose = b->prose;
        c->lead_key = b->key;
        c->lead_outer = u->outer[0];
    }
}

static ub_status decide_oldest(context *c);

/* A heading-like line repeated before the article begins is its headline
 * (scraped pages carry it twice): the first one, still pending, stays. */
static void mark_headline(context *c, uint64_t h)
{
    for (unsigned i = 0; i < c->count; i++) {
        unit *p = at(c, i);
        if (p->f.norm_hash == h && p->v.heading_like && p->f.words >= 4 &&
            !p->v.rule) {
            p->v.cls = CLASS_GOOD;
            p->v.why = REASON_TITLE;
            p->v.rule = 1;
            p->nb.rule_bad = 0;
            return;
        }
    }
}

/* The page's title is written as its headline segment (title.h), or as
 * the run of its segments that a block in the window repeats: "Paris –
 * Day two" stays whole when the page's heading says so too.  A heading
 * that repeats any run of them is a repeat. */
static void title_runs(context *c, unit *u)
{
    title_span s[TITLE_SEGMENTS];
    size_t k = title_split(u->text.data, u->text.len, s, TITLE_SEGMENTS);
    size_t pick = title_pick(s, k);
    c->title_nruns = 0;
    if (pick == k)
        return;
    features f;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++) {
            title_run *r = &c->title_run[c->title_nruns++];
            r->start = s[i].start;
            r->len = s[j].start + s[j].len - s[i].start;
            r->words = 0;
            for (size_t m = i; m <= j; m++)
                r->words += s[m].words;
            features_compute(&f, c->stops, u->text.data + r->start, r->len);
            r->hash = f.norm_hash;
            if (i == j && i == pick)
                c->title_picked = c->title_nruns - 1;
            remember(c, r->hash);
        }
}

static void title_trim(context *c, unit *u)
{
    if (c->title_nruns == 0)
        return;
    const title_run *best = NULL;
    for (unsigned r = 0; r < c->title_nruns; r++) {
        const title_run *t = &c->title_run[r];
        for (unsigned i = 1; i < c->count; i++) {
            const unit *p = at(c, i);
            /* a link home with the site's name (the logo, the masthead)
             * says which segment is not the headline */
            if (p->f.norm_hash == t->hash && features_link_density(&p->f) < 0.5 &&
                (!best || t->words > best->words))
                best = t;
        }
    }
    if (!best)
        best = &c->title_run[c->title_picked];
    memmove(u->text.data, u->text.data + best->start, best->len);
    u->text.len = best->len;
}

ub_status context_push(context *c, size_t link_len)
{
    unit *u = at(c, c->count);
    if (u->flags & BLOCK_TITLE)
        title_runs(c, u);
    block b = {
        .text = u->text.data, .len = u->text.len, .link_len = link_len,
        .heading = u->heading, .flags = u->flags, .hints = u->hints,
    };
    features_compute(&u->f, c->stops, b.text, b.len);
    if (link_len) {
        u->f.link_chars += (uint32_t)(link_len > UINT32_MAX ? UINT32_MAX : link_len);
        if (u->f.link_chars > u->f.chars)
            u->f.link_chars = u->f.chars;
    }
    classify_block(&u->v, c->phrases, &b, &u->f, c->article_began);
    if (c->learn)
        learn_unit(c, u);

    if (c->in_comments && !(u->flags & BLOCK_TITLE)) {
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_COMMENTS;
        u->v.rule = 1;
    } else if (u->v.opens_comments && !c->keep_comments) {
        c->in_comments = 1;
    } else if (u->f.words > 0 && u->f.words <= REPEAT_WORDS &&
               !(u->flags & (BLOCK_CONTINUED | BLOCK_TITLE)) && seen(c, u->f.norm_hash)) {
        /* a headline again, maybe with other case, spacing or punctuation */
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_REPEAT;
        u->v.rule = 1;
        if (!c->article_began)
            mark_headline(c, u->f.norm_hash);
    } else if ((u->v.heading_like || (u->flags & BLOCK_TITLE)) && u->f.words > 0 &&
               !(u->flags & BLOCK_CONTINUED)) {
        remember(c, u->f.norm_hash);
        if (c->title_nkeys == 0 && ((u->flags & BLOCK_TITLE) || u->heading == 1)) {
            memcpy(c->title_keys, u->f.keys, sizeof c->title_keys);
            c->title_nkeys = u->f.nkeys;
        }
    }
    if (u->v.cls == CLASS_GOOD && !u->v.rule && !(u->hints & HINT_NEGATIVE))
        c->article_began = 1;
    model_nb_from(&u->nb, &u->f, u->hints, u->v.rule && u->v.cls == CLASS_BAD);
    box_add(c, u);
    /* unspaced text has no stopwords: a fifth of its characters stand in */
    c->lang_hits[u->f.lang] += u->f.lang >= LANG_WORDS ? u->f.unspaced / 5 : u->f.stops;

    c->count++;
    if (c->count == c->size)
        return decide_oldest(c);
    return UB_OK;
}

static int shares_word(const uint32_t *a, unsigned na, const uint32_t *b, unsigned nb)
{
    for (unsigned i = 0; i < na; i++)
        for (unsigned j = 0; j < nb; j++)
            if (a[i] == b[j])
                return 1;
    return 0;
}

/* A title-like line amid the article that shares no content word with the
 * good text after it nor with the title is a link to another story. */
static int off_topic(context *c, const unit *u)
{
    if (u->f.nkeys < 4 || !u->v.heading_like || u->heading)
        return 0;
    if (shares_word(u->f.keys, u->f.nkeys, c->title_keys, c->title_nkeys))
        return 0;
    unsigned seen_good = 0;
    for (unsigned j = 1; j < c->count && seen_good < 2; j++) {
        const unit *n = at(c, j);
        if (n->v.cls != CLASS_GOOD)
            continue;
        seen_good++;
        if (shares_word(u->f.keys, u->f.nkeys, n->f.keys, n->f.nkeys))
            return 0;
    }
    return seen_good == 2;
}

/* Where a block sits against the leading box.  Its own container being the
 * leading box says little the container's totals do not; that the leading
 * box holds its container (a list or quote in the body), or that the two
 * are siblings (the sections of a wiki page or a bug thread), says more. */
static unsigned lead_of(const context *c, const unit *u)
{
    if (c->lead_key == 0)
        return LEAD_NONE;
    if (u->box == c->lead_key)
        return LEAD_OWN;
    if (u->outer[0] == c->lead_key || u->outer[1] == c->lead_key)
        return LEAD_INSIDE;
    if (u->outer[0] != 0 && u->outer[0] == c->lead_outer)
        return LEAD_BESIDE;
    return LEAD_NONE;
}

static void decide(context *c, unit *u)
{
    if (u->flags & BLOCK_TITLE)
        title_trim(c, u);
    if (u->v.rule) {
        u->keep = u->v.cls == CLASS_GOOD;
        u->why = u->v.why;
        u->score = u->keep;
        return;
    }
    const model_nb *before[MODEL_SPAN], *after[MODEL_SPAN];
    for (unsigned i = 0; i < MODEL_SPAN; i++) {
        before[i] = i < c->hist_count ? &c->hist[(c->hist_head + MODEL_SPAN - 1 - i) % MODEL_SPAN] : NULL;
        after[i] = i + 1 < c->count ? &at(c, i + 1)->nb : NULL;
    }
    const box_total *bt = u->box ? box_find(c, u->box, 0) : NULL;
    u->box_share = bt && bt->chars ? (double)bt->prose / bt->chars : 0;
    u->box_chars = bt ? bt->chars : 0;
    u->lead = lead_of(c, u);
    u->score = model_score(c->mode, u, before, after, c->index);
    u->keep = u->score >= c->threshold;
    if (u->keep)
        u->why = u->v.cls == CLASS_GOOD ? REASON_PROSE : REASON_CONTEXT;
    else
        u->why = u->v.cls == CLASS_BAD ? u->v.why : REASON_CONTEXT;
    if (u->keep && c->last_kept && off_topic(c, u)) {
        u->keep = 0;
        u->why = REASON_OFF_TOPIC;
    }
}

static ub_status decide_oldest(context *c)
{
    unit *u = at(c, 0);
    decide(c, u);
    if (c->index == 0)
        doc_lang(c, u);
    c->hist[c->hist_head] = u->nb;
    c->hist_head = (c->hist_head + 1) % MODEL_SPAN;
    if (c->hist_count < MODEL_SPAN)
        c->hist_count++;
    c->index++;
    c->last_kept = u->keep;
    ub_status st = c->out(c->out_ctx, u);
    c->head = (c->head + 1) % c->size;
    c->count--;
    return st;
}

ub_status context_flush(context *c)
{
    while (c->count > 0) {
        ub_status st = decide_oldest(c);
        if (st != UB_OK)
            return st;
    }
    return UB_OK;
}
