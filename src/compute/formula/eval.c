/* Evaluation of a parsed formula: the tree, its operators and names. */
#include <string.h>

#include "compute/formula/evaluator.h"
#include "compute/formula/rational.h"
#include "core/codes.h"
#include "core/suggest.h"

bool eval_fail(evaluator *e, const char *code, rel_origin at, const char *message,
               const char *name, const char *hint)
{
    rel_diag_add(e->diags, REL_SEV_ERROR, code, at, "%s%s%s%s%s%s", message,
                 name ? " «" : "", name ? name : "", name ? "»" : "",
                 hint ? " (forse " : "", hint ? rel_arena_printf(e->arena, "«%s»?)", hint) : "");
    return false;
}

bool eval_not_date(evaluator *e, rel_origin at, const char *role)
{
    return eval_fail(e, REL_E_FORMULA_DATE_MIX, at,
                     rel_arena_printf(e->arena, "qui serve un numero, non una data (%s; i "
                                                "giorni tra due date si contano con data1 - data2)",
                                      role),
                     NULL, NULL);
}

bool eval_number(evaluator *e, const node *n, const char *role, rel_rational *out)
{
    value v;
    if (!eval_node(e, n, &v))
        return false;
    if (v.is_date)
        return eval_not_date(e, n->at, role);
    *out = v.number;
    return true;
}

bool order_holds(binary_op op, int order)
{
    switch (op) {
    case OP_EQ: return order == 0;
    case OP_NE: return order != 0;
    case OP_LT: return order < 0;
    case OP_GT: return order > 0;
    case OP_LE: return order <= 0;
    default: return order >= 0;
    }
}

static bool compare(evaluator *e, const node *n, const value *a, const value *b, value *out)
{
    bool truth;
    if (a->is_date != b->is_date)
        return eval_fail(e, REL_E_FORMULA_DATE_MIX, n->at,
                         "confronto tra una data e un numero: si confrontano due date "
                         "(es. DATA(2024; 12; 31)) o due numeri",
                         NULL, NULL);
    if (a->is_date && !date_compare(e, n->op, a->date, b->date, n->at, &truth))
        return false;
    if (!a->is_date)
        truth = order_holds(n->op, rational_compare(a->number, b->number));
    *out = number_value((rel_rational){truth, 1, false});
    return true;
}

/* a AND b of a chain of comparisons; b is not evaluated when a is false. */
static bool chain(evaluator *e, const node *n, value *out)
{
    value a, b;
    if (!eval_node(e, n->left, &a))
        return false;
    if (a.number.num == 0) {
        *out = a;
        return true;
    }
    if (!eval_node(e, n->right, &b))
        return false;
    *out = b;
    return true;
}

static bool arithmetic(evaluator *e, const node *n, const value *a, const value *b, value *out)
{
    if (a->is_date || b->is_date) {
        if (n->op == OP_ADD || n->op == OP_SUB)
            return date_arithmetic(e, n->op, a, b, n->at, out);
        return eval_not_date(e, a->is_date ? n->left->at : n->right->at,
                             n->op == OP_MUL ? "in una moltiplicazione" : "in una divisione");
    }
    bool ok = true;
    rel_rational x = a->number, y = b->number;
    *out = number_value(x);
    switch (n->op) {
    case OP_ADD:
        ok = rational_add(x, y, &out->number);
        break;
    case OP_SUB:
        ok = rational_add(x, (rel_rational){-y.num, y.den, y.money}, &out->number);
        break;
    case OP_MUL:
        ok = rational_mul(x, y, &out->number);
        break;
    default:
        if (y.num == 0)
            return eval_fail(e, REL_E_FORMULA_DIVISION, n->right->at, "divisione per zero", NULL,
                             NULL);
        ok = rational_div(x, y, &out->number);
        break;
    }
    return ok || eval_fail(e, REL_E_FORMULA_OVERFLOW, n->at, "valore troppo grande", NULL, NULL);
}

static bool eval_binary(evaluator *e, const node *n, value *out)
{
    if (n->op == OP_AND)
        return chain(e, n, out);
    value a, b;
    if (!eval_node(e, n->left, &a) || !eval_node(e, n->right, &b))
        return false;
    if (n->op >= OP_EQ)
        return compare(e, n, &a, &b, out);
    return arithmetic(e, n, &a, &b, out);
}

static bool eval_name(evaluator *e, const node *n, value *out)
{
    bool known = false;
    *out = number_value((rel_rational){0, 1, false});
    if (e->names && e->names->lookup
        && e->names->lookup(e->names->context, n->text, &out->number, &known)) {
        cells_record_indicator(e, n->text);
        return true;
    }
    if (known)
        return false;   /* the indicator itself failed and was reported */
    size_t count = 0;
    while (e->names && e->names->all && e->names->all[count])
        count++;
    return eval_fail(e, REL_E_FORMULA_NAME, n->at,
                     "nome sconosciuto (né un indicatore né una tabella)", n->text,
                     count ? rel_suggest(n->text, e->names->all, count) : NULL);
}

bool eval_node(evaluator *e, const node *n, value *out)
{
    switch (n->kind) {
    case NODE_NUMBER:
        *out = number_value(n->number);
        return true;
    case NODE_STRING:
        return eval_fail(e, REL_E_FORMULA_SYNTAX, n->at,
                         "un testo tra virgolette va solo dentro [ ] o come criterio "
                         "(SOMMA.SE, CONTA.SE)",
                         NULL, NULL);
    case NODE_NAME:
        return eval_name(e, n, out);
    case NODE_REF:
        return ref_eval(e, n, out);
    case NODE_CALL:
        return eval_call(e, n, out);
    case NODE_NEGATE:
        if (!eval_node(e, n->left, out))
            return false;
        if (out->is_date)
            return eval_not_date(e, n->left->at, "dopo il segno meno");
        out->number.num = -out->number.num;
        return true;
    case NODE_BINARY:
        return eval_binary(e, n, out);
    }
    return false;
}

bool rel_formula_evaluate(const rel_formula *formula, const rel_model *model,
                          const rel_formula_names *names, rel_formula_cells *cells,
                          rel_arena *arena, rel_diags *diags, rel_formula_value *result)
{
    evaluator e = {model, names, cells, arena, diags};
    return eval_node(&e, formula->root, result);
}

bool rel_formula_eval(const rel_formula *formula, const rel_model *model,
                      const rel_formula_names *names, rel_arena *arena, rel_diags *diags,
                      rel_rational *number)
{
    evaluator e = {model, names, NULL, arena, diags};
    return eval_number(&e, formula->root, "come risultato di questa formula", number);
}
