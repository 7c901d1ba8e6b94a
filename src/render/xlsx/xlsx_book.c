#include "render/xlsx/xlsx_book.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_text.h"

/* Excel's limits (a text cell, a formula, the sheet). */
#define MAX_TEXT 32767
#define MAX_FORMULA 8192
#define TITLE_POINTS 13.0

double rel_xlsx_euros(int64_t cents)
{
    return (double)cents / 100.0;
}

bool rel_xlsx_book_open(rel_xlsx_book *book, const char *path, const char *tmpdir,
                        const char *shown, const rel_model *model, rel_arena *arena,
                        rel_diags *diags)
{
    memset(book, 0, sizeof *book);
    book->model = model;
    book->arena = arena;
    book->diags = diags;
    book->shown = shown;
    rel_xlsx_cells_init(&book->cells);
    rel_arena_init(&book->scratch);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir};
    book->workbook = workbook_new_opt(path, &options);
    if (book->workbook == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){shown, 0, 0},
                     "impossibile creare il file Excel (memoria esaurita o file temporanei "
                     "non creabili in %s)", tmpdir ? tmpdir : "/tmp");
        return false;
    }
    book->ok = true;
    return true;
}

bool rel_xlsx_book_close(rel_xlsx_book *book)
{
    lxw_error error = book->workbook ? workbook_close(book->workbook) : LXW_NO_ERROR;
    book->workbook = NULL;
    if (book->ok && error != LXW_NO_ERROR) {
        rel_diag_add(book->diags, REL_SEV_ERROR, REL_E_XLSX, (rel_origin){book->shown, 0, 0},
                     "errore nella scrittura del file Excel: %s", lxw_strerror(error));
        book->ok = false;
    }
    rel_xlsx_cells_free(&book->cells);
    rel_arena_free(&book->scratch);
    return book->ok;
}

bool rel_xlsx_fail(rel_xlsx_sheet *s, lxw_error error, int col, rel_origin at, const char *what)
{
    rel_xlsx_book *book = s->book;
    if (!book->ok)
        return false;
    book->ok = false;
    char cell[32] = "";
    if (col >= 0)
        lxw_rowcol_to_cell(cell, s->row, (lxw_col_t)col);
    const char *where = rel_arena_printf(book->arena, "foglio «%s»%s%s", s->name,
                                         col >= 0 ? ", cella " : "", cell);
    bool too_long = error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    bool too_many = error == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    const char *code = too_long ? REL_E_XLSX_TEXT_LONG
                       : too_many ? REL_E_XLSX_SHEET_FULL : REL_E_XLSX_CELL;
    rel_origin place = at.file ? at : (rel_origin){book->shown, 0, 0};
    if (too_long)
        rel_diag_add(book->diags, REL_SEV_ERROR, code, place, "%s: il testo supera i %d "
                     "caratteri che una cella di Excel contiene (%s dell'allegato)", what,
                     MAX_TEXT, where ? where : s->name);
    else if (too_many)
        rel_diag_add(book->diags, REL_SEV_ERROR, code, place, "%s: oltre le %u righe o le %u "
                     "colonne di un foglio di Excel (%s dell'allegato)", what,
                     (unsigned)LXW_ROW_MAX, (unsigned)LXW_COL_MAX, where ? where : s->name);
    else
        rel_diag_add(book->diags, REL_SEV_ERROR, code, place, "%s non scritto nell'allegato "
                     "(%s): %s", what, where ? where : s->name, lxw_strerror(error));
    return false;
}

/* --- formats ---------------------------------------------------------------- */

#define EURO "[$€-410]"
static const char *const number_formats[REL_XLSX_STYLE_COUNT] = {
    [REL_XLSX_MONEY] = "#,##0.00 " EURO ";[Red]-#,##0.00 " EURO ";\"- \"" EURO,
    [REL_XLSX_MONEY_WHOLE] = "#,##0 " EURO ";[Red]-#,##0 " EURO ";\"- \"" EURO,
    [REL_XLSX_COUNT] = "#,##0;[Red]-#,##0",
    [REL_XLSX_DECIMAL] = "#,##0.00;[Red]-#,##0.00",
    [REL_XLSX_RATIO] = "#,##0.0000;[Red]-#,##0.0000",
    [REL_XLSX_PERCENT] = "0.00%;[Red]-0.00%",
    [REL_XLSX_DATE] = "dd/mm/yyyy",
    [REL_XLSX_MONTH] = "mmm-yy",
    [REL_XLSX_LITERAL] = "@",
};

static void paint(lxw_format *f, rel_xlsx_emphasis emphasis)
{
    switch (emphasis) {
    case REL_XLSX_TITLE:
        format_set_font_size(f, TITLE_POINTS);
        format_set_bold(f);
        break;
    case REL_XLSX_HEADER_FIGURES:
        format_set_align(f, LXW_ALIGN_RIGHT);
        /* fall through */
    case REL_XLSX_HEADER:
        format_set_bold(f);
        format_set_bg_color(f, 0xD9E1F2);
        format_set_bottom(f, LXW_BORDER_THIN);
        break;
    case REL_XLSX_SUBTOTAL:
        format_set_bold(f);
        format_set_bg_color(f, 0xF2F4F7);
        break;
    case REL_XLSX_TOTAL:
        format_set_bold(f);
        format_set_top(f, LXW_BORDER_THIN);
        format_set_bottom(f, LXW_BORDER_DOUBLE);
        break;
    case REL_XLSX_GROUP:
    case REL_XLSX_DECLARED:
        format_set_bold(f);
        break;
    case REL_XLSX_NOTE:
        format_set_italic(f);
        format_set_font_color(f, 0x505050);
        break;
    case REL_XLSX_PLAIN:
    case REL_XLSX_EMPHASIS_COUNT:
        break;
    }
}

lxw_format *rel_xlsx_format(rel_xlsx_book *book, rel_xlsx_style style,
                            rel_xlsx_emphasis emphasis)
{
    lxw_format **slot = &book->formats[style][emphasis];
    if (*slot != NULL || !book->ok)
        return *slot;
    lxw_format *f = workbook_add_format(book->workbook);
    if (f == NULL) {
        book->ok = false;
        rel_diag_add(book->diags, REL_SEV_ERROR, REL_E_XLSX_RESOURCE,
                     (rel_origin){book->shown, 0, 0},
                     "impossibile creare un formato di cella dell'allegato (memoria esaurita)");
        return NULL;
    }
    format_set_font_name(f, REL_XLSX_FONT);
    format_set_font_size(f, REL_XLSX_FONT_SIZE);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (number_formats[style])
        format_set_num_format(f, number_formats[style]);
    if (style == REL_XLSX_TEXT || style == REL_XLSX_LITERAL)
        format_set_text_wrap(f);
    paint(f, emphasis);
    return *slot = f;
}

static bool is_bold(rel_xlsx_emphasis emphasis)
{
    return emphasis != REL_XLSX_PLAIN && emphasis != REL_XLSX_NOTE;
}

/* --- cells ------------------------------------------------------------------ */

static bool checked(rel_xlsx_sheet *s, lxw_error error, lxw_col_t col, rel_origin at,
                    const char *what)
{
    if (error != LXW_NO_ERROR)
        return rel_xlsx_fail(s, error, (int)col, at, what);
    s->written = true;
    return true;
}

static bool looks_like_formula(const char *text)
{
    return text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';
}

bool rel_xlsx_text(rel_xlsx_sheet *s, lxw_col_t col, const char *text,
                   rel_xlsx_emphasis emphasis, rel_origin at)
{
    if (!s->book->ok)
        return false;
    bool painted = emphasis == REL_XLSX_HEADER || emphasis == REL_XLSX_HEADER_FIGURES
                   || emphasis == REL_XLSX_SUBTOTAL
                   || emphasis == REL_XLSX_TOTAL;
    if (text == NULL || text[0] == '\0')
        return !painted || rel_xlsx_blank(s, col, emphasis);
    rel_xlsx_style style = looks_like_formula(text) ? REL_XLSX_LITERAL : REL_XLSX_TEXT;
    lxw_format *format = rel_xlsx_format(s->book, style, emphasis);
    if (format == NULL)
        return false;
    if (col < s->columns) {
        double lines = rel_xlsx_text_lines(text, s->widths[col], REL_XLSX_FONT_SIZE,
                                           is_bold(emphasis));
        if (lines > s->lines)
            s->lines = lines;
        double fits = floor((REL_XLSX_MAX_ROW_POINTS - 1.0) / REL_XLSX_LINE_POINTS);
        if (lines > fits && at.file)
            rel_diag_add(s->book->diags, REL_SEV_WARNING, REL_W_XLSX_ROW_TALL, at,
                         "testo di %.0f righe nel foglio «%s» dell'allegato: una riga di Excel "
                         "ne mostra %.0f, la stampa taglia il resto (la cella lo contiene tutto)",
                         lines, s->name, fits);
    }
    lxw_error error = strlen(text) > MAX_TEXT ? LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                      : worksheet_write_string(s->ws, s->row, col, text, format);
    return checked(s, error, col, at, "testo");
}

bool rel_xlsx_line(rel_xlsx_sheet *s, lxw_col_t col, const char *text,
                   rel_xlsx_emphasis emphasis)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, REL_XLSX_LINE, emphasis) : NULL;
    if (emphasis == REL_XLSX_TITLE)
        s->line_height = TITLE_POINTS + 4.0;
    return format && checked(s, worksheet_write_string(s->ws, s->row, col, text, format), col,
                             (rel_origin){NULL, 0, 0}, "titolo");
}

bool rel_xlsx_number(rel_xlsx_sheet *s, lxw_col_t col, double value, rel_xlsx_style style,
                     rel_xlsx_emphasis emphasis)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, style, emphasis) : NULL;
    return format && checked(s, worksheet_write_number(s->ws, s->row, col, value, format), col,
                             (rel_origin){NULL, 0, 0}, "numero");
}

static bool formula_fits(rel_xlsx_sheet *s, lxw_col_t col, const char *formula)
{
    if (formula != NULL && strlen(formula) < MAX_FORMULA)
        return true;
    if (formula == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col, (rel_origin){NULL, 0, 0},
                             "formula");
    s->book->ok = false;
    rel_diag_add(s->book->diags, REL_SEV_ERROR, REL_E_XLSX_CELL, (rel_origin){s->book->shown, 0, 0},
                 "formula di %zu caratteri nel foglio «%s»: Excel ne accetta %d", strlen(formula),
                 s->name, MAX_FORMULA);
    return false;
}

bool rel_xlsx_formula(rel_xlsx_sheet *s, lxw_col_t col, const char *formula, double cached,
                      rel_xlsx_style style, rel_xlsx_emphasis emphasis)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, style, emphasis) : NULL;
    return format && formula_fits(s, col, formula)
           && checked(s, worksheet_write_formula_num(s->ws, s->row, col, formula, format, cached),
                      col, (rel_origin){NULL, 0, 0}, "formula");
}

bool rel_xlsx_formula_text(rel_xlsx_sheet *s, lxw_col_t col, const char *formula,
                           const char *cached, rel_xlsx_style style, rel_xlsx_emphasis emphasis)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, style, emphasis) : NULL;
    return format && formula_fits(s, col, formula)
           && checked(s, worksheet_write_formula_str(s->ws, s->row, col, formula, format, cached),
                      col, (rel_origin){NULL, 0, 0}, "formula");
}

bool rel_xlsx_link(rel_xlsx_sheet *s, lxw_col_t col, const char *ref, const char *text)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, REL_XLSX_TEXT, REL_XLSX_PLAIN)
                                     : NULL;
    const char *url = format ? rel_arena_printf(&s->book->scratch, "internal:%s!A1", ref) : NULL;
    if (format == NULL || url == NULL)
        return false;
    return checked(s, worksheet_write_url_opt(s->ws, s->row, col, url, format, text, NULL), col,
                   (rel_origin){NULL, 0, 0}, "collegamento");
}

bool rel_xlsx_blank(rel_xlsx_sheet *s, lxw_col_t col, rel_xlsx_emphasis emphasis)
{
    lxw_format *format = s->book->ok ? rel_xlsx_format(s->book, REL_XLSX_TEXT, emphasis) : NULL;
    return format && checked(s, worksheet_write_blank(s->ws, s->row, col, format), col,
                             (rel_origin){NULL, 0, 0}, "cella");
}

bool rel_xlsx_row_end(rel_xlsx_sheet *s, rel_xlsx_row_kind kind, uint8_t level)
{
    if (!s->book->ok)
        return false;
    double height = ceil(s->lines) * s->line_height + 1.0;
    if (height > REL_XLSX_MAX_ROW_POINTS)
        height = REL_XLSX_MAX_ROW_POINTS;
    bool custom = height > LXW_DEF_ROW_HEIGHT || level > 0;
    lxw_row_col_options options = {.hidden = 0, .level = level, .collapsed = 0};
    if (custom) {
        lxw_error error = worksheet_set_row_opt(s->ws, s->row,
                                                height > LXW_DEF_ROW_HEIGHT ? height
                                                                            : LXW_DEF_ROW_HEIGHT,
                                                NULL, &options);
        if (error != LXW_NO_ERROR)
            return rel_xlsx_fail(s, error, -1, (rel_origin){NULL, 0, 0}, "riga");
    }
    if (!rel_xlsx_cells_row(&s->book->cells, s->index, s->row, kind))
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "riga");
    if (s->row + 1 >= LXW_ROW_MAX)
        return rel_xlsx_fail(s, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, -1,
                             (rel_origin){NULL, 0, 0}, "riga");
    rel_arena_free(&s->book->scratch);
    s->row++;
    s->lines = 1;
    s->line_height = REL_XLSX_LINE_POINTS;
    s->written = false;
    return true;
}

const char *rel_xlsx_here(const rel_xlsx_sheet *s, lxw_col_t col)
{
    char cell[32];
    lxw_rowcol_to_cell(cell, s->row, col);
    return rel_arena_strdup(&s->book->scratch, cell);
}

const char *rel_xlsx_cell_ref(rel_xlsx_book *book, const rel_xlsx_sheet *from, uint32_t sheet,
                              lxw_row_t row, lxw_col_t col)
{
    char cell[32];
    lxw_rowcol_to_cell(cell, row, col);
    if (from && from->index == sheet)
        return rel_arena_strdup(&book->scratch, cell);
    return rel_arena_printf(&book->scratch, "%s!%s", rel_xlsx_cells_sheet_ref(&book->cells, sheet),
                            cell);
}

double rel_xlsx_money_width(int64_t max_abs_cents, bool whole, double least)
{
    /* "1.234.567,89 €": digits, a dot every three, the cents unless whole
     * euros are shown (a schedule of ten years then fits a page across),
     * the euro sign, the minus sign */
    int digits = 1;
    for (int64_t v = max_abs_cents / 100; v >= 10; v /= 10)
        digits++;
    double width = digits + (digits - 1) / 3 + (whole ? 0 : 3) + 3 + 1;
    return width > least ? width : least;
}
