/*
 * pdf_table_layout.h - a document table measured and wrapped, before any
 * of it is drawn: column widths, and every row broken into lines. Shared by
 * pdf_table_layout.c and pdf_table.c only.
 */
#ifndef REL_PDF_TABLE_LAYOUT_H
#define REL_PDF_TABLE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

#define REL_TABLE_CELL_PAD_X 4.0
#define REL_TABLE_CELL_PAD_Y 3.5

/* A row ready to draw: every cell wrapped to its column. */
typedef struct rel_laid_row {
    rel_row_style style;
    bool highlight;           /* on a tinted band (document.h) */
    rel_pdf_line **lines;     /* per column; GROUP and NOTE rows have only [0] */
    size_t *line_counts;
    size_t most;              /* lines of its tallest cell */
    double height;
} rel_laid_row;

typedef struct rel_table_geometry {
    double *x;                /* left edge of each column (arena) */
    double *width;
    double total;             /* the table's width: the text width of its pages */
    double size, leading;     /* of the cells' text */
    bool landscape;
} rel_table_geometry;

/* A table laid out: its geometry, header and rows. */
typedef struct rel_laid_table {
    const rel_doc_table *table;
    rel_table_geometry g;
    rel_laid_row header;
    rel_laid_row *rows;       /* table->row_count */
} rel_laid_table;

/* Lays `table` out where it goes: portrait, portrait a little smaller, or
 * landscape, every row wrapped; *fits says whether its columns fit. When
 * not even a landscape page holds them, it is laid out on a landscape page
 * all the same if `force`, and otherwise false is returned (so is false
 * when out of memory, with *fits true). */
bool rel_table_lay_out(rel_pdf_ctx *ctx, const rel_doc_table *table, bool force,
                       rel_laid_table *out, bool *fits);

/* Columns [first, first + count) of `table`, after its first column (the
 * row's name), as a table of their own. NULL when out of memory. */
rel_doc_table *rel_table_columns(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t first,
                                 size_t count);

/* Whether a row of `style` is one cell spanning the table. */
bool rel_table_spans(rel_row_style style);

/* The font of a row of `style` (the header's when `header`). */
rel_pdf_font rel_table_font(const rel_pdf_ctx *ctx, rel_row_style style, bool header);

#endif
