#include "render/pdf/pdf_kpi.h"

#include <stdint.h>
#include <string.h>

#include "render/pdf/pdf_trace.h"

#define PER_ROW 3
#define GAP 12.0
#define TILE_HEIGHT 78.0

static void centred_line(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double width,
                         double y, const char *utf8)
{
    const char *text = rel_pdf_text(ctx, utf8);
    rel_pdf_line *lines;
    size_t count = text ? rel_pdf_wrap(ctx, font, size, text, width - 12.0, &lines) : 0;
    for (size_t i = 0; i < count && i < 2; i++, y -= size * 1.2)
        rel_pdf_draw_line(ctx, font, size, x + (width - lines[i].width) / 2, y, &lines[i], 0.0);
}

static void tile(rel_pdf_ctx *ctx, const rel_doc_kpi *kpi, double x, double top, double width)
{
    HPDF_Page page = ctx->page;
    HPDF_Page_SetRGBFill(page, 0.93, 0.95, 0.98);
    HPDF_Page_Rectangle(page, x, top - TILE_HEIGHT, width, TILE_HEIGHT);
    HPDF_Page_Fill(page);
    HPDF_Page_SetRGBFill(page, 0.11, 0.23, 0.40);
    HPDF_Page_Rectangle(page, x, top - TILE_HEIGHT, 3.0, TILE_HEIGHT);
    HPDF_Page_Fill(page);
    centred_line(ctx, ctx->fonts.sans_bold, 16.0, x, width, top - 26.0, kpi->value);
    HPDF_Page_SetRGBFill(page, 0.0, 0.0, 0.0);
    centred_line(ctx, ctx->fonts.sans, 8.5, x, width, top - 44.0, kpi->label);
    HPDF_Page_SetGrayFill(page, 0.35);
    centred_line(ctx, ctx->fonts.sans_italic, 8.5, x, width, top - 68.0, kpi->change);
    HPDF_Page_SetGrayFill(page, 0.0);
}

double rel_pdf_kpis_row_height(void)
{
    return TILE_HEIGHT + GAP;
}

bool rel_pdf_kpis(rel_pdf_ctx *ctx, const rel_doc_kpi *kpis, size_t count)
{
    double width = (REL_PDF_TEXT_WIDTH - GAP * (PER_ROW - 1)) / PER_ROW;
    for (size_t i = 0; i < count; i += PER_ROW) {
        if (!rel_pdf_ensure(ctx, TILE_HEIGHT + GAP))
            return false;
        rel_pdf_trace(ctx, "kpis", ctx->y, ctx->y - TILE_HEIGHT - GAP, kpis[i].value, SIZE_MAX);
        for (size_t k = 0; k < PER_ROW && i + k < count; k++)
            tile(ctx, &kpis[i + k], REL_PDF_MARGIN_X + (double)k * (width + GAP), ctx->y - 4.0,
                 width);
        ctx->y -= TILE_HEIGHT + GAP;
    }
    ctx->y -= 4.0;
    return true;
}
