/* byline.h - lines that say who wrote a comment or the article, and when. */
#ifndef UNBOIL_BYLINE_H
#define UNBOIL_BYLINE_H

#include <stddef.h>

/* "6:29" or "18:45" somewhere in the line: the time a comment was posted */
int byline_has_clock(const char *s, size_t n);

/* "By Ann Smith ...": the article's own byline */
int byline_author(const char *s, size_t n);

/* "Ann Smith says:", "Bob said,", "Bob said..." or "Re: Cheap power
 * (Score:4, Insightful)": one comment's byline */
int byline_commenter(const char *s, size_t n);

/* "Jermaine 07 Nov 12", "Ann Lee on July 7, 2012 at 12:27 am" or "Bob |
 * 11/08/2012": a name of at most four words and a date */
int byline_dated(const char *s, size_t n);

/* The names in an article's byline: "By Ann Smith and Bob Lee | May 2"
 * gives "Ann Smith and Bob Lee".  Returns their length and their start in
 * *start, or 0 when the line does not open with "By" and a name. */
size_t byline_name(const char *s, size_t n, size_t *start);

#endif
