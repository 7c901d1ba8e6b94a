#include "render/xlsx/xlsx_figure.h"

#include <string.h>

#include "compute/balance.h"
#include "render/xlsx/xlsx_formula.h"
#include "render/xlsx/xlsx_keys.h"

static int64_t power_of_ten(int scale)
{
    int64_t p = 1;
    for (int i = 0; i < scale; i++)
        p *= 10;
    return p;
}

bool rel_xlsx_figure_fixed(const rel_xlsx_figure *figure, int scale, int64_t *out)
{
    return rel_balance_divide(figure->num, figure->den, scale, out);
}

static __int128 gcd(__int128 a, __int128 b)
{
    a = a < 0 ? -a : a;
    while (b != 0) {
        __int128 t = a % b;
        a = b;
        b = t < 0 ? -t : t;
    }
    return a ? a : 1;
}

/* *out += sign * add, exactly; false when the result leaves int64. */
static bool add_exact(rel_xlsx_figure *out, const rel_xlsx_figure *add, int sign)
{
    __int128 num = (__int128)out->num * add->den + (__int128)sign * add->num * out->den;
    __int128 den = (__int128)out->den * add->den;
    __int128 g = gcd(num, den);
    num /= g;
    den /= g;
    if (num > INT64_MAX || num < INT64_MIN || den > INT64_MAX)
        return false;
    out->num = (int64_t)num;
    out->den = (int64_t)den;
    return true;
}

/* The figure cannot be written as a formula: its value is the check's
 * (kept in *out by rel_xlsx_figure_of), with the reason. Returns true. */
static bool not_expressible(rel_xlsx_figure *out, const char *why)
{
    out->formula = NULL;
    out->why = why;
    out->num = out->value;
    out->den = out->unit;
    return true;
}

/* A reference to a cell of the annex, in the check's unit; rounded to the
 * check's decimals when the cell holds more. */
static bool reference(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                      const rel_xlsx_derived *cell, int scale, rel_xlsx_figure *out)
{
    rel_xlsx_book *book = ctx->book;
    const char *ref = rel_xlsx_cell_ref(book, from, cell->place.sheet, cell->place.row,
                                        cell->place.col);
    if (ref && cell->place.fraction)
        ref = rel_arena_printf(&book->scratch, "%s*100", ref);
    out->num = cell->num;
    out->den = cell->den;
    int64_t unit = power_of_ten(scale);
    if (ref && unit % cell->den != 0) {
        ref = rel_arena_printf(&book->scratch, "ROUND(%s,%d)", ref, scale);
        if (!rel_balance_divide(cell->num, cell->den, scale, &out->num))
            return false;
        out->den = unit;
    }
    out->formula = ref;
    return ref != NULL;
}

/* The sum of `column` over `rows` of `d`: the cells where the annex wrote
 * them, added by one formula. */
static bool sum_rows(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                     const rel_dataset *d, int column, const size_t *rows, size_t count,
                     rel_xlsx_figure *out)
{
    rel_xlsx_book *book = ctx->book;
    rel_xlsx_place *places = rel_arena_array(&book->scratch, count + 1, sizeof *places);
    if (places == NULL)
        return false;
    out->num = 0;
    out->den = 1;
    for (size_t i = 0; i < count; i++) {
        rel_xlsx_derived cell;
        if (!rel_xlsx_cells_at(&book->cells, d, rows[i], column, &cell))
            return not_expressible(out, "una riga sommata non è nell'allegato");
        places[i] = cell.place;
        rel_xlsx_figure part = {NULL, NULL, cell.num, cell.den, 0, 1};
        if (!add_exact(out, &part, 1))
            return not_expressible(out, "somma fuori scala");
    }
    bool subtotal;
    out->formula = rel_xlsx_cells_sum(&book->cells, &book->scratch, places, count,
                                      from ? &from->index : NULL, false, &subtotal);
    if (out->formula && count && places[0].fraction)
        out->formula = rel_arena_printf(&book->scratch, "(%s)*100", out->formula);
    return out->formula || not_expressible(out, "troppe righe sparse per una formula");
}

/* Every line of `d`, or the lines of a group. */
static bool sum_lines(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                      const rel_figure_source *source, rel_xlsx_figure *out)
{
    const rel_dataset *d = source->dataset;
    const size_t *rows;
    size_t count = 0;
    if (source->kind == REL_SOURCE_GROUP)
        return rel_xlsx_keys_lines(ctx->book, d, source->key_column, source->key, &rows, &count)
               && sum_rows(ctx, from, d, source->column, rows, count, out);
    size_t *lines = rel_arena_array(&ctx->book->scratch, d->row_count + 1, sizeof *lines);
    if (lines == NULL)
        return false;
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM)
            lines[count++] = r;
    return sum_rows(ctx, from, d, source->column, lines, count, out);
}

static bool terms(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                  const rel_figure_source *source, int scale, rel_xlsx_figure *out)
{
    char *formula = rel_arena_strdup(&ctx->book->scratch, "");
    out->num = 0;
    out->den = 1;
    for (size_t i = 0; formula && i < source->term_count; i++) {
        const rel_figure_term *t = &source->terms[i];
        rel_xlsx_figure term;
        if (!rel_xlsx_figure_of(ctx, from, &t->figure, t->source, scale, &term))
            return false;
        if (term.formula == NULL)
            return not_expressible(out, term.why);
        if (!add_exact(out, &term, t->sign))
            return not_expressible(out, "somma fuori scala");
        formula = rel_arena_printf(&ctx->book->scratch, "%s%s(%s)", formula,
                                   t->sign < 0 ? "-" : i ? "+" : "", term.formula);
    }
    out->formula = formula;
    return formula != NULL;
}

static bool derived(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                    const rel_figure_source *source, int scale, rel_xlsx_figure *out)
{
    const char *key = rel_xlsx_derived_key(&ctx->book->scratch, source->family, source->year,
                                           source->quantity);
    if (key == NULL)
        return false;
    const rel_xlsx_derived *cell = rel_xlsx_cells_get_derived(&ctx->book->cells, key);
    if (cell != NULL)
        return reference(ctx, from, cell, scale, out);
    return not_expressible(out, "il valore ricalcolato non è nell'allegato");
}

/* Rounds *out, and its formula, to each of `steps` decimals in turn, as
 * the reconciliation does. */
static bool round_steps(rel_arena *arena, const int *steps, rel_xlsx_figure *out)
{
    for (int i = 0; i < 2 && steps[i] >= 0; i++) {
        int64_t rounded, unit = power_of_ten(steps[i]);
        if (!rel_balance_divide(out->num, out->den, steps[i], &rounded))
            return not_expressible(out, "valore fuori scala");
        out->num = rounded;
        out->den = unit;
        out->formula = rel_arena_printf(arena, "ROUND(%s,%d)", out->formula, steps[i]);
        if (out->formula == NULL)
            return false;
    }
    return true;
}

/* numerator / denominator * factor, both figures of the annex. */
static bool quotient(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                     const rel_figure_source *source, int scale, rel_xlsx_figure *out)
{
    rel_xlsx_figure parts[2];
    for (int k = 0; k < 2; k++) {
        const rel_figure_term *t = &source->terms[k];
        if (!rel_xlsx_figure_of(ctx, from, &t->figure, t->source, 6, &parts[k]))
            return false;
        if (parts[k].formula == NULL)
            return not_expressible(out, parts[k].why);
    }
    __int128 num = (__int128)parts[0].num * parts[1].den * source->factor;
    __int128 den = (__int128)parts[0].den * parts[1].num;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    __int128 g = gcd(num, den);
    if (den == 0 || num / g > INT64_MAX || num / g < INT64_MIN || den / g > INT64_MAX)
        return not_expressible(out, "rapporto non calcolabile");
    out->num = (int64_t)(num / g);
    out->den = (int64_t)(den / g);
    out->formula = rel_arena_printf(&ctx->book->scratch, source->factor == 1 ? "(%s)/(%s)"
                                                                           : "(%s)/(%s)*%lld",
                                    parts[0].formula, parts[1].formula,
                                    (long long)source->factor);
    (void)scale;
    return out->formula && round_steps(&ctx->book->scratch, source->steps, out);
}

/* The mean of the cells of `rows` that hold a figure. */
static bool mean(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                 const rel_figure_source *source, rel_xlsx_figure *out)
{
    rel_xlsx_book *book = ctx->book;
    rel_xlsx_place *places = rel_arena_array(&book->scratch, source->row_count + 1,
                                             sizeof *places);
    if (places == NULL)
        return false;
    __int128 sum = 0;
    int64_t den = 1, count = 0;
    for (size_t i = 0; i < source->row_count; i++) {
        rel_xlsx_derived cell;
        if (!rel_xlsx_cells_at(&book->cells, source->dataset, source->rows[i], source->column,
                               &cell))
            return not_expressible(out, "una riga della media non è nell'allegato");
        places[i] = cell.place;
        sum += cell.num;
        den = cell.den;
        count += !cell.place.empty;
    }
    if (count == 0 || sum * 1 > INT64_MAX || sum < INT64_MIN)
        return not_expressible(out, "media non calcolabile");
    out->num = (int64_t)sum;
    out->den = den * count;
    const char *average = rel_xlsx_cells_mean(&book->cells, &book->scratch, places,
                                              source->row_count, from ? &from->index : NULL);
    if (average == NULL)
        return not_expressible(out, "troppe righe sparse per una formula");
    if (source->row_count && places[0].fraction)
        average = rel_arena_printf(&book->scratch, "(%s)*100", average);
    out->formula = average;
    return average && round_steps(&book->scratch, source->steps, out);
}

bool rel_xlsx_figure_of(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                        const rel_figure *f, const rel_figure_source *source, int scale,
                        rel_xlsx_figure *out)
{
    *out = (rel_xlsx_figure){NULL, NULL, f->value, power_of_ten(scale), f->value,
                             power_of_ten(scale)};
    if (source == NULL) {
        rel_xlsx_derived cell;
        if (rel_xlsx_cells_find(&ctx->book->cells, f->at, &cell))
            return reference(ctx, from, &cell, scale, out);
        return not_expressible(out, "la cella non è nell'allegato");
    }
    switch (source->kind) {
    case REL_SOURCE_SUM:
        return sum_rows(ctx, from, source->dataset, source->column, source->rows,
                        source->row_count, out);
    case REL_SOURCE_LINES:
    case REL_SOURCE_GROUP:
        return sum_lines(ctx, from, source, out);
    case REL_SOURCE_TERMS:
        return terms(ctx, from, source, scale, out);
    case REL_SOURCE_DERIVED:
        return derived(ctx, from, source, scale, out);
    case REL_SOURCE_FORMULA:
        return rel_xlsx_formula_of(ctx, from, f, scale, out);
    case REL_SOURCE_QUOTIENT:
        return quotient(ctx, from, source, scale, out);
    case REL_SOURCE_MEAN:
        return mean(ctx, from, source, out);
    }
    return true;
}

bool rel_xlsx_figure_write(rel_xlsx_sheet *s, lxw_col_t col, const rel_xlsx_figure *figure,
                           rel_xlsx_style style, rel_xlsx_emphasis emphasis)
{
    double value = (double)figure->num / (double)figure->den;
    if (figure->formula == NULL)
        return rel_xlsx_number(s, col, value, style, emphasis);
    const char *formula = rel_arena_printf(&s->book->scratch, "=%s", figure->formula);
    return rel_xlsx_formula(s, col, formula, value, style, emphasis);
}
