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

/* The sums of a column by the value of a key column, for matching many
 * names against many lines in one pass (no O(lines x names) scan). */
typedef struct rel_group_sum {
    const char *key;       /* the key text normalised (validate/labels.h) */
    int64_t sum;           /* of the REL_ROW_ITEM lines with that key */
    size_t lines;
    bool overflow;
} rel_group_sum;

typedef struct rel_group_sums {
    rel_group_sum *items;  /* sorted by key */
    size_t count;
} rel_group_sums;

/* Sums `column` of `dataset`'s lines by `key_column`. false when out of
 * memory. */
bool rel_group_sums_compute(const rel_dataset *dataset, int key_column, int column,
                            rel_arena *arena, rel_group_sums *out);

/* The group whose key is `text` once normalised, or NULL. */
const rel_group_sum *rel_group_sums_find(const rel_group_sums *sums, const char *text);

/* The schedules (schede.csv) with their columns looked up once. */
typedef struct rel_schedule {
    const rel_dataset *data;
    int area, azione, voce, descrizione, preventivo, consuntivo, motivazione;
    int levels[REL_MAX_LEVELS];        /* the level columns from the top: levels[0] is the area */
    const char *level_names[REL_MAX_LEVELS];   /* their names: "area", "servizio", "azione" */
    size_t level_count;                /* levels present in the file */
} rel_schedule;

/* Fills *schedule from the model; false if the model has no schedules.
 * Optional columns absent are -1; absent optional levels (an azione the
 * file does not have) are left out of levels[]. */
bool rel_schedule_get(const rel_model *model, rel_schedule *schedule);

#endif
