/*
 * xlsx_keys.h - the lines of a dataset by the text of a key column, for
 * sums over a group (private to render/xlsx/).
 *
 * The cost centres are checked against the schedules' lines of their area,
 * matched by label (normalised: case, accents, blanks); the annex adds the
 * same lines. Each key column is normalised once and sorted, so finding a
 * group's lines is a binary search, whatever the number of groups.
 */
#ifndef REL_XLSX_KEYS_H
#define REL_XLSX_KEYS_H

#include "render/xlsx/xlsx_book.h"

typedef struct rel_xlsx_keys rel_xlsx_keys;

/* The lines (REL_ROW_ITEM) of `d` whose `column` reads `key` once
 * normalised, in file order: *rows (in the row's scratch arena) and *count. The index of the
 * column is built on first use. false when out of memory. */
bool rel_xlsx_keys_lines(rel_xlsx_book *book, const rel_dataset *d, int column, const char *key,
                         const size_t **rows, size_t *count);

#endif
