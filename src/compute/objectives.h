/*
 * objectives.h - the summary of the objectives, per area and overall.
 *
 * The three shares (raggiunti, non raggiunti, in corso) are hundredths of a
 * point that always add up to 100,00%: each share is first rounded down,
 * and the hundredths still missing go to the largest remainders (on a tie,
 * in the order raggiunti, non raggiunti, in corso). So 4, 2 and 3 of 9
 * objectives give 44,45% / 22,22% / 33,33%, not 44,44 / 22,22 / 33,33
 * (99,99%), as naive rounding would.
 */
#ifndef REL_COMPUTE_OBJECTIVES_H
#define REL_COMPUTE_OBJECTIVES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/model.h"

typedef struct rel_objective_summary {
    const char *area;          /* "" for the overall summary */
    int64_t count;
    int64_t reached, missed, partial;
    int64_t share[3];          /* reached, missed, partial: hundredths of a point */
    rel_origin at;             /* first objective of the area */
} rel_objective_summary;

typedef struct rel_objectives {
    rel_objective_summary *items;   /* areas in order of appearance, then the overall one */
    size_t count;
} rel_objectives;

/* Summarises obiettivi.csv (nothing when absent). false when out of memory. */
bool rel_objectives_compute(const rel_model *model, rel_arena *arena, rel_objectives *out);

/* Splits 10000 hundredths among `counts` (of `total`) by largest remainder. */
void rel_shares(const int64_t counts[3], int64_t total, int64_t shares[3]);

#endif
