/* comment_cut.c - the cut before a page's comment section (comment_cut.h). */
#include "comment_cut.h"
#include "byline.h"
#include "tuning.h"

void comment_cut_init(comment_cut *k, ring *r, int keep_comments)
{
    k->ring = r;
    k->keep_comments = keep_comments;
    comment_cut_reset(k);
}

void comment_cut_reset(comment_cut *k)
{
    k->in_comments = 0;
    k->cut_unsure = 0;
    k->cut_dated = 0;
    k->thread_at = 0;
}

static int author_line(const unit *u)
{
    return u->f.chars < CUT_BYLINE_CHARS && byline_author(u->text.data, u->text.len);
}

static int thread_byline(const unit *u)
{
    return u->f.chars < CUT_BYLINE_CHARS && byline_commenter(u->text.data, u->text.len);
}

static int dated_line(const unit *u)
{
    return u->f.chars < DATED_CHARS && u->f.numbers && byline_dated(u->text.data, u->text.len);
}

/* Keep u's label to give back if the cut is refuted. */
static void cut_hold(const comment_cut *c, unit *u)
{
    if (c->cut_dated) {
        u->uncut = u->v;
        u->cut = 1;
    }
}

/* The second commenter's byline in the window opens the thread at the
 * first one; the blocks from there on are still pending.  dated: it is a
 * dated line only, which a list of dated headlines over their articles
 * also gives, so the cut is weighed as an unsure opener is. */
static int thread_cut(comment_cut *c, unsigned long index, int dated)
{
    unsigned count = c->ring->count;
    unsigned long now = index + count + 1;
    /* a byline over two lines ("Ann Lee" above "July 7, 2012") is one */
    if (c->thread_at && now - c->thread_at > 1 && now - c->thread_at <= count) {
        c->cut_dated = dated;
        for (unsigned i = count - (unsigned)(now - c->thread_at); i < count; i++) {
            unit *p = ring_at(c->ring, i);
            if (p->flags & BLOCK_TITLE)
                continue;
            cut_hold(c, p);
            p->v.cls = CLASS_BAD;
            p->v.why = REASON_THREAD;
            p->v.rule = 1;
            model_nb_from(&p->nb, &p->f, p->hints, 1);
        }
        c->in_comments = 1;
        c->cut_unsure = dated;
        c->cut_seen = c->cut_long = 0;
    }
    c->thread_at = now;
    return c->in_comments;
}

static void weigh_cut(comment_cut *c, unit *u, int *article_began)
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
    if (c->cut_dated && dated_line(u))
        c->cut_long = 0;   /* a comment's date: the paragraphs before were one comment */
    else
        c->cut_long += u->uncut.cls >= CLASS_NEAR_GOOD && !u->uncut.rule &&
                       u->f.chars >= CUT_LONG_CHARS;
    if (c->cut_long >= (c->cut_dated ? CUT_DATED_LONG : CUT_LONG) || author_line(u)) {
        for (unsigned i = 0; i <= c->ring->count; i++) {
            unit *p = ring_at(c->ring, i);
            if (!p->cut)
                continue;
            p->v = p->uncut;
            p->cut = 0;
            model_nb_from(&p->nb, &p->f, p->hints, p->v.rule && p->v.cls == CLASS_BAD);
            if (p->v.cls == CLASS_GOOD && !p->v.rule && !(p->hints & HINT_NEGATIVE))
                *article_began = 1;
        }
        c->in_comments = 0;
        c->cut_unsure = 0;
        c->cut_dated = 0;
        c->thread_at = 0;
    } else if (++c->cut_seen >= CUT_LOOK) {
        c->cut_unsure = 0;
    }
}

int comment_cut_push(comment_cut *c, unit *u, unsigned long index,
                     unsigned long prose_words, int *article_began)
{
    unsigned count = c->ring->count;
    if (c->in_comments && !(u->flags & BLOCK_TITLE)) {
        if (c->cut_unsure) {
            u->uncut = u->v;
            u->cut = 1;
        }
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_COMMENTS;
        u->v.rule = 1;
        if (c->cut_unsure)
            weigh_cut(c, u, article_began);
        return 1;
    }
    if (u->v.opens_comments && !c->keep_comments &&
        /* "By Ann | May 2" then "10 Comments": the count in the
         * article's header, above the article */
        !(prose_words < CUT_SURE_WORDS && count && author_line(ring_at(c->ring, count - 1)))) {
        c->in_comments = 1;
        c->cut_unsure = prose_words < CUT_SURE_WORDS;
        c->cut_seen = c->cut_long = 0;
        return 1;
    }
    int commenter = thread_byline(u);
    if (!c->keep_comments && (commenter || (*article_began && dated_line(u))) &&
        thread_cut(c, index, !commenter)) {
        cut_hold(c, u);
        u->v.cls = CLASS_BAD;
        u->v.why = REASON_THREAD;
        u->v.rule = 1;
        return 1;
    }
    return 0;
}
