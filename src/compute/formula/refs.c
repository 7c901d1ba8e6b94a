/* What a reference reads: its table, column, row and cells. Names are
 * matched as the validator matches labels (validate/labels.h): case,
 * accents and blanks aside. A name that matches two is an error naming
 * both, never the first of them. */
#include <string.h>

#include "compute/formula/evaluator.h"
#include "compute/formula/rational.h"
#include "core/codes.h"
#include "core/suggest.h"
#include "validate/labels.h"

/* Normalised texts are compared in buffers of this size (longer ones are
 * compared on their first 250 bytes or so). */
#define TEXT_MAX 256

static bool same_text(const char *a, const char *normalized_b)
{
    char buffer[TEXT_MAX];
    rel_label_normalize(a, buffer, sizeof buffer);
    return strcmp(buffer, normalized_b) == 0;
}

const rel_dataset *ref_dataset(evaluator *e, const char *name, rel_origin at)
{
    const rel_dataset *exact = rel_model_dataset(e->model, name);
    if (exact != NULL)
        return exact;
    char wanted[TEXT_MAX];
    rel_label_normalize(name, wanted, sizeof wanted);
    const rel_dataset *found[2] = {NULL, NULL};
    const char *names[64];
    size_t count = 0, matches = 0;
    for (size_t i = 0; i < e->model->dataset_count; i++) {
        const rel_dataset *d = &e->model->datasets[i];
        if (same_text(d->name, wanted) && matches < 2)
            found[matches++] = d;
        if (count < 64)
            names[count++] = d->name;
    }
    if (matches == 1)
        return found[0];
    if (matches == 2)
        eval_fail(e, REL_E_FORMULA_AMBIGUOUS, at,
                  rel_arena_printf(e->arena, "il nome «%s» è ambiguo: corrisponde alle tabelle "
                                             "«%s» (%s) e «%s» (%s); scrivere il nome esatto del "
                                             "file, o rinominarne uno",
                                   name, found[0]->name, found[0]->path, found[1]->name,
                                   found[1]->path),
                  NULL, NULL);
    else
        eval_fail(e, REL_E_FORMULA_DATASET, at, "tabella sconosciuta", name,
                  rel_suggest(name, names, count));
    return NULL;
}

/* A year column: E311 if the table has two of that year. */
static int year_column(evaluator *e, const rel_dataset *d, const selector *s)
{
    int year = s->kind == SEL_YEAR ? s->year : e->model->entity.year + s->year;
    int column = rel_dataset_year_column(d, year);
    for (size_t c = (size_t)column + 1; column >= 0 && c < d->column_count; c++)
        if (d->columns[c].year == year) {
            eval_fail(e, REL_E_FORMULA_AMBIGUOUS, s->at,
                      rel_arena_printf(e->arena, "l'anno %d è ambiguo nella tabella «%s»: lo "
                                                 "hanno le colonne «%s» e «%s»",
                                       year, d->name, d->columns[column].label,
                                       d->columns[c].label),
                      NULL, NULL);
            return -1;
        }
    if (column < 0)
        eval_fail(e, REL_E_FORMULA_COLUMN, s->at,
                  rel_arena_printf(e->arena, "la tabella «%s» non ha la colonna dell'anno",
                                   d->name),
                  rel_arena_printf(e->arena, "%d", year), NULL);
    return column;
}

/* True if some row of `d` has a text cell equal (normalised) to `wanted`. */
static bool is_row_text(const rel_dataset *d, const char *wanted)
{
    for (size_t r = 0; r < d->row_count; r++)
        for (size_t c = 0; c < d->column_count; c++)
            if ((d->columns[c].type == REL_TYPE_TEXT || d->columns[c].type == REL_TYPE_CODE)
                && same_text(d->rows[r].values[c].text, wanted))
                return true;
    return false;
}

static int unknown_column(evaluator *e, const rel_dataset *d, const selector *s,
                          const char *wanted)
{
    const char *names[512];
    size_t count = 0;
    for (size_t i = 0; i < d->column_count && count + 2 <= 512; i++) {
        names[count++] = d->columns[i].name;
        names[count++] = d->columns[i].label;
    }
    if (s->kind == SEL_TEXT && is_row_text(d, wanted))
        eval_fail(e, REL_E_FORMULA_COLUMN, s->at,
                  rel_arena_printf(e->arena, "«%s» è una riga della tabella «%s», non una "
                                             "colonna: dopo la riga serve la colonna o l'anno, "
                                             "es. %s[\"%s\"; N]",
                                   s->text, d->name, d->name, s->text),
                  NULL, NULL);
    else
        eval_fail(e, REL_E_FORMULA_COLUMN, s->at,
                  rel_arena_printf(e->arena, "la tabella «%s» non ha la colonna", d->name),
                  s->text, rel_suggest(s->text, names, count));
    return -1;
}

static int ambiguous_column(evaluator *e, const rel_dataset *d, const selector *s,
                            const rel_column *a, const rel_column *b)
{
    eval_fail(e, REL_E_FORMULA_AMBIGUOUS, s->at,
              rel_arena_printf(e->arena, "la colonna «%s» è ambigua nella tabella «%s»: "
                                         "corrisponde a «%s» (%s:%u:%u) e a «%s» (%s:%u:%u)",
                               s->text, d->name, a->label, a->at.file, (unsigned)a->at.line,
                               (unsigned)a->at.col, b->label, b->at.file, (unsigned)b->at.line,
                               (unsigned)b->at.col),
              NULL, NULL);
    return -1;
}

int ref_column(evaluator *e, const rel_dataset *d, const selector *s)
{
    if (s->kind == SEL_YEAR || s->kind == SEL_YEAR_N)
        return year_column(e, d, s);
    char wanted[TEXT_MAX];
    rel_label_normalize(s->text, wanted, sizeof wanted);
    int found = -1;
    for (size_t c = 0; c < d->column_count; c++) {
        if (!same_text(d->columns[c].name, wanted) && !same_text(d->columns[c].label, wanted))
            continue;
        if (found >= 0)
            return ambiguous_column(e, d, s, &d->columns[found], &d->columns[c]);
        found = (int)c;
    }
    return found >= 0 ? found : unknown_column(e, d, s, wanted);
}

static bool is_text_column(const rel_dataset *d, size_t c)
{
    return d->columns[c].type == REL_TYPE_TEXT || d->columns[c].type == REL_TYPE_CODE;
}

/* The text cell of `row` equal to `wanted` (normalised), or NULL. */
static const rel_value *text_cell(const rel_dataset *d, const rel_row *row, const char *wanted)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (is_text_column(d, c) && same_text(row->values[c].text, wanted))
            return &row->values[c];
    return NULL;
}

/* The rows that have every one of the `count` texts of `keys`. */
typedef struct row_matches {
    const rel_row *rows[5];
    const rel_value *cells[5];    /* where the first text matched */
    size_t count;                 /* all of them, also beyond the five kept */
} row_matches;

static void match_rows(const rel_dataset *d, const selector *keys, size_t count,
                       row_matches *m)
{
    char wanted[MAX_SELECTORS][TEXT_MAX];
    for (size_t k = 0; k < count; k++)
        rel_label_normalize(keys[k].text, wanted[k], sizeof wanted[k]);
    m->count = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_value *first = text_cell(d, &d->rows[r], wanted[0]);
        bool all = first != NULL;
        for (size_t k = 1; all && k < count; k++)
            all = text_cell(d, &d->rows[r], wanted[k]) != NULL;
        if (!all)
            continue;
        if (m->count < 5) {
            m->rows[m->count] = &d->rows[r];
            m->cells[m->count] = first;
        }
        m->count++;
    }
}

/* A text of the first row that the second lacks: what tells them apart. */
static const char *telling_text(const rel_dataset *d, const rel_row *a, const rel_row *b)
{
    for (size_t c = 0; c < d->column_count; c++)
        if (is_text_column(d, c) && a->values[c].text[0]
            && strcmp(a->values[c].text, b->values[c].text) != 0)
            return a->values[c].text;
    return NULL;
}

static bool ambiguous_row(evaluator *e, const rel_dataset *d, const selector *keys,
                          const row_matches *m)
{
    const char *lines = "";
    size_t shown = m->count < 5 ? m->count : 5;
    for (size_t i = 0; i < shown; i++)
        lines = rel_arena_printf(e->arena, "%s%s%s:%u:%u", lines,
                                 i == 0 ? "" : i + 1 == m->count ? " e " : ", ",
                                 m->cells[i]->at.file, (unsigned)m->rows[i]->line,
                                 (unsigned)m->cells[i]->at.col);
    if (m->count > shown)
        lines = rel_arena_printf(e->arena, "%s e altre %zu", lines, m->count - shown);
    const char *apart = telling_text(d, m->rows[0], m->rows[1]);
    const char *example = apart ? rel_arena_printf(e->arena, ", es. %s[\"%s\"; \"%s\"; colonna]",
                                                   d->name, keys[0].text, apart)
                                : "";
    return eval_fail(e, REL_E_FORMULA_AMBIGUOUS, keys[0].at,
                     rel_arena_printf(e->arena, "la riga «%s» è ambigua nella tabella «%s»: la "
                                                "hanno %zu righe, %s; aggiungere un testo della "
                                                "riga che la distingua%s",
                                      keys[0].text, d->name, m->count, lines, example),
                     NULL, NULL);
}

static bool unknown_row(evaluator *e, const rel_dataset *d, const selector *keys, size_t count)
{
    row_matches first;
    match_rows(d, keys, 1, &first);
    if (count > 1 && first.count > 0)
        return eval_fail(e, REL_E_FORMULA_ROW, keys[0].at,
                         rel_arena_printf(e->arena, "nella tabella «%s» nessuna riga ha insieme "
                                                    "tutti i testi indicati; «%s» è alla riga "
                                                    "%s:%u",
                                          d->name, keys[0].text, first.cells[0]->at.file,
                                          (unsigned)first.rows[0]->line),
                         NULL, NULL);
    const char *labels[512];
    size_t n = 0;
    for (size_t r = 0; r < d->row_count; r++)
        for (size_t c = 0; c < d->column_count && n < 512; c++)
            if (is_text_column(d, c) && d->rows[r].values[c].text[0])
                labels[n++] = d->rows[r].values[c].text;
    return eval_fail(e, REL_E_FORMULA_ROW, keys[0].at,
                     rel_arena_printf(e->arena, "la tabella «%s» non ha la riga", d->name),
                     keys[0].text, rel_suggest(keys[0].text, labels, n));
}

/* The one row that has every text of `keys`, or NULL (E304, E311). */
static const rel_row *ref_row(evaluator *e, const rel_dataset *d, const selector *keys,
                              size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (keys[k].kind != SEL_TEXT) {
            eval_fail(e, REL_E_FORMULA_ROW, keys[k].at,
                      "prima della colonna vanno i testi della riga, tra virgolette "
                      "(es. [\"TOTALE USCITE\"; N])",
                      NULL, NULL);
            return NULL;
        }
    row_matches m;
    match_rows(d, keys, count, &m);
    if (m.count == 1)
        return m.rows[0];
    if (m.count == 0)
        unknown_row(e, d, keys, count);
    else
        ambiguous_row(e, d, keys, &m);
    return NULL;
}

cell_content ref_cell(evaluator *e, const rel_dataset *d, const rel_row *row, int column,
                      value *out)
{
    const rel_value *v = &row->values[column];
    rel_type type = d->columns[column].type;
    cells_record(e, d, row, column);
    *out = number_value((rel_rational){0, 1, type == REL_TYPE_MONEY});
    if (type == REL_TYPE_TEXT || type == REL_TYPE_CODE)
        return v->text[0] ? CELL_TEXT : CELL_EMPTY;
    if (v->is_text)
        return CELL_TEXT;
    if (v->missing)
        return CELL_MISSING;
    if (!v->present)
        return CELL_EMPTY;
    if (type == REL_TYPE_DATE)
        *out = (value){.is_date = true, .date = v->date};
    else
        out->number = rel_rational_from_fixed(v->number, rel_type_scale(type),
                                              type == REL_TYPE_MONEY);
    return CELL_VALUE;
}

bool ref_cell_error(evaluator *e, const rel_dataset *d, const rel_row *row, int column,
                    cell_content what, rel_origin at)
{
    const rel_value *v = &row->values[column];
    bool date = d->columns[column].type == REL_TYPE_DATE;
    const char *place = rel_arena_printf(e->arena, "la cella %s:%u:%u", v->at.file,
                                         (unsigned)v->at.line, (unsigned)v->at.col);
    const char *message =
        what == CELL_EMPTY ? rel_arena_printf(e->arena, "%s è vuota: non ha una data", place)
        : what == CELL_MISSING
            ? rel_arena_printf(e->arena, "%s dice che il dato non è disponibile, e non vale "
                                         "zero:", place)
            : rel_arena_printf(e->arena, "%s non contiene %s ma", place,
                               date ? "una data" : "un numero");
    return eval_fail(e, date ? REL_E_FORMULA_NOT_DATE : REL_E_FORMULA_NOT_NUMBER, at, message,
                     what == CELL_EMPTY ? NULL : v->text, NULL);
}

/* The sum of a column over the lines (declared TOTALE rows are not parts);
 * an empty cell counts as zero, a figure not available is not added (as
 * the declared totals are checked: over the figures there are). */
static bool column_sum(evaluator *e, const node *n, const rel_dataset *d, int column, value *out)
{
    if (d->columns[column].type == REL_TYPE_DATE)
        return eval_fail(e, REL_E_FORMULA_DATE_MIX, n->at,
                         rel_arena_printf(e->arena, "%s[colonna] somma la colonna, ma «%s» "
                                                    "contiene date: per una cella scrivere "
                                                    "%s[\"riga\"; %s], per la più recente MAX(…)",
                                          d->name, d->columns[column].name, d->name,
                                          d->columns[column].name),
                         NULL, NULL);
    *out = number_value((rel_rational){0, 1, d->columns[column].type == REL_TYPE_MONEY});
    for (size_t r = 0; r < d->row_count; r++) {
        if (d->rows[r].kind != REL_ROW_ITEM)
            continue;
        value cell;
        cell_content content = ref_cell(e, d, &d->rows[r], column, &cell);
        if (content == CELL_TEXT)
            return ref_cell_error(e, d, &d->rows[r], column, content, n->at);
        if (!rational_add(out->number, cell.number, &out->number))
            return eval_fail(e, REL_E_FORMULA_OVERFLOW, n->at, "somma troppo grande", NULL, NULL);
    }
    return true;
}

/* The dataset, column and (for a cell reference) row of reference `n`. */
static bool resolve(evaluator *e, const node *n, const rel_dataset **d, int *column,
                    const rel_row **row)
{
    *d = ref_dataset(e, n->text, n->at);
    *column = *d ? ref_column(e, *d, &n->selectors[n->selector_count - 1]) : -1;
    *row = NULL;
    if (*column < 0 || n->selector_count == 1)
        return *column >= 0;
    *row = ref_row(e, *d, n->selectors, n->selector_count - 1);
    return *row != NULL;
}

bool ref_eval(evaluator *e, const node *n, value *out)
{
    const rel_dataset *d;
    const rel_row *row;
    int column;
    if (!resolve(e, n, &d, &column, &row))
        return false;
    if (row == NULL)
        return column_sum(e, n, d, column, out);
    cell_content content = ref_cell(e, d, row, column, out);
    if (content == CELL_TEXT || content == CELL_MISSING
        || (content == CELL_EMPTY && d->columns[column].type == REL_TYPE_DATE))
        return ref_cell_error(e, d, row, column, content, n->at);
    return true;
}

bool ref_range(evaluator *e, const node *n, const char *function, const rel_dataset **d,
               int *column)
{
    if (n->kind != NODE_REF || n->selector_count != 1)
        return eval_fail(e, REL_E_FORMULA_FUNCTION, n->at,
                         rel_arena_printf(e->arena, "%s vuole una colonna, es. "
                                                    "%s(tabella[colonna]; …)",
                                          function, function),
                         NULL, NULL);
    const rel_row *row;
    return resolve(e, n, d, column, &row);
}

bool ref_each_value(evaluator *e, const node *arg, visit_fn visit, void *state)
{
    value v;
    if (arg->kind != NODE_REF)
        return eval_node(e, arg, &v) && visit(e, state, arg, CELL_VALUE, &v, NULL, NULL, -1);
    const rel_dataset *d;
    const rel_row *row;
    int column;
    if (!resolve(e, arg, &d, &column, &row))
        return false;
    if (row != NULL)
        return visit(e, state, arg, ref_cell(e, d, row, column, &v), &v, d, row, column);
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM
            && !visit(e, state, arg, ref_cell(e, d, &d->rows[r], column, &v), &v, d,
                      &d->rows[r], column))
            return false;
    return true;
}
