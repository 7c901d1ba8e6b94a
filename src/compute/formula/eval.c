/* Evaluation of a parsed formula against the model. */
#include <string.h>
#include <strings.h>

#include "compute/formula/ast.h"
#include "compute/formula/rational.h"
#include "core/codes.h"
#include "core/suggest.h"
#include "validate/labels.h"

typedef struct evaluator {
    const rel_model *model;
    const rel_formula_names *names;
    rel_arena *arena;
    rel_diags *diags;
} evaluator;

static bool eval(evaluator *e, const node *n, rel_rational *out);

static bool fail(evaluator *e, const char *code, rel_origin at, const char *message,
                 const char *name, const char *hint)
{
    rel_diag_add(e->diags, REL_SEV_ERROR, code, at, "%s%s%s%s%s%s", message,
                 name ? " «" : "", name ? name : "", name ? "»" : "",
                 hint ? " (forse " : "", hint ? rel_arena_printf(e->arena, "«%s»?)", hint) : "");
    return false;
}

static const rel_dataset *find_dataset(evaluator *e, const node *n)
{
    const rel_dataset *d = rel_model_dataset(e->model, n->text);
    if (d != NULL)
        return d;
    const char *names[64];
    size_t count = 0;
    for (size_t i = 0; i < e->model->dataset_count && count < 64; i++)
        names[count++] = e->model->datasets[i].name;
    fail(e, REL_E_FORMULA_DATASET, n->at, "tabella sconosciuta", n->text,
         rel_suggest(n->text, names, count));
    return NULL;
}

static int find_column(evaluator *e, const rel_dataset *d, const selector *s)
{
    int column = -1;
    if (s->kind == SEL_COLUMN)
        column = rel_dataset_column(d, s->text);
    else if (s->kind == SEL_YEAR || s->kind == SEL_YEAR_N)
        column = rel_dataset_year_column(d, s->kind == SEL_YEAR ? s->year
                                                                : e->model->entity.year + s->year);
    if (column >= 0)
        return column;
    const char *names[256];
    size_t count = 0;
    for (size_t i = 0; i < d->column_count && count < 256; i++)
        names[count++] = d->columns[i].name;
    const char *what = s->kind == SEL_COLUMN ? s->text
                       : rel_arena_printf(e->arena, "%d", s->kind == SEL_YEAR
                                                              ? s->year
                                                              : e->model->entity.year + s->year);
    fail(e, REL_E_FORMULA_COLUMN, s->at, rel_arena_printf(e->arena, "la tabella «%s» non ha la colonna", d->name),
         what, s->kind == SEL_COLUMN ? rel_suggest(s->text, names, count) : NULL);
    return -1;
}

/* The row whose label or any text key equals `s->text` (normalized). */
static const rel_row *find_row(evaluator *e, const rel_dataset *d, const selector *s)
{
    char wanted[256], candidate[256];
    rel_label_normalize(s->text, wanted, sizeof wanted);
    const char *labels[512];
    size_t count = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        for (size_t c = 0; c < d->column_count; c++) {
            if (d->columns[c].type != REL_TYPE_TEXT && d->columns[c].type != REL_TYPE_CODE)
                continue;
            rel_label_normalize(d->rows[r].values[c].text, candidate, sizeof candidate);
            if (strcmp(candidate, wanted) == 0)
                return &d->rows[r];
            if (count < 512 && d->rows[r].values[c].text[0])
                labels[count++] = d->rows[r].values[c].text;
        }
    }
    fail(e, REL_E_FORMULA_ROW, s->at, rel_arena_printf(e->arena, "la tabella «%s» non ha la riga", d->name),
         s->text, rel_suggest(s->text, labels, count));
    return NULL;
}

static bool cell_value(evaluator *e, const rel_dataset *d, const rel_row *row, int column,
                       rel_origin at, rel_rational *out)
{
    const rel_value *v = &row->values[column];
    rel_type type = d->columns[column].type;
    if (type == REL_TYPE_TEXT || type == REL_TYPE_DATE || type == REL_TYPE_CODE) {
        return fail(e, REL_E_FORMULA_NOT_NUMBER, at,
                    rel_arena_printf(e->arena, "la cella %s:%u:%u non contiene un numero ma",
                                     v->at.file, (unsigned)v->at.line, (unsigned)v->at.col),
                    v->text, NULL);
    }
    *out = rel_rational_from_fixed(v->present ? v->number : 0, rel_type_scale(type),
                                   type == REL_TYPE_MONEY);
    return true;
}

/* The sum of a column over the lines (TOTALE rows are declared, not parts);
 * with a criterion, only the lines whose `filter` column equals `match`. */
static bool column_sum(evaluator *e, const rel_dataset *d, int column, int filter,
                       const char *match, rel_origin at, rel_rational *out)
{
    *out = (rel_rational){0, 1, d->columns[column].type == REL_TYPE_MONEY};
    char wanted[256], candidate[256];
    if (match)
        rel_label_normalize(match, wanted, sizeof wanted);
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        if (filter >= 0) {
            rel_label_normalize(row->values[filter].text, candidate, sizeof candidate);
            if (strcmp(candidate, wanted) != 0)
                continue;
        }
        rel_rational cell;
        if (!cell_value(e, d, row, column, at, &cell))
            return false;
        if (!rational_add(*out, cell, out))
            return fail(e, REL_E_FORMULA_OVERFLOW, at, "somma troppo grande", NULL, NULL);
    }
    return true;
}

static bool eval_reference(evaluator *e, const node *n, rel_rational *out)
{
    const rel_dataset *d = find_dataset(e, n);
    if (d == NULL)
        return false;
    const selector *last = &n->selectors[n->selector_count - 1];
    if (last->kind == SEL_ROW)
        return fail(e, REL_E_FORMULA_COLUMN, last->at,
                    "dopo la riga serve la colonna o l'anno (es. [\"TOTALE\"; N])", NULL, NULL);
    int column = find_column(e, d, last);
    if (column < 0)
        return false;
    if (n->selector_count == 1)
        return column_sum(e, d, column, -1, NULL, n->at, out);
    if (n->selectors[0].kind != SEL_ROW)
        return fail(e, REL_E_FORMULA_ROW, n->selectors[0].at,
                    "il primo indice è la riga, tra virgolette (es. [\"TOTALE USCITE\"; N])",
                    NULL, NULL);
    const rel_row *row = find_row(e, d, &n->selectors[0]);
    return row != NULL && cell_value(e, d, row, column, n->at, out);
}

static bool arity(evaluator *e, const node *n, size_t min, size_t max)
{
    if (n->arg_count >= min && n->arg_count <= max)
        return true;
    return fail(e, REL_E_FORMULA_FUNCTION, n->at,
                rel_arena_printf(e->arena, "numero di argomenti errato per %s: attesi %zu%s",
                                 n->text, min, max > min ? " o più" : ""),
                NULL, NULL);
}

/* SOMMA.SE(tabella[colonna]; colonna_criterio; "valore") */
static bool eval_sum_if(evaluator *e, const node *n, rel_rational *out)
{
    if (!arity(e, n, 3, 3))
        return false;
    const node *range = n->args[0], *criterion = n->args[1], *match = n->args[2];
    const char *wanted = match->kind == NODE_STRING ? match->text : NULL;
    if (match->kind == NODE_NAME && e->names && e->names->lookup_text)
        wanted = e->names->lookup_text(e->names->context, match->text);
    if (range->kind != NODE_REF || range->selector_count != 1 || criterion->kind != NODE_NAME
        || wanted == NULL)
        return fail(e, REL_E_FORMULA_FUNCTION, n->at,
                    "SOMMA.SE si scrive SOMMA.SE(tabella[colonna]; colonna; \"valore\")", NULL,
                    NULL);
    const rel_dataset *d = find_dataset(e, range);
    int column = d ? find_column(e, d, &range->selectors[0]) : -1;
    selector filter = {SEL_COLUMN, criterion->text, 0, criterion->at};
    int filter_column = column >= 0 ? find_column(e, d, &filter) : -1;
    return filter_column >= 0 && column_sum(e, d, column, filter_column, wanted, n->at, out);
}

static bool eval_round(evaluator *e, const node *n, rel_rational *out)
{
    rel_rational value, digits;
    if (!arity(e, n, 2, 2) || !eval(e, n->args[0], &value) || !eval(e, n->args[1], &digits))
        return false;
    if (digits.den != 1 || digits.num < 0 || digits.num > 6)
        return fail(e, REL_E_FORMULA_FUNCTION, n->args[1]->at,
                    "ARROTONDA vuole un numero di decimali da 0 a 6", NULL, NULL);
    int64_t fixed;
    if (!rel_rational_fixed(value, (int)digits.num, &fixed))
        return fail(e, REL_E_FORMULA_OVERFLOW, n->at, "valore troppo grande", NULL, NULL);
    *out = rel_rational_from_fixed(fixed, (int)digits.num, value.money);
    return true;
}

/* SOMMA (pick 0), MIN (pick -1), MAX (pick 1) of the arguments. */
static bool eval_fold(evaluator *e, const node *n, int pick, rel_rational *out)
{
    if (!arity(e, n, 1, 16))
        return false;
    for (size_t i = 0; i < n->arg_count; i++) {
        rel_rational value;
        if (!eval(e, n->args[i], &value))
            return false;
        if (i == 0)
            *out = value;
        else if (pick == 0 && !rational_add(*out, value, out))
            return fail(e, REL_E_FORMULA_OVERFLOW, n->at, "somma troppo grande", NULL, NULL);
        else if (pick != 0 && rational_compare(value, *out) * pick > 0)
            *out = value;
    }
    return true;
}

static bool eval_call(evaluator *e, const node *n, rel_rational *out)
{
    const char *name = n->text;
    if (strcasecmp(name, "SOMMA") == 0)
        return eval_fold(e, n, 0, out);
    if (strcasecmp(name, "MIN") == 0)
        return eval_fold(e, n, -1, out);
    if (strcasecmp(name, "MAX") == 0)
        return eval_fold(e, n, 1, out);
    if (strcasecmp(name, "SOMMA.SE") == 0)
        return eval_sum_if(e, n, out);
    if (strcasecmp(name, "ARROTONDA") == 0)
        return eval_round(e, n, out);
    if (strcasecmp(name, "ABS") == 0) {
        if (!arity(e, n, 1, 1) || !eval(e, n->args[0], out))
            return false;
        out->num = out->num < 0 ? -out->num : out->num;
        return true;
    }
    if (strcasecmp(name, "SE") == 0) {
        rel_rational condition;
        if (!arity(e, n, 3, 3) || !eval(e, n->args[0], &condition))
            return false;
        return eval(e, n->args[condition.num != 0 ? 1 : 2], out);
    }
    static const char *const functions[] = {"SOMMA", "SOMMA.SE", "MIN", "MAX", "ABS",
                                            "ARROTONDA", "SE"};
    return fail(e, REL_E_FORMULA_FUNCTION, n->at, "funzione sconosciuta", name,
                rel_suggest(name, functions, sizeof functions / sizeof functions[0]));
}

static bool eval_binary(evaluator *e, const node *n, rel_rational *out)
{
    rel_rational a, b;
    if (!eval(e, n->left, &a) || !eval(e, n->right, &b))
        return false;
    bool ok = true;
    switch (n->op) {
    case OP_ADD:
        ok = rational_add(a, b, out);
        break;
    case OP_SUB:
        ok = rational_add(a, (rel_rational){-b.num, b.den, b.money}, out);
        break;
    case OP_MUL:
        ok = rational_mul(a, b, out);
        break;
    case OP_DIV:
        if (b.num == 0)
            return fail(e, REL_E_FORMULA_DIVISION, n->right->at, "divisione per zero", NULL,
                        NULL);
        ok = rational_div(a, b, out);
        break;
    default: {
        int c = rational_compare(a, b);
        bool truth = n->op == OP_EQ ? c == 0 : n->op == OP_NE ? c != 0 : n->op == OP_LT ? c < 0
                     : n->op == OP_GT ? c > 0 : n->op == OP_LE ? c <= 0 : c >= 0;
        *out = (rel_rational){truth, 1, false};
    }
    }
    return ok || fail(e, REL_E_FORMULA_OVERFLOW, n->at, "valore troppo grande", NULL, NULL);
}

static bool eval_name(evaluator *e, const node *n, rel_rational *out)
{
    bool known = false;
    if (e->names && e->names->lookup && e->names->lookup(e->names->context, n->text, out, &known))
        return true;
    if (known)
        return false;   /* the indicator itself failed and was reported */
    size_t count = 0;
    while (e->names && e->names->all && e->names->all[count])
        count++;
    return fail(e, REL_E_FORMULA_NAME, n->at, "nome sconosciuto (né un indicatore né una tabella)",
                n->text, count ? rel_suggest(n->text, e->names->all, count) : NULL);
}

static bool eval(evaluator *e, const node *n, rel_rational *out)
{
    switch (n->kind) {
    case NODE_NUMBER:
        *out = n->number;
        return true;
    case NODE_STRING:
        return fail(e, REL_E_FORMULA_SYNTAX, n->at,
                    "un testo tra virgolette va solo dentro [ ] o in SOMMA.SE", NULL, NULL);
    case NODE_NAME:
        return eval_name(e, n, out);
    case NODE_REF:
        return eval_reference(e, n, out);
    case NODE_CALL:
        return eval_call(e, n, out);
    case NODE_NEGATE:
        if (!eval(e, n->left, out))
            return false;
        out->num = -out->num;
        return true;
    case NODE_BINARY:
        return eval_binary(e, n, out);
    }
    return false;
}

bool rel_formula_eval(const rel_formula *formula, const rel_model *model,
                      const rel_formula_names *names, rel_arena *arena, rel_diags *diags,
                      rel_rational *value)
{
    evaluator e = {model, names, arena, diags};
    return eval(&e, formula->root, value);
}
