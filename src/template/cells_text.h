/*
 * cells_text.h - a typed value, or a column label, as a table shows it (private).
 */
#ifndef REL_TEMPLATE_CELLS_TEXT_H
#define REL_TEMPLATE_CELLS_TEXT_H

#include <stdbool.h>

#include "core/arena.h"
#include "model/dataset.h"

/* True when every value of `column` (lines and totals) is a whole euro:
 * such a column is shown without cents, as the bilancio is. */
bool rel_column_whole_euros(const rel_dataset *dataset, int column);

/* The text of `value` in `column`: "€ 1.234,56" (or "€ 1.235" when
 * `whole`), "€ -" for zero, "1.482", decimals and percentages with the
 * decimals the column is written with ("4,63", "12%", "44,44%"),
 * "31/12/2024", "mag 2020", "SI"; a footnote mark after the figure
 * ("1.168*"); a mark of "not available" or words in a figure's place as
 * written ("n.d.", "in continuità"); "" for an empty cell. In the arena. */
const char *rel_value_text(rel_arena *arena, const rel_value *value, const rel_column *column,
                           bool whole);

/* A column label as a heading shows it: "quota_comuni" → "Quota comuni".
 * In the arena; `label` itself when out of memory. */
const char *rel_label_heading(rel_arena *arena, const char *label);

#endif
