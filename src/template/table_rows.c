/* Which rows of a dataset a {% tabella %} prints. `da=` and `a=` name the
 * first and the last row of a part (by its code or its label), so that a
 * narrative can set a table in parts between its paragraphs, as reports
 * print the balance sheet, then the posizione finanziaria netta, then the
 * margine di tesoreria. A row a narrative printed is not printed again by
 * the template's own directive, which prints only the rows left: each row
 * once, and none lost. */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"
#include "template/tables.h"
#include "validate/labels.h"

/* The row's code or label, normalised, is `wanted` (normalised). */
static bool row_named(const rel_dataset *d, const rel_row *row, const char *wanted)
{
    for (size_t c = 0; c < d->column_count; c++) {
        if (!d->columns[c].is_key && !d->columns[c].is_label)
            continue;
        char name[256];
        rel_label_normalize(rel_row_text(row, (int)c), name, sizeof name);
        if (strcmp(name, wanted) == 0)
            return true;
    }
    return false;
}

/* The index of the first row from `from` named by option `key`'s value, or
 * `fallback` when the option is absent; -1 (reported) when no row is. */
static long named_row(engine *e, const tpl_node *node, const rel_dataset *d, const char *key,
                      size_t from, long fallback)
{
    const char *value = rel_engine_option(e, node, key);
    if (value == NULL)
        return fallback;
    char wanted[256];
    rel_label_normalize(value, wanted, sizeof wanted);
    for (size_t r = from; r < d->row_count; r++)
        if (row_named(d, &d->rows[r], wanted))
            return (long)r;
    rel_engine_error(e, REL_T_NAME, node->at, "la tabella «%s» non ha la riga «%s»%s", d->name,
                     value, from > 0 ? " dopo quella indicata con da=" : "");
    return -1;
}

bool rel_engine_row_span(engine *e, const tpl_node *node, const rel_dataset *d, size_t *first,
                         size_t *end)
{
    long start = named_row(e, node, d, "da", 0, 0);
    if (start < 0)
        return false;
    long last = named_row(e, node, d, "a", (size_t)start, (long)d->row_count - 1);
    if (last < 0)
        return false;
    *first = (size_t)start;
    *end = (size_t)last + 1;
    return true;
}

static bool *rows_of(const engine *e, const rel_dataset *d)
{
    return e->narrated ? e->narrated[d - e->ctx->model->datasets] : NULL;
}

bool rel_engine_narrated(const engine *e, const rel_dataset *d)
{
    const bool *rows = rows_of(e, d);
    for (size_t r = 0; rows && r < d->row_count; r++)
        if (rows[r])
            return true;
    return false;
}

/* Notes row `row` of `d` in `marks` (per dataset, per row, made on first
 * use); false when out of memory. */
static bool mark(engine *e, bool ***marks, const rel_dataset *d, size_t row)
{
    const rel_model *model = e->ctx->model;
    if (*marks == NULL
        && (*marks = rel_arena_array(e->arena, model->dataset_count, sizeof **marks)) == NULL)
        return false;
    size_t index = (size_t)(d - model->datasets);
    if ((*marks)[index] == NULL
        && ((*marks)[index] = rel_arena_array(e->arena, d->row_count, sizeof(bool))) == NULL)
        return false;
    (*marks)[index][row] = true;
    return true;
}

bool rel_engine_row_wanted(engine *e, const rel_dataset *d, size_t row)
{
    bool *rows = rows_of(e, d);
    if (e->narrating == 0)
        return rows == NULL || !rows[row];
    return mark(e, &e->narrated, d, row);
}

bool rel_engine_row_printed(engine *e, const rel_dataset *d, size_t row)
{
    return mark(e, &e->printed, d, row);
}

/* W122 for rows [first, end) of `d`, none of them printed. */
static void unprinted(engine *e, const rel_dataset *d, size_t first, size_t end)
{
    rel_origin at = {d->path, d->rows[first].line, 1};
    if (first == 0 && end == d->row_count)
        rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NOT_PRINTED, (rel_origin){d->path, 1, 1},
                     "la tabella «%s» non è stampata nella relazione (le sue verifiche sono "
                     "comunque eseguite): il modello non la richiama; aggiungere "
                     "{%% tabella %s %%} a un testo o «dopo = TESTO» al suo file .meta",
                     d->name, d->name);
    else if (end - first == 1)
        rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NOT_PRINTED, at,
                     "riga non stampata nella relazione: nessuna parte {%% tabella %s da=… "
                     "a=… %%} la comprende", d->name);
    else
        rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NOT_PRINTED, at,
                     "righe %u–%u non stampate nella relazione: nessuna parte {%% tabella "
                     "%s da=… a=… %%} le comprende", (unsigned)d->rows[first].line,
                     (unsigned)d->rows[end - 1].line, d->name);
}

void rel_engine_report_unprinted(engine *e)
{
    const rel_model *model = e->ctx->model;
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        const bool *rows = e->printed ? e->printed[i] : NULL;
        if (!d->generic || d->row_count == 0)
            continue;
        for (size_t r = 0; r < d->row_count;) {
            if ((rows && rows[r]) || d->rows[r].computed) {
                r++;
                continue;
            }
            size_t end = r + 1;
            while (end < d->row_count && !(rows && rows[end]) && !d->rows[end].computed)
                end++;
            unprinted(e, d, r, end);
            r = end;
        }
    }
}
