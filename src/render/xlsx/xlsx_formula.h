/*
 * xlsx_formula.h - a verifica of the user (verifiche.csv) as a spreadsheet
 * formula over the annex's cells (private to render/xlsx/).
 */
#ifndef REL_XLSX_FORMULA_H
#define REL_XLSX_FORMULA_H

#include "render/xlsx/xlsx_figure.h"

/* The formula of the side `f` of a user's check, whose text is the cell
 * f->at of verifiche.csv. Fills *out as rel_xlsx_figure_of does; false only
 * when out of memory. */
bool rel_xlsx_formula_of(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                         const rel_figure *f, int scale, rel_xlsx_figure *out);

/* The value of a computed indicator, whose formula is `text`, as a formula
 * rounded to its decimals (ROUND(…, decimali)), with the value computed;
 * as rel_xlsx_figure_of otherwise. */
bool rel_xlsx_indicator_formula(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                                const rel_indicator *indicator, const char *text,
                                rel_xlsx_figure *out);

#endif
