/* Lines: one per series over the categories (usually years), each point
 * marked with a shape of its own (circle, square, diamond, triangle, …), so
 * that the series stay apart in greyscale too. A lone series has its values
 * printed beside the points, on the side the line leaves free. */
#include "render/pdf/pdf_chart.h"

#include <math.h>

#define LINE_WIDTH 1.6
#define MARKER 5.5
#define LABEL_OFFSET 4.5       /* from the point to the near edge of its label */
#define LABEL_CAP 5.4
#define TOP_ROOM 11.0          /* a label may rise that far over the top grid line */

void rel_pdf_chart_marker(HPDF_Page page, size_t series, double x, double y, double size)
{
    double r = size / 2;
    /* A white rim keeps the marker apart from the lines that cross it; the
     * stroke is set before the path, as PDF requires. */
    HPDF_Page_SetGrayStroke(page, 1.0);
    HPDF_Page_SetLineWidth(page, 0.8);
    switch (series % 5) {
    case 0:
        HPDF_Page_Circle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)r);
        break;
    case 1:
        HPDF_Page_Rectangle(page, (HPDF_REAL)(x - r * 0.85), (HPDF_REAL)(y - r * 0.85),
                            (HPDF_REAL)(r * 1.7), (HPDF_REAL)(r * 1.7));
        break;
    case 2:
        HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(y + r * 1.2));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x + r * 1.2), (HPDF_REAL)y);
        HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)(y - r * 1.2));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x - r * 1.2), (HPDF_REAL)y);
        HPDF_Page_ClosePath(page);
        break;
    case 3:
        HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(y + r * 1.25));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x + r * 1.2), (HPDF_REAL)(y - r * 0.85));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x - r * 1.2), (HPDF_REAL)(y - r * 0.85));
        HPDF_Page_ClosePath(page);
        break;
    default:
        HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(y - r * 1.25));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x + r * 1.2), (HPDF_REAL)(y + r * 0.85));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x - r * 1.2), (HPDF_REAL)(y + r * 0.85));
        HPDF_Page_ClosePath(page);
        break;
    }
    HPDF_Page_FillStroke(page);
}

/* The smallest and largest finite value of all series. */
static bool data_range(const rel_doc_chart *chart, double *min, double *max)
{
    *min = INFINITY;
    *max = -INFINITY;
    for (size_t s = 0; s < chart->series_count; s++)
        for (size_t c = 0; c < chart->category_count; c++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (!isnan(v)) {
                *min = fmin(*min, v);
                *max = fmax(*max, v);
            }
        }
    return *min <= *max;
}

static double point_x(const rel_chart_plot *plot, size_t c)
{
    return plot->left + plot->slot * ((double)c + 0.5);
}

/* A label's box on the page. */
typedef struct label_box {
    double x0, y0, x1, y1;
} label_box;

/* Whether the segment from point a to point b of the lone series (either
 * may be missing) crosses `box`. The segment is straight, so its height
 * over the box's width lies between its heights at the two edges. */
static bool segment_hits(const rel_doc_chart *chart, const rel_chart_plot *plot, size_t a,
                         size_t b, const label_box *box)
{
    double va = rel_pdf_chart_value(chart, 0, a), vb = rel_pdf_chart_value(chart, 0, b);
    if (isnan(va) || isnan(vb))
        return false;
    double xa = point_x(plot, a), xb = point_x(plot, b);
    double ya = rel_pdf_chart_y(plot, va), yb = rel_pdf_chart_y(plot, vb);
    double from = fmax(box->x0, xa), to = fmin(box->x1, xb);
    if (from > to)
        return false;
    double y_from = ya + (yb - ya) * (from - xa) / (xb - xa);
    double y_to = ya + (yb - ya) * (to - xa) / (xb - xa);
    return fmax(y_from, y_to) >= box->y0 && fmin(y_from, y_to) <= box->y1;
}

static bool boxes_meet(const label_box *a, const label_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Whether `box` (already grown by a margin) stays inside the room the axes
 * left and clear of the line, of every marker and of the labels placed. */
static bool label_free(const rel_doc_chart *chart, const rel_chart_plot *plot,
                       const label_box *box, const label_box *placed, size_t placed_count)
{
    if (box->y1 > plot->top + TOP_ROOM || box->y0 < plot->bottom - TOP_ROOM
        || box->x0 < plot->left - 2.0 || box->x1 > plot->right + 2.0)
        return false;
    size_t n = chart->category_count;
    for (size_t c = 0; c < n; c++) {
        double v = rel_pdf_chart_value(chart, 0, c);
        if (isnan(v))
            continue;
        double x = point_x(plot, c), y = rel_pdf_chart_y(plot, v), r = MARKER / 2;
        label_box marker = {x - r, y - r, x + r, y + r};
        if (boxes_meet(box, &marker) || (c + 1 < n && segment_hits(chart, plot, c, c + 1, box)))
            return false;
    }
    for (size_t i = 0; i < placed_count; i++)
        if (boxes_meet(box, &placed[i]))
            return false;
    return true;
}

/* Finds a free place for a label `width` wide at point c: over or under
 * it, else beside it on the side the line leaves free. false when there is
 * none. */
static bool place_label(const rel_doc_chart *chart, const rel_chart_plot *plot, size_t c,
                        double width, const label_box *placed, size_t placed_count,
                        label_box *out)
{
    double x = point_x(plot, c), y = rel_pdf_chart_y(plot, rel_pdf_chart_value(chart, 0, c));
    double before = c > 0 ? rel_pdf_chart_value(chart, 0, c - 1) : NAN;
    double after = c + 1 < chart->category_count ? rel_pdf_chart_value(chart, 0, c + 1) : NAN;
    double value = rel_pdf_chart_value(chart, 0, c);
    bool rising = !isnan(after) ? after > value : !isnan(before) && value > before;
    double side = MARKER / 2 + 1.5;   /* beside: clear of the marker's corners */
    double left = x - width - side, right = x + side;
    double up = y + LABEL_OFFSET, down = y - LABEL_OFFSET - LABEL_CAP;
    double up_side = y + side, down_side = y - side - LABEL_CAP;
    /* A rising line leaves the upper left and the lower right free. */
    const double candidates[][2] = {
        {x - width / 2, up}, {x - width / 2, down},
        {rising ? left : right, up_side}, {rising ? right : left, down_side},
        {rising ? right : left, up_side}, {rising ? left : right, down_side},
    };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        label_box box = {candidates[i][0], candidates[i][1], candidates[i][0] + width,
                         candidates[i][1] + LABEL_CAP};
        label_box grown = {box.x0 - 1.0, box.y0 - 1.0, box.x1 + 1.0, box.y1 + 1.0};
        if (label_free(chart, plot, &grown, placed, placed_count)) {
            *out = box;
            return true;
        }
    }
    return false;
}

/* The labels of a lone series' points, all or none: each must fit its
 * slot and find a place clear of the line, the markers and the other
 * labels. Fills texts and boxes (as page boxes, for the grid's gaps) and
 * *count, 0 when the labels do not fit. false when out of memory. */
static bool lay_out_labels(rel_pdf_ctx *ctx, const rel_doc_chart *chart,
                           const rel_chart_plot *plot, const char ***texts,
                           rel_chart_box **gaps, size_t *count)
{
    size_t n = chart->category_count;
    *count = 0;
    *texts = rel_arena_array(ctx->arena, n, sizeof **texts);
    *gaps = rel_arena_array(ctx->arena, n, sizeof **gaps);
    label_box *boxes = rel_arena_array(ctx->arena, n, sizeof *boxes);
    if (*texts == NULL || *gaps == NULL || boxes == NULL)
        return false;
    size_t placed = 0;
    for (size_t c = 0; c < n; c++) {
        double v = rel_pdf_chart_value(chart, 0, c);
        if (isnan(v))
            continue;
        const char *text = rel_pdf_chart_number(ctx, chart, v, chart->decimals);
        if (text == NULL)
            return false;
        double width = rel_pdf_chart_width(ctx->fonts.sans, REL_CHART_LABEL_SIZE, text);
        if (width > plot->slot - 3.0
            || !place_label(chart, plot, c, width, boxes, placed, &boxes[placed]))
            return true;
        (*texts)[placed] = text;
        (*gaps)[placed] = (rel_chart_box){boxes[placed].x0, boxes[placed].y0, width, LABEL_CAP};
        placed++;
    }
    *count = placed;
    return true;
}

bool rel_pdf_chart_lines(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box)
{
    rel_chart_room room = {.line_legend = true};
    if (!data_range(chart, &room.min, &room.max))
        return true;
    /* Zero stays on the axis unless the values sit far from it: a line of
     * values between 1,9 and 2,4 million shows its changes, not a flat
     * line at the top of an empty chart. */
    room.zero = !(room.min > 0 && room.min > 0.5 * room.max)
                && !(room.max < 0 && room.max < 0.5 * room.min);
    /* Off zero, a margin keeps the extreme points off the outer grid lines,
     * where their labels would sit on a rule. */
    if (!room.zero) {
        double margin = 0.06 * (room.max - room.min);
        room.min -= margin;
        room.max += margin;
    }
    room.above = room.below = chart->series_count == 1;
    rel_chart_plot plot;
    if (!rel_pdf_chart_axes(ctx, chart, box, &room, &plot))
        return false;
    const char **texts = NULL;
    rel_chart_box *labels = NULL;
    size_t label_count = 0;
    if (chart->series_count == 1
        && !lay_out_labels(ctx, chart, &plot, &texts, &labels, &label_count))
        return false;
    rel_pdf_chart_grid(ctx, &plot, labels, label_count);
    rel_pdf_chart_baseline(ctx, &plot);

    HPDF_Page_SetLineCap(ctx->page, HPDF_ROUND_END);
    for (size_t s = 0; s < chart->series_count; s++) {
        rel_chart_rgb color = rel_pdf_chart_line_color(s);
        rel_pdf_chart_stroke(ctx->page, color);
        HPDF_Page_SetLineWidth(ctx->page, LINE_WIDTH);
        bool open = false, drawn = false;
        for (size_t c = 0; c < chart->category_count; c++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (isnan(v)) {
                open = false;
                continue;
            }
            HPDF_REAL x = (HPDF_REAL)point_x(&plot, c), y = (HPDF_REAL)rel_pdf_chart_y(&plot, v);
            if (open) {
                HPDF_Page_LineTo(ctx->page, x, y);
                drawn = true;
            } else if (c + 1 < chart->category_count
                       && !isnan(rel_pdf_chart_value(chart, s, c + 1))) {
                if (drawn)
                    HPDF_Page_Stroke(ctx->page);
                HPDF_Page_MoveTo(ctx->page, x, y);
                open = true;
                drawn = false;
            }
        }
        if (drawn)
            HPDF_Page_Stroke(ctx->page);
        rel_pdf_chart_fill(ctx->page, color);
        for (size_t c = 0; c < chart->category_count; c++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (!isnan(v))
                rel_pdf_chart_marker(ctx->page, s, point_x(&plot, c),
                                     rel_pdf_chart_y(&plot, v), MARKER);
        }
    }
    HPDF_Page_SetGrayFill(ctx->page, 0.2);
    for (size_t i = 0; i < label_count; i++)
        rel_pdf_draw_text(ctx, ctx->fonts.sans, REL_CHART_LABEL_SIZE, labels[i].left,
                          labels[i].bottom, texts[i]);
    return true;
}
