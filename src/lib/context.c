/* context.c - the window, the per-document memory and the final decisions.
 *
 * Final labels follow jusText's context pass (headings before good text,
 * short blocks between good ones, near-good blocks next to good ones), with
 * the neighbours looked for only inside the window; past its end the
 * document is taken to end, as jusText takes its edges to be bad. */
#include <math.h>
#include <string.h>
#include "context.h"
#include "byline.h"
#include "model.h"
#include "learn.h"
#include "keyset.h"
#include "title.h"
#include "tuning.h"
#include "utf8.h"
#include "page.h"

#define SEEN_SLOTS 1024       /* headline memory; cleared when 3/4 full */
#define BOX_SLOTS 512         /* containers remembered; cleared when 3/4 full */
#define COPY_SLOTS 256        /* kept paragraphs remembered; cleared when 3/4 full */

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

typedef keyset_slot box_total;   /* key: block.box; a: characters, b: those
                                    in prose-like blocks */

/* Text mode: a run of lines with the same indentation and bullet, added up
 * as its lines are pushed.  Pending units belong to at most `window` runs,
 * so a ring of that many records holds them all. */
struct run_total {
    uint32_t items, short_lines, end_punct;
    double log_chars, stop_density;
    uint8_t prose_before, prose_after;
    /* the run before it, as it ended */
    double prev_items, prev_log_chars, prev_end_punct, prev_stop_density;
    double prev_indent;      /* its indentation against this run's, scaled */
    uint8_t prev_bullet;
};
#define RUN_ITEMS_MAX 64     /* longer runs count as this long */
#define REL_INDENT_SCALE 6.0  /* spaces of indentation that make a full step */

struct context {
    /* fields ordered by size, to leave no padding */
    const mem *m;
    const stoplist *stops;
    const phrases *phrases;
    unit *ring;
    context_out_fn out;
    void *out_ctx;
    /* per document */
    unsigned long prose_words; /* words of good blocks pushed */
    unsigned long plain_words; /* ... of those outside any furniture hint */
    double threshold;        /* model score from which a block is kept */
    unsigned long index;     /* units decided in this document */
    unsigned long kept_words; /* words of good prose decided and kept */
    unsigned long since_kept; /* units decided since the last kept one */
    run_total *runs;         /* text mode: window records, by run id */
    run_total *run_cur;      /* the run of the last pushed line, or NULL */
    unsigned long pushed;    /* units pushed in this document */
    unsigned long prose_at;  /* pushed count after the last prose line, 0: none */
    unsigned long thread_at; /* units before the last commenter's byline + 1, 0: none */
    learn *learn;            /* --learn: lines seen across documents, or NULL */
    model_nb hist[MODEL_SPAN]; /* the last decided units, for the model */
    double run_items[RUN_ITEMS_MAX + 1]; /* log1p(n) / 4: the model's scale */
    model_scale scale;
    title_run title_run[TITLE_RUNS];
    keyset seen;             /* the headline memory: folded texts' hashes */
    keyset_slot seen_slots[SEEN_SLOTS];
    keyset copies;           /* kept paragraphs: hash, a: its container */
    keyset_slot copy_slots[COPY_SLOTS];
    size_t lookahead;        /* bytes of text held before the oldest is decided, 0: window alone */
    size_t held;             /* bytes of text the pending units hold */
    size_t keep_bytes;       /* a slot's buffers keep this much memory for the next block */
    page *page;              /* the page model's aggregates */
    unsigned size;           /* ring capacity: the window, or the look-ahead's block cap */
    unsigned touched;        /* ring slots ever handed out: the rest hold nothing */
    unsigned window;         /* the window, a floor under the look-ahead */
    unsigned head, count;    /* oldest pending unit, pending units */
    int keep_comments;
    int capped;              /* the document's text passed the look-ahead */
    int article_began;
    int prose_began;         /* a near-good block came: a comment opener may follow */
    int in_comments;
    int cut_unsure;          /* the comment section opened before much prose */
    unsigned cut_seen, cut_long; /* what followed it */
    model_mode mode;
    unsigned hist_head, hist_count;
    int last_kept;
    int after_linked_head;   /* the last decided unit was a heading that is all link */
    int teaser_run;          /* ... and the summary before that heading was a teaser */
    int headline_kept;       /* a repeated line was kept as the headline */
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
    uint32_t run_indent;     /* the last pushed line's indentation ... */
    int run_prose;           /* ... and whether it was prose */
    uint32_t prose_indent;   /* the last prose line's indentation */
    unsigned learn_min;      /* --learn: dropped when seen in this many earlier documents */
    uint32_t title_keys[FEATURES_KEYWORDS];
    uint32_t lang_hits[LANG_COUNT]; /* stopword hits of each block's language */
    keyset boxes;            /* containers' totals (box_total) */
    keyset_slot box_slots[BOX_SLOTS];
    uint8_t run_bullet;      /* the last pushed line's bullet */
};

context *context_new(const mem *m, const stoplist *stops, const phrases *ph,
                     unsigned window, size_t lookahead, int keep_comments,
                     context_out_fn out, void *out_ctx)
{
    context *c = mem_calloc(m, 1, sizeof *c);
    if (!c)
        return NULL;
    unsigned size = page_capacity(window, lookahead);
    c->ring = mem_calloc(m, size, sizeof *c->ring);
    c->runs = mem_calloc(m, size, sizeof *c->runs);
    c->page = page_new(m);
    if (!c->ring || !c->runs || !c->page) {
        mem_free(m, c->ring);
        mem_free(m, c->runs);
        page_free(c->page, m);
        mem_free(m, c);
        return NULL;
    }
    c->m = m;
    c->stops = stops;
    c->phrases = ph;
    c->size = size;
    c->window = window;
    c->lookahead = lookahead;
    c->keep_bytes = page_slot_keep(window, lookahead);
    c->keep_comments = keep_comments;
    c->threshold = KEEP_THRESHOLD;
    for (unsigned i = 0; i <= RUN_ITEMS_MAX; i++)
        c->run_items[i] = log1p(i) / 4.0;
    model_scale_init(&c->scale);
    c->out = out;
    c->out_ctx = out_ctx;
    keyset_init(&c->seen, c->seen_slots, SEEN_SLOTS);
    keyset_init(&c->copies, c->copy_slots, COPY_SLOTS);
    keyset_init(&c->boxes, c->box_slots, BOX_SLOTS);
    context_reset(c);
    return c;
}

void context_free(context *c)
{
    if (!c)
        return;
    for (unsigned i = 0; i < c->touched; i++) {
        buf_free(&c->ring[i].text, c->m);
        buf_free(&c->ring[i].gap, c->m);
        buf_free(&c->ring[i].raw, c->m);
        buf_free(&c->ring[i].md, c->m);
    }
    mem_free(c->m, c->ring);
    mem_free(c->m, c->runs);
    page_free(c->page, c->m);
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
    c->capped = 0;
    c->article_began = 0;
    c->prose_began = 0;
    c->in_comments = 0;
    c->prose_words = 0;
    c->plain_words = 0;
    c->cut_unsure = 0;
    c->hist_head = c->hist_count = 0;
    c->index = 0;
    c->last_kept = 0;
    c->after_linked_head = 0;
    c->teaser_run = 0;
    c->kept_words = 0;
    c->since_kept = 0;
    c->headline_kept = 0;
    c->run_cur = NULL;
    c->run_prose = 0;
    c->pushed = 0;
    c->prose_at = 0;
    c->thread_at = 0;
    keyset_clear(&c->seen);
    keyset_clear(&c->copies);
    keyset_clear(&c->boxes);
    c->lead_key = c->lead_prose = c->lead_outer = 0;
    c->title_nkeys = 0;
    c->title_nruns = 0;
    c->title_pending = c->title_yield = 0;
    memset(c->lang_hits, 0, sizeof c->lang_hits);
    c->page_lang = LANG_COUNT;
    c->page_lang_set = 0;
    page_reset(c->page);
    if (c->learn)
        learn_next_document(c->learn);

}

static unit *at(context *c, unsigned i)
{
    /* i <= count <= size, so one subtraction wraps it: no division on
     * the path every block takes several times */
    unsigned k = c->head + i;
    return &c->ring[k >= c->size ? k - c->size : k];
}

/* Empty a unit's buffers, freeing those that grew past what a slot keeps. */
static void unit_release(const context *c, unit *u)
{
    enum { UNIT_BUFS = 4 };
    buf *bufs[UNIT_BUFS] = { &u->text, &u->raw, &u->gap, &u->md };
    for (size_t i = 0; i < UNIT_BUFS; i++) {
        bufs[i]->len = 0;
        buf_shrink(bufs[i], c->m, c->keep_bytes);
    }
}

unit *context_slot(context *c)
{
    unit *u = at(c, c->count);
    /* slots past the highest one used were never written: the ring's
     * pages stay untouched (calloc) for a short page */
    unsigned k = (unsigned)(u - c->ring);
    if (k >= c->touched)
        c->touched = k + 1;
    unit_release(c, u);
    u->list = u->number = u->quote = 0;
    u->lang[0] = 0;
    u->gap_lines = 0;
    u->gap_kept = 0;
    u->flags = u->hints = u->heading = 0;
    u->box = 0;
    u->outer[0] = u->outer[1] = 0;
    u->box_share = u->box_chars = 0;
    u->lead = LEAD_NONE;
    u->open = 0;
    u->unterminated = 0;
    u->headline_top = 0;
    u->keep = 0;
    u->cut = 0;
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
    return keyset_find(&c->seen, h) != NULL;
}

/* Full, it starts afresh even for a headline it holds. */
static void remember(context *c, uint64_t h)
{
    if (keyset_full(&c->seen))
        keyset_clear(&c->seen);
    keyset_add(&c->seen, h);
}

static box_total *box_find(context *c, uint32_t key, int add)
{
    return add ? keyset_add(&c->boxes, key) : keyset_find(&c->boxes, key);
}

static void box_add(context *c, const unit *u)
{
    if (u->box == 0)
        return;
    box_total *b = box_find(c, u->box, 1);
    uint32_t n = u->f.chars;
    b->a = b->a + n < b->a ? UINT32_MAX : b->a + n;
    if (u->nb.prose)
        b->b = b->b + n < b->b ? UINT32_MAX : b->b + n;
    if (b->b > c->lead_prose) {
        c->lead_prose = b->b;
        c->lead_key = (uint32_t)b->key;
        c->lead_outer = u->outer[0];
    }
}

static ub_status decide_oldest(context *c);

/* log1p(n) / 4, the model's scale for a count of lines */
static double run_items(const context *c, uint32_t n)
{
    return n < RUN_ITEMS_MAX ? c->run_items[n] : log1p(n) / 4.0;
}

/* Indentation a against b in steps of REL_INDENT_SCALE spaces, in -1..1. */
static double rel_indent(uint32_t a, uint32_t b)
{
    double rel = ((double)a - (double)b) / REL_INDENT_SCALE;
    return rel < -1 ? -1 : rel > 1 ? 1 : rel;
}

/* Text mode: add the pushed unit to its run, opening a new one when its
 * indentation or bullet differs from the line before. */
static void run_add(context *c, unit *u)
{
    run_total *r = c->run_cur;
    if (!r || u->f.indent != c->run_indent || u->f.bullet != c->run_bullet) {
        const run_total *p = r;
        if (p) {
            r->prose_after = (uint8_t)u->nb.prose;
            r = r + 1 < c->runs + c->size ? r + 1 : c->runs;
        } else {
            r = c->runs;
        }
        memset(r, 0, sizeof *r);
        r->prose_before = (uint8_t)c->run_prose;
        if (p) {
            /* a list right after a lead-in paragraph, or a menu after a
             * menu, reads from the run before as much as from its own */
            double n = p->items;
            r->prev_items = run_items(c, p->items);
            r->prev_log_chars = p->log_chars / n;
            r->prev_end_punct = p->end_punct / n;
            r->prev_stop_density = p->stop_density / n;
            r->prev_indent = rel_indent(c->run_indent, u->f.indent);
            r->prev_bullet = c->run_bullet;
        }
        c->run_cur = r;
    }
    u->run_rec = r;
    r->items++;
    r->short_lines += u->f.chars < LENGTH_LOW;
    r->end_punct += u->f.end_punct != 0;
    r->log_chars += u->nb.log_chars;
    r->stop_density += u->nb.stop_density;
    c->run_indent = u->f.indent;
    c->run_bullet = u->f.bullet;
    c->run_prose = u->nb.prose;
    /* indentation against the last prose line within the window: comment
     * threads and sidebars sit deeper or shallower than the article */
    u->run.rel_indent = c->prose_at && c->pushed - c->prose_at < c->size
                        ? rel_indent(u->f.indent, c->prose_indent) : 0;
    c->pushed++;
    if (u->nb.prose) {
        c->prose_at = c->pushed;
        c->prose_indent = u->f.indent;
    }
}

static void run_view(const context *c, unit *u)
{
    const run_total *r = u->run_rec;
    double n = r->items;
    u->run.items = run_items(c, r->items);
    u->run.log_chars = r->log_chars / n;
    u->run.end_punct = r->end_punct / n;
    u->run.short_lines = r->short_lines / n;
    u->run.stop_density = r->stop_density / n;
    u->run.prose_before = r->prose_before;
    u->run.prose_after = r->prose_after;
    u->run.prev_items = r->prev_items;
    u->run.prev_log_chars = r->prev_log_chars;
    u->run.prev_end_punct = r->prev_end_punct;
    u->run.prev_stop_density = r->prev_stop_density;
    u->run.prev_indent = r->prev_indent;
    u->run.prev_bullet = r->prev_bullet;
}

/* A heading-like line repeated before the article begins may be its
 * headline (scraped pages carry it twice): the first one, still pending,
 * is marked; decide() keeps it if it names the article.  At the very top
 * of the document (nothing but the title before it) with its copy right
 * under it, and worded as a headline (sentence_like), it is the headline
 * whatever the topical test says: its
 * words need not come back in the first paragraphs.  A run of capitalised
 * names there ("Valley Weekly Courier Online Edition") is the site's
 * name as often, and must still name the article. */
/* Whether u holds a lower-case letter: one that a capital folds to. */
static int has_lower(const unit *u)
{
    const unsigned char *s = (const unsigned char *)u->text.data;
    size_t n = u->text.len;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        if (cp >= 'a' && cp <= 'z')
            return 1;
        if (cp < 0x80)
            continue;
        for (size_t j = 0; j < utf8_ucd_fold_count; j++)
            if (utf8_ucd_fold[j][1] == cp && utf8_ucd_fold[j][0] != cp)
                return 1;
    }
    return 0;
}

/* Worded as a headline rather than a name: a function word, a word not
 * capitalised, or all in capitals. */
static int sentence_like(const unit *u)
{
    return features_stop_density(&u->f) > 0 || u->f.caps < u->f.words || !has_lower(u);
}

static void mark_headline(context *c, uint64_t h)
{
    for (unsigned i = 0; i < c->count; i++) {
        unit *p = at(c, i);
        if (p->f.norm_hash == h && p->v.heading_like && p->f.words >= HEADLINE_WORDS &&
            !p->v.rule) {
            p->v.cls = CLASS_GOOD;
            p->v.why = REASON_HEADLINE;
            p->v.rule = 1;
            p->nb.rule_bad = 0;
            p->headline_top = c->index == 0 && i + 1 == c->count && sentence_like(p);
            for (unsigned j = 0; j < i && p->headline_top; j++)
                p->headline_top = (at(c, j)->flags & BLOCK_TITLE) != 0;
            return;
        }
    }
}


/* Once the article's own prose (outside furniture boxes) has begun, prose
 * in a byline box is the writer's biography under the post, and prose in a
 * share or newsletter box is its sign-off ("Sign up for our weekly mail"),
 * whatever the model makes of it: a byline that opens an article is a name
 * and a date. */
static int box_after_article(const context *c, const unit *u)
{
    return c->mode == MODEL_HTML && c->plain_words >= BIO_AFTER &&
           (((u->hints & HINT_BYLINE) && u->f.words >= BIO_WORDS) ||
            (u->hints & (HINT_SHARE | HINT_NEWSLETTER)));
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

/* The page's h1 that repeats a run of the title's segments is the headline
 * as the page shows it, in its own case: it is written and the title is
 * not ("Code sample: how to loop in Python" above "How to loop in Python"). */
static int h1_repeats_title(const context *c, const unit *u)
{
    if (c->mode != MODEL_HTML || !c->title_pending || u->heading != 1 ||
        (u->hints & HINT_NEGATIVE) || (u->flags & BLOCK_CONTINUED))
        return 0;
    /* not a link home with the site's name, nor a shorter part */
    if (features_link_density(&u->f) >= 0.5)
        return 0;
    for (unsigned r = 0; r < c->title_nruns; r++)
        if (c->title_run[r].hash == u->f.norm_hash &&
            c->title_run[r].words >= c->title_run[c->title_picked].words)
            return 1;
    return 0;
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
            if (p->f.norm_hash == t->hash && features_link_density(&p->f) < TITLE_LINK_MAX &&
                (!best || t->words > best->words))
                best = t;
        }
    }
    if (!best)
        best = &c->title_run[c->title_picked];
    memmove(u->text.data, u->text.data + best->start, best->len);
    u->text.len = best->len;
}

/* A comment link in a page's toolbar ("Comments", "Add a Comment") comes
 * before the article, and cut it off whole.  A section that opens before
 * much prose was seen is weighed on what follows: a thread puts a byline
 * with a time or a date before its first comment, an article goes on in
 * paragraphs, even a short one in long and short ones by turns.  Only
 * blocks still pending are given back. */

static int author_line(const unit *u)
{
    return u->f.chars < CUT_BYLINE_CHARS && byline_author(u->text.data, u->text.len);
}

static int thread_byline(const unit *u)
{
    return u->f.chars < CUT_BYLINE_CHARS && byline_commenter(u->text.data, u->text.len);
}

/* The second commenter's byline in the window opens the thread at the
 * first one; the blocks from there on are still pending. */
static int thread_cut(context *c)
{
    unsigned long now = c->index + c->count + 1;
    /* a byline over two lines ("Ann Lee" above "July 7, 2012") is one */
    if (c->thread_at && now - c->thread_at > 1 && now - c->thread_at <= c->count) {
        for (unsigned i = c->count - (unsigned)(now - c->thread_at); i < c->count; i++) {
            unit *p = at(c, i);
            if (p->flags & BLOCK_TITLE)
                continue;
            p->v.cls = CLASS_BAD;
            p->v.why = REASON_THREAD;
            p->v.rule = 1;
            model_nb_from(&p->nb, &c->scale, &p->f, p->hints, 1);
        }
        c->in_comments = 1;
        c->cut_unsure = 0;
    }
    c->thread_at = now;
    return c->in_comments;
}

static void weigh_cut(context *c, unit *u)
{
    if (u->f.chars < CUT_BYLINE_CHARS &&
        ((u->f.end_colon && (u->f.numbers > 0 || u->f.words <= CUT_BYLINE_WORDS)) ||
         byline_has_clock(u->text.data, u->text.len) ||
         (u->f.words >= CUT_DATE_WORDS && u->f.numbers == u->f.words))) {
        /* "Ann on May 2, 2012 at 6:29 pm said:" or "10.29.2012": a
         * thread's byline */
        c->cut_unsure = 0;
        return;
    }
    c->cut_long += u->uncut.cls >= CLASS_NEAR_GOOD && !u->uncut.rule &&
                   u->f.chars >= CUT_LONG_CHARS;
    if (c->cut_long >= CUT_LONG || author_line(u)) {
        for (unsigned i = 0; i <= c->count; i++) {
            unit *p = at(c, i);
            if (!p->cut)
                continue;
            p->v = p->uncut;
            p->cut = 0;
            model_nb_from(&p->nb, &c->scale, &p->f, p->hints, p->v.rule && p->v.cls == CLASS_BAD);
            if (p->v.cls == CLASS_GOOD && !p->v.rule && !(p->hints & HINT_NEGATIVE))
                c->article_began = 1;
        }
        c->in_comments = 0;
        c->cut_unsure = 0;
    } else if (++c->cut_seen >= CUT_LOOK) {
        c->cut_unsure = 0;
    }
}

ub_status context_push(context *c, size_t link_len)
{
    unit *u = at(c, c->count);
    if (u->flags & BLOCK_TITLE) {
        title_runs(c, u);
        c->title_pending = 1;
    }
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
    /* an article of middling paragraphs may be followed by its thread,
     * but "Comments:" among "Words:" and "Kudos:" labels a count */
    classify_block(&u->v, c->phrases, &b, &u->f,
                   c->article_began || (c->prose_began && !u->f.end_colon));
    if (c->learn)
        learn_unit(c, u);

    if (c->in_comments && !(u->flags & BLOCK_TITLE)) {
        if (c->cut_unsure) {
            u->uncut = u->v;
            u->cut = 1;
        }
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_COMMENTS;
        u->v.rule = 1;
        if (c->cut_unsure)
            weigh_cut(c, u);
    } else if (u->v.opens_comments && !c->keep_comments &&
               /* "By Ann | May 2" then "10 Comments": the count in the
                * article's header, above the article */
               !(c->prose_words < CUT_SURE_WORDS && c->count &&
                 author_line(at(c, c->count - 1)))) {
        c->in_comments = 1;
        c->cut_unsure = c->prose_words < CUT_SURE_WORDS;
        c->cut_seen = c->cut_long = 0;
    } else if (!c->keep_comments &&
               (thread_byline(u) || (c->article_began && u->f.chars < DATED_CHARS &&
                                     u->f.numbers && byline_dated(u->text.data, u->text.len))) &&
               thread_cut(c)) {
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_THREAD;
        u->v.rule = 1;
    } else if (h1_repeats_title(c, u)) {
        c->title_yield = 1;
        u->v.cls = CLASS_GOOD;
        u->v.why = REASON_H1_HEADLINE;
        u->v.rule = 1;
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
    if (!u->v.rule && box_after_article(c, u)) {
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_BOX_AFTER_ARTICLE;
        u->v.rule = 1;
    }
    if (u->v.cls == CLASS_GOOD && !u->v.rule && !(u->hints & HINT_NEGATIVE)) {
        c->article_began = 1;
        c->plain_words += u->f.words;
    }
    if (u->v.cls >= CLASS_NEAR_GOOD && !u->v.rule && !(u->hints & HINT_NEGATIVE))
        c->prose_began = 1;
    if (u->v.cls == CLASS_GOOD && !u->v.rule)
        c->prose_words += u->f.words;
    model_nb_from(&u->nb, &c->scale, &u->f, u->hints, u->v.rule && u->v.cls == CLASS_BAD);
    box_add(c, u);
    if (c->mode == MODEL_TEXT)
        run_add(c, u);
    /* unspaced text has no stopwords: a fifth of its characters stand in */
    c->lang_hits[u->f.lang] += u->f.lang >= LANG_WORDS ? u->f.unspaced / 5 : u->f.stops;

    page_add(c->page, u, c->index + c->count);
    c->held += u->text.len + u->gap.len;
    c->count++;
    /* once the held text passes the look-ahead's cap, what is held is
     * decided and the rest of the document goes on in the window, with the
     * page's aggregates still growing; a text dump has no page model yet
     * and keeps to the window */
    if (c->held > c->lookahead)
        c->capped = 1;
    size_t cap = c->mode == MODEL_HTML && !c->capped ? c->lookahead : 0;
    while (c->count == c->size || (c->held > cap && c->count > c->window)) {
        ub_status st = decide_oldest(c);
        if (st != UB_OK)
            return st;
    }
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
    if (u->f.nkeys < OFF_TOPIC_KEYS || !u->v.heading_like || u->heading)
        return 0;
    if (shares_word(u->f.keys, u->f.nkeys, c->title_keys, c->title_nkeys))
        return 0;
    unsigned seen_good = 0;
    for (unsigned j = 1; j < c->count && seen_good < OFF_TOPIC_GOOD; j++) {
        const unit *n = at(c, j);
        if (n->v.cls != CLASS_GOOD)
            continue;
        seen_good++;
        if (shares_word(u->f.keys, u->f.nkeys, n->f.keys, n->f.nkeys))
            return 0;
    }
    return seen_good == OFF_TOPIC_GOOD;
}


/* A line that comes twice before the article is its headline only if it
 * names what the article's first paragraphs are about: a site's name, a
 * "View all posts" link or an image marker row comes twice as well. */
static int names_article(context *c, const unit *u)
{
    if (u->f.unspaced * 2 > u->f.chars)
        return 1;   /* no words to compare: Chinese, Japanese, Thai */
    unsigned shared = 0, good = 0;
    uint32_t found = 0;   /* which of u's keys occur */
    for (unsigned i = 1; i < c->count && good < HEADLINE_GOOD; i++) {
        const unit *n = at(c, i);
        if (n->v.cls < CLASS_NEAR_GOOD || n->v.rule)
            continue;
        good++;
        for (unsigned k = 0; k < u->f.nkeys; k++)
            for (unsigned j = 0; j < n->f.nkeys && !(found >> k & 1); j++)
                if (u->f.keys[k] == n->f.keys[j]) {
                    found |= 1u << k;
                    shared++;
                }
    }
    return shared >= HEADLINE_SHARED;
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

/* The page's own h1, sharing a content word with the title, is its
 * headline as shown; the title beside it, worded otherwise ("Site: the
 * story, part 2"), says it a second time. */
static int headline_follows(context *c, const unit *u)
{
    for (unsigned i = 1; i < c->count; i++) {
        const unit *p = at(c, i);
        if (p->heading != 1 || p->f.words < 3 || (p->v.rule && p->v.cls == CLASS_BAD) ||
            (p->hints & HINT_NEGATIVE))
            continue;
        return shares_word(u->f.keys, u->f.nkeys, p->f.keys, p->f.nkeys);
    }
    return 0;
}


static int linked_head(const unit *u)
{
    return u->heading > 0 && features_link_density(&u->f) >= LINKED_HEAD;
}

/* Under the article, a heading that is all link and a one-sentence summary
 * under it announce another story: "Q&A: Filtering videos" and "YouTube
 * has its own safety mode that helps ...".  The summary reads as prose to
 * the model.  It counts as a teaser only in a list of them, with the next
 * linked heading close after it or a teaser before it: a section heading
 * linked to itself ("#logs") heads paragraphs of the article. */

static int teaser_summary(context *c, const unit *u)
{
    if (c->mode != MODEL_HTML || !c->after_linked_head || c->kept_words < TEASER_AFTER ||
        u->heading || u->f.sentences > 0 || u->f.chars > TEASER_CHARS)
        return 0;
    if (c->teaser_run)
        return 1;
    for (unsigned i = 1; i < c->count && i <= TEASER_NEXT; i++) {
        const unit *n = at(c, i);
        if (linked_head(n))
            return 1;
        if (n->f.chars > TEASER_CHARS)
            return 0;
    }
    return 0;
}


/* A text dump has no containers to tell the sidebar from the article's
 * own figures, code and tables, which drop as long a run of lines; but
 * the article goes on with more paragraphs, and the sidebar under it does
 * not.  Whether a long good paragraph is pending soon after the oldest.
 * A heading at the margin that scores a near miss wants two: a sidebar's
 * heading ("About the blog") has its one paragraph, where a section of the
 * article goes on.  Indented lines are the article's paragraphs, cut short
 * of their end punctuation by a formula or a link, not headings. */
static int article_ahead(context *c)
{
    const unit *u = at(c, 0);
    unsigned good = 0, need = u->v.heading_like && u->f.indent == 0 && u->score < ENDED_NEAR_TEXT
                                ? AHEAD_GOOD : 1;
    for (unsigned i = 1; i < c->count && i <= AHEAD_UNITS; i++) {
        const unit *n = at(c, i);
        if (n->v.cls == CLASS_GOOD && n->f.words >= AHEAD_WORDS && ++good >= need)
            return 1;
    }
    return 0;
}

/* Once the article has been kept and a run of dropped units has followed
 * it, a block outside the leading box is the sidebar or the teasers under
 * the page ("Gadgetwise is a blog about ...", a lone summary of another
 * story), however much it reads like prose; a near miss is, after a
 * shorter run.  A block the leading box holds, or one in a box beside it,
 * may still be the article's: a gallery or an ad row inside it drops as
 * many units.  A text dump, with no boxes, asks article_ahead instead. */
static int after_article(context *c, const unit *u)
{
    int text = c->mode == MODEL_TEXT;
    if (c->kept_words < ENDED_AFTER || (!text && u->lead != LEAD_NONE))
        return 0;
    double near = text ? ENDED_NEAR_TEXT : ENDED_NEAR;
    int ended = (c->since_kept >= ENDED_GAP && u->score < ENDED_SURE) ||
                (c->since_kept >= ENDED_GAP_NEAR && u->score < near &&
                 c->kept_words >= TEASER_AFTER);
    return ended && (!text || !article_ahead(c));
}

/* A kept paragraph that comes again in another container is a second copy
 * of the article (a print or mobile version, a hidden tab, a teaser of the
 * same story): the reader wants it once.  In one container a paragraph
 * said twice is the writer's.  Returns whether u is such a copy, and
 * remembers it otherwise. */
static int copy_elsewhere(context *c, const unit *u)
{
    const keyset_slot *k = keyset_find(&c->copies, u->f.norm_hash);
    if (k)
        return k->a != u->box;
    keyset_add(&c->copies, u->f.norm_hash)->a = u->box;
    return 0;
}

/* A text dump opens with the page's head links in one line, each title
 * after a '#': "#Site RSS Feed Site » Headline Comments Feed". */
static int head_links(const context *c, const unit *u)
{
    if (c->mode != MODEL_TEXT || c->index != 0)
        return 0;
    size_t i = 0;
    while (i < u->text.len && u->text.data[i] == ' ')
        i++;
    return i + 1 < u->text.len && u->text.data[i] == '#' &&
           (unsigned char)u->text.data[i + 1] > ' ' && u->text.data[i + 1] != '#';
}


/* In a text dump an article that comes after a long menu or a column of
 * links is weighed down by all that went before it (the position prior and
 * the menu around it), and its paragraphs score far under the threshold.
 * Until a paragraph of good prose has been kept, the first one that the
 * rules call good prose (long, full of stopwords) is kept unless the model
 * is quite sure against it. */
/* A row of a data table (block.h, BLOCK_ROW) right after kept text, with
 * prose after the table, is the article's: its cells are too short for
 * the model, which would keep the prose around it and drop the figures. */
static int article_row(context *c, const unit *u)
{
    if (c->mode != MODEL_HTML || !(u->flags & BLOCK_ROW) || !c->last_kept ||
        (u->hints & HINT_NEGATIVE) || features_link_density(&u->f) >= 0.5)
        return 0;
    for (unsigned i = 1; i < c->count; i++) {
        const unit *n = at(c, i);
        if (n->flags & BLOCK_ROW)
            continue;
        return n->v.cls == CLASS_GOOD && !n->v.rule && !(n->hints & HINT_NEGATIVE);
    }
    return 0;
}

static int first_prose(const context *c, const unit *u)
{
    return c->mode == MODEL_TEXT && c->kept_words == 0 && u->v.cls == CLASS_GOOD &&
           u->score >= FIRST_PROSE_MIN;
}

static void decide(context *c, unit *u)
{
    memset(u->window, 0, sizeof u->window);
    /* the run is the model's evidence: a block a rule decides shows none */
    if (c->mode == MODEL_TEXT && !u->v.rule)
        run_view(c, u);
    else
        memset(&u->run, 0, sizeof u->run);
    if (u->flags & BLOCK_TITLE) {
        c->title_pending = 0;
        if (c->mode == MODEL_HTML && (c->title_yield || headline_follows(c, u))) {
            u->keep = 0;
            u->why = REASON_TITLE_REPEATS_H1;
            u->score = 0;
            return;
        }
        title_trim(c, u);
    }
    if (u->v.rule && u->v.why == REASON_HEADLINE && !(u->flags & BLOCK_TITLE)) {
        /* marked by mark_headline: one per document */
        if (c->headline_kept || (!u->headline_top && !names_article(c, u))) {
            u->keep = 0;
            u->why = REASON_HEADLINE_AGAIN;
            u->score = 0;
            return;
        }
        c->headline_kept = 1;
    }
    if (u->v.rule) {
        u->keep = u->v.cls == CLASS_GOOD;
        u->why = u->v.why;
        u->score = u->keep;
        return;
    }
    const model_nb *before[MODEL_SPAN], *after[MODEL_SPAN];
    /* back from the newest decided unit and on from u through the ring,
     * a step at a time rather than an index worked out for each */
    unsigned h = c->hist_head;
    const unit *n = u;
    for (unsigned i = 0; i < MODEL_SPAN; i++) {
        h = h ? h - 1 : MODEL_SPAN - 1;
        before[i] = i < c->hist_count ? &c->hist[h] : NULL;
        n = n + 1 == c->ring + c->size ? c->ring : n + 1;
        after[i] = i + 1 < c->count ? &n->nb : NULL;
    }
    const box_total *bt = u->box ? box_find(c, u->box, 0) : NULL;
    u->box_share = bt && bt->a ? (double)bt->b / bt->a : 0;
    u->box_chars = bt ? bt->a : 0;
    u->lead = lead_of(c, u);
    model_window(u->window, before, after, c->index);
    if (c->mode == MODEL_HTML && c->lookahead)
        page_view(c->page, u, c->index, u->page);
    else
        memset(u->page, 0, sizeof u->page);
    u->score = model_score(c->mode == MODEL_HTML && c->lookahead ? MODEL_PAGE : c->mode, u,
                           before, after);
    u->keep = u->score >= c->threshold || first_prose(c, u);
    if (u->keep)
        u->why = u->v.cls == CLASS_GOOD ? REASON_PROSE : REASON_CONTEXT;
    else
        u->why = u->v.cls == CLASS_BAD ? u->v.why : REASON_CONTEXT;
    if (!u->keep && article_row(c, u)) {
        u->keep = 1;
        u->why = REASON_TABLE_ROW;
    }
    if (u->keep && c->last_kept && off_topic(c, u)) {
        u->keep = 0;
        u->why = REASON_OFF_TOPIC;
    }
    if (u->keep && head_links(c, u)) {
        u->keep = 0;
        u->why = REASON_HEAD_LINKS;
    }
    if (u->keep && teaser_summary(c, u)) {
        u->keep = 0;
        u->why = REASON_TEASER;
    }
    if (u->keep && after_article(c, u)) {
        u->keep = 0;
        u->why = REASON_AFTER;
    }
    if (u->keep && c->mode == MODEL_HTML && u->f.words >= COPY_WORDS &&
        !(u->flags & BLOCK_CONTINUED) && copy_elsewhere(c, u)) {
        u->keep = 0;
        u->why = REASON_COPY_ELSEWHERE;
    }
}

/* A block dropped as a link to another story: a teaser list goes on
 * after one. */
static int points_elsewhere(reason why)
{
    return why == REASON_CUT_EXCERPT || why == REASON_RELATED || why == REASON_TEASER;
}

static ub_status decide_oldest(context *c)
{
    unit *u = at(c, 0);
    c->held -= u->text.len + u->gap.len;
    decide(c, u);
    if (c->index == 0)
        doc_lang(c, u);
    c->hist[c->hist_head] = u->nb;
    c->hist_head = c->hist_head + 1 == MODEL_SPAN ? 0 : c->hist_head + 1;
    if (c->hist_count < MODEL_SPAN)
        c->hist_count++;
    c->index++;
    c->last_kept = u->keep;
    c->since_kept = u->keep ? 0 : c->since_kept + 1;
    if (!linked_head(u)) {
        c->teaser_run = c->after_linked_head && !u->keep && points_elsewhere(u->why);
        c->after_linked_head = 0;
    } else {
        c->after_linked_head = 1;
    }
    if (u->keep && u->v.cls == CLASS_GOOD)
        c->kept_words += u->f.words;
    ub_status st = c->out(c->out_ctx, u);
    /* a decided slot gives back what its block grew: otherwise each of the
     * look-ahead's many slots keeps a block's worth of memory until the
     * ring comes round to it again */
    unit_release(c, u);
    c->head = c->head + 1 == c->size ? 0 : c->head + 1;
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
