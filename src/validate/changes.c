#include "validate/changes.h"

#include <string.h>

#include "core/codes.h"
#include "validate/labels.h"

static bool is_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* The two greatest year columns, later first. */
static bool last_two_years(const rel_dataset *d, int *later, int *earlier)
{
    *later = *earlier = -1;
    for (size_t c = 0; c < d->column_count; c++) {
        int year = d->columns[c].year;
        if (year == 0)
            continue;
        if (*later < 0 || year > d->columns[*later].year) {
            *earlier = *later;
            *later = (int)c;
        } else if (*earlier < 0 || year > d->columns[*earlier].year) {
            *earlier = (int)c;
        }
    }
    return *later >= 0 && *earlier >= 0;
}

static void bind_column(rel_dataset *d, size_t c, rel_diags *diags)
{
    rel_column *column = &d->columns[c];
    int later_year, earlier_year, later = -1, earlier = -1;
    if (column->year != 0 || !is_numeric(column->type)
        || !rel_label_change(column->label, &later_year, &earlier_year))
        return;
    if (later_year) {
        later = rel_dataset_year_column(d, later_year);
        earlier = rel_dataset_year_column(d, earlier_year);
    } else {
        last_two_years(d, &later, &earlier);
    }
    if (later < 0 || earlier < 0) {
        rel_diag_add(diags, REL_SEV_WARNING, REL_W_CHANGE_YEARS, column->at,
                     "la colonna «%s» è una variazione, ma non si riconoscono le colonne degli "
                     "anni che confronta: non viene verificata", column->label);
        return;
    }
    column->change_later = later;
    column->change_earlier = earlier;
    column->change_percent = column->type == REL_TYPE_PERCENT || strchr(column->label, '%');
}

void rel_changes_bind(rel_dataset *d, rel_diags *diags)
{
    for (size_t c = 0; c < d->column_count; c++)
        d->columns[c].change_later = d->columns[c].change_earlier = -1;
    for (size_t c = 0; c < d->column_count; c++)
        bind_column(d, c, diags);
}

static int label_column(const rel_dataset *d)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].is_label)
            return (int)c;
    return -1;
}

static int row_year(const rel_dataset *d, size_t row, int label)
{
    return d->rows[row].kind == REL_ROW_ITEM ? rel_label_year(d->rows[row].values[label].text) : 0;
}

bool rel_change_rows(const rel_dataset *d, size_t change_row, size_t *later, size_t *earlier)
{
    int label = label_column(d);
    if (label < 0)
        return false;
    int later_year, earlier_year;
    rel_label_change(d->rows[change_row].values[label].text, &later_year, &earlier_year);
    bool found_later = false, found_earlier = false;
    if (later_year) {
        for (size_t r = 0; r < d->row_count; r++) {
            int year = row_year(d, r, label);
            if (year == later_year) {
                *later = r;
                found_later = true;
            }
            if (year == earlier_year) {
                *earlier = r;
                found_earlier = true;
            }
        }
        return found_later && found_earlier;
    }
    for (size_t r = change_row; r-- > 0;) {
        if (!row_year(d, r, label))
            continue;
        if (found_later) {
            *earlier = r;
            return true;
        }
        *later = r;
        found_later = true;
    }
    return false;
}
