/* One cause, one finding. A wrong line makes its azione's TOTALE, its
 * area's, the grand total, the cost centre and the Uscite all differ by the
 * same amount: six findings of one mistake. Each failing check whose
 * computed figure adds lines of a dataset column is linked to the check
 * over the fewest of those lines with the same difference, provided its
 * own lines contain them: the reader is told once, at the narrowest place,
 * with the others as «vedi anche». Every check stays in the Prospetto. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reconcile/finding.h"
#include "validate/labels.h"

/* The lines a computed figure adds. */
typedef struct basis {
    const rel_figure_source *source;
    size_t scope;        /* how many lines, SIZE_MAX when unknown or all */
} basis;

typedef struct candidate {
    size_t index;        /* into findings->items */
    basis basis;
    uint64_t magnitude;  /* |difference| */
} candidate;

static bool basis_of(const rel_finding *f, basis *b)
{
    const rel_figure_source *s = f->expected_source ? f->expected_source : f->declared_source;
    if (s == NULL || (s->kind != REL_SOURCE_SUM && s->kind != REL_SOURCE_LINES
                      && s->kind != REL_SOURCE_GROUP))
        return false;
    *b = (basis){s, s->kind == REL_SOURCE_SUM ? s->row_count
                    : s->kind == REL_SOURCE_GROUP ? SIZE_MAX - 1 : SIZE_MAX};
    return true;
}

static int by_measure(const void *left, const void *right)
{
    const candidate *a = left, *b = right;
    uintptr_t da = (uintptr_t)a->basis.source->dataset, db = (uintptr_t)b->basis.source->dataset;
    if (da != db)
        return da < db ? -1 : 1;
    if (a->basis.source->column != b->basis.source->column)
        return a->basis.source->column < b->basis.source->column ? -1 : 1;
    if (a->magnitude != b->magnitude)
        return a->magnitude < b->magnitude ? -1 : 1;
    if (a->basis.scope != b->basis.scope)
        return a->basis.scope < b->basis.scope ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static bool same_measure(const candidate *a, const candidate *b)
{
    return a->basis.source->dataset == b->basis.source->dataset
           && a->basis.source->column == b->basis.source->column && a->magnitude == b->magnitude;
}

/* Every line of `small` is a line of `big` (both in file order). */
static bool contains(const rel_figure_source *big, const rel_figure_source *small)
{
    if (big->kind == REL_SOURCE_LINES)
        return true;
    if (small->kind == REL_SOURCE_LINES)
        return false;
    if (big->kind == REL_SOURCE_GROUP && small->kind == REL_SOURCE_GROUP)
        return rel_same_label(big->key, small->key);
    if (big->kind == REL_SOURCE_GROUP) {
        for (size_t i = 0; i < small->row_count; i++)
            if (!rel_same_label(rel_row_text(&big->dataset->rows[small->rows[i]],
                                             big->key_column), big->key))
                return false;
        return true;
    }
    if (small->kind != REL_SOURCE_SUM)
        return false;
    size_t j = 0;
    for (size_t i = 0; i < small->row_count; i++) {
        while (j < big->row_count && big->rows[j] < small->rows[i])
            j++;
        if (j == big->row_count || big->rows[j] != small->rows[i])
            return false;
    }
    return true;
}

static void add_place(rel_findings *findings, rel_finding *cause, const rel_finding *effect,
                      size_t *listed)
{
    if ((*listed)++ >= 6) {
        if (*listed == 8)
            cause->see_also = rel_arena_printf(findings->arena, "%s, …", cause->see_also);
        return;
    }
    const char *place = rel_figure_place(findings->arena, &effect->declared);
    cause->see_also = cause->see_also
                          ? rel_arena_printf(findings->arena, "%s, %s", cause->see_also, place)
                          : place;
}

/* Within one run of the same measure, sorted by scope. */
static void link_run(rel_findings *findings, candidate *run, size_t count)
{
    size_t listed[64] = {0};
    for (size_t i = 1; i < count; i++)
        for (size_t j = 0; j < i && j < 64; j++) {
            rel_finding *cause = &findings->items[run[j].index];
            if (cause->cause != 0 || !contains(run[i].basis.source, run[j].basis.source))
                continue;
            findings->items[run[i].index].cause = run[j].index + 1;
            add_place(findings, cause, &findings->items[run[i].index], &listed[j]);
            break;
        }
}

void rel_findings_link_causes(rel_findings *findings)
{
    candidate *list = malloc((findings->count + 1) * sizeof *list);
    if (list == NULL) {
        findings->out_of_memory = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < findings->count; i++) {
        const rel_finding *f = &findings->items[i];
        basis b;
        if (f->numeric && f->status == REL_CHECK_ERROR && basis_of(f, &b))
            list[n++] = (candidate){i, b, f->difference < 0 ? -(uint64_t)f->difference
                                                           : (uint64_t)f->difference};
    }
    qsort(list, n, sizeof *list, by_measure);
    for (size_t start = 0, end; start < n; start = end) {
        for (end = start + 1; end < n && same_measure(&list[start], &list[end]); end++)
            ;
        if (end - start > 1)
            link_run(findings, list + start, end - start);
    }
    free(list);
}
