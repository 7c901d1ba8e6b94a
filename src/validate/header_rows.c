#include "validate/header_rows.h"

#include <string.h>

#include "core/codes.h"
#include "validate/labels.h"

static bool same_label(const char *a, const char *b)
{
    char x[128], y[128];
    rel_label_normalize(a, x, sizeof x);
    rel_label_normalize(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

bool rel_header_repeated(const rel_csv_table *table, const rel_csv_row *row, rel_diags *diags)
{
    uint32_t equal = 0;
    for (uint32_t c = 0; c < row->count && c < table->header.count; c++) {
        const rel_cell *cell = &row->cells[c];
        if (cell->len == 0)
            continue;
        if (!same_label(cell->text, table->header.cells[c].text))
            return false;
        equal++;
    }
    if (equal < 2)
        return false;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_HEADER_REPEATED,
                 (rel_origin){table->path, row->line, 0},
                 "la riga ripete l'intestazione del file (forse due esportazioni incollate "
                 "una sotto l'altra): toglierla");
    return true;
}
