#include "render/xlsx/xlsx_writer.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_sheets.h"

/* Excel's en-US syntax; Italian Excel shows it as "1.234,56 €" (LIBS.md). */
#define EURO_FORMAT "#,##0.00 [$€-410];[Red]-#,##0.00 [$€-410]"
#define PERCENT_FORMAT "0.00%;[Red]-0.00%"

double rel_xlsx_euros(int64_t cents)
{
    return (double)cents / 100.0;
}

static lxw_format *format_with(lxw_workbook *book, const char *number, bool bold, bool rules)
{
    lxw_format *f = workbook_add_format(book);
    if (number)
        format_set_num_format(f, number);
    if (bold)
        format_set_bold(f);
    if (rules) {
        format_set_top(f, LXW_BORDER_THIN);
        format_set_bottom(f, LXW_BORDER_DOUBLE);
    }
    return f;
}

static void make_formats(lxw_workbook *book, rel_xlsx_formats *f)
{
    f->title = format_with(book, NULL, true, false);
    format_set_font_size(f->title, 13);
    f->header = format_with(book, NULL, true, false);
    format_set_bg_color(f->header, 0xD9E1F2);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->money = format_with(book, EURO_FORMAT, false, false);
    f->percent = format_with(book, PERCENT_FORMAT, false, false);
    f->number = format_with(book, "#,##0.####", false, false);
    f->date = format_with(book, "dd/mm/yyyy", false, false);
    f->month = format_with(book, "mmm-yy", false, false);
    f->wrap = format_with(book, NULL, false, false);
    format_set_text_wrap(f->wrap);
    f->subtotal_label = format_with(book, NULL, true, false);
    format_set_bg_color(f->subtotal_label, 0xF2F4F7);
    f->subtotal_money = format_with(book, EURO_FORMAT, true, false);
    format_set_bg_color(f->subtotal_money, 0xF2F4F7);
    f->total_label = format_with(book, NULL, true, true);
    f->total_money = format_with(book, EURO_FORMAT, true, true);
    f->total_percent = format_with(book, PERCENT_FORMAT, true, true);
}

void rel_xlsx_head(const rel_xlsx_sheet *s, const char *title, const char *const *labels,
                   const double *widths, lxw_col_t columns)
{
    worksheet_write_string(s->sheet, 0, 0, title, s->formats->title);
    worksheet_write_string(s->sheet, 1, 0, s->model->entity.name.text, NULL);
    for (lxw_col_t c = 0; c < columns; c++) {
        worksheet_set_column(s->sheet, c, c, widths[c], NULL);
        worksheet_write_string(s->sheet, REL_XLSX_FIRST_ROW - 1, c, labels[c], s->formats->header);
    }
}

/* "&" starts a field code in Excel headers: a literal one is "&&". */
static void escape_ampersands(const char *text, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 2 < size; p++) {
        if (*p == '&')
            out[n++] = '&';
        out[n++] = *p;
    }
    out[n] = '\0';
}

void rel_xlsx_print_setup(const rel_xlsx_sheet *s, const char *annex, lxw_row_t last_row,
                          lxw_col_t last_col, bool filter)
{
    worksheet_freeze_panes(s->sheet, REL_XLSX_FIRST_ROW, 0);
    if (filter)
        worksheet_autofilter(s->sheet, REL_XLSX_FIRST_ROW - 1, 0, last_row, last_col);
    worksheet_set_landscape(s->sheet);
    worksheet_set_paper(s->sheet, 9);   /* A4 */
    worksheet_fit_to_pages(s->sheet, 1, 0);
    worksheet_repeat_rows(s->sheet, REL_XLSX_FIRST_ROW - 1, REL_XLSX_FIRST_ROW - 1);
    char name[200], header[320];
    escape_ampersands(s->model->entity.name.text, name, sizeof name);
    snprintf(header, sizeof header, "&L%s&R%s – esercizio %d", name, annex, s->model->entity.year);
    worksheet_set_header(s->sheet, header);
    worksheet_set_footer(s->sheet, "&Cpag. &P di &N");
}

static time_t stamp_time(const rel_doc_stamp *s)
{
    struct tm tm = {.tm_year = s->year - 1900, .tm_mon = s->month - 1, .tm_mday = s->day,
                    .tm_hour = s->hour, .tm_min = s->minute, .tm_sec = s->second};
    return timegm(&tm);
}

static lxw_worksheet *add_sheet(lxw_workbook *book, const char *name, bool *ok)
{
    lxw_worksheet *sheet = workbook_add_worksheet(book, name);
    *ok = *ok && sheet != NULL;
    return sheet;
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
        .subject = "Schede preventivo/consuntivo, progetti, indicatori e verifiche",
        .author = (char *)model->entity.name.text,
        .company = (char *)model->entity.name.text,
        .created = stamp_time(created),
    };
    workbook_set_properties(book, &properties);
    rel_xlsx_formats formats;
    make_formats(book, &formats);
    bool ok = true;
    rel_xlsx_sheet sheet = {NULL, &formats, model, findings->arena};
    rel_xlsx_area_cell areas[256];
    sheet.sheet = add_sheet(book, "Schede", &ok);
    size_t area_count = ok ? rel_xlsx_schede(&sheet, areas, 256) : 0;
    if (rel_model_dataset(model, "centri_di_costo") && (sheet.sheet = add_sheet(book, "Centri di costo", &ok)))
        rel_xlsx_centri(&sheet, areas, area_count);
    if (rel_model_dataset(model, "progetti") && (sheet.sheet = add_sheet(book, "Progetti", &ok)))
        rel_xlsx_progetti(&sheet);
    if (rel_model_dataset(model, "indicatori") && (sheet.sheet = add_sheet(book, "Indicatori", &ok)))
        rel_xlsx_indicatori(&sheet);
    if ((sheet.sheet = add_sheet(book, "Verifiche", &ok)))
        rel_xlsx_verifiche(&sheet, findings);
    lxw_error error = workbook_close(book);
    if (!ok || error != LXW_NO_ERROR) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){shown, 0, 0},
                     "errore nella scrittura del file Excel: %s", lxw_strerror(error));
        return false;
    }
    return true;
}
