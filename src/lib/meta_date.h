/* meta_date.h - a publication date, as pages write it, in ISO 8601. */
#ifndef META_DATE_H
#define META_DATE_H

#include <stddef.h>

#define META_DATE_MAX 40

/* Writes s[0..n) as ISO 8601 into out (NUL-terminated) and returns its
 * length, or 0 when s holds no date that can be read for sure.  Read are
 * ISO 8601 and its usual slips ("2015-03-17 16:27:40", "+0100"), which
 * keep their time and zone, and, found anywhere in s, an English date
 * ("March 25, 2015", "25 Mar 2015", "Tue, 10 Nov 2015 ..."), which gives
 * the day alone: a date without its zone is not an instant. */
size_t meta_date_iso(const char *s, size_t n, char out[META_DATE_MAX]);

#endif
