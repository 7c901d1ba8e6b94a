/*
 * columns.h - bind a dataset's expected columns to a CSV header.
 *
 * Shared by every dataset: the header may order columns freely and use any
 * letter case; a required column that is missing is an error with the
 * nearest label as a hint, an unknown column is a warning (it is ignored).
 */
#ifndef REL_VALIDATE_COLUMNS_H
#define REL_VALIDATE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "load/csv_reader.h"

typedef struct rel_column_spec {
    const char *label;     /* lower-case label as documented in docs/INPUT.md */
    bool required;
} rel_column_spec;

/* Stores in index[i] the header position of specs[i], or -1 when an
 * optional column is absent. Returns false if a required one is missing. */
bool rel_columns_bind(const rel_csv_table *table, const rel_column_spec *specs, size_t count,
                      rel_diags *diags, int *index);

#endif
