/* page_table.c - a page's tables added up row by row (page_table.h). */
#include <string.h>
#include "page_table.h"
#include "tuning.h"
#include "unit.h"

void page_tables_reset(page_tables *ts)
{
    ts->n = 0;
    ts->open = ts->ended = 0;
    memset(ts->prev, 0, sizeof ts->prev);
}

static void keys_of(const unit *u, uint32_t keys[3])
{
    keys[0] = u->box;
    keys[1] = u->outer[0];
    keys[2] = u->outer[1];
}

static uint32_t cells_of(const unit *u)
{
    const char *s = u->text.data;
    uint32_t n = 1;
    for (size_t i = 0; i < u->text.len; i++)
        n += s[i] == '\t';
    return n;
}

/* The row goes on the open table: it comes right after its last row and
 * sits in the same body of rows or the same table (a header row in
 * <thead>, the rest in <tbody>). */
static int continues(const page_table *t, const unit *u, uint32_t index)
{
    return index == t->last + 1 &&
           (u->outer[0] == t->outer[0] || u->outer[1] == t->outer[1]);
}

void page_tables_add(page_tables *ts, const unit *u, uint32_t index)
{
    if (!(u->flags & BLOCK_ROW) || u->outer[0] == 0) {
        if (u->f.words == 0)
            return;            /* an image, a rule: no side of the table */
        if (ts->n && !ts->ended) {
            keys_of(u, ts->t[ts->n - 1].after);
            ts->ended = 1;
        }
        ts->open = 0;
        keys_of(u, ts->prev);
        return;
    }
    page_table *t = ts->open ? &ts->t[ts->n - 1] : NULL;
    uint32_t cells = cells_of(u);
    if (t && continues(t, u, index)) {
        t->rows++;
        t->same += cells == t->cells;
    } else {
        if (ts->n >= PAGE_TABLE_SLOTS) {
            ts->open = 0;
            return;
        }
        t = &ts->t[ts->n++];
        memset(t, 0, sizeof *t);
        t->first = index;
        t->rows = 1;
        memcpy(t->before, ts->prev, sizeof t->before);
        ts->open = 1;
        ts->ended = 0;
    }
    t->last = index;
    t->cells = cells;
    t->outer[0] = u->outer[0];
    t->outer[1] = u->outer[1];
    t->chars = page_sat_add(t->chars, u->f.chars);
    t->links = page_sat_add(t->links, u->f.link_chars);
}

const page_table *page_tables_at(const page_tables *ts, uint32_t index)
{
    for (unsigned i = 0; i < ts->n; i++)
        if (index >= ts->t[i].first && index <= ts->t[i].last)
            return &ts->t[i];
    return NULL;
}

int page_table_is_data(const page_table *t)
{
    return t->rows >= DATA_TABLE_ROWS &&
           t->same * DATA_TABLE_SHAPE_DEN >= (t->rows - 1) * DATA_TABLE_SHAPE_NUM &&
           (double)t->links <= DATA_TABLE_LINKS * t->chars;
}
