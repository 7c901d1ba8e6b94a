/*
 * xlsx_text.h - how tall a wrapped cell is (private to render/xlsx/).
 *
 * libxlsxwriter does not autofit rows, and neither Excel nor LibreOffice
 * grows a row whose height the file states: a wrapped text in a row of the
 * default height prints over the rows below it. So the annex states every
 * row's height, computed here from the text and the column width. Cells are
 * set in Arial 10 (Liberation Sans in LibreOffice: the same metrics), whose
 * advance widths are those of Helvetica; a column of width w (in Excel's
 * characters) is 7w + 5 pixels at 96 dpi. The estimate errs on the tall
 * side: a line too many is white space, a line too few is overprinting.
 */
#ifndef REL_XLSX_TEXT_H
#define REL_XLSX_TEXT_H

#include <stdbool.h>

#define REL_XLSX_FONT "Arial"
#define REL_XLSX_FONT_SIZE 10.0
#define REL_XLSX_LINE_POINTS 12.75    /* one line of Arial 10, as Excel spaces it */
#define REL_XLSX_MAX_ROW_POINTS 409.0 /* Excel's tallest row */

/* Pixels of a column `width` characters wide: 7w + 5. */
double rel_xlsx_column_pixels(double width);

/* Lines the UTF-8 `text` takes wrapped in a column `width` characters wide
 * (at least 1; explicit line breaks count), in Arial at `points`, bold or
 * not. Words longer than a line are broken, as Excel does.
 *     rel_xlsx_text_lines("Costo del personale", 30, 10, false) => 1 */
double rel_xlsx_text_lines(const char *text, double width, double points, bool bold);

#endif
