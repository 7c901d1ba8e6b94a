/* A sheet's frame: title, headings, widths, freezing and print setup. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_book.h"
#include "render/xlsx/xlsx_text.h"

/* A4 landscape with 1 cm side margins is 1.045 pixels wide at 96 dpi.
 * Excel counts a column's characters in the default font's digits, 7
 * pixels each; LibreOffice in Carlito's, about 6 % wider. A sheet up to
 * PAGE_PIXELS wide prints one page wide at 78 % or more in both (the cells'
 * 10 points print at 7,8 points at least); a wider one is shrunk by its
 * text columns down to TEXT_LEAST, then spread over pages across. */
#define PAGE_PIXELS 1240.0
#define TEXT_LEAST 12.0
#define SIDE_MARGIN_INCHES 0.4

const char *rel_xlsx_quoted(rel_arena *arena, const char *name)
{
    bool plain = !isdigit((unsigned char)name[0]);
    size_t quotes = 0;
    for (const char *p = name; *p; p++) {
        plain = plain && (isalnum((unsigned char)*p) || *p == '_' || *p == '.');
        quotes += *p == '\'';
    }
    if (plain)
        return name;
    char *out = rel_arena_alloc(arena, strlen(name) + quotes + 3);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    out[n++] = '\'';
    for (const char *p = name; *p; p++) {
        if (*p == '\'')
            out[n++] = '\'';
        out[n++] = *p;
    }
    out[n++] = '\'';
    out[n] = '\0';
    return out;
}

static double total_pixels(const double *widths, lxw_col_t count)
{
    double pixels = 0;
    for (lxw_col_t c = 0; c < count; c++)
        pixels += rel_xlsx_column_pixels(widths[c]);
    return pixels;
}

/* Shrinks the text columns (those marked with a heading wider than the
 * least) in proportion until the sheet fits a page, or they reach the least;
 * returns the pages across the sheet needs. */
static uint16_t fit_widths(double *widths, const bool *text, lxw_col_t count)
{
    double pixels = total_pixels(widths, count);
    for (int pass = 0; pass < 8 && pixels > PAGE_PIXELS; pass++) {
        double flexible = 0;
        for (lxw_col_t c = 0; c < count; c++)
            flexible += text[c] && widths[c] > TEXT_LEAST ? widths[c] - TEXT_LEAST : 0;
        if (flexible <= 0)
            break;
        double cut = (pixels - PAGE_PIXELS) / 7.0;
        double ratio = cut >= flexible ? 1.0 : cut / flexible;
        for (lxw_col_t c = 0; c < count; c++)
            if (text[c] && widths[c] > TEXT_LEAST)
                widths[c] -= (widths[c] - TEXT_LEAST) * ratio;
        pixels = total_pixels(widths, count);
    }
    return (uint16_t)ceil(pixels / PAGE_PIXELS);
}

static bool print_setup(rel_xlsx_sheet *s, lxw_col_t key_columns, uint16_t across)
{
    lxw_worksheet *ws = s->ws;
    worksheet_freeze_panes(ws, REL_XLSX_FIRST_ROW, key_columns);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);   /* A4 */
    worksheet_set_margins(ws, SIDE_MARGIN_INCHES, SIDE_MARGIN_INCHES, 0.75, 0.75);
    worksheet_fit_to_pages(ws, across, 0);
    lxw_error error = worksheet_repeat_rows(ws, REL_XLSX_FIRST_ROW - 1, REL_XLSX_FIRST_ROW - 1);
    if (error == LXW_NO_ERROR && across > 1 && key_columns > 0)
        error = worksheet_repeat_columns(ws, 0, key_columns - 1);
    const rel_entity *entity = &s->book->model->entity;
    const char *header = rel_arena_printf(s->book->arena, "&L%s&R%s – esercizio %d",
                                          entity->name.text, s->annex, entity->year);
    /* "&" starts a field code in Excel headers; a long name goes (it is on row 2) */
    if (header == NULL || strchr(entity->name.text, '&') || strlen(header) > 200)
        header = rel_arena_printf(s->book->arena, "&R%s – esercizio %d", s->annex,
                                  entity->year);
    if (error == LXW_NO_ERROR)
        error = header ? worksheet_set_header(ws, header) : LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (error == LXW_NO_ERROR)
        error = worksheet_set_footer(ws, "&Cpag. &P di &N");
    return error == LXW_NO_ERROR
           || rel_xlsx_fail(s, error, -1, (rel_origin){NULL, 0, 0}, "impostazione di stampa");
}

static bool headings(rel_xlsx_sheet *s, const char *title, const rel_xlsx_column *columns)
{
    const char *line = rel_arena_printf(s->book->arena, "%s – %s", s->annex, title);
    bool ok = line && rel_xlsx_line(s, 0, line, REL_XLSX_TITLE)
              && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0)
              && rel_xlsx_line(s, 0, s->book->model->entity.name.text, REL_XLSX_NOTE)
              && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    for (lxw_col_t c = 0; ok && c < s->columns; c++)
        ok = rel_xlsx_text(s, c, columns[c].label,
                           columns[c].fixed ? REL_XLSX_HEADER_FIGURES : REL_XLSX_HEADER,
                           (rel_origin){NULL, 0, 0});
    return ok && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
}

bool rel_xlsx_sheet_add(rel_xlsx_book *book, const char *name)
{
    if (!book->ok)
        return false;
    if (workbook_add_worksheet(book->workbook, name) != NULL)
        return true;
    book->ok = false;
    rel_diag_add(book->diags, REL_SEV_ERROR, REL_E_XLSX_RESOURCE, (rel_origin){book->shown, 0, 0},
                 "impossibile aggiungere il foglio «%s» all'allegato (memoria o file "
                 "temporanei esauriti, o troppi file aperti)", name);
    return false;
}

bool rel_xlsx_sheet_begin(rel_xlsx_book *book, rel_xlsx_sheet *s, const char *name,
                          const char *annex, const char *title, const rel_xlsx_column *columns,
                          lxw_col_t count, lxw_col_t key_columns, int kind_column)
{
    memset(s, 0, sizeof *s);
    s->book = book;
    s->name = name;
    s->annex = annex;
    s->columns = count;
    s->lines = 1;
    s->line_height = REL_XLSX_LINE_POINTS;
    if (!book->ok)
        return false;
    s->widths = rel_arena_array(book->arena, count ? count : 1, sizeof *s->widths);
    bool *text = rel_arena_array(book->arena, count ? count : 1, sizeof *text);
    if (s->widths == NULL || text == NULL) {
        book->ok = false;
        rel_diag_add(book->diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){book->shown, 0, 0},
                     "memoria esaurita scrivendo l'allegato");
        return false;
    }
    s->ws = workbook_get_worksheet_by_name(book->workbook, name);
    s->ref = rel_xlsx_quoted(book->arena, name);
    if (s->ws == NULL || s->ref == NULL)
        return rel_xlsx_sheet_add(book, name);
    for (lxw_col_t c = 0; c < s->columns; c++) {
        s->widths[c] = columns[c].width;
        text[c] = !columns[c].fixed && c >= key_columns;
    }
    uint16_t across = fit_widths(s->widths, text, s->columns);
    if (!rel_xlsx_cells_sheet(&book->cells, s->ref, kind_column, &s->index))
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "foglio");
    for (lxw_col_t c = 0; c < s->columns; c++) {
        lxw_error error = worksheet_set_column(s->ws, c, c, s->widths[c], NULL);
        if (error != LXW_NO_ERROR)
            return rel_xlsx_fail(s, error, (int)c, (rel_origin){NULL, 0, 0}, "colonna");
    }
    return print_setup(s, key_columns, across) && headings(s, title, columns);
}

bool rel_xlsx_sheet_filter(rel_xlsx_sheet *s)
{
    if (!s->book->ok)
        return false;
    lxw_row_t last = s->row > REL_XLSX_FIRST_ROW ? s->row - 1 : REL_XLSX_FIRST_ROW - 1;
    lxw_error error = s->columns == 0 ? LXW_NO_ERROR
                      : worksheet_autofilter(s->ws, REL_XLSX_FIRST_ROW - 1, 0, last,
                                             s->columns - 1);
    return error == LXW_NO_ERROR
           || rel_xlsx_fail(s, error, -1, (rel_origin){NULL, 0, 0}, "filtro");
}

bool rel_xlsx_sheet_end(rel_xlsx_sheet *s, bool filter)
{
    if (!s->book->ok || (filter && !rel_xlsx_sheet_filter(s)))
        return false;
    worksheet_outline_settings(s->ws, LXW_TRUE, LXW_TRUE, LXW_FALSE, LXW_FALSE);
    return true;
}
