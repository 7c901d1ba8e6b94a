/* Walks a parsed template and emits the document tree. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "template/engine.h"
#include "template/prospetto.h"

#include "validate/labels.h"

static bool emitted(engine *e, bool ok)
{
    if (ok)
        e->blocks++;
    else
        e->ok = false;
    return ok;
}

bool rel_engine_flush(engine *e)
{
    if (e->paragraph == NULL)
        return true;
    const char *text = e->paragraph;
    e->paragraph = NULL;
    return emitted(e, rel_doc_paragraph(e->doc, text));
}

static void add_text(engine *e, const tpl_node *node)
{
    const char *text = rel_engine_expand(e, node->text, node->at);
    if (text == NULL)
        return;
    e->paragraph = e->paragraph ? rel_arena_printf(e->arena, "%s %s", e->paragraph, text) : text;
}

/* "2.1 Andamento della gestione": numbered by level. */
static void add_heading(engine *e, const tpl_node *node)
{
    const char *text = rel_engine_expand(e, node->text, node->at);
    if (text == NULL)
        return;
    int level = node->level;
    e->numbers[level - 1]++;
    for (int i = level; i < 3; i++)
        e->numbers[i] = 0;
    const char *number = level == 1 ? rel_arena_printf(e->arena, "%d.", e->numbers[0])
                         : level == 2 ? rel_arena_printf(e->arena, "%d.%d", e->numbers[0], e->numbers[1])
                                      : rel_arena_printf(e->arena, "%d.%d.%d", e->numbers[0],
                                                         e->numbers[1], e->numbers[2]);
    emitted(e, rel_doc_heading(e->doc, level, rel_arena_printf(e->arena, "%s %s", number, text)));
}

/* A narrative of testi/: paragraphs separated by blank lines, "- " bullets
 * and "1. " numbered items (a Markdown subset; **bold** and *italic* stay marked for the
 * renderer). */
/* "3. testo": an item of a numbered list (the number as written). */
static bool numbered_item(const char *line, int *number, const char **item)
{
    int value = 0;
    const char *p = line;
    while (*p >= '0' && *p <= '9' && value < 1000)
        value = value * 10 + (*p++ - '0');
    if (p == line || p[0] != '.' || p[1] != ' ' || value == 0)
        return false;
    *number = value;
    *item = p + 2;
    return true;
}

static void add_narrative(engine *e, const char *text)
{
    int number;
    const char *item;
    rel_engine_flush(e);
    for (const char *cursor = text; *cursor;) {
        const char *end = strchr(cursor, '\n');
        size_t len = end ? (size_t)(end - cursor) : strlen(cursor);
        size_t from = 0;
        while (from < len && (cursor[from] == ' ' || cursor[from] == '\t'))
            from++;
        while (len > from && (cursor[len - 1] == '\r' || cursor[len - 1] == ' '))
            len--;
        const char *line = rel_arena_strndup(e->arena, cursor + from, len - from);
        if (line == NULL || line[0] == '\0') {
            rel_engine_flush(e);
        } else if (line[0] == '-' && line[1] == ' ') {
            rel_engine_flush(e);
            emitted(e, rel_doc_block(e->doc, REL_BLOCK_BULLET, line + 2));
        } else if (numbered_item(line, &number, &item)) {
            rel_engine_flush(e);
            emitted(e, rel_doc_block(e->doc, REL_BLOCK_NUMBERED, item));
            if (e->doc->last)
                e->doc->last->level = number;
        } else {
            e->paragraph = e->paragraph ? rel_arena_printf(e->arena, "%s %s", e->paragraph, line)
                                        : line;
        }
        cursor = end ? end + 1 : cursor + strlen(cursor);
    }
    rel_engine_flush(e);
}

static const char *required_name(engine *e, const tpl_node *node, const char *what)
{
    const tpl_arg *arg = rel_tpl_arg(node, NULL, 0);
    if (arg == NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "manca %s dopo «%s»", what, node->name);
        return NULL;
    }
    return arg->value;
}

/* {% testo premessa %}, or {% testo area %} in a loop: the variable's value
 * as a file name ("Area Minori e Famiglia" => testi/area_minori_e_famiglia.md). */
static void do_text(engine *e, const tpl_node *node)
{
    const char *name = required_name(e, node, "il nome del testo");
    const char *var = name ? rel_engine_var(e, name) : NULL;
    if (var != NULL) {
        char slug[256];
        rel_label_normalize(var, slug, sizeof slug);
        name = rel_arena_strdup(e->arena, slug);
    }
    const rel_narrative *narrative = name ? rel_model_narrative(e->ctx->model, name) : NULL;
    if (narrative != NULL)
        add_narrative(e, narrative->text);
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
    rel_formula *formula = rel_formula_parse(kind->value, kind->at, e->arena, e->diags);
    rel_formula_names names = rel_engine_names(e);
    rel_rational value;
    if (formula == NULL
        || !rel_formula_eval(formula, e->ctx->model, &names, e->arena, e->diags, &value)) {
        e->ok = false;
        return false;
    }
    return value.num != 0;
}

/* The names of the free tables of tabelle/, for {% per t in tabelle %}. */
static size_t free_tables(engine *e, const char **values, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < e->ctx->model->dataset_count && count < max; i++)
        if (e->ctx->model->datasets[i].generic)
            values[count++] = e->ctx->model->datasets[i].name;
    return count;
}

/* The distinct texts of `dataset.column` over the lines, in order. */
static size_t distinct_values(engine *e, const tpl_arg *source, const char **values, size_t max)
{
    if (strcmp(source->value, "tabelle") == 0)
        return free_tables(e, values, max);
    const char *dot = strchr(source->value, '.');
    const char *name = dot ? rel_arena_strndup(e->arena, source->value,
                                               (size_t)(dot - source->value)) : NULL;
    const rel_dataset *d = name ? rel_model_dataset(e->ctx->model, name) : NULL;
    int column = d ? rel_dataset_column(d, dot + 1) : -1;
    if (column < 0) {
        rel_engine_error(e, REL_T_NAME, source->at, "«%s» non è una colonna di una tabella "
                         "(scrivere tabella.colonna, es. schede.area)", source->value);
        return 0;
    }
    size_t count = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        const char *text = rel_row_text(row, column);
        bool seen = row->kind != REL_ROW_ITEM || !text[0];
        for (size_t i = 0; i < count && !seen; i++)
            seen = strcmp(values[i], text) == 0;
        if (seen)
            continue;
        if (count == max) {
            rel_engine_error(e, REL_T_LIMIT, source->at, "ciclo troppo lungo: più di %d valori",
                             REL_TPL_MAX_LOOP);
            return count;
        }
        values[count++] = text;
    }
    return count;
}

/* {% per VAR in TABELLA.COLONNA %} ... {% fine %} */
static void do_loop(engine *e, const tpl_node *node)
{
    const tpl_arg *var = rel_tpl_arg(node, NULL, 0), *in = rel_tpl_arg(node, NULL, 1);
    const tpl_arg *source = rel_tpl_arg(node, NULL, 2);
    if (!var || !in || !source || strcmp(in->value, "in") != 0) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "ciclo non valido: scrivere «per VARIABILE "
                         "in TABELLA.COLONNA»");
        return;
    }
    if (e->var_count == REL_TPL_MAX_VARS) {
        rel_engine_error(e, REL_T_LIMIT, node->at, "troppi cicli annidati");
        return;
    }
    const char **values = malloc(REL_TPL_MAX_LOOP * sizeof *values);
    size_t count = values ? distinct_values(e, source, values, REL_TPL_MAX_LOOP) : 0;
    for (size_t i = 0; i < count; i++) {
        e->vars[e->var_count++] = (tpl_var){var->value, values[i]};
        rel_engine_run(e, node->body);
        rel_engine_flush(e);
        e->var_count--;
    }
    free(values);
}

static bool file_exists(const char *path)
{
    struct stat info;
    return path != NULL && stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

static void run_file(engine *e, const char *path, rel_origin at)
{
    if (e->includes == REL_TPL_MAX_INCLUDES) {
        rel_engine_error(e, REL_T_LIMIT, at, "inclusioni annidate oltre %d livelli",
                         REL_TPL_MAX_INCLUDES);
        return;
    }
    tpl_node *nodes = rel_tpl_parse(path, e->arena, e->diags);
    if (nodes == NULL) {
        e->ok = false;
        return;
    }
    e->includes++;
    rel_engine_run(e, nodes);
    e->includes--;
}

/* {% sezione NOME %}: the input's sezioni/NOME.tpl replaces the body. */
static void do_section(engine *e, const tpl_node *node)
{
    const char *name = required_name(e, node, "il nome della sezione");
    const char *own = name ? rel_arena_printf(e->arena, "%s/sezioni/%s.tpl", e->ctx->input_dir,
                                              name) : NULL;
    if (file_exists(own))
        run_file(e, own, node->at);
    else
        rel_engine_run(e, node->body);
}

static void do_include(engine *e, const tpl_node *node)
{
    const char *name = required_name(e, node, "il file da includere");
    const char *path = name ? rel_arena_printf(e->arena, "%s/%s", e->ctx->template_dir, name) : NULL;
    if (path != NULL)
        run_file(e, path, node->at);
}

/* The reason the input gives for a statutory item that does not apply
 * (non_applicabile.csv), or NULL. */
static const char *not_applicable(engine *e, const char *code)
{
    const rel_dataset *d = rel_model_dataset(e->ctx->model, "non_applicabile");
    int voce = d ? rel_dataset_column(d, "voce") : -1, motivo = d ? rel_dataset_column(d, "motivo") : -1;
    for (size_t r = 0; voce >= 0 && r < d->row_count; r++)
        if (strcmp(rel_row_text(&d->rows[r], voce), code) == 0)
            return rel_row_text(&d->rows[r], motivo);
    return NULL;
}

/* {% obbligo CODICE "descrizione" %}: the law asks for this item. If the
 * body gives nothing (its text is absent), the input must say why it does
 * not apply; the report then states it. Otherwise it is a finding. */
static void do_obligation(engine *e, const tpl_node *node)
{
    const tpl_arg *code = rel_tpl_arg(node, NULL, 0), *what = rel_tpl_arg(node, NULL, 1);
    if (code == NULL || what == NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "scrivere «obbligo CODICE \"descrizione\"»");
        return;
    }
    size_t before = e->blocks;
    rel_engine_run(e, node->body);
    rel_engine_flush(e);
    if (e->blocks > before)
        return;
    const char *reason = not_applicable(e, code->value);
    if (reason != NULL) {
        emitted(e, rel_doc_paragraph(e->doc, rel_arena_printf(e->arena, "Non applicabile: %s",
                                                              reason)));
        return;
    }
    rel_findings_flag(e->ctx->findings, REL_R_STATUTORY, node->at,
                      "manca un'informazione richiesta dalla legge: %s (%s); scriverla nel testo "
                      "indicato dal modello o dichiarare in non_applicabile.csv perché non si "
                      "applica", what->value, code->value);
}

static void do_signatures(engine *e)
{
    const rel_entity *entity = &e->ctx->model->entity;
    const char *text = rel_arena_printf(e->arena, "Il Presidente\n%s\n\nIl Direttore\n%s",
                                        entity->president.text, entity->director.text);
    emitted(e, text && rel_doc_block(e->doc, REL_BLOCK_SIGNATURES, text));
}

static void directive(engine *e, const tpl_node *node)
{
    const char *name = node->name;
    rel_engine_flush(e);
    if (strcmp(name, "testo") == 0)
        do_text(e, node);
    else if (strcmp(name, "se") == 0)
        rel_engine_run(e, condition(e, node) ? node->body : node->otherwise);
    else if (strcmp(name, "per") == 0)
        do_loop(e, node);
    else if (strcmp(name, "sezione") == 0)
        do_section(e, node);
    else if (strcmp(name, "obbligo") == 0)
        do_obligation(e, node);
    else if (strcmp(name, "includi") == 0)
        do_include(e, node);
    else if (strcmp(name, "tabella") == 0)
        rel_engine_table(e, node);
    else if (strcmp(name, "grafico") == 0)
        rel_engine_chart(e, node);
    else if (strcmp(name, "nuova_pagina") == 0)
        emitted(e, rel_doc_block(e->doc, REL_BLOCK_PAGE_BREAK, NULL));
    else if (strcmp(name, "indice") == 0)
        emitted(e, rel_doc_block(e->doc, REL_BLOCK_TOC, NULL));
    else if (strcmp(name, "firme") == 0)
        do_signatures(e);
    else if (strcmp(name, "cifre_chiave") == 0)
        rel_engine_kpis(e, node);
    else if (strcmp(name, "prospetto_verifiche") == 0)
        emitted(e, rel_report_checks(e->doc, e->ctx->findings, "Prospetto delle verifiche"));
}

void rel_engine_run(engine *e, const tpl_node *node)
{
    for (; node != NULL; node = node->next) {
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
        case TPL_BULLET: {
            rel_engine_flush(e);
            if (e->kpis != NULL) {
                rel_engine_kpi(e, node);
                break;
            }
            const char *text = rel_engine_expand(e, node->text, node->at);
            if (text)
                emitted(e, rel_doc_block(e->doc, REL_BLOCK_BULLET, text));
            break;
        }
        case TPL_DIRECTIVE:
            directive(e, node);
            break;
        }
    }
}
