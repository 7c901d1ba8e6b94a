#include "compute/objectives.h"

#include <string.h>

void rel_shares(const int64_t counts[3], int64_t total, int64_t shares[3])
{
    int64_t remainders[3], assigned = 0;
    for (int i = 0; i < 3; i++) {
        shares[i] = total ? counts[i] * 10000 / total : 0;
        remainders[i] = total ? counts[i] * 10000 % total : 0;
        assigned += shares[i];
    }
    while (total && assigned < 10000) {
        int best = 0;
        for (int i = 1; i < 3; i++)
            if (remainders[i] > remainders[best])
                best = i;
        shares[best]++;
        remainders[best] = -1;   /* one hundredth each, at most */
        assigned++;
    }
}

static rel_objective_summary *summary_for(rel_objectives *list, const char *area,
                                          rel_origin at)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].area, area) == 0)
            return &list->items[i];
    rel_objective_summary *s = &list->items[list->count++];
    *s = (rel_objective_summary){.area = area, .at = at};
    return s;
}

static void count(rel_objective_summary *s, int64_t outcome)
{
    s->count++;
    if (outcome == REL_OUTCOME_SI)
        s->reached++;
    else if (outcome == REL_OUTCOME_NO)
        s->missed++;
    else
        s->partial++;
}

bool rel_objectives_compute(const rel_model *model, rel_arena *arena, rel_objectives *out)
{
    *out = (rel_objectives){NULL, 0};
    const rel_dataset *d = rel_model_dataset(model, "obiettivi");
    if (d == NULL)
        return true;
    int area = rel_dataset_column(d, "area"), outcome = rel_dataset_column(d, "esito");
    out->items = rel_arena_array(arena, d->row_count + 2, sizeof *out->items);
    if (out->items == NULL)
        return false;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind == REL_ROW_ITEM)
            count(summary_for(out, rel_row_text(row, area), row->values[area].at),
                  row->values[outcome].number);
    }
    rel_objective_summary overall = {.area = ""};
    for (size_t i = 0; i < out->count; i++) {
        rel_objective_summary *s = &out->items[i];
        overall.count += s->count;
        overall.reached += s->reached;
        overall.missed += s->missed;
        overall.partial += s->partial;
    }
    out->items[out->count++] = overall;
    for (size_t i = 0; i < out->count; i++) {
        rel_objective_summary *s = &out->items[i];
        int64_t counts[3] = {s->reached, s->missed, s->partial};
        rel_shares(counts, s->count, s->share);
    }
    return true;
}
