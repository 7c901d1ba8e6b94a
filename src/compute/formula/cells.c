/* The cells an evaluation read, and how a message names them. */
#include <stdlib.h>
#include <string.h>

#include "compute/formula/evaluator.h"

static void append(evaluator *e, rel_formula_cell cell)
{
    rel_formula_cells *cells = e->cells;
    if (cells == NULL)
        return;
    if (cells->count == cells->capacity) {
        size_t capacity = cells->capacity ? 2 * cells->capacity : 16;
        rel_formula_cell *items = rel_arena_array(e->arena, capacity, sizeof *items);
        if (items == NULL) {
            cells->incomplete = true;
            return;
        }
        if (cells->count)
            memcpy(items, cells->items, cells->count * sizeof *items);
        cells->items = items;
        cells->capacity = capacity;
    }
    cells->items[cells->count++] = cell;
}

void cells_record(evaluator *e, const rel_dataset *d, const rel_row *row, int column)
{
    append(e, (rel_formula_cell){d, &row->values[column], (size_t)column, NULL});
}

void cells_record_indicator(evaluator *e, const char *name)
{
    append(e, (rel_formula_cell){NULL, NULL, 0, name});
}

/* The file of a cell as a user finds it in the input directory:
 * "indicatori.csv", "tabelle/tutela_minori.csv". */
static const char *input_file(const rel_formula_cell *cell)
{
    const char *path = cell->value->at.file ? cell->value->at.file : "";
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return path;
    if (!cell->dataset->generic)
        return slash + 1;
    const char *parent = slash;
    while (parent > path && parent[-1] != '/')
        parent--;
    return parent;
}

/* Cells by file, column, line; indicators after them, by name. */
static int by_place(const void *a, const void *b)
{
    const rel_formula_cell *x = a, *y = b;
    if ((x->indicator != NULL) != (y->indicator != NULL))
        return x->indicator ? 1 : -1;
    if (x->indicator)
        return strcmp(x->indicator, y->indicator);
    int file = strcmp(input_file(x), input_file(y));
    if (file != 0)
        return file;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return (x->value->at.line > y->value->at.line) - (x->value->at.line < y->value->at.line);
}

static bool same_entry(const rel_formula_cell *a, const rel_formula_cell *b)
{
    return a->indicator ? b->indicator && strcmp(a->indicator, b->indicator) == 0
                        : a->value == b->value;
}

static bool same_column(const rel_formula_cell *a, const rel_formula_cell *b)
{
    return !a->indicator && !b->indicator && a->dataset == b->dataset && a->column == b->column;
}

static const char *place(rel_arena *arena, const rel_formula_cell *cell)
{
    if (cell->indicator)
        return rel_arena_printf(arena, "indicatore «%s»", cell->indicator);
    return rel_arena_printf(arena, "%s:%u:%u", input_file(cell), (unsigned)cell->value->at.line,
                            (unsigned)cell->value->at.col);
}

/* The distinct entries of `sorted` as text, in about `max` bytes: a run of
 * four or more cells of one column as its first and last. */
static const char *describe(rel_arena *arena, const rel_formula_cell *sorted, size_t count,
                            size_t max)
{
    const char *text = "";
    size_t i = 0, cells_left = 0, indicators_left = 0;
    while (i < count && text) {
        size_t run = 1;
        while (i + run < count && same_column(&sorted[i], &sorted[i + run]))
            run++;
        if (run < 4)
            run = 1;
        const char *entry = run == 1 ? place(arena, &sorted[i])
                                     : rel_arena_printf(arena, "%s … %s (%zu celle)",
                                                        place(arena, &sorted[i]),
                                                        place(arena, &sorted[i + run - 1]), run);
        if (entry == NULL || strlen(text) + strlen(entry) + 2 > max)
            break;
        text = rel_arena_printf(arena, "%s%s%s", text, *text ? ", " : "", entry);
        i += run;
    }
    for (; i < count; i++) {
        if (sorted[i].indicator)
            indicators_left++;
        else
            cells_left++;
    }
    if (text && cells_left)
        text = rel_arena_printf(arena, "%s e altre %zu celle", text, cells_left);
    if (text && indicators_left)
        text = rel_arena_printf(arena, "%s e altri %zu indicatori", text, indicators_left);
    return text;
}

const char *rel_formula_cells_text(const rel_formula_cells *cells, rel_arena *arena, size_t max)
{
    if (cells->count == 0)
        return cells->incomplete ? "elenco non disponibile (memoria esaurita)" : "nessuna cella";
    rel_formula_cell *sorted = rel_arena_array(arena, cells->count, sizeof *sorted);
    if (sorted == NULL)
        return NULL;
    memcpy(sorted, cells->items, cells->count * sizeof *sorted);
    qsort(sorted, cells->count, sizeof *sorted, by_place);
    size_t distinct = 0;
    for (size_t i = 0; i < cells->count; i++)
        if (distinct == 0 || !same_entry(&sorted[distinct - 1], &sorted[i]))
            sorted[distinct++] = sorted[i];
    const char *text = describe(arena, sorted, distinct, max);
    if (text && cells->incomplete)
        text = rel_arena_printf(arena, "%s (elenco incompleto: memoria esaurita)", text);
    return text;
}
