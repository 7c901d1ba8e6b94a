/*
 * changes.h - the changes a table prints beside its figures.
 *
 * Years as columns: a column "Variazione", "Var. %", "Andamento" compares
 * the last two year columns; "2023/2019" (or "2023 vs 2019") compares
 * those two years, as seed 003's demographic table does ("-338 -2,3%": the
 * difference and its percentage, split into two columns when read). Years
 * as rows: a row "Andamento" or "Variazione" is the last year minus the one
 * before it (seed 001: "+ 27 + 16 + 57"). Each typed change is checked
 * against the figures it compares (reconcile/changes.c, R015).
 */
#ifndef REL_VALIDATE_CHANGES_H
#define REL_VALIDATE_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "model/dataset.h"

/* Sets change_later / change_earlier / change_percent of every column of
 * `d` (-1 when it is no change), and reports a change column whose years
 * cannot be told (W117): it is then not checked, and says so. */
void rel_changes_bind(rel_dataset *d, rel_diags *diags);

/* Years as rows: the rows a change row compares (the year rows named in
 * its label, else the last year row before it and the one before that).
 * false when there are not two such rows. */
bool rel_change_rows(const rel_dataset *d, size_t change_row, size_t *later, size_t *earlier);

#endif
