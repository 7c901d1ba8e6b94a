#include "validate/dataset.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "validate/cells.h"
#include "validate/changes.h"
#include "validate/header_rows.h"
#include "validate/labels.h"
#include "validate/spans.h"
#include "validate/staff.h"

/* Where each dataset column comes from in the CSV, and how it is typed. */
typedef struct binding {
    uint32_t source;                  /* header position */
    const rel_column_schema *schema;  /* NULL for a year column */
} binding;

typedef struct validation {
    const rel_csv_table *table;
    const rel_schema *schema;
    const rel_levels *levels;         /* group columns beyond the schema's, or NULL */
    int year;
    rel_arena *arena;
    rel_diags *diags;
    rel_dataset *dataset;
    binding *bindings;                /* one per dataset column */
    bool ok;
} validation;

static const rel_column_schema *schema_column(const rel_schema *schema, const char *label)
{
    char normalized[128];
    rel_label_normalize(label, normalized, sizeof normalized);
    for (size_t i = 0; i < schema->column_count; i++)
        if (strcmp(schema->columns[i].name, normalized) == 0)
            return &schema->columns[i];
    return NULL;
}

static void error(validation *v, const char *code, rel_origin at, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void error(validation *v, const char *code, rel_origin at, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_diag_vadd(v->diags, REL_SEV_ERROR, code, at, format, args);
    va_end(args);
    v->ok = false;
}

/* Adds one dataset column for header cell `source`. */
static void add_column(validation *v, uint32_t source, const rel_column_schema *column, int year)
{
    const rel_cell *label = &v->table->header.cells[source];
    rel_dataset *d = v->dataset;
    const char *name = column ? column->name : rel_arena_printf(v->arena, "%d", year);
    rel_origin at = {v->table->path, label->line, label->col};
    for (size_t i = 0; i < d->column_count; i++)
        if (strcmp(d->columns[i].name, name ? name : "") == 0) {
            error(v, REL_E_COL_DUPLICATE, at, "la colonna «%s» compare due volte (anche «%s»)",
                  label->text, d->columns[i].label);
            return;
        }
    d->columns[d->column_count] = (rel_column){
        .name = name, .label = label->text,
        .type = column ? column->type : v->schema->year_type, .year = year,
        .is_key = column && (column->flags & REL_COL_KEY),
        .is_label = column && (column->flags & REL_COL_LABEL),
        .is_group = column && (column->flags & REL_COL_GROUP),
        .not_summed = column && (column->flags & REL_COL_NOT_SUMMED),
        .at = at,
    };
    v->bindings[d->column_count++] = (binding){source, column};
}

/* A typed change beside the year columns ("Variazione", "Var. %",
 * "2024/2023"): kept as a column of the year columns' type, so that it is
 * printed and checked (R015), never ignored. */
static void add_change_column(validation *v, uint32_t source)
{
    const rel_cell *label = &v->table->header.cells[source];
    char name[128];
    rel_label_normalize(label->text, name, sizeof name);
    rel_dataset *d = v->dataset;
    d->columns[d->column_count] = (rel_column){
        .name = rel_arena_strdup(v->arena, name), .label = label->text,
        .type = strchr(label->text, '%') ? REL_TYPE_PERCENT : v->schema->year_type,
        .at = {v->table->path, label->line, label->col},
    };
    v->bindings[d->column_count++] = (binding){source, NULL};
}

static bool is_level(const validation *v, const char *label)
{
    for (size_t i = 0; v->levels && i < v->levels->count; i++)
        if (rel_same_label(label, v->levels->names[i]))
            return true;
    return false;
}

/* A level of the schedules the user named (metadati.ini, schede.livelli)
 * beyond area and azione: a text column that groups, as they do. */
static void add_level_column(validation *v, uint32_t source)
{
    const rel_cell *label = &v->table->header.cells[source];
    char name[128];
    rel_label_normalize(label->text, name, sizeof name);
    rel_dataset *d = v->dataset;
    for (size_t i = 0; i < d->column_count; i++)
        if (strcmp(d->columns[i].name, name) == 0) {
            error(v, REL_E_COL_DUPLICATE, (rel_origin){v->table->path, label->line, label->col},
                  "la colonna «%s» compare due volte", label->text);
            return;
        }
    static const rel_column_schema level = {"", REL_TYPE_TEXT, REL_COL_KEY | REL_COL_GROUP, "",
                                            NULL};
    d->columns[d->column_count] = (rel_column){
        .name = rel_arena_strdup(v->arena, name), .label = label->text, .type = REL_TYPE_TEXT,
        .is_key = true, .is_group = true, .at = {v->table->path, label->line, label->col},
    };
    v->bindings[d->column_count++] = (binding){source, &level};
}

/* Every level named in metadati.ini is a column of the file. */
static void check_levels(validation *v)
{
    for (size_t i = 0; v->levels && i < v->levels->count; i++) {
        char name[128];
        rel_label_normalize(v->levels->names[i], name, sizeof name);
        if (rel_dataset_column(v->dataset, name) < 0)
            error(v, REL_E_COL_MISSING, (rel_origin){v->table->path, 1, 0},
                  "manca la colonna «%s», un livello delle schede indicato in metadati.ini "
                  "(schede.livelli)", v->levels->names[i]);
    }
}

static void check_years(validation *v)
{
    const rel_dataset *d = v->dataset;
    if (v->year == 0)
        return;   /* the metadata has no valid year: already an error there */
    for (int back = 0; back < v->schema->years_required; back++) {
        int wanted = v->year - back;
        if (rel_dataset_year_column(d, wanted) < 0) {
            error(v, REL_E_COL_YEAR_MISSING, (rel_origin){v->table->path, 1, 0},
                  "manca la colonna dell'anno %d%s", wanted,
                  back ? " (l'esercizio precedente, per il confronto; se l'ente è al primo "
                         "esercizio, scrivere primo_esercizio = sì in [esercizio] di metadati.ini)"
                       : " (l'esercizio)");
        }
    }
}

static void report_missing_column(validation *v, const rel_column_schema *column)
{
    const char *labels[256];
    size_t n = 0;
    for (uint32_t i = 0; i < v->table->header.count && n < 256; i++)
        labels[n++] = v->table->header.cells[i].text;
    const char *hint = rel_suggest(column->name, labels, n);
    error(v, REL_E_COL_MISSING, (rel_origin){v->table->path, 1, 0},
          "manca la colonna obbligatoria «%s»%s%s%s", column->name, hint ? " (c'è «" : "",
          hint ? hint : "", hint ? "»: è un refuso?)" : "");
}

static bool bind_header(validation *v)
{
    const rel_csv_row *header = &v->table->header;
    rel_dataset *d = v->dataset;
    d->columns = rel_arena_array(v->arena, header->count + 1, sizeof *d->columns);
    v->bindings = rel_arena_array(v->arena, header->count + 1, sizeof *v->bindings);
    if (d->columns == NULL || v->bindings == NULL)
        return false;
    for (uint32_t i = 0; i < header->count; i++) {
        const rel_cell *label = &header->cells[i];
        const rel_column_schema *column = schema_column(v->schema, label->text);
        int year = column ? 0 : rel_label_year(label->text);
        int later, earlier;
        if (!column && !year && v->schema->years_required > 0
            && rel_label_change(label->text, &later, &earlier)) {
            add_change_column(v, i);
            continue;
        }
        if (!column && is_level(v, label->text)) {
            add_level_column(v, i);
            continue;
        }
        if (column != NULL || (year && v->schema->years_required > 0)) {
            if (v->year > 0 && year > v->year) {
                error(v, REL_E_COL_YEAR_FUTURE,
                      (rel_origin){v->table->path, label->line, label->col},
                      "la colonna «%s» è di un anno successivo all'esercizio %d", label->text,
                      v->year);
                continue;
            }
            add_column(v, i, column, year);
        } else {
            rel_diag_add(v->diags, REL_SEV_WARNING, REL_W_COL_UNKNOWN,
                         (rel_origin){v->table->path, label->line, label->col},
                         "colonna «%s» non prevista in %s: viene ignorata", label->text,
                         v->schema->file);
        }
    }
    for (size_t i = 0; i < v->schema->column_count; i++)
        if ((v->schema->columns[i].flags & REL_COL_REQUIRED)
            && rel_dataset_column(d, v->schema->columns[i].name) < 0)
            report_missing_column(v, &v->schema->columns[i]);
    check_years(v);
    check_levels(v);
    return true;
}

/* A declared total: "TOTALE ..." in the label column or in any key column
 * (Excel users often write it in the first column and leave the rest). */
static bool is_total_row(const validation *v, const rel_row *row)
{
    for (size_t c = 0; c < v->dataset->column_count; c++) {
        const rel_column_schema *column = v->bindings[c].schema;
        if (column && (column->flags & (REL_COL_LABEL | REL_COL_KEY))
            && column->type == REL_TYPE_TEXT && rel_is_total_label(row->values[c].text))
            return true;
    }
    return false;
}

static void check_not_empty(validation *v, const rel_row *row)
{
    for (size_t c = 0; c < v->dataset->column_count; c++) {
        const rel_column_schema *column = v->bindings[c].schema;
        const rel_value *value = &row->values[c];
        if (column && (column->flags & REL_COL_NOT_EMPTY) && !value->present)
            error(v, REL_E_VALUE_REQUIRED, value->at,
                  "la colonna «%s» è vuota; atteso: %s", column->name,
                  rel_type_name(column->type));
    }
}

/* A cell of a REL_COL_CARRIED column left empty under a line holds that
 * line's value, as a merged cell exports (an objective over several
 * indicator lines). The value keeps the place where it was written. */
static void carry_down(validation *v, rel_row *row)
{
    const rel_dataset *d = v->dataset;
    const rel_row *above = NULL;
    for (size_t r = d->row_count; r-- > 0 && above == NULL;)
        if (&d->rows[r] != row && d->rows[r].kind == REL_ROW_ITEM)
            above = &d->rows[r];
    for (size_t c = 0; above && c < d->column_count; c++) {
        const rel_column_schema *column = v->bindings[c].schema;
        if (column && (column->flags & REL_COL_CARRIED) && !row->values[c].present
            && !row->values[c].missing)
            row->values[c] = above->values[c];
    }
}

static bool type_row(validation *v, const rel_csv_row *source, rel_row *row)
{
    rel_dataset *d = v->dataset;
    row->line = source->line;
    row->values = rel_arena_array(v->arena, d->column_count ? d->column_count : 1,
                                  sizeof *row->values);
    if (row->values == NULL)
        return false;
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_column_schema *column = v->bindings[c].schema;
        rel_cell_rule rule = {
            .column = d->columns[c].label, .type = d->columns[c].type,
            .flags = column ? column->flags : 0, .codes = column ? column->codes : NULL,
            .fiscal_year = v->year,
        };
        if (!rel_cell_value(&source->cells[v->bindings[c].source], d->path, &rule, v->diags,
                            &row->values[c]))
            v->ok = false;
    }
    row->kind = is_total_row(v, row) ? REL_ROW_TOTAL : REL_ROW_ITEM;
    if (row->kind == REL_ROW_ITEM) {
        carry_down(v, row);
        check_not_empty(v, row);
    }
    return true;
}

/* A row's key, for finding duplicates by sorting. */
typedef struct key_entry {
    const char *key;
    const rel_row *row;
} key_entry;

static int compare_keys(const void *left, const void *right)
{
    const key_entry *a = left, *b = right;
    int by_key = strcmp(a->key, b->key);
    if (by_key != 0)
        return by_key;
    return a->row->line < b->row->line ? -1 : (a->row->line > b->row->line);
}

/* "area «Area Anziani», voce «Telesoccorso»" for the row's key columns. */
static const char *row_key(validation *v, const rel_row *row, bool for_humans)
{
    const char *key = "";
    for (size_t c = 0; c < v->dataset->column_count && key; c++) {
        const rel_column_schema *column = v->bindings[c].schema;
        if (!column || !(column->flags & REL_COL_KEY))
            continue;
        const char *text = row->values[c].text;
        if (for_humans) {
            key = rel_arena_printf(v->arena, "%s%s%s «%s»", key, key[0] ? ", " : "",
                                   column->name, text);
        } else {
            char normalized[512];
            rel_label_normalize(text, normalized, sizeof normalized);
            key = rel_arena_printf(v->arena, "%s\x1f%s", key, normalized);
        }
    }
    return key;
}

static bool check_keys(validation *v)
{
    const rel_dataset *d = v->dataset;
    key_entry *entries = malloc((d->row_count ? d->row_count : 1) * sizeof *entries);
    if (entries == NULL)
        return false;
    size_t count = 0;
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM)
            entries[count++] = (key_entry){row_key(v, &d->rows[r], false), &d->rows[r]};
    bool ok = true;
    for (size_t i = 0; i < count; i++)
        ok = ok && entries[i].key != NULL;
    if (ok)
        qsort(entries, count, sizeof *entries, compare_keys);
    for (size_t i = 1, first = 0; ok && i < count; i++) {
        if (strcmp(entries[i].key, entries[first].key) != 0) {
            first = i;
            continue;
        }
        error(v, REL_E_KEY_DUPLICATE, (rel_origin){d->path, entries[i].row->line, 0},
              "riga ripetuta: %s compare già alla riga %u", row_key(v, entries[i].row, true),
              (unsigned)entries[first].row->line);
    }
    free(entries);
    return ok;
}

/* A required file must have lines; an optional one without is only said. */
static void report_no_rows(validation *v)
{
    if (v->schema->required)
        error(v, REL_E_CSV_EMPTY, (rel_origin){v->table->path, 0, 0},
              "il file ha l'intestazione ma nessuna riga: %s è obbligatorio", v->schema->file);
    else
        rel_diag_add(v->diags, REL_SEV_WARNING, REL_W_CSV_NO_ROWS,
                     (rel_origin){v->table->path, 0, 0},
                     "il file ha l'intestazione ma nessuna riga: non entra nella relazione");
}

static bool is_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* A whole-number column of a measure that is rounded when printed: hours
 * ("Ore", "n. ore erogate"), euro, kilometres. Counts of people are exact. */
static bool measure_label(const char *label)
{
    static const char *const words[] = {"ore", "ora", "euro", "importo", "importi", "km",
                                        "costo", "spesa", "valore", NULL};
    char text[256];
    rel_label_normalize(label, text, sizeof text);
    char *state = NULL;
    for (char *word = strtok_r(text, "_.:/()", &state); word;
         word = strtok_r(NULL, "_.:/()", &state))
        for (size_t i = 0; words[i]; i++)
            if (strcmp(word, words[i]) == 0)
                return true;
    return false;
}

bool rel_dataset_finish(rel_dataset *dataset, rel_arena *arena, rel_diags *diags)
{
    rel_changes_bind(dataset, diags);
    for (size_t c = 0; c < dataset->column_count; c++) {
        rel_column *column = &dataset->columns[c];
        column->rounded = column->rounded || column->type == REL_TYPE_MONEY || column->type == REL_TYPE_DECIMAL
                          || column->type == REL_TYPE_PERCENT
                          || (column->type == REL_TYPE_COUNT && measure_label(column->label));
        column->decimals = 0;
        for (size_t r = 0; is_numeric(column->type) && r < dataset->row_count; r++) {
            const rel_value *value = &dataset->rows[r].values[c];
            int written = value->present ? rel_written_decimals(value->text) : 0;
            if (written > column->decimals)
                column->decimals = written;
        }
    }
    return rel_spans_compute(dataset, arena);
}

bool rel_dataset_validate(const rel_csv_table *table, const rel_schema *schema, int fiscal_year,
                          rel_arena *arena, rel_diags *diags, rel_dataset *dataset)
{
    return rel_dataset_validate_levels(table, schema, fiscal_year, NULL, arena, diags, dataset);
}

bool rel_dataset_validate_levels(const rel_csv_table *table, const rel_schema *schema,
                                 int fiscal_year, const rel_levels *levels, rel_arena *arena,
                                 rel_diags *diags, rel_dataset *dataset)
{
    *dataset = (rel_dataset){.name = schema->name, .path = table->path, .title = schema->title,
                             .rounding = -1};
    validation v = {table, schema, levels, fiscal_year, arena, diags, dataset, NULL, true};
    bool memory = bind_header(&v);
    if (table->row_count == 0)
        report_no_rows(&v);
    if (memory) {
        dataset->rows = rel_arena_array(arena, table->row_count ? table->row_count : 1,
                                        sizeof *dataset->rows);
        memory = dataset->rows != NULL;
        for (size_t r = 0; memory && r < table->row_count; r++) {
            if (rel_header_repeated(table, &table->rows[r], diags)) {
                v.ok = false;
                continue;
            }
            memory = type_row(&v, &table->rows[r], &dataset->rows[dataset->row_count++]);
        }
        memory = memory && check_keys(&v)
                 && (strcmp(schema->name, "personale") != 0
                     || rel_staff_complete(dataset, arena, diags))
                 && rel_dataset_finish(dataset, arena, diags);
    }
    if (!memory)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){table->path, 0, 0},
                     "memoria esaurita");
    return v.ok && memory;
}

bool rel_levels_parse(const char *text, rel_origin at, rel_arena *arena, rel_diags *diags,
                      rel_levels *levels)
{
    *levels = (rel_levels){{"area", "azione"}, 2};
    if (text == NULL || text[0] == '\0')
        return true;
    levels->count = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, ",;");
        size_t skip = strspn(p, " ");
        size_t end = len;
        while (end > skip && p[end - 1] == ' ')
            end--;
        if (end == skip || levels->count == REL_MAX_LEVELS) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, at,
                         "livelli delle schede non validi «%s»: attesi da 1 a 8 nomi di colonna "
                         "separati da virgole (es. area, servizio, azione)", text);
            return false;
        }
        levels->names[levels->count] = rel_arena_strndup(arena, p + skip, end - skip);
        if (levels->names[levels->count++] == NULL)
            return false;
        p += len + (p[len] != '\0');
    }
    return true;
}
