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
 * leaving a single line of the paragraph alone at a page foot or head;
 * its last two lines stay on one page with the `keep` points that must
 * follow them (the start of the table a sentence introduces; 0 for none).
 * false when out of memory. */
bool rel_pdf_text_block(rel_pdf_ctx *ctx, const char *utf8, double indent, const char *marker,
                        double keep);

/* Height the start of the block needs on its page: its first two lines
 * (one for a single line, 0 for nothing to print); *whole is set when
 * that is all of it. The lines are kept for rel_pdf_text_block. 0 when out
 * of memory (which rel_pdf_text_block then reports). */
double rel_pdf_text_start(rel_pdf_ctx *ctx, const char *utf8, double indent, bool *whole);

/* Height of the whole block (a `list` item has a smaller gap under it).
 * 0 when out of memory. */
double rel_pdf_text_height(rel_pdf_ctx *ctx, const char *utf8, double indent, bool list);

/* The gap after a paragraph (`list`: after a list item): between a lead-in
 * and the table it keeps with, so part of what the keep needs. */
double rel_pdf_text_gap(bool list);

#endif
