#include <stdint.h>
#include <string.h>

#include "core/codes.h"
#include "reconcile/checks.h"
#include "reconcile/relations.h"
#include "validate/labels.h"
#include "validate/spans.h"

static const int64_t ten_to[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

int64_t rel_rounding_unit(int scale, int decimals)
{
    if (decimals < 0)
        decimals = 0;
    return decimals >= scale ? 1 : ten_to[scale - decimals];
}

int64_t rel_rounding_allowance(int scale, int decimals, size_t parts)
{
    size_t halves = parts / 2;
    return (int64_t)(halves < 1 ? 1 : halves) * rel_rounding_unit(scale, decimals);
}

int64_t rel_figure_allowance(const rel_dataset *d, int column)
{
    const rel_column *c = &d->columns[column];
    int64_t unit = rel_rounding_unit(rel_type_scale(c->type), c->decimals);
    return d->rounding >= 0 ? d->rounding * unit : unit;
}

int64_t rel_column_allowance(const rel_dataset *d, int column, size_t parts)
{
    const rel_column *c = &d->columns[column];
    int scale = rel_type_scale(c->type);
    if (d->rounding >= 0)   /* the table's own rule: exact, or its bound in units */
        return d->rounding * rel_rounding_unit(scale, c->decimals);
    return c->rounded ? rel_rounding_allowance(scale, c->decimals, parts) : 0;
}

rel_unit rel_unit_of(rel_type type)
{
    return type == REL_TYPE_MONEY ? REL_UNIT_MONEY
           : type == REL_TYPE_PERCENT ? REL_UNIT_PERCENT : REL_UNIT_NUMBER;
}

static bool is_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* The text that names the total: its "TOTALE ..." cell, else its label. */
static const char *total_name(const rel_dataset *d, const rel_row *total)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].type == REL_TYPE_TEXT && rel_is_total_label(total->values[c].text))
            return total->values[c].text;
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].is_label && total->values[c].text[0])
            return total->values[c].text;
    return "TOTALE";
}

/* The sum of the span's parts in `column`; *missing counts parts without a
 * figure. false on overflow. */
static bool sum_parts(const rel_dataset *d, const rel_span *span, int column, int64_t *sum,
                      size_t *present, size_t *missing)
{
    *sum = 0;
    *present = *missing = 0;
    for (size_t i = 0; i < span->part_count; i++) {
        const rel_value *v = &d->rows[span->parts[i]].values[column];
        if (!v->present) {
            *missing += v->missing || v->is_text;
            continue;
        }
        if (__builtin_add_overflow(*sum, v->number, sum))
            return false;
        (*present)++;
    }
    return true;
}

static const char *parts_how(rel_arena *arena, size_t present, size_t missing)
{
    if (missing == 0)
        return rel_arena_printf(arena, "somma di %zu righe", present);
    return rel_arena_printf(arena, "somma di %zu righe; %zu senza valore, non sommate", present,
                            missing);
}

static void check_sum(const rel_dataset *d, const rel_span *span, int column,
                      rel_findings *findings)
{
    const rel_row *total = &d->rows[span->total];
    const rel_value *cell = &total->values[column];
    int64_t sum;
    size_t present, missing;
    rel_type type = d->columns[column].type;
    int scale = rel_type_scale(type);
    rel_figure declared = {cell->number, cell->at, "dichiarato"};
    if (!sum_parts(d, span, column, &sum, &present, &missing)) {
        rel_findings_flag(findings, REL_R_TOTAL, cell->at,
                          "%s – %s (%s): la somma delle righe supera il valore massimo gestito",
                          total_name(d, total), d->columns[column].label, d->title);
        return;
    }
    rel_figure expected = {sum, {NULL, 0, 0}, parts_how(findings->arena, present, missing)};
    int64_t rounding = rel_column_allowance(d, column, present);
    rel_findings_check_unit(findings, REL_R_TOTAL, scale, rel_unit_of(type), declared, expected,
                            0, rounding, "%s – %s (%s)", total_name(d, total),
                            d->columns[column].label, d->title);
    rel_findings_describe(findings, NULL, rel_source_sum(findings->arena, d, column, span->parts,
                                                         span->part_count));
}

static bool is_part_column(const rel_column *column)
{
    return is_numeric(column->type) && column->change_later < 0 && column->year == 0
           && !rel_is_total_label(column->label);
}

/* Row `r`'s cell of total column `column` against the part columns
 * [from, column) of the same row. */
static void check_row_sum(const rel_dataset *d, size_t r, int column, int from,
                          rel_findings *findings)
{
    const rel_row *row = &d->rows[r];
    const rel_value *cell = &row->values[column];
    if (!cell->present || row->kind == REL_ROW_HEADING || row->computed)
        return;
    int64_t sum = 0;
    size_t parts = 0;
    for (int p = from; p < column; p++) {
        const rel_value *v = &row->values[p];
        if (!is_part_column(&d->columns[p]) || !v->present)
            continue;
        if (__builtin_add_overflow(sum, v->number, &sum))
            return;
        parts++;
    }
    const rel_column *c = &d->columns[column];
    int scale = rel_type_scale(c->type);
    rel_figure declared = {cell->number, cell->at, "dichiarato"};
    rel_figure expected = {sum, {NULL, 0, 0},
                           rel_arena_printf(findings->arena, "somma di %zu colonne della riga",
                                            parts)};
    rel_findings_check_unit(findings, REL_R_TOTAL, scale, rel_unit_of(c->type), declared,
                            expected, 0, rel_column_allowance(d, column, parts),
                            "%s – %s (%s)", total_name(d, row), c->label, d->title);
}

/* A column "Totale UTENTI" adds, on every row, the figure columns since the
 * previous total column (seed 001: six categories, then Totale UTENTI). A
 * total column right after another adds nothing that can be told: a note
 * says it is not checked (Totale NUCLEI counts households, not people). */
static void check_total_columns(const rel_dataset *d, rel_diags *diags, rel_findings *findings)
{
    int from = 0;
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_column *column = &d->columns[c];
        if (!is_numeric(column->type) || column->change_later >= 0 || column->year != 0
            || !rel_is_total_label(column->label))
            continue;
        size_t parts = 0;
        for (size_t p = (size_t)from; p < c; p++)
            parts += is_part_column(&d->columns[p]);
        if (parts == 0)
            rel_diag_add(diags, REL_SEV_NOTE, REL_W_TOTAL_COLUMN, column->at,
                         "la colonna «%s» segue un'altra colonna di totale: non è la somma di "
                         "colonne della tabella e non viene verificata", column->label);
        for (size_t r = 0; parts > 0 && r < d->row_count; r++)
            check_row_sum(d, r, (int)c, from, findings);
        from = (int)c + 1;
    }
}

void rel_check_declared_totals(const rel_model *model, rel_diags *diags, rel_findings *findings)
{
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        rel_relations relations;
        if (!rel_relations_find(d, findings->arena, &relations)) {
            findings->out_of_memory = true;
            return;
        }
        for (size_t s = 0; s < d->span_count; s++) {
            const rel_span *span = &d->spans[s];
            for (size_t c = 0; c < d->column_count; c++) {
                /* a total's percentage change is checked from its own years (R015) */
                if (d->generic && d->columns[c].not_summed
                    && d->rows[span->total].values[c].present)
                    rel_diag_add(diags, REL_SEV_NOTE, REL_W_NOT_SUMMED,
                                 d->rows[span->total].values[c].at,
                                 "non verificato: la scheda della tabella dichiara che la "
                                 "colonna «%s» non è una somma (totale = no)",
                                 d->columns[c].label);
                if (!is_numeric(d->columns[c].type) || d->columns[c].not_summed
                    || d->columns[c].computed
                    || (d->columns[c].change_later >= 0 && d->columns[c].change_percent)
                    || !d->rows[span->total].values[c].present)
                    continue;
                if (!rel_relations_check_total(d, &relations, span, (int)c, findings))
                    check_sum(d, span, (int)c, findings);
            }
        }
        rel_relations_check_rows(d, &relations, findings);
        if (d->generic)   /* a known dataset's columns mean what its schema says */
            check_total_columns(d, diags, findings);
    }
}
