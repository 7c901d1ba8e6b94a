/* The cost centres beside the schedules they summarise: each centre's
 * declared figures, the schedule area's subtotal as a reference into the
 * Schede sheet, and the difference as a formula; then the check of the
 * total against the year's Uscite. */
#include <stdio.h>
#include <string.h>

#include "compute/totals.h"
#include "render/xlsx/xlsx_sheets.h"
#include "validate/labels.h"

enum { COL_CENTRO, COL_AREA, COL_PREV, COL_CONS, COL_SCHEDE_PREV, COL_SCHEDE_CONS,
       COL_DIFF_PREV, COL_DIFF_CONS, COL_COUNT };

static const rel_xlsx_area_cell *area_cell(const rel_xlsx_area_cell *areas, size_t count,
                                           const char *area)
{
    char wanted[256], candidate[256];
    rel_label_normalize(area, wanted, sizeof wanted);
    for (size_t i = 0; i < count; i++) {
        rel_label_normalize(areas[i].area, candidate, sizeof candidate);
        if (strcmp(wanted, candidate) == 0)
            return &areas[i];
    }
    return NULL;
}

static void reference(const rel_xlsx_sheet *s, lxw_row_t row, lxw_col_t col, char column,
                      const rel_xlsx_area_cell *cell, int64_t cached)
{
    char formula[64];
    snprintf(formula, sizeof formula, "=Schede!%c%u", column, (unsigned)cell->row + 1);
    worksheet_write_formula_num(s->sheet, row, col, formula, s->formats->money,
                                rel_xlsx_euros(cached));
}

static void difference(const rel_xlsx_sheet *s, lxw_row_t row, lxw_col_t col, char a, char b,
                       int64_t cached, lxw_format *format)
{
    char formula[48];
    snprintf(formula, sizeof formula, "=%c%u-%c%u", a, (unsigned)row + 1, b, (unsigned)row + 1);
    worksheet_write_formula_num(s->sheet, row, col, formula, format, rel_xlsx_euros(cached));
}

/* The schedule's sums for `area`, recomputed for the cached values. */
static void area_sums(const rel_model *model, const char *area, int64_t *sums)
{
    rel_schedule s;
    sums[0] = sums[1] = 0;
    if (!rel_schedule_get(model, &s))
        return;
    char wanted[256], candidate[256];
    rel_label_normalize(area, wanted, sizeof wanted);
    for (size_t r = 0; r < s.data->row_count; r++) {
        const rel_row *row = &s.data->rows[r];
        rel_label_normalize(rel_row_text(row, s.area), candidate, sizeof candidate);
        if (row->kind == REL_ROW_ITEM && strcmp(wanted, candidate) == 0) {
            sums[0] += row->values[s.preventivo].number;
            sums[1] += row->values[s.consuntivo].number;
        }
    }
}

/* The year's Uscite as costi.csv declares them (its TOTALE, else the sum of
 * its lines), beside the schedules' grand total (=Schede!F…), with the
 * difference: the check an auditor makes first. */
static void write_uscite_check(const rel_xlsx_sheet *s, lxw_row_t row,
                               const rel_xlsx_area_cell *areas, size_t count)
{
    const rel_dataset *costi = rel_model_dataset(s->model, "costi");
    int column = costi ? rel_dataset_year_column(costi, s->model->entity.year) : -1;
    if (column < 0 || count == 0)
        return;
    int64_t uscite = 0, declared = -1;
    for (size_t r = 0; r < costi->row_count; r++) {
        const rel_row *line = &costi->rows[r];
        if (line->kind == REL_ROW_ITEM)
            uscite += line->values[column].number;
        else if (line->values[column].present)
            declared = line->values[column].number;
    }
    if (declared >= 0)
        uscite = declared;
    int64_t schede = 0;
    for (size_t a = 0; a < count; a++) {
        int64_t sums[2];
        area_sums(s->model, areas[a].area, sums);
        schede += sums[1];
    }
    const rel_xlsx_formats *f = s->formats;
    worksheet_write_string(s->sheet, row, COL_CENTRO, "Uscite dell'esercizio (costi per natura)",
                           f->total_label);
    worksheet_write_number(s->sheet, row, COL_CONS, rel_xlsx_euros(uscite), f->total_money);
    char formula[64];
    /* the grand total sits two rows under the last area subtotal in Schede */
    snprintf(formula, sizeof formula, "=Schede!F%u", (unsigned)areas[count - 1].row + 2);
    worksheet_write_formula_num(s->sheet, row, COL_SCHEDE_CONS, formula, f->total_money,
                                rel_xlsx_euros(schede));
    difference(s, row, COL_DIFF_CONS, 'D', 'F', uscite - schede, f->total_money);
}

void rel_xlsx_centri(const rel_xlsx_sheet *s, const rel_xlsx_area_cell *areas, size_t count)
{
    static const char *const labels[] = {"Centro di costo", "Area delle schede",
                                         "Preventivo", "Consuntivo", "Preventivo (schede)",
                                         "Consuntivo (schede)", "Differenza preventivo",
                                         "Differenza consuntivo"};
    static const double widths[] = {38, 28, 16, 16, 18, 18, 16, 16};
    char title[160];
    snprintf(title, sizeof title, "Allegato A – Riepilogo per centri di costo %d",
             s->model->entity.year);
    rel_xlsx_head(s, title, labels, widths, COL_COUNT);
    const rel_dataset *d = rel_model_dataset(s->model, "centri_di_costo");
    int centro = rel_dataset_column(d, "centro"), area = rel_dataset_column(d, "area");
    int prev = rel_dataset_column(d, "preventivo"), cons = rel_dataset_column(d, "consuntivo");
    lxw_row_t row = REL_XLSX_FIRST_ROW;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        if (line->kind != REL_ROW_ITEM)
            continue;
        worksheet_write_string(s->sheet, row, COL_CENTRO, rel_row_text(line, centro), NULL);
        worksheet_write_string(s->sheet, row, COL_AREA, rel_row_text(line, area), NULL);
        int64_t declared[2] = {line->values[prev].number, line->values[cons].number};
        worksheet_write_number(s->sheet, row, COL_PREV, rel_xlsx_euros(declared[0]),
                               s->formats->money);
        worksheet_write_number(s->sheet, row, COL_CONS, rel_xlsx_euros(declared[1]),
                               s->formats->money);
        const rel_xlsx_area_cell *cell = area_cell(areas, count, rel_row_text(line, area));
        if (cell != NULL) {
            int64_t sums[2];
            area_sums(s->model, cell->area, sums);
            reference(s, row, COL_SCHEDE_PREV, 'E', cell, sums[0]);
            reference(s, row, COL_SCHEDE_CONS, 'F', cell, sums[1]);
            difference(s, row, COL_DIFF_PREV, 'C', 'E', declared[0] - sums[0], s->formats->money);
            difference(s, row, COL_DIFF_CONS, 'D', 'F', declared[1] - sums[1], s->formats->money);
        }
        row++;
    }
    write_uscite_check(s, row + 1, areas, count);
    rel_xlsx_print_setup(s, "Allegato A", row - 1, COL_DIFF_CONS, true);
}
