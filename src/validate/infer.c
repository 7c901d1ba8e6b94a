#include "validate/infer.h"

#include <ctype.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"
#include "validate/cells.h"
#include "validate/dataset.h"
#include "validate/header_rows.h"
#include "validate/labels.h"
#include "validate/marks.h"
#include "validate/schema.h"

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

static rel_row_kind row_kind(const rel_dataset *d, const rel_row *row, const rel_cell *cells,
                             int label)
{
    if ((label >= 0 && rel_is_total_label(row->values[label].text))
        || (d->column_count > 0 && d->columns[0].type == REL_TYPE_TEXT
            && rel_is_total_label(row->values[0].text)))
        return REL_ROW_TOTAL;
    return is_heading(d, row, cells, label) ? REL_ROW_HEADING : REL_ROW_ITEM;
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
        row->kind = row_kind(d, row, source->cells, label);
        report_words(d, row, diags);
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
