/*
 * staff.h - personale.csv as reports publish it (docs/INPUT.md).
 *
 * Real reports give the staff at 31/12 as two breakdowns of the same
 * people, by contract (indeterminato, determinato, collaboratori, comando)
 * and by hours (tempo pieno, part time), sometimes with the cross split
 * (indeterminato_tempo_pieno, …) and the FTE. Any of them may be written;
 * the breakdowns the cross split implies are derived from it, so that later
 * stages (and the templates) always find them where they can be known.
 */
#ifndef REL_VALIDATE_STAFF_H
#define REL_VALIDATE_STAFF_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/dataset.h"

/* Reports E116 when no breakdown column is there; adds the contract and
 * hours columns the cross split implies (marked computed). false when out
 * of memory. */
bool rel_staff_complete(rel_dataset *staff, rel_arena *arena, rel_diags *diags);

#endif
