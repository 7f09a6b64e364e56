/* classify.h - a block's first label from its own features and words.
 *
 * The label is in the spirit of jusText: GOOD (prose), NEAR_GOOD (prose-like
 * but short or thin), SHORT (too short to judge alone), BAD (boilerplate).
 * Rules that recognise boilerplate by its words, and structural hints from
 * HTML, come on top.  The final decision (decide.c) settles SHORT and
 * NEAR_GOOD. */
#ifndef CLASSIFY_H
#define CLASSIFY_H

#include "block.h"
#include "block_features.h"
#include "phrases.h"

typedef enum klass { CLASS_BAD, CLASS_SHORT, CLASS_NEAR_GOOD, CLASS_GOOD } klass;

/* Why a block was kept or dropped, shown by --explain: one per rule of
 * rules.def. */
typedef enum reason {
#define UB_RULE(id, word, stage, description) REASON_##id,
#include "rules.def"
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
