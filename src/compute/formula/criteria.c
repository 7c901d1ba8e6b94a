/* The criteria of CONTA.SE and SOMMA.SE, as Excel's CONTA.SE reads them:
 * an optional comparison (=, <>, <, >, <=, >=) and an operand, read for the
 * type of the column tested. On text, only = and <> and the wildcards * and
 * ? (~* for a star), compared as labels are (case, accents and blanks
 * aside); on numbers and dates, every comparison. An empty operand tests
 * for an empty cell (or one whose figure is not available: "n.d."). Unlike Excel, a criterion that cannot apply to the
 * column (a word against numbers) is an error, not a count of zero. */
#include <fnmatch.h>
#include <string.h>

#include "compute/formula/evaluator.h"
#include "compute/formula/rational.h"
#include "core/codes.h"
#include "core/number.h"
#include "validate/labels.h"

#define TEXT_MAX 256

typedef enum operand_kind {
    OPERAND_EMPTY, OPERAND_TEXT, OPERAND_NUMBER, OPERAND_DATE,
} operand_kind;

struct criterion {
    binary_op op;                  /* OP_EQ ... OP_GE */
    operand_kind kind;
    char pattern[2 * TEXT_MAX];    /* OPERAND_TEXT: an fnmatch pattern, normalised */
    rel_rational number;
    rel_date date;
    const rel_dataset *dataset;
    int column;
    rel_origin at;
};

static bool is_text_type(rel_type type)
{
    return type == REL_TYPE_TEXT || type == REL_TYPE_CODE || type == REL_TYPE_OUTCOME;
}

/* Consumes the comparison at the start of `*text` (none: =). */
static binary_op read_operator(const char **text)
{
    static const struct { const char *word; binary_op op; } ops[] = {
        {"<=", OP_LE}, {">=", OP_GE}, {"<>", OP_NE}, {"<", OP_LT}, {">", OP_GT}, {"=", OP_EQ},
    };
    while (**text == ' ')
        (*text)++;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strncmp(*text, ops[i].word, strlen(ops[i].word)) == 0) {
            *text += strlen(ops[i].word);
            return ops[i].op;
        }
    return OP_EQ;
}

/* The operand normalised as a label, as an fnmatch pattern: Excel's * and ?
 * stay wildcards, ~* ~? ~~ are the characters, and fnmatch's own [ ] \ are
 * escaped. */
static void text_pattern(const char *operand, char *pattern)
{
    char normalized[TEXT_MAX];
    rel_label_normalize(operand, normalized, sizeof normalized);
    size_t n = 0;
    for (const char *p = normalized; *p; p++) {
        char c = *p;
        bool literal = c == '~' && (p[1] == '*' || p[1] == '?' || p[1] == '~');
        if (literal)
            c = *++p;
        if (literal || c == '[' || c == ']' || c == '\\')
            pattern[n++] = '\\';
        pattern[n++] = c;
    }
    pattern[n] = '\0';
}

static bool criterion_error(evaluator *e, const criterion *c, const char *message)
{
    return eval_fail(e, REL_E_FORMULA_CRITERION, c->at,
                     rel_arena_printf(e->arena, "criterio non applicabile alla colonna «%s» "
                                                "della tabella «%s»: %s",
                                      c->dataset->columns[c->column].name, c->dataset->name,
                                      message),
                     NULL, NULL);
}

/* Reads the operand of a written criterion for the column's type. */
static bool read_text(evaluator *e, criterion *c, const char *text)
{
    c->op = read_operator(&text);
    while (*text == ' ')
        text++;
    rel_type type = c->dataset->columns[c->column].type;
    if (*text == '\0') {
        c->kind = OPERAND_EMPTY;
        return c->op == OP_EQ || c->op == OP_NE
               || criterion_error(e, c, "senza un valore si scrive solo \"\" (celle vuote) o "
                                        "\"<>\" (celle non vuote)");
    }
    if (is_text_type(type)) {
        c->kind = OPERAND_TEXT;
        text_pattern(text, c->pattern);
        return c->op == OP_EQ || c->op == OP_NE
               || criterion_error(e, c, "la colonna contiene testo: si confronta solo con = o <>");
    }
    rel_date_error date_error;
    if (type == REL_TYPE_DATE) {
        c->kind = OPERAND_DATE;
        return rel_date_parse(text, strlen(text), REL_DATE_ALLOW_MONTH, &c->date, &date_error)
               || criterion_error(e, c, rel_arena_printf(e->arena, "«%s» non è una data (es. "
                                                                   "\"<=31/12/2024\")", text));
    }
    int64_t fixed;
    rel_num_spec spec = {6, REL_NUM_CURRENCY | REL_NUM_PERCENT};
    rel_num_error number_error;
    c->kind = OPERAND_NUMBER;
    if (!rel_number_parse(text, strlen(text), &spec, &fixed, &number_error))
        return criterion_error(e, c, rel_arena_printf(e->arena, "«%s» non è un numero (es. "
                                                                "\">10\", \"<>0\", \">=1.000,50\")",
                                                      text));
    c->number = rel_rational_from_fixed(fixed, 6, false);
    return true;
}

/* A criterion that is a value (a number or a date): equality. */
static bool read_value(evaluator *e, criterion *c, const node *n)
{
    value v;
    if (!eval_node(e, n, &v))
        return false;
    rel_type type = c->dataset->columns[c->column].type;
    c->op = OP_EQ;
    c->kind = v.is_date ? OPERAND_DATE : OPERAND_NUMBER;
    c->number = v.number;
    c->date = v.date;
    if (is_text_type(type))
        return criterion_error(e, c, "la colonna contiene testo: il criterio va tra virgolette");
    if ((type == REL_TYPE_DATE) != v.is_date)
        return criterion_error(e, c, v.is_date
                                         ? "la colonna contiene numeri, il criterio è una data"
                                         : "la colonna contiene date, il criterio è un numero");
    return true;
}

criterion *criterion_read(evaluator *e, const node *n, const rel_dataset *d, int column)
{
    criterion *c = rel_arena_alloc(e->arena, sizeof *c);
    if (c == NULL) {
        eval_fail(e, REL_E_OUT_OF_MEMORY, n->at, "memoria esaurita", NULL, NULL);
        return NULL;
    }
    *c = (criterion){.dataset = d, .column = column, .at = n->at};
    const char *text = n->kind == NODE_STRING ? n->text : NULL;
    if (n->kind == NODE_NAME && e->names && e->names->lookup_text)
        text = e->names->lookup_text(e->names->context, n->text);
    bool ok = text ? read_text(e, c, text) : read_value(e, c, n);
    return ok ? c : NULL;
}

bool criterion_matches(evaluator *e, const criterion *c, const rel_row *row, bool *ok)
{
    value v;
    cell_content content = ref_cell(e, c->dataset, row, c->column, &v);
    *ok = true;
    if (c->kind == OPERAND_EMPTY)
        return (content == CELL_EMPTY || content == CELL_MISSING) == (c->op == OP_EQ);
    if (c->kind == OPERAND_TEXT) {
        char text[TEXT_MAX];
        rel_label_normalize(row->values[c->column].text, text, sizeof text);
        return (fnmatch(c->pattern, text, 0) == 0) == (c->op == OP_EQ);
    }
    if (content != CELL_VALUE)
        return c->op == OP_NE;   /* an empty cell differs from any value, as in Excel */
    if (c->kind == OPERAND_NUMBER)
        return order_holds(c->op, rational_compare(v.number, c->number));
    bool truth = false;
    *ok = date_compare(e, c->op, v.date, c->date, c->at, &truth);
    return truth;
}
