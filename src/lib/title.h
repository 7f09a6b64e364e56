/* title.h - the part of a page's title that names its article.
 *
 * <title> is "Article | Site", "Site: Article", "Site - Section - Article":
 * the article's headline is the segment of most words. */
#ifndef TITLE_H
#define TITLE_H
#include <stddef.h>

typedef struct title_span {
    size_t start, len;      /* bytes, without the spaces around */
    size_t words;
} title_span;

/* Cuts a title t[0..n) with single spaces (as the HTML reader collapses
 * it) at its separators (" | ", " - ", dashes, " :: ", guillemets,
 * bullets, slashes, a colon after a word): its first `max` segments, in
 * order, into out; returns how many. */
size_t title_split(const char *t, size_t n, title_span *out, size_t max);
/* Which of the k segments is the article's headline: the one of most
 * words, if it has at least three and strictly more than any other; k if
 * the title should stay whole. */
size_t title_pick(const title_span *s, size_t k);
#endif
