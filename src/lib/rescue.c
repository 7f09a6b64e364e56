/* rescue.c - the longest run of near misses on a page that kept no paragraph. */
#include <string.h>
#include "byline.h"
#include "rescue.h"
#include "span.h"
#include "tuning.h"

/* bounds on what is held: a run past them is cut where it reached them */
#define RESCUE_UNITS 64
#define RESCUE_BYTES (64u * 1024u)

typedef struct run {
    unit units[RESCUE_UNITS];
    unsigned long numbers[RESCUE_UNITS];
    size_t count, bytes;
    /* units ever held (a high-water mark): the rest were never written,
     * and freeing them would touch pages calloc left untouched, some 40
     * page faults a process at its exit */
    size_t used;
    unsigned long words;
    int full;                /* cut at a bound: later blocks end it */
} run;

struct rescue {
    const mem *m;
    run runs[2];
    run *best, *cur;
    /* While nothing at all is written and no block has RESCUE_MIN_WORDS:
     * the longest run of blocks no rule removed, of any score, so that a
     * page of short blocks alone ("Test", three one-word paragraphs)
     * still comes out as its text rather than empty. */
    run any[2];
    run *any_best, *any_cur;
    int settled;             /* an article's worth was kept: nothing to rescue */
    unsigned long kept_words;  /* written, but for the title and headings */
    int written;             /* something of the document was written */
    int body_written;        /* a block other than the title or a heading was */
    /* While nothing at all is written: the block the model liked best, of
     * any score, so that a page never comes out empty. */
    unit lone;
    unsigned long lone_number;
    int have_lone;
    /* While nothing but the title and headings is written: the first
     * byline's run (the headline just above it, the byline, the near
     * misses after it), and the last unit seen when it was a headline. */
    run anchor;
    int anchor_open, anchored;
    unit prev;
    unsigned long prev_number;
    int have_prev;
};

rescue *rescue_new(const mem *m)
{
    rescue *r = mem_calloc(m, 1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    rescue_begin(r);
    return r;
}

static void unit_bufs_free(unit *u, const mem *m)
{
    buf_free(&u->text, m);
    buf_free(&u->gap, m);
    buf_free(&u->raw, m);
    buf_free(&u->md, m);
}

void rescue_free(rescue *r)
{
    if (!r)
        return;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < r->runs[k].used; i++)
            unit_bufs_free(&r->runs[k].units[i], r->m);
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < r->any[k].used; i++)
            unit_bufs_free(&r->any[k].units[i], r->m);
    for (size_t i = 0; i < r->anchor.used; i++)
        unit_bufs_free(&r->anchor.units[i], r->m);
    unit_bufs_free(&r->prev, r->m);
    unit_bufs_free(&r->lone, r->m);
    mem_free(r->m, r);
}

static void run_clear(run *x)
{
    x->count = x->bytes = 0;
    x->words = 0;
    x->full = 0;
}

void rescue_begin(rescue *r)
{
    run_clear(&r->runs[0]);
    run_clear(&r->runs[1]);
    r->have_lone = 0;
    run_clear(&r->anchor);
    r->anchor_open = r->anchored = 0;
    r->have_prev = 0;
    r->best = &r->runs[0];
    r->cur = &r->runs[1];
    run_clear(&r->any[0]);
    run_clear(&r->any[1]);
    r->any_best = &r->any[0];
    r->any_cur = &r->any[1];
    r->settled = 0;
    r->kept_words = 0;
    r->written = 0;
    r->body_written = 0;
}

/* The current run is over: it becomes the best if it is longer. */
static void close_pair(run **best, run **cur)
{
    if ((*cur)->words > (*best)->words) {
        run *t = *best;
        *best = *cur;
        *cur = t;
    }
    run_clear(*cur);
}

static void close_run(rescue *r)
{
    close_pair(&r->best, &r->cur);
}

static void close_any(rescue *r)
{
    close_pair(&r->any_best, &r->any_cur);
}

/* A copy of u in c, whose buffers it reuses, marked as kept. */
static ub_status hold(unit *c, const mem *m, const unit *u)
{
    buf text = c->text, gap = c->gap, raw = c->raw, md = c->md;
    *c = *u;
    c->text = text;
    c->gap = gap;
    c->raw = raw;
    c->md = md;
    c->text.len = c->gap.len = c->raw.len = c->md.len = 0;
    ub_status st = buf_append(&c->text, m, u->text.data, u->text.len);
    if (st == UB_OK)
        st = buf_append(&c->gap, m, u->gap.data, u->gap.len);
    if (st == UB_OK)
        st = buf_append(&c->raw, m, u->raw.data, u->raw.len);
    if (st == UB_OK)
        st = buf_append(&c->md, m, u->md.data, u->md.len);
    c->keep = 1;
    c->why = REASON_RESCUED;
    return st;
}

static ub_status add(run *x, const mem *m, const unit *u, unsigned long number)
{
    size_t n = u->text.len + u->raw.len + u->gap.len;
    if (x->full || x->count == RESCUE_UNITS || x->bytes + n > RESCUE_BYTES) {
        x->full = 1;
        return UB_OK;
    }
    /* counted before hold(): a failed copy may have grown its buffers */
    if (x->count >= x->used)
        x->used = x->count + 1;
    ub_status st = hold(&x->units[x->count], m, u);
    if (st != UB_OK)
        return st;
    x->numbers[x->count++] = number;
    x->bytes += n;
    x->words += u->f.words;
    return UB_OK;
}

/* Binary data read as text (a compressed body, random bytes) can still
 * be a page's best block: a control character other than white space, or
 * symbols for half of what is not space, says it is no text to write. */
static int is_text(const unit *u)
{
    const unsigned char *s = (const unsigned char *)u->text.data;
    if (span_text(s, u->text.len) < u->text.len)
        return 0;
    return (unsigned long)u->f.symbols * 2 <= u->f.chars;
}

/* A block too short for the lone block's bound stands for the page only
 * when its words read as words: a capital after a small letter inside a
 * word ("kN&", "XSsFg6") is what random bytes read as text give, where
 * a word, a name or a heading has none ("Test", "Opening hours"). */
static int word_shaped(const unit *u)
{
    const char *s = u->text.data;
    for (size_t i = 1; i < u->text.len; i++)
        if ((unsigned)s[i] - 'A' < 26u && (unsigned)s[i - 1] - 'a' < 26u)
            return 0;
    return 1;
}

static int is_byline(const unit *u)
{
    return u->f.chars < RESCUE_BYLINE_CHARS && is_text(u) &&
           (byline_author(u->text.data, u->text.len) || byline_dated(u->text.data, u->text.len));
}

static int is_headline(const unit *u)
{
    return (u->heading || u->v.heading_like) && !u->open && !u->v.rule && is_text(u);
}

/* The first byline's run (tuning.h, RESCUE_BYLINE_CHARS), seen while
 * nothing but the title and headings is written. */
static ub_status see_anchor(rescue *r, const unit *u, unsigned long number)
{
    ub_status st = UB_OK;
    if (!r->anchored && is_byline(u)) {
        r->anchored = r->anchor_open = 1;
        if (r->have_prev)
            st = add(&r->anchor, r->m, &r->prev, r->prev_number);
        if (st == UB_OK)
            st = add(&r->anchor, r->m, u, number);
    } else if (r->anchor_open) {
        if (u->v.rule || u->open || !is_text(u) || u->score < RESCUE_MIN_SCORE)
            r->anchor_open = 0;
        else
            st = add(&r->anchor, r->m, u, number);
    }
    /* only a headline is worth a copy: it is all the byline wants above */
    r->have_prev = 0;
    if (st == UB_OK && !r->anchored && is_headline(u)) {
        st = hold(&r->prev, r->m, u);
        r->have_prev = st == UB_OK;
        r->prev_number = number;
    }
    return st;
}

ub_status rescue_see(rescue *r, const unit *u, unsigned long number, int written)
{
    if (r->settled)
        return UB_OK;
    if (!written && !r->body_written) {
        ub_status st = see_anchor(r, u, number);
        if (st != UB_OK)
            return st;
    }
    if (written) {
        r->written = 1;
        r->have_lone = 0;
        /* what came before a written block cannot be written in order,
         * a byline's run held before it either */
        run_clear(r->best);
        run_clear(r->cur);
        run_clear(&r->anchor);
        r->anchor_open = 0;
        run_clear(r->any_best);
        run_clear(r->any_cur);
        if (!u->heading && !(u->flags & BLOCK_TITLE)) {
            r->body_written = 1;
            r->kept_words += u->f.words;
            r->settled = r->kept_words >= RESCUE_ARTICLE_WORDS;
        }
        return UB_OK;
    }
    /* a line too long to hold cannot be written later */
    if (u->v.rule || u->open || !is_text(u)) {
        close_run(r);
        close_any(r);
        return UB_OK;
    }
    if (!r->written && u->f.words > 0) {
        if (!word_shaped(u)) {
            close_any(r);
        } else {
            ub_status st = add(r->any_cur, r->m, u, number);
            if (st != UB_OK)
                return st;
        }
    }
    if (!r->written && u->f.words >= RESCUE_MIN_WORDS &&
        (!r->have_lone || u->score > r->lone.score)) {
        ub_status st = hold(&r->lone, r->m, u);
        if (st != UB_OK)
            return st;
        r->have_lone = 1;
        r->lone_number = number;
    }
    if (u->score < RESCUE_MIN_SCORE) {
        close_run(r);
        return UB_OK;
    }
    return add(r->cur, r->m, u, number);
}

const unit *rescue_take(rescue *r, size_t *count, const unsigned long **numbers)
{
    close_run(r);
    close_any(r);
    *count = 0;
    if (r->settled)
        return NULL;
    if (!r->body_written && r->anchor.count > 0 && r->best->words < RESCUE_ARTICLE_WORDS) {
        *count = r->anchor.count;
        *numbers = r->anchor.numbers;
        return r->anchor.units;
    }
    if (r->best->words < RESCUE_MIN_WORDS) {
        if (r->written)
            return NULL;
        if (!r->have_lone) {
            if (r->any_best->count == 0)
                return NULL;
            *count = r->any_best->count;
            *numbers = r->any_best->numbers;
            return r->any_best->units;
        }
        *count = 1;
        *numbers = &r->lone_number;
        return &r->lone;
    }
    *count = r->best->count;
    *numbers = r->best->numbers;
    return r->best->units;
}
