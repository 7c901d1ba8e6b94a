/* {% grafico NOME tipo=... %}: a chart of a dataset's figures. */
#include <string.h>

#include "core/codes.h"
#include "template/cells_text.h"
#include "template/tables.h"
#include "validate/labels.h"
#include "validate/schema.h"

static const struct {
    const char *word;
    rel_chart_kind kind;
} kinds[] = {
    {"barre", REL_CHART_BAR},   {"gruppi", REL_CHART_GROUPED}, {"pile", REL_CHART_STACKED},
    {"linee", REL_CHART_LINE},  {"torta", REL_CHART_PIE},      {"ciambella", REL_CHART_DONUT},
};

static double as_double(const rel_value *value, rel_type type)
{
    double unit = 1.0;
    for (int i = 0; i < rel_type_scale(type); i++)
        unit *= 10.0;
    return value->present ? (double)value->number / unit : 0.0;
}

/* The line's name: the label column, else the first text column. */
static const char *row_name(const rel_dataset *d, const rel_row *row)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].is_label)
            return row->values[c].text;
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].type == REL_TYPE_TEXT)
            return row->values[c].text;
    return "";
}

/* Series: `colonne=a,b` if given; else the years N-1 and N for grouped
 * bars, N alone for the others; a line chart runs over every year column
 * with one series per line of the table. */
static size_t chart_columns(engine *e, const tpl_node *node, const rel_dataset *d,
                            rel_chart_kind kind, int *columns, size_t max)
{
    const char *wanted = rel_engine_option(e, node, "colonne");
    int year = e->ctx->model->entity.year;
    size_t count = 0;
    if (wanted != NULL) {
        for (const char *name = wanted; *name && count < max;) {
            size_t len = strcspn(name, ",");
            char one[64];
            snprintf(one, sizeof one, "%.*s", (int)len, name);
            int column = rel_dataset_column(d, one);
            if (column < 0) {
                rel_engine_error(e, REL_T_NAME, node->at, "la tabella «%s» non ha la colonna "
                                 "«%s»", d->name, one);
                return 0;
            }
            columns[count++] = column;
            name += len + (name[len] == ',');
        }
        return count;
    }
    if (d->years_as_rows) {
        /* years are the categories; each figure column (no totals, no changes) a series */
        for (size_t c = 0; c < d->column_count && count < max; c++) {
            const rel_column *column = &d->columns[c];
            if ((column->type == REL_TYPE_COUNT || column->type == REL_TYPE_MONEY
                 || column->type == REL_TYPE_DECIMAL || column->type == REL_TYPE_PERCENT)
                && column->change_later < 0 && !rel_is_total_label(column->label))
                columns[count++] = (int)c;
        }
        return count;
    }
    if (kind == REL_CHART_LINE || kind == REL_CHART_STACKED) {
        for (size_t c = 0; c < d->column_count && count < max; c++)
            if (d->columns[c].year > 0 || (kind == REL_CHART_STACKED
                                           && d->columns[c].type == REL_TYPE_COUNT))
                columns[count++] = (int)c;
        return count;
    }
    if (kind == REL_CHART_GROUPED && rel_dataset_year_column(d, year - 1) >= 0)
        columns[count++] = rel_dataset_year_column(d, year - 1);
    if (rel_dataset_year_column(d, year) >= 0)
        columns[count++] = rel_dataset_year_column(d, year);
    return count;
}

static size_t item_rows(const rel_dataset *d)
{
    size_t count = 0;
    for (size_t r = 0; r < d->row_count; r++)
        count += d->rows[r].kind == REL_ROW_ITEM;
    return count;
}

/* Categories are the lines and series the columns; for a line chart over
 * years the other way round. */
static bool fill_chart(engine *e, const rel_dataset *d, const int *columns, size_t count,
                       rel_doc_chart *chart)
{
    bool by_year = chart->kind == REL_CHART_LINE && !d->years_as_rows;
    size_t lines = item_rows(d);
    chart->category_count = by_year ? count : lines;
    chart->series_count = by_year ? lines : count;
    chart->categories = rel_arena_array(e->arena, chart->category_count + 1, sizeof(char *));
    rel_chart_series *series = rel_arena_array(e->arena, chart->series_count + 1, sizeof *series);
    if (!chart->categories || !series)
        return false;
    for (size_t s = 0; s < chart->series_count; s++) {
        double *values = rel_arena_array(e->arena, chart->category_count + 1, sizeof *values);
        if (values == NULL)
            return false;
        series[s].values = values;
        /* Column series are named as the table's header names them. */
        if (!by_year)
            series[s].name = rel_label_heading(e->arena, d->columns[columns[s]].label);
    }
    size_t line = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        for (size_t k = 0; k < count; k++) {
            double value = as_double(&row->values[columns[k]], d->columns[columns[k]].type);
            size_t s = by_year ? line : k, c = by_year ? k : line;
            ((double *)series[s].values)[c] = value;
            chart->categories[c] = by_year ? d->columns[columns[k]].label : row_name(d, row);
            if (by_year)
                series[s].name = row_name(d, row);
        }
        line++;
    }
    chart->series = series;
    chart->money = d->columns[columns[0]].type == REL_TYPE_MONEY;
    chart->percent = d->columns[columns[0]].type == REL_TYPE_PERCENT;
    return true;
}

/* per=COLONNA: categories are the distinct values of a text column, each
 * series the sum of a numeric column over the lines with that value (e.g.
 * preventivo and consuntivo of the schedules per area). */
static bool fill_grouped(engine *e, const rel_dataset *d, int by, const int *columns,
                         size_t count, rel_doc_chart *chart)
{
    const char **names = rel_arena_array(e->arena, d->row_count + 1, sizeof *names);
    rel_chart_series *series = rel_arena_array(e->arena, count + 1, sizeof *series);
    double **values = rel_arena_array(e->arena, count + 1, sizeof *values);
    if (!names || !series || !values)
        return false;
    for (size_t k = 0; k < count; k++) {
        values[k] = rel_arena_array(e->arena, d->row_count + 1, sizeof **values);
        if (values[k] == NULL)
            return false;
        series[k] = (rel_chart_series){rel_label_heading(e->arena, d->columns[columns[k]].label),
                                       values[k]};
    }
    size_t groups = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *row = &d->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        size_t g = 0;
        while (g < groups && strcmp(names[g], rel_row_text(row, by)) != 0)
            g++;
        if (g == groups)
            names[groups++] = rel_row_text(row, by);
        for (size_t k = 0; k < count; k++)
            values[k][g] += as_double(&row->values[columns[k]], d->columns[columns[k]].type);
    }
    chart->categories = names;
    chart->category_count = groups;
    chart->series = series;
    chart->series_count = count;
    chart->money = d->columns[columns[0]].type == REL_TYPE_MONEY;
    return true;
}

void rel_engine_chart(engine *e, const tpl_node *node)
{
    const tpl_arg *written = rel_tpl_arg(node, NULL, 0);
    /* {% per t in tabelle %}{% grafico t %}: the name may be a loop variable */
    tpl_arg resolved;
    const tpl_arg *name = written;
    if (written != NULL && rel_engine_var(e, written->value) != NULL) {
        resolved = *written;
        resolved.value = rel_engine_var(e, written->value);
        name = &resolved;
    }
    const char *type = rel_engine_option(e, node, "tipo");
    const rel_dataset *d = name ? rel_model_dataset(e->ctx->model, name->value) : NULL;
    if (name == NULL || d == NULL) {
        if (name == NULL || rel_schema_find(name->value) == NULL)
            rel_engine_error(e, REL_T_TABLE, node->at, "grafico di una tabella sconosciuta «%s»",
                             name ? name->value : "");
        return;
    }
    if (d->generic && (type = rel_engine_table_chart(d, type)) == NULL)
        return;   /* "grafico = nessuno" in the table's sidecar */
    if (e->narrating == 0 && rel_engine_narrated(e, d))
        return;   /* a narrative printed the table where it belongs */
    rel_doc_chart *chart = rel_arena_alloc(e->arena, sizeof *chart);
    if (chart == NULL) {
        rel_engine_oom(e, node->at);
        return;
    }
    chart->kind = REL_CHART_BAR;
    bool known = type == NULL;
    for (size_t i = 0; type && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(type, kinds[i].word) == 0) {
            chart->kind = kinds[i].kind;
            known = true;
        }
    if (!known) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "tipo di grafico sconosciuto «%s»: barre, "
                         "gruppi, pile, linee, torta o ciambella", type);
        return;
    }
    int columns[32];
    size_t count = chart_columns(e, node, d, chart->kind, columns, 32);
    const char *caption = rel_engine_option(e, node, "titolo");
    chart->caption = caption ? caption : d->title;
    chart->decimals = 0;
    if (count == 0 || item_rows(d) == 0)
        return;
    const char *by = rel_engine_option(e, node, "per");
    int by_column = by ? rel_dataset_column(d, by) : -1;
    if (by != NULL && by_column < 0) {
        rel_engine_error(e, REL_T_NAME, node->at, "la tabella «%s» non ha la colonna «%s»",
                         d->name, by);
        return;
    }
    bool filled = by_column >= 0 ? fill_grouped(e, d, by_column, columns, count, chart)
                                 : fill_chart(e, d, columns, count, chart);
    rel_engine_emitted(e, filled && rel_doc_chart_add(e->doc, chart), node->at);
}
