/* The frame of bar and line charts: a "nice" value scale, light grid
 * lines with Italian tick labels, and the category labels under the plot,
 * wrapped on three lines at most and shortened with "…" beyond; of many
 * one-word categories (years, months) only one in so many. Nothing is
 * rotated: a board reads the labels without turning the page. */
#include "render/pdf/pdf_chart.h"

#include <math.h>
#include <string.h>

#define TOP_PAD 6.0            /* half a tick label over the top grid line */
#define LABEL_PAD 11.0         /* a data label over the highest / under the lowest bar */
#define TICK_GAP 5.0
#define CATEGORY_LEADING 9.0
#define CATEGORY_GAP 5.0
#define MIN_INTERVAL 26.0      /* points between two grid lines, at least */
#define MAX_INTERVALS 8

static const double mantissas[] = {1.0, 2.0, 2.5, 5.0};

bool rel_pdf_chart_scale(double min, double max, int max_intervals, int max_decimals,
                         rel_chart_scale *scale)
{
    if (!isfinite(min) || !isfinite(max) || !(min < max) || !isfinite(max - min))
        return false;
    if (max_intervals < 1)
        max_intervals = 1;
    if (max_decimals < 0)
        max_decimals = 0;
    if (max_decimals > 6)
        max_decimals = 6;
    int k = (int)floor(log10((max - min) / max_intervals)) - 1;
    if (k < -max_decimals)
        k = -max_decimals;
    for (; k <= 308; k++) {
        for (size_t i = 0; i < sizeof mantissas / sizeof mantissas[0]; i++) {
            double m = mantissas[i];
            /* 2,5 × 10^k has one decimal more than 10^k when k <= 0. */
            int decimals = (k < 0 ? -k : 0) + (m == 2.5 && k <= 0 ? 1 : 0);
            if (decimals > max_decimals)
                continue;
            double step = m * pow(10.0, k);
            /* The epsilon keeps 19.000000000000004 from becoming 20. */
            double lo = floor(min / step + 1e-9), hi = ceil(max / step - 1e-9);
            if (hi - lo <= max_intervals && isfinite(hi * step)) {
                *scale = (rel_chart_scale){lo * step, hi * step, step, (int)(hi - lo), decimals};
                return true;
            }
        }
    }
    return false;
}

double rel_pdf_chart_y(const rel_chart_plot *plot, double value)
{
    const rel_chart_scale *s = &plot->scale;
    return plot->bottom + (value - s->lo) / (s->hi - s->lo) * (plot->top - plot->bottom);
}

#define MAX_LINES 3

/* A category label on MAX_LINES lines at most, UTF-8. */
typedef struct category_label {
    const char *line[MAX_LINES];
    size_t count;
} category_label;

/* Wraps UTF-8 `text` at spaces into MAX_LINES lines at most; the last
 * keeps the rest, shortened with "…". A word too long for the slot is
 * shortened rather than cut without a mark. */
static bool wrap_category(rel_pdf_ctx *ctx, const char *text, double width,
                          category_label *label)
{
    rel_pdf_font font = ctx->fonts.sans;
    rel_pdf_line *lines;
    size_t count = rel_pdf_wrap(ctx, font, REL_CHART_LABEL_SIZE, text, width, &lines);
    if (count == 0)
        return false;
    label->count = 0;
    for (size_t i = 0; i < count && label->count < MAX_LINES; i++) {
        char after = lines[i].start[lines[i].len];
        bool cut = after != ' ' && after != '\0';
        const char *line;
        if (cut && i == 0)
            line = rel_pdf_chart_fit(ctx, font, REL_CHART_LABEL_SIZE, text, width);
        else if (cut || (i + 1 == MAX_LINES && i + 1 < count))
            line = rel_pdf_chart_fit(ctx, font, REL_CHART_LABEL_SIZE, lines[i].start, width);
        else
            line = rel_arena_strndup(ctx->arena, lines[i].start, lines[i].len);
        if (line == NULL)
            return false;
        label->line[label->count++] = line;
        if (cut)
            break;
    }
    return true;
}

/* The widest word of UTF-8 `text`. */
static double widest_word(rel_pdf_font font, const char *text)
{
    double most = 0.0;
    while (*text) {
        size_t len = strcspn(text, " ");
        most = fmax(most, rel_pdf_width(font, REL_CHART_LABEL_SIZE, text, len));
        text += len;
        text += strspn(text, " ");
    }
    return most;
}

/* The widest tick label of `scale`; -1 when out of memory. */
static double widest_tick(rel_pdf_ctx *ctx, const rel_doc_chart *chart,
                          const rel_chart_scale *scale)
{
    double most = 0.0;
    for (int i = 0; i <= scale->intervals; i++) {
        const char *text = rel_pdf_chart_number(ctx, chart, scale->lo + i * scale->step,
                                                scale->decimals);
        if (text == NULL)
            return -1.0;
        double width = rel_pdf_chart_width(ctx->fonts.sans, REL_CHART_TICK_SIZE, text);
        most = width > most ? width : most;
    }
    return most;
}

static void draw_ticks(rel_pdf_ctx *ctx, const rel_doc_chart *chart, const rel_chart_plot *plot)
{
    const rel_chart_scale *s = &plot->scale;
    HPDF_Page_SetGrayFill(ctx->page, 0.35);
    for (int i = 0; i <= s->intervals; i++) {
        double value = s->lo + i * s->step;
        const char *text = rel_pdf_chart_number(ctx, chart, value, s->decimals);
        if (text != NULL)
            rel_pdf_chart_text(ctx, ctx->fonts.sans, REL_CHART_TICK_SIZE,
                               plot->left - TICK_GAP, rel_pdf_chart_y(plot, value) - 2.6,
                               REL_CHART_RIGHT, text);
    }
}

void rel_pdf_chart_grid(rel_pdf_ctx *ctx, const rel_chart_plot *plot,
                        const rel_chart_box *gaps, size_t gap_count)
{
    const rel_chart_scale *s = &plot->scale;
    HPDF_Page_SetLineWidth(ctx->page, 0.4);
    HPDF_Page_SetGrayStroke(ctx->page, 0.86);
    for (int i = 0; i <= s->intervals; i++) {
        double y = rel_pdf_chart_y(plot, s->lo + i * s->step);
        /* From left to right, jumping over each label the line would cross:
         * take the nearest gap that starts after x. */
        double x = plot->left;
        while (x < plot->right) {
            double gap_from = plot->right, gap_to = plot->right;
            for (size_t g = 0; g < gap_count; g++) {
                const rel_chart_box *b = &gaps[g];
                double from = b->left - 1.5, to = b->left + b->width + 1.5;
                if (y < b->bottom - 1.0 || y > b->bottom + b->height + 1.0 || to <= x)
                    continue;
                if (from < gap_from) {
                    gap_from = from;
                    gap_to = to;
                }
            }
            if (gap_from > x) {
                HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y);
                HPDF_Page_LineTo(ctx->page, (HPDF_REAL)fmin(gap_from, plot->right), (HPDF_REAL)y);
            }
            x = fmax(x, gap_to);
        }
    }
    HPDF_Page_Stroke(ctx->page);
}

bool rel_pdf_chart_axes(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box,
                        const rel_chart_room *room, rel_chart_plot *plot)
{
    double top = box.bottom + box.height;
    if (chart->series_count > 1 && chart->kind != REL_CHART_BAR) {
        double used = rel_pdf_chart_legend(ctx, chart, box, room->line_legend);
        if (used < 0)
            return false;
        top -= used;
    }
    double min = room->min, max = room->max;
    if (room->zero || min == max) {
        min = fmin(min, 0.0);
        max = fmax(max, 0.0);
    }
    size_t n = chart->category_count;
    category_label *labels = rel_arena_array(ctx->arena, n, sizeof *labels);
    const char **names = rel_arena_array(ctx->arena, n, sizeof *names);
    if (labels == NULL || names == NULL)
        return false;
    double word = 0.0;
    bool single_words = true;
    for (size_t c = 0; c < n; c++) {
        names[c] = rel_pdf_text(ctx, rel_pdf_chart_category(chart, c));
        if (names[c] == NULL)
            return false;
        word = fmax(word, widest_word(ctx->fonts.sans, names[c]));
        single_words = single_words && strchr(names[c], ' ') == NULL;
    }

    /* The labels' height depends on the slot width, which depends on the
     * widest tick, which depends on the room left: settle in a few passes.
     * The reserved lines only grow, so the last pass always fits. */
    plot->right = box.left + box.width;
    plot->top = top - TOP_PAD - (room->above ? LABEL_PAD : 0.0);
    size_t lines = 1, every = 1;
    for (int pass = 0; pass < 3; pass++) {
        double labels_height = (double)lines * CATEGORY_LEADING + CATEGORY_GAP;
        plot->bottom = box.bottom + labels_height + (room->below ? LABEL_PAD : 0.0);
        int intervals = (int)((plot->top - plot->bottom) / MIN_INTERVAL);
        intervals = intervals < 2 ? 2 : intervals > MAX_INTERVALS ? MAX_INTERVALS : intervals;
        if (!rel_pdf_chart_scale(min, max, intervals, chart->decimals, &plot->scale))
            return false;
        double tick_width = widest_tick(ctx, chart, &plot->scale);
        if (tick_width < 0)
            return false;
        plot->left = box.left + tick_width + TICK_GAP;
        plot->slot = (plot->right - plot->left) / (double)n;
        /* Too many one-word categories for their slots (years over two
         * decades, months): label one in `every`, whole, rather than all of
         * them cut. Names of several words wrap and shorten instead. */
        every = !single_words || word + 4.0 <= plot->slot
                    ? 1 : (size_t)ceil((word + 4.0) / plot->slot);
        size_t needed = 1;
        for (size_t c = 0; c < n; c += every) {
            if (!wrap_category(ctx, names[c], plot->slot * (double)every - 4.0, &labels[c]))
                return false;
            needed = labels[c].count > needed ? labels[c].count : needed;
        }
        if (needed <= lines)
            break;
        lines = needed;
    }

    draw_ticks(ctx, chart, plot);
    HPDF_Page_SetGrayFill(ctx->page, 0.15);
    double baseline = plot->bottom - (room->below ? LABEL_PAD : 0.0) - CATEGORY_GAP - 5.6;
    for (size_t c = 0; c < n; c += every) {
        double x = plot->left + plot->slot * ((double)c + 0.5);
        for (size_t i = 0; i < labels[c].count; i++)
            rel_pdf_chart_text(ctx, ctx->fonts.sans, REL_CHART_LABEL_SIZE, x,
                               baseline - (double)i * CATEGORY_LEADING, REL_CHART_CENTER,
                               labels[c].line[i]);
    }
    return true;
}

void rel_pdf_chart_baseline(rel_pdf_ctx *ctx, const rel_chart_plot *plot)
{
    if (plot->scale.lo > 0 || plot->scale.hi < 0)
        return;
    double y = rel_pdf_chart_y(plot, 0.0);
    HPDF_Page_SetGrayStroke(ctx->page, 0.3);
    HPDF_Page_SetLineWidth(ctx->page, 0.8);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)plot->left, (HPDF_REAL)y);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)plot->right, (HPDF_REAL)y);
    HPDF_Page_Stroke(ctx->page);
}
