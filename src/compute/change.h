/*
 * change.h - year-over-year change of a multi-year figure, and the
 * figures derived from a project's amounts.
 */
#ifndef REL_COMPUTE_CHANGE_H
#define REL_COMPUTE_CHANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/dataset.h"

typedef struct rel_change {
    int64_t now;               /* year N, at the column's scale */
    int64_t before;            /* year N-1 */
    int64_t difference;        /* now - before */
    bool percent_defined;      /* false when before is zero */
    int64_t percent;           /* difference / before, hundredths of a point */
} rel_change;

/* The change of `row` from year-1 to year, from the dataset's year columns.
 * false when either column is absent or either cell is empty. */
bool rel_change_of(const rel_dataset *dataset, const rel_row *row, int year, rel_change *out);

typedef struct rel_project_figures {
    bool financed_defined;
    int64_t financed_share;    /* importo_finanziato / importo_totale, hundredths of a point */
    bool cofinancing_defined;
    int64_t cofinancing_share; /* cofinanziamento_azienda / importo_totale, likewise */
} rel_project_figures;

/* The shares of a line of progetti.csv; undefined when the total is zero or
 * the amount is absent. */
rel_project_figures rel_project_figures_of(const rel_dataset *projects, const rel_row *row);

#endif
