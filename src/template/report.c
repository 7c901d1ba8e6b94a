#include "template/report.h"

#include <string.h>

#include "compute/totals.h"
#include "core/number.h"
#include "template/prospetto.h"

/* The two sums of the schedules, recomputed from their lines. */
typedef struct rel_pair {
    int64_t preventivo;
    int64_t consuntivo;
} rel_pair;

static const char *euro(rel_arena *arena, int64_t cents)
{
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(arena, rel_number_format(cents, 2, 2,
                                                     REL_FMT_EURO | REL_FMT_DASH_ZERO, buffer));
}

bool rel_report_paragraphs(rel_document *doc, const char *text)
{
    const char *cursor = text;
    while (*cursor) {
        while (*cursor == '\n' || *cursor == '\r' || *cursor == ' ')
            cursor++;
        if (*cursor == '\0')
            break;
        const char *end = strstr(cursor, "\n\n");
        const char *crlf = strstr(cursor, "\r\n\r\n");
        if (crlf && (!end || crlf < end))
            end = crlf;
        size_t len = end ? (size_t)(end - cursor) : strlen(cursor);
        char *paragraph = rel_arena_strndup(doc->arena, cursor, len);
        if (paragraph == NULL)
            return false;
        for (char *p = paragraph; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        if (!rel_doc_paragraph(doc, paragraph))
            return false;
        cursor += len;
    }
    return true;
}

static const char *schedule_header[] = {"Voce", "Descrizione", "Preventivo", "Consuntivo"};
static const rel_align schedule_align[] = {REL_ALIGN_LEFT, REL_ALIGN_LEFT, REL_ALIGN_RIGHT,
                                           REL_ALIGN_RIGHT};
static const double schedule_widths[] = {4.2, 3.0, 1.9, 1.9};

static bool group_row(rel_document *doc, rel_doc_table *table, const char *text)
{
    const char **cells = rel_arena_array(doc->arena, 4, sizeof *cells);
    if (cells == NULL)
        return false;
    cells[0] = text;
    cells[1] = cells[2] = cells[3] = "";
    return rel_doc_table_row(doc, table, REL_STYLE_GROUP, cells);
}

/* The motivazione of a variance, under its line. */
static bool note_row(rel_document *doc, rel_doc_table *table, const char *text)
{
    const char **cells = rel_arena_array(doc->arena, 4, sizeof *cells);
    const char *note = rel_arena_printf(doc->arena, "Motivazione: %s", text);
    if (cells == NULL || note == NULL)
        return false;
    cells[0] = note;
    cells[1] = cells[2] = cells[3] = "";
    return rel_doc_table_row(doc, table, REL_STYLE_NOTE, cells);
}

static bool line_row(rel_document *doc, rel_doc_table *table, const rel_schedule *s,
                     const rel_row *line)
{
    const char **cells = rel_arena_array(doc->arena, 4, sizeof *cells);
    if (cells == NULL)
        return false;
    cells[0] = rel_row_text(line, s->voce);
    cells[1] = rel_row_text(line, s->descrizione);
    cells[2] = euro(doc->arena, line->values[s->preventivo].number);
    cells[3] = euro(doc->arena, line->values[s->consuntivo].number);
    rel_row_style style = line->kind == REL_ROW_ITEM ? REL_STYLE_NORMAL : REL_STYLE_TOTAL;
    return cells[2] && cells[3] && rel_doc_table_row(doc, table, style, cells);
}

/* One table for the whole schedule: a group row whenever the area or the
 * azione changes, then the lines, then the total recomputed from them. */
static bool schedule_table(const rel_model *model, rel_document *doc, const rel_schedule *s,
                           const rel_pair *sum)
{
    const char *caption = rel_arena_printf(doc->arena, "Schede preventivo/consuntivo %d",
                                           model->entity.year);
    rel_doc_table *table = caption ? rel_doc_table_add(doc, caption, 4, schedule_header,
                                                       schedule_align, schedule_widths)
                                   : NULL;
    if (table == NULL)
        return false;
    const char *area = NULL, *azione = NULL;
    for (size_t i = 0; i < s->data->row_count; i++) {
        const rel_row *line = &s->data->rows[i];
        const char *line_area = rel_row_text(line, s->area);
        const char *line_azione = rel_row_text(line, s->azione);
        if (area == NULL || strcmp(area, line_area) != 0) {
            area = line_area;
            azione = NULL;
            if (!group_row(doc, table, area))
                return false;
        }
        if (line_azione[0] && (azione == NULL || strcmp(azione, line_azione) != 0)) {
            azione = line_azione;
            if (!group_row(doc, table, azione))
                return false;
        }
        if (!line_row(doc, table, s, line))
            return false;
        const char *words = rel_row_text(line, s->motivazione);
        if (words[0] && !note_row(doc, table, words))
            return false;
    }
    const char **total = rel_arena_array(doc->arena, 4, sizeof *total);
    if (total == NULL)
        return false;
    total[0] = "TOTALE COMPLESSIVO";
    total[1] = "";
    total[2] = euro(doc->arena, sum->preventivo);
    total[3] = euro(doc->arena, sum->consuntivo);
    return rel_doc_table_row(doc, table, REL_STYLE_TOTAL, total);
}

static bool cover(const rel_model *model, rel_document *doc)
{
    const rel_entity *entity = &model->entity;
    doc->title = "Relazione sulla gestione";
    doc->subtitle = rel_arena_printf(doc->arena, "Esercizio %d", entity->year);
    doc->entity = entity->name.text;
    doc->author = entity->name.text;
    doc->draft = entity->draft;
    const char *detail = entity->legal_form.text;
    if (entity->seat.text[0])
        detail = rel_arena_printf(doc->arena, "%s – %s", detail, entity->seat.text);
    if (detail && entity->tax_code.text[0])
        detail = rel_arena_printf(doc->arena, "%s – C.F. %s", detail, entity->tax_code.text);
    doc->entity_detail = detail;
    return doc->subtitle != NULL && detail != NULL;
}

static bool schedule_chapter(const rel_model *model, rel_document *doc)
{
    rel_schedule s;
    rel_pair sum;
    if (!rel_schedule_get(model, &s) || !rel_dataset_sum(s.data, s.preventivo, &sum.preventivo)
        || !rel_dataset_sum(s.data, s.consuntivo, &sum.consuntivo))
        return false;
    char difference[REL_NUMBER_FORMAT_MAX];
    rel_number_format(sum.consuntivo - sum.preventivo, 2, 2, REL_FMT_EURO | REL_FMT_PLUS,
                      difference);
    const char *summary = rel_arena_printf(
        doc->arena,
        "Le schede che seguono confrontano, voce per voce, il preventivo approvato per "
        "l'esercizio %d con il consuntivo. Le uscite a consuntivo ammontano a %s, a fronte "
        "di %s previsti, con uno scostamento complessivo di %s.",
        model->entity.year, euro(doc->arena, sum.consuntivo), euro(doc->arena, sum.preventivo),
        difference);
    return summary && rel_doc_heading(doc, 1, "2. Schede preventivo/consuntivo")
           && rel_doc_paragraph(doc, summary) && schedule_table(model, doc, &s, &sum);
}

bool rel_report_build(const rel_model *model, const rel_findings *findings, rel_document *doc)
{
    if (!cover(model, doc))
        return false;
    if (!rel_doc_heading(doc, 1, "1. Premessa"))
        return false;
    const rel_narrative *premessa = rel_model_narrative(model, "premessa");
    if (premessa && !rel_report_paragraphs(doc, premessa->text))
        return false;
    return schedule_chapter(model, doc)
           && rel_report_checks(doc, findings, "Appendice – Prospetto delle verifiche");
}
