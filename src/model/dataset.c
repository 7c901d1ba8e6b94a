#include "model/dataset.h"

#include <strings.h>

int rel_type_scale(rel_type type)
{
    switch (type) {
    case REL_TYPE_MONEY:
    case REL_TYPE_PERCENT:
        return 2;
    case REL_TYPE_DECIMAL:
        return 4;   /* ratios and indicators: 1,0583 */
    default:
        return 0;
    }
}

const char *rel_type_name(rel_type type)
{
    switch (type) {
    case REL_TYPE_TEXT:
        return "testo";
    case REL_TYPE_MONEY:
        return "importo in euro";
    case REL_TYPE_COUNT:
        return "numero intero";
    case REL_TYPE_DECIMAL:
        return "numero decimale";
    case REL_TYPE_PERCENT:
        return "percentuale";
    case REL_TYPE_DATE:
        return "data";
    case REL_TYPE_OUTCOME:
        return "esito (SI / NO / PARZIALMENTE)";
    case REL_TYPE_YEAR:
        return "anno";
    case REL_TYPE_CODE:
        return "codice";
    }
    return "valore";
}

int rel_dataset_column(const rel_dataset *dataset, const char *name)
{
    for (size_t i = 0; i < dataset->column_count; i++)
        if (strcasecmp(dataset->columns[i].name, name) == 0)
            return (int)i;
    return -1;
}

const char *rel_row_text(const rel_row *row, int column)
{
    return column >= 0 ? row->values[column].text : "";
}

int rel_dataset_year_column(const rel_dataset *dataset, int year)
{
    for (size_t i = 0; i < dataset->column_count; i++)
        if (dataset->columns[i].year == year)
            return (int)i;
    return -1;
}

bool rel_dataset_check(const rel_dataset *dataset)
{
    if (dataset->name == NULL || (dataset->row_count > 0 && dataset->rows == NULL))
        return false;
    for (size_t c = 0; c < dataset->column_count; c++)
        if (dataset->columns[c].name == NULL || dataset->columns[c].year < 0)
            return false;
    for (size_t r = 0; r < dataset->row_count; r++) {
        const rel_row *row = &dataset->rows[r];
        if (row->values == NULL && dataset->column_count > 0)
            return false;
        for (size_t c = 0; c < dataset->column_count; c++)
            if (row->values[c].text == NULL)
                return false;
    }
    return true;
}
