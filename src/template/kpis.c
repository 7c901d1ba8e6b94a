/* {% cifre_chiave %}: the key figures of the year as tiles, each with its
 * change on the year before, as the bilancio sociale shows them
 * ("Occupati 148 -8%"). */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"

/* Splits "a | b | c" into at most `max` trimmed parts; returns the count. */
static size_t split_parts(engine *e, const char *text, const char **parts, size_t *offsets,
                          size_t max)
{
    size_t count = 0;
    for (const char *cursor = text; count < max;) {
        size_t len = strcspn(cursor, "|");
        size_t from = 0;
        while (from < len && cursor[from] == ' ')
            from++;
        size_t to = len;
        while (to > from && cursor[to - 1] == ' ')
            to--;
        offsets[count] = (size_t)(cursor - text) + from;
        parts[count++] = rel_arena_strndup(e->arena, cursor + from, to - from);
        if (cursor[len] == '\0')
            break;
        cursor += len + 1;
    }
    return count;
}

static rel_origin at_offset(rel_origin at, const char *text, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            at.col++;
    return at;
}

void rel_engine_kpi(engine *e, const tpl_node *node)
{
    const char *parts[4];
    size_t offsets[4];
    size_t count = split_parts(e, node->text, parts, offsets, 4);
    for (size_t i = 0; i < count; i++)
        if (parts[i] == NULL) {
            rel_engine_oom(e, node->at);
            return;
        }
    if (count < 2 || e->kpi_count == REL_TPL_MAX_KPIS) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, count < 2
                         ? "cifra chiave non valida: scrivere «- Etichetta | FORMULA | filtro | "
                           "FORMULA dell'anno precedente»"
                         : "troppe cifre chiave (al massimo 24)");
        return;
    }
    const char *filter = count > 2 && parts[2][0] ? parts[2] : NULL;
    rel_origin filter_at = at_offset(node->at, node->text, count > 2 ? offsets[2] : 0);
    e->omitting = rel_arena_printf(e->arena, "la cifra chiave «%s»", parts[0]);
    const char *value = rel_engine_format(e, parts[1], at_offset(node->at, node->text, offsets[1]),
                                          filter, filter_at);
    const char *change = "";
    if (e->missing || e->omitting == NULL) {
        /* the tile is left out: its data is absent (said), or memory ran out */
        e->missing = false;
        if (e->omitting == NULL)
            rel_engine_oom(e, node->at);
        return;
    }
    if (value != NULL && count > 3 && parts[3][0]) {
        e->omitting = rel_arena_printf(e->arena, "il confronto con l'esercizio precedente "
                                       "della cifra chiave «%s»", parts[0]);
        /* from nothing, a change has no per cent: "n.d.", never "+0,0%" */
        rel_origin before_at = at_offset(node->at, node->text, offsets[3]);
        rel_rational before;
        const char *formula = rel_arena_printf(e->arena, "((%s) - (%s)) / ABS(%s) * 100",
                                               parts[1], parts[3], parts[3]);
        if (!rel_engine_eval(e, parts[3], before_at, &before) || formula == NULL)
            change = NULL;   /* said, or absent (e->missing) */
        else if (before.num == 0)
            change = "n.d.";
        else
            change = rel_engine_format(e, formula, before_at, "var_perc", filter_at);
        change = change ? rel_arena_printf(e->arena, "%s sul %d", change,
                                           e->ctx->model->entity.year - 1) : NULL;
        if (e->missing)
            change = "";
        else if (change == NULL && e->ok)
            rel_engine_oom(e, node->at);
        e->missing = false;
    }
    if (value != NULL && change != NULL)
        e->kpis[e->kpi_count++] = (rel_doc_kpi){parts[0], value, change};
}

void rel_engine_kpis(engine *e, const tpl_node *node)
{
    if (e->kpis != NULL) {
        rel_engine_error(e, REL_T_BLOCK, node->at, "cifre_chiave dentro cifre_chiave");
        return;
    }
    rel_doc_kpi *tiles = rel_arena_array(e->arena, REL_TPL_MAX_KPIS, sizeof *tiles);
    if (tiles == NULL) {
        rel_engine_oom(e, node->at);
        return;
    }
    e->kpis = tiles;
    e->kpi_count = 0;
    rel_engine_run(e, node->body);
    size_t count = e->kpi_count;
    e->kpis = NULL;
    if (count > 0)
        rel_engine_emitted(e, rel_doc_kpis(e->doc, tiles, count), node->at);
}
