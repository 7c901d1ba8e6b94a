#include "compute/totals.h"

bool rel_dataset_sum(const rel_dataset *dataset, int column, int64_t *sum)
{
    *sum = 0;
    for (size_t r = 0; r < dataset->row_count; r++) {
        const rel_row *row = &dataset->rows[r];
        if (row->kind == REL_ROW_ITEM
            && __builtin_add_overflow(*sum, row->values[column].number, sum))
            return false;
    }
    return true;
}

bool rel_schedule_get(const rel_model *model, rel_schedule *schedule)
{
    const rel_dataset *data = rel_model_dataset(model, "schede");
    if (data == NULL)
        return false;
    *schedule = (rel_schedule){
        .data = data,
        .area = rel_dataset_column(data, "area"),
        .azione = rel_dataset_column(data, "azione"),
        .voce = rel_dataset_column(data, "voce"),
        .descrizione = rel_dataset_column(data, "descrizione"),
        .preventivo = rel_dataset_column(data, "preventivo"),
        .consuntivo = rel_dataset_column(data, "consuntivo"),
        .motivazione = rel_dataset_column(data, "motivazione"),
    };
    return schedule->area >= 0 && schedule->voce >= 0 && schedule->preventivo >= 0
           && schedule->consuntivo >= 0;
}
