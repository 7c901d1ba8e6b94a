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
    int64_t rounding = d->columns[column].rounded
                           ? rel_rounding_allowance(scale, d->columns[column].decimals, present)
                           : 0;
    rel_findings_check_unit(findings, REL_R_TOTAL, scale, rel_unit_of(type), declared, expected,
                            0, rounding, "%s – %s (%s)", total_name(d, total),
                            d->columns[column].label, d->title);
}

void rel_check_declared_totals(const rel_model *model, rel_findings *findings)
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
                if (!is_numeric(d->columns[c].type) || d->columns[c].not_summed
                    || !d->rows[span->total].values[c].present)
                    continue;
                if (!rel_relations_check_total(d, &relations, span, (int)c, findings))
                    check_sum(d, span, (int)c, findings);
            }
        }
        rel_relations_check_rows(d, &relations, findings);
    }
}
