#include "reconcile/relations.h"

#include <stdint.h>

#include "core/codes.h"
#include "core/number.h"
#include "reconcile/checks.h"

#define SAMPLE_ROWS 200   /* lines looked at to find a ratio; all are checked */

static bool is_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

static const __int128 ten_to[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                  100000000, 1000000000};

/* numerator / denominator of fixed-point values at their own scales, as a
 * fixed-point value at `scale`, rounded half away from zero; false when the
 * denominator is zero or the result does not fit. */
static bool divide(int64_t numerator, int num_scale, int64_t denominator, int den_scale,
                   int scale, bool times_100, int64_t *out)
{
    if (denominator == 0)
        return false;
    int shift = scale + den_scale - num_scale + (times_100 ? 2 : 0);
    __int128 n = numerator, d = denominator;
    if (shift >= 0 && shift < 10)
        n *= ten_to[shift];
    else if (shift < 0 && -shift < 10)
        d *= ten_to[-shift];
    else
        return false;
    bool negative = (n < 0) != (d < 0);
    if (n < 0)
        n = -n;
    if (d < 0)
        d = -d;
    __int128 q = n / d;
    if ((n % d) * 2 >= d)
        q++;
    if (q > INT64_MAX)
        return false;
    *out = (int64_t)(negative ? -q : q);
    return true;
}

/* What line `row` of ratio `r` should hold, at the derived column's scale. */
static bool expected_cell(const rel_dataset *d, const rel_ratio *r, const rel_row *row,
                          int64_t *out)
{
    /* describe_ratio says the same for the annex: keep them together */
    const rel_value *a = &row->values[r->numerator], *b = &row->values[r->denominator];
    if (!a->present || !b->present)
        return false;
    /* a percentage holds hundredths of a point: the ratio times 100 first */
    const rel_column *c = &d->columns[r->column];
    bool percent = c->type == REL_TYPE_PERCENT || r->times_100;
    int scale = rel_type_scale(c->type);
    if (!divide(a->number, rel_type_scale(d->columns[r->numerator].type), b->number,
                rel_type_scale(d->columns[r->denominator].type), scale, percent, out))
        return false;
    /* at the precision the column prints: 11,88% is "12%" in a column of units */
    int64_t unit = rel_rounding_unit(scale, c->decimals);
    *out = rel_number_rescale(*out, scale, c->decimals < scale ? c->decimals : scale) * unit;
    return true;
}

/* What expected_cell computes, for the annex: the row's two cells, their
 * quotient (times 100 for a percentage), rounded to the column's scale and
 * then to the decimals it prints. */
static const rel_figure_source *describe_ratio(rel_arena *arena, const rel_dataset *d,
                                               const rel_ratio *r, const rel_row *row)
{
    const rel_column *c = &d->columns[r->column];
    int scale = rel_type_scale(c->type);
    rel_figure_term a = {+1, {0, row->values[r->numerator].at, NULL}, NULL};
    rel_figure_term b = {+1, {0, row->values[r->denominator].at, NULL}, NULL};
    return rel_source_quotient(arena, a, b, c->type == REL_TYPE_PERCENT || r->times_100 ? 100 : 1,
                               scale, c->decimals < scale ? c->decimals : scale);
}

static int64_t magnitude(int64_t x)
{
    return x < 0 ? -x : x;
}

/* Lines of the sample where (a, b) gives the column's cell; *compared of them
 * had the three figures. */
static size_t agreeing(const rel_dataset *d, const rel_ratio *r, size_t *compared)
{
    const rel_column *c = &d->columns[r->column];
    int64_t unit = rel_rounding_unit(rel_type_scale(c->type), c->decimals);
    size_t agree = 0, seen = 0;
    *compared = 0;
    for (size_t i = 0; i < d->row_count && seen < SAMPLE_ROWS; i++) {
        const rel_row *row = &d->rows[i];
        int64_t want;
        if (row->kind != REL_ROW_ITEM || !row->values[r->column].present)
            continue;
        seen++;
        if (!expected_cell(d, r, row, &want))
            continue;
        (*compared)++;
        agree += magnitude(row->values[r->column].number - want) <= unit;
    }
    return agree;
}

/* The best ratio for `column`, if one holds on three lines in four. */
static bool find_ratio(const rel_dataset *d, int column, rel_ratio *best)
{
    size_t best_agree = 0;
    bool decimal = d->columns[column].type == REL_TYPE_DECIMAL;
    for (size_t a = 0; a < d->column_count; a++)
        for (size_t b = 0; b < d->column_count; b++) {
            if ((int)a == column || (int)b == column || a == b
                || !is_numeric(d->columns[a].type) || !is_numeric(d->columns[b].type))
                continue;
            for (int hundred = 0; hundred <= (decimal ? 1 : 0); hundred++) {
                rel_ratio r = {column, (int)a, (int)b, hundred == 1};
                size_t compared, agree = agreeing(d, &r, &compared);
                if (agree >= 3 && agree * 4 >= compared * 3 && agree > best_agree) {
                    best_agree = agree;
                    *best = r;
                }
            }
        }
    return best_agree > 0;
}

bool rel_relations_find(const rel_dataset *d, rel_arena *arena, rel_relations *out)
{
    *out = (rel_relations){NULL, 0};
    size_t candidates = 0;
    for (size_t c = 0; c < d->column_count; c++)
        candidates += d->columns[c].type == REL_TYPE_PERCENT
                      || d->columns[c].type == REL_TYPE_DECIMAL;
    if (candidates == 0)
        return true;
    out->ratios = rel_arena_array(arena, candidates, sizeof *out->ratios);
    if (out->ratios == NULL)
        return false;
    for (size_t c = 0; c < d->column_count; c++) {
        rel_type type = d->columns[c].type;
        /* a change column's relation is its change (R015), not a ratio */
        if ((type == REL_TYPE_PERCENT || type == REL_TYPE_DECIMAL)
            && d->columns[c].change_later < 0
            && find_ratio(d, (int)c, &out->ratios[out->count]))
            out->count++;
    }
    return true;
}

static const rel_ratio *ratio_of(const rel_relations *relations, int column)
{
    for (size_t i = 0; i < relations->count; i++)
        if (relations->ratios[i].column == column)
            return &relations->ratios[i];
    return NULL;
}

static const char *row_name(const rel_dataset *d, const rel_row *row)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].is_label && row->values[c].text[0])
            return row->values[c].text;
    return "";
}

static void check_ratio_total(const rel_dataset *d, const rel_ratio *r, const rel_span *span,
                              rel_findings *findings)
{
    const rel_row *total = &d->rows[span->total];
    const rel_value *cell = &total->values[r->column];
    const rel_column *c = &d->columns[r->column];
    int64_t want;
    if (!expected_cell(d, r, total, &want))
        return;
    rel_figure declared = {cell->number, cell->at, "dichiarato"};
    rel_figure expected = {want, {NULL, 0, 0},
                           rel_arena_printf(findings->arena, "«%s» / «%s» della stessa riga",
                                            d->columns[r->numerator].label,
                                            d->columns[r->denominator].label)};
    rel_findings_check_unit(findings, REL_R_TOTAL, rel_type_scale(c->type), rel_unit_of(c->type),
                            declared, expected, 0, rel_figure_allowance(d, r->column),
                            "%s – %s (%s)", row_name(d, total), c->label, d->title);
    rel_findings_describe(findings, NULL, describe_ratio(findings->arena, d, r, total));
}

/* The mean of the parts, when it is what the total holds. */
static bool check_mean(const rel_dataset *d, const rel_span *span, int column,
                       rel_findings *findings)
{
    const rel_column *c = &d->columns[column];
    const rel_value *cell = &d->rows[span->total].values[column];
    __int128 sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < span->part_count; i++) {
        const rel_value *v = &d->rows[span->parts[i]].values[column];
        if (v->present) {
            sum += v->number;
            n++;
        }
    }
    int scale = rel_type_scale(c->type);
    int64_t unit = rel_rounding_unit(scale, c->decimals);
    int64_t mean;
    if (n == 0 || sum > INT64_MAX || sum < -INT64_MAX
        || !divide((int64_t)sum, scale, (int64_t)n, 0, scale, false, &mean))
        return false;
    if (!span->mean && magnitude(cell->number - mean) > unit)
        return false;   /* not a mean either: checked as a sum, which will say so */
    rel_figure declared = {cell->number, cell->at, "dichiarato"};
    rel_figure expected = {mean, {NULL, 0, 0},
                           rel_arena_printf(findings->arena, "media semplice di %zu righe", n)};
    rel_findings_check_unit(findings, REL_R_TOTAL, scale, rel_unit_of(c->type), declared,
                            expected, 0, rel_figure_allowance(d, column), "%s – %s (%s)",
                            row_name(d, &d->rows[span->total]), c->label, d->title);
    rel_findings_describe(findings, NULL, rel_source_mean(findings->arena, d, column, span->parts,
                                                          span->part_count, scale));
    return true;
}

/* The sum of the parts is within rounding of the total. */
static bool sum_holds(const rel_dataset *d, const rel_span *span, int column)
{
    const rel_column *c = &d->columns[column];
    int64_t sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < span->part_count; i++) {
        const rel_value *v = &d->rows[span->parts[i]].values[column];
        if (v->present && __builtin_add_overflow(sum, v->number, &sum))
            return false;
        n += v->present;
    }
    int64_t allowed = rel_rounding_allowance(rel_type_scale(c->type), c->decimals, n);
    return magnitude(d->rows[span->total].values[column].number - sum) <= allowed;
}

bool rel_relations_check_total(const rel_dataset *d, const rel_relations *relations,
                               const rel_span *span, int column, rel_findings *findings)
{
    rel_type type = d->columns[column].type;
    const rel_ratio *r = ratio_of(relations, column);
    if (r != NULL) {
        check_ratio_total(d, r, span, findings);
        return true;
    }
    if (span->mean)
        return check_mean(d, span, column, findings);
    if ((type != REL_TYPE_PERCENT && type != REL_TYPE_DECIMAL) || sum_holds(d, span, column))
        return false;
    return check_mean(d, span, column, findings);
}

void rel_relations_check_rows(const rel_dataset *d, const rel_relations *relations,
                              rel_findings *findings)
{
    for (size_t i = 0; i < relations->count; i++) {
        const rel_ratio *r = &relations->ratios[i];
        const rel_column *c = &d->columns[r->column];
        int scale = rel_type_scale(c->type);
        for (size_t row = 0; row < d->row_count; row++) {
            const rel_row *line = &d->rows[row];
            int64_t want;
            if (line->kind != REL_ROW_ITEM || !line->values[r->column].present
                || !expected_cell(d, r, line, &want))
                continue;
            const rel_value *cell = &line->values[r->column];
            if (magnitude(cell->number - want) <= rel_figure_allowance(d, r->column))
                continue;
            rel_figure declared = {cell->number, cell->at, "dichiarato"};
            rel_figure expected = {want, {NULL, 0, 0},
                                   rel_arena_printf(findings->arena, "«%s» / «%s» della riga",
                                                    d->columns[r->numerator].label,
                                                    d->columns[r->denominator].label)};
            rel_findings_check_unit(findings, REL_R_RATIO_ROW, scale, rel_unit_of(c->type),
                                    declared, expected, 0, 0, "%s – %s (%s)",
                                    row_name(d, line), c->label, d->title);
            rel_findings_describe(findings, NULL, describe_ratio(findings->arena, d, r, line));
        }
    }
}
