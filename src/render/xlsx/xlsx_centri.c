/* Allegato B: the cost centres beside the schedules they summarise: each
 * centre's declared figures, the same area re-added from the schedules'
 * lines (exactly the lines its check added: nothing is matched here) and
 * the difference as a formula; then the year's Uscite beside the
 * consuntivo of the schedules. */
#include <string.h>

#include "compute/totals.h"
#include "core/codes.h"
#include "render/xlsx/xlsx_figure.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_value.h"

enum { COL_CENTRO, COL_AREA, COL_PREV, COL_CONS, COL_SCHEDE_PREV, COL_SCHEDE_CONS,
       COL_DIFF_PREV, COL_DIFF_CONS, COL_COUNT };

/* `figure` at `col`, and beside it (at diff_col) declared - figure. */
static bool compared(rel_xlsx_sheet *s, const rel_xlsx_figure *figure, lxw_col_t col,
                     lxw_col_t declared_col, lxw_col_t diff_col, int64_t difference,
                     rel_xlsx_emphasis emphasis)
{
    const char *formula = rel_arena_printf(&s->book->scratch, "=%s-%s",
                                           rel_xlsx_here(s, declared_col), rel_xlsx_here(s, col));
    return rel_xlsx_figure_write(s, col, figure, REL_XLSX_MONEY, emphasis)
           && rel_xlsx_formula(s, diff_col, formula, rel_xlsx_euros(difference), REL_XLSX_MONEY,
                               emphasis);
}

/* The schedules' side of a centre's declared figure `mine`. */
static bool schedules_side(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_value *mine,
                           const rel_dataset *schede, lxw_col_t col, lxw_col_t declared_col,
                           lxw_col_t diff_col, rel_xlsx_emphasis emphasis)
{
    const rel_finding *f = rel_xlsx_checks_against(ctx->checks, mine->at, schede);
    if (f == NULL)
        return true;
    rel_xlsx_figure figure;
    return rel_xlsx_figure_of(ctx, s, &f->expected, f->expected_source, f->scale, &figure)
           && compared(s, &figure, col, declared_col, diff_col, f->difference, emphasis);
}

/* The check of the year's Uscite (costi.csv) against the schedules. */
static const rel_finding *uscite_check(const rel_xlsx_context *ctx, const rel_dataset *schede)
{
    const rel_dataset *costi = rel_model_dataset(ctx->book->model, "costi");
    for (size_t i = 0; costi && i < ctx->findings->count; i++) {
        const rel_finding *f = &ctx->findings->items[i];
        const rel_figure_source *e = f->expected_source, *d = f->declared_source;
        bool from_costi = d ? d->kind == REL_SOURCE_LINES && d->dataset == costi
                            : f->declared.at.file == costi->path;
        if (f->numeric && strcmp(f->code, REL_R_IDENTITY) == 0 && from_costi && e
            && e->kind == REL_SOURCE_LINES && e->dataset == schede)
            return f;
    }
    return NULL;
}

static bool uscite_row(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_dataset *schede)
{
    const rel_finding *f = uscite_check(ctx, schede);
    if (f == NULL)
        return true;
    rel_xlsx_figure declared, expected;
    return rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0)
           && rel_xlsx_figure_of(ctx, s, &f->declared, f->declared_source, f->scale, &declared)
           && rel_xlsx_figure_of(ctx, s, &f->expected, f->expected_source, f->scale, &expected)
           && rel_xlsx_text(s, COL_CENTRO, "Uscite dell'esercizio (costi per natura)",
                            REL_XLSX_TOTAL, (rel_origin){NULL, 0, 0})
           && rel_xlsx_figure_write(s, COL_CONS, &declared, REL_XLSX_MONEY, REL_XLSX_TOTAL)
           && compared(s, &expected, COL_SCHEDE_CONS, COL_CONS, COL_DIFF_CONS, f->difference,
                       REL_XLSX_TOTAL)
           && rel_xlsx_row_end(s, REL_XLSX_ROW_FORMULA, 0);
}

/* One sheet row per dataset row, from the first; four columns shown. */
static bool place(rel_xlsx_sheet *s, const rel_dataset *d, int centro, int area, int prev,
                  int cons)
{
    rel_arena *arena = s->book->arena;
    lxw_row_t *rows = rel_arena_array(arena, d->row_count + 1, sizeof *rows);
    int *columns = rel_arena_array(arena, d->column_count + 1, sizeof *columns);
    if (rows == NULL || columns == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "registro");
    for (size_t r = 0; r < d->row_count; r++)
        rows[r] = REL_XLSX_FIRST_ROW + (lxw_row_t)r;
    for (size_t c = 0; c < d->column_count; c++)
        columns[c] = (int)c == centro ? COL_CENTRO : (int)c == area ? COL_AREA
                     : (int)c == prev ? COL_PREV : (int)c == cons ? COL_CONS : -1;
    return rel_xlsx_cells_place(&s->book->cells, d, s->index, rows, columns)
           || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                            "registro");
}

bool rel_xlsx_centri(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    static const rel_xlsx_column columns[COL_COUNT] = {
        {"Centro di costo", 34, false}, {"Area delle schede", 24, false},
        {"Preventivo", 15, true}, {"Consuntivo", 15, true}, {"Preventivo (schede)", 15, true},
        {"Consuntivo (schede)", 15, true}, {"Differenza preventivo", 14, true},
        {"Differenza consuntivo", 14, true},
    };
    const rel_dataset *d = entry->dataset;
    rel_schedule schedule;
    rel_xlsx_sheet s;
    if (!rel_schedule_get(ctx->book->model, &schedule)
        || !rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, columns,
                                 COL_COUNT, 1, -1))
        return false;
    int centro = rel_dataset_column(d, "centro"), area = rel_dataset_column(d, "area");
    int prev = rel_dataset_column(d, "preventivo"), cons = rel_dataset_column(d, "consuntivo");
    bool ok = place(&s, d, centro, area, prev, cons);
    for (size_t r = 0; ok && r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        bool item = line->kind == REL_ROW_ITEM;
        rel_xlsx_emphasis emphasis = item ? REL_XLSX_PLAIN : REL_XLSX_DECLARED;
        ok = rel_xlsx_value(&s, COL_CENTRO, &line->values[centro], REL_TYPE_TEXT, false, emphasis)
             && (area < 0 || rel_xlsx_value(&s, COL_AREA, &line->values[area], REL_TYPE_TEXT,
                                            false, emphasis))
             && rel_xlsx_value(&s, COL_PREV, &line->values[prev], REL_TYPE_MONEY, false, emphasis)
             && rel_xlsx_value(&s, COL_CONS, &line->values[cons], REL_TYPE_MONEY, false, emphasis)
             && schedules_side(ctx, &s, &line->values[prev], schedule.data, COL_SCHEDE_PREV,
                               COL_PREV, COL_DIFF_PREV, emphasis)
             && schedules_side(ctx, &s, &line->values[cons], schedule.data, COL_SCHEDE_CONS,
                               COL_CONS, COL_DIFF_CONS, emphasis)
             && rel_xlsx_row_end(&s, item ? REL_XLSX_ROW_ITEM : REL_XLSX_ROW_DECLARED, 0);
    }
    ok = ok && rel_xlsx_sheet_filter(&s) && uscite_row(ctx, &s, schedule.data);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
