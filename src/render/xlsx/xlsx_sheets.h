/*
 * xlsx_sheets.h - what the annex sheets share (private to render/xlsx/).
 *
 * Every sheet: a title and the entity on the first two rows, the header on
 * the third, frozen; A4 landscape fitted to the width, header row repeated,
 * the entity and the page in the print header and footer. Amounts are
 * written as numbers (cents / 100: doubles only here, at the XLSX
 * boundary) and every total as a formula with its cached value.
 */
#ifndef REL_XLSX_SHEETS_H
#define REL_XLSX_SHEETS_H

#include <stdint.h>
#include <xlsxwriter.h>

#include "model/model.h"
#include "reconcile/finding.h"

#define REL_XLSX_FIRST_ROW 3     /* rows 0-1: title; row 2: header */

typedef struct rel_xlsx_formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *money;
    lxw_format *percent;
    lxw_format *number;
    lxw_format *date;
    lxw_format *month;           /* a whole month: "mag-20" in Italian Excel */
    lxw_format *wrap;
    lxw_format *subtotal_label;
    lxw_format *subtotal_money;
    lxw_format *total_label;
    lxw_format *total_money;
    lxw_format *total_percent;
} rel_xlsx_formats;

/* A sheet being written: the workbook's formats and the model. */
typedef struct rel_xlsx_sheet {
    lxw_worksheet *sheet;
    const rel_xlsx_formats *formats;
    const rel_model *model;
    rel_arena *arena;
} rel_xlsx_sheet;

/* The cell of an area's subtotal in the Schede sheet, for other sheets to
 * reference ("=Schede!F14"). */
typedef struct rel_xlsx_area_cell {
    const char *area;
    lxw_row_t row;
} rel_xlsx_area_cell;

double rel_xlsx_euros(int64_t cents);

/* Title, entity, header labels and column widths; print setup. */
void rel_xlsx_head(const rel_xlsx_sheet *s, const char *title, const char *const *labels,
                   const double *widths, lxw_col_t columns);
void rel_xlsx_print_setup(const rel_xlsx_sheet *s, const char *annex, lxw_row_t last_row,
                          lxw_col_t last_col, bool filter);

/* The sheets. Schede fills `areas` (at most `max`) with the rows of the
 * area subtotals and returns their count. */
size_t rel_xlsx_schede(const rel_xlsx_sheet *s, rel_xlsx_area_cell *areas, size_t max);
void rel_xlsx_centri(const rel_xlsx_sheet *s, const rel_xlsx_area_cell *areas, size_t count);
void rel_xlsx_progetti(const rel_xlsx_sheet *s);
void rel_xlsx_indicatori(const rel_xlsx_sheet *s);
void rel_xlsx_verifiche(const rel_xlsx_sheet *s, const rel_findings *findings);

#endif
