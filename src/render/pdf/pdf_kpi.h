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

bool rel_pdf_kpis(rel_pdf_ctx *ctx, const rel_doc_kpi *kpis, size_t count);

#endif
