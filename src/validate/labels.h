/*
 * labels.h - how column labels typed by people are matched.
 *
 * "Non vincolato", "non_vincolato" and "NON-VINCOLATO" are one column;
 * "Unità" and "unita" too. Years are recognised in the forms the seeds and
 * the spreadsheets use: "2024", "Anno 2024", "importo_2023", "31/12/2023".
 */
#ifndef REL_LABELS_H
#define REL_LABELS_H

#include <stdbool.h>
#include <stddef.h>

/* Writes into `out` (NUL-terminated, at most `size` bytes) the label lower-
 * cased, Italian accented vowels unaccented, runs of blanks, '-' and '_'
 * folded to one '_', and surrounding blanks dropped.
 *     rel_label_normalize(" Non  Vincolato ", out, n) => "non_vincolato" */
void rel_label_normalize(const char *label, char *out, size_t size);

/* The two labels are the same once normalised (case, accents, blanks). */
bool rel_same_label(const char *a, const char *b);

/* The year a column label names, or 0 when it names none (see above). */
int rel_label_year(const char *label);

/* What a row label says about the row: a declared total, and of what.
 * The words are those real reports print, case and accents aside:
 *     "TOTALE", "Totale servizi", "Totali", "Tot.", "Tot. area"  => PART
 *     "TOTALE GENERALE", "Totale complessivo"                    => GRAND
 *     "VALORE MEDIO", "Media", "Media complessiva"               => MEAN
 *     "Totalmente a carico", "Totem"                             => NONE */
typedef enum rel_total_word {
    REL_TOTAL_NONE,
    REL_TOTAL_PART,    /* a total; what it closes follows from its place or keys */
    REL_TOTAL_MEAN,    /* the unweighted mean of the lines it closes */
    REL_TOTAL_GRAND,   /* says of itself that it is the total of everything */
} rel_total_word;

rel_total_word rel_label_total(const char *label);

/* rel_label_total(label) != REL_TOTAL_NONE. */
bool rel_is_total_label(const char *label);

/* A label of a change between two figures of a series: "Andamento",
 * "Variazione", "Var.", "Var. %", "Δ", or "2023/2019" (year vs year).
 * *later and *earlier get the two years of the last form, else 0. */
bool rel_label_change(const char *label, int *later, int *earlier);

#endif
