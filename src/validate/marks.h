/*
 * marks.h - what accountants write in a figure's place.
 *
 * Real tables hold, where a number should be, a mark that it is not
 * available ("/", "n.d.", "—"), a footnote mark after the number
 * ("1.168*", "1.168 (1)", "1.168¹"), or an error value Excel wrote when a
 * formula failed ("#DIV/0!", "#N/D"). Each has its meaning; none is a
 * number, and none may silently become text or zero.
 */
#ifndef REL_VALIDATE_MARKS_H
#define REL_VALIDATE_MARKS_H

#include <stdbool.h>
#include <stddef.h>

/* A mark that the figure is not available: "/", "n.d.", "nd", "n/d",
 * "n.a.", "n.p.", "—", "–", "…", "..", and "-" (which in an amount column
 * means zero instead: the caller decides first). Case ignored. */
bool rel_mark_missing(const char *text);

/* Words, not a figure mistyped: three letters or more ("in continuità",
 * "Partner senza portafoglio", "circa 30"), where "3O" or "1.2l5" are
 * figures with a letter typed for a digit. */
bool rel_mark_words(const char *text);

/* An Excel error value ("#DIV/0!", "#N/D", "#VALORE!", "#RIF!", "#NOME?",
 * "#NUM!", "#NULLO!", their English forms, "#####"), or NULL. */
const char *rel_mark_excel_error(const char *text);

/* The length of `text` (`len` bytes) without a footnote mark at its end,
 * and the mark in *mark ("*", "**", "1", …), or `len` and NULL when there
 * is none. "1.168*" => 5, "*"; "1.168 (2)" => 5, "2"; "1.168¹" => 5, "1".
 * A mark alone, with no digit before it, is no footnote. */
size_t rel_mark_footnote(const char *text, size_t len, const char **mark);

#endif
