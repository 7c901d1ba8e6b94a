#include "render/pdf/pdf_nav.h"

#include <stdio.h>
#include <string.h>

#define TOC_SIZE 10.5
#define TOC_LEADING 17.0
#define TOC_LEVELS 2

static size_t toc_entries(const rel_document *doc)
{
    size_t count = 0;
    for (const rel_block *b = doc->first; b; b = b->next)
        count += b->kind == REL_BLOCK_HEADING && b->level <= TOC_LEVELS;
    return count;
}

static double toc_lines_per_page(void)
{
    return (REL_PDF_TOP - REL_PDF_BOTTOM - 40.0) / TOC_LEADING;
}

bool rel_pdf_toc_reserve(rel_pdf_ctx *ctx, const rel_document *doc)
{
    size_t entries = toc_entries(doc);
    size_t per_page = (size_t)toc_lines_per_page();
    size_t pages = entries / per_page + 1;
    /* the Indice starts on the current page when nothing is on it yet */
    bool empty = ctx->page != NULL && ctx->y >= REL_PDF_TOP;
    ctx->toc_page = empty ? ctx->page_count - 1 : ctx->page_count;
    ctx->toc_pages = pages;
    for (size_t i = empty ? 1 : 0; i < pages; i++)
        if (!rel_pdf_new_page(ctx))
            return false;
    return true;
}

static HPDF_Destination destination_of(const rel_pdf_ctx *ctx, const rel_pdf_mark *mark)
{
    HPDF_Destination dest = HPDF_Page_CreateDestination(ctx->pages[mark->page]);
    if (dest != NULL)
        HPDF_Destination_SetXYZ(dest, 0, (HPDF_REAL)(mark->y + 20.0), 1);
    return dest;
}

/* "2.1 Andamento ........ 7", the entry a link to its page. */
static void toc_entry(rel_pdf_ctx *ctx, const rel_pdf_mark *mark, double y)
{
    rel_pdf_font font = mark->level == 1 ? ctx->fonts.sans_bold : ctx->fonts.sans;
    double indent = mark->level == 1 ? 0.0 : 18.0;
    char number[16];
    snprintf(number, sizeof number, "%zu", mark->page + 1);
    double number_width = rel_pdf_width(font, TOC_SIZE, number, strlen(number));
    double right = REL_PDF_MARGIN_X + REL_PDF_TEXT_WIDTH;
    const char *text = rel_pdf_text(ctx, mark->text);
    rel_pdf_line *lines;
    double room = REL_PDF_TEXT_WIDTH - indent - number_width - 30.0;
    if (text == NULL || rel_pdf_wrap(ctx, font, TOC_SIZE, text, room, &lines) == 0)
        return;
    double x = REL_PDF_MARGIN_X + indent;
    rel_pdf_draw_line(ctx, font, TOC_SIZE, x, y, &lines[0], 0.0);
    /* dot leaders between the title and the number */
    double dot = rel_pdf_width(ctx->fonts.sans, TOC_SIZE, ".", 1);
    HPDF_Page_SetGrayFill(ctx->page, 0.45);
    for (double d = x + lines[0].width + 6.0; d + dot < right - number_width - 4.0; d += dot * 2)
        rel_pdf_draw_text(ctx, ctx->fonts.sans, TOC_SIZE, d, y, ".");
    HPDF_Page_SetGrayFill(ctx->page, 0.0);
    rel_pdf_draw_text(ctx, font, TOC_SIZE, right - number_width, y, number);
    HPDF_Rect rect = {(HPDF_REAL)x, (HPDF_REAL)(y - 4.0), (HPDF_REAL)right,
                      (HPDF_REAL)(y + TOC_SIZE)};
    HPDF_Destination dest = destination_of(ctx, mark);
    HPDF_Annotation link = dest ? HPDF_Page_CreateLinkAnnot(ctx->page, rect, dest) : NULL;
    /* PDF/A-1 6.5.3: every annotation printable (flag 4), none hidden */
    if (link != NULL) {
        HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
        HPDF_Dict_AddNumber(link, "F", 4);
    }
}

bool rel_pdf_toc_fill(rel_pdf_ctx *ctx)
{
    if (ctx->toc_pages == 0)
        return true;
    size_t per_page = (size_t)toc_lines_per_page(), line = 0;
    for (size_t i = 0; i < ctx->mark_count; i++) {
        const rel_pdf_mark *mark = &ctx->marks[i];
        if (mark->level > TOC_LEVELS)
            continue;
        size_t page = ctx->toc_page + line / per_page;
        if (page >= ctx->toc_page + ctx->toc_pages)
            break;
        ctx->page = ctx->pages[page];
        if (line % per_page == 0) {
            HPDF_Page_SetRGBFill(ctx->page, 0.11, 0.23, 0.40);
            rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, 15, REL_PDF_MARGIN_X, REL_PDF_TOP - 18,
                              "Indice");
            HPDF_Page_SetRGBFill(ctx->page, 0.0, 0.0, 0.0);
        }
        double y = REL_PDF_TOP - 52.0 - (double)(line % per_page) * TOC_LEADING;
        toc_entry(ctx, mark, y);
        line++;
    }
    return true;
}

bool rel_pdf_bookmarks(rel_pdf_ctx *ctx)
{
    HPDF_Encoder encoder = HPDF_GetEncoder(ctx->pdf, "UTF-8");
    HPDF_Outline parents[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < ctx->mark_count; i++) {
        const rel_pdf_mark *mark = &ctx->marks[i];
        int level = mark->level < 1 ? 1 : mark->level > 3 ? 3 : mark->level;
        const char *title = rel_pdf_text(ctx, mark->text);
        if (title == NULL)
            return false;
        HPDF_Outline outline = HPDF_CreateOutline(ctx->pdf, level > 1 ? parents[level - 2] : NULL,
                                                  title, encoder);
        HPDF_Destination dest = destination_of(ctx, mark);
        if (outline == NULL || dest == NULL)
            return false;
        HPDF_Outline_SetDestination(outline, dest);
        HPDF_Outline_SetOpened(outline, level == 1 ? HPDF_TRUE : HPDF_FALSE);
        parents[level - 1] = outline;
        for (int deeper = level; deeper < 3; deeper++)
            parents[deeper] = NULL;
    }
    return true;
}

bool rel_pdf_signatures(rel_pdf_ctx *ctx, const char *text)
{
    if (!rel_pdf_ensure(ctx, 110.0))
        return false;
    ctx->y -= 60.0;
    double column = REL_PDF_TEXT_WIDTH / 2;
    size_t index = 0;
    for (const char *block = text; block && *block; index++) {
        const char *end = strstr(block, "\n\n");
        size_t len = end ? (size_t)(end - block) : strlen(block);
        char *pair = rel_arena_strndup(ctx->arena, block, len);
        char *name = pair ? strchr(pair, '\n') : NULL;
        if (name)
            *name++ = '\0';
        double x = REL_PDF_MARGIN_X + (double)(index % 2) * column + 20.0;
        const char *role = pair ? rel_pdf_text(ctx, pair) : NULL;
        const char *who = name ? rel_pdf_text(ctx, name) : NULL;
        if (role)
            rel_pdf_draw_text(ctx, ctx->fonts.serif_italic, 11, x, ctx->y + 18.0, role);
        HPDF_Page_SetLineWidth(ctx->page, 0.5);
        HPDF_Page_MoveTo(ctx->page, x, ctx->y - 14.0);
        HPDF_Page_LineTo(ctx->page, x + column - 60.0, ctx->y - 14.0);
        HPDF_Page_Stroke(ctx->page);
        if (who)
            rel_pdf_draw_text(ctx, ctx->fonts.serif, 11, x, ctx->y - 28.0, who);
        block = end ? end + 2 : NULL;
    }
    ctx->y -= 40.0;
    return true;
}
