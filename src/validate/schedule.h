/*
 * schedule.h - schede.csv, the preventivo/consuntivo schedules.
 *
 * Columns (docs/INPUT.md): area, azione, voce, descrizione, preventivo,
 * consuntivo. A row whose voce begins with "TOTALE" is a total the user
 * declared: it is kept for reconciliation and never added into a sum.
 */
#ifndef REL_VALIDATE_SCHEDULE_H
#define REL_VALIDATE_SCHEDULE_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/csv_reader.h"
#include "model/model.h"

/* Types every row of `table` into *schedule; every bad cell is reported.
 * Returns false if any error was added. */
bool rel_schedule_validate(const rel_csv_table *table, rel_arena *arena, rel_diags *diags,
                           rel_schedule *schedule);

#endif
