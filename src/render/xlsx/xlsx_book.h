/*
 * xlsx_book.h - the annex workbook as the sheets see it (private to
 * render/xlsx/): checked writes, formats, row heights, the cell registry.
 *
 * Every libxlsxwriter call goes through here and its result is checked. The
 * first failure becomes a diagnostic naming the sheet and the cell (and the
 * input cell the value came from, when there is one), the book is marked
 * failed and every later write is a no-op, so the build stops with a
 * non-zero exit instead of publishing an annex with a cell or a row missing.
 *
 * The workbook is written in libxlsxwriter's constant_memory mode: a row
 * goes to a temporary file as soon as the next row is started, so each
 * sheet is written top to bottom, a row at a time. The functions below
 * write into the sheet's current row; rel_xlsx_row_end() sets the row's
 * height (computed from its wrapped texts: libxlsxwriter does not autofit
 * rows) and moves to the next one.
 */
#ifndef REL_XLSX_BOOK_H
#define REL_XLSX_BOOK_H

#include <stdbool.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"
#include "render/xlsx/xlsx_cells.h"

/* What a cell holds: picks its number format and alignment. */
typedef enum rel_xlsx_style {
    REL_XLSX_TEXT,          /* wrapped text */
    REL_XLSX_MONEY,         /* euro, cents */
    REL_XLSX_MONEY_WHOLE,   /* euro, whole units (a bilancio in unità di euro) */
    REL_XLSX_COUNT,         /* an integer */
    REL_XLSX_DECIMAL,       /* two decimals */
    REL_XLSX_RATIO,         /* four decimals */
    REL_XLSX_PERCENT,       /* a fraction shown as a percentage */
    REL_XLSX_DATE,
    REL_XLSX_MONTH,         /* a whole month: "mag-20" */
    REL_XLSX_LITERAL,       /* user text that looks like a formula: Text format (@) */
    REL_XLSX_LINE,          /* a line that runs over the empty cells to its right */
    REL_XLSX_STYLE_COUNT
} rel_xlsx_style;

/* How the row shows it. */
typedef enum rel_xlsx_emphasis {
    REL_XLSX_PLAIN,
    REL_XLSX_GROUP,         /* a group heading: bold */
    REL_XLSX_DECLARED,      /* a TOTALE the user typed: bold */
    REL_XLSX_SUBTOTAL,      /* a total the annex computes: bold on grey */
    REL_XLSX_TOTAL,         /* a grand total: bold between rules */
    REL_XLSX_NOTE,          /* an explanation: italic, grey */
    REL_XLSX_HEADER,        /* the column headings: bold on blue */
    REL_XLSX_HEADER_FIGURES, /* the heading of a column of figures: the same, right-aligned
                               over them */
    REL_XLSX_TITLE,         /* the sheet's title */
    REL_XLSX_EMPHASIS_COUNT
} rel_xlsx_emphasis;

#define REL_XLSX_FIRST_ROW 3     /* rows 0-1: title and entity; row 2: header */

typedef struct rel_xlsx_book rel_xlsx_book;

/* A sheet being written; its current row is `row`. */
typedef struct rel_xlsx_sheet {
    rel_xlsx_book *book;
    lxw_worksheet *ws;
    uint32_t index;            /* in the registry */
    const char *name;          /* the tab: "Centri di costo" */
    const char *ref;           /* as formulas name it: "'Centri di costo'" */
    const char *annex;         /* "Allegato B" */
    lxw_row_t row;
    lxw_col_t columns;
    double *widths;            /* per column, in characters (arena) */
    double lines;              /* the tallest cell of the current row, in lines */
    double line_height;        /* points per line of the current row */
    uint8_t level;             /* outline level of the current row */
    bool written;              /* the current row has a cell */
} rel_xlsx_sheet;

/* The book: the workbook, its formats, the registry, the diagnostics. */
struct rel_xlsx_book {
    lxw_workbook *workbook;
    const rel_model *model;
    rel_arena *arena;
    rel_diags *diags;
    const char *shown;         /* the annex's path in diagnostics */
    bool ok;                   /* false after the first failure */
    lxw_format *formats[REL_XLSX_STYLE_COUNT][REL_XLSX_EMPHASIS_COUNT];
    rel_xlsx_cells cells;
    struct rel_xlsx_keys *keys;   /* indexes of key columns (xlsx_keys.h) */
    /* What a row needs only while it is written (its formulas, the cells a
     * sum adds): released as each row ends, so that memory does not grow
     * with the rows. */
    rel_arena scratch;
};

/* Opens the workbook at `path` in constant_memory mode, its temporary
 * files in `tmpdir`.
 * false, with a diagnostic, when libxlsxwriter cannot start. */
bool rel_xlsx_book_open(rel_xlsx_book *book, const char *path, const char *tmpdir,
                        const char *shown, const rel_model *model, rel_arena *arena,
                        rel_diags *diags);

/* Writes the file and releases everything (also after a failure, when
 * nothing usable is written). Returns book->ok after closing. */
bool rel_xlsx_book_close(rel_xlsx_book *book);

/* Records a failure of libxlsxwriter `error` at a cell (col < 0: the sheet
 * as a whole) with E220-E221, or at the input cell `at` when the value
 * came from one; marks the book failed. Always returns false. */
bool rel_xlsx_fail(rel_xlsx_sheet *s, lxw_error error, int col, rel_origin at,
                   const char *what);

/* The format of `style` shown with `emphasis`, created on first use; NULL
 * (and the book failed, E220) when libxlsxwriter cannot create it. */
lxw_format *rel_xlsx_format(rel_xlsx_book *book, rel_xlsx_style style,
                            rel_xlsx_emphasis emphasis);

/* --- a sheet -------------------------------------------------------------- */

/* A column of a sheet: its heading and width (in characters, as Excel
 * counts them); a `fixed` column (numbers) is never narrowed to fit the
 * page, a text column may be. */
typedef struct rel_xlsx_column {
    const char *label;
    double width;
    bool fixed;
} rel_xlsx_column;

/* Adds an empty sheet `name` at the end of the workbook's tabs; the sheets
 * are added in their order first and written later, in any order (each
 * keeps its own rows: a sheet that refers to another's cells is written
 * after it). false (book failed, E220) on error. */
bool rel_xlsx_sheet_add(rel_xlsx_book *book, const char *name);

/* Starts writing sheet `name`, added before, with title row "annex – title", the entity on the row
 * below and the column headings on the third, frozen together with the
 * first `key_columns` columns; A4 landscape, one page wide (text columns
 * narrowed so that it prints at 78 % or more, else more pages across),
 * headings repeated on every page. `kind_column` (or -1) will hold each
 * row's kind (rel_xlsx_row_kind_word). false (book failed) on error. */
bool rel_xlsx_sheet_begin(rel_xlsx_book *book, rel_xlsx_sheet *s, const char *name,
                          const char *annex, const char *title, const rel_xlsx_column *columns,
                          lxw_col_t count, lxw_col_t key_columns, int kind_column);

/* An autofilter over the headings and the rows written so far (in
 * constant_memory mode it cannot reach rows already flushed, so it is set
 * before the rows it must leave out, such as a closing total). */
bool rel_xlsx_sheet_filter(rel_xlsx_sheet *s);

/* Closes the sheet: the autofilter over every row written (when `filter`),
 * the outline symbols. */
bool rel_xlsx_sheet_end(rel_xlsx_sheet *s, bool filter);

/* Writes user or fixed text; "" writes nothing (an empty cell stays empty)
 * unless the emphasis paints the cell. Text beginning with = + - @ gets the
 * Text number format, so that editing the cell never makes it a formula.
 * `at` names the input cell in a diagnostic (a text over Excel's 32.767
 * characters is E222 there). */
bool rel_xlsx_text(rel_xlsx_sheet *s, lxw_col_t col, const char *text,
                   rel_xlsx_emphasis emphasis, rel_origin at);

/* Writes a title or a note as one line over the empty cells to its right
 * (never wrapped: its row keeps one line's height). */
bool rel_xlsx_line(rel_xlsx_sheet *s, lxw_col_t col, const char *text,
                   rel_xlsx_emphasis emphasis);

/* Writes a number of `style` (money in euros: cents / 100). */
bool rel_xlsx_number(rel_xlsx_sheet *s, lxw_col_t col, double value, rel_xlsx_style style,
                     rel_xlsx_emphasis emphasis);

/* Writes a formula with its cached value (a number or a text). A formula
 * over Excel's 8.192 characters is E224. */
bool rel_xlsx_formula(rel_xlsx_sheet *s, lxw_col_t col, const char *formula, double cached,
                      rel_xlsx_style style, rel_xlsx_emphasis emphasis);
bool rel_xlsx_formula_text(rel_xlsx_sheet *s, lxw_col_t col, const char *formula,
                           const char *cached, rel_xlsx_style style,
                           rel_xlsx_emphasis emphasis);

/* A link to cell A1 of sheet `ref` (as formulas name it), showing `text`. */
bool rel_xlsx_link(rel_xlsx_sheet *s, lxw_col_t col, const char *ref, const char *text);

/* An empty cell painted as `emphasis` (a total row's background). */
bool rel_xlsx_blank(rel_xlsx_sheet *s, lxw_col_t col, rel_xlsx_emphasis emphasis);

/* Ends the current row: height from its tallest wrapped cell, outline
 * `level`, and `kind` in the registry (for sums over the sheet). */
bool rel_xlsx_row_end(rel_xlsx_sheet *s, rel_xlsx_row_kind kind, uint8_t level);

/* A sheet's name as formulas write it: in quotes, ' doubled, when it has
 * blanks or signs ("'Centri di costo'"); NULL when out of memory. */
const char *rel_xlsx_quoted(rel_arena *arena, const char *name);

/* "B12" of the current row, and "Schede!F13" of any cell, in the arena. */
const char *rel_xlsx_here(const rel_xlsx_sheet *s, lxw_col_t col);
const char *rel_xlsx_cell_ref(rel_xlsx_book *book, const rel_xlsx_sheet *from,
                              uint32_t sheet, lxw_row_t row, lxw_col_t col);

/* Money columns wide enough for `max_abs_cents`, shown with cents or in
 * `whole` euros, never less than `least`. */
double rel_xlsx_money_width(int64_t max_abs_cents, bool whole, double least);

double rel_xlsx_euros(int64_t cents);

#endif
