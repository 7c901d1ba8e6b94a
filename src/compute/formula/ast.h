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
    NODE_NAME,        /* spesa_pro_capite: another indicator, or a column in SOMMA.SE */
    NODE_REF,         /* costi["TOTALE USCITE"; N] */
    NODE_CALL,        /* SOMMA(...) */
    NODE_NEGATE,
    NODE_BINARY,
} node_kind;

typedef enum binary_op {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE,
} binary_op;

typedef enum selector_kind {
    SEL_ROW,          /* "text": the row whose label or key is this text */
    SEL_COLUMN,       /* a column name */
    SEL_YEAR,         /* 2024 */
    SEL_YEAR_N,       /* N, N-1, N-2: relative to the fiscal year */
} selector_kind;

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
    selector selectors[2];    /* NODE_REF */
    size_t selector_count;
};

struct rel_formula {
    node *root;
};

#endif
