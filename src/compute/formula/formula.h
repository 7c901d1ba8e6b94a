/*
 * formula.h - the small formula language of indicators and checks.
 *
 * Written by accountants in a CSV cell, so it looks like Italian Excel:
 * arguments separated by ";", decimals with ",", function names in Italian.
 *
 *     costi["TOTALE USCITE"; N] / indicatori["Abitanti"; N]
 *     SOMMA(schede[consuntivo]) - entrate["TOTALE ENTRATE"; 2024]
 *     SOMMA.SE(schede[consuntivo]; area; "Area Anziani")
 *     ARROTONDA(fondi["TOTALE FONDI ISTITUZIONALI"; N-1] * 1,05; 2)
 *
 *     tutela_minori["Minori in carico"; "n. minori 2019"]
 *     CONTA.SE(progetti[importo_totale]; ">100000")
 *     progetti["Spazio Famiglia"; data_presentazione] <= DATA(2023; 12; 31)
 *
 * A reference names a dataset (its file name, case and accents aside),
 * then in brackets a row and a column, or just a column (meaning the sum of
 * its lines). A row is the text of its label (or of a key column; more
 * texts when one does not pick a single row), a column its name, its
 * header between quotes or a year: 2024, N, N-1. A bare name is another
 * user indicator. Values are exact rationals (money stays exact to the cent
 * through any sum, a ratio is rounded only once, at the end, half away from
 * zero) or dates. No I/O; nesting is bounded.
 */
#ifndef REL_FORMULA_H
#define REL_FORMULA_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"

/* Deepest nesting of parentheses and calls in one formula. */
#define REL_FORMULA_MAX_DEPTH 32

/* An exact value: num / den, den > 0; `money` when it is an amount in euro. */
typedef struct rel_rational {
    __int128 num;
    __int128 den;
    bool money;
} rel_rational;

typedef struct rel_formula rel_formula;   /* a parsed formula (an AST in the arena) */

/* Parses `text`, found at `at` (its first character). Syntax errors are
 * reported with their exact column (E300, E308) and NULL is returned. */
rel_formula *rel_formula_parse(const char *text, rel_origin at, rel_arena *arena,
                               rel_diags *diags);

/* Resolves the names of an indicator defined by the user. */
typedef struct rel_formula_names {
    /* Returns true and the value of indicator `name`, or false when there is
     * no such indicator (then *known is false) or its evaluation failed. */
    bool (*lookup)(void *context, const char *name, rel_rational *value, bool *known);
    void *context;
    const char *const *all;   /* every name, for "forse" hints; NULL-terminated */
    /* Optional: the text a bare name stands for where a text is expected
     * (the criterion of SOMMA.SE), e.g. a template loop variable. NULL if
     * the name has no text. */
    const char *(*lookup_text)(void *context, const char *name);
} rel_formula_names;

/* Evaluates `formula` against `model` into a number. Unknown datasets,
 * columns, rows, functions and names, an ambiguous row, division by zero,
 * overflow and a date where a number is needed (also as the result) are
 * reported at their place in the formula; returns false then. */
bool rel_formula_eval(const rel_formula *formula, const rel_model *model,
                      const rel_formula_names *names, rel_arena *arena, rel_diags *diags,
                      rel_rational *value);

/* The cells of the input an evaluation read, and the indicators it used,
 * for a caller that names them (a failing verifica). Zero-initialise it;
 * its memory is in the evaluation's arena. A cell read twice is listed
 * twice; rel_formula_cells_text folds that. */
typedef struct rel_formula_cell {
    const rel_dataset *dataset;   /* NULL for an indicator */
    const rel_value *value;       /* the cell; NULL for an indicator */
    size_t column;                /* the cell's column in the dataset */
    const char *indicator;        /* the indicator's name, or NULL for a cell */
} rel_formula_cell;

typedef struct rel_formula_cells {
    rel_formula_cell *items;
    size_t count;
    size_t capacity;
    bool incomplete;              /* out of memory: some were not recorded */
} rel_formula_cells;

/* What a formula stands for: a number, or a date (a reference to a date
 * cell, DATA(2024; 12; 31), a date plus days). */
typedef struct rel_formula_value {
    bool is_date;
    rel_rational number;          /* !is_date */
    rel_date date;                /* is_date: a day, or a whole month (day 0) */
} rel_formula_value;

/* As rel_formula_eval, but a date is a result too, and every cell read is
 * appended to `cells` (NULL: none recorded). */
bool rel_formula_evaluate(const rel_formula *formula, const rel_model *model,
                          const rel_formula_names *names, rel_formula_cells *cells,
                          rel_arena *arena, rel_diags *diags, rel_formula_value *value);

/* The days from `b` to `a` (a - b), as a formula counts them; false when
 * either is a whole month (its days are not one number).
 *     rel_formula_days_between({2024, 3, 1}, {2024, 2, 1}, &d) => true, d = 29 */
bool rel_formula_days_between(rel_date a, rel_date b, int64_t *days);

/* The places of `cells`, sorted and each once, as a user reads them, in at
 * most about `max` bytes (whole places only; what does not fit is counted):
 *     "tutela_minori.csv:4:4, indicatori.csv:3:5, indicatore «abitanti»"
 * A run of four or more cells of one column is written as its first and last
 * cell: "schede.csv:2:7 … schede.csv:40:7 (36 celle)". "nessuna cella" when
 * empty. The file is the path relative to the input directory. In the arena;
 * NULL only when out of memory. */
const char *rel_formula_cells_text(const rel_formula_cells *cells, rel_arena *arena, size_t max);

/* How a back end names the cells of a formula translated for a spreadsheet
 * (rel_formula_excel): each returns a reference, or NULL when the sheet
 * does not have the cells. */
typedef struct rel_formula_sheet {
    /* the cell of `value`, column `column` of `d`: "Fondi!D8" */
    const char *(*cell)(void *context, const rel_dataset *d, const rel_value *value,
                        size_t column);
    /* `function` over the `count` cells `values` of column `column` of `d`:
     * "SUM(Schede!F4:F7,Schede!F9)" (function is SUM, MIN, MAX or AVERAGE) */
    const char *(*cells)(void *context, const rel_dataset *d, size_t column,
                         const rel_value *const *values, size_t count, const char *function);
    /* the cell holding indicator `name`'s value */
    const char *(*indicator)(void *context, const char *name);
    void *context;
} rel_formula_sheet;

/* `formula` as a spreadsheet formula (without "="; Excel's English function
 * names, "," between arguments) over the cells `sheet` names: references,
 * + - * /, comparisons (1 or 0), SOMMA, MIN, MAX, MEDIA, ABS, ARROTONDA, SE,
 * SOMMA.SE (the lines it adds resolved here, as the evaluation resolves
 * them). NULL, with *why in Italian, for what a spreadsheet cannot say the
 * same way: dates, CONTA, CONTA.SE, RIGHE, a cell the sheet lacks. The
 * formula must evaluate without error. In `arena`. */
const char *rel_formula_excel(const rel_formula *formula, const rel_model *model,
                              const rel_formula_names *names, const rel_formula_sheet *sheet,
                              rel_arena *arena, const char **why);

/* The value rounded half away from zero to `scale` decimals, as fixed point.
 * false on overflow. rel_rational_fixed({1,3}, 4) => 3333 */
bool rel_rational_fixed(rel_rational value, int scale, int64_t *out);

/* A fixed-point number as a rational: rel_rational_from_fixed(123456, 2, true) = 1234,56 €. */
rel_rational rel_rational_from_fixed(int64_t value, int scale, bool money);

#endif
