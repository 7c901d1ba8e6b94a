/* Allegato C and D: the reclassified balance sheet and its ratios, live.
 * Stato patrimoniale shows the sheet as typed (items and declared
 * subtotals), then the reclassification recomputed: every subtotal a
 * formula over the items' cells and the subtotals above it, in the order
 * and with the definitions of compute/balance.h. Indici shows the declared
 * ratios beside the recomputed ones, formulas over those cells. */
#include <stdio.h>
#include <string.h>

#include "compute/balance.h"
#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_value.h"

typedef struct year_column {
    int year;
    int column;          /* the dataset's year column */
    rel_balance balance;
} year_column;

/* The cell of a quantity (an item's row, or a subtotal recomputed above)
 * for `year`, as a derived figure of the registry; NULL when the sheet
 * does not have it (an item not written counts as zero). */
static const rel_xlsx_derived *quantity_cell(rel_xlsx_book *book, int year, int quantity)
{
    const char *code = quantity < REL_BALANCE_ITEM_COUNT
                           ? rel_balance_item_code((rel_balance_item)quantity)
                           : rel_balance_subtotal_key(
                                 (rel_balance_subtotal)(quantity - REL_BALANCE_ITEM_COUNT));
    const char *key = rel_xlsx_derived_key(&book->scratch, "bilancio", year, code);
    return key ? rel_xlsx_cells_get_derived(&book->cells, key) : NULL;
}

/* "+D5+D6-D30": the terms as references, or "0" when none is written. */
static const char *terms_formula(rel_xlsx_book *book, const rel_xlsx_sheet *from, int year,
                                 const rel_balance_term *terms, size_t count)
{
    char *out = rel_arena_strdup(&book->scratch, "");
    for (size_t t = 0; out && t < count; t++) {
        const rel_xlsx_derived *cell = quantity_cell(book, year, terms[t].quantity);
        if (cell == NULL)
            continue;
        out = rel_arena_printf(&book->scratch, "%s%s%s", out,
                               terms[t].sign < 0 ? "-" : out[0] ? "+" : "",
                               rel_xlsx_cell_ref(book, from, cell->place.sheet, cell->place.row,
                                                 cell->place.col));
    }
    return out && !out[0] ? "0" : out;
}

static bool is_item(const char *code)
{
    for (int i = 0; i < REL_BALANCE_ITEM_COUNT; i++)
        if (strcmp(rel_balance_item_code((rel_balance_item)i), code) == 0)
            return true;
    return false;
}

/* An item's cells, for the formulas of the subtotals. */
static bool register_item_cells(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const rel_row *row,
                                int code, const year_column *years, size_t count)
{
    const char *text = row->values[code].text;
    bool ok = true;
    if (!is_item(text))
        return true;
    for (size_t y = 0; ok && y < count; y++) {
        const rel_value *v = &row->values[years[y].column];
        const char *key = rel_xlsx_derived_key(s->book->arena, "bilancio", years[y].year, text);
        rel_xlsx_derived cell = {{s->index, s->row, (uint16_t)l->sheet_col[years[y].column],
                                  false, false}, v->number, 100};
        ok = v->present && row->kind == REL_ROW_ITEM
                 ? key && rel_xlsx_cells_put_derived(&s->book->cells, key, cell)
                 : true;
    }
    return ok || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                               "registro");
}

static bool typed_rows(rel_xlsx_sheet *s, const rel_xlsx_layout *l, int code,
                       const year_column *years, size_t count)
{
    const rel_dataset *d = l->dataset;
    bool ok = true;
    for (size_t r = 0; ok && r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        for (size_t c = 0; ok && c < d->column_count; c++)
            ok = l->sheet_col[c] < 0
                 || rel_xlsx_value(s, (lxw_col_t)l->sheet_col[c], &row->values[c],
                                   d->columns[c].type, l->whole, REL_XLSX_PLAIN);
        if (ok && l->change_col >= 0) {
            const rel_value *now = &row->values[l->now], *before = &row->values[l->before];
            ok = rel_xlsx_layout_change(s, l, now->present && before->present, now->number,
                                        before->number, REL_XLSX_PLAIN);
        }
        ok = ok && register_item_cells(s, l, row, code, years, count)
             && rel_xlsx_layout_kind(s, l, REL_XLSX_ROW_ITEM)
             && rel_xlsx_row_end(s, REL_XLSX_ROW_ITEM, 0);
    }
    return ok;
}

static bool subtotal_row(rel_xlsx_sheet *s, const rel_xlsx_layout *l, int code_col,
                         rel_balance_subtotal sub, const year_column *years, size_t count)
{
    rel_xlsx_book *book = s->book;
    rel_balance_term terms[REL_BALANCE_MAX_TERMS];
    size_t n = rel_balance_subtotal_terms(sub, terms);
    const char *key = rel_balance_subtotal_key(sub);
    bool ok = rel_xlsx_text(s, (lxw_col_t)l->sheet_col[code_col], key, REL_XLSX_SUBTOTAL,
                            (rel_origin){NULL, 0, 0})
              && rel_xlsx_text(s, (lxw_col_t)l->sheet_col[l->label], rel_balance_subtotal_name(sub),
                               REL_XLSX_SUBTOTAL, (rel_origin){NULL, 0, 0});
    for (size_t y = 0; ok && y < count; y++) {
        lxw_col_t col = (lxw_col_t)l->sheet_col[years[y].column];
        const char *formula = terms_formula(book, s, years[y].year, terms, n);
        int64_t cents = years[y].balance.subtotal[sub];
        const char *name = rel_xlsx_derived_key(book->arena, "bilancio", years[y].year, key);
        rel_xlsx_derived cell = {{s->index, s->row, col, false, false}, cents, 100};
        ok = formula && name
             && rel_xlsx_formula(s, col, rel_arena_printf(&book->scratch, "=%s", formula),
                                 rel_xlsx_euros(cents), l->whole ? REL_XLSX_MONEY_WHOLE
                                                                 : REL_XLSX_MONEY,
                                 REL_XLSX_SUBTOTAL)
             && rel_xlsx_cells_put_derived(&book->cells, name, cell);
    }
    int64_t now = 0, before = 0;
    for (size_t y = 0; y < count; y++) {
        now = years[y].column == l->now ? years[y].balance.subtotal[sub] : now;
        before = years[y].column == l->before ? years[y].balance.subtotal[sub] : before;
    }
    return ok && rel_xlsx_layout_change(s, l, true, now, before, REL_XLSX_SUBTOTAL)
           && rel_xlsx_layout_kind(s, l, REL_XLSX_ROW_FORMULA)
           && rel_xlsx_row_end(s, REL_XLSX_ROW_FORMULA, 0);
}

/* The sheet's year columns that the balance can be computed for. */
static size_t year_columns(const rel_model *model, const rel_dataset *d, year_column *out)
{
    size_t count = 0;
    for (size_t c = 0; c < d->column_count && count < 8; c++) {
        if (d->columns[c].year <= 0)
            continue;
        out[count] = (year_column){d->columns[c].year, (int)c, {0}};
        if (rel_balance_compute(model, d->columns[c].year, &out[count].balance))
            count++;
    }
    return count;
}

bool rel_xlsx_bilancio(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    const rel_dataset *d = entry->dataset;
    rel_xlsx_layout l;
    year_column years[8];
    size_t count = year_columns(ctx->book->model, d, years);
    int code = rel_dataset_column(d, "codice");
    if (!rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    /* the codes name the quantities of the formulas: shown here */
    rel_xlsx_column codes = {"Codice", 24, false};
    if (code < 0 || l.label < 0 || !rel_xlsx_layout_insert(&l, 0, &codes, 1))
        return rel_xlsx_dataset(ctx, entry);
    l.sheet_col[code] = 0;
    l.kind_col = (int)l.count;
    l.columns[l.count++] = (rel_xlsx_column){"Riga", 11, true};
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, l.columns,
                              l.count, 2, l.kind_col))
        return false;
    bool ok = rel_xlsx_layout_place(&s, &l) && typed_rows(&s, &l, code, years, count)
              && rel_xlsx_line(&s, 1, "Riclassificazione ricalcolata dalle voci", REL_XLSX_GROUP)
              && rel_xlsx_row_end(&s, REL_XLSX_ROW_OTHER, 0);
    for (int sub = 0; ok && sub < REL_BALANCE_SUBTOTAL_COUNT; sub++)
        ok = subtotal_row(&s, &l, code, (rel_balance_subtotal)sub, years, count);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}

/* --- Indici ----------------------------------------------------------------- */

static int ratio_of(const char *code)
{
    for (int r = 0; r < REL_BALANCE_RATIO_COUNT; r++)
        if (strcmp(rel_balance_ratio_code((rel_balance_ratio)r), code) == 0)
            return r;
    return -1;
}

static int64_t quantity_value(const rel_balance *b, int quantity)
{
    return quantity < REL_BALANCE_ITEM_COUNT ? b->item[quantity]
                                             : b->subtotal[quantity - REL_BALANCE_ITEM_COUNT];
}

/* The ratio recomputed for one year, as a formula over Stato patrimoniale. */
static bool ratio_cell(rel_xlsx_sheet *s, lxw_col_t col, rel_balance_ratio r,
                       const year_column *y)
{
    rel_xlsx_book *book = s->book;
    rel_balance_term numerator[REL_BALANCE_MAX_TERMS];
    int denominator;
    bool percent;
    size_t n = rel_balance_ratio_terms(r, numerator, &denominator, &percent);
    rel_balance_term den_term = {+1, denominator};
    const char *num = terms_formula(book, s, y->year, numerator, n);
    const char *den = terms_formula(book, s, y->year, &den_term, 1);
    if (num == NULL || den == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col, (rel_origin){NULL, 0, 0},
                             "indice");
    int64_t top = 0, bottom = quantity_value(&y->balance, denominator);
    for (size_t t = 0; t < n; t++)
        top += numerator[t].sign * quantity_value(&y->balance, numerator[t].quantity);
    const char *formula = rel_arena_printf(&book->scratch, "=IF(%s=0,\"\",(%s)/%s%s)", den, num, den,
                                           percent ? "*100" : "");
    if (bottom == 0)
        return rel_xlsx_formula_text(s, col, formula, "", REL_XLSX_RATIO, REL_XLSX_PLAIN);
    double value = (double)top / (double)bottom * (percent ? 100.0 : 1.0);
    const char *key = rel_xlsx_derived_key(book->arena, "indici", y->year,
                                           rel_balance_ratio_code(r));
    rel_xlsx_derived cell = {{s->index, s->row, col, false, false}, top * (percent ? 100 : 1),
                             bottom};
    return key && rel_xlsx_formula(s, col, formula, value, REL_XLSX_RATIO, REL_XLSX_PLAIN)
           && (rel_xlsx_cells_put_derived(&book->cells, key, cell)
               || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col,
                                (rel_origin){NULL, 0, 0}, "registro"));
}

bool rel_xlsx_indici(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    const rel_dataset *d = entry->dataset;
    const rel_dataset *sheet = rel_model_dataset(ctx->book->model, "stato_patrimoniale");
    year_column years[8];
    size_t count = sheet ? year_columns(ctx->book->model, sheet, years) : 0;
    int code = rel_dataset_column(d, "codice");
    rel_xlsx_layout l;
    if (!rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    rel_xlsx_column added[8];
    for (size_t y = 0; y < count; y++)
        added[y] = (rel_xlsx_column){rel_arena_printf(ctx->book->arena, "Ricalcolato al 31/12/%d",
                                                      years[y].year), 13, true};
    if (code < 0 || !rel_xlsx_layout_insert(&l, l.count, added, (lxw_col_t)count))
        return rel_xlsx_dataset(ctx, entry);
    lxw_col_t first = (lxw_col_t)(l.count - count);
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, l.columns,
                              l.count, l.key_columns, l.kind_col))
        return false;
    bool ok = rel_xlsx_layout_place(&s, &l);
    for (size_t r = 0; ok && r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        for (size_t c = 0; ok && c < d->column_count; c++)
            ok = l.sheet_col[c] < 0
                 || rel_xlsx_value(&s, (lxw_col_t)l.sheet_col[c], &row->values[c],
                                   d->columns[c].type, false, REL_XLSX_PLAIN);
        if (ok && l.change_col >= 0) {
            const rel_value *now = &row->values[l.now], *before = &row->values[l.before];
            ok = rel_xlsx_layout_change(&s, &l, now->present && before->present, now->number,
                                        before->number, REL_XLSX_PLAIN);
        }
        int ratio = ratio_of(row->values[code].text);
        for (size_t y = 0; ok && ratio >= 0 && y < count; y++)
            ok = ratio_cell(&s, (lxw_col_t)(first + y), (rel_balance_ratio)ratio, &years[y]);
        if (ok && ratio < 0 && count > 0)
            ok = rel_xlsx_text(&s, first, "nessuna formula standard: non ricalcolato",
                               REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
        ok = ok && rel_xlsx_row_end(&s, REL_XLSX_ROW_ITEM, 0);
    }
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
