/*
 * pdf_table.h - a document table on as many pages as it needs.
 */
#ifndef REL_PDF_TABLE_H
#define REL_PDF_TABLE_H

#include <stdbool.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Draws `table` at the current position: header row (repeated after every
 * page break), group rows shaded, TOTAL rows bold between rules, numbers
 * right-aligned, long cells wrapped, and the caption above. false when out
 * of memory. */
bool rel_pdf_table(rel_pdf_ctx *ctx, const rel_doc_table *table);

#endif
