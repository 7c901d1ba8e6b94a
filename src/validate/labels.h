/*
 * labels.h - how column labels typed by people are matched.
 *
 * "Non vincolato", "non_vincolato" and "NON-VINCOLATO" are one column;
 * "Unità" and "unita" too. Years are recognised in the forms the seeds and
 * the spreadsheets use: "2024", "Anno 2024", "importo_2023", "31/12/2023".
 */
#ifndef REL_LABELS_H
#define REL_LABELS_H

#include <stddef.h>

/* Writes into `out` (NUL-terminated, at most `size` bytes) the label lower-
 * cased, Italian accented vowels unaccented, runs of blanks, '-' and '_'
 * folded to one '_', and surrounding blanks dropped.
 *     rel_label_normalize(" Non  Vincolato ", out, n) => "non_vincolato" */
void rel_label_normalize(const char *label, char *out, size_t size);

/* The year a column label names, or 0 when it names none (see above). */
int rel_label_year(const char *label);

#endif
