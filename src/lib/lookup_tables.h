/* lookup_tables.h - the stopword and phrase hash tables, made before the
 * build (lookup_tables.c is written by tools/gen_lookup_tables.c from
 * stoplist_build and phrases_build; `make regen`), so that a process does
 * not build them again at start-up. */
#ifndef LOOKUP_TABLES_H
#define LOOKUP_TABLES_H

#include <stddef.h>
#include <stdint.h>

extern const size_t lookup_stop_slots;      /* a power of two */
extern const uint64_t lookup_stop_pairs[];  /* 2 * lookup_stop_slots: key, languages */
extern const uint64_t lookup_stop_filter[]; /* STOPLIST_FILTER_WORDS */

extern const size_t lookup_phrase_slots;    /* a power of two */
extern const uint64_t lookup_phrase_pairs[];  /* 2 * lookup_phrase_slots: key, kinds */
extern const uint64_t lookup_phrase_filter[]; /* PHRASES_FILTER_WORDS */

#endif
