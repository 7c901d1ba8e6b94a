/*
 * cells.h - typed values from CSV cells, with diagnostics at the cell.
 */
#ifndef REL_VALIDATE_CELLS_H
#define REL_VALIDATE_CELLS_H

#include <stdbool.h>

#include "core/diag.h"
#include "load/csv_reader.h"
#include "model/model.h"

/* The cell as text with its origin in `path`. */
rel_string rel_cell_string(const rel_cell *cell, const char *path);

/* Parses an amount in euro ("€ 1.234,56", "(1.234)", "€ -", "-"); an empty
 * cell is zero with present = false. On a bad value reports E101 naming the
 * column `label` and returns false. */
bool rel_cell_amount(const rel_cell *cell, const char *path, const char *label,
                     rel_diags *diags, rel_amount *amount);

#endif
