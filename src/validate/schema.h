/*
 * schema.h - what a known dataset looks like: its file, its columns, their
 * types and rules. The schemas themselves are data, in schemas.c; one
 * validator (dataset.c) applies any of them, `relazione init` writes a
 * skeleton from them, and docs/INPUT.md documents the same list.
 */
#ifndef REL_SCHEMA_H
#define REL_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "model/dataset.h"

enum {
    REL_COL_REQUIRED = 1u << 0,   /* the column must be in the header */
    REL_COL_NOT_EMPTY = 1u << 1,  /* every line (not TOTALE rows) needs a value */
    REL_COL_KEY = 1u << 2,        /* part of the key: no two lines share it */
    REL_COL_LABEL = 1u << 3,      /* the row's name; "TOTALE ..." here marks a declared total */
    REL_COL_MONTH = 1u << 4,      /* a date column that accepts whole months (mag-20) */
    REL_COL_WORDS = 1u << 5,      /* a date column that accepts words ("in continuità", "-") */
    REL_COL_IN_YEAR = 1u << 6,    /* a date that must fall within the fiscal year */
    REL_COL_GROUP = 1u << 7,      /* a TOTALE that fills it closes that group (spans.h) */
    REL_COL_NOT_SUMMED = 1u << 9, /* its TOTALE is not a sum of the lines: another rule
                                     checks it (the shares of riepilogo_obiettivi: R006) */
    REL_COL_CARRIED = 1u << 10,   /* empty under a line: that line's value (a merged cell) */
    REL_COL_WORDS_AMOUNT = 1u << 8, /* an amount column where words may stand ("Partner
                                       senza portafoglio"): kept as a note, never a figure */
};

typedef struct rel_column_schema {
    const char *name;             /* lower case, as in the header */
    rel_type type;
    unsigned flags;               /* REL_COL_* */
    const char *example;          /* a value for `relazione init`; "{anno}" is the year */
    const char *const *codes;     /* REL_TYPE_CODE: the vocabulary, NULL-terminated */
} rel_column_schema;

typedef struct rel_schema {
    const char *name;             /* "fondi" */
    const char *file;             /* "fondi.csv" */
    const char *title;            /* "Fondi istituzionali e di ambito" */
    bool required;
    const rel_column_schema *columns;
    size_t column_count;
    rel_type year_type;           /* type of the year columns, when years_required > 0 */
    int years_required;           /* 0: no year columns; 1: N; 2: N and N-1 */
    const char *year_example;     /* a year column's value for `relazione init` */
} rel_schema;

/* Every known dataset, in the order they are loaded and documented. */
/* The `codice` vocabulary of stato_patrimoniale, NULL-terminated: the
 * items of compute/balance.h in the order of rel_balance_item, then the
 * subtotals a sheet may declare. Shared so that the two cannot drift. */
extern const char *const rel_balance_sheet_codes[];

extern const rel_schema *const rel_schemas[];
extern const size_t rel_schema_count;

/* The schema named `name`, or NULL. */
const rel_schema *rel_schema_find(const char *name);

#endif
