#include "render/pdf/pdf_layout.h"

#include "render/pdf/pdf_text.h"
#include "render/pdf/pdf_trace.h"
#include "render/pdf/pdf_typo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BODY_LEADING 15.0

static bool remember_page(rel_pdf_ctx *ctx, HPDF_Page page, bool landscape)
{
    if (ctx->page_count == ctx->page_capacity) {
        size_t capacity = ctx->page_capacity ? ctx->page_capacity * 2 : 16;
        HPDF_Page *pages = rel_arena_array(ctx->arena, capacity, sizeof *pages);
        bool *turned = rel_arena_array(ctx->arena, capacity, sizeof *turned);
        if (pages == NULL || turned == NULL)
            return false;
        if (ctx->page_count) {
            memcpy(pages, ctx->pages, ctx->page_count * sizeof *pages);
            memcpy(turned, ctx->landscape, ctx->page_count * sizeof *turned);
        }
        ctx->pages = pages;
        ctx->landscape = turned;
        ctx->page_capacity = capacity;
    }
    ctx->landscape[ctx->page_count] = landscape;
    ctx->pages[ctx->page_count++] = page;
    return true;
}

double rel_pdf_page_width(const rel_pdf_ctx *ctx, size_t index)
{
    return ctx->landscape[index] ? REL_PDF_PAGE_HEIGHT : REL_PDF_PAGE_WIDTH;
}

double rel_pdf_page_height(const rel_pdf_ctx *ctx, size_t index)
{
    return ctx->landscape[index] ? REL_PDF_PAGE_WIDTH : REL_PDF_PAGE_HEIGHT;
}

/* The word BOZZA across the page in light grey, drawn first so that the
 * content stays readable on top of it. */
static void draw_draft_mark(rel_pdf_ctx *ctx)
{
    const double angle = 55.0 * M_PI / 180.0;
    const double size = 120.0;
    double width = rel_pdf_width(ctx->fonts.sans_bold, size, "BOZZA", 5);
    double c = cos(angle), s = sin(angle);
    size_t index = ctx->page_count - 1;
    double x = rel_pdf_page_width(ctx, index) / 2 - (width / 2) * c + (size / 3) * s;
    double y = rel_pdf_page_height(ctx, index) / 2 - (width / 2) * s - (size / 3) * c;
    HPDF_Page_SetGrayFill(ctx->page, 0.88);
    rel_pdf_begin_text(ctx);
    HPDF_Page_SetTextMatrix(ctx->page, c, s, -s, c, x, y);
    rel_pdf_show(ctx, ctx->fonts.sans_bold, size, "BOZZA", 5);
    rel_pdf_end_text(ctx);
    HPDF_Page_SetGrayFill(ctx->page, 0.0);
}

bool rel_pdf_new_page(rel_pdf_ctx *ctx)
{
    return rel_pdf_new_page_turned(ctx, false);
}

bool rel_pdf_new_page_turned(rel_pdf_ctx *ctx, bool landscape)
{
    HPDF_Page page = HPDF_AddPage(ctx->pdf);
    if (page == NULL || !remember_page(ctx, page, landscape))
        return false;
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
                      landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    ctx->page = page;
    ctx->top = landscape ? REL_PDF_LANDSCAPE_TOP : REL_PDF_TOP;
    ctx->width = landscape ? REL_PDF_LANDSCAPE_TEXT_WIDTH : REL_PDF_TEXT_WIDTH;
    ctx->y = ctx->top;
    if (ctx->draft)
        draw_draft_mark(ctx);
    return true;
}

bool rel_pdf_ensure(rel_pdf_ctx *ctx, double height)
{
    /* running text goes on portrait pages: a landscape page ends with its
     * table, and holds only the table's own heading and lead-in */
    if (ctx->page != NULL && ctx->y - height >= REL_PDF_BOTTOM
        && (!ctx->landscape[ctx->page_count - 1] || ctx->landscape_text))
        return true;
    return rel_pdf_new_page(ctx);
}

/* Appends a line to a growing arena array. */
static bool push_line(rel_pdf_ctx *ctx, rel_pdf_line **lines, size_t *count, size_t *capacity,
                      rel_pdf_line line)
{
    if (*count == *capacity) {
        size_t wanted = *capacity ? *capacity * 2 : 8;
        rel_pdf_line *bigger = rel_arena_array(ctx->arena, wanted, sizeof *bigger);
        if (bigger == NULL)
            return false;
        if (*count)
            memcpy(bigger, *lines, *count * sizeof *bigger);
        *lines = bigger;
        *capacity = wanted;
    }
    (*lines)[(*count)++] = line;
    return true;
}

/* Bytes of the UTF-8 character at `s` (1 for an ill-formed byte). */
static size_t char_len(const char *s, size_t left)
{
    uint32_t cp;
    size_t len = rel_pdf_decode(s, left, &cp);
    return len ? len : 1;
}

/* Longest prefix of a word (at least one character) that fits in `width`;
 * never cuts inside a character. */
static size_t fitting_prefix(rel_pdf_font font, double size, const char *word, size_t len,
                             double width)
{
    size_t fit = char_len(word, len);
    while (fit < len) {
        size_t next = fit + char_len(word + fit, len - fit);
        if (rel_pdf_width(font, size, word, next) > width)
            break;
        fit = next;
    }
    return fit;
}

size_t rel_pdf_wrap(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                    double width, rel_pdf_line **lines)
{
    size_t count = 0, capacity = 0;
    *lines = NULL;
    const char *p = text;
    while (*p == ' ')
        p++;
    rel_pdf_line line = {p, 0, 0, 0.0};
    while (*p) {
        size_t word_len = strcspn(p, " ");
        size_t gap = line.len ? (size_t)(p - (line.start + line.len)) : 0;
        size_t candidate = line.len ? (size_t)(p - line.start) + word_len : word_len;
        double candidate_width = rel_pdf_width(font, size, line.len ? line.start : p, candidate);
        if (candidate_width <= width || (line.len == 0 && word_len == 0)) {
            if (line.len == 0)
                line.start = p;
            line.spaces += gap;
            line.len = candidate;
            line.width = candidate_width;
            p += word_len;
        } else if (line.len > 0) {
            if (!push_line(ctx, lines, &count, &capacity, line))
                return 0;
            line = (rel_pdf_line){p, 0, 0, 0.0};
            continue;
        } else {
            /* A word wider than the whole line: cut it where it must. */
            size_t fit = fitting_prefix(font, size, p, word_len, width);
            line = (rel_pdf_line){p, fit, 0, rel_pdf_width(font, size, p, fit)};
            if (!push_line(ctx, lines, &count, &capacity, line))
                return 0;
            p += fit;
            line = (rel_pdf_line){p, 0, 0, 0.0};
            continue;
        }
        while (*p == ' ')
            p++;
    }
    if ((line.len > 0 || count == 0) && !push_line(ctx, lines, &count, &capacity, line))
        return 0;
    return count;
}

void rel_pdf_begin_text(rel_pdf_ctx *ctx)
{
    HPDF_Page_BeginText(ctx->page);
    ctx->text_font = NULL;
    ctx->line_x = ctx->line_y = 0.0;
}

void rel_pdf_move_to(rel_pdf_ctx *ctx, double x, double y)
{
    HPDF_Page_MoveTextPos(ctx->page, x - ctx->line_x, y - ctx->line_y);
    ctx->line_x = x;
    ctx->line_y = y;
}

void rel_pdf_end_text(rel_pdf_ctx *ctx)
{
    HPDF_Page_EndText(ctx->page);
    ctx->text_font = NULL;
}

/* Shows `len` bytes of `run` (WinAnsi codes, or UTF-8 for a wide run). */
static void show_run(rel_pdf_ctx *ctx, rel_pdf_font font, double size, bool wide, char *run,
                     size_t len)
{
    HPDF_Font pdf_font = rel_pdf_face_font(font, wide);
    if (pdf_font == NULL || len == 0)
        return;   /* libharu's handler holds the error; the writer reports it */
    if (pdf_font != ctx->text_font || size != ctx->text_size) {
        HPDF_Page_SetFontAndSize(ctx->page, pdf_font, size);
        ctx->text_font = pdf_font;
        ctx->text_size = size;
    }
    run[len] = '\0';
    HPDF_Page_ShowText(ctx->page, run);
}

void rel_pdf_show(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                  size_t len)
{
    char run[256];
    size_t used = 0;
    bool wide = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t step = rel_pdf_decode(text + i, len - i, &cp);
        step = step ? step : 1;
        if (!rel_pdf_printable(font, cp)) {
            /* a line end left in a text shows as nothing; anything else is
             * a character the template asks for and no face has */
            ctx->unprintable += cp != '\n' && cp != '\r' && cp != '\t';
            i += step;
            continue;
        }
        unsigned code = rel_pdf_winansi(font, cp);
        if (used > 0 && ((code == 0) != wide || used + 4 >= sizeof run)) {
            show_run(ctx, font, size, wide, run, used);
            used = 0;
        }
        wide = code == 0;
        if (wide) {
            memcpy(run + used, text + i, step);
            used += step;
            if (rel_pdf_face_font(font, true) != NULL)
                font->wide_used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        } else {
            run[used++] = (char)code;
        }
        i += step;
    }
    show_run(ctx, font, size, wide, run, used);
}

void rel_pdf_draw_line(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                       const rel_pdf_line *line, double justify_to)
{
    if (line->len == 0)
        return;
    double word_space = 0.0;
    if (justify_to > 0 && line->spaces > 0)
        word_space = (justify_to - line->width) / (double)line->spaces;
    rel_pdf_begin_text(ctx);
    if (word_space != 0.0)
        HPDF_Page_SetWordSpace(ctx->page, word_space);
    rel_pdf_move_to(ctx, x, y);
    rel_pdf_show(ctx, font, size, line->start, line->len);
    if (word_space != 0.0)
        HPDF_Page_SetWordSpace(ctx->page, 0.0);
    rel_pdf_end_text(ctx);
}

void rel_pdf_draw_text(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                       const char *text)
{
    if (text[0] == '\0')
        return;
    rel_pdf_begin_text(ctx);
    rel_pdf_move_to(ctx, x, y);
    rel_pdf_show(ctx, font, size, text, strlen(text));
    rel_pdf_end_text(ctx);
}

const char *rel_pdf_text(rel_pdf_ctx *ctx, const char *utf8)
{
    return rel_arena_strdup(ctx->arena, utf8 ? utf8 : "");
}

/* Remembers where a heading lands, for the Indice and the bookmarks. */
static bool mark_heading(rel_pdf_ctx *ctx, int level, const char *utf8)
{
    if (ctx->mark_count == ctx->mark_capacity) {
        size_t capacity = ctx->mark_capacity ? ctx->mark_capacity * 2 : 32;
        rel_pdf_mark *marks = rel_arena_array(ctx->arena, capacity, sizeof *marks);
        if (marks == NULL)
            return false;
        if (ctx->mark_count)
            memcpy(marks, ctx->marks, ctx->mark_count * sizeof *marks);
        ctx->marks = marks;
        ctx->mark_capacity = capacity;
    }
    ctx->marks[ctx->mark_count++] = (rel_pdf_mark){utf8, level, ctx->page_count - 1, ctx->y};
    return true;
}

/* The heading's size, the space above it and its lines. 0 lines when out
 * of memory. */
static size_t heading_lines(rel_pdf_ctx *ctx, int level, const char *utf8, double *size,
                            double *before, rel_pdf_line **lines)
{
    *size = level <= 1 ? 15.0 : 12.5;
    *before = level <= 1 ? 18.0 : 12.0;
    return utf8 ? rel_pdf_wrap(ctx, ctx->fonts.sans_bold, *size, utf8, REL_PDF_TEXT_WIDTH, lines)
                : 0;
}

double rel_pdf_heading_height(rel_pdf_ctx *ctx, int level, const char *heading)
{
    double size, before;
    rel_pdf_line *lines;
    size_t count = heading_lines(ctx, level, rel_pdf_typeset(ctx->arena, heading), &size, &before,
                                 &lines);
    return before + (double)count * size * 1.3 + 8.0;
}

bool rel_pdf_heading(rel_pdf_ctx *ctx, int level, const char *heading, double keep)
{
    const char *utf8 = rel_pdf_typeset(ctx->arena, heading);   /* also for the Indice */
    double size, before;
    rel_pdf_line *lines;
    size_t count = heading_lines(ctx, level, utf8, &size, &before, &lines);
    if (count == 0)
        return false;
    double height = before + (double)count * size * 1.3 + 8.0;
    double page = REL_PDF_TOP - REL_PDF_BOTTOM;
    if (!rel_pdf_ensure(ctx, height + keep <= page ? height + keep : height + 2 * BODY_LEADING))
        return false;
    if (ctx->y < ctx->top)
        ctx->y -= before;
    if (!mark_heading(ctx, level, utf8))
        return false;
    double top = ctx->y;
    HPDF_Page_SetRGBFill(ctx->page, 0.11, 0.23, 0.40);
    for (size_t i = 0; i < count; i++) {
        ctx->y -= size * 1.3;
        rel_pdf_draw_line(ctx, ctx->fonts.sans_bold, size, REL_PDF_MARGIN_X, ctx->y,
                          &lines[i], 0.0);
    }
    HPDF_Page_SetRGBFill(ctx->page, 0.0, 0.0, 0.0);
    ctx->y -= 8.0;
    static const char *const kinds[] = {"heading1", "heading2", "heading3"};
    rel_pdf_trace(ctx, kinds[level <= 1 ? 0 : level >= 3 ? 2 : 1], top, ctx->y, utf8, SIZE_MAX);
    return true;
}
