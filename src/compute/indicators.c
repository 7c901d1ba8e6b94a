#include "compute/indicators.h"

#include <string.h>

#include "core/codes.h"

typedef enum state { STATE_PENDING, STATE_RUNNING, STATE_DONE, STATE_FAILED } state;

typedef struct context {
    const rel_model *model;
    rel_arena *arena;
    rel_diags *diags;
    rel_indicators *list;
    rel_formula **formulas;
    state *states;
    const char **names;
} context;

static bool evaluate(context *c, size_t i);

static bool lookup(void *data, const char *name, rel_rational *value, bool *known)
{
    context *c = data;
    for (size_t i = 0; i < c->list->count; i++) {
        if (strcmp(c->list->items[i].name, name) != 0)
            continue;
        *known = true;
        if (!evaluate(c, i))
            return false;
        *value = c->list->items[i].value;
        return true;
    }
    *known = false;
    return false;
}

static bool evaluate(context *c, size_t i)
{
    rel_indicator *indicator = &c->list->items[i];
    if (c->states[i] == STATE_DONE || c->states[i] == STATE_FAILED)
        return c->states[i] == STATE_DONE;
    if (c->states[i] == STATE_RUNNING) {
        rel_diag_add(c->diags, REL_SEV_ERROR, REL_E_FORMULA_CYCLE, indicator->at,
                     "l'indicatore «%s» dipende da sé stesso (attraverso altri indicatori)",
                     indicator->name);
        c->states[i] = STATE_FAILED;
        return false;
    }
    c->states[i] = STATE_RUNNING;
    rel_formula_names names = {lookup, c, c->names, NULL};
    bool ok = c->formulas[i] != NULL
              && rel_formula_eval(c->formulas[i], c->model, &names, c->arena, c->diags,
                                  &indicator->value);
    if (ok && !rel_rational_fixed(indicator->value, indicator->decimals, &indicator->rounded)) {
        rel_diag_add(c->diags, REL_SEV_ERROR, REL_E_FORMULA_OVERFLOW, indicator->at,
                     "il valore dell'indicatore «%s» è troppo grande", indicator->name);
        ok = false;
    }
    if (c->states[i] == STATE_RUNNING)
        c->states[i] = ok ? STATE_DONE : STATE_FAILED;
    indicator->ok = c->states[i] == STATE_DONE;
    return indicator->ok;
}

/* Reads the rows of indicatori_calcolati.csv into the list and parses. */
static bool prepare(context *c, const rel_dataset *d)
{
    int name = rel_dataset_column(d, "nome"), description = rel_dataset_column(d, "descrizione");
    int formula = rel_dataset_column(d, "formula"), unit = rel_dataset_column(d, "unita");
    int decimals = rel_dataset_column(d, "decimali");
    c->list->items = rel_arena_array(c->arena, d->row_count + 1, sizeof *c->list->items);
    c->formulas = rel_arena_array(c->arena, d->row_count + 1, sizeof *c->formulas);
    c->states = rel_arena_array(c->arena, d->row_count + 1, sizeof *c->states);
    c->names = rel_arena_array(c->arena, d->row_count + 1, sizeof *c->names);
    if (!c->list->items || !c->formulas || !c->states || !c->names)
        return false;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        const rel_value *places = decimals >= 0 ? &row->values[decimals] : NULL;
        rel_indicator *item = &c->list->items[c->list->count];
        *item = (rel_indicator){
            .name = rel_row_text(row, name), .description = rel_row_text(row, description),
            .unit = rel_row_text(row, unit), .at = row->values[formula].at,
            .decimals = places && places->present ? (int)places->number : 2,
        };
        if (item->decimals > 6)
            item->decimals = 6;
        c->names[c->list->count] = item->name;
        c->formulas[c->list->count++] = rel_formula_parse(row->values[formula].text, item->at,
                                                          c->arena, c->diags);
    }
    return true;
}

bool rel_indicators_compute(const rel_model *model, rel_arena *arena, rel_diags *diags,
                            rel_indicators *out)
{
    *out = (rel_indicators){NULL, 0};
    const rel_dataset *d = rel_model_dataset(model, "indicatori_calcolati");
    if (d == NULL)
        return true;
    size_t errors = diags->errors;
    context c = {model, arena, diags, out, NULL, NULL, NULL};
    if (!prepare(&c, d)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){d->path, 0, 0},
                     "memoria esaurita");
        return false;
    }
    for (size_t i = 0; i < out->count; i++)
        evaluate(&c, i);
    return diags->errors == errors;
}

const rel_indicator *rel_indicators_find(const rel_indicators *indicators, const char *name)
{
    for (size_t i = 0; i < indicators->count; i++)
        if (strcmp(indicators->items[i].name, name) == 0)
            return &indicators->items[i];
    return NULL;
}

static bool lookup_computed(void *data, const char *name, rel_rational *value, bool *known)
{
    const rel_indicator *indicator = rel_indicators_find(data, name);
    *known = indicator != NULL;
    if (indicator == NULL || !indicator->ok)
        return false;
    *value = indicator->value;
    return true;
}

rel_formula_names rel_indicators_names(const rel_indicators *indicators)
{
    return (rel_formula_names){lookup_computed, (void *)indicators, NULL, NULL};
}
