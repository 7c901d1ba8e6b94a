/* R015: every typed change (a Variazione column, a "2023/2019" column, an
 * Andamento row) against the figures it compares (validate/changes.h). */
#include <stdint.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"
#include "reconcile/checks.h"
#include "validate/changes.h"

static const int64_t ten_to[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* `value` at fixed-point scale `from` re-expressed at scale `to`; false
 * when it would need rounding or does not fit. */
static bool rescale(int64_t value, int from, int to, int64_t *out)
{
    if (to >= from)
        return !__builtin_mul_overflow(value, ten_to[to - from], out);
    if (value % ten_to[from - to] != 0)
        return false;
    *out = value / ten_to[from - to];
    return true;
}

static const char *row_name(const rel_dataset *d, const rel_row *row)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].is_label && row->values[c].text[0])
            return row->values[c].text;
    return "";
}

/* later - earlier, or its percentage of earlier, at `column`'s scale and
 * printed decimals. */
static bool expected_change(const rel_dataset *d, int column, const rel_value *later,
                            const rel_value *earlier, int base_scale, bool percent, int64_t *out)
{
    const rel_column *c = &d->columns[column];
    int scale = rel_type_scale(c->type);
    int64_t difference;
    if (__builtin_sub_overflow(later->number, earlier->number, &difference))
        return false;
    if (!percent)
        return rescale(difference, base_scale, scale, out);
    if (earlier->number == 0)
        return false;
    /* difference / earlier * 100, in hundredths of a point (PERCENT's scale 2) */
    __int128 n = (__int128)difference * 10000, q, den = earlier->number;
    bool negative = (n < 0) != (den < 0);
    if (n < 0)
        n = -n;
    if (den < 0)
        den = -den;
    q = n / den + ((n % den) * 2 >= den);
    int64_t hundredths = (int64_t)(negative ? -q : q);
    int printed = c->decimals < 2 ? c->decimals : 2;
    *out = rel_number_rescale(hundredths, 2, printed) * ten_to[2 - printed];
    return scale == 2 || rescale(*out, 2, scale, out);
}

/* The change in `row`'s cell of `column` against `later` and `earlier`
 * (cells of column `base`): a difference, or a percentage of `earlier`. */
static void check_cell(const rel_dataset *d, const rel_row *row, int column, const rel_value *later,
                       const rel_value *earlier, int base, bool percent, const char *compared,
                       rel_diags *diags, rel_findings *findings)
{
    const rel_column *c = &d->columns[column];
    const rel_value *cell = &row->values[column];
    int64_t want;
    if (cell->present && (!later->present || !earlier->present)) {
        rel_diag_add(diags, REL_SEV_WARNING, REL_W_CHANGE_UNCHECKED, cell->at,
                     "la variazione non si può verificare: una delle cifre che confronta (%s) "
                     "è vuota", compared);
        return;
    }
    if (!cell->present || !later->present || !earlier->present
        || !expected_change(d, column, later, earlier,
                            rel_type_scale(d->columns[base].type), percent, &want))
        return;
    int scale = rel_type_scale(c->type);
    int64_t unit = rel_figure_allowance(d, column);
    bool rounded = percent || d->columns[base].rounded || d->rounding > 0;
    rel_figure declared = {cell->number, cell->at, "dichiarato"};
    rel_figure expected = {want, {NULL, 0, 0}, compared};
    rel_findings_check_unit(findings, REL_R_CHANGE, scale, percent ? REL_UNIT_PERCENT
                                                                   : rel_unit_of(c->type),
                            declared, expected, 0, rounded ? unit : 0, "%s – %s (%s)",
                            row_name(d, row), c->label, d->title);
    /* for the annex: later - earlier, or that in % of earlier, rounded as above */
    rel_figure_term now = {+1, {0, later->at, NULL}, NULL};
    rel_figure_term then = {-1, {0, earlier->at, NULL}, NULL};
    rel_figure_term terms[2] = {now, then};
    const rel_figure_source *difference = rel_source_terms(findings->arena, terms, 2);
    rel_figure_term change = {+1, {0, {NULL, 0, 0}, NULL}, difference};
    then.sign = +1;
    int printed = c->decimals < 2 ? c->decimals : 2;
    rel_findings_describe(findings, NULL,
                          percent ? rel_source_quotient(findings->arena, change, then, 100, 2,
                                                        printed)
                                  : difference);
}

static void check_change_columns(const rel_dataset *d, rel_diags *diags, rel_findings *findings)
{
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_column *column = &d->columns[c];
        if (column->change_later < 0)
            continue;
        const char *compared = rel_arena_printf(
            findings->arena, "«%s» %s «%s»", d->columns[column->change_later].label,
            column->change_percent ? "in % rispetto a" : "meno",
            d->columns[column->change_earlier].label);
        for (size_t r = 0; r < d->row_count; r++) {
            const rel_row *row = &d->rows[r];
            if (row->kind == REL_ROW_HEADING)
                continue;
            check_cell(d, row, (int)c, &row->values[column->change_later],
                       &row->values[column->change_earlier], column->change_later,
                       column->change_percent, compared, diags, findings);
        }
    }
}

static void check_change_rows(const rel_dataset *d, rel_diags *diags, rel_findings *findings)
{
    for (size_t r = 0; r < d->row_count; r++) {
        size_t later, earlier;
        if (d->rows[r].kind != REL_ROW_CHANGE || d->rows[r].computed
            || !rel_change_rows(d, r, &later, &earlier))
            continue;
        const char *name = row_name(d, &d->rows[r]);
        bool percent = strchr(name, '%') != NULL;
        const char *compared = rel_arena_printf(findings->arena, "riga %s %s riga %s",
                                                row_name(d, &d->rows[later]),
                                                percent ? "in % rispetto alla" : "meno",
                                                row_name(d, &d->rows[earlier]));
        for (size_t c = 0; c < d->column_count; c++) {
            rel_type type = d->columns[c].type;
            if (type != REL_TYPE_MONEY && type != REL_TYPE_COUNT && type != REL_TYPE_DECIMAL
                && type != REL_TYPE_PERCENT)
                continue;
            check_cell(d, &d->rows[r], (int)c, &d->rows[later].values[c],
                       &d->rows[earlier].values[c], (int)c, percent, compared, diags, findings);
        }
    }
}

void rel_check_changes(const rel_model *model, rel_diags *diags, rel_findings *findings)
{
    for (size_t i = 0; i < model->dataset_count; i++) {
        check_change_columns(&model->datasets[i], diags, findings);
        check_change_rows(&model->datasets[i], diags, findings);
    }
}

/* indici.csv's «indebitamento» has no formula every report shares (see
 * compute/balance.h): checked only where verifiche.csv recomputes it. */
void rel_check_unrecomputed_ratios(const rel_model *model, rel_diags *diags)
{
    const rel_dataset *ratios = rel_model_dataset(model, "indici");
    const rel_dataset *checks = rel_model_dataset(model, "verifiche");
    int code = ratios ? rel_dataset_column(ratios, "codice") : -1;
    for (size_t r = 0; code >= 0 && r < ratios->row_count; r++) {
        const rel_row *row = &ratios->rows[r];
        if (strcmp(rel_row_text(row, code), "indebitamento") != 0)
            continue;
        bool recomputed = false;
        for (size_t v = 0; checks && v < checks->row_count && !recomputed; v++)
            for (size_t c = 0; c < checks->column_count && !recomputed; c++)
                recomputed = strstr(checks->rows[v].values[c].text, "\"indebitamento\"") != NULL;
        if (!recomputed)
            rel_diag_add(diags, REL_SEV_WARNING, REL_W_RATIO_UNCHECKED, row->values[code].at,
                         "l'indice «indebitamento» non ha una formula comune a tutte le relazioni "
                         "e non viene ricalcolato: dichiararne la formula in verifiche.csv "
                         "(es. indici[\"indebitamento\"; N] = …) perché sia verificato");
    }
}
