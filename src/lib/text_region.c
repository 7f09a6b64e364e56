/* text_region.c - the article region of a text dump (text_region.h). */
#include <string.h>
#include "log_tables.h"
#include "text_region.h"

/* A prose line adds its length in hundreds of characters, up to three: a
 * long paragraph outweighs a few short lines around it, a menu of twenty
 * does not.  A long line of sentences that is not prose by its stopwords
 * (a language the stoplists know little of, a list of facts) adds half
 * as much.  Any other line that holds something costs one, but a
 * sentence too short to be prose (a line of dialogue, a one-line
 * paragraph: it ends a sentence and its stopwords read as prose) costs
 * nothing: a run of them inside an article cut the region short, and a
 * menu's items end no sentence.  Costing it nothing rather than one
 * moved text 0.8981 to 0.8990 and text80 0.8922 to 0.8931, weights not
 * refitted; adding a fraction of its length (0.3 of a unit) lifted
 * cleaneval and cost dragnet and l3s (README, "The article region"). */
#define PROSE_UNIT 100.0
#define PROSE_CAP 300u
#define SENTENCES_MIN 2
#define SENTENCES_CHARS 70u
#define SENTENCES_SHARE 0.5
#define LINE_COST 1.0
#define SHORT_SENTENCE 0.0

/* A region must hold a paragraph's worth of prose (two hundred characters
 * of it, in PROSE_UNITs): one line of a site's blurb among menus is no
 * article. */
#define REGION_MIN 2.0

/* A teaser's headline: a short line that ends no sentence.  Its summary:
 * a line of prose under it, shorter than an article's paragraph (a
 * shorter one is no prose, and costs a line as it is). */
#define HEAD_MIN_CHARS 10u
#define HEAD_MAX_CHARS 120u
#define SUMMARY_MAX_CHARS 300u

void text_region_reset(text_region *r)
{
    memset(r, 0, sizeof *r);
}

static void feed(text_region_sum *s, double score)
{
    unsigned long i = s->settled++;
    if (s->cur <= 0) {
        s->cur = 0;
        s->cur_start = i;
    }
    s->cur += score;
    if (score > 0)
        s->total += score;
    if (s->cur > s->best) {
        s->best = s->cur;
        s->best_start = s->cur_start;
        s->best_end = i;
    }
}

static void set_teaser(text_region *r, unsigned long index, int on)
{
    unsigned k = (unsigned)(index % TEXT_REGION_SPAN);
    if (on)
        r->teaser[k / 8] = (unsigned char)(r->teaser[k / 8] | 1u << (k % 8));
    else
        r->teaser[k / 8] = (unsigned char)(r->teaser[k / 8] & ~(1u << (k % 8)));
}

/* The line `back` lines before the newest is a teaser when it is a pair
 * of a rail: the pair two lines before it is a teaser (`prev`), or the
 * pair two after it is one.  A pair whose headline follows a line of
 * prose that is no summary itself may be a subheading inside the article,
 * over a short paragraph, and the next section may look the same: such a
 * pair opens a rail only with two more pairs after it.  Pairs after
 * `back` are as far as lines have come. */
static int teaser_at(const text_region *r, unsigned back, int prev)
{
    uint32_t p = r->pairs;
    if (!(p >> back & 1u))
        return 0;
    if (prev)
        return 1;
    int next = back >= 2 && (p >> (back - 2) & 1u);
    int inside = (r->prose >> (back + 2) & 1u) && !(p >> (back + 2) & 1u);
    if (inside)
        return next && back >= 4 && (p >> (back - 4) & 1u);
    return next;
}

static int teaser_of(const text_region *r, unsigned long index)
{
    unsigned k = (unsigned)(index % TEXT_REGION_SPAN);
    return r->teaser[k / 8] >> (k % 8) & 1u;
}

/* The sum with the lines not yet settled fed in, as if the document ended
 * after them; the teaser flag of line `index` if it is one of them. */
static text_region_sum settle_all(const text_region *r, unsigned long index, int *teaser)
{
    text_region_sum s = r->sum;
    unsigned long first = r->sum.settled;
    int flags[TEXT_REGION_LAG + 2] = { 0 };   /* the lines from two before `first` */
    for (unsigned long i = first >= 2 ? first - 2 : 0; i < first; i++)
        flags[i + 2 - first] = teaser_of(r, i);
    for (unsigned long i = first; i < r->lines; i++) {
        unsigned back = (unsigned)(r->lines - 1 - i);
        unsigned j = (unsigned)(i - first) + 2;
        int t = teaser_at(r, back, flags[j - 2]);
        flags[j] = t;
        if (i == index)
            *teaser = t;
        feed(&s, t ? -LINE_COST : r->score[back]);
    }
    return s;
}

void text_region_add(text_region *r, const text_region_line *l)
{
    double score = 0;
    if (l->chars == 0)
        score = 0;
    else if (l->prose && !l->bad)
        score = (l->chars < PROSE_CAP ? l->chars : PROSE_CAP) / PROSE_UNIT;
    else if (!l->bad && l->end_punct && l->sentences >= SENTENCES_MIN &&
             l->chars >= SENTENCES_CHARS)
        score = SENTENCES_SHARE * (l->chars < PROSE_CAP ? l->chars : PROSE_CAP) / PROSE_UNIT;
    else if (!l->bad && l->sentence)
        score = SHORT_SENTENCE;
    else
        score = -LINE_COST;
    int pair = r->head_prev && l->prose && !l->bad && l->chars < SUMMARY_MAX_CHARS;
    r->head_prev = !l->prose && !l->end_punct && l->chars >= HEAD_MIN_CHARS &&
                   l->chars <= HEAD_MAX_CHARS;
    r->pairs = r->pairs << 1 | (uint32_t)pair;
    r->prose = r->prose << 1 | (uint32_t)(l->prose && !l->bad);
    memmove(r->score + 1, r->score, TEXT_REGION_LAG * sizeof *r->score);
    r->score[0] = score;
    r->lines++;
    /* the line LAG back is settled: the pairs that decide it are known */
    if (r->lines > TEXT_REGION_LAG) {
        unsigned long i = r->lines - 1 - TEXT_REGION_LAG;
        int t = teaser_at(r, TEXT_REGION_LAG, i >= 2 && teaser_of(r, i - 2));
        set_teaser(r, i, t);
        feed(&r->sum, t ? -LINE_COST : r->score[TEXT_REGION_LAG]);
    }
}

void text_region_view(text_region *r, unsigned long index, double out[TEXT_REGION_FEATURES])
{
    memset(out, 0, TEXT_REGION_FEATURES * sizeof *out);
    int teaser = 0;
    text_region_sum s = settle_all(r, index, &teaser);
    if (index < r->sum.settled)
        teaser = teaser_of(r, index);
    out[TEXT_REGION_TEASER] = teaser;
    if (s.best < REGION_MIN)
        return;
    unsigned long dist = 0;
    if (index < s.best_start) {
        out[TEXT_REGION_BEFORE] = 1;
        dist = s.best_start - index;
    } else if (index > s.best_end) {
        out[TEXT_REGION_AFTER] = 1;
        dist = index - s.best_end;
    } else {
        out[TEXT_REGION_IN] = 1;
    }
    out[TEXT_REGION_DIST] = log_region(dist);
    out[TEXT_REGION_SHARE] = s.total > 0 ? s.best / s.total : 0;
    if (s.best != r->size_of) {
        r->size_of = s.best;
        r->size_log = log_scale_region(s.best);
    }
    out[TEXT_REGION_SIZE] = r->size_log;
}

int text_region_bounds(const text_region *r, unsigned long *first, unsigned long *last)
{
    int teaser = 0;
    text_region_sum s = settle_all(r, r->lines, &teaser);
    if (s.best < REGION_MIN)
        return 0;
    *first = s.best_start;
    *last = s.best_end;
    return 1;
}
