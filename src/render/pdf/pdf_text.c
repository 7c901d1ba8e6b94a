#include "render/pdf/pdf_text.h"

#include <stdint.h>
#include <string.h>

#include "render/pdf/pdf_hyphen.h"
#include "render/pdf/pdf_trace.h"
#include "render/pdf/pdf_typo.h"

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
        const char *text = rel_arena_strndup(ctx->arena, p, len);
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

/* A dash standing alone ("aree – Minori"): it never opens a line. */
static bool is_dash(const piece *p)
{
    return strcmp(p->text, "–") == 0 || strcmp(p->text, "—") == 0 || strcmp(p->text, "-") == 0;
}

/* The lines being made: pieces go to `out` (a word split at a line end
 * becomes two), lines to `lines`. */
typedef struct breaker {
    rel_pdf_ctx *ctx;
    double width, space;
    piece *out;
    size_t used;
    line *lines;
    size_t count;
    line current;
    int hyphenated;            /* lines in a row ending in a hyphen */
} breaker;

static void add(breaker *b, piece p)
{
    double gap = b->current.count > 0 && p.space_before ? b->space : 0.0;
    b->out[b->used++] = p;
    b->current.count++;
    b->current.spaces += gap > 0.0;
    b->current.width += gap + p.width;
}

static void end_line(breaker *b, bool hyphen)
{
    b->lines[b->count++] = b->current;
    b->current = (line){b->used, 0, 0, 0.0};
    b->hyphenated = hyphen ? b->hyphenated + 1 : 0;
}

/* Whether the current line, ended here, would have its word gaps stretched
 * by more than a third of a space: loose enough to hyphenate the next word. */
static bool loose(const breaker *b)
{
    const line *l = &b->current;
    return l->spaces == 0 || (b->width - l->width) / (double)l->spaces > 0.33 * b->space;
}

/* Ends the line before `p`, which does not fit: hyphenating `p` where the
 * line is loose (not three lines running), or taking the word before a
 * dash along. Returns what is left of `p` for the next line. */
static piece overflow(breaker *b, piece p)
{
    if (is_dash(&p) && b->current.count > 1) {
        piece last = b->out[--b->used];
        line *l = &b->current;
        l->count--;
        bool gap = last.space_before && l->count > 0;
        l->width -= last.width + (gap ? b->space : 0.0);
        l->spaces -= gap;
        end_line(b, false);
        add(b, last);
        return p;
    }
    double room = b->width - b->current.width - b->space;
    rel_pdf_font font = style_font(b->ctx, p.style);
    size_t head = loose(b) && b->hyphenated < 2
                      ? rel_pdf_hyphenate(b->ctx->hyphens, font, BODY_SIZE, p.text,
                                          strlen(p.text), room)
                      : 0;
    char *text = head ? rel_arena_printf(b->ctx->arena, "%.*s" REL_PDF_HYPHEN, (int)head,
                                         p.text) : NULL;
    if (text == NULL) {
        end_line(b, false);
        return p;
    }
    add(b, (piece){text, p.style, rel_pdf_width(font, BODY_SIZE, text, strlen(text)),
                   p.space_before});
    end_line(b, true);
    const char *tail = p.text + head;
    return (piece){tail, p.style, rel_pdf_width(font, BODY_SIZE, tail, strlen(tail)), false};
}

/* Breaks `pieces` into lines no wider than `width`, greedily, a word
 * hyphenated where a line would be loose. `out` must hold 2 * count
 * pieces. Returns the number of lines. */
static size_t break_lines(rel_pdf_ctx *ctx, const piece *pieces, size_t count, double width,
                          piece *out, line *lines)
{
    breaker b = {ctx, width, rel_pdf_width(ctx->fonts.serif, BODY_SIZE, " ", 1), out, 0, lines,
                 0, {0, 0, 0, 0.0}, 0};
    for (size_t i = 0; i < count; i++) {
        piece p = pieces[i];
        if (b.current.count > 0 && p.space_before
            && b.current.width + b.space + p.width > width)
            p = overflow(&b, p);
        add(&b, p);
    }
    if (b.current.count > 0)
        end_line(&b, false);
    return b.count;
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

/* A text block broken into lines: kept from its measure to its drawing. */
typedef struct rel_laid_text {
    const char *utf8;
    double indent;
    piece *pieces;
    line *lines;
    size_t count;              /* lines; 0 for a text with nothing to print */
} rel_laid_text;

/* The block laid out: the one measured ahead, or laid now. NULL when out
 * of memory. */
static rel_laid_text *lay_out(rel_pdf_ctx *ctx, const char *utf8, double indent)
{
    if (ctx->laid_text != NULL && ctx->laid_text->utf8 == utf8 && ctx->laid_text->indent == indent)
        return ctx->laid_text;
    const char *typeset = rel_pdf_typeset(ctx->arena, utf8);
    size_t most = typeset ? count_pieces(typeset) + 1 : 0, count;
    rel_laid_text *t = rel_arena_alloc(ctx->arena, sizeof *t);
    piece *pieces = rel_arena_array(ctx->arena, most, sizeof *pieces);
    piece *laid = rel_arena_array(ctx->arena, 2 * most, sizeof *laid);
    line *lines = rel_arena_array(ctx->arena, 2 * most, sizeof *lines);
    if (t == NULL || pieces == NULL || laid == NULL || lines == NULL
        || !split(ctx, typeset, pieces, &count))
        return NULL;
    *t = (rel_laid_text){utf8, indent, laid, lines, 0};
    if (count > 0)
        t->count = break_lines(ctx, pieces, count, REL_PDF_TEXT_WIDTH - indent, laid, lines);
    ctx->laid_text = t;
    return t;
}

/* How many lines, from line i of n, must go on the page of line i: no
 * orphan (a first line alone at a foot), no widow (a last line alone at a
 * head), so the first two lines and the last two stay together, and a
 * paragraph of three lines is never split. */
static size_t lines_kept(size_t i, size_t n)
{
    if (i == 0)
        return n == 3 ? 3 : n < 2 ? n : 2;
    return i + 2 == n ? 2 : 1;
}

double rel_pdf_text_start(rel_pdf_ctx *ctx, const char *utf8, double indent, bool *whole)
{
    const rel_laid_text *t = lay_out(ctx, utf8, indent);
    size_t count = t ? t->count : 0;
    size_t kept = count ? lines_kept(0, count) : 0;
    *whole = kept == count;
    return BODY_LEADING * (double)kept;
}

double rel_pdf_text_height(rel_pdf_ctx *ctx, const char *utf8, double indent, bool list)
{
    const rel_laid_text *t = lay_out(ctx, utf8, indent);
    if (t == NULL || t->count == 0)
        return 0.0;
    return BODY_LEADING * (double)t->count + rel_pdf_text_gap(list);
}

/* The line as the trace shows it: its pieces, spaced as printed. */
static void trace_line(rel_pdf_ctx *ctx, const rel_laid_text *t, size_t i, double top)
{
    if (ctx->trace == NULL)
        return;
    const line *l = &t->lines[i];
    char *text = rel_arena_strdup(ctx->arena, "");
    for (size_t k = l->first; text && k < l->first + l->count; k++)
        text = rel_arena_printf(ctx->arena, "%s%s%s", text,
                                k > l->first && t->pieces[k].space_before ? " " : "",
                                t->pieces[k].text);
    rel_pdf_trace(ctx, i + 1 == t->count ? "line-last" : "line", top, ctx->y, text, SIZE_MAX);
}

double rel_pdf_text_gap(bool list)
{
    return list ? 2.0 : PARAGRAPH_GAP;
}

bool rel_pdf_text_block(rel_pdf_ctx *ctx, const char *utf8, double indent, const char *marker,
                        double keep)
{
    const rel_laid_text *t = lay_out(ctx, utf8, indent);
    if (t == NULL)
        return false;
    size_t n = t->count;
    double width = REL_PDF_TEXT_WIDTH - indent;
    double page = REL_PDF_TOP - REL_PDF_BOTTOM;
    for (size_t i = 0; i < n; i++) {
        /* the last two lines also keep what must follow them */
        double need = BODY_LEADING * (double)lines_kept(i, n);
        double kept = keep > 0.0 ? rel_pdf_text_gap(marker != NULL) + keep : 0.0;
        if (i + 2 >= n && need + kept <= page)
            need += kept;
        if (!rel_pdf_ensure(ctx, need))
            return false;
        double top = ctx->y;
        ctx->y -= BODY_LEADING;
        double baseline = ctx->y + 3.5;
        if (marker && i == 0)
            rel_pdf_draw_text(ctx, ctx->fonts.serif, BODY_SIZE,
                              REL_PDF_MARGIN_X + indent - 5.0
                                  - rel_pdf_width(ctx->fonts.serif, BODY_SIZE, marker,
                                                  strlen(marker)),
                              baseline, marker);
        draw_line(ctx, t->pieces, &t->lines[i], REL_PDF_MARGIN_X + indent, baseline,
                  i + 1 == n ? 0.0 : width);
        trace_line(ctx, t, i, top);
    }
    if (n > 0)
        ctx->y -= rel_pdf_text_gap(marker != NULL);
    return true;
}
