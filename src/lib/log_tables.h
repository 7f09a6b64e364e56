/* log_tables.h - the block model's logarithmic scales of counts, and
 * their values for the counts most blocks and lines have as constant data
 * (log_tables.c is written by tools/gen_log_tables.c from the functions
 * below; `make regen`), so that a process works none of them out at
 * start-up and few per line.  Each table entry is, to the bit, what its
 * function gives: the model sees the same numbers either way. */
#ifndef LOG_TABLES_H
#define LOG_TABLES_H

#include <math.h>
#include <stdint.h>

/* log1p(characters) / 7: a block's length */
static inline double log_scale_chars(double n)
{
    return log1p(n) / 7.0;
}

/* log1p(lines) / 4: the length of a run of lines (text_runs.h) */
static inline double log_scale_items(double n)
{
    return log1p(n) / 4.0;
}

/* log1p(n) / 8: a line's distance from the article region and the
 * region's sum (text_region.h), which run to thousands */
static inline double log_scale_region(double n)
{
    return log1p(n) / 8.0;
}

#define LOG_TABLE_CHARS 1024   /* most blocks are shorter */
#define LOG_TABLE_ITEMS 512    /* most runs are shorter */
#define LOG_TABLE_REGION 1024  /* most lines lie nearer the region */

extern const double log_table_chars[LOG_TABLE_CHARS];   /* log_scale_chars(i) */
extern const double log_table_items[LOG_TABLE_ITEMS];   /* log_scale_items(i) */
extern const double log_table_region[LOG_TABLE_REGION]; /* log_scale_region(i) */

static inline double log_chars(uint32_t n)
{
    return n < LOG_TABLE_CHARS ? log_table_chars[n] : log_scale_chars(n);
}

static inline double log_items(uint32_t n)
{
    return n < LOG_TABLE_ITEMS ? log_table_items[n] : log_scale_items(n);
}

static inline double log_region(unsigned long n)
{
    return n < LOG_TABLE_REGION ? log_table_region[n] : log_scale_region((double)n);
}

#endif
