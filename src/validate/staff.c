#include "validate/staff.h"

#include <string.h>

#include "core/codes.h"

/* A breakdown the cross split implies: `name` = `a` + `b`. */
typedef struct derived {
    const char *name, *label, *a, *b;
} derived;

static const derived implied[] = {
    {"indeterminato", "Indeterminato", "indeterminato_tempo_pieno", "indeterminato_part_time"},
    {"determinato", "Determinato", "determinato_tempo_pieno", "determinato_part_time"},
    {"tempo_pieno", "Tempo pieno", "indeterminato_tempo_pieno", "determinato_tempo_pieno"},
    {"part_time", "Part time", "indeterminato_part_time", "determinato_part_time"},
};

static const char *const breakdowns[] = {
    "indeterminato", "determinato", "collaboratori", "comando", "tempo_pieno", "part_time",
    "indeterminato_tempo_pieno", "indeterminato_part_time", "determinato_tempo_pieno",
    "determinato_part_time", "totale", NULL,
};

/* Appends column `name` to every row: the sum of columns a and b. */
static bool add_sum(rel_dataset *d, const derived *what, int a, int b, rel_arena *arena)
{
    rel_column *columns = rel_arena_array(arena, d->column_count + 1, sizeof *columns);
    if (columns == NULL)
        return false;
    memcpy(columns, d->columns, d->column_count * sizeof *columns);
    columns[d->column_count] = (rel_column){
        .name = what->name, .label = what->label, .type = REL_TYPE_COUNT, .computed = true,
        .at = d->columns[a].at,
    };
    for (size_t r = 0; r < d->row_count; r++) {
        rel_row *row = &d->rows[r];
        rel_value *values = rel_arena_array(arena, d->column_count + 1, sizeof *values);
        if (values == NULL)
            return false;
        memcpy(values, row->values, d->column_count * sizeof *values);
        const rel_value *x = &row->values[a], *y = &row->values[b];
        values[d->column_count] = (rel_value){
            .at = x->at, .present = x->present || y->present,
            .number = x->number + y->number,
            .text = rel_arena_printf(arena, "%lld", (long long)(x->number + y->number)),
        };
        if (values[d->column_count].text == NULL)
            return false;
        row->values = values;
    }
    d->columns = columns;
    d->column_count++;
    return true;
}

bool rel_staff_complete(rel_dataset *d, rel_arena *arena, rel_diags *diags)
{
    bool any = false;
    for (size_t i = 0; breakdowns[i]; i++)
        any = any || rel_dataset_column(d, breakdowns[i]) >= 0;
    if (!any) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_STAFF_COLUMNS, (rel_origin){d->path, 1, 0},
                     "il personale non ha colonne di conteggio: servono le colonne per contratto "
                     "(indeterminato, determinato, collaboratori, comando), per orario "
                     "(tempo_pieno, part_time) o entrambe (vedi docs/INPUT.md)");
        return true;
    }
    for (size_t i = 0; i < sizeof implied / sizeof implied[0]; i++) {
        int a = rel_dataset_column(d, implied[i].a), b = rel_dataset_column(d, implied[i].b);
        if (rel_dataset_column(d, implied[i].name) < 0 && a >= 0 && b >= 0
            && !add_sum(d, &implied[i], a, b, arena))
            return false;
    }
    return true;
}
