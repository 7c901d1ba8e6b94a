/* Allegato C (second part): every check of the reconciliation. The auditor
 * sees what was compared, where each figure comes from, and re-adds the
 * difference himself (a formula). */
#include <stdio.h>

#include "render/xlsx/xlsx_sheets.h"

static void write_check(const rel_xlsx_sheet *s, lxw_row_t row, const rel_finding *f)
{
    lxw_format *value_format = f->money ? s->formats->money : s->formats->number;
    double unit = 1.0;
    for (int i = 0; i < f->scale; i++)
        unit *= 10.0;
    worksheet_write_string(s->sheet, row, 0, f->check, s->formats->wrap);
    worksheet_write_string(s->sheet, row, 1, rel_figure_place(s->arena, &f->declared), NULL);
    worksheet_write_string(s->sheet, row, 3, rel_figure_place(s->arena, &f->expected), NULL);
    worksheet_write_string(s->sheet, row, 6, rel_check_status_text(f->status), NULL);
    if (!f->numeric)
        return;
    worksheet_write_number(s->sheet, row, 2, (double)f->declared.value / unit, value_format);
    worksheet_write_number(s->sheet, row, 4, (double)f->expected.value / unit, value_format);
    char formula[48];
    snprintf(formula, sizeof formula, "=C%u-E%u", (unsigned)row + 1, (unsigned)row + 1);
    worksheet_write_formula_num(s->sheet, row, 5, formula, value_format,
                                (double)(f->declared.value - f->expected.value) / unit);
}

void rel_xlsx_verifiche(const rel_xlsx_sheet *s, const rel_findings *findings)
{
    static const char *const labels[] = {"Verifica", "Fonte del dato dichiarato", "Dichiarato",
                                         "Fonte del dato atteso", "Atteso", "Differenza",
                                         "Esito"};
    static const double widths[] = {60, 26, 16, 30, 16, 14, 16};
    char title[160];
    snprintf(title, sizeof title, "Allegato C – Prospetto delle verifiche %d",
             s->model->entity.year);
    rel_xlsx_head(s, title, labels, widths, 7);
    for (size_t i = 0; i < findings->count; i++)
        write_check(s, REL_XLSX_FIRST_ROW + (lxw_row_t)i, &findings->items[i]);
    rel_xlsx_print_setup(s, "Allegato C", REL_XLSX_FIRST_ROW - 1 + (lxw_row_t)findings->count, 6,
                         true);
}
