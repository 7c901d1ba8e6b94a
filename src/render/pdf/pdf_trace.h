/*
 * pdf_trace.h - where each thing of the document landed, for the layout
 * test (tests/e2e/test_pdf_layout.py) and for a developer who wonders why
 * a page ends where it does.
 *
 * When the environment names a file in REL_PDF_LAYOUT_TRACE, the writer
 * writes one line per item it places, tab-separated:
 *     page  kind  top  bottom  text
 * page counts from 1; top and bottom are points from the page's foot;
 * kind is one of heading1..heading3, line (of body text; "last" lines are
 * "line-last"), caption, continued (the caption of a continuation page),
 * header, row-normal, row-group, row-total, row-note, chart, kpis,
 * signatures, break (a page break the template asks for), float (the
 * chart next in the trace floats: it comes after the text that follows
 * it in the document, which fills the page of its table). text is the
 * item's first line as printed (tabs and line ends turned into spaces).
 * Without the variable nothing is written and nothing is slower.
 */
#ifndef REL_PDF_TRACE_H
#define REL_PDF_TRACE_H

#include "render/pdf/pdf_layout.h"

/* Opens the trace named by REL_PDF_LAYOUT_TRACE, if any, into ctx->trace.
 * A trace that cannot be opened is not an error of the build: it is
 * simply not written. */
void rel_pdf_trace_open(rel_pdf_ctx *ctx);

/* Writes one item on the current page (a no-op without a trace): `len`
 * bytes of `text` (SIZE_MAX: up to its NUL). */
void rel_pdf_trace(rel_pdf_ctx *ctx, const char *kind, double top, double bottom,
                   const char *text, size_t len);

void rel_pdf_trace_close(rel_pdf_ctx *ctx);

#endif
