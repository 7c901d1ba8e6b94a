/* Allegato N: the projects, dates as real dates (a month written mag-20 is
 * shown as a month), words in a date's or an amount's place ("in
 * continuità", "Partner senza portafoglio") in the note column, the shares
 * financed and co-financed as formulas, and the totals as SUBTOTAL(9, …). */
#include <stdio.h>

#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_value.h"

static const char *const amount_columns[] = {"importo_totale", "importo_finanziato",
                                             "assegnato_ambito", "quota_azienda",
                                             "cofinanziamento_azienda"};
#define AMOUNTS 5

typedef struct projects {
    int amounts[AMOUNTS];          /* dataset columns, or -1 */
    lxw_col_t shares;              /* sheet column of "Quota finanziata %" */
} projects;

/* % finanziata = importo finanziato / importo totale, % cofinanziata =
 * cofinanziamento dell'azienda / importo totale. */
static bool shares(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const int64_t *numbers,
                   const bool *present, rel_xlsx_emphasis emphasis, void *user)
{
    const projects *p = user;
    int total = p->amounts[0];
    const int parts[2] = {p->amounts[1], p->amounts[4]};
    bool ok = true;
    for (int k = 0; ok && k < 2; k++) {
        lxw_col_t col = (lxw_col_t)(p->shares + k);
        if (total < 0 || parts[k] < 0 || !present[total]) {
            ok = rel_xlsx_text(s, col, "", emphasis, (rel_origin){NULL, 0, 0});
            continue;
        }
        const char *d = rel_xlsx_here(s, (lxw_col_t)l->sheet_col[total]);
        const char *e = rel_xlsx_here(s, (lxw_col_t)l->sheet_col[parts[k]]);
        const char *formula = rel_arena_printf(&s->book->scratch, "=IF(%s=0,\"\",%s/%s)", d, e, d);
        int64_t part = present[parts[k]] ? numbers[parts[k]] : 0;
        ok = numbers[total] == 0
                 ? rel_xlsx_formula_text(s, col, formula, "", REL_XLSX_PERCENT, emphasis)
                 : rel_xlsx_formula(s, col, formula, (double)part / (double)numbers[total],
                                    REL_XLSX_PERCENT, emphasis);
    }
    return ok;
}

/* The totals of the amounts over every project, as the report prints them. */
static bool totals(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const projects *p)
{
    const rel_dataset *d = l->dataset;
    rel_xlsx_book *book = s->book;
    int64_t numbers[64] = {0};
    bool present[64] = {false};
    bool ok = d->column_count <= 64
              && rel_xlsx_text(s, (lxw_col_t)l->sheet_col[l->label], "Totale", REL_XLSX_TOTAL,
                               (rel_origin){NULL, 0, 0});
    for (int k = 0; ok && k < AMOUNTS; k++) {
        int c = p->amounts[k];
        if (c < 0)
            continue;
        size_t count = 0;
        rel_xlsx_place *places = rel_arena_array(&book->scratch, d->row_count + 1, sizeof *places);
        for (size_t r = 0; places && r < d->row_count; r++)
            if (d->rows[r].kind == REL_ROW_ITEM) {
                places[count++] = (rel_xlsx_place){s->index, l->sheet_row[r],
                                                   (uint16_t)l->sheet_col[c], false, false};
                numbers[c] += d->rows[r].values[c].number;
            }
        bool subtotal;
        const char *sum = places ? rel_xlsx_cells_sum(&book->cells, &book->scratch, places, count,
                                                      &s->index, true, &subtotal)
                                 : NULL;
        present[c] = true;
        ok = sum && rel_xlsx_formula(s, (lxw_col_t)l->sheet_col[c],
                                     rel_arena_printf(&book->scratch, "=%s", sum),
                                     rel_xlsx_euros(numbers[c]),
                                     rel_xlsx_style_of(REL_TYPE_MONEY, l->whole), REL_XLSX_TOTAL);
    }
    return ok && shares(s, l, numbers, present, REL_XLSX_TOTAL, (void *)p)
           && rel_xlsx_row_end(s, REL_XLSX_ROW_SUBTOTAL, 0);
}

bool rel_xlsx_progetti(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    const rel_dataset *d = entry->dataset;
    rel_xlsx_layout l;
    if (!rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    projects p;
    int last = -1;
    for (int k = 0; k < AMOUNTS; k++) {
        p.amounts[k] = rel_dataset_column(d, amount_columns[k]);
        if (p.amounts[k] >= 0 && l.sheet_col[p.amounts[k]] > last)
            last = l.sheet_col[p.amounts[k]];
    }
    static const rel_xlsx_column added[2] = {{"% finanziata", 12, true},
                                             {"% cofinanziata", 12, true}};
    if (last < 0 || l.label < 0 || !rel_xlsx_layout_insert(&l, (lxw_col_t)(last + 1), added, 2))
        return rel_xlsx_dataset(ctx, entry);
    p.shares = (lxw_col_t)(last + 1);
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, l.columns,
                              l.count, l.key_columns, l.kind_col))
        return false;
    rel_xlsx_hook hook = {shares, &p};
    bool ok = rel_xlsx_layout_place(&s, &l) && rel_xlsx_dataset_rows(ctx, &s, &l, &hook)
              && rel_xlsx_sheet_filter(&s)
              && totals(&s, &l, &p);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
