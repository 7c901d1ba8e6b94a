/*
 * checks.h - the families of checks of the reconciliation stage; each
 * records its checks in `findings` (private to reconcile/, called by
 * reconcile.c in this order).
 */
#ifndef REL_RECONCILE_CHECKS_H
#define REL_RECONCILE_CHECKS_H

#include "compute/indicators.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* R001: every declared TOTALE row of every dataset against the lines it
 * closes (validate/spans.h), and every total column ("Totale UTENTI")
 * against the columns it adds on each row; what cannot be checked is said
 * in `diags`. */
void rel_check_declared_totals(const rel_model *model, rel_diags *diags, rel_findings *findings);

/* R016: the staff's breakdowns by contract and by hours agree. */
void rel_check_staff(const rel_model *model, rel_findings *findings);

/* R015: every typed change against the figures it compares; W119 for one
 * whose compared figure is blank. */
void rel_check_changes(const rel_model *model, rel_diags *diags, rel_findings *findings);

/* W120: a declared ratio with no standard formula (indebitamento) that no
 * verifica recomputes, said to be unchecked. */
void rel_check_unrecomputed_ratios(const rel_model *model, rel_diags *diags);

/* R002, R003: the identities that follow from what the datasets are. */
void rel_check_identities(const rel_model *model, rel_findings *findings);

/* R005: variances above the thresholds without a motivazione.
 * R006: a declared objectives summary against the objectives.
 * R007: an N-1 column that repeats the N column. */
void rel_check_rules(const rel_model *model, rel_arena *arena, rel_findings *findings);

/* R004: the identities the user declared in verifiche.csv. Formula errors
 * go to `diags`. */
void rel_check_user_identities(const rel_model *model, const rel_indicators *indicators,
                               rel_diags *diags, rel_findings *findings);

/* One unit of the last printed digit of figures written with `decimals`
 * decimals, at fixed-point `scale`: rel_rounding_unit(2, 0) = 100 (a euro
 * in cents), rel_rounding_unit(2, 2) = 1. */
int64_t rel_rounding_unit(int scale, int decimals);

/* The difference the rounding of `parts` printed figures can explain in
 * their total: half a unit of the last printed digit per part, at least
 * one unit (the same figure printed in two places: parts = 1). */
int64_t rel_rounding_allowance(int scale, int decimals, size_t parts);

/* What a total of `parts` figures of `column` may differ by as rounding:
 * the table's declared rule (exact, or its own bound) when it has one,
 * else rel_rounding_allowance for a rounded measure and 0 for a count. */
int64_t rel_column_allowance(const rel_dataset *d, int column, size_t parts);

/* What one figure of `column` recomputed (a ratio, a mean, a change) may
 * differ by: one unit of its last printed digit, or the table's rule. */
int64_t rel_figure_allowance(const rel_dataset *d, int column);

/* How a check prints figures of a column of `type`. */
rel_unit rel_unit_of(rel_type type);

#endif
