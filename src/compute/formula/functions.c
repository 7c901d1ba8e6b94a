/* The functions of the formula language. SOMMA, MIN, MAX, MEDIA, CONTA and
 * CONTA.VALORI take ranges as Excel does: a column reference stands for
 * each of its lines' cells, a cell reference for its cell, and an empty
 * cell or a figure not available ("n.d.") is skipped. */
#include <string.h>
#include <strings.h>

#include "compute/formula/evaluator.h"
#include "compute/formula/rational.h"
#include "core/codes.h"
#include "core/suggest.h"

static bool arity(evaluator *e, const node *n, size_t min, size_t max)
{
    if (n->arg_count >= min && n->arg_count <= max)
        return true;
    return eval_fail(e, REL_E_FORMULA_FUNCTION, n->at,
                     rel_arena_printf(e->arena, "numero di argomenti errato per %s: attesi %zu%s",
                                      n->text, min, max > min ? " o più" : ""),
                     NULL, NULL);
}

typedef enum fold_kind { FOLD_SUM, FOLD_MIN, FOLD_MAX, FOLD_MEAN } fold_kind;

typedef struct fold {
    fold_kind kind;
    const char *function;
    value result;
    size_t count;             /* values taken */
} fold;

/* Whether `v` replaces the result of MIN / MAX. */
static bool better(evaluator *e, fold *f, const node *arg, const value *v, bool *replace)
{
    binary_op op = f->kind == FOLD_MIN ? OP_LT : OP_GT;
    if (v->is_date != f->result.is_date)
        return eval_fail(e, REL_E_FORMULA_DATE_MIX, arg->at,
                         rel_arena_printf(e->arena, "%s confronta date con date e numeri con "
                                                    "numeri, non gli uni con le altre",
                                          f->function),
                         NULL, NULL);
    if (v->is_date)
        return date_compare(e, op, v->date, f->result.date, arg->at, replace);
    *replace = order_holds(op, rational_compare(v->number, f->result.number));
    return true;
}

static bool visit_fold(evaluator *e, void *state, const node *arg, cell_content content,
                       const value *v, const rel_dataset *d, const rel_row *row, int column)
{
    fold *f = state;
    if (content == CELL_TEXT)
        return ref_cell_error(e, d, row, column, content, arg->at);
    if (content == CELL_EMPTY || content == CELL_MISSING)
        return true;
    if (f->kind == FOLD_SUM || f->kind == FOLD_MEAN) {
        if (v->is_date)
            return eval_not_date(e, arg->at, rel_arena_printf(e->arena, "in %s", f->function));
        f->count++;
        return rational_add(f->result.number, v->number, &f->result.number)
               || eval_fail(e, REL_E_FORMULA_OVERFLOW, arg->at, "somma troppo grande", NULL, NULL);
    }
    bool replace = true;
    if (f->count++ > 0 && !better(e, f, arg, v, &replace))
        return false;
    if (replace)
        f->result = *v;
    return true;
}

static bool eval_fold(evaluator *e, const node *n, fold_kind kind, value *out)
{
    fold f = {kind, n->text, number_value((rel_rational){0, 1, false}), 0};
    if (!arity(e, n, 1, 16))
        return false;
    for (size_t i = 0; i < n->arg_count; i++)
        if (!ref_each_value(e, n->args[i], visit_fold, &f))
            return false;
    if (f.count == 0 && kind != FOLD_SUM)
        return eval_fail(e, REL_E_FORMULA_NO_VALUES, n->at,
                         rel_arena_printf(e->arena, "%s di nessun valore: tutte le celle sono "
                                                    "vuote",
                                          n->text),
                         NULL, NULL);
    *out = f.result;
    if (kind == FOLD_MEAN
        && !rational_div(f.result.number, (rel_rational){(__int128)f.count, 1, false},
                         &out->number))
        return eval_fail(e, REL_E_FORMULA_OVERFLOW, n->at, "valore troppo grande", NULL, NULL);
    return true;
}

typedef struct counter {
    bool any_value;           /* CONTA.VALORI: texts too */
    const char *function;
    int64_t count;
} counter;

static bool visit_count(evaluator *e, void *state, const node *arg, cell_content content,
                        const value *v, const rel_dataset *d, const rel_row *row, int column)
{
    (void)v;
    (void)row;
    counter *c = state;
    if (content == CELL_TEXT && !c->any_value && d != NULL
        && (d->columns[column].type == REL_TYPE_TEXT || d->columns[column].type == REL_TYPE_CODE))
        return eval_fail(e, REL_E_FORMULA_FUNCTION, arg->at,
                         rel_arena_printf(e->arena, "CONTA conta numeri e date, ma la colonna "
                                                    "«%s» contiene testo: per contare le celle "
                                                    "non vuote, CONTA.VALORI",
                                          d->columns[column].name),
                         NULL, NULL);
    c->count += content == CELL_VALUE || (content == CELL_TEXT && c->any_value);
    return true;
}

static bool eval_count(evaluator *e, const node *n, bool any_value, value *out)
{
    counter c = {any_value, n->text, 0};
    if (!arity(e, n, 1, 16))
        return false;
    for (size_t i = 0; i < n->arg_count; i++)
        if (!ref_each_value(e, n->args[i], visit_count, &c))
            return false;
    *out = number_value((rel_rational){c.count, 1, false});
    return true;
}

/* CONTA.SE(tabella[colonna]; criterio) */
static bool eval_count_if(evaluator *e, const node *n, value *out)
{
    const rel_dataset *d;
    int column;
    if (!arity(e, n, 2, 2) || !ref_range(e, n->args[0], "CONTA.SE", &d, &column))
        return false;
    criterion *c = criterion_read(e, n->args[1], d, column);
    if (c == NULL)
        return false;
    int64_t count = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        bool ok;
        if (d->rows[r].kind != REL_ROW_ITEM)
            continue;
        count += criterion_matches(e, c, &d->rows[r], &ok);
        if (!ok)
            return false;
    }
    *out = number_value((rel_rational){count, 1, false});
    return true;
}

/* SOMMA.SE(tabella[colonna]; colonna_criterio; criterio) */
static bool eval_sum_if(evaluator *e, const node *n, value *out)
{
    const rel_dataset *d;
    int column;
    if (!arity(e, n, 3, 3) || !ref_range(e, n->args[0], "SOMMA.SE", &d, &column))
        return false;
    const node *by = n->args[1];
    if (by->kind != NODE_NAME && by->kind != NODE_STRING)
        return eval_fail(e, REL_E_FORMULA_FUNCTION, by->at,
                         "SOMMA.SE si scrive SOMMA.SE(tabella[colonna]; colonna; criterio)", NULL,
                         NULL);
    selector filter = {by->kind == NODE_NAME ? SEL_COLUMN : SEL_TEXT, by->text, 0, by->at};
    int filter_column = ref_column(e, d, &filter);
    criterion *c = filter_column >= 0 ? criterion_read(e, n->args[2], d, filter_column) : NULL;
    if (c == NULL)
        return false;
    if (d->columns[column].type == REL_TYPE_DATE)
        return eval_not_date(e, n->args[0]->at, "in SOMMA.SE");
    *out = number_value((rel_rational){0, 1, d->columns[column].type == REL_TYPE_MONEY});
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        bool ok;
        if (row->kind != REL_ROW_ITEM)
            continue;
        bool match = criterion_matches(e, c, row, &ok);
        if (!ok)
            return false;
        if (!match)
            continue;
        value cell;
        if (ref_cell(e, d, row, column, &cell) == CELL_TEXT)
            return ref_cell_error(e, d, row, column, CELL_TEXT, n->args[0]->at);
        if (!rational_add(out->number, cell.number, &out->number))
            return eval_fail(e, REL_E_FORMULA_OVERFLOW, n->at, "somma troppo grande", NULL, NULL);
    }
    return true;
}

/* RIGHE(tabella): its lines, declared TOTALE rows not counted. */
static bool eval_rows(evaluator *e, const node *n, value *out)
{
    if (!arity(e, n, 1, 1))
        return false;
    if (n->args[0]->kind != NODE_NAME)
        return eval_fail(e, REL_E_FORMULA_FUNCTION, n->args[0]->at,
                         "RIGHE si scrive RIGHE(tabella), con il nome della tabella", NULL, NULL);
    const rel_dataset *d = ref_dataset(e, n->args[0]->text, n->args[0]->at);
    if (d == NULL)
        return false;
    int64_t lines = 0;
    for (size_t r = 0; r < d->row_count; r++)
        lines += d->rows[r].kind == REL_ROW_ITEM;
    *out = number_value((rel_rational){lines, 1, false});
    return true;
}

static bool eval_round(evaluator *e, const node *n, value *out)
{
    rel_rational number, digits;
    if (!arity(e, n, 2, 2) || !eval_number(e, n->args[0], "in ARROTONDA", &number)
        || !eval_number(e, n->args[1], "in ARROTONDA", &digits))
        return false;
    if (digits.den != 1 || digits.num < 0 || digits.num > 6)
        return eval_fail(e, REL_E_FORMULA_FUNCTION, n->args[1]->at,
                         "ARROTONDA vuole un numero di decimali da 0 a 6", NULL, NULL);
    int64_t fixed;
    if (!rel_rational_fixed(number, (int)digits.num, &fixed))
        return eval_fail(e, REL_E_FORMULA_OVERFLOW, n->at, "valore troppo grande", NULL, NULL);
    *out = number_value(rel_rational_from_fixed(fixed, (int)digits.num, number.money));
    return true;
}

static bool eval_date(evaluator *e, const node *n, value *out)
{
    rel_rational year, month, day;
    return arity(e, n, 3, 3) && eval_number(e, n->args[0], "in DATA", &year)
           && eval_number(e, n->args[1], "in DATA", &month)
           && eval_number(e, n->args[2], "in DATA", &day)
           && date_make(e, n, year, month, day, out);
}

static bool eval_abs(evaluator *e, const node *n, value *out)
{
    *out = number_value((rel_rational){0, 1, false});
    if (!arity(e, n, 1, 1) || !eval_number(e, n->args[0], "in ABS", &out->number))
        return false;
    out->number.num = out->number.num < 0 ? -out->number.num : out->number.num;
    return true;
}

static bool eval_if(evaluator *e, const node *n, value *out)
{
    rel_rational condition;
    if (!arity(e, n, 3, 3) || !eval_number(e, n->args[0], "come condizione di SE", &condition))
        return false;
    return eval_node(e, n->args[condition.num != 0 ? 1 : 2], out);
}

static const struct {
    const char *name;
    bool (*eval)(evaluator *e, const node *n, value *out);
} functions[] = {
    {"SOMMA.SE", eval_sum_if}, {"CONTA.SE", eval_count_if}, {"RIGHE", eval_rows},
    {"ARROTONDA", eval_round}, {"DATA", eval_date},         {"ABS", eval_abs},
    {"SE", eval_if},
};

static const struct {
    const char *name;
    fold_kind kind;
} folds[] = {
    {"SOMMA", FOLD_SUM}, {"MIN", FOLD_MIN}, {"MAX", FOLD_MAX}, {"MEDIA", FOLD_MEAN},
};

#define COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

bool eval_call(evaluator *e, const node *n, value *out)
{
    for (size_t i = 0; i < COUNT_OF(folds); i++)
        if (strcasecmp(n->text, folds[i].name) == 0)
            return eval_fold(e, n, folds[i].kind, out);
    if (strcasecmp(n->text, "CONTA") == 0 || strcasecmp(n->text, "CONTA.VALORI") == 0)
        return eval_count(e, n, strcasecmp(n->text, "CONTA.VALORI") == 0, out);
    for (size_t i = 0; i < COUNT_OF(functions); i++)
        if (strcasecmp(n->text, functions[i].name) == 0)
            return functions[i].eval(e, n, out);
    static const char *const all[] = {"SOMMA", "SOMMA.SE", "MIN", "MAX", "MEDIA", "CONTA",
                                      "CONTA.VALORI", "CONTA.SE", "RIGHE", "ABS", "ARROTONDA",
                                      "SE", "DATA"};
    return eval_fail(e, REL_E_FORMULA_FUNCTION, n->at, "funzione sconosciuta", n->text,
                     rel_suggest(n->text, all, COUNT_OF(all)));
}
