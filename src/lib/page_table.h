/* page_table.h - the page model's tables: a table is the unit of its rows.
 *
 * The HTML reader hands a table row of short cells over as one block, its
 * cells parted by tabs (BLOCK_ROW).  Judged one by one, a standings table's
 * or an ingredient list's rows are short, digit-heavy lines the model
 * drops, and the article comes out with half its table.  So while the
 * page's blocks wait in the look-ahead, each run of rows is added up as
 * one table: its rows, how many have the shape of the row before (as many
 * cells), its link characters, and the containers of the blocks just
 * before and after it.  A table of data (enough rows of one shape, mostly
 * not links) with the article's container on both sides of it is the
 * article's, every row of it (page_data_table; decide.c, rule DATA_TABLE).
 *
 * Bounded: PAGE_TABLE_SLOTS tables per document; later ones go uncounted
 * and their rows are left to the model. */
#ifndef PAGE_TABLE_H
#define PAGE_TABLE_H

#include <stdint.h>

/* a + b, held at UINT32_MAX: a page's character totals never wrap */
static inline uint32_t page_sat_add(uint32_t a, uint32_t b)
{
    return a + b < a ? UINT32_MAX : a + b;
}

#define PAGE_TABLE_SLOTS 64u

typedef struct page_table {
    uint32_t first, last;      /* block numbers of its first and last row */
    uint32_t outer[2];         /* block.outer of its last row */
    uint32_t rows, same;       /* rows; rows with as many cells as the row before */
    uint32_t cells;            /* cells of its last row */
    uint32_t chars, links;     /* of its rows */
    uint32_t before[3], after[3]; /* block.box and block.outer of the blocks
                                     with words just before and after it */
} page_table;

typedef struct page_tables {
    unsigned n;
    int open;                  /* the last table can take the next block as a row */
    int ended;                 /* the last table has its block after it */
    uint32_t prev[3];          /* block.box and block.outer of the last block with words */
    page_table t[PAGE_TABLE_SLOTS];
} page_tables;

struct unit;

void page_tables_reset(page_tables *ts);

/* Adds the document's block number `index` (from 0), every block in
 * order: a row joins the table open before it, any other block with
 * words closes it. */
void page_tables_add(page_tables *ts, const struct unit *u, uint32_t index);

/* The table block `index` is a row of, or NULL. */
const page_table *page_tables_at(const page_tables *ts, uint32_t index);

/* A table of data: enough rows, most of the one shape, mostly not links
 * (tuning.h, DATA_TABLE_*). */
int page_table_is_data(const page_table *t);

#endif
