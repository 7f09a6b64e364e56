/* classify.h - a block's first label from its own features and words.
 *
 * The label is in the spirit of jusText: GOOD (prose), NEAR_GOOD (prose-like
 * but short or thin), SHORT (too short to judge alone), BAD (boilerplate).
 * Rules that recognise boilerplate by its words, and structural hints from
 * HTML, come on top.  Context (context.c) decides SHORT and NEAR_GOOD. */
#ifndef CLASSIFY_H
#define CLASSIFY_H

#include "block.h"
#include "block_features.h"
#include "phrases.h"

typedef enum klass { CLASS_BAD, CLASS_SHORT, CLASS_NEAR_GOOD, CLASS_GOOD } klass;

/* Why a block was kept or dropped; shown by --explain. */
typedef enum reason {
    REASON_PROSE,       /* good by its own features */
    REASON_CONTEXT,     /* short or near-good, decided by its neighbours */
    REASON_TITLE,       /* the document's title */
    REASON_HEADING,     /* a heading before good text */
    REASON_LOW_DENSITY, /* few stopwords: menu, list of titles */
    REASON_LINKS,       /* mostly links */
    REASON_REPEAT,      /* repeats a headline already seen */
    REASON_RELATED,     /* "See also ...", related-article link */
    REASON_BOILER,      /* share / cookie / copyright / navigation phrase */
    REASON_COMMENTS,    /* inside the comment section */
    REASON_HINT,        /* the markup around it says boilerplate */
    REASON_OFF_TOPIC,   /* a title-like line sharing no word with the article */
    REASON_EMPTY,       /* nothing but symbols */
    REASON_NAVIGATION,  /* a row of menu items or a breadcrumb */
    REASON_SITE,        /* --learn: seen in many earlier documents */
    REASON_RESCUED,     /* a short page's article, kept after the fact (rescue.h) */
    REASON_AFTER,       /* beside the article, after it ended */
    REASON_COUNT
} reason;

const char *classify_reason_name(reason r);
const char *classify_class_name(klass c);

typedef struct verdict {
    klass cls;          /* first label */
    reason why;         /* reason for the label */
    int rule;           /* a rule decided: context may not revive it */
    int opens_comments; /* this block opens the comment section */
    int heading_like;   /* a heading, or a short title-like line */
} verdict;

/* Label a block from its features and text.  `article_began` says whether
 * article text has been seen yet (comment openers count only
 * after the article began). */
void classify_block(verdict *v, const phrases *ph, const block *b, const features *f,
                    int article_began);

#endif
