#include "validate/columns.h"

#include <strings.h>

#include "core/codes.h"
#include "core/suggest.h"

static bool is_expected(const char *label, const rel_column_spec *specs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(label, specs[i].label) == 0)
            return true;
    return false;
}

static void report_missing(const rel_csv_table *table, const rel_column_spec *spec,
                           rel_diags *diags)
{
    const char *labels[256];
    size_t n = 0;
    for (uint32_t i = 0; i < table->header.count && n < 256; i++)
        labels[n++] = table->header.cells[i].text;
    const char *hint = rel_suggest(spec->label, labels, n);
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_COL_MISSING, (rel_origin){table->path, 1, 0},
                 "manca la colonna obbligatoria «%s»%s%s%s", spec->label,
                 hint ? " (c'è «" : "", hint ? hint : "", hint ? "»: è un refuso?)" : "");
}

bool rel_columns_bind(const rel_csv_table *table, const rel_column_spec *specs, size_t count,
                      rel_diags *diags, int *index)
{
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        index[i] = rel_csv_column(table, specs[i].label);
        if (index[i] < 0 && specs[i].required) {
            report_missing(table, &specs[i], diags);
            ok = false;
        }
    }
    for (uint32_t i = 0; i < table->header.count; i++) {
        const rel_cell *label = &table->header.cells[i];
        if (!is_expected(label->text, specs, count))
            rel_diag_add(diags, REL_SEV_WARNING, REL_W_COL_UNKNOWN,
                         (rel_origin){table->path, label->line, label->col},
                         "colonna «%s» non prevista: viene ignorata", label->text);
    }
    return ok;
}
