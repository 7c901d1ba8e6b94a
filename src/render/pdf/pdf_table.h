/*
 * pdf_table.h - a document table on as many pages as it needs.
 *
 * Pagination keeps together what a reader reads together: a voce and the
 * motivazioni under it, a group row and the first row it heads, a row and
 * the TOTALE after it (so a total never opens a page alone, and a group
 * row never ends one). A table going on to another page repeats its
 * caption there, marked "(segue)", and its header.
 */
#ifndef REL_PDF_TABLE_H
#define REL_PDF_TABLE_H

#include <stdbool.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Draws `table` at the current position: caption, header row (repeated
 * after every page break), group rows shaded, TOTAL rows bold between
 * rules, numbers right-aligned, long cells wrapped. `tail` is the height
 * of what must follow the table on its last page (its chart at its
 * smallest; 0 for nothing): the last rows move to a new page with it
 * rather than leave it alone there. false when out of memory. */
bool rel_pdf_table(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail);

/* Height the start of `table` needs on the page where it begins (caption,
 * header, first rows kept together; with `tail` when that is the whole
 * table); 0 for a table that opens a landscape page of its own. The
 * layout is kept for rel_pdf_table. 0 also when out of memory (which
 * rel_pdf_table then reports). */
double rel_pdf_table_start(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail);

/* What drawing a table from the current position would do. */
typedef struct rel_pdf_table_plan {
    bool carried;      /* its last rows would go to a new page only to stay with the tail */
    double gap;        /* then, the room they would leave empty on the page before */
    double end;        /* and where the table would end there without the tail */
} rel_pdf_plan;

/* Plans `table` with `tail` by a dry run of its pagination (nothing drawn,
 * no page added, the position kept). false when out of memory; a table on
 * landscape pages is planned as not carried. */
bool rel_pdf_table_plan(rel_pdf_ctx *ctx, const rel_doc_table *table, double tail,
                        rel_pdf_plan *plan);

/* Whether `table` goes on landscape pages. */
bool rel_pdf_table_landscape(rel_pdf_ctx *ctx, const rel_doc_table *table);

/* Height of all of `table` on one page (0 for a landscape one). */
double rel_pdf_table_height(rel_pdf_ctx *ctx, const rel_doc_table *table);

#endif
