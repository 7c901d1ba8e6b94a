#include "render/xlsx/xlsx_cells.h"

#include <stdlib.h>
#include <string.h>

/* The kinds of a sheet's rows, as prefix counts: items[r] is the number of
 * ITEM rows before row r, opaque[r] the number of rows before r whose
 * figures a SUBTOTAL would count although they are no line (a declared
 * TOTALE, a total computed without SUBTOTAL). */
struct rel_xlsx_sheet_rows {
    const char *ref;
    int kind_column;
    uint8_t *kinds;
    uint32_t *items;
    uint32_t *opaque;
    size_t count;          /* rows recorded */
    size_t capacity;
};

struct rel_xlsx_placement {
    const rel_dataset *dataset;
    uint32_t sheet;
    const lxw_row_t *rows;
    const int *columns;
};

enum { SLOT_EMPTY, SLOT_DATASET, SLOT_DERIVED };

/* A derived figure by its key, or a placement by its dataset's path. */
struct rel_xlsx_slot {
    uint8_t kind;
    const char *key;
    size_t placement;      /* SLOT_DATASET */
    rel_xlsx_derived value;
};

const char *rel_xlsx_row_kind_word(rel_xlsx_row_kind kind)
{
    switch (kind) {
    case REL_XLSX_ROW_ITEM:
        return "voce";
    case REL_XLSX_ROW_DECLARED:
        return "totale dichiarato";
    case REL_XLSX_ROW_SUBTOTAL:
    case REL_XLSX_ROW_FORMULA:
        return "ricalcolato";
    case REL_XLSX_ROW_OTHER:
        break;
    }
    return "";
}

void rel_xlsx_cells_init(rel_xlsx_cells *cells)
{
    memset(cells, 0, sizeof *cells);
}

void rel_xlsx_cells_free(rel_xlsx_cells *cells)
{
    for (size_t i = 0; i < cells->sheet_count; i++) {
        free(cells->sheets[i].kinds);
        free(cells->sheets[i].items);
        free(cells->sheets[i].opaque);
    }
    free(cells->sheets);
    free(cells->placements);
    free(cells->slots);
    rel_xlsx_cells_init(cells);
}

bool rel_xlsx_cells_sheet(rel_xlsx_cells *cells, const char *ref, int kind_column,
                          uint32_t *index)
{
    if (cells->sheet_count == cells->sheet_capacity) {
        size_t capacity = cells->sheet_capacity ? cells->sheet_capacity * 2 : 32;
        rel_xlsx_sheet_rows *grown = realloc(cells->sheets, capacity * sizeof *grown);
        if (grown == NULL)
            return false;
        cells->sheets = grown;
        cells->sheet_capacity = capacity;
    }
    cells->sheets[cells->sheet_count] = (rel_xlsx_sheet_rows){.ref = ref,
                                                              .kind_column = kind_column};
    *index = (uint32_t)cells->sheet_count++;
    return true;
}

const char *rel_xlsx_cells_sheet_ref(const rel_xlsx_cells *cells, uint32_t sheet)
{
    return sheet < cells->sheet_count ? cells->sheets[sheet].ref : "";
}

static bool grow_rows(rel_xlsx_sheet_rows *rows, size_t needed)
{
    size_t capacity = rows->capacity ? rows->capacity : 64;
    while (capacity < needed)
        capacity *= 2;
    uint8_t *kinds = realloc(rows->kinds, capacity);
    if (kinds)
        rows->kinds = kinds;
    uint32_t *items = kinds ? realloc(rows->items, (capacity + 1) * sizeof *items) : NULL;
    if (items)
        rows->items = items;
    uint32_t *opaque = items ? realloc(rows->opaque, (capacity + 1) * sizeof *opaque) : NULL;
    if (opaque == NULL)
        return false;
    rows->opaque = opaque;
    rows->capacity = capacity;
    return true;
}

/* Rows not recorded (title, headings) count as OTHER. */
bool rel_xlsx_cells_row(rel_xlsx_cells *cells, uint32_t sheet, uint32_t row,
                        rel_xlsx_row_kind kind)
{
    rel_xlsx_sheet_rows *rows = &cells->sheets[sheet];
    if (row + 1 > rows->capacity && !grow_rows(rows, (size_t)row + 1))
        return false;
    if (rows->count == 0)
        rows->items[0] = rows->opaque[0] = 0;
    for (; rows->count <= row; rows->count++) {
        size_t r = rows->count;
        rel_xlsx_row_kind k = r == row ? kind : REL_XLSX_ROW_OTHER;
        rows->kinds[r] = (uint8_t)k;
        rows->items[r + 1] = rows->items[r] + (k == REL_XLSX_ROW_ITEM);
        rows->opaque[r + 1] = rows->opaque[r]
                              + (k == REL_XLSX_ROW_DECLARED || k == REL_XLSX_ROW_FORMULA);
    }
    return true;
}

/* --- the hash table --------------------------------------------------------- */

static uint64_t hash_text(uint64_t h, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; p && *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

static bool same_origin(rel_origin a, rel_origin b)
{
    return a.line == b.line && a.col == b.col
           && (a.file == b.file || (a.file && b.file && strcmp(a.file, b.file) == 0));
}

static rel_xlsx_slot *find_slot(rel_xlsx_slot *slots, size_t capacity, uint64_t hash,
                                const rel_xlsx_slot *wanted)
{
    for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
        rel_xlsx_slot *slot = &slots[i];
        if (slot->kind == SLOT_EMPTY)
            return slot;
        if (slot->kind == wanted->kind && strcmp(slot->key, wanted->key) == 0)
            return slot;
    }
}

static uint64_t slot_hash(const rel_xlsx_slot *slot)
{
    return hash_text(slot->kind == SLOT_DATASET ? 14695981039346656037u : 1469598103934665603u,
                     slot->key);
}

static bool rehash(rel_xlsx_cells *cells)
{
    size_t capacity = cells->slot_capacity ? cells->slot_capacity * 2 : 1024;
    rel_xlsx_slot *slots = calloc(capacity, sizeof *slots);
    if (slots == NULL)
        return false;
    for (size_t i = 0; i < cells->slot_capacity; i++)
        if (cells->slots[i].kind != SLOT_EMPTY)
            *find_slot(slots, capacity, slot_hash(&cells->slots[i]), &cells->slots[i])
                = cells->slots[i];
    free(cells->slots);
    cells->slots = slots;
    cells->slot_capacity = capacity;
    return true;
}

static bool put(rel_xlsx_cells *cells, const rel_xlsx_slot *slot)
{
    if ((cells->slot_used + 1) * 2 > cells->slot_capacity && !rehash(cells))
        return false;
    rel_xlsx_slot *found = find_slot(cells->slots, cells->slot_capacity, slot_hash(slot), slot);
    cells->slot_used += found->kind == SLOT_EMPTY;
    *found = *slot;
    return true;
}

static const rel_xlsx_slot *get(const rel_xlsx_cells *cells, const rel_xlsx_slot *wanted)
{
    if (cells->slot_capacity == 0)
        return NULL;
    const rel_xlsx_slot *found = find_slot(cells->slots, cells->slot_capacity,
                                           slot_hash(wanted), wanted);
    return found->kind == SLOT_EMPTY ? NULL : found;
}

bool rel_xlsx_cells_place(rel_xlsx_cells *cells, const rel_dataset *d, uint32_t sheet,
                          const lxw_row_t *rows, const int *columns)
{
    if (cells->placement_count == cells->placement_capacity) {
        size_t capacity = cells->placement_capacity ? cells->placement_capacity * 2 : 32;
        rel_xlsx_placement *grown = realloc(cells->placements, capacity * sizeof *grown);
        if (grown == NULL)
            return false;
        cells->placements = grown;
        cells->placement_capacity = capacity;
    }
    cells->placements[cells->placement_count] = (rel_xlsx_placement){d, sheet, rows, columns};
    rel_xlsx_slot slot = {.kind = SLOT_DATASET, .key = d->path,
                          .placement = cells->placement_count++};
    return put(cells, &slot);
}

static const rel_xlsx_placement *placement_of(const rel_xlsx_cells *cells, const char *path)
{
    rel_xlsx_slot wanted = {.kind = SLOT_DATASET, .key = path};
    const rel_xlsx_slot *found = path ? get(cells, &wanted) : NULL;
    return found ? &cells->placements[found->placement] : NULL;
}

static bool numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

static bool cell_of(const rel_xlsx_placement *p, size_t row, int column, rel_xlsx_derived *out)
{
    const rel_dataset *d = p->dataset;
    if (column < 0 || (size_t)column >= d->column_count || p->columns[column] < 0
        || !numeric(d->columns[column].type))
        return false;
    rel_type type = d->columns[column].type;
    const rel_value *v = &d->rows[row].values[column];
    *out = (rel_xlsx_derived){{p->sheet, p->rows[row], (uint16_t)p->columns[column],
                               type == REL_TYPE_PERCENT, !v->present},
                              v->present ? v->number : 0, 1};
    for (int i = 0; i < rel_type_scale(type); i++)
        out->den *= 10;
    return true;
}

bool rel_xlsx_cells_at(const rel_xlsx_cells *cells, const rel_dataset *d, size_t row,
                       int column, rel_xlsx_derived *out)
{
    const rel_xlsx_placement *p = placement_of(cells, d->path);
    return p && p->dataset == d && row < d->row_count && cell_of(p, row, column, out);
}

/* The row holding the cell at line `line`: the last that starts on it or
 * before (a quoted field may run over several lines). */
static size_t row_at_line(const rel_dataset *d, uint32_t line)
{
    size_t low = 0, high = d->row_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (d->rows[mid].line <= line)
            low = mid + 1;
        else
            high = mid;
    }
    return low;   /* one past it */
}

bool rel_xlsx_cells_find(const rel_xlsx_cells *cells, rel_origin at, rel_xlsx_derived *out)
{
    const rel_xlsx_placement *p = placement_of(cells, at.file);
    if (p == NULL || at.line == 0)
        return false;
    const rel_dataset *d = p->dataset;
    size_t r = row_at_line(d, at.line);
    for (size_t c = 0; r > 0 && c < d->column_count; c++)
        if (same_origin(d->rows[r - 1].values[c].at, at))
            return cell_of(p, r - 1, (int)c, out);
    return false;
}

bool rel_xlsx_cells_put_derived(rel_xlsx_cells *cells, const char *key,
                                rel_xlsx_derived derived)
{
    rel_xlsx_slot slot = {.kind = SLOT_DERIVED, .key = key, .value = derived};
    return key != NULL && put(cells, &slot);
}

const rel_xlsx_derived *rel_xlsx_cells_get_derived(const rel_xlsx_cells *cells,
                                                   const char *key)
{
    rel_xlsx_slot wanted = {.kind = SLOT_DERIVED, .key = key};
    const rel_xlsx_slot *found = key ? get(cells, &wanted) : NULL;
    return found ? &found->value : NULL;
}

const char *rel_xlsx_derived_key(rel_arena *arena, const char *family, int year,
                                 const char *quantity)
{
    return rel_arena_printf(arena, "%s|%d|%s", family, year, quantity ? quantity : "");
}

void rel_xlsx_cells_count(const rel_xlsx_cells *cells, uint32_t sheet, uint32_t first,
                          uint32_t last, size_t *items, size_t *opaque)
{
    const rel_xlsx_sheet_rows *rows = &cells->sheets[sheet];
    size_t end = (size_t)last + 1 < rows->count ? (size_t)last + 1 : rows->count;
    size_t begin = first < end ? first : end;
    *items = rows->count ? rows->items[end] - rows->items[begin] : 0;
    *opaque = rows->count ? rows->opaque[end] - rows->opaque[begin] : 0;
}

int rel_xlsx_cells_kind_column(const rel_xlsx_cells *cells, uint32_t sheet)
{
    return sheet < cells->sheet_count ? cells->sheets[sheet].kind_column : -1;
}
