/* A formula as a spreadsheet formula over the cells a back end names: the
 * same tree, each reference resolved by the evaluator itself (refs.c), so
 * that the spreadsheet reads exactly the cells the check read. */
#include <string.h>
#include <strings.h>

#include "compute/formula/evaluator.h"

typedef struct translator {
    evaluator e;
    rel_diags quiet;              /* the formula evaluated already: nothing to say here */
    const rel_formula_sheet *sheet;
    const char *why;
} translator;

static const char *translate(translator *t, const node *n);

static const char *fail(translator *t, const char *why)
{
    if (t->why == NULL)
        t->why = why;
    return NULL;
}

/* 1,05 as 1.05; a fraction that is no decimal as (1/3). */
static const char *number_text(rel_arena *arena, rel_rational r)
{
    __int128 den = r.den, unit = 1;
    int decimals = 0;
    while (decimals < 9 && unit % den != 0) {
        unit *= 10;
        decimals++;
    }
    if (unit % den != 0)
        return rel_arena_printf(arena, "(%lld/%lld)", (long long)r.num, (long long)r.den);
    __int128 scaled = r.num * (unit / den);
    long long whole = (long long)(scaled / unit), part = (long long)(scaled % unit);
    if (decimals == 0)
        return rel_arena_printf(arena, "%lld", whole);
    return rel_arena_printf(arena, "%s%lld.%0*lld", scaled < 0 && whole == 0 ? "-" : "", whole,
                            decimals, part < 0 ? -part : part);
}

/* The cells an evaluation of `n` reads, recorded; false when it fails. */
static bool read_cells(translator *t, const node *n, rel_formula_cells *cells, value *v)
{
    memset(cells, 0, sizeof *cells);
    t->e.cells = cells;
    bool ok = n->kind == NODE_REF ? ref_eval(&t->e, n, v) : eval_call(&t->e, n, v);
    t->e.cells = NULL;
    return ok && !cells->incomplete;
}

/* `function` over the cells of column `column` among `cells`, in order. */
static const char *over_cells(translator *t, const rel_formula_cells *cells, size_t column,
                              const char *function)
{
    if (cells->count == 0)
        return "0";
    const rel_value **values = rel_arena_array(t->e.arena, cells->count, sizeof *values);
    if (values == NULL)
        return fail(t, "memoria esaurita");
    size_t count = 0;
    for (size_t i = 0; i < cells->count; i++)
        if (cells->items[i].dataset == cells->items[0].dataset && cells->items[i].column == column)
            values[count++] = cells->items[i].value;
    const char *text = t->sheet->cells(t->sheet->context, cells->items[0].dataset, column, values,
                                       count, function);
    return text ? text : fail(t, "le celle lette non sono nell'allegato");
}

static const char *reference(translator *t, const node *n, const char *function)
{
    rel_formula_cells cells;
    value v;
    if (!read_cells(t, n, &cells, &v) || cells.count == 0)
        return fail(t, "un riferimento che non si risolve");
    if (v.is_date)
        return fail(t, "una data: il foglio la conterebbe in giorni");
    const rel_formula_cell *first = &cells.items[0];
    if (n->selector_count > 1) {
        const char *cell = t->sheet->cell(t->sheet->context, first->dataset, first->value,
                                          first->column);
        return cell ? cell : fail(t, "una cella letta non è nell'allegato");
    }
    return over_cells(t, &cells, first->column, function);
}

/* SOMMA, MIN, MAX, MEDIA: a column argument is its cells. */
static const char *fold(translator *t, const node *n, const char *function)
{
    bool mean = strcmp(function, "AVERAGE") == 0;
    if (mean && n->arg_count != 1)
        return fail(t, "MEDIA di più argomenti");
    char *out = rel_arena_printf(t->e.arena, "%s(", function);
    for (size_t i = 0; out && i < n->arg_count; i++) {
        const node *arg = n->args[i];
        const char *text = arg->kind == NODE_REF && arg->selector_count == 1
                               ? reference(t, arg, function) : translate(t, arg);
        if (text == NULL)
            return NULL;
        out = rel_arena_printf(t->e.arena, "%s%s%s", out, i ? "," : "", text);
    }
    return out ? rel_arena_printf(t->e.arena, "%s)", out) : fail(t, "memoria esaurita");
}

/* SOMMA.SE: the lines the criterion picks, as the evaluation picks them. */
static const char *sum_if(translator *t, const node *n)
{
    rel_formula_cells cells;
    value v;
    const rel_dataset *d;
    int column;
    if (n->arg_count != 3 || !ref_range(&t->e, n->args[0], "SOMMA.SE", &d, &column)
        || !read_cells(t, n, &cells, &v))
        return fail(t, "un SOMMA.SE che non si risolve");
    rel_formula_cells summed = cells;
    summed.count = 0;
    for (size_t i = 0; i < cells.count; i++)
        if (cells.items[i].column == (size_t)column)
            summed.items[summed.count++] = cells.items[i];
    return summed.count ? over_cells(t, &summed, (size_t)column, "SUM") : "0";
}

static const char *call(translator *t, const node *n)
{
    static const struct {
        const char *ours, *theirs;
    } folds[] = {{"SOMMA", "SUM"}, {"MIN", "MIN"}, {"MAX", "MAX"}, {"MEDIA", "AVERAGE"}};
    for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++)
        if (strcasecmp(n->text, folds[i].ours) == 0)
            return fold(t, n, folds[i].theirs);
    if (strcasecmp(n->text, "SOMMA.SE") == 0)
        return sum_if(t, n);
    const char *args[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < n->arg_count && i < 3; i++)
        if ((args[i] = translate(t, n->args[i])) == NULL)
            return NULL;
    rel_arena *arena = t->e.arena;
    if (strcasecmp(n->text, "ABS") == 0 && n->arg_count == 1)
        return rel_arena_printf(arena, "ABS(%s)", args[0]);
    if (strcasecmp(n->text, "ARROTONDA") == 0 && n->arg_count == 2)
        return rel_arena_printf(arena, "ROUND(%s,%s)", args[0], args[1]);
    if (strcasecmp(n->text, "SE") == 0 && n->arg_count == 3)
        return rel_arena_printf(arena, "IF(%s,%s,%s)", args[0], args[1], args[2]);
    return fail(t, rel_arena_printf(arena, "la funzione %s non ha un equivalente nel foglio",
                                    n->text));
}

static const char *binary(translator *t, const node *n)
{
    static const char *const ops[] = {"+", "-", "*", "/", "=", "<>", "<", ">", "<=", ">="};
    const char *a = translate(t, n->left), *b = a ? translate(t, n->right) : NULL;
    if (b == NULL)
        return NULL;
    if (n->op == OP_AND)
        return rel_arena_printf(t->e.arena, "AND(%s,%s)*1", a, b);
    if (n->op >= OP_EQ)   /* true is 1, false 0, as in the formula language */
        return rel_arena_printf(t->e.arena, "((%s)%s(%s))*1", a, ops[n->op], b);
    return rel_arena_printf(t->e.arena, "(%s)%s(%s)", a, ops[n->op], b);
}

static const char *translate(translator *t, const node *n)
{
    switch (n->kind) {
    case NODE_NUMBER:
        return number_text(t->e.arena, n->number);
    case NODE_STRING:
        return fail(t, "un testo al posto di un numero");
    case NODE_NAME: {
        const char *cell = t->sheet->indicator(t->sheet->context, n->text);
        return cell ? cell : fail(t, "un indicatore che non è nell'allegato");
    }
    case NODE_REF:
        return reference(t, n, "SUM");
    case NODE_CALL:
        return call(t, n);
    case NODE_NEGATE: {
        const char *x = translate(t, n->left);
        return x ? rel_arena_printf(t->e.arena, "-(%s)", x) : NULL;
    }
    case NODE_BINARY:
        return binary(t, n);
    }
    return NULL;
}

const char *rel_formula_excel(const rel_formula *formula, const rel_model *model,
                              const rel_formula_names *names, const rel_formula_sheet *sheet,
                              rel_arena *arena, const char **why)
{
    translator t = {{model, names, NULL, arena, NULL}, {0}, sheet, NULL};
    rel_diags_init(&t.quiet, arena);
    t.e.diags = &t.quiet;
    const char *text = translate(&t, formula->root);
    if (text == NULL || t.quiet.errors > 0)
        text = NULL;
    *why = text ? NULL : t.why ? t.why : "la formula non si ricalcola senza errori";
    rel_diags_free(&t.quiet);
    return text;
}
