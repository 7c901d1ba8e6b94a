/*
 * compound.h - change cells that hold two figures.
 *
 * Seed 003 prints the change of each sub-ambito over five years in one
 * cell: "2023/ 2019" over "-338 -2,3%", the difference and its percentage.
 * A change column (validate/labels.h, rel_label_change) whose cells are such
 * pairs is read as two columns, "2023/ 2019" and "2023/ 2019 %", each cell
 * keeping the line and column of its own figure, so that both are typed,
 * printed and checked.
 */
#ifndef REL_VALIDATE_COMPOUND_H
#define REL_VALIDATE_COMPOUND_H

#include "core/arena.h"
#include "load/csv_reader.h"

/* `table` itself when it has no such column, else a copy (in the arena)
 * with each such column split in two; NULL when out of memory. */
const rel_csv_table *rel_compound_split(const rel_csv_table *table, rel_arena *arena);

#endif
