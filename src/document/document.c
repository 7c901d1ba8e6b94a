#include "document/document.h"

#include <string.h>

void rel_doc_init(rel_document *doc, rel_arena *arena)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = arena;
}

static rel_block *append_block(rel_document *doc, rel_block_kind kind)
{
    rel_block *block = rel_arena_alloc(doc->arena, sizeof *block);
    if (block == NULL)
        return NULL;
    block->kind = kind;
    if (doc->last)
        doc->last->next = block;
    else
        doc->first = block;
    doc->last = block;
    return block;
}

bool rel_doc_heading(rel_document *doc, int level, const char *text)
{
    rel_block *block = append_block(doc, REL_BLOCK_HEADING);
    if (block == NULL)
        return false;
    block->level = level;
    block->text = text;
    return true;
}

bool rel_doc_paragraph(rel_document *doc, const char *text)
{
    rel_block *block = append_block(doc, REL_BLOCK_PARAGRAPH);
    if (block == NULL)
        return false;
    block->text = text;
    return true;
}

rel_doc_table *rel_doc_table_add(rel_document *doc, const char *caption, size_t columns,
                                 const char **header, const rel_align *align,
                                 const double *widths)
{
    rel_doc_table *table = rel_arena_alloc(doc->arena, sizeof *table);
    rel_block *block = table ? append_block(doc, REL_BLOCK_TABLE) : NULL;
    if (block == NULL)
        return NULL;
    *table = (rel_doc_table){.caption = caption, .columns = columns, .header = header,
                             .align = align, .widths = widths};
    block->table = table;
    return table;
}

bool rel_doc_table_row(rel_document *doc, rel_doc_table *table, rel_row_style style,
                       const char **cells)
{
    if (table->row_count == table->row_capacity) {
        size_t capacity = table->row_capacity ? table->row_capacity * 2 : 32;
        rel_doc_row *rows = rel_arena_array(doc->arena, capacity, sizeof *rows);
        if (rows == NULL)
            return false;
        if (table->row_count)
            memcpy(rows, table->rows, table->row_count * sizeof *rows);
        table->rows = rows;
        table->row_capacity = capacity;
    }
    table->rows[table->row_count++] = (rel_doc_row){style, cells, false};
    return true;
}

void rel_doc_table_highlight(rel_doc_table *table)
{
    if (table->row_count > 0)
        table->rows[table->row_count - 1].highlight = true;
}

bool rel_doc_chart_add(rel_document *doc, const rel_doc_chart *chart)
{
    rel_block *block = append_block(doc, REL_BLOCK_CHART);
    if (block == NULL)
        return false;
    block->chart = chart;
    return true;
}

bool rel_doc_block(rel_document *doc, rel_block_kind kind, const char *text)
{
    rel_block *block = append_block(doc, kind);
    if (block == NULL)
        return false;
    block->text = text;
    return true;
}

bool rel_doc_kpis(rel_document *doc, const rel_doc_kpi *kpis, size_t count)
{
    rel_block *block = append_block(doc, REL_BLOCK_KPIS);
    if (block == NULL)
        return false;
    block->kpis = kpis;
    block->kpi_count = count;
    return true;
}
