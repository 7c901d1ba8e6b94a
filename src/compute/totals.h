/*
 * totals.h - sums recomputed from a dataset's lines.
 */
#ifndef REL_COMPUTE_TOTALS_H
#define REL_COMPUTE_TOTALS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/dataset.h"
#include "model/model.h"

/* Adds column `column` of every REL_ROW_ITEM of `dataset` (declared TOTALE
 * rows are never added; empty cells count as zero). Returns false, leaving
 * *sum unspecified, if the sum overflows int64. */
bool rel_dataset_sum(const rel_dataset *dataset, int column, int64_t *sum);

/* The schedules (schede.csv) with their columns looked up once. */
typedef struct rel_schedule {
    const rel_dataset *data;
    int area, azione, voce, descrizione, preventivo, consuntivo, motivazione;
} rel_schedule;

/* Fills *schedule from the model; false if the model has no schedules
 * (a validated model always has them). Optional columns absent are -1. */
bool rel_schedule_get(const rel_model *model, rel_schedule *schedule);

#endif
