/* page.c - per-container aggregates of a document and the features drawn
 * from them (page.h). */
#include <math.h>
#include <string.h>
#include "page.h"
#include "context.h"
#include "page_table.h"
#include "byline.h"

/* Containers remembered per document.  Pages have a few hundred; past 3/4
 * of the table new containers go uncounted (their blocks get the features
 * of an unknown container) rather than evicting what was learnt. */
#define PAGE_SLOTS 2048u
#define PAGE_UNITS_MAX 2048u   /* blocks the look-ahead holds at most: every dev page's */
#define PAGE_UNIT_BYTES 64u    /* held text per block the cap allows for */
#define PAGE_SLOT_KEEP 1024u   /* memory a look-ahead's slot keeps at least */

/* A block's prose score, Readability's measure of a paragraph: one, one
 * per comma, one per 100 characters up to three; only for blocks long
 * enough to be a sentence, mostly not links, and ending a sentence or
 * full of stopwords (a menu's long item is neither). */
#define PROSE_MIN_CHARS 25
#define PROSE_MIN_STOPS 0.3
#define PROSE_MAX_LINKS 0.5
#define PROSE_LEN_STEP 100.0
#define PROSE_LEN_MAX 3.0
/* The parent gets half a block's score, the grandparent a third. */
#define PARENT_SHARE 0.5
#define GRAND_SHARE (1.0 / 3.0)

/* A linked headline: mostly link, a few words, no sentence after it.  A
 * summary: a short stretch of words mostly not link. */
#define HEAD_LINKS 0.8
#define HEAD_MIN_WORDS 3
#define HEAD_MAX_CHARS 160
#define SUMMARY_MAX_LINKS 0.2
#define SUMMARY_MIN_WORDS 6
#define SUMMARY_MAX_CHARS 400
#define HEADS_SCALE 3.0        /* log1p(count) / this */

/* A teaser run: items of the same shape one after another, each a linked
 * headline (all in one kind of container) followed by at most a few short
 * blocks (a summary, a date, a byline), most items with a summary.  Its
 * blocks are a list of other stories, however prose-like the summaries. */
#define RUN_ITEM_BLOCKS 3      /* short blocks an item may have after its headline */
#define RUN_MIN_ITEMS 3
#define RUN_ITEM_MAX_LINKS 0.5 /* an item's other blocks are mostly not links */
#define RUN_SLOTS 64u          /* runs remembered per document; later ones uncounted */
#define RUN_PENDING 16u        /* credits an open run's items may take back */

/* A teaser item in one block: the item's element holds its linked
 * headline (a few words, first) and its date and summary after it, as
 * plain text, so no block is a headline of its own and the run above
 * misses it (l3s-57064ff2's rail).  Such blocks, RUN_MIN_ITEMS or more
 * one after another in one kind of container, are a list of other
 * stories: a paragraph opening with a link is not rare, three in a row
 * of the same container are. */
#define ITEM_LEAD_WORDS HEAD_MIN_WORDS /* words of the leading link at least */
#define ITEM_MIN_WORDS SUMMARY_MIN_WORDS

/* A thread: blocks stamped with a time or date (a commenter's "Posted by
 * Ann on May 2, 2012 6:29 PM", short or ending a comment's text) that
 * come again and again a few blocks apart, with words between.  An
 * article carries one stamp, near its headline; its comments one each. */
#define STAMP_CHARS 100        /* a block this short may be a stamp as a whole */
#define STAMP_TAIL 80          /* ... a longer one ends with its clock */
#define STAMP_GAP 8            /* blocks between two stamps of one thread at most */
#define STAMP_BODY_WORDS 5     /* a block between stamps with this many words is a comment's */
#define STAMP_LONG_WORDS 15    /* a stamped block this long holds its comment's text */
#define STAMP_MIN_ITEMS 3      /* stamps, each after words, that make a thread */

/* The headline anchors the article: the page's first h1 (a few words,
 * mostly not links, no furniture hint) is its headline, and the article's
 * container begins right under it.  A container that begins far after it
 * (a slideshow's long captions after a short article, dragnet-T61) and
 * outscores one that begins right under it is not the article: the one
 * under the headline is chosen when it has ANCHOR_RATIO of the best score.
 * Both figures set once, not tuned.  A best container wholly before the h1
 * does not yield: a comment form's h1 after the article ("Email This Post
 * to a Friend") would take it (dragnet-T127).  On the dev set 6 pages
 * change, 2 up by 0.49 and 0.75, 4 down by 0.01 to 0.06 (README, "Whole-
 * page decisions"). */
#define ANCHOR_NEAR 12         /* blocks after the headline its container may begin */
#define ANCHOR_RATIO 0.5       /* of the best score, the one under the headline has */
#define ANCHOR_MAX_LINKS 0.5   /* an h1 more linked is the site's name, a menu */

typedef struct page_run {
    uint32_t first, last;      /* block numbers of its first and last block */
    int said;                  /* a thread: a comment opener announced it */
    double score;              /* one-block teaser items: the prose score they took back */
    uint32_t items;            /* ... and how many they are */
} page_run;

/* The prose score an open run's block gave its containers, to be taken
 * back once the run makes the cut. */
typedef struct page_credit {
    uint32_t key[3];           /* block.box and block.outer */
    double score;
} page_credit;

/* A run of one-block teaser items closed but not yet judged, with what
 * its items gave back. */
#define ITEM_HELD 8u
typedef struct page_held {
    page_run run;
    unsigned n;
    page_credit credits[RUN_PENDING];
} page_held;

typedef struct page_box {
    uint32_t chars, links;     /* of its own blocks */
    uint32_t heads, summaries; /* linked headlines and summaries, own blocks */
    uint32_t heads_below;      /* linked headlines of its own and its children's blocks */
    uint32_t first, last;      /* block numbers of the first and last block in or under it */
    double score;              /* prose score, propagated from below */
    double cut_score;          /* prose score of its own blocks an unsure comment cut took */
} page_box;

struct page {
    unsigned used;
    uint32_t best;             /* the container with the highest score */
    double best_score;
    uint32_t anchor;           /* 1 + the block number of the headline, 0: none yet */
    uint32_t near;             /* the best container beginning right under it */
    double near_score;
    double total;              /* prose score of all blocks */
    uint32_t cut_best;         /* the container an unsure comment cut took most prose of */
    double cut_best_score;
    /* the teaser run being read: its headlines' container, its items,
     * how many have a summary, and the blocks since its last headline */
    page_run open;
    uint32_t open_box, items, summed, since;
    uint32_t open_outer;       /* the container above its headlines' */
    uint32_t part_box;         /* where its first item's next block sat */
    int summary_seen;          /* the current item has its summary */
    unsigned nruns, npending;
    page_run runs[RUN_SLOTS];
    /* the thread being read: its span, its items, blocks since its last
     * stamp, words seen since, the gap after its first stamp and the
     * widest after that */
    page_run thread;
    uint32_t t_items, t_since, t_first_gap, t_max_gap, t_second;
    int t_words;
    uint32_t opener;           /* 1 + the block number of the last comment opener */
    int keep_threads;          /* --keep-comments: a thread is no reason to drop */
    unsigned nthreads;
    page_run threads[RUN_SLOTS];
    page_credit pending[RUN_PENDING];
    /* the run of one-block teaser items being read: their container,
     * their count, its span, the credits its items may take back */
    uint32_t item_box, item_n;
    page_run item;
    unsigned nitem_pending, item_credited; /* ... the first item_credited credited */
    page_credit item_pending[RUN_PENDING];
    unsigned nheld;
    int settled;               /* page_settle ran: runs are judged as they close */
    page_held held[ITEM_HELD];
    page_tables tables;
    /* box[i]'s key, block.box of its blocks (0: an empty slot), kept
     * apart from the box: a probe reads 4 bytes a slot where it read a
     * box of 40, so a long run of taken slots (a stream's page that fills
     * the table) costs a cache line where it cost six (issue 20) */
    uint32_t box_key[PAGE_SLOTS];
    page_box box[PAGE_SLOTS];
    uint16_t taken[PAGE_SLOTS / 4 * 3]; /* the slots used, in the order taken */
};
_Static_assert(PAGE_SLOTS <= 65536, "page.taken holds slot numbers in 16 bits");

unsigned page_capacity(unsigned window, size_t lookahead)
{
    size_t n = lookahead / PAGE_UNIT_BYTES;
    if (n > PAGE_UNITS_MAX)
        n = PAGE_UNITS_MAX;
    return n > window ? (unsigned)n : window;
}

size_t page_slot_keep(unsigned window, size_t lookahead)
{
    /* the window keeps generous slots; a look-ahead's many slots keep
     * their share of the cap, or one huge page would pin memory in each */
    enum { WINDOW_KEEP = 16u * 1024u };
    unsigned n = page_capacity(window, lookahead);
    if (n == window)
        return WINDOW_KEEP;
    size_t keep = lookahead / n;
    return keep < PAGE_SLOT_KEEP ? PAGE_SLOT_KEEP : keep < WINDOW_KEEP ? keep : WINDOW_KEEP;
}

page *page_new(const mem *m)
{
    return mem_calloc(m, 1, sizeof(page));
}

void page_keep_threads(page *p, int keep)
{
    p->keep_threads = keep;
}

void page_free(page *p, const mem *m)
{
    mem_free(m, p);
}

void page_reset(page *p)
{
    /* a short page (most of a -z stream) clears its own few slots, not
     * the whole table */
    if (p->used >= PAGE_SLOTS / 16) {
        memset(p->box, 0, sizeof p->box);
        memset(p->box_key, 0, sizeof p->box_key);
    } else {
        for (unsigned k = 0; k < p->used; k++) {
            memset(&p->box[p->taken[k]], 0, sizeof *p->box);
            p->box_key[p->taken[k]] = 0;
        }
    }
    p->used = 0;
    p->best = 0;
    p->best_score = 0;
    p->anchor = p->near = 0;
    p->near_score = 0;
    p->total = 0;
    p->cut_best = 0;
    p->cut_best_score = 0;
    p->open_box = p->part_box = 0;
    p->items = p->summed = p->since = 0;
    p->summary_seen = 0;
    p->nruns = p->npending = 0;
    p->item_box = p->item_n = 0;
    p->nitem_pending = p->item_credited = 0;
    p->nheld = 0;
    p->settled = 0;
    page_tables_reset(&p->tables);
    p->t_items = 0;
    p->nthreads = 0;
    p->opener = 0;
}

static page_box *find(const page *p, uint32_t key)
{
    if (key == 0)
        return NULL;
    size_t i = key % PAGE_SLOTS;
    while (p->box_key[i] != 0) {
        if (p->box_key[i] == key)
            return (page_box *)&p->box[i];
        i = (i + 1) % PAGE_SLOTS;
    }
    return NULL;
}

static page_box *add(page *p, uint32_t key, uint32_t at)
{
    if (key == 0)
        return NULL;
    size_t i = key % PAGE_SLOTS;
    while (p->box_key[i] != 0 && p->box_key[i] != key)
        i = (i + 1) % PAGE_SLOTS;
    page_box *b = &p->box[i];
    if (p->box_key[i] == 0) {
        if (p->used >= PAGE_SLOTS / 4 * 3)
            return NULL;
        p->taken[p->used++] = (uint16_t)i;
        p->box_key[i] = key;
        b->first = at;
    }
    b->last = at;
    return b;
}

/* The container begins right under the headline. */
static int anchored(const page *p, const page_box *b)
{
    return p->anchor != 0 && b->first >= p->anchor &&
           (uint64_t)b->first < (uint64_t)p->anchor + ANCHOR_NEAR;
}

static void credit(page *p, page_box *b, double score)
{
    if (!b)
        return;
    b->score += score;
    if (b->score > p->best_score) {
        p->best_score = b->score;
        p->best = p->box_key[b - p->box];
    }
    if (anchored(p, b) && b->score > p->near_score) {
        p->near_score = b->score;
        p->near = p->box_key[b - p->box];
    }
}

/* The article's container: the best, unless it begins far after the
 * headline and one right under the headline has ANCHOR_RATIO of its score. */
static uint32_t chosen(const page *p, double *score)
{
    *score = p->best_score;
    const page_box *best = find(p, p->best);
    if (!best || p->near == 0 || p->near == p->best || p->near_score < ANCHOR_RATIO * p->best_score)
        return p->best;
    if ((uint64_t)best->first < (uint64_t)p->anchor + ANCHOR_NEAR)
        return p->best;      /* it begins near the headline, or before it */
    *score = p->near_score;
    return p->near;
}

static const uint32_t *keys_of(const unit *u, uint32_t keys[3])
{
    keys[0] = u->box;
    keys[1] = u->outer[0];
    keys[2] = u->outer[1];
    return keys;
}

/* The run made the cut: its items' prose was never the article's.  What
 * they gave is taken back and the article's container chosen again (a
 * pass over the table, once per run). */
static void run_apply(page *p, const page_credit *pending, unsigned n, double sign)
{
    static const double share[3] = {1.0, PARENT_SHARE, GRAND_SHARE};
    for (unsigned i = 0; i < n; i++)
        for (int k = 0; k < 3; k++) {
            page_box *b = find(p, pending[i].key[k]);
            if (b)
                b->score += sign * pending[i].score * share[k];
        }
    p->best = p->near = 0;
    p->best_score = p->near_score = 0;
    for (size_t i = 0; i < PAGE_SLOTS; i++) {
        if (p->box_key[i] != 0 && p->box[i].score > p->best_score) {
            p->best_score = p->box[i].score;
            p->best = p->box_key[i];
        }
        if (p->box_key[i] != 0 && anchored(p, &p->box[i]) && p->box[i].score > p->near_score) {
            p->near_score = p->box[i].score;
            p->near = p->box_key[i];
        }
    }
}

static void run_withdraw(page *p, const page_credit *pending, unsigned *npending)
{
    run_apply(p, pending, *npending, -1.0);
    *npending = 0;
}

/* The open run makes the cut: enough items, most with a summary. */
static int run_counts(const page *p)
{
    return p->open_box != 0 && p->items >= RUN_MIN_ITEMS && 3 * p->summed >= 2 * p->items;
}

static void run_close(page *p)
{
    if (run_counts(p) && p->npending)
        run_withdraw(p, p->pending, &p->npending);
    if (run_counts(p) && p->nruns < RUN_SLOTS)
        p->runs[p->nruns++] = p->open;
    p->open_box = 0;
    p->npending = 0;
}

/* Follows the teaser run through the document's blocks in order; 1 when
 * the block is an item's block other than its headline. */
static int run_step(page *p, const unit *u, uint32_t at, int head, int summary)
{
    const features *f = &u->f;
    if (f->words == 0)
        return 0;              /* an image, a rule: no part of the shape */
    if (head) {
        if (p->open_box == u->box) {
            p->items++;
        } else {
            run_close(p);
            p->open_box = u->box;
            p->open_outer = u->outer[0];
            p->open.first = at;
            p->items = 1;
            p->summed = 0;
            p->part_box = 0;
        }
        p->open.last = at;
        p->since = 0;
        p->summary_seen = 0;
        return 0;
    }
    if (p->open_box == 0)
        return 0;
    /* an item's other blocks sit beside its headline, in the container
     * above it (a date after the summary in the item's own element), or
     * where the first item's did */
    if (p->since < RUN_ITEM_BLOCKS && !u->heading && f->chars <= SUMMARY_MAX_CHARS &&
        features_link_density(f) < RUN_ITEM_MAX_LINKS &&
        (u->box == p->open_box || u->box == p->open_outer || u->box == p->part_box ||
         p->part_box == 0)) {
        if (p->part_box == 0)
            p->part_box = u->box;
        p->since++;
        p->open.last = at;
        if (summary && !p->summary_seen) {
            p->summary_seen = 1;
            p->summed++;
        }
        return 1;
    }
    run_close(p);
    return 0;
}

/* Words in text[0..n): runs of bytes parted by spaces. */
static uint32_t spaced_words(const char *t, size_t n)
{
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
            w++;
    return w;
}

int page_item_shape(const unit *u)
{
    const features *f = &u->f;
    if (u->lead_link == 0 || u->lead_link >= u->text.len || u->heading ||
        f->words < ITEM_MIN_WORDS || f->chars > SUMMARY_MAX_CHARS ||
        features_link_density(f) >= HEAD_LINKS)
        return 0;
    return spaced_words(u->text.data, u->lead_link) >= ITEM_LEAD_WORDS;
}

static int rail(const page *p, const page_run *r);

/* The run ends.  Items that are not a rail beside an article are the
 * page's content (a list of talks with their summaries): what they gave
 * is given back. */
static void item_judge(page *p, const page_run *r, const page_credit *credits, unsigned n)
{
    if (!rail(p, r))
        run_apply(p, credits, n, 1.0);
    else if (p->nruns < RUN_SLOTS)
        p->runs[p->nruns++] = *r;
}

/* Judges the runs held: with the look-ahead, once the page is read. */
void page_settle(page *p)
{
    for (unsigned i = 0; i < p->nheld; i++)
        item_judge(p, &p->held[i].run, p->held[i].credits, p->held[i].n);
    p->nheld = 0;
    p->settled = 1;
}

/* The run ends: it is held to be judged when the page is read (the
 * article may come after it), or judged now when the held runs are
 * too many. */
static void item_close(page *p)
{
    if (p->item_n >= RUN_MIN_ITEMS && (p->settled || p->nheld == ITEM_HELD)) {
        item_judge(p, &p->item, p->item_pending, p->nitem_pending);
    } else if (p->item_n >= RUN_MIN_ITEMS) {
        page_held *h = &p->held[p->nheld++];
        h->run = p->item;
        h->n = p->nitem_pending;
        memcpy(h->credits, p->item_pending, p->nitem_pending * sizeof *h->credits);
    }
    p->item_box = p->item_n = 0;
    p->nitem_pending = p->item_credited = 0;
}

/* Follows the run of one-block teaser items; 1 when the block is one. */
static int item_step(page *p, const unit *u, uint32_t at)
{
    if (u->f.words == 0)
        return 0;              /* an image, a rule */
    if (!page_item_shape(u)) {
        if (p->item_box != 0)
            item_close(p);
        return 0;
    }
    if (p->item_box != u->box) {
        item_close(p);
        p->item_box = u->box;
        p->item.first = at;
        p->item.score = 0;
    }
    p->item_n++;
    p->item.items = p->item_n;
    p->item.last = at;
    return 1;
}

/* Block u of the run of teaser items gives `score`: it is held with the
 * run's credits, and what its container is credited now returned (none
 * once the run has RUN_MIN_ITEMS items, until the run is judged). */
static double item_credit(page *p, const unit *u, double score)
{
    p->item.score += score;
    page_credit c;
    keys_of(u, c.key);
    c.score = score;
    if (p->nitem_pending < RUN_PENDING) {
        p->item_pending[p->nitem_pending++] = c;
        if (p->item_n < RUN_MIN_ITEMS)
            p->item_credited = p->nitem_pending;
    } else if (!memcmp(c.key, p->item_pending[RUN_PENDING - 1].key, sizeof c.key)) {
        /* the credits are full: the run's items share one container, so
         * the last credit takes this one's score, to be given back with
         * the others if the run is the page's content */
        p->item_pending[RUN_PENDING - 1].score += score;
    }
    return p->item_n >= RUN_MIN_ITEMS ? 0 : score;
}

/* A stamp: a short block with a time or a dated byline, or a longer one
 * (a comment's text with its byline run in) whose end holds a time. */
static int stamped(const unit *u)
{
    const char *t = u->text.data;
    size_t n = u->text.len;
    if (u->f.chars < STAMP_CHARS)
        return byline_has_clock(t, n) || byline_dated(t, n);
    return n > STAMP_TAIL && byline_has_clock(t + n - STAMP_TAIL, STAMP_TAIL);
}

/* The open thread's span, if it makes the cut.  A first stamp further
 * from the second than any other two are apart is the article's own
 * (its byline, its paragraphs after it), not a comment's. */
static int thread_span(const page *p, page_run *out)
{
    uint32_t items = p->t_items;
    *out = p->thread;
    if (!p->thread.said && items > 2 && p->t_first_gap > p->t_max_gap) {
        out->first = p->t_second;
        items--;
    }
    return items >= STAMP_MIN_ITEMS;
}

static void thread_close(page *p)
{
    page_run span;
    if (p->t_items && thread_span(p, &span) && p->nthreads < RUN_SLOTS)
        p->threads[p->nthreads++] = span;
    p->t_items = 0;
}

/* Follows the thread through the document's blocks in order. */
static void thread_step(page *p, const unit *u, uint32_t at)
{
    if (u->f.words == 0)
        return;                /* an image, a rule */
    /* the opener's phrase, whether or not the window took it to open
     * the comments (it does not before it saw the article begin) */
    if (u->v.why == REASON_COMMENT_OPENER && u->v.rule && !(u->flags & BLOCK_LIST_ITEM)) {
        thread_close(p);
        p->opener = at + 1;
        return;
    }
    if (!stamped(u)) {
        if (p->t_items == 0)
            return;
        if (++p->t_since > STAMP_GAP)
            thread_close(p);
        else if (u->f.words >= STAMP_BODY_WORDS)
            p->t_words = 1;
        return;
    }
    if (p->t_items == 0) {
        /* "Comments" a few blocks above: the thread begins under it */
        p->thread.said = p->opener && at - (p->opener - 1) <= STAMP_GAP;
        p->thread.first = p->thread.said ? p->opener : at;
        p->t_items = 1;
        p->t_first_gap = p->t_max_gap = 0;
    } else if (p->t_words || u->f.words >= STAMP_LONG_WORDS) {
        /* a stamp after no words is the second line of the last one's */
        if (p->t_items == 1) {
            p->t_first_gap = p->t_since;
            p->t_second = at;
        } else if (p->t_since > p->t_max_gap) {
            p->t_max_gap = p->t_since;
        }
        p->t_items++;
    }
    p->thread.last = at;
    p->t_since = 0;
    p->t_words = 0;
}

/* Block `index` lies in a thread, a closed one or the open one once it
 * makes the cut: 0 if not, 1 if it does, 2 if an opener announced it. */
static int in_thread(const page *p, unsigned long index)
{
    for (unsigned i = 0; i < p->nthreads; i++)
        if (index >= p->threads[i].first && index <= p->threads[i].last)
            return 1 + p->threads[i].said;
    page_run span;
    if (p->t_items && thread_span(p, &span) && index >= span.first && index <= span.last)
        return 1 + span.said;
    return 0;
}

static int head_shape(const features *f)
{
    return features_link_density(f) >= HEAD_LINKS && f->words >= HEAD_MIN_WORDS &&
           f->chars <= HEAD_MAX_CHARS;
}

int page_teaser_frame(const unit *u)
{
    return u->page[PAGE_TEASER_RUN] > 0 &&
           (head_shape(&u->f) || (u->f.words < SUMMARY_MIN_WORDS && !u->heading) ||
            (page_item_shape(u) && !u->page[PAGE_IN_BEST] && !u->page[PAGE_UNDER_BEST]));
}

void page_add(page *p, const unit *u, unsigned long index)
{
    uint32_t at = index > UINT32_MAX ? UINT32_MAX : (uint32_t)index;
    page_tables_add(&p->tables, u, at);
    if (u->box == 0)
        return;
    const features *f = &u->f;
    double ld = features_link_density(f);
    double score = 0, cut = 0;
    if (f->chars >= PROSE_MIN_CHARS && ld < PROSE_MAX_LINKS &&
        (f->end_punct || u->nb.stop_density >= PROSE_MIN_STOPS)) {
        double len = f->chars / PROSE_LEN_STEP;
        score = (1.0 + f->commas + (len < PROSE_LEN_MAX ? len : PROSE_LEN_MAX)) * (1.0 - ld);
        /* a comment section not yet sure of itself took it: counted apart
         * (page_uncut), as it reads, the page's aggregates left alone */
        if (u->cut && !(u->uncut.rule && u->uncut.cls == CLASS_BAD))
            cut = score;
        if (u->v.rule && u->v.cls == CLASS_BAD)
            score = 0;
    }
    int head = head_shape(f);
    int summary = ld < SUMMARY_MAX_LINKS && f->words >= SUMMARY_MIN_WORDS &&
                  f->chars <= SUMMARY_MAX_CHARS && !u->heading;
    p->total += score;
    if (p->anchor == 0 && u->heading == 1 && f->words >= HEAD_MIN_WORDS &&
        ld < ANCHOR_MAX_LINKS && !(u->hints & HINT_NEGATIVE) && at < UINT32_MAX)
        p->anchor = at + 1;
    thread_step(p, u, at);
    if (run_step(p, u, at, head, summary) &&
        score > 0) {
        if (run_counts(p))
            score = 0;         /* a teaser's summary: no credit */
        else if (p->npending < RUN_PENDING) {
            page_credit *c = &p->pending[p->npending++];
            keys_of(u, c->key);
            c->score = score;
        }
    }
    if (run_counts(p) && p->npending)
        run_withdraw(p, p->pending, &p->npending);
    if (item_step(p, u, at) && score > 0)
        score = item_credit(p, u, score);
    if (p->item_n >= RUN_MIN_ITEMS && p->item_credited) {
        run_apply(p, p->item_pending, p->item_credited, -1.0);
        p->item_credited = 0;
    }
    page_box *b = add(p, u->box, at);
    if (b) {
        b->chars = page_sat_add(b->chars, f->chars);
        b->links = page_sat_add(b->links, f->link_chars);
        b->heads += (uint32_t)head;
        b->summaries += (uint32_t)summary;
        b->heads_below += (uint32_t)head;
        credit(p, b, score);
        b->cut_score += cut;
        if (b->cut_score > p->cut_best_score) {
            p->cut_best_score = b->cut_score;
            p->cut_best = u->box;
        }
    }
    page_box *up = add(p, u->outer[0], at);
    if (up) {
        up->heads_below += (uint32_t)head;
        credit(p, up, score * PARENT_SHARE);
    }
    credit(p, add(p, u->outer[1], at), score * GRAND_SHARE);
}

/* A run of teaser items beside an article: what is left of the page's
 * prose once the items' is taken back holds a container of at least
 * ITEM_RAIL_SHARE of theirs.  A page whose items are its content (a
 * list of talks, of articles with their summaries) has none.  The
 * container must score ITEM_ARTICLE_MIN at least, so that a link index
 * with a stray paragraph is no article (not varied); the items must
 * average ITEM_PROSE each, as teasers with summaries do: without it,
 * low-prose link lists in cleaneval were taken for rails (cleaneval
 * 0.9111 to 0.9107, cleaneval-458 and -74). */
#define ITEM_RAIL_SHARE 0.5
#define ITEM_ARTICLE_MIN 10.0
#define ITEM_PROSE 1.5
static int rail(const page *p, const page_run *r)
{
    /* a run of headline and summary blocks keeps no score: it is a rail
     * as it stands; only one-block items are judged */
    return r->score <= 0 ||
           (p->best_score >= ITEM_RAIL_SHARE * r->score && p->best_score >= ITEM_ARTICLE_MIN &&
            r->score >= ITEM_PROSE * r->items);
}

/* Block `index` lies in a teaser run, a closed one or the open one once
 * it makes the cut. */
static int in_run(const page *p, unsigned long index)
{
    for (unsigned i = 0; i < p->nruns; i++)
        if (index >= p->runs[i].first && index <= p->runs[i].last)
            return rail(p, &p->runs[i]);
    if (p->item_n >= RUN_MIN_ITEMS && index >= p->item.first && index <= p->item.last)
        return rail(p, &p->item);
    return run_counts(p) && index >= p->open.first && index <= p->open.last;
}

static double heads(uint32_t n)
{
    return log1p((double)n) / HEADS_SCALE;
}

void page_view(const page *p, const unit *u, unsigned long index, double out[PAGE_FEATURES])
{
    memset(out, 0, PAGE_FEATURES * sizeof *out);
    double best_score;
    uint32_t key = chosen(p, &best_score);
    const page_box *best = find(p, key);
    if (u->box == 0 || !best || best_score <= 0)
        return;
    out[PAGE_TEASER_RUN] = in_run(p, index);
    int thread = p->keep_threads ? 0 : in_thread(p, index);
    out[PAGE_THREAD] = thread > 0;
    out[PAGE_THREAD_SAID] = thread > 1;
    const page_box *b = find(p, u->box), *up = find(p, u->outer[0]);
    int in = u->box == key;
    int under = u->outer[0] == key || u->outer[1] == key;
    out[PAGE_IN_BEST] = in;
    out[PAGE_UNDER_BEST] = under;
    out[PAGE_BEST_SHARE] = p->total > 0 ? (best->score < p->total ? best->score / p->total : 1) : 0;
    if (b) {
        double rel = b->score / best_score;
        out[PAGE_BOX_REL] = rel < 1 ? rel : 1;
        out[PAGE_BOX_LINKS] = b->chars ? (double)b->links / b->chars : 0;
        out[PAGE_BOX_HEADS] = heads(b->heads);
        /* teaser items: as many summaries as linked headlines, at least two */
        uint32_t lo = b->heads < b->summaries ? b->heads : b->summaries;
        uint32_t hi = b->heads < b->summaries ? b->summaries : b->heads;
        out[PAGE_TEASER] = lo >= 2 ? (double)lo / hi : 0;
    }
    if (up) {
        double rel = up->score / best_score;
        out[PAGE_PARENT_REL] = rel < 1 ? rel : 1;
        out[PAGE_PARENT_HEADS] = heads(up->heads_below);
    }
    if (!in && !under) {
        out[PAGE_BEFORE] = index < best->first;
        out[PAGE_AFTER] = index > best->last;
    }
}

int page_uncut(const page *p, const unit *u)
{
    /* the block's own tests first: few blocks are cut, and chosen()
     * looks the best container up in the page's table for every block */
    if (!(u->cut && u->v.rule && u->v.why == REASON_COMMENTS && u->box != 0 &&
          u->box == p->cut_best))
        return 0;
    double score;
    chosen(p, &score);
    return p->cut_best_score > score;
}

/* One of a block's containers (page_table.h keys) is `key`. */
static int holds(const uint32_t keys[3], uint32_t key)
{
    return key != 0 && (keys[0] == key || keys[1] == key || keys[2] == key);
}

/* The block on one side of a table sits in the article's container, the
 * one on the other side in the container right above that one: text after
 * the table a level up, where the table itself may sit. */
static int one_up(const uint32_t in[3], const uint32_t other[3], uint32_t best)
{
    return in[0] == best && other[0] != 0 && other[0] == in[1];
}

int page_data_table(const page *p, const unit *u, unsigned long index)
{
    double score;
    uint32_t key = chosen(p, &score);
    if (!(u->flags & BLOCK_ROW) || key == 0 || index > UINT32_MAX)
        return 0;
    const page_table *t = page_tables_at(&p->tables, (uint32_t)index);
    /* inside the article: the blocks on both sides of it are the
     * container's, or one is and the other is a level up.  A table's rows
     * sit deeper than the container's own blocks, so their own containers
     * do not name it. */
    if (!t || !page_table_is_data(t))
        return 0;
    return (holds(t->before, key) && holds(t->after, key)) ||
           one_up(t->before, t->after, key) || one_up(t->after, t->before, key);
}
