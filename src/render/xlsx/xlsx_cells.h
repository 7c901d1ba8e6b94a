/*
 * xlsx_cells.h - where each figure of the model lives in the annex
 * (private to render/xlsx/).
 *
 * The sheets register every input cell they write (by its origin,
 * file:line:col) and every figure they compute that a check compares
 * (a balance-sheet subtotal, a ratio, an objectives count), so that the
 * Verifiche sheet can refer to the cells where the two figures of a check
 * live instead of copying them: an auditor who corrects a figure sees the
 * outcome change. The registry also knows the kind of every row written,
 * so a sum over some lines of a sheet can be written as a short formula.
 */
#ifndef REL_XLSX_CELLS_H
#define REL_XLSX_CELLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xlsxwriter.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/dataset.h"

/* What a row of a sheet is. */
typedef enum rel_xlsx_row_kind {
    REL_XLSX_ROW_OTHER,      /* title, headings, notes, group headings */
    REL_XLSX_ROW_ITEM,       /* a line of a dataset: its figures add into totals */
    REL_XLSX_ROW_DECLARED,   /* a TOTALE the user typed: constants, never added */
    REL_XLSX_ROW_SUBTOTAL,   /* a total the annex computes with SUBTOTAL(9, …), which
                                an enclosing SUBTOTAL skips */
    REL_XLSX_ROW_FORMULA,    /* a figure the annex computes otherwise */
} rel_xlsx_row_kind;

/* The word written in a sheet's "Riga" column for each kind. */
const char *rel_xlsx_row_kind_word(rel_xlsx_row_kind kind);

/* A cell of the annex. `fraction`: the cell holds a percentage as a
 * fraction (0,4444), while checks count points (44,44). */
typedef struct rel_xlsx_place {
    uint32_t sheet;
    uint32_t row;
    uint16_t col;
    bool fraction;
    bool empty;        /* an input cell without a figure */
} rel_xlsx_place;

/* A figure the annex computes, with its exact value num / den in the unit
 * the checks use (euros, points, a ratio). */
typedef struct rel_xlsx_derived {
    rel_xlsx_place place;
    int64_t num;
    int64_t den;
} rel_xlsx_derived;

typedef struct rel_xlsx_sheet_rows rel_xlsx_sheet_rows;
typedef struct rel_xlsx_slot rel_xlsx_slot;
typedef struct rel_xlsx_placement rel_xlsx_placement;

typedef struct rel_xlsx_cells {
    rel_xlsx_sheet_rows *sheets;   /* malloc'd, one per sheet */
    size_t sheet_count;
    size_t sheet_capacity;
    rel_xlsx_placement *placements;   /* malloc'd, one per dataset shown */
    size_t placement_count;
    size_t placement_capacity;
    rel_xlsx_slot *slots;          /* malloc'd hash table: derived figures, datasets */
    size_t slot_capacity;          /* a power of two */
    size_t slot_used;
} rel_xlsx_cells;

void rel_xlsx_cells_init(rel_xlsx_cells *cells);

/* Releases the tables (the names are the caller's). A no-op when empty. */
void rel_xlsx_cells_free(rel_xlsx_cells *cells);

/* Registers a sheet named `ref` in formulas ("'Centri di costo'") whose
 * column `kind_column` (or -1) holds the kind of each row; its index in
 * *index. false when out of memory. */
bool rel_xlsx_cells_sheet(rel_xlsx_cells *cells, const char *ref, int kind_column,
                          uint32_t *index);

const char *rel_xlsx_cells_sheet_ref(const rel_xlsx_cells *cells, uint32_t sheet);

/* Records the kind of row `row` of `sheet` (rows are recorded in order).
 * false when out of memory. */
bool rel_xlsx_cells_row(rel_xlsx_cells *cells, uint32_t sheet, uint32_t row,
                        rel_xlsx_row_kind kind);

/* Says where the cells of dataset `d` are: row r on row `rows[r]` of
 * `sheet`, column c in column `columns[c]` (-1: not shown). The arrays are
 * not copied and must outlive the registry. Nothing is stored per cell, so
 * the registry stays small whatever the size of the datasets. false when
 * out of memory. */
bool rel_xlsx_cells_place(rel_xlsx_cells *cells, const rel_dataset *d, uint32_t sheet,
                          const lxw_row_t *rows, const int *columns);

/* The numeric input cell at `at` as the annex wrote it, with its exact value
 * (an empty cell is 0); false when the annex does not show it. */
bool rel_xlsx_cells_find(const rel_xlsx_cells *cells, rel_origin at, rel_xlsx_derived *out);

/* The same for row `row`, column `column` of `d`. */
bool rel_xlsx_cells_at(const rel_xlsx_cells *cells, const rel_dataset *d, size_t row,
                       int column, rel_xlsx_derived *out);

/* Where the computed figure named `key` was written (the key is not
 * copied: arena or static). false when out of memory. */
bool rel_xlsx_cells_put_derived(rel_xlsx_cells *cells, const char *key,
                                rel_xlsx_derived derived);
const rel_xlsx_derived *rel_xlsx_cells_get_derived(const rel_xlsx_cells *cells,
                                                   const char *key);

/* The key of a computed figure: "bilancio|2024|capitale_immobilizzato". */
const char *rel_xlsx_derived_key(rel_arena *arena, const char *family, int year,
                                 const char *quantity);

/* Over rows first..last of `sheet`: how many are lines (*items) and how
 * many hold figures an enclosing SUBTOTAL would add although they are no
 * line (*opaque: declared totals, totals computed without SUBTOTAL). */
void rel_xlsx_cells_count(const rel_xlsx_cells *cells, uint32_t sheet, uint32_t first,
                          uint32_t last, size_t *items, size_t *opaque);

/* The column holding the kind of each row of `sheet`, or -1. */
int rel_xlsx_cells_kind_column(const rel_xlsx_cells *cells, uint32_t sheet);

/* A formula (without "=") adding the cells `places` (all of one sheet and
 * one column, each at most once), from sheet `from` (NULL: the same sheet
 * needs no prefix). `display` picks SUBTOTAL(9, …), which follows filters,
 * where it adds exactly those cells; otherwise the sum never depends on
 * filters: SUMIF over the sheet's "Riga" column when the cells are all the
 * lines of a span, else SUM of their runs. *subtotal says whether the
 * SUBTOTAL form was chosen. NULL when they cannot be added in
 * one formula (mixed sheets or columns, or too many runs for Excel's
 * limits) or out of memory. Sorts `places`. */
const char *rel_xlsx_cells_sum(const rel_xlsx_cells *cells, rel_arena *arena,
                               rel_xlsx_place *places, size_t count, const uint32_t *from,
                               bool display, bool *subtotal);

/* `opening` ("MIN(", "MAX(", "AVERAGE(") over the runs of `places`; NULL
 * when there are too many. Sorts `places`. */
const char *rel_xlsx_cells_runs(const rel_xlsx_cells *cells, rel_arena *arena,
                                rel_xlsx_place *places, size_t count, const uint32_t *from,
                                const char *opening);

/* The same for their mean: AVERAGEIF over the "Riga" column, or AVERAGE of
 * their runs (both leave the empty cells out). */
const char *rel_xlsx_cells_mean(const rel_xlsx_cells *cells, rel_arena *arena,
                                rel_xlsx_place *places, size_t count, const uint32_t *from);

#endif
