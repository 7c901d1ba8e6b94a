/*
 * reconcile.h - the reconciliation stage: every figure recomputed, every
 * identity checked (docs/RECONCILIATION.md lists the checks).
 */
#ifndef REL_RECONCILE_H
#define REL_RECONCILE_H

#include "compute/indicators.h"
#include "core/diag.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* Runs every check on a validated model and records it in `findings`
 * (initialised by the caller). Errors in user formulas go to `diags`; the
 * findings themselves are turned into diagnostics by rel_findings_report. */
void rel_reconcile(const rel_model *model, const rel_indicators *indicators, rel_arena *arena,
                   rel_diags *diags, rel_findings *findings);

#endif
