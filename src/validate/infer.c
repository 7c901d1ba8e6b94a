#include "validate/infer.h"

#include <string.h>

#include "core/codes.h"
#include "core/number.h"
#include "validate/cells.h"
#include "validate/dataset.h"
#include "validate/labels.h"
#include "validate/schema.h"

static bool all_parse(const rel_csv_table *table, uint32_t column, rel_num_spec spec)
{
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_cell *cell = &table->rows[r].cells[column];
        int64_t value;
        rel_num_error error;
        if (cell->len > 0 && !rel_number_parse(cell->text, cell->len, &spec, &value, &error))
            return false;
    }
    return true;
}

static bool any_contains(const rel_csv_table *table, uint32_t column, const char *needle)
{
    for (size_t r = 0; r < table->row_count; r++)
        if (strstr(table->rows[r].cells[column].text, needle))
            return true;
    return false;
}

static bool all_dates(const rel_csv_table *table, uint32_t column)
{
    bool any = false;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_cell *cell = &table->rows[r].cells[column];
        rel_date date;
        rel_date_error error;
        if (cell->len > 0 && !rel_date_parse(cell->text, cell->len, REL_DATE_ALLOW_MONTH, &date,
                                             &error))
            return false;
        any = any || cell->len > 0;
    }
    return any;
}

static bool all_empty(const rel_csv_table *table, uint32_t column)
{
    for (size_t r = 0; r < table->row_count; r++)
        if (table->rows[r].cells[column].len > 0)
            return false;
    return true;
}

static rel_type infer_type(const rel_csv_table *table, uint32_t column)
{
    if (all_empty(table, column))
        return REL_TYPE_TEXT;
    if (all_parse(table, column, (rel_num_spec){0, 0}))
        return REL_TYPE_COUNT;
    if (any_contains(table, column, "%") && all_parse(table, column, (rel_num_spec){2, REL_NUM_PERCENT}))
        return REL_TYPE_PERCENT;
    if (any_contains(table, column, "€")
        && all_parse(table, column, (rel_num_spec){2, REL_NUM_CURRENCY | REL_NUM_DASH_ZERO}))
        return REL_TYPE_MONEY;
    if (all_parse(table, column, (rel_num_spec){rel_type_scale(REL_TYPE_DECIMAL), 0}))
        return REL_TYPE_DECIMAL;
    if (all_dates(table, column))
        return REL_TYPE_DATE;
    return REL_TYPE_TEXT;
}

static bool type_rows(const rel_csv_table *table, rel_arena *arena, rel_diags *diags,
                      rel_dataset *d)
{
    int label = -1;
    for (size_t c = 0; c < d->column_count && label < 0; c++)
        if (d->columns[c].type == REL_TYPE_TEXT)
            label = (int)c;
    if (label >= 0)
        d->columns[label].is_label = d->columns[label].is_key = true;
    d->rows = rel_arena_array(arena, table->row_count ? table->row_count : 1, sizeof *d->rows);
    if (d->rows == NULL)
        return false;
    for (size_t r = 0; r < table->row_count; r++) {
        rel_row *row = &d->rows[r];
        row->line = table->rows[r].line;
        row->values = rel_arena_array(arena, d->column_count ? d->column_count : 1,
                                      sizeof *row->values);
        if (row->values == NULL)
            return false;
        for (size_t c = 0; c < d->column_count; c++) {
            rel_cell_rule rule = {d->columns[c].label, d->columns[c].type, REL_COL_MONTH, NULL, 0};
            rel_cell_value(&table->rows[r].cells[c], d->path, &rule, diags, &row->values[c]);
        }
        row->kind = label >= 0 && rel_is_total_label(row->values[label].text) ? REL_ROW_TOTAL
                                                                              : REL_ROW_ITEM;
        d->row_count++;
    }
    return true;
}

/* "tutela_minori" => "Tutela minori": the file name as a caption. */
static const char *title_of(rel_arena *arena, const char *name)
{
    char *title = rel_arena_strdup(arena, name);
    if (title == NULL)
        return name;
    for (char *p = title; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (title[0] >= 'a' && title[0] <= 'z')
        title[0] = (char)(title[0] - 'a' + 'A');
    return title;
}

bool rel_dataset_infer(const rel_csv_table *table, const char *name, rel_arena *arena,
                       rel_diags *diags, rel_dataset *dataset)
{
    *dataset = (rel_dataset){.name = name, .path = table->path, .title = title_of(arena, name),
                             .generic = true};
    uint32_t count = table->header.count;
    dataset->columns = rel_arena_array(arena, count ? count : 1, sizeof *dataset->columns);
    if (dataset->columns == NULL)
        return false;
    for (uint32_t c = 0; c < count; c++) {
        const rel_cell *label = &table->header.cells[c];
        char normalized[128];
        rel_label_normalize(label->text, normalized, sizeof normalized);
        int year = rel_label_year(label->text);
        dataset->columns[c] = (rel_column){
            .name = year ? rel_arena_printf(arena, "%d", year) : rel_arena_strdup(arena, normalized),
            .label = label->text, .type = infer_type(table, c), .year = year,
            .at = {table->path, label->line, label->col},
        };
        if (dataset->columns[c].name == NULL)
            return false;
    }
    dataset->column_count = count;
    return type_rows(table, arena, diags, dataset) && rel_dataset_finish(dataset, arena);
}
