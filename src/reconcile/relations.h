/*
 * relations.h - columns that are not sums: ratios and means (private to
 * reconcile/).
 *
 * Real tables print percentages and averages beside counts: the share of
 * foreigners (STRAN / RES, "12%"), a cost per user, a VALORE MEDIO row.
 * Their TOTALE cell is not the sum of the lines, so checking it as a sum
 * would be a false finding, and not checking it a silent gap. A ratio is
 * found from the data: a percentage or decimal column that equals, on at
 * least three lines and three lines in four, one numeric column divided by
 * another (optionally times 100), to within one unit of its last printed
 * digit. Its TOTALE is then checked as the ratio of the two columns'
 * totals, and every line that breaks the ratio is a finding (R014). A
 * percentage or decimal total that is neither a sum nor a ratio is checked
 * as the mean of its lines when that is what it is.
 */
#ifndef REL_RECONCILE_RELATIONS_H
#define REL_RECONCILE_RELATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/dataset.h"
#include "reconcile/finding.h"

typedef struct rel_ratio {
    int column;          /* the derived column */
    int numerator;
    int denominator;
    bool times_100;      /* a decimal column that prints a percentage without "%" */
} rel_ratio;

typedef struct rel_relations {
    rel_ratio *ratios;
    size_t count;
} rel_relations;

/* Finds the ratios of `d`. false when out of memory. */
bool rel_relations_find(const rel_dataset *d, rel_arena *arena, rel_relations *out);

/* Checks the cell of `span`'s total in `column` when the column is a ratio
 * or the total is a mean of its lines, and returns true; returns false,
 * recording nothing, when the cell should be checked as a sum. */
bool rel_relations_check_total(const rel_dataset *d, const rel_relations *relations,
                               const rel_span *span, int column, rel_findings *findings);

/* R014: every line whose ratio cell differs from its two columns by more
 * than the rounding explains. */
void rel_relations_check_rows(const rel_dataset *d, const rel_relations *relations,
                              rel_findings *findings);

#endif
