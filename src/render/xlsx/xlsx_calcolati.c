/* Allegato P: the indicators the user defines (indicatori_calcolati.csv)
 * with their values, as the report prints them: each formula translated
 * into the spreadsheet where it can be (xlsx_formula.h), rounded to the
 * indicator's decimals; else its value, and the note says why. */
#include <string.h>

#include "render/xlsx/xlsx_formula.h"
#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"

typedef struct values {
    const rel_xlsx_context *ctx;
    int name;                 /* the dataset column "nome" */
    int formula;              /* the dataset column "formula" */
    lxw_col_t value_col, note_col;
    size_t row;               /* the dataset row being written */
} values;

static bool indicator_value(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const int64_t *numbers,
                            const bool *present, rel_xlsx_emphasis emphasis, void *user)
{
    (void)numbers;
    (void)present;
    values *v = user;
    const rel_row *row = &l->dataset->rows[v->row++];
    const rel_indicator *indicator = rel_indicators_find(v->ctx->indicators,
                                                         rel_row_text(row, v->name));
    if (indicator == NULL || !indicator->ok)
        return rel_xlsx_text(s, v->value_col, "n.d.", emphasis, (rel_origin){NULL, 0, 0})
               && rel_xlsx_text(s, v->note_col, "non calcolato: vedi le diagnostiche",
                                REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
    rel_xlsx_figure figure;
    if (!rel_xlsx_indicator_formula(v->ctx, s, indicator, rel_row_text(row, v->formula),
                                    &figure))
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, v->value_col,
                             (rel_origin){NULL, 0, 0}, "indicatore");
    return rel_xlsx_figure_write(s, v->value_col, &figure, REL_XLSX_RATIO, emphasis)
           && rel_xlsx_text(s, v->note_col,
                            figure.formula ? "" : rel_arena_printf(&s->book->scratch,
                                                                   "valore, non formula: %s",
                                                                   figure.why),
                            REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
}

/* Where each indicator's value will be, for the formulas that use it (here
 * and in Verifiche), before any is written. */
static bool place_values(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_xlsx_layout *l,
                         const values *v)
{
    const rel_dataset *d = l->dataset;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_indicator *indicator = rel_indicators_find(ctx->indicators,
                                                             rel_row_text(&d->rows[r], v->name));
        if (indicator == NULL || !indicator->ok)
            continue;
        int64_t unit = 1;
        for (int i = 0; i < indicator->decimals; i++)
            unit *= 10;
        const char *key = rel_xlsx_derived_key(ctx->book->arena, "indicatori", 0,
                                               indicator->name);
        rel_xlsx_derived cell = {{s->index, l->sheet_row[r], v->value_col, false, false},
                                 indicator->rounded, unit};
        if (key == NULL || !rel_xlsx_cells_put_derived(&ctx->book->cells, key, cell))
            return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                                 "registro");
    }
    return true;
}

bool rel_xlsx_calcolati(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    const rel_dataset *d = entry->dataset;
    rel_xlsx_layout l;
    if (!rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    values v = {ctx, rel_dataset_column(d, "nome"), rel_dataset_column(d, "formula"),
                (lxw_col_t)l.count, (lxw_col_t)(l.count + 1), 0};
    static const rel_xlsx_column added[2] = {{"Valore", 14, true}, {"Nota", 22, false}};
    if (v.name < 0 || v.formula < 0 || !rel_xlsx_layout_insert(&l, l.count, added, 2))
        return rel_xlsx_dataset(ctx, entry);
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, l.columns,
                              l.count, l.key_columns, l.kind_col))
        return false;
    rel_xlsx_hook hook = {indicator_value, &v};
    bool ok = rel_xlsx_layout_place(&s, &l) && place_values(ctx, &s, &l, &v)
              && rel_xlsx_dataset_rows(ctx, &s, &l, &hook);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, true);
}
