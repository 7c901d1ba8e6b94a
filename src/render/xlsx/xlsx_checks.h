/*
 * xlsx_checks.h - the checks of the reconciliation, found by the cell of
 * their declared figure (private to render/xlsx/).
 *
 * A sheet that shows a declared TOTALE writes, under it, the total
 * recomputed from exactly the lines the reconciliation added; it finds them
 * in the check of that TOTALE.
 */
#ifndef REL_XLSX_CHECKS_H
#define REL_XLSX_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "reconcile/finding.h"

typedef struct rel_xlsx_checks {
    const rel_finding **sorted;    /* numeric checks by declared cell; arena */
    size_t count;
} rel_xlsx_checks;

/* Indexes `findings`; false when out of memory. */
bool rel_xlsx_checks_index(rel_xlsx_checks *checks, const rel_findings *findings,
                           rel_arena *arena);

/* The check comparing the figure declared in cell `at` with a sum of lines
 * of `dataset` (NULL: of any dataset), or NULL. */
const rel_finding *rel_xlsx_checks_total(const rel_xlsx_checks *checks, rel_origin at,
                                         const rel_dataset *dataset);

/* The check comparing the figure declared in cell `at` with a figure
 * computed from the lines of `dataset` (a sum of some, of a group, of all
 * of them), or NULL. */
const rel_finding *rel_xlsx_checks_against(const rel_xlsx_checks *checks, rel_origin at,
                                           const rel_dataset *dataset);

#endif
