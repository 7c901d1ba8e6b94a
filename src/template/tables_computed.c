/* Tables of figures the compiler computes: variances, objectives summary,
 * the user's indicators. */
#include <string.h>

#include "compute/objectives.h"
#include "compute/variance.h"
#include "core/codes.h"
#include "core/number.h"
#include "template/tables.h"

static const char *variance_header[] = {"Area / azione", "Preventivo", "Consuntivo",
                                         "Scostamento", "Scost. %", "Esecuzione"};
static const rel_align variance_align[] = {REL_ALIGN_LEFT, REL_ALIGN_RIGHT, REL_ALIGN_RIGHT,
                                           REL_ALIGN_RIGHT, REL_ALIGN_RIGHT, REL_ALIGN_RIGHT};
static const double variance_widths[] = {4, 1, 1, 1, 1, 1};

static bool variance_row(engine *e, rel_doc_table *table, const rel_variance *v, int deepest)
{
    const char **cells = rel_engine_cells(e, 6);
    if (cells == NULL)
        return false;
    cells[0] = v->name;
    cells[1] = rel_money_text(e->arena, v->preventivo, 0);
    cells[2] = rel_money_text(e->arena, v->consuntivo, 0);
    cells[3] = rel_money_text(e->arena, v->difference, REL_FMT_PLUS);
    cells[4] = rel_percent_text(e->arena, v->percent_defined, v->percent, REL_FMT_PLUS);
    cells[5] = rel_percent_text(e->arena, v->percent_defined, v->execution, 0);
    /* the deepest groups as lines; the area and any level between in bold */
    rel_row_style style = v->level == REL_LEVEL_AZIONE && v->depth == deepest ? REL_STYLE_NORMAL
                                                                              : REL_STYLE_TOTAL;
    return rel_doc_table_row(e->doc, table, style, cells);
}

/* Areas (bold) each followed by its azioni, then the total. */
static void variance_table(engine *e, const tpl_node *node)
{
    rel_variances list;
    if (!rel_variances_compute(e->ctx->model, e->arena, &list)) {
        const rel_dataset *schede = rel_model_dataset(e->ctx->model, "schede");
        rel_engine_error(e, REL_E_FORMULA_OVERFLOW, (rel_origin){schede ? schede->path : NULL,
                         0, 0}, "scostamenti non calcolabili: "
                         "somme delle schede oltre il limite degli importi, o memoria esaurita");
        return;
    }
    if (list.count == 0)
        return;
    const char *caption = rel_engine_option(e, node, "titolo");
    rel_doc_table *table = rel_doc_table_add(
        e->doc, caption ? caption : "Scostamenti tra preventivo e consuntivo", 6,
        variance_header, variance_align, variance_widths);
    bool ok = table != NULL;
    int deepest = 1;
    for (size_t i = 0; i < list.count; i++)
        if (list.items[i].level != REL_LEVEL_VOCE && list.items[i].depth > deepest)
            deepest = list.items[i].depth;
    /* the list has each area after the groups below it, then the total */
    for (size_t i = 0; ok && i < list.count; i++)
        if (list.items[i].level != REL_LEVEL_VOCE)
            ok = variance_row(e, table, &list.items[i], deepest);
    e->ok = e->ok && ok;
    e->blocks++;
}

static const char *objective_header[] = {"Area", "Obiettivi", "Raggiunti", "Non raggiunti",
                                          "In corso"};
static const rel_align objective_align[] = {REL_ALIGN_LEFT, REL_ALIGN_RIGHT, REL_ALIGN_RIGHT,
                                            REL_ALIGN_RIGHT, REL_ALIGN_RIGHT};
static const double objective_widths[] = {4, 1, 1, 1, 1};

static void objectives_table(engine *e, const tpl_node *node)
{
    rel_objectives summary;
    if (!rel_objectives_compute(e->ctx->model, e->arena, &summary)) {
        rel_engine_oom(e, node->at);
        return;
    }
    if (summary.count == 0)
        return;
    const char *caption = rel_engine_option(e, node, "titolo");
    rel_doc_table *table = rel_doc_table_add(e->doc, caption ? caption : "Riepilogo degli "
                                             "obiettivi", 5, objective_header, objective_align,
                                             objective_widths);
    bool ok = table != NULL;
    char buffer[REL_NUMBER_FORMAT_MAX];
    for (size_t i = 0; ok && i < summary.count; i++) {
        const rel_objective_summary *s = &summary.items[i];
        const char **cells = rel_engine_cells(e, 5);
        ok = cells != NULL;
        if (!ok)
            break;
        cells[0] = s->area[0] ? s->area : "TOTALE";
        cells[1] = rel_arena_strdup(e->arena, rel_number_format(s->count, 0, 0, 0, buffer));
        for (int k = 0; k < 3; k++)
            cells[2 + k] = rel_percent_text(e->arena, true, s->share[k], 0);
        ok = rel_doc_table_row(e->doc, table, s->area[0] ? REL_STYLE_NORMAL : REL_STYLE_TOTAL,
                               cells);
    }
    e->ok = e->ok && ok;
    e->blocks++;
}

static const char *indicator_header[] = {"Indicatore", "Valore"};
static const rel_align indicator_align[] = {REL_ALIGN_LEFT, REL_ALIGN_RIGHT};
static const double indicator_widths[] = {5, 1};

/* "€ 23,96", "10,25%", "412": by the indicator's unit and decimals. */
static const char *indicator_text(engine *e, const rel_indicator *indicator)
{
    char buffer[REL_NUMBER_FORMAT_MAX];
    unsigned flags = strcmp(indicator->unit, "€") == 0   ? REL_FMT_EURO
                     : strcmp(indicator->unit, "%") == 0 ? REL_FMT_PERCENT : 0;
    if (!indicator->ok)
        return "n.d.";
    return rel_arena_strdup(e->arena, rel_number_format(indicator->rounded, indicator->decimals,
                                                        indicator->decimals, flags, buffer));
}

static void indicators_table(engine *e, const tpl_node *node)
{
    const rel_indicators *list = e->ctx->indicators;
    if (list->count == 0)
        return;
    const char *caption = rel_engine_option(e, node, "titolo");
    rel_doc_table *table = rel_doc_table_add(e->doc, caption ? caption : "Indicatori calcolati",
                                             2, indicator_header, indicator_align,
                                             indicator_widths);
    bool ok = table != NULL;
    for (size_t i = 0; ok && i < list->count; i++) {
        const char **cells = rel_engine_cells(e, 2);
        ok = cells != NULL;
        if (ok) {
            const rel_indicator *indicator = &list->items[i];
            cells[0] = indicator->description[0] ? indicator->description : indicator->name;
            cells[1] = indicator_text(e, indicator);
            ok = rel_doc_table_row(e->doc, table, REL_STYLE_NORMAL, cells);
        }
    }
    e->ok = e->ok && ok;
    e->blocks++;
}

bool rel_engine_computed_table(engine *e, const tpl_node *node, const char *name)
{
    if (strcmp(name, "scostamenti") == 0)
        variance_table(e, node);
    else if (strcmp(name, "obiettivi_riepilogo") == 0)
        objectives_table(e, node);
    else if (strcmp(name, "indicatori_valori") == 0)
        indicators_table(e, node);
    else
        return false;
    return true;
}
