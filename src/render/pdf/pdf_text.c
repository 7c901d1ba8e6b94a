#include "render/pdf/pdf_text.h"

#include <string.h>

#define BODY_SIZE 11.0
#define BODY_LEADING 15.0
#define PARAGRAPH_GAP 6.0

enum { STYLE_BOLD = 1, STYLE_ITALIC = 2 };

/* A run of text in one style; a line may break only before a piece that
 * follows a space. */
typedef struct piece {
    const char *text;          /* UTF-8, NUL-terminated */
    int style;
    double width;
    bool space_before;
} piece;

typedef struct line {
    size_t first, count;       /* pieces */
    size_t spaces;             /* breakable gaps inside the line */
    double width;              /* natural width */
} line;

static rel_pdf_font style_font(const rel_pdf_ctx *ctx, int style)
{
    const rel_pdf_fonts *f = &ctx->fonts;
    return style == (STYLE_BOLD | STYLE_ITALIC) ? f->serif_bold_italic
           : style == STYLE_BOLD                ? f->serif_bold
           : style == STYLE_ITALIC              ? f->serif_italic : f->serif;
}

static bool is_break(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '*' || c == '\0';
}

/* At most how many pieces `utf8` splits into: one per run of text. */
static size_t count_pieces(const char *utf8)
{
    size_t count = 0;
    for (const char *p = utf8; *p; p++)
        count += !is_break(*p) && is_break(p[1]);
    return count;
}

/* Splits the paragraph at blanks and at style markers ("**" bold, "*"
 * italic, toggled wherever they stand) into `pieces`. false on failure. */
static bool split(rel_pdf_ctx *ctx, const char *utf8, piece *pieces, size_t *count)
{
    int style = 0;
    bool space = false;
    *count = 0;
    for (const char *p = utf8; *p;) {
        if (*p == '*') {
            style ^= p[1] == '*' ? STYLE_BOLD : STYLE_ITALIC;
            p += p[1] == '*' ? 2 : 1;
            continue;
        }
        if (is_break(*p)) {
            space = *count > 0;
            p++;
            continue;
        }
        size_t len = 0;
        while (!is_break(p[len]))
            len++;
        char *run = rel_arena_strndup(ctx->arena, p, len);
        const char *text = run ? rel_pdf_text(ctx, run) : NULL;
        if (text == NULL)
            return false;
        pieces[(*count)++] = (piece){text, style,
                                     rel_pdf_width(style_font(ctx, style), BODY_SIZE, text,
                                                   strlen(text)), space};
        space = false;
        p += len;
    }
    return true;
}

static size_t break_lines(const rel_pdf_ctx *ctx, const piece *pieces, size_t count,
                          double width, line *lines)
{
    double space = rel_pdf_width(ctx->fonts.serif, BODY_SIZE, " ", 1);
    size_t n = 0;
    line current = {0, 0, 0, 0.0};
    for (size_t i = 0; i < count; i++) {
        const piece *p = &pieces[i];
        double gap = current.count > 0 && p->space_before ? space : 0.0;
        if (current.count > 0 && p->space_before && current.width + gap + p->width > width) {
            lines[n++] = current;
            current = (line){i, 0, 0, 0.0};
            gap = 0.0;
        }
        current.count++;
        current.spaces += gap > 0.0;
        current.width += gap + p->width;
    }
    if (current.count > 0)
        lines[n++] = current;
    return n;
}

static void draw_line(rel_pdf_ctx *ctx, const piece *pieces, const line *l, double x, double y,
                      double justify_to)
{
    double space = rel_pdf_width(ctx->fonts.serif, BODY_SIZE, " ", 1);
    double extra = justify_to > 0 && l->spaces > 0 ? (justify_to - l->width) / (double)l->spaces
                                                   : 0.0;
    rel_pdf_begin_text(ctx);
    for (size_t i = l->first; i < l->first + l->count; i++) {
        const piece *p = &pieces[i];
        if (i > l->first && p->space_before)
            x += space + extra;
        rel_pdf_move_to(ctx, x, y);
        rel_pdf_show(ctx, style_font(ctx, p->style), BODY_SIZE, p->text, strlen(p->text));
        x += p->width;
    }
    rel_pdf_end_text(ctx);
}

bool rel_pdf_text_block(rel_pdf_ctx *ctx, const char *utf8, double indent, const char *marker)
{
    size_t most = count_pieces(utf8) + 1, count;
    piece *pieces = rel_arena_array(ctx->arena, most, sizeof *pieces);
    line *lines = rel_arena_array(ctx->arena, most, sizeof *lines);
    if (pieces == NULL || lines == NULL || !split(ctx, utf8, pieces, &count))
        return false;
    if (count == 0)
        return true;
    double width = REL_PDF_TEXT_WIDTH - indent;
    size_t n = break_lines(ctx, pieces, count, width, lines);
    for (size_t i = 0; i < n; i++) {
        /* no orphan (a first line alone at a foot), no widow (a last line
         * alone at a head): ask for two lines where a split would leave one */
        bool keep_two = (i == 0 && n > 1) || (i + 2 == n);
        if (!rel_pdf_ensure(ctx, BODY_LEADING * (keep_two ? 2 : 1)))
            return false;
        ctx->y -= BODY_LEADING;
        double baseline = ctx->y + 3.5;
        if (marker && i == 0)
            rel_pdf_draw_text(ctx, ctx->fonts.serif, BODY_SIZE,
                              REL_PDF_MARGIN_X + indent - 5.0
                                  - rel_pdf_width(ctx->fonts.serif, BODY_SIZE, marker,
                                                  strlen(marker)),
                              baseline, marker);
        draw_line(ctx, pieces, &lines[i], REL_PDF_MARGIN_X + indent, baseline,
                  i + 1 == n ? 0.0 : width);
    }
    ctx->y -= marker ? 2.0 : PARAGRAPH_GAP;
    return true;
}
