/*
 * xlsx_sheets.h - the sheets of the annex (private to render/xlsx/).
 *
 * One sheet per dataset the report prints, each with its stable Allegato
 * letter (docs/ANNEXES.md), then the free tables of tabelle/ (Allegato T.1,
 * T.2, … in the order of their files) and the Verifiche; the contents sheet
 * (Indice) lists them. Figures are numbers and every total a formula with
 * its cached value; every input cell written is registered (xlsx_cells.h)
 * so that the checks can refer to it.
 */
#ifndef REL_XLSX_SHEETS_H
#define REL_XLSX_SHEETS_H

#include "compute/indicators.h"
#include "render/xlsx/xlsx_book.h"
#include "render/xlsx/xlsx_checks.h"

/* One sheet of the annex, as the contents sheet lists it. */
typedef struct rel_xlsx_entry {
    const char *name;            /* the tab */
    const char *annex;           /* "Allegato G" */
    const char *title;           /* "Composizione delle entrate 2024" */
    const rel_dataset *dataset;  /* the dataset shown (NULL for Verifiche) */
    int pass;                    /* written after every sheet of a lower pass, whose
                                    cells it may refer to */
    size_t rows;                 /* rows written below the headings */
} rel_xlsx_entry;

/* What every sheet writer is given. */
typedef struct rel_xlsx_context {
    rel_xlsx_book *book;
    const rel_xlsx_checks *checks;
    const rel_findings *findings;
    const rel_indicators *indicators;
} rel_xlsx_context;

/* Each writer fills one sheet for `entry` (entry->rows on return); false
 * when the book failed. */
typedef bool rel_xlsx_writer(const rel_xlsx_context *ctx, rel_xlsx_entry *entry);

/* Any dataset as the report prints it: its columns, N on N-1 as formulas,
 * every declared TOTALE followed by its recomputation. */
rel_xlsx_writer rel_xlsx_dataset;
rel_xlsx_writer rel_xlsx_schede;
rel_xlsx_writer rel_xlsx_centri;
rel_xlsx_writer rel_xlsx_bilancio;
rel_xlsx_writer rel_xlsx_indici;
rel_xlsx_writer rel_xlsx_avanzo;
rel_xlsx_writer rel_xlsx_riepilogo;
rel_xlsx_writer rel_xlsx_progetti;
rel_xlsx_writer rel_xlsx_calcolati;
rel_xlsx_writer rel_xlsx_verifiche;

/* The contents sheet: every entry with its letter, title and a link. */
bool rel_xlsx_contents(const rel_xlsx_context *ctx, rel_xlsx_sheet *s,
                       const rel_xlsx_entry *entries, size_t count);

#endif
