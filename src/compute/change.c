#include "compute/change.h"

#include "compute/variance.h"

bool rel_change_of(const rel_dataset *dataset, const rel_row *row, int year, rel_change *out)
{
    int now = rel_dataset_year_column(dataset, year);
    int before = rel_dataset_year_column(dataset, year - 1);
    if (now < 0 || before < 0 || !row->values[now].present || !row->values[before].present)
        return false;
    out->now = row->values[now].number;
    out->before = row->values[before].number;
    if (__builtin_sub_overflow(out->now, out->before, &out->difference))
        return false;
    out->percent_defined = rel_percent_of(out->difference, out->before, &out->percent);
    return true;
}

static bool share(const rel_dataset *d, const rel_row *row, const char *part, int64_t total,
                  int64_t *out)
{
    int column = rel_dataset_column(d, part);
    return column >= 0 && row->values[column].present
           && rel_percent_of(row->values[column].number, total, out);
}

rel_project_figures rel_project_figures_of(const rel_dataset *projects, const rel_row *row)
{
    rel_project_figures figures = {0};
    int total = rel_dataset_column(projects, "importo_totale");
    if (total < 0)
        return figures;
    int64_t amount = row->values[total].number;
    figures.financed_defined = share(projects, row, "importo_finanziato", amount,
                                     &figures.financed_share);
    figures.cofinancing_defined = share(projects, row, "cofinanziamento_azienda", amount,
                                        &figures.cofinancing_share);
    return figures;
}
