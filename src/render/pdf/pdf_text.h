/*
 * pdf_text.h - running text with inline **bold** and *italic*, broken
 * into lines on measured widths and justified, with widow and orphan
 * control. The body text of the report and its bulleted lists.
 */
#ifndef REL_PDF_TEXT_H
#define REL_PDF_TEXT_H

#include <stdbool.h>

#include "render/pdf/pdf_layout.h"

/* Sets `utf8` (a paragraph; "**" toggles bold, "*" italic) at the current
 * position in the body font, indented by `indent` points, justified but
 * for its last line. A `marker` ("•" or "3.", UTF-8; NULL for none) hangs
 * in the indent of the first line. Breaks pages between lines, never
 * leaving a single line of the paragraph alone at a page foot or head.
 * false when out of memory. */
bool rel_pdf_text_block(rel_pdf_ctx *ctx, const char *utf8, double indent, const char *marker);

#endif
