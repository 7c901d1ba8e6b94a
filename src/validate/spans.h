/*
 * spans.h - what each declared total closes, worked out once per dataset.
 *
 * A TOTALE row closes the lines that share its group columns (the
 * REL_COL_GROUP columns of a schema, or the `gruppo` of a free table's
 * sidecar) where it fills them: in schede.csv a TOTALE with area and azione
 * closes that azione, with the area only that area, with neither everything.
 * A table without group columns is read as it is printed:
 *
 *     Minori               12        a line
 *     Adulti                8        a line
 *     Totale servizi       20        closes the lines since the last total
 *     Anziani               5
 *     Totale                5        closes "Anziani"
 *     TOTALE GENERALE      25        says it is the grand total: every line
 *                                    since the previous grand total
 *
 * and a total that follows another total with no line between them is a
 * grand total too. Matching uses labels normalised once (case, accents,
 * blanks: validate/labels.h) and a sorted index, so the work is
 * O(rows log rows) whatever the number of totals.
 */
#ifndef REL_VALIDATE_SPANS_H
#define REL_VALIDATE_SPANS_H

#include <stdbool.h>

#include "core/arena.h"
#include "model/dataset.h"

/* Fills dataset->spans, one per REL_ROW_TOTAL row in file order. The rows'
 * kinds and the columns' is_group flags must be final. Returns false only
 * when out of memory (the dataset then has no spans). */
bool rel_spans_compute(rel_dataset *dataset, rel_arena *arena);

/* The span of row `row`, or NULL when the row is no declared total. */
const rel_span *rel_span_of(const rel_dataset *dataset, size_t row);

#endif
