#include "template/template.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "template/engine.h"

const char *rel_template_dir(void)
{
    const char *dir = getenv("RELAZIONE_TEMPLATE_DIR");
    return dir && dir[0] ? dir : REL_TEMPLATE_DIR;
}

/* The cover's fields, from the metadata. */
static bool cover(const rel_model *model, rel_document *doc, rel_arena *arena)
{
    const rel_entity *entity = &model->entity;
    doc->title = entity->template_kind == REL_TEMPLATE_CONSUNTIVO ? "Relazione consuntivo"
                                                                   : "Relazione sulla gestione";
    doc->subtitle = rel_arena_printf(arena, "Esercizio %d", entity->year);
    doc->entity = entity->name.text;
    doc->author = entity->name.text;
    doc->draft = entity->draft;
    const char *detail = entity->legal_form.text;
    if (entity->seat.text[0])
        detail = rel_arena_printf(arena, "%s – %s", detail, entity->seat.text);
    if (detail && entity->tax_code.text[0])
        detail = rel_arena_printf(arena, "%s – C.F. %s", detail, entity->tax_code.text);
    doc->entity_detail = detail;
    return doc->subtitle != NULL && detail != NULL;
}

const char *rel_template_path(const rel_template_ctx *ctx, rel_arena *arena)
{
    const char *own = rel_arena_printf(arena, "%s/modello.tpl", ctx->input_dir);
    struct stat info;
    if (own && stat(own, &info) == 0)
        return own;
    const char *name = ctx->model->entity.template_kind == REL_TEMPLATE_CONSUNTIVO
                           ? "consuntivo.tpl" : "gestione.tpl";
    return rel_arena_printf(arena, "%s/%s", ctx->template_dir, name);
}

/* True when the template produces nothing but blanks: an empty file, or
 * one of blank lines only. */
static bool is_empty(const tpl_node *nodes)
{
    for (; nodes != NULL; nodes = nodes->next)
        if (nodes->kind != TPL_BLANK)
            return false;
    return true;
}

bool rel_template_render(const rel_template_ctx *ctx, rel_document *doc, rel_arena *arena,
                         rel_diags *diags)
{
    size_t errors = diags->errors;
    const char *path = rel_template_path(ctx, arena);
    if (path == NULL || !cover(ctx->model, doc, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){path, 0, 0},
                     "memoria esaurita componendo la relazione: nessun file scritto");
        return false;
    }
    struct stat info;
    if (stat(path, &info) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_T_MISSING, (rel_origin){path, 0, 0},
                     "modello della relazione non trovato (RELAZIONE_TEMPLATE_DIR?)");
        return false;
    }
    tpl_node *nodes = rel_tpl_parse(path, arena, diags);
    if (nodes == NULL && diags->errors == errors) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_T_EMPTY, (rel_origin){path, 0, 0},
                     "modello vuoto: la relazione non avrebbe alcun contenuto");
        return false;
    }
    if (nodes == NULL)
        return false;
    if (is_empty(nodes)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_T_EMPTY, (rel_origin){path, 0, 0},
                     "modello vuoto: contiene solo righe bianche");
        return false;
    }
    engine e = {.ctx = ctx, .doc = doc, .arena = arena, .diags = diags, .ok = true};
    rel_text_buf_init(&e.paragraph, arena);
    if (!rel_engine_reasons_begin(&e) || !rel_engine_placed_begin(&e))
        rel_engine_oom(&e, (rel_origin){path, 0, 0});
    rel_engine_scan_markers(&e);
    rel_engine_run(&e, nodes);
    rel_engine_flush(&e);
    if (e.ok && !rel_engine_close_headings(&e))
        rel_engine_oom(&e, (rel_origin){path, 0, 0});
    if (!e.halted && !e.out_of_memory) {
        rel_engine_reasons_end(&e, nodes);
        rel_engine_report_unprinted(&e);
    }
    /* Contract: false only with an error reported. Every part that fails
     * reports its own; this is the net under any that would not. */
    if (!e.ok && diags->errors == errors)
        rel_engine_oom(&e, (rel_origin){path, 0, 0});
    return e.ok && diags->errors == errors;
}
