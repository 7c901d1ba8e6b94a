/*
 * objectives.h - the summary of the objectives, per area and overall.
 *
 * The three shares (raggiunti, non raggiunti, in corso) are hundredths of a
 * point, each rounded half up on its own, as the reports print them: 4, 2
 * and 3 of 9 objectives give 44,44% / 22,22% / 33,33% (99,99% in all, and
 * so printed), never forced to add up to 100.
 *
 * An objective is one (area, obiettivo) of obiettivi.csv; it may have
 * several indicators, one line each (the obiettivo repeated, or left empty
 * on the lines after its first). Its outcome is SI when every indicator's
 * is SI, NO when every one is NO, else PARZIALMENTE.
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
    int64_t count;             /* objectives (not indicator lines) */
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

/* Each count of `total` as hundredths of a point, rounded half up:
 * rel_shares({4, 2, 3}, 9, s) => s = {4444, 2222, 3333}. */
void rel_shares(const int64_t counts[3], int64_t total, int64_t shares[3]);

#endif
