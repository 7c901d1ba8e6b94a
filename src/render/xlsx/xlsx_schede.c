/* Allegato A: the schedules on one sheet, in the order of the file, line by
 * line with area and azione repeated (filter and pivot freely), the TOTALE
 * rows the user typed where he typed them, and after each azione and each
 * area its total recomputed, then the grand total: SUBTOTAL(9, …) where it
 * adds exactly the lines (SUBTOTAL skips the totals nested in its range and,
 * under an autofilter, adds only what is shown). One sheet rather than one
 * per area because an auditor ties the schedules to the ledger across areas;
 * outline levels fold the lines into their totals. Every line is read once:
 * the groups are the runs of equal area and azione, as the report prints
 * them. */
#include <stdio.h>
#include <string.h>

#include "compute/totals.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_value.h"

enum {
    COL_AREA, COL_AZIONE, COL_VOCE, COL_DESCRIZIONE, COL_PREVENTIVO, COL_CONSUNTIVO,
    COL_SCOSTAMENTO, COL_PERCENTUALE, COL_ESECUZIONE, COL_MOTIVAZIONE, COL_RIGA, COL_COUNT
};

#define LEVELS 2   /* area, azione */

/* An open group: its name and the sheet rows of its lines so far. */
typedef struct group {
    const char *name;
    lxw_row_t *rows;
    size_t count, capacity;
    int64_t sums[2];
} group;

typedef struct writer {
    rel_xlsx_sheet s;
    const rel_schedule *schedule;
    lxw_row_t *sheet_rows;  /* per dataset row, filled as they are written */
    group levels[LEVELS];   /* area, azione */
    group all;
} writer;

static bool remember(rel_xlsx_sheet *s, group *g, lxw_row_t row, int64_t prev, int64_t cons)
{
    if (g->count == g->capacity) {
        size_t capacity = g->capacity ? g->capacity * 2 : 64;
        lxw_row_t *rows = rel_arena_array(s->book->arena, capacity, sizeof *rows);
        if (rows == NULL)
            return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                                 "riga");
        if (g->count)
            memcpy(rows, g->rows, g->count * sizeof *rows);
        g->rows = rows;
        g->capacity = capacity;
    }
    g->rows[g->count++] = row;
    g->sums[0] += prev;
    g->sums[1] += cons;
    return true;
}

/* Scostamento, scostamento % and esecuzione % of the current row, as
 * formulas over its own cells with their values cached. */
static bool variance(rel_xlsx_sheet *s, int64_t prev, int64_t cons, rel_xlsx_emphasis emphasis)
{
    rel_arena *arena = &s->book->scratch;
    const char *e = rel_xlsx_here(s, COL_PREVENTIVO), *f = rel_xlsx_here(s, COL_CONSUNTIVO);
    bool ok = rel_xlsx_formula(s, COL_SCOSTAMENTO, rel_arena_printf(arena, "=%s-%s", f, e),
                               rel_xlsx_euros(cons - prev), REL_XLSX_MONEY, emphasis);
    const char *percent = rel_arena_printf(arena, "=IF(%s=0,\"\",(%s-%s)/%s)", e, f, e, e);
    const char *execution = rel_arena_printf(arena, "=IF(%s=0,\"\",%s/%s)", e, f, e);
    if (prev == 0)
        return ok && rel_xlsx_formula_text(s, COL_PERCENTUALE, percent, "", REL_XLSX_PERCENT, emphasis)
               && rel_xlsx_formula_text(s, COL_ESECUZIONE, execution, "", REL_XLSX_PERCENT, emphasis);
    return ok && rel_xlsx_formula(s, COL_PERCENTUALE, percent, (double)(cons - prev) / (double)prev,
                                  REL_XLSX_PERCENT, emphasis)
           && rel_xlsx_formula(s, COL_ESECUZIONE, execution, (double)cons / (double)prev,
                               REL_XLSX_PERCENT, emphasis);
}

static bool line_row(writer *w, const rel_row *line, size_t r)
{
    rel_xlsx_sheet *s = &w->s;
    const rel_schedule *sc = w->schedule;
    bool item = line->kind == REL_ROW_ITEM;
    rel_xlsx_emphasis emphasis = item ? REL_XLSX_PLAIN : REL_XLSX_DECLARED;
    const int columns[] = {sc->area, sc->azione, sc->voce, sc->descrizione};
    bool ok = true;
    for (lxw_col_t c = 0; ok && c < 4; c++)
        ok = columns[c] < 0 || rel_xlsx_value(s, c, &line->values[columns[c]], REL_TYPE_TEXT,
                                               false, emphasis);
    const rel_value *prev = &line->values[sc->preventivo], *cons = &line->values[sc->consuntivo];
    ok = ok && rel_xlsx_value(s, COL_PREVENTIVO, prev, REL_TYPE_MONEY, false, emphasis)
         && rel_xlsx_value(s, COL_CONSUNTIVO, cons, REL_TYPE_MONEY, false, emphasis)
         && variance(s, prev->number, cons->number, emphasis)
         && (sc->motivazione < 0
             || rel_xlsx_value(s, COL_MOTIVAZIONE, &line->values[sc->motivazione], REL_TYPE_TEXT,
                               false, REL_XLSX_PLAIN))
         && rel_xlsx_text(s, COL_RIGA, rel_xlsx_row_kind_word(item ? REL_XLSX_ROW_ITEM
                                                                   : REL_XLSX_ROW_DECLARED),
                          REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
    if (!ok)
        return false;
    lxw_row_t row = s->row;
    w->sheet_rows[r] = row;
    uint8_t level = item ? (uint8_t)(w->levels[1].name && w->levels[1].name[0] ? 2 : 1) : 1;
    if (!rel_xlsx_row_end(s, item ? REL_XLSX_ROW_ITEM : REL_XLSX_ROW_DECLARED, level))
        return false;
    for (int k = 0; item && ok && k < LEVELS; k++)
        ok = remember(s, &w->levels[k], row, prev->number, cons->number);
    return ok && (!item || remember(s, &w->all, row, prev->number, cons->number));
}

/* A recomputed total of `g`'s lines, labelled `area`, `azione`, `voce`. */
static bool total_row(writer *w, group *g, const char *area, const char *azione,
                      const char *voce, bool grand, uint8_t level)
{
    rel_xlsx_sheet *s = &w->s;
    rel_xlsx_book *book = s->book;
    rel_xlsx_emphasis emphasis = grand ? REL_XLSX_TOTAL : REL_XLSX_SUBTOTAL;
    bool ok = rel_xlsx_text(s, COL_AREA, area, emphasis, (rel_origin){NULL, 0, 0})
              && rel_xlsx_text(s, COL_AZIONE, azione, emphasis, (rel_origin){NULL, 0, 0})
              && rel_xlsx_text(s, COL_VOCE, voce, emphasis, (rel_origin){NULL, 0, 0})
              && rel_xlsx_blank(s, COL_DESCRIZIONE, emphasis);
    bool subtotal_only = true;
    for (int k = 0; ok && k < 2; k++) {
        lxw_col_t col = (lxw_col_t)(COL_PREVENTIVO + k);
        rel_xlsx_place *places = rel_arena_array(&book->scratch, g->count + 1, sizeof *places);
        if (places == NULL)
            return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col,
                                 (rel_origin){NULL, 0, 0}, "totale");
        for (size_t i = 0; i < g->count; i++)
            places[i] = (rel_xlsx_place){s->index, g->rows[i], col, false, false};
        bool subtotal;
        const char *sum = rel_xlsx_cells_sum(&book->cells, &book->scratch, places, g->count,
                                             &s->index, true, &subtotal);
        subtotal_only = subtotal_only && subtotal;
        ok = sum ? rel_xlsx_formula(s, col, rel_arena_printf(&book->scratch, "=%s", sum),
                                    rel_xlsx_euros(g->sums[k]), REL_XLSX_MONEY, emphasis)
                 : rel_xlsx_number(s, col, rel_xlsx_euros(g->sums[k]), REL_XLSX_MONEY, emphasis);
    }
    rel_xlsx_row_kind kind = subtotal_only ? REL_XLSX_ROW_SUBTOTAL : REL_XLSX_ROW_FORMULA;
    ok = ok && variance(s, g->sums[0], g->sums[1], emphasis)
         && rel_xlsx_blank(s, COL_MOTIVAZIONE, emphasis)
         && rel_xlsx_text(s, COL_RIGA, rel_xlsx_row_kind_word(kind), emphasis,
                          (rel_origin){NULL, 0, 0});
    if (ok && grand) {
        const char *key = rel_xlsx_derived_key(book->arena, "schede", 0, "consuntivo");
        rel_xlsx_derived total = {{s->index, s->row, COL_CONSUNTIVO, false, false}, g->sums[1], 100};
        ok = rel_xlsx_cells_put_derived(&book->cells, key, total)
             || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, COL_CONSUNTIVO,
                              (rel_origin){NULL, 0, 0}, "totale");
    }
    return ok && rel_xlsx_row_end(s, kind, level);
}

/* Closes the groups from level `from` down, deepest first. */
static bool close_groups(writer *w, int from)
{
    bool ok = true;
    for (int k = LEVELS - 1; ok && k >= from; k--) {
        group *g = &w->levels[k];
        if (g->name && g->name[0] && g->count > 0) {
            const char *label = rel_arena_printf(&w->s.book->scratch, "Totale %s", g->name);
            ok = total_row(w, g, w->levels[0].name, k == 1 ? g->name : "",
                           label ? label : "Totale", false, (uint8_t)k);
        }
        *g = (group){NULL, NULL, 0, 0, {0, 0}};
    }
    return ok;
}

/* Opens new groups where the line's area or azione differs from the open ones. */
static bool follow(writer *w, const rel_row *line)
{
    const rel_schedule *sc = w->schedule;
    const char *keys[LEVELS] = {rel_row_text(line, sc->area), rel_row_text(line, sc->azione)};
    for (int k = 0; k < LEVELS; k++) {
        if (w->levels[k].name && strcmp(w->levels[k].name, keys[k]) == 0)
            continue;
        if (!close_groups(w, k))
            return false;
        for (int j = k; j < LEVELS; j++)
            w->levels[j].name = keys[j];
        break;
    }
    return true;
}

/* The sheet rows are known as the rows are written; the columns now. */
static bool place(writer *w)
{
    const rel_schedule *sc = w->schedule;
    const rel_dataset *d = sc->data;
    rel_arena *arena = w->s.book->arena;
    w->sheet_rows = rel_arena_array(arena, d->row_count + 1, sizeof *w->sheet_rows);
    int *columns = rel_arena_array(arena, d->column_count + 1, sizeof *columns);
    if (w->sheet_rows == NULL || columns == NULL)
        return rel_xlsx_fail(&w->s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                             "registro");
    const int shown[][2] = {{sc->area, COL_AREA}, {sc->azione, COL_AZIONE}, {sc->voce, COL_VOCE},
                            {sc->descrizione, COL_DESCRIZIONE}, {sc->preventivo, COL_PREVENTIVO},
                            {sc->consuntivo, COL_CONSUNTIVO}, {sc->motivazione, COL_MOTIVAZIONE}};
    for (size_t c = 0; c < d->column_count; c++)
        columns[c] = -1;
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
        if (shown[i][0] >= 0)
            columns[shown[i][0]] = shown[i][1];
    return rel_xlsx_cells_place(&w->s.book->cells, d, w->s.index, w->sheet_rows, columns)
           || rel_xlsx_fail(&w->s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                            "registro");
}

bool rel_xlsx_schede(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    rel_schedule schedule;
    if (!rel_schedule_get(ctx->book->model, &schedule))
        return true;
    static const rel_xlsx_column columns[COL_COUNT] = {
        {"Area", 14, false}, {"Azione", 18, false}, {"Voce", 26, false},
        {"Descrizione", 14, false}, {"Preventivo", 15, true}, {"Consuntivo", 15, true},
        {"Scostamento", 14, true}, {"Scost. %", 9, true}, {"Esec. %", 9, true},
        {"Motivazione", 24, false}, {"Riga", 11, true},
    };
    writer w = {.schedule = &schedule};
    if (!rel_xlsx_sheet_begin(ctx->book, &w.s, entry->name, entry->annex, entry->title, columns,
                              COL_COUNT, COL_VOCE + 1, COL_RIGA))
        return false;
    bool ok = place(&w);
    for (size_t r = 0; ok && r < schedule.data->row_count; r++) {
        const rel_row *line = &schedule.data->rows[r];
        ok = follow(&w, line) && line_row(&w, line, r);
    }
    ok = ok && close_groups(&w, 0)
         && total_row(&w, &w.all, "TOTALE COMPLESSIVO (ricalcolato)", "", "", true, 0);
    entry->rows = w.s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&w.s, true);
}
