/* {% obbligo CODICE "descrizione" %}: the items the law requires. */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"

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

/* If the body gives nothing (its text is absent), the input must say why
 * the item does not apply; the report then states it. Otherwise it is a
 * finding. */
void rel_engine_obligation(engine *e, const tpl_node *node)
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
        const char *text = rel_arena_printf(e->arena, "Non applicabile: %s", reason);
        rel_engine_emitted(e, text && rel_doc_paragraph(e->doc, text), node->at);
        return;
    }
    rel_findings_flag(e->ctx->findings, REL_R_STATUTORY, node->at,
                      "manca un'informazione richiesta dalla legge: %s (%s); scriverla nel testo "
                      "indicato dal modello o dichiarare in non_applicabile.csv perché non si "
                      "applica", what->value, code->value);
}
