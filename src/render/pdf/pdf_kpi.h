/*
 * pdf_kpi.h - key figures as tiles: the figure large, its label, and its
 * change on the year before, three to a row.
 */
#ifndef REL_PDF_KPI_H
#define REL_PDF_KPI_H

#include <stdbool.h>
#include <stddef.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Draws the tiles, a new page before a row that does not fit. false when
 * out of memory. */
bool rel_pdf_kpis(rel_pdf_ctx *ctx, const rel_doc_kpi *kpis, size_t count);

/* Height of one row of tiles. */
double rel_pdf_kpis_row_height(void);

#endif
