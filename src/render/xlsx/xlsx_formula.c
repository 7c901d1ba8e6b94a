/* The verifiche of verifiche.csv and the indicators of
 * indicatori_calcolati.csv as formulas over the annex's cells: the formula
 * language translated by compute/formula (rel_formula_excel), each cell it
 * reads named here from the registry. */
#include <string.h>

#include "render/xlsx/xlsx_formula.h"

typedef struct naming {
    const rel_xlsx_context *ctx;
    const rel_xlsx_sheet *from;
} naming;

static const char *reference_of(const naming *n, const rel_xlsx_derived *cell)
{
    rel_xlsx_book *book = n->ctx->book;
    const char *ref = rel_xlsx_cell_ref(book, n->from, cell->place.sheet, cell->place.row,
                                        cell->place.col);
    /* a percentage is a fraction in its cell, points in a formula */
    return ref && cell->place.fraction ? rel_arena_printf(&book->scratch, "%s*100", ref) : ref;
}

static const char *cell_name(void *context, const rel_dataset *d, const rel_value *value,
                             size_t column)
{
    (void)d;
    (void)column;
    rel_xlsx_derived cell;
    return rel_xlsx_cells_find(&((naming *)context)->ctx->book->cells, value->at, &cell)
               ? reference_of(context, &cell) : NULL;
}

static const char *cells_name(void *context, const rel_dataset *d, size_t column,
                              const rel_value *const *values, size_t count, const char *function)
{
    naming *n = context;
    rel_xlsx_book *book = n->ctx->book;
    rel_xlsx_place *places = rel_arena_array(&book->scratch, count + 1, sizeof *places);
    if (places == NULL)
        return NULL;
    (void)d;
    (void)column;
    for (size_t i = 0; i < count; i++) {
        rel_xlsx_derived cell;
        if (!rel_xlsx_cells_find(&book->cells, values[i]->at, &cell))
            return NULL;
        places[i] = cell.place;
    }
    bool subtotal;
    const uint32_t *from = n->from ? &n->from->index : NULL;
    const char *text = strcmp(function, "SUM") == 0
        ? rel_xlsx_cells_sum(&book->cells, &book->scratch, places, count, from, false, &subtotal)
        : rel_xlsx_cells_runs(&book->cells, &book->scratch, places, count, from,
                              rel_arena_printf(&book->scratch, "%s(", function));
    if (text && count && places[0].fraction)
        text = rel_arena_printf(&book->scratch, "(%s)*100", text);
    return text;
}

static const char *indicator_name(void *context, const char *name)
{
    naming *n = context;
    rel_xlsx_book *book = n->ctx->book;
    const char *key = rel_xlsx_derived_key(&book->scratch, "indicatori", 0, name);
    const rel_xlsx_derived *cell = key ? rel_xlsx_cells_get_derived(&book->cells, key) : NULL;
    return cell ? reference_of(n, cell) : NULL;
}

/* `text` (a formula written at `at`) translated and rounded to `decimals`;
 * *out holds `value` / 10^decimals, the figure already computed. */
static bool translated(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from, const char *text,
                       rel_origin at, int decimals, int64_t value, rel_xlsx_figure *out)
{
    rel_xlsx_book *book = ctx->book;
    int64_t unit = 1;
    for (int i = 0; i < decimals; i++)
        unit *= 10;
    *out = (rel_xlsx_figure){NULL, NULL, value, unit, value, unit};
    rel_diags quiet;
    rel_diags_init(&quiet, &book->scratch);
    rel_formula *formula = rel_formula_parse(text, at, &book->scratch, &quiet);
    rel_diags_free(&quiet);
    if (formula == NULL) {
        out->why = "la formula non si rilegge";
        return true;
    }
    naming n = {ctx, from};
    rel_formula_sheet sheet = {cell_name, cells_name, indicator_name, &n};
    rel_formula_names names = rel_indicators_names(ctx->indicators);
    const char *why;
    const char *expression = rel_formula_excel(formula, book->model, &names, &sheet,
                                               &book->scratch, &why);
    if (expression == NULL) {
        out->why = why;
        return true;
    }
    out->formula = rel_arena_printf(&book->scratch, "ROUND(%s,%d)", expression, decimals);
    return out->formula != NULL;
}

/* The cell of verifiche.csv at `at`: its formula's text. */
static const rel_value *formula_cell(const rel_model *model, rel_origin at)
{
    const rel_dataset *d = rel_model_dataset(model, "verifiche");
    for (size_t r = 0; d && r < d->row_count; r++)
        for (size_t c = 0; c < d->column_count; c++) {
            const rel_value *v = &d->rows[r].values[c];
            if (v->at.line == at.line && v->at.col == at.col && v->at.file && at.file
                && strcmp(v->at.file, at.file) == 0)
                return v;
        }
    return NULL;
}

bool rel_xlsx_formula_of(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                         const rel_figure *f, int scale, rel_xlsx_figure *out)
{
    const rel_value *cell = formula_cell(ctx->book->model, f->at);
    if (cell == NULL) {
        int64_t unit = 1;
        for (int i = 0; i < scale; i++)
            unit *= 10;
        *out = (rel_xlsx_figure){NULL, "la formula non è in verifiche.csv", f->value, unit,
                                 f->value, unit};
        return true;
    }
    return translated(ctx, from, cell->text, cell->at, scale, f->value, out);
}

bool rel_xlsx_indicator_formula(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                                const rel_indicator *indicator, const char *text,
                                rel_xlsx_figure *out)
{
    return translated(ctx, from, text, indicator->at, indicator->decimals, indicator->rounded,
                      out);
}
