/*
 * pdf_flow.h - the document's blocks onto pages, in order, each kept on
 * one page with what must follow it.
 *
 * What a reader reads together stays together: a heading with the start
 * of what it heads (two lines, a table's first rows, a chart), a lead-in
 * sentence with the table or chart it introduces, a table with its chart
 * (the table's last rows go to the next page with the chart rather than
 * leave it alone there, and a chart is drawn a little lower to finish the
 * page of its table). Each block measures its start before anything is
 * drawn; what it measured is kept and drawn as measured.
 */
#ifndef REL_PDF_FLOW_H
#define REL_PDF_FLOW_H

#include <stdbool.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Draws every block of `doc` from a new page on. false when out of
 * memory (libharu's own errors are left to the writer's handler). */
bool rel_pdf_flow(rel_pdf_ctx *ctx, const rel_document *doc);

#endif
