/*
 * pdf_check.h - the characters of the input that the PDF could not print,
 * reported at their cells before anything is rendered.
 *
 * The PDF's faces (pdf_fonts.h) show the whole WinAnsi repertoire and any
 * other BMP character they have a glyph for. A character that some face
 * lacks (an emoji, a script Liberation does not cover) is an error at the
 * cell, the metadata key or the narrative's line:column where it stands:
 * the report never prints it as '?' or drops it. `relazione check` reports
 * it too, since it is a fault of the data that the user can fix.
 */
#ifndef REL_PDF_CHECK_H
#define REL_PDF_CHECK_H

#include <stdbool.h>

#include "core/diag.h"
#include "model/model.h"

/* Adds an error (E210) for every text of `model` holding a character that
 * any face of the PDF lacks. Returns false when it added one. The fonts
 * are read only if a character outside WinAnsi appears; when they cannot
 * be, nothing is added here (the PDF writer reports the missing font). */
bool rel_pdf_check_model(const rel_model *model, rel_diags *diags);

#endif
