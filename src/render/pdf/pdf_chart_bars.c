/* Bars: one series, several side by side, or several stacked; always from
 * zero, so a negative value hangs under the axis. Data labels are printed
 * all or none (a chart where some bars have figures and others not reads
 * as an error), over a positive bar and under a negative one. */
#include "render/pdf/pdf_chart.h"

#include <math.h>

#define BAR_SHARE 0.62         /* of the slot, for single and stacked bars */
#define GROUP_SHARE 0.80       /* of the slot, for a group of bars */
#define MAX_BAR 56.0
#define GROUP_GAP 1.5
#define LABEL_GAP 3.0
#define LABEL_CAP 5.4          /* height of the digits at 7.5 pt */

/* The series drawn: a simple bar chart shows only the first. */
static size_t series_shown(const rel_doc_chart *chart)
{
    return chart->kind == REL_CHART_BAR ? 1 : chart->series_count;
}

/* The range the axis must show: each value, or each stack's positive and
 * negative sums. */
static void data_range(const rel_doc_chart *chart, double *min, double *max)
{
    *min = 0.0;
    *max = 0.0;
    for (size_t c = 0; c < chart->category_count; c++) {
        double up = 0.0, down = 0.0;
        for (size_t s = 0; s < series_shown(chart); s++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (isnan(v))
                continue;
            if (chart->kind == REL_CHART_STACKED) {
                *(v > 0 ? &up : &down) += v;
            } else {
                up = fmax(up, v);
                down = fmin(down, v);
            }
        }
        *max = fmax(*max, up);
        *min = fmin(*min, down);
    }
}

/* Whether a label of every finite value (or every stack total) fits in
 * `room` points. */
static bool labels_fit(rel_pdf_ctx *ctx, const rel_doc_chart *chart, double room, bool totals,
                       bool *oom)
{
    for (size_t c = 0; c < chart->category_count; c++) {
        double total = 0.0;
        bool any = false;
        for (size_t s = 0; s < series_shown(chart); s++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (isnan(v))
                continue;
            total += v;
            any = true;
            if (totals)
                continue;
            const char *text = rel_pdf_chart_number(ctx, chart, v, chart->decimals);
            if (text == NULL)
                return !(*oom = true);
            if (rel_pdf_chart_width(ctx->fonts.sans, REL_CHART_LABEL_SIZE, text) > room)
                return false;
        }
        if (totals && any) {
            const char *text = rel_pdf_chart_number(ctx, chart, total, chart->decimals);
            if (text == NULL)
                return !(*oom = true);
            if (rel_pdf_chart_width(ctx->fonts.sans_bold, REL_CHART_LABEL_SIZE, text) > room)
                return false;
        }
    }
    return true;
}

/* The data labels, laid out before anything is drawn, so that the grid
 * can break around them. */
typedef struct end_labels {
    const char **texts;
    rel_pdf_font *fonts;
    rel_chart_box *boxes;      /* left, baseline, width, height of the digits */
    size_t count;
} end_labels;

/* Adds a label centred at x, over (value >= 0) or under the end of a bar
 * at y_end. false when out of memory. */
static bool add_label(rel_pdf_ctx *ctx, const rel_doc_chart *chart, end_labels *labels,
                      rel_pdf_font font, double x, double y_end, double value)
{
    const char *text = rel_pdf_chart_number(ctx, chart, value, chart->decimals);
    if (text == NULL)
        return false;
    double width = rel_pdf_chart_width(font, REL_CHART_LABEL_SIZE, text);
    double baseline = value >= 0 ? y_end + LABEL_GAP : y_end - LABEL_GAP - LABEL_CAP;
    labels->texts[labels->count] = text;
    labels->fonts[labels->count] = font;
    labels->boxes[labels->count] = (rel_chart_box){x - width / 2, baseline, width, LABEL_CAP};
    labels->count++;
    return true;
}

/* Whether the label of a stack's segment from y0 to y1 fits inside it. */
static bool fits_inside(rel_pdf_ctx *ctx, const char *text, double width, double y0, double y1)
{
    return fabs(y1 - y0) >= LABEL_CAP + 4.0
           && rel_pdf_chart_width(ctx->fonts.sans, REL_CHART_LABEL_SIZE, text) <= width - 3.0;
}

/* One stack: positive values up from zero, negative ones down, a white
 * hairline between segments, each value inside its segment where it fits. */
static void draw_stack(rel_pdf_ctx *ctx, const rel_doc_chart *chart, const rel_chart_plot *plot,
                       size_t c, double x, double width)
{
    double up = 0.0, down = 0.0;
    for (size_t s = 0; s < chart->series_count; s++) {
        double v = rel_pdf_chart_value(chart, s, c);
        if (isnan(v) || v == 0)
            continue;
        double from = v > 0 ? up : down;
        double to = from + v;
        *(v > 0 ? &up : &down) = to;
        double y0 = rel_pdf_chart_y(plot, from), y1 = rel_pdf_chart_y(plot, to);
        rel_chart_rgb color = rel_pdf_chart_color(s);
        rel_pdf_chart_fill(ctx->page, color);
        rel_pdf_chart_rect(ctx->page, x, y0, width, y1 - y0);
        if (from != 0) {
            HPDF_Page_SetGrayStroke(ctx->page, 1.0);
            HPDF_Page_SetLineWidth(ctx->page, 0.7);
            HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y0);
            HPDF_Page_LineTo(ctx->page, (HPDF_REAL)(x + width), (HPDF_REAL)y0);
            HPDF_Page_Stroke(ctx->page);
        }
        const char *text = rel_pdf_chart_number(ctx, chart, v, chart->decimals);
        if (text == NULL || !fits_inside(ctx, text, width, y0, y1))
            continue;
        if (rel_pdf_chart_dark(color))
            HPDF_Page_SetGrayFill(ctx->page, 1.0);
        else
            HPDF_Page_SetGrayFill(ctx->page, 0.15);
        rel_pdf_chart_text(ctx, ctx->fonts.sans, REL_CHART_LABEL_SIZE, x + width / 2,
                           (y0 + y1) / 2 - LABEL_CAP / 2, REL_CHART_CENTER, text);
    }
}

/* Lays out the labels of every bar, or of every stack's total. */
static bool lay_out_labels(rel_pdf_ctx *ctx, const rel_doc_chart *chart,
                           const rel_chart_plot *plot, double group, double bar, double gap,
                           end_labels *labels)
{
    bool stacked = chart->kind == REL_CHART_STACKED;
    size_t shown = series_shown(chart);
    size_t most = chart->category_count * shown;
    labels->texts = rel_arena_array(ctx->arena, most, sizeof *labels->texts);
    labels->fonts = rel_arena_array(ctx->arena, most, sizeof *labels->fonts);
    labels->boxes = rel_arena_array(ctx->arena, most, sizeof *labels->boxes);
    labels->count = 0;
    if (labels->texts == NULL || labels->fonts == NULL || labels->boxes == NULL)
        return false;
    for (size_t c = 0; c < chart->category_count; c++) {
        double centre = plot->left + plot->slot * ((double)c + 0.5);
        double total = 0.0, up = 0.0, down = 0.0, last = 0.0;
        size_t values = 0, segments = 0;
        for (size_t s = 0; s < shown; s++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (isnan(v))
                continue;
            values++;
            segments += v != 0;
            last = v != 0 ? v : last;
            total += v;
            *(v > 0 ? &up : &down) += v;
            double x = centre - group / 2 + (bar + gap) * (double)s + bar / 2;
            if (!stacked
                && !add_label(ctx, chart, labels, ctx->fonts.sans, x,
                              rel_pdf_chart_y(plot, v), v))
                return false;
        }
        if (!stacked || values == 0)
            continue;
        /* A stack of one segment already shows its figure inside. */
        const char *inside = segments == 1
                             ? rel_pdf_chart_number(ctx, chart, last, chart->decimals) : NULL;
        if (inside != NULL && fits_inside(ctx, inside, bar, rel_pdf_chart_y(plot, 0.0),
                                          rel_pdf_chart_y(plot, last)))
            continue;
        if (!add_label(ctx, chart, labels, ctx->fonts.sans_bold, centre,
                       rel_pdf_chart_y(plot, total >= 0 ? up : down), total))
            return false;
    }
    return true;
}

bool rel_pdf_chart_bars(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box)
{
    rel_chart_room room = {0};
    data_range(chart, &room.min, &room.max);
    room.zero = true;
    room.above = room.max > 0;
    room.below = room.min < 0;
    rel_chart_plot plot;
    if (!rel_pdf_chart_axes(ctx, chart, box, &room, &plot))
        return false;

    size_t shown = series_shown(chart);
    bool grouped = chart->kind == REL_CHART_GROUPED;
    bool stacked = chart->kind == REL_CHART_STACKED;
    double group = grouped ? fmin(plot.slot * GROUP_SHARE, MAX_BAR * 0.85 * (double)shown)
                           : fmin(plot.slot * BAR_SHARE, MAX_BAR);
    double gap = grouped && shown > 1 ? fmin(GROUP_GAP, group / (double)shown / 4) : 0.0;
    double bar = grouped ? (group - gap * (double)(shown - 1)) / (double)shown : group;
    /* Labels of neighbouring bars keep two points apart. */
    double room_for_label = grouped && shown > 1 ? bar + gap - 2.0 : plot.slot - 3.0;
    bool oom = false;
    end_labels labels = {NULL, NULL, NULL, 0};
    if (labels_fit(ctx, chart, room_for_label, stacked, &oom)
        && !lay_out_labels(ctx, chart, &plot, group, bar, gap, &labels))
        return false;
    if (oom)
        return false;

    rel_pdf_chart_grid(ctx, &plot, labels.boxes, labels.count);
    double zero = rel_pdf_chart_y(&plot, 0.0);
    for (size_t c = 0; c < chart->category_count; c++) {
        double left = plot.left + plot.slot * ((double)c + 0.5) - group / 2;
        if (stacked) {
            draw_stack(ctx, chart, &plot, c, left, bar);
            continue;
        }
        for (size_t s = 0; s < shown; s++) {
            double v = rel_pdf_chart_value(chart, s, c);
            if (isnan(v))
                continue;
            double x = left + (bar + gap) * (double)s;
            rel_pdf_chart_fill(ctx->page, rel_pdf_chart_color(s));
            rel_pdf_chart_rect(ctx->page, x, zero, bar, rel_pdf_chart_y(&plot, v) - zero);
        }
    }
    rel_pdf_chart_baseline(ctx, &plot);

    /* Labels last, so that no bar covers one. */
    HPDF_Page_SetGrayFill(ctx->page, 0.2);
    for (size_t i = 0; i < labels.count; i++)
        rel_pdf_draw_text(ctx, labels.fonts[i], REL_CHART_LABEL_SIZE, labels.boxes[i].left,
                          labels.boxes[i].bottom, labels.texts[i]);
    return true;
}
