/* {% tabella NOME [opzioni] %}: a dataset, or a table the compiler
 * computes, as a document table. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compute/objectives.h"
#include "compute/totals.h"
#include "compute/variance.h"
#include "core/codes.h"
#include "core/number.h"
#include "core/suggest.h"
#include "template/cells_text.h"
#include "template/engine.h"
#include "template/tables.h"
#include "template/units.h"
#include "validate/schema.h"
#include "validate/labels.h"

const char *rel_engine_option(engine *e, const tpl_node *node, const char *key)
{
    const tpl_arg *arg = rel_tpl_arg(node, key, 0);
    if (arg == NULL)
        return NULL;
    const char *var = rel_engine_var(e, arg->value);
    return var ? var : rel_engine_expand(e, arg->value, arg->at);
}

bool rel_engine_flag(const tpl_node *node, const char *word)
{
    for (size_t i = 1;; i++) {
        const tpl_arg *arg = rel_tpl_arg(node, NULL, i);
        if (arg == NULL)
            return false;
        if (strcmp(arg->value, word) == 0)
            return true;
    }
}

const char *rel_money_text(rel_arena *arena, int64_t cents, unsigned extra)
{
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(arena, rel_number_format(cents, 2, 2,
                                                     REL_FMT_EURO | REL_FMT_DASH_ZERO | extra,
                                                     buffer));
}

/* Two decimals, as computed: shown at one, the hundredths would be rounded a
 * second time (4,6497 % is 4,65, then 4,7 where 4,6 is right). */
const char *rel_percent_text(rel_arena *arena, bool defined, int64_t hundredths, unsigned extra)
{
    if (!defined)
        return "n.d.";
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(arena, rel_number_format(hundredths, 2, 2, REL_FMT_PERCENT | extra,
                                                     buffer));
}

const char **rel_engine_cells(engine *e, size_t count)
{
    const char **cells = rel_arena_array(e->arena, count, sizeof *cells);
    for (size_t i = 0; cells && i < count; i++)
        cells[i] = "";
    if (cells == NULL)
        e->ok = false;
    return cells;
}

/* --- the schedules: groups by area and azione, motivazioni as notes ------ */

static const char *schedule_header[] = {"Voce", "Descrizione", "Preventivo", "Consuntivo"};
static const rel_align schedule_align[] = {REL_ALIGN_LEFT, REL_ALIGN_LEFT, REL_ALIGN_RIGHT,
                                           REL_ALIGN_RIGHT};
static const double schedule_widths[] = {4.2, 3.0, 1.9, 1.9};

static bool spanning_row(engine *e, rel_doc_table *table, rel_row_style style, const char *text)
{
    const char **cells = rel_engine_cells(e, 4);
    if (cells == NULL)
        return false;
    cells[0] = text;
    return rel_doc_table_row(e->doc, table, style, cells);
}

static bool schedule_line(engine *e, rel_doc_table *table, const rel_schedule *s,
                          const rel_row *line)
{
    const char **cells = rel_engine_cells(e, 4);
    if (cells == NULL)
        return false;
    cells[0] = rel_row_text(line, s->voce);
    cells[1] = rel_row_text(line, s->descrizione);
    cells[2] = rel_money_text(e->arena, line->values[s->preventivo].number, 0);
    cells[3] = rel_money_text(e->arena, line->values[s->consuntivo].number, 0);
    rel_row_style style = line->kind == REL_ROW_ITEM ? REL_STYLE_NORMAL : REL_STYLE_TOTAL;
    if (!rel_doc_table_row(e->doc, table, style, cells))
        return false;
    const char *words = rel_row_text(line, s->motivazione);
    return !words[0] || spanning_row(e, table, REL_STYLE_NOTE,
                                     rel_arena_printf(e->arena, "Motivazione: %s", words));
}

/* A heading row for every level whose value changes from `previous` to
 * `line` (area, servizio, azione, … from the top; the area is left out
 * when the table is of one area). */
static bool level_headings(engine *e, rel_doc_table *table, const rel_schedule *s,
                           const rel_row *previous, const rel_row *line, bool one_area)
{
    bool changed = previous == NULL;
    for (size_t level = 0; level < s->level_count; level++) {
        const char *value = rel_row_text(line, s->levels[level]);
        changed = changed || strcmp(value, rel_row_text(previous, s->levels[level])) != 0;
        if (!changed || !value[0] || (one_area && level == 0) || rel_is_total_label(value))
            continue;
        if (!spanning_row(e, table, REL_STYLE_GROUP, value))
            return false;
    }
    return true;
}

static int by_area(const void *left, const void *right)
{
    const rel_area_line *a = left, *b = right;
    int order = strcmp(a->key, b->key);
    return order ? order : (a->row > b->row) - (a->row < b->row);
}

/* The schedule's lines sorted by normalised area, then row: built once, for
 * the first {% tabella schede area=... %}. false when out of memory. */
static bool area_index(engine *e, const rel_schedule *s)
{
    if (e->area_lines != NULL)
        return true;
    rel_area_line *lines = rel_arena_array(e->arena, s->data->row_count + 1, sizeof *lines);
    for (size_t r = 0; lines && r < s->data->row_count; r++) {
        char key[256];
        rel_label_normalize(rel_row_text(&s->data->rows[r], s->area), key, sizeof key);
        lines[r] = (rel_area_line){rel_arena_strdup(e->arena, key), r};
        if (lines[r].key == NULL)
            lines = NULL;
    }
    if (lines == NULL)
        return false;
    qsort(lines, s->data->row_count, sizeof *lines, by_area);
    e->area_lines = lines;
    return true;
}

/* [*first, *end) of e->area_lines: the lines of area `only`, in file order. */
static bool area_range(engine *e, const rel_schedule *s, const char *only, size_t *first,
                       size_t *end)
{
    if (!area_index(e, s))
        return false;
    char wanted[256];
    rel_label_normalize(only, wanted, sizeof wanted);
    size_t low = 0, high = s->data->row_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (strcmp(e->area_lines[mid].key, wanted) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    for (*first = *end = low; *end < s->data->row_count
                              && strcmp(e->area_lines[*end].key, wanted) == 0;)
        (*end)++;
    return true;
}

static void schedule_table(engine *e, const tpl_node *node)
{
    rel_schedule s;
    if (!rel_schedule_get(e->ctx->model, &s))
        return;
    const char *only = rel_engine_option(e, node, "area");
    const char *caption = rel_engine_option(e, node, "titolo");
    if (caption == NULL)
        caption = only ? rel_arena_printf(e->arena, "Scheda preventivo/consuntivo – %s", only)
                       : rel_arena_printf(e->arena, "Schede preventivo/consuntivo %d",
                                          e->ctx->model->entity.year);
    rel_doc_table *table = rel_doc_table_add(e->doc, caption, 4, schedule_header, schedule_align,
                                             schedule_widths);
    const rel_row *previous = NULL;
    int64_t preventivo = 0, consuntivo = 0;
    size_t first = 0, end = s.data->row_count;
    bool ok = table != NULL && (only == NULL || area_range(e, &s, only, &first, &end));
    for (size_t i = first; ok && i < end; i++) {
        const rel_row *line = &s.data->rows[only ? e->area_lines[i].row : i];
        ok = level_headings(e, table, &s, previous, line, only != NULL);
        previous = line;
        ok = ok && schedule_line(e, table, &s, line);
        if (line->kind == REL_ROW_ITEM) {
            preventivo += line->values[s.preventivo].number;
            consuntivo += line->values[s.consuntivo].number;
        }
    }
    const char **total = ok ? rel_engine_cells(e, 4) : NULL;
    if (total == NULL) {
        e->ok = false;
        return;
    }
    total[0] = only ? rel_arena_printf(e->arena, "TOTALE %s (ricalcolato)", only)
                    : "TOTALE COMPLESSIVO (ricalcolato)";
    total[2] = rel_money_text(e->arena, preventivo, 0);
    total[3] = rel_money_text(e->arena, consuntivo, 0);
    e->ok = rel_doc_table_row(e->doc, table, REL_STYLE_TOTAL, total) && e->ok;
    e->blocks++;
}

/* --- any dataset: its columns as typed, groups, TOTALE rows in bold ------ */

typedef struct plan {
    int *columns;           /* dataset columns shown (arena) */
    size_t count;
    int group;              /* column whose changes open a group row, or -1 */
    bool change;            /* add Variazione and Var. % for N against year `from` */
    int now, before;        /* the year columns compared */
    int from;               /* N-1, or the sidecar's "variazione = 2019" */
} plan;

static bool is_number(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* The first key text column that is not the label and takes several values
 * groups the rows (the gruppo of the funds). */
static int grouping_column(const rel_dataset *d)
{
    for (size_t c = 0; c < d->column_count; c++) {
        if (!d->columns[c].is_key || d->columns[c].is_label || d->columns[c].type != REL_TYPE_TEXT)
            continue;
        for (size_t r = 1; r < d->row_count; r++)
            if (strcmp(rel_row_text(&d->rows[r], (int)c), rel_row_text(&d->rows[0], (int)c)) != 0)
                return (int)c;
    }
    return -1;
}

/* The table has its own Variazione of N against N-1, typed (and checked):
 * printed as typed, never beside a second one. */
static bool typed_change(const rel_dataset *d, const plan *p)
{
    for (size_t i = 0; i < p->count; i++) {
        const rel_column *column = &d->columns[p->columns[i]];
        if (column->change_later == p->now && column->change_earlier == p->before)
            return true;
    }
    return false;
}

/* colonne=a,b,N-1: the columns named; else all (the grouping one aside). */
static bool plan_columns(engine *e, const tpl_node *node, const rel_dataset *d, plan *p)
{
    const char *wanted = rel_engine_option(e, node, "colonne");
    int year = e->ctx->model->entity.year;
    p->group = wanted ? -1 : grouping_column(d);
    p->count = 0;
    /* every column there is, or one per name asked for: none is dropped */
    size_t most = d->column_count;
    for (const char *c = wanted; c && *c; c++)
        most += *c == ',';
    p->columns = rel_arena_array(e->arena, most + 1, sizeof *p->columns);
    if (p->columns == NULL) {
        rel_engine_oom(e, node->at);
        return false;
    }
    /* codes are for the machine; their rows have a readable voce beside */
    for (size_t c = 0; !wanted && c < d->column_count; c++)
        if ((int)c != p->group && d->columns[c].type != REL_TYPE_CODE && !d->columns[c].computed)
            p->columns[p->count++] = (int)c;
    for (const char *name = wanted; name && *name && p->count <= most;) {
        size_t len = strcspn(name, ",");
        char one[64];
        snprintf(one, sizeof one, "%.*s", (int)len, name);
        int column = strcmp(one, "N") == 0     ? rel_dataset_year_column(d, year)
                     : strcmp(one, "N-1") == 0 ? rel_dataset_year_column(d, year - 1)
                                               : rel_dataset_column(d, one);
        if (column < 0) {
            rel_engine_error(e, REL_T_NAME, node->at, "la tabella «%s» non ha la colonna «%s»",
                             d->name, one);
            return false;
        }
        p->columns[p->count++] = column;
        name += len + (name[len] == ',');
    }
    p->now = rel_dataset_year_column(d, year);
    p->from = d->meta && d->meta->change_from ? d->meta->change_from : year - 1;
    p->before = rel_dataset_year_column(d, p->from);
    bool asked = rel_engine_flag(node, "variazione") || (d->meta && d->meta->change_from);
    if (asked && d->meta && d->meta->change_from && (p->now < 0 || p->before < 0)) {
        rel_engine_error(e, REL_E_SIDECAR_VALUE, d->meta->change_from_at,
                         "variazione = %d: la tabella «%s» non ha le colonne %d e %d da "
                         "confrontare", p->from, d->name, year, p->from);
        return false;
    }
    p->change = asked && p->now >= 0 && p->before >= 0 && is_number(d->columns[p->now].type)
                && !typed_change(d, p);
    return true;
}

static void change_cells(engine *e, const rel_dataset *d, const rel_row *row, const plan *p,
                         const char **cells)
{
    const rel_value *now = &row->values[p->now], *before = &row->values[p->before];
    if (!now->present || !before->present)
        return;
    int64_t difference = now->number - before->number, percent;
    bool defined = rel_percent_of(difference, before->number, &percent);
    const rel_column *column = &d->columns[p->now];
    rel_row_unit unit = rel_unit_of_row(d, row);
    if (rel_unit_is_rate(column, unit)) {
        /* a rate changes by points: 10,51% to 10,25% is -0,26 p.p., not -2,47% */
        cells[0] = rel_unit_points(e->arena, difference, column);
        return;
    }
    const char *in_unit = rel_unit_change(e->arena, difference, column, unit);
    if (in_unit != NULL) {
        cells[0] = in_unit;
        cells[1] = rel_percent_text(e->arena, defined, percent, REL_FMT_PLUS);
        return;
    }
    rel_type type = column->type;
    char buffer[REL_NUMBER_FORMAT_MAX];
    unsigned flags = REL_FMT_PLUS | (type == REL_TYPE_MONEY ? REL_FMT_EURO : 0);
    int scale = rel_type_scale(type);
    bool whole = rel_column_whole_euros(d, p->now) && rel_column_whole_euros(d, p->before);
    cells[0] = rel_arena_strdup(e->arena, rel_number_format(difference, scale,
                                                            whole ? 0 : (scale > 2 ? 2 : scale),
                                                            flags, buffer));
    cells[1] = rel_percent_text(e->arena, defined, percent, REL_FMT_PLUS);
}

static bool dataset_row(engine *e, rel_doc_table *table, const rel_dataset *d, const rel_row *row,
                        const plan *p, const bool *whole)
{
    const char **cells = rel_engine_cells(e, table->columns);
    if (cells == NULL)
        return false;
    rel_row_unit unit = rel_unit_of_row(d, row);
    for (size_t i = 0; i < p->count; i++) {
        int c = p->columns[i];
        const char *figure = rel_unit_figure(e->arena, &row->values[c], &d->columns[c], unit);
        cells[i] = figure ? figure
                          : rel_value_text(e->arena, &row->values[c], &d->columns[c], whole[i]);
        /* an Andamento row is a change: +27, as the reports print it */
        if (row->kind == REL_ROW_CHANGE && row->values[c].present && row->values[c].number > 0
            && is_number(d->columns[c].type))
            cells[i] = rel_arena_printf(e->arena, "+%s", cells[i]);
    }
    if (p->change)
        change_cells(e, d, row, p, cells + p->count);
    return rel_doc_table_row(e->doc, table, row->kind == REL_ROW_TOTAL ? REL_STYLE_TOTAL
                                                                       : REL_STYLE_NORMAL, cells);
}

/* "non_vincolato" => "Non vincolato": a header as a reader expects it. */
static rel_doc_table *dataset_table_head(engine *e, const tpl_node *node, const rel_dataset *d,
                                         const plan *p)
{
    size_t columns = p->count + (p->change ? 2 : 0);
    const char **header = rel_arena_array(e->arena, columns, sizeof *header);
    rel_align *align = rel_arena_array(e->arena, columns, sizeof *align);
    double *widths = rel_arena_array(e->arena, columns, sizeof *widths);
    if (!header || !align || !widths)
        return NULL;
    for (size_t i = 0; i < p->count; i++) {
        const rel_column *column = &d->columns[p->columns[i]];
        header[i] = rel_label_heading(e->arena, column->label);
        align[i] = is_number(column->type) ? REL_ALIGN_RIGHT : REL_ALIGN_LEFT;
        widths[i] = column->is_label ? 3.0 : 1.5;
    }
    if (p->change) {
        int year = e->ctx->model->entity.year;
        header[p->count] = p->from == year - 1 ? "Variazione"
                                               : rel_arena_printf(e->arena, "%d/%d", year, p->from);
        header[p->count + 1] = "Var. %";
        align[p->count] = align[p->count + 1] = REL_ALIGN_RIGHT;
        widths[p->count] = widths[p->count + 1] = 1.0;
    }
    const char *caption = rel_engine_option(e, node, "titolo");
    if (caption == NULL)
        caption = d->title;
    return rel_doc_table_add(e->doc, caption, columns, header, align, widths);
}

/* A free table's footnotes ("* dato provvisorio") and note, as the last
 * rows of the table, spanning it, as printed tables carry them. */
static bool table_notes(engine *e, rel_doc_table *table, const rel_dataset *d)
{
    const rel_table_meta *meta = d->meta;
    for (size_t i = 0; meta && i < meta->footnote_count; i++) {
        const char **cells = rel_engine_cells(e, table->columns);
        const rel_footnote *f = &meta->footnotes[i];
        bool star = f->mark[0] == '*';
        if (cells == NULL)
            return false;
        cells[0] = rel_arena_printf(e->arena, "%s%s%s %s", star ? "" : "(", f->mark,
                                    star ? "" : ")", f->text);
        if (cells[0] == NULL || !rel_doc_table_row(e->doc, table, REL_STYLE_NOTE, cells))
            return false;
    }
    if (meta && meta->note) {
        const char **cells = rel_engine_cells(e, table->columns);
        if (cells == NULL || !(cells[0] = meta->note)
            || !rel_doc_table_row(e->doc, table, REL_STYLE_NOTE, cells))
            return false;
    }
    return true;
}

/* The rows of the directive that are to be printed, into `rows` (room for
 * every row of `d`); their count, or -1 (reported) on error. */
static long wanted_rows(engine *e, const tpl_node *node, const rel_dataset *d, bool *rows)
{
    size_t first, end;
    if (!rel_engine_row_span(e, node, d, &first, &end))
        return -1;
    long count = 0;
    for (size_t r = first; r < end; r++) {
        rows[r] = rel_engine_row_wanted(e, d, r);
        if (e->narrating > 0 && !rows[r]) {
            rel_engine_oom(e, node->at);
            return -1;
        }
        count += rows[r];
    }
    return count;
}

static void dataset_table(engine *e, const tpl_node *node, const rel_dataset *d)
{
    plan p;
    bool *rows = rel_arena_array(e->arena, d->row_count + 1, sizeof *rows);
    if (rows == NULL) {
        rel_engine_oom(e, node->at);
        return;
    }
    /* a table whose rows a narrative printed is not repeated */
    long count = wanted_rows(e, node, d, rows);
    if (count <= 0 || !plan_columns(e, node, d, &p) || p.count == 0)
        return;
    /* a table is in whole euros when all its amounts are: never mixed */
    bool all_whole = true;
    for (size_t i = 0; i < p.count; i++)
        if (d->columns[p.columns[i]].type == REL_TYPE_MONEY)
            all_whole = all_whole && rel_column_whole_euros(d, p.columns[i]);
    bool *whole = rel_arena_array(e->arena, p.count, sizeof *whole);
    if (whole == NULL) {
        rel_engine_oom(e, node->at);
        return;
    }
    for (size_t i = 0; i < p.count; i++)
        whole[i] = all_whole;
    rel_doc_table *table = dataset_table_head(e, node, d, &p);
    bool ok = table != NULL;
    const char *group = NULL;
    for (size_t r = 0; ok && r < d->row_count; r++) {
        if (!rows[r])
            continue;
        const rel_row *row = &d->rows[r];
        ok = rel_engine_row_printed(e, d, r);
        const char *value = ok && p.group >= 0 ? rel_row_text(row, p.group) : NULL;
        if (value && value[0] && (group == NULL || strcmp(group, value) != 0)) {
            const char **cells = rel_engine_cells(e, table->columns);
            ok = cells && (cells[0] = group = value)
                 && rel_doc_table_row(e->doc, table, REL_STYLE_GROUP, cells);
        }
        ok = ok && dataset_row(e, table, d, row, &p, whole);
    }
    ok = ok && table_notes(e, table, d);
    e->ok = e->ok && ok;
    e->blocks++;
}

void rel_engine_table(engine *e, const tpl_node *node)
{
    const tpl_arg *arg = rel_tpl_arg(node, NULL, 0);
    if (arg == NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "manca il nome della tabella");
        return;
    }
    /* {% per t in tabelle %}{% tabella t %}: the name may be a loop variable */
    tpl_arg resolved = *arg;
    const char *var = rel_engine_var(e, arg->value);
    if (var != NULL)
        resolved.value = var;
    const tpl_arg *name = &resolved;
    if (strcmp(name->value, "schede") == 0) {
        schedule_table(e, node);
        return;
    }
    if (rel_engine_computed_table(e, node, name->value))
        return;
    const rel_dataset *d = rel_model_dataset(e->ctx->model, name->value);
    if (d != NULL) {
        dataset_table(e, node, d);
        return;
    }
    /* An optional dataset that is absent leaves no table; a name that no
     * dataset can have is a mistake in the template. */
    if (rel_schema_find(name->value) == NULL)
        rel_engine_error(e, REL_T_TABLE, name->at, "tabella sconosciuta «%s»", name->value);
}
