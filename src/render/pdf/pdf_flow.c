#include "render/pdf/pdf_flow.h"

#include <stdint.h>
#include <stdio.h>

#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_kpi.h"
#include "render/pdf/pdf_nav.h"
#include "render/pdf/pdf_table.h"
#include "render/pdf/pdf_text.h"
#include "render/pdf/pdf_trace.h"

#define LIST_INDENT 22.0
/* A page may be left this much empty (of the text height) to keep a chart
 * with its table; beyond it the chart floats. */
#define MAX_GAP (0.25 * (REL_PDF_TOP - REL_PDF_BOTTOM))
/* How many blocks a chain of keeps may span (heading, heading, lead-in,
 * table): a bound, so that a template of a thousand headings in a row
 * stays linear. */
#define KEEP_DEPTH 4

static bool is_text(const rel_block *block)
{
    return block->kind == REL_BLOCK_PARAGRAPH || block->kind == REL_BLOCK_BULLET
           || block->kind == REL_BLOCK_NUMBERED;
}

/* Whether `block` stays on one page with the start of `next`. */
static bool keeps_next(const rel_block *block, const rel_block *next)
{
    if (next == NULL)
        return false;
    switch (block->kind) {
    case REL_BLOCK_HEADING:
        return next->kind != REL_BLOCK_PAGE_BREAK && next->kind != REL_BLOCK_TOC;
    case REL_BLOCK_PARAGRAPH:   /* a lead-in: "… è il seguente (in euro)." */
        return next->kind == REL_BLOCK_TABLE || next->kind == REL_BLOCK_CHART;
    case REL_BLOCK_TABLE:
        return next->kind == REL_BLOCK_CHART;
    default:
        return false;
    }
}

static double indent_of(const rel_block *block)
{
    return block->kind == REL_BLOCK_PARAGRAPH ? 0.0 : LIST_INDENT;
}

static double start_of(rel_pdf_ctx *ctx, const rel_block *block, int depth);

/* Height of what must follow `block` on its page: the start of the next
 * block, when `block` keeps with it. */
static double keep_after(rel_pdf_ctx *ctx, const rel_block *block, int depth)
{
    if (depth >= KEEP_DEPTH || !keeps_next(block, block->next))
        return 0.0;
    return start_of(ctx, block->next, depth + 1);
}

/* Height the start of `block` needs on the page where it begins, with
 * what it keeps when the start is all of it. */
static double start_of(rel_pdf_ctx *ctx, const rel_block *block, int depth)
{
    bool whole = false;
    double own = 0.0;
    switch (block->kind) {
    case REL_BLOCK_HEADING:
        own = rel_pdf_heading_height(ctx, block->level, block->text);
        whole = true;
        break;
    case REL_BLOCK_PARAGRAPH:
    case REL_BLOCK_BULLET:
    case REL_BLOCK_NUMBERED:
        own = rel_pdf_text_start(ctx, block->text, indent_of(block), &whole);
        break;
    case REL_BLOCK_TABLE:
        return rel_pdf_table_start(ctx, block->table, keep_after(ctx, block, depth));
    case REL_BLOCK_CHART:
        return rel_pdf_chart_start(ctx, block->chart);
    case REL_BLOCK_KPIS:
        return block->kpi_count ? rel_pdf_kpis_row_height() : 0.0;
    case REL_BLOCK_SIGNATURES:
        return rel_pdf_signatures_height();
    case REL_BLOCK_PAGE_BREAK:
    case REL_BLOCK_TOC:
        return 0.0;
    }
    double after = whole ? keep_after(ctx, block, depth) : 0.0;
    if (after > 0.0 && block->kind != REL_BLOCK_HEADING)
        after += rel_pdf_text_gap(block->kind != REL_BLOCK_PARAGRAPH);
    return own + after;
}

/* Height of the text block `block`, whole. */
static double text_height(rel_pdf_ctx *ctx, const rel_block *block)
{
    return rel_pdf_text_height(ctx, block->text, indent_of(block),
                               block->kind != REL_BLOCK_PARAGRAPH);
}

/* The height a chart may make room for after it: the next table whole,
 * with its own chart at its smallest, and the headings and lead-in before
 * that table; 0 when something else comes first. */
static double room_after_chart(rel_pdf_ctx *ctx, const rel_block *chart)
{
    double before = 0.0;
    const rel_block *next = chart->next;
    for (int depth = 0; next && next->kind != REL_BLOCK_TABLE; depth++, next = next->next) {
        if (depth >= KEEP_DEPTH || !keeps_next(next, next->next))
            return 0.0;
        before += next->kind == REL_BLOCK_HEADING
                      ? rel_pdf_heading_height(ctx, next->level, next->text)
                      : text_height(ctx, next);
    }
    if (next == NULL)
        return 0.0;
    double table = rel_pdf_table_height(ctx, next->table);
    if (table > 0 && next->next && next->next->kind == REL_BLOCK_CHART)
        table += rel_pdf_chart_start(ctx, next->next->chart);
    return table > 0 ? before + table : 0.0;
}

static bool draw_block(rel_pdf_ctx *ctx, const rel_document *doc, const rel_block *block)
{
    switch (block->kind) {
    case REL_BLOCK_HEADING:
        return rel_pdf_heading(ctx, block->level, block->text, keep_after(ctx, block, 0));
    case REL_BLOCK_PARAGRAPH:
        return rel_pdf_text_block(ctx, block->text, 0.0, NULL, keep_after(ctx, block, 0));
    case REL_BLOCK_TABLE:
        return rel_pdf_table(ctx, block->table, keep_after(ctx, block, 0));
    case REL_BLOCK_CHART:
        return rel_pdf_chart(ctx, block->chart, room_after_chart(ctx, block));
    case REL_BLOCK_BULLET:
        return rel_pdf_text_block(ctx, block->text, LIST_INDENT, "•", 0.0);
    case REL_BLOCK_NUMBERED: {
        char number[16];
        snprintf(number, sizeof number, "%d.", block->level);
        return rel_pdf_text_block(ctx, block->text, LIST_INDENT, number, 0.0);
    }
    case REL_BLOCK_PAGE_BREAK:
        if (ctx->y >= ctx->top)
            return true;
        rel_pdf_trace(ctx, "break", ctx->y, ctx->y, "", 0);
        return rel_pdf_new_page(ctx);
    case REL_BLOCK_TOC:
        return rel_pdf_toc_reserve(ctx, doc) && rel_pdf_new_page(ctx);
    case REL_BLOCK_SIGNATURES:
        return rel_pdf_signatures(ctx, block->text);
    case REL_BLOCK_KPIS:
        return rel_pdf_kpis(ctx, block->kpis, block->kpi_count);
    }
    return false;
}

/* Whether `block` keeps, through its chain of keeps, with a table that
 * goes on landscape pages: the heading and the lead-in then open the
 * landscape page and stay with the table. */
static bool leads_to_landscape(rel_pdf_ctx *ctx, const rel_block *block)
{
    for (int depth = 0; depth < KEEP_DEPTH && keeps_next(block, block->next); depth++) {
        block = block->next;
        if (block->kind == REL_BLOCK_TABLE)
            return rel_pdf_table_landscape(ctx, block->table);
    }
    return false;
}

/* The blocks from `block` on that fit whole in `room` and may be set
 * before a chart that floats: paragraphs, list items, and headings with
 * the text under them, but no lead-in (it stays with its own table).
 * Returns their height; *end is the first block not taken. */
static double fillers(rel_pdf_ctx *ctx, const rel_block *block, double room,
                      const rel_block **end)
{
    double height = 0.0;
    while (block != NULL) {
        const rel_block *text = block->kind == REL_BLOCK_HEADING ? block->next : block;
        if (text == NULL || !is_text(text) || keeps_next(text, text->next))
            break;
        double h = text_height(ctx, text);
        if (text != block)
            h += rel_pdf_heading_height(ctx, block->level, block->text);
        if (h <= 0.0 || height + h > room)
            break;
        height += h;
        block = text->next;
    }
    *end = block;
    return height;
}

/* A table and its chart. The chart stays on the page of the table's end
 * (the last rows go on with it when it does not fit beside them), unless
 * that leaves more than MAX_GAP of the page empty and the text after the
 * chart fills the page better: then the chart floats after that text.
 * Returns the last block drawn, NULL on failure. */
static const rel_block *table_and_chart(rel_pdf_ctx *ctx, const rel_document *doc,
                                        const rel_block *table)
{
    const rel_block *chart = table->next;
    double tail = rel_pdf_chart_start(ctx, chart->chart);
    rel_pdf_plan plan;
    if (!rel_pdf_table_plan(ctx, table->table, tail, &plan))
        return NULL;
    const rel_block *end = chart->next;
    double fill = 0.0;
    if (plan.carried && plan.gap > MAX_GAP)
        fill = fillers(ctx, chart->next, plan.end - REL_PDF_BOTTOM, &end);
    bool floats = fill > 0.0 && plan.end - REL_PDF_BOTTOM - fill < plan.gap;
    if (!rel_pdf_table(ctx, table->table, floats ? 0.0 : tail))
        return NULL;
    const rel_block *last = chart;
    for (const rel_block *block = chart->next; floats && block != end; block = block->next) {
        if (!draw_block(ctx, doc, block))
            return NULL;
        last = block;
    }
    if (floats)
        rel_pdf_trace(ctx, "float", ctx->y, ctx->y, chart->chart->caption, SIZE_MAX);
    if (!rel_pdf_chart(ctx, chart->chart, floats ? 0.0 : room_after_chart(ctx, chart)))
        return NULL;
    return last;
}

bool rel_pdf_flow(rel_pdf_ctx *ctx, const rel_document *doc)
{
    if (!rel_pdf_new_page(ctx))
        return false;
    for (const rel_block *block = doc->first; block; block = block->next) {
        if (!ctx->landscape_text && block->kind != REL_BLOCK_TABLE
            && leads_to_landscape(ctx, block)) {
            ctx->landscape_text = true;
            if (!rel_pdf_new_page_turned(ctx, true))
                return false;
        }
        if (block->kind == REL_BLOCK_TABLE && block->next
            && block->next->kind == REL_BLOCK_CHART) {
            block = table_and_chart(ctx, doc, block);
            if (block == NULL)
                return false;
        } else if (!draw_block(ctx, doc, block)) {
            return false;
        }
        if (block->kind == REL_BLOCK_TABLE || block->kind == REL_BLOCK_CHART)
            ctx->landscape_text = false;
    }
    return true;
}
