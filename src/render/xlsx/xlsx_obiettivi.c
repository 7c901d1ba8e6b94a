/* Allegato L: the summary of the objectives recomputed from their outcomes
 * in Obiettivi (Allegato K): per area and overall, the objectives counted
 * with COUNTIF-style formulas (SUMPRODUCT of exact comparisons, so that no
 * text is read as a wildcard) and the three shares by the rule of
 * compute/objectives.h: each share rounded half up to a hundredth of a
 * point on its own, as the reports print them (4 of 9: 44,44 %). */
#include <stdio.h>

#include "compute/objectives.h"
#include "render/xlsx/xlsx_layout.h"
#include "render/xlsx/xlsx_sheets.h"

enum { COL_AREA, COL_COUNT, COL_REACHED, COL_MISSED, COL_PARTIAL, COL_SHARES, COL_TOTAL = 8 };

static const char *const outcome_words[3] = {"SI", "NO", "PARZIALMENTE"};
static const char *const share_names[3] = {"raggiunti", "non_raggiunti", "in_corso"};

/* Where the areas and the outcomes are in the Obiettivi sheet. */
typedef struct ranges {
    const char *areas;      /* "Obiettivi!$A$4:$A$12" */
    const char *outcomes;
} ranges;

static bool find_ranges(const rel_xlsx_context *ctx, const rel_dataset *d, ranges *out)
{
    rel_xlsx_layout l;
    int area = rel_dataset_column(d, "area"), outcome = rel_dataset_column(d, "esito");
    if (area < 0 || outcome < 0 || !rel_xlsx_layout_plan(ctx, d, &l))
        return false;
    lxw_row_t first = REL_XLSX_FIRST_ROW;
    lxw_row_t last = d->row_count ? l.sheet_row[d->row_count - 1] : first;
    char a[48], e[48];
    lxw_rowcol_to_range_abs(a, first, (lxw_col_t)l.sheet_col[area], last,
                            (lxw_col_t)l.sheet_col[area]);
    lxw_rowcol_to_range_abs(e, first, (lxw_col_t)l.sheet_col[outcome], last,
                            (lxw_col_t)l.sheet_col[outcome]);
    const char *sheet = rel_xlsx_quoted(ctx->book->arena, "Obiettivi");
    out->areas = rel_arena_printf(ctx->book->arena, "%s!%s", sheet, a);
    out->outcomes = rel_arena_printf(ctx->book->arena, "%s!%s", sheet, e);
    return sheet && out->areas && out->outcomes;
}

/* The k-th share of the counts in this row, as compute/objectives.h
 * rounds it: ROUND(x/n, 4), half away from zero as the compiler's rule. */
static const char *share_formula(rel_arena *arena, const char *n, const char *const x[3], int k)
{
    return rel_arena_printf(arena, "=IF(%s=0,\"\",ROUND(%s/%s,4))", n, x[k], n);
}

static bool put(rel_xlsx_sheet *s, const char *area, const char *quantity, lxw_col_t col,
                int64_t num, int64_t den, bool fraction)
{
    const char *key = rel_xlsx_derived_key(s->book->arena, "obiettivi", 0,
                                           rel_arena_printf(s->book->arena, "%s|%s", area,
                                                            quantity));
    rel_xlsx_derived cell = {{s->index, s->row, col, fraction, false}, num, den};
    return (key && rel_xlsx_cells_put_derived(&s->book->cells, key, cell))
           || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col, (rel_origin){NULL, 0, 0},
                            "registro");
}

static bool summary_row(rel_xlsx_sheet *s, const ranges *r, const rel_objective_summary *o)
{
    rel_arena *arena = &s->book->scratch;
    bool overall = o->area[0] == '\0';
    rel_xlsx_emphasis emphasis = overall ? REL_XLSX_TOTAL : REL_XLSX_PLAIN;
    const char *area = rel_xlsx_here(s, COL_AREA);
    bool ok = rel_xlsx_text(s, COL_AREA, overall ? "TOTALE" : o->area, emphasis,
                            (rel_origin){NULL, 0, 0});
    const char *count = overall ? rel_arena_printf(arena, "=COUNTA(%s)", r->outcomes)
                                : rel_arena_printf(arena, "=SUMPRODUCT((%s=%s)*1)", r->areas, area);
    ok = ok && rel_xlsx_formula(s, COL_COUNT, count, (double)o->count, REL_XLSX_COUNT, emphasis)
         && put(s, o->area, "obiettivi", COL_COUNT, o->count, 1, false);
    const int64_t counts[3] = {o->reached, o->missed, o->partial};
    for (int k = 0; ok && k < 3; k++) {
        const char *formula = overall
            ? rel_arena_printf(arena, "=COUNTIF(%s,\"%s\")", r->outcomes, outcome_words[k])
            : rel_arena_printf(arena, "=SUMPRODUCT((%s=%s)*(%s=\"%s\"))", r->areas, area,
                               r->outcomes, outcome_words[k]);
        ok = rel_xlsx_formula(s, (lxw_col_t)(COL_REACHED + k), formula, (double)counts[k],
                              REL_XLSX_COUNT, emphasis);
    }
    const char *n = rel_xlsx_here(s, COL_COUNT);
    const char *x[3] = {rel_xlsx_here(s, COL_REACHED), rel_xlsx_here(s, COL_MISSED),
                        rel_xlsx_here(s, COL_PARTIAL)};
    for (int k = 0; ok && k < 3; k++) {
        lxw_col_t col = (lxw_col_t)(COL_SHARES + k);
        const char *formula = share_formula(arena, n, x, k);
        ok = o->count == 0
                 ? rel_xlsx_formula_text(s, col, formula, "", REL_XLSX_PERCENT, emphasis)
                 : rel_xlsx_formula(s, col, formula, (double)o->share[k] / 10000.0,
                                    REL_XLSX_PERCENT, emphasis)
                       && put(s, o->area, share_names[k], col, o->share[k], 100, true);
    }
    return ok && rel_xlsx_row_end(s, overall ? REL_XLSX_ROW_FORMULA : REL_XLSX_ROW_ITEM, 0);
}

bool rel_xlsx_riepilogo(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    static const rel_xlsx_column columns[COL_TOTAL] = {
        {"Area", 32, false}, {"Obiettivi", 10, true}, {"Raggiunti", 10, true},
        {"Non raggiunti", 10, true}, {"In corso", 10, true}, {"% raggiunti", 11, true},
        {"% non raggiunti", 11, true}, {"% in corso", 11, true},
    };
    rel_objectives summary;
    ranges r;
    if (!rel_objectives_compute(ctx->book->model, ctx->book->arena, &summary)
        || !find_ranges(ctx, entry->dataset, &r))
        return rel_xlsx_fail(&(rel_xlsx_sheet){.book = ctx->book, .name = entry->name},
                             LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "riepilogo");
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, columns,
                              COL_TOTAL, 1, -1))
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < summary.count; i++)
        ok = summary_row(&s, &r, &summary.items[i]);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
