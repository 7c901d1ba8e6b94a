#include "render/xlsx/xlsx_writer.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "compute/totals.h"
#include "core/codes.h"

/* Excel's en-US syntax; Italian Excel shows it as "1.234,56 €" (LIBS.md). */
#define EURO_FORMAT "#,##0.00 [$€-410];[Red]-#,##0.00 [$€-410]"

enum { COL_AREA, COL_AZIONE, COL_VOCE, COL_DESCRIZIONE, COL_PREVENTIVO, COL_CONSUNTIVO };

#define FIRST_DATA_ROW 3    /* rows 0-1: title; row 2: header */

typedef struct annex_formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *money;
    lxw_format *total_label;
    lxw_format *total_money;
} annex_formats;

static void make_formats(lxw_workbook *book, annex_formats *f)
{
    f->title = workbook_add_format(book);
    format_set_bold(f->title);
    format_set_font_size(f->title, 13);
    f->header = workbook_add_format(book);
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0xD9E1F2);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->money = workbook_add_format(book);
    format_set_num_format(f->money, EURO_FORMAT);
    f->total_label = workbook_add_format(book);
    format_set_bold(f->total_label);
    format_set_top(f->total_label, LXW_BORDER_THIN);
    format_set_bottom(f->total_label, LXW_BORDER_DOUBLE);
    f->total_money = workbook_add_format(book);
    format_set_bold(f->total_money);
    format_set_num_format(f->total_money, EURO_FORMAT);
    format_set_top(f->total_money, LXW_BORDER_THIN);
    format_set_bottom(f->total_money, LXW_BORDER_DOUBLE);
}

static double euros(int64_t cents)
{
    return (double)cents / 100.0;
}

static void write_header(lxw_worksheet *sheet, const rel_model *model, const annex_formats *f)
{
    static const char *labels[] = {"Area", "Azione", "Voce", "Descrizione", "Preventivo",
                                   "Consuntivo"};
    static const double widths[] = {28, 34, 44, 30, 16, 16};
    char title[160];
    snprintf(title, sizeof title, "Allegato A – Schede preventivo/consuntivo %d",
             model->entity.year);
    worksheet_write_string(sheet, 0, 0, title, f->title);
    worksheet_write_string(sheet, 1, 0, model->entity.name.text, NULL);
    for (lxw_col_t c = 0; c < 6; c++) {
        worksheet_set_column(sheet, c, c, widths[c], NULL);
        worksheet_write_string(sheet, FIRST_DATA_ROW - 1, c, labels[c], f->header);
    }
}

static void setup_page(lxw_worksheet *sheet, const rel_model *model, lxw_row_t last_row)
{
    worksheet_freeze_panes(sheet, FIRST_DATA_ROW, 0);
    worksheet_autofilter(sheet, FIRST_DATA_ROW - 1, 0, last_row, COL_CONSUNTIVO);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);   /* A4 */
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_repeat_rows(sheet, FIRST_DATA_ROW - 1, FIRST_DATA_ROW - 1);
    char header[300];
    /* "&" starts a field code in Excel headers: a literal one is "&&". */
    char name[200];
    size_t n = 0;
    for (const char *p = model->entity.name.text; *p && n + 2 < sizeof name; p++) {
        if (*p == '&')
            name[n++] = '&';
        name[n++] = *p;
    }
    name[n] = '\0';
    snprintf(header, sizeof header, "&L%s&RAllegato A – esercizio %d", name, model->entity.year);
    worksheet_set_header(sheet, header);
    worksheet_set_footer(sheet, "&Cpag. &P di &N");
}

/* One flat row per voce (area and azione repeated, so the auditor can filter
 * and pivot), then the TOTALE row as SUM formulas with cached values. The
 * TOTALE rows the user typed are not copied here: they are declared figures,
 * checked by reconciliation, and would be counted twice by a SUM. */
static void write_schedule(lxw_worksheet *sheet, const rel_model *model, const annex_formats *f)
{
    write_header(sheet, model, f);
    rel_schedule s;
    if (!rel_schedule_get(model, &s))
        return;
    lxw_row_t row = FIRST_DATA_ROW;
    for (size_t i = 0; i < s.data->row_count; i++) {
        const rel_row *line = &s.data->rows[i];
        if (line->kind != REL_ROW_ITEM)
            continue;
        worksheet_write_string(sheet, row, COL_AREA, rel_row_text(line, s.area), NULL);
        worksheet_write_string(sheet, row, COL_AZIONE, rel_row_text(line, s.azione), NULL);
        worksheet_write_string(sheet, row, COL_VOCE, rel_row_text(line, s.voce), NULL);
        worksheet_write_string(sheet, row, COL_DESCRIZIONE, rel_row_text(line, s.descrizione),
                               NULL);
        worksheet_write_number(sheet, row, COL_PREVENTIVO,
                               euros(line->values[s.preventivo].number), f->money);
        worksheet_write_number(sheet, row, COL_CONSUNTIVO,
                               euros(line->values[s.consuntivo].number), f->money);
        row++;
    }
    int64_t preventivo = 0, consuntivo = 0;
    rel_dataset_sum(s.data, s.preventivo, &preventivo);
    rel_dataset_sum(s.data, s.consuntivo, &consuntivo);
    char formula[64];
    worksheet_write_string(sheet, row, COL_AREA, "TOTALE", f->total_label);
    for (lxw_col_t c = COL_AZIONE; c < COL_PREVENTIVO; c++)
        worksheet_write_blank(sheet, row, c, f->total_label);
    snprintf(formula, sizeof formula, "=SUM(E%u:E%u)", FIRST_DATA_ROW + 1, (unsigned)row);
    worksheet_write_formula_num(sheet, row, COL_PREVENTIVO, formula, f->total_money,
                                euros(preventivo));
    snprintf(formula, sizeof formula, "=SUM(F%u:F%u)", FIRST_DATA_ROW + 1, (unsigned)row);
    worksheet_write_formula_num(sheet, row, COL_CONSUNTIVO, formula, f->total_money,
                                euros(consuntivo));
    setup_page(sheet, model, row - 1);
}

static time_t stamp_time(const rel_doc_stamp *s)
{
    struct tm tm = {.tm_year = s->year - 1900, .tm_mon = s->month - 1, .tm_mday = s->day,
                    .tm_hour = s->hour, .tm_min = s->minute, .tm_sec = s->second};
    return timegm(&tm);
}

bool rel_xlsx_write(const rel_model *model, const rel_doc_stamp *created, const char *path,
                    rel_diags *diags)
{
    lxw_workbook *book = workbook_new(path);
    if (book == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){path, 0, 0},
                     "impossibile creare il file Excel");
        return false;
    }
    char title[96];
    snprintf(title, sizeof title, "Allegati alla relazione sulla gestione %d", model->entity.year);
    lxw_doc_properties properties = {
        .title = title,
        .author = (char *)model->entity.name.text,
        .company = (char *)model->entity.name.text,
        .created = stamp_time(created),
    };
    workbook_set_properties(book, &properties);
    annex_formats formats;
    make_formats(book, &formats);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Schede");
    if (sheet != NULL)
        write_schedule(sheet, model, &formats);
    lxw_error error = workbook_close(book);
    if (sheet == NULL || error != LXW_NO_ERROR) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){path, 0, 0},
                     "errore nella scrittura del file Excel: %s", lxw_strerror(error));
        return false;
    }
    return true;
}
