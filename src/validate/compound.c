#include "validate/compound.h"

#include <stdbool.h>
#include <string.h>

#include "core/utf8.h"
#include "validate/labels.h"

/* "-338 -2,3%": a figure, blanks, a percentage. The split point (the last
 * blank run) in *at, the second figure's offset in *second. */
static bool is_pair(const rel_cell *cell, size_t *at, size_t *second)
{
    const char *text = cell->text;
    size_t len = cell->len;
    if (len < 4 || text[len - 1] != '%')
        return false;
    size_t blank = len;
    while (blank > 0 && text[blank - 1] != ' ')
        blank--;
    if (blank == 0)
        return false;
    *second = blank;
    while (blank > 0 && text[blank - 1] == ' ')
        blank--;
    *at = blank;
    return blank > 0 && strpbrk(text + *second, "0123456789") && strcspn(text, "0123456789") < blank;
}

/* Most of the column's non-empty cells are pairs. */
static bool is_compound(const rel_csv_table *table, uint32_t column)
{
    int later, earlier;
    if (!rel_label_change(table->header.cells[column].text, &later, &earlier))
        return false;
    size_t cells = 0, pairs = 0, at, second;
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_cell *cell = &table->rows[r].cells[column];
        if (cell->len == 0)
            continue;
        cells++;
        pairs += is_pair(cell, &at, &second);
    }
    return pairs > 0 && pairs * 3 >= cells * 2;
}

static bool split_cell(const rel_cell *cell, rel_arena *arena, rel_cell *first, rel_cell *second)
{
    size_t at, from;
    *first = *cell;
    *second = (rel_cell){"", 0, cell->line, cell->col};
    if (!is_pair(cell, &at, &from))
        return true;   /* a lone figure stays in the first column */
    first->text = rel_arena_strndup(arena, cell->text, at);
    first->len = (uint32_t)at;
    second->text = rel_arena_strdup(arena, cell->text + from);
    second->len = (uint32_t)(cell->len - from);
    second->col = cell->col + (uint32_t)rel_utf8_length(cell->text, from);
    return first->text && second->text;
}

static bool copy_row(const rel_csv_row *row, const bool *compound, uint32_t width, rel_arena *arena,
                     rel_csv_row *out)
{
    *out = (rel_csv_row){rel_arena_array(arena, width, sizeof *out->cells), width, row->line};
    if (out->cells == NULL)
        return false;
    for (uint32_t c = 0, n = 0; c < row->count; c++) {
        if (!compound[c]) {
            out->cells[n++] = row->cells[c];
            continue;
        }
        if (!split_cell(&row->cells[c], arena, &out->cells[n], &out->cells[n + 1]))
            return false;
        n += 2;
    }
    return true;
}

const rel_csv_table *rel_compound_split(const rel_csv_table *table, rel_arena *arena)
{
    uint32_t count = table->header.count, extra = 0;
    bool *compound = rel_arena_array(arena, count + 1, sizeof *compound);
    if (compound == NULL)
        return NULL;
    for (uint32_t c = 0; c < count; c++)
        extra += compound[c] = is_compound(table, c);
    if (extra == 0)
        return table;
    rel_csv_table *out = rel_arena_array(arena, 1, sizeof *out);
    if (out == NULL)
        return NULL;
    *out = *table;
    out->rows = rel_arena_array(arena, table->row_count + 1, sizeof *out->rows);
    if (out->rows == NULL || !copy_row(&table->header, compound, count + extra, arena,
                                       &out->header))
        return NULL;
    for (uint32_t c = 0, n = 0; c < count; c++, n++)
        if (compound[c]) {
            out->header.cells[n + 1].text = rel_arena_printf(arena, "%s %%",
                                                             table->header.cells[c].text);
            if (out->header.cells[n + 1].text == NULL)
                return NULL;
            out->header.cells[n + 1].len = (uint32_t)strlen(out->header.cells[n + 1].text);
            n++;
        }
    for (size_t r = 0; r < table->row_count; r++)
        if (!copy_row(&table->rows[r], compound, count + extra, arena, &out->rows[r]))
            return NULL;
    return out;
}
