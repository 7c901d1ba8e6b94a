/*
 * template.h - the template stage: a template file and the model become
 * the document tree (docs/TEMPLATES.md is the language's reference).
 *
 * The default templates live in templates/ (gestione.tpl: Relazione sulla
 * gestione, art. 2428 c.c.; consuntivo.tpl: the accountability report). An
 * input directory overrides the whole template with its own modello.tpl,
 * or one {% sezione NOME %} with sezioni/NOME.tpl.
 */
#ifndef REL_TEMPLATE_H
#define REL_TEMPLATE_H

#include <stdbool.h>

#include "compute/indicators.h"
#include "core/diag.h"
#include "document/document.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* What the document is evaluated for: it decides what a text still to be
 * written ([DA COMPILARE], or absent) means. */
typedef enum rel_template_mode {
    REL_TEMPLATE_CHECK,           /* `check`: warnings, so the user knows what is left */
    REL_TEMPLATE_DRAFT,           /* a draft build: warnings, and the gaps printed */
    REL_TEMPLATE_FINAL,           /* a final build: a text still to write is a finding */
} rel_template_mode;

typedef struct rel_template_ctx {
    const rel_model *model;
    const rel_indicators *indicators;
    rel_findings *findings;       /* statutory items missing are added here (R013) */
    const char *input_dir;
    const char *template_dir;     /* the default templates */
    rel_template_mode mode;
} rel_template_ctx;

/* Where the default templates are: RELAZIONE_TEMPLATE_DIR, else the
 * directory compiled in. */
const char *rel_template_dir(void);

/* The template a run uses: the input's own modello.tpl, else the default
 * that opzioni.modello names. In the arena; NULL when out of memory. */
const char *rel_template_path(const rel_template_ctx *ctx, rel_arena *arena);

/* Evaluates the template the model asks for into `doc` (cover fields
 * included). Template errors (T0xx) and formula errors go to `diags`;
 * returns false if any was added or memory ran out. */
bool rel_template_render(const rel_template_ctx *ctx, rel_document *doc, rel_arena *arena,
                         rel_diags *diags);

#endif
