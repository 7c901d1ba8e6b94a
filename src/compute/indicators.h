/*
 * indicators.h - the indicators the user defines with a formula
 * (indicatori_calcolati.csv), evaluated in any order they refer to each
 * other, with cycles reported.
 */
#ifndef REL_COMPUTE_INDICATORS_H
#define REL_COMPUTE_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>

#include "compute/formula/formula.h"
#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"

typedef struct rel_indicator {
    const char *name;          /* spesa_pro_capite */
    const char *description;   /* Spesa sociale pro-capite */
    const char *unit;          /* "€", "%", "n." or "" */
    int decimals;              /* shown and rounded to, 0..6 (default 2) */
    rel_origin at;             /* the formula's cell */
    bool ok;                   /* evaluated without error */
    rel_rational value;        /* exact */
    int64_t rounded;           /* value at `decimals`, half away from zero */
} rel_indicator;

typedef struct rel_indicators {
    rel_indicator *items;
    size_t count;
} rel_indicators;

/* Parses and evaluates every user indicator. Errors (formula, cycle,
 * division by zero...) are reported; the others are still computed.
 * Returns false if any error was added. */
bool rel_indicators_compute(const rel_model *model, rel_arena *arena, rel_diags *diags,
                            rel_indicators *out);

/* The indicator named `name`, or NULL. */
const rel_indicator *rel_indicators_find(const rel_indicators *indicators, const char *name);

/* Name resolution for formulas outside indicatori_calcolati.csv (checks,
 * templates): a bare name is a computed indicator. */
rel_formula_names rel_indicators_names(const rel_indicators *indicators);

#endif
