/*
 * infer.h - a table with no schema (a CSV file in tabelle/) typed by its content.
 */
#ifndef REL_VALIDATE_INFER_H
#define REL_VALIDATE_INFER_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/csv_reader.h"
#include "model/dataset.h"

/* Types each column by the narrowest type all its non-empty cells fit:
 * count, percentage (a "%" somewhere), money (a "€" somewhere), decimal,
 * date, else text. A header that names a year makes a year column. The
 * first text column is the label: "TOTALE ..." there marks a declared
 * total. Returns false only when out of memory. */
bool rel_dataset_infer(const rel_csv_table *table, const char *name, rel_arena *arena,
                       rel_diags *diags, rel_dataset *dataset);

/* The same, with the table's sidecar (validate/sidecar.h; NULL: none):
 * its caption, label and group columns, units, declared total rows,
 * rounding and years' layout override what the cells would say. A change
 * column whose cells hold a difference and its percentage ("-338 -2,3%")
 * becomes two columns (validate/compound.h). */
struct rel_sidecar;
bool rel_dataset_infer_with(const rel_csv_table *table, const char *name,
                            const struct rel_sidecar *sidecar, rel_arena *arena,
                            rel_diags *diags, rel_dataset *dataset);

#endif
