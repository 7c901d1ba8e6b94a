/* Any dataset as the report prints it: the rows in the file's order, every
 * column typed, the change of year N on N-1 as formulas, and under every
 * TOTALE the user typed (kept as typed: it is what the report prints) the
 * total recomputed, as a formula over exactly the lines the reconciliation
 * added. Words in a date column ("in continuità") go to a note column. */
#include <stdio.h>
#include <string.h>

#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_value.h"

/* The recomputed row under the TOTALE at dataset row `r`: each figure a
 * check adds, as the sum of exactly the lines the check added. */
static bool recomputed_row(const rel_xlsx_context *ctx, rel_xlsx_sheet *s,
                           const rel_xlsx_layout *l, size_t r, const rel_xlsx_hook *hook,
                           int64_t *numbers, bool *present)
{
    const rel_dataset *d = l->dataset;
    const rel_row *total = &d->rows[r];
    const char *name = l->label >= 0 ? total->values[l->label].text : "";
    lxw_col_t label_col = (lxw_col_t)(l->label >= 0 ? l->sheet_col[l->label] : 0);
    bool ok = rel_xlsx_text(s, label_col,
                            rel_arena_printf(&s->book->scratch, "%s – ricalcolato",
                                             name[0] ? name : "TOTALE"),
                            REL_XLSX_SUBTOTAL, (rel_origin){NULL, 0, 0});
    bool subtotal_only = true;
    for (size_t c = 0; ok && c < d->column_count; c++) {
        present[c] = false;
        if (l->sheet_col[c] < 0 || (lxw_col_t)l->sheet_col[c] == label_col)
            continue;
        const rel_finding *f = rel_xlsx_layout_numeric(d->columns[c].type)
                                   ? rel_xlsx_checks_total(ctx->checks, total->values[c].at, d)
                                   : NULL;
        if (f == NULL) {
            ok = rel_xlsx_blank(s, (lxw_col_t)l->sheet_col[c], REL_XLSX_SUBTOTAL);
            continue;
        }
        bool subtotal;
        ok = rel_xlsx_layout_sum(s, l, f->expected_source, (lxw_col_t)l->sheet_col[c], true,
                                 &subtotal, &numbers[c]);
        subtotal_only = subtotal_only && subtotal;
        present[c] = true;
    }
    if (ok && l->change_col >= 0)
        ok = rel_xlsx_layout_change(s, l, present[l->now] && present[l->before],
                                    numbers[l->now], numbers[l->before], REL_XLSX_SUBTOTAL);
    ok = ok && (hook == NULL || hook->write(s, l, numbers, present, REL_XLSX_SUBTOTAL, hook->user));
    rel_xlsx_row_kind kind = subtotal_only ? REL_XLSX_ROW_SUBTOTAL : REL_XLSX_ROW_FORMULA;
    return ok && rel_xlsx_layout_kind(s, l, kind) && rel_xlsx_row_end(s, kind, 0);
}

static bool dataset_row(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const rel_row *row,
                        const rel_xlsx_hook *hook, int64_t *numbers, bool *present)
{
    const rel_dataset *d = l->dataset;
    bool item = row->kind == REL_ROW_ITEM;
    rel_xlsx_emphasis emphasis = item ? REL_XLSX_PLAIN
                                 : row->kind == REL_ROW_HEADING ? REL_XLSX_GROUP : REL_XLSX_DECLARED;
    bool ok = true;
    for (size_t c = 0; ok && c < d->column_count; c++)
        if (l->sheet_col[c] >= 0)
            ok = rel_xlsx_value(s, (lxw_col_t)l->sheet_col[c], &row->values[c],
                                d->columns[c].type, l->whole, emphasis);
    if (ok && l->change_col >= 0) {
        const rel_value *now = &row->values[l->now], *before = &row->values[l->before];
        ok = rel_xlsx_layout_change(s, l, now->present && before->present, now->number,
                                    before->number, emphasis);
    }
    for (size_t c = 0; c < d->column_count; c++) {
        numbers[c] = row->values[c].number;
        present[c] = row->values[c].present && !row->values[c].is_text;
    }
    ok = ok && rel_xlsx_layout_note(s, l, row)
         && (hook == NULL || hook->write(s, l, numbers, present, emphasis, hook->user));
    rel_xlsx_row_kind kind = row->kind == REL_ROW_HEADING ? REL_XLSX_ROW_OTHER
                             : item ? REL_XLSX_ROW_ITEM : REL_XLSX_ROW_DECLARED;
    if (ok && row->kind == REL_ROW_CHANGE && l->kind_col >= 0)
        return rel_xlsx_text(s, (lxw_col_t)l->kind_col, "variazione dichiarata", REL_XLSX_NOTE,
                             (rel_origin){NULL, 0, 0})
               && rel_xlsx_row_end(s, kind, 0);
    return ok && rel_xlsx_layout_kind(s, l, kind) && rel_xlsx_row_end(s, kind, 0);
}

bool rel_xlsx_dataset_rows(const rel_xlsx_context *ctx, rel_xlsx_sheet *s,
                           const rel_xlsx_layout *l, const rel_xlsx_hook *hook)
{
    const rel_dataset *d = l->dataset;
    int64_t *numbers = rel_arena_array(s->book->arena, d->column_count + 1, sizeof *numbers);
    bool *present = rel_arena_array(s->book->arena, d->column_count + 1, sizeof *present);
    if (numbers == NULL || present == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "righe");
    bool ok = true;
    for (size_t r = 0; ok && r < d->row_count; r++) {
        ok = dataset_row(s, l, &d->rows[r], hook, numbers, present);
        if (ok && l->recompute[r])
            ok = recomputed_row(ctx, s, l, r, hook, numbers, present);
    }
    return ok;
}

bool rel_xlsx_dataset(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    rel_xlsx_layout l;
    rel_xlsx_sheet s;
    if (!rel_xlsx_layout_plan(ctx, entry->dataset, &l)
        || !rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title,
                                 l.columns, l.count, l.key_columns, l.kind_col))
        return false;
    bool ok = rel_xlsx_layout_place(&s, &l) && rel_xlsx_dataset_rows(ctx, &s, &l, NULL);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, true);
}
