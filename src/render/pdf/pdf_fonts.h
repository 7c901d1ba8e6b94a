/*
 * pdf_fonts.h - the report's typefaces and how their text is encoded.
 *
 * Each face (Liberation TrueType, Debian fonts-liberation2) is embedded as
 * a subset and reached through two PDF fonts, both created at the face's
 * first use, so a face the document never draws is never embedded:
 *   - a simple TrueType font with libharu's "WinAnsiEncoding" encoder: one
 *     byte per character for every Italian letter, €, «», –, ’ and “” (the
 *     whole Windows-1252 repertoire), /Encoding /WinAnsiEncoding with no
 *     /Differences, as PDF/A-1 wants of a non-symbolic TrueType font;
 *   - only when a character outside it is drawn (ț, ł, ő, ş, Greek,
 *     Cyrillic ...), a composite Identity-H font of the same face (libharu's
 *     "UTF-8" encoder), with the ToUnicode map, CIDSystemInfo and CIDSet
 *     that libharu 2.3.0 gets wrong or omits put right (pdf_wide.c).
 * Text stays UTF-8 everywhere in the renderer; a line is shown as runs,
 * each in the font that has its characters (see docs/PDF.md: the measured
 * cost and the alternatives considered). A character no face can show is
 * never replaced: the input check (pdf_check.h) reports it at its cell.
 */
#ifndef REL_PDF_FONTS_H
#define REL_PDF_FONTS_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"

struct rel_pdf_fonts;

/* One typeface and the PDF fonts made from it. */
typedef struct rel_pdf_face {
    const struct rel_pdf_fonts *fonts;   /* the set it belongs to */
    const char *file;          /* "LiberationSans-Bold.ttf" */
    const char *name;          /* libharu's name for the loaded face */
    HPDF_FontDef def;
    HPDF_Font simple;          /* WinAnsi; NULL until first shown */
    HPDF_Font wide;            /* Identity-H; NULL until needed */
    int16_t widths[256];       /* per WinAnsi code, 1/1000 em; -1 until measured */
    uint8_t *wide_used;        /* bitmap of the BMP characters shown through `wide` */
} rel_pdf_face;

/* What the layout code passes around: a face. */
typedef rel_pdf_face *rel_pdf_font;

enum { REL_PDF_FACE_COUNT = 7 };

typedef struct rel_pdf_fonts {
    /* the faces point back here: do not copy the struct once loaded */
    rel_pdf_face faces[REL_PDF_FACE_COUNT];
    rel_pdf_font serif, serif_bold, serif_italic, serif_bold_italic;
    rel_pdf_font sans, sans_bold, sans_italic;
    HPDF_Doc pdf;
    HPDF_Encoder winansi;
    uint8_t to_winansi[0x2200];    /* Unicode -> WinAnsi code; 0: not in WinAnsi */
} rel_pdf_fonts;

/* Prepares `fonts` for `pdf` with no face loaded yet: enough to tell
 * which characters are in WinAnsi. false when libharu fails. */
bool rel_pdf_fonts_init(HPDF_Doc pdf, rel_pdf_fonts *fonts);

/* Loads the faces of initialised `fonts` (see rel_pdf_fonts_load). */
bool rel_pdf_fonts_load_faces(rel_pdf_fonts *fonts, rel_diags *diags);

/* rel_pdf_fonts_init, then loads the faces from RELAZIONE_FONT_DIR, or the directory compiled in,
 * without embedding anything yet. A missing or unreadable file is reported
 * (E205) with its path, and false returned; libharu's own errors go to the
 * document's error handler. */
bool rel_pdf_fonts_load(HPDF_Doc pdf, rel_pdf_fonts *fonts, rel_diags *diags);

/* Decodes the UTF-8 character at `s` (of `left` readable bytes) into *cp;
 * returns its length, or 0 (and *cp 0xFFFD) for an ill-formed byte. */
size_t rel_pdf_decode(const char *s, size_t left, uint32_t *cp);

/* The WinAnsi code of `cp`, or 0 when WinAnsi lacks it. */
unsigned rel_pdf_winansi(rel_pdf_font font, uint32_t cp);

/* Whether `font` can show `cp`: in WinAnsi, or a BMP character the face
 * has a glyph for. Control characters cannot be shown. */
bool rel_pdf_printable(rel_pdf_font font, uint32_t cp);

/* Width in points of `len` bytes of UTF-8 `text` in `font` at `size`;
 * characters the face cannot show count as nothing. */
double rel_pdf_width(rel_pdf_font font, double size, const char *text, size_t len);

/* The PDF font for a run of simple or of wide characters, created at its
 * first use; NULL when libharu fails (its handler has the error). */
HPDF_Font rel_pdf_face_font(rel_pdf_font font, bool wide);

/* Before saving: puts right what libharu writes wrong in every wide font
 * (ToUnicode, CIDSystemInfo, CIDSet). false when out of memory. */
bool rel_pdf_fonts_finish(rel_pdf_fonts *fonts);

/* Releases what the faces hold (the PDF fonts belong to the document). */
void rel_pdf_fonts_close(rel_pdf_fonts *fonts);

#endif
