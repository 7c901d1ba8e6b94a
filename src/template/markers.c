/* "[DA COMPILARE]": what `relazione init` wrote and the user has still to
 * replace. Reported wherever it is used (a narrative, a reason of
 * non_applicabile.csv, a text of the metadata, a cell of a table): a
 * warning while checking and in drafts, a finding that stops a final build. */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"

/* line:col of byte `offset` of `text`, whose first character is at `at`. */
static rel_origin position_of(rel_origin at, const char *text, size_t offset)
{
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            at.line++;
            at.col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            at.col++;
        }
    }
    return at;
}

/* `what` says what holds the marker and what to put in its place. */
static void report(engine *e, rel_origin at, const char *what)
{
    bool final = e->ctx->mode == REL_TEMPLATE_FINAL;
    rel_diag_add(e->diags, final ? REL_SEV_ERROR : REL_SEV_WARNING, REL_R_TO_WRITE, at,
                 "%s; finché resta «%s» la relazione definitiva non si compila%s", what,
                 REL_MARKER, final ? " (una bozza sì: --bozza)" : "");
}

bool rel_engine_marker(engine *e, const char *text, rel_origin at, const char *what)
{
    const char *found = strstr(text, REL_MARKER);
    if (found != NULL)
        report(e, position_of(at, text, (size_t)(found - text)), what);
    return found != NULL;
}

static void scan_metadata(engine *e)
{
    const rel_entity *entity = &e->ctx->model->entity;
    const rel_string *texts[] = {&entity->name, &entity->legal_form, &entity->seat,
                                 &entity->tax_code, &entity->president, &entity->director};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (strstr(texts[i]->text, REL_MARKER) != NULL)
            report(e, texts[i]->at, "valore d'esempio: scrivere quello dell'ente");
}

/* One report per table: the first cell, and how many there are. */
static void scan_dataset(engine *e, const rel_dataset *d)
{
    const rel_value *first = NULL;
    size_t count = 0;
    for (size_t r = 0; r < d->row_count; r++)
        for (size_t c = 0; c < d->column_count; c++) {
            const rel_value *value = &d->rows[r].values[c];
            if (strstr(value->text, REL_MARKER) == NULL)
                continue;
            if (first == NULL)
                first = value;
            count++;
        }
    if (first == NULL)
        return;
    const char *what = count == 1
        ? "riga d'esempio: sostituire gli esempi con i dati dell'ente"
        : rel_arena_printf(e->arena, "riga d'esempio (%zu celle d'esempio in questo file): "
                           "sostituire gli esempi con i dati dell'ente", count);
    report(e, first->at, what ? what : "riga d'esempio");
}

void rel_engine_scan_markers(engine *e)
{
    scan_metadata(e);
    for (size_t i = 0; i < e->ctx->model->dataset_count; i++)
        if (strcmp(e->ctx->model->datasets[i].name, "non_applicabile") != 0)
            scan_dataset(e, &e->ctx->model->datasets[i]);
}
