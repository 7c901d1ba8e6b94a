#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "reconcile/checks.h"
#include "validate/labels.h"

int64_t rel_rounding_allowance(bool whole_euros, size_t parts)
{
    if (!whole_euros)
        return 0;
    int64_t euros = (int64_t)(parts / 2);
    return (euros < 1 ? 1 : euros) * 100;
}

static bool same_text(const char *a, const char *b)
{
    char x[256], y[256];
    rel_label_normalize(a, x, sizeof x);
    rel_label_normalize(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

/* A line belongs under a total when it has the total's value in every key
 * column the total fills (the column holding "TOTALE ..." excepted). */
static bool closes(const rel_dataset *d, const rel_row *total, const rel_row *line)
{
    for (size_t c = 0; c < d->column_count; c++) {
        const char *filter = total->values[c].text;
        if (!d->columns[c].is_key || d->columns[c].is_label || !filter[0]
            || strncasecmp(filter, "totale", 6) == 0)
            continue;
        if (!same_text(filter, line->values[c].text))
            return false;
    }
    return true;
}

static const char *row_name(const rel_dataset *d, const rel_row *row)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (strncasecmp(row->values[c].text, "totale", 6) == 0)
            return row->values[c].text;
    return "TOTALE";
}

static void check_total(const rel_dataset *d, const rel_row *total, size_t column,
                        rel_findings *findings)
{
    int64_t sum = 0;
    size_t parts = 0;
    bool whole = total->values[column].number % 100 == 0;
    bool money = d->columns[column].type == REL_TYPE_MONEY;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        if (line->kind != REL_ROW_ITEM || !closes(d, total, line))
            continue;
        if (__builtin_add_overflow(sum, line->values[column].number, &sum))
            sum = INT64_MAX;
        whole = whole && line->values[column].number % 100 == 0;
        parts++;
    }
    rel_figure declared = {total->values[column].number, total->values[column].at, "dichiarato"};
    rel_figure expected = {sum, {NULL, 0, 0},
                           rel_arena_printf(findings->arena, "somma di %zu righe", parts)};
    rel_findings_check(findings, REL_R_TOTAL, money ? 2 : 0, money, declared, expected, 0,
                       money ? rel_rounding_allowance(whole, parts) : 0, "%s – %s (%s)",
                       row_name(d, total), d->columns[column].label, d->title);
}

void rel_check_declared_totals(const rel_model *model, rel_findings *findings)
{
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        for (size_t r = 0; r < d->row_count; r++) {
            const rel_row *total = &d->rows[r];
            if (total->kind != REL_ROW_TOTAL)
                continue;
            for (size_t c = 0; c < d->column_count; c++) {
                rel_type type = d->columns[c].type;
                if ((type == REL_TYPE_MONEY || type == REL_TYPE_COUNT) && total->values[c].present)
                    check_total(d, total, c, findings);
            }
        }
    }
}
