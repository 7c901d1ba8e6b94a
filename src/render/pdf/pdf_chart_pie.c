/* Pie and donut: slices clockwise from twelve o'clock in the order of the
 * categories, parted by white strokes; the share "12,3%" inside a slice
 * where the whole label fits, outside with a leader where there is free
 * room, otherwise only in the legend, which always lists every category
 * with its amount and share. Arcs are drawn with Bézier curves of at most
 * 90°, so a slice may be any size, the whole circle included. */
#include "render/pdf/pdf_chart.h"

#include <math.h>

#define SIDE_ROOM 36.0         /* beside the pie, for outside labels */
#define VERTICAL_ROOM 20.0     /* over and under it */
#define HOLE 0.56              /* donut: inner radius / outer radius */
#define SHARE_SIZE 8.0
#define SHARE_CAP 5.8
#define LEGEND_GAP 16.0
#define SWATCH 8.5
#define ROW_LEADING 9.5
#define ROW_PAD (REL_CHART_PIE_ROW - ROW_LEADING)
#define MAX_LABELS 64          /* outside labels remembered for overlap tests */

typedef struct pie {
    double cx, cy, r, inner;
    double area_left, area_right, bottom, top;
    double total;
    double boxes[MAX_LABELS][4];   /* outside labels placed: x0, y0, x1, y1 */
    size_t box_count;
} pie;

static double radians(double degrees)
{
    return degrees * M_PI / 180.0;
}

/* Point at `angle` degrees clockwise from twelve o'clock. */
static void polar(const pie *p, double radius, double angle, double *x, double *y)
{
    *x = p->cx + radius * sin(radians(angle));
    *y = p->cy + radius * cos(radians(angle));
}

/* Bézier arc from the current point (at angle a0) to a1, either way. */
static void arc_to(HPDF_Page page, const pie *p, double radius, double a0, double a1)
{
    int parts = (int)ceil(fabs(a1 - a0) / 90.0);
    parts = parts < 1 ? 1 : parts;
    double step = (a1 - a0) / parts;
    for (int i = 0; i < parts; i++) {
        /* In the usual counter-clockwise angles from three o'clock. */
        double t0 = radians(90.0 - (a0 + step * i)), t1 = radians(90.0 - (a0 + step * (i + 1)));
        double k = 4.0 / 3.0 * tan((t1 - t0) / 4.0);
        double x0 = cos(t0), y0 = sin(t0), x1 = cos(t1), y1 = sin(t1);
        HPDF_Page_CurveTo(page, (HPDF_REAL)(p->cx + radius * (x0 - k * y0)),
                          (HPDF_REAL)(p->cy + radius * (y0 + k * x0)),
                          (HPDF_REAL)(p->cx + radius * (x1 + k * y1)),
                          (HPDF_REAL)(p->cy + radius * (y1 - k * x1)),
                          (HPDF_REAL)(p->cx + radius * x1), (HPDF_REAL)(p->cy + radius * y1));
    }
}

static void draw_slice(HPDF_Page page, const pie *p, double a0, double a1)
{
    bool whole = a1 - a0 >= 359.99;
    double x, y;
    polar(p, p->r, a0, &x, &y);
    if (p->inner == 0 && !whole) {
        HPDF_Page_MoveTo(page, (HPDF_REAL)p->cx, (HPDF_REAL)p->cy);
        HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
    } else {
        HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
    }
    arc_to(page, p, p->r, a0, a1);
    if (p->inner > 0) {
        polar(p, p->inner, a1, &x, &y);
        HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
        arc_to(page, p, p->inner, a1, a0);
    }
    HPDF_Page_ClosePath(page);
    /* A whole ring has a seam at twelve o'clock that a stroke would show. */
    if (whole)
        HPDF_Page_Fill(page);
    else
        HPDF_Page_FillStroke(page);
}

/* Whether (x, y) lies in the slice a0..a1, `margin` points inside. */
static bool inside_slice(const pie *p, double a0, double a1, double x, double y, double margin)
{
    double dx = x - p->cx, dy = y - p->cy;
    double radius = hypot(dx, dy);
    if (radius > p->r - margin || radius < p->inner + margin || radius < 1e-9)
        return false;
    double angle = atan2(dx, dy) * 180.0 / M_PI;
    if (angle < a0)
        angle += 360.0;
    double slack = margin / radius * 180.0 / M_PI;
    return angle >= a0 + slack && angle <= a1 - slack;
}

/* The share inside the slice, white on dark colours, if the whole label
 * fits; false when it does not. */
static bool label_inside(rel_pdf_ctx *ctx, const pie *p, double a0, double a1,
                         const char *text, rel_chart_rgb color)
{
    double width = rel_pdf_chart_width(ctx->fonts.sans_bold, SHARE_SIZE, text);
    double radius = p->inner > 0 ? (p->r + p->inner) / 2 : p->r * 0.64;
    double x, y;
    polar(p, radius, (a0 + a1) / 2, &x, &y);
    if (p->inner == 0 && a1 - a0 >= 359.99) {
        x = p->cx;   /* a whole pie: its 100,0% in the middle */
        y = p->cy;
    }
    double x0 = x - width / 2, x1 = x + width / 2, y0 = y - SHARE_CAP / 2, y1 = y + SHARE_CAP / 2;
    if (!inside_slice(p, a0, a1, x0, y0, 1.5) || !inside_slice(p, a0, a1, x1, y0, 1.5)
        || !inside_slice(p, a0, a1, x0, y1, 1.5) || !inside_slice(p, a0, a1, x1, y1, 1.5))
        return false;
    HPDF_Page_SetGrayFill(ctx->page, rel_pdf_chart_dark(color) ? 1.0 : 0.15);
    rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, SHARE_SIZE, x0, y0, REL_CHART_LEFT, text);
    return true;
}

/* Whether an outside label's box is free: beside the pie, inside its area,
 * away from every label already placed. */
static bool box_free(const pie *p, const double b[4])
{
    if (b[0] < p->area_left || b[2] > p->area_right || b[1] < p->bottom || b[3] > p->top)
        return false;
    double nx = fmax(b[0], fmin(p->cx, b[2])), ny = fmax(b[1], fmin(p->cy, b[3]));
    if (hypot(nx - p->cx, ny - p->cy) < p->r + 2.0)
        return false;
    for (size_t i = 0; i < p->box_count; i++) {
        const double *o = p->boxes[i];
        if (b[0] < o[2] + 2.0 && o[0] < b[2] + 2.0 && b[1] < o[3] + 1.5 && o[1] < b[3] + 1.5)
            return false;
    }
    return true;
}

/* The share outside the slice, with a leader, at the first free place:
 * nearer first, on its own side of the pie, or on the other side for a
 * slice near twelve or six o'clock. Nothing (the legend still has it) when
 * there is none. */
static void label_outside(rel_pdf_ctx *ctx, pie *p, double a0, double a1, const char *text)
{
    if (p->box_count == MAX_LABELS)
        return;
    double middle = (a0 + a1) / 2;
    double width = rel_pdf_chart_width(ctx->fonts.sans_bold, SHARE_SIZE, text);
    bool right = sin(radians(middle)) >= 0;
    bool vertical = fabs(sin(radians(middle))) < 0.35;
    for (int attempt = 0; attempt < 6; attempt++) {
        double distance = 10.0 + 8.0 * (attempt % 3);
        bool to_right = attempt < 3 ? right : !right;
        if (attempt >= 3 && !vertical)
            break;
        double x, y;
        polar(p, p->r + distance, middle, &x, &y);
        double tx = to_right ? x + 1.5 : x - 1.5 - width;
        double b[4] = {tx, y - SHARE_CAP / 2 - 1.0, tx + width, y + SHARE_CAP / 2 + 1.0};
        if (!box_free(p, b))
            continue;
        double lx0, ly0, lx1, ly1;
        polar(p, p->r + 1.5, middle, &lx0, &ly0);
        polar(p, p->r + distance - 1.5, middle, &lx1, &ly1);
        HPDF_Page_SetGrayStroke(ctx->page, 0.45);
        HPDF_Page_SetLineWidth(ctx->page, 0.5);
        HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)lx0, (HPDF_REAL)ly0);
        HPDF_Page_LineTo(ctx->page, (HPDF_REAL)lx1, (HPDF_REAL)ly1);
        HPDF_Page_Stroke(ctx->page);
        HPDF_Page_SetGrayFill(ctx->page, 0.15);
        rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, SHARE_SIZE, tx, y - SHARE_CAP / 2,
                           REL_CHART_LEFT, text);
        for (int i = 0; i < 4; i++)
            p->boxes[p->box_count][i] = b[i];
        p->box_count++;
        return;
    }
}

/* A slice's value: missing and zero values have no slice. */
static double slice_value(const rel_doc_chart *chart, size_t c)
{
    double v = rel_pdf_chart_value(chart, 0, c);
    return isnan(v) || v < 0 ? 0.0 : v;
}

/* The width the legend would like: its widest name on one line. */
static double natural_legend_width(rel_pdf_ctx *ctx, const rel_doc_chart *chart)
{
    double most = 0.0;
    for (size_t c = 0; c < chart->category_count; c++) {
        const char *text = rel_pdf_text(ctx, rel_pdf_chart_category(chart, c));
        if (text != NULL)
            most = fmax(most, rel_pdf_chart_width(ctx->fonts.sans, REL_CHART_LEGEND_SIZE, text));
    }
    return most;
}

/* The legend: swatch, category (two lines at most), amount, share, and a
 * total row under a rule; the amounts are left out when the names would
 * have less than 70 points. */
typedef struct legend {
    double width;
    double squeeze;            /* < 1 when even one-line rows overflow the box */
    const char **name[2];
    size_t *lines;
    const char **value;
    const char **share;
    double value_width, share_width, name_width, height;
    bool values;
} legend;

static bool lay_out_legend(rel_pdf_ctx *ctx, const rel_doc_chart *chart, const pie *p,
                           double most, double max_height, legend *lg)
{
    size_t n = chart->category_count;
    rel_pdf_font font = ctx->fonts.sans;
    double size = REL_CHART_LEGEND_SIZE;
    lg->name[0] = rel_arena_array(ctx->arena, n, sizeof *lg->name[0]);
    lg->name[1] = rel_arena_array(ctx->arena, n, sizeof *lg->name[1]);
    lg->lines = rel_arena_array(ctx->arena, n, sizeof *lg->lines);
    lg->value = rel_arena_array(ctx->arena, n + 1, sizeof *lg->value);
    lg->share = rel_arena_array(ctx->arena, n + 1, sizeof *lg->share);
    if (!lg->name[0] || !lg->name[1] || !lg->lines || !lg->value || !lg->share)
        return false;
    lg->value_width = lg->share_width = 0.0;
    for (size_t c = 0; c <= n; c++) {
        double v = c < n ? slice_value(chart, c) : p->total;
        lg->value[c] = rel_pdf_chart_number(ctx, chart, v, chart->decimals);
        lg->share[c] = rel_pdf_chart_share(ctx, v / p->total);
        if (lg->value[c] == NULL || lg->share[c] == NULL)
            return false;
        rel_pdf_font value_font = c < n ? font : ctx->fonts.sans_bold;   /* the total is bold */
        lg->value_width = fmax(lg->value_width,
                               rel_pdf_chart_width(value_font, size, lg->value[c]));
        lg->share_width = fmax(lg->share_width,
                               rel_pdf_chart_width(ctx->fonts.sans_bold, size, lg->share[c]));
    }
    /* As wide as its longest name on one line, if the box allows; the
     * amounts go first when room is short. */
    double columns = SWATCH + 5.0 + lg->share_width + 8.0;
    const char *total = rel_pdf_text(ctx, "Totale");
    if (total == NULL)
        return false;
    double natural = fmax(natural_legend_width(ctx, chart),
                          rel_pdf_chart_width(ctx->fonts.sans_bold, size, total));
    double name_room = natural + 1.0;   /* measuring twice may differ in the last bit */
    lg->values = most - columns - lg->value_width - 10.0 >= fmin(name_room, 70.0);
    if (lg->values)
        columns += lg->value_width + 10.0;
    lg->width = fmin(most, columns + name_room);
    lg->name_width = lg->width - columns;
    /* Two lines a name while the rows fit the height, one line beyond. */
    for (size_t most_lines = 2; most_lines >= 1; most_lines--) {
        lg->height = lg->values ? ROW_LEADING + ROW_PAD + 3.0 : 0.0;
        for (size_t c = 0; c < n; c++) {
            const char *text = rel_pdf_text(ctx, rel_pdf_chart_category(chart, c));
            rel_pdf_line *wrapped;
            size_t count = text ? rel_pdf_wrap(ctx, font, size, text, lg->name_width, &wrapped) : 0;
            if (count == 0)
                return false;
            char after = wrapped[0].start[wrapped[0].len];
            if (count == 1 || most_lines == 1 || (after != ' ' && after != '\0')) {
                lg->name[0][c] = rel_pdf_chart_fit(ctx, font, size, text, lg->name_width);
                lg->lines[c] = 1;
            } else {
                lg->name[0][c] = rel_arena_strndup(ctx->arena, wrapped[0].start, wrapped[0].len);
                lg->name[1][c] = rel_pdf_chart_fit(ctx, font, size, wrapped[1].start,
                                                   lg->name_width);
                lg->lines[c] = 2;
            }
            if (lg->name[0][c] == NULL || (lg->lines[c] == 2 && lg->name[1][c] == NULL))
                return false;
            lg->height += (double)lg->lines[c] * ROW_LEADING + ROW_PAD;
        }
        if (lg->height <= max_height)
            break;
    }
    lg->squeeze = lg->height > max_height ? max_height / lg->height : 1.0;
    lg->height *= lg->squeeze;
    return true;
}

static void draw_legend(rel_pdf_ctx *ctx, const rel_doc_chart *chart, const legend *lg,
                        double left, double top)
{
    double right = left + lg->width, k = lg->squeeze, size = REL_CHART_LEGEND_SIZE * k;
    double value_right = right - lg->share_width - 10.0;
    double leading = ROW_LEADING * k, y = top;
    for (size_t c = 0; c < chart->category_count; c++) {
        double baseline = y - leading + 2.0 * k;
        rel_pdf_chart_fill(ctx->page, rel_pdf_chart_color(c));
        rel_pdf_chart_rect(ctx->page, left, baseline - k, SWATCH * k, SWATCH * k);
        HPDF_Page_SetGrayFill(ctx->page, 0.15);
        for (size_t i = 0; i < lg->lines[c]; i++)
            rel_pdf_chart_text(ctx, ctx->fonts.sans, size, left + SWATCH + 5.0,
                               baseline - (double)i * leading, REL_CHART_LEFT,
                               lg->name[i][c]);
        if (lg->values)
            rel_pdf_chart_text(ctx, ctx->fonts.sans, size, value_right, baseline,
                               REL_CHART_RIGHT, lg->value[c]);
        rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, size, right, baseline, REL_CHART_RIGHT,
                           lg->share[c]);
        y -= ((double)lg->lines[c] * ROW_LEADING + ROW_PAD) * k;
    }
    if (!lg->values)
        return;
    size_t n = chart->category_count;
    HPDF_Page_SetGrayStroke(ctx->page, 0.55);
    HPDF_Page_SetLineWidth(ctx->page, 0.5);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)left, (HPDF_REAL)(y + 1.5 * k));
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)right, (HPDF_REAL)(y + 1.5 * k));
    HPDF_Page_Stroke(ctx->page);
    double baseline = y - leading + 0.5 * k;
    const char *label = rel_pdf_text(ctx, "Totale");
    if (label != NULL)
        rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, size, left + SWATCH + 5.0, baseline,
                           REL_CHART_LEFT, label);
    rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, size, value_right, baseline, REL_CHART_RIGHT,
                       lg->value[n]);
    rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, size, right, baseline, REL_CHART_RIGHT,
                       lg->share[n]);
}

/* The total in the donut's hole, when it fits. */
static void draw_hole_total(rel_pdf_ctx *ctx, const rel_doc_chart *chart, const pie *p)
{
    const char *label = rel_pdf_text(ctx, "Totale");
    const char *value = rel_pdf_chart_number(ctx, chart, p->total, chart->decimals);
    if (label == NULL || value == NULL
        || rel_pdf_chart_width(ctx->fonts.sans_bold, 9.0, value) > 2 * p->inner - 10.0)
        return;
    HPDF_Page_SetGrayFill(ctx->page, 0.4);
    rel_pdf_chart_text(ctx, ctx->fonts.sans, 7.5, p->cx, p->cy + 3.0, REL_CHART_CENTER, label);
    HPDF_Page_SetGrayFill(ctx->page, 0.15);
    rel_pdf_chart_text(ctx, ctx->fonts.sans_bold, 9.0, p->cx, p->cy - 8.0, REL_CHART_CENTER,
                       value);
}

bool rel_pdf_chart_pie(rel_pdf_ctx *ctx, const rel_doc_chart *chart, rel_chart_box box)
{
    pie *p = rel_arena_alloc(ctx->arena, sizeof *p);
    if (p == NULL)
        return false;
    size_t n = chart->category_count;
    for (size_t c = 0; c < n; c++)
        p->total += slice_value(chart, c);
    if (!(p->total > 0) || !isfinite(p->total))
        return true;

    /* Pie and legend side by side, centred together in the box. */
    p->r = (fmin(box.height, 0.42 * REL_PDF_TEXT_WIDTH) - 2 * VERTICAL_ROOM) / 2;
    p->inner = chart->kind == REL_CHART_DONUT ? p->r * HOLE : 0.0;
    double area = 2 * (p->r + SIDE_ROOM);
    legend lg;
    if (!lay_out_legend(ctx, chart, p, box.width - area - LEGEND_GAP, box.height, &lg))
        return false;
    double left = box.left + (box.width - area - LEGEND_GAP - lg.width) / 2;
    p->area_left = left;
    p->area_right = left + area;
    p->cx = left + area / 2;
    p->cy = box.bottom + box.height / 2;
    p->bottom = box.bottom;
    p->top = box.bottom + box.height;

    HPDF_Page_SetGrayStroke(ctx->page, 1.0);
    HPDF_Page_SetLineWidth(ctx->page, 1.0);
    double angle = 0.0;
    for (size_t c = 0; c < n; c++) {
        double span = slice_value(chart, c) / p->total * 360.0;
        if (span <= 0)
            continue;
        rel_pdf_chart_fill(ctx->page, rel_pdf_chart_color(c));
        draw_slice(ctx->page, p, angle, fmin(angle + span, 360.0));
        angle += span;
    }
    angle = 0.0;
    for (size_t c = 0; c < n; c++) {
        double span = slice_value(chart, c) / p->total * 360.0;
        if (span <= 0)
            continue;
        double a1 = fmin(angle + span, 360.0);
        if (!label_inside(ctx, p, angle, a1, lg.share[c], rel_pdf_chart_color(c)))
            label_outside(ctx, p, angle, a1, lg.share[c]);
        angle += span;
    }
    if (p->inner > 0)
        draw_hole_total(ctx, chart, p);
    draw_legend(ctx, chart, &lg, p->area_right + LEGEND_GAP, p->cy + lg.height / 2);
    return true;
}
