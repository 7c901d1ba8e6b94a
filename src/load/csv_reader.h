/*
 * csv_reader.h - CSV text to rows of cells that remember where they were.
 *
 * libcsv does the parsing (strict mode, as LIBS.md explains); this module
 * adds what libcsv does not know: the physical line and column of every
 * field, separator detection, limits, and the table's shape (header labels,
 * cells per row, trailing empty columns from Excel).
 */
#ifndef REL_CSV_READER_H
#define REL_CSV_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/encoding.h"

typedef struct rel_cell {
    const char *text;   /* UTF-8, NUL-terminated, surrounding spaces trimmed */
    uint32_t len;
    uint32_t line;      /* physical line where the field starts, from 1 */
    uint32_t col;       /* character column where the field starts, from 1 */
} rel_cell;

typedef struct rel_csv_row {
    rel_cell *cells;
    uint32_t count;
    uint32_t line;      /* line of the first cell */
} rel_csv_row;

typedef struct rel_csv_table {
    const char *path;        /* as shown in diagnostics */
    char separator;          /* ';', ',' or '\t' */
    rel_csv_row header;
    rel_csv_row *rows;       /* data rows: every row has header.count cells */
    size_t row_count;
} rel_csv_table;

typedef struct rel_csv_limits {
    size_t max_field_bytes;
    size_t max_rows;
    size_t max_columns;
} rel_csv_limits;

/* The limits used unless the caller needs others (docs/INPUT.md lists them). */
extern const rel_csv_limits rel_csv_default_limits;

/* Parses `text` into *table. `separator` is ';', ',' or '\t', or 0 to detect
 * it from the header line (the most frequent of the three outside quotes;
 * ';' wins ties). Every row is brought to the header's width: missing cells
 * are E024, non-empty cells beyond it E023, a row of empty cells is skipped.
 * Returns false if any error was added; *table is then still usable for the
 * rows that were read, and everything lives in `arena`. */
bool rel_csv_parse(const rel_text *text, const char *path, char separator,
                   const rel_csv_limits *limits, rel_arena *arena, rel_diags *diags,
                   rel_csv_table *table);

/* The separator of the header line: the most frequent of ';', ',' and TAB
 * outside quotes, ';' on a tie or when there is none. */
char rel_csv_detect_separator(const rel_text *text);

/* Index of the header column labelled `label` (compared without case and
 * surrounding blanks), or -1. */
int rel_csv_column(const rel_csv_table *table, const char *label);

#endif
