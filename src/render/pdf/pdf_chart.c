#include "render/pdf/pdf_chart.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/number.h"
#include "render/pdf/pdf_trace.h"
#include "render/pdf/pdf_typo.h"

#define GAP_ABOVE 8.0
#define GAP_CAPTION 9.0
#define CAPTION_LEADING 11.0
#define GAP_BELOW 14.0
#define NOTE_HEIGHT 56.0
#define LEGEND_ROW 12.0
#define LEGEND_GAP 14.0
#define ELLIPSIS "…"

/* Luminances (0.299 R + 0.587 G + 0.114 B): 0,21 0,61 0,77 0,44 0,82 0,34
 * 0,53 0,80. The first four, the series of most charts, lie far apart in
 * grey; along the cycle (the slices of a pie, side by side) each colour
 * differs from the next by 0,16 or more. */
static const rel_chart_rgb palette[] = {
    {0.114, 0.227, 0.400},   /* navy, the headings' blue */
    {0.925, 0.541, 0.149},   /* orange */
    {0.702, 0.788, 0.886},   /* pale blue */
    {0.259, 0.541, 0.384},   /* green */
    {0.961, 0.812, 0.498},   /* sand */
    {0.620, 0.227, 0.192},   /* brick */
    {0.361, 0.561, 0.800},   /* mid blue */
    {0.812, 0.804, 0.776},   /* warm grey */
};

#define PALETTE_SIZE (sizeof palette / sizeof palette[0])

rel_chart_rgb rel_pdf_chart_color(size_t index)
{
    return palette[index % PALETTE_SIZE];
}

/* Lines are thin: on white paper the pale colours read last. */
static const unsigned char line_order[PALETTE_SIZE] = {0, 1, 3, 5, 6, 2, 4, 7};

rel_chart_rgb rel_pdf_chart_line_color(size_t index)
{
    return palette[line_order[index % PALETTE_SIZE]];
}

bool rel_pdf_chart_dark(rel_chart_rgb color)
{
    return 0.299 * color.r + 0.587 * color.g + 0.114 * color.b < 0.5;
}

void rel_pdf_chart_fill(HPDF_Page page, rel_chart_rgb color)
{
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
}

void rel_pdf_chart_stroke(HPDF_Page page, rel_chart_rgb color)
{
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
}

void rel_pdf_chart_rect(HPDF_Page page, double x, double y, double width, double height)
{
    if (width < 0) {
        x += width;
        width = -width;
    }
    if (height < 0) {
        y += height;
        height = -height;
    }
    if (width < 0.01 || height < 0.01)
        return;
    HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)width, (HPDF_REAL)height);
    HPDF_Page_Fill(page);
}

double rel_pdf_chart_value(const rel_doc_chart *chart, size_t series, size_t category)
{
    if (series >= chart->series_count || category >= chart->category_count
        || chart->series == NULL || chart->series[series].values == NULL)
        return NAN;
    double value = chart->series[series].values[category];
    return isfinite(value) ? value : NAN;
}

const char *rel_pdf_chart_category(const rel_doc_chart *chart, size_t category)
{
    if (chart->categories == NULL || category >= chart->category_count
        || chart->categories[category] == NULL)
        return "";
    return chart->categories[category];
}

/* Formats `value` at `decimals` and converts it for the fonts. */
static const char *formatted(rel_pdf_ctx *ctx, double value, int decimals, unsigned flags)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    double scaled = value * pow(10.0, decimals);
    char buffer[REL_NUMBER_FORMAT_MAX];
    if (!isfinite(scaled) || fabs(scaled) >= 9.0e18)
        return rel_pdf_text(ctx, "n.d.");
    /* llround rounds half away from zero, the compiler's one rule. */
    int64_t fixed = (int64_t)llround(scaled);
    return rel_pdf_text(ctx, rel_number_format(fixed, decimals, decimals, flags, buffer));
}

const char *rel_pdf_chart_number(rel_pdf_ctx *ctx, const rel_doc_chart *chart, double value,
                                 int decimals)
{
    unsigned flags = (chart->money ? REL_FMT_EURO : 0u) | (chart->percent ? REL_FMT_PERCENT : 0u);
    return formatted(ctx, value, decimals, flags);
}

const char *rel_pdf_chart_share(rel_pdf_ctx *ctx, double share)
{
    return formatted(ctx, share * 100.0, 1, REL_FMT_PERCENT);
}

double rel_pdf_chart_width(rel_pdf_font font, double size, const char *text)
{
    return rel_pdf_width(font, size, text, strlen(text));
}

const char *rel_pdf_chart_fit(rel_pdf_ctx *ctx, rel_pdf_font font, double size, const char *text,
                              double width)
{
    size_t len = strlen(text);
    if (rel_pdf_width(font, size, text, len) <= width)
        return text;
    double ellipsis = rel_pdf_width(font, size, ELLIPSIS, strlen(ELLIPSIS));
    while (len > 0 && (text[len - 1] == ' '
                       || rel_pdf_width(font, size, text, len) + ellipsis > width)) {
        len--;   /* a whole character: never a part of a UTF-8 sequence */
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    /* Rather at the end of a word, when that keeps half of the text. */
    size_t word_end = len;
    while (word_end > 0 && text[word_end] != ' ')
        word_end--;
    if (word_end >= len / 2 && word_end > 0)
        len = word_end;
    while (len > 0 && text[len - 1] == ' ')
        len--;
    if (len == 0)
        return ellipsis <= width ? ELLIPSIS : "";
    return rel_arena_printf(ctx->arena, "%.*s" ELLIPSIS, (int)len, text);
}

void rel_pdf_chart_text(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double x, double y,
                        rel_chart_anchor anchor, const char *text)
{
    double width = rel_pdf_chart_width(font, size, text);
    if (anchor == REL_CHART_CENTER)
        x -= width / 2;
    else if (anchor == REL_CHART_RIGHT)
        x -= width;
    rel_pdf_draw_text(ctx, font, size, x, y, text);
}

/* A legend entry's sample: a square of colour, or a stretch of line with
 * the series' marker. */
static void draw_sample(HPDF_Page page, size_t series, double x, double baseline, bool lines)
{
    rel_chart_rgb color = lines ? rel_pdf_chart_line_color(series) : rel_pdf_chart_color(series);
    if (lines) {
        rel_pdf_chart_stroke(page, color);
        HPDF_Page_SetLineWidth(page, 1.6);
        HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(baseline + 3));
        HPDF_Page_LineTo(page, (HPDF_REAL)(x + 16), (HPDF_REAL)(baseline + 3));
        HPDF_Page_Stroke(page);
        rel_pdf_chart_fill(page, color);
        rel_pdf_chart_marker(page, series, x + 8, baseline + 3, 5.5);
    } else {
        rel_pdf_chart_fill(page, color);
        rel_pdf_chart_rect(page, x, baseline - 1, 8, 8);
    }
}

double rel_pdf_chart_legend(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box,
                            bool lines)
{
    size_t count = chart->series_count;
    const char **names = rel_arena_array(ctx->arena, count ? count : 1, sizeof *names);
    double *widths = rel_arena_array(ctx->arena, count ? count : 1, sizeof *widths);
    if (names == NULL || widths == NULL)
        return -1.0;
    rel_pdf_font font = ctx->fonts.sans;
    double sample = lines ? 16.0 : 8.0;
    for (size_t i = 0; i < count; i++) {
        const char *name = rel_pdf_text(ctx, chart->series[i].name ? chart->series[i].name : "");
        name = name ? rel_pdf_chart_fit(ctx, font, REL_CHART_LEGEND_SIZE, name,
                                        box.width - sample - 4) : NULL;
        if (name == NULL)
            return -1.0;
        names[i] = name;
        widths[i] = sample + 4 + rel_pdf_chart_width(font, REL_CHART_LEGEND_SIZE, name);
    }
    double baseline = box.bottom + box.height - 8.0;
    size_t first = 0, rows = 0;
    while (first < count) {
        /* Fill a row, then centre it. */
        size_t end = first + 1;
        double row_width = widths[first];
        while (end < count && row_width + LEGEND_GAP + widths[end] <= box.width)
            row_width += LEGEND_GAP + widths[end++];
        double x = box.left + (box.width - row_width) / 2;
        for (size_t i = first; i < end; i++) {
            draw_sample(ctx->page, i, x, baseline, lines);
            HPDF_Page_SetGrayFill(ctx->page, 0.15);
            rel_pdf_draw_text(ctx, font, REL_CHART_LEGEND_SIZE, x + sample + 4, baseline,
                              names[i]);
            x += widths[i] + LEGEND_GAP;
        }
        baseline -= LEGEND_ROW;
        first = end;
        rows++;
    }
    return (double)rows * LEGEND_ROW + 6.0;
}

/* The chart's height as designed, and the least it may be squeezed to so
 * that it finishes a page (beside its table) instead of leaving a third of
 * it empty: 0,48 of the width for axes, down to 0,34; a pie is lower, but
 * grows with a long legend (one line a category and the total), up to a
 * page, and is never lower than its legend. */
static void chart_heights(const rel_doc_chart *chart, bool missing, double *natural,
                          double *least)
{
    if (missing) {
        *natural = *least = NOTE_HEIGHT;
        return;
    }
    if (chart->kind != REL_CHART_PIE && chart->kind != REL_CHART_DONUT) {
        *natural = 0.48 * REL_PDF_TEXT_WIDTH;
        *least = 0.34 * REL_PDF_TEXT_WIDTH;
        return;
    }
    double legend = REL_CHART_PIE_ROW * (double)(chart->category_count + 1) + 10.0;
    double page = REL_PDF_TOP - REL_PDF_BOTTOM - 80.0;
    *natural = fmin(fmax(0.42 * REL_PDF_TEXT_WIDTH, legend), page);
    *least = fmin(fmax(0.30 * REL_PDF_TEXT_WIDTH, legend), page);
}

/* Why a chart cannot be drawn, in Italian, or NULL when it can. A pie
 * shows one series of shares: negative values have no slice. */
static const char *missing_data(const rel_doc_chart *chart)
{
    if (chart->category_count == 0 || chart->series_count == 0 || chart->series == NULL)
        return "nessun dato";
    bool round = chart->kind == REL_CHART_PIE || chart->kind == REL_CHART_DONUT;
    size_t series = round || chart->kind == REL_CHART_BAR ? 1 : chart->series_count;
    bool some = false;
    for (size_t s = 0; s < series; s++) {
        for (size_t c = 0; c < chart->category_count; c++) {
            double value = rel_pdf_chart_value(chart, s, c);
            if (round && value < 0)
                return "nessun dato rappresentabile: quote negative";
            if (fabs(value) >= REL_CHART_MAX_VALUE)
                return "nessun dato rappresentabile: valori fuori scala";
            if (!isnan(value) && value != 0)
                some = true;
        }
    }
    return some ? NULL : "nessun dato";
}

static void draw_note(rel_pdf_ctx *ctx, rel_chart_box box, const char *utf8)
{
    const char *text = rel_pdf_text(ctx, utf8);
    HPDF_Page_SetGrayStroke(ctx->page, 0.75);
    HPDF_Page_SetLineWidth(ctx->page, 0.5);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)box.left, (HPDF_REAL)box.bottom,
                        (HPDF_REAL)box.width, (HPDF_REAL)box.height);
    HPDF_Page_Stroke(ctx->page);
    if (text == NULL)
        return;
    HPDF_Page_SetGrayFill(ctx->page, 0.45);
    rel_pdf_chart_text(ctx, ctx->fonts.sans_italic, 9.0, box.left + box.width / 2,
                       box.bottom + box.height / 2 - 3.0, REL_CHART_CENTER, text);
}

/* The caption laid out: "Fig. n:" in bold, then the text, on one centred
 * line or wrapped with a hanging indent under the prefix. */
typedef struct caption {
    const char *prefix;
    double prefix_width;
    rel_pdf_line *lines;
    size_t count;
} caption;

static bool lay_out_caption(rel_pdf_ctx *ctx, const rel_doc_chart *chart, size_t figure,
                            caption *out)
{
    const char *text = rel_pdf_typeset(ctx->arena, chart->caption);
    *out = (caption){NULL, 0.0, NULL, 0};
    if (text == NULL)
        return false;
    out->prefix = rel_arena_printf(ctx->arena, text[0] ? "Fig. %zu: " : "Fig. %zu", figure);
    const char *encoded = rel_pdf_text(ctx, text);
    if (out->prefix == NULL || encoded == NULL)
        return false;
    out->prefix_width = rel_pdf_chart_width(ctx->fonts.sans_bold, REL_CHART_CAPTION_SIZE,
                                            out->prefix);
    out->count = rel_pdf_wrap(ctx, ctx->fonts.sans, REL_CHART_CAPTION_SIZE, encoded,
                              REL_PDF_TEXT_WIDTH - out->prefix_width, &out->lines);
    return out->count > 0;
}

static void draw_caption(rel_pdf_ctx *ctx, const caption *cap, double baseline)
{
    double x = REL_PDF_MARGIN_X;
    if (cap->count == 1)
        x += (REL_PDF_TEXT_WIDTH - cap->prefix_width - cap->lines[0].width) / 2;
    HPDF_Page_SetGrayFill(ctx->page, 0.15);
    rel_pdf_draw_text(ctx, ctx->fonts.sans_bold, REL_CHART_CAPTION_SIZE, x, baseline,
                      cap->prefix);
    for (size_t i = 0; i < cap->count; i++, baseline -= CAPTION_LEADING)
        rel_pdf_draw_line(ctx, ctx->fonts.sans, REL_CHART_CAPTION_SIZE, x + cap->prefix_width,
                          baseline, &cap->lines[i], 0.0);
}

double rel_pdf_chart_start(rel_pdf_ctx *ctx, const rel_doc_chart *chart)
{
    caption cap;
    if (!lay_out_caption(ctx, chart, ctx->figures + 1, &cap))
        return 0.0;
    double natural, least;
    chart_heights(chart, missing_data(chart) != NULL, &natural, &least);
    return GAP_ABOVE + least + GAP_CAPTION + (double)cap.count * CAPTION_LEADING + GAP_BELOW;
}

bool rel_pdf_chart(rel_pdf_ctx *ctx, const rel_doc_chart *chart, double leave)
{
    caption cap;
    if (!lay_out_caption(ctx, chart, ++ctx->figures, &cap))
        return false;
    const char *missing = missing_data(chart);
    double height, least;
    chart_heights(chart, missing != NULL, &height, &least);
    double around = GAP_ABOVE + GAP_CAPTION + (double)cap.count * CAPTION_LEADING + GAP_BELOW;
    double room = ctx->page ? ctx->y - REL_PDF_BOTTOM - around : 0.0;
    bool portrait = ctx->page && !ctx->landscape[ctx->page_count - 1];
    least -= 0.01;   /* what rel_pdf_chart_start promised, whatever the rounding */
    leave += leave > 0 ? 1.0 : 0.0;   /* and what follows gets a point to spare */
    if (portrait && leave > 0 && room - leave < height && room - leave >= least)
        height = room - leave;   /* lower, so that what follows fits the page too */
    else if (portrait && room >= least && room < height)
        height = room;           /* lower, to stay on the page of its table */
    else if (!rel_pdf_ensure(ctx, height + around))
        return false;
    double caption_height = around - GAP_ABOVE - GAP_BELOW;
    double start = ctx->y;
    double top = ctx->y < ctx->top ? ctx->y - GAP_ABOVE : ctx->y;   /* no gap atop a page */
    rel_chart_box box = {REL_PDF_MARGIN_X, top - height, REL_PDF_TEXT_WIDTH, height};

    /* Everything the chart sets (colours, widths, joins) ends with it. */
    HPDF_Page_GSave(ctx->page);
    HPDF_Page_SetLineJoin(ctx->page, HPDF_ROUND_JOIN);
    bool ok = true;
    if (missing)
        draw_note(ctx, box, missing);
    else if (chart->kind == REL_CHART_PIE || chart->kind == REL_CHART_DONUT)
        ok = rel_pdf_chart_pie(ctx, chart, box);
    else if (chart->kind == REL_CHART_LINE)
        ok = rel_pdf_chart_lines(ctx, chart, box);
    else
        ok = rel_pdf_chart_bars(ctx, chart, box);
    double baseline = box.bottom - GAP_CAPTION - REL_CHART_CAPTION_SIZE + 2.0;
    if (ok)
        draw_caption(ctx, &cap, baseline);
    HPDF_Page_GRestore(ctx->page);
    ctx->y = box.bottom - caption_height - GAP_BELOW;
    rel_pdf_trace(ctx, "chart", start, ctx->y, chart->caption, SIZE_MAX);
    return ok;
}
