#include "render/xlsx/xlsx_checks.h"

#include <stdlib.h>
#include <string.h>

static int compare_origins(rel_origin a, rel_origin b)
{
    int files = strcmp(a.file ? a.file : "", b.file ? b.file : "");
    if (files != 0)
        return files;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return a.col < b.col ? -1 : a.col > b.col;
}

static int by_declared(const void *a, const void *b)
{
    const rel_finding *x = *(const rel_finding *const *)a, *y = *(const rel_finding *const *)b;
    return compare_origins(x->declared.at, y->declared.at);
}

bool rel_xlsx_checks_index(rel_xlsx_checks *checks, const rel_findings *findings,
                           rel_arena *arena)
{
    checks->count = 0;
    checks->sorted = rel_arena_array(arena, findings->count ? findings->count : 1,
                                     sizeof *checks->sorted);
    if (checks->sorted == NULL)
        return false;
    for (size_t i = 0; i < findings->count; i++) {
        const rel_finding *f = &findings->items[i];
        if (f->numeric && f->declared.at.file && f->declared.at.line > 0)
            checks->sorted[checks->count++] = f;
    }
    qsort(checks->sorted, checks->count, sizeof *checks->sorted, by_declared);
    return true;
}

/* The first check declared at `at` whose expected figure `wanted` accepts. */
static const rel_finding *find(const rel_xlsx_checks *checks, rel_origin at,
                               const rel_dataset *dataset, bool sums_only)
{
    size_t low = 0, high = checks->count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (compare_origins(checks->sorted[mid]->declared.at, at) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    for (size_t i = low; i < checks->count; i++) {
        const rel_finding *f = checks->sorted[i];
        if (compare_origins(f->declared.at, at) != 0)
            break;
        const rel_figure_source *source = f->expected_source;
        bool kind = source && (source->kind == REL_SOURCE_SUM
                               || (!sums_only && (source->kind == REL_SOURCE_LINES
                                                  || source->kind == REL_SOURCE_GROUP)));
        if (f->declared_source == NULL && kind && (dataset == NULL || source->dataset == dataset))
            return f;
    }
    return NULL;
}

const rel_finding *rel_xlsx_checks_total(const rel_xlsx_checks *checks, rel_origin at,
                                         const rel_dataset *dataset)
{
    return find(checks, at, dataset, true);
}

const rel_finding *rel_xlsx_checks_against(const rel_xlsx_checks *checks, rel_origin at,
                                           const rel_dataset *dataset)
{
    return find(checks, at, dataset, false);
}
