#include <string.h>

#include "compute/totals.h"
#include "core/codes.h"
#include "reconcile/checks.h"
#include "validate/labels.h"

/* A figure the datasets imply: a declared grand TOTALE cell when the file
 * has one (the user's figure, with its place), else the sum of the lines. */
typedef struct implied {
    bool present;
    rel_figure figure;
    int decimals;     /* printed precision of the figures behind it */
    size_t parts;     /* printed figures behind it: 1 for a declared total */
    const rel_figure_source *source;   /* what a sum is made of; NULL for a cell */
} implied;

static const implied absent = {false, {0, {NULL, 0, 0}, NULL}, 2, 0, NULL};


static implied column_total(rel_arena *arena, const rel_dataset *d, int column)
{
    if (d == NULL || column < 0)
        return absent;
    int decimals = d->columns[column].decimals;
    for (size_t s = 0; s < d->span_count; s++) {
        const rel_value *v = &d->rows[d->spans[s].total].values[column];
        if (d->spans[s].grand && !d->spans[s].mean && v->present)
            return (implied){true, {v->number, v->at, "dichiarato"}, decimals, 1, NULL};
    }
    implied result = {true, {0, {NULL, 0, 0}, NULL}, decimals, 0,
                      rel_source_lines(arena, d, column)};
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM) {
            result.figure.value += d->rows[r].values[column].number;
            result.parts++;
        }
    result.figure.how = rel_arena_printf(arena, "somma delle %zu righe di %s", result.parts,
                                         d->path);
    return result;
}

static void compare(rel_findings *findings, const char *code, implied declared, implied expected,
                    const char *check)
{
    if (!declared.present || !expected.present)
        return;
    int decimals = declared.decimals < expected.decimals ? declared.decimals : expected.decimals;
    size_t parts = declared.parts + expected.parts;
    rel_findings_check(findings, code, 2, true, declared.figure, expected.figure, 0,
                       rel_rounding_allowance(2, decimals, parts > 1 ? parts - 1 : 1), "%s",
                       check);
    rel_findings_describe(findings, declared.source, expected.source);
}

/* Each cost centre that names an area equals that area of the schedules,
 * matched through the areas' sums computed once. */
static void check_centres_by_area(const rel_dataset *centres, const rel_schedule *s, int k,
                                  rel_findings *findings)
{
    static const char *const columns[] = {"preventivo", "consuntivo"};
    int area = rel_dataset_column(centres, "area"), name = rel_dataset_column(centres, "centro");
    int mine = rel_dataset_column(centres, columns[k]);
    rel_group_sums sums;
    if (area < 0 || mine < 0)
        return;
    if (!rel_group_sums_compute(s->data, s->area, k == 0 ? s->preventivo : s->consuntivo,
                                findings->arena, &sums)) {
        findings->out_of_memory = true;
        return;
    }
    for (size_t r = 0; r < centres->row_count; r++) {
        const rel_row *row = &centres->rows[r];
        const char *wanted = rel_row_text(row, area);
        if (row->kind != REL_ROW_ITEM || !wanted[0])
            continue;
        const rel_group_sum *g = rel_group_sums_find(&sums, wanted);
        size_t lines = g ? g->lines : 0;
        rel_figure declared = {row->values[mine].number, row->values[mine].at, "dichiarato"};
        rel_figure expected = {g ? g->sum : 0, {NULL, 0, 0},
                               lines ? rel_arena_printf(findings->arena,
                                                        "schede: %zu righe dell'area", lines)
                                     : "schede: nessuna riga con quest'area"};
        int decimals = centres->columns[mine].decimals;
        rel_findings_check(findings, REL_R_IDENTITY, 2, true, declared, expected, 0,
                           rel_rounding_allowance(2, decimals, lines ? lines : 1),
                           "Centro di costo «%s» = area «%s» delle schede – %s",
                           rel_row_text(row, name), wanted, columns[k]);
        rel_findings_describe(findings, NULL,
                              rel_source_group(findings->arena, s->data,
                                               k == 0 ? s->preventivo : s->consuntivo, s->area,
                                               wanted));
    }
}

static void check_cost_centres(const rel_model *model, const rel_schedule *s,
                               rel_findings *findings)
{
    const rel_dataset *centres = rel_model_dataset(model, "centri_di_costo");
    if (centres == NULL)
        return;
    for (int k = 0; k < 2; k++) {
        check_centres_by_area(centres, s, k, findings);
        int mine = rel_dataset_column(centres, k == 0 ? "preventivo" : "consuntivo");
        compare(findings, REL_R_IDENTITY, column_total(findings->arena, centres, mine),
                column_total(findings->arena, s->data, k == 0 ? s->preventivo : s->consuntivo),
                k == 0 ? "Totale dei centri di costo = totale delle schede – preventivo"
                       : "Totale dei centri di costo = totale delle schede – consuntivo");
    }
}

/* The year's Uscite: the TOTALE of costi.csv for year N when there is one,
 * else the consuntivo of the schedules (docs/RECONCILIATION.md). */
static implied uscite_of(const rel_model *model, const rel_schedule *s, rel_arena *arena,
                         const char **source)
{
    const rel_dataset *costi = rel_model_dataset(model, "costi");
    int year = costi ? rel_dataset_year_column(costi, model->entity.year) : -1;
    if (year >= 0) {
        *source = "costi per natura";
        return column_total(arena, costi, year);
    }
    *source = "consuntivo delle schede";
    return s ? column_total(arena, s->data, s->consuntivo) : absent;
}

/* vincolato + finalizzato + non vincolato of avanzo.csv. */
static implied surplus_of(rel_arena *arena, const rel_dataset *avanzo)
{
    static const char *const parts[3] = {"vincolato", "finalizzato", "non_vincolato"};
    implied surplus = {true, {0, {NULL, 0, 0}, "somma di vincolato, finalizzato e non vincolato"},
                       2, 0, NULL};
    rel_figure_term split[3];
    for (size_t i = 0; i < 3; i++) {
        implied part = column_total(arena, avanzo, rel_dataset_column(avanzo, parts[i]));
        split[i] = (rel_figure_term){+1, part.figure, part.source};
        surplus.figure.value += part.figure.value;
        surplus.decimals = part.decimals < surplus.decimals ? part.decimals : surplus.decimals;
        surplus.parts += part.parts;
        if (surplus.figure.at.file == NULL && part.figure.at.line > 0)
            surplus.figure.at = part.figure.at;
    }
    if (surplus.figure.at.file == NULL)
        surplus.figure.at = (rel_origin){avanzo->path, 1, 1};
    surplus.source = rel_source_terms(arena, split, 3);
    return surplus;
}

/* The cell of risultato.csv with `code` in year N, or absent. */
static implied result_cell(const rel_dataset *d, int year, const char *code)
{
    int column = d ? rel_dataset_year_column(d, year) : -1;
    int codes = d ? rel_dataset_column(d, "codice") : -1;
    for (size_t r = 0; column >= 0 && codes >= 0 && r < d->row_count; r++) {
        const rel_value *v = &d->rows[r].values[column];
        if (strcmp(rel_row_text(&d->rows[r], codes), code) == 0 && v->present)
            return (implied){true, {v->number, v->at, "dichiarato"}, d->columns[column].decimals,
                             1, NULL};
    }
    return absent;
}

/* A consortium's result as its reports print it (risultato.csv): A entrate
 * + B avanzo applicato - C uscite = avanzo (R017); A and C against the
 * tables they summarise, the avanzo against its composition (R003). */
static bool check_consortium_result(const rel_model *model, const rel_schedule *s,
                                    rel_findings *findings)
{
    const rel_dataset *d = rel_model_dataset(model, "risultato");
    int year = model->entity.year;
    if (d == NULL || rel_dataset_year_column(d, year) < 0)
        return false;
    rel_arena *arena = findings->arena;
    implied a = result_cell(d, year, "entrate"), b = result_cell(d, year, "avanzo_applicato");
    implied c = result_cell(d, year, "uscite"), result = result_cell(d, year, "avanzo");
    if (a.present && c.present && result.present) {
        int64_t applied = b.present ? b.figure.value : 0;
        implied sum = {true, {a.figure.value + applied - c.figure.value, {NULL, 0, 0},
                              b.present ? "entrate + avanzo applicato - uscite"
                                        : "entrate - uscite (nessun avanzo applicato)"},
                       a.decimals < c.decimals ? a.decimals : c.decimals, 2 + b.present, NULL};
        compare(findings, REL_R_CONSORTIUM, result, sum,
                "Risultato: avanzo = entrate (A) + avanzo applicato (B) – uscite (C)");
    }
    const rel_dataset *entrate = rel_model_dataset(model, "entrate");
    compare(findings, REL_R_IDENTITY, a,
            column_total(arena, entrate, entrate ? rel_dataset_year_column(entrate, year) : -1),
            "Risultato: entrate (A) = entrate dell'esercizio");
    const char *source;
    implied uscite = uscite_of(model, s, arena, &source);
    compare(findings, REL_R_IDENTITY, c, uscite,
            rel_arena_printf(arena, "Risultato: uscite (C) = uscite dell'esercizio (%s)", source));
    const rel_dataset *avanzo = rel_model_dataset(model, "avanzo");
    if (avanzo != NULL)
        compare(findings, REL_R_RESULT, surplus_of(arena, avanzo), result,
                "Avanzo (composizione) = avanzo del risultato");
    return true;
}

/* Avanzo = Entrate - Uscite, with the avanzo split into its three parts. */
static void check_result(const rel_model *model, const rel_schedule *s, rel_findings *findings)
{
    if (check_consortium_result(model, s, findings))
        return;
    rel_arena *arena = findings->arena;
    const char *source;
    implied uscite = uscite_of(model, s, arena, &source);
    const rel_dataset *costi = rel_model_dataset(model, "costi");
    if (s && costi && rel_dataset_year_column(costi, model->entity.year) >= 0)
        compare(findings, REL_R_IDENTITY, uscite, column_total(arena, s->data, s->consuntivo),
                "Uscite (costi per natura) = consuntivo delle schede");
    const rel_dataset *entrate = rel_model_dataset(model, "entrate");
    const rel_dataset *avanzo = rel_model_dataset(model, "avanzo");
    implied income = column_total(arena, entrate,
                                  entrate ? rel_dataset_year_column(entrate, model->entity.year)
                                          : -1);
    if (!avanzo || !income.present || !uscite.present)
        return;
    implied surplus = surplus_of(arena, avanzo);
    rel_figure_term balance[2] = {{+1, income.figure, income.source},
                                  {-1, uscite.figure, uscite.source}};
    implied result = {true, {income.figure.value - uscite.figure.value, {NULL, 0, 0},
                             rel_arena_printf(arena, "entrate meno uscite (%s)", source)},
                      income.decimals < uscite.decimals ? income.decimals : uscite.decimals,
                      income.parts + uscite.parts, rel_source_terms(arena, balance, 2)};
    compare(findings, REL_R_RESULT, surplus, result,
            rel_arena_printf(arena, "Avanzo (composizione) = Entrate – Uscite (%s)", source));
}

void rel_check_identities(const rel_model *model, rel_findings *findings)
{
    rel_schedule s;
    bool schedules = rel_schedule_get(model, &s);
    if (schedules)
        check_cost_centres(model, &s, findings);
    check_result(model, schedules ? &s : NULL, findings);
}
