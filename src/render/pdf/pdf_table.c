#include "render/pdf/pdf_table.h"

#include <string.h>

#include "render/pdf/pdf_table_layout.h"
#include "render/pdf/pdf_trace.h"
#include "render/pdf/pdf_typo.h"

#define CAPTION_SIZE 9.5
#define CAPTION_HEIGHT 22.0   /* 16 points above its baseline, 6 below */
#define END_GAP 10.0          /* under the table's closing rule */
#define PAD_X REL_TABLE_CELL_PAD_X
#define PAD_Y REL_TABLE_CELL_PAD_Y

/* The columns a part of a table in parts shows, 1-based; of == 0 for a
 * whole table. */
typedef struct part {
    size_t first, last, of;
} part;

/* A table being drawn, or only planned (a dry run: positions change,
 * nothing is drawn, no page is added). */
typedef struct drawing {
    const rel_laid_table *t;
    part cols;
    size_t number;            /* "Tab. n" */
    double capacity;          /* room for rows on a page that repeats the header */
    rel_pdf_plan *plan;       /* NULL when drawing */
} drawing;

static void fill_band(rel_pdf_ctx *ctx, double top, double height, double r, double g, double b)
{
    HPDF_Page_SetRGBFill(ctx->page, r, g, b);
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

static const char *row_kind(rel_row_style style, bool header)
{
    if (header)
        return "header";
    switch (style) {
    case REL_STYLE_GROUP:
        return "row-group";
    case REL_STYLE_TOTAL:
        return "row-total";
    case REL_STYLE_NOTE:
        return "row-note";
    case REL_STYLE_NORMAL:
        break;
    }
    return "row-normal";
}

/* Draws lines [first, first + count) of every cell of `row` as a band of
 * its own: the whole row, or the part of a row too tall for one page. */
static void draw_slice(rel_pdf_ctx *ctx, const drawing *d, const rel_laid_row *row,
                       bool header, size_t first, size_t count)
{
    const rel_laid_table *t = d->t;
    const rel_table_geometry *g = &t->g;
    double top = ctx->y;
    double height = (double)count * g->leading + 2 * PAD_Y;
    if (d->plan != NULL) {
        ctx->y -= height;
        return;
    }
    if (header)
        fill_band(ctx, top, height, 0.85, 0.89, 0.94);
    else if (row->highlight)
        fill_band(ctx, top, height, 1.0, 0.89, 0.87);
    else if (row->style == REL_STYLE_GROUP)
        fill_band(ctx, top, height, 0.94, 0.95, 0.96);
    if (row->style == REL_STYLE_TOTAL && first == 0)
        rule(ctx, top, 0.8);
    rel_pdf_font font = rel_table_font(ctx, row->style, header);
    bool spans = rel_table_spans(row->style);
    for (size_t c = 0; c < t->table->columns && !(spans && c > 0); c++) {
        bool right = t->table->align[c] == REL_ALIGN_RIGHT && !spans;
        double baseline = top - PAD_Y - g->size;
        size_t end = row->line_counts[c] < first + count ? row->line_counts[c] : first + count;
        for (size_t i = first; i < end; i++, baseline -= g->leading) {
            const rel_pdf_line *line = &row->lines[c][i];
            double indent = row->style == REL_STYLE_NOTE ? g->width[0] * 0.15 : 0.0;
            double x = right ? g->x[c] + g->width[c] - PAD_X - line->width
                             : g->x[c] + PAD_X + indent;
            rel_pdf_draw_line(ctx, font, g->size, x, baseline, line, 0.0);
        }
    }
    ctx->y -= height;
    const rel_pdf_line *traced = first < row->line_counts[0] ? &row->lines[0][first] : NULL;
    rel_pdf_trace(ctx, row_kind(row->style, header), top, ctx->y, traced ? traced->start : "",
                  traced ? traced->len : 0);
    if (row->style == REL_STYLE_TOTAL && first + count >= row->most)
        rule(ctx, ctx->y, 0.8);
    else if (header)
        rule(ctx, ctx->y, 0.6);
}

static void draw_row(rel_pdf_ctx *ctx, const drawing *d, const rel_laid_row *row, bool header)
{
    draw_slice(ctx, d, row, header, 0, row->most);
}

/* "Tab. 3: Fondi istituzionali e di ambito", "Tab. 3: … (segue)", "Tab.
 * 22: Larga (colonne 2-24 di 30)", "Tab. 22: Larga (segue, colonne 25-30
 * di 30)", drawn at the current position. */
static bool draw_caption(rel_pdf_ctx *ctx, const drawing *d, bool continued)
{
    if (d->plan != NULL) {
        ctx->y -= CAPTION_HEIGHT;
        return true;
    }
    const char *caption = rel_pdf_typeset(ctx->arena, d->t->table->caption);
    const char *segue = continued ? "segue" : "";
    const char *numbered =
        caption == NULL ? NULL
        : d->cols.of == 0
            ? rel_arena_printf(ctx->arena, "Tab. %zu: %s%s%s%s", d->number, caption,
                               continued ? " (" : "", segue, continued ? ")" : "")
            : rel_arena_printf(ctx->arena, "Tab. %zu: %s (%s%scolonne %zu-%zu di %zu)",
                               d->number, caption, segue, continued ? ", " : "",
                               d->cols.first, d->cols.last, d->cols.of);
    if (numbered == NULL)
        return false;
    double top = ctx->y;
    ctx->y -= 16.0;
    rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, CAPTION_SIZE, REL_PDF_MARGIN_X, ctx->y, numbered);
    ctx->y -= 6.0;
    rel_pdf_trace(ctx, continued ? "continued" : "caption", top, ctx->y, numbered, SIZE_MAX);
    return true;
}

/* A new page for the rest of the table: its caption marked "(segue)" and
 * its header again. */
static bool continue_on_new_page(rel_pdf_ctx *ctx, const drawing *d)
{
    if (d->plan != NULL)
        ctx->y = d->t->g.landscape ? REL_PDF_LANDSCAPE_TOP : REL_PDF_TOP;
    else if (!rel_pdf_new_page_turned(ctx, d->t->g.landscape))
        return false;
    if (!draw_caption(ctx, d, true))
        return false;
    draw_row(ctx, d, &d->t->header, true);
    return true;
}

/* Rows [r, end) that stay on one page with row r: a voce with the
 * motivazioni under it; a group row with what it heads; a row with the
 * TOTALE rows after it (a total never opens a page alone). */
static size_t keep_group(const rel_laid_table *t, size_t r)
{
    size_t n = t->table->row_count, end = r + 1;
    for (;;) {
        while (end < n && t->rows[end].style == REL_STYLE_NOTE)
            end++;
        if (end < n && (t->rows[end - 1].style == REL_STYLE_GROUP
                        || t->rows[end].style == REL_STYLE_TOTAL)) {
            end++;
            continue;
        }
        return end;
    }
}

static double rows_height(const rel_laid_table *t, size_t first, size_t end)
{
    double height = 0.0;
    for (size_t r = first; r < end; r++)
        height += t->rows[r].height;
    return height;
}

/* The height row r must find on its page: its keep group's, and for the
 * table's last group the `tail` that follows the table (its chart) too;
 * just its own where a group could not fit even a fresh page. */
static double needed(const drawing *d, size_t r, size_t end, double tail)
{
    double group = rows_height(d->t, r, end);
    if (end == d->t->table->row_count && tail > 0 && group + END_GAP + tail <= d->capacity)
        return group + END_GAP + tail;
    return group <= d->capacity ? group : d->t->rows[r].height;
}

/* A row taller than a page (a motivazione of 2.000 words) goes on over as
 * many pages as it needs, the header repeated on each: every word is
 * printed. It starts on the current page when a few lines still fit. */
static bool draw_tall_row(rel_pdf_ctx *ctx, const drawing *d, const rel_laid_row *row)
{
    double leading = d->t->g.leading;
    for (size_t done = 0; done < row->most;) {
        double room = ctx->y - REL_PDF_BOTTOM - 2 * PAD_Y;
        size_t fit = room > 0 ? (size_t)(room / leading) : 0;
        if (fit < 3 && fit < row->most - done) {
            if (!continue_on_new_page(ctx, d))
                return false;
            continue;
        }
        size_t count = fit < row->most - done ? fit : row->most - done;
        draw_slice(ctx, d, row, false, done, count);
        done += count;
    }
    return true;
}

/* Height the table's start needs on the page where its caption goes: the
 * caption, the header and the first keep group (the whole table with its
 * tail when that group is all of it). */
static double start_height(const drawing *d, double tail)
{
    const rel_laid_table *t = d->t;
    double head = CAPTION_HEIGHT + t->header.height;
    if (t->table->row_count == 0)
        return head + tail;
    return head + needed(d, 0, keep_group(t, 0), tail);
}

static drawing drawing_of(const rel_laid_table *t, part cols, size_t number)
{
    double top = t->g.landscape ? REL_PDF_LANDSCAPE_TOP : REL_PDF_TOP;
    return (drawing){t, cols, number, top - REL_PDF_BOTTOM - CAPTION_HEIGHT - t->header.height,
                     NULL};
}

/* Where the table starts: on this page if its start fits, else on a new
 * one (a landscape table on its own landscape page). */
static bool begin(rel_pdf_ctx *ctx, const drawing *d, double tail)
{
    double start = start_height(d, tail);
    if (d->plan != NULL) {
        if (ctx->y - start < REL_PDF_BOTTOM || ctx->landscape[ctx->page_count - 1])
            ctx->y = REL_PDF_TOP;
        return true;
    }
    if (!d->t->g.landscape)
        return rel_pdf_ensure(ctx, start);
    /* its heading and lead-in may have opened the page already */
    bool opened = ctx->landscape[ctx->page_count - 1] && ctx->landscape_text
                  && ctx->y - start >= REL_PDF_BOTTOM;
    return opened || rel_pdf_new_page_turned(ctx, true);
}

/* Notes in the plan that the last rows go to a new page only to stay with
 * the tail, and what that leaves. */
static void note_carry(rel_pdf_ctx *ctx, const drawing *d, size_t r, size_t end, double need)
{
    double group = rows_height(d->t, r, end);
    if (d->plan == NULL || end != d->t->table->row_count || need == group
        || ctx->y - group < REL_PDF_BOTTOM)
        return;
    d->plan->carried = true;
    d->plan->gap = ctx->y - REL_PDF_BOTTOM;
    d->plan->end = ctx->y - group - END_GAP;
}

static bool draw_laid(rel_pdf_ctx *ctx, const drawing *d, double tail)
{
    const rel_laid_table *t = d->t;
    size_t n = t->table->row_count;
    if (t->g.landscape)
        tail = 0.0;   /* what follows goes on a portrait page anyway */
    if (!begin(ctx, d, tail) || !draw_caption(ctx, d, d->cols.of != 0 && d->cols.first > 2))
        return false;
    draw_row(ctx, d, &t->header, true);
    bool fresh = true;   /* nothing drawn yet under this page's header */
    size_t group_end = 0;
    for (size_t r = 0; r < n; r++) {
        const rel_laid_row *row = &t->rows[r];
        if (row->height > d->capacity) {
            if (!draw_tall_row(ctx, d, row))
                return false;
            fresh = false;
            continue;
        }
        double need = row->height;
        if (r >= group_end) {
            group_end = keep_group(t, r);
            need = needed(d, r, group_end, tail);
        }
        if (ctx->y - need < REL_PDF_BOTTOM && !fresh) {
            note_carry(ctx, d, r, group_end, need);
            if (!continue_on_new_page(ctx, d))
                return false;
        }
        draw_row(ctx, d, row, false);
        fresh = false;
    }
    if (d->plan == NULL)
        rule(ctx, ctx->y, 0.4);
    ctx->y -= END_GAP;
    return true;
}

/* The table laid out, from the measure taken ahead when there was one. */
static bool lay_out(rel_pdf_ctx *ctx, const rel_doc_table *table, bool force,
                    rel_laid_table **laid, bool *fits)
{
    if (ctx->laid != NULL && ctx->laid->table == table) {
        *laid = ctx->laid;
        *fits = true;
        return true;
    }
    *laid = rel_arena_alloc(ctx->arena, sizeof **laid);
    *fits = true;
    if (*laid == NULL || !rel_table_lay_out(ctx, table, force, *laid, fits))
        return false;
    ctx->laid = *laid;
    return true;
}

/* A table wider than a landscape page: in parts of as many columns as fit,
 * each repeating the first (the row's name), every column printed. */
static bool draw_in_parts(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    size_t number = ++ctx->tables;
    for (size_t first = 1; first < table->columns;) {
        size_t count = table->columns - first;
        rel_laid_table *laid = rel_arena_alloc(ctx->arena, sizeof *laid);
        bool fits = true, laid_out = false;
        rel_doc_table *slice;
        /* the most columns that fit; a single one is set even if it does not */
        while (laid != NULL && (slice = rel_table_columns(ctx, table, first, count)) != NULL
               && !(laid_out = rel_table_lay_out(ctx, slice, count == 1, laid, &fits)) && !fits)
            count--;
        if (!laid_out)
            return false;   /* out of memory */
        drawing d = drawing_of(laid, (part){first + 1, first + count, table->columns}, number);
        if (!draw_laid(ctx, &d, 0.0))
            return false;
        first += count;
    }
    return true;
}

double rel_pdf_table_start(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail)
{
    rel_laid_table *laid;
    bool fits;
    if (table->columns == 0 || !lay_out(ctx, table, table->columns <= 2, &laid, &fits)
        || laid->g.landscape)
        return 0.0;
    drawing d = drawing_of(laid, (part){0, 0, 0}, 0);
    return start_height(&d, tail);
}

bool rel_pdf_table_landscape(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    rel_laid_table *laid;
    bool fits;
    if (table->columns == 0)
        return false;
    if (!lay_out(ctx, table, table->columns <= 2, &laid, &fits))
        return !fits;   /* in parts, on landscape pages */
    return laid->g.landscape;
}

double rel_pdf_table_height(rel_pdf_ctx *ctx, const rel_doc_table *table)
{
    rel_laid_table *laid;
    bool fits;
    if (table->columns == 0 || !lay_out(ctx, table, table->columns <= 2, &laid, &fits)
        || laid->g.landscape)
        return 0.0;
    return CAPTION_HEIGHT + laid->header.height + rows_height(laid, 0, table->row_count) + END_GAP;
}

bool rel_pdf_table_plan(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail,
                        rel_pdf_plan *plan)
{
    *plan = (rel_pdf_plan){false, 0.0, 0.0};
    rel_laid_table *laid;
    bool fits;
    if (table->columns == 0 || !lay_out(ctx, table, table->columns <= 2, &laid, &fits))
        return false;
    if (laid->g.landscape || ctx->page == NULL)
        return true;
    drawing d = drawing_of(laid, (part){0, 0, 0}, 0);
    d.plan = plan;
    double y = ctx->y;
    bool ok = draw_laid(ctx, &d, tail);
    ctx->y = y;
    return ok;
}

bool rel_pdf_table(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail)
{
    if (table->columns == 0)
        return false;
    rel_laid_table *laid;
    bool fits;
    if (!lay_out(ctx, table, table->columns <= 2, &laid, &fits))
        return !fits && draw_in_parts(ctx, table);   /* else out of memory */
    drawing d = drawing_of(laid, (part){0, 0, 0}, ++ctx->tables);
    return draw_laid(ctx, &d, tail);
}
