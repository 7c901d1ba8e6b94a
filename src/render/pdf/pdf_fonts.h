/*
 * pdf_fonts.h - the report's fonts and the text encoding they use.
 *
 * The Liberation TrueType fonts (Debian fonts-liberation2) are embedded with
 * libharu's single-byte "CP1252" encoder: it covers every Italian letter,
 * €, «», –, ’ and “”, extracts cleanly with pdftotext and keeps each page
 * small (LIBS.md measured both ways). Text is converted from UTF-8 once,
 * with iconv; a character CP1252 lacks becomes its closest transliteration
 * or "?", and is counted so the caller can warn.
 */
#ifndef REL_PDF_FONTS_H
#define REL_PDF_FONTS_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <iconv.h>

#include "core/arena.h"
#include "core/diag.h"

typedef struct rel_pdf_fonts {
    HPDF_Font serif;
    HPDF_Font serif_bold;
    HPDF_Font serif_italic;
    HPDF_Font serif_bold_italic;
    HPDF_Font sans;
    HPDF_Font sans_bold;
    HPDF_Font sans_italic;
    iconv_t to_cp1252;         /* the fonts' encoding; opened once, as it is costly */
} rel_pdf_fonts;

/* Loads and embeds the fonts from RELAZIONE_FONT_DIR, or the directory
 * compiled in, and opens the converter to their encoding. A missing file is
 * reported (E205) and false returned; rel_pdf_fonts_close in every case. */
bool rel_pdf_fonts_load(HPDF_Doc pdf, rel_pdf_fonts *fonts, rel_diags *diags);

/* Releases the converter (the fonts belong to the document). */
void rel_pdf_fonts_close(rel_pdf_fonts *fonts);

/* Converts UTF-8 `text` to CP1252 in the arena. Characters CP1252 lacks are
 * transliterated or replaced, and *replaced is incremented for each. NULL
 * when out of memory. */
char *rel_pdf_encode(const rel_pdf_fonts *fonts, rel_arena *arena, const char *text,
                     size_t *replaced);

/* Width in points of `len` bytes of CP1252 text in `font` at `size`. */
double rel_pdf_width(HPDF_Font font, double size, const char *text, size_t len);

#endif
