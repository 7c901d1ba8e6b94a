#include "render/xlsx/xlsx_writer.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "compute/totals.h"
#include "core/codes.h"

/* Excel's en-US syntax; Italian Excel shows it as "1.234,56 €" (LIBS.md). */
#define EURO_FORMAT "#,##0.00 [$€-410];[Red]-#,##0.00 [$€-410]"

enum {
    COL_AREA, COL_AZIONE, COL_VOCE, COL_DESCRIZIONE, COL_PREVENTIVO, COL_CONSUNTIVO,
    COL_SCOSTAMENTO, COL_PERCENTUALE, COL_MOTIVAZIONE, COL_COUNT
};

#define FIRST_DATA_ROW 3    /* rows 0-1: title; row 2: header */

typedef struct annex_formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *money;
    lxw_format *percent;
    lxw_format *number;
    lxw_format *wrap;
    lxw_format *total_label;
    lxw_format *total_money;
    lxw_format *total_percent;
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
    f->percent = workbook_add_format(book);
    format_set_num_format(f->percent, "0.00%;[Red]-0.00%");
    f->number = workbook_add_format(book);
    format_set_num_format(f->number, "#,##0.####");
    f->wrap = workbook_add_format(book);
    format_set_text_wrap(f->wrap);
    f->total_label = workbook_add_format(book);
    format_set_bold(f->total_label);
    format_set_top(f->total_label, LXW_BORDER_THIN);
    format_set_bottom(f->total_label, LXW_BORDER_DOUBLE);
    f->total_money = workbook_add_format(book);
    format_set_bold(f->total_money);
    format_set_num_format(f->total_money, EURO_FORMAT);
    format_set_top(f->total_money, LXW_BORDER_THIN);
    format_set_bottom(f->total_money, LXW_BORDER_DOUBLE);
    f->total_percent = workbook_add_format(book);
    format_set_bold(f->total_percent);
    format_set_num_format(f->total_percent, "0.00%;[Red]-0.00%");
    format_set_top(f->total_percent, LXW_BORDER_THIN);
    format_set_bottom(f->total_percent, LXW_BORDER_DOUBLE);
}

static double euros(int64_t cents)
{
    return (double)cents / 100.0;
}

static void write_header(lxw_worksheet *sheet, const rel_model *model, const annex_formats *f)
{
    static const char *labels[] = {"Area", "Azione", "Voce", "Descrizione", "Preventivo",
                                   "Consuntivo", "Scostamento", "Scostamento %", "Motivazione"};
    static const double widths[] = {28, 34, 44, 30, 16, 16, 16, 13, 50};
    char title[160];
    snprintf(title, sizeof title, "Allegato A – Schede preventivo/consuntivo %d",
             model->entity.year);
    worksheet_write_string(sheet, 0, 0, title, f->title);
    worksheet_write_string(sheet, 1, 0, model->entity.name.text, NULL);
    for (lxw_col_t c = 0; c < COL_COUNT; c++) {
        worksheet_set_column(sheet, c, c, widths[c], NULL);
        worksheet_write_string(sheet, FIRST_DATA_ROW - 1, c, labels[c], f->header);
    }
}

static void setup_page(lxw_worksheet *sheet, const rel_model *model, lxw_row_t last_row)
{
    worksheet_freeze_panes(sheet, FIRST_DATA_ROW, 0);
    worksheet_autofilter(sheet, FIRST_DATA_ROW - 1, 0, last_row, COL_MOTIVAZIONE);
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

/* Scostamento and scostamento % of one row as formulas over its own cells,
 * with the values they evaluate to cached (division by zero left blank). */
static void write_variance(lxw_worksheet *sheet, lxw_row_t row, int64_t preventivo,
                           int64_t consuntivo, lxw_format *money, lxw_format *percent)
{
    char formula[96];
    unsigned n = (unsigned)row + 1;
    snprintf(formula, sizeof formula, "=F%u-E%u", n, n);
    worksheet_write_formula_num(sheet, row, COL_SCOSTAMENTO, formula, money,
                                euros(consuntivo - preventivo));
    snprintf(formula, sizeof formula, "=IF(E%u=0,\"\",(F%u-E%u)/E%u)", n, n, n, n);
    if (preventivo == 0)
        worksheet_write_formula_str(sheet, row, COL_PERCENTUALE, formula, percent, "");
    else
        worksheet_write_formula_num(sheet, row, COL_PERCENTUALE, formula, percent,
                                    (double)(consuntivo - preventivo) / (double)preventivo);
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
        write_variance(sheet, row, line->values[s.preventivo].number,
                       line->values[s.consuntivo].number, f->money, f->percent);
        worksheet_write_string(sheet, row, COL_MOTIVAZIONE, rel_row_text(line, s.motivazione),
                               f->wrap);
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
    write_variance(sheet, row, preventivo, consuntivo, f->total_money, f->total_percent);
    setup_page(sheet, model, row - 1);
}

static void write_check(lxw_worksheet *sheet, lxw_row_t row, const rel_finding *f,
                        rel_arena *arena, const annex_formats *formats)
{
    lxw_format *value_format = f->money ? formats->money : formats->number;
    double unit = 1.0;
    for (int i = 0; i < f->scale; i++)
        unit *= 10.0;
    worksheet_write_string(sheet, row, 0, f->check, formats->wrap);
    worksheet_write_string(sheet, row, 1, rel_figure_place(arena, &f->declared), NULL);
    worksheet_write_string(sheet, row, 3, rel_figure_place(arena, &f->expected), NULL);
    worksheet_write_string(sheet, row, 6, rel_check_status_text(f->status), NULL);
    if (!f->numeric)
        return;
    worksheet_write_number(sheet, row, 2, (double)f->declared.value / unit, value_format);
    worksheet_write_number(sheet, row, 4, (double)f->expected.value / unit, value_format);
    char formula[48];
    snprintf(formula, sizeof formula, "=C%u-E%u", (unsigned)row + 1, (unsigned)row + 1);
    worksheet_write_formula_num(sheet, row, 5, formula, value_format,
                                (double)(f->declared.value - f->expected.value) / unit);
}

/* Every check of the reconciliation: the auditor sees what was compared,
 * where each figure comes from, and re-adds the difference himself. */
static void write_checks(lxw_worksheet *sheet, const rel_model *model,
                         const rel_findings *findings, const annex_formats *f)
{
    static const char *labels[] = {"Verifica", "Fonte del dato dichiarato", "Dichiarato",
                                   "Fonte del dato atteso", "Atteso", "Differenza", "Esito"};
    static const double widths[] = {60, 26, 16, 30, 16, 14, 16};
    char title[160];
    snprintf(title, sizeof title, "Allegato C – Prospetto delle verifiche %d", model->entity.year);
    worksheet_write_string(sheet, 0, 0, title, f->title);
    worksheet_write_string(sheet, 1, 0, model->entity.name.text, NULL);
    for (lxw_col_t c = 0; c < 7; c++) {
        worksheet_set_column(sheet, c, c, widths[c], NULL);
        worksheet_write_string(sheet, FIRST_DATA_ROW - 1, c, labels[c], f->header);
    }
    for (size_t i = 0; i < findings->count; i++)
        write_check(sheet, FIRST_DATA_ROW + (lxw_row_t)i, &findings->items[i], findings->arena, f);
    worksheet_freeze_panes(sheet, FIRST_DATA_ROW, 0);
    worksheet_autofilter(sheet, FIRST_DATA_ROW - 1, 0,
                         FIRST_DATA_ROW - 1 + (lxw_row_t)findings->count, 6);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_repeat_rows(sheet, FIRST_DATA_ROW - 1, FIRST_DATA_ROW - 1);
}

static time_t stamp_time(const rel_doc_stamp *s)
{
    struct tm tm = {.tm_year = s->year - 1900, .tm_mon = s->month - 1, .tm_mday = s->day,
                    .tm_hour = s->hour, .tm_min = s->minute, .tm_sec = s->second};
    return timegm(&tm);
}

bool rel_xlsx_write(const rel_model *model, const rel_findings *findings,
                    const rel_doc_stamp *created, const char *path, const char *shown,
                    rel_diags *diags)
{
    lxw_workbook *book = workbook_new(path);
    if (book == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){shown, 0, 0},
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
    lxw_worksheet *checks = workbook_add_worksheet(book, "Verifiche");
    if (sheet != NULL)
        write_schedule(sheet, model, &formats);
    if (checks != NULL)
        write_checks(checks, model, findings, &formats);
    lxw_error error = workbook_close(book);
    if (sheet == NULL || checks == NULL || error != LXW_NO_ERROR) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){shown, 0, 0},
                     "errore nella scrittura del file Excel: %s", lxw_strerror(error));
        return false;
    }
    return true;
}
