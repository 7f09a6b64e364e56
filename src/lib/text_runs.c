/* text_runs.c - text mode: runs of lines (text_runs.h). */
#include <string.h>
#include "log_tables.h"
#include "text_runs.h"
#include "tuning.h"

struct run_total {
    uint32_t items, short_lines, end_punct;
    double log_chars, stop_density;
    uint8_t prose_before, prose_after;
    /* the run before it, as it ended */
    double prev_items, prev_log_chars, prev_end_punct, prev_stop_density;
    double prev_indent;      /* its indentation against this run's, scaled */
    uint8_t prev_bullet;
};
#define REL_INDENT_SCALE 6.0  /* spaces of indentation that make a full step */

int text_runs_init(text_runs *t, const mem *m, unsigned size)
{
    t->runs = mem_calloc(m, size, sizeof *t->runs);
    if (!t->runs)
        return -1;
    t->size = size;
    text_runs_reset(t);
    return 0;
}

void text_runs_free(text_runs *t, const mem *m)
{
    mem_free(m, t->runs);
    t->runs = NULL;
}

void text_runs_reset(text_runs *t)
{
    t->run_cur = NULL;
    t->run_prose = 0;
    t->pushed = 0;
    t->prose_at = 0;
}

/* Indentation a against b in steps of REL_INDENT_SCALE spaces, in -1..1. */
static double rel_indent(uint32_t a, uint32_t b)
{
    double rel = ((double)a - (double)b) / REL_INDENT_SCALE;
    return rel < -1 ? -1 : rel > 1 ? 1 : rel;
}

void text_runs_add(text_runs *c, unit *u)
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
            r->prev_items = log_items(p->items);
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

void text_runs_view(unit *u)
{
    const run_total *r = u->run_rec;
    double n = r->items;
    u->run.items = log_items(r->items);
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
