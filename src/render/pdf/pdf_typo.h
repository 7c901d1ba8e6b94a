/*
 * pdf_typo.h - running text as a typesetter prints it.
 *
 * Templates and narratives are typed on keyboards: straight quotes, and
 * parentheses inside parentheses when a placeholder's value has its own
 * ("(Azienda speciale consortile (art. 114 D.Lgs. 267/2000))"). The report
 * prints
 *     dell'esercizio      => dell’esercizio        (apostrophe, U+2019)
 *     il "Fondo"          => il “Fondo”            (U+201C, U+201D)
 *     (a (b) c)           => (a [b] c)             (inner parentheses as brackets)
 * Applied to body text, headings and captions; figures and the cells of
 * tables are printed as the data has them.
 */
#ifndef REL_PDF_TYPO_H
#define REL_PDF_TYPO_H

#include "core/arena.h"

/* A typeset copy of UTF-8 `utf8` in the arena; NULL when out of memory. */
const char *rel_pdf_typeset(rel_arena *arena, const char *utf8);

#endif
