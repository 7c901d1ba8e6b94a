/*
 * pdf_hyphen.h - Italian hyphenation of the report's justified text, by
 * libhyphen with Debian's hyphen-it patterns
 * (/usr/share/hyphen/hyph_it_IT.dic; RELAZIONE_HYPHEN_DICT overrides it).
 *
 * The line breaker (pdf_text.c) asks for a word's head only where the
 * line would otherwise be loose; the head ends with a hyphen, which text
 * extraction joins again (pdftotext gives "sostegno" for "soste-" and
 * "gno"). Words at least five letters long are split, two letters at
 * least on each side; not words with digits, acronyms (all capitals), or
 * words already holding a hyphen or a slash.
 */
#ifndef REL_PDF_HYPHEN_H
#define REL_PDF_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "render/pdf/pdf_fonts.h"

#define REL_PDF_HYPHEN_DICT "/usr/share/hyphen/hyph_it_IT.dic"
#define REL_PDF_HYPHEN "-"

typedef struct rel_pdf_hyphens rel_pdf_hyphens;

/* Loads the patterns. NULL, with the error E212 naming `shown` in
 * `diags`, when the dictionary is missing or cannot be read. */
rel_pdf_hyphens *rel_pdf_hyphens_load(const char *shown, rel_diags *diags);

/* No-op on NULL. */
void rel_pdf_hyphens_free(rel_pdf_hyphens *hyphens);

/* The longest head of the `len` bytes of UTF-8 `word` that ends at a
 * hyphenation point and, followed by the hyphen, is no wider than `room`
 * in `font` at `size`: its length in bytes, 0 when there is none.
 *     "amministrazione," with room for "ammini-" => 6 */
size_t rel_pdf_hyphenate(const rel_pdf_hyphens *hyphens, rel_pdf_font font, double size,
                         const char *word, size_t len, double room);

#endif
