/*
 * xlsx_value.h - a value of the model in a cell, as its column types it
 * (private to render/xlsx/).
 */
#ifndef REL_XLSX_VALUE_H
#define REL_XLSX_VALUE_H

#include "model/dataset.h"
#include "render/xlsx/xlsx_book.h"

/* The style a column of `type` is shown in (money in whole euros when
 * `whole`). */
rel_xlsx_style rel_xlsx_style_of(rel_type type, bool whole);

/* The number in the cell for a fixed-point `number` of `type`: euros for
 * money, the fraction for a percentage (44,44% => 0,4444). */
double rel_xlsx_cell_number(int64_t number, rel_type type);

/* Writes `value`, of a column of `type`, into column `col` of the current
 * row (the sheet says where its dataset's cells are: rel_xlsx_cells_place).
 * Numbers as numbers,
 * dates as dates, outcomes as SI / NO / PARZIALMENTE; an empty value leaves
 * the cell empty, never 0, and so do words standing in a figure or date
 * column (the caller keeps them in a note). */
bool rel_xlsx_value(rel_xlsx_sheet *s, lxw_col_t col, const rel_value *value, rel_type type,
                    bool whole, rel_xlsx_emphasis emphasis);

#endif
