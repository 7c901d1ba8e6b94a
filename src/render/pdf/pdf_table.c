#include "render/pdf/pdf_table.h"

#include <string.h>

#define CELL_SIZE 8.5
#define CELL_LEADING 10.5
/* A short table a little too wide for a portrait page is set smaller
 * rather than turned: a landscape page for a few rows breaks the reading
 * more than 7.5 points do. A long table gets its landscape pages. */
#define COMPACT_SIZE 7.5
#define COMPACT_LEADING 9.5
#define COMPACT_MAX_ROWS 12
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5
#define CAPTION_SIZE 9.5

/* A row ready to draw: every cell encoded and wrapped to its column. */
typedef struct laid_row {
    rel_row_style style;
    bool highlight;           /* on a tinted band (document.h) */
    rel_pdf_line **lines;     /* per column */
    size_t *line_counts;
    double height;
} laid_row;

typedef struct table_geometry {
    const rel_doc_table *table;
    double *x;                /* left edge of each column (arena) */
    double *width;
    double total;             /* the table's width: the text width of its pages */
    double size, leading;     /* of the cells' text */
    bool landscape;
} table_geometry;

/* Widest cell of column `c` in the fonts its rows use; the header counts
 * only by its longest word, since a header may wrap. */
static double widest(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t c, double size)
{
    const char *header = rel_pdf_text(ctx, table->header[c]);
    double most = 0.0;
    for (const char *word = header; word && *word;) {
        size_t len = strcspn(word, " ");
        double width = rel_pdf_width(ctx->fonts.sans_bold, size, word, len);
        most = width > most ? width : most;
        word += len + (word[len] == ' ');
    }
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        if (row->style == REL_STYLE_GROUP || row->style == REL_STYLE_NOTE)
            continue;
        const char *text = rel_pdf_text(ctx, row->cells[c]);
        rel_pdf_font font = row->style == REL_STYLE_NORMAL ? ctx->fonts.sans : ctx->fonts.sans_bold;
        double width = text ? rel_pdf_width(font, size, text, strlen(text)) : 0.0;
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

/* Longest single word of a text column: narrower, it would break words. */
static double longest_word(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t c,
                           double size)
{
    double most = 0.0;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        const char *text = row->style == REL_STYLE_GROUP || row->style == REL_STYLE_NOTE
                               ? NULL : rel_pdf_text(ctx, row->cells[c]);
        for (const char *word = text; word && *word;) {
            size_t len = strcspn(word, " ");
            double width = rel_pdf_width(ctx->fonts.sans, size, word, len);
            most = width > most ? width : most;
            word += len + (word[len] == ' ');
        }
    }
    return most + 2 * CELL_PAD_X;
}

/* Numbers never wrap: a right-aligned column, or one of single words, is
 * as wide as its widest cell; the text columns share what is left by their
 * relative widths. Returns false when even so the table is wider than
 * `width` (it then wants a landscape page). */
static bool compute_geometry(rel_pdf_ctx *ctx, const rel_doc_table *table, double width,
                             double size, table_geometry *g)
{
    double fixed = 0.0, weights = 0.0, words = 0.0;
    bool *fits = rel_arena_array(ctx->arena, table->columns, sizeof *fits);
    g->x = rel_arena_array(ctx->arena, table->columns, sizeof *g->x);
    g->width = rel_arena_array(ctx->arena, table->columns, sizeof *g->width);
    if (fits == NULL || g->x == NULL || g->width == NULL)
        return false;
    for (size_t c = 0; c < table->columns; c++) {
        fits[c] = table->align[c] == REL_ALIGN_RIGHT || single_words(table, c);
        if (fits[c]) {
            g->width[c] = widest(ctx, table, c, size) + 2 * CELL_PAD_X + 1.0;
            fixed += g->width[c];
        } else {
            weights += table->widths[c];
            words += longest_word(ctx, table, c, size);
        }
    }
    double left = width - fixed;
    double x = REL_PDF_MARGIN_X;
    for (size_t c = 0; c < table->columns; c++) {
        if (!fits[c])
            g->width[c] = weights > 0 ? left * table->widths[c] / weights : 0.0;
        g->x[c] = x;
        x += g->width[c];
    }
    g->table = table;
    g->total = width;
    g->size = size;
    g->leading = size == COMPACT_SIZE ? COMPACT_LEADING : CELL_LEADING;
    return fixed + words <= width;
}

static rel_pdf_font row_font(const rel_pdf_ctx *ctx, rel_row_style style, bool header)
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
    row->highlight = false;
    row->lines = rel_arena_array(ctx->arena, columns, sizeof *row->lines);
    row->line_counts = rel_arena_array(ctx->arena, columns, sizeof *row->line_counts);
    if (row->lines == NULL || row->line_counts == NULL)
        return false;
    size_t most = 1;
    for (size_t c = 0; c < columns; c++) {
        if (spans(style) && c > 0)
            break;
        double width = spans(style) ? g->total - g->width[0] * 0.15 : g->width[c];
        const char *text = rel_pdf_text(ctx, cells[c]);
        size_t count = text ? rel_pdf_wrap(ctx, row_font(ctx, style, header), g->size, text,
                                           width - 2 * CELL_PAD_X, &row->lines[c]) : 0;
        if (count == 0)
            return false;
        row->line_counts[c] = count;
        if (count > most)
            most = count;
    }
    row->height = most * g->leading + 2 * CELL_PAD_Y;
    return true;
}

static void fill_band(rel_pdf_ctx *ctx, double top, double height, double gray_r,
                      double gray_g, double gray_b)
{
    HPDF_Page_SetRGBFill(ctx->page, gray_r, gray_g, gray_b);
    HPDF_Page_Rectangle(ctx->page, REL_PDF_MARGIN_X, top - height, ctx->width, height);
    HPDF_Page_Fill(ctx->page);
    HPDF_Page_SetRGBFill(ctx->page, 0.0, 0.0, 0.0);
}

static void rule(rel_pdf_ctx *ctx, double y, double width)
{
    HPDF_Page_SetLineWidth(ctx->page, width);
    HPDF_Page_MoveTo(ctx->page, REL_PDF_MARGIN_X, y);
    HPDF_Page_LineTo(ctx->page, REL_PDF_MARGIN_X + ctx->width, y);
    HPDF_Page_Stroke(ctx->page);
}

/* Most lines any cell of `row` has. */
static size_t row_lines(const table_geometry *g, const laid_row *row)
{
    size_t most = 1;
    for (size_t c = 0; c < g->table->columns && !(spans(row->style) && c > 0); c++)
        most = row->line_counts[c] > most ? row->line_counts[c] : most;
    return most;
}

/* Draws lines [first, first + count) of every cell of `row` as a band of
 * its own: the whole row, or the part of a row too tall for one page. */
static void draw_slice(rel_pdf_ctx *ctx, const table_geometry *g, const laid_row *row,
                       bool header, size_t first, size_t count)
{
    double top = ctx->y;
    double height = (double)count * g->leading + 2 * CELL_PAD_Y;
    if (header)
        fill_band(ctx, top, height, 0.85, 0.89, 0.94);
    else if (row->highlight)
        fill_band(ctx, top, height, 1.0, 0.89, 0.87);
    else if (row->style == REL_STYLE_GROUP)
        fill_band(ctx, top, height, 0.94, 0.95, 0.96);
    if (row->style == REL_STYLE_TOTAL && first == 0)
        rule(ctx, top, 0.8);
    rel_pdf_font font = row_font(ctx, row->style, header);
    for (size_t c = 0; c < g->table->columns; c++) {
        if (spans(row->style) && c > 0)
            break;
        bool right = g->table->align[c] == REL_ALIGN_RIGHT && !spans(row->style);
        double baseline = top - CELL_PAD_Y - g->size;
        size_t end = row->line_counts[c] < first + count ? row->line_counts[c] : first + count;
        for (size_t i = first; i < end; i++, baseline -= g->leading) {
            const rel_pdf_line *line = &row->lines[c][i];
            double indent = row->style == REL_STYLE_NOTE ? g->width[0] * 0.15 : 0.0;
            double x = right ? g->x[c] + g->width[c] - CELL_PAD_X - line->width
                             : g->x[c] + CELL_PAD_X + indent;
            rel_pdf_draw_line(ctx, font, g->size, x, baseline, line, 0.0);
        }
    }
    ctx->y -= height;
    if (row->style == REL_STYLE_TOTAL && first + count >= row_lines(g, row))
        rule(ctx, ctx->y, 0.8);
    else if (header)
        rule(ctx, ctx->y, 0.6);
}

static void draw_row(rel_pdf_ctx *ctx, const table_geometry *g, const laid_row *row,
                     bool header)
{
    draw_slice(ctx, g, row, header, 0, row_lines(g, row));
}

/* A row taller than a page (a motivazione of 2.000 words) goes on over as
 * many pages as it needs, the header repeated on each: every word is
 * printed. It starts on the current page when a few lines still fit. */
static bool draw_tall_row(rel_pdf_ctx *ctx, const table_geometry *g, const laid_row *row,
                          const laid_row *header)
{
    size_t total = row_lines(g, row);
    for (size_t done = 0; done < total;) {
        double room = ctx->y - REL_PDF_BOTTOM - 2 * CELL_PAD_Y;
        size_t fit = room > 0 ? (size_t)(room / g->leading) : 0;
        if (fit < 3 && fit < total - done) {
            if (!rel_pdf_new_page_turned(ctx, g->landscape))
                return false;
            draw_row(ctx, g, header, true);
            continue;
        }
        size_t count = fit < total - done ? fit : total - done;
        draw_slice(ctx, g, row, false, done, count);
        done += count;
    }
    return true;
}

/* "Tab. 3: Fondi istituzionali e di ambito", kept with the first rows;
 * `part` (NULL for none) follows it: "(segue, colonne 12-22 di 30)". */
static bool draw_caption(rel_pdf_ctx *ctx, const char *caption, const char *part,
                         double first_rows, bool landscape)
{
    if (part == NULL || strncmp(part, " (segue", 7) != 0)
        ctx->tables++;
    const char *numbered = rel_arena_printf(ctx->arena, "Tab. %zu: %s%s", ctx->tables, caption,
                                            part ? part : "");
    const char *text = numbered ? rel_pdf_text(ctx, numbered) : NULL;
    if (text == NULL)
        return false;
    if (landscape ? ctx->y - 20.0 - first_rows < REL_PDF_BOTTOM && !rel_pdf_new_page_turned(ctx, true)
                  : !rel_pdf_ensure(ctx, 20.0 + first_rows))
        return false;
    ctx->y -= 16.0;
    rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, CAPTION_SIZE, REL_PDF_MARGIN_X, ctx->y, text);
    ctx->y -= 6.0;
    return true;
}

/* Where the table goes: portrait, portrait a little smaller, or landscape.
 * false when not even a landscape page holds it (out of memory too). */
static bool place(rel_pdf_ctx *ctx, const rel_doc_table *table, table_geometry *g)
{
    bool portrait = compute_geometry(ctx, table, REL_PDF_TEXT_WIDTH, CELL_SIZE, g)
                    || (table->row_count <= COMPACT_MAX_ROWS
                        && compute_geometry(ctx, table, REL_PDF_TEXT_WIDTH, COMPACT_SIZE, g));
    g->landscape = !portrait;
    return portrait || compute_geometry(ctx, table, REL_PDF_LANDSCAPE_TEXT_WIDTH, CELL_SIZE, g);
}

static bool draw_table(rel_pdf_ctx *ctx, const rel_doc_table *table, const table_geometry *g,
                       const char *part)
{
    if (g->landscape && !rel_pdf_new_page_turned(ctx, true))
        return false;
    laid_row header;
    if (!lay_out_row(ctx, g, table->header, REL_STYLE_NORMAL, true, &header))
        return false;
    if (!draw_caption(ctx, table->caption, part, header.height * 3, g->landscape))
        return false;
    draw_row(ctx, g, &header, true);
    for (size_t r = 0; r < table->row_count; r++) {
        laid_row row;
        if (!lay_out_row(ctx, g, table->rows[r].cells, table->rows[r].style, false, &row))
            return false;
        row.highlight = table->rows[r].highlight;
        double page = ctx->top - REL_PDF_BOTTOM - header.height;
        if (row.height > page) {
            if (!draw_tall_row(ctx, g, &row, &header))
                return false;
            continue;
        }
        /* A group row never ends a page: it needs one row after it. */
        double needed = row.height + (row.style == REL_STYLE_GROUP ? header.height : 0.0);
        if (ctx->y - needed < REL_PDF_BOTTOM) {
            if (!rel_pdf_new_page_turned(ctx, g->landscape))
                return false;
            draw_row(ctx, g, &header, true);
        }
        draw_row(ctx, g, &row, false);
    }
    HPDF_Page_SetLineWidth(ctx->page, 0.4);
    rule(ctx, ctx->y, 0.4);
    ctx->y -= 10.0;
    return true;
}

/* Columns [first, first + count) of `table`, after its first column. */
static rel_doc_table *column_slice(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t first,
                                   size_t count)
{
    rel_doc_table *part = rel_arena_alloc(ctx->arena, sizeof *part);
    size_t n = count + 1;
    const char **header = rel_arena_array(ctx->arena, n, sizeof *header);
    rel_align *align = rel_arena_array(ctx->arena, n, sizeof *align);
    double *widths = rel_arena_array(ctx->arena, n, sizeof *widths);
    rel_doc_row *rows = rel_arena_array(ctx->arena, table->row_count + 1, sizeof *rows);
    if (part == NULL || header == NULL || align == NULL || widths == NULL || rows == NULL)
        return NULL;
    for (size_t k = 0; k < n; k++) {
        size_t c = k == 0 ? 0 : first + k - 1;
        header[k] = table->header[c];
        align[k] = table->align[c];
        widths[k] = table->widths[c];
    }
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        const char **cells = rel_arena_array(ctx->arena, n, sizeof *cells);
        if (cells == NULL)
            return NULL;
        for (size_t k = 0; k < n; k++)
            cells[k] = spans(row->style) && k > 0 ? "" : row->cells[k == 0 ? 0 : first + k - 1];
        rows[r] = (rel_doc_row){row->style, cells, row->highlight};
    }
    *part = (rel_doc_table){table->caption, n, header, align, widths, rows, table->row_count,
                            table->row_count};
    return part;
}

/* A table wider than a landscape page: in parts of as many columns as fit,
 * each repeating the first (the row's name), every column printed. */
static bool draw_in_parts(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    for (size_t first = 1; first < table->columns;) {
        size_t count = table->columns - first;
        table_geometry g;
        rel_doc_table *part;
        /* the most columns that fit; a single one is set even if it does not */
        while ((part = column_slice(ctx, table, first, count)) != NULL && !place(ctx, part, &g)
               && count > 1)
            count--;
        if (part == NULL)
            return false;
        const char *label = rel_arena_printf(ctx->arena, " (%scolonne %zu-%zu di %zu)",
                                             first > 1 ? "segue, " : "", first + 1,
                                             first + count, table->columns);
        if (label == NULL || !draw_table(ctx, part, &g, label))
            return false;
        first += count;
    }
    return true;
}

bool rel_pdf_table(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    if (table->columns == 0)
        return false;
    table_geometry g;
    if (place(ctx, table, &g))
        return draw_table(ctx, table, &g, NULL);
    return table->columns > 2 ? draw_in_parts(ctx, table) : draw_table(ctx, table, &g, NULL);
}
