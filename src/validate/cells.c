#include "validate/cells.h"

#include "core/codes.h"
#include "core/number.h"

static const rel_num_spec money_spec = {2, REL_NUM_CURRENCY | REL_NUM_DASH_ZERO};

rel_string rel_cell_string(const rel_cell *cell, const char *path)
{
    return (rel_string){cell->text, (rel_origin){path, cell->line, cell->col}};
}

bool rel_cell_amount(const rel_cell *cell, const char *path, const char *label,
                     rel_diags *diags, rel_amount *amount)
{
    rel_origin at = {path, cell->line, cell->col};
    *amount = (rel_amount){0, false, at};
    rel_num_error error;
    int64_t cents;
    if (rel_number_parse(cell->text, cell->len, &money_spec, &cents, &error)) {
        amount->cents = cents;
        amount->present = true;
        return true;
    }
    if (error.status == REL_NUM_EMPTY)
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_MONEY, at,
                 "importo non valido «%s» nella colonna «%s»: %s", cell->text, label,
                 rel_number_status_text(error.status));
    return false;
}
