/* docmem.c - the memory of the document being read (docmem.h). */
#include <string.h>
#include "docmem.h"
#include "title.h"
#include "tuning.h"

#define POWER_OF_TWO(n) ((n) > 0 && ((n) & ((n) - 1)) == 0)
_Static_assert(POWER_OF_TWO(DOCMEM_SEEN_SLOTS) && POWER_OF_TWO(DOCMEM_COPY_SLOTS) &&
               POWER_OF_TWO(DOCMEM_BOX_SLOTS), "a keyset's capacity is a power of two");

void docmem_init(docmem *d, const stoplist *stops)
{
    d->stops = stops;
    keyset_init(&d->seen, d->seen_slots, DOCMEM_SEEN_SLOTS);
    keyset_init(&d->copies, d->copy_slots, DOCMEM_COPY_SLOTS);
    keyset_init(&d->boxes, d->box_slots, DOCMEM_BOX_SLOTS);
    docmem_reset(d);
}

void docmem_reset(docmem *d)
{
    keyset_clear(&d->seen);
    keyset_clear(&d->copies);
    keyset_clear(&d->boxes);
    d->lead_key = d->lead_prose = d->lead_outer = 0;
    d->title_nkeys = 0;
    d->title_nruns = 0;
    d->title_pending = d->title_yield = 0;
    memset(d->lang_hits, 0, sizeof d->lang_hits);
    d->page_lang = LANG_COUNT;
    d->page_lang_set = 0;
}

/* The headline memory: normalised texts of the title and heading-like
 * lines of this document. */
int docmem_seen(const docmem *d, uint64_t h)
{
    return keyset_find(&d->seen, h) != NULL;
}

/* Full, it starts afresh even for a headline it holds. */
static void remember(docmem *d, uint64_t h)
{
    if (keyset_full(&d->seen))
        keyset_clear(&d->seen);
    keyset_add(&d->seen, h);
}

void docmem_headline(docmem *c, const unit *u)
{
    remember(c, u->f.norm_hash);
    if (c->title_nkeys == 0 && ((u->flags & BLOCK_TITLE) || u->heading == 1)) {
        memcpy(c->title_keys, u->f.keys, sizeof c->title_keys);
        c->title_nkeys = u->f.nkeys;
    }
}

/* The page's title is written as its headline segment (title.h), or as
 * the run of its segments that a block in the window repeats: "Paris –
 * Day two" stays whole when the page's heading says so too.  A heading
 * that repeats any run of them is a repeat. */
void docmem_title(docmem *c, const unit *u)
{
    title_span s[DOCMEM_TITLE_SEGMENTS];
    size_t k = title_split(u->text.data, u->text.len, s, DOCMEM_TITLE_SEGMENTS);
    size_t pick = title_pick(s, k);
    c->title_pending = 1;
    c->title_nruns = 0;
    if (pick == k)
        return;
    features f;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++) {
            docmem_title_run *r = &c->title_run[c->title_nruns++];
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

int docmem_repeats_title(const docmem *c, uint64_t hash)
{
    for (unsigned r = 0; r < c->title_nruns; r++)
        if (c->title_run[r].hash == hash &&
            c->title_run[r].words >= c->title_run[c->title_picked].words)
            return 1;
    return 0;
}

void docmem_title_trim(const docmem *c, const ring *pending, unit *u)
{
    if (c->title_nruns == 0)
        return;
    const docmem_title_run *best = NULL;
    for (unsigned r = 0; r < c->title_nruns; r++) {
        const docmem_title_run *t = &c->title_run[r];
        for (unsigned i = 1; i < pending->count; i++) {
            const unit *p = ring_at(pending, i);
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

const keyset_slot *docmem_box(const docmem *d, uint32_t box)
{
    return keyset_find(&d->boxes, box);
}

/* What the blocks of one container have added up to, the decided and the
 * pending: the paragraphs of an article body share a container, and so do
 * the items of a menu. */
void docmem_box_add(docmem *c, const unit *u)
{
    if (u->box == 0)
        return;
    keyset_slot *b = keyset_add(&c->boxes, u->box);
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

/* Where a block sits against the leading box.  Its own container being the
 * leading box says little the container's totals do not; that the leading
 * box holds its container (a list or quote in the body), or that the two
 * are siblings (the sections of a wiki page or a bug thread), says more. */
unsigned docmem_lead_of(const docmem *c, const unit *u)
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

/* A kept paragraph that comes again in another container is a second copy
 * of the article (a print or mobile version, a hidden tab, a teaser of the
 * same story): the reader wants it once.  In one container a paragraph
 * said twice is the writer's. */
int docmem_copy_elsewhere(docmem *c, const unit *u)
{
    const keyset_slot *k = keyset_find(&c->copies, u->f.norm_hash);
    if (k)
        return k->a != u->box;
    keyset_add(&c->copies, u->f.norm_hash)->a = u->box;
    return 0;
}

void docmem_set_page_lang(docmem *c, const char *code)
{
    if (c->page_lang_set)
        return;
    c->page_lang_set = 1;
    c->page_lang = code && *code ? stoplist_lang_find(code) : LANG_COUNT;
}

void docmem_lang_vote(docmem *c, const unit *u)
{
    /* unspaced text has no stopwords: a fifth of its characters stand in */
    c->lang_hits[u->f.lang] += u->f.lang >= LANG_WORDS ? u->f.unspaced / 5 : u->f.stops;
}

/* The document's language, from what is known when its first block is
 * decided (the window's blocks): --lang, else <html lang> if a list knows
 * it, else the language most stopwords were found in. */
void docmem_doc_lang(const docmem *c, unit *u)
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
