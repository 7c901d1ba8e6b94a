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

/* The text `relazione init` writes where the user has still to write. */
#define REL_MARKER "[DA COMPILARE]"

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

/* A narrative a template asks for ({% testo NOME %}), and what it is for. */
typedef struct rel_template_text {
    const char *name;             /* "rischi", "area_disabilita": testi/NAME.md */
    const char *purpose;          /* Italian: what to write there */
    const char *item;             /* the {% obbligo %} code it supplies, or NULL */
} rel_template_text;

/* Every narrative the template at `path` asks for, in order, once each; a
 * {% testo VAR %} inside {% per VAR in TABELLA.COLONNA %} once per value
 * of that column in `model`. Parse errors go to `diags` (false). */
bool rel_template_texts(const char *path, const rel_model *model, rel_arena *arena,
                        rel_diags *diags, rel_template_text **texts, size_t *count);

/* Why the statutory item `code` may never be declared not applicable (for
 * this kind of entity), or NULL when it may. */
const char *rel_template_mandatory(const char *code, bool cooperative);

#endif
