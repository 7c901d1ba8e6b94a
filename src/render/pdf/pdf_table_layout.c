#include "render/pdf/pdf_table_layout.h"

#include <string.h>

#include "render/pdf/pdf_typo.h"

#define CELL_SIZE 8.5
#define CELL_LEADING 10.5
/* A short table a little too wide for a portrait page is set smaller
 * rather than turned: a landscape page for a few rows breaks the reading
 * more than 7.5 points do. A long table gets its landscape pages. */
#define COMPACT_SIZE 7.5
#define COMPACT_LEADING 9.5
#define COMPACT_MAX_ROWS 12
#define PAD_X REL_TABLE_CELL_PAD_X
#define PAD_Y REL_TABLE_CELL_PAD_Y

bool rel_table_spans(rel_row_style style)
{
    return style == REL_STYLE_GROUP || style == REL_STYLE_NOTE;
}

rel_pdf_font rel_table_font(const rel_pdf_ctx *ctx, rel_row_style style, bool header)
{
    if (style == REL_STYLE_NOTE)
        return ctx->fonts.sans_italic;
    return header || style != REL_STYLE_NORMAL ? ctx->fonts.sans_bold : ctx->fonts.sans;
}

/* Cell `c` of `cells` as printed: text with typographic apostrophes and
 * quotes (pdf_typo.h), figures (right-aligned) as they are. NULL when out
 * of memory. */
static const char *cell_text(rel_pdf_ctx *ctx, const rel_doc_table *table, const char **cells,
                             size_t c)
{
    const char *text = cells[c] ? cells[c] : "";
    return table->align[c] == REL_ALIGN_RIGHT ? text : rel_pdf_typeset(ctx->arena, text);
}

/* Widest word of `text` in `font`. */
static double widest_word(rel_pdf_font font, double size, const char *text)
{
    double most = 0.0;
    for (const char *word = text; word && *word;) {
        size_t len = strcspn(word, " ");
        double width = rel_pdf_width(font, size, word, len);
        most = width > most ? width : most;
        word += len + (word[len] == ' ');
    }
    return most;
}

/* Widest cell of column `c` in the fonts its rows use; the header counts
 * only by its longest word, since a header may wrap. */
static double widest(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t c, double size)
{
    double most = widest_word(ctx->fonts.sans_bold, size, cell_text(ctx, table, table->header, c));
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        if (rel_table_spans(row->style))
            continue;
        const char *text = cell_text(ctx, table, row->cells, c);
        text = text ? text : "";
        double width = rel_pdf_width(rel_table_font(ctx, row->style, false), size, text,
                                     strlen(text));
        most = width > most ? width : most;
    }
    return most;
}

/* A column of single words (file positions, codes) is better fitted than
 * broken inside a word. */
static bool single_words(const rel_doc_table *table, size_t c)
{
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_doc_row *row = &table->rows[r];
        if (!rel_table_spans(row->style) && row->cells[c] && strchr(row->cells[c], ' '))
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
        if (!rel_table_spans(row->style)) {
            double width = widest_word(ctx->fonts.sans, size, cell_text(ctx, table, row->cells, c));
            most = width > most ? width : most;
        }
    }
    return most + 2 * PAD_X;
}

/* Numbers never wrap: a right-aligned column, or one of single words, is
 * as wide as its widest cell; the text columns share what is left by their
 * relative widths. Returns false when even so the table is wider than
 * `width` (it then wants a landscape page), or when out of memory. */
static bool compute_geometry(rel_pdf_ctx *ctx, const rel_doc_table *table, double width,
                             double size, rel_table_geometry *g)
{
    double fixed = 0.0, weights = 0.0, words = 0.0;
    bool *fits = rel_arena_array(ctx->arena, table->columns, sizeof *fits);
    g->x = rel_arena_array(ctx->arena, table->columns, sizeof *g->x);
    g->width = rel_arena_array(ctx->arena, table->columns, sizeof *g->width);
    if (fits == NULL || g->x == NULL || g->width == NULL) {
        g->x = NULL;   /* tells place() that memory, not width, failed */
        return false;
    }
    for (size_t c = 0; c < table->columns; c++) {
        fits[c] = table->align[c] == REL_ALIGN_RIGHT || single_words(table, c);
        if (fits[c]) {
            g->width[c] = widest(ctx, table, c, size) + 2 * PAD_X + 1.0;
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
    g->total = width;
    g->size = size;
    g->leading = size == COMPACT_SIZE ? COMPACT_LEADING : CELL_LEADING;
    return fixed + words <= width;
}

/* Wraps one row. A GROUP or NOTE row spans the whole table. */
static bool lay_out_row(rel_pdf_ctx *ctx, const rel_table_geometry *g, const rel_doc_table *table,
                        const char **cells, rel_row_style style, bool header, rel_laid_row *row)
{
    size_t columns = table->columns;
    row->style = style;
    row->highlight = false;
    row->lines = rel_arena_array(ctx->arena, columns, sizeof *row->lines);
    row->line_counts = rel_arena_array(ctx->arena, columns, sizeof *row->line_counts);
    if (row->lines == NULL || row->line_counts == NULL)
        return false;
    row->most = 1;
    for (size_t c = 0; c < columns; c++) {
        if (rel_table_spans(style) && c > 0)
            break;
        double width = rel_table_spans(style) ? g->total - g->width[0] * 0.15 : g->width[c];
        const char *text = rel_table_spans(style) ? rel_pdf_typeset(ctx->arena, cells[c])
                                                  : cell_text(ctx, table, cells, c);
        size_t count = text ? rel_pdf_wrap(ctx, rel_table_font(ctx, style, header), g->size, text,
                                           width - 2 * PAD_X, &row->lines[c]) : 0;
        if (count == 0)
            return false;
        row->line_counts[c] = count;
        row->most = count > row->most ? count : row->most;
    }
    row->height = (double)row->most * g->leading + 2 * PAD_Y;
    return true;
}

/* Where the table goes: portrait, portrait a little smaller, or
 * landscape; *fits false when not even a landscape page holds it. */
static bool place(rel_pdf_ctx *ctx, const rel_doc_table *table, rel_table_geometry *g,
                  bool *fits)
{
    *fits = true;
    bool portrait = compute_geometry(ctx, table, REL_PDF_TEXT_WIDTH, CELL_SIZE, g)
                    || (table->row_count <= COMPACT_MAX_ROWS
                        && compute_geometry(ctx, table, REL_PDF_TEXT_WIDTH, COMPACT_SIZE, g));
    g->landscape = !portrait;
    if (portrait || compute_geometry(ctx, table, REL_PDF_LANDSCAPE_TEXT_WIDTH, CELL_SIZE, g))
        return true;
    *fits = g->x == NULL;   /* out of memory, not too wide */
    return false;
}

bool rel_table_lay_out(rel_pdf_ctx *ctx, const rel_doc_table *table, bool force,
                       rel_laid_table *out, bool *fits)
{
    out->table = table;
    if (!place(ctx, table, &out->g, fits) && (*fits || !force))
        return false;
    out->rows = rel_arena_array(ctx->arena, table->row_count ? table->row_count : 1,
                                sizeof *out->rows);
    if (out->rows == NULL
        || !lay_out_row(ctx, &out->g, table, table->header, REL_STYLE_NORMAL, true, &out->header))
        return false;
    for (size_t r = 0; r < table->row_count; r++) {
        if (!lay_out_row(ctx, &out->g, table, table->rows[r].cells, table->rows[r].style, false,
                         &out->rows[r]))
            return false;
        out->rows[r].highlight = table->rows[r].highlight;
    }
    return true;
}

rel_doc_table *rel_table_columns(rel_pdf_ctx *ctx, const rel_doc_table *table, size_t first,
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
            cells[k] = rel_table_spans(row->style) && k > 0 ? ""
                                                            : row->cells[k == 0 ? 0 : first + k - 1];
        rows[r] = (rel_doc_row){row->style, cells, row->highlight};
    }
    *part = (rel_doc_table){table->caption, n, header, align, widths, rows, table->row_count,
                            table->row_count};
    return part;
}
