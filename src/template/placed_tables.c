/* Free tables placed by their sidecar (`dopo = NARRATIVE`): printed right
 * after that narrative with their chart, instead of in the template's loop
 * over the free tables; or placed by a narrative's own {% tabella NAME %}
 * line. A table whose narrative is absent stays in the loop, so that no
 * table ever disappears. */
#include <stdlib.h>
#include <string.h>

#include "template/engine.h"

/* A narrative has the line "{% tabella NAME ... %}". */
static bool named_in_narratives(const rel_model *model, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < model->narrative_count; i++)
        for (const char *hit = strstr(model->narratives[i].text, "{% tabella ");
             hit != NULL; hit = strstr(hit + 1, "{% tabella ")) {
            const char *word = hit + strlen("{% tabella ");
            while (*word == ' ')
                word++;
            if (strncmp(word, name, len) == 0 && (word[len] == ' ' || word[len] == '%'))
                return true;
        }
    return false;
}

bool rel_engine_table_placed(const engine *e, const rel_dataset *d)
{
    if (!d->generic)
        return false;
    if (d->meta && d->meta->after && rel_model_narrative(e->ctx->model, d->meta->after))
        return true;
    return named_in_narratives(e->ctx->model, d->name);
}

/* The default chart of a free table: its sidecar's, else lines over years
 * written as rows, grouped bars otherwise. NULL for none. */
const char *rel_engine_table_chart(const rel_dataset *d, const char *template_kind)
{
    const char *kind = d->meta && d->meta->chart ? d->meta->chart : template_kind;
    if (kind == NULL)
        kind = d->years_as_rows ? "linee" : "gruppi";
    return strcmp(kind, "nessuno") == 0 ? NULL : kind;
}

static int by_order(const void *left, const void *right)
{
    const rel_dataset *a = *(const rel_dataset *const *)left;
    const rel_dataset *b = *(const rel_dataset *const *)right;
    int x = a->meta ? a->meta->order : 0, y = b->meta ? b->meta->order : 0;
    return x != y ? (x > y) - (x < y) : strcmp(a->name, b->name);
}

size_t rel_engine_free_tables(const engine *e, const char *after, const rel_dataset **out)
{
    const rel_model *model = e->ctx->model;
    size_t count = 0;
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        if (!d->generic)
            continue;
        bool placed = rel_engine_table_placed(e, d);
        /* a narrative's own {% tabella %} line places it there, once:
         * the sidecar's `dopo` then prints it nowhere else */
        bool here = after ? placed && d->meta && d->meta->after
                                && strcmp(d->meta->after, after) == 0
                                && !named_in_narratives(model, d->name)
                          : !placed;
        if (here)
            out[count++] = d;
    }
    qsort(out, count, sizeof *out, by_order);
    return count;
}

/* {% tabella NAME %} and {% grafico NAME tipo=KIND %} for a placed table. */
static void emit(engine *e, const rel_dataset *d, rel_origin at)
{
    tpl_arg table_args[1] = {{NULL, d->name, at}};
    tpl_node table = {.kind = TPL_DIRECTIVE, .at = at, .name = "tabella", .args = table_args,
                      .arg_count = 1};
    rel_engine_table(e, &table);
    const char *kind = rel_engine_table_chart(d, NULL);
    if (kind == NULL)
        return;
    tpl_arg chart_args[2] = {{NULL, d->name, at}, {"tipo", kind, at}};
    tpl_node chart = {.kind = TPL_DIRECTIVE, .at = at, .name = "grafico", .args = chart_args,
                      .arg_count = 2};
    rel_engine_chart(e, &chart);
}

void rel_engine_tables_after(engine *e, const char *narrative, rel_origin at)
{
    const rel_model *model = e->ctx->model;
    const rel_dataset **tables = rel_arena_array(e->arena, model->dataset_count + 1,
                                                 sizeof *tables);
    if (tables == NULL) {
        rel_engine_oom(e, at);
        return;
    }
    size_t count = rel_engine_free_tables(e, narrative, tables);
    for (size_t i = 0; i < count && e->ok; i++)
        emit(e, tables[i], at);
}
