/*
 * xlsx_figure.h - a figure of a check as a formula over the cells where its
 * parts live (private to render/xlsx/).
 *
 * A typed figure is a reference to its cell; a sum of lines, the sum of
 * their cells; Entrate - Uscite, the difference of the two; a recomputed
 * balance-sheet subtotal or ratio, a reference to the cell where the annex
 * recomputes it; a verifica of the user, its formula translated. The exact
 * value comes along (num / den in the check's unit) so that the cached
 * value is exact and can be compared with the reconciliation's: the annex
 * and the report must tell one truth.
 */
#ifndef REL_XLSX_FIGURE_H
#define REL_XLSX_FIGURE_H

#include "render/xlsx/xlsx_sheets.h"

typedef struct rel_xlsx_figure {
    const char *formula;   /* without "=", or NULL: shown as its value */
    const char *why;       /* Italian, when formula is NULL: why it is a value */
    int64_t num, den;      /* the exact value, num / den, den > 0 */
    int64_t value, unit;   /* the check's own figure (value / unit), for when the
                              formula cannot be written */
} rel_xlsx_figure;

/* Builds the formula of figure `f`, made of `source` (NULL: its cell), as
 * seen from sheet `from`, at the check's `scale` (rounded in the formula
 * when its cells hold more decimals). Always fills *out (formula NULL and
 * `why` when it cannot be expressed); false only when out of memory. */
bool rel_xlsx_figure_of(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                        const rel_figure *f, const rel_figure_source *source, int scale,
                        rel_xlsx_figure *out);

/* The value at `scale` decimals, half away from zero; false on overflow. */
bool rel_xlsx_figure_fixed(const rel_xlsx_figure *figure, int scale, int64_t *out);

/* Writes the figure at `col`: its formula with the cached value, or the
 * value itself. */
bool rel_xlsx_figure_write(rel_xlsx_sheet *s, lxw_col_t col, const rel_xlsx_figure *figure,
                           rel_xlsx_style style, rel_xlsx_emphasis emphasis);

#endif
