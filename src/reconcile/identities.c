#include <string.h>
#include <strings.h>

#include "compute/totals.h"
#include "core/codes.h"
#include "reconcile/checks.h"
#include "validate/labels.h"

/* A figure the datasets imply: a declared TOTALE cell when the file has
 * one (the user's figure, with its place), else the sum of the lines. */
typedef struct implied {
    bool present;
    rel_figure figure;
    bool whole;       /* every part a whole euro */
    size_t parts;
} implied;

static implied column_total(rel_arena *arena, const rel_dataset *d, int column)
{
    implied result = {false, {0, {NULL, 0, 0}, NULL}, true, 0};
    if (d == NULL || column < 0)
        return result;
    result.figure.at.file = d->path;
    result.present = true;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        const rel_value *v = &row->values[column];
        bool grand = row->kind == REL_ROW_TOTAL;
        for (size_t c = 0; grand && c < d->column_count; c++)
            grand = !d->columns[c].is_key || strncasecmp(row->values[c].text, "totale", 6) == 0
                    || !row->values[c].text[0];
        if (grand && v->present)
            return (implied){true, {v->number, v->at, "dichiarato"}, v->number % 100 == 0, 1};
        if (row->kind == REL_ROW_ITEM) {
            result.figure.value += v->number;
            result.whole = result.whole && v->number % 100 == 0;
            result.parts++;
        }
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
    bool whole = declared.whole && expected.whole;
    rel_findings_check(findings, code, 2, true, declared.figure, expected.figure, 0,
                       rel_rounding_allowance(whole, declared.parts + expected.parts), "%s",
                       check);
}

/* Each cost centre that names an area equals that area of the schedules. */
static void check_cost_centres(const rel_model *model, const rel_schedule *s,
                               rel_findings *findings)
{
    const rel_dataset *centres = rel_model_dataset(model, "centri_di_costo");
    if (centres == NULL)
        return;
    int area = rel_dataset_column(centres, "area");
    const char *columns[] = {"preventivo", "consuntivo"};
    for (size_t k = 0; k < 2; k++) {
        int mine = rel_dataset_column(centres, columns[k]);
        int theirs = k == 0 ? s->preventivo : s->consuntivo;
        for (size_t r = 0; area >= 0 && r < centres->row_count; r++) {
            const rel_row *row = &centres->rows[r];
            const char *name = rel_row_text(row, area);
            if (row->kind != REL_ROW_ITEM || !name[0])
                continue;
            int64_t sum = 0;
            size_t parts = 0;
            char wanted[256], candidate[256];
            rel_label_normalize(name, wanted, sizeof wanted);
            for (size_t i = 0; i < s->data->row_count; i++) {
                const rel_row *line = &s->data->rows[i];
                rel_label_normalize(rel_row_text(line, s->area), candidate, sizeof candidate);
                if (line->kind == REL_ROW_ITEM && strcmp(wanted, candidate) == 0) {
                    sum += line->values[theirs].number;
                    parts++;
                }
            }
            rel_figure declared = {row->values[mine].number, row->values[mine].at, "dichiarato"};
            rel_figure expected = {sum, {NULL, 0, 0},
                                   rel_arena_printf(findings->arena, "schede: %zu righe dell'area",
                                                    parts)};
            rel_findings_check(findings, REL_R_IDENTITY, 2, true, declared, expected, 0, 0,
                               "Centro di costo «%s» = area «%s» delle schede – %s",
                               rel_row_text(row, rel_dataset_column(centres, "centro")), name,
                               columns[k]);
        }
        compare(findings, REL_R_IDENTITY, column_total(findings->arena, centres, mine),
                column_total(findings->arena, s->data, theirs),
                k == 0 ? "Totale dei centri di costo = totale delle schede – preventivo"
                       : "Totale dei centri di costo = totale delle schede – consuntivo");
    }
}

/* The year's Uscite, Entrate and Avanzo, wherever they are given. */
static void check_result(const rel_model *model, const rel_schedule *s, rel_findings *findings)
{
    rel_arena *arena = findings->arena;
    int year = model->entity.year;
    const rel_dataset *costi = rel_model_dataset(model, "costi");
    const rel_dataset *entrate = rel_model_dataset(model, "entrate");
    const rel_dataset *avanzo = rel_model_dataset(model, "avanzo");
    implied uscite = column_total(arena, costi, costi ? rel_dataset_year_column(costi, year) : -1);
    compare(findings, REL_R_IDENTITY, uscite, column_total(arena, s->data, s->consuntivo),
            "Uscite (costi per natura) = consuntivo delle schede");
    implied income = column_total(arena, entrate,
                                  entrate ? rel_dataset_year_column(entrate, year) : -1);
    if (!avanzo || !income.present || !uscite.present)
        return;
    implied split[3];
    const char *parts[3] = {"vincolato", "finalizzato", "non_vincolato"};
    implied surplus = {true, {0, {avanzo->path, 0, 0}, "somma di vincolato, finalizzato e non vincolato"},
                       true, 0};
    for (size_t i = 0; i < 3; i++) {
        split[i] = column_total(arena, avanzo, rel_dataset_column(avanzo, parts[i]));
        surplus.figure.value += split[i].figure.value;
        surplus.whole = surplus.whole && split[i].whole;
        surplus.parts += split[i].parts;
        if (i == 0 && split[i].figure.at.line > 0)
            surplus.figure.at = split[i].figure.at;
    }
    implied result = {true, {income.figure.value - uscite.figure.value, {NULL, 0, 0},
                             "entrate meno uscite"}, income.whole && uscite.whole, 2};
    compare(findings, REL_R_RESULT, surplus, result, "Avanzo (composizione) = Entrate – Uscite");
}

void rel_check_identities(const rel_model *model, rel_findings *findings)
{
    rel_schedule s;
    if (!rel_schedule_get(model, &s))
        return;
    check_cost_centres(model, &s, findings);
    check_result(model, &s, findings);
}
