/*
 * units.h - figures printed by what they are (private to the table
 * directives): a table whose rows each say their unit (indicatori.csv's
 * «unita»: €, %, n.) prints each row in it, and a change of a rate is in
 * percentage points, never a per cent of a per cent.
 *
 *     Spesa sociale pro-capite      €   € 16,41   € 18,16   +€ 1,00    +5,83%
 *     Minori in carico al 31/12     n.      398       412        +7    +1,73%
 *     Incidenza dei costi di gestione %  10,85%    10,25%  -0,26 p.p.
 */
#ifndef REL_TEMPLATE_UNITS_H
#define REL_TEMPLATE_UNITS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/dataset.h"

typedef enum rel_row_unit {
    REL_ROW_UNIT_COLUMN,     /* the column's type says it (no unit column, or a unit not known) */
    REL_ROW_UNIT_EURO,       /* "€", "euro" */
    REL_ROW_UNIT_PERCENT,    /* "%" */
    REL_ROW_UNIT_COUNT,      /* "n.", "n", "numero": a count, without decimals when whole */
} rel_row_unit;

/* The unit `row` states in the dataset's «unita» column, if it has one. */
rel_row_unit rel_unit_of_row(const rel_dataset *dataset, const rel_row *row);

/* The figure of `value` (a number of `column`) in `unit`: "€ 16,41",
 * "10,85%", "398". NULL when the column's own formatting applies (the
 * unit is the column's, or the value is no figure). In the arena. */
const char *rel_unit_figure(rel_arena *arena, const rel_value *value, const rel_column *column,
                            rel_row_unit unit);

/* Whether a figure of `column` in `unit` is a rate: its change is in
 * percentage points. */
bool rel_unit_is_rate(const rel_column *column, rel_row_unit unit);

/* The change `difference` (at the column's scale) of a rate: "+3,00 p.p.",
 * "-0,26 p.p.", with the column's decimals (at most two). In the arena. */
const char *rel_unit_points(rel_arena *arena, int64_t difference, const rel_column *column);

/* The change of a figure in `unit` (not a rate): "+€ 1,00", "+7"; NULL
 * when the column's own formatting applies. In the arena. */
const char *rel_unit_change(rel_arena *arena, int64_t difference, const rel_column *column,
                            rel_row_unit unit);

#endif
