#include <string.h>
#include <strings.h>

#include "compute/objectives.h"
#include "compute/variance.h"
#include "core/codes.h"
#include "core/number.h"
#include "reconcile/checks.h"
#include "validate/labels.h"
#include "validate/spans.h"

/* "l'area «Area Anziani»", "il servizio «Tutela»", "la voce «Pasti»". */
static const char *level_name(const rel_variance *v, rel_arena *arena)
{
    static const struct { const char *level, *article; } articles[] = {
        {"voce", "la "}, {"area", "l'"}, {"azione", "l'"}, {"servizio", "il "},
        {"sottoarea", "la "}, {"progetto", "il "}, {"centro", "il "},
    };
    if (v->level == REL_LEVEL_TOTAL)
        return "il totale delle schede";
    const char *article = "";
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
        if (rel_same_label(v->level_name, articles[i].level))
            article = articles[i].article;
    return rel_arena_printf(arena, "%s%s «%s»", article, v->level_name, v->name);
}

static void check_variance_words(const rel_model *model, rel_arena *arena, rel_findings *findings)
{
    rel_variances variances;
    if (!rel_variances_compute(model, arena, &variances))
        return;
    for (size_t i = 0; i < variances.count; i++) {
        const rel_variance *v = &variances.items[i];
        if (!v->needs_words || v->motivazione[0] || v->level == REL_LEVEL_TOTAL)
            continue;
        char amount[REL_NUMBER_FORMAT_MAX], percent[REL_NUMBER_FORMAT_MAX];
        rel_number_format(v->difference, 2, 2, REL_FMT_EURO | REL_FMT_PLUS, amount);
        if (v->percent_defined)
            rel_number_format(v->percent, 2, 2, REL_FMT_PLUS | REL_FMT_PERCENT, percent);
        else
            strcpy(percent, "preventivo zero");
        rel_findings_flag(findings, REL_R_VARIANCE_WORDS, v->at,
                          "scostamento oltre le soglie senza motivazione per %s: %s (%s); "
                          "scriverla nella colonna «motivazione»%s", level_name(v, arena),
                          amount, percent,
                          v->level == REL_LEVEL_VOCE ? "" : " della riga TOTALE o di una voce");
    }
}

/* The declared row of riepilogo_obiettivi.csv for `area` ("" = overall,
 * written TOTALE), or NULL. A VALORE MEDIO row is no area and no total. */
static const rel_row *declared_summary(const rel_dataset *d, const char *area)
{
    int column = rel_dataset_column(d, "area");
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        const rel_span *span = row->kind == REL_ROW_TOTAL ? rel_span_of(d, r) : NULL;
        bool overall = span != NULL && !span->mean;
        if (area[0] ? row->kind == REL_ROW_ITEM && rel_same_label(area, rel_row_text(row, column))
                    : overall)
            return row;
    }
    return NULL;
}

static const char *const share_columns[3] = {"raggiunti", "non_raggiunti", "in_corso"};

/* A VALORE MEDIO row: each share the unweighted mean of the areas' declared
 * shares, rounded half up, as the reports print it. */
static void check_mean_row(const rel_dataset *d, rel_findings *findings)
{
    for (size_t s = 0; s < d->span_count; s++) {
        const rel_span *span = &d->spans[s];
        if (!span->mean || span->part_count == 0)
            continue;
        const rel_row *row = &d->rows[span->total];
        for (size_t k = 0; k < 3; k++) {
            int column = rel_dataset_column(d, share_columns[k]);
            if (column < 0 || !row->values[column].present)
                continue;
            int64_t sum = 0;
            for (size_t i = 0; i < span->part_count; i++)
                sum += d->rows[span->parts[i]].values[column].number;
            int64_t n = (int64_t)span->part_count;
            int64_t mean = (sum * 2 + (sum >= 0 ? n : -n)) / (2 * n);
            rel_figure typed = {row->values[column].number, row->values[column].at, "dichiarato"};
            rel_figure expected = {mean, {NULL, 0, 0},
                                   rel_arena_printf(findings->arena, "media delle %zu aree",
                                                    span->part_count)};
            rel_findings_check_unit(findings, REL_R_OBJECTIVES, 2, REL_UNIT_PERCENT, typed,
                                    expected, 0, 1, "Obiettivi %s (%%) – valore medio",
                                    share_columns[k]);
        }
    }
}

static void check_objectives(const rel_model *model, rel_arena *arena, rel_findings *findings)
{
    const rel_dataset *declared = rel_model_dataset(model, "riepilogo_obiettivi");
    rel_objectives computed;
    if (declared == NULL || !rel_objectives_compute(model, arena, &computed))
        return;
    for (size_t i = 0; i < computed.count; i++) {
        const rel_objective_summary *s = &computed.items[i];
        const rel_row *row = declared_summary(declared, s->area);
        if (row == NULL)
            continue;
        const char *area = s->area[0] ? s->area : "totale";
        int column = rel_dataset_column(declared, "obiettivi");
        rel_figure how_many = {row->values[column].number, row->values[column].at, "dichiarato"};
        rel_figure counted = {s->count, {NULL, 0, 0}, "contati in obiettivi.csv"};
        rel_findings_check(findings, REL_R_OBJECTIVES, 0, false, how_many, counted, 0, 0,
                           "Numero di obiettivi – %s", area);
        rel_findings_describe(findings, NULL,
                              rel_source_derived(arena, "obiettivi", 0,
                                                 rel_arena_printf(arena, "%s|obiettivi",
                                                                  s->area)));
        for (size_t k = 0; k < 3; k++) {
            column = rel_dataset_column(declared, share_columns[k]);
            rel_figure typed = {row->values[column].number, row->values[column].at, "dichiarato"};
            rel_figure share = {s->share[k], {NULL, 0, 0}, "calcolato dagli esiti"};
            /* 0,01 points: the same shares rounded by another rule */
            rel_findings_check_unit(findings, REL_R_OBJECTIVES, 2, REL_UNIT_PERCENT, typed,
                                    share, 0, 1, "Obiettivi %s (%%) – %s", share_columns[k],
                                    area);
            rel_findings_describe(findings, NULL,
                                  rel_source_derived(arena, "obiettivi", 0,
                                                     rel_arena_printf(arena, "%s|%s", s->area,
                                                                      share_columns[k])));
        }
    }
    check_mean_row(declared, findings);
}

/* An N-1 column identical to the N column, over at least two non-zero
 * lines, was almost surely pasted from the wrong year. */
static void check_prior_year(const rel_model *model, rel_findings *findings)
{
    int year = model->entity.year;
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        int now = rel_dataset_year_column(d, year), before = rel_dataset_year_column(d, year - 1);
        if (now < 0 || before < 0 || d->columns[now].type == REL_TYPE_TEXT)
            continue;
        size_t compared = 0, equal = 0;
        for (size_t r = 0; r < d->row_count; r++) {
            const rel_row *row = &d->rows[r];
            if (row->kind != REL_ROW_ITEM || !row->values[now].present
                || !row->values[before].present || row->values[now].number == 0)
                continue;
            compared++;
            equal += row->values[now].number == row->values[before].number;
        }
        if (compared >= 2 && equal == compared)
            rel_findings_flag(findings, REL_R_PRIOR_YEAR, d->columns[before].at,
                              "la colonna «%s» ripete riga per riga i valori della colonna «%s» "
                              "(%zu righe): è stata copiata dall'anno sbagliato?",
                              d->columns[before].label, d->columns[now].label, compared);
    }
}

void rel_check_rules(const rel_model *model, rel_arena *arena, rel_findings *findings)
{
    check_variance_words(model, arena, findings);
    check_objectives(model, arena, findings);
    check_prior_year(model, findings);
}
