/*
 * evaluator.h - the evaluator's state and values, shared by the files of
 * compute/formula/ (private).
 *
 *     eval.c       the tree: operators, names, the public entry points
 *     refs.c       tables, columns, rows and cells a reference reads
 *     functions.c  SOMMA, CONTA, MEDIA, RIGHE, DATA, ... (criteria.c: CONTA.SE's)
 *     dates.c      what dates do under the operators
 *     cells.c      the cells an evaluation read, for the caller
 *
 * Every failing function has reported its error (at its place in the
 * formula) before it returns false.
 */
#ifndef REL_FORMULA_EVALUATOR_H
#define REL_FORMULA_EVALUATOR_H

#include "compute/formula/ast.h"

typedef rel_formula_value value;

typedef struct evaluator {
    const rel_model *model;
    const rel_formula_names *names;
    rel_formula_cells *cells;     /* NULL: the caller does not want them */
    rel_arena *arena;
    rel_diags *diags;
} evaluator;

static inline value number_value(rel_rational number)
{
    return (value){.number = number};
}

/* Reports `message` followed by « name » and a "forse" hint (both
 * optional) at `at`; returns false. */
bool eval_fail(evaluator *e, const char *code, rel_origin at, const char *message,
               const char *name, const char *hint);

/* Evaluates `n` into a number or a date. */
bool eval_node(evaluator *e, const node *n, value *out);

/* Evaluates `n`, which must be a number (else E312 at n, naming `role`:
 * "in ABS", "in una somma"). */
bool eval_number(evaluator *e, const node *n, const char *role, rel_rational *out);

/* Whether comparison `op` holds for `order` (-1, 0, 1: a before, as, after b). */
bool order_holds(binary_op op, int order);

/* E312: a date where a number is needed, `role` saying where ("in ABS").
 * Returns false. */
bool eval_not_date(evaluator *e, rel_origin at, const char *role);

/* ---- refs.c ---- */

/* The dataset a formula names: its file name exactly, else the one whose
 * name matches once normalised (case, accents, blanks); unknown (E302) or
 * matching two (E311) is reported. */
const rel_dataset *ref_dataset(evaluator *e, const char *name, rel_origin at);

/* The column `s` names in `d` (E303 with a hint, E311 when two match), or -1. */
int ref_column(evaluator *e, const rel_dataset *d, const selector *s);

/* What a cell holds, as a formula sees it. */
typedef enum cell_content {
    CELL_VALUE,       /* a number, or a date of a date column: in *out */
    CELL_EMPTY,       /* nothing */
    CELL_MISSING,     /* a mark that the figure is not available: "n.d.", "/", "-" */
    CELL_TEXT,        /* words: a text column, "in continuità" in a date column */
} cell_content;

/* Reads row `row`, column `column` of `d` and records the cell. */
cell_content ref_cell(evaluator *e, const rel_dataset *d, const rel_row *row, int column,
                      value *out);

/* E310 / E313: the cell `column` of `row` holds `what` (words, nothing,
 * not available) where a number or a date is needed; at `at` in the
 * formula. Returns false. */
bool ref_cell_error(evaluator *e, const rel_dataset *d, const rel_row *row, int column,
                    cell_content what, rel_origin at);

/* A reference node: one cell, or the sum of a column over the lines. */
bool ref_eval(evaluator *e, const node *n, value *out);

/* A column reference (tabella[colonna]) resolved: its dataset and column. */
bool ref_range(evaluator *e, const node *n, const char *function, const rel_dataset **d,
               int *column);

/* Calls `visit` for every value an argument of SOMMA, MIN, MAX, MEDIA or
 * CONTA stands for: each line's cell of a column reference, the cell of a
 * cell reference (`d` then non-NULL, with what it holds), else the value
 * of the expression (`d` NULL, `content` CELL_VALUE). Stops at the first
 * false `visit` returns. */
typedef bool (*visit_fn)(evaluator *e, void *state, const node *arg, cell_content content,
                         const value *v, const rel_dataset *d, const rel_row *row, int column);
bool ref_each_value(evaluator *e, const node *arg, visit_fn visit, void *state);

/* ---- functions.c ---- */

bool eval_call(evaluator *e, const node *n, value *out);

/* ---- criteria.c ---- */

/* An Excel-like criterion of CONTA.SE / SOMMA.SE, read for the column it
 * tests: "Area Anziani", "Area*", ">10", "<>0", "<=31/12/2023", "" (empty). */
typedef struct criterion criterion;

/* Reads the criterion argument `n` (a text, or any expression: then "=
 * value") for column `column` of `d`; E315 when it cannot be read or does
 * not fit the column's type. NULL on error. */
criterion *criterion_read(evaluator *e, const node *n, const rel_dataset *d, int column);

/* Whether the cell `column` of `row` meets `c` (recording the cell). false
 * with *ok false on an error (an ambiguous date comparison). */
bool criterion_matches(evaluator *e, const criterion *c, const rel_row *row, bool *ok);

/* ---- dates.c ---- */

/* a + b, a - b, with at least one of them a date; `at` of the operator's
 * expression. Dates: date ± whole days = date, date - date = days. */
bool date_arithmetic(evaluator *e, binary_op op, const value *a, const value *b, rel_origin at,
                     value *out);

/* Whether `a op b` holds (op OP_EQ ... OP_GE); false (E317, at `at`) when
 * that depends on the day of a whole month: "mag-20" < 15/05/2020. */
bool date_compare(evaluator *e, binary_op op, rel_date a, rel_date b, rel_origin at, bool *truth);

/* DATA(anno; mese; giorno) with its arguments evaluated. */
bool date_make(evaluator *e, const node *n, rel_rational year, rel_rational month,
               rel_rational day, value *out);

/* ---- cells.c ---- */

/* Appends the cell `column` of `row` of `d`, read. */
void cells_record(evaluator *e, const rel_dataset *d, const rel_row *row, int column);

/* Appends the indicator `name`, used. */
void cells_record_indicator(evaluator *e, const char *name);

#endif
