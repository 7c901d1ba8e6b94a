/* {% per VAR in TABELLA.COLONNA %} and {% per VAR in tabelle %}. */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"

typedef struct values {
    const char **items;
    size_t count;
} values;

/* Every free table of tabelle/ not placed by its sidecar after a
 * narrative, by its sidecar's `ordine` then name: all of them, however many
 * (only the bound on repetitions applies). */
static bool free_tables(engine *e, const tpl_arg *source, values *out)
{
    const rel_model *model = e->ctx->model;
    out->items = rel_arena_array(e->arena, model->dataset_count + 1, sizeof *out->items);
    const rel_dataset **tables = rel_arena_array(e->arena, model->dataset_count + 1,
                                                 sizeof *tables);
    if (out->items == NULL || tables == NULL) {
        rel_engine_oom(e, source->at);
        return false;
    }
    out->count = rel_engine_free_tables(e, NULL, tables);
    for (size_t i = 0; i < out->count; i++)
        out->items[i] = tables[i]->name;
    return true;
}

static bool seen_before(const values *list, const char *text)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i], text) == 0)
            return true;
    return false;
}

/* The distinct texts of `dataset.column` over the lines, in order; more
 * than REL_TPL_MAX_LOOP is an error (T006): a column with so many values
 * is almost surely not the one meant. */
static bool distinct_values(engine *e, const tpl_arg *source, values *out)
{
    if (strcmp(source->value, "tabelle") == 0)
        return free_tables(e, source, out);
    const char *dot = strchr(source->value, '.');
    const char *name = dot ? rel_arena_strndup(e->arena, source->value,
                                               (size_t)(dot - source->value)) : NULL;
    const rel_dataset *d = name ? rel_model_dataset(e->ctx->model, name) : NULL;
    int column = d ? rel_dataset_column(d, dot + 1) : -1;
    if (column < 0) {
        rel_engine_error(e, REL_T_NAME, source->at, "«%s» non è una colonna di una tabella "
                         "(scrivere tabella.colonna, es. schede.area)", source->value);
        return false;
    }
    size_t room = d->row_count < REL_TPL_MAX_LOOP ? d->row_count : REL_TPL_MAX_LOOP;
    out->items = rel_arena_array(e->arena, room + 1, sizeof *out->items);
    if (out->items == NULL) {
        rel_engine_oom(e, source->at);
        return false;
    }
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        const char *text = rel_row_text(row, column);
        if (row->kind != REL_ROW_ITEM || !text[0] || seen_before(out, text))
            continue;
        if (out->count == REL_TPL_MAX_LOOP) {
            rel_engine_limit(e, source->at, "ciclo troppo lungo: «%s» ha più di %d valori "
                             "distinti", source->value, REL_TPL_MAX_LOOP);
            return false;
        }
        out->items[out->count++] = text;
    }
    return true;
}

/* {% per VAR in TABELLA.COLONNA %} ... {% fine %} */
void rel_engine_loop(engine *e, const tpl_node *node)
{
    const tpl_arg *var = rel_tpl_arg(node, NULL, 0), *in = rel_tpl_arg(node, NULL, 1);
    const tpl_arg *source = rel_tpl_arg(node, NULL, 2);
    if (!var || !in || !source || strcmp(in->value, "in") != 0) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "ciclo non valido: scrivere «per VARIABILE "
                         "in TABELLA.COLONNA»");
        return;
    }
    if (e->var_count == REL_TPL_MAX_VARS) {
        rel_engine_limit(e, node->at, "più di %d cicli annidati", REL_TPL_MAX_VARS);
        return;
    }
    values list = {NULL, 0};
    if (!distinct_values(e, source, &list) || list.count == 0)
        return;
    size_t outer = e->repeats ? e->repeats : 1, repeats;
    if (__builtin_mul_overflow(outer, list.count, &repeats) || repeats > REL_TPL_MAX_REPEATS) {
        rel_engine_limit(e, node->at, "cicli annidati: il contenuto si ripeterebbe %zu × %zu "
                         "volte, oltre il limite di %d", outer, list.count,
                         REL_TPL_MAX_REPEATS);
        return;
    }
    size_t saved = e->repeats;
    e->repeats = repeats;
    for (size_t i = 0; i < list.count && !e->halted; i++) {
        e->vars[e->var_count++] = (tpl_var){var->value, list.items[i]};
        rel_engine_run(e, node->body);
        rel_engine_flush(e);
        e->var_count--;
    }
    e->repeats = saved;
}
