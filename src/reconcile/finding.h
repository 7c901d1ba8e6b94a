/*
 * finding.h - what reconciliation finds: every check, with both figures.
 *
 * A check compares two figures that must be equal: a total the user
 * declared and the sum of its parts, the same quantity in two tables, a
 * ratio the user typed and the one recomputed. Every check is recorded,
 * also when it holds, because the "Prospetto delle verifiche" shows the
 * auditor what was checked, not only what failed. Figures are exact
 * fixed-point numbers; each knows where it comes from.
 */
#ifndef REL_FINDING_H
#define REL_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/dataset.h"

typedef enum rel_check_status {
    REL_CHECK_MATCH,       /* exactly equal */
    REL_CHECK_ROUNDING,    /* a difference that the rounding of the figures (or the
                              check's declared tolerance) explains: listed, never silent */
    REL_CHECK_ERROR,       /* a real difference: the figures disagree */
} rel_check_status;

/* What the figures of a check are, for printing them. */
typedef enum rel_unit {
    REL_UNIT_NUMBER,       /* a count or a decimal */
    REL_UNIT_MONEY,        /* euro */
    REL_UNIT_PERCENT,      /* a percentage, in hundredths of a point */
} rel_unit;

/* A figure in a check: a cell of the input, or a value the compiler
 * computed (at.file is then NULL, and `how` says from what). */
typedef struct rel_figure {
    int64_t value;         /* fixed point at the check's scale */
    rel_origin at;         /* the cell, when the figure was typed by the user */
    const char *how;       /* Italian: "dichiarato", "somma di 4 righe", "ricalcolato" */
} rel_figure;

/* What a computed figure of a check is made of, for back ends that show the
 * datasets (the annex writes it as a formula over their cells). A figure
 * typed in a cell needs none: its `at` is the cell. */
typedef enum rel_source_kind {
    REL_SOURCE_SUM,        /* `column` added over `rows` of `dataset` */
    REL_SOURCE_LINES,      /* `column` added over every line (REL_ROW_ITEM) of `dataset` */
    REL_SOURCE_GROUP,      /* `column` added over the lines whose `key_column` is `key`
                              (labels compared normalised: validate/labels.h) */
    REL_SOURCE_TERMS,      /* the sum of `terms`, each with its sign */
    REL_SOURCE_DERIVED,    /* a figure the compiler derives, named below */
    REL_SOURCE_FORMULA,    /* the user's formula written in the figure's cell `at` */
    REL_SOURCE_QUOTIENT,   /* terms[0] / terms[1] * factor, rounded to `steps` */
    REL_SOURCE_MEAN,       /* the mean of `column` over the `rows` holding a figure,
                              rounded to `steps` */
} rel_source_kind;

typedef struct rel_figure_source rel_figure_source;

/* A term of REL_SOURCE_TERMS: a figure, its own source (NULL: its cell). */
typedef struct rel_figure_term {
    int sign;              /* +1 or -1 */
    rel_figure figure;
    const rel_figure_source *source;
} rel_figure_term;

/* REL_SOURCE_DERIVED names its figure by `family`, `year`, `quantity`:
 *   "bilancio", 2024, "capitale_immobilizzato"   a balance-sheet subtotal
 *                                                 recomputed from the items
 *                                                 (rel_balance_subtotal_key)
 *   "indici", 2024, "liquidita_primaria"          a ratio recomputed from them
 *   "obiettivi", 0, "Area Anziani|raggiunti"      the count ("obiettivi") or a
 *                                                 share of an area's objectives
 *                                                 ("" before "|": all of them) */
struct rel_figure_source {
    rel_source_kind kind;
    const rel_dataset *dataset;    /* SUM, LINES, GROUP */
    int column;                    /* SUM, LINES, GROUP */
    const size_t *rows;            /* SUM: indices into dataset->rows */
    size_t row_count;
    int key_column;                /* GROUP */
    const char *key;
    const rel_figure_term *terms;  /* TERMS; QUOTIENT: numerator, denominator */
    size_t term_count;
    int64_t factor;                /* QUOTIENT: 1, or 100 for a percentage */
    int steps[2];                  /* QUOTIENT, MEAN: the decimals it is rounded to, in
                                      turn (half away from zero); -1 ends them */
    const char *family;            /* DERIVED */
    int year;
    const char *quantity;
};

/* Sources in the arena; NULL when out of memory (the figure then has no
 * source, and the annex shows its value). */
const rel_figure_source *rel_source_sum(rel_arena *arena, const rel_dataset *dataset, int column,
                                        const size_t *rows, size_t row_count);
const rel_figure_source *rel_source_lines(rel_arena *arena, const rel_dataset *dataset,
                                          int column);
const rel_figure_source *rel_source_group(rel_arena *arena, const rel_dataset *dataset,
                                          int column, int key_column, const char *key);
const rel_figure_source *rel_source_terms(rel_arena *arena, const rel_figure_term *terms,
                                          size_t count);
const rel_figure_source *rel_source_derived(rel_arena *arena, const char *family, int year,
                                            const char *quantity);
const rel_figure_source *rel_source_formula(rel_arena *arena);
/* `step2` -1 when there is one rounding only. */
const rel_figure_source *rel_source_quotient(rel_arena *arena, rel_figure_term numerator,
                                             rel_figure_term denominator, int64_t factor,
                                             int step1, int step2);
const rel_figure_source *rel_source_mean(rel_arena *arena, const rel_dataset *dataset,
                                         int column, const size_t *rows, size_t row_count,
                                         int step);

typedef struct rel_finding {
    const char *code;      /* R0xx, stable: docs/ERRORS.md */
    const char *check;     /* Italian: "Totale dell'azione «Tutela minori» – consuntivo" */
    rel_check_status status;
    bool numeric;          /* false: a rule broken, no figures (see rel_findings_flag) */
    int scale;             /* decimals of value: 2 for money */
    bool money;            /* format figures as euro (unit == REL_UNIT_MONEY) */
    rel_unit unit;
    rel_figure declared;   /* the figure under test (usually typed by the user) */
    rel_figure expected;   /* what it should be (usually computed) */
    int64_t difference;    /* declared - expected */
    int64_t tolerance;     /* the bounds it was classified with (same scale) */
    int64_t rounding;
    const rel_figure_source *declared_source;   /* NULL: a cell, or not described */
    const rel_figure_source *expected_source;
    size_t cause;          /* 1 + index of the finding this one follows from (the same
                              difference, propagated to a larger sum of the same lines:
                              reconcile/causes.c); 0: it is its own */
    const char *see_also;  /* on a cause: the places its difference propagates to */
} rel_finding;

typedef struct rel_findings {
    rel_arena *arena;
    rel_finding *items;    /* malloc'd */
    size_t count;
    size_t capacity;
    size_t errors;
    size_t roundings;
    bool out_of_memory;
    size_t last;           /* 1 + index of the check the last call recorded; 0: none */
} rel_findings;

void rel_findings_init(rel_findings *findings, rel_arena *arena);

/* Compares `declared` with `expected` and records the check: a match only
 * when they are equal; a rounding difference when the difference is at most
 * the larger of `tolerance` (declared by the user) and `rounding` (what the
 * rounding of the figures explains), both at `scale`; else an error. A
 * tolerance never silences a difference: it is listed as rounding. The
 * check's name is printf-formatted into the arena. Returns the status. */
rel_check_status rel_findings_check(rel_findings *findings, const char *code, int scale,
                                    bool money, rel_figure declared, rel_figure expected,
                                    int64_t tolerance, int64_t rounding, const char *format, ...)
    __attribute__((format(printf, 9, 10)));

/* The same, for figures of any unit. */
rel_check_status rel_findings_check_unit(rel_findings *findings, const char *code, int scale,
                                         rel_unit unit, rel_figure declared, rel_figure expected,
                                         int64_t tolerance, int64_t rounding,
                                         const char *format, ...)
    __attribute__((format(printf, 9, 10)));

/* Says what the two figures of the check recorded by the last call to
 * rel_findings_check(_unit) are made of (either may be NULL). Does
 * nothing when that call recorded nothing (out of memory). */
void rel_findings_describe(rel_findings *findings, const rel_figure_source *declared,
                           const rel_figure_source *expected);

/* Records a rule that does not hold and has no pair of figures (a variance
 * without its motivazione, a column pasted from another year): an error at
 * `at`, described by the printf-formatted text. */
void rel_findings_flag(rel_findings *findings, const char *code, rel_origin at,
                       const char *format, ...) __attribute__((format(printf, 4, 5)));

/* One cause, one finding: links each failing check whose difference is the
 * same as that of a check over fewer of the same lines (a wrong figure
 * that also makes its area, the cost centre and the grand total differ) to
 * that check, which lists the others as «vedi anche». */
void rel_findings_link_causes(rel_findings *findings);

/* Adds every check that did not match to `diags`: an error for REL_CHECK_ERROR,
 * a warning for a rounding difference, at the declared figure's cell. */
void rel_findings_report(const rel_findings *findings, rel_diags *diags);

/* "verificato", "arrotondamento", "da correggere": the outcome in words. */
const char *rel_check_status_text(rel_check_status status);

/* "schede.csv:6:70" (the file's base name, line, column), or the `how` of
 * a computed figure. In the arena. */
const char *rel_figure_place(rel_arena *arena, const rel_figure *figure);

/* Releases the item array; the texts go with the arena. */
void rel_findings_free(rel_findings *findings);

#endif
