#include "render/xlsx/xlsx_keys.h"

#include <stdlib.h>
#include <string.h>

#include "validate/labels.h"

typedef struct keyed_row {
    const char *key;     /* normalised */
    size_t row;
} keyed_row;

struct rel_xlsx_keys {
    const rel_dataset *dataset;
    int column;
    keyed_row *items;    /* lines, sorted by key then row */
    size_t count;
    rel_xlsx_keys *next;
};

static int by_key(const void *a, const void *b)
{
    const keyed_row *x = a, *y = b;
    int keys = strcmp(x->key, y->key);
    return keys ? keys : (x->row > y->row) - (x->row < y->row);
}

static rel_xlsx_keys *index_of(rel_xlsx_book *book, const rel_dataset *d, int column)
{
    for (rel_xlsx_keys *k = book->keys; k; k = k->next)
        if (k->dataset == d && k->column == column)
            return k;
    rel_xlsx_keys *k = rel_arena_alloc(book->arena, sizeof *k);
    keyed_row *items = rel_arena_array(book->arena, d->row_count + 1, sizeof *items);
    if (k == NULL || items == NULL)
        return NULL;
    *k = (rel_xlsx_keys){d, column, items, 0, book->keys};
    char normal[256];
    for (size_t r = 0; r < d->row_count; r++) {
        if (d->rows[r].kind != REL_ROW_ITEM)
            continue;
        rel_label_normalize(rel_row_text(&d->rows[r], column), normal, sizeof normal);
        const char *key = rel_arena_strdup(book->arena, normal);
        if (key == NULL)
            return NULL;
        items[k->count++] = (keyed_row){key, r};
    }
    qsort(items, k->count, sizeof *items, by_key);
    book->keys = k;
    return k;
}

bool rel_xlsx_keys_lines(rel_xlsx_book *book, const rel_dataset *d, int column, const char *key,
                         const size_t **rows, size_t *count)
{
    rel_xlsx_keys *k = index_of(book, d, column);
    if (k == NULL)
        return false;
    char wanted[256];
    rel_label_normalize(key, wanted, sizeof wanted);
    size_t low = 0, high = k->count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (strcmp(k->items[mid].key, wanted) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    size_t end = low;
    while (end < k->count && strcmp(k->items[end].key, wanted) == 0)
        end++;
    size_t *found = rel_arena_array(&book->scratch, end - low + 1, sizeof *found);
    if (found == NULL)
        return false;
    for (size_t i = low; i < end; i++)
        found[i - low] = k->items[i].row;
    *rows = found;
    *count = end - low;
    return true;
}
