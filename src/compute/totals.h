/*
 * totals.h - sums of the schedules, recomputed from their lines.
 */
#ifndef REL_COMPUTE_TOTALS_H
#define REL_COMPUTE_TOTALS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"

typedef struct rel_pair {
    int64_t preventivo;
    int64_t consuntivo;
} rel_pair;

/* Adds the preventivo and consuntivo of every REL_LINE_ITEM (declared
 * TOTALE rows are never added). Returns false, leaving *sum unspecified,
 * if a sum overflows int64 cents. */
bool rel_schedule_sum(const rel_schedule *schedule, rel_pair *sum);

#endif
