/* What the computed figures of the checks are made of (finding.h). */
#include <string.h>

#include "reconcile/finding.h"

static rel_figure_source *source(rel_arena *arena, rel_source_kind kind)
{
    rel_figure_source *s = rel_arena_alloc(arena, sizeof *s);
    if (s != NULL)
        s->kind = kind;
    return s;
}

const rel_figure_source *rel_source_sum(rel_arena *arena, const rel_dataset *dataset, int column,
                                        const size_t *rows, size_t row_count)
{
    rel_figure_source *s = source(arena, REL_SOURCE_SUM);
    if (s != NULL) {
        s->dataset = dataset;
        s->column = column;
        s->rows = rows;
        s->row_count = row_count;
    }
    return s;
}

const rel_figure_source *rel_source_lines(rel_arena *arena, const rel_dataset *dataset,
                                          int column)
{
    rel_figure_source *s = source(arena, REL_SOURCE_LINES);
    if (s != NULL) {
        s->dataset = dataset;
        s->column = column;
    }
    return s;
}

const rel_figure_source *rel_source_group(rel_arena *arena, const rel_dataset *dataset,
                                          int column, int key_column, const char *key)
{
    rel_figure_source *s = source(arena, REL_SOURCE_GROUP);
    if (s != NULL) {
        s->dataset = dataset;
        s->column = column;
        s->key_column = key_column;
        s->key = key;
    }
    return s;
}

const rel_figure_source *rel_source_terms(rel_arena *arena, const rel_figure_term *terms,
                                          size_t count)
{
    rel_figure_term *copy = rel_arena_array(arena, count ? count : 1, sizeof *copy);
    rel_figure_source *s = copy ? source(arena, REL_SOURCE_TERMS) : NULL;
    if (s != NULL) {
        memcpy(copy, terms, count * sizeof *copy);
        s->terms = copy;
        s->term_count = count;
    }
    return s;
}

const rel_figure_source *rel_source_derived(rel_arena *arena, const char *family, int year,
                                            const char *quantity)
{
    rel_figure_source *s = quantity ? source(arena, REL_SOURCE_DERIVED) : NULL;
    if (s != NULL) {
        s->family = family;
        s->year = year;
        s->quantity = quantity;
    }
    return s;
}

const rel_figure_source *rel_source_formula(rel_arena *arena)
{
    return source(arena, REL_SOURCE_FORMULA);
}

const rel_figure_source *rel_source_quotient(rel_arena *arena, rel_figure_term numerator,
                                             rel_figure_term denominator, int64_t factor,
                                             int step1, int step2)
{
    rel_figure_term terms[2] = {numerator, denominator};
    rel_figure_source *s = (rel_figure_source *)rel_source_terms(arena, terms, 2);
    if (s != NULL) {
        s->kind = REL_SOURCE_QUOTIENT;
        s->factor = factor;
        s->steps[0] = step1;
        s->steps[1] = step2;
    }
    return s;
}

const rel_figure_source *rel_source_mean(rel_arena *arena, const rel_dataset *dataset,
                                         int column, const size_t *rows, size_t row_count,
                                         int step)
{
    rel_figure_source *s = (rel_figure_source *)rel_source_sum(arena, dataset, column, rows,
                                                               row_count);
    if (s != NULL) {
        s->kind = REL_SOURCE_MEAN;
        s->steps[0] = step;
        s->steps[1] = -1;
    }
    return s;
}
