/*
 * xlsx_layout.h - the columns and rows of a dataset's sheet, planned before
 * the first row is written (private to render/xlsx/).
 *
 * In constant_memory mode rows go out in order, so a total that refers to
 * lines below it, or a width that depends on the longest text, must be
 * known in advance: the plan maps every dataset column to its sheet column
 * and every dataset row to its sheet row.
 */
#ifndef REL_XLSX_LAYOUT_H
#define REL_XLSX_LAYOUT_H

#include "render/xlsx/xlsx_sheets.h"

typedef struct rel_xlsx_layout {
    const rel_dataset *dataset;
    rel_xlsx_column *columns;   /* the sheet's columns (arena) */
    lxw_col_t count;
    int *sheet_col;             /* per dataset column: its sheet column, or -1 */
    lxw_row_t *sheet_row;       /* per dataset row: its sheet row */
    bool *recompute;            /* per dataset row: a recomputed total follows it */
    int label;                  /* the dataset's label column, or -1 */
    int now, before;            /* the year columns N and N-1 compared, or -1 */
    int change_col;             /* sheet column of Variazione (Var. % follows), or -1 */
    int note_col;               /* sheet column of words standing in figure or date
                                   columns, or -1 */
    int kind_col;               /* sheet column "Riga", or -1 (a table without totals) */
    lxw_col_t key_columns;      /* frozen with the headings */
    bool whole;                 /* every amount in whole euros: shown so */
} rel_xlsx_layout;

/* Plans the sheet of `d`. false when out of memory. */
bool rel_xlsx_layout_plan(const rel_xlsx_context *ctx, const rel_dataset *d,
                          rel_xlsx_layout *out);

/* Records where the cells of l->dataset are in sheet `s` (begun), for the
 * checks to refer to them. false (book failed) when out of memory. */
bool rel_xlsx_layout_place(rel_xlsx_sheet *s, const rel_xlsx_layout *l);

/* Inserts `count` sheet columns at `at` (for a sheet's own formulas),
 * moving the planned ones right; at most 4 beyond the dataset's columns. false when full. */
bool rel_xlsx_layout_insert(rel_xlsx_layout *l, lxw_col_t at, const rel_xlsx_column *columns,
                            lxw_col_t count);

/* Types that add up. */
bool rel_xlsx_layout_numeric(rel_type type);

/* A text column's width: its longest text, within `least` and `most`, and
 * never narrower than the longest word of its heading. */
double rel_xlsx_text_width(const rel_dataset *d, int column, const char *heading, double least,
                           double most);

/* The width of a column of numbers of `type` holding values up to
 * `max_abs` (fixed point); money in `whole` euros or with cents. */
double rel_xlsx_number_width(rel_type type, int64_t max_abs, bool whole, const char *heading);

/* Writes at sheet column `col` of the current row the sum `source` (over
 * rows of l->dataset) as a formula, SUBTOTAL where it can (`display`), with
 * its cached value; *sum gets the exact sum (fixed point of the column's
 * type), *subtotal whether SUBTOTAL was used. */
bool rel_xlsx_layout_sum(rel_xlsx_sheet *s, const rel_xlsx_layout *l,
                         const rel_figure_source *source, lxw_col_t col, bool display,
                         bool *subtotal, int64_t *sum);

/* Variazione (N - N-1) and Var. % as formulas over the row's own cells;
 * nothing unless both figures are `present`. */
bool rel_xlsx_layout_change(rel_xlsx_sheet *s, const rel_xlsx_layout *l, bool present,
                            int64_t now, int64_t before, rel_xlsx_emphasis emphasis);

/* What the row's figure and date cells say beyond their value, as written:
 * "Data fine: in continuità; Quota azienda: Partner senza portafoglio;
 * 2024: n.d.; Minori: 1.168*". */
bool rel_xlsx_layout_note(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const rel_row *row);

/* The word of `kind` in the "Riga" column. */
bool rel_xlsx_layout_kind(rel_xlsx_sheet *s, const rel_xlsx_layout *l, rel_xlsx_row_kind kind);

/* Extra cells a sheet writes on each row before it ends: `numbers` holds
 * each dataset column's figure on the row (typed, or recomputed on a
 * recomputed total's row), `present` where there is one. */
typedef struct rel_xlsx_hook {
    bool (*write)(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const int64_t *numbers,
                  const bool *present, rel_xlsx_emphasis emphasis, void *user);
    void *user;
} rel_xlsx_hook;

/* Writes every row of l->dataset as planned, each declared TOTALE followed
 * by its recomputation, calling `hook` (or NULL) on each. */
bool rel_xlsx_dataset_rows(const rel_xlsx_context *ctx, rel_xlsx_sheet *s,
                           const rel_xlsx_layout *l, const rel_xlsx_hook *hook);

#endif
