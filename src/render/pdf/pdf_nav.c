#include "render/pdf/pdf_nav.h"

#include <stdio.h>
#include <string.h>

#include "render/pdf/pdf_trace.h"

#define TOC_SIZE 10.5
#define TOC_LEADING 17.0
#define TOC_LEVELS 2

/* The Indice's lines are wrapped the same way when they are counted (to
 * reserve its pages, before the headings have pages) and when they are
 * drawn: the room left beside the widest page number there can be. */
static rel_pdf_font toc_font(const rel_pdf_ctx *ctx, int level)
{
    return level == 1 ? ctx->fonts.sans_bold : ctx->fonts.sans;
}

static double toc_indent(int level)
{
    return level == 1 ? 0.0 : 18.0;
}

static size_t toc_wrap(rel_pdf_ctx *ctx, const char *heading, int level, rel_pdf_line **lines)
{
    rel_pdf_font font = toc_font(ctx, level);
    double number_width = rel_pdf_width(font, TOC_SIZE, "99999", 5);
    double room = REL_PDF_TEXT_WIDTH - toc_indent(level) - number_width - 30.0;
    const char *text = rel_pdf_text(ctx, heading);
    return text ? rel_pdf_wrap(ctx, font, TOC_SIZE, text, room, lines) : 0;
}

static double toc_lines_per_page(void)
{
    return (REL_PDF_TOP - REL_PDF_BOTTOM - 40.0) / TOC_LEADING;
}

/* The lines every entry takes, each entry whole on one page: the pages the
 * Indice needs. 0 when a heading cannot be laid out. */
static size_t toc_page_count(rel_pdf_ctx *ctx, const rel_document *doc)
{
    size_t per_page = (size_t)toc_lines_per_page(), pages = 1, used = 0;
    for (const rel_block *b = doc->first; b; b = b->next) {
        if (b->kind != REL_BLOCK_HEADING || b->level > TOC_LEVELS)
            continue;
        rel_pdf_line *lines;
        size_t count = toc_wrap(ctx, b->text, b->level, &lines);
        if (count == 0 || count > per_page)
            return 0;
        if (used + count > per_page) {
            pages++;
            used = 0;
        }
        used += count;
    }
    return pages;
}

bool rel_pdf_toc_reserve(rel_pdf_ctx *ctx, const rel_document *doc)
{
    size_t pages = toc_page_count(ctx, doc);
    if (pages == 0)
        return false;
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
    if (dest != NULL && HPDF_Destination_SetXYZ(dest, 0, (HPDF_REAL)(mark->y + 20.0), 1)
                            != HPDF_OK)
        return NULL;
    return dest;
}

/* "2.1 Andamento ........ 7", every line of the title from `y` down, the
 * number on the last, the whole entry a link to its page. false when any
 * part of it cannot be made: an entry never goes missing in silence. */
static bool toc_entry(rel_pdf_ctx *ctx, const rel_pdf_mark *mark, double y)
{
    rel_pdf_font font = toc_font(ctx, mark->level);
    char number[16];
    snprintf(number, sizeof number, "%zu", mark->page + 1);
    double number_width = rel_pdf_width(font, TOC_SIZE, number, strlen(number));
    double right = REL_PDF_MARGIN_X + REL_PDF_TEXT_WIDTH;
    double x = REL_PDF_MARGIN_X + toc_indent(mark->level);
    rel_pdf_line *lines;
    size_t count = toc_wrap(ctx, mark->text, mark->level, &lines);
    if (count == 0)
        return false;
    for (size_t i = 0; i < count; i++)
        rel_pdf_draw_line(ctx, font, TOC_SIZE, x, y - (double)i * TOC_LEADING, &lines[i], 0.0);
    double last = y - (double)(count - 1) * TOC_LEADING;
    /* dot leaders between the title and the number */
    double dot = rel_pdf_width(ctx->fonts.sans, TOC_SIZE, ".", 1);
    HPDF_Page_SetGrayFill(ctx->page, 0.45);
    for (double d = x + lines[count - 1].width + 6.0; d + dot < right - number_width - 4.0;
         d += dot * 2)
        rel_pdf_draw_text(ctx, ctx->fonts.sans, TOC_SIZE, d, last, ".");
    HPDF_Page_SetGrayFill(ctx->page, 0.0);
    rel_pdf_draw_text(ctx, font, TOC_SIZE, right - number_width, last, number);
    HPDF_Rect rect = {(HPDF_REAL)x, (HPDF_REAL)(last - 4.0), (HPDF_REAL)right,
                      (HPDF_REAL)(y + TOC_SIZE)};
    HPDF_Destination dest = destination_of(ctx, mark);
    HPDF_Annotation link = dest ? HPDF_Page_CreateLinkAnnot(ctx->page, rect, dest) : NULL;
    /* PDF/A-1 6.5.3: every annotation printable (flag 4), none hidden */
    return link != NULL && HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0) == HPDF_OK
           && HPDF_Dict_AddNumber(link, "F", 4) == HPDF_OK;
}

static void toc_title(rel_pdf_ctx *ctx)
{
    HPDF_Page_SetRGBFill(ctx->page, 0.11, 0.23, 0.40);
    rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, 15, REL_PDF_MARGIN_X, REL_PDF_TOP - 18,
                      "Indice");
    HPDF_Page_SetRGBFill(ctx->page, 0.0, 0.0, 0.0);
}

bool rel_pdf_toc_fill(rel_pdf_ctx *ctx)
{
    if (ctx->toc_pages == 0)
        return true;
    size_t per_page = (size_t)toc_lines_per_page(), page = 0, used = 0;
    ctx->page = ctx->pages[ctx->toc_page];
    toc_title(ctx);
    for (size_t i = 0; i < ctx->mark_count; i++) {
        const rel_pdf_mark *mark = &ctx->marks[i];
        if (mark->level > TOC_LEVELS)
            continue;
        rel_pdf_line *lines;
        size_t count = toc_wrap(ctx, mark->text, mark->level, &lines);
        if (count == 0)
            return false;
        if (used + count > per_page) {
            /* the pages reserved were counted the same way: more is a bug */
            if (++page == ctx->toc_pages)
                return false;
            used = 0;
            ctx->page = ctx->pages[ctx->toc_page + page];
            toc_title(ctx);
        }
        if (!toc_entry(ctx, mark, REL_PDF_TOP - 52.0 - (double)used * TOC_LEADING))
            return false;
        used += count;
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

#define SIGNATURES_HEIGHT 110.0

double rel_pdf_signatures_height(void)
{
    return SIGNATURES_HEIGHT;
}

bool rel_pdf_signatures(rel_pdf_ctx *ctx, const char *text)
{
    if (!rel_pdf_ensure(ctx, SIGNATURES_HEIGHT))
        return false;
    rel_pdf_trace(ctx, "signatures", ctx->y, ctx->y - 100.0, text, strcspn(text, "\n"));
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
