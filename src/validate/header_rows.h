/*
 * header_rows.h - a header row repeated inside the data.
 *
 * Two exports pasted one under the other leave the second file's header
 * among the lines. Read as a line it would be a row of words in columns of
 * figures, or a line called "voce": it is reported at its line (E111) and
 * never read as data.
 */
#ifndef REL_VALIDATE_HEADER_ROWS_H
#define REL_VALIDATE_HEADER_ROWS_H

#include <stdbool.h>

#include "core/diag.h"
#include "load/csv_reader.h"

/* True, after reporting E111 at the row, when `row` repeats the header of
 * `table` (every non-empty cell equal to its column's label, case, accents
 * and blanks aside, and at least two of them). */
bool rel_header_repeated(const rel_csv_table *table, const rel_csv_row *row, rel_diags *diags);

#endif
