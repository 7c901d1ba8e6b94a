/*
 * sidecar.h - a free table's sidecar: tabelle/NOME.ini beside tabelle/NOME.csv.
 *
 * A CSV says what a table holds; how a report prints it (its caption with
 * accents, where it goes, the unit of each column, which column names the
 * rows, which rows are totals though not labelled so, how exact its totals
 * are, its chart, its footnotes) is written beside it, in the INI syntax of
 * metadati.ini, so that the table itself is transcribed as printed:
 *
 *     [tabella]
 *     titolo = Andamento demografico per subambito
 *     dopo = andamento_gestione        ; after testi/andamento_gestione.md
 *     totali = A.T.S. CR.SE            ; a total row with no TOTALE in its label
 *     grafico = nessuno
 *     [colonna Ore]
 *     unita = ore
 *     [note]
 *     * = dato provvisorio
 *
 * Every key is documented in docs/INPUT.md; an unknown key, section or
 * column is an error with a hint, as in metadati.ini.
 */
#ifndef REL_VALIDATE_SIDECAR_H
#define REL_VALIDATE_SIDECAR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/csv_reader.h"
#include "load/ini.h"
#include "model/dataset.h"

typedef enum rel_sidecar_unit {
    REL_UNIT_AS_WRITTEN,   /* typed by the cells */
    REL_UNIT_COUNT,        /* "n.": whole numbers, exact */
    REL_UNIT_HOURS,        /* "ore": whole or decimal, rounded */
    REL_UNIT_EURO,         /* "€" */
    REL_UNIT_RATE,         /* "%" */
    REL_UNIT_DECIMAL,      /* "decimale", "indice", "rapporto" */
    REL_UNIT_TEXT,         /* "testo" */
    REL_UNIT_DATE,         /* "data" */
} rel_sidecar_unit;

typedef struct rel_sidecar_column {
    uint32_t column;           /* its position in the CSV header */
    rel_sidecar_unit unit;
    bool not_summed;           /* "totale = no": its TOTALE cells are no sums */
} rel_sidecar_column;

typedef struct rel_sidecar {
    rel_table_meta meta;
    const char *title;         /* NULL: from the file name */
    int key;                   /* header position of the label column, or -1 */
    int group;                 /* header position of the group column, or -1 */
    int years;                 /* 0: recognised; 1: as columns; 2: as rows */
    const char *const *totals; /* labels of rows that are totals */
    size_t total_count;
    bool last_row_total;       /* "totale = ultima riga" */
    bool change_row;           /* "andamento = sì": years as rows, the compiler adds the
                                  Andamento row (last year minus the one before) */
    rel_origin change_row_at;
    int rounding;              /* -1, 0 (esatto) or a bound in units */
    rel_sidecar_column *columns;
    size_t column_count;
} rel_sidecar;

/* An empty sidecar: every choice left to the cells. */
void rel_sidecar_default(rel_sidecar *sidecar);

/* Reads `ini` (the sidecar of `table`) into *sidecar, reporting every
 * unknown key or section, invalid value and unknown column. Returns false
 * if any error was added; *sidecar then holds what could be read. */
bool rel_sidecar_read(const rel_ini *ini, const rel_csv_table *table, rel_arena *arena,
                      rel_diags *diags, rel_sidecar *sidecar);

/* The settings of header column `column`, or NULL. */
const rel_sidecar_column *rel_sidecar_column_of(const rel_sidecar *sidecar, uint32_t column);

#endif
