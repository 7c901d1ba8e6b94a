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
    const char *formula = rel_arena_printf(&s->book->scratch, "=%s+%s+%s", cells[0], cells[1],
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

/* The figure of the result block's row `k`: the avanzo composed, Entrate,
 * Uscite (as the check compares them), then Entrate - Uscite and the
 * difference as formulas over the rows above; *exact keeps the figures'
 * values, for the last two. */
static bool result_figure(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_finding *f,
                          const parts *p, int k, rel_xlsx_figure *exact, rel_xlsx_figure *out)
{
    const rel_figure_term *terms = f->expected_source->terms;
    if (k == 0)
        return rel_xlsx_figure_of(ctx, s, &f->declared, f->declared_source, 2, out);
    if (k <= 2)
        return rel_xlsx_figure_of(ctx, s, &terms[k - 1].figure, terms[k - 1].source, 2, out);
    /* row k - 2 minus row k - 1 (result), or row 0 minus row 3 (gap) */
    int a = k == 3 ? 1 : 0, b = k == 3 ? 2 : 3;
    char first[16], second[16];
    lxw_rowcol_to_cell(first, s->row - (lxw_row_t)(k - a), p->total_col);
    lxw_rowcol_to_cell(second, s->row - (lxw_row_t)(k - b), p->total_col);
    *out = (rel_xlsx_figure){rel_arena_printf(&s->book->scratch, "%s-%s", first, second), NULL,
                             exact[a].num * exact[b].den - exact[b].num * exact[a].den,
                             exact[a].den * exact[b].den, 0, 1};
    return out->formula != NULL;
}

static bool result_block(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_xlsx_layout *l,
                         const parts *p)
{
    static const char *const labels[] = {"Avanzo: vincolato + finalizzato + non vincolato",
                                         "Entrate dell'esercizio", "Uscite dell'esercizio",
                                         "Entrate – Uscite",
                                         "Differenza: avanzo – (Entrate – Uscite)"};
    const rel_finding *f = result_check(ctx->findings);
    if (f == NULL)
        return true;
    bool ok = rel_xlsx_line(s, 0, "Risultato dell'esercizio", REL_XLSX_GROUP)
              && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    rel_xlsx_figure exact[5];
    for (int k = 0; ok && k < 5; k++) {
        ok = result_figure(ctx, s, f, p, k, exact, &exact[k])
             || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                              "risultato");
        ok = ok && result_row(s, l, p, labels[k], &exact[k]);
    }
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
    bool ok = rel_xlsx_layout_place(&s, &l) && rel_xlsx_dataset_rows(ctx, &s, &l, &hook) && result_block(ctx, &s, &l, &p);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
