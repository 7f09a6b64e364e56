/* tuning.h - every threshold the decision rules use (rules.def), in one
 * place, each with what it stands for and the evidence for its value.
 *
 * "Dev set" is ../shared/eval (dragnet, readability, cleaneval, l3s);
 * a value said to be "set by hand" was picked on its pages and fixtures
 * without a recorded sweep: change it only with a before/after run of
 * /work/shared/eval/run in all three modes.  Sizes of tables and buffers
 * (memory, not decisions) stay with their modules. */
#ifndef TUNING_H
#define TUNING_H

#include <stdint.h>

/* ---- first labels (classify.c) ----------------------------------------
 * The density thresholds are jusText's published defaults, tuned by its
 * authors on news pages in many languages. */
#define LENGTH_LOW 70         /* characters: shorter is SHORT (jusText) */
#define LENGTH_HIGH 200       /* characters: longer prose is GOOD, not NEAR_GOOD (jusText) */
#define STOP_LOW 0.30         /* stopword density of prose at all (jusText) */
#define STOP_HIGH 0.32        /* ... of plainly good prose (jusText) */
#define LINK_MAX 0.2          /* link density over which a block is links (jusText) */
/* a block of this many words, every one in a link, is a link list run
 * together (a tag cloud, an archive by month), however long; set by hand */
#define LINK_LIST_WORDS 80
#define LINK_LIST_DENSITY 0.95
/* boilerplate phrases are looked for in blocks shorter than this; a longer
 * one only as a post footer's template (footer-template); set by hand */
#define PHRASE_MAX_CHARS 200
/* heading-like: a line this short, without end punctuation, of at most
 * this many words; set by hand */
#define HEADING_LIKE_CHARS 150
#define HEADING_LIKE_WORDS 20
/* navigation: a row of items between separators is at most this long;
 * set by hand */
#define NAV_ROW_CHARS 120
#define NAV_ITEM_WORDS 2      /* ... and its items this many words each, on average */
/* furniture-hint: good prose longer than this survives a strong hint (as
 * near-good) even outside the article's own markup; set by hand */
#define FURNITURE_PROSE_CHARS 400
#define FIELD_UNDERSCORES 4   /* dump-widget: "____ Name", a text input; set by hand */
#define ASIDE_WORDS 8         /* link-marker: a [bracketed] sentence longer is an aside */
#define COUNTED_WORDS 4       /* counted-entry: "Label (N)" entries are names, not sentences */

/* Prose by itself: a block that reads as running text (a neighbour the
 * model counts as prose, a container's prose share, the run before a
 * line).  The jusText thresholds above, and a sentence end. */
static inline int tuning_prose(double stop_density, int end_punct, uint32_t chars)
{
    return stop_density >= STOP_LOW && end_punct && chars >= LENGTH_LOW;
}

/* ---- the model and its threshold (decide.c) --------------------------- */
/* Below even odds: a missed paragraph costs the reader more than a kept
 * menu item (on the dev set 0.4 beat 0.5 on both subsets, in both modes). */
#define KEEP_THRESHOLD 0.4
/* text: a score that lets the first good-prose paragraph in before any
 * was kept (an article after a long menu scores far under the
 * threshold); set by hand */
#define FIRST_PROSE_MIN 0.15

/* ---- in the window (context.c, comment_cut.c) ------------------------- */
#define REPEAT_WORDS 30       /* repeated-headline: longer blocks are not taken for one */
#define LEARN_MAX_CHARS 200   /* site-boilerplate: longer lines are prose, never dropped */
#define HEADLINE_WORDS 4      /* headline: a line said twice has at least this many words */
#define BIO_WORDS 10          /* box-after-article: a byline this long is a biography */
#define BIO_AFTER 50          /* ... once this many words of prose began the article */
/* comments: a section that opens before much prose was seen is weighed on
 * what follows it; set by hand */
#define CUT_SURE_WORDS 100    /* prose words before an opener that make it sure */
#define CUT_LOOK 30           /* blocks after it that are weighed: a box of
                                 teasers set into the article can take 20 */
#define CUT_LONG_CHARS 120    /* a paragraph that counts as long */
#define CUT_LONG 2            /* long paragraphs among them that refute it */
#define CUT_DATED_LONG 3      /* a thread opened at dated lines alone: long paragraphs
                                 with no date between them that refute it (a comment
                                 seldom runs to three) */
#define CUT_BYLINE_CHARS 100  /* thread: a line short enough to be a thread's byline */
#define CUT_BYLINE_WORDS 4    /* "Ann Lee says:"; a longer line ending in ':'
                                 without a date leads into a quotation */
#define DATED_CHARS 80        /* thread: a dated byline is shorter */
#define CUT_DATE_WORDS 3      /* a line of this many numbers and nothing else ("10.29.2012")
                                 is a thread's byline */

/* ---- vetoes when a block leaves the window (decide.c, docmem.c) ------- */
#define TITLE_LINK_MAX 0.5    /* the title: a repeat less linked is the site's name */
#define HEADLINE_GOOD 5       /* headline-again: the first paragraphs a headline is checked on */
#define HEADLINE_SHARED 2     /* ... and the content words it shares with them */
#define OFF_TOPIC_KEYS 4      /* off-topic: content words a line needs to be judged */
#define OFF_TOPIC_GOOD 2      /* ... good paragraphs after it that share none of them */
#define COPY_WORDS 6          /* copy-elsewhere: shorter blocks may well come twice */
#define TEASER_AFTER 100      /* teaser: words of kept prose before a teaser list can come */
#define TEASER_CHARS 200      /* ... a teaser's summary is one short sentence */
#define LINKED_HEAD 0.9       /* ... link density of a heading that leads elsewhere */
#define TEASER_NEXT 3         /* ... units looked at for the next teaser's heading */
/* data-table (page_table.h): a table of data is kept whole; set by hand */
#define DATA_TABLE_ROWS 3       /* rows: two are a label and its value, twice */
#define DATA_TABLE_SHAPE_NUM 3  /* ... and 3 in 4 of them as many cells as the row before */
#define DATA_TABLE_SHAPE_DEN 4
#define DATA_TABLE_LINKS 0.3    /* ... its characters in links at most: a table of links is a menu */
/* after-article; set by hand */
#define ENDED_AFTER 50        /* words of kept prose: an article, however short */
#define ENDED_GAP 10          /* units dropped in a row that end the article */
#define ENDED_SURE 0.95       /* a score that keeps a block all the same */
#define ENDED_GAP_NEAR 3      /* ... and a shorter run, against a near miss */
#define ENDED_NEAR 0.5
#define ENDED_NEAR_TEXT 0.6   /* ... in a text dump, where the model has less to go on */
#define ENDED_MISS 0.1        /* text: a drop this near the threshold, followed by a good paragraph, is no article's end */
#define AHEAD_UNITS 20        /* text: how far on the article may go on */
#define AHEAD_WORDS 20        /* ... with a good paragraph this long */
#define AHEAD_GOOD 2          /* ... or two, under a heading at the margin */

/* ---- after the document (rescue.c) ------------------------------------
 * On the dev set's short pages the article's blocks score 0.2-0.4 where
 * their template's score below 0.1; 25 kept words outside the title and
 * headings are a paragraph's worth, whether one block or a hard-wrapped
 * paragraph's lines; a run under 8 words is no article.  Both subsets and
 * both modes gained from these values.  A page that wrote nothing and has
 * no block of RESCUE_MIN_WORDS still gets its longest run of short blocks
 * (rescue.c): a page of one word is its word, not an empty output. */
#define RESCUE_MIN_SCORE 0.2
#define RESCUE_ARTICLE_WORDS 25
#define RESCUE_MIN_WORDS 8
/* A short post (a photo, a video) is often a headline and a byline with
 * nothing the model keeps, while the longest run of near misses is the
 * site's "About" blurb: on a page that wrote nothing, the first line of
 * fewer than RESCUE_BYLINE_CHARS that reads as a byline ("By Ann Lee, 28
 * May 2010", "Ann Lee on July 7, 2012") is taken with the headline just
 * above it and the near misses after it, unless the longest run is a
 * paragraph's worth.  The dev set's text dumps: 4 pages change, dragnet
 * text 0.881 to 0.882 and text80 0.867 to 0.868 (three pages from F1 0 to
 * 0.58-1.0, one from 0.015 to 0.008); the other subsets and HTML mode
 * unchanged.  A byline is shorter than a comment thread's (CUT_BYLINE_CHARS). */
#define RESCUE_BYLINE_CHARS 100

#endif
