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
 * A reference names a dataset, then in brackets a row and a column, or just
 * a column (meaning the sum of its lines). A row is the text of its label
 * (or of a key column), a column its name or a year: 2024, N, N-1. A bare
 * name is another user indicator. Values are exact rationals: money stays
 * exact to the cent through any sum, and a ratio is rounded only once, at
 * the end, half away from zero. No I/O; nesting is bounded.
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

/* Evaluates `formula` against `model`. Unknown datasets, columns, rows,
 * functions and names, division by zero and overflow are reported at their
 * place in the formula; returns false then. */
bool rel_formula_eval(const rel_formula *formula, const rel_model *model,
                      const rel_formula_names *names, rel_arena *arena, rel_diags *diags,
                      rel_rational *value);

/* The value rounded half away from zero to `scale` decimals, as fixed point.
 * false on overflow. rel_rational_fixed({1,3}, 4) => 3333 */
bool rel_rational_fixed(rel_rational value, int scale, int64_t *out);

/* A fixed-point number as a rational: rel_rational_from_fixed(123456, 2, true) = 1234,56 €. */
rel_rational rel_rational_from_fixed(int64_t value, int scale, bool money);

#endif
