/* Allegato C (first part): the multi-year indicators, with the change on
 * the year before as formulas the auditor can follow. */
#include <stdio.h>

#include "render/xlsx/xlsx_sheets.h"

/* Column letter of a 0-based column (A..Z is enough here). */
static char letter(lxw_col_t col)
{
    return (char)('A' + col);
}

static double as_number(const rel_value *value, rel_type type)
{
    double unit = 1.0;
    for (int i = 0; i < rel_type_scale(type); i++)
        unit *= 10.0;
    return (double)value->number / unit;
}

static void write_change(const rel_xlsx_sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t now,
                         lxw_col_t before, double a, double b)
{
    char formula[96];
    unsigned n = (unsigned)row + 1;
    snprintf(formula, sizeof formula, "=%c%u-%c%u", letter(now), n, letter(before), n);
    worksheet_write_formula_num(s->sheet, row, col, formula, s->formats->number, a - b);
    snprintf(formula, sizeof formula, "=IF(%c%u=0,\"\",(%c%u-%c%u)/%c%u)", letter(before), n,
             letter(now), n, letter(before), n, letter(before), n);
    if (b == 0.0)
        worksheet_write_formula_str(s->sheet, row, col + 1, formula, s->formats->percent, "");
    else
        worksheet_write_formula_num(s->sheet, row, col + 1, formula, s->formats->percent,
                                    (a - b) / b);
}

void rel_xlsx_indicatori(const rel_xlsx_sheet *s)
{
    const rel_dataset *d = rel_model_dataset(s->model, "indicatori");
    int year = s->model->entity.year;
    int label = rel_dataset_column(d, "indicatore"), unit = rel_dataset_column(d, "unita");
    int note = rel_dataset_column(d, "nota");
    const char *labels[24] = {"Indicatore", "Unità", "Nota"};
    double widths[24] = {40, 8, 44};
    int years[16];
    lxw_col_t count = 3;
    for (size_t c = 0; c < d->column_count && count < 19; c++)
        if (d->columns[c].year > 0) {
            years[count - 3] = (int)c;
            labels[count] = d->columns[c].label;
            widths[count++] = 13;
        }
    lxw_col_t now = 0, before = 0;
    for (lxw_col_t c = 3; c < count; c++) {
        now = d->columns[years[c - 3]].year == year ? c : now;
        before = d->columns[years[c - 3]].year == year - 1 ? c : before;
    }
    bool change = now && before;
    if (change) {
        labels[count] = "Variazione";
        labels[count + 1] = "Variazione %";
        widths[count] = widths[count + 1] = 13;
    }
    char title[160];
    snprintf(title, sizeof title, "Allegato C – Indicatori %d", year);
    rel_xlsx_head(s, title, labels, widths, (lxw_col_t)(count + (change ? 2 : 0)));
    lxw_row_t row = REL_XLSX_FIRST_ROW;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        worksheet_write_string(s->sheet, row, 0, rel_row_text(line, label), NULL);
        worksheet_write_string(s->sheet, row, 1, rel_row_text(line, unit), NULL);
        worksheet_write_string(s->sheet, row, 2, rel_row_text(line, note), s->formats->wrap);
        double values[16] = {0};
        for (lxw_col_t c = 3; c < count; c++) {
            const rel_value *v = &line->values[years[c - 3]];
            values[c - 3] = as_number(v, d->columns[years[c - 3]].type);
            if (v->present)
                worksheet_write_number(s->sheet, row, c, values[c - 3], s->formats->number);
        }
        if (change)
            write_change(s, row, count, now, before, values[now - 3], values[before - 3]);
        row++;
    }
    rel_xlsx_print_setup(s, "Allegato C", row - 1, (lxw_col_t)(count + (change ? 1 : -1)), true);
}
