/* Allegato B: the projects as an Excel table (filter, banded rows, a total
 * row), dates as real dates, the shares as formulas. LibreOffice reads
 * neither the "this row" references (libxlsxwriter stores Progetti[@Col] as
 * [#This Row], which LibreOffice 7.4 evaluates to #N/A: our recalculation
 * test caught it) nor the automatic total: rows use plain cell references
 * and the totals SUBTOTAL(109,Progetti[Col]) written here, with cached
 * values (LIBS.md). */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "render/xlsx/xlsx_sheets.h"

static const char *const amount_columns[] = {"importo_totale", "importo_finanziato",
                                             "assegnato_ambito", "quota_azienda",
                                             "cofinanziamento_azienda"};
/* no apostrophe in these: it would need escaping in Progetti[...] references */
static const char *const amount_labels[] = {"Importo totale", "Importo finanziato",
                                            "Assegnato ambito", "Quota azienda",
                                            "Cofinanziamento"};
static const char *const date_columns[] = {"data_presentazione", "data_avvio", "data_fine"};
static const char *const date_labels[] = {"Presentazione", "Avvio", "Fine"};

#define AMOUNTS 5
#define DATES 3
#define COLUMNS (3 + AMOUNTS + 2 + DATES)

static void write_date(const rel_xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
                       const rel_value *value)
{
    if (!value->present || value->is_text) {
        worksheet_write_string(s->sheet, row, col, value->text, NULL);
        return;
    }
    /* a whole month (mag-20) is its first day, shown as the month */
    worksheet_write_number(s->sheet, row, col, rel_date_serial(value->date),
                           value->date.day == 0 ? s->formats->month : s->formats->date);
}

static void write_shares(const rel_xlsx_sheet *s, lxw_row_t row, const rel_row *line,
                         const int *amounts)
{
    /* importo totale in D, finanziato in E, cofinanziamento in H */
    char formulas[2][64];
    unsigned n = (unsigned)row + 1;
    snprintf(formulas[0], sizeof formulas[0], "=IF(D%u=0,\"\",E%u/D%u)", n, n, n);
    snprintf(formulas[1], sizeof formulas[1], "=IF(D%u=0,\"\",H%u/D%u)", n, n, n);
    int64_t total = line->values[amounts[0]].number;
    int64_t parts[2] = {line->values[amounts[1]].number,
                        amounts[4] >= 0 ? line->values[amounts[4]].number : 0};
    for (int k = 0; k < 2; k++) {
        lxw_col_t col = (lxw_col_t)(3 + AMOUNTS + k);
        if (total == 0)
            worksheet_write_formula_str(s->sheet, row, col, formulas[k], s->formats->percent, "");
        else
            worksheet_write_formula_num(s->sheet, row, col, formulas[k], s->formats->percent,
                                        (double)parts[k] / (double)total);
    }
}

static void write_totals(const rel_xlsx_sheet *s, lxw_row_t row, const rel_dataset *d,
                         const int *amounts)
{
    worksheet_write_string(s->sheet, row, 0, "Totale", s->formats->total_label);
    for (int k = 0; k < AMOUNTS; k++) {
        int64_t sum = 0;
        for (size_t r = 0; amounts[k] >= 0 && r < d->row_count; r++)
            if (d->rows[r].kind == REL_ROW_ITEM)
                sum += d->rows[r].values[amounts[k]].number;
        char formula[96];
        snprintf(formula, sizeof formula, "=SUBTOTAL(109,Progetti[%s])", amount_labels[k]);
        worksheet_write_formula_num(s->sheet, row, (lxw_col_t)(3 + k), formula,
                                    s->formats->total_money, rel_xlsx_euros(sum));
    }
}

void rel_xlsx_progetti(const rel_xlsx_sheet *s)
{
    const rel_dataset *d = rel_model_dataset(s->model, "progetti");
    const char *labels[COLUMNS] = {"Titolo", "Capofila", "Finanziatore"};
    double widths[COLUMNS] = {34, 26, 24};
    for (int k = 0; k < AMOUNTS; k++) {
        labels[3 + k] = amount_labels[k];
        widths[3 + k] = 16;
    }
    labels[3 + AMOUNTS] = "Quota finanziata %";
    labels[4 + AMOUNTS] = "Cofinanziamento %";
    widths[3 + AMOUNTS] = widths[4 + AMOUNTS] = 14;
    for (int k = 0; k < DATES; k++) {
        labels[5 + AMOUNTS + k] = date_labels[k];
        widths[5 + AMOUNTS + k] = 14;
    }
    char title[160];
    snprintf(title, sizeof title, "Allegato B – Progetti %d", s->model->entity.year);
    rel_xlsx_head(s, title, labels, widths, COLUMNS);
    int amounts[AMOUNTS], dates[DATES];
    for (int k = 0; k < AMOUNTS; k++)
        amounts[k] = rel_dataset_column(d, amount_columns[k]);
    for (int k = 0; k < DATES; k++)
        dates[k] = rel_dataset_column(d, date_columns[k]);
    const char *texts[3] = {"titolo", "capofila", "finanziatore"};
    lxw_row_t row = REL_XLSX_FIRST_ROW;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        if (line->kind != REL_ROW_ITEM)
            continue;
        for (int k = 0; k < 3; k++)
            worksheet_write_string(s->sheet, row, (lxw_col_t)k,
                                   rel_row_text(line, rel_dataset_column(d, texts[k])), NULL);
        for (int k = 0; k < AMOUNTS; k++)
            worksheet_write_number(s->sheet, row, (lxw_col_t)(3 + k),
                                   amounts[k] >= 0 ? rel_xlsx_euros(line->values[amounts[k]].number)
                                                   : 0.0, s->formats->money);
        write_shares(s, row, line, amounts);
        for (int k = 0; k < DATES; k++)
            if (dates[k] >= 0)
                write_date(s, row, (lxw_col_t)(5 + AMOUNTS + k), &line->values[dates[k]]);
        row++;
    }
    write_totals(s, row, d, amounts);
    lxw_table_column *columns[COLUMNS + 1] = {NULL};
    lxw_table_column specs[COLUMNS];
    for (int k = 0; k < COLUMNS; k++) {
        specs[k] = (lxw_table_column){.header = (char *)labels[k]};
        columns[k] = &specs[k];
    }
    specs[0].total_string = "Totale";
    lxw_table_options options = {.name = "Progetti", .total_row = LXW_TRUE,
                                 .style_type = LXW_TABLE_STYLE_TYPE_MEDIUM,
                                 .style_type_number = 2, .columns = columns};
    worksheet_add_table(s->sheet, REL_XLSX_FIRST_ROW - 1, 0, row, COLUMNS - 1, &options);
    rel_xlsx_print_setup(s, "Allegato B", row, COLUMNS - 1, false);
}
