/* text_region.h - the article region of a text dump.
 *
 * A text dump has no containers to find the article by, but the article
 * is one stretch of the document: mostly paragraphs of prose, with a few
 * short lines among them (subheadings, a caption, a list).  The menus
 * before it and the rails of other stories after it are mostly short
 * lines.  So each line gets a score, its prose minus a fixed cost for a
 * line that is not prose (nothing for a sentence too short to be prose),
 * and the region is the contiguous run of lines
 * with the greatest sum: a maximum-sum segment, found online as lines
 * come (Kadane), in constant memory whatever the document's length.  A
 * segment under a paragraph's worth is no region: one line of a site's
 * blurb among menus is not the article of a photo post.
 *
 * A rail of teasers (a headline, then a sentence or two of summary, again
 * and again) reads as prose line by line; a summary in such a rail counts
 * as a line that is not prose.  Whether a pair is one of a rail is known
 * up to four lines after it (a subheading over a short paragraph, inside
 * the article, is no rail's first item unless two more pairs follow), so
 * each line's score is settled TEXT_REGION_LAG lines late; the view of
 * the region settles the last ones as far as is known.
 *
 * The model sees, for each line, where it lies against the region as it
 * stands when the line is decided (the whole document, for a document
 * within the look-ahead; past the cap, the part seen so far). */
#ifndef TEXT_REGION_H
#define TEXT_REGION_H

#include <stdint.h>

/* The features the region hands the block model, in this order. */
enum {
    TEXT_REGION_IN,      /* inside the region */
    TEXT_REGION_BEFORE,  /* before it */
    TEXT_REGION_AFTER,   /* after it */
    TEXT_REGION_DIST,    /* log1p(lines between it and the region) / 5 */
    TEXT_REGION_SHARE,   /* the region's sum against all the prose's */
    TEXT_REGION_SIZE,    /* log1p(the region's sum) / 5 */
    TEXT_REGION_TEASER,  /* the line is a summary in a rail of teasers */
    TEXT_REGION_FEATURES
};

/* What the region needs of a line. */
typedef struct text_region_line {
    uint32_t chars;      /* characters that are not spaces */
    int prose;           /* reads as prose by itself (tuning_prose) */
    int sentence;        /* ends a sentence, stopwords as prose's: prose but for its length */
    int sentences;       /* sentence ends */
    int bad;             /* a rule dropped it */
    int end_punct;       /* ends a sentence */
} text_region_line;

/* Lines whose teaser flag is remembered: the look-ahead holds fewer. */
#define TEXT_REGION_SPAN 4096u

/* Lines between a line's arrival and its settled score. */
#define TEXT_REGION_LAG 4u

/* The running maximum-sum segment. */
typedef struct text_region_sum {
    double cur, best, total;     /* sum ending at the last line, best sum, all prose */
    unsigned long cur_start, best_start, best_end, settled;
} text_region_sum;

typedef struct text_region {
    text_region_sum sum;         /* over the settled lines */
    double score[TEXT_REGION_LAG + 1];  /* the last lines' scores, newest first */
    uint32_t pairs;              /* bit k: line k back is a summary under a headline */
    uint32_t prose;              /* bit k: line k back is prose no rule dropped */
    int head_prev;               /* the last line is headline-shaped */
    unsigned long lines;         /* lines added */
    double size_of, size_log;    /* the last region sum viewed and its scale: a
                                  * region mostly stays as lines are viewed */
    unsigned char teaser[TEXT_REGION_SPAN / 8];
} text_region;

/* Forget the document. */
void text_region_reset(text_region *r);

/* Add the document's next line (numbered from 0 in the order added). */
void text_region_add(text_region *r, const text_region_line *l);

/* The region features of line `index`, one of the last TEXT_REGION_SPAN
 * lines added. */
void text_region_view(text_region *r, unsigned long index,
                      double out[TEXT_REGION_FEATURES]);

/* The region as it stands: whether there is one, and its first and last
 * line (for tests and --explain). */
int text_region_bounds(const text_region *r, unsigned long *first, unsigned long *last);

#endif
