/* Sums over some cells of one column of a sheet, as one short formula. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/xlsx/xlsx_cells.h"

/* Excel: at most 255 arguments to a function, 8.192 characters a formula. */
#define MAX_RUNS 250
#define MAX_FORMULA 8000

static int by_position(const void *a, const void *b)
{
    const rel_xlsx_place *x = a, *y = b;
    if (x->sheet != y->sheet)
        return x->sheet < y->sheet ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* "Schede!" or "" when the formula is on the same sheet. */
static const char *prefix(const rel_xlsx_cells *cells, uint32_t sheet, const uint32_t *from,
                          char *out, size_t size)
{
    if (from && *from == sheet)
        out[0] = '\0';
    else
        snprintf(out, size, "%s!", rel_xlsx_cells_sheet_ref(cells, sheet));
    return out;
}

static const char *range(char *out, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                         bool absolute)
{
    if (absolute)
        lxw_rowcol_to_range_abs(out, first, col, last, col);
    else if (first == last)
        lxw_rowcol_to_cell(out, first, col);
    else
        lxw_rowcol_to_range(out, first, col, last, col);
    return out;
}

/* SUM(F4:F7,F9,F12:F15) (`opening` is "SUM(" or "SUBTOTAL(9,"): the runs of consecutive rows; NULL when too many. */
static const char *runs(rel_arena *arena, const rel_xlsx_place *places, size_t count,
                        const char *sheet, const char *opening)
{
    size_t size = MAX_FORMULA + 64, used = 0, runs_written = 0;
    char *out = rel_arena_alloc(arena, size);
    if (out == NULL)
        return NULL;
    used += (size_t)snprintf(out, size, "%s", opening);
    for (size_t i = 0; i < count;) {
        size_t j = i;
        while (j + 1 < count && places[j + 1].row == places[j].row + 1)
            j++;
        char cells[48];
        range(cells, places[i].row, places[j].row, places[i].col, false);
        used += (size_t)snprintf(out + used, size - used, "%s%s%s", i ? "," : "", sheet, cells);
        if (++runs_written > MAX_RUNS || used >= MAX_FORMULA)
            return NULL;
        i = j + 1;
    }
    snprintf(out + used, size - used, ")");
    return out;
}

const char *rel_xlsx_cells_sum(const rel_xlsx_cells *cells, rel_arena *arena,
                               rel_xlsx_place *places, size_t count, const uint32_t *from,
                               bool display, bool *subtotal)
{
    *subtotal = false;
    if (count == 0)
        return "0";
    qsort(places, count, sizeof *places, by_position);
    uint32_t sheet = places[0].sheet;
    lxw_col_t col = places[0].col;
    for (size_t i = 1; i < count; i++)
        if (places[i].sheet != sheet || places[i].col != col || places[i].row == places[i - 1].row)
            return NULL;
    char name[2 * LXW_MAX_SHEETNAME_LENGTH + 8];
    prefix(cells, sheet, from, name, sizeof name);
    lxw_row_t first = places[0].row, last = places[count - 1].row;
    size_t items, opaque;
    rel_xlsx_cells_count(cells, sheet, first, last, &items, &opaque);
    if (items == count && display && opaque == 0) {
        /* every line of the span is ours, nested totals are SUBTOTALs */
        char cells_range[48];
        *subtotal = true;
        return rel_arena_printf(arena, "SUBTOTAL(9,%s%s)", name,
                                range(cells_range, first, last, col, false));
    }
    if (display) {
        /* SUBTOTAL over the runs of lines, which follows filters */
        const char *formula = runs(arena, places, count, name, "SUBTOTAL(9,");
        *subtotal = formula != NULL;
        if (formula != NULL)
            return formula;
    }
    int kinds = rel_xlsx_cells_kind_column(cells, sheet);
    if (items == count && kinds >= 0 && count > 1) {
        char criteria[48], values[48];
        return rel_arena_printf(arena, "SUMIF(%s%s,\"%s\",%s%s)", name,
                                range(criteria, first, last, (lxw_col_t)kinds, true),
                                rel_xlsx_row_kind_word(REL_XLSX_ROW_ITEM), name,
                                range(values, first, last, col, false));
    }
    if (count == 1) {
        char cell[48];
        return rel_arena_printf(arena, "%s%s", name, range(cell, first, first, col, false));
    }
    return runs(arena, places, count, name, "SUM(");
}

const char *rel_xlsx_cells_mean(const rel_xlsx_cells *cells, rel_arena *arena,
                                rel_xlsx_place *places, size_t count, const uint32_t *from)
{
    bool subtotal;
    const char *sum = rel_xlsx_cells_sum(cells, arena, places, count, from, false, &subtotal);
    if (sum == NULL)
        return NULL;
    /* the sum's own form, averaged: SUMIF( -> AVERAGEIF(, SUM( -> AVERAGE( */
    if (strncmp(sum, "SUMIF(", 6) == 0)
        return rel_arena_printf(arena, "AVERAGEIF(%s", sum + 6);
    if (strncmp(sum, "SUM(", 4) == 0)
        return rel_arena_printf(arena, "AVERAGE(%s", sum + 4);
    return sum;   /* one cell */
}

const char *rel_xlsx_cells_runs(const rel_xlsx_cells *cells, rel_arena *arena,
                                rel_xlsx_place *places, size_t count, const uint32_t *from,
                                const char *opening)
{
    if (count == 0)
        return NULL;
    qsort(places, count, sizeof *places, by_position);
    for (size_t i = 1; i < count; i++)
        if (places[i].sheet != places[0].sheet || places[i].col != places[0].col)
            return NULL;
    char name[2 * LXW_MAX_SHEETNAME_LENGTH + 8];
    return runs(arena, places, count, prefix(cells, places[0].sheet, from, name, sizeof name),
                opening);
}
