/*
 * engine.h - state of one template evaluation (private to template/).
 */
#ifndef REL_TEMPLATE_ENGINE_H
#define REL_TEMPLATE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "compute/formula/formula.h"
#include "template/template.h"
#include "template/tpl.h"

#define REL_TPL_MAX_VARS 8
#define REL_TPL_MAX_INCLUDES 8
#define REL_TPL_MAX_LOOP 1000

typedef struct tpl_var {
    const char *name;
    const char *value;
} tpl_var;

typedef struct engine {
    const rel_template_ctx *ctx;
    rel_document *doc;
    rel_arena *arena;
    rel_diags *diags;
    tpl_var vars[REL_TPL_MAX_VARS];    /* loop variables in scope */
    size_t var_count;
    int includes;                      /* depth of {% includi %} */
    int numbers[3];                    /* heading numbers: 2.1.3 */
    const char *paragraph;             /* text collected for the current paragraph */
    size_t blocks;                     /* blocks emitted so far */
    rel_doc_kpi *kpis;                 /* inside {% cifre_chiave %}: bullets become tiles */
    size_t kpi_count;
    bool ok;
} engine;

#define REL_TPL_MAX_KPIS 24

/* A bullet of a {% cifre_chiave %} block: "Etichetta | FORMULA | filtro |
 * FORMULA DELL'ANNO PRECEDENTE". In kpis.c. */
void rel_engine_kpi(engine *e, const tpl_node *node);

/* {% cifre_chiave %} ... {% fine %}: collects the tiles of its body. */
void rel_engine_kpis(engine *e, const tpl_node *node);

/* Runs a list of nodes. */
void rel_engine_run(engine *e, const tpl_node *node);

/* The value of `formula` (found at `at`) formatted by `filter` (found at
 * `filter_at`; NULL: by the value's kind), or NULL after an error. */
const char *rel_engine_format(engine *e, const char *formula, rel_origin at, const char *filter,
                              rel_origin filter_at);

/* `text` with every {{ placeholder | filter }} replaced; NULL after an
 * error, reported at its column. */
const char *rel_engine_expand(engine *e, const char *text, rel_origin at);

/* The text of loop variable `name`, or NULL. */
const char *rel_engine_var(const engine *e, const char *name);

/* Name resolution for formulas: indicators, and loop variables as texts. */
rel_formula_names rel_engine_names(engine *e);

/* Reports a template error (sets ok to false). */
void rel_engine_error(engine *e, const char *code, rel_origin at, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* Closes the paragraph being collected, if any. */
bool rel_engine_flush(engine *e);

/* {% tabella NAME ... %} and {% grafico NAME ... %}: in tables.c, charts.c. */
void rel_engine_table(engine *e, const tpl_node *node);
void rel_engine_chart(engine *e, const tpl_node *node);

#endif
