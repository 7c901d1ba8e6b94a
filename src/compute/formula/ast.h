/*
 * ast.h - the parsed form of a formula; private to compute/formula/.
 */
#ifndef REL_FORMULA_AST_H
#define REL_FORMULA_AST_H

#include <stddef.h>

#include "compute/formula/formula.h"

typedef enum node_kind {
    NODE_NUMBER,      /* 1,05 */
    NODE_STRING,      /* "Area Anziani": only as a function argument */
    NODE_NAME,        /* spesa_pro_capite: an indicator; a column (SOMMA.SE), a table (RIGHE) */
    NODE_REF,         /* costi["TOTALE USCITE"; N], schede[consuntivo] */
    NODE_CALL,        /* SOMMA(...) */
    NODE_NEGATE,
    NODE_BINARY,
} node_kind;

/* OP_AND is no operator of the language: a chain of comparisons
 * (a <= b <= c) is parsed as (a <= b) AND (b <= c). */
typedef enum binary_op {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_AND,
} binary_op;

/* The last selector of a reference is its column; those before it, texts
 * that together pick one row. */
typedef enum selector_kind {
    SEL_TEXT,         /* "text": a row's label or key, or (last) a column header */
    SEL_COLUMN,       /* a column name, unquoted */
    SEL_YEAR,         /* 2024 */
    SEL_YEAR_N,       /* N, N-1, N-2: relative to the fiscal year */
} selector_kind;

/* At most three texts for the row, and the column. */
#define MAX_SELECTORS 4

typedef struct selector {
    selector_kind kind;
    const char *text;
    int year;         /* SEL_YEAR: the year; SEL_YEAR_N: the offset (0, -1, ...) */
    rel_origin at;
} selector;

typedef struct node node;

struct node {
    node_kind kind;
    rel_origin at;            /* where the node starts in the file */
    rel_rational number;      /* NODE_NUMBER */
    const char *text;         /* string, name, dataset or function */
    binary_op op;
    node *left, *right;       /* NODE_BINARY; NODE_NEGATE uses left */
    node **args;              /* NODE_CALL */
    size_t arg_count;
    selector selectors[MAX_SELECTORS];   /* NODE_REF */
    size_t selector_count;
};

struct rel_formula {
    node *root;
};

#endif
