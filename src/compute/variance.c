#include "compute/variance.h"

#include <string.h>

#include "compute/totals.h"

bool rel_percent_of(int64_t a, int64_t b, int64_t *out)
{
    if (b == 0)
        return false;
    __int128 scaled = (__int128)a * 10000;
    __int128 magnitude = scaled < 0 ? -scaled : scaled;
    __int128 divisor = b < 0 ? -(__int128)b : b;
    __int128 quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2 >= divisor)
        quotient++;
    bool negative = (scaled < 0) != (b < 0);
    *out = (int64_t)(negative ? -quotient : quotient);
    return true;
}

static void finish(rel_variance *v, const rel_entity *entity)
{
    v->difference = v->consuntivo - v->preventivo;
    v->percent_defined = rel_percent_of(v->difference, v->preventivo, &v->percent);
    rel_percent_of(v->consuntivo, v->preventivo, &v->execution);
    bool by_amount = entity->variance_threshold.present;
    bool by_percent = entity->variance_threshold_pct > 0;
    int64_t amount = v->difference < 0 ? -v->difference : v->difference;
    int64_t percent = v->percent < 0 ? -v->percent : v->percent;
    bool over_amount = amount > entity->variance_threshold.cents;
    bool over_percent = !v->percent_defined ? v->difference != 0
                                            : percent > entity->variance_threshold_pct;
    v->needs_words = (by_amount || by_percent) && (!by_amount || over_amount)
                     && (!by_percent || over_percent);
}

/* The aggregate for (level, area, azione), created on first sight. */
static rel_variance *aggregate(rel_variances *list, rel_level level, const char *area,
                               const char *azione, size_t first)
{
    for (size_t i = first; i < list->count; i++)
        if (list->items[i].level == level && strcmp(list->items[i].area, area) == 0
            && strcmp(list->items[i].azione, azione) == 0)
            return &list->items[i];
    rel_variance *v = &list->items[list->count++];
    *v = (rel_variance){.level = level, .area = area, .azione = azione, .voce = "",
                        .motivazione = ""};
    return v;
}

static bool add_line(rel_variance *v, int64_t preventivo, int64_t consuntivo, rel_origin at,
                     const char *motivazione)
{
    if (v->at.file == NULL)
        v->at = at;
    if (!v->motivazione[0] && motivazione[0])
        v->motivazione = motivazione;
    return !__builtin_add_overflow(v->preventivo, preventivo, &v->preventivo)
           && !__builtin_add_overflow(v->consuntivo, consuntivo, &v->consuntivo);
}

/* A TOTALE row's motivazione explains its azione or area: it is preferred,
 * and its place is where the finding points. */
static void attach_total_rows(const rel_schedule *s, rel_variances *list, size_t first)
{
    for (size_t r = 0; r < s->data->row_count; r++) {
        const rel_row *row = &s->data->rows[r];
        if (row->kind != REL_ROW_TOTAL)
            continue;
        const char *azione = rel_row_text(row, s->azione);
        rel_level level = azione[0] ? REL_LEVEL_AZIONE : REL_LEVEL_AREA;
        for (size_t i = first; i < list->count; i++) {
            rel_variance *v = &list->items[i];
            if (v->level == level && strcmp(v->area, rel_row_text(row, s->area)) == 0
                && strcmp(v->azione, azione) == 0) {
                v->at = row->values[s->voce].at;
                if (rel_row_text(row, s->motivazione)[0])
                    v->motivazione = rel_row_text(row, s->motivazione);
            }
        }
    }
}

/* The voci, in file order, at the start of the list. */
static void add_voci(const rel_schedule *s, rel_variances *out)
{
    for (size_t r = 0; r < s->data->row_count; r++) {
        const rel_row *row = &s->data->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        out->items[out->count++] = (rel_variance){
            .level = REL_LEVEL_VOCE, .area = rel_row_text(row, s->area),
            .azione = rel_row_text(row, s->azione), .voce = rel_row_text(row, s->voce),
            .preventivo = row->values[s->preventivo].number,
            .consuntivo = row->values[s->consuntivo].number,
            .motivazione = rel_row_text(row, s->motivazione), .at = row->values[s->voce].at,
        };
    }
}

/* Azioni, areas and the total, after the voci, in order of first sight. */
static bool add_aggregates(rel_variances *out, size_t lines)
{
    bool ok = true;
    for (size_t i = 0; i < lines; i++) {
        const rel_variance voce = out->items[i];
        if (voce.azione[0])
            ok = add_line(aggregate(out, REL_LEVEL_AZIONE, voce.area, voce.azione, lines),
                          voce.preventivo, voce.consuntivo, voce.at, voce.motivazione) && ok;
        ok = add_line(aggregate(out, REL_LEVEL_AREA, voce.area, "", lines), voce.preventivo,
                      voce.consuntivo, voce.at, voce.motivazione) && ok;
        ok = add_line(aggregate(out, REL_LEVEL_TOTAL, "", "", lines), voce.preventivo,
                      voce.consuntivo, voce.at, "") && ok;
    }
    return ok;
}

bool rel_variances_compute(const rel_model *model, rel_arena *arena, rel_variances *out)
{
    *out = (rel_variances){NULL, 0};
    rel_schedule s;
    if (!rel_schedule_get(model, &s))
        return true;
    out->items = rel_arena_array(arena, 3 * s.data->row_count + 1, sizeof *out->items);
    if (out->items == NULL)
        return false;
    add_voci(&s, out);
    size_t lines = out->count;
    bool ok = add_aggregates(out, lines);
    attach_total_rows(&s, out, lines);
    for (size_t i = 0; i < out->count; i++)
        finish(&out->items[i], &model->entity);
    return ok;
}
