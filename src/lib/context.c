/* context.c - the first labels of a pushed block and the window around
 * them: a block is classified (classify.h), the document's rules that see
 * what came before it label it (the comment cut, repeated headlines, boxes
 * after the article), and it waits in the window (ring.h) until enough of
 * what follows is known for the final decision (decide.h).  What the
 * document has shown so far is in docmem.h, text mode's runs of lines in
 * text_runs.h. */
#include <string.h>
#include "context.h"
#include "comment_cut.h"
#include "decide.h"
#include "docmem.h"
#include "learn.h"
#include "ring.h"
#include "text_region.h"
#include "text_runs.h"
#include "tuning.h"
#include "utf8.h"
#include "page.h"

/* Blocks queued at most before they are pushed (context_queue), in slots
 * of their own past the pending units.  A 64 KiB piece of the bench's
 * generated page hands over 270 to 330 blocks; 128 ran as fast as 256
 * (within the noise, both about 3% under pushing each block as it came)
 * and adds about 0.1 to 0.3 MiB of peak RSS on that page where 256 added
 * 0.5. */
#define CONTEXT_QUEUE 128u

struct context {
    const mem *m;
    const stoplist *stops;
    const phrases *phrases;
    context_out_fn out;
    void *out_ctx;
    learn *learn;            /* --learn: lines seen across documents, or NULL */
    page *page;              /* the page model's aggregates */
    text_region region;      /* text with the look-ahead: the article region */
    /* per document */
    unsigned long prose_words; /* words of good blocks pushed */
    unsigned long plain_words; /* ... of those outside any furniture hint */
    size_t lookahead;        /* bytes of text held before the oldest is decided, 0: window alone */
    size_t held;             /* bytes of text the pending units hold */
    size_t queued_held;      /* ... and the queued ones (context_queue) */
    unsigned window;         /* the window, a floor under the look-ahead */
    unsigned units_max;      /* pending units at most (page_capacity): the
                              * ring has CONTEXT_QUEUE slots more, to queue */
    unsigned learn_min;      /* --learn: dropped when seen in this many earlier documents */
    int capped;              /* the document's text passed the look-ahead */
    int article_began;
    int prose_began;         /* a near-good block came: a comment opener may follow */
    ring ring;               /* the pending units */
    text_runs runs;          /* text mode: their runs of lines */
    comment_cut cut;
    decider dec;
    docmem doc;
};

context *context_new(const mem *m, const stoplist *stops, const phrases *ph,
                     unsigned window, size_t lookahead, int keep_comments,
                     context_out_fn out, void *out_ctx)
{
    context *c = mem_calloc(m, 1, sizeof *c);
    if (!c)
        return NULL;
    unsigned size = page_capacity(window, lookahead);
    int ring_err = ring_init(&c->ring, m, size + CONTEXT_QUEUE, page_slot_keep(window, lookahead));
    int runs_err = text_runs_init(&c->runs, m, size);
    c->page = page_new(m);
    if (ring_err || runs_err || !c->page) {
        ring_free(&c->ring);
        text_runs_free(&c->runs, m);
        page_free(c->page, m);
        mem_free(m, c);
        return NULL;
    }
    c->m = m;
    c->stops = stops;
    c->phrases = ph;
    c->window = window;
    c->units_max = size;
    c->lookahead = lookahead;
    c->out = out;
    c->out_ctx = out_ctx;
    docmem_init(&c->doc, stops);
    comment_cut_init(&c->cut, &c->ring, keep_comments);
    page_keep_threads(c->page, keep_comments);
    decide_init(&c->dec, &c->ring, &c->doc, c->page, &c->region, &c->runs, lookahead);
    context_reset(c);
    return c;
}

void context_free(context *c)
{
    if (!c)
        return;
    ring_free(&c->ring);
    text_runs_free(&c->runs, c->m);
    page_free(c->page, c->m);
    mem_free(c->m, c);
}

void context_set_mode(context *c, model_mode mode)
{
    c->dec.mode = mode;
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
    /* blocks still queued belong to a document that failed */
    c->ring.queued = 0;
    c->queued_held = 0;
    c->capped = 0;
    c->article_began = 0;
    c->prose_began = 0;
    c->prose_words = 0;
    c->plain_words = 0;
    text_runs_reset(&c->runs);
    comment_cut_reset(&c->cut);
    decide_reset(&c->dec);
    docmem_reset(&c->doc);
    page_reset(c->page);
    text_region_reset(&c->region);
    if (c->learn)
        learn_next_document(c->learn);
}

static unit *at(const context *c, unsigned i)
{
    return ring_at(&c->ring, i);
}

unit *context_slot(context *c)
{
    return ring_slot(&c->ring);
}

void context_set_page_lang(context *c, const char *code)
{
    docmem_set_page_lang(&c->doc, code);
}

static ub_status decide_oldest(context *c);

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
    return u->f.stop_density > 0 || u->f.caps < u->f.words || !has_lower(u);
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
static void mark_headline(context *c, uint64_t h)
{
    for (unsigned i = 0; i < c->ring.count; i++) {
        unit *p = at(c, i);
        if (p->f.norm_hash == h && p->v.heading_like && p->f.words >= HEADLINE_WORDS &&
            !p->v.rule) {
            p->v.cls = CLASS_GOOD;
            p->v.why = REASON_HEADLINE;
            p->v.rule = 1;
            p->nb.rule_bad = 0;
            p->headline_top = c->dec.index == 0 && i + 1 == c->ring.count && sentence_like(p);
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
    return c->dec.mode == MODEL_HTML && c->plain_words >= BIO_AFTER &&
           (((u->hints & HINT_BYLINE) && u->f.words >= BIO_WORDS) ||
            (u->hints & (HINT_SHARE | HINT_NEWSLETTER)));
}

/* The page's h1 that repeats a run of the title's segments is the headline
 * as the page shows it, in its own case: it is written and the title is
 * not ("Code sample: how to loop in Python" above "How to loop in Python"). */
static int h1_repeats_title(const context *c, const unit *u)
{
    if (c->dec.mode != MODEL_HTML || !c->doc.title_pending || u->heading != 1 ||
        (u->hints & HINT_NEGATIVE) || (u->flags & BLOCK_CONTINUED))
        return 0;
    /* not a link home with the site's name, nor a shorter part */
    if (features_link_density(&u->f) >= 0.5)
        return 0;
    return docmem_repeats_title(&c->doc, u->f.norm_hash);
}

ub_status context_push(context *c, size_t link_len)
{
    unit *u = at(c, c->ring.count);
    if (u->flags & BLOCK_TITLE)
        docmem_title(&c->doc, u);
    block b = {
        .text = u->text.data, .len = u->text.len, .link_len = link_len,
        .heading = u->heading, .flags = u->flags, .hints = u->hints,
    };
    features_compute(&u->f, c->stops, b.text, b.len);
    if (c->dec.mode == MODEL_TEXT) {
        features_mark_joined(&u->f);
        features_mark_pauses(&u->f, b.text, b.len);
    }
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

    if (comment_cut_push(&c->cut, u, c->dec.index, c->prose_words, &c->article_began)) {
        /* the comment section took it */
    } else if (h1_repeats_title(c, u)) {
        c->doc.title_yield = 1;
        u->v.cls = CLASS_GOOD;
        u->v.why = REASON_H1_HEADLINE;
        u->v.rule = 1;
    } else if (u->f.words > 0 && u->f.words <= REPEAT_WORDS &&
               !(u->flags & (BLOCK_CONTINUED | BLOCK_TITLE)) && docmem_seen(&c->doc, u->f.norm_hash)) {
        /* a headline again, maybe with other case, spacing or punctuation */
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_REPEAT;
        u->v.rule = 1;
        if (!c->article_began)
            mark_headline(c, u->f.norm_hash);
    } else if ((u->v.heading_like || (u->flags & BLOCK_TITLE)) && u->f.words > 0 &&
               !(u->flags & BLOCK_CONTINUED)) {
        docmem_headline(&c->doc, u);
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
    model_nb_from(&u->nb, &u->f, u->hints, u->v.rule && u->v.cls == CLASS_BAD);
    docmem_box_add(&c->doc, u);
    if (c->dec.mode == MODEL_TEXT)
        text_runs_add(&c->runs, u);
    docmem_lang_vote(&c->doc, u);

    page_add(c->page, u, c->dec.index + c->ring.count);
    if (c->dec.mode == MODEL_TEXT && c->lookahead)
        text_region_add(&c->region, &(text_region_line){
            .chars = u->f.chars, .prose = u->nb.prose, .end_punct = u->f.end_punct,
            .sentence = u->f.end_punct && u->nb.stop_density >= STOP_LOW,  /* tuning_prose but the length */
            .sentences = (int)u->f.sentences,
            .bad = u->v.rule && u->v.cls == CLASS_BAD });
    c->held += u->text.len + u->gap.len;
    ring_push(&c->ring);
    /* once the held text passes the look-ahead's cap, what is held is
     * decided and the rest of the document goes on in the window, with the
     * page's aggregates (a text dump's region) still growing */
    if (c->held > c->lookahead)
        c->capped = 1;
    size_t cap = !c->capped ? c->lookahead : 0;
    while (c->ring.count == c->units_max || (c->held > cap && c->ring.count > c->window)) {
        ub_status st = decide_oldest(c);
        if (st != UB_OK)
            return st;
    }
    return UB_OK;
}

static ub_status decide_oldest(context *c)
{
    unit *u = at(c, 0);
    c->held -= u->text.len + u->gap.len;
    if (c->dec.mode == MODEL_HTML && c->lookahead)
        page_settle(c->page);
    decide_unit(&c->dec, u);
    ub_status st = c->out(c->out_ctx, u);
    ring_pop(&c->ring);
    return st;
}

int context_queue(context *c, size_t link_len)
{
    unit *u = at(c, c->ring.count + c->ring.queued);
    u->queued_links = link_len;
    ring_queue(&c->ring);
    c->queued_held += u->text.len + u->gap.len;
    /* context_push's test after the last of them: until a block is
     * decided, count and held only grow and the cap only falls, so if
     * the last push decides nothing, neither does any before it */
    unsigned count = c->ring.count + c->ring.queued;
    size_t held = c->held + c->queued_held;
    size_t cap = c->capped || held > c->lookahead ? 0 : c->lookahead;
    return count >= c->units_max || (held > cap && count > c->window);
}

int context_queue_full(const context *c)
{
    return c->ring.count + c->ring.queued >= c->ring.size;
}

ub_status context_drain(context *c)
{
    while (c->ring.queued > 0) {
        unit *u = at(c, c->ring.count);
        c->queued_held -= u->text.len + u->gap.len;
        ub_status st = context_push(c, u->queued_links);
        if (st != UB_OK) {
            c->ring.queued = 0;
            c->queued_held = 0;
            return st;
        }
    }
    return UB_OK;
}

ub_status context_flush(context *c)
{
    ub_status st = context_drain(c);
    while (st == UB_OK && c->ring.count > 0)
        st = decide_oldest(c);
    return st;
}
