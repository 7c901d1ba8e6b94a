/* Allegato H: the surplus by line and kind, each line's total as a formula
 * (vincolato + finalizzato + non vincolato), then the result: the surplus
 * so composed beside Entrate - Uscite, each a formula over the cells of
 * Entrate, Costi (or Schede) and Avanzo that the check compares. */
#include <string.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_figure.h"
#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"

typedef struct parts {
    int columns[3];         /* dataset columns vincolato, finalizzato, non_vincolato */
    lxw_col_t total_col;
} parts;

static bool row_total(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const int64_t *numbers,
                      const bool *present, rel_xlsx_emphasis emphasis, void *user)
{
    const parts *p = user;
    int64_t sum = 0;
    const char *cells[3];
    for (int k = 0; k < 3; k++) {
        cells[k] = rel_xlsx_here(s, (lxw_col_t)l->sheet_col[p->columns[k]]);
        sum += present[p->columns[k]] ? numbers[p->columns[k]] : 0;
    }
    const char *formula = rel_arena_printf(s->book->arena, "=%s+%s+%s", cells[0], cells[1],
                                           cells[2]);
    return rel_xlsx_formula(s, p->total_col, formula, rel_xlsx_euros(sum),
                            l->whole ? REL_XLSX_MONEY_WHOLE : REL_XLSX_MONEY, emphasis);
}

static const rel_finding *result_check(const rel_findings *findings)
{
    for (size_t i = 0; i < findings->count; i++) {
        const rel_finding *f = &findings->items[i];
        if (f->numeric && strcmp(f->code, REL_R_RESULT) == 0 && f->expected_source
            && f->expected_source->kind == REL_SOURCE_TERMS
            && f->expected_source->term_count == 2)
            return f;
    }
    return NULL;
}

/* A row of the result block: `label`, and at the total column a figure or a
 * formula over the rows above. */
static bool result_row(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const parts *p,
                       const char *label, const rel_xlsx_figure *figure)
{
    lxw_col_t label_col = (lxw_col_t)l->sheet_col[l->label];
    return rel_xlsx_text(s, label_col, label, REL_XLSX_SUBTOTAL, (rel_origin){NULL, 0, 0})
           && rel_xlsx_figure_write(s, p->total_col, figure, REL_XLSX_MONEY, REL_XLSX_SUBTOTAL)
           && rel_xlsx_row_end(s, REL_XLSX_ROW_FORMULA, 0);
}

static bool result_block(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_xlsx_layout *l,
                         const parts *p)
{
    const rel_finding *f = result_check(ctx->findings);
    if (f == NULL)
        return true;
    const rel_figure_term *terms = f->expected_source->terms;
    rel_xlsx_figure surplus, income, costs;
    if (!rel_xlsx_figure_of(ctx, s, &f->declared, f->declared_source, 2, &surplus)
        || !rel_xlsx_figure_of(ctx, s, &terms[0].figure, terms[0].source, 2, &income)
        || !rel_xlsx_figure_of(ctx, s, &terms[1].figure, terms[1].source, 2, &costs))
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "risultato");
    rel_arena *arena = s->book->arena;
    lxw_row_t first = s->row + 1;
    char a[16], b[16], c[16], d[16];
    lxw_rowcol_to_cell(a, first, p->total_col);
    lxw_rowcol_to_cell(b, first + 1, p->total_col);
    lxw_rowcol_to_cell(c, first + 2, p->total_col);
    lxw_rowcol_to_cell(d, first + 3, p->total_col);
    rel_xlsx_figure result = {rel_arena_printf(arena, "%s-%s", b, c), NULL,
                              income.num * costs.den - costs.num * income.den,
                              income.den * costs.den, 0, 1};
    rel_xlsx_figure gap = {rel_arena_printf(arena, "%s-%s", a, d), NULL,
                           surplus.num * result.den - result.num * surplus.den,
                           surplus.den * result.den, 0, 1};
    bool ok = result.formula && gap.formula
              && rel_xlsx_line(s, 0, "Risultato dell'esercizio", REL_XLSX_GROUP)
              && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0)
              && result_row(s, l, p, "Avanzo: vincolato + finalizzato + non vincolato",
                            &surplus)
              && result_row(s, l, p, "Entrate dell'esercizio", &income)
              && result_row(s, l, p, "Uscite dell'esercizio", &costs)
              && result_row(s, l, p, "Entrate – Uscite", &result)
              && result_row(s, l, p, "Differenza: avanzo – (Entrate – Uscite)", &gap);
    return ok;
}

bool rel_xlsx_avanzo(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    static const char *const names[3] = {"vincolato", "finalizzato", "non_vincolato"};
    const rel_dataset *d = entry->dataset;
    rel_xlsx_layout l;
    if (!rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    parts p;
    int last = -1;
    for (int k = 0; k < 3; k++) {
        p.columns[k] = rel_dataset_column(d, names[k]);
        if (p.columns[k] < 0 || l.sheet_col[p.columns[k]] < 0)
            return rel_xlsx_dataset(ctx, entry);
        last = l.sheet_col[p.columns[k]] > last ? l.sheet_col[p.columns[k]] : last;
    }
    rel_xlsx_column total = {"Totale", l.columns[last].width, true};
    if (l.label < 0 || !rel_xlsx_layout_insert(&l, (lxw_col_t)(last + 1), &total, 1))
        return rel_xlsx_dataset(ctx, entry);
    p.total_col = (lxw_col_t)(last + 1);
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, l.columns,
                              l.count, l.key_columns, l.kind_col))
        return false;
    rel_xlsx_hook hook = {row_total, &p};
    bool ok = rel_xlsx_dataset_rows(ctx, &s, &l, &hook) && result_block(ctx, &s, &l, &p);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
