/*
 * pdf_writer.h - the document tree into a PDF file, with libharu.
 */
#ifndef REL_PDF_WRITER_H
#define REL_PDF_WRITER_H

#include <stdbool.h>

#include "core/diag.h"
#include "document/document.h"

/* Writes `doc` as a PDF at `path` (a temporary file the caller later
 * renames; diagnostics name it `shown`, the file the user will see). On
 * failure adds an error (E203, E205) and returns false; the file may then
 * be partial and is the caller's to remove. *pages receives the page count. */
bool rel_pdf_write(const rel_document *doc, const char *path, const char *shown,
                   rel_diags *diags, size_t *pages);

#endif
