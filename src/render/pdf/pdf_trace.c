#include "render/pdf/pdf_trace.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rel_pdf_trace_open(rel_pdf_ctx *ctx)
{
    const char *path = getenv("REL_PDF_LAYOUT_TRACE");
    ctx->trace = path && path[0] ? fopen(path, "w") : NULL;
}

void rel_pdf_trace(rel_pdf_ctx *ctx, const char *kind, double top, double bottom,
                   const char *text, size_t len)
{
    if (ctx->trace == NULL)
        return;
    if (text == NULL)
        text = "";
    if (len == SIZE_MAX)
        len = strlen(text);
    fprintf(ctx->trace, "%zu\t%s\t%.1f\t%.1f\t", ctx->page_count, kind, top, bottom);
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, ctx->trace);
    }
    fputc('\n', ctx->trace);
}

void rel_pdf_trace_close(rel_pdf_ctx *ctx)
{
    if (ctx->trace != NULL)
        fclose(ctx->trace);
    ctx->trace = NULL;
}
