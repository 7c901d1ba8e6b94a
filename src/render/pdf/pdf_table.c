#include "render/pdf/pdf_table.h"

#include <string.h>

#define CELL_SIZE 8.5
#define CELL_LEADING 10.5
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5
#define CAPTION_SIZE 9.5

/* A row ready to draw: every cell encoded and wrapped to its column. */
typedef struct laid_row {
    rel_row_style style;
    rel_pdf_line **lines;     /* per column */
    size_t *line_counts;
    double height;
} laid_row;

typedef struct table_geometry {
    const rel_doc_table *table;
    double x[32];             /* left edge of each column */
    double width[32];
} table_geometry;

/* Widest text of column `c` (header included), in the fonts its rows use. */
static double widest(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t c)
{
    const char *header = rel_pdf_text(ctx, table->header[c]);
    double most = header ? rel_pdf_width(ctx->fonts.sans_bold, CELL_SIZE, header,
                                         strlen(header)) : 0.0;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        if (row->style == REL_STYLE_GROUP || row->style == REL_STYLE_NOTE)
            continue;
        const char *text = rel_pdf_text(ctx, row->cells[c]);
        HPDF_Font font = row->style == REL_STYLE_NORMAL ? ctx->fonts.sans : ctx->fonts.sans_bold;
        double width = text ? rel_pdf_width(font, CELL_SIZE, text, strlen(text)) : 0.0;
        if (width > most)
            most = width;
    }
    return most;
}

/* A column of single words (file positions, codes) is better fitted than
 * broken inside a word. */
static bool single_words(const rel_doc_table *table, size_t c)
{
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        if (row->style != REL_STYLE_GROUP && row->style != REL_STYLE_NOTE
            && strchr(row->cells[c], ' ') != NULL)
            return false;
    }
    return true;
}

/* Numbers never wrap: a right-aligned column, or one of single words, is
 * as wide as its widest cell; the text columns share what is left by their
 * relative widths. */
static void compute_geometry(rel_pdf_ctx *ctx, const rel_doc_table *table, table_geometry *g)
{
    double fixed = 0.0, weights = 0.0;
    for (size_t c = 0; c < table->columns; c++) {
        if (table->align[c] == REL_ALIGN_RIGHT || single_words(table, c)) {
            g->width[c] = widest(ctx, table, c) + 2 * CELL_PAD_X + 1.0;
            fixed += g->width[c];
        } else {
            weights += table->widths[c];
        }
    }
    double left = REL_PDF_TEXT_WIDTH - fixed;
    double x = REL_PDF_MARGIN_X;
    for (size_t c = 0; c < table->columns; c++) {
        if (table->align[c] != REL_ALIGN_RIGHT && !single_words(table, c))
            g->width[c] = weights > 0 ? left * table->widths[c] / weights : 0.0;
        g->x[c] = x;
        x += g->width[c];
    }
    g->table = table;
}

static HPDF_Font row_font(const rel_pdf_ctx *ctx, rel_row_style style, bool header)
{
    if (style == REL_STYLE_NOTE)
        return ctx->fonts.sans_italic;
    return header || style != REL_STYLE_NORMAL ? ctx->fonts.sans_bold : ctx->fonts.sans;
}

/* GROUP and NOTE rows span the table: one cell, the full width. */
static bool spans(rel_row_style style)
{
    return style == REL_STYLE_GROUP || style == REL_STYLE_NOTE;
}

/* Encodes and wraps one row. A GROUP row spans the whole table. */
static bool lay_out_row(rel_pdf_ctx *ctx, const table_geometry *g, const char **cells,
                        rel_row_style style, bool header, laid_row *row)
{
    size_t columns = g->table->columns;
    row->style = style;
    row->lines = rel_arena_array(ctx->arena, columns, sizeof *row->lines);
    row->line_counts = rel_arena_array(ctx->arena, columns, sizeof *row->line_counts);
    if (row->lines == NULL || row->line_counts == NULL)
        return false;
    size_t most = 1;
    for (size_t c = 0; c < columns; c++) {
        if (spans(style) && c > 0)
            break;
        double width = spans(style) ? REL_PDF_TEXT_WIDTH - g->width[0] * 0.15 : g->width[c];
        const char *text = rel_pdf_text(ctx, cells[c]);
        size_t count = text ? rel_pdf_wrap(ctx, row_font(ctx, style, header), CELL_SIZE, text,
                                           width - 2 * CELL_PAD_X, &row->lines[c]) : 0;
        if (count == 0)
            return false;
        row->line_counts[c] = count;
        if (count > most)
            most = count;
    }
    row->height = most * CELL_LEADING + 2 * CELL_PAD_Y;
    return true;
}

static void fill_band(rel_pdf_ctx *ctx, double top, double height, double gray_r,
                      double gray_g, double gray_b)
{
    HPDF_Page_SetRGBFill(ctx->page, gray_r, gray_g, gray_b);
    HPDF_Page_Rectangle(ctx->page, REL_PDF_MARGIN_X, top - height, REL_PDF_TEXT_WIDTH, height);
    HPDF_Page_Fill(ctx->page);
    HPDF_Page_SetRGBFill(ctx->page, 0.0, 0.0, 0.0);
}

static void rule(rel_pdf_ctx *ctx, double y, double width)
{
    HPDF_Page_SetLineWidth(ctx->page, width);
    HPDF_Page_MoveTo(ctx->page, REL_PDF_MARGIN_X, y);
    HPDF_Page_LineTo(ctx->page, REL_PDF_MARGIN_X + REL_PDF_TEXT_WIDTH, y);
    HPDF_Page_Stroke(ctx->page);
}

static void draw_row(rel_pdf_ctx *ctx, const table_geometry *g, const laid_row *row,
                     bool header)
{
    double top = ctx->y;
    if (header)
        fill_band(ctx, top, row->height, 0.85, 0.89, 0.94);
    else if (row->style == REL_STYLE_GROUP)
        fill_band(ctx, top, row->height, 0.94, 0.95, 0.96);
    if (row->style == REL_STYLE_TOTAL)
        rule(ctx, top, 0.8);
    HPDF_Font font = row_font(ctx, row->style, header);
    for (size_t c = 0; c < g->table->columns; c++) {
        if (spans(row->style) && c > 0)
            break;
        bool right = g->table->align[c] == REL_ALIGN_RIGHT && !spans(row->style);
        double baseline = top - CELL_PAD_Y - CELL_SIZE;
        for (size_t i = 0; i < row->line_counts[c]; i++, baseline -= CELL_LEADING) {
            const rel_pdf_line *line = &row->lines[c][i];
            double indent = row->style == REL_STYLE_NOTE ? g->width[0] * 0.15 : 0.0;
            double x = right ? g->x[c] + g->width[c] - CELL_PAD_X - line->width
                             : g->x[c] + CELL_PAD_X + indent;
            rel_pdf_draw_line(ctx, font, CELL_SIZE, x, baseline, line, 0.0);
        }
    }
    ctx->y -= row->height;
    if (row->style == REL_STYLE_TOTAL)
        rule(ctx, ctx->y, 0.8);
    else if (header)
        rule(ctx, ctx->y, 0.6);
}

static bool draw_caption(rel_pdf_ctx *ctx, const char *caption, double first_rows)
{
    const char *text = rel_pdf_text(ctx, caption);
    if (text == NULL || !rel_pdf_ensure(ctx, 20.0 + first_rows))
        return false;
    ctx->y -= 16.0;
    rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, CAPTION_SIZE, REL_PDF_MARGIN_X, ctx->y, text);
    ctx->y -= 6.0;
    return true;
}

bool rel_pdf_table(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    if (table->columns == 0 || table->columns > 32)
        return false;
    table_geometry g;
    compute_geometry(ctx, table, &g);
    laid_row header;
    if (!lay_out_row(ctx, &g, table->header, REL_STYLE_NORMAL, true, &header))
        return false;
    if (!draw_caption(ctx, table->caption, header.height * 3))
        return false;
    draw_row(ctx, &g, &header, true);
    for (size_t r = 0; r < table->row_count; r++) {
        laid_row row;
        if (!lay_out_row(ctx, &g, table->rows[r].cells, table->rows[r].style, false, &row))
            return false;
        /* A group row never ends a page: it needs one row after it. */
        double needed = row.height + (row.style == REL_STYLE_GROUP ? header.height : 0.0);
        if (ctx->y - needed < REL_PDF_BOTTOM) {
            if (!rel_pdf_new_page(ctx))
                return false;
            draw_row(ctx, &g, &header, true);
        }
        draw_row(ctx, &g, &row, false);
    }
    HPDF_Page_SetLineWidth(ctx->page, 0.4);
    rule(ctx, ctx->y, 0.4);
    ctx->y -= 10.0;
    return true;
}
