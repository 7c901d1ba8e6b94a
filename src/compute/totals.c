#include "compute/totals.h"

#include <stdlib.h>
#include <string.h>

#include "validate/labels.h"

bool rel_dataset_sum(const rel_dataset *dataset, int column, int64_t *sum)
{
    *sum = 0;
    for (size_t r = 0; r < dataset->row_count; r++) {
        const rel_row *row = &dataset->rows[r];
        if (row->kind == REL_ROW_ITEM
            && __builtin_add_overflow(*sum, row->values[column].number, sum))
            return false;
    }
    return true;
}

bool rel_schedule_get(const rel_model *model, rel_schedule *schedule)
{
    const rel_dataset *data = rel_model_dataset(model, "schede");
    if (data == NULL)
        return false;
    *schedule = (rel_schedule){
        .data = data,
        .area = rel_dataset_column(data, "area"),
        .azione = rel_dataset_column(data, "azione"),
        .voce = rel_dataset_column(data, "voce"),
        .descrizione = rel_dataset_column(data, "descrizione"),
        .preventivo = rel_dataset_column(data, "preventivo"),
        .consuntivo = rel_dataset_column(data, "consuntivo"),
        .motivazione = rel_dataset_column(data, "motivazione"),
    };
    static const rel_levels standard = {{"area", "azione"}, 2};
    const rel_levels *levels = model->schedule_levels.count ? &model->schedule_levels : &standard;
    for (size_t i = 0; i < levels->count; i++) {
        char name[128];
        rel_label_normalize(levels->names[i], name, sizeof name);
        int column = rel_dataset_column(data, name);
        if (column >= 0) {
            schedule->level_names[schedule->level_count] = levels->names[i];
            schedule->levels[schedule->level_count++] = column;
        }
    }
    return schedule->area >= 0 && schedule->voce >= 0 && schedule->preventivo >= 0
           && schedule->consuntivo >= 0;
}

typedef struct keyed {
    const char *key;
    const rel_row *row;
} keyed;

static int by_key(const void *a, const void *b)
{
    return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

static const char *normalized(rel_arena *arena, const char *text)
{
    char buffer[256];
    rel_label_normalize(text, buffer, sizeof buffer);
    return rel_arena_strdup(arena, buffer);
}

bool rel_group_sums_compute(const rel_dataset *dataset, int key_column, int column,
                            rel_arena *arena, rel_group_sums *out)
{
    *out = (rel_group_sums){NULL, 0};
    keyed *lines = malloc((dataset->row_count + 1) * sizeof *lines);
    out->items = rel_arena_array(arena, dataset->row_count + 1, sizeof *out->items);
    if (lines == NULL || out->items == NULL) {
        free(lines);
        return false;
    }
    size_t n = 0;
    for (size_t r = 0; r < dataset->row_count; r++) {
        const rel_row *row = &dataset->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        lines[n] = (keyed){normalized(arena, rel_row_text(row, key_column)), row};
        if (lines[n++].key == NULL) {
            free(lines);
            return false;
        }
    }
    qsort(lines, n, sizeof *lines, by_key);
    for (size_t i = 0; i < n; i++) {
        rel_group_sum *g = out->count ? &out->items[out->count - 1] : NULL;
        if (g == NULL || strcmp(g->key, lines[i].key) != 0) {
            g = &out->items[out->count++];
            *g = (rel_group_sum){.key = lines[i].key};
        }
        g->lines++;
        if (__builtin_add_overflow(g->sum, lines[i].row->values[column].number, &g->sum))
            g->overflow = true;
    }
    free(lines);
    return true;
}

const rel_group_sum *rel_group_sums_find(const rel_group_sums *sums, const char *text)
{
    char key[256];
    rel_label_normalize(text, key, sizeof key);
    size_t low = 0, high = sums->count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int order = strcmp(sums->items[mid].key, key);
        if (order == 0)
            return &sums->items[mid];
        if (order < 0)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}
