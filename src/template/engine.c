/* Walks a parsed template and emits the document tree. */
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "template/engine.h"
#include "template/prospetto.h"

bool rel_engine_emitted(engine *e, bool ok, rel_origin at)
{
    if (ok)
        e->blocks++;
    else
        rel_engine_oom(e, at);
    return ok;
}

void rel_engine_oom(engine *e, rel_origin at)
{
    e->ok = false;
    if (e->out_of_memory)
        return;
    e->out_of_memory = true;
    rel_diag_add(e->diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, at,
                 "memoria esaurita componendo la relazione: nessun file scritto");
}

bool rel_engine_flush(engine *e)
{
    if (rel_text_buf_empty(&e->paragraph))
        return true;
    const char *text = rel_text_buf_take(&e->paragraph);
    return rel_engine_emitted(e, rel_doc_paragraph(e->doc, text), e->paragraph_at);
}

bool rel_engine_add_words(engine *e, const char *text, size_t len, rel_origin at)
{
    if (rel_text_buf_empty(&e->paragraph))
        e->paragraph_at = at;
    if (rel_text_buf_join(&e->paragraph, " ", text, len))
        return true;
    rel_engine_oom(e, at);
    return false;
}

/* A line of text; in a default template, a line whose figures lack their
 * data is left out (the rest of the paragraph stays). */
static void add_text(engine *e, const tpl_node *node)
{
    e->omitting = "la frase";
    const char *text = rel_engine_expand(e, node->text, node->at);
    e->missing = false;
    if (text != NULL)
        rel_engine_add_words(e, text, strlen(text), node->at);
}

int rel_engine_depth(const engine *e)
{
    int depth = 0;
    while (depth < 3 && e->numbers[depth] > 0)
        depth++;
    return depth;
}

/* A heading, numbered at the end when the chapters left empty are
 * dropped (rel_engine_close_headings). */
void rel_engine_heading(engine *e, int level, const char *text, rel_origin at)
{
    e->numbers[level - 1]++;
    for (int i = level; i < 3; i++)
        e->numbers[i] = 0;
    if (rel_engine_emitted(e, rel_doc_heading(e->doc, level, text), at)) {
        e->doc->last->numbered = true;
        e->heading = text;
    }
}

static void add_heading(engine *e, const tpl_node *node)
{
    const char *text = rel_engine_expand(e, node->text, node->at);
    if (text != NULL)
        rel_engine_heading(e, node->level, text, node->at);
}

void rel_engine_gap(engine *e, const char *detail, rel_origin at)
{
    if (e->ctx->mode != REL_TEMPLATE_DRAFT)
        return;
    const char *text = detail ? rel_arena_printf(e->arena, "*%s* %s", REL_MARKER, detail) : NULL;
    if (text == NULL || !rel_doc_paragraph(e->doc, text)) {
        rel_engine_oom(e, at);
        return;
    }
    e->gaps++;     /* shown, but no content: an {% obbligo %} stays unfulfilled */
}

const char *rel_engine_required_name(engine *e, const tpl_node *node, const char *what)
{
    const tpl_arg *arg = rel_tpl_arg(node, NULL, 0);
    if (arg == NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "manca %s dopo «%s»", what, node->name);
        return NULL;
    }
    return arg->value;
}

static bool dataset_has_lines(const rel_model *model, const char *name)
{
    const rel_dataset *d = rel_model_dataset(model, name);
    return d != NULL && d->row_count > 0;
}

/* {% se dati fondi %}, {% se testo rischi %}, {% se cooperativa %}, or
 * {% se FORMULA %}. */
static bool condition(engine *e, const tpl_node *node)
{
    const tpl_arg *kind = rel_tpl_arg(node, NULL, 0), *name = rel_tpl_arg(node, NULL, 1);
    if (kind && !name && strcmp(kind->value, "cooperativa") == 0)
        return e->ctx->model->entity.cooperative;
    if (kind && name && strcmp(kind->value, "dati") == 0)
        return dataset_has_lines(e->ctx->model, name->value);
    if (kind && name && strcmp(kind->value, "testo") == 0)
        return rel_model_narrative(e->ctx->model, name->value) != NULL;
    if (kind == NULL || name != NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "condizione non valida: usare «se dati "
                         "NOME», «se testo NOME» o «se FORMULA» (formula senza spazi)");
        return false;
    }
    rel_rational value;
    e->omitting = "la parte";
    bool known = rel_engine_eval(e, kind->value, kind->at, &value);
    e->missing = false;     /* a condition on data that is absent is false */
    return known && value.num != 0;
}

static bool file_exists(const char *path)
{
    struct stat info;
    return path != NULL && stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

static void run_file(engine *e, const char *path, rel_origin at)
{
    if (e->includes == REL_TPL_MAX_INCLUDES) {
        rel_engine_limit(e, at, "inclusioni annidate oltre %d livelli", REL_TPL_MAX_INCLUDES);
        return;
    }
    size_t errors = e->diags->errors;
    tpl_node *nodes = rel_tpl_parse(path, e->arena, e->diags);
    if (nodes == NULL) {
        /* an empty part, e.g. a section the input removes, gives nothing */
        e->ok = e->ok && e->diags->errors == errors;
        return;
    }
    e->includes++;
    rel_engine_run(e, nodes);
    e->includes--;
}

/* {% sezione NOME %}: the input's sezioni/NOME.tpl replaces the body. */
static void do_section(engine *e, const tpl_node *node)
{
    const char *name = rel_engine_required_name(e, node, "il nome della sezione");
    const char *own = name ? rel_arena_printf(e->arena, "%s/sezioni/%s.tpl", e->ctx->input_dir,
                                              name) : NULL;
    if (name != NULL && own == NULL)
        rel_engine_oom(e, node->at);
    else if (file_exists(own))
        run_file(e, own, node->at);
    else
        rel_engine_run(e, node->body);
}

static void do_include(engine *e, const tpl_node *node)
{
    const char *name = rel_engine_required_name(e, node, "il file da includere");
    const char *path = name ? rel_arena_printf(e->arena, "%s/%s", e->ctx->template_dir, name) : NULL;
    if (path != NULL)
        run_file(e, path, node->at);
    else if (name != NULL)
        rel_engine_oom(e, node->at);
}

static void do_signatures(engine *e, const tpl_node *node)
{
    const rel_entity *entity = &e->ctx->model->entity;
    const char *text = rel_arena_printf(e->arena, "Il Presidente\n%s\n\nIl Direttore\n%s",
                                        entity->president.text, entity->director.text);
    rel_engine_emitted(e, text && rel_doc_block(e->doc, REL_BLOCK_SIGNATURES, text), node->at);
}

static void directive(engine *e, const tpl_node *node)
{
    const char *name = node->name;
    rel_engine_flush(e);
    if (strcmp(name, "testo") == 0)
        rel_engine_text(e, node);
    else if (strcmp(name, "se") == 0)
        rel_engine_run(e, condition(e, node) ? node->body : node->otherwise);
    else if (strcmp(name, "per") == 0)
        rel_engine_loop(e, node);
    else if (strcmp(name, "sezione") == 0)
        do_section(e, node);
    else if (strcmp(name, "obbligo") == 0)
        rel_engine_obligation(e, node);
    else if (strcmp(name, "includi") == 0)
        do_include(e, node);
    else if (strcmp(name, "tabella") == 0)
        rel_engine_table(e, node);
    else if (strcmp(name, "grafico") == 0)
        rel_engine_chart(e, node);
    else if (strcmp(name, "nuova_pagina") == 0)
        rel_engine_emitted(e, rel_doc_block(e->doc, REL_BLOCK_PAGE_BREAK, NULL), node->at);
    else if (strcmp(name, "indice") == 0)
        rel_engine_emitted(e, rel_doc_block(e->doc, REL_BLOCK_TOC, NULL), node->at);
    else if (strcmp(name, "firme") == 0)
        do_signatures(e, node);
    else if (strcmp(name, "cifre_chiave") == 0)
        rel_engine_kpis(e, node);
    else if (strcmp(name, "prospetto_verifiche") == 0)
        rel_engine_emitted(e, rel_report_checks(e->doc, e->ctx->findings,
                                                "Prospetto delle verifiche"), node->at);
}

static void bullet(engine *e, const tpl_node *node)
{
    if (e->kpis != NULL) {
        rel_engine_kpi(e, node);
        return;
    }
    e->omitting = "la voce dell'elenco";
    const char *text = rel_engine_expand(e, node->text, node->at);
    e->missing = false;
    if (text)
        rel_engine_emitted(e, rel_doc_block(e->doc, REL_BLOCK_BULLET, text), node->at);
}

void rel_engine_run(engine *e, const tpl_node *node)
{
    for (; node != NULL && !e->halted; node = node->next) {
        switch (node->kind) {
        case TPL_TEXT:
            add_text(e, node);
            break;
        case TPL_BLANK:
            rel_engine_flush(e);
            break;
        case TPL_HEADING:
            rel_engine_flush(e);
            add_heading(e, node);
            break;
        case TPL_BULLET:
            rel_engine_flush(e);
            bullet(e, node);
            break;
        case TPL_DIRECTIVE:
            directive(e, node);
            break;
        }
    }
}
