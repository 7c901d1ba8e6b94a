/*
 * dataset.h - a parsed CSV table into a typed rel_dataset, by its schema.
 */
#ifndef REL_VALIDATE_DATASET_H
#define REL_VALIDATE_DATASET_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/csv_reader.h"
#include "model/dataset.h"
#include "validate/schema.h"

/* Binds the header to `schema` (columns in any order and letter case, year
 * columns recognised by rel_label_year), types every cell, marks TOTALE
 * rows, and checks required columns and values, years (N and N-1 where the
 * schema asks; none after N) and duplicate keys. Every problem is reported;
 * returns false if any error was added. */
bool rel_dataset_validate(const rel_csv_table *table, const rel_schema *schema, int fiscal_year,
                          rel_arena *arena, rel_diags *diags, rel_dataset *dataset);

/* True when `label` starts with the word TOTALE (any case): a declared total. */
bool rel_is_total_label(const char *label);

#endif
