#include "template/prospetto.h"

#include <string.h>

#include "core/number.h"

static const char *figure_text(rel_arena *arena, const rel_finding *f, int64_t value)
{
    if (!f->numeric)
        return "-";
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(arena, rel_number_format(value, f->scale, f->scale,
                                                     f->money ? REL_FMT_EURO : 0, buffer));
}

static const char *header[] = {"Verifica", "Fonte", "Dichiarato", "Atteso", "Differenza", "Esito"};
static const rel_align align[] = {REL_ALIGN_LEFT, REL_ALIGN_LEFT, REL_ALIGN_RIGHT,
                                  REL_ALIGN_RIGHT, REL_ALIGN_RIGHT, REL_ALIGN_LEFT};
static const double widths[] = {4.0, 1.9, 1.0, 1.0, 1.0, 1.3};

static bool check_row(rel_document *doc, rel_doc_table *table, const rel_finding *f)
{
    rel_arena *arena = doc->arena;
    const char **cells = rel_arena_array(arena, 6, sizeof *cells);
    if (cells == NULL)
        return false;
    cells[0] = f->check;
    cells[1] = rel_figure_place(arena, &f->declared);
    cells[2] = figure_text(arena, f, f->declared.value);
    cells[3] = figure_text(arena, f, f->expected.value);
    cells[4] = f->numeric && f->status != REL_CHECK_MATCH ? figure_text(arena, f, f->difference)
                                                          : "-";
    cells[5] = rel_check_status_text(f->status);
    for (size_t i = 0; i < 6; i++)
        if (cells[i] == NULL)
            return false;
    bool failed = f->status == REL_CHECK_ERROR;
    if (!rel_doc_table_row(doc, table, failed ? REL_STYLE_TOTAL : REL_STYLE_NORMAL, cells))
        return false;
    if (failed)
        rel_doc_table_highlight(table);
    return true;
}

bool rel_report_checks(rel_document *doc, const rel_findings *findings, const char *heading)
{
    const char *summary = rel_arena_printf(
        doc->arena,
        "Il compilatore ha ricalcolato ogni totale e confrontato ogni grandezza che compare in "
        "più tabelle: %zu verifiche, di cui %zu con differenze di solo arrotondamento e %zu "
        "da correggere. Per ciascuna sono indicati il dato dichiarato (con il file, la riga e "
        "la colonna da cui proviene), il valore atteso e la differenza.",
        findings->count, findings->roundings, findings->errors);
    rel_doc_table *table = summary && rel_doc_heading(doc, 1, heading)
                                   && rel_doc_paragraph(doc, summary)
                               ? rel_doc_table_add(doc, "Prospetto delle verifiche", 6, header,
                                                   align, widths)
                               : NULL;
    if (table == NULL)
        return false;
    /* what the reader must act on first: errors, then rounding, then the rest */
    static const rel_check_status order[] = {REL_CHECK_ERROR, REL_CHECK_ROUNDING, REL_CHECK_MATCH};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
        for (size_t i = 0; i < findings->count; i++)
            if (findings->items[i].status == order[k] && !check_row(doc, table,
                                                                    &findings->items[i]))
                return false;
    return true;
}
