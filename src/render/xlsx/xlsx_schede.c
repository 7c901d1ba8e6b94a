/* Allegato A: the schedules on one sheet, line by line, with a subtotal
 * per azione and per area and a grand total, all SUBTOTAL(9, …) formulas:
 * SUBTOTAL skips the subtotals nested in its range, so nothing is counted
 * twice, and under an autofilter it adds only what is shown. One sheet
 * (not one per area) because an auditor filters and pivots across areas;
 * the outline levels let him fold the lines into their totals. */
#include <stdio.h>
#include <string.h>

#include "compute/totals.h"
#include "render/xlsx/xlsx_sheets.h"

enum {
    COL_AREA, COL_AZIONE, COL_VOCE, COL_DESCRIZIONE, COL_PREVENTIVO, COL_CONSUNTIVO,
    COL_SCOSTAMENTO, COL_PERCENTUALE, COL_MOTIVAZIONE, COL_COUNT
};

typedef struct writer {
    const rel_xlsx_sheet *s;
    const rel_schedule *schedule;
    lxw_row_t row;
} writer;

/* Scostamento and scostamento % of one row as formulas over its own cells,
 * with the values cached (division by zero left blank). */
static void write_variance(writer *w, int64_t preventivo, int64_t consuntivo, lxw_format *money,
                           lxw_format *percent)
{
    char formula[96];
    unsigned n = (unsigned)w->row + 1;
    snprintf(formula, sizeof formula, "=F%u-E%u", n, n);
    worksheet_write_formula_num(w->s->sheet, w->row, COL_SCOSTAMENTO, formula, money,
                                rel_xlsx_euros(consuntivo - preventivo));
    snprintf(formula, sizeof formula, "=IF(E%u=0,\"\",(F%u-E%u)/E%u)", n, n, n, n);
    if (preventivo == 0)
        worksheet_write_formula_str(w->s->sheet, w->row, COL_PERCENTUALE, formula, percent, "");
    else
        worksheet_write_formula_num(w->s->sheet, w->row, COL_PERCENTUALE, formula, percent,
                                    (double)(consuntivo - preventivo) / (double)preventivo);
}

static void outline(writer *w, uint8_t level)
{
    lxw_row_col_options options = {.hidden = 0, .level = level, .collapsed = 0};
    worksheet_set_row_opt(w->s->sheet, w->row, LXW_DEF_ROW_HEIGHT, NULL, &options);
}

static void write_line(writer *w, const rel_row *line, uint8_t level, int64_t *sums)
{
    const rel_schedule *s = w->schedule;
    lxw_worksheet *sheet = w->s->sheet;
    const rel_xlsx_formats *f = w->s->formats;
    int64_t prev = line->values[s->preventivo].number, cons = line->values[s->consuntivo].number;
    /* user text is always written as a string: "=…" never becomes a formula */
    worksheet_write_string(sheet, w->row, COL_AREA, rel_row_text(line, s->area), NULL);
    worksheet_write_string(sheet, w->row, COL_AZIONE, rel_row_text(line, s->azione), NULL);
    worksheet_write_string(sheet, w->row, COL_VOCE, rel_row_text(line, s->voce), NULL);
    worksheet_write_string(sheet, w->row, COL_DESCRIZIONE, rel_row_text(line, s->descrizione),
                           NULL);
    worksheet_write_number(sheet, w->row, COL_PREVENTIVO, rel_xlsx_euros(prev), f->money);
    worksheet_write_number(sheet, w->row, COL_CONSUNTIVO, rel_xlsx_euros(cons), f->money);
    write_variance(w, prev, cons, f->money, f->percent);
    worksheet_write_string(sheet, w->row, COL_MOTIVAZIONE, rel_row_text(line, s->motivazione),
                           f->wrap);
    outline(w, level);
    sums[0] += prev;
    sums[1] += cons;
    w->row++;
}

/* A subtotal row: SUBTOTAL(9, …) over rows first..last, cached. */
static void write_subtotal(writer *w, const char *area, const char *azione, const char *label,
                           lxw_row_t first, const int64_t *sums, uint8_t level, bool grand)
{
    lxw_worksheet *sheet = w->s->sheet;
    const rel_xlsx_formats *f = w->s->formats;
    lxw_format *text = grand ? f->total_label : f->subtotal_label;
    lxw_format *money = grand ? f->total_money : f->subtotal_money;
    worksheet_write_string(sheet, w->row, COL_AREA, area, text);
    worksheet_write_string(sheet, w->row, COL_AZIONE, azione, text);
    worksheet_write_string(sheet, w->row, COL_VOCE, label, text);
    worksheet_write_blank(sheet, w->row, COL_DESCRIZIONE, text);
    char formula[64];
    for (int k = 0; k < 2; k++) {
        char column = (char)('E' + k);
        snprintf(formula, sizeof formula, "=SUBTOTAL(9,%c%u:%c%u)", column, (unsigned)first + 1,
                 column, (unsigned)w->row);
        worksheet_write_formula_num(sheet, w->row, (lxw_col_t)(COL_PREVENTIVO + k), formula,
                                    money, rel_xlsx_euros(sums[k]));
    }
    write_variance(w, sums[0], sums[1], money, grand ? f->total_percent : f->percent);
    worksheet_write_blank(sheet, w->row, COL_MOTIVAZIONE, text);
    outline(w, level);
    w->row++;
}

/* The distinct texts of `column` among the lines (those of `area` when
 * given), in order of first appearance. */
static size_t distinct(const rel_schedule *s, int column, const char *area, const char **out,
                       size_t max)
{
    size_t count = 0;
    for (size_t r = 0; r < s->data->row_count; r++) {
        const rel_row *row = &s->data->rows[r];
        const char *text = rel_row_text(row, column);
        if (row->kind != REL_ROW_ITEM || (area && strcmp(rel_row_text(row, s->area), area) != 0))
            continue;
        bool seen = false;
        for (size_t i = 0; i < count && !seen; i++)
            seen = strcmp(out[i], text) == 0;
        if (!seen && count < max)
            out[count++] = text;
    }
    return count;
}

static void write_area(writer *w, const char *area, int64_t *area_sums)
{
    const rel_schedule *s = w->schedule;
    const char *azioni[256];
    size_t count = distinct(s, s->azione, area, azioni, 256);
    for (size_t a = 0; a < count; a++) {
        lxw_row_t first = w->row;
        int64_t sums[2] = {0, 0};
        for (size_t r = 0; r < s->data->row_count; r++) {
            const rel_row *line = &s->data->rows[r];
            if (line->kind == REL_ROW_ITEM && strcmp(rel_row_text(line, s->area), area) == 0
                && strcmp(rel_row_text(line, s->azione), azioni[a]) == 0)
                write_line(w, line, azioni[a][0] ? 2 : 1, sums);
        }
        if (azioni[a][0]) {
            const char *label = rel_arena_printf(w->s->arena, "Totale %s", azioni[a]);
            write_subtotal(w, area, azioni[a], label ? label : "Totale", first, sums, 1, false);
        }
        area_sums[0] += sums[0];
        area_sums[1] += sums[1];
    }
}

size_t rel_xlsx_schede(const rel_xlsx_sheet *s, rel_xlsx_area_cell *areas, size_t max)
{
    static const char *const labels[] = {"Area", "Azione", "Voce", "Descrizione", "Preventivo",
                                         "Consuntivo", "Scostamento", "Scostamento %",
                                         "Motivazione"};
    static const double widths[] = {26, 34, 44, 26, 16, 16, 16, 13, 50};
    char title[160];
    snprintf(title, sizeof title, "Allegato A – Schede preventivo/consuntivo %d",
             s->model->entity.year);
    rel_xlsx_head(s, title, labels, widths, COL_COUNT);
    rel_schedule schedule;
    if (!rel_schedule_get(s->model, &schedule))
        return 0;
    writer w = {s, &schedule, REL_XLSX_FIRST_ROW};
    const char *names[256];
    size_t count = distinct(&schedule, schedule.area, NULL, names, 256);
    int64_t total[2] = {0, 0};
    for (size_t a = 0; a < count; a++) {
        lxw_row_t first = w.row;
        int64_t sums[2] = {0, 0};
        write_area(&w, names[a], sums);
        if (a < max)
            areas[a] = (rel_xlsx_area_cell){names[a], w.row};
        const char *label = rel_arena_printf(s->arena, "Totale %s", names[a]);
        write_subtotal(&w, names[a], "", label ? label : "Totale", first, sums, 0, false);
        total[0] += sums[0];
        total[1] += sums[1];
    }
    write_subtotal(&w, "TOTALE GENERALE", "", "", REL_XLSX_FIRST_ROW, total, 0, true);
    worksheet_outline_settings(s->sheet, LXW_TRUE, LXW_TRUE, LXW_FALSE, LXW_FALSE);
    rel_xlsx_print_setup(s, "Allegato A", w.row - 2, COL_MOTIVAZIONE, true);
    return count < max ? count : max;
}
