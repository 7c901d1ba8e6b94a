/*
 * cells.h - one CSV cell into a typed value, with a diagnostic at the cell.
 */
#ifndef REL_VALIDATE_CELLS_H
#define REL_VALIDATE_CELLS_H

#include <stdbool.h>

#include "core/diag.h"
#include "load/csv_reader.h"
#include "model/dataset.h"

/* What a column expects of its cells. */
typedef struct rel_cell_rule {
    const char *column;          /* the header label, for messages */
    rel_type type;
    unsigned flags;              /* REL_COL_MONTH, REL_COL_WORDS, REL_COL_IN_YEAR */
    const char *const *codes;    /* REL_TYPE_CODE vocabulary */
    int fiscal_year;             /* for REL_COL_IN_YEAR */
} rel_cell_rule;

/* Types `cell` (from `path`) by `rule` into *value. An empty cell gives
 * present = false and no diagnostic (whether it may be empty is the
 * dataset's business). A bad value adds an error naming the column, what
 * was found and what was expected, and returns false. */
bool rel_cell_value(const rel_cell *cell, const char *path, const rel_cell_rule *rule,
                    rel_diags *diags, rel_value *value);

/* The decimals written in a number's text: "1.234,56" => 2, "12%" => 0,
 * "4,6300" => 4, "€ 1.234" => 0. */
int rel_written_decimals(const char *text);

#endif
