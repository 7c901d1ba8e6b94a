/*
 * pdf_layout.h - pages, lines and paragraphs on top of libharu.
 *
 * libharu draws glyphs; this module decides where: page geometry, line
 * breaking on measured widths (HPDF_Page_MeasureText breaks inside UTF-8 and
 * only at ASCII spaces, see LIBS.md), justification, page breaks. Every
 * string passed here is UTF-8; pdf_fonts.h says how it reaches the fonts.
 */
#ifndef REL_PDF_LAYOUT_H
#define REL_PDF_LAYOUT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/arena.h"
#include "render/pdf/pdf_fonts.h"

/* A4 portrait, in points. */
#define REL_PDF_PAGE_WIDTH 595.276
#define REL_PDF_PAGE_HEIGHT 841.89
#define REL_PDF_MARGIN_X 70.87      /* 2,5 cm */
#define REL_PDF_TOP 771.0           /* first baseline area starts below the running header */
#define REL_PDF_BOTTOM 72.0         /* content ends above the footer */
#define REL_PDF_TEXT_WIDTH (REL_PDF_PAGE_WIDTH - 2 * REL_PDF_MARGIN_X)
/* Landscape pages, for tables too wide for a portrait one. */
#define REL_PDF_LANDSCAPE_TOP (REL_PDF_PAGE_WIDTH - 70.89)
#define REL_PDF_LANDSCAPE_TEXT_WIDTH (REL_PDF_PAGE_HEIGHT - 2 * REL_PDF_MARGIN_X)

/* Where a heading landed: for the Indice, its links and the bookmarks. */
typedef struct rel_pdf_mark {
    const char *text;          /* UTF-8, as in the document */
    int level;
    size_t page;               /* index in pages[] */
    double y;                  /* top of the heading on its page */
} rel_pdf_mark;

typedef struct rel_pdf_ctx {
    HPDF_Doc pdf;
    rel_pdf_fonts fonts;
    rel_arena *arena;
    HPDF_Page *pages;          /* every page, to write the footers at the end */
    bool *landscape;           /* per page: turned for a wide table */
    size_t page_count, page_capacity;
    HPDF_Page page;            /* the current page */
    double y;                  /* top of the free space on the current page */
    double top;                /* where the free space of the current page starts */
    double width;              /* text width of the current page */
    bool draft;
    size_t unprintable;        /* characters no face can show (the input check
                                  reports those of the data; this counts the rest) */
    HPDF_Font text_font;       /* font and size set in the open text object */
    double text_size;
    double line_x, line_y;     /* start of the current line of the text object */
    rel_pdf_mark *marks;       /* every heading, in order */
    size_t mark_count, mark_capacity;
    size_t toc_page;           /* first page reserved for the Indice */
    size_t toc_pages;          /* 0: the document has no Indice */
    size_t figures;            /* charts drawn so far: "Fig. n" */
    size_t tables;             /* tables drawn so far: "Tab. n" */
    struct rel_laid_table *laid;   /* the last table laid out (measured ahead of drawing) */
    struct rel_laid_text *laid_text;   /* the same for running text */
    FILE *trace;               /* pdf_trace.h; NULL when not asked for */
    const struct rel_pdf_hyphens *hyphens;   /* pdf_hyphen.h; NULL: no hyphenation */
    bool landscape_text;       /* text may go on the landscape page: the heading and
                                  lead-in of the landscape table that follows */
} rel_pdf_ctx;

/* A line of wrapped text: bytes [start, start+len) of a UTF-8 string. */
typedef struct rel_pdf_line {
    const char *start;
    size_t len;
    size_t spaces;             /* inner spaces, for justification */
    double width;              /* natural width in points */
} rel_pdf_line;

/* Adds a page (with the BOZZA mark under the content for a draft) and makes
 * it current; y goes back to the top. false when out of memory. */
bool rel_pdf_new_page(rel_pdf_ctx *ctx);

/* The same, in landscape (`landscape` true) or portrait orientation. */
bool rel_pdf_new_page_turned(rel_pdf_ctx *ctx, bool landscape);

/* Page width and height of page `index` (landscape pages are turned). */
double rel_pdf_page_width(const rel_pdf_ctx *ctx, size_t index);
double rel_pdf_page_height(const rel_pdf_ctx *ctx, size_t index);

/* Starts a new page unless `height` points still fit on this one (a
 * landscape page takes running text only while ctx->landscape_text). */
bool rel_pdf_ensure(rel_pdf_ctx *ctx, double height);

/* Breaks `text` into lines no wider than `width`, at spaces, or inside a
 * word longer than a whole line. Stores an arena array in *lines. Returns
 * the number of lines (at least 1), or 0 when out of memory. */
size_t rel_pdf_wrap(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                    double width, rel_pdf_line **lines);

/* Draws one line with its baseline at (x, y); `justify_to` > 0 stretches the
 * inner spaces to reach that width. */
void rel_pdf_draw_line(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                       const rel_pdf_line *line, double justify_to);

/* Draws NUL-terminated UTF-8 `text` at (x, y), in its own text object. */
void rel_pdf_draw_text(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                       const char *text);

/* A text object: begin, move the line start to (x, y) (as a relative
 * move), show text in runs of the fonts that have its characters (the
 * font set only when it changes), end. */
void rel_pdf_begin_text(rel_pdf_ctx *ctx);
void rel_pdf_move_to(rel_pdf_ctx *ctx, double x, double y);
void rel_pdf_show(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                  size_t len);
void rel_pdf_end_text(rel_pdf_ctx *ctx);

/* A copy of `utf8` in the arena, as it will be printed (a character no
 * face can show is left out when drawn, and counted in ctx->unprintable).
 * NULL when out of memory. */
const char *rel_pdf_text(rel_pdf_ctx *ctx, const char *utf8);


/* A heading (UTF-8), kept on one page with the `keep` points of what
 * follows it (the start of the next block: two lines of text, a table's
 * first rows, a chart). */
bool rel_pdf_heading(rel_pdf_ctx *ctx, int level, const char *utf8, double keep);

/* Height of the heading, with the space above it. */
double rel_pdf_heading_height(rel_pdf_ctx *ctx, int level, const char *utf8);

#endif
