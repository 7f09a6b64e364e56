/* phrases.h - boilerplate recognised by its words: comment-section openers,
 * related-link markers, share rows, cookie and copyright lines.  All the
 * phrases live in one table in phrases.c. */
#ifndef PHRASES_H
#define PHRASES_H

#include <stddef.h>

typedef enum phrase_kind {
    PHRASE_NONE = 0,
    PHRASE_COMMENTS,  /* opens the comment section: the rest is comments */
    PHRASE_RELATED,   /* "See also ...", "Read more: ..." a link to elsewhere */
    PHRASE_BOILER     /* share / subscribe / cookie / copyright / navigation */
} phrase_kind;

/* What the words of text[0..len) (UTF-8) say it is.  Only short texts are
 * matched: a phrase at the start of a long paragraph is prose. */
phrase_kind phrases_match(const char *text, size_t len);

#endif
