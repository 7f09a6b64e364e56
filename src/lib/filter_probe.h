/* filter_probe.h - what the test suite may observe of a filter beyond the
 * public API: counts of internal work, so that a cost that must stay
 * bounded is checked by counting, not by a clock. */
#ifndef FILTER_PROBE_H
#define FILTER_PROBE_H

#include "unboil.h"

/* How many times the filter has tried to decide what a document is from
 * its first bytes, over its life. */
unsigned long filter_probe_sniffs(const ub_filter *f);

#endif
