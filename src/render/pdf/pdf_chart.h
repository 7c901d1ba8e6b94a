/*
 * pdf_chart.h - charts as vector drawings: bars (single, grouped,
 * stacked), lines, pie and donut, with axes, Italian number ticks, legend
 * and data labels, in a palette that still reads printed in greyscale.
 *
 * docs/CHARTS.md describes what a reader sees. The code is split by job:
 *     pdf_chart.c        entry point, caption, palette, numbers, legend, notes
 *     pdf_chart_axis.c   "nice" scales, value axis, grid, category labels
 *     pdf_chart_bars.c   single, grouped and stacked bars with data labels
 *     pdf_chart_line.c   lines with markers
 *     pdf_chart_pie.c    pie and donut
 */
#ifndef REL_PDF_CHART_H
#define REL_PDF_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Draws `chart` at the current position (ctx->y, full text width), with
 * its caption "Fig. n: …" under it (n counts the charts: ctx->figures),
 * lower than designed to fit what is left of the page (down to the height
 * rel_pdf_chart_start gives), else on a new page, and moves ctx->y below
 * the caption. A chart is also drawn lower (as far down) to leave `leave`
 * points for what follows it (a small table with its chart), when then
 * that fits the page too; 0 for nothing. A
 * chart with nothing to draw (no category, no series, only zeros or
 * non-finite values) becomes a framed note "nessun dato"; so does a pie
 * with a negative share, or a value beyond REL_CHART_MAX_VALUE. false when
 * out of memory; a libharu error is left to the writer's error handler. */
bool rel_pdf_chart(rel_pdf_ctx *ctx, const rel_doc_chart *chart, double leave);

/* The least height `chart` needs on a page with its caption: to finish a
 * page beside its table, a chart is drawn somewhat lower than designed
 * (down to this), never lower. 0 when out of memory. */
double rel_pdf_chart_start(rel_pdf_ctx *ctx, const rel_doc_chart *chart);

/* ---- Shared by the pdf_chart*.c files; not for other callers ---------- */

/* Sizes, in points. */
#define REL_CHART_TICK_SIZE 7.5
#define REL_CHART_LABEL_SIZE 7.5
#define REL_CHART_LEGEND_SIZE 8.0
#define REL_CHART_CAPTION_SIZE 9.0
#define REL_CHART_PIE_ROW 14.0       /* a one-line row of a pie's legend */

/* Values from here on (a thousand billion euros) are not drawn: a note
 * says so. Below it every value and tick formats exactly. */
#define REL_CHART_MAX_VALUE 1e15

typedef struct rel_chart_rgb {
    double r, g, b;
} rel_chart_rgb;

/* A rectangle of the page: left, bottom corner and size. */
typedef struct rel_chart_box {
    double left, bottom, width, height;
} rel_chart_box;

typedef enum rel_chart_anchor {
    REL_CHART_LEFT,
    REL_CHART_CENTER,
    REL_CHART_RIGHT,
} rel_chart_anchor;

/* Colour of series or slice `index`; the palette repeats after eight. */
rel_chart_rgb rel_pdf_chart_color(size_t index);

/* Colour of line `index`: the same palette, the pale colours last. */
rel_chart_rgb rel_pdf_chart_line_color(size_t index);

/* Whether white text reads better than dark text on `color`. */
bool rel_pdf_chart_dark(rel_chart_rgb color);

void rel_pdf_chart_fill(HPDF_Page page, rel_chart_rgb color);
void rel_pdf_chart_stroke(HPDF_Page page, rel_chart_rgb color);

/* Fills a rectangle of any sign of width and height; one thinner than a
 * hundredth of a point is skipped (libharu and viewers dislike it). */
void rel_pdf_chart_rect(HPDF_Page page, double x, double y, double width, double height);

/* `value` as Italian text in the chart's unit ("€ 1.234", "12,5%",
 * "1.234"), UTF-8, in the arena. The double becomes fixed point at
 * `decimals` (0 to 6), rounded half away from zero, and goes through
 * rel_number_format. A value too large for int64 prints as "n.d.".
 * NULL when out of memory. */
const char *rel_pdf_chart_number(rel_pdf_ctx *ctx, const rel_doc_chart *chart, double value,
                                 int decimals);

/* The same for a share of a whole, 0.1234 => "12,3%". */
const char *rel_pdf_chart_share(rel_pdf_ctx *ctx, double share);

/* UTF-8 `text` shortened with "…" to fit `width`, after a whole word when
 * that keeps half of it: "Trasferimenti e contributi alle…". `text` itself
 * when it fits, "" when not even "…" does. NULL when out of memory. */
const char *rel_pdf_chart_fit(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                              double width);

/* Width of NUL-terminated UTF-8 `text`. */
double rel_pdf_chart_width(rel_pdf_font font, double size, const char *text);

/* Draws UTF-8 `text` with its baseline at y, its left end, centre or
 * right end at x. */
void rel_pdf_chart_text(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                        rel_chart_anchor anchor, const char *text);

/* Draws the legend of the series (swatches, or line samples with
 * markers when `lines`), centred in rows at the top of `box`. Returns the
 * height used, or a negative number when out of memory. */
double rel_pdf_chart_legend(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box,
                            bool lines);

/* The marker of series `series` (circle, square, diamond, triangle,
 * triangle upside down, then again) centred at (x, y), `size` points
 * across, filled with the current fill colour and rimmed in white. */
void rel_pdf_chart_marker(HPDF_Page page, size_t series, double x, double y, double size);

/* A value axis: ticks lo, lo + step, …, hi, printed with `decimals`. */
typedef struct rel_chart_scale {
    double lo, hi, step;
    int intervals;
    int decimals;
} rel_chart_scale;

/* The smallest step 1, 2, 2,5 or 5 × 10^k that covers [min, max] (min <
 * max) in at most `max_intervals` intervals, with no more than
 * `max_decimals` decimals on a tick (2,5 × 10^k is used only where it keeps
 * that promise). false when min, max are not finite or not ordered.
 *     (0, 2401920, 6, 0) => lo 0, hi 2.500.000, step 500.000 */
bool rel_pdf_chart_scale(double min, double max, int max_intervals, int max_decimals,
                         rel_chart_scale *scale);

/* The drawing area of a chart with axes, once legend, ticks and category
 * labels have taken their room. */
typedef struct rel_chart_plot {
    double left, right, bottom, top;
    double slot;               /* width of one category */
    rel_chart_scale scale;
} rel_chart_plot;

/* Where the axes should leave room for data labels. */
typedef struct rel_chart_room {
    double min, max;           /* the data range to show */
    bool zero;                 /* the axis must include zero (bars) */
    bool above, below;         /* data labels over the highest / under the lowest point */
    bool line_legend;          /* legend samples are lines with markers */
} rel_chart_room;

/* Lays out and draws legend (several series), tick labels and category
 * labels in `box` and fills *plot. false when out of memory. */
bool rel_pdf_chart_axes(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box,
                        const rel_chart_room *room, rel_chart_plot *plot);

/* The light grid lines at the ticks, broken where they would cross one of
 * the `gaps` (the data labels' boxes), so that no rule strikes a figure. */
void rel_pdf_chart_grid(rel_pdf_ctx *ctx, const rel_chart_plot *plot,
                        const rel_chart_box *gaps, size_t gap_count);

/* The line at zero (or the bottom of the scale), drawn over the bars. */
void rel_pdf_chart_baseline(rel_pdf_ctx *ctx, const rel_chart_plot *plot);

/* Page y of `value` on the plot's scale. */
double rel_pdf_chart_y(const rel_chart_plot *plot, double value);

/* A value of a series, or NaN where the series has none (or an infinity). */
double rel_pdf_chart_value(const rel_doc_chart *chart, size_t series, size_t category);

/* The name of a category, UTF-8; "" where there is none. */
const char *rel_pdf_chart_category(const rel_doc_chart *chart, size_t category);

/* The kinds, each drawing inside `box`. false when out of memory. */
bool rel_pdf_chart_bars(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box);
bool rel_pdf_chart_lines(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box);
bool rel_pdf_chart_pie(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box);

#endif
