/*
 * dataset.h - a typed table: what every CSV of the input becomes.
 *
 * Known datasets (schede, fondi, progetti, ...) are typed by their schema in
 * validate/schemas.c; any other table by inference (validate/infer.c). Both
 * give the same shape, so later stages, the formula language and the
 * templates reach any figure the same way: dataset, column (or year), row.
 * Every value keeps the origin of its cell.
 */
#ifndef REL_DATASET_H
#define REL_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"

typedef enum rel_type {
    REL_TYPE_TEXT,
    REL_TYPE_MONEY,      /* number = cents */
    REL_TYPE_COUNT,      /* number = an integer: people, hours, users */
    REL_TYPE_DECIMAL,    /* number = value * 100: ratios such as 4,63 */
    REL_TYPE_PERCENT,    /* number = hundredths of a point: 44,44% => 4444 */
    REL_TYPE_DATE,       /* date; a whole month (mag-20) where the column allows */
    REL_TYPE_OUTCOME,    /* number = rel_outcome */
    REL_TYPE_YEAR,       /* number = the year */
    REL_TYPE_CODE,       /* text from the column's fixed vocabulary */
} rel_type;

/* Decimal places of the fixed-point `number` of each numeric type. */
int rel_type_scale(rel_type type);

/* The Italian name of a type, for messages and docs ("importo in euro"). */
const char *rel_type_name(rel_type type);

typedef enum rel_outcome {
    REL_OUTCOME_NO = 0,
    REL_OUTCOME_SI = 1,
    REL_OUTCOME_PARZIALE = 2,   /* PARZIALMENTE, In corso */
} rel_outcome;

typedef struct rel_value {
    rel_origin at;
    bool present;         /* the cell holds a value of its column's type */
    bool missing;         /* it says "not available": "/", "n.d.", "—" (present is false) */
    bool is_text;         /* words in a figure's or a date's place: "in continuità",
                             "Partner senza portafoglio" (present is false; kept, printed) */
    int64_t number;       /* fixed point, see rel_type_scale */
    rel_date date;
    const char *text;     /* the cell as written, trimmed; never NULL */
    const char *note;     /* a footnote mark written after the figure ("*", "1"), or NULL */
} rel_value;

typedef struct rel_column {
    const char *name;     /* canonical: schema name, or the year "2024" */
    const char *label;    /* as written in the header */
    rel_type type;
    int year;             /* a year column ("2024", "importo 2023"), else 0 */
    bool is_key;          /* part of the row's key: groups lines under a TOTALE */
    bool is_label;        /* names the row */
    bool is_group;        /* a TOTALE that fills it closes the lines with its value */
    bool not_summed;      /* its TOTALE cells are not sums: checked by another rule */
    bool computed;        /* derived by the compiler, not typed: printed, never checked */
    bool rounded;         /* its figures are rounded measures (amounts, hours, ratios), so
                             a total may differ from its lines by their rounding; head
                             counts are exact */
    int decimals;         /* the most decimals written in its cells: the printed precision */
    int change_later;     /* a change column ("2023/2019", "Variazione", "Var. %"): the
                             columns it compares, later - earlier; -1 otherwise */
    int change_earlier;
    bool change_percent;  /* the change in per cent of the earlier figure */
    rel_origin at;
} rel_column;

typedef enum rel_row_kind {
    REL_ROW_ITEM,         /* a line: adds into totals */
    REL_ROW_TOTAL,        /* a TOTALE the user typed: checked, never added */
    REL_ROW_HEADING,      /* a group's heading as printed tables have it: a label, no figure */
    REL_ROW_CHANGE,       /* "Andamento" under years as rows: the last year minus the one before */
} rel_row_kind;

typedef struct rel_row {
    rel_row_kind kind;
    bool computed;        /* added by the compiler (an Andamento row asked for): printed,
                             never checked */
    uint32_t line;
    rel_value *values;    /* one per column */
} rel_row;

/* A declared total and the lines it closes, worked out once by validation
 * (validate/spans.c) so that every later stage agrees on it. */
typedef struct rel_span {
    size_t total;         /* index of the REL_ROW_TOTAL row */
    const size_t *parts;  /* indices of the REL_ROW_ITEM rows it adds up, in file order */
    size_t part_count;
    bool grand;           /* it closes the whole table (or the whole of a keyed level) */
    bool mean;            /* a VALORE MEDIO row: the mean of its lines, not their sum */
} rel_span;

/* A footnote of a free table: the mark written after figures and its text. */
typedef struct rel_footnote {
    const char *mark;     /* "*", "1" */
    const char *text;
} rel_footnote;

/* How a free table is placed and printed, from its sidecar tabelle/NOME.ini
 * (docs/INPUT.md). Absent fields are NULL / 0. */
typedef struct rel_table_meta {
    const char *path;     /* the sidecar file */
    const char *after;    /* placed after the narrative testi/<after>.md */
    int order;            /* among the tables of one place (0: by name) */
    const char *chart;    /* "barre", "linee", …, or "nessuno"; NULL: the template's */
    const char *note;     /* printed under the table */
    int change_from;      /* "variazione = 2019": a computed change of N against that
                             year, printed beside the years (0: none) */
    rel_origin change_from_at;
    const rel_footnote *footnotes;
    size_t footnote_count;
} rel_table_meta;

typedef struct rel_dataset {
    const char *name;     /* "schede", or a generic table's file name without .csv */
    const char *path;     /* as shown in diagnostics */
    const char *title;    /* Italian title for the report and the annexes */
    bool generic;         /* typed by inference, not by a schema */
    rel_column *columns;
    size_t column_count;
    rel_row *rows;
    size_t row_count;
    rel_span *spans;      /* one per REL_ROW_TOTAL row, in file order */
    size_t span_count;
    int rounding;         /* -1: the rounding rule (RECONCILIATION.md); 0: exact; n: its own
                             bound, in units of the last printed digit */
    bool years_as_rows;   /* its label column holds years (seed 001's layout) */
    const rel_table_meta *meta;   /* a free table's sidecar, or NULL */
} rel_dataset;

/* Index of the column named `name` (canonical name, case ignored), or -1. */
int rel_dataset_column(const rel_dataset *dataset, const char *name);

/* The text of column `column` of `row`, or "" when column is -1 (an
 * optional column the file does not have). */
const char *rel_row_text(const rel_row *row, int column);

/* Index of the column of fiscal year `year`, or -1. */
int rel_dataset_year_column(const rel_dataset *dataset, int year);

/* Invariant for assert(): every row has a value per column, every value a
 * text, every year column a year. */
bool rel_dataset_check(const rel_dataset *dataset);

#endif
