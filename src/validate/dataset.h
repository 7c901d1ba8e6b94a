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
#include "model/model.h"
#include "validate/schema.h"

/* Binds the header to `schema` (columns in any order and letter case, year
 * columns recognised by rel_label_year), types every cell, marks TOTALE
 * rows, and checks required columns and values, years (N and N-1 where the
 * schema asks; none after N) and duplicate keys. Every problem is reported;
 * returns false if any error was added. */
bool rel_dataset_validate(const rel_csv_table *table, const rel_schema *schema, int fiscal_year,
                          rel_arena *arena, rel_diags *diags, rel_dataset *dataset);

/* The same, with `levels`: each a text column that groups (REL_COL_GROUP),
 * required in the header. */
bool rel_dataset_validate_levels(const rel_csv_table *table, const rel_schema *schema,
                                 int fiscal_year, const rel_levels *levels, rel_arena *arena,
                                 rel_diags *diags, rel_dataset *dataset);

/* "area, servizio, azione" into *levels; false (with E043 at `at`) when a
 * name is empty or there are more than 8. An empty text gives area,
 * azione. */
bool rel_levels_parse(const char *text, rel_origin at, rel_arena *arena, rel_diags *diags,
                      rel_levels *levels);

/* What validation works out once the rows are typed: each numeric
 * column's printed precision (rel_column.decimals) and what each declared
 * total closes (validate/spans.h), its change columns (validate/changes.h).
 * false when out of memory. */
bool rel_dataset_finish(rel_dataset *dataset, rel_arena *arena, rel_diags *diags);

#endif
