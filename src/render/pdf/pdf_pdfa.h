/*
 * pdf_pdfa.h - the report as PDF/A-1b, through libharu 2.3.0's API.
 *
 * HPDF_PDFA_SetPDFAConformance writes the XMP packet and sets PDF 1.4; the
 * rest of PDF/A-1b, and what libharu gets wrong, is done here with its
 * object and stream API (docs/PDF.md lists every clause, the ones a test
 * checks and the ones nothing here checks):
 *   - the file /ID is a digest of the document's content, set before
 *     libharu would make one from the clock, so builds stay byte-identical;
 *   - the metadata stream gets /Subtype /XML (libharu writes /SubType) and
 *     an XMP packet whose values are XML-escaped (libharu copies them raw);
 *   - the output intent is built here around libharu's ICC stream
 *     (HPDF_PDFA_AppendOutputIntents names its profile key
 *     "DestOutputProfile " with a trailing space).
 */
#ifndef REL_PDF_PDFA_H
#define REL_PDF_PDFA_H

#include <stdbool.h>

#include "core/diag.h"
#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Makes the document PDF/A-1b; call it once everything is drawn and the
 * Info dictionary is set, before saving. A missing ICC profile is E211;
 * false then, or when libharu fails (its handler has the error). */
bool rel_pdf_pdfa(rel_pdf_ctx *ctx, const rel_document *doc, const char *shown,
                  rel_diags *diags);

#endif
