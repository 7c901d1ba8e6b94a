#include "validate/infer.h"

#include <ctype.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"
#include "validate/cells.h"
#include "validate/changes.h"
#include "validate/compound.h"
#include "validate/dataset.h"
#include "validate/header_rows.h"
#include "validate/labels.h"
#include "validate/marks.h"
#include "validate/schema.h"
#include "validate/sidecar.h"

/* What the cells of one column are, counted once. */
typedef struct census {
    size_t values;      /* cells with something other than a mark of "not available" */
    size_t numbers;     /* of which parse as a number (€ and % allowed) */
    size_t mistyped;    /* of which look like a number with a typo ("3O", "1.234.56") */
    size_t dates;       /* of which parse as a date or a month */
    bool percent;       /* a "%" in some number */
    bool euro;          /* a "€" in some number */
    bool fraction;      /* a decimal comma in some number */
    bool leading_zero;  /* "0123": a code, never a number */
} census;

static bool is_code_label(const char *label)
{
    static const char *const words[] = {"codice", "cod", "cod.", "istat", "cig", "cup", "cap",
                                        "cf", "c.f.", "partita_iva", "p.iva", "piva",
                                        "matricola", "telefono", "tel", "tel.", "iban", NULL};
    char text[128];
    rel_label_normalize(label, text, sizeof text);
    char *state = NULL;
    for (char *word = strtok_r(text, "_", &state); word; word = strtok_r(NULL, "_", &state))
        for (size_t i = 0; words[i]; i++)
            if (strcmp(word, words[i]) == 0)
                return true;
    return false;
}

static bool leading_zero(const char *text)
{
    return text[0] == '0' && isdigit((unsigned char)text[1]);
}

static void count_cell(const rel_cell *cell, census *c)
{
    if (cell->len == 0 || rel_mark_missing(cell->text) || rel_mark_excel_error(cell->text))
        return;
    c->values++;
    c->leading_zero = c->leading_zero || leading_zero(cell->text);
    const char *mark;
    size_t len = rel_mark_footnote(cell->text, cell->len, &mark);
    rel_num_spec any = {rel_type_scale(REL_TYPE_DECIMAL), REL_NUM_CURRENCY | REL_NUM_PERCENT
                                                          | REL_NUM_DASH_ZERO};
    int64_t value;
    rel_num_error error;
    if (rel_number_parse(cell->text, len, &any, &value, &error)) {
        c->numbers++;
        c->percent = c->percent || memchr(cell->text, '%', len) != NULL;
        c->euro = c->euro || strstr(cell->text, "€") != NULL;
        c->fraction = c->fraction || memchr(cell->text, ',', len) != NULL;
        return;
    }
    rel_date date;
    rel_date_error date_error;
    if (rel_date_parse(cell->text, cell->len, REL_DATE_ALLOW_MONTH, &date, &date_error))
        c->dates++;
    else if (!rel_mark_words(cell->text) && strpbrk(cell->text, "0123456789"))
        c->mistyped++;
}

/* The column's type: numbers when two cells in three are numbers or
 * numbers mistyped (the others are then diagnostics at their cells: an
 * error for a typo, a warning for words; never a silent retyping of the
 * whole column), dates when all are dates, else text. */
static rel_type infer_type(const rel_csv_table *table, uint32_t column)
{
    census c = {0};
    for (size_t r = 0; r < table->row_count; r++)
        count_cell(&table->rows[r].cells[column], &c);
    if (is_code_label(table->header.cells[column].text) || c.leading_zero || c.values == 0)
        return REL_TYPE_TEXT;
    if (c.numbers > 0 && (c.numbers + c.mistyped) * 3 >= c.values * 2) {
        if (c.percent && c.euro)
            return REL_TYPE_DECIMAL;   /* mixed units in one column, as indicator tables */
        if (c.percent)
            return REL_TYPE_PERCENT;
        if (c.euro)
            return REL_TYPE_MONEY;
        return c.fraction ? REL_TYPE_DECIMAL : REL_TYPE_COUNT;
    }
    if (c.dates == c.values)
        return REL_TYPE_DATE;
    return REL_TYPE_TEXT;
}

/* The type a sidecar's unit gives, or the inferred one. */
static rel_type unit_type(rel_sidecar_unit unit, rel_type inferred)
{
    switch (unit) {
    case REL_UNIT_COUNT:
        return REL_TYPE_COUNT;
    case REL_UNIT_HOURS:
        return inferred == REL_TYPE_DECIMAL ? REL_TYPE_DECIMAL : REL_TYPE_COUNT;
    case REL_UNIT_EURO:
        return REL_TYPE_MONEY;
    case REL_UNIT_RATE:
        return REL_TYPE_PERCENT;
    case REL_UNIT_DECIMAL:
        return REL_TYPE_DECIMAL;
    case REL_UNIT_TEXT:
        return REL_TYPE_TEXT;
    case REL_UNIT_DATE:
        return REL_TYPE_DATE;
    case REL_UNIT_AS_WRITTEN:
        break;
    }
    return inferred;
}

/* Years as rows (seed 001: 2020, 2021, 2022, Andamento): the first
 * column's cells are years, but for changes and totals. */
static bool years_in_rows(const rel_csv_table *table)
{
    size_t years = 0;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_cell *cell = &table->rows[r].cells[0];
        int later, earlier;
        if (cell->len == 0 || rel_is_total_label(cell->text)
            || rel_label_change(cell->text, &later, &earlier))
            continue;
        if (cell->len != 4 || !rel_label_year(cell->text))
            return false;
        years++;
    }
    return years >= 2;
}

static bool is_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* Words in a column of figures ("in continuità", "Partner senza
 * portafoglio") are kept as written and said, never counted. */
static void report_words(const rel_dataset *d, const rel_row *row, rel_diags *diags)
{
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_value *v = &row->values[c];
        if (v->is_text && is_numeric(d->columns[c].type))
            rel_diag_add(diags, REL_SEV_WARNING, REL_W_VALUE_WORDS, v->at,
                         "«%s» nella colonna «%s», che contiene %s: è stampato com'è e non "
                         "entra nei totali", v->text, d->columns[c].label,
                         rel_type_name(d->columns[c].type));
    }
}

/* A row that names a group and has no figure, as printed tables open one. */
static bool is_heading(const rel_dataset *d, const rel_row *row, const rel_cell *cells, int label)
{
    bool numbers = false;
    for (size_t c = 0; c < d->column_count; c++) {
        if (!is_numeric(d->columns[c].type))
            continue;
        numbers = true;
        if (cells[c].len > 0)
            return false;
    }
    return numbers && label >= 0 && row->values[label].text[0];
}

static bool declared_total(const rel_sidecar *sidecar, const char *label)
{
    for (size_t i = 0; i < sidecar->total_count; i++)
        if (rel_same_label(label, sidecar->totals[i]))
            return true;
    return false;
}

static rel_row_kind row_kind(const rel_dataset *d, const rel_row *row, const rel_cell *cells,
                             int label, const rel_sidecar *sidecar)
{
    int later, earlier;
    if (label >= 0 && declared_total(sidecar, row->values[label].text))
        return REL_ROW_TOTAL;
    if (d->years_as_rows && label >= 0 && rel_label_change(row->values[label].text, &later,
                                                           &earlier))
        return REL_ROW_CHANGE;
    if ((label >= 0 && rel_is_total_label(row->values[label].text))
        || (d->column_count > 0 && d->columns[0].type == REL_TYPE_TEXT
            && rel_is_total_label(row->values[0].text)))
        return REL_ROW_TOTAL;
    return is_heading(d, row, cells, label) ? REL_ROW_HEADING : REL_ROW_ITEM;
}

/* A row the sidecar calls a total that the table does not have: said, so
 * that a misspelt label never silently leaves a total unchecked. */
static void report_absent_totals(const rel_dataset *d, const rel_sidecar *sidecar, int label,
                                 rel_diags *diags)
{
    for (size_t i = 0; i < sidecar->total_count; i++) {
        bool found = false;
        for (size_t r = 0; r < d->row_count && !found && label >= 0; r++)
            found = rel_same_label(d->rows[r].values[label].text, sidecar->totals[i]);
        if (!found)
            rel_diag_add(diags, REL_SEV_WARNING, REL_W_SIDECAR_TOTAL,
                         (rel_origin){sidecar->meta.path, 0, 0},
                         "la riga di totale «%s» indicata in «totali» non c'è in %s",
                         sidecar->totals[i], d->path);
    }
}

/* "andamento = sì": the Andamento row the compiler computes (the last
 * year row minus the one before), unless the table types one. The rows
 * were allocated with room for it. false when out of memory. */
static bool add_change_row(rel_dataset *d, const rel_sidecar *sidecar, int label,
                           rel_arena *arena, rel_diags *diags)
{
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_CHANGE)
            return true;   /* typed: checked against its years instead */
    if (!d->years_as_rows || label < 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_SIDECAR_VALUE, sidecar->change_row_at,
                     "«andamento = sì» vale per le tabelle con gli anni nelle righe: questa "
                     "li ha nelle colonne");
        return true;
    }
    rel_row *row = &d->rows[d->row_count];
    *row = (rel_row){.kind = REL_ROW_CHANGE, .computed = true,
                     .values = rel_arena_array(arena, d->column_count + 1, sizeof *row->values)};
    if (row->values == NULL)
        return false;
    for (size_t c = 0; c < d->column_count; c++)
        row->values[c] = (rel_value){.at = sidecar->change_row_at, .text = ""};
    row->values[label].text = "Andamento";
    row->values[label].present = true;
    d->row_count++;
    size_t later, earlier;
    if (!rel_change_rows(d, d->row_count - 1, &later, &earlier)) {
        d->row_count--;
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_SIDECAR_VALUE, sidecar->change_row_at,
                     "«andamento = sì»: la tabella non ha due righe di anni da confrontare");
        return true;
    }
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_value *a = &d->rows[later].values[c], *b = &d->rows[earlier].values[c];
        if (!is_numeric(d->columns[c].type) || !a->present || !b->present)
            continue;
        rel_value *v = &row->values[c];
        v->present = true;
        v->number = a->number - b->number;
        char buffer[REL_NUMBER_FORMAT_MAX];
        int scale = rel_type_scale(d->columns[c].type);
        v->text = rel_arena_strdup(arena, rel_number_format(v->number, scale,
                                                            d->columns[c].decimals, REL_FMT_PLUS,
                                                            buffer));
        if (v->text == NULL)
            return false;
    }
    return true;
}

static bool type_rows(const rel_csv_table *table, const rel_sidecar *sidecar, rel_arena *arena,
                      rel_diags *diags, rel_dataset *d)
{
    int label = sidecar->key;
    for (size_t c = 0; c < d->column_count && label < 0; c++)
        if (d->columns[c].type == REL_TYPE_TEXT)
            label = (int)c;
    if (label >= 0)
        d->columns[label].is_label = d->columns[label].is_key = true;
    d->rows = rel_arena_array(arena, table->row_count + 2, sizeof *d->rows);
    if (d->rows == NULL)
        return false;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_csv_row *source = &table->rows[r];
        if (rel_header_repeated(table, source, diags))
            continue;
        rel_row *row = &d->rows[d->row_count];
        row->line = source->line;
        row->values = rel_arena_array(arena, d->column_count ? d->column_count : 1,
                                      sizeof *row->values);
        if (row->values == NULL)
            return false;
        for (size_t c = 0; c < d->column_count; c++) {
            rel_type type = d->columns[c].type;
            unsigned flags = REL_COL_MONTH | (is_numeric(type) ? REL_COL_WORDS_AMOUNT : 0)
                             | (type == REL_TYPE_DATE ? REL_COL_WORDS : 0);
            rel_cell_rule rule = {d->columns[c].label, type, flags, NULL, 0};
            rel_cell_value(&source->cells[c], d->path, &rule, diags, &row->values[c]);
        }
        row->kind = row_kind(d, row, source->cells, label, sidecar);
        report_words(d, row, diags);
        d->row_count++;
    }
    if (sidecar->last_row_total && d->row_count > 0)
        d->rows[d->row_count - 1].kind = REL_ROW_TOTAL;
    if (sidecar->change_row && !add_change_row(d, sidecar, label, arena, diags))
        return false;
    report_absent_totals(d, sidecar, label, diags);
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

/* The columns of `table` typed, by the sidecar where it says so. */
static bool type_columns(const rel_csv_table *table, const rel_sidecar *sidecar, rel_arena *arena,
                         rel_dataset *dataset)
{
    uint32_t count = table->header.count;
    dataset->columns = rel_arena_array(arena, count ? count : 1, sizeof *dataset->columns);
    if (dataset->columns == NULL)
        return false;
    dataset->years_as_rows = sidecar->years == 2 || (sidecar->years == 0 && years_in_rows(table));
    for (uint32_t c = 0; c < count; c++) {
        const rel_cell *label = &table->header.cells[c];
        const rel_sidecar_column *settings = rel_sidecar_column_of(sidecar, c);
        char normalized[128];
        rel_label_normalize(label->text, normalized, sizeof normalized);
        int year = rel_label_year(label->text);
        rel_type type = infer_type(table, c);
        if (c == 0 && dataset->years_as_rows)
            type = REL_TYPE_TEXT;
        if (settings)
            type = unit_type(settings->unit, type);
        dataset->columns[c] = (rel_column){
            .name = year ? rel_arena_printf(arena, "%d", year) : rel_arena_strdup(arena, normalized),
            .label = label->text, .type = type, .year = year,
            .is_group = (int)c == sidecar->group, .is_key = (int)c == sidecar->group,
            .not_summed = settings && settings->not_summed,
            .rounded = settings && settings->unit == REL_UNIT_HOURS,
            .at = {table->path, label->line, label->col},
        };
        if (dataset->columns[c].name == NULL)
            return false;
    }
    dataset->column_count = count;
    return true;
}

bool rel_dataset_infer_with(const rel_csv_table *source, const char *name,
                            const rel_sidecar *sidecar, rel_arena *arena, rel_diags *diags,
                            rel_dataset *dataset)
{
    rel_sidecar none;
    if (sidecar == NULL) {
        rel_sidecar_default(&none);
        sidecar = &none;
    }
    *dataset = (rel_dataset){.name = name, .path = source->path, .generic = true,
                             .title = sidecar->title ? sidecar->title : title_of(arena, name),
                             .rounding = sidecar->rounding};
    if (sidecar->meta.path != NULL) {
        rel_table_meta *meta = rel_arena_array(arena, 1, sizeof *meta);
        if (meta == NULL)
            return false;
        *meta = sidecar->meta;
        dataset->meta = meta;
    }
    const rel_csv_table *table = rel_compound_split(source, arena);
    return table && type_columns(table, sidecar, arena, dataset)
           && type_rows(table, sidecar, arena, diags, dataset)
           && rel_dataset_finish(dataset, arena, diags);
}

bool rel_dataset_infer(const rel_csv_table *table, const char *name, rel_arena *arena,
                       rel_diags *diags, rel_dataset *dataset)
{
    return rel_dataset_infer_with(table, name, NULL, arena, diags, dataset);
}
