#include "compute/objectives.h"

#include <string.h>

#include "validate/labels.h"

void rel_shares(const int64_t counts[3], int64_t total, int64_t shares[3])
{
    for (int i = 0; i < 3; i++)
        shares[i] = total ? (counts[i] * 20000 / total + 1) / 2 : 0;
}

static rel_objective_summary *summary_for(rel_objectives *list, const char *area,
                                          rel_origin at)
{
    for (size_t i = 0; i < list->count; i++)
        if (rel_same_label(list->items[i].area, area))
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

/* One objective and the outcomes of its indicators. */
typedef struct objective {
    const char *area;
    const char *name;
    rel_origin at;
    bool any_yes, any_no, any_partial;
} objective;

static int64_t outcome_of(const objective *o)
{
    if (o->any_yes && !o->any_no && !o->any_partial)
        return REL_OUTCOME_SI;
    if (o->any_no && !o->any_yes && !o->any_partial)
        return REL_OUTCOME_NO;
    return REL_OUTCOME_PARZIALE;
}

static void add_outcome(objective *o, int64_t outcome)
{
    o->any_yes = o->any_yes || outcome == REL_OUTCOME_SI;
    o->any_no = o->any_no || outcome == REL_OUTCOME_NO;
    o->any_partial = o->any_partial || outcome == REL_OUTCOME_PARZIALE;
}

static void close_objective(rel_objectives *out, const objective *o)
{
    if (o->name != NULL)
        count(summary_for(out, o->area, o->at), outcome_of(o));
}

bool rel_objectives_compute(const rel_model *model, rel_arena *arena, rel_objectives *out)
{
    *out = (rel_objectives){NULL, 0};
    const rel_dataset *d = rel_model_dataset(model, "obiettivi");
    if (d == NULL)
        return true;
    int area = rel_dataset_column(d, "area"), name = rel_dataset_column(d, "obiettivo");
    int outcome = rel_dataset_column(d, "esito");
    out->items = rel_arena_array(arena, d->row_count + 2, sizeof *out->items);
    if (out->items == NULL)
        return false;
    objective current = {0};
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        const char *title = rel_row_text(row, name), *where = rel_row_text(row, area);
        bool same = current.name != NULL && (!title[0] || (rel_same_label(title, current.name)
                                                           && rel_same_label(where, current.area)));
        if (!same) {
            close_objective(out, &current);
            current = (objective){.area = where, .name = title, .at = row->values[area].at};
        }
        if (row->values[outcome].present)
            add_outcome(&current, row->values[outcome].number);
    }
    close_objective(out, &current);
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
