/* Free tables placed by their sidecar (`dopo = NARRATIVE`): printed right
 * after that narrative with their chart, instead of in the template's loop
 * over the free tables; or placed by a narrative's own {% tabella NAME %}
 * line. A table whose narrative is absent stays in the loop, so that no
 * table ever disappears. */
#include <stdlib.h>
#include <string.h>

#include "template/engine.h"

static int by_text(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

/* Whether the word at one of the sorted `words` is `name`, followed by a
 * blank or the directive's end. Those that begin with `name` sort together,
 * from the first not below it. */
static bool named(const char *const *words, size_t count, const char *name)
{
    size_t len = strlen(name), low = 0, high = count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (strcmp(words[mid], name) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    for (; low < count && strncmp(words[low], name, len) == 0; low++)
        if (words[low][len] == ' ' || words[low][len] == '%')
            return true;
    return false;
}

/* The word after each "{% tabella " of every narrative, sorted. */
static const char **tabella_words(engine *e, size_t *count)
{
    static const char directive[] = "{% tabella ";
    const rel_model *model = e->ctx->model;
    size_t n = 0;
    for (size_t i = 0; i < model->narrative_count; i++)
        for (const char *hit = strstr(model->narratives[i].text, directive); hit != NULL;
             hit = strstr(hit + 1, directive))
            n++;
    const char **words = rel_arena_array(e->arena, n + 1, sizeof *words);
    if (words == NULL)
        return NULL;
    n = 0;
    for (size_t i = 0; i < model->narrative_count; i++)
        for (const char *hit = strstr(model->narratives[i].text, directive); hit != NULL;
             hit = strstr(hit + 1, directive)) {
            const char *word = hit + strlen(directive);
            while (*word == ' ')
                word++;
            words[n++] = word;
        }
    qsort(words, n, sizeof *words, by_text);
    *count = n;
    return words;
}

bool rel_engine_placed_begin(engine *e)
{
    const rel_model *model = e->ctx->model;
    size_t count = 0;
    const char **words = tabella_words(e, &count);
    e->named_tables = rel_arena_array(e->arena, model->dataset_count + 1,
                                      sizeof *e->named_tables);
    if (words == NULL || e->named_tables == NULL) {
        e->named_tables = NULL;
        return false;
    }
    for (size_t i = 0; i < model->dataset_count; i++)
        e->named_tables[i] = named(words, count, model->datasets[i].name);
    return true;
}

/* A narrative has the line "{% tabella NAME ... %}". */
static bool named_in_narratives(const engine *e, const rel_dataset *d)
{
    return e->named_tables != NULL && e->named_tables[d - e->ctx->model->datasets];
}

bool rel_engine_table_placed(const engine *e, const rel_dataset *d)
{
    if (!d->generic)
        return false;
    if (d->meta && d->meta->after && rel_model_narrative(e->ctx->model, d->meta->after))
        return true;
    return named_in_narratives(e, d);
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
                                && !named_in_narratives(e, d)
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
