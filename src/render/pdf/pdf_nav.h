/*
 * pdf_nav.h - finding one's way in the report: the Indice (with dot
 * leaders, page numbers and links), the PDF bookmarks, the signatures.
 */
#ifndef REL_PDF_NAV_H
#define REL_PDF_NAV_H

#include <stdbool.h>

#include "document/document.h"
#include "render/pdf/pdf_layout.h"

/* Reserves the pages the Indice of `doc` will need (one line per heading
 * of level 1 and 2), to be filled by rel_pdf_toc_fill once every heading
 * has its page. */
bool rel_pdf_toc_reserve(rel_pdf_ctx *ctx, const rel_document *doc);

/* Writes the Indice into the reserved pages: each entry a link to its
 * heading. A no-op when nothing was reserved. */
bool rel_pdf_toc_fill(rel_pdf_ctx *ctx);

/* One bookmark per heading, nested by level. */
bool rel_pdf_bookmarks(rel_pdf_ctx *ctx);

/* The signatures block: "Il Presidente / name" pairs side by side, each
 * under a line to sign on. `text` is "role\nname\n\nrole\nname". */
bool rel_pdf_signatures(rel_pdf_ctx *ctx, const char *text);

/* Height of the signatures block. */
double rel_pdf_signatures_height(void);

#endif
